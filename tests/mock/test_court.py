"""Court website: the pages and links of docs/portal-map.md."""

from __future__ import annotations

import html
import re

import pytest

from suite.authoring.faq import as_read, load_faq
from tests.mock.helpers import URLS, Browser, h1, plain, text


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "U.S. Court of International Trade"),
        ("/nextgen", "NextGen CM/ECF upgrade"),
        ("/cmecf", "CM/ECF"),
        ("/cmecf/linking-instructions", "Linking CM/ECF Accounts and Upgraded PACER Accounts"),
        (
            "/cmecf/faq",
            "Linking CM/ECF Accounts and Upgraded PACER Accounts FAQ's - Effective March 16, 2020",
        ),
        ("/contact", "Contact"),
    ],
)
def test_each_page_has_its_heading_nav_and_live_region(
    visitor: Browser, path: str, heading: str
) -> None:
    page = text(visitor.get("court", path))
    assert h1(page) == heading
    nav = re.search(r'<nav aria-label="Main">(.*?)</nav>', page, re.S)
    assert nav and re.findall(r">([^<]+)</a>", nav.group(1)) == ["Home", "CM/ECF", "FAQ", "Contact"]
    assert '<div id="messages" role="status" aria-live="polite"' in page
    assert page.count("<main>") == 1


def test_home_links_the_nextgen_notice(visitor: Browser) -> None:
    assert '<a href="/nextgen">NextGen CM/ECF upgrade</a>' in text(visitor.get("court", "/"))


def test_nextgen_page_says_log_in_through_pacer(visitor: Browser) -> None:
    page = plain(text(visitor.get("court", "/nextgen")))
    assert "The Court upgraded to NextGen CM/ECF on March 16, 2020." in page
    assert (
        "You will now log into the Court's CM/ECF system through PACER using your PACER "
        "Username and Password." in page
    )


def test_cmecf_page_links_live_database_and_linking_help(visitor: Browser) -> None:
    page = text(visitor.get("court", "/cmecf"))
    assert f'<a href="{URLS["ecf"]}/cgi-bin/login.pl">Login to the Live CM/ECF Database</a>' in page
    assert (
        '<a href="/cmecf/linking-instructions">Linking CM/ECF and PACER accounts: instructions</a>'
        in page
    )
    assert '<a href="/cmecf/faq">Linking CM/ECF and PACER accounts: FAQ</a>' in page


def test_linking_instructions_are_an_ordered_list_of_the_faq_steps(visitor: Browser) -> None:
    page = text(visitor.get("court", "/cmecf/linking-instructions"))
    steps = re.search(r"<ol[^>]*>(.*?)</ol>", page, re.S)
    assert steps
    items = re.findall(r"<li>(.*?)</li>", steps.group(1), re.S)
    assert len(items) == 6
    assert "Confirm that you are linking the correct accounts." in items[-1]


def test_faq_questions_are_h2_and_click_here_leads_to_the_instructions(visitor: Browser) -> None:
    page = text(visitor.get("court", "/cmecf/faq"))
    questions = re.findall(r"<h2>(.*?)</h2>", page, re.S)
    assert len(questions) == 8
    assert "I accidentally linked the wrong accounts." in questions
    assert '<a href="/cmecf/linking-instructions">Click here</a>' in page


def test_faq_page_has_every_question_and_sentence_of_the_faq_word_for_word(
    visitor: Browser,
) -> None:
    page = text(visitor.get("court", "/cmecf/faq"))
    shown = " ".join(html.unescape(re.sub(r"<[^>]+>", "", page)).split())
    missing = [
        as_read(sentence)
        for question in load_faq().questions
        for sentence in (question.text, *question.sentences)
        if as_read(sentence) not in shown
    ]
    assert missing == []


def test_contact_page_lists_both_help_desks_as_tel_and_mailto_links(visitor: Browser) -> None:
    page = text(visitor.get("court", "/contact"))
    for href, label in [
        ("tel:+18006766856", "(800) 676-6856"),
        ("mailto:pacer@psc.uscourts.gov", "pacer@psc.uscourts.gov"),
        ("tel:+18664501859", "866-450-1859"),
        ("mailto:cmecf_helpdesk@cit.uscourts.gov", "cmecf_helpdesk@cit.uscourts.gov"),
    ]:
        assert f'<a href="{href}">{label}</a>' in page
    # Named sections (role "region") for the two contacts.
    assert 'aria-labelledby="psc-heading"' in page and ">PACER Service Center</h2>" in page
    assert 'aria-labelledby="helpdesk-heading"' in page and ">CM/ECF Help Desk</h2>" in page


def test_unknown_page_is_a_404_page(visitor: Browser) -> None:
    response = visitor.get("court", "/no-such-page")
    assert response.status_code == 404
    assert h1(text(response)) == "Page not found"
