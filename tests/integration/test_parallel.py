"""`pytest -n 2` gives the serial results, and each worker has a mock of its own.

The scenarios run in child pytests, serially (the shared run "suite, serial, separate mock",
which other tests read too) and with `-n 2`; each must have the same outcome in both.
benchmarks/timing.py (loaded into the children) records where each test ran: the xdist
worker, its process and its target's URLs, which shows that each worker drove its own
embedded mock.

The `-n 2` run takes the scenarios whose outcome two workers could change: those that change
a persona (destructive; a wrong password, which counts towards a lockout) and those that sign
in with a passcode (the ledger of used passcodes is one file both workers share). Every
scenario under pytest-xdist is the FAQ suite's own run in `make test` (tests/acceptance, in
`make test`'s workers, each with its embedded mock) and CI's acceptance job: a second run of
all 80 here cost make test about 105 CPU seconds of its 1,100 (2026-12-07).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.integration.runner import SuiteRun, run_suite
from tests.integration.shared_runs import SharedSuiteRun, collected

pytestmark = pytest.mark.slow

# The scenarios whose outcome two workers could change (above): 27 of the 80 (2026-12-07).
WORKERS_COULD_CHANGE = ("-m", "destructive or wrong_password or mfa")


def _run(workdir: Path, *args: str) -> tuple[SuiteRun, dict[str, dict[str, Any]]]:
    workdir.mkdir()
    timings = workdir / "timings.json"
    run = run_suite(workdir, "-p", "benchmarks.timing", f"--bench-timings={timings}", *args)
    assert timings.exists(), run.output[-3000:]
    tests: dict[str, dict[str, Any]] = json.loads(timings.read_text())["tests"]
    return run, tests


@pytest.mark.nested_run("suite, serial, separate mock")
def test_two_workers_give_the_serial_results_each_with_its_own_mock(
    tmp_path: Path, nested_run: SharedSuiteRun
) -> None:
    serial, serial_tests = nested_run.run, nested_run.timings
    parallel, parallel_tests = _run(tmp_path / "parallel", "-n", "2", *WORKERS_COULD_CHANGE)

    selected = collected(*WORKERS_COULD_CHANGE)
    assert len(selected) >= 20, selected  # the selection still finds what it is about
    outcomes = {nodeid: test["outcome"] for nodeid, test in serial_tests.items()}
    assert serial.returncode == 0 and set(outcomes.values()) == {"passed"}, serial.output[-3000:]
    assert parallel.returncode == 0, parallel.output[-3000:]
    assert sorted(parallel_tests) == sorted(selected)
    assert {nodeid: parallel_tests[nodeid]["outcome"] for nodeid in selected} == {
        nodeid: outcomes[nodeid] for nodeid in selected
    }

    # Where each test ran: every worker in a process of its own, with a mock of its own.
    where = [test["where"] for test in parallel_tests.values()]
    workers: dict[str, set[tuple[int, str]]] = {}
    for place in where:
        workers.setdefault(place["worker"], set()).add((place["pid"], json.dumps(place["urls"])))
    assert sorted(workers) == ["gw0", "gw1"], workers.keys()
    assert all(len(places) == 1 for places in workers.values()), workers
    (pid0, urls0), (pid1, urls1) = (next(iter(workers[w])) for w in ("gw0", "gw1"))
    assert pid0 != pid1
    ports0 = {url.rsplit(":", 1)[1] for url in json.loads(urls0).values()}
    ports1 = {url.rsplit(":", 1)[1] for url in json.loads(urls1).values()}
    assert len(ports0) == len(ports1) == 4 and not ports0 & ports1, (urls0, urls1)
