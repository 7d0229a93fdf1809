"""The March 16, 2020 cut-over from the legacy CM/ECF to NextGen, driven by the mock's clock."""

from __future__ import annotations

import datetime

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.portal import Portal
from steps.linking import WRONG_CMECF_PASSWORD
from steps.personas import THE_ACTOR, WHO, persona_for, require
from steps.preconditions import ON_LEGACY_CMECF_LOGIN, needs
from suite.run.mock_control import MockControl
from suite.run.personas import Persona
from suite.target.profiles import Wording

TOPIC = (
    "Before and after March 16, 2020",
    "The cut-over from the legacy CM/ECF, with its own login, to NextGen CM/ECF behind "
    "PACER login, on the mock's clock.",
)


@given(parsers.re(r"the date is (?P<day>.+)"))
def the_date_is(control: MockControl, day: str) -> None:
    today = None if day == "today" else datetime.datetime.strptime(day, "%B %d, %Y").date()
    control.set_today(today.isoformat() if today else None)


@then(parsers.re(rf"{THE_ACTOR} is asked to log in with the CM/ECF login and password"))
def asked_for_cmecf_login(portal: Portal, wording: Wording) -> None:
    login = portal.cmecf_login
    expect(portal.page).to_have_url(login.url)
    expect(login.heading_named(wording.heading("ecf_legacy_login"))).to_be_visible()
    expect(login.legacy_password_field).to_be_visible()


@then(parsers.re(rf"{THE_ACTOR} is asked to log in to PACER with the PACER username and password"))
def asked_for_pacer_login(portal: Portal) -> None:
    expect(portal.pacer_login.username).to_be_visible()
    assert portal.page.url.startswith(portal.pacer_login.url + "?")


def _log_in_to_legacy(
    portal: Portal, personas: dict[str, Persona], actor: Persona, wrong: bool
) -> None:
    persona = require(personas, actor.key, "ecf_login", "ecf_password")
    assert persona.ecf_login and persona.ecf_password
    portal.cmecf_login.log_in_to_legacy(
        persona.ecf_login, WRONG_CMECF_PASSWORD if wrong else persona.ecf_password
    )


@when(parsers.re(rf"{THE_ACTOR} logs in to the legacy CM/ECF with the CM/ECF login and password"))
@needs(ON_LEGACY_CMECF_LOGIN)
def log_in_to_legacy(portal: Portal, personas: dict[str, Persona], actor: Persona) -> None:
    _log_in_to_legacy(portal, personas, actor, wrong=False)


@when(parsers.re(rf"{THE_ACTOR} logs in to the legacy CM/ECF with a wrong CM/ECF password"))
@needs(ON_LEGACY_CMECF_LOGIN)
def log_in_to_legacy_wrongly(portal: Portal, personas: dict[str, Persona], actor: Persona) -> None:
    _log_in_to_legacy(portal, personas, actor, wrong=True)


@given(parsers.re(rf"{WHO} is signed in to the legacy CM/ECF"), target_fixture="actor")
def signed_in_to_legacy(portal: Portal, personas: dict[str, Persona], who: str) -> Persona:
    """With the person's CM/ECF login and password, before the cut-over.

    Persona: needs a CM/ECF account (every persona of the mock but the clerk has one)."""
    persona = persona_for(personas, who, "ecf_login", "ecf_password")
    portal.cmecf_login.open()
    _log_in_to_legacy(portal, personas, persona, wrong=False)
    expect(portal.page).to_have_url(portal.cmecf_home.url)
    return persona


@then(parsers.re(rf"the legacy CM/ECF welcomes {THE_ACTOR}"))
def legacy_welcomes(portal: Portal) -> None:
    home = portal.cmecf_home
    expect(portal.page).to_have_url(home.url)
    expect(home.main).to_contain_text("Welcome to the U.S. Court of International Trade")


@when(parsers.re(rf"{THE_ACTOR} opens the linking page directly"))
def open_linking_page(portal: Portal) -> None:
    portal.link_account.open()
