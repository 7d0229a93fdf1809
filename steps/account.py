"""The PACER account itself: Manage My Account, and searching (Query) with an inactive account."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from pages.portal import Portal
from steps.personas import THE_ACTOR
from steps.preconditions import IN_CMECF_SIGNED_IN, SIGNED_IN_TO_PACER_WEBSITE, needs
from suite.mock_control import MockControl
from suite.personas import Persona


@when(parsers.re(rf'{THE_ACTOR} opens "Manage My Account"'))
@needs(SIGNED_IN_TO_PACER_WEBSITE)
def open_manage_my_account(portal: Portal) -> None:
    portal.pacer_home.open()
    portal.pacer_home.open_manage_my_account()
    expect(portal.page).to_have_url(portal.manage_account.url)


ACCOUNT_DETAILS = {
    "type": "Account type",
    "kind": "Account kind",
    "status": "Status",
    "credit card": "Credit card",
}


@then(parsers.re(r'the account(?:\'s)? (?P<term>type|kind|status|credit card) is "(?P<value>.+)"'))
def account_detail_is(portal: Portal, term: str, value: str) -> None:
    expect(portal.manage_account.detail(ACCOUNT_DETAILS[term])).to_have_text(value)


@when(parsers.re(rf"{THE_ACTOR}'s PACER account is activated"))
def account_activated(control: MockControl, actor: Persona) -> None:
    # What PACER does once credit card information is on file; the mock's control API
    # stands in for PACER's payment pages, which the FAQ does not walk through.
    assert actor.username
    control.activate(actor.username)


@when(parsers.re(rf'{THE_ACTOR} opens "(?P<menu>Query|Reports|Utilities|Help)"'))
@needs(IN_CMECF_SIGNED_IN)
def open_cmecf_menu(portal: Portal, menu: str) -> None:
    portal.cmecf_home.open_menu(menu)


@then("the search form is offered")
def search_form_offered(portal: Portal) -> None:
    expect(portal.query.heading).to_have_text("Query")
    expect(portal.query.search_button).to_be_visible()


@then("the search form is not offered")
def search_form_not_offered(portal: Portal) -> None:
    expect(portal.query.heading).to_have_text("Query")
    expect(portal.query.search_button).to_have_count(0)
