"""Sign in through the UI once per persona per worker; later scenarios reuse that browser state.

A scenario that is *about* signing in still signs in through the PACER login pages. One that
only needs someone signed in ("Given a filer ... is signed in to CM/ECF") gets the cookies of
an earlier UI sign-in instead, which saves the three page loads of PACER login. The state is
kept in memory only (never written to disk) and holds session cookies, never a password.
Run with `--sign-in=ui` to sign in through the UI in every scenario (the benchmark compares).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Browser

from pages.portal import Portal
from steps import journeys
from suite.personas import Persona
from suite.targets import Target

SignIn = Callable[[Portal, Persona], None]
UI_SIGN_IN: dict[str, SignIn] = {
    "ecf": journeys.sign_in_to_cmecf,
    "pacer": journeys.sign_in_to_pacer_website,
}


@dataclass
class SignInStates:
    browser: Browser
    context_args: dict[str, Any]
    target: Target
    cookies: dict[tuple[str, str], list[Any]] = field(default_factory=dict)

    def sign_in(self, portal: Portal, persona: Persona, site: str) -> None:
        """Sign `portal`'s browser in to `site` ("ecf" or "pacer") as persona."""
        key = (persona.key, site)
        if key not in self.cookies:
            self.cookies[key] = self._sign_in_through_the_ui(persona, site)
        portal.page.context.add_cookies(self.cookies[key])
        landing = portal.cmecf_home if site == "ecf" else portal.manage_account
        landing.open()
        if portal.page.url != landing.url:
            # The saved session has ended (a scenario logged out, or it expired): sign in
            # through the UI in this browser and keep the new state for the next scenario.
            del self.cookies[key]
            UI_SIGN_IN[site](portal, persona)
            self.cookies[key] = portal.page.context.cookies()

    def _sign_in_through_the_ui(self, persona: Persona, site: str) -> list[Any]:
        context = self.browser.new_context(**self.context_args)
        try:
            UI_SIGN_IN[site](Portal(context.new_page(), self.target.urls), persona)
            return list(context.cookies())
        finally:
            context.close()


@pytest.fixture(scope="session")
def sign_in_states(
    pytestconfig: pytest.Config,
    browser: Browser,
    browser_context_args: dict[str, Any],
    target: Target,
) -> SignInStates | None:
    """None when --sign-in=ui: every scenario then signs in through the PACER login pages."""
    if pytestconfig.getoption("sign_in") == "ui":
        return None
    return SignInStates(browser, browser_context_args, target)


def sign_in(states: SignInStates | None, portal: Portal, persona: Persona, site: str) -> None:
    if states is None:
        UI_SIGN_IN[site](portal, persona)
    else:
        states.sign_in(portal, persona, site)
