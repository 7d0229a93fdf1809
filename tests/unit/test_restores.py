"""suite.run.restores: restores run last first, each failure in one line, and a failure stops the
run's destructive scenarios (no browser, no mock)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from suite.run.restores import FAILED, Restores, pytest_runtest_setup


def test_restores_run_last_registered_first_and_a_failure_does_not_stop_the_others() -> None:
    done: list[str] = []

    def broken() -> None:
        raise AssertionError("CM/ECF account jdoe-ecf is still linked\nCall log: …")

    restores = Restores()
    restores.add("unlink the first", lambda: done.append("first"))
    restores.add("unlink jdoe-ecf", broken, by_hand="court staff unlink jdoe-ecf")
    restores.add("put the password back", lambda: done.append("password"))
    failures = restores.run()
    assert done == ["password", "first"]
    assert failures == [
        "could not unlink jdoe-ecf: AssertionError: CM/ECF account jdoe-ecf is still linked; "
        "put it back by hand: court staff unlink jdoe-ecf"
    ]
    assert restores.pending == [] and restores.run() == []  # each runs once


def test_a_discarded_restore_does_not_run() -> None:
    done: list[str] = []
    restores = Restores()
    kept = restores.add("kept", lambda: done.append("kept"))
    dropped = restores.add("dropped", lambda: done.append("dropped"))
    restores.discard(dropped)
    restores.discard(dropped)  # twice is harmless
    assert restores.pending == [kept]
    assert restores.run() == [] and done == ["kept"]


def fake_item(*markers: str, failed: list[str] | None = None) -> Any:
    stash = pytest.Stash()
    if failed is not None:
        stash[FAILED] = failed
    return SimpleNamespace(
        config=SimpleNamespace(stash=stash),
        get_closest_marker=lambda name: object() if name in markers else None,
    )


def test_after_a_failed_restore_the_destructive_scenarios_skip_with_its_reason() -> None:
    item = fake_item("destructive", failed=["could not unlink jdoe-ecf: …"])
    with pytest.raises(pytest.skip.Exception) as skipped:
        pytest_runtest_setup(item)
    assert str(skipped.value) == (
        "not run: a restore failed earlier in this run, so the destructive part of the run "
        "stopped (could not unlink jdoe-ecf: …)"
    )


@pytest.mark.parametrize(
    "item",
    [fake_item("destructive", failed=[]), fake_item("destructive"), fake_item(failed=["x"])],
    ids=["no restore failed", "no restore ran", "a scenario that is not destructive"],
)
def test_otherwise_every_scenario_runs(item: Any) -> None:
    pytest_runtest_setup(item)  # no skip
