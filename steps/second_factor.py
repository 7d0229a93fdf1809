"""The passcode page inside every sign-in: PACER's multifactor authentication, when asked.

Every way the suite signs a persona in (steps/journeys.py, the first sign-in that sign-in
reuse keeps, the clerk's desk, calibrate's sign-ins) hands the page after the password to
`SecondFactor.after_password`. When the target asks for a one-time passcode, it enters the
authentication app's passcode (pyotp, never one used before: suite/run/one_time_codes.py), or a
backup code when the persona has no app key; otherwise it leaves the page alone. The FAQ's
features keep their words ("logs in with the username and password for their upgraded PACER
account"): the reports show the passcode page inside that step, and count every sign-in.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from pages.pacer_mfa import PasscodePage
from pages.portal import Portal
from suite.run.mock_control import MockControl
from suite.run.one_time_codes import (
    APP,
    BACKUP_CODE,
    CodeUse,
    Ledger,
    MockClock,
    NotEnoughBackupCodes,
    OneTimeCodes,
    RealTime,
    ledger_of,
)
from suite.run.personas import Persona, variable_name
from suite.run.screens import secret_typed
from suite.run.step_notes import note_sign_in, substep
from suite.target.sites import Target

ALREADY_USED = "passcode already used"  # the profile's message, by its meaning
PASSWORD_FIELD = "[id='loginForm:password']"  # PACER login's [seen] id (pages/pacer_login.py)
# Once a new page has loaded, how long it may take to show what it is (as long as expect()
# waits by default): past that, it is a page the profile does not know.
SETTLING_MS = 5_000
# What PACER login answered to the password.
PASSCODE, ARRIVED, OTHER = "the passcode page", "arrived", "another page"
# How a code is typed and submitted: (the passcode page, APP or BACKUP_CODE, the code).
Typist = Callable[[PasscodePage, str, str], None]


class SignInRefused(AssertionError):
    """PACER login refused a persona's username and password (its message says why)."""


def with_the_mouse(page: PasscodePage, method: str, code: str) -> None:
    if method == APP:
        page.enter_passcode(code)
    else:
        page.enter_backup_code(code)


@dataclass
class SecondFactor:
    """The passcode step of one scenario's sign-ins."""

    codes: OneTimeCodes
    item: pytest.Item
    last_code: str | None = None  # the last code this scenario typed (a replay's scenario)
    retries: int = 0  # passcodes refused as already used (by another machine) and retried

    def after_password(
        self, portal: Portal, persona: Persona, arrived: Locator, typist: Typist = with_the_mouse
    ) -> None:
        """After the password was submitted: pass the passcode page if the target shows one,
        until `arrived` (where a signed-in user lands) shows. A refusal of the password, or a
        prompt to enroll, fails here saying so, not as a missing page later. `typist` types
        the code (the keyboard-only journey types it with the keyboard)."""
        login, mfa, prompt = portal.pacer_login, portal.mfa_passcode, portal.mfa_prompt
        asked = mfa.heading.or_(mfa.any_one_time_code_field)
        enroll = prompt.requirement.or_(prompt.update_required)
        known = arrived.or_(login.refusal).or_(asked).or_(enroll)
        answer = _answer(portal, known, mfa.heading, arrived)
        if answer == OTHER:
            self._not_passed_yet(portal, persona, asked, enroll)
            answer = PASSCODE if asked.first.is_visible() else ARRIVED
        if answer == ARRIVED:
            self.count(persona, None)  # the target asked for no passcode
            return
        with substep(self.item, "PACER's multifactor authentication: one-time passcode") as say:
            say(self._pass(portal, persona, arrived, typist))

    def _not_passed_yet(
        self, portal: Portal, persona: Persona, asked: Locator, enroll: Locator
    ) -> None:
        """Neither the passcode page nor the landing: a refusal, a prompt to enroll, or a
        one-time code field under a heading the profile does not know; each fails saying so."""
        login, mfa = portal.pacer_login, portal.mfa_passcode
        if login.refusal.is_visible():
            said = "; ".join(login.refusal.all_inner_texts())  # one alert per problem
            raise SignInRefused(f"PACER login refused {persona.username}: {said}")
        if enroll.first.is_visible():
            shown = enroll.first.inner_text().strip()
            raise AssertionError(
                f"PACER login asks persona {persona.key!r} to enroll in multifactor "
                f"authentication ({shown!r}) before going on: enroll its "
                f"account with an authentication app and set "
                f"{variable_name(persona.key, 'totp_secret')} (docs/mfa.md 'Signing in with MFA')"
            )
        if asked.first.is_visible() and not mfa.heading.is_visible():
            # A one-time code field under a heading the profile does not know: say what the
            # page shows (calibrate records it), not a time-out waiting for the profile's words.
            raise AssertionError(
                f"PACER login asks for a one-time code, on a page whose headings are "
                f"{_headings(portal)}, not {portal.profile.heading('mfa_passcode')!r} "
                f"(profile [headings] mfa_passcode)"
            )

    def _pass(self, portal: Portal, persona: Persona, arrived: Locator, typist: Typist) -> str:
        mfa = portal.mfa_passcode
        heading = portal.profile.heading("mfa_passcode")
        if not persona.has_second_factor:
            _no_method(persona)
        said = ""
        for attempt in (1, 2):
            # The refusal of the first try is not the second one's answer: wait for it to go.
            stale = mfa.refusal.element_handles() if attempt > 1 else []
            code, use = self._code(persona)
            self.last_code = code
            # On screen until the page moves on: no screenshot or screencast frame shows it.
            with secret_typed(self.item):
                typist(mfa, use.method, code)
                for element in stale:
                    with contextlib.suppress(PlaywrightError):  # detached: gone with its page
                        element.wait_for_element_state("hidden")
                arrived.or_(mfa.refusal).first.wait_for()
            if arrived.first.is_visible():
                self.count(persona, use)
                how = _how(use) + (f"; {said}" if said else "")
                return f"PACER login asked for a one-time passcode ({heading!r}): {how}"
            refused = "; ".join(mfa.refusal.all_inner_texts())
            already_used = portal.profile.message(ALREADY_USED) in refused
            if attempt == 1 and use.method == APP and already_used:
                # Another machine (a shard) signed this persona in with this step's passcode:
                # its ledger is not ours. Once more, with the next step's.
                said = "the first passcode was refused as already used (another machine's?)"
                self.retries += 1
                continue
            break
        raise AssertionError(
            f"PACER login refused the {use.method} passcode of persona {persona.key!r}: {refused}"
        )

    def _code(self, persona: Persona) -> tuple[str, CodeUse]:
        if persona.totp_secret:
            return self.codes.app_passcode(persona)
        try:
            return self.codes.backup_code(persona)
        except NotEnoughBackupCodes as error:
            pytest.fail(str(error), pytrace=False)

    def count(self, persona: Persona, use: CodeUse | None) -> None:
        """One sign-in through PACER login, with the passcode it took (None: not asked)."""
        event: dict[str, Any] = {"persona": persona.key, "method": None}
        if use is not None:
            event |= {
                "method": use.method,
                "moved": use.moved,
                "seconds_moved": round(use.seconds_moved, 2),
                "backup_code_number": use.backup_code_number,
            }
        note_sign_in(self.item, event)


