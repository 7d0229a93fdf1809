"""The checks of one feature file, for suite.authoring.gherkin_lint: layout, indentation,
tags, the FAQ title and descriptions, empty and over-long scenarios, outlines and table
alignment.

FileLint reads one file and fills `findings`; the checks that need the whole suite (no two
scenarios share a name, no old phrase) and the command line are suite.authoring.gherkin_lint's.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pytest_bdd.exceptions import GherkinParseError
from pytest_bdd.gherkin_parser import (
    Background,
    ExamplesTable,
    GherkinDocument,
    Row,
    Rule,
    Scenario,
    Step,
    Tag,
    get_gherkin_document,
)

from suite.authoring.faq import normalise
from suite.authoring.features import FAQ_PREFIX, Problem, beyond_faq, relative

MAX_STEPS = 9
INDENT = 2
# pytest registers these itself, so --strict-markers accepts them as tags too.
BUILTIN_MARKERS = frozenset({"skip", "xfail"})
_PLACEHOLDER = re.compile(r"<([^<>]+)>")
# A table's cell separator: a pipe not escaped with a backslash.
CELL_SPLIT = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True)
class Finding(Problem):
    check: str = ""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.check}] {self.message}"


def registered_markers(pyproject: Path) -> set[str]:
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    markers = data.get("tool", {}).get("pytest", {}).get("ini_options", {}).get("markers", [])
    return {str(m).split(":")[0].split("(")[0].strip() for m in markers} | BUILTIN_MARKERS


class FileLint:
    """The checks of one feature file; `findings` fills as it goes."""

    def __init__(self, path: Path, root: Path, questions: set[str] | None, markers: set[str]):
        self.path = path
        self.rel = relative(path, root)
        self.text = path.read_text(encoding="utf-8")
        self.lines = self.text.splitlines()
        self.questions = questions
        self.markers = markers
        self.findings: list[Finding] = []
        self.structural: set[int] = set()  # lines that are keywords, tags, steps or table rows
        self.scenarios: list[tuple[str, int]] = []  # (name, line), for the suite-wide check

    def add(self, check: str, line: int, message: str) -> None:
        self.findings.append(Finding(self.rel, line, message, check))

    def run(self) -> None:
        self.check_layout()
        keyword_lines = [
            i for i, line in enumerate(self.lines, 1) if line.strip().startswith("Feature:")
        ]
        if len(keyword_lines) != 1:
            self.add(
                "one-feature",
                keyword_lines[1] if len(keyword_lines) > 1 else 1,
                f"a feature file needs exactly one Feature, found {len(keyword_lines)}",
            )
            if not keyword_lines:
                return
        try:
            document = get_gherkin_document(str(self.path))
        except GherkinParseError as error:
            self.add("parse", error.line, error.message.splitlines()[0])
            return
        self.check_document(document)

    def check_layout(self) -> None:
        for number, line in enumerate(self.lines, 1):
            if "\t" in line:
                self.add("layout", number, "tab character; indent with spaces")
            if line != line.rstrip():
                self.add("layout", number, "trailing whitespace")
        if self.text and not self.text.endswith("\n"):
            self.add("layout", len(self.lines), "no newline at the end of the file")

    def column(self, line: int) -> int:
        text = self.lines[line - 1]
        return len(text) - len(text.lstrip(" "))

    def expect_indent(self, line: int, level: int, what: str) -> None:
        self.structural.add(line)
        wanted = level * INDENT
        if self.column(line) != wanted:
            self.add(
                "indent",
                line,
                f"{what} should be indented {wanted} spaces, not {self.column(line)}",
            )

    def check_tags(self, tags: Sequence[Tag], level: int) -> None:
        for tag in tags:
            self.expect_indent(tag.location.line, level, "a tag line")
            name = tag.name.lstrip("@")
            if name not in self.markers:
                self.add(
                    "tag",
                    tag.location.line,
                    f"tag @{name} is not a registered marker (add it to pyproject.toml's markers)",
                )

    def check_document(self, document: GherkinDocument) -> None:
        feature = document.feature
        line = feature.location.line
        self.check_tags(feature.tags, 0)
        self.expect_indent(line, 0, "Feature")
        beyond = beyond_faq({tag.name.lstrip("@") for tag in feature.tags})
        if (
            self.questions is not None
            and not beyond
            and normalise(feature.name) not in self.questions
        ):
            self.add(
                "faq-title", line, f"the Feature title is not an FAQ question: {feature.name!r}"
            )
        if not feature.description.strip():
            self.add("description", line, "the Feature has no description (quote the FAQ answer)")
        self.check_children(feature.children, 1, None)
        self.check_descriptions(line, 1)

    def check_rule(self, rule: Rule, background: Background | None) -> None:
        self.check_tags(rule.tags, 1)
        self.expect_indent(rule.location.line, 1, "Rule")
        self.check_children(rule.children, 2, background)

    def check_children(
        self, children: Sequence[Any], level: int, background: Background | None
    ) -> None:
        """A Feature's or a Rule's Background, Scenarios and (in a Feature) Rules, in order."""
        for child in children:
            if child.background:
                background = child.background
                self.check_steps_block(
                    child.background.steps, child.background.location.line, level, "Background"
                )
            elif child.scenario:
                self.check_scenario(child.scenario, level, background)
            elif getattr(child, "rule", None):
                self.check_rule(child.rule, background)

    def check_steps_block(self, steps: Sequence[Step], line: int, level: int, what: str) -> None:
        self.expect_indent(line, level, what)
        for step in steps:
            self.expect_indent(step.location.line, level + 1, "a step")
            if step.datatable:
                self.check_table(step.datatable.rows, level + 2)
            if step.docstring:
                self.expect_indent(step.docstring.location.line, level + 2, "a doc string")

    def check_scenario(self, scenario: Scenario, level: int, background: Background | None) -> None:
        line = scenario.location.line
        self.scenarios.append((scenario.name, line))
        self.check_tags(scenario.tags, level)
        self.check_steps_block(scenario.steps, line, level, scenario.keyword)
        if not scenario.steps:
            self.add("empty", line, f"scenario {scenario.name!r} has no steps")
        count = len(scenario.steps) + (len(background.steps) if background else 0)
        if count > MAX_STEPS:
            self.add(
                "too-many-steps",
                line,
                f"scenario {scenario.name!r} has {count} steps "
                f"(background included); keep it under {MAX_STEPS + 1}",
            )
        for description_line in self.description_lines(line):
            if not self.lines[description_line - 1].strip().startswith(FAQ_PREFIX):
                self.add(
                    "description",
                    description_line,
                    "a scenario's description is made of 'FAQ: <sentence>' lines",
                )
        self.check_outline(scenario, level)

    def check_outline(self, scenario: Scenario, level: int) -> None:
        columns: set[str] = set()
        for examples in scenario.examples:
            self.check_examples(examples, level + 1)
            if examples.table_header:
                columns |= {cell.value for cell in examples.table_header.cells}
        if scenario.examples and not any(e.table_body for e in scenario.examples):
            self.add(
                "empty", scenario.location.line, f"outline {scenario.name!r} has no example rows"
            )
        if not scenario.examples:
            return
        texts = [(scenario.location.line, scenario.name)]
        texts += [(step.location.line, step.text) for step in scenario.steps]
        for line, text in texts:
            for name in _PLACEHOLDER.findall(text):
                if name not in columns:
                    self.add("outline", line, f"<{name}> is not a column of the Examples table")

    def check_examples(self, examples: ExamplesTable, level: int) -> None:
        self.check_tags(examples.tags, level)
        self.expect_indent(examples.location.line, level, "Examples")
        rows = ([examples.table_header] if examples.table_header else []) + list(
            examples.table_body or []
        )
        self.check_table(rows, level + 1)

    def check_table(self, rows: Sequence[Row], level: int) -> None:
        for row in rows:
            self.expect_indent(row.location.line, level, "a table row")
        pipes = [pipe_columns(self.lines[row.location.line - 1]) for row in rows]
        for row, columns in zip(rows, pipes, strict=True):
            if columns != pipes[0]:
                self.add(
                    "table",
                    row.location.line,
                    "table cells are not aligned with the header (--fix-tables realigns)",
                )
                break

    def description_lines(self, line: int) -> Iterator[int]:
        """The non-blank, non-comment lines right after an element's keyword line."""
        for number in range(line + 1, len(self.lines) + 1):
            stripped = self.lines[number - 1].strip()
            if number in self.structural or (stripped and self._is_keyword(stripped)):
                return
            if stripped and not stripped.startswith("#"):
                yield number

    @staticmethod
    def _is_keyword(stripped: str) -> bool:
        keywords = (
            "Scenario",
            "Background:",
            "Rule:",
            "Example",
            "Given ",
            "When ",
            "Then ",
            "And ",
            "But ",
            "* ",
            "@",
            "|",
            '"""',
            "```",
        )
        return stripped.startswith(keywords)

    def check_descriptions(self, feature_line: int, level: int) -> None:
        for number in self.description_lines(feature_line):
            if self.column(number) != level * INDENT:
                self.add(
                    "indent",
                    number,
                    f"the Feature description should be indented {level * INDENT} spaces",
                )


def pipe_columns(line: str) -> list[int]:
    return [m.start() for m in CELL_SPLIT.finditer(line)]
