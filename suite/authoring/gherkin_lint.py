"""Gherkin lint: the feature files follow the house layout and conventions.

    python -m suite.authoring.gherkin_lint [--fix-tables] [FILE ...]

Checks, each named in its messages:
  parse           the file parses (gherkin-official, as pytest-bdd reads it)
  one-feature     exactly one Feature per file
  faq-title       the Feature title is an FAQ question, word for word (unless the feature
                  is tagged @accessibility: a check beyond the FAQ, see
                  suite.reporting.traceability)
  description     the Feature has a description (the FAQ's answer); a scenario's
                  description is made of `FAQ: <sentence>` lines only
  indent          2 spaces per level: Scenario/Background 2, steps and Examples 4,
                  table rows 6 (tags and descriptions at their element's level)
  layout          no tabs, no trailing spaces, a newline at the end of the file
  empty           every scenario has steps; every outline has example rows
  duplicate-name  no two scenarios of the suite share a name
  too-many-steps  fewer than 10 steps per scenario (its Background's included)
  tag             every tag is a marker registered in pyproject.toml
  outline         every <placeholder> of an outline is a column of its Examples
  table           the cells of each table line up (--fix-tables realigns them)
  old-phrase      no step uses a deprecated or withdrawn phrase (write the one it names)
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pytest_bdd.exceptions import GherkinParseError
from pytest_bdd.gherkin_parser import (
    Background,
    DataTable,
    ExamplesTable,
    GherkinDocument,
    Row,
    Rule,
    Scenario,
    Step,
    Tag,
    get_gherkin_document,
)

from suite.authoring.faq import REPO_ROOT, FaqNotFound, load_faq, normalise
from suite.authoring.features import (
    FAQ_PREFIX,
    FEATURES_DIR,
    Problem,
    beyond_faq,
    feature_files,
    relative,
)

MAX_STEPS = 9
INDENT = 2
# pytest registers these itself, so --strict-markers accepts them as tags too.
BUILTIN_MARKERS = frozenset({"skip", "xfail"})
_PLACEHOLDER = re.compile(r"<([^<>]+)>")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


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
    return [m.start() for m in _CELL_SPLIT.finditer(line)]


def lint(
    paths: Sequence[Path], root: Path = REPO_ROOT, faq_path: Path | None = None
) -> list[Finding]:
    markers = registered_markers(root / "pyproject.toml")
    try:
        questions: set[str] | None = {normalise(q.text) for q in load_faq(faq_path).questions}
    except FaqNotFound as error:
        print(f"gherkin lint: {error}; not checking that titles are FAQ questions", file=sys.stderr)
        questions = None
    findings: list[Finding] = []
    seen: dict[str, str] = {}
    for path in paths:
        file_lint = FileLint(path, root, questions, markers)
        file_lint.run()
        findings += file_lint.findings
        for name, line in file_lint.scenarios:
            where = f"{file_lint.rel}:{line}"
            if name in seen:
                findings.append(
                    Finding(
                        file_lint.rel,
                        line,
                        f"scenario name {name!r} is also used at {seen[name]}",
                        "duplicate-name",
                    )
                )
            else:
                seen[name] = where
    # Our features show analysts the phrases to write: never an old one
    # (suite.authoring.step_contract).
    from suite.authoring.dry_run import (
        old_phrase_uses,  # imports the step modules: only when linting
    )

    unread = {f.path for f in findings if f.check in ("parse", "one-feature")}
    readable = [path for path in paths if relative(path, root) not in unread]
    for problem in old_phrase_uses(readable, root):
        findings.append(Finding(problem.path, problem.line, problem.message, "old-phrase"))
    return findings


def fix_tables(path: Path) -> bool:
    """Realign every table of a feature file (whitespace only); True when it changed."""
    document = get_gherkin_document(str(path))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    tables: list[list[Row]] = []

    def scenarios() -> Iterator[Scenario | Background]:
        for child in document.feature.children:
            for grand in [child, *(child.rule.children if child.rule else [])]:
                if grand.scenario:
                    yield grand.scenario
                if grand.background:
                    yield grand.background

    for scenario in scenarios():
        tables += [s.datatable.rows for s in scenario.steps if isinstance(s.datatable, DataTable)]
        if isinstance(scenario, Scenario):
            for examples in scenario.examples:
                header = [examples.table_header] if examples.table_header else []
                tables.append(header + list(examples.table_body or []))
    changed = False
    for rows in tables:
        if len({tuple(pipe_columns(lines[r.location.line - 1])) for r in rows}) == 1:
            continue  # aligned already: leave its widths as the author chose
        cells = [
            [c.strip() for c in _CELL_SPLIT.split(lines[r.location.line - 1].strip())[1:-1]]
            for r in rows
        ]
        widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
        for row, values in zip(rows, cells, strict=True):
            old = lines[row.location.line - 1]
            indent = old[: len(old) - len(old.lstrip(" "))]
            padded = " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True))
            new = f"{indent}| {padded} |\n"
            if new != old:
                lines[row.location.line - 1] = new
                changed = True
    if changed:
        path.write_text("".join(lines), encoding="utf-8")
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m suite.authoring.gherkin_lint",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", type=Path, help="feature files (default: features/)")
    parser.add_argument("--fix-tables", action="store_true", help="realign tables in place")
    parser.add_argument("--faq", type=Path, help="the FAQ text (default: found by suite)")
    args = parser.parse_args(argv)
    paths = args.files or feature_files(FEATURES_DIR)
    if args.fix_tables:
        for path in paths:
            if fix_tables(path):
                print(f"realigned the tables of {relative(path)}")
    findings = lint(paths, REPO_ROOT, args.faq)
    for finding in findings:
        print(finding)
    if findings:
        print(f"gherkin lint: FAILED, {len(findings)} finding(s) in {len(paths)} file(s)")
        return 1
    print(f"gherkin lint: OK, {len(paths)} feature file(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
