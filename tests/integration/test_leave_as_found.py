"""A target without the control API is left as the run found it (docs/targets.md
"Leaving a real portal as it was").

The mock runs in this process with its control API off, as `python -m mock_site` without
--test-mode would: the suite takes it for a real portal (no reset, personas from CIT_FAQ_*
variables), while this test reads every persona's state straight from the mock's store,
before and after, without re-enabling the control API.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest

from mock_site.personas import PERSONAS
from mock_site.server import start_mock
from mock_site.store import Store
from tests.integration.runner import (
    clean_environment,
    run_suite,
    seeded_persona_variables,
    url_options,
)

pytestmark = pytest.mark.slow

DESTRUCTIVE_RUN = (
    "--allow-destructive",
    "--allow-wrong-passwords",
    # Every scenario that changes a persona, in random order: each starts by checking the
    # state the one before it had to put back. One keyboard example of three (the other two
    # link and restore the same way).
    "-m",
    "destructive",
    "-k",
    "not 320 and not zoomed",
    "-p",
    "randomly",
)


def persona_states(store: Store) -> dict[str, Any]:
    """Every persona's state as the mock holds it: its PACER account's fields (whether its
    seeded password still opens it, not the salted hash), and each of its CM/ECF accounts'
    link."""
    states: dict[str, Any] = {}
    with store.lock:
        for seed in PERSONAS:
            account = dataclasses.asdict(store.accounts[seed.username])
            del account["password_hash"]
            account["seeded password opens it"] = (
                store.check_pacer(seed.username, seed.password) is not None
            )
            ecf = [e for e in (seed.ecf, seed.wrong_ecf) if e is not None]
            account["CM/ECF links"] = {e.login: store.ecf_accounts[e.login].linked_to for e in ecf}
            states[seed.key] = account
    return states


# On a real clock, a persona that signs in twice within PACER's 30-second step waits for the
# next one (a passcode is never used twice): most of a destructive run's time with MFA. The
# default dialect's run shows the restores signing in through MFA; the alt dialect's shows its
# profile's restores, and the failed restore its one line, on a date before PACER's MFA.
BEFORE_MFA = dt.date(2025, 5, 10)


@pytest.mark.parametrize(
    ("dialect", "today"), [("default", None), ("alt", BEFORE_MFA)], ids=["default", "alt"]
)
def test_a_destructive_run_in_random_order_leaves_every_persona_as_it_was(
    tmp_path: Path, dialect: str, today: dt.date | None
) -> None:
    seed = random.randrange(1, 10**6)
    profile = ["--profile", "alt"] if dialect == "alt" else []
    # Feature 11's scenarios are about the passcode page, which a date before MFA lacks.
    marks = ["-m", "destructive and not mfa"] if today == BEFORE_MFA else []
    with start_mock(test_mode=False, dialect=dialect, today=today) as mock:
        before = persona_states(mock.store)
        run = run_suite(
            tmp_path,
            *url_options(mock.urls),
            *profile,
            *DESTRUCTIVE_RUN,
            *marks,
            f"--randomly-seed={seed}",
            environ=clean_environment(**seeded_persona_variables()),
        )
        after = persona_states(mock.store)
        subjects = [email.subject for email in mock.store.outbox]
    again = f"(random order: --randomly-seed={seed})"
    assert run.returncode == 0 and run.failed == [], f"{again}\n{run.output[-4000:]}"
    # Every destructive scenario ran: only those that need the mock's control API, or a
    # page the target lacks, may skip.
    assert all(
        "control API" in reason or reason.startswith("not applicable on this target")
        for reason in run.skipped.values()
    ), run.skipped
    assert run.passed >= 7, f"only {run.passed} passed {again}"
    assert after == before, f"personas changed by the run {again}"
    # The mock emails the filer on each link and each unlink: accounts were linked, and as
    # many times unlinked (by the court staff's page, the restores' way).
    linked = [s for s in subjects if "unlinked" not in s]
    unlinked = [s for s in subjects if "unlinked" in s]
    assert len(linked) >= 4 and len(unlinked) == len(linked), subjects


def test_a_failed_restore_stops_the_destructive_part_and_a_changed_persona_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with start_mock(test_mode=False, today=BEFORE_MFA) as mock:
        store = mock.store
        # A mutant CM/ECF whose unlink says it unlinked and does not: the restore's proof
        # (the account looked up again) finds it still linked.
        monkeypatch.setattr(store, "unlink", lambda login: store.ecf_accounts[login].linked_to)
        run = run_suite(
            tmp_path,
            *url_options(mock.urls),
            "--allow-destructive",
            "-p",
            "no:randomly",
            # Two destructive scenarios that link the filer, and a non-destructive one that
            # needs the filer unlinked (collected after the first of them).
            "-k",
            "linking_the_cmecf_account_from_the_utilities_menu or cancelling_on_the_verification"
            " or right_after_linking",
            environ=clean_environment(**seeded_persona_variables()),
        )
    output = run.output[-4000:]
    assert run.tests == 3, output
    destructive = {
        "test_linking_the_cmecf_account_from_the_utilities_menu",
        "test_right_after_linking_the_filer_signs_out_and_back_in_with_the_pacer_login_only",
    }
    # The first destructive scenario is reported as an error at its teardown (never as
    # passed), in one line: what could not be put back, why, and how to do it by hand.
    (first,) = destructive & set(run.failed)
    restore_failed = (
        "could not have court staff unlink CM/ECF account jdoe-ecf from PACER account jdoe2020: "
        "AssertionError: CM/ECF account jdoe-ecf is still linked after the unlink; put it back "
        "by hand: sign in to CM/ECF as court staff (persona 'clerk'), open "
    )
    assert restore_failed in output, output
    # The other is skipped, with that reason: the destructive part of the run has stopped.
    (second,) = destructive - {first}
    assert run.skipped.get(second, "").startswith(
        "not run: a restore failed earlier in this run, so the destructive part of the run "
        "stopped (" + restore_failed
    ), run.skipped
    # The non-destructive scenario that needs the filer unlinked stops at its Given, in one
    # line saying what is wrong and how to put it right.
    assert "test_cancelling_on_the_verification_page_links_nothing" in run.failed, output
    assert (
        "persona 'filer' (upgraded individual PACER account with an unlinked CM/ECF account, "
        "PACER account jdoe2020) must start with its CM/ECF account unlinked, but CM/ECF's menu "
        "bar shows Civil beside Query, Reports, Utilities, Help, Log Out: it is linked (left so "
        "by an earlier run?); to put it right, court staff unlink it, as the FAQ says: persona "
        "'clerk' on http://"
    ) in output, output
