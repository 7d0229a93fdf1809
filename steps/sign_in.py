"""Signing in: PACER login, the redaction agreement, old CM/ECF credentials, password reset."""

from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.portal import Portal
from steps import journeys
from steps.account_state import PutBack, check_link_state, sign_in_checked
from steps.personas import THE_ACTOR, WHO, one_of, persona_for, require
from steps.preconditions import (
    ON_PACER_LOGIN,
    ON_REDACTION_AGREEMENT,
    SIGNED_IN_TO_PACER_WEBSITE,
    SIGNED_OUT_OF_CMECF,
    needs,
)
from steps.second_factor import SecondFactor
from steps.sign_in_state import SignInStates
from suite.run import secrets
from suite.run.mock_control import MockControl
from suite.run.personas import Persona
from suite.target.profiles import Wording

TOPIC = (
    "Signing in, the redaction agreement and passwords",
    "PACER login, what it refuses, the redaction agreement filers acknowledge, and changing "
    "or resetting the PACER password.",
)
WRONG_PASSWORD = "not-the-right-password-1"  # a value no persona has
UNKNOWN_USERNAME = "nobody-at-pacer-0000"
NEW_PASSWORD_SUFFIX = "-renewed-2026"


def new_password_for(actor: Persona) -> str:
    """The password a scenario changes the persona's to, kept out of artefacts like the rest."""
    new_password = f"{actor.password}{NEW_PASSWORD_SUFFIX}"
    secrets.register(new_password)
    return new_password


# Where "is signed in to ..." signs the persona in, by the feature files' words.
SIGN_IN_SITES = {"CM/ECF": "ecf", "the PACER website": "pacer"}


@given(
    parsers.re(rf"{WHO} is signed in to {one_of('site', SIGN_IN_SITES)}"),
    target_fixture="actor",
)
def signed_in(
    portal: Portal,
    personas: dict[str, Persona],
    sign_in_states: SignInStates | None,
    second_factor: SecondFactor,
    who: str,
    site: str,
) -> Persona:
    """Signed in as that person, whatever page the browser was on. Checks the persona's state
    first: PACER login takes its password, and (CM/ECF) its CM/ECF account is linked or not as
    its kind says.

    Persona: accounts that cannot file (shared/firm, legacy) are signed in too; CM/ECF then
    shows them no filing menu."""
    persona = persona_for(personas, who)
    sign_in_checked(sign_in_states, portal, persona, SIGN_IN_SITES[site], second_factor)
    if SIGN_IN_SITES[site] == "ecf":
        check_link_state(portal, persona)
    return persona


@given("the filer is signed in to CM/ECF")
def actor_signed_in_to_cmecf(
    portal: Portal,
    sign_in_states: SignInStates | None,
    second_factor: SecondFactor,
    actor: Persona,
) -> None:
    """After a Given that introduced the filer (`Given <who> ...`)."""
    sign_in_checked(sign_in_states, portal, actor, "ecf", second_factor)


@when(
    parsers.re(
        rf"{THE_ACTOR} logs in with the username and password for their upgraded PACER account"
    )
)
@needs(ON_PACER_LOGIN)
def log_in_with_pacer_account(
    portal: Portal, personas: dict[str, Persona], second_factor: SecondFactor, actor: Persona
) -> None:
    """Today's PACER asks for a one-time passcode after the password (multifactor
    authentication): when the target does, this step passes it too, and the reports show it
    inside this step.

    Persona: only accounts that can file see the redaction agreement; PACER sends the others
    (on the mock: shared/firm and legacy accounts) straight on."""
    persona = require(personas, actor.key)
    assert persona.username and persona.password
    portal.pacer_login.log_in(persona.username, persona.password)
    second_factor.after_password(portal, persona, journeys.on_the_way_to_cmecf(portal))


def _old_cmecf_login(personas: dict[str, Persona], actor: Persona) -> tuple[str, str]:
    persona = require(personas, actor.key, "ecf_login", "ecf_password")
    assert persona.ecf_login and persona.ecf_password
    return persona.ecf_login, persona.ecf_password


def _pacer_username_with_old_cmecf_password(
    personas: dict[str, Persona], actor: Persona
) -> tuple[str, str]:
    """The CM/ECF password is CM/ECF login information too: PACER must not take it."""
    persona = require(personas, actor.key, "ecf_password")
    assert persona.username and persona.ecf_password
    return persona.username, persona.ecf_password


