"""Linking a CM/ECF account to a PACER account, and what CM/ECF shows afterwards."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then, when

from pages.ecf import CONFIRM_BUTTON, LinkAccountPage
from pages.portal import Portal
from steps import journeys
from steps.account_state import PutBack, check_link_state, sign_in_checked
from steps.common import on_site
from steps.personas import THE_ACTOR, WHO, one_of, persona_for, require
from steps.preconditions import (
    IN_CMECF_SIGNED_IN,
    ON_LINKING_PAGE,
    ON_VERIFICATION_PAGE,
    needs,
)
from steps.second_factor import SecondFactor
from steps.sign_in_state import SignInStates
from suite.authoring import meanings
from suite.run.mock_control import MockControl
from suite.run.page_history import history_of
from suite.run.personas import Persona
from suite.target.profiles import Wording

TOPIC = (
    "Linking the accounts, and CM/ECF afterwards",
    "Utilities, the linking form, the verification page, refusals, the filing menu, "
    "and the emails CM/ECF sends.",
)

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
    put_back: PutBack,
    second_factor: SecondFactor,
    who: str,
) -> Persona:
    """Persona: needs a second CM/ECF account to link by mistake (on the mock only `a filer
    with an upgraded individual PACER account` has one; elsewhere, CIT_FAQ_FILER_WRONG_ECF_*)."""
    persona = persona_for(personas, who, "wrong_ecf_login", "wrong_ecf_password")
    sign_in_checked(sign_in_states, portal, persona, "ecf", second_factor)
    check_link_state(portal, persona)
    assert persona.wrong_ecf_login and persona.wrong_ecf_password
    put_back.link(persona, persona.wrong_ecf_login)
    journeys.link_accounts(
        portal, persona.wrong_ecf_login, persona.wrong_ecf_password, persona.username or ""
    )
    return persona


@when(
    parsers.re(
        rf'{THE_ACTOR} clicks on "Utilities" and selects '
        r'"Link a CM/ECF account to my PACER account"'
    )
)
@needs(IN_CMECF_SIGNED_IN)
def open_link_account(portal: Portal) -> None:
    """Persona: an account that may not link (shared/firm, legacy, already linked) is refused
    here, before the form, on the mock; a target may instead refuse it upon Submit."""
    portal.cmecf_home.open_link_account()


# The CM/ECF login a step submitted for linking: what a later Confirm would link.
@when(
    parsers.re(rf'{THE_ACTOR} enters the CM/ECF login and password and clicks "Submit"'),
    target_fixture="submitted_login",
)
@needs(ON_LINKING_PAGE)
def enter_cmecf_credentials(portal: Portal, personas: dict[str, Persona], actor: Persona) -> str:
    """Persona: types the person's own CM/ECF login and password; only an account CM/ECF lets
    link gets the form (on the mock: an upgraded, individual PACER account not linked yet)."""
    login, password = _own(personas, actor)
    journeys.fill_in_linking_form(portal, login, password)
    return login


@when(
    parsers.re(rf"{THE_ACTOR} submits {one_of('credentials', LINKING_CREDENTIALS)} for linking"),
    target_fixture="submitted_login",
)
@needs(ON_LINKING_PAGE)
def submit_for_linking(
    portal: Portal, personas: dict[str, Persona], actor: Persona, credentials: str
) -> str:
    """Persona: only an account CM/ECF lets link gets the form (on the mock: an upgraded,
    individual PACER account not linked yet); the others are refused before it."""
    login, password = LINKING_CREDENTIALS[credentials](personas, actor)
    journeys.fill_in_linking_form(portal, login, password)
    return login


@when(parsers.re(rf"{THE_ACTOR} tries to link their own CM/ECF account"))
def try_to_link_own_account(
    portal: Portal, personas: dict[str, Persona], put_back: PutBack, actor: Persona
) -> None:
    """Goes as far as CM/ECF lets this account go: the form if offered, its Submit, then the
    verification page's Submit if shown.

    Persona: an account that may not link is stopped where the target stops it (on the
    mock: before the form)."""
    login, password = _own(personas, actor)
    # CM/ECF should refuse; should it link all the same, the restore puts it back.
    restore = put_back.link(actor, login)
    linked = journeys.try_to_link(portal, login, password, actor.username or "")
    if not linked and restore is not None:
        put_back.restores.discard(restore)  # refused before anything could be linked


@then(parsers.parse("CM/ECF refuses to link: {meaning}"))
def refuses_to_link(
    portal: Portal, wording: Wording, personas: dict[str, Persona], actor: Persona, meaning: str
) -> None:
    """Refused before the form or upon Submit, either counts; but it is said, and nothing
    was linked: no confirmation that the accounts are linked.

    Target: the message is the target profile's wording for <message meaning>."""
    link = portal.link_account
    expect(portal.page).to_have_url(on_site(portal.urls["ecf"]))
    expect(link.main).to_contain_text(wording.message(meaning))
    ecf_login = actor.ecf_login or ""
    done = portal.profile.message(
        "accounts linked", ecf_login=ecf_login, username=actor.username or ""
    )
    expect(link.main).not_to_contain_text(done)


