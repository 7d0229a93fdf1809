"""Sign-in reuse (steps/sign_in_state.py): through the UI once per persona, then cookies.

A fake portal stands in for the browser: a cookie jar per scenario (browser context), a
server that knows which session cookies are valid, and a UI sign-in that counts itself.
Like PACER's single sign-on, the UI sign-in to CM/ECF sets the PACER session cookie only
when the browser has no valid one, and CM/ECF's pages want both cookies.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import pytest

from steps import sign_in_state
from steps.sign_in_state import SignInStates
from suite.run.personas import Persona

PACER, ECF = "PacerSession", "CmEcfSession"
HOST = "127.0.0.1"
LANDING = "http://ecf.test/cgi-bin/ShowIndex.pl"
PASSCODES: Any = object()  # stands for the scenario's SecondFactor


@dataclass
class Server:
    valid: set[str] = field(default_factory=set)
    ui_sign_ins: list[str] = field(default_factory=list)
    tokens: itertools.count[int] = field(default_factory=itertools.count)

    def new_token(self, name: str) -> str:
        token = f"{name}-{next(self.tokens)}"
        self.valid.add(token)
        return token


@dataclass
class Context:
    jar: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def cookies(self) -> list[dict[str, Any]]:
        return [
            {"name": name, "domain": domain, "path": path, "value": value}
            for (name, domain, path), value in self.jar.items()
        ]

    def add_cookies(self, cookies: list[dict[str, Any]]) -> None:
        for cookie in cookies:
            self.jar[cookie["name"], cookie["domain"], cookie["path"]] = cookie["value"]

    def value(self, name: str) -> str | None:
        return self.jar.get((name, HOST, "/"))


@dataclass
class Page:
    context: Context
    url: str = "about:blank"


class Landing:
    url = LANDING

    def __init__(self, server: Server, page: Page) -> None:
        self.server, self.page = server, page

    def open(self) -> None:
        signed_in = all(self.page.context.value(name) in self.server.valid for name in (PACER, ECF))
        self.page.url = LANDING if signed_in else "http://pacer-login.test/csologin/login.jsf"


class Portal:
    """A new one per scenario: a fresh browser context, as the suite gives each scenario."""

    def __init__(self, server: Server) -> None:
        self.page = Page(Context())
        self.cmecf_home = self.manage_account = Landing(server, self.page)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Server:
    server = Server()

    def ui_sign_in(portal: Any, persona: Persona, second_factor: Any) -> None:
        assert second_factor is PASSCODES  # the UI sign-in gets the scenario's passcode step
        server.ui_sign_ins.append(persona.key)
        jar = portal.page.context
        if jar.value(PACER) not in server.valid:  # single sign-on: PACER only when needed
            jar.add_cookies([_cookie(PACER, server.new_token(PACER))])
        jar.add_cookies([_cookie(ECF, server.new_token(ECF))])
        portal.page.url = LANDING

    monkeypatch.setitem(sign_in_state.UI_SIGN_IN, "ecf", ui_sign_in)
    return server


def _cookie(name: str, value: str) -> dict[str, Any]:
    return {"name": name, "domain": HOST, "path": "/", "value": value}


def persona(key: str) -> Persona:
    return Persona(key=key, username=f"{key}-user", password="not-a-real-password")


def test_each_persona_signs_in_through_the_ui_once_and_later_scenarios_reuse_it(
    server: Server,
) -> None:
    states = SignInStates()
    for who in ("filer", "filer", "inactive", "filer", "inactive"):
        portal = Portal(server)
        states.sign_in(portal, persona(who), "ecf", PASSCODES)
        assert portal.page.url == LANDING
    assert server.ui_sign_ins == ["filer", "inactive"]


def test_an_ended_session_signs_in_again_and_keeps_every_cookie_it_needs(
    server: Server,
) -> None:
    states, filer = SignInStates(), persona("filer")
    states.sign_in(Portal(server), filer, "ecf", PASSCODES)
    # A scenario logs out of CM/ECF: its session ends, PACER's stays.
    server.valid = {token for token in server.valid if not token.startswith(ECF)}
    states.sign_in(Portal(server), filer, "ecf", PASSCODES)
    assert server.ui_sign_ins == ["filer", "filer"]
    # The next scenario needs both cookies again, PACER's unchanged one included.
    portal = Portal(server)
    states.sign_in(portal, filer, "ecf", PASSCODES)
    assert portal.page.url == LANDING
    assert server.ui_sign_ins == ["filer", "filer"]


def test_cookies_from_before_the_sign_in_are_not_kept(server: Server) -> None:
    states, portal = SignInStates(), Portal(server)
    portal.page.context.add_cookies([_cookie("court-banner-seen", "yes")])
    states.sign_in(portal, persona("filer"), "ecf", PASSCODES)
    later = Portal(server)
    states.sign_in(later, persona("filer"), "ecf", PASSCODES)
    assert later.page.context.value("court-banner-seen") is None
