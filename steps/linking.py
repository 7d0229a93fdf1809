"""Linking a CM/ECF account to a PACER account, and what CM/ECF shows afterwards."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.ecf import CONFIRM_BUTTON, LinkAccountPage
from pages.portal import Portal
from steps import journeys
from steps.common import on_site
from steps.personas import THE_ACTOR, WHO, persona_for, require
from steps.preconditions import (
    IN_CMECF_SIGNED_IN,
    ON_LINKING_PAGE,
    ON_VERIFICATION_PAGE,
    SIGNED_OUT_OF_CMECF,
    needs,
)
from steps.second_factor import SecondFactor
from steps.sign_in_state import SignInStates, sign_in
from suite.mock_control import MockControl
from suite.personas import Persona
from suite.profiles import Wording

UNKNOWN_CMECF_LOGIN = "no-such-cmecf-login"
WRONG_CMECF_PASSWORD = "not-the-cmecf-password-1"


def _own(personas: dict[str, Persona], actor: Persona) -> tuple[str, str]:
    persona = require(personas, actor.key, "ecf_login", "ecf_password")
    return persona.ecf_login or "", persona.ecf_password or ""


def _someone_elses_linked(personas: dict[str, Persona], actor: Persona) -> tuple[str, str]:
    other = require(personas, "linked_filer", "ecf_login", "ecf_password")
    return other.ecf_login or "", other.ecf_password or ""


# Each phrase of the feature files, and the (CM/ECF login, password) it stands for.
LINKING_CREDENTIALS: dict[str, Callable[[dict[str, Persona], Persona], tuple[str, str]]] = {
    "their own CM/ECF login and password": _own,
    "their CM/ECF login with a wrong password": lambda ps, a: (
        _own(ps, a)[0],
        WRONG_CMECF_PASSWORD,
    ),
    "a CM/ECF login that does not exist": lambda ps, a: (UNKNOWN_CMECF_LOGIN, WRONG_CMECF_PASSWORD),
    "the CM/ECF login and password of someone else's linked account": _someone_elses_linked,
    "an empty CM/ECF login and password": lambda ps, a: ("", ""),
}


@given(parsers.re(rf"{WHO} has linked the wrong CM/ECF account"), target_fixture="actor")
def has_linked_wrong_account(
    portal: Portal,
    personas: dict[str, Persona],
    sign_in_states: SignInStates | None,
    second_factor: SecondFactor,
    who: str,
) -> Persona:
    persona = persona_for(personas, who, "wrong_ecf_login", "wrong_ecf_password")
    sign_in(sign_in_states, portal, persona, "ecf", second_factor)
    assert persona.wrong_ecf_login and persona.wrong_ecf_password
    journeys.link_accounts(portal, persona.wrong_ecf_login, persona.wrong_ecf_password)
    return persona


@when(
    parsers.re(
        rf'{THE_ACTOR} clicks on "Utilities" and selects '
        r'"Link a CM/ECF account to my PACER account"'
    )
)
@needs(IN_CMECF_SIGNED_IN)
def open_link_account(portal: Portal) -> None:
    portal.cmecf_home.open_link_account()


@when(parsers.re(rf'{THE_ACTOR} enters the CM/ECF login and password and clicks "Submit"'))
@needs(ON_LINKING_PAGE)
def enter_cmecf_credentials(portal: Portal, personas: dict[str, Persona], actor: Persona) -> None:
    journeys.fill_in_linking_form(portal, *_own(personas, actor))


@when(parsers.re(rf"{THE_ACTOR} submits (?P<credentials>.+) for linking"))
@needs(ON_LINKING_PAGE)
def submit_for_linking(
    portal: Portal, personas: dict[str, Persona], actor: Persona, credentials: str
) -> None:
    journeys.fill_in_linking_form(portal, *LINKING_CREDENTIALS[credentials](personas, actor))


@when(parsers.re(rf"{THE_ACTOR} tries to link their own CM/ECF account"))
def try_to_link_own_account(portal: Portal, personas: dict[str, Persona], actor: Persona) -> None:
    journeys.try_to_link(portal, *_own(personas, actor))


@then(parsers.parse("CM/ECF refuses to link: {meaning}"))
def refuses_to_link(
    portal: Portal, wording: Wording, personas: dict[str, Persona], actor: Persona, meaning: str
) -> None:
    """Refused before the form or upon Submit, either counts; but it is said, and nothing
    was linked: no confirmation that the accounts are linked."""
    link = portal.link_account
    expect(portal.page).to_have_url(on_site(portal.urls["ecf"]))
    expect(link.main).to_contain_text(wording.message(meaning))
    expect(link.heading_named(portal.profile.heading("link_done"))).to_have_count(0)
    ecf_login = actor.ecf_login or ""
    done = portal.profile.message(
        "accounts linked", ecf_login=ecf_login, username=actor.username or ""
    )
    expect(link.main).not_to_contain_text(done)


@when(parsers.re(rf"{THE_ACTOR} links the CM/ECF account to the PACER account"))
@needs(IN_CMECF_SIGNED_IN)
def link_the_accounts(portal: Portal, personas: dict[str, Persona], actor: Persona) -> None:
    journeys.link_accounts(portal, *_own(personas, actor))


@when(parsers.re(rf"{THE_ACTOR} confirms"))
@needs(ON_VERIFICATION_PAGE)
def confirm(portal: Portal) -> None:
    portal.link_account.confirm()


@when(parsers.re(rf"{THE_ACTOR} cancels on the verification page"))
@needs(ON_VERIFICATION_PAGE)
def cancel(portal: Portal) -> None:
    portal.link_account.cancel()


@then("CM/ECF shows the CM/ECF account and the PACER account to be linked")
def verification_shows_both_accounts(
    portal: Portal, wording: Wording, personas: dict[str, Persona], actor: Persona
) -> None:
    link = portal.link_account
    expect(link.heading_named(wording.heading("link_verify"))).to_be_visible()
    shown = LinkAccountPage.account_shown
    expect(link.main).to_contain_text(shown("CM/ECF account", _own(personas, actor)[0]))
    expect(link.main).to_contain_text(shown("PACER account", actor.username or ""))
    # A real portal's persona may leave its name unset (CIT_FAQ_<KEY>_NAME is optional);
    # the mock seeds every name, so against the mock this check always runs.
    if actor.name:
        expect(link.main).to_contain_text(actor.name)


@then(parsers.re(rf'CM/ECF asks {THE_ACTOR} to "(?P<question>.+)"'))
def asks_to_confirm(portal: Portal, question: str) -> None:
    link = portal.link_account
    expect(link.main).to_contain_text(question)
    expect(link.page.get_by_role("button", name=CONFIRM_BUTTON)).to_be_enabled()
    expect(link.cancel_button).to_be_enabled()


@then("CM/ECF confirms that the CM/ECF account is linked to the PACER account")
def confirms_linked(
    portal: Portal, wording: Wording, personas: dict[str, Persona], actor: Persona
) -> None:
    link = portal.link_account
    expect(portal.page).to_have_url(on_site(portal.urls["ecf"]))
    expect(link.heading_named(wording.heading("link_done"))).to_be_visible()
    done = wording.message(
        "accounts linked", ecf_login=_own(personas, actor)[0], username=actor.username or ""
    )
    link.expect_confirmation(done)


@then("the filing menu appears in the CM/ECF menu bar")
def filing_menu_appears(portal: Portal, wording: Wording) -> None:
    home = portal.cmecf_home
    expect(home.menu(wording.name_of("filing_menu"))).to_be_visible()


@then("the filing menu is not in the CM/ECF menu bar")
def filing_menu_absent(portal: Portal, wording: Wording) -> None:
    # On CM/ECF's home page, loaded afresh: whatever page a refusal was shown on, the
    # menu bar there says whether anything was linked.
    home = portal.cmecf_home
    home.open()
    expect(portal.page).to_have_url(home.url)
    expect(home.menu_bar).to_be_visible()
    expect(home.menu(wording.name_of("filing_menu"))).to_have_count(0)


@then(parsers.parse('the CM/ECF menu bar shows exactly "{items}"'))
def menu_bar_shows_exactly(portal: Portal, items: str) -> None:
    expect(portal.cmecf_home.menu_items).to_have_text([i.strip() for i in items.split(",")])


@then(parsers.re(rf"{THE_ACTOR} can open the filing menu"))
@needs(IN_CMECF_SIGNED_IN)
def can_open_filing_menu(portal: Portal, wording: Wording) -> None:
    portal.cmecf_home.open_menu(wording.name_of("filing_menu"))
    menu = portal.filing_menu
    expect(portal.page).to_have_url(menu.url)
    expect(menu.heading_named(wording.heading("filing_menu"))).to_be_visible()
    # A refused filer gets the same address and heading, with a reason instead of events:
    # the events are listed (a list, or links to file with); a refusal is an alert.
    events = menu.main.get_by_role("listitem").or_(menu.main.get_by_role("link"))
    expect(events.first).to_be_visible()
    expect(menu.refusal).to_have_count(0)


@when(parsers.re(rf"{THE_ACTOR} opens the filing menu directly"))
def open_filing_menu_directly(portal: Portal) -> None:
    portal.filing_menu.open()


@when(parsers.re(rf"{THE_ACTOR} logs out of CM/ECF"))
@needs(IN_CMECF_SIGNED_IN)
def log_out(portal: Portal, wording: Wording) -> None:
    portal.cmecf_home.log_out()
    expect(portal.cmecf_home.main).to_contain_text(wording.message("logged out of CM/ECF"))
    expect(portal.cmecf_home.menu_bar).to_have_count(0)


@when(parsers.re(rf"{THE_ACTOR} signs in to CM/ECF again with the PACER login only"))
def sign_in_again(portal: Portal, actor: Persona, second_factor: SecondFactor) -> None:
    journeys.sign_in_to_cmecf(portal, actor, second_factor)


@then("the court's CM/ECF never asks for the CM/ECF password")
@needs(SIGNED_OUT_OF_CMECF)
def never_asks_for_cmecf_password(portal: Portal) -> None:
    portal.cmecf_login.open()
    expect(portal.pacer_login.username).to_be_visible()
    expect(portal.cmecf_login.legacy_password_field).to_have_count(0)


@then(parsers.re(rf"{THE_ACTOR} receives an email: (?P<meaning>.+)"), target_fixture="email")
def receives_email(
    control: MockControl, wording: Wording, actor: Persona, meaning: str
) -> dict[str, str]:
    subject = wording.message(f"email: {meaning}")
    mails = [m for m in control.outbox() if m["to"] == actor.email and m["subject"] == subject]
    assert len(mails) == 1, (
        f"expected one email {subject!r} to {actor.email}, "
        f"outbox has {[(m['to'], m['subject']) for m in control.outbox()]}"
    )
    # The email is about this filer's accounts, not only addressed to them.
    assert actor.username and actor.username in mails[0]["body"], (
        f"the email {subject!r} does not name the PACER account {actor.username}"
    )
    return mails[0]


@then("the email names the wrongly linked CM/ECF account")
def email_names_wrong_account(email: dict[str, str], actor: Persona) -> None:
    """After `Then the filer receives an email saying "<subject>"`."""
    # The "CM/ECF login information" the FAQ asks the filer to send to the Help Desk.
    assert actor.wrong_ecf_login and actor.wrong_ecf_login in email["body"], (
        f"the email does not name the CM/ECF account {actor.wrong_ecf_login}:\n{email['body']}"
    )


@then(parsers.parse('the email says to contact the CM/ECF Help Desk at "{address}"'))
def email_names_help_desk(email: dict[str, str], address: str) -> None:
    """After `Then the filer receives an email saying "<subject>"`."""
    assert address in email["body"], f"the email does not name {address}:\n{email['body']}"
