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

# The checks of one file are suite.authoring.gherkin_file_checks; this module adds the checks of the
# whole suite (duplicate-name, old-phrase), --fix-tables and the command line.

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from pytest_bdd.gherkin_parser import Background, DataTable, Row, Scenario, get_gherkin_document

from suite.authoring.faq import REPO_ROOT, FaqNotFound, load_faq, normalise
from suite.authoring.features import FEATURES_DIR, feature_files, relative
from suite.authoring.gherkin_file_checks import (
    CELL_SPLIT,
    FileLint,
    Finding,
    pipe_columns,
    registered_markers,
)


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
            [c.strip() for c in CELL_SPLIT.split(lines[r.location.line - 1].strip())[1:-1]]
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
