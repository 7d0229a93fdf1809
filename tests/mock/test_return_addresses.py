"""PACER login's return address (`appurl`): every form known to slip past an allow-list is
refused, and the page says why.

One table, one row per form. Each row names the guard of mock_site/security.py that does the
work (the first to refuse it, whose reason the page shows) and the guard that would refuse it
if that one were gone ("backup"); None means nothing else stands behind it: that guard alone
keeps the form out. The last test checks those claims, so the table cannot drift from the
code: weaken a guard and its rows go red here, even where a later guard still refuses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import pytest

from mock_site import security, texts
from tests.mock.helpers import LOGIN_PATH, PERSONA, URLS, Browser, alerts, h1, hidden, text

ALLOWED = [URLS["ecf"], URLS["pacer"]]  # PACER login returns only to CM/ECF or PACER website
REASONS = {name: reason for name, _, reason in security.RETURN_URL_GUARDS}
REASONS["allow-list"] = texts.APPURL_OTHER_SITE


@dataclass(frozen=True)
class Form:
    name: str
    appurl: str
    guard: str  # the guard that refuses it
    backup: str | None  # the guard that refuses it without `guard`; None: nothing does


FORMS = [
    # --- backslashes and mixed slashes: browsers read "\" as "/" -------------------------
    Form("backslashes for slashes", "http:\\\\evil.test/", "backslash", "no host"),
    Form("mixed slashes", "http:/\\evil.test/", "backslash", "no host"),
    Form("backslash before userinfo", "http://ecf.test\\@evil.test/", "backslash", "userinfo"),
    Form("backslash after the allowed host", "http://ecf.test\\evil.test/", "backslash",
         "allow-list"),
    # On the allowed origin as Python reads it ("//evil.test" as a browser reads it).
    Form("backslash in the path", "http://ecf.test/\\evil.test", "backslash", None),
    # --- control characters and whitespace: browsers drop or trim them -------------------
    Form("tab in the scheme", "java\tscript:alert(1)", "control or space", "scheme"),
    # urlsplit drops the newline as a browser does: without the guard it is taken as is.
    Form("newline in the host", "http://ecf.te\nst/", "control or space", None),
    Form("CR LF into the Location header", "http://ecf.test/\r\nSet-Cookie: PacerSession=x",
         "control or space", None),
    Form("NUL in the host", "http://ecf.test\x00.evil.test/", "control or space", "allow-list"),
    Form("DEL", "http://ecf.test/\x7f", "control or space", None),
    Form("leading space", " http://evil.test/", "control or space", "allow-list"),
    Form("trailing space", "http://ecf.test/ ", "control or space", None),
    Form("space in the host", "http://ecf.test .evil.test/", "control or space", "allow-list"),
    Form("no-break space", "http://ecf.test\u00a0.evil.test/", "non-ASCII", "allow-list"),
    Form("zero-width space", "http://e\u200bcf.test/", "non-ASCII", "allow-list"),
    Form("C1 control", "http://ecf.test/\u0085", "non-ASCII", None),
    # --- scheme-relative and scheme-only: the browser finds a host in each --------------
    Form("scheme-relative //host", "//evil.test/", "scheme", "allow-list"),
    Form("scheme-relative ///host", "///evil.test/", "scheme", "no host"),
    Form("relative path", "/cgi-bin/login.pl", "scheme", "no host"),
    Form("scheme without slashes", "http:evil.test/", "no host", "allow-list"),
    Form("scheme with one slash", "http:/evil.test/", "no host", "allow-list"),
    Form("scheme with three slashes", "https:///evil.test/", "no host", "allow-list"),
    # --- userinfo: the host is what follows the @ ---------------------------------------
    Form("userinfo", "http://ecf.test@evil.test/", "userinfo", "allow-list"),
    Form("userinfo with a password", "http://ecf.test:x@evil.test/", "userinfo", "allow-list"),
    Form("userinfo before the allowed host", "http://evil.test@ecf.test/", "userinfo",
         "allow-list"),
    # --- percent- and double-encoded: browsers decode a host's %xx once -----------------
    Form("percent-encoded host", "http://%65cf.test/", "percent-encoded host", "allow-list"),
    Form("percent-encoded dot", "http://evil%2etest/", "percent-encoded host", "allow-list"),
    Form("percent-encoded @", "http://ecf.test%40evil.test/", "percent-encoded host",
         "allow-list"),
    Form("percent-encoded slashes", "http:%2F%2Fevil.test/", "no host", "allow-list"),
    Form("double-encoded host", "http://%2565cf.test/", "percent-encoded host", "allow-list"),
    Form("double-encoded slash before @", "http://ecf.test%252f@evil.test/", "userinfo",
         "percent-encoded host"),
    # --- IDN look-alikes of the court's CM/ECF host --------------------------------------
    Form("Cyrillic e", "http://\u0435cf.test/", "non-ASCII", "allow-list"),
    Form("Cyrillic e and c", "http://\u0435\u0441f.test/", "non-ASCII", "allow-list"),
    # ASCII, so only the exact allow-list refuses it: a suffix or "contains" match would not.
    Form("punycode of the Cyrillic look-alike", "http://xn--f-itb0b.test/", "allow-list", None),
    Form("fullwidth letters", "http://\uff45cf.test/", "non-ASCII", "allow-list"),
    Form("ideographic full stop", "http://ecf\u3002test/", "non-ASCII", "allow-list"),
    # --- javascript: and data: -----------------------------------------------------------
    Form("javascript:", "javascript:alert(1)", "scheme", "no host"),
    Form("javascript: in mixed case", "JaVaScRiPt:alert(1)", "scheme", "no host"),
    Form("data:", "data:text/html,<script>alert(1)</script>", "scheme", "no host"),
    Form("ftp:", "ftp://ecf.test/", "scheme", "allow-list"),
    # --- other origins: the allow-list is exact (scheme, host and port) -----------------
    Form("another host", "http://evil.test/cgi-bin/login.pl", "allow-list", None),
    Form("allowed host as a subdomain", "http://ecf.test.evil.test/", "allow-list", None),
    Form("allowed host as a prefix", "http://ecf.testevil.test/", "allow-list", None),
    Form("trailing dot", "http://ecf.test./", "allow-list", None),
    Form("default port spelled out", "http://ecf.test:80/", "allow-list", None),
    Form("https for an http site", "https://ecf.test/", "allow-list", None),
    Form("the court website", "http://court.test/", "allow-list", None),
    Form("PACER login itself", "http://login.test/csologin/login.jsf", "allow-list", None),
    Form("port out of range", "http://ecf.test:99999/", "unparsable", "allow-list"),
    Form("over-long", "http://ecf.test/" + "a" * 5000, "length", None),
]  # fmt: skip
IDS = [f"{form.name} -> {form.guard}" for form in FORMS]


def login_url(appurl: str) -> str:
    return f"{LOGIN_PATH}?pscCourtId=CIT&appurl={quote(appurl, safe='')}"


def refused_with_the_reason(page: str, form: Form) -> None:
    assert h1(page) == texts.APPURL_REFUSED_TITLE
    assert alerts(page) == [texts.appurl_refused(REASONS[form.guard])]
    assert "<script>alert(1)</script>" not in page  # never reflected


@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_the_login_page_refuses_the_return_address_and_says_why(
    visitor: Browser, form: Form
) -> None:
    response = visitor.get("pacer-login", login_url(form.appurl), follow=False)
    assert response.status_code == 400
    refused_with_the_reason(text(response), form)


@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_a_login_posted_with_the_return_address_signs_no_one_in(
    visitor: Browser, form: Form
) -> None:
    """The form is checked again when posted (a forged form action): no ticket, no session."""
    page = text(visitor.get("pacer-login", login_url("http://ecf.test/cgi-bin/login.pl")))
    response = visitor.post(
        "pacer-login",
        login_url(form.appurl),
        {
            "loginForm:loginName": "bakerlowe01",  # skips the redaction step
            "loginForm:password": PERSONA["firm"].password,
            "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
        },
        follow=False,
    )
    assert response.status_code == 400 and "Location" not in response.headers
    refused_with_the_reason(text(response), form)


@pytest.mark.parametrize(
    "appurl",
    [
        "http://ecf.test/cgi-bin/login.pl",
        "http://pacer.test/manage-account",
        "HTTP://ECF.TEST/cgi-bin/login.pl",  # scheme and host are case-insensitive
        "http://ecf.test/cgi-bin/DisplayMenu.pl?Utilities",
    ],
)
def test_a_return_address_on_cmecf_or_the_pacer_website_is_taken(
    visitor: Browser, appurl: str
) -> None:
    response = visitor.get("pacer-login", login_url(appurl), follow=False)
    assert response.status_code == 200 and h1(text(response)) == texts.LOGIN_TITLE
    assert security.return_url_refusal(appurl, ALLOWED) is None


@pytest.mark.parametrize("form", FORMS, ids=IDS)
def test_the_table_names_the_guard_that_does_the_work(
    form: Form, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the row's guard, its backup refuses it, or (backup None) it gets through."""
    refusal = security.return_url_refusal(form.appurl, ALLOWED)
    assert refusal is not None and refusal[0] == form.guard
    if form.guard == "allow-list":
        assert form.backup is None  # the last line: nothing stands behind it
        return
    without = tuple(g for g in security.RETURN_URL_GUARDS if g[0] != form.guard)
    monkeypatch.setattr(security, "RETURN_URL_GUARDS", without)
    refusal = security.return_url_refusal(form.appurl, ALLOWED)
    assert (refusal[0] if refusal else None) == form.backup
