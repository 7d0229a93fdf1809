"""The alt dialect (mock_site/dialects/alt.py): what differs from the default, and what must
not (the FAQ's words and the [seen] facts of portal-reference.md).

The journeys use the Browser's default paths; alt_visitor sends them to the alt paths.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from flask import Flask

from mock_site import create_app
from mock_site import texts as default_texts
from mock_site.__main__ import parse_args
from mock_site.dialects import DEFAULT, Behaviour, Dialect, get_dialect
from mock_site.dialects.alt import DIALECT, GUESSES, PATHS, PROFILE_VALUES, TEXTS
from mock_site.server import start_mock
from mock_site.store import SITES, Store
from tests.mock.helpers import (
    PERSONA,
    URLS,
    Browser,
    form_action,
    h1,
    hidden,
    main_text,
    menu,
    notices,
    plain,
    snapshot,
    text,
)

# [seen] in portal-reference.md, or the FAQ's words: the same in every dialect.
SEEN = [
    "COURT_NAME",
    "CUTOVER_DATE",
    "LOGIN_TITLE",
    "LOGIN_INVALID",
    "PASSWORD_TOO_SHORT",
    "USERNAME_TOO_SHORT",
    "REDACTION_TITLE",
    "REDACTION_NOTICE",
    "REDACTION_CHECKBOX",
    "PACER_TITLE",
    "ACCOUNT_TYPE",
    "ECF_WELCOME",
    "ECF_TAGLINE",
    "LEGACY_LOGIN_INVALID",
    "INACTIVE_NOTICE",
    "LINK_TITLE",
    "LINK_VERIFY_TEXT",
    "RUN_QUERY_BUTTON",
    "LEGACY_LOGIN_LABEL",
    "LEGACY_PASSWORD_LABEL",
    "LEGACY_LOGIN_BUTTON",
    "MFA_VOLUNTARY_FROM",
    "MFA_DEADLINE",
    "MFA_UPDATE_REQUIRED_TITLE",
    "MFA_SKIP_BUTTON",
    "MFA_FIELD",
    "MFA_ENROLL_LINK",
    "MFA_SETTINGS_TAB",
    "MFA_SETTINGS_LINK",
    "MFA_ADD_APP_BUTTON",
    "MFA_NEW_CODES_BUTTON",
    "PSC_PHONE",
    "PSC_EMAIL",
    "HELPDESK_PHONE",
    "HELPDESK_EMAIL",
]


def test_the_seen_values_and_the_faq_words_are_not_reworded() -> None:
    assert not set(SEEN) & set(TEXTS)
    for name in SEEN:
        assert DIALECT.text(name) == getattr(default_texts, name)


def test_every_reworded_value_differs_from_the_default() -> None:
    for name, value in TEXTS.items():
        default = getattr(default_texts, name)
        if callable(value):
            args = ("a-login", "a-user")[: value.__code__.co_argcount]
            assert value(*args) != default(*args), name
        else:
            assert value != default, name


def test_a_misspelt_text_name_is_refused() -> None:
    with pytest.raises(ValueError, match="LINK_EMPTI"):
        Dialect("typo", texts={"LINK_EMPTI": "x"})
    with pytest.raises(ValueError, match="unknown dialect 'nope'"):
        get_dialect("nope")


def test_the_alt_profile_of_the_suite_holds_this_dialects_values() -> None:
    """profiles/alt.toml (the suite's side) says what this
    dialect shows: its paths, its capabilities, and its wording of each message it uses."""
    from suite.target.profiles import load_profile

    profile = load_profile("alt")
    assert profile.has("forgot_password") is PROFILE_VALUES["capabilities"]["forgot_password"]
    for capability, present in PROFILE_VALUES["capabilities"].items():
        assert profile.has(capability) is present
    assert profile.path_of("ecf_link") == PATHS["/cgi-bin/LinkAccount.pl"]
    assert profile.path_of("court_contact") == PATHS["/contact"]
    assert profile.path_of("pacer_court_links") == PATHS["/court-links"]
    texts = {value for value in PROFILE_VALUES["texts"].values() if isinstance(value, str)}
    for meaning in ("unknown CM/ECF login", "shared/firm PACER account", "linking cancelled"):
        assert profile.message(meaning) in texts
    assert GUESSES["FILING_MENU"] == profile.name_of("filing_menu")


# --- paths --------------------------------------------------------------------------------
# (site, default path, needs a PACER sign-in on that site)
MOVED = [
    ("court", "/cmecf", None),
    ("court", "/nextgen", None),
    ("court", "/contact", None),
    ("court", "/cmecf/faq", None),
    ("court", "/cmecf/linking-instructions", None),
    ("pacer", "/court-links", None),
    ("pacer", "/court-links/cafc", None),
    ("pacer", "/manage-account", "pacer"),
    ("pacer", "/manage-account/change-password", "pacer"),
    ("ecf", "/cgi-bin/LinkAccount.pl", "ecf"),
]


@pytest.mark.parametrize(("site", "path", "sign_in"), MOVED, ids=[m[1] for m in MOVED])
def test_a_moved_page_answers_at_its_alt_path_only(
    alt_raw_visitor: Browser, site: str, path: str, sign_in: str | None
) -> None:
    if sign_in:
        alt_raw_visitor.quick_sign_in("jdoe2020", sign_in)
    assert alt_raw_visitor.get(site, path).status_code == 404
    response = alt_raw_visitor.get(site, DIALECT.path(path))
    assert response.status_code == 200, text(response)[:300]
    assert alt_raw_visitor.url == URLS[site] + DIALECT.path(path)


def test_the_clerks_page_and_the_pacer_gov_entry_have_alt_paths(alt_raw_visitor: Browser) -> None:
    alt_raw_visitor.quick_sign_in("citclerk01")
    assert alt_raw_visitor.get("ecf", "/cgi-bin/ClerkUnlink.pl").status_code == 404
    page = text(alt_raw_visitor.get("ecf", "/cgi-bin/UnlinkAccounts.pl"))
    assert h1(page) == TEXTS["UNLINK_TITLE"]
    assert alt_raw_visitor.get("pacer", "/pacer.gov", follow=False).status_code == 404
    response = alt_raw_visitor.get("pacer", "/www.pacer.gov", follow=False)
    assert (response.status_code, response.headers["Location"]) == (301, URLS["pacer"] + "/")


def test_every_link_in_the_alt_pages_goes_somewhere(alt_raw_visitor: Browser) -> None:
    """Crawl the alt sites as a signed-in clerk and filer: no link answers 404 (or 500)."""
    seen: set[str] = set()
    for user in ("citclerk01", "jdoe2020"):
        alt_raw_visitor.quick_sign_in(user)
        alt_raw_visitor.quick_sign_in(user, "pacer")
        todo = [URLS["court"] + "/", URLS["pacer"] + "/", URLS["ecf"] + "/cgi-bin/ShowIndex.pl"]
        while todo:
            url = todo.pop()
            if url in seen or "logout" in url or "ticket=" in url:
                continue
            seen.add(url)
            response = alt_raw_visitor.get("court", url)
            assert response.status_code < 400, (url, response.status_code)
            for href in re.findall(r'href="([^"]+)"', text(response)):
                href = href.replace("&amp;", "&")
                if href.startswith("/static/") or href.startswith(("tel:", "mailto:")):
                    continue
                if href.startswith("/"):
                    origin = "/".join(alt_raw_visitor.url.split("/")[:3])
                    href = origin + href
                if href.startswith(tuple(URLS.values())):
                    todo.append(href)
    assert len(seen) > 15


# --- the missing page ---------------------------------------------------------------------
def test_forgot_password_is_missing_and_not_linked(alt_raw_visitor: Browser) -> None:
    for path in ("/forgot-password", "/reset-password?token=x", "/quick-links"):
        response = alt_raw_visitor.get("pacer", path)
        assert response.status_code == 404
        assert h1(text(response)) == TEXTS["NOT_FOUND_TITLE"]
    for site, path in [("pacer", "/"), ("pacer-login", "/csologin/login.jsf")]:
        page = text(alt_raw_visitor.get(site, path))
        assert "forgot" not in page.lower()
        assert "Forgot" not in plain(page)


# --- markup -------------------------------------------------------------------------------
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


# --- behaviour ----------------------------------------------------------------------------
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


# --- the control API ----------------------------------------------------------------------
def test_the_control_api_is_the_dialects_own(alt_apps: dict[str, Flask]) -> None:
    client = alt_apps["court"].test_client()
    assert client.get("/_mock/health").json["mock"] is True
    url = client.post("/_mock/signin", json={"username": "jdoe2020", "site": "pacer"}).json
    assert url["url"].startswith(URLS["pacer"] + "/account/profile?ticket=")
    assert client.post("/_mock/reset").json == {"reset": True, "kept_sessions": False}


def test_the_default_dialect_is_the_default(apps: dict[str, Flask]) -> None:
    assert get_dialect("default") is DEFAULT
    assert all(app.extensions["mock_site"].dialect is DEFAULT for app in apps.values())


def test_manage_my_account_signs_in_and_returns_to_its_alt_path(alt_visitor: Browser) -> None:
    alt_visitor.get("pacer", "/manage-account")
    assert "appurl=http%3A%2F%2Fpacer.test%2Faccount%2Fprofile" in alt_visitor.url
    page = log_in_where_sent(alt_visitor, "firm")
    assert alt_visitor.url == URLS["pacer"] + "/account/profile"
    assert f"<td>{TEXTS['ACCOUNT_KIND']['shared']}</td>" in page


# --- starting it ----------------------------------------------------------------------------
def test_start_mock_serves_the_dialect_asked_for() -> None:
    with start_mock(dialect="alt") as running:
        assert running.dialect == "alt"
        court = running.urls["court"]
        with urllib.request.urlopen(court + "/about/contact-us", timeout=10) as answer:
            assert answer.status == 200
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(court + "/contact", timeout=10)
        assert refused.value.code == 404
    with pytest.raises(ValueError, match="unknown dialect 'nope'"):
        start_mock(dialect="nope")


def test_the_command_line_takes_a_dialect(capsys: pytest.CaptureFixture[str]) -> None:
    assert parse_args([]).dialect == "default"
    assert parse_args(["--dialect", "alt"]).dialect == "alt"
    with pytest.raises(SystemExit):
        parse_args(["--dialect", "nope"])
    assert "invalid choice: 'nope'" in capsys.readouterr().err
