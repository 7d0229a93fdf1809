"""Sessions: signing in issues a new session and ends the earlier one; logging out ends the
session on every site that shares the PACER sign-in.

"Refused" is shown the way an attacker would try it: the old cookie value, replayed in a
browser of its own, no longer opens the signed-in page. A session with no signed-in page
(PACER login's, or the anonymous one that carried a login form's token) is looked up in the
mock's store instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from flask import Flask

from mock_site import texts
from mock_site.store import Store
from mock_site.web import SESSION_COOKIES
from tests.mock.helpers import (
    ECF_LOGIN_APPURL,
    LOGIN_PATH,
    PERSONA,
    URLS,
    Browser,
    alerts,
    h1,
    hidden,
    text,
)

# The page of each site that only a signed-in visitor sees.
SIGNED_IN_PAGE = {"ecf": "/cgi-bin/ShowIndex.pl", "pacer": "/manage-account"}


def cookie(visitor: Browser, site: str) -> str:
    found = visitor.clients[site].get_cookie(SESSION_COOKIES[site])
    assert found is not None, f"no {SESSION_COOKIES[site]} cookie on {site}"
    return found.value


def signed_in(apps: dict[str, Flask], site: str, value: str) -> bool:
    """Whether a fresh browser holding only that session cookie gets the site's signed-in
    page (else: 302 to PACER login)."""
    client = apps[site].test_client()
    client.set_cookie(SESSION_COOKIES[site], value)
    status = client.get(SIGNED_IN_PAGE[site]).status_code
    assert status in (200, 302), status
    return status == 200


def session_alive(apps: dict[str, Flask], site: str, value: str) -> bool:
    """Whether the mock still holds that session."""
    return apps[site].extensions["mock_site"].store.get_session(site, value) is not None


# --- signing in issues a new session and ends the earlier one -------------------------------
@dataclass(frozen=True)
class SignIn:
    name: str
    site: str
    sign_in: Callable[[Browser], object]


def ui_sign_in_to_ecf(visitor: Browser) -> object:
    # PACER login on the way to CM/ECF; firm: no redaction step, the quickest UI sign-in.
    return visitor.pacer_login("bakerlowe01", PERSONA["firm"].password, ECF_LOGIN_APPURL)


def ui_sign_in_to_pacer(visitor: Browser) -> object:
    return visitor.pacer_login("bakerlowe01", PERSONA["firm"].password, LOGIN_PATH)


def ticket_sign_in_to_ecf(visitor: Browser) -> object:
    return visitor.quick_sign_in("jdoe2020", "ecf")


def ticket_sign_in_to_pacer(visitor: Browser) -> object:
    return visitor.quick_sign_in("jdoe2020", "pacer")


SIGN_INS = [
    SignIn("CM/ECF through PACER login", "ecf", ui_sign_in_to_ecf),
    SignIn("PACER website through PACER login", "pacer", ui_sign_in_to_pacer),
    SignIn("CM/ECF with a ticket", "ecf", ticket_sign_in_to_ecf),
    SignIn("PACER website with a ticket", "pacer", ticket_sign_in_to_pacer),
]


@pytest.mark.parametrize("way", SIGN_INS, ids=[w.name for w in SIGN_INS])
def test_signing_in_again_ends_the_earlier_session(
    apps: dict[str, Flask], visitor: Browser, way: SignIn
) -> None:
    way.sign_in(visitor)
    earlier = cookie(visitor, way.site)
    assert signed_in(apps, way.site, earlier)
    way.sign_in(visitor)
    later = cookie(visitor, way.site)
    assert later != earlier
    assert signed_in(apps, way.site, later)
    assert not signed_in(apps, way.site, earlier), "the earlier session is still alive"


def test_signing_in_at_pacer_login_ends_the_visitors_earlier_session_there(
    apps: dict[str, Flask], visitor: Browser
) -> None:
    """The anonymous session that carried the login form's token does not become, or
    outlive, the signed-in one (no session fixation)."""
    visitor.get("pacer-login", ECF_LOGIN_APPURL)
    before = cookie(visitor, "pacer-login")
    assert session_alive(apps, "pacer-login", before)
    ui_sign_in_to_ecf(visitor)
    assert cookie(visitor, "pacer-login") != before
    assert not session_alive(apps, "pacer-login", before)


def test_the_legacy_cmecf_login_ends_the_earlier_session(
    apps: dict[str, Flask], visitor: Browser, store: Store
) -> None:
    """Before March 16, 2020, CM/ECF signs people in itself: the session that carried the
    login form's token ends when the login succeeds."""
    store.set_today(texts.CUTOVER_DATE.replace(day=15))
    seed = PERSONA["filer"]
    assert seed.ecf is not None
    visitor.get("ecf", "/cgi-bin/login.pl")
    earlier = cookie(visitor, "ecf")
    visitor.submit("ecf", "/cgi-bin/login.pl", {"login": seed.ecf.login, "key": seed.ecf.password})
    assert signed_in(apps, "ecf", cookie(visitor, "ecf"))
    assert cookie(visitor, "ecf") != earlier
    assert not session_alive(apps, "ecf", earlier)


