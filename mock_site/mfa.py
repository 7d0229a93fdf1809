"""PACER's multifactor authentication (MFA) in the mock: each account's methods, what the
clock asks of it, and the checks of a code typed at sign-in.

The facts are portal-reference.md's ("PACER login today"): an authentication app (TOTP: 30 s
steps, 6 digits) and/or 10 backup codes, each usable once; up to five apps; MFA required of
CM/ECF-level users, optional for PACER-only ones; three skips, then "User Update Required".
What no source says (the lockout, the replay rule, the formats of backup and security codes)
is this module's choice, said where it is made.

Every method here is called with the store's lock held (Store.mfa shares the store's lock)
and with the store's clock (store.now(), which the control API can move on).
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
import threading
from dataclasses import dataclass, field

import pyotp
from pyotp.exceptions import OTPVerificationError

from mock_site.dialects import texts  # the current dialect's words (the default outside a request)

STEP_SECONDS = 30  # [seen] "in many apps it changes every 30 seconds"
DIGITS = 6
# The current step, or one either side: a phone's clock a little off, or a code typed as it
# changed. RFC 6238 section 5.2 recommends at most one step of delay.
WINDOW = 1
BACKUP_CODE_COUNT = 10  # [seen]
MAX_APPS = 5  # [seen] "Up to five apps may be added to one account"
SKIPS = 3  # [seen] "three skips are allowed"
# Backup codes: 10 letters and digits [guess], without look-alikes (0/o, 1/l/i).
BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
BACKUP_LENGTH = 10
SECURITY_CODE_DIGITS = 8  # the code emailed before adding an app or getting new codes [guess]
# How many used steps are kept per key; only the latest counts (see MfaBook.check_passcode).
KEPT_STEPS = 8

# What a sign-in asks once the password is right (MfaBook.demand).
NOTHING, PASSCODE, PROMPT, UPDATE_REQUIRED = "nothing", "passcode", "prompt", "update required"


@dataclass
class MfaState:
    """One account's MFA: its methods and what PACER requires of it."""

    required: bool  # CM/ECF-level access: must enroll by the deadline; PACER-only: never
    apps: list[str] = field(default_factory=list)  # TOTP keys (base32), oldest first
    added: list[str] = field(default_factory=list)  # each app's date added (YYYY-MM-DD)
    # Unused backup codes. Kept as typed, not hashed: the control API hands them to the
    # suite, as GET /_mock/personas hands out the fixture passwords.
    backup_codes: list[str] = field(default_factory=list)
    used_backup_codes: list[str] = field(default_factory=list)  # to say "already used"
    skips_left: int = SKIPS
    # Picked at random to enroll early (from August 2025): prompted before the deadline.
    selected: bool = False

    @property
    def enrolled(self) -> bool:
        """An app, or a backup code still unused: a way to pass the passcode step."""
        return bool(self.apps or self.backup_codes)


@dataclass
class Lockout:
    wrong: int = 0  # wrong codes in a row at the passcode step
    until: float = 0.0  # store time until which the account is locked


def new_key() -> str:
    return pyotp.random_base32()  # 32 characters: 160 bits, above RFC 4226's 128


def new_backup_codes() -> list[str]:
    return [
        "".join(secrets.choice(BACKUP_ALPHABET) for _ in range(BACKUP_LENGTH))
        for _ in range(BACKUP_CODE_COUNT)
    ]


def new_security_code() -> str:
    return f"{secrets.randbelow(10**SECURITY_CODE_DIGITS):0{SECURITY_CODE_DIGITS}d}"


def uri(key: str, username: str) -> str:
    """The otpauth:// address an app reads from a QR code (Google's Key Uri Format)."""
    return pyotp.TOTP(key).provisioning_uri(name=username, issuer_name="PACER")


def step_of(key: str, code: str, now: float) -> int | None:
    """The step (30 s counter) at which key shows code, within WINDOW of now; else None."""
    try:
        return pyotp.TOTP(key).verify_and_get_timecode(code, for_time=now, valid_window=WINDOW)
    except OTPVerificationError:
        return None


