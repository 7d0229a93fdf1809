"""A persona's accounts before a scenario, and putting them back after it (a real portal has
no reset: docs/targets.md "Leaving a real portal as it was").

State checks. Before a scenario relies on a persona's state it checks it, as a person would,
and stops at once with one line naming what is wrong and how to put it right:
- `check_link_state`: signed in to CM/ECF, the menu bar shows whether the PACER account has a
  linked CM/ECF account (the filing menu beside the [seen] menus of a PACER-only user); it
  must match the persona's kind (suite.run.personas.STARTS_LINKED);
- `sign_in_checked`: PACER login takes the persona's configured password.

Restores (suite/run/restores.py runs them). A step registers, before it makes a change, how to
put it back, in one line:

    put_back.link(actor, ecf_login)             # court staff unlink it, as the FAQ says
    put_back.password(actor, new_password)      # change the password back
    put_back.add("remove ...", lambda desk: ..., by_hand="...")   # anything else

`add`'s action gets `desk`, a Portal in a browser context of its own (whatever page the
scenario's browser was left on), closed afterwards; `put_back.sign_in(desk, persona, site)`
signs in there through steps/sign_in_state.py, the one way the suite signs in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
from playwright.sync_api import Browser

from pages.ecf import PACER_ONLY_MENUS
from pages.portal import Portal
from steps import journeys
from steps.second_factor import SecondFactor, SignInRefused
from steps.sign_in_state import SignInStates, sign_in
from suite.run.personas import PERSONA_KINDS, STARTS_LINKED, Persona, variable_name
from suite.run.restores import Restore, Restores
from suite.target.sites import Target

LINK_MENU = '"Link a CM/ECF account to my PACER account" under Utilities'


def check_link_state(portal: Portal, persona: Persona) -> None:
    """Signed in to CM/ECF as persona: its CM/ECF account is linked, or not, as its kind
    says; else stop, saying how to put it right."""
    linked = STARTS_LINKED.get(persona.key)
    if linked is None:
        return
    beyond = portal.cmecf_home.menus_beyond_pacer_only()
    if bool(beyond) == linked:
        return
    who = (
        f"persona {persona.key!r} ({PERSONA_KINDS[persona.key]}, PACER account {persona.username})"
    )
    account = persona.ecf_login or variable_name(persona.key, "ecf_login")
    if linked:
        pytest.fail(
            f"{who} must start with its CM/ECF account linked, but CM/ECF's menu bar shows only "
            f"{', '.join(PACER_ONLY_MENUS)} (no filing menu); to put it right, sign in to "
            f"CM/ECF as {persona.username} and link {account} with {LINK_MENU}",
            pytrace=False,
        )
    accounts = " or ".join(a for a in (account, persona.wrong_ecf_login) if a)
    pytest.fail(
        f"{who} must start with its CM/ECF account unlinked, but CM/ECF's menu bar shows "
        f"{', '.join(beyond)} beside {', '.join(PACER_ONLY_MENUS)}: it is linked (left so "
        f"by an earlier run?); to put it right, court staff unlink it, as the FAQ says: "
        f"persona 'clerk' on {portal.clerk_unlink.url}, CM/ECF login {accounts}",
        pytrace=False,
    )


def sign_in_checked(
    states: SignInStates | None,
    portal: Portal,
    persona: Persona,
    site: str,
    second_factor: SecondFactor,
) -> None:
    """Sign in (steps/sign_in_state.py); a refused password stops the scenario in one line."""
    try:
        sign_in(states, portal, persona, site, second_factor)
    except SignInRefused as refused:
        pytest.fail(
            f"persona {persona.key!r} cannot sign in with its configured password: {refused}; "
            f"set {variable_name(persona.key, 'password')} to the account's password on this "
            f"target (a run that changed it and could not put it back said how, in its report)",
            pytrace=False,
        )


@dataclass
class PutBack:
    """The scenario's restores, with what they need: a browser, the target, the personas."""

    restores: Restores
    browser: Browser
    context_args: dict[str, Any]
    target: Target
    personas: dict[str, Persona]
    states: SignInStates | None
    second_factor: SecondFactor

    def add(self, what: str, action: Callable[[Portal], None], by_hand: str = "") -> Restore:
        """Register a restore that works in a browser of its own (see the module's doc)."""

        def in_own_browser() -> None:
            context = self.browser.new_context(**self.context_args)
            try:
                action(Portal(context.new_page(), self.target.urls, self.target.profile))
            finally:
                context.close()

        return self.restores.add(what, in_own_browser, by_hand)

    def sign_in(self, desk: Portal, persona: Persona, site: str) -> None:
        sign_in(self.states, desk, persona, site, self.second_factor)

    def link(self, persona: Persona, ecf_login: str) -> Restore | None:
        """Before a step confirms linking ecf_login to persona's PACER account: court staff
        unlink it afterwards. None when that CM/ECF account starts linked (a linked persona's
        own): it was linked before, and must stay so."""
        if not ecf_login or self._starts_linked(ecf_login):
            return None
        unlink_page = self.target.urls["ecf"] + self.target.profile.path_of("ecf_clerk_unlink")
        return self.add(
            f"have court staff unlink CM/ECF account {ecf_login} from PACER account "
            f"{persona.username}",
            lambda desk: self._unlink(desk, ecf_login),
            by_hand=f"sign in to CM/ECF as court staff (persona 'clerk'), open {unlink_page}, "
            f"find {ecf_login} and unlink it",
        )

    def _starts_linked(self, ecf_login: str) -> bool:
        return any(
            persona.ecf_login == ecf_login and STARTS_LINKED.get(key, False)
            for key, persona in self.personas.items()
        )

    def _unlink(self, desk: Portal, ecf_login: str) -> None:
        clerk = self.personas["clerk"]
        missing = clerk.missing("username", "password")
        if missing:
            raise RuntimeError(
                f"persona 'clerk' is not configured (set {', '.join(missing)}): only court "
                f"staff can unlink"
            )
        self.sign_in(desk, clerk, "ecf")
        if not journeys.find_for_unlinking(desk, ecf_login):
            return  # nothing was linked after all: as it was
        unlink = desk.clerk_unlink
        unlink.click_control(unlink.profile.name_of("clerk_unlink_button"))
        # Proof, in no wording of the profile's: looked up again, it is not linked.
        if journeys.find_for_unlinking(desk, ecf_login):
            raise AssertionError(f"CM/ECF account {ecf_login} is still linked after the unlink")

    def password(self, persona: Persona, new_password: str) -> Restore:
        """Before a step changes persona's PACER password to new_password: change it back
        afterwards, and prove it by signing in with the old one."""
        return self.add(
            f"put back the PACER password of {persona.username} (persona {persona.key!r})",
            lambda desk: self._password_back(desk, persona, new_password),
            by_hand=f"sign in to PACER as {persona.username} with the password configured in "
            f"{variable_name(persona.key, 'password')} followed by the suite's suffix "
            f"(steps/sign_in.py NEW_PASSWORD_SUFFIX) and change it back in Manage My Account",
        )

    def _password_back(self, desk: Portal, persona: Persona, new_password: str) -> None:
        assert persona.password
        changed = replace(persona, password=new_password)
        self.sign_in(desk, changed, "pacer")
        journeys.change_pacer_password(desk, new_password, persona.password)
        # Proof: PACER login takes the old password again, in a browser with no session.
        desk.page.context.clear_cookies()
        journeys.sign_in_to_pacer_website(desk, persona, self.second_factor)


@pytest.fixture
def put_back(
    restores: Restores,
    browser: Browser,
    browser_context_args: dict[str, Any],
    target: Target,
    personas: dict[str, Persona],
    sign_in_states: SignInStates | None,
    second_factor: SecondFactor,
) -> PutBack:
    """How this scenario's steps register restores (see the module's docstring)."""
    return PutBack(
        restores, browser, browser_context_args, target, personas, sign_in_states, second_factor
    )
