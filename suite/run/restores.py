"""Leave a real portal as the run found it: what a scenario changes, it puts back.

A real portal has no control API and no reset. So a step that changes a persona's account
registers, in one line, how to put it back, before it makes the change:

    restores.add("court staff unlink CM/ECF account jdoe-ecf", unlink, by_hand="...")

`what` says what the restore does, `action` does it (a callable with no arguments, raising
when it cannot), `by_hand` tells a person how to do it when the suite could not. The steps'
own restores (unlink through the court staff's page, put a password back) are in
steps/account_state.py, with a browser of their own for the restore to work in.

After the scenario, passed or failed, its restores run, the last registered first. Against
a mock with its control API they do not run: the mock's reset before each scenario puts
everything back. A restore that fails fails the scenario's teardown (reported as an error,
never as passed) with one line per restore: what could not be put back, why, and how to do
it by hand. The run's remaining @destructive scenarios then skip with that reason: the
destructive part of the run stops rather than build on a portal left changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from suite.run.mock_control import MockControl
from suite.run.state import EXTERNAL_IS_MOCK, PLAN

# The restores that failed in this run (worker), one line each.
FAILED = pytest.StashKey[list[str]]()


@dataclass
class Restore:
    what: str  # "court staff unlink CM/ECF account jdoe-ecf from PACER account jdoe2020"
    action: Callable[[], None]
    by_hand: str = ""  # how a person puts it back when the suite could not

    def failure(self, error: BaseException) -> str:
        """One line: what could not be put back, why, and how to do it by hand."""
        why = next((line.strip() for line in str(error).splitlines() if line.strip()), "")
        line = f"could not {self.what}: {type(error).__name__}: {why}"
        return f"{line}; put it back by hand: {self.by_hand}" if self.by_hand else line


@dataclass
class Restores:
    """The scenario's restores, in the order registered."""

    pending: list[Restore] = field(default_factory=list)

    def add(self, what: str, action: Callable[[], None], by_hand: str = "") -> Restore:
        """Register how to put back a change, before making it (so that a step failing
        half-way still leaves its restore behind)."""
        restore = Restore(what, action, by_hand)
        self.pending.append(restore)
        return restore

    def discard(self, restore: Restore) -> None:
        """The change did not happen after all (say, CM/ECF refused to link)."""
        if restore in self.pending:
            self.pending.remove(restore)

    def run(self) -> list[str]:
        """Run every restore, last registered first; the failures, one line each. One
        failure does not stop the others: each puts back what it can."""
        failures = []
        while self.pending:
            restore = self.pending.pop()
            try:
                restore.action()
            except Exception as error:  # any failure is reported, none stops the rest
                failures.append(restore.failure(error))
        return failures


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    if PLAN not in config.stash or not config.getoption("allow_destructive"):
        return
    real = "ecf" in config.stash[PLAN].urls and not config.stash[EXTERNAL_IS_MOCK]
    if real and getattr(config.option, "numprocesses", None):
        # Two workers would link and unlink the same personas at once, each breaking the
        # state the other's scenario checked.
        raise pytest.UsageError(
            "--allow-destructive against a target without the mock's control API runs "
            "serially: destructive scenarios change the personas' accounts that every worker "
            "shares; leave out -n"
        )


def pytest_runtest_setup(item: pytest.Item) -> None:
    failed = item.config.stash.get(FAILED, [])
    if failed and item.get_closest_marker("destructive"):
        pytest.skip(
            f"not run: a restore failed earlier in this run, so the destructive part of the "
            f"run stopped ({failed[0]})"
        )


@pytest.fixture
def restores(request: pytest.FixtureRequest, mock: MockControl | None) -> Iterator[Restores]:
    """How to put back what this scenario changes; run after it on a target without the
    mock's control API (see the module's docstring)."""
    registered = Restores()
    yield registered
    if mock is not None:
        return  # the mock's reset before the next scenario puts everything back
    failures = registered.run()
    if failures:
        request.config.stash.setdefault(FAILED, []).extend(failures)
        pytest.fail(
            " | ".join(failures) + " (the run's remaining @destructive scenarios are skipped)",
            pytrace=False,
        )
