"""PACER login: credentials, return address, redaction step, tickets, faults."""

from __future__ import annotations

import time
from urllib.parse import quote, urlsplit

import pytest
from flask import Flask

from mock_site.store import Store
from tests.mock.helpers import (
    ECF_LOGIN_APPURL,
    LOGIN_PATH,
    PERSONA,
    URLS,
    Browser,
    Clock,
    alerts,
    form_action,
    h1,
    hidden,
    messages,
    text,
)


def test_login_page_has_the_real_ids_labels_and_view_state(visitor: Browser) -> None:
    page = text(visitor.get("pacer-login", ECF_LOGIN_APPURL))
    assert h1(page) == "PACER Login"
    assert '<form id="loginForm"' in page
    for field, label in [
        ("loginForm:loginName", "Username"),
        ("loginForm:password", "Password"),
        ("loginForm:clientCode", "Client code"),
    ]:
        assert f'<label for="{field}">{label}</label>' in page
        assert f'id="{field}" name="{field}"' in page
    assert 'id="loginForm:fbtnLogin"' in page and ">Login</button>" in page
    assert hidden(page, "javax.faces.ViewState")
    assert '<div id="loginForm:pclLoginMessages" role="status" aria-live="polite"' in page
    assert f'<a href="{URLS["pacer"]}/forgot-password">Forgot password?</a>' in page


@pytest.mark.parametrize(
    ("username", "password", "expected"),
    [
        ("jdoe2020", "wrong-password", ["Invalid username or password"]),
        ("nobody99", "Pacer-Jane-2020", ["Invalid username or password"]),
        ("JDOE2020", "Pacer-Jane-2020", ["Invalid username or password"]),
        # The old CM/ECF login and password are not PACER credentials.
        ("jdoe-ecf", "Ecf-Jane-2019", ["Invalid username or password"]),
        ("asmith-ecf", "Ecf-Alan-2019", ["Invalid username or password"]),
        ("", "Pacer-Jane-2020", ["Username is required"]),
        ("jdoe2020", "", ["Password is required"]),
        ("", "", ["Username is required", "Password is required"]),
        # The length rules of the real login page's client code.
        ("jdoe", "Pacer-Jane-2020", ["Username must be at least 6 characters"]),
        ("jdoe2020", "Pacer-J", ["Password must be at least 8 characters"]),
        (
            "jdoe",
            "short",
            ["Username must be at least 6 characters", "Password must be at least 8 characters"],
        ),
    ],
)
def test_bad_credentials_are_refused_with_the_message(
    visitor: Browser, username: str, password: str, expected: list[str]
) -> None:
    response = visitor.pacer_login(username, password)
    assert visitor.site == "pacer-login"
    assert alerts(text(response)) == expected
    assert "Redaction Agreement" not in text(response)


def test_a_refused_login_keeps_the_username_and_client_code_but_never_the_password(
    visitor: Browser,
) -> None:
    page = text(visitor.get("pacer-login", ECF_LOGIN_APPURL))
    refused = visitor.post(
        "pacer-login",
        form_action(page),
        {
            "loginForm": "loginForm",
            "loginForm:loginName": "jdoe2020",
            "loginForm:password": "wrong-password",
            "loginForm:clientCode": "matter-42",
            "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
        },
    )
    page = text(refused)
    assert alerts(page) == ["Invalid username or password"]
    assert 'name="loginForm:loginName" value="jdoe2020"' in page
    assert 'name="loginForm:clientCode" value="matter-42"' in page
    assert "wrong-password" not in page


def test_the_login_messages_are_inside_the_login_form_as_on_the_real_page(
    visitor: Browser,
) -> None:
    page = text(visitor.pacer_login("jdoe2020", "wrong-password"))
    form = page[page.index('<form id="loginForm"') : page.index("</form>")]
    assert '<div id="loginForm:pclLoginMessages" role="status" aria-live="polite"' in form
    assert page.count("pclLoginMessages") == 1


def test_a_filer_going_to_cmecf_gets_the_redaction_step(visitor: Browser) -> None:
    page = text(visitor.pacer_login("jdoe2020", PERSONA["filer"].password))
    assert h1(page) == "PACER Login"
    assert "<h2" in page and "Redaction Agreement</h2>" in page
    assert "IMPORTANT NOTICE OF REDACTION RESPONSIBILITY: All filers must redact:" in page
    assert '<label for="regmsg:chkRedact">I understand that, if I file, I must comply' in page
    # Continue is disabled until the box is ticked (the script enables it).
    assert 'id="regmsg:bpmConfirm" name="regmsg:bpmConfirm" value="Continue" disabled>' in page
    assert ">Cancel</button>" in page
    assert "/static/redaction.js" in page


def test_the_redaction_script_is_served(apps: dict[str, Flask]) -> None:
    with apps["pacer-login"].test_client().get("/static/redaction.js") as response:
        assert response.status_code == 200
        assert b"regmsg:chkRedact" in response.data


def test_continue_without_the_box_does_not_get_through(visitor: Browser) -> None:
    page = text(visitor.pacer_login("jdoe2020", PERSONA["filer"].password))
    again = text(visitor.acknowledge(page, tick=False))
    assert visitor.site == "pacer-login"
    assert alerts(again) == ["You must acknowledge the redaction requirements to continue."]
    # Still possible to tick it and go on.
    visitor.acknowledge(again)
    assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"


def test_a_forged_redaction_token_is_refused(visitor: Browser) -> None:
    page = text(visitor.pacer_login("jdoe2020", PERSONA["filer"].password))
    forged = page.replace(hidden(page, "regmsg:token"), "forged-token")
    response = visitor.acknowledge(forged)
    assert response.status_code == 400
    assert alerts(text(response)) == [
        "This form has expired or is not valid. Reload the page and try again."
    ]


