"""The CM/ECF Help Desk: contacts, and the clerk who unlinks accounts linked by mistake."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import BrowserContext, expect
from pytest_bdd import given, parsers, then, when

from pages.base import SitePage, contact_listing_problem
from pages.portal import Portal
from steps import journeys
from steps.linking import filing_menu_absent
from steps.personas import THE_ACTOR, THE_ACTOR_OR_VISITOR, one_of, require
from steps.preconditions import ON_COURT_WEBSITE, needs
from steps.second_factor import SecondFactor
from steps.sign_in_state import SignInStates, sign_in
from suite.run.personas import Persona
from suite.target.profiles import Wording
from suite.target.sites import Target

TOPIC = (
    "Help: contacts, and the Help Desk's unlinking",
    "The contacts the court lists, and the CM/ECF Help Desk clerk who unlinks accounts "
    "linked by mistake.",
)

# The feature files' names for the contacts, and the page's section headings.
CONTACTS = {
    "the PACER Service Center": "PACER Service Center",
    "the CM/ECF Help Desk": "CM/ECF Help Desk",
}


@given("a CM/ECF Help Desk clerk has unlinked that CM/ECF account", target_fixture="help_desk")
@when("a CM/ECF Help Desk clerk unlinks that CM/ECF account", target_fixture="help_desk")
def clerk_unlinks(
    new_context: Callable[..., BrowserContext],
    target: Target,
    personas: dict[str, Persona],
    sign_in_states: SignInStates | None,
    second_factor: SecondFactor,
    actor: Persona,
) -> Portal:
    """Needs a filer who has linked the wrong CM/ECF account ("that CM/ECF account"), as after
    `Given <who> has linked the wrong CM/ECF account`.

    Persona: the clerk is the `a CM/ECF Help Desk clerk` persona, in a browser of their own."""
    # The clerk works in a browser of their own: a second context, not the filer's session.
    clerk = require(personas, "clerk")
    desk = Portal(new_context().new_page(), target.urls, target.profile)
    sign_in(sign_in_states, desk, clerk, "ecf", second_factor)
    assert actor.wrong_ecf_login
    unlink = desk.clerk_unlink
    # Nothing to unlink (the filer never linked that account): say so now, not after a 30 s
    # wait for the unlink button.
    if not journeys.find_for_unlinking(desk, actor.wrong_ecf_login):
        said = "; ".join(unlink.refusal.all_inner_texts())
        raise AssertionError(
            "this step needs a filer who has linked the wrong CM/ECF account, as after "
            f"`Given <who> has linked the wrong CM/ECF account`; the clerk's page says: {said}"
        )
    unlink.click_control(unlink.profile.name_of("clerk_unlink_button"))
    return desk


@then("the clerk is told the accounts have been unlinked and the filer notified")
def clerk_told_unlinked(help_desk: Portal, wording: Wording, actor: Persona) -> None:
    """After `a CM/ECF Help Desk clerk unlinks that CM/ECF account`."""
    done = wording.message(
        "accounts unlinked", ecf_login=actor.wrong_ecf_login or "", username=actor.username or ""
    )
    help_desk.clerk_unlink.expect_confirmation(done)


@then(parsers.re(rf"{THE_ACTOR}'s accounts are no longer linked"))
def no_longer_linked(portal: Portal, wording: Wording) -> None:
    # What the unlink changes for the filer: back in CM/ECF (their own browser, still signed
    # in), the filing menu is gone. The clerk's message alone would not show the unlink held.
    portal.cmecf_home.open()
    expect(portal.page).to_have_url(portal.cmecf_home.url)
    filing_menu_absent(portal, wording)


@when(parsers.re(rf"{THE_ACTOR} opens the court staff's unlink page directly"))
def open_clerk_page(portal: Portal) -> None:
    portal.clerk_unlink.open()


@when(parsers.re(rf"{THE_ACTOR_OR_VISITOR} opens the contact page"))
@needs(ON_COURT_WEBSITE)
def open_contact_page(portal: Portal) -> None:
    """Target: tag the scenario @needs_court_contact_page: "not applicable" on a target whose
    profile says its website has no contact page."""
    portal.court_home.open_contact_page()
    expect(portal.page).to_have_url(portal.contact.url)


# The pages that list contacts, by the feature files' words.
CONTACT_PAGES = {"contact page": "contact", "CM/ECF Help page": "cmecf_help"}
ON_A_CONTACT_PAGE = rf"the {one_of('where', CONTACT_PAGES)}"
CONTACT = one_of("contact", CONTACTS)


def contact_page(portal: Portal, where: str) -> SitePage:
    page: SitePage = getattr(portal, CONTACT_PAGES[where])
    expect(portal.page).to_have_url(page.url)  # on that page, not on the page before it
    return page


def check_listed(page: SitePage, who: str, shown: str, href: str) -> None:
    """A link a person can follow, with that name, listed with the contact's own name, not
    anywhere on the page: a page could list the numbers under each other's names. "With"
    is as a person reads it: after the heading, term or strong label that names the contact
    and before the one that names the next (pages/base.py), whatever elements hold them."""
    others = [name for name in CONTACTS.values() if name != CONTACTS[who]]
    link = page.main.get_by_role("link", name=shown, exact=True).first
    expect(link).to_have_attribute("href", href)
    problem = contact_listing_problem(page, CONTACTS[who], others, shown, href)
    assert not problem, f"on {page.page.url}: {problem}"


@then(
    parsers.re(
        rf'{ON_A_CONTACT_PAGE} lists {CONTACT} with the phone number "(?P<phone>.+)" '
        r'that dials "(?P<dial>.+)"'
    )
)
def contact_phone(portal: Portal, where: str, contact: str, phone: str, dial: str) -> None:
    """Under the contact's own name, and as a link that dials the number."""
    check_listed(contact_page(portal, where), contact, phone, f"tel:{dial}")


@then(parsers.re(rf'{ON_A_CONTACT_PAGE} lists {CONTACT} with the email address "(?P<email>.+)"'))
def contact_email(portal: Portal, where: str, contact: str, email: str) -> None:
    """Under the contact's own name, and as a link that writes to the address."""
    check_listed(contact_page(portal, where), contact, email, f"mailto:{email}")


@then(parsers.parse('the CM/ECF Help Desk email link is "{email}"'))
def help_desk_email_link(portal: Portal, email: str) -> None:
    contact_email(portal, "contact page", "the CM/ECF Help Desk", email)
