"""One-time passcodes for PACER's multifactor authentication: never one used twice.

Real PACER refuses a passcode it has already accepted, so two sign-ins of one persona in the
same 30-second step would collide: two xdist workers, two shards, a reused sign-in and a
scenario about signing in. So:

- Per target and persona, a ledger file holds the last 30-second step whose passcode a
  sign-in of this run (or of this machine) used. A sign-in takes the current step only if it
  is after that one, under an exclusive lock on the file, so workers queue for it. Never a
  step at or before the last one used: conservative, whatever window the target accepts.
- When the current step is already used, the next one is waited for: on a real target in
  real time, on the mock by advancing its clock through the control API (and counted).
- Shards on separate machines share no ledger: when the target says a passcode was already
  used, the sign-in marks that step and tries once more with the next (steps/second_factor.py).
- The mock forgets the codes it accepted when it is reset before each scenario; the ledger
  does not, so a run stays as careful with the mock as with a real portal.

Backup codes are consumable for good on a real portal: they are used only when a persona has
no authentication-app key, each at most once (the ledger keeps a hash of each used one, never
the code), and the last BACKUP_CODES_KEPT are never used: they are for a person to sign in
and get new ones ("Get New Codes").

The ledger lives in a folder every worker of a run shares: the run's temporary folder against
the embedded mock (its state ends with the run), else a state folder of this machine
(CIT_FAQ_STATE_DIR, default ~/.local/state/cit-faq-acceptance), so that consecutive runs
against a real portal coordinate too.
"""

from __future__ import annotations

import fcntl
import hashlib
import math
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyotp

from suite.run import secrets
from suite.run.mock_control import MockControl
from suite.run.personas import TOTP_INTERVAL, Persona, variable_name

STATE_DIR_VARIABLE = "CIT_FAQ_STATE_DIR"
# A sign-in that had to move to a new step starts this far into it, so that the code is not
# about to change while it is typed (the real clock and the target's may differ a little).
STEP_MARGIN_SECONDS = 1.0
# Backup codes never used by the suite: a person needs one to sign in and get new codes.
BACKUP_CODES_KEPT = 2
APP, BACKUP_CODE = "authentication app", "backup code"


class TargetClock(Protocol):
    """The clock the target computes passcodes with."""

    moved: str  # what moving it to a new step is called in the run's figures

    def now(self) -> float: ...

    def move_to(self, moment: float) -> None:
        """Return once the target's clock is at `moment` or later."""


class RealTime:
    """A real portal's clock: the wall clock of this machine."""

    moved = "waited"

    def now(self) -> float:
        return time.time()

    def move_to(self, moment: float) -> None:
        # The one place in the suite where waiting for time itself is right: a new passcode
        # exists only once the target's clock reaches the next 30-second step, and no page or
        # event says so sooner. It is not a sleep standing in for something happening.
        time.sleep(max(0.0, moment - time.time()))


class MockClock:
    """The mock's clock (GET /_mock/clock), which its control API can move forward."""

    moved = "advanced"

    def __init__(self, control: MockControl) -> None:
        self.control = control

    def now(self) -> float:
        return self.control.clock_now()

    def move_to(self, moment: float) -> None:
        ahead = moment - self.now()
        if ahead > 0:
            self.control.advance_clock(ahead)


@dataclass(frozen=True)
class CodeUse:
    """How one sign-in got past the passcode page: shown in the reports, counted in the run."""

    persona: str
    method: str  # APP or BACKUP_CODE
    moved: str | None = None  # "waited" or "advanced" when the step in hand was already used
    seconds_moved: float = 0.0  # how far the clock was moved (real seconds when waited)
    backup_code_number: int | None = None  # its place in the persona's list, from 1


class NotEnoughBackupCodes(Exception):
    """The persona's unused backup codes are down to those kept for a person."""