def same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


# --- what a typed code is ----------------------------------------------------------------
TOTP, BACKUP = "totp", "backup"


def read_code(raw: str, accept: tuple[str, ...] = (TOTP, BACKUP)) -> tuple[str, str] | str:
    """(kind, code) for a well-formed passcode or backup code, else the message saying why not.

    Spaces and hyphens are dropped (people copy "123 456" or "abcde-fghjk"); a backup code is
    read in lower case. Only ASCII digits count: pyotp compares codes after NFKC
    normalisation, which would read fullwidth digits (U+FF11 ...) as a passcode.
    """
    code = "".join(raw.split()).replace("-", "")
    if not code:
        return texts.MFA_CODE_REQUIRED
    if not code.isascii():
        return texts.MFA_CODE_NOT_ASCII
    if code.isdigit() and TOTP in accept:
        return (TOTP, code) if len(code) == DIGITS else texts.MFA_CODE_LENGTH
    if code.isalnum() and len(code) == BACKUP_LENGTH and BACKUP in accept:
        return BACKUP, code.lower()
    if accept == (TOTP,):
        return texts.MFA_CODE_LENGTH
    return texts.MFA_BACKUP_FORMAT if accept == (BACKUP,) else texts.MFA_CODE_FORMAT


# --- the outcomes of a code at the passcode step -------------------------------------------
OK, WRONG, REPLAYED, LOCKED = "ok", "wrong", "replayed", "locked"


