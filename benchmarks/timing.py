"""A pytest plugin for the benchmark: per-test phase times, step times, and repetition.

Loaded with `-p benchmarks.timing` by benchmarks/bench.py (never by the suite itself):

    --bench-timings PATH   write, at the end of the run, every test's setup, call and
                           teardown seconds (from pytest's own reports), its outcome, the
                           worker that ran it, its pytest-bdd step seconds and the seconds
                           of each per-test fixture's setup, as JSON
    --bench-repeat N       run each selected test N times (as pytest-repeat does: a
                           parametrization, so each repetition is a test of its own)

Each test also records where it ran: the xdist worker, the process id and the URLs of the
target (the worker's embedded mock). Under pytest-xdist the controller writes the file: it
receives every worker's reports, and the step and fixture times travel in them as user
properties.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

REPETITION = "_bench_repetition"
STEP_TIMES = "bench_step_seconds"
WHERE = "bench_where"
FIXTURE_TIMES = "bench_fixture_seconds"
RESULTS = pytest.StashKey[dict[str, dict[str, Any]]]()
STEPS = pytest.StashKey[dict[str, list[tuple[str, float]]]]()
FIXTURES = pytest.StashKey[dict[str, dict[str, float]]]()
STARTED = pytest.StashKey[float]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("bench", "benchmark timing (benchmarks/timing.py)")
    group.addoption("--bench-timings", metavar="PATH", help="write per-test timings as JSON")
    group.addoption("--bench-repeat", type=int, default=1, metavar="N", help="run tests N times")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[RESULTS] = {}
    config.stash[STEPS] = {}
    config.stash[FIXTURES] = {}
    config.stash[STARTED] = time.perf_counter()
    if config.getoption("bench_timings") and not hasattr(config, "workerinput"):
        config.pluginmanager.register(Collector(config), "bench-timing-collector")


@pytest.fixture
def _bench_repetition(request: pytest.FixtureRequest) -> int:
    return int(request.param)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    count = int(metafunc.config.getoption("bench_repeat"))
    if count > 1:
        metafunc.fixturenames.append(REPETITION)
        metafunc.parametrize(REPETITION, range(count), indirect=True, ids=lambda n: f"rep{n}")


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(
    fixturedef: pytest.FixtureDef[Any], request: pytest.FixtureRequest
) -> Generator[None, Any, Any]:
    started = time.perf_counter()
    try:
        return (yield)
    finally:
        if fixturedef.scope == "function":
            spent = time.perf_counter() - started
            times = request.config.stash[FIXTURES].setdefault(request.node.nodeid, {})
            times[fixturedef.argname] = times.get(fixturedef.argname, 0.0) + spent


def pytest_bdd_before_step(request: pytest.FixtureRequest, step: Any) -> None:
    request.config.stash[STEPS].setdefault(request.node.nodeid, []).append(
        (step.name, -time.perf_counter())
    )


def pytest_bdd_after_step(request: pytest.FixtureRequest, step: Any) -> None:
    steps = request.config.stash[STEPS].get(request.node.nodeid)
    if steps and steps[-1][1] < 0:
        name, negative_start = steps[-1]
        steps[-1] = (name, time.perf_counter() + negative_start)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "teardown":
        # Per-process data rides with the report to the xdist controller.
        steps = item.config.stash[STEPS].pop(item.nodeid, [])
        fixtures = item.config.stash[FIXTURES].pop(item.nodeid, {})
        report.user_properties.append((STEP_TIMES, [[n, max(s, 0.0)] for n, s in steps]))
        report.user_properties.append((FIXTURE_TIMES, fixtures))
        report.user_properties.append((WHERE, where(item)))
    return report


def where(item: pytest.Item) -> dict[str, Any]:
    """The process that ran the test, and the target it ran against (the mock's URLs)."""
    target = getattr(item, "funcargs", {}).get("target")
    return {
        "worker": os.environ.get("PYTEST_XDIST_WORKER", "main"),
        "pid": os.getpid(),
        "urls": dict(getattr(target, "urls", {}) or {}),
    }


class Collector:
    """Gathers the reports of every test in the process that writes the file."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        entry = self.config.stash[RESULTS].setdefault(
            report.nodeid,
            {"setup": 0.0, "call": 0.0, "teardown": 0.0, "outcome": "passed", "worker": None},
        )
        entry[report.when] = report.duration
        if report.when == "setup":
            entry["start"] = report.start  # epoch seconds, on the worker's (same) clock
        gateway = getattr(getattr(report, "node", None), "gateway", None)  # xdist controller
        entry["worker"] = getattr(gateway, "id", None) or "main"
        if report.failed:
            entry["outcome"] = "failed"
        elif report.skipped and entry["outcome"] == "passed":
            entry["outcome"] = "skipped"
        for name, value in report.user_properties:
            if name == STEP_TIMES:
                entry["steps"] = value
            elif name == FIXTURE_TIMES:
                entry["fixtures"] = value
            elif name == WHERE:
                entry["where"] = value

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        data = {
            "session_seconds": time.perf_counter() - self.config.stash[STARTED],
            "tests": self.config.stash[RESULTS],
        }
        Path(self.config.getoption("bench_timings")).write_text(json.dumps(data, indent=1))


def total(entry: dict[str, Any]) -> float:
    """A test's own time: its setup, call and teardown."""
    return float(entry["setup"] + entry["call"] + entry["teardown"])
