"""NextGen CM/ECF: sign-in through PACER, the menu bar, notices, Query, menus, log out."""

from __future__ import annotations

import pytest

from mock_site.store import Store
from tests.mock.helpers import (
    PERSONA,
    URLS,
    Browser,
    alerts,
    h1,
    menu,
    messages,
    text,
)

INACTIVE = (
    "PACER User Inactive: Although you have a PACER account, your account is currently "
    "inactive. You may continue to log in and perform other activities (e.g., e-file, request "
    "filing privileges), but you will not be able to perform a search until your account is "
    "active."
)
SHARED = (
    "Shared (firm) PACER accounts cannot be used to file or to link a CM/ECF account. "
    "Log in with your individual upgraded PACER account."
)
LEGACY = (
    "Legacy PACER accounts must be upgraded before they can file or link a CM/ECF account. "
    "Upgrade your PACER account, then try again."
)
PACER_ONLY_MENU = ["Query", "Reports", "Utilities", "Help", "Log Out"]


def test_login_pl_sends_a_visitor_to_pacer_login(visitor: Browser) -> None:
    response = visitor.get("ecf", "/cgi-bin/login.pl", follow=False)
    assert response.status_code == 302
    assert response.headers["Location"] == (
        "http://login.test/csologin/login.jsf?pscCourtId=CIT"
        "&appurl=http%3A%2F%2Fecf.test%2Fcgi-bin%2Flogin.pl"
    )


def test_the_faq_route_court_website_to_cmecf(visitor: Browser) -> None:
    visitor.get("court", "/cmecf")
    page = text(visitor.sign_in_to_ecf("filer"))
    assert h1(page) == "Welcome to the U.S. Court of International Trade for the LIVE Database"
    assert "LIVE Database - Document Filing System" in page
    assert menu(page) == PACER_ONLY_MENU
    assert "PacerSession" in visitor.clients["ecf"].get_cookie("PacerSession").key  # type: ignore[union-attr]


def test_signed_in_login_pl_goes_straight_to_show_index(visitor: Browser) -> None:
    visitor.quick_sign_in("jdoe2020")
    response = visitor.get("ecf", "/cgi-bin/login.pl", follow=False)
    assert response.headers["Location"] == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"


@pytest.mark.parametrize(
    "path",
    [
        "/cgi-bin/ShowIndex.pl",
        "/cgi-bin/iquery.pl",
        "/cgi-bin/DisplayMenu.pl?Utilities",
        "/cgi-bin/DisplayMenu.pl?Civil",
        "/cgi-bin/LinkAccount.pl",
        "/cgi-bin/ClerkUnlink.pl",
        "/cgi-bin/NotInMock.pl",
    ],
)
def test_cmecf_pages_send_visitors_to_log_in(visitor: Browser, path: str) -> None:
    response = visitor.get("ecf", path, follow=False)
    assert response.status_code == 302
    assert response.headers["Location"] == URLS["ecf"] + "/cgi-bin/login.pl"


@pytest.mark.parametrize(
    ("key", "expected_menu", "notices"),
    [
        ("filer", PACER_ONLY_MENU, []),
        ("linked_filer", ["Civil", *PACER_ONLY_MENU], []),
        ("firm", PACER_ONLY_MENU, [SHARED]),
        ("inactive", PACER_ONLY_MENU, [INACTIVE]),
        ("legacy", PACER_ONLY_MENU, [LEGACY]),
        ("clerk", PACER_ONLY_MENU, []),
    ],
)
def test_menu_and_notices_per_persona(
    visitor: Browser, key: str, expected_menu: list[str], notices: list[str]
) -> None:
    page = text(visitor.sign_in_to_ecf(key))
    assert menu(page) == expected_menu
    assert messages(page) == notices
    assert alerts(page) == []  # notices, not errors: status messages


def test_query_is_offered_to_an_active_account(visitor: Browser) -> None:
    visitor.quick_sign_in("jdoe2020")
    page = text(visitor.get("ecf", "/cgi-bin/iquery.pl"))
    assert h1(page) == "Query"
    assert '<label for="case_number">Case number</label>' in page and "Run Query" in page
    page = text(visitor.get("ecf", "/cgi-bin/iquery.pl?case_number=20-00001"))
    assert messages(page) == ["No case was found with that number."]
    page = text(visitor.get("ecf", "/cgi-bin/iquery.pl?case_number="))
    assert alerts(page) == ["Enter a case number."]


