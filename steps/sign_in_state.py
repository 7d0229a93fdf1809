"""Sign in through the UI once per persona per worker; later scenarios reuse that browser state.

A scenario that is *about* signing in still signs in through the PACER login pages. One that
only needs someone signed in ("Given a filer ... is signed in to CM/ECF") gets the cookies of
an earlier UI sign-in instead, which saves the page loads of PACER login. The state is
kept in memory only (never written to disk) and holds session cookies, never a password.
Run with `--sign-in=ui` to sign in through the UI in every scenario (the benchmark compares).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from pages.portal import Portal
from steps import journeys
from steps.second_factor import SecondFactor
from suite.run.personas import Persona

SignIn = Callable[[Portal, Persona, SecondFactor], None]
UI_SIGN_IN: dict[str, SignIn] = {
    "ecf": journeys.sign_in_to_cmecf,
    "pacer": journeys.sign_in_to_pacer_website,
}


@dataclass
class SignInStates:
    cookies: dict[tuple[str, str], list[Any]] = field(default_factory=dict)

    def __repr__(self) -> str:
        # pytest prints fixture values in failures (-vv, --showlocals): never session cookies.
        return f"SignInStates(saved sign-ins: {sorted(self.cookies)}, cookie values hidden)"

    def sign_in(
        self, portal: Portal, persona: Persona, site: str, second_factor: SecondFactor
    ) -> None:
        """Sign `portal`'s browser in to `site` ("ecf" or "pacer") as persona. A reused state
        needs no passcode; a UI sign-in passes the passcode page when the target asks."""
        key = (persona.key, site)
        # What the browser held before: the state kept for later scenarios is what this
        # sign-in added or changed, saved cookies that are still valid included.
        before = _cookie_values(portal.page.context.cookies())
        if key in self.cookies:
            portal.page.context.add_cookies(self.cookies[key])
            landing = portal.cmecf_home if site == "ecf" else portal.manage_account
            landing.open()
            if portal.page.url == landing.url:
                return
            # The saved session has ended (a scenario logged out, or it expired): sign in
            # through the UI below and keep the new state for the next scenario.
        # The first sign-in of a persona happens in the scenario's own browser, which costs
        # no more than in --sign-in=ui.
        UI_SIGN_IN[site](portal, persona, second_factor)
        self.cookies[key] = [
            cookie
            for cookie in portal.page.context.cookies()
            if before.get(_cookie_key(cookie)) != cookie["value"]
        ]


def _cookie_key(cookie: Any) -> tuple[str, str, str]:
    return cookie["name"], cookie["domain"], cookie["path"]


def _cookie_values(cookies: list[Any]) -> dict[tuple[str, str, str], str]:
    return {_cookie_key(cookie): cookie["value"] for cookie in cookies}


@pytest.fixture(scope="session")
def sign_in_states(pytestconfig: pytest.Config) -> SignInStates | None:
    """None when --sign-in=ui: every scenario then signs in through the PACER login pages."""
    if pytestconfig.getoption("sign_in") == "ui":
        return None
    return SignInStates()


def sign_in(
    states: SignInStates | None,
    portal: Portal,
    persona: Persona,
    site: str,
    second_factor: SecondFactor,
) -> None:
    if states is None:
        UI_SIGN_IN[site](portal, persona, second_factor)
    else:
        states.sign_in(portal, persona, site, second_factor)
