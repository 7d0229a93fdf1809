"""The alt dialect's markup (docs/alt-dialect.md, "markup"): the same [seen] words in other
shapes, as an independently written portal might build them (the welcome text as main
content, messages as alerts and status without a container, contacts and account details
as tables, Quick Links as a disclosure button, the FAQ's answers in articles), while PACER
login keeps its [seen] message region.
"""

from __future__ import annotations

import re

import pytest

from mock_site import texts as default_texts
from mock_site.dialects.alt import TEXTS
from tests.mock.helpers import (
    URLS,
    Browser,
    h1,
    main_text,
    menu,
    notices,
    text,
)


def test_the_welcome_text_is_main_content_not_the_heading(alt_visitor: Browser) -> None:
    page = text(alt_visitor.sign_in_to_ecf("filer"))
    assert h1(page) == TEXTS["ECF_HOME_HEADING"]
    assert default_texts.ECF_WELCOME in main_text(page)
    assert default_texts.ECF_TAGLINE in main_text(page)
    assert menu(page) == ["Query", "Reports", "Utilities", "Help", "Log Out"]


def test_no_messages_container_errors_are_alerts_confirmations_status(alt_visitor: Browser) -> None:
    alt_visitor.quick_sign_in("jdoe2020")
    page = text(alt_visitor.link_form("jdoe-ecf", "wrong-password"))
    assert 'id="messages"' not in page
    assert notices(page) == [("alert", TEXTS["LINK_WRONG_PASSWORD"])]
    verify = text(alt_visitor.link_form("jdoe-ecf", "Ecf-Jane-2019"))
    assert h1(verify) == TEXTS["LINK_VERIFY_TITLE"]
    page = text(alt_visitor.confirm(verify, "cancel"))
    assert notices(page) == [("status", TEXTS["LINK_CANCELLED"])]


def test_pacer_logins_messages_keep_their_seen_region(alt_visitor: Browser) -> None:
    page = text(alt_visitor.pacer_login("jdoe2020", "not-the-password"))
    assert 'id="loginForm:pclLoginMessages"' in page
    assert notices(page) == [("alert", default_texts.LOGIN_INVALID)]
    page = text(alt_visitor.pacer_login("", ""))
    assert [m for _, m in notices(page)] == [TEXTS["USERNAME_REQUIRED"], TEXTS["PASSWORD_REQUIRED"]]


@pytest.mark.parametrize(
    ("site", "path"), [("court", "/contact"), ("ecf", "/cgi-bin/DisplayMenu.pl?Help")]
)
def test_contacts_are_table_rows_not_named_regions(
    alt_visitor: Browser, site: str, path: str
) -> None:
    alt_visitor.quick_sign_in("jdoe2020")
    page = text(alt_visitor.get(site, path))
    assert "<section" not in page and "aria-labelledby" not in page
    for name, phone, tel, email in [
        ("PACER Service Center", "(800) 676-6856", "+18006766856", "pacer@psc.uscourts.gov"),
        ("CM/ECF Help Desk", "866-450-1859", "+18664501859", "cmecf_helpdesk@cit.uscourts.gov"),
    ]:
        row = re.search(rf'<th scope="row">{re.escape(name)}</th>(.*?)</tr>', page, re.S)
        assert row, name
        assert f'<a href="tel:{tel}">{phone}</a>' in row.group(1)
        assert f'<a href="mailto:{email}">{email}</a>' in row.group(1)


def test_account_details_are_a_table(alt_visitor: Browser) -> None:
    alt_visitor.quick_sign_in("bwong2020", "pacer")
    page = text(alt_visitor.get("pacer", "/manage-account"))
    assert "<dl" not in page
    labels = TEXTS["ACCOUNT_LABELS"]
    rows = dict(re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', page))
    assert rows == {
        labels["username"]: "bwong2020",
        labels["type"]: "Upgraded PACER Account",
        labels["kind"]: TEXTS["ACCOUNT_KIND"]["individual"],
        labels["status"]: "Inactive",
        labels["credit_card"]: TEXTS["CREDIT_CARD"]["inactive"],
        "Multifactor Auth": TEXTS["MFA_ENROLLED"],
    }


def test_quick_links_is_a_disclosure_button_over_court_links(alt_raw_visitor: Browser) -> None:
    page = text(alt_raw_visitor.get("pacer", "/"))
    button = re.search(
        r'<button type="button" aria-expanded="false" aria-controls="([^"]+)">Quick Links</button>',
        page,
    )
    assert button, "no Quick Links button"
    panel = re.search(rf'<ul id="{button.group(1)}"[^>]*hidden>(.*?)</ul>', page, re.S)
    assert panel and '<a href="/find-a-court">Court Links</a>' in panel.group(1)
    assert ">Quick Links</a>" not in page
    assert "disclosure.js" in page
    page = text(alt_raw_visitor.get("pacer", "/find-a-court"))
    assert f'<a href="{URLS["ecf"]}/cgi-bin/login.pl">U.S. Court of International Trade</a>' in page


def test_the_log_out_pages_have_their_own_headings(alt_visitor: Browser) -> None:
    alt_visitor.quick_sign_in("jdoe2020")
    page = text(alt_visitor.get("ecf", "/cgi-bin/login.pl?logout"))
    assert h1(page) == TEXTS["ECF_LOGGED_OUT_TITLE"]
    assert notices(page) == [("status", TEXTS["ECF_LOGGED_OUT"])]
    alt_visitor.quick_sign_in("jdoe2020", "pacer")
    assert h1(text(alt_visitor.get("pacer", "/logout"))) == TEXTS["PACER_LOGGED_OUT_TITLE"]


def test_the_court_faq_keeps_the_faq_words_in_articles(alt_visitor: Browser) -> None:
    page = text(alt_visitor.get("court", "/cmecf/faq"))
    assert page.count("<article>") == 8 and "<section" not in page
    assert "Click here" in page and 'href="/e-filing/how-to-link"' in page
    assert f'href="{URLS["pacer"]}/www.pacer.gov"' in page
