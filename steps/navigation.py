"""Getting around: the court's website, the PACER website, and the redirects between sites."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.portal import Portal
from steps.common import on_site, starts_with
from steps.personas import THE_ACTOR, THE_ACTOR_OR_VISITOR, WHO_OR_VISITOR, one_of, who_is
from steps.preconditions import (
    ON_COURT_CMECF_PAGE,
    ON_COURT_LINKS,
    ON_COURT_WEBSITE,
    ON_PACER_WEBSITE,
    SIGNED_OUT_OF_CMECF,
    needs,
)
from suite.run.personas import Persona
from suite.target.sites import Target

TOPIC = (
    "Who the scenario is about, and getting to the court's CM/ECF",
    "Where the person starts (the court's website, the PACER website, PACER login), and the "
    "routes and redirects between the sites.",
)

LOGIN_ROUTES = {
    "the court website's CM/ECF link": "court",
    "PACER's Court Links": "pacer",
}
DIRECT_PAGES = {
    "login": "cmecf_login",
    "home": "cmecf_home",
    "Utilities": "utilities",
    "Query": "query",
}


@given(parsers.re(rf"{WHO_OR_VISITOR} is on the court's website"), target_fixture="actor")
def on_court_website(portal: Portal, personas: dict[str, Persona], who: str) -> Persona:
    portal.court_home.open()
    return who_is(personas, who)


@given(parsers.re(rf"{WHO_OR_VISITOR} is on the PACER website"), target_fixture="actor")
def on_pacer_website(portal: Portal, personas: dict[str, Persona], who: str) -> Persona:
    portal.pacer_home.open()
    return who_is(personas, who)


@given(parsers.re(rf"{WHO_OR_VISITOR} is not signed in"), target_fixture="actor")
def not_signed_in(portal: Portal, personas: dict[str, Persona], who: str) -> Persona:
    """Signs out of every site (clears the browser's cookies), whoever signed in before."""
    # A scenario starts in a fresh browser context; after another Given signed someone in,
    # this makes the phrase true rather than assume it.
    portal.page.context.clear_cookies()
    return who_is(personas, who)


@given(
    parsers.re(rf"{WHO_OR_VISITOR} is on the PACER login page on the way to CM/ECF"),
    target_fixture="actor",
)
@needs(SIGNED_OUT_OF_CMECF)
def on_pacer_login(portal: Portal, personas: dict[str, Persona], who: str) -> Persona:
    portal.cmecf_login.open()
    expect(portal.pacer_login.username).to_be_visible()
    return who_is(personas, who)


@when(parsers.re(rf"{THE_ACTOR_OR_VISITOR} clicks on the CM/ECF tab at the top of the screen"))
@needs(ON_COURT_WEBSITE)
def click_cmecf_tab(portal: Portal) -> None:
    portal.court_home.click_cmecf_tab()


@when(parsers.re(rf'{THE_ACTOR_OR_VISITOR} clicks on "Login to the Live CM/ECF Database"'))
@needs(ON_COURT_CMECF_PAGE)
def click_login_to_live_database(portal: Portal) -> None:
    portal.court_cmecf.login_to_live_database()


@when(parsers.re(rf"{THE_ACTOR_OR_VISITOR} goes to the court's CM/ECF"))
def go_to_cmecf(portal: Portal) -> None:
    """From the court's home page, its CM/ECF tab, then "Login to the Live CM/ECF Database";
    whatever page the browser was on."""
    portal.court_home.open()
    portal.court_home.click_cmecf_tab()
    portal.court_cmecf.login_to_live_database()


@when(
    parsers.re(
        rf"{THE_ACTOR_OR_VISITOR} opens the CM/ECF {one_of('name', DIRECT_PAGES)} page directly"
    )
)
def open_cmecf_page_directly(portal: Portal, name: str) -> None:
    getattr(portal, DIRECT_PAGES[name]).open()


@when(parsers.re(rf"{THE_ACTOR_OR_VISITOR} goes to www.pacer.gov"))
def go_to_www_pacer_gov(portal: Portal, target: Target) -> None:
    portal.page.goto(target.www_pacer_gov)


@when(parsers.re(rf'{THE_ACTOR_OR_VISITOR} clicks on "Quick Links" and then "Court Links"'))
@needs(ON_PACER_WEBSITE)
def open_court_links(portal: Portal) -> None:
    portal.pacer_home.open_court_links()


@when(parsers.re(rf'{THE_ACTOR_OR_VISITOR} chooses "(?P<court>.+)"'))
@needs(ON_COURT_LINKS)
def choose_court(portal: Portal, court: str) -> None:
    portal.court_links.choose_court(court)


@when(
    parsers.re(
        rf"{THE_ACTOR_OR_VISITOR} follows {one_of('route', LOGIN_ROUTES)} "
        "to the court's CM/ECF login"
    )
)
def follow_route_to_cmecf_login(portal: Portal, route: str) -> None:
    """Needs the filer on the home page the route starts from: the court's website for "the
    court website's CM/ECF link", the PACER website for "PACER's Court Links"."""
    (ON_COURT_WEBSITE if LOGIN_ROUTES[route] == "court" else ON_PACER_WEBSITE).check(portal)
    if LOGIN_ROUTES[route] == "court":
        portal.court_home.click_cmecf_tab()
        portal.court_cmecf.login_to_live_database()
    else:
        portal.pacer_home.open_court_links()
        portal.court_links.choose_court("U.S. Court of International Trade")


@then(parsers.re(rf"{THE_ACTOR_OR_VISITOR} is on the PACER website"))
def is_on_pacer_website(portal: Portal) -> None:
    expect(portal.page).to_have_url(portal.pacer_home.url)
    # PACER's name [seen], where a person sees it: anywhere on the page (a banner, a title).
    expect(portal.page.locator("body")).to_contain_text("Public Access to Court Electronic Records")


@then(parsers.re(rf"{THE_ACTOR_OR_VISITOR} is redirected to the PACER login page"))
def redirected_to_pacer_login(portal: Portal) -> None:
    expect(portal.page).to_have_url(starts_with(portal.pacer_login.url + "?"))
    expect(portal.pacer_login.username).to_be_visible()
    expect(portal.pacer_login.password).to_be_visible()


@then(parsers.re(rf"PACER login will send {THE_ACTOR_OR_VISITOR} back to the court's CM/ECF"))
def pacer_login_returns_to_cmecf(portal: Portal) -> None:
    # As NextGen does it [seen]: back to a page of the court's CM/ECF (the page asked for,
    # or its login page), never to another site.
    query = parse_qs(urlsplit(portal.page.url).query)
    appurl = query.get("appurl", [])
    assert len(appurl) == 1 and on_site(portal.urls["ecf"]).match(appurl[0]), (
        f"appurl should be a page of the court's CM/ECF at {portal.urls['ecf']}, got {appurl}"
    )
    assert query.get("pscCourtId"), "the court id (pscCourtId) is missing"


@then(parsers.re(rf"{THE_ACTOR} is redirected to the court's NextGen CM/ECF page"))
def redirected_to_nextgen(portal: Portal) -> None:
    home = portal.cmecf_home
    expect(portal.page).to_have_url(home.url)
    # [seen] texts, in the main content, at whatever heading level (or none).
    expect(home.main).to_contain_text(
        "Welcome to the U.S. Court of International Trade for the LIVE Database"
    )
    expect(home.main).to_contain_text("LIVE Database - Document Filing System")
