"""The FAQ traceability matrix and its command: 100% on the suite, and each way to fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from suite.authoring.faq import find_faq_file
from suite.reporting import traceability
from suite.reporting.traceability import clause_of, format_matrix, matrix_for

CONTACT = "Who can I contact for help?"
PACER_SENTENCE = (
    "For PACER related issue, please contact PACER at: (800) 676-6856 or send an email to "
    "pacer@psc.uscourts.gov."
)
HELP_DESK_SENTENCE = (
    "All other issues, please contact the CM/ECF Help Desk at 866-450-1859 or send an email to "
    "cmecf_helpdesk@cit.uscourts.gov."
)


def feature(title: str, *scenarios: tuple[str, list[str]]) -> str:
    text = f"Feature: {title}\n\n  The answer.\n"
    for name, quotes in scenarios:
        text += f"\n  Scenario: {name}\n"
        text += "".join(f"    FAQ: {quote}\n" for quote in quotes)
        text += "\n    Given a step\n"
    return text


def features_dir(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "features"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.feature").write_text(text)
    return folder


def only_contact_question(tmp_path: Path) -> Path:
    """An FAQ with just the title and the contact question, to keep the cases small."""
    text = find_faq_file().read_text(encoding="utf-8")
    start = text.index(CONTACT)
    faq = tmp_path / "faq.txt"
    faq.write_text("Title of the FAQ\n\n" + text[start:])
    return faq


def complete_contact_features(tmp_path: Path, **extra: str) -> Path:
    return features_dir(
        tmp_path,
        title=feature("Title of the FAQ", ("Cut-over", [PACER_SENTENCE])),
        contact=feature(CONTACT, ("PACER", [PACER_SENTENCE]), ("Help Desk", [HELP_DESK_SENTENCE])),
        **extra,
    )


def test_the_suite_covers_every_question_and_every_answer_sentence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert traceability.main([]) == 0
    out = capsys.readouterr().out
    assert "Coverage: questions 9/9 (100%)" in out
    assert "OK: every FAQ question and answer sentence is covered" in out


def test_a_complete_small_suite_passes(tmp_path: Path) -> None:
    matrix = matrix_for(complete_contact_features(tmp_path), only_contact_question(tmp_path))
    assert matrix.ok, matrix.errors
    assert [len(s.uses) for s in matrix.sentences] == [2, 1]


def test_a_mistyped_quote_is_an_error_not_coverage(tmp_path: Path) -> None:
    typo = PACER_SENTENCE.replace("676-6856", "676-6865")
    folder = complete_contact_features(tmp_path, typo=feature(CONTACT, ("Typo", [typo])))
    matrix = matrix_for(folder, only_contact_question(tmp_path))
    assert not matrix.ok
    assert [e for e in matrix.errors if "matches no sentence" in e] == [
        f"features/typo.feature:6: FAQ: line matches no sentence of the FAQ: {typo!r}"
    ]


def test_an_uncovered_sentence_and_question_fail_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = features_dir(tmp_path, contact=feature(CONTACT, ("PACER", [PACER_SENTENCE])))
    faq = only_contact_question(tmp_path)
    assert traceability.main(["--features", str(folder), "--faq", str(faq)]) == 1
    out = capsys.readouterr().out
    assert "question not covered by any feature: Title 'Title of the FAQ'" in out
    assert f"answer sentence not covered by any scenario: Q1.2 {HELP_DESK_SENTENCE!r}" in out
    assert "Coverage: questions 1/2 (50%), answer sentences 1/2 (50%)" in out


def test_a_scenario_without_faq_lines_and_a_title_that_is_no_question_are_errors(
    tmp_path: Path,
) -> None:
    folder = complete_contact_features(
        tmp_path,
        silent=feature(CONTACT, ("Says nothing", [])),
        stray=feature("Not a question from the FAQ", ("Quotes", [PACER_SENTENCE])),
    )
    errors = matrix_for(folder, only_contact_question(tmp_path)).errors
    assert (
        "features/silent.feature:5: scenario 'Says nothing' quotes no FAQ sentence "
        "(add 'FAQ: ...' lines)" in errors
    )
    assert (
        "features/stray.feature:1: feature title is not an FAQ question: "
        "'Not a question from the FAQ'" in errors
    )


def test_a_clause_of_a_sentence_covers_it_and_the_rest_is_shown(tmp_path: Path) -> None:
    clause = "All other issues, please contact the CM/ECF Help Desk at 866-450-1859"
    folder = features_dir(
        tmp_path,
        title=feature("Title of the FAQ", ("Cut-over", [PACER_SENTENCE])),
        contact=feature(CONTACT, ("Help Desk", [clause])),
    )
    matrix = matrix_for(folder, only_contact_question(tmp_path))
    help_desk = matrix.sentences[1]
    assert help_desk.covered and not help_desk.uses[0].whole
    assert help_desk.unquoted == ["or send an email to cmecf_helpdesk@cit.uscourts.gov."]
    assert "(a clause)" in format_matrix(matrix, with_results=False)


@pytest.mark.parametrize(
    ("quote", "is_clause"),
    [
        ("You will receive confirmation when the accounts have been unlinked,", True),
        ("and then you will need to go back through the linking process", False),
        (
            "and then you will need to go back through the linking process to link the correct "
            "accounts.",
            True,
        ),
        ("receive confirmation when", False),  # not at a clause boundary
        ("the accounts", False),  # too short to be a clause
    ],
)
def test_clause_boundaries(quote: str, is_clause: bool) -> None:
    sentence = (
        "You will receive confirmation when the accounts have been unlinked, and then you will "
        "need to go back through the linking process to link the correct accounts."
    )
    assert clause_of(quote, sentence) is is_clause


def test_results_show_beside_each_scenario(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results.json"
    results.write_text(
        '{"session": {}, "records": [{"feature": {"path": "features/08_contact_for_help.feature"},'
        ' "scenario": {"line": 23}, "outcome": "failed"}]}'
    )
    assert traceability.main(["--results", str(results)]) == 0
    out = capsys.readouterr().out
    assert "CM/ECF's Help menu points to the CM/ECF Help Desk  [failed]" in out
    assert "[not run]" in out
