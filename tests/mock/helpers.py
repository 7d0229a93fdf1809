"""Helpers for the mock's tests: read pages, follow cross-site redirects, sign in."""

from __future__ import annotations

import html
import re
from dataclasses import asdict
from typing import Any
from urllib.parse import urlsplit

import pyotp
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from mock_site import mfa
from mock_site.dialects import Dialect
from mock_site.personas import PERSONAS
from mock_site.store import Store

URLS = {
    "court": "http://court.test",
    "pacer": "http://pacer.test",
    "pacer-login": "http://login.test",
    "ecf": "http://ecf.test",
}
SITE_OF_ORIGIN = {url: site for site, url in URLS.items()}
PERSONA = {seed.key: seed for seed in PERSONAS}
LOGIN_PATH = "/csologin/login.jsf"
ECF_LOGIN_APPURL = (
    "/csologin/login.jsf?pscCourtId=CIT&appurl=http%3A%2F%2Fecf.test%2Fcgi-bin%2Flogin.pl"
)


class Clock:
    """A controllable time source for session expiry."""

    def __init__(self) -> None:
        self.now = 1_600_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def text(response: TestResponse) -> str:
    return response.get_data(as_text=True)


def plain(page: str) -> str:
    """The page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def h1(page: str) -> str:
    found = re.findall(r"<h1>(.*?)</h1>", page, re.S)
    assert len(found) == 1, f"expected one h1, found {found}"
    return html.unescape(found[0])


def messages(page: str) -> list[str]:
    """Every message in the live region (errors and confirmations)."""
    region = re.search(
        r'<div id="[^"]*" role="status" aria-live="polite"[^>]*>(.*?)</div>', page, re.S
    )
    assert region, "no live region"
    return [html.unescape(m) for m in re.findall(r"<p[^>]*>(.*?)</p>", region.group(1), re.S)]


def alerts(page: str) -> list[str]:
    """The error messages: role="alert" inside the live region."""
    return [html.unescape(m) for m in re.findall(r'<p[^>]*role="alert"[^>]*>(.*?)</p>', page, re.S)]


def hidden(page: str, name: str) -> str:
    pattern = r'<input type="hidden" name="' + re.escape(name) + r'"[^>]*? value="([^"]*)"'
    match = re.search(pattern, page)
    assert match, f"no hidden field {name}"
    return html.unescape(match.group(1))


def form_action(page: str, form_id: str | None = None) -> str:
    start = page.index(f'id="{form_id}"') - 200 if form_id else 0
    match = re.search(r'<form[^>]*action="([^"]*)"', page[max(start, 0) :])
    assert match, "no form"
    return html.unescape(match.group(1))


def menu(page: str) -> list[str]:
    nav = re.search(
        r'<div id="topmenu" role="navigation" aria-label="CM/ECF menu">(.*?)</div>', page, re.S
    )
    return re.findall(r"<a [^>]*>(.*?)</a>", nav.group(1)) if nav else []


def snapshot(store: Store) -> dict[str, Any]:
    """What must never change through bad input: accounts, links, outbox, clock, faults."""
    with store.lock:
        return {
            "accounts": {k: asdict(v) for k, v in store.accounts.items()},
            "ecf": {k: asdict(v) for k, v in store.ecf_accounts.items()},
            "outbox": store.outbox_json(),
            "today": store.today(),
            "faults": asdict(store.faults),
            "mfa": {k: asdict(v) for k, v in store.mfa.states.items()},
        }


class Browser:
    """One person's browser across the four sites: a test client (cookie jar) per origin,
    following redirects from site to site."""

    verify_heading = "Verify the accounts to link"  # the linking verification page's h1

    def __init__(self, apps: dict[str, Flask]) -> None:
        self.clients: dict[str, FlaskClient] = {
            site: app.test_client() for site, app in apps.items()
        }
        self.site = "court"
        self.last: TestResponse | None = None
        self.history: list[str] = []

    def _split(self, site: str, url: str) -> tuple[str, str]:
        if url.startswith("http"):
            parts = urlsplit(url)
            site = SITE_OF_ORIGIN[f"{parts.scheme}://{parts.netloc}"]
            url = parts.path + (f"?{parts.query}" if parts.query else "")
        return site, url

    def request(
        self, method: str, site: str, url: str, follow: bool = True, **kwargs: Any
    ) -> TestResponse:
        site, path = self._split(site, url)
        response = self.clients[site].open(path, method=method, **kwargs)
        self.site = site
        self.history.append(URLS[site] + path)
        hops = 0
        while follow and response.status_code in (301, 302, 303, 307, 308):
            hops += 1
            assert hops < 10, f"redirect loop: {self.history}"
            site, path = self._split(site, response.headers["Location"])
            response = self.clients[site].get(path)
            self.site = site
            self.history.append(URLS[site] + path)
        self.last = response
        return response

    def get(self, site: str, url: str, **kwargs: Any) -> TestResponse:
        return self.request("GET", site, url, **kwargs)

    def post(
        self, site: str, url: str, data: dict[str, str] | None = None, **kwargs: Any
    ) -> TestResponse:
        return self.request("POST", site, url, data=data or {}, **kwargs)

    @property
    def url(self) -> str:
        return self.history[-1]

    def submit(self, site: str, url: str, fields: dict[str, str]) -> TestResponse:
        """Open the form page at url and post fields to it, with the page's form token."""
        page = text(self.get(site, url))
        return self.post(site, url, {"csrf_token": hidden(page, "csrf_token"), **fields})

    # --- sign-in journeys --------------------------------------------------------------
    @property
    def store(self) -> Store:
        store: Store = next(iter(self.clients.values())).application.extensions["mock_site"].store
        return store

    def pacer_login(
        self, username: str, password: str, url: str = ECF_LOGIN_APPURL, mfa: bool = True
    ) -> TestResponse:
        """Open PACER login at url and submit the credentials (no redaction step). With mfa,
        a passcode page that follows is passed with the account's app (see pass_mfa)."""
        page = text(self.get("pacer-login", url))
        response = self.post(
            "pacer-login",
            form_action(page),
            {
                "loginForm": "loginForm",
                "loginForm:loginName": username,
                "loginForm:password": password,
                "loginForm:fbtnLogin": "Login",
                "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
            },
        )
        if mfa and 'name="mfaForm:token"' in text(response):
            response = self.pass_mfa(text(response))
        return response

    def mfa_username(self, page: str) -> str:
        """Whose half-done sign-in the passcode page holds (read from the store)."""
        pending = self.store.pending[hidden(page, "mfaForm:token")]
        return pending.data["username"]

    def fresh_passcode(self, username: str) -> str:
        """The passcode of the account's first app, in a 30 s step not used yet: when this
        step's code was used (two sign-ins in one step), the mock's clock moves on to the
        next step, as a person (or the suite) would wait for it."""
        store = self.store
        key = store.mfa.state(username).apps[0]
        used = store.mfa.used_steps.get(key, [])
        step = int(store.now() // mfa.STEP_SECONDS)
        if used and step <= max(used):
            store.advance((max(used) - step + 1) * mfa.STEP_SECONDS)
        return pyotp.TOTP(key).at(store.now())

    def submit_passcode(
        self, page: str, code: str, field: str = "mfaForm:passcode"
    ) -> TestResponse:
        """Post code in the passcode page's form."""
        data = {
            "mfaForm": "mfaForm",
            "mfaForm:token": hidden(page, "mfaForm:token"),
            field: code,
            "mfaForm:verify": "verify",
            "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
        }
        if 'name="mfaForm:mode"' in page:
            data["mfaForm:mode"] = hidden(page, "mfaForm:mode")
        return self.post("pacer-login", form_action(page), data)

    def pass_mfa(self, page: str) -> TestResponse:
        """The passcode page, passed with a fresh passcode of the account's app."""
        return self.submit_passcode(page, self.fresh_passcode(self.mfa_username(page)))

    def acknowledge(self, page: str, tick: bool = True) -> TestResponse:
        data = {
            "regmsg": "regmsg",
            "regmsg:token": hidden(page, "regmsg:token"),
            "regmsg:bpmConfirm": "Continue",
            "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
        }
        if tick:
            data["regmsg:chkRedact"] = "true"
        return self.post("pacer-login", form_action(page), data)

    def cancel_redaction(self, page: str) -> TestResponse:
        """Cancel on the redaction step of `page`."""
        data = {
            "regmsg": "regmsg",
            "regmsg:token": hidden(page, "regmsg:token"),
            "regmsg:bpmCancel": "Cancel",
            "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
        }
        return self.post("pacer-login", form_action(page), data)

    def sign_in_to_ecf(self, key: str) -> TestResponse:
        """The FAQ's way in: court website → CM/ECF → PACER login (→ redaction) → CM/ECF."""
        seed = PERSONA[key]
        self.get("ecf", "/cgi-bin/login.pl")
        assert self.site == "pacer-login"
        response = self.pacer_login(
            seed.username, seed.password, self.url.replace(URLS["pacer-login"], "")
        )
        if "Redaction Agreement" in text(response):
            response = self.acknowledge(text(response))
        assert self.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl", self.history
        return response

    def quick_sign_in(self, username: str, site: str = "ecf") -> TestResponse:
        """Through the control API's one-time sign-in URL (no password hashing: fast)."""
        url = (
            self.clients["ecf"]
            .post("/_mock/signin", json={"username": username, "site": site})
            .json
        )
        assert url is not None
        return self.get(site, url["url"])

    def link_form(self, login: str, password: str) -> TestResponse:
        return self.submit(
            "ecf",
            "/cgi-bin/LinkAccount.pl",
            {"step": "verify", "ecf_login": login, "ecf_password": password},
        )

    def confirm(self, verify_page: str, action: str = "confirm") -> TestResponse:
        return self.post(
            "ecf",
            "/cgi-bin/LinkAccount.pl",
            {
                "csrf_token": hidden(verify_page, "csrf_token"),
                "step": "confirm",
                "token": hidden(verify_page, "token"),
                "action": action,
            },
        )

    def link(self, login: str, password: str) -> TestResponse:
        verify = self.link_form(login, password)
        assert h1(text(verify)) == self.verify_heading, alerts(text(verify))
        return self.confirm(text(verify))


class DialectBrowser(Browser):
    """A Browser for a dialect's sites that takes the default dialect's paths: each is sent
    to the dialect's own path, so the default tests' journeys run there unchanged."""

    def __init__(self, apps: dict[str, Flask], dialect: Dialect) -> None:
        super().__init__(apps)
        self.dialect = dialect
        self.verify_heading = dialect.text("LINK_VERIFY_TITLE")

    def _split(self, site: str, url: str) -> tuple[str, str]:
        site, path = super()._split(site, url)
        bare, mark, query = path.partition("?")
        return site, self.dialect.path(bare) + mark + query


def notices(page: str) -> list[tuple[str, str]]:
    """(role, text) of every message element: role="alert" (errors) or role="status"."""
    found = re.findall(r'<p [^>]*role="(alert|status)"[^>]*>(.*?)</p>', page, re.S)
    return [(role, html.unescape(message)) for role, message in found]


def main_text(page: str) -> str:
    """The text of the page's <main>, as a reader sees it."""
    match = re.search(r"<main>(.*?)</main>", page, re.S)
    assert match, "no <main>"
    return plain(match.group(1))