class MfaBook:
    """Every account's MFA state, the steps each key has used, and the lockouts."""

    def __init__(self, lock: threading.RLock) -> None:
        self.lock = lock
        self.states: dict[str, MfaState] = {}
        self.locks: dict[str, Lockout] = {}
        # TOTP key -> the steps a code of it was accepted at. Not cleared by a reset: a code
        # used is used, on a real portal whatever the tests do (see forget_future).
        self.used_steps: dict[str, list[int]] = {}

    def reset(self, seeds: dict[str, MfaState], now: float) -> None:
        with self.lock:
            self.states = seeds
            self.locks = {}
            # Keys added since (always new, random ones) are gone for good: forget them.
            kept = {key for state in seeds.values() for key in state.apps}
            self.used_steps = {k: v for k, v in self.used_steps.items() if k in kept}
            self.forget_future(now)

    def forget_future(self, now: float) -> None:
        """Forget steps later than now's window: a reset rewinds the clock the control API
        moved on, and codes of that simulated future were never typed in real time."""
        latest = int(now // STEP_SECONDS) + WINDOW
        for key, steps in list(self.used_steps.items()):
            kept = [step for step in steps if step <= latest]
            if kept:
                self.used_steps[key] = kept
            else:
                del self.used_steps[key]

    def state(self, username: str) -> MfaState:
        """The account's state; an account made by the control API starts PACER-only."""
        with self.lock:
            return self.states.setdefault(username, MfaState(required=False))

    def demand(self, username: str, today: dt.date) -> str:
        """What a sign-in asks after the password, by the mock's date.

        Before May 11, 2025: nothing. From then, an enrolled account passes its passcode step
        (it enrolled, voluntarily or not). A required account not enrolled is prompted, with
        Skip while skips are left, then "User Update Required": from the deadline
        (December 31, 2025), or from August 2025 when it was picked to enroll early.
        A PACER-only account is never asked unless it enrolled.
        """
        state = self.state(username)
        if today < texts.MFA_VOLUNTARY_FROM:
            return NOTHING
        if state.enrolled:
            return PASSCODE
        due = today >= texts.MFA_DEADLINE or (state.selected and today >= texts.MFA_SELECTION_FROM)
        if not state.required or not due:
            return NOTHING
        return PROMPT if state.skips_left > 0 else UPDATE_REQUIRED

    # --- lockout -------------------------------------------------------------------------
    def locked(self, username: str, now: float) -> bool:
        with self.lock:
            lockout = self.locks.get(username)
            return lockout is not None and lockout.until > now

    def _counted(self, username: str, outcome: str, now: float) -> str:
        """Count a wrong or replayed code; the MFA_MAX_WRONG-th in a row locks the account."""
        lockout = self.locks.setdefault(username, Lockout())
        if outcome == OK:
            lockout.wrong = 0
            return OK
        lockout.wrong += 1
        if lockout.wrong >= texts.MFA_MAX_WRONG:
            lockout.wrong = 0
            lockout.until = now + texts.MFA_LOCK_MINUTES * 60
            return LOCKED
        return outcome

    # --- checks --------------------------------------------------------------------------
    def check(self, username: str, kind: str, code: str, now: float) -> str:
        """OK (the code is used up), WRONG, REPLAYED, or LOCKED (now or already).

        Only the account at its own passcode step is counted against: the step opens only
        after that account's password, so a stranger cannot lock an account out by typing
        codes, and another account's code typed here is a wrong code for this account, not
        a use of the other's.
        """
        with self.lock:
            if self.locked(username, now):
                return LOCKED
            state = self.state(username)
            if kind == TOTP:
                outcome = self._check_passcode(state.apps, code, now)
            else:
                outcome = self._check_backup(state, code)
            return self._counted(username, outcome, now)

    def _check_passcode(self, keys: list[str], code: str, now: float) -> str:
        """A code any of the account's apps shows now (or a step either side).

        Replay rule: a code is refused when its step is at or before the latest step already
        accepted for that key, not only when it is that exact step. It is RFC 6238 section
        5.2's "MUST NOT accept the second attempt", kept as django-otp's TOTPDevice (last_t)
        and pyotp's verify_and_get_timecode documentation keep it: one counter per key, so a
        code seen over a shoulder is dead once a later one has been used.
        """
        replayed = False
        for key in keys:
            step = step_of(key, code, now)
            if step is None:
                continue
            used = self.used_steps.get(key, [])
            if used and step <= max(used):
                replayed = True
                continue
            self.use_step(key, step)
            return OK
        return REPLAYED if replayed else WRONG

    def use_step(self, key: str, step: int) -> None:
        steps = self.used_steps.setdefault(key, [])
        steps.append(step)
        del steps[:-KEPT_STEPS]

    def _check_backup(self, state: MfaState, code: str) -> str:
        for index, unused in enumerate(state.backup_codes):
            if same(code, unused):
                state.used_backup_codes.append(state.backup_codes.pop(index))
                return OK
        return REPLAYED if any(same(code, used) for used in state.used_backup_codes) else WRONG

    # --- enrolling -----------------------------------------------------------------------
    def add_app(self, username: str, key: str, step: int, today: dt.date) -> bool:
        """Pair an app whose passcode at `step` was just typed; False when five are paired."""
        with self.lock:
            state = self.state(username)
            if len(state.apps) >= MAX_APPS:
                return False
            state.apps.append(key)
            state.added.append(today.isoformat())
            self.use_step(key, step)  # the pairing code is used: it cannot sign anyone in
            return True

    def remove_app(self, username: str, number: int) -> bool:
        """Unpair app `number` (1 for the oldest); False when there is no such app."""
        with self.lock:
            state = self.state(username)
            if not 1 <= number <= len(state.apps):
                return False
            del state.apps[number - 1]
            del state.added[number - 1]
            return True

    def new_codes(self, username: str) -> list[str]:
        """Ten new backup codes; the old ones stop working."""
        with self.lock:
            codes = new_backup_codes()
            state = self.state(username)
            state.backup_codes, state.used_backup_codes = list(codes), []
            return codes

    def skip(self, username: str) -> bool:
        """Use one skip; False when none is left."""
        with self.lock:
            state = self.state(username)
            if state.skips_left <= 0:
                return False
            state.skips_left -= 1
            return True