def test_another_person_signing_in_ends_the_first_ones_sessions_everywhere(
    apps: dict[str, Flask], visitor: Browser
) -> None:
    """A shared computer: Jane is signed in to the PACER website and CM/ECF; Baker & Lowe's
    user signs in at PACER login. Jane's pages must not stay open on either site."""
    visitor.sign_in_to_ecf("filer")
    visitor.pacer_login("jdoe2020", PERSONA["filer"].password, LOGIN_PATH)
    janes = {site: cookie(visitor, site) for site in ("ecf", "pacer")}
    assert all(signed_in(apps, site, value) for site, value in janes.items())
    landed = visitor.pacer_login("bakerlowe01", PERSONA["firm"].password, ECF_LOGIN_APPURL)
    assert h1(text(landed)) == texts.ECF_WELCOME
    assert {site: signed_in(apps, site, value) for site, value in janes.items()} == {
        "ecf": False,
        "pacer": False,
    }


def test_the_same_person_signing_in_again_keeps_the_other_sites_open(
    apps: dict[str, Flask], visitor: Browser
) -> None:
    """Signing in to the PACER website after CM/ECF (PACER login asks again) does not log the
    filer out of CM/ECF: it is the same person's sign-in."""
    visitor.sign_in_to_ecf("filer")
    ecf_session = cookie(visitor, "ecf")
    visitor.pacer_login("jdoe2020", PERSONA["filer"].password, LOGIN_PATH)
    assert signed_in(apps, "pacer", cookie(visitor, "pacer"))
    assert signed_in(apps, "ecf", ecf_session)


# --- logging out ends the session on every site that shares it -----------------------------
LOG_OUTS = {"ecf": "/cgi-bin/login.pl?logout", "pacer": "/logout"}


@pytest.mark.parametrize(
    "where", ["ecf", "pacer"], ids=["out of CM/ECF", "out of the PACER website"]
)
def test_logging_out_ends_the_sign_in_on_every_site(
    apps: dict[str, Flask], visitor: Browser, where: str
) -> None:
    visitor.sign_in_to_ecf("filer")
    visitor.pacer_login("jdoe2020", PERSONA["filer"].password, LOGIN_PATH)
    sessions = {site: cookie(visitor, site) for site in ("ecf", "pacer", "pacer-login")}
    assert signed_in(apps, "ecf", sessions["ecf"]) and signed_in(apps, "pacer", sessions["pacer"])
    response = visitor.get(where, LOG_OUTS[where])
    assert h1(text(response)) == "Logged out"
    assert not signed_in(apps, "ecf", sessions["ecf"]), "still signed in to CM/ECF"
    assert not signed_in(apps, "pacer", sessions["pacer"]), "still signed in to PACER website"
    assert not session_alive(apps, "pacer-login", sessions["pacer-login"])
    # And in the browser itself: both sites send the visitor to PACER login.
    for site in ("ecf", "pacer"):
        visitor.get(site, SIGNED_IN_PAGE[site])
        assert visitor.site == "pacer-login", f"{site} still open after logging out"


def test_logging_out_ends_no_one_elses_sign_in(
    apps: dict[str, Flask], visitor: Browser, other_visitor: Browser
) -> None:
    """Only the sign-in that logs out ends: the same filer in another browser stays in."""
    visitor.quick_sign_in("jdoe2020", "ecf")
    other_visitor.quick_sign_in("jdoe2020", "ecf")
    visitor.get("ecf", LOG_OUTS["ecf"])
    assert signed_in(apps, "ecf", cookie(other_visitor, "ecf"))


def test_a_ticket_issued_before_the_logout_signs_no_one_back_in(
    apps: dict[str, Flask], visitor: Browser
) -> None:
    """PACER login has sent a ticket for the PACER website, not yet used, when the filer logs
    out of CM/ECF: that ticket belonged to the sign-in that ended."""
    visitor.sign_in_to_ecf("firm")
    login = visitor.clients["pacer-login"]
    page = text(login.get(LOGIN_PATH))
    answer = login.post(
        LOGIN_PATH,
        data={
            "loginForm:loginName": "bakerlowe01",
            "loginForm:password": PERSONA["firm"].password,
            "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
        },
    )
    ticket_url = answer.headers["Location"]
    assert ticket_url.startswith(URLS["pacer"]) and "ticket=" in ticket_url
    visitor.get("ecf", LOG_OUTS["ecf"])
    response = visitor.get("pacer", ticket_url, follow=False)
    assert response.status_code == 400
    assert alerts(text(response)) == [texts.TICKET_INVALID]
