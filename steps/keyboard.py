"""Linking the accounts with the keyboard alone (Tab, Shift+Tab, Enter, Space), at any width.

No click and no direct navigation: the only address typed is the court's website; every
other page is reached by moving the focus with Tab (or Shift+Tab when the control lies
behind it) and pressing Enter or Space. On the way, every focused element must show a
visible focus indicator, and no page may scroll sideways (WCAG 1.4.10 at 320 CSS px).
What the steps look for is the FAQ's words ("CM/ECF", "Utilities", "Link a CM/ECF account
to my PACER account") or the page objects' locators; headings and the confirmation are the
target profile's wording.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Locator, Page, ViewportSize, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from pytest_bdd import given, parsers, then, when

from pages.base import present
from pages.ecf import CONFIRM_BUTTON
from pages.pacer_mfa import PasscodePage
from pages.portal import Portal
from steps.account_state import PutBack, check_link_state
from steps.personas import THE_ACTOR, WHO, one_of, persona_for, require
from steps.second_factor import SecondFactor, require_method
from suite.run.one_time_codes import APP, OneTimeCodes, wrong_passcode
from suite.run.page_history import history_of
from suite.run.personas import Persona
from suite.run.screens import holds_secrets
from suite.target.profiles import Wording

TOPIC = (
    "With the keyboard alone",
    "Linking the accounts with Tab, Shift+Tab, Enter and Space only, at three screen widths "
    "(Section 508, WCAG 2.1 AA).",
)

# The screens of the feature's examples, as CSS pixels of the viewport. Zooming a 1280 px
# wide window to 200% lays the page out in 640 CSS px, which is what the browser is given.
DISPLAYS: dict[str, ViewportSize] = {
    "a 1280 px wide screen": {"width": 1280, "height": 720},
    "a 320 CSS px wide screen": {"width": 320, "height": 640},  # WCAG 1.4.10 reflow
    "a 1280 px screen zoomed to 200%": {"width": 640, "height": 360},  # WCAG 1.4.4
}
# More presses than any of the FAQ's pages has controls: past this the control is unreachable.
MAX_PRESSES = 60
# How long the focus may take to reach the error: as long as expect() waits by default.
FOCUS_SETTLES_MS = 5_000

# One round trip per key press: is the focus on the target yet, and does it show?
_FOCUS = """(target) => {
  const e = document.activeElement;
  if (!e || e === document.body) return {onTarget: false, shown: true, what: ''};
  const style = getComputedStyle(e);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shown = e.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
  const what = (e.tagName.toLowerCase() + ' ' +
    (e.getAttribute('aria-label') || e.innerText || e.id || '')).trim().slice(0, 80);
  return {onTarget: e === target, shown, what};
}"""
_BEHIND_FOCUS = """(target) => {
  const e = document.activeElement;
  return !!e && e !== document.body &&
    !!(target.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
}"""
_SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
_FOCUS_AT_ERROR = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'nothing (the page body)';
  if (e.closest('[role=alert], [aria-live]')) return '';
  if (e.getAttribute('aria-invalid') === 'true') return '';
  return e.tagName.toLowerCase() + ' ' + (e.id || e.getAttribute('name') || '');
}"""


@dataclass
class KeyboardJourney:
    """What the keyboard-only filer met on the way: keys, focus shown or not, sideways scroll."""

    page: Page
    keys: list[str] = field(default_factory=list)
    unseen_focus: list[str] = field(default_factory=list)
    sideways: dict[str, int] = field(default_factory=dict)

    def press(self, key: str) -> None:
        self.keys.append(key)
        self.page.keyboard.press(key)

    def focus(self, target: Locator) -> None:
        """Tab (or Shift+Tab, when the control lies behind the focus) until target has it."""
        present(self.page, target, f"what the keyboard is to reach ({target})")
        self._check_reflow()
        if target.evaluate(_FOCUS)["onTarget"]:
            return  # already there (a page that puts the focus on its field, as it should)
        key = "Shift+Tab" if target.evaluate(_BEHIND_FOCUS) else "Tab"
        for _ in range(MAX_PRESSES):
            self.press(key)
            state = target.evaluate(_FOCUS)
            if state["what"] and not state["shown"]:
                self.unseen_focus.append(f"{self.page.url}: {state['what']}")
            if state["onTarget"]:
                return
        raise AssertionError(f"{MAX_PRESSES} presses of {key} never reached {target}")

    def activate(self, target: Locator, key: str = "Enter") -> None:
        self.focus(target)
        self.press(key)

    def type_and_submit(self, *fields: tuple[Locator, str]) -> None:
        """Type into each field in turn, reached by Tab, then submit the form with Enter."""
        for target, text in fields:
            self.focus(target)
            self.page.keyboard.type(text)
        self.press("Enter")

    def type_code(self, page: PasscodePage, method: str, code: str) -> None:
        """The passcode page's field, reached by Tab, typed into and submitted with Enter."""
        if method != APP:
            raise AssertionError("the keyboard journey signs in with the authentication app")
        self.type_and_submit((page.passcode_field, code))

    def _check_reflow(self) -> None:
        overflow = int(self.page.evaluate(_SIDEWAYS))
        if overflow > 0:
            self.sideways[self.page.url.split("?")[0]] = overflow


@given(
    parsers.re(rf"{WHO} uses the keyboard alone on {one_of('display', DISPLAYS)}"),
    target_fixture="actor",
)
def uses_the_keyboard(
    portal: Portal, personas: dict[str, Persona], who: str, display: str
) -> Persona:
    """Persona: needs a CM/ECF account to link (CM/ECF login and password)."""
    portal.page.set_viewport_size(DISPLAYS[display])
    return persona_for(personas, who, "ecf_login", "ecf_password")


@pytest.fixture
def journey(portal: Portal) -> KeyboardJourney:
    return KeyboardJourney(portal.page)


@when(
    parsers.re(
        rf"{THE_ACTOR} types the court's address and follows the CM/ECF tab to the PACER login"
    )
)
def to_pacer_login(portal: Portal, journey: KeyboardJourney) -> None:
    portal.court_home.open()  # the one address typed
    journey.activate(portal.court_home.cmecf_tab)
    journey.activate(portal.court_cmecf.live_database_link)
    expect(portal.pacer_login.username).to_be_visible()


@when(parsers.re(rf"{THE_ACTOR} logs in and ticks the redaction acknowledgement with Space"))
def log_in_by_keyboard(
    portal: Portal, journey: KeyboardJourney, second_factor: SecondFactor, actor: Persona
) -> None:
    """Today's PACER asks for a one-time passcode after the password: typed here too, with the
    keyboard, when the target asks."""
    login = portal.pacer_login
    assert actor.username and actor.password
    journey.type_and_submit((login.username, actor.username), (login.password, actor.password))
    second_factor.after_password(
        portal, actor, login.redaction_acknowledgement, typist=journey.type_code
    )
    journey.focus(login.redaction_acknowledgement)
    journey.press("Space")
    expect(login.redaction_acknowledgement).to_be_checked()
    journey.activate(login.continue_button)
    expect(portal.cmecf_home.menu_bar).to_be_visible()
    check_link_state(portal, actor)  # the filer's first time in CM/ECF in this scenario


@when(
    parsers.re(
        rf'{THE_ACTOR} opens "Utilities" and "Link a CM/ECF account to my PACER account" '
        r"and submits the form empty"
    )
)
def open_linking_and_submit_empty(portal: Portal, journey: KeyboardJourney) -> None:
    journey.activate(portal.cmecf_home.menu("Utilities"))
    journey.activate(portal.cmecf_home.link_account_link)
    journey.type_and_submit((portal.link_account.login_field, ""))  # nothing typed


@then("the error is announced as an alert, and the focus is on it or on the field in error")
def error_announced(portal: Portal) -> None:
    expect(portal.link_account.refusal.first).to_be_visible()
    # The message can be visible a frame before the focus moves: autofocus (the mock's way)
    # runs at the page's next rendering, a portal's script when it pleases. Wait as expect()
    # would, then say where the focus is.
    with contextlib.suppress(PlaywrightTimeoutError):  # then the assertion says where it is
        portal.page.wait_for_function(f"() => !({_FOCUS_AT_ERROR})()", timeout=FOCUS_SETTLES_MS)
    wrong = portal.page.evaluate(_FOCUS_AT_ERROR)
    assert not wrong, f"after the error the focus is on {wrong}, not the message or the field"


@when(parsers.re(rf"{THE_ACTOR} submits their own CM/ECF login and password and confirms"))
def submit_and_confirm(
    portal: Portal, journey: KeyboardJourney, wording: Wording, put_back: PutBack, actor: Persona
) -> None:
    link = portal.link_account
    assert actor.ecf_login and actor.ecf_password
    journey.type_and_submit(
        (link.login_field, actor.ecf_login), (link.password_field, actor.ecf_password)
    )
    expect(link.heading_named(wording.heading("link_verify"))).to_be_visible()
    put_back.link(actor, actor.ecf_login)
    journey.activate(portal.page.get_by_role("button", name=CONFIRM_BUTTON))


@then("the confirmation is announced as a status, not as an error")
def confirmation_is_status(portal: Portal, wording: Wording, actor: Persona) -> None:
    done = wording.message(
        "accounts linked", ecf_login=actor.ecf_login or "", username=actor.username or ""
    )
    expect(portal.page.get_by_role("status")).to_contain_text(done)
    expect(portal.page.get_by_role("alert").filter(has_text=done)).to_have_count(0)


@then("every focused element showed its focus, no page scrolled sideways, no mouse was used")
def focus_shown_and_reflowed(journey: KeyboardJourney) -> None:
    """Over the whole scenario: every element the focus reached, every page it was on (and,
    for the mouse, every page the browser showed)."""
    # The last page too: forward to its last link, then back to its first with Shift+Tab.
    journey.focus(journey.page.get_by_role("link").last)
    journey.focus(journey.page.get_by_role("link").first)
    assert not journey.unseen_focus, f"focus not visible on: {journey.unseen_focus}"
    assert not journey.sideways, f"pages scroll sideways (CSS px too wide): {journey.sideways}"
    assert set(journey.keys) <= {"Tab", "Shift+Tab", "Enter", "Space"}, journey.keys
    assert "Shift+Tab" in journey.keys, "the journey never moved the focus backwards"
    # "No mouse": no page of the scenario had a real mouse press (keyboard activation
    # clicks, but presses no mouse button).
    pressed = [shown.url for shown in history_of(journey.page).look(journey.page) if shown.mouse]
    assert not pressed, f"the mouse was used on {pressed}"


# --- the passcode page by keyboard (feature 11) -----------------------------------------


@when(parsers.re(rf"{THE_ACTOR} types their PACER username and password and presses Enter"))
def type_password_by_keyboard(
    portal: Portal, journey: KeyboardJourney, personas: dict[str, Persona], actor: Persona
) -> None:
    login, persona = portal.pacer_login, require(personas, actor.key)
    assert persona.username and persona.password
    journey.type_and_submit((login.username, persona.username), (login.password, persona.password))


@then("the passcode field has a label, asks for a one-time code, and is reached with the keyboard")
def passcode_field_by_keyboard(portal: Portal, journey: KeyboardJourney, wording: Wording) -> None:
    page = portal.mfa_passcode
    expect(page.heading_named(wording.heading("mfa_passcode"))).to_be_visible()
    # Found by its label: a screen reader names the field by it.
    field = page.page.get_by_label(wording.name_of("mfa_passcode_label"), exact=True)
    # The standard token: browsers and password managers offer the code, and a phone its
    # numeric keyboard when the field also says inputmode="numeric" (WCAG 1.3.5).
    expect(field).to_have_attribute("autocomplete", "one-time-code")
    journey.focus(field)


@when(
    parsers.re(
        rf"{THE_ACTOR} types (?P<which>a passcode their authentication app did not show|"
        r"the passcode their authentication app shows) and presses Enter"
    )
)
def type_passcode_by_keyboard(
    portal: Portal,
    journey: KeyboardJourney,
    one_time_codes: OneTimeCodes,
    second_factor: SecondFactor,
    actor: Persona,
    which: str,
) -> None:
    require_method(actor, "totp_secret")
    holds_secrets(second_factor.item)
    if which.startswith("a passcode"):
        code = wrong_passcode(actor, one_time_codes.clock.now())
    else:
        code, use = one_time_codes.app_passcode(actor)
        second_factor.count(actor, use)
    journey.type_and_submit((portal.mfa_passcode.passcode_field, code))


@then("every focused element showed its focus and no page scrolled sideways")
def focus_shown_no_sideways(journey: KeyboardJourney) -> None:
    assert not journey.unseen_focus, f"focus not visible on: {journey.unseen_focus}"
    assert not journey.sideways, f"pages scroll sideways (CSS px too wide): {journey.sideways}"
    assert set(journey.keys) <= {"Tab", "Shift+Tab", "Enter", "Space"}, journey.keys