@pytest.mark.parametrize("username", ["bakerlowe01", "LP1234"])
def test_research_only_accounts_may_search(visitor: Browser, username: str) -> None:
    visitor.quick_sign_in(username)
    assert visitor.get("ecf", "/cgi-bin/iquery.pl").status_code == 200


def test_query_is_refused_for_an_inactive_account(visitor: Browser) -> None:
    visitor.quick_sign_in("bwong2020")
    response = visitor.get("ecf", "/cgi-bin/iquery.pl?case_number=1")
    assert response.status_code == 403
    assert h1(text(response)) == "Query"
    assert alerts(text(response)) == [INACTIVE]
    assert "Run Query" not in text(response)


def test_utilities_lists_the_account_links(visitor: Browser) -> None:
    visitor.quick_sign_in("jdoe2020")
    page = text(visitor.get("ecf", "/cgi-bin/DisplayMenu.pl?Utilities"))
    assert h1(page) == "Utilities"
    assert "Your Account</h2>" in page
    for label in (
        "Maintain Your ECF Account",
        "View Your Transaction Log",
        "Review Billing History",
        "Change Your PACER Login",
    ):
        assert f">{label}</a>" in page
    assert '<a href="/cgi-bin/LinkAccount.pl">Link a CM/ECF account to my PACER account</a>' in page
    assert "Unlink a CM/ECF account" not in page  # court staff only


def test_reports_and_help_menus(visitor: Browser) -> None:
    visitor.quick_sign_in("jdoe2020")
    assert h1(text(visitor.get("ecf", "/cgi-bin/DisplayMenu.pl?Reports"))) == "Reports"
    page = text(visitor.get("ecf", "/cgi-bin/DisplayMenu.pl?Help"))
    assert h1(page) == "Help"
    assert '<a href="tel:+18664501859">866-450-1859</a>' in page
    assert '<a href="mailto:cmecf_helpdesk@cit.uscourts.gov">' in page
    assert visitor.get("ecf", "/cgi-bin/DisplayMenu.pl?Nope").status_code == 404
    assert visitor.get("ecf", "/cgi-bin/DisplayMenu.pl").status_code == 404


@pytest.mark.parametrize(
    ("username", "message"),
    [
        (
            "jdoe2020",
            "You must link your CM/ECF account to your PACER account before you can file.",
        ),
        ("bakerlowe01", SHARED),
        ("LP1234", LEGACY),
    ],
)
def test_the_filing_menu_is_refused_to_those_who_cannot_file(
    visitor: Browser, username: str, message: str
) -> None:
    visitor.quick_sign_in(username)
    response = visitor.get("ecf", "/cgi-bin/DisplayMenu.pl?Civil")
    assert response.status_code == 403
    assert alerts(text(response)) == [message]


def test_the_filing_menu_opens_for_a_linked_filer(visitor: Browser) -> None:
    visitor.quick_sign_in("asmith2020")
    response = visitor.get("ecf", "/cgi-bin/DisplayMenu.pl?Civil")
    assert response.status_code == 200
    assert h1(text(response)) == "Civil Events"


def test_a_legacy_account_linked_by_the_control_api_still_cannot_file(
    visitor: Browser, store: Store
) -> None:
    assert store.link("LP1234", "lpark-ecf") == "linked"
    page = text(visitor.quick_sign_in("LP1234"))
    assert menu(page) == PACER_ONLY_MENU


def test_log_out_ends_the_session(visitor: Browser) -> None:
    visitor.quick_sign_in("asmith2020")
    page = text(visitor.get("ecf", "/cgi-bin/login.pl?logout"))
    assert h1(page) == "Logged out"
    assert '<a href="/cgi-bin/login.pl">Log in again</a>' in page
    assert menu(page) == []
    visitor.get("ecf", "/cgi-bin/ShowIndex.pl")
    assert visitor.site == "pacer-login"


def test_root_sends_to_login_pl(visitor: Browser) -> None:
    response = visitor.get("ecf", "/", follow=False)
    assert response.headers["Location"] == URLS["ecf"] + "/cgi-bin/login.pl"


def test_persona_passwords_meet_the_pacer_length_rule() -> None:
    for seed in PERSONA.values():
        assert len(seed.password) >= 8
        for ecf in (seed.ecf, seed.wrong_ecf):
            assert ecf is None or len(ecf.password) >= 8
