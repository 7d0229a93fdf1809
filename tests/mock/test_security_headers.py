"""The security headers each site sends, pinned by name and value, on every kind of answer:
a page, an error page, a redirect carrying a sign-in ticket, the MFA pages, a static file and
the control API.

Referrer-Policy above all: sign-in tickets ride in query strings (`appurl?ticket=…`), and a
page shown at such an address (a refused ticket) must not hand its address to another
origin. `same-origin` sends no Referer across origins at all; the sites are four origins.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from werkzeug.test import TestResponse

from tests.mock.helpers import ECF_LOGIN_APPURL, PERSONA, Browser, text

# Every header this suite counts as a security header; those not sent are pinned as absent.
EXPECTED: dict[str, str | None] = {
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",  # pages with keys, codes and tickets are never cached
    # Not sent: CSP's frame-ancestors does X-Frame-Options' work; the mock serves plain HTTP
    # (HSTS is the real portals' business); nothing here uses powerful browser features.
    "X-Frame-Options": None,
    "Strict-Transport-Security": None,
    "Permissions-Policy": None,
    "Access-Control-Allow-Origin": None,  # no site answers another origin's scripts
}


def sent(response: TestResponse) -> dict[str, str | None]:
    return {name: response.headers.get(name) for name in EXPECTED}


def jane_mid_sign_in(visitor: Browser) -> TestResponse:
    seed = PERSONA["filer"]
    return visitor.pacer_login(seed.username, seed.password, mfa=False)


def ticket_redirect(visitor: Browser) -> TestResponse:
    seed = PERSONA["firm"]
    visitor.get("pacer-login", ECF_LOGIN_APPURL)
    page = text(visitor.last)  # type: ignore[arg-type]
    token = page.split('name="javax.faces.ViewState" id="j_id1:javax.faces.ViewState:0" value="')[1]
    data = {
        "loginForm": "loginForm",
        "loginForm:loginName": seed.username,
        "loginForm:password": seed.password,
        "javax.faces.ViewState": token.split('"')[0],
    }
    response = visitor.post("pacer-login", ECF_LOGIN_APPURL, data, follow=False)
    assert response.status_code == 302 and "ticket=" in response.headers["Location"]
    return response


ANSWERS: dict[str, Callable[[Browser], TestResponse]] = {
    "court: page": lambda v: v.get("court", "/"),
    "court: 404": lambda v: v.get("court", "/no-such-page"),
    "court: static file": lambda v: v.get("court", "/static/mock.css"),
    "court: control API": lambda v: v.get("court", "/_mock/health"),
    "pacer: page": lambda v: v.get("pacer", "/"),
    "pacer: refused ticket": lambda v: v.get("pacer", "/manage-account?ticket=forged"),
    "pacer: Manage MFA Settings": lambda v: (
        v.quick_sign_in("jdoe2020", "pacer"),
        v.get("pacer", "/manage-account/mfa"),
    )[1],
    "pacer-login: login page": lambda v: v.get("pacer-login", ECF_LOGIN_APPURL),
    "pacer-login: passcode page": jane_mid_sign_in,
    "pacer-login: redirect with a ticket": ticket_redirect,
    "pacer-login: control API": lambda v: v.get("pacer-login", "/_mock/clock"),
    "ecf: redirect to PACER login": lambda v: v.get("ecf", "/cgi-bin/login.pl", follow=False),
    "ecf: refused ticket": lambda v: v.get("ecf", "/cgi-bin/login.pl?ticket=forged"),
    "ecf: signed-in page": lambda v: v.quick_sign_in("jdoe2020"),
}


@pytest.mark.parametrize("answer", ANSWERS)
def test_each_site_sends_these_security_headers(visitor: Browser, answer: str) -> None:
    response = ANSWERS[answer](visitor)
    expected = dict(EXPECTED)
    if answer.endswith("static file"):  # no secret in a style sheet: Flask's revalidation
        expected["Cache-Control"] = "no-cache"
    assert sent(response) == expected
