"""One-time codes (suite/run/one_time_codes.py): no passcode and no backup code is used twice."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pyotp
import pytest

from suite.run import one_time_codes
from suite.run.one_time_codes import (
    APP,
    BACKUP_CODE,
    BACKUP_CODES_KEPT,
    Ledger,
    NotEnoughBackupCodes,
    OneTimeCodes,
    RealTime,
)
from suite.run.personas import Persona

KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
FILER = Persona("filer", "jdoe", "pw", totp_secret=KEY)


class FileClock:
    """A target clock every process of a test shares, as workers share one target: the time
    is a number in a file; moving it forward writes the file (as the mock's advance does)."""

    moved = "advanced"

    def __init__(self, path: Path) -> None:
        self.path = path

    def now(self) -> float:
        return float(self.path.read_text())

    def move_to(self, moment: float) -> None:
        self.set(max(moment, self.now()))

    def set(self, moment: float) -> None:
        # Whole files only: another process may be reading the clock.
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}")
        temporary.write_text(str(moment))
        os.replace(temporary, self.path)


@pytest.fixture
def clock(tmp_path: Path) -> FileClock:
    clock = FileClock(tmp_path / "clock")
    clock.set(1_800_000_010.0)  # 10 s into a 30 s step
    return clock


def codes(tmp_path: Path, clock: FileClock, target: str = "http://pacer-login") -> OneTimeCodes:
    return OneTimeCodes(Ledger(tmp_path / "ledger", target), clock)


def test_a_passcode_is_the_apps_code_of_the_current_step(tmp_path: Path, clock: FileClock) -> None:
    code, use = codes(tmp_path, clock).app_passcode(FILER)
    assert code == pyotp.TOTP(KEY).at(clock.now())
    assert use == one_time_codes.CodeUse("filer", APP)


def test_a_second_sign_in_in_the_same_step_moves_to_the_next_step(
    tmp_path: Path, clock: FileClock
) -> None:
    source = codes(tmp_path, clock)
    first, _ = source.app_passcode(FILER)
    second, use = source.app_passcode(FILER)
    assert second != first
    assert second == pyotp.TOTP(KEY).at(clock.now())
    assert use.moved == "advanced"
    assert 20 < use.seconds_moved <= 21 + one_time_codes.STEP_MARGIN_SECONDS
    # Later in a step of its own: nothing to move.
    clock.set(clock.now() + 60)
    assert codes(tmp_path, clock).app_passcode(FILER)[1].moved is None


def test_a_clock_set_back_never_brings_back_a_used_step(tmp_path: Path, clock: FileClock) -> None:
    """The mock's reset puts its clock back to real time and forgets the codes it accepted:
    the ledger remembers, so the suite never replays a code after a reset either."""
    source = codes(tmp_path, clock)
    used = {source.app_passcode(FILER)[0] for _ in range(3)}
    clock.set(1_800_000_010.0)  # the reset
    again, use = source.app_passcode(FILER)
    assert again not in used and use.moved == "advanced"


def test_personas_and_targets_have_ledgers_of_their_own(tmp_path: Path, clock: FileClock) -> None:
    other = Persona("clerk", "clerk01", "pw", totp_secret=KEY)
    source = codes(tmp_path, clock)
    source.app_passcode(FILER)
    assert source.app_passcode(other)[1].moved is None
    assert codes(tmp_path, clock, "http://another-target").app_passcode(FILER)[1].moved is None


