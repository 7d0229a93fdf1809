"""The FAQ text as the traceability matrix reads it: questions in order, answer sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from suite.authoring.faq import (
    FAQ_FILE_NAME,
    FaqNotFound,
    find_faq_file,
    load_faq,
    parse_faq,
    split_sentences,
)

TITLE = "Linking CM/ECF Accounts and Upgraded PACER Accounts FAQ's - Effective March 16, 2020"


def test_the_faq_has_its_title_and_eight_questions_in_order() -> None:
    faq = load_faq()
    assert [q.label for q in faq.questions] == ["Title", *(f"Q{n}" for n in range(1, 9))]
    assert faq.questions[0].text == TITLE and faq.questions[0].is_title
    assert faq.questions[0].sentences == ()
    assert (
        faq.questions[4].text
        == "I'm trying to login to CM/ECF and I keep getting redirected to PACER."
    )
    assert faq.questions[-1].text == "Who can I contact for help?"


def test_the_stray_court_name_line_is_ignored() -> None:
    faq = load_faq()
    assert faq.ignored == ("United States Court of International Trade",)
    assert all("United States Court" not in s for q in faq.questions for s in q.sentences)


def test_answers_split_into_sentences_at_full_stops_not_at_abbreviations_or_urls() -> None:
    first = load_faq().questions[1]
    assert first.sentences[:3] == (
        "Beginning March 16, 2020, you can link your accounts together.",
        "On the Court's website, www.cit.uscourts.gov, click on the CM/ECF tab at the top of "
        "the screen.",
        'Then click on "Login to the Live CM/ECF Database".',
    )
    assert (
        "you will be redirected to U.S. Court of International Trade's NextGen CM/ECF page."
        in (first.sentences[6])
    )
    assert (
        first.sentences[7]
        == 'Click on "Utilities" and select "Link a CM/ECF account to my PACER account."'
    )
    assert len(first.sentences) == 10


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        ("No. You must.", ["No.", "You must."]),
        ('Click "submit." Then wait.', ['Click "submit."', "Then wait."]),
        ("Go to the U.S. Court. Done.", ["Go to the U.S. Court.", "Done."]),
        ("See www.pacer.gov and call.", ["See www.pacer.gov and call."]),
        ("[Click here](#) for instructions.", ["[Click here](#) for instructions."]),
        ("It is 2020. 16 March it was.", ["It is 2020.", "16 March it was."]),
    ],
)
def test_sentence_splitting(paragraph: str, sentences: list[str]) -> None:
    assert split_sentences(paragraph) == sentences


def test_a_question_is_a_feature_title_or_reads_like_one() -> None:
    text = (
        "Title line\n\nWhy?\n\nBecause.\n\nI lost it.\n\nLook again.\n\nA plain statement.\n\nMore."
    )
    faq = parse_faq(text, known_questions=["A plain statement."])
    assert [q.text for q in faq.questions] == [
        "Title line",
        "Why?",
        "I lost it.",
        "A plain statement.",
    ]
    assert faq.questions[2].sentences == ("Look again.",)
    assert faq.questions[3].sentences == ("More.",)


def test_first_person_inside_quotes_does_not_make_a_question() -> None:
    faq = parse_faq('Title\n\nHow?\n\nSelect "Link a CM/ECF account to my PACER account."')
    assert len(faq.questions) == 2
    assert faq.questions[1].sentences == ('Select "Link a CM/ECF account to my PACER account."',)


def test_the_faq_file_is_found_from_the_variable_then_beside_the_checkout(tmp_path: Path) -> None:
    named = tmp_path / "faq.txt"
    named.write_text("Title\n")
    assert find_faq_file(tmp_path, {"CIT_FAQ_FILE": str(named)}) == named
    with pytest.raises(FaqNotFound, match="CIT_FAQ_FILE"):
        find_faq_file(tmp_path, {"CIT_FAQ_FILE": str(tmp_path / "missing.txt")})
    checkout = tmp_path / "main"
    (tmp_path / "shared" / "faq").mkdir(parents=True)
    (tmp_path / "shared" / "faq" / FAQ_FILE_NAME).write_text("Title\n")
    assert find_faq_file(checkout, {}) == tmp_path / "shared" / "faq" / FAQ_FILE_NAME
    with pytest.raises(FaqNotFound, match="looked at"):
        find_faq_file(tmp_path / "elsewhere" / "main", {})


def test_the_copy_in_docs_matches_the_shared_faq_when_both_exist() -> None:
    repo = Path(__file__).resolve().parents[2]
    copy, shared = (
        repo / "docs" / "faq" / FAQ_FILE_NAME,
        repo.parent / "shared" / "faq" / FAQ_FILE_NAME,
    )
    if not (copy.is_file() and shared.is_file()):
        pytest.skip("needs both docs/faq/ and shared/faq/ to compare")
    assert copy.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
