"""Fixtures every step module uses (portal, control), the PACER login fault set-ups, the
generic "the page says" assertions, and the URL patterns (starts_with, on_site) steps share."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Request, expect
from pytest_bdd import given, parsers, then

from pages.portal import Portal
from steps.personas import THE_ACTOR
from suite import meanings
from suite.mock_control import MockControl
from suite.profiles import Wording
from suite.targets import Target


@pytest.fixture
def portal(page: Page, target: Target) -> Portal:
    return Portal(page, target.urls, target.profile)


@pytest.fixture
def control(mock: MockControl | None) -> MockControl:
    """The mock's control API; scenarios that need it are tagged @mock_only and skip elsewhere."""
    if mock is None:
        pytest.skip("this step needs the mock's control API (/_mock), which the target lacks")
    return mock


@given("PACER login is down")
def pacer_login_is_down(control: MockControl) -> None:
    control.set_faults({"pacer_login": {"down": True}})


# Slower than a person would like, well inside the suite's navigation timeout.
SLOW_PACER_LOGIN_MS = 1500


@given("PACER login answers slowly", target_fixture="pacer_login_waits")
def pacer_login_is_slow(control: MockControl, portal: Portal) -> list[float]:
    """Slow PACER login down, and note how long the browser waits for each of its pages."""
    control.set_faults({"pacer_login": {"delay_ms": SLOW_PACER_LOGIN_MS}})
    waits: list[float] = []
    login_site = portal.urls["pacer-login"]

    def note_wait(request: Request) -> None:
        if request.resource_type == "document" and request.url.startswith(login_site):
            timing = request.timing  # milliseconds since the request started
            waits.append(timing["responseStart"] - timing["requestStart"])

    portal.page.on("requestfinished", note_wait)
    return waits


@then(parsers.re(rf"{THE_ACTOR} had to wait for every PACER login page"))
def waited_for_pacer_login(pacer_login_waits: list[float]) -> None:
    """After `Given PACER login answers slowly`."""
    # Without this, a fault that never applied would let the scenario pass as easily.
    assert pacer_login_waits, "the filer loaded no PACER login page"
    quick = [round(wait) for wait in pacer_login_waits if wait < SLOW_PACER_LOGIN_MS]
    assert not quick, (
        f"PACER login answered in {quick} ms, not slowly (at least {SLOW_PACER_LOGIN_MS} ms)"
    )


# Quoted words are the FAQ's or [seen] (verbatim); after a colon, a message is named by what
# it means and the target's profile holds its wording (suite/profiles.py).


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
    wording says what the FAQ says: it carries the FAQ's facts (suite/meanings.py)."""
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
