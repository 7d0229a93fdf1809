"""Step phrases are the analysts' contract: an old phrase keeps working for a while, or says
what replaces it. Never a bare StepDefinitionNotFoundError.

A phrase that is renamed or removed is declared in steps/old_phrases.py, in one line:

    deprecated(then, '"Continue" is disabled', goes_in="0.3.0")(continue_is_disabled)

The old words then run the new step (here `continue_is_disabled`, whatever its own phrase)
and warn once per run (a DeprecatedPhraseWarning in pytest's warnings summary) naming the
phrase to write instead, which is the new step's own phrase unless `write=` says otherwise.
When the old words need translating (a quoted message to its meaning), decorate a small
adapter function instead; it then receives the old phrase's parameters:

    @deprecated(then, 'CM/ECF refuses with "{message}"', goes_in="0.3.0",
                write="Then CM/ECF says: <message meaning>")
    def refuses_with_message(...): ...

Where no behaviour fits, `withdrawn(then, "old words", write="...", goes_in=...)`: a feature
file that uses the old words fails at collection, one line per use naming what to write,
before any scenario runs (and the step fails the same way should it run anyway).

Versions: pyproject.toml's version is the catalogue's. A phrase deprecated while it is 0.N.x
goes in 0.(N+2).0, so analysts see its warning through one whole release; once the version
reaches `goes_in`, tests/unit/test_step_contract.py fails until the alias is deleted (and the
snapshot regenerated). The step catalogue lists every deprecated and withdrawn phrase apart.
"""

from __future__ import annotations

import functools
import sys
import tomllib
import warnings
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pytest_bdd import parsers
from pytest_bdd.parser import ScenarioTemplate
from pytest_bdd.parsers import StepParser
from pytest_bdd.scenario import scenario_wrapper_template_registry
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

from suite.authoring.phrases import parse_tokens, regex_tokens, spellings

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
Step = TypeVar("Step", bound=Callable[..., Any])
Keyword = Callable[..., Callable[[Callable[..., Any]], Callable[..., Any]]]  # given, when, then


class DeprecatedPhraseWarning(FutureWarning):
    """An old step phrase ran: it still works, and goes in the version the message names."""


def project_version(pyproject: Path = PYPROJECT) -> str:
    return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])


def version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def phrase_of(parser: StepParser) -> str:
    """A step's phrase as the catalogue writes it (suite.authoring.phrases)."""
    if isinstance(parser, parsers.re):
        return spellings(regex_tokens(str(parser.name)))[0]
    if isinstance(parser, parsers.parse):
        return spellings(parse_tokens(str(parser.name)))[0]
    return str(parser.name)


@dataclass(frozen=True)
class OldPhrase:
    type: str  # "given", "when" or "then"
    parser: StepParser
    write: str  # what to write instead, keyword included: "Then PACER does not let …"
    goes_in: str
    withdrawn: bool  # True: no behaviour fits; fails at collection

    @property
    def phrase(self) -> str:
        return phrase_of(self.parser)

    @property
    def keyword(self) -> str:
        return self.type.capitalize()

    def matches(self, step_type: str, text: str) -> bool:
        return step_type == self.type and bool(self.parser.is_matching(text))

    def notice(self, used: str | None = None) -> str:
        """One line: the old words (as used, if given) and what to write instead."""
        said = f"`{used or self.keyword + ' ' + self.phrase}`"
        if self.withdrawn:
            return f"{said} is no longer a step: write `{self.write}` instead"
        return f"{said} is deprecated and goes in {self.goes_in}: write `{self.write}` instead"


OLD_PHRASES: list[OldPhrase] = []
_warned: set[str] = set()


def _parser(old: str | StepParser) -> StepParser:
    """Plain words as they are; a phrase with parameters as parsers.re or parsers.parse."""
    return parsers.string(old) if isinstance(old, str) else old


def _group_names(parser: StepParser) -> set[str]:
    if isinstance(parser, parsers.re):
        return set(parser.regex.groupindex)
    if isinstance(parser, parsers.parse):
        return set(parser.parser.named_fields)
    return set()


def _contexts_of(function: Callable[..., Any]) -> list[StepFunctionContext]:
    return [c for c in step_function_context_registry.values() if c.step_func is function]


def _replacement(runner: Callable[..., Any], keyword: str) -> str:
    phrases = sorted({phrase_of(c.parser) for c in _contexts_of(runner)})
    if len(phrases) != 1:
        raise TypeError(
            f"{runner.__name__} has {len(phrases)} phrases ({phrases}): say which to write "
            "instead with write=..."
        )
    return f"{keyword.capitalize()} {phrases[0]}"