@when(parsers.re(rf"{THE_ACTOR} links the CM/ECF account to the PACER account"))
@needs(IN_CMECF_SIGNED_IN)
def link_the_accounts(
    portal: Portal, personas: dict[str, Persona], put_back: PutBack, actor: Persona
) -> None:
    """Utilities, the person's own CM/ECF login and password, Submit, then Confirm.

    Persona: only an account CM/ECF lets link gets that far (on the mock: `a filer with an
    upgraded individual PACER account` or `a filer whose PACER account is inactive`)."""
    login, password = _own(personas, actor)
    put_back.link(actor, login)
    journeys.link_accounts(portal, login, password, actor.username or "")


@when(parsers.re(rf"{THE_ACTOR} confirms"))
@needs(ON_VERIFICATION_PAGE)
def confirm(
    portal: Portal,
    personas: dict[str, Persona],
    put_back: PutBack,
    actor: Persona,
    request: pytest.FixtureRequest,
) -> None:
    # The login a step submitted, asked for only now: out of place, this step fails on its
    # precondition, not on a missing fixture.
    try:
        login = str(request.getfixturevalue("submitted_login"))
    except pytest.FixtureLookupError:  # a step of another module led here: the filer's own
        login = _own(personas, actor)[0]
    put_back.link(actor, login)
    portal.link_account.confirm()


@when(parsers.re(rf"{THE_ACTOR} cancels on the verification page"))
@needs(ON_VERIFICATION_PAGE)
def cancel(portal: Portal) -> None:
    portal.link_account.cancel()


@then("CM/ECF shows the CM/ECF account and the PACER account to be linked")
def verification_shows_both_accounts(
    portal: Portal, wording: Wording, personas: dict[str, Persona], actor: Persona
) -> None:
    """The person's own CM/ECF login, PACER username and (when the persona has one) name."""
    link = portal.link_account
    expect(link.heading_named(wording.heading("link_verify"))).to_be_visible()
    shown = LinkAccountPage.account_shown
    expect(link.main).to_contain_text(shown("CM/ECF account", _own(personas, actor)[0]))
    expect(link.main).to_contain_text(shown("PACER account", actor.username or ""))
    # A real portal's persona may leave its name unset (CIT_FAQ_<KEY>_NAME is optional);
    # the mock seeds every name, so against the mock this check always runs.
    if actor.name:
        expect(link.main).to_contain_text(actor.name)


@then(parsers.re(rf'CM/ECF asks {THE_ACTOR} to "(?P<text>.+)"'))
def asks_to_confirm(
    portal: Portal, wording: Wording, personas: dict[str, Persona], actor: Persona, text: str
) -> None:
    """The FAQ's "Confirm that you are linking the correct accounts." tells the filer what to
    do; the page need not say it. What it asks of CM/ECF is checked: the verification page
    shows whose CM/ECF account and whose PACER account, and offers to confirm ("Submit" [seen])
    or to cancel. Any other question is looked for word for word."""
    link = portal.link_account
    if text == meanings.CONFIRM_THE_ACCOUNTS:
        verification_shows_both_accounts(portal, wording, personas, actor)
    else:
        expect(link.main).to_contain_text(text)
    expect(link.page.get_by_role("button", name=CONFIRM_BUTTON)).to_be_enabled()
    expect(link.cancel_button).to_be_enabled()


@then("CM/ECF confirms that the CM/ECF account is linked to the PACER account")
def confirms_linked(
    portal: Portal, wording: Wording, personas: dict[str, Persona], actor: Persona
) -> None:
    """The confirmation is the message in the main content, whatever element holds it (a
    heading, a status message), and not an alert."""
    link = portal.link_account
    expect(portal.page).to_have_url(on_site(portal.urls["ecf"]))
    done = wording.message(
        "accounts linked", ecf_login=_own(personas, actor)[0], username=actor.username or ""
    )
    link.expect_confirmation(done)


