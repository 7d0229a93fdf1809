"""The PACER account itself: Manage My Account, and searching (Query) with an inactive account."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from pages.portal import Portal
from steps.personas import THE_ACTOR


@when(parsers.re(rf'{THE_ACTOR} opens "Manage My Account"'))
def open_manage_my_account(portal: Portal) -> None:
    portal.pacer_home.open()
    portal.pacer_home.open_manage_my_account()
    expect(portal.page).to_have_url(portal.manage_account.url)


@then(parsers.re(r'the account (?P<term>type|kind|status) is "(?P<value>.+)"'))
def account_detail_is(portal: Portal, term: str, value: str) -> None:
    label = {"type": "Account type", "kind": "Account kind", "status": "Status"}[term]
    expect(portal.manage_account.detail(label)).to_have_text(value)


@when(parsers.re(rf'{THE_ACTOR} opens "(?P<menu>Query|Reports|Utilities|Help)"'))
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