def deprecated(
    keyword: Keyword,
    old: str | StepParser,
    *,
    goes_in: str,
    write: str | None = None,
    target_fixture: str | None = None,
) -> Callable[[Step], Step]:
    """Keep the old words running `runner` (the function decorated), warning once per run."""
    step_type = keyword.__name__

    def register(runner: Step) -> Step:
        known = _contexts_of(runner)
        entry = OldPhrase(
            step_type,
            _parser(old),
            write or _replacement(runner, step_type),
            goes_in,
            withdrawn=False,
        )
        fixture = target_fixture or next((c.target_fixture for c in known), None)
        for context in known:  # the step's own phrase: the old words must fill its blanks
            lacking = _group_names(context.parser) - _group_names(entry.parser)
            if lacking:
                raise TypeError(
                    f"`{entry.phrase}` gives {runner.__name__} no {', '.join(sorted(lacking))}: "
                    "decorate an adapter that works it out from the old words"
                )

        @functools.wraps(runner)
        def alias(*args: Any, **kwargs: Any) -> Any:
            return runner(*args, **kwargs)  # the warning: pytest_bdd_before_step, below

        alias.__old_phrase__ = entry  # type: ignore[attr-defined]  # not a current phrase
        alias.__module__ = sys._getframe(1).f_globals["__name__"]  # the declaring module
        # stacklevel=2: pytest-bdd puts the step's fixture in the module that declared it.
        keyword(entry.parser, target_fixture=fixture, stacklevel=2)(alias)
        OLD_PHRASES.append(entry)
        return runner

    return register


def withdrawn(keyword: Keyword, old: str | StepParser, *, write: str, goes_in: str) -> None:
    """Old words no behaviour fits: collection fails where a feature file uses them."""
    entry = OldPhrase(
        keyword.__name__,
        _parser(old),
        write,
        goes_in,
        withdrawn=True,
    )

    def fails() -> None:
        pytest.fail(entry.notice(), pytrace=False)

    fails.__old_phrase__ = entry  # type: ignore[attr-defined]
    fails.__module__ = sys._getframe(1).f_globals["__name__"]
    keyword(entry.parser, stacklevel=2)(fails)
    OLD_PHRASES.append(entry)


def warn_once(old: OldPhrase, used: str, filename: str, line: int) -> None:
    """The first run of an old phrase in this process warns, at the feature file's line."""
    if old.phrase in _warned:
        return
    _warned.add(old.phrase)
    warnings.warn_explicit(old.notice(used), DeprecatedPhraseWarning, filename, line)


def pytest_bdd_before_step(
    request: pytest.FixtureRequest,
    feature: Any,
    scenario: Any,
    step: Any,
    step_func: Callable[..., Any],
) -> None:
    old = getattr(step_func, "__old_phrase__", None)
    if isinstance(old, OldPhrase) and not old.withdrawn:
        path = Path(feature.filename)
        root = Path(request.config.rootpath)
        shown = path.relative_to(root) if path.is_relative_to(root) else path
        warn_once(old, f"{step.keyword} {step.name}", str(shown), step.line_number)


def old_phrase_for(step_type: str, text: str) -> OldPhrase | None:
    return next((old for old in OLD_PHRASES if old.matches(step_type, text)), None)


# --- collection: withdrawn phrases fail before anything runs ------------------------------


def _template_of(item: pytest.Item) -> ScenarioTemplate | None:
    try:
        return scenario_wrapper_template_registry.get(getattr(item, "obj", None))  # type: ignore[arg-type]
    except TypeError:  # not weak-referenceable: not a scenario
        return None


def withdrawn_uses(items: list[Any], root: Path) -> list[str]:
    """One line per use of a withdrawn phrase in the scenarios of `items`."""
    found: set[tuple[str, int, str]] = set()  # (file, line, message)
    for item in items:
        template = _template_of(item) if isinstance(item, pytest.Item) else None
        if template is None:
            continue
        callspec = getattr(item, "callspec", None)
        example = callspec.params.get("_pytest_bdd_example") if callspec else None
        for step in template.render(example or {}).steps:
            old = old_phrase_for(step.type, step.name)
            if old is not None and old.withdrawn:
                path = Path(template.feature.filename)
                where = path.relative_to(root) if path.is_relative_to(root) else path
                used = f"{step.keyword} {step.name}"
                found.add((str(where), step.line_number, old.notice(used)))
    return [f"{path}:{line}: {message}" for path, line, message in sorted(found)]


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, Any, Any]:
    report = yield
    if (
        isinstance(collector, pytest.Module)
        and report.passed
        and any(old.withdrawn for old in OLD_PHRASES)
    ):
        problems = withdrawn_uses(list(report.result), Path(collector.config.rootpath))
        if problems:
            report.outcome = "failed"
            report.longrepr = "\n".join(problems)
    return report
