"""Gherkin lint: a clean feature passes, and each check catches its own kind of mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from suite.authoring import gherkin_lint
from suite.authoring.gherkin_lint import fix_tables, lint

REPO = Path(__file__).resolve().parents[2]
SENTENCE = (
    "FAQ: For PACER related issue, please contact PACER at: (800) 676-6856 or send an email to "
    "pacer@psc.uscourts.gov."
)
CLEAN = f"""\
@contact
Feature: Who can I contact for help?

  For PACER related issue, please contact PACER.

  Background:
    Given a filer is on the court's website

  @smoke
  Scenario: The contact page lists PACER
    {SENTENCE}

    When the filer opens the contact page
    Then the notice says "(800) 676-6856"

  Scenario Outline: The contact page lists <who>
    {SENTENCE}

    When the filer opens the contact page
    Then the page lists <who>

    Examples:
      | who         |
      | PACER       |
      | a help desk |
"""


def findings(tmp_path: Path, text: str, name: str = "contact.feature") -> list[str]:
    path = tmp_path / name
    path.write_text(text)
    return [f"[{f.check}] {f.message}" for f in lint([path], REPO)]


def checks(tmp_path: Path, text: str) -> set[str]:
    return {finding.split("]")[0][1:] for finding in findings(tmp_path, text)}


def test_a_clean_feature_passes(tmp_path: Path) -> None:
    assert findings(tmp_path, CLEAN) == []


@pytest.mark.parametrize(
    ("change", "check"),
    [
        (lambda t: t.replace("  Scenario: The", "Scenario: The"), "indent"),
        (
            lambda t: t.replace(
                "    When the filer opens the contact page\n    Then the notice says",
                "   When the filer opens the contact page\n    Then the notice says",
            ),
            "indent",
        ),
        (lambda t: t.replace("      | who ", "    | who "), "indent"),
        (lambda t: t.replace("  For PACER related", "For PACER related"), "indent"),
        (lambda t: t.replace("    Given a filer", "\tGiven a filer"), "layout"),
        (lambda t: t.replace("contact page\n", "contact page  \n", 1), "layout"),
        (lambda t: t.rstrip("\n"), "layout"),
        (lambda t: t.replace("Who can I contact for help?", "Who do I call?"), "faq-title"),
        (
            lambda t: t.replace("  For PACER related issue, please contact PACER.\n\n", ""),
            "description",
        ),
        (
            lambda t: t.replace(
                f"    {SENTENCE}\n\n    When", f"    {SENTENCE}\n    As a filer\n\n    When", 1
            ),
            "description",
        ),
        (lambda t: t.replace("@smoke", "@not_a_marker"), "tag"),
        (lambda t: t.replace("Then the page lists <who>", "Then the page lists <whom>"), "outline"),
        (lambda t: t.replace("| a help desk |", "| a help desk  |"), "table"),
        (lambda t: t.replace("      | PACER       |\n      | a help desk |\n", ""), "empty"),
        (lambda t: t + "\n  Scenario: Nothing to do\n    " + SENTENCE + "\n", "empty"),
        (
            lambda t: t.replace(
                '    Then the notice says "(800) 676-6856"\n',
                '    Then the notice says "(800) 676-6856"\n' * 9,
            ),
            "too-many-steps",
        ),
        (
            lambda t: t.replace(
                "Scenario: The contact page lists PACER", "Scenario: The contact page lists <who>"
            ).replace(
                "Scenario Outline: The contact page lists <who>",
                "Scenario Outline: The contact page lists <who>",
            ),
            "duplicate-name",
        ),
        (lambda t: t + "\nFeature: A second feature\n", "one-feature"),
        (lambda t: t.replace("  Scenario: The", "  Scenari: The"), "parse"),
        (lambda t: t.replace("Then the notice says", "Then the page says"), "old-phrase"),
    ],
    ids=[
        "scenario",
        "step",
        "table row",
        "feature description",
        "tab",
        "trailing space",
        "final newline",
        "title",
        "no feature description",
        "scenario description",
        "tag",
        "placeholder",
        "table",
        "no example rows",
        "no steps",
        "ten steps",
        "duplicate name",
        "two features",
        "syntax",
        "deprecated phrase",
    ],
)
def test_each_check_catches_its_mistake(tmp_path: Path, change: object, check: str) -> None:
    assert callable(change)
    assert check in checks(tmp_path, change(CLEAN))


def test_duplicate_names_are_found_across_files(tmp_path: Path) -> None:
    first, second = tmp_path / "a.feature", tmp_path / "b.feature"
    first.write_text(CLEAN)
    second.write_text(CLEAN)
    duplicates = [str(f) for f in lint([first, second], REPO) if f.check == "duplicate-name"]
    assert len(duplicates) == 2
    assert "scenario name 'The contact page lists PACER' is also used at" in duplicates[0]
    assert duplicates[0].startswith(f"{second}:10:")


def test_messages_name_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "contact.feature"
    path.write_text(CLEAN.replace("@smoke", "@nope"))
    assert [str(f) for f in lint([path], REPO)] == [
        f"{path}:9: [tag] tag @nope is not a registered marker (add it to pyproject.toml's markers)"
    ]


def test_fix_tables_realigns_only_misaligned_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "contact.feature"
    path.write_text(CLEAN.replace("| PACER       |", "| PACER |"))
    assert gherkin_lint.main([str(path)]) == 1
    assert gherkin_lint.main(["--fix-tables", str(path)]) == 0
    assert path.read_text() == CLEAN
    assert "realigned the tables" in capsys.readouterr().out
    assert fix_tables(path) is False
