"""Fixtures every step module uses (portal, control), the generic "the page says" assertions,
and the URL patterns (starts_with, on_site) steps share."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then

from pages.portal import Portal
from steps.personas import THE_ACTOR
from suite.authoring import meanings
from suite.run.mock_control import MockControl
from suite.target.profiles import Wording
from suite.target.sites import Target

TOPIC = (
    "What the portal says",
    "Messages on CM/ECF, on the court's website and at PACER login: quoted when the words "
    "are the FAQ's or [seen], else named by what they mean.",
)


@pytest.fixture
def portal(page: Page, target: Target) -> Portal:
    return Portal(page, target.urls, target.profile)


@pytest.fixture
def control(mock: MockControl | None) -> MockControl:
    """The mock's control API; scenarios that need it are tagged @mock_only and skip elsewhere."""
    if mock is None:
        pytest.skip("this step needs the mock's control API (/_mock), which the target lacks")
    return mock


# Quoted words are the FAQ's or [seen] (verbatim); after a colon, a message is named by what
# it means and the target's profile holds its wording (suite/target/profiles.py).


@then(parsers.parse('CM/ECF says "{message}"'))
def cmecf_says(portal: Portal, message: str) -> None:
    expect(portal.page).to_have_url(on_site(portal.urls["ecf"]))
    expect(portal.cmecf_home.main).to_contain_text(message)


@then(parsers.parse("CM/ECF says: {meaning}"))
def cmecf_says_meaning(portal: Portal, wording: Wording, meaning: str) -> None:
    cmecf_says(portal, wording.message(meaning))


@then(parsers.parse('the notice says "{message}"'))
def page_says(portal: Portal, wording: Wording, message: str) -> None:
    """Word for word, unless the words are one of the FAQ's sentences: a notice is the court's
    to word, so there the sentence's meaning is checked (`the notice says: <meaning>`)."""
    if message in meanings.SENTENCES:
        notice_says_meaning(portal, wording, meanings.SENTENCES[message])
        return
    expect(portal.court_home.main).to_contain_text(message)


@then(parsers.parse("the notice says: {meaning}"))
def notice_says_meaning(portal: Portal, wording: Wording, meaning: str) -> None:
    """The target's wording of the meaning (its profile's), in the main content; and that
    wording says what the FAQ says: it carries the FAQ's facts."""
    # The facts each meaning must carry: suite/authoring/meanings.py.
    said = wording.message(meaning)
    lacking = meanings.missing_facts(meaning, said)
    assert not lacking, (
        f"the profile words {meaning!r} as {said!r}, which does not say {', '.join(lacking)}: "
        "the FAQ does; correct the profile's [messages] value"
    )
    expect(portal.court_home.main).to_contain_text(said)


@then(parsers.parse("the page says: {meaning}"))
def page_says_meaning(portal: Portal, wording: Wording, meaning: str) -> None:
    expect(portal.court_home.main).to_contain_text(wording.message(meaning))


@then(parsers.parse('PACER login says "{message}"'))
def pacer_login_says(portal: Portal, message: str) -> None:
    expect(portal.pacer_login.messages).to_contain_text(message)


@then(parsers.parse("PACER login says: {meaning}"))
def pacer_login_says_meaning(portal: Portal, wording: Wording, meaning: str) -> None:
    pacer_login_says(portal, wording.message(meaning))


@then(parsers.re(rf"{THE_ACTOR} is still on the PACER login page"))
def still_on_pacer_login(portal: Portal) -> None:
    expect(portal.page).to_have_url(starts_with(portal.pacer_login.url))
    expect(portal.pacer_login.username).to_be_visible()


def starts_with(url: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(url))


def on_site(base_url: str) -> re.Pattern[str]:
    """Any page of the site at base_url (and not a look-alike host such as base_url.evil)."""
    return re.compile("^" + re.escape(base_url) + "(/|$)")
