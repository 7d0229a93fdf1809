"""The PACER account itself: Manage My Account, and searching (Query) with an inactive account."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from pages.base import beside
from pages.portal import Portal
from steps.common import on_site
from steps.personas import THE_ACTOR
from steps.preconditions import IN_CMECF_SIGNED_IN, SIGNED_IN_TO_PACER_WEBSITE, needs
from suite.run.mock_control import MockControl
from suite.run.personas import Persona
from suite.target.profiles import Wording

TOPIC = (
    "The PACER account",
    "PACER's Manage My Account (type, kind, status, credit card), activating an inactive "
    "account, and searching (Query) with it.",
)


@when(parsers.re(rf'{THE_ACTOR} opens "Manage My Account"'))
@needs(SIGNED_IN_TO_PACER_WEBSITE)
def open_manage_my_account(portal: Portal) -> None:
    """Target: a target without Manage My Account (its profile's [capabilities]) makes the
    scenario "not applicable"; tag it @needs_manage_my_account."""
    portal.pacer_home.open()
    portal.pacer_home.open_manage_my_account()
    expect(portal.page).to_have_url(portal.manage_account.url)


@then(parsers.re(r'the account type is "(?P<value>.+)"'))
def account_type_is(portal: Portal, wording: Wording, value: str) -> None:
    """Persona: the type shown is the person's ("Upgraded PACER Account" or "Legacy PACER
    Account" [seen])."""
    # The account types are [seen]; the term beside them is the profile's.
    expect(portal.manage_account.main).to_contain_text(beside(wording.account("type"), value))


@then(
    parsers.re(r"the account(?:'s)? (?P<term>kind|status|credit card) shows: (?P<account_value>.+)")
)
def account_detail_shows(portal: Portal, wording: Wording, term: str, account_value: str) -> None:
    """Persona: what is shown is the person's (kind, status, credit card on file).

    Target: the term and the value are the target profile's wording ([account])."""
    shown = beside(wording.account(term), wording.account(account_value))
    expect(portal.manage_account.main).to_contain_text(shown)


@when(parsers.re(rf"{THE_ACTOR}'s PACER account is activated"))
def account_activated(control: MockControl, actor: Persona) -> None:
    """As PACER does once credit card information is on file."""
    # What PACER does once credit card information is on file; the mock's control API
    # stands in for PACER's payment pages, which the FAQ does not walk through.
    assert actor.username
    control.activate(actor.username)


@when(parsers.re(rf'{THE_ACTOR} opens "(?P<menu>Query|Reports|Utilities|Help)"'))
@needs(IN_CMECF_SIGNED_IN)
def open_cmecf_menu(portal: Portal, menu: str) -> None:
    """Persona: an inactive PACER account gets the Query page without its search form."""
    portal.cmecf_home.open_menu(menu)


@then("the search form is offered")
def search_form_offered(portal: Portal, wording: Wording) -> None:
    expect(portal.query.heading_named(wording.heading("query"))).to_be_visible()
    expect(portal.query.search_button).to_be_visible()


@then("the search form is not offered")
def search_form_not_offered(portal: Portal, wording: Wording) -> None:
    # On the Query page itself (its heading shown), and no button to run a search.
    expect(portal.query.heading_named(wording.heading("query"))).to_be_visible()
    expect(portal.query.search_button).to_have_count(0)


@then(parsers.parse('CM/ECF tells the filer "{text}"'))
def cmecf_tells(portal: Portal, text: str) -> None:
    """A [seen] notice, where the filer meets it: on the page they are on, else on Query,
    the page it is about (targets differ in where they show it)."""
    expect(portal.page).to_have_url(on_site(portal.urls["ecf"]))
    portal.page.wait_for_load_state()
    if text not in portal.cmecf_home.main.inner_text():
        portal.cmecf_home.open_menu("Query")
    expect(portal.cmecf_home.main).to_contain_text(text)
