"""What the alt dialect does differently (docs/alt-dialect.md, "behaviour"): PACER login
sends the visitor back to the page asked for, refused accounts get the linking form and are
refused upon Submit with nothing changed, linking and a clerk's unlinking go through in the
alt words, and the inactive notice shows where the default shows it (a dialect may keep it
for the refused search only).

The journeys use the Browser's default paths; alt_visitor sends them to the alt paths.
"""

from __future__ import annotations

import pytest

from mock_site import create_app
from mock_site import texts as default_texts
from mock_site.dialects import Behaviour, Dialect
from mock_site.dialects.alt import DIALECT, TEXTS
from mock_site.store import SITES, Store
from tests.mock.helpers import (
    PERSONA,
    URLS,
    Browser,
    form_action,
    h1,
    hidden,
    menu,
    notices,
    snapshot,
    text,
)


def log_in_where_sent(visitor: Browser, key: str) -> str:
    """On the PACER login page a site sent the visitor to: log in as the persona (and tick
    the redaction box if asked). The page arrived at."""
    seed = PERSONA[key]
    assert visitor.site == "pacer-login", visitor.history
    page = text(
        visitor.pacer_login(
            seed.username, seed.password, visitor.url.replace(URLS["pacer-login"], "")
        )
    )
    return text(visitor.acknowledge(page)) if default_texts.REDACTION_TITLE in page else page


def test_pacer_login_sends_back_the_page_asked_for(alt_visitor: Browser, store: Store) -> None:
    alt_visitor.get("ecf", "/cgi-bin/DisplayMenu.pl?Utilities")
    assert "appurl=http%3A%2F%2Fecf.test%2Fcgi-bin%2FDisplayMenu.pl%3FUtilities" in alt_visitor.url
    page = log_in_where_sent(alt_visitor, "filer")
    assert alt_visitor.url == URLS["ecf"] + "/cgi-bin/DisplayMenu.pl?Utilities"
    assert h1(page) == "Utilities"


def test_a_signed_out_visit_to_the_linking_page_returns_there(alt_visitor: Browser) -> None:
    alt_visitor.get("ecf", "/cgi-bin/LinkAccount.pl")
    assert "appurl=http%3A%2F%2Fecf.test%2Fcgi-bin%2FPacerLink.pl" in alt_visitor.url
    page = log_in_where_sent(alt_visitor, "filer")
    assert alt_visitor.url == URLS["ecf"] + "/cgi-bin/PacerLink.pl"
    assert h1(page) == default_texts.LINK_TITLE


def test_the_ecf_login_page_still_lands_on_show_index(alt_visitor: Browser) -> None:
    alt_visitor.sign_in_to_ecf("filer")  # asserts ShowIndex


@pytest.mark.parametrize(
    ("key", "message"),
    [("firm", "LINK_SHARED"), ("legacy", "LINK_LEGACY"), ("linked_filer", "LINK_ALREADY")],
)
def test_refused_accounts_get_the_form_and_are_refused_upon_submit(
    alt_visitor: Browser, store: Store, key: str, message: str
) -> None:
    seed = PERSONA[key]
    index = text(alt_visitor.quick_sign_in(seed.username))
    assert notices(index) == []  # nothing said before the form
    form = alt_visitor.get("ecf", "/cgi-bin/LinkAccount.pl")
    assert form.status_code == 200
    assert 'name="ecf_password"' in text(form)
    before = snapshot(store)
    assert seed.ecf is not None
    page = text(alt_visitor.link_form(seed.ecf.login, seed.ecf.password))
    assert notices(page) == [("alert", TEXTS[message])]
    assert snapshot(store) == before
    # The filing menu stays away (the already-linked filer keeps the one she had).
    assert (TEXTS["FILING_MENU"] in menu(page)) == (key == "linked_filer")


def test_linking_and_unlinking_in_alt_words(
    alt_visitor: Browser, alt_raw_visitor: Browser, store: Store
) -> None:
    alt_visitor.quick_sign_in("jdoe2020")
    page = text(alt_visitor.link("jdoe-ecf", "Ecf-Jane-2019"))
    assert h1(page) == TEXTS["LINK_DONE_TITLE"]
    assert ("status", DIALECT.text("link_done")("jdoe-ecf", "jdoe2020")) in notices(page)
    assert menu(page)[0] == "File"
    assert h1(text(alt_visitor.get("ecf", "/cgi-bin/DisplayMenu.pl?File"))) == "Filing"
    assert store.outbox_json()[-1]["subject"] == TEXTS["EMAIL_LINKED_SUBJECT"]
    clerk = alt_raw_visitor
    clerk.quick_sign_in("citclerk01")
    page = text(clerk.get("ecf", "/cgi-bin/UnlinkAccounts.pl"))
    found = text(
        clerk.post(
            "ecf",
            "/cgi-bin/UnlinkAccounts.pl",
            {"csrf_token": hidden(page, "csrf_token"), "step": "find", "ecf_login": "jdoe-ecf"},
        )
    )
    assert '<th scope="row">Linked PACER account</th><td>jdoe2020 (Jane Doe)</td>' in found
    assert f">{TEXTS['CLERK_UNLINK_BUTTON']}</button>" in found
    done = text(
        clerk.post(
            "ecf",
            form_action(found),
            {"csrf_token": hidden(found, "csrf_token"), "step": "unlink", "ecf_login": "jdoe-ecf"},
        )
    )
    assert notices(done) == [("status", DIALECT.text("unlink_done")("jdoe-ecf", "jdoe2020"))]


def test_the_inactive_notice_shows_on_show_index_and_query(alt_visitor: Browser) -> None:
    """On the home page it is a notice (a status message); on the refused Query page, an error."""
    index = text(alt_visitor.quick_sign_in("bwong2020"))
    assert notices(index) == [("status", default_texts.INACTIVE_NOTICE)]
    query = alt_visitor.get("ecf", "/cgi-bin/iquery.pl")
    assert query.status_code == 403
    assert notices(text(query)) == [("alert", default_texts.INACTIVE_NOTICE)]


def test_a_dialect_may_keep_the_inactive_notice_for_query(store: Store) -> None:
    quiet = Dialect("quiet", behaviour=Behaviour(inactive_notice_on_index=False))
    apps = {site: create_app(site, store, URLS, {"TEST_MODE": True}, quiet) for site in SITES}
    visitor = Browser(apps)
    assert notices(text(visitor.quick_sign_in("bwong2020"))) == []
    query = text(visitor.get("ecf", "/cgi-bin/iquery.pl"))
    assert ("alert", default_texts.INACTIVE_NOTICE) in notices(query)


def test_manage_my_account_signs_in_and_returns_to_its_alt_path(alt_visitor: Browser) -> None:
    alt_visitor.get("pacer", "/manage-account")
    assert "appurl=http%3A%2F%2Fpacer.test%2Faccount%2Fprofile" in alt_visitor.url
    page = log_in_where_sent(alt_visitor, "firm")
    assert alt_visitor.url == URLS["pacer"] + "/account/profile"
    assert f"<td>{TEXTS['ACCOUNT_KIND']['shared']}</td>" in page
