"""The step definitions pytest-bdd knows, read without running pytest or a browser.

pytest-bdd finds steps only in modules pytest loads as plugins or conftests; this suite lists
its step modules in the root conftest.py's `pytest_plugins`. The same list is read here (from
the file, without importing the conftest), the modules are imported, and pytest-bdd's own
registry of step functions gives each pattern and its parser, so a step matches here exactly
when it would match in a run.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pytest_bdd import parsers
from pytest_bdd.parser import Feature
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

from suite.authoring.faq import REPO_ROOT
from suite.authoring.features import relative, rendered
from suite.authoring.phrases import (
    Parameter,
    Token,
    parameters,
    parse_tokens,
    regex_tokens,
    spellings,
)
from suite.authoring.phrases import uses_actor as _uses_actor
from suite.authoring.step_contract import OldPhrase

TYPES = ("given", "when", "then")


@dataclass(frozen=True)
class FeatureStep:
    """One step line as pytest runs it (an outline's step once per example row)."""

    path: str
    line: int
    type: str
    keyword: str
    text: str

    def __str__(self) -> str:
        return f"{self.keyword} {self.text}"


@dataclass
class StepDef:
    context: StepFunctionContext
    module: str
    path: str
    line: int
    uses: list[FeatureStep] = field(default_factory=list)

    @property
    def type(self) -> str | None:
        return self.context.type

    @property
    def pattern(self) -> str:
        return str(self.context.parser.name)

    @property
    def function(self) -> str:
        return str(self.context.step_func.__name__)

    @property
    def target_fixture(self) -> str | None:
        return self.context.target_fixture

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.context.step_func) or ""

    def matches(self, step: FeatureStep) -> bool:
        if self.type is not None and self.type != step.type:
            return False
        return bool(self.context.parser.is_matching(step.text))

    def arguments(self, step: FeatureStep) -> dict[str, str]:
        parsed = self.context.parser.parse_arguments(step.text) or {}
        return {str(k): str(v) for k, v in parsed.items()}

    @property
    def old(self) -> OldPhrase | None:
        """The old phrase this definition keeps running (suite.authoring.step_contract), if it
        is one."""
        found = getattr(self.context.step_func, "__old_phrase__", None)
        return found if isinstance(found, OldPhrase) else None

    @property
    def tokens(self) -> list[Token]:
        parser = self.context.parser
        if isinstance(parser, parsers.re):
            return regex_tokens(self.pattern)
        if isinstance(parser, parsers.parse):
            return parse_tokens(self.pattern)
        return [self.pattern]

    @property
    def phrase(self) -> str:
        """The pattern as an analyst writes it: placeholders in words (suite.authoring.phrases)."""
        return spellings(self.tokens)[0]

    @property
    def other_spellings(self) -> list[str]:
        return spellings(self.tokens)[1:]

    @property
    def parameters(self) -> list[Parameter]:
        return parameters(self.tokens)

    @property
    def uses_actor(self) -> bool:
        """Whether the phrase says "the filer" (which may be "the user" or "the clerk")."""
        return _uses_actor(self.tokens)

    @property
    def keyword(self) -> str:
        return (self.type or "given/when/then").capitalize()

    @property
    def fixtures(self) -> set[str]:
        """What the step function asks pytest for, its phrase's parameters aside."""
        names = set(inspect.signature(self.context.step_func).parameters)
        return names - {p.name for p in self.parameters}

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"


def registered_step_modules(conftest: Path = REPO_ROOT / "conftest.py") -> list[str]:
    """The modules named in the root conftest.py's `pytest_plugins` list."""
    tree = ast.parse(conftest.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "pytest_plugins" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            return [value] if isinstance(value, str) else [str(v) for v in value]
    return []


def load_step_definitions(
    modules: Sequence[str], root: Path = REPO_ROOT, old_phrases: bool = False
) -> list[StepDef]:
    """Import the modules and return the steps they define, in source order; the old phrases
    kept running (suite.authoring.step_contract) only when asked for."""
    for name in modules:
        importlib.import_module(name)
    wanted = set(modules)
    found: list[StepDef] = []
    for context in list(step_function_context_registry.values()):
        func = context.step_func
        if func.__module__ not in wanted or (hasattr(func, "__old_phrase__") and not old_phrases):
            continue  # another plugin's, or old words kept running (suite.authoring.step_contract)
        source = inspect.getsourcefile(func) or ""
        line = inspect.getsourcelines(func)[1]
        found.append(StepDef(context, func.__module__, relative(source, root), line))
    # A function with two decorators is two definitions; keep the file's order.
    return sorted(found, key=lambda d: (d.module, d.line, d.pattern))


def step_modules_in(directory: Path, root: Path = REPO_ROOT) -> list[str]:
    """Modules of a steps folder that define at least one step (by importing them)."""
    package = relative(directory, root).replace("/", ".")
    names = [f"{package}.{p.stem}" for p in sorted(directory.glob("*.py")) if p.stem != "__init__"]
    return sorted({d.module for d in load_step_definitions(names, root, old_phrases=True)})


def feature_steps(features: Sequence[Feature], root: Path = REPO_ROOT) -> list[FeatureStep]:
    """Every step of every scenario as pytest runs it, once per distinct (line, text)."""
    seen: set[tuple[str, int, str]] = set()
    steps: list[FeatureStep] = []
    for feature in features:
        path = relative(feature.filename, root)
        for template in feature.scenarios.values():
            for _, scenario in rendered(template):
                for step in scenario.steps:
                    key = (path, step.line_number, step.name)
                    if key not in seen:
                        seen.add(key)
                        steps.append(
                            FeatureStep(path, step.line_number, step.type, step.keyword, step.name)
                        )
    return steps


def match_steps(
    definitions: Sequence[StepDef], steps: Sequence[FeatureStep]
) -> dict[FeatureStep, list[StepDef]]:
    """For each feature step, the definitions that match it (records each use too)."""
    matches: dict[FeatureStep, list[StepDef]] = {}
    for step in steps:
        matches[step] = [d for d in definitions if d.matches(step)]
        for definition in matches[step]:
            definition.uses.append(step)
    return matches
