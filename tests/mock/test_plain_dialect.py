"""The plain dialect (mock_site/dialects/plain.py): the alt dialect's portal with contacts in
one section, a linking confirmation with no heading, and the FAQ's sentences in its own words
away from the court's FAQ page; the FAQ page itself keeps the FAQ's words."""

from __future__ import annotations

import re

import pytest

from mock_site import texts as default_texts
from mock_site.dialects import alt, get_dialect
from mock_site.dialects.plain import DIALECT, TEXTS
from tests.mock.helpers import Browser, h1, main_text, notices, text

CONTACTS = [
    ("PACER Service Center", "(800) 676-6856", "+18006766856", "pacer@psc.uscourts.gov"),
    ("CM/ECF Help Desk", "866-450-1859", "+18664501859", "cmecf_helpdesk@cit.uscourts.gov"),
]


def test_it_is_the_alt_portal_but_for_three_things() -> None:
    assert get_dialect("plain") is DIALECT
    assert DIALECT.paths == alt.DIALECT.paths and DIALECT.missing == alt.DIALECT.missing
    assert DIALECT.behaviour == alt.DIALECT.behaviour
    changed = {name for name in TEXTS if TEXTS[name] != alt.TEXTS.get(name)}
    assert changed == {"NEXTGEN_NOTICE_UPGRADED", "NEXTGEN_NOTICE_LOGIN", "LINK_VERIFY_TEXT"}
    assert (DIALECT.markup.contacts, DIALECT.markup.confirmation_heading) == ("one_section", False)


@pytest.mark.parametrize(
    ("site", "path"), [("court", "/contact"), ("ecf", "/cgi-bin/DisplayMenu.pl?Help")]
)
def test_contacts_share_one_section_a_heading_and_a_paragraph_each(
    plain_visitor: Browser, site: str, path: str
) -> None:
    plain_visitor.quick_sign_in("jdoe2020")
    page = text(plain_visitor.get(site, path))
    assert page.count("<section") == 1 and "<table" not in page
    for name, phone, tel, email in CONTACTS:
        paragraph = re.search(rf"<h2>{re.escape(name)}</h2>\s*<p>(.*?)</p>", page, re.S)
        assert paragraph, name
        assert f'<a href="tel:{tel}">{phone}</a>' in paragraph.group(1)
        assert f'<a href="mailto:{email}">{email}</a>' in paragraph.group(1)


def test_the_linking_confirmation_is_a_status_message_under_the_linking_pages_heading(
    plain_visitor: Browser,
) -> None:
    plain_visitor.quick_sign_in("jdoe2020")
    page = text(plain_visitor.link("jdoe-ecf", "Ecf-Jane-2019"))
    assert h1(page) == default_texts.LINK_TITLE
    assert ("status", alt.link_done("jdoe-ecf", "jdoe2020")) in notices(page)
    assert "<h2" not in page


def test_the_faq_sentences_are_its_own_words_away_from_the_faq_page(
    plain_visitor: Browser,
) -> None:
    notice = main_text(text(plain_visitor.get("court", "/nextgen")))
    assert TEXTS["NEXTGEN_NOTICE_UPGRADED"] in notice and TEXTS["NEXTGEN_NOTICE_LOGIN"] in notice
    assert default_texts.NEXTGEN_NOTICE_LOGIN not in notice
    plain_visitor.quick_sign_in("jdoe2020")
    verify = text(plain_visitor.link_form("jdoe-ecf", "Ecf-Jane-2019"))
    assert TEXTS["LINK_VERIFY_TEXT"] in verify and default_texts.LINK_VERIFY_TEXT not in verify
    # The court's FAQ page is the FAQ: its sentences stay word for word.
    faq = main_text(text(plain_visitor.get("court", "/cmecf/faq")))
    assert default_texts.NEXTGEN_NOTICE_LOGIN in faq and default_texts.LINK_VERIFY_TEXT in faq
