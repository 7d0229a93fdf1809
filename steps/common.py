"""Fixtures every step module uses, and the generic "the page says" assertions."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then

from pages.portal import Portal
from steps.personas import THE_ACTOR
from suite.mock_control import MockControl
from suite.targets import Target


@pytest.fixture
def portal(page: Page, target: Target) -> Portal:
    return Portal(page, target.urls)


@pytest.fixture
def control(mock: MockControl | None) -> MockControl:
    """The mock's control API; scenarios that need it are tagged @mock_only and skip elsewhere."""
    if mock is None:
        pytest.skip("this step needs the mock's control API (/_mock), which the target lacks")
    return mock


@given("PACER login is down")
def pacer_login_is_down(control: MockControl) -> None:
    control.set_faults({"pacer_login": {"down": True}})


@given("PACER login answers slowly")
def pacer_login_is_slow(control: MockControl) -> None:
    # Slower than a person would like, well inside the suite's navigation timeout.
    control.set_faults({"pacer_login": {"delay_ms": 1500}})


@then(parsers.parse('CM/ECF says "{message}"'))
def cmecf_says(portal: Portal, message: str) -> None:
    expect(portal.page).to_have_url(on_site(portal.urls["ecf"]))
    expect(portal.page.get_by_role("main")).to_contain_text(message)


@then(parsers.parse('the page says "{message}"'))
@then(parsers.parse('the notice says "{message}"'))
def page_says(portal: Portal, message: str) -> None:
    expect(portal.page.get_by_role("main")).to_contain_text(message)


@then(parsers.parse('CM/ECF refuses with "{message}"'))
def cmecf_refuses(portal: Portal, message: str) -> None:
    expect(portal.page).to_have_url(on_site(portal.urls["ecf"]))
    expect(portal.cmecf_home.messages).to_contain_text(message)


@then(parsers.parse('PACER login says "{message}"'))
def pacer_login_says(portal: Portal, message: str) -> None:
    expect(portal.pacer_login.messages).to_contain_text(message)


@then(parsers.re(rf"{THE_ACTOR} is still on the PACER login page"))
def still_on_pacer_login(portal: Portal) -> None:
    expect(portal.page).to_have_url(starts_with(portal.pacer_login.url))
    expect(portal.pacer_login.username).to_be_visible()


def starts_with(url: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(url))


def on_site(base_url: str) -> re.Pattern[str]:
    """Any page of the site at base_url (and not a look-alike host such as base_url.evil)."""
    return re.compile("^" + re.escape(base_url) + "(/|$)")