# What "tries to log in with ..." types: the filer's old CM/ECF login information.
OLD_CMECF_CREDENTIALS: dict[str, Callable[[dict[str, Persona], Persona], tuple[str, str]]] = {
    "the old CM/ECF login and password": _old_cmecf_login,
    "the PACER username and the old CM/ECF password": _pacer_username_with_old_cmecf_password,
}


@when(
    parsers.re(rf"{THE_ACTOR} tries to log in with {one_of('credentials', OLD_CMECF_CREDENTIALS)}")
)
@needs(SIGNED_OUT_OF_CMECF)
def log_in_with_old_cmecf_credentials(
    portal: Portal, personas: dict[str, Persona], actor: Persona, credentials: str
) -> None:
    username, password = OLD_CMECF_CREDENTIALS[credentials](personas, actor)
    if not portal.pacer_login.username.is_visible():
        portal.cmecf_login.open()
    portal.pacer_login.log_in(username, password)


def _username(personas: dict[str, Persona], actor: Persona) -> str:
    """The actor's PACER username, for a phrase that types it (a visitor has none)."""
    return require(personas, actor.key).username or ""


# Each phrase of the feature files, and the (username, password) it stands for. Only the
# phrases that type the persona's own username ask for it: the others need no persona.
BAD_CREDENTIALS: dict[str, Callable[[dict[str, Persona], Persona], tuple[str, str]]] = {
    "the PACER username and a wrong password": lambda ps, p: (_username(ps, p), WRONG_PASSWORD),
    "the PACER username and their old CM/ECF password": _pacer_username_with_old_cmecf_password,
    "a username PACER does not know": lambda ps, p: (UNKNOWN_USERNAME, WRONG_PASSWORD),
    "an empty username": lambda ps, p: ("", WRONG_PASSWORD),
    "the PACER username and an empty password": lambda ps, p: (_username(ps, p), ""),
    "a username of 5 characters": lambda ps, p: ("jdoe2", WRONG_PASSWORD),
    "the PACER username and a password of 7 characters": lambda ps, p: (
        _username(ps, p),
        "Pacer-J",
    ),
}


@when(parsers.re(rf"{THE_ACTOR} logs in with {one_of('credentials', BAD_CREDENTIALS)}"))
@needs(ON_PACER_LOGIN)
def log_in_with_bad_credentials(
    portal: Portal, personas: dict[str, Persona], actor: Persona, credentials: str
) -> None:
    username, password = BAD_CREDENTIALS[credentials](personas, actor)
    portal.pacer_login.log_in(username, password)


@then("PACER shows the redaction requirements")
def redaction_requirements_shown(portal: Portal) -> None:
    """Persona: only accounts that can file see the redaction agreement; PACER sends the others
    (on the mock: shared/firm and legacy accounts) straight on."""
    login = portal.pacer_login
    expect(login.redaction_agreement).to_be_visible()
    expect(login.page.get_by_role("main")).to_contain_text(
        "IMPORTANT NOTICE OF REDACTION RESPONSIBILITY"
    )
    expect(login.redaction_acknowledgement).not_to_be_checked()


@then(parsers.re(rf"PACER lets {THE_ACTOR} continue only once they acknowledge them"))
@needs(ON_REDACTION_AGREEMENT)
def continue_disabled_until_acknowledged(portal: Portal) -> None:
    """Persona: only accounts that can file see the redaction agreement; PACER sends the others
    (on the mock: shared/firm and legacy accounts) straight on."""
    login = portal.pacer_login
    expect(login.continue_button).to_be_disabled()
    login.redaction_acknowledgement.check()
    expect(login.continue_button).to_be_enabled()
    login.redaction_acknowledgement.uncheck()
    expect(login.continue_button).to_be_disabled()


@when(parsers.re(rf"{THE_ACTOR} acknowledges the redaction requirements"))
@needs(ON_REDACTION_AGREEMENT)
def acknowledge_redaction(portal: Portal) -> None:
    """Persona: only accounts that can file see the redaction agreement; PACER sends the others
    (on the mock: shared/firm and legacy accounts) straight on."""
    # An account PACER sends straight on (or refuses) fails at its precondition, saying
    # where the browser is, not after a 30 s wait for the checkbox.
    portal.pacer_login.acknowledge_redaction()


