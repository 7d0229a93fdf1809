"""Sharding across CI machines with pytest-split: the shards together run every scenario once.

pytest-split divides the scenarios into groups of about equal total duration, using the
durations stored in .test_durations (refresh with `pytest tests/acceptance
--store-durations`). Each machine runs one group: `--splits N --group K`, with `-n auto`
inside the machine. Here two shards run at once in child pytests (one with `-n 2`, as CI
does), each with its own embedded mocks, and their union must be the whole suite, with no
scenario in both.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from suite.reporting import __main__ as reporting_cli
from tests.integration.runner import REPO, SuiteRun, clean_environment, run_suite

DURATIONS = REPO / ".test_durations"
REFRESH = "rm .test_durations && .venv/bin/python -m pytest tests/acceptance --store-durations"


def collected_scenarios() -> list[str]:
    """The node ids of every acceptance test, from a child `pytest --collect-only`."""
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    child = subprocess.run(
        [*command, "tests/acceptance"],
        cwd=REPO,
        env=clean_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in child.stdout.splitlines() if line.startswith("tests/acceptance/")]


def junit_names(workdir: Path) -> list[str]:
    cases = ElementTree.parse(workdir / "junit.xml").iter("testcase")
    return [case.get("name", "") for case in cases]


def test_the_stored_durations_are_valid_and_name_every_current_scenario() -> None:
    durations = json.loads(DURATIONS.read_text())
    assert isinstance(durations, dict) and durations
    assert all(isinstance(v, int | float) and v > 0 for v in durations.values())
    scenarios = set(collected_scenarios())
    missing, stale = scenarios - set(durations), set(durations) - scenarios
    # pytest-split gives unknown scenarios the average duration, so a stale file still runs
    # everything; it only balances the shards less well.
    assert not missing and not stale, (
        f"{DURATIONS.name} is out of date ({len(missing)} scenarios missing, {len(stale)} "
        f"gone): refresh it with `{REFRESH}`"
    )


@pytest.mark.slow
def test_two_shards_run_every_scenario_exactly_once(tmp_path: Path) -> None:
    # --allure: each shard's Allure results beside its reports, merged as the workflow does.
    split = ["--splits", "2", "--durations-path", str(DURATIONS), "--allure"]
    shards = {
        1: (tmp_path / "shard-1", ["--group", "1", "-n", "2"]),
        2: (tmp_path / "shard-2", ["--group", "2"]),
    }
    shards_dirs = [workdir for workdir, _ in shards.values()]
    for workdir in shards_dirs:
        workdir.mkdir()

    def run(group: int) -> SuiteRun:
        workdir, args = shards[group]
        return run_suite(workdir, *split, *args)

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(zip(shards, pool.map(run, shards), strict=True))

    for group, result in runs.items():
        assert result.returncode == 0, f"shard {group}:\n{result.output[-3000:]}"
    names = {group: junit_names(shards[group][0]) for group in shards}
    everything = [nodeid.split("::", 1)[1] for nodeid in collected_scenarios()]
    assert names[1] and names[2], "a shard ran nothing"
    assert not set(names[1]) & set(names[2]), "a scenario ran in both shards"
    assert sorted(names[1] + names[2]) == sorted(everything)

    merged = tmp_path / "merged"
    assert reporting_cli.main(["merge", "--out", str(merged), *map(str, shards_dirs)]) == 0
    results = [json.loads(p.read_text()) for p in merged.glob("allure-results/*-result.json")]
    assert len(results) == len(everything)
    assert {r["status"] for r in results} == {"passed"}