def state_dir(environ: dict[str, str] | None = None) -> Path:
    environ = dict(os.environ) if environ is None else environ
    chosen = environ.get(STATE_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    base = environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "cit-faq-acceptance"


class Ledger:
    """Files under `folder`, one set per (target, persona), each read and changed under lock."""

    def __init__(self, folder: Path, target: str) -> None:
        self.folder = folder
        self.target = target

    def _file(self, persona: Persona, kind: str) -> Path:
        name = hashlib.sha256(f"{self.target}\n{persona.username}".encode()).hexdigest()[:24]
        return self.folder / f"{name}.{kind}"

    @contextmanager
    def locked(self, persona: Persona, kind: str) -> Iterator[Path]:
        """The ledger file of this kind, held exclusively (other workers wait) while in use."""
        path = self._file(persona, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path.with_name(path.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield path
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


class OneTimeCodes:
    """The passcodes and backup codes of every persona, for one process of a run."""

    def __init__(self, ledger: Ledger, clock: TargetClock) -> None:
        self.ledger = ledger
        self.clock = clock
        self.latest_step: int | None = None  # the latest step this process used, any persona

    def catch_up(self) -> None:
        """After the mock's reset, which puts its clock back to real time: move it to the
        latest step this process used, as real time would have. Without it, every later
        sign-in would advance the clock further (one step per sign-in before it), past the
        mock's ten-minute life of a half-done sign-in on a fast machine."""
        if self.latest_step is not None:
            self.clock.move_to(self.latest_step * TOTP_INTERVAL + STEP_MARGIN_SECONDS)

    # -- the authentication app ---------------------------------------------------------
    def app_passcode(self, persona: Persona) -> tuple[str, CodeUse]:
        """The app's passcode for a step no sign-in of this persona has used yet."""
        assert persona.totp_secret, f"persona {persona.key!r} has no authentication-app key"
        totp = pyotp.TOTP(persona.totp_secret)
        with self.ledger.locked(persona, "last-step") as path:
            last = int(_read(path) or -1)
            now = self.clock.now()
            step = math.floor(now / TOTP_INTERVAL)
            moved, seconds = None, 0.0
            if step <= last:
                moment = (last + 1) * TOTP_INTERVAL + STEP_MARGIN_SECONDS
                seconds = moment - now
                self.clock.move_to(moment)
                moved = self.clock.moved
                step = math.floor(self.clock.now() / TOTP_INTERVAL)
                if step <= last:  # a clock that did not move: say so rather than replay
                    raise RuntimeError(
                        f"the target's clock stayed in step {step} after moving to {moment:.0f}"
                    )
            path.write_text(str(step), encoding="utf-8")
        self.latest_step = max(step, self.latest_step or step)
        code = totp.at(step * TOTP_INTERVAL)
        secrets.register(code)
        return code, CodeUse(persona.key, APP, moved, max(seconds, 0.0))

    # -- backup codes --------------------------------------------------------------------
    def backup_codes_left(self, persona: Persona) -> int:
        with self.ledger.locked(persona, "backup-used") as path:
            used = set(_read(path).split())
        return sum(_digest(code) not in used for code in persona.backup_codes)

    def backup_code(self, persona: Persona) -> tuple[str, CodeUse]:
        """The persona's next backup code that no sign-in has used, marked used at once (a
        code typed is spent, whatever happens next); never one of the last ones kept."""
        with self.ledger.locked(persona, "backup-used") as path:
            used = set(_read(path).split())
            unused = [
                (number, code)
                for number, code in enumerate(persona.backup_codes, start=1)
                if _digest(code) not in used
            ]
            if len(unused) <= BACKUP_CODES_KEPT:
                raise NotEnoughBackupCodes(too_few_backup_codes(persona, len(unused)))
            number, code = unused[0]
            with path.open("a", encoding="utf-8") as ledger:
                ledger.write(_digest(code) + "\n")
        return code, CodeUse(persona.key, BACKUP_CODE, backup_code_number=number)

    def check_backup_codes(self, personas: dict[str, Persona]) -> list[str]:
        """Before a run: the personas that would sign in with backup codes and have too few."""
        problems = []
        for persona in personas.values():
            if persona.totp_secret or not persona.backup_codes:
                continue
            left = self.backup_codes_left(persona)
            if left <= BACKUP_CODES_KEPT:
                problems.append(too_few_backup_codes(persona, left))
        return problems


def wrong_passcode(persona: Persona, now: float) -> str:
    """Six digits that are not the app's code for any step near `now`: a wrong passcode."""
    assert persona.totp_secret
    totp = pyotp.TOTP(persona.totp_secret)
    near = {totp.at(now + offset * TOTP_INTERVAL) for offset in range(-3, 4)}
    wrong = next(f"{n:06d}" for n in range(0, 1_000_000, 7919) if f"{n:06d}" not in near)
    secrets.register(wrong)  # as close to a real passcode as a mistake can be
    return wrong


def ledger_of(pacer_login_url: str) -> Ledger:
    """A real portal's ledger (or a separately started mock's): on this machine."""
    return Ledger(state_dir() / "one-time-codes", pacer_login_url)


def too_few_backup_codes(persona: Persona, left: int) -> str:
    return (
        f"persona {persona.key!r} has {left} unused backup code(s) of the "
        f"{len(persona.backup_codes)} in {variable_name(persona.key, 'backup_codes')}, and the "
        f"suite keeps the last {BACKUP_CODES_KEPT} for a person to sign in and get new ones "
        f"('Get New Codes'): give new codes, or the authentication app's key in "
        f"{variable_name(persona.key, 'totp_secret')} (docs/mfa.md 'Signing in with MFA')"
    )