@when(parsers.re(rf"{THE_ACTOR} leaves the redaction requirements unacknowledged"))
@needs(ON_REDACTION_AGREEMENT)
def leave_redaction_unacknowledged(portal: Portal) -> None:
    """Persona: only accounts that can file see the redaction agreement; PACER sends the others
    (on the mock: shared/firm and legacy accounts) straight on."""
    expect(portal.pacer_login.redaction_agreement).to_be_visible()


@then(parsers.re(rf"PACER does not let {THE_ACTOR} continue"))
@needs(ON_REDACTION_AGREEMENT)
def continue_is_disabled(portal: Portal) -> None:
    """Persona: only accounts that can file see the redaction agreement; PACER sends the others
    (on the mock: shared/firm and legacy accounts) straight on."""
    expect(portal.pacer_login.continue_button).to_be_disabled()


@when(parsers.re(rf"{THE_ACTOR} follows PACER login's link for a forgotten password"))
@needs(ON_PACER_LOGIN)
def click_forgot_password(portal: Portal) -> None:
    portal.pacer_login.open_forgot_password()


@then(parsers.re(rf"{THE_ACTOR} is on PACER's page for a forgotten password"))
def on_forgot_password_page(portal: Portal, wording: Wording) -> None:
    page = portal.forgot_password
    expect(portal.page).to_have_url(page.url)
    expect(page.heading_named(wording.heading("pacer_forgot_password"))).to_be_visible()


@when(parsers.re(rf"{THE_ACTOR} asks PACER to reset the forgotten password"))
def ask_for_password_reset(
    portal: Portal, wording: Wording, personas: dict[str, Persona], actor: Persona
) -> None:
    """From the PACER website's home page, with the person's username and email address."""
    persona = require(personas, actor.key, "email")
    assert persona.username and persona.email
    portal.pacer_home.open_forgot_password()
    portal.forgot_password.request_reset(persona.username, persona.email)
    portal.forgot_password.expect_confirmation(wording.message("password reset sent"))


@when(
    parsers.re(rf"{THE_ACTOR} follows the reset link in the email and chooses a new password"),
    target_fixture="new_password",
)
def follow_reset_link(
    portal: Portal, wording: Wording, control: MockControl, put_back: PutBack, actor: Persona
) -> str:
    """After `When the filer asks PACER to reset the forgotten password`."""
    subject = wording.message("email: password reset")
    reset_mail = [m for m in control.outbox() if m["to"] == actor.email and m["subject"] == subject]
    assert len(reset_mail) == 1, f"expected one reset email to {actor.email}, got {len(reset_mail)}"
    path = re.escape(portal.reset_password.address)
    link = re.search(rf"https?://\S+{path}\?token=[\w.-]+", reset_mail[0]["body"])
    assert link, "the reset email has no reset link"
    portal.page.goto(link.group(0))
    new_password = new_password_for(actor)
    put_back.password(actor, new_password)
    portal.reset_password.choose_new_password(new_password)
    portal.reset_password.expect_confirmation(wording.message("password changed"))
    return new_password


@when(
    parsers.re(rf'{THE_ACTOR} changes the PACER password in "Manage My Account"'),
    target_fixture="new_password",
)
@needs(SIGNED_IN_TO_PACER_WEBSITE)
def change_password(portal: Portal, wording: Wording, put_back: PutBack, actor: Persona) -> str:
    assert actor.password
    new_password = new_password_for(actor)
    put_back.password(actor, new_password)
    journeys.change_pacer_password(portal, actor.password, new_password)
    portal.manage_account.expect_confirmation(wording.message("password changed"))
    return new_password


@when(parsers.re(rf"{THE_ACTOR} logs in to CM/ECF with the new PACER password"))
def log_in_with_new_password(
    portal: Portal, second_factor: SecondFactor, actor: Persona, new_password: str
) -> None:
    """After a step that chose a new password (`changes the PACER password ...` or `follows the
    reset link ...`)."""
    portal.cmecf_login.open()
    journeys.log_in_at_pacer(portal, actor, second_factor, password=new_password)
