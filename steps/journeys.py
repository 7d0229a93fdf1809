"""Multi-page tasks that several steps share, built from page objects.

These are the Given-style set-ups ("signed in to CM/ECF", "has linked an account"). They
check that each hop landed where it should, so a broken set-up fails where it broke rather
than three steps later.
"""

from __future__ import annotations

from playwright.sync_api import Locator, expect

from pages.base import present
from pages.portal import Portal
from steps.second_factor import SecondFactor
from suite.run.personas import Persona

LINKING_FORM = 'the linking form (a field labelled "CM/ECF login") or a refusal'


def on_the_way_to_cmecf(portal: Portal) -> Locator:
    """Where PACER login lands a filer bound for CM/ECF: the redaction agreement (filers
    acknowledge it) or CM/ECF itself (research-only accounts go straight through)."""
    return portal.pacer_login.redaction_agreement.or_(portal.cmecf_home.menu_bar)


def log_in_at_pacer(
    portal: Portal, persona: Persona, second_factor: SecondFactor, password: str | None = None
) -> None:
    """On the PACER login page: log in as persona (with `password` instead of its own when
    given), pass the passcode page when the target asks, and acknowledge the redaction
    agreement if it is shown. A refusal fails here, saying why."""
    login = portal.pacer_login
    assert persona.username and (password or persona.password)
    login.log_in(persona.username, password or persona.password or "")
    second_factor.after_password(portal, persona, on_the_way_to_cmecf(portal))
    if login.redaction_agreement.is_visible():
        login.acknowledge_redaction()


def sign_in_to_cmecf(portal: Portal, persona: Persona, second_factor: SecondFactor) -> None:
    assert persona.username and persona.password
    portal.cmecf_login.open()
    login, home = portal.pacer_login, portal.cmecf_home
    login.username.or_(home.menu_bar).first.wait_for()
    if login.username.is_visible():
        log_in_at_pacer(portal, persona, second_factor)
    expect(portal.page).to_have_url(home.url)


def sign_in_to_pacer_website(portal: Portal, persona: Persona, second_factor: SecondFactor) -> None:
    assert persona.username and persona.password
    portal.pacer_home.open()
    portal.pacer_home.open_manage_my_account()
    portal.pacer_login.log_in(persona.username, persona.password)
    # Manage My Account shows the account's type [seen]: the page a signed-in user lands on.
    landed = portal.manage_account.main.get_by_text(portal.profile.account("type"))
    second_factor.after_password(portal, persona, landed)
    expect(portal.page).to_have_url(portal.manage_account.url)


def submit_for_linking(portal: Portal, login: str, password: str) -> None:
    portal.cmecf_home.open_link_account()
    fill_in_linking_form(portal, login, password)


def fill_in_linking_form(portal: Portal, login: str, password: str) -> None:
    """On the linking page: enter the CM/ECF login and password and click Submit."""
    link = portal.link_account
    # CM/ECF offers no form to an account that may not link (on a real portal: a persona
    # linked by an earlier run): fail saying why, not after a 30 s wait for the field.
    present(portal.page, link.login_field.or_(link.refusal), LINKING_FORM)
    if not link.login_field.is_visible():
        said = "; ".join(link.refusal.all_inner_texts())
        raise AssertionError(f"CM/ECF offers no linking form: {said}")
    link.submit_credentials(login, password)


def linked_message(portal: Portal, login: str, username: str) -> Locator:
    """The confirmation that `login` is linked to PACER account `username`, in the main
    content, whatever element holds it."""
    done = portal.profile.message("accounts linked", ecf_login=login, username=username)
    return portal.link_account.main.get_by_text(done)


def link_accounts(portal: Portal, login: str, password: str, username: str) -> None:
    """The whole linking process: Utilities, credentials, verification, Confirm."""
    submit_for_linking(portal, login, password)
    link = portal.link_account
    # A refusal here (say, "already linked") fails on this line, not as a missing button.
    expect(link.heading_named(portal.profile.heading("link_verify"))).to_be_visible()
    link.confirm()
    expect(linked_message(portal, login, username).first).to_be_visible()


def try_to_link(portal: Portal, login: str, password: str, username: str) -> bool:
    """Go as far as CM/ECF lets an account go: the form if offered, then the verification
    page's Submit if shown. A target may refuse before the form or upon either Submit.
    True when it got as far as confirming (the accounts may then be linked)."""
    link = portal.link_account
    present(portal.page, link.login_field.or_(link.refusal), LINKING_FORM)
    if not link.login_field.is_visible():
        return False  # refused before the form
    link.submit_credentials(login, password)
    verify_heading = portal.profile.heading("link_verify")
    verify = link.heading_named(verify_heading)
    present(portal.page, verify.or_(link.refusal), f'the heading "{verify_heading}" or a refusal')
    if not verify.is_visible():
        return False  # refused upon Submit
    link.confirm()
    done = linked_message(portal, login, username)
    present(portal.page, done.or_(link.refusal), "the linking confirmation or a refusal")
    return True


def change_pacer_password(portal: Portal, current: str, new: str) -> None:
    """Signed in to the PACER website: Manage My Account, Change password, current and new."""
    portal.manage_account.open()
    portal.manage_account.open_change_password()
    portal.change_password.change(current, new)


def find_for_unlinking(desk: Portal, ecf_login: str) -> bool:
    """As court staff, on CM/ECF's unlink page: look the CM/ECF account up. True when the
    page offers to unlink it (it is linked); False when it says why not (say, not linked)."""
    unlink = desk.clerk_unlink
    unlink.open()
    unlink.find(ecf_login)
    button = unlink.profile.name_of("clerk_unlink_button")
    offered = unlink.unlink_button.or_(unlink.refusal)
    present(desk.page, offered, f'the button "{button}" or why not')
    return unlink.unlink_button.is_visible()
