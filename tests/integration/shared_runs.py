"""Nested runs that several tests read: each runs once per pytest process, and is read by name.

A test says which run it reads with a marker, and gets the run's result from the fixture:

    @pytest.mark.nested_run("suite, serial, separate mock")
    def test_something(nested_run: SharedSuiteRun) -> None:
        assert nested_run.run.failed == []

The run starts when the first test that reads it needs it, and is kept for the others. Under
pytest-xdist with `--dist loadgroup` (as `make test` runs), every test reading one run is put
in one xdist group (tests/conftest.py), so one worker runs it once. A new shared run is a
function registered here with @shared_run("its name"): it gets a fresh folder and returns
what its tests read.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.integration.mutants import MutantResults, run_mutants
from tests.integration.runner import (
    REPO,
    SuiteRun,
    clean_environment,
    run_suite,
    separate_mock,
    url_options,
)

RUNS: dict[str, Callable[[Path], Any]] = {}


def shared_run(name: str) -> Callable[[Callable[[Path], Any]], Callable[[Path], Any]]:
    def register(function: Callable[[Path], Any]) -> Callable[[Path], Any]:
        assert name not in RUNS, f"two shared runs are named {name!r}"
        RUNS[name] = function
        return function

    return register


def group_of(item: pytest.Item) -> str | None:
    """The xdist group of a test that reads a shared run: the run's name."""
    marker = item.get_closest_marker("nested_run")
    if marker is None:
        return None
    (name,) = marker.args
    assert name in RUNS, f"{item.nodeid}: no shared run is named {name!r}; known: {sorted(RUNS)}"
    return f"nested run: {name}"


class SharedRuns:
    """This process's shared runs, each started on first use; a run that raised raises again
    for every test that reads it."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self.factory = factory
        self.done: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        if name not in self.done:
            workdir = self.factory.mktemp(
                "shared-" + "".join(c if c.isalnum() else "-" for c in name)
            )
            try:
                self.done[name] = RUNS[name](workdir)
            except Exception as error:  # kept, so each reader says why
                self.done[name] = error
        result = self.done[name]
        if isinstance(result, Exception):
            raise result
        return result


@pytest.fixture(scope="session")
def shared_runs(tmp_path_factory: pytest.TempPathFactory) -> SharedRuns:
    return SharedRuns(tmp_path_factory)


@pytest.fixture
def nested_run(request: pytest.FixtureRequest, shared_runs: SharedRuns) -> Any:
    """The result of the shared run this test's nested_run marker names."""
    marker = request.node.get_closest_marker("nested_run")
    assert marker is not None, "mark the test @pytest.mark.nested_run('<name>')"
    return shared_runs.get(marker.args[0])


# -- the shared runs ---------------------------------------------------------------------------
@dataclass
class SharedSuiteRun:
    """A run of the FAQ suite: its SuiteRun, its folder (results.json, junit.xml) and the
    per-test records of benchmarks/timing.py (outcome, where it ran)."""

    run: SuiteRun
    workdir: Path
    urls: dict[str, str]
    timings: dict[str, dict[str, Any]]

    def check_passed(self, names: Iterable[str]) -> None:
        """Each test whose name starts with one of `names` ran, and every one of them passed:
        against the intact mock, the scenarios a mutant breaks (so its red means "this
        broke", not "all broke")."""
        outcomes = {nodeid.split("::", 1)[1]: t["outcome"] for nodeid, t in self.timings.items()}
        for name in sorted(set(names)):
            ran = {test: outcome for test, outcome in outcomes.items() if test.startswith(name)}
            assert ran, f"{name} did not run against the intact mock\n{self.run.output[-3000:]}"
            assert set(ran.values()) == {"passed"}, (ran, self.run.output[-3000:])


@shared_run("suite, serial, separate mock")
def suite_serially_against_a_separate_mock(workdir: Path) -> SharedSuiteRun:
    """Every scenario, serially, against `python -m mock_site --test-mode` in its own process,
    with the audits failing on any violation and each test's outcome and place recorded.
    Read by: a separately started mock is a full target; -n 2 gives the serial results; every
    page state has no axe-core violation."""
    timings = workdir / "timings.json"
    with separate_mock("--test-mode") as urls:
        run = run_suite(
            workdir, *url_options(urls), "--a11y=fail",
            "-p", "benchmarks.timing", f"--bench-timings={timings}",
        )  # fmt: skip
    tests = json.loads(timings.read_text())["tests"] if timings.exists() else {}
    return SharedSuiteRun(run, workdir, urls, tests)


# Two runs, not one: each is mostly waiting (the time-outs its mutants provoke), and two
# xdist workers run them side by side (one run of both took 307 s of make test's 9 minutes).
# The mutant runs audit nothing (--a11y=off): a mutant is caught by the scenarios' own checks,
# never by an axe-core violation it happens to cause (a must-fail scenario that failed on one
# would count as caught), and the mock's pages are audited by "suite, serial, separate mock".
@shared_run("mock mutants")
def mock_mutants(workdir: Path) -> MutantResults:
    """Every mutant of test_breakage_is_caught, one child run (and one for each whole-run
    mutant)."""
    return run_mutants(
        workdir, ("tests.integration.test_breakage_is_caught:MUTATIONS",), "--a11y=off"
    )


@shared_run("relaxation mutants")
def relaxation_mutants(workdir: Path) -> MutantResults:
    """Every mutant of test_relaxations_are_caught: a child run per dialect they break."""
    return run_mutants(
        workdir, ("tests.integration.test_relaxations_are_caught:RELAXATIONS",), "--a11y=off"
    )


@shared_run("keyboard mutants")
def keyboard_mutants(workdir: Path) -> MutantResults:
    """The keyboard feature's mutants: the keyboard steps, not axe, must see each breakage."""
    return run_mutants(
        workdir, ("tests.integration.test_keyboard_breakage:MUTATIONS",), "--a11y=off"
    )


def collected(*args: str) -> list[str]:
    """The node ids of the acceptance tests a child `pytest --collect-only <args>` selects."""
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    child = subprocess.run(
        [*command, "tests/acceptance", *args],
        cwd=REPO,
        env=clean_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in child.stdout.splitlines() if line.startswith("tests/acceptance/")]


@shared_run("acceptance collection")
def acceptance_collection(workdir: Path) -> list[str]:
    """The node ids of every acceptance test."""
    return collected()