def _answer(portal: Portal, known: Locator, passcode: Locator, arrived: Locator) -> str:
    """Wait, as long as PACER login takes, for its answer to the password: PASSCODE or
    ARRIVED, the common ones, at a look each; else, once a page other than the login form has
    loaded, give it a few seconds to show one the profile knows (OTHER), then say what it
    shows instead of waiting out a time-out."""
    page = portal.page
    # Any page without PACER login's [seen] password field: the answer is a new page.
    moved_on = page.locator(f"body:not(:has({PASSWORD_FIELD}))")
    known.or_(moved_on).first.wait_for()
    if passcode.is_visible():
        return PASSCODE
    if arrived.first.is_visible():
        return ARRIVED
    try:
        known.first.wait_for(timeout=SETTLING_MS)
    except PlaywrightTimeoutError:
        # No profile value named here: calibrate must not take this page for one of them.
        raise AssertionError(
            f"after the password PACER login showed a page the profile does not know, at "
            f"{page.url}, headings {_headings(portal)}: not the redaction agreement, not CM/ECF, "
            "not a refusal, not one of the profile's MFA pages ([headings] mfa_passcode, "
            "mfa_required, mfa_update_required); calibrate records what it shows"
        ) from None
    return OTHER


def require_method(actor: Persona, field: str) -> None:
    """The persona's key or backup codes, which this step types: a persona configured for a
    real portal without them skips, naming the variable; the mock seeds them (else it fails)."""
    if getattr(actor, field):
        return
    if actor.from_mock:
        pytest.fail(f"the mock seeds persona {actor.key!r} without {field}", pytrace=False)
    pytest.skip(f"persona {actor.key!r} is not configured: set {actor.missing(field)[0]}")


def _no_method(persona: Persona) -> None:
    if persona.from_mock:
        pytest.fail(
            f"the mock asks persona {persona.key!r} for a one-time passcode and seeds it "
            "without an authentication-app key or backup codes",
            pytrace=False,
        )
    pytest.fail(
        f"PACER login asks persona {persona.key!r} for a one-time passcode, and it has no "
        f"authentication-app key nor backup codes: set "
        f"{variable_name(persona.key, 'totp_secret')} (or "
        f"{variable_name(persona.key, 'backup_codes')}); docs/mfa.md 'Signing in with MFA'",
        pytrace=False,
    )


def _how(use: CodeUse) -> str:
    if use.method == BACKUP_CODE:
        return f"entered backup code number {use.backup_code_number} of the persona's list"
    how = "entered the authentication app's passcode"
    if use.moved == "advanced":
        how += (
            f", after advancing the mock's clock {use.seconds_moved:.0f} s to a new 30-second "
            "step (this run had used the last one's passcode)"
        )
    elif use.moved == "waited":
        how += (
            f", after waiting {use.seconds_moved:.0f} s for a new 30-second step (this run "
            "had used the last one's passcode)"
        )
    return how


def _headings(portal: Portal) -> str:
    try:
        shown = portal.page.get_by_role("heading").all_inner_texts()
    except PlaywrightError:
        shown = []
    return ", ".join(repr(text.strip()) for text in shown if text.strip()) or "none"


def run_shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every xdist worker of this run shares (pytest's documented way), and no
    other run: the base temporary folder of the run, above the workers' own."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if base.name.startswith("popen-gw") else base


@pytest.fixture(scope="session")
def one_time_codes(
    target: Target, mock: MockControl | None, tmp_path_factory: pytest.TempPathFactory
) -> OneTimeCodes:
    # The embedded mock's state ends with the run, and so does its ledger; a real portal's
    # (or a separately started mock's) outlives it: the ledger lives on this machine.
    clock = MockClock(mock) if mock is not None else RealTime()
    if not target.embedded:
        return OneTimeCodes(ledger_of(target.urls["pacer-login"]), clock)
    folder = run_shared_folder(tmp_path_factory) / "one-time-codes"
    return OneTimeCodes(Ledger(folder, target.urls["pacer-login"]), clock)


@pytest.fixture
def second_factor(one_time_codes: OneTimeCodes, request: pytest.FixtureRequest) -> SecondFactor:
    return SecondFactor(one_time_codes, request.node)