def _sign_ins(folder: str, clock_file: str, count: int, out: multiprocessing.Queue[int]) -> None:
    source = OneTimeCodes(Ledger(Path(folder), "http://pacer-login"), FileClock(Path(clock_file)))
    for _ in range(count):
        source.app_passcode(FILER)
        out.put(int(FileClock(Path(clock_file)).now() // 30))


def test_two_workers_never_use_one_step(tmp_path: Path, clock: FileClock) -> None:
    """Two processes (as xdist workers) signing one persona in at once: every step once."""
    results: multiprocessing.Queue[int] = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(
            target=_sign_ins, args=(str(tmp_path / "ledger"), str(clock.path), 6, results)
        )
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
        assert worker.exitcode == 0
    ledger = Ledger(tmp_path / "ledger", "http://pacer-login")
    with ledger.locked(FILER, "last-step") as path:
        last = int(path.read_text())
    first = 1_800_000_010 // 30
    # 12 sign-ins took 12 consecutive steps: none shared, none skipped for nothing.
    assert last == first + 11


def test_waiting_for_a_real_portals_next_step_waits_real_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1_800_000_010.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    monkeypatch.setattr(one_time_codes.time, "time", lambda: now[0])
    monkeypatch.setattr(one_time_codes.time, "sleep", sleep)
    source = OneTimeCodes(Ledger(tmp_path, "https://qa-login.example"), RealTime())
    source.app_passcode(FILER)
    _, use = source.app_passcode(FILER)
    assert use.moved == "waited"
    assert slept == [pytest.approx(20 + one_time_codes.STEP_MARGIN_SECONDS)]


def test_backup_codes_are_used_once_each_in_order_and_never_the_last_ones(
    tmp_path: Path, clock: FileClock
) -> None:
    given = tuple(f"bk{n:02d}-code" for n in range(1, 6))
    persona = Persona("filer", "jdoe", "pw", backup_codes=given)
    source = codes(tmp_path, clock)
    taken = [source.backup_code(persona) for _ in range(len(given) - BACKUP_CODES_KEPT)]
    assert [code for code, _ in taken] == list(given[:3])
    assert [use.backup_code_number for _, use in taken] == [1, 2, 3]
    assert all(use.method == BACKUP_CODE for _, use in taken)
    with pytest.raises(NotEnoughBackupCodes, match="has 2 unused backup code"):
        source.backup_code(persona)
    # A later run on this machine knows which are spent; the ledger holds no code itself.
    assert codes(tmp_path, clock).backup_codes_left(persona) == BACKUP_CODES_KEPT
    written = b"".join(p.read_bytes() for p in (tmp_path / "ledger").iterdir())
    assert not any(code.encode() in written for code in given)


def test_a_run_is_refused_when_a_persona_signing_in_by_backup_codes_has_too_few(
    tmp_path: Path, clock: FileClock
) -> None:
    few = Persona("clerk", "clerk01", "pw", backup_codes=("one-code-aa", "two-code-bb"))
    with_app = Persona("filer", "jdoe", "pw", totp_secret=KEY, backup_codes=("x-code-01",))
    problems = codes(tmp_path, clock).check_backup_codes({"clerk": few, "filer": with_app})
    assert problems == [
        "persona 'clerk' has 2 unused backup code(s) of the 2 in CIT_FAQ_CLERK_BACKUP_CODES, "
        "and the suite keeps the last 2 for a person to sign in and get new ones ('Get New "
        "Codes'): give new codes, or the authentication app's key in CIT_FAQ_CLERK_TOTP_SECRET "
        "(docs/mfa.md 'Signing in with MFA')"
    ]


def test_the_state_folder_is_chosen_by_variable_else_xdg(tmp_path: Path) -> None:
    assert one_time_codes.state_dir({"CIT_FAQ_STATE_DIR": str(tmp_path)}) == tmp_path
    assert one_time_codes.state_dir({"XDG_STATE_HOME": "/x"}) == Path("/x/cit-faq-acceptance")


def test_after_the_mocks_reset_the_clock_catches_up_so_no_sign_in_jumps_far(
    tmp_path: Path, clock: FileClock
) -> None:
    """Without catching up, each sign-in after a reset would advance the clock one step more
    than the last: past the mock's ten-minute life of a half-done sign-in, in a long run."""
    source = codes(tmp_path, clock)
    for _ in range(30):  # 30 scenarios, each reset, each signing the filer in
        clock.set(1_800_000_010.0)  # the reset: back to real time, which hardly moved
        source.catch_up()
        _, use = source.app_passcode(FILER)
        assert use.seconds_moved <= 30 + one_time_codes.STEP_MARGIN_SECONDS