def test_the_redaction_step_belongs_to_the_browser_that_signed_in(
    visitor: Browser, other_visitor: Browser
) -> None:
    page = text(visitor.pacer_login("jdoe2020", PERSONA["filer"].password))
    other_page = text(other_visitor.get("pacer-login", ECF_LOGIN_APPURL))
    stolen = page.replace(
        hidden(page, "javax.faces.ViewState"), hidden(other_page, "javax.faces.ViewState")
    )
    assert other_visitor.acknowledge(stolen).status_code == 400


def test_continue_twice_is_a_clear_400_not_a_second_sign_in(visitor: Browser) -> None:
    page = text(visitor.pacer_login("jdoe2020", PERSONA["filer"].password))
    visitor.acknowledge(page)
    assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"
    response = visitor.acknowledge(page)
    assert response.status_code == 400
    assert "This form has expired" in alerts(text(response))[0]


def test_cancel_on_the_redaction_step_goes_back_to_the_login_form(visitor: Browser) -> None:
    page = text(visitor.pacer_login("jdoe2020", PERSONA["filer"].password))
    response = visitor.cancel_redaction(page)
    assert messages(text(response)) == ["Login cancelled."]
    assert 'id="loginForm:loginName"' in text(response)
    visitor.get("ecf", "/cgi-bin/ShowIndex.pl")
    assert visitor.site == "pacer-login"  # not signed in to CM/ECF


@pytest.mark.parametrize("key", ["firm", "legacy"])
def test_research_only_accounts_skip_the_redaction_step(visitor: Browser, key: str) -> None:
    page = text(visitor.pacer_login(PERSONA[key].username, PERSONA[key].password))
    assert "Redaction Agreement" not in page
    assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"


def test_signing_in_for_the_pacer_website_skips_the_redaction_step(visitor: Browser) -> None:
    visitor.pacer_login("jdoe2020", PERSONA["filer"].password, LOGIN_PATH)  # no appurl
    assert visitor.url == URLS["pacer"] + "/manage-account"


def test_the_return_goes_to_appurl_with_a_one_time_ticket(visitor: Browser) -> None:
    appurl = URLS["ecf"] + "/cgi-bin/DisplayMenu.pl?Utilities"
    page = text(
        visitor.pacer_login(
            "bakerlowe01", PERSONA["firm"].password, f"{LOGIN_PATH}?appurl={quote(appurl)}"
        )
    )
    # A query in appurl gets "&ticket=", and CM/ECF drops the ticket from the address.
    assert visitor.history[-2].startswith(appurl + "&ticket=")
    assert visitor.url == appurl
    assert h1(page) == "Utilities"
    ticket_url = visitor.history[-2]
    # The ticket is single-use.
    reused = visitor.get("ecf", ticket_url)
    assert reused.status_code == 400
    assert alerts(text(reused)) == [
        "This sign-in link has expired or was already used. Log in again."
    ]


@pytest.mark.parametrize("stale", ["ticket=used-up", "ticket", "ticket=a&ticket=b"])
def test_a_ticket_already_in_appurl_gives_way_to_the_new_one(visitor: Browser, stale: str) -> None:
    """appurl with a ticket of its own (a bookmarked or pasted return address): the
    sign-in still lands, instead of CM/ECF reading the stale ticket first and saying the
    sign-in link expired."""
    appurl = URLS["ecf"] + f"/cgi-bin/DisplayMenu.pl?Utilities&{stale}"
    page = text(
        visitor.pacer_login(
            "bakerlowe01", PERSONA["firm"].password, f"{LOGIN_PATH}?appurl={quote(appurl)}"
        )
    )
    assert visitor.url == URLS["ecf"] + "/cgi-bin/DisplayMenu.pl?Utilities"
    assert h1(page) == "Utilities"


def test_a_ticket_expires(visitor: Browser, store: Store, clock: Clock) -> None:
    ticket = store.issue("ticket", {"username": "bakerlowe01", "site": "ecf"}, 60)
    clock.advance(61)
    assert visitor.get("ecf", f"/cgi-bin/login.pl?ticket={ticket}").status_code == 400


def test_a_ticket_for_the_pacer_website_does_not_open_cmecf(visitor: Browser, store: Store) -> None:
    ticket = store.issue("ticket", {"username": "jdoe2020", "site": "pacer"}, 60)
    assert visitor.get("ecf", f"/cgi-bin/login.pl?ticket={ticket}").status_code == 400


def test_pacer_login_down_is_a_503_page(visitor: Browser, store: Store) -> None:
    store.faults.down = True
    response = visitor.get("pacer-login", ECF_LOGIN_APPURL)
    assert response.status_code == 503
    assert h1(text(response)) == "PACER is temporarily unavailable"
    # The other sites are unaffected; CM/ECF still sends people to PACER login.
    assert visitor.get("court", "/").status_code == 200


def test_pacer_login_slow_answers_after_the_delay(visitor: Browser, store: Store) -> None:
    store.faults.delay_ms = 150
    started = time.perf_counter()
    response = visitor.get("pacer-login", ECF_LOGIN_APPURL)
    assert response.status_code == 200
    assert time.perf_counter() - started >= 0.15


def test_the_login_form_posts_back_with_the_same_return_address(visitor: Browser) -> None:
    page = text(visitor.get("pacer-login", ECF_LOGIN_APPURL))
    action = urlsplit(form_action(page))
    assert action.path == LOGIN_PATH
    assert "appurl=http%3A%2F%2Fecf.test%2Fcgi-bin%2Flogin.pl" in action.query