@then("the filing menu appears in the CM/ECF menu bar")
def filing_menu_appears(portal: Portal, wording: Wording) -> None:
    """Persona: only an account that may file has it (upgraded, individual, linked)."""
    home = portal.cmecf_home
    expect(home.menu(wording.name_of("filing_menu"))).to_be_visible()


@then("the filing menu is not in the CM/ECF menu bar")
def filing_menu_absent(portal: Portal, wording: Wording) -> None:
    """Opens CM/ECF's home page afresh and looks at its menu bar."""
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
    """Persona: only an account that may file (upgraded, individual, linked)."""
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


def _on_cmecf(portal: Portal) -> Callable[[str], bool]:
    return lambda url: bool(on_site(portal.urls["ecf"]).match(url))


def _appurl(url: str) -> str:
    return parse_qs(urlsplit(url).query).get("appurl", [""])[0]


def _on_linking_page(portal: Portal) -> Callable[[str], bool]:
    path = urlsplit(portal.link_account.url).path
    return lambda url: _on_cmecf(portal)(url) and urlsplit(url).path == path


@then("the court's CM/ECF never asks for the CM/ECF password")
def never_asks_for_cmecf_password(portal: Portal) -> None:
    """From the scenario's start to this step, in any state: no page of the court's CM/ECF
    showed a password field (its own login), apart from the linking form, where the FAQ has
    the filer type the CM/ECF password to link. Needs the scenario to have gone to the
    court's CM/ECF, as after `When the filer goes to the court's CM/ECF`."""
    shown, on_cmecf = history_of(portal.page).look(portal.page), _on_cmecf(portal)
    asked = [
        page.url
        for page in shown
        if page.passwords and on_cmecf(page.url) and not _on_linking_page(portal)(page.url)
    ]
    assert not asked, f"the court's CM/ECF asked for a password on {asked}"
    # CM/ECF's own pages, or PACER login on the way to it: its appurl [seen] is CM/ECF's.
    went = [page.url for page in shown if on_cmecf(page.url) or on_cmecf(_appurl(page.url))]
    assert went, (
        "this step needs the scenario to have gone to the court's CM/ECF, as after "
        "`When the filer goes to the court's CM/ECF`; it never went there"
    )


@then("CM/ECF does not offer the linking form")
def no_linking_form(portal: Portal) -> None:
    """In this scenario, CM/ECF's linking page was shown and never with its form (a
    CM/ECF password field), whatever page is in front of the filer now. Needs the linking
    page opened, as after `When the filer clicks on "Utilities" and selects "Link a CM/ECF
    account to my PACER account"`.

    Persona: on the mock, accounts that may not link (shared/firm, legacy, already linked)
    are refused before the form.

    Target: a target that offers the form to everyone and refuses upon Submit fails this
    step; `Then CM/ECF refuses to link: <message meaning>` holds on both."""
    shown = history_of(portal.page).pages(portal.page, _on_linking_page(portal))
    assert shown, (
        "this step needs CM/ECF's linking page opened in this scenario, as after `When the "
        'filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"`'
    )
    offered = [page.url for page in shown if page.passwords]
    assert not offered, f"CM/ECF offered the linking form (a password field) on {offered}"


@then(parsers.re(rf"{THE_ACTOR} receives an email: (?P<email_meaning>.+)"), target_fixture="email")
def receives_email(
    control: MockControl, wording: Wording, actor: Persona, email_meaning: str
) -> dict[str, str]:
    """Exactly one such email, to the person's address, naming their PACER account.

    Target: the subject is the target profile's "email: <email meaning>" message."""
    subject = wording.message(f"email: {email_meaning}")
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
    """After `Then the filer receives an email: <email meaning>`."""
    # The "CM/ECF login information" the FAQ asks the filer to send to the Help Desk.
    assert actor.wrong_ecf_login and actor.wrong_ecf_login in email["body"], (
        f"the email does not name the CM/ECF account {actor.wrong_ecf_login}:\n{email['body']}"
    )


@then(parsers.parse('the email says to contact the CM/ECF Help Desk at "{address}"'))
def email_names_help_desk(email: dict[str, str], address: str) -> None:
    """After `Then the filer receives an email: <email meaning>`."""
    assert address in email["body"], f"the email does not name {address}:\n{email['body']}"
