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
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pytest_bdd import parsers
from pytest_bdd.parser import Feature
from pytest_bdd.steps import StepFunctionContext, step_function_context_registry

from suite.reporting.faq import REPO_ROOT
from suite.reporting.features import relative, rendered

TYPES = ("given", "when", "then")


@dataclass(frozen=True)
class Parameter:
    name: str
    choices: tuple[str, ...] = ()  # the phrases a regex alternation allows, if it lists them
    pattern: str = ""  # what else it accepts, when not a list of phrases


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
    def phrase(self) -> str:
        """The pattern as an analyst reads it: parameters as <name>, escapes removed."""
        parser = self.context.parser
        if isinstance(parser, parsers.re):
            return render_regex(self.pattern)
        if isinstance(parser, parsers.parse):
            return re.sub(r"\{(\w+)(?::[^}]*)?\}", r"<\1>", self.pattern)
        return self.pattern

    @property
    def parameters(self) -> list[Parameter]:
        parser = self.context.parser
        if isinstance(parser, parsers.re):
            return list(regex_parameters(self.pattern))
        if isinstance(parser, parsers.parse):
            return [
                Parameter(m.group(1), pattern=m.group(2) or "any text")
                for m in re.finditer(r"\{(\w+)(?::([^}]*))?\}", self.pattern)
            ]
        return []

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


def load_step_definitions(modules: Sequence[str], root: Path = REPO_ROOT) -> list[StepDef]:
    """Import the modules and return the steps they define, in source order."""
    for name in modules:
        importlib.import_module(name)
    wanted = set(modules)
    found: list[StepDef] = []
    for context in list(step_function_context_registry.values()):
        func = context.step_func
        if func.__module__ not in wanted:
            continue
        source = inspect.getsourcefile(func) or ""
        line = inspect.getsourcelines(func)[1]
        found.append(StepDef(context, func.__module__, relative(source, root), line))
    # A function with two decorators is two definitions; keep the file's order.
    return sorted(found, key=lambda d: (d.module, d.line, d.pattern))


def step_modules_in(directory: Path, root: Path = REPO_ROOT) -> list[str]:
    """Modules of a steps folder that define at least one step (by importing them)."""
    package = relative(directory, root).replace("/", ".")
    names = [f"{package}.{p.stem}" for p in sorted(directory.glob("*.py")) if p.stem != "__init__"]
    return sorted({d.module for d in load_step_definitions(names, root)})


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


# --- Reading regular expressions aloud --------------------------------------------------------


def _group_end(pattern: str, start: int) -> int:
    """Index of the ")" closing the group opened at pattern[start]."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _top_level_alternatives(body: str) -> list[str]:
    parts, depth, current, i = [], 0, "", 0
    while i < len(body):
        char = body[i]
        if char == "\\":
            current += body[i : i + 2]
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
        i += 1
    return [*parts, current]


def _literal(fragment: str) -> str | None:
    """The text a regex fragment matches when it is plain text (escapes allowed), else None."""
    text, i = "", 0
    while i < len(fragment):
        char = fragment[i]
        if char == "\\" and i + 1 < len(fragment) and not fragment[i + 1].isalnum():
            text += fragment[i + 1]
            i += 2
        elif char in ".^$*+?{}[]()|\\":
            return None
        else:
            text += char
            i += 1
    return text


def _named_groups(pattern: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, body) of each top-level-or-nested named group, in order."""
    for match in re.finditer(r"\(\?P<(\w+)>", pattern):
        end = _group_end(pattern, match.start())
        yield match.start(), end, match.group(1), pattern[match.end() : end]


def regex_parameters(pattern: str) -> Iterator[Parameter]:
    for _, _, name, body in _named_groups(pattern):
        alternatives = [_literal(a) for a in _top_level_alternatives(body)]
        if all(a is not None for a in alternatives) and len(alternatives) > 1:
            yield Parameter(name, choices=tuple(a for a in alternatives if a is not None))
        else:
            yield Parameter(name, pattern="any text" if body in (".+", ".*") else body)


def render_regex(pattern: str) -> str:
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("(?P<", i):
            end = _group_end(pattern, i)
            out += "<" + pattern[i + 4 : pattern.index(">", i)] + ">"
            i = end + 1
        elif pattern.startswith("(?:", i) or pattern[i] == "(":
            end = _group_end(pattern, i)
            body = pattern[i + (3 if pattern.startswith("(?:", i) else 1) : end]
            alternatives = [_literal(a) for a in _top_level_alternatives(body)]
            if all(a is not None for a in alternatives):
                out += "(" + "|".join(a for a in alternatives if a is not None) + ")"
            else:
                out += "(" + render_regex(body) + ")"
            i = end + 1
        elif pattern[i] == "\\" and i + 1 < len(pattern):
            out += pattern[i + 1]
            i += 2
        elif pattern[i] in "^$":
            i += 1
        else:
            out += pattern[i]
            i += 1
    return out
