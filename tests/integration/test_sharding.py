"""Sharding across CI machines with pytest-split: the shards together run every scenario once.

pytest-split divides the scenarios into groups of about equal total duration, using the
durations stored in .test_durations (refreshed with `make durations`). Each machine runs one
group: `--splits N --group K`, with `-n auto` inside the machine. Here two shards run at once
in child pytests (one with `-n 2`, as CI does), each with its own embedded mocks, from a
durations file that lacks some scenarios and names one that is gone, as after a scenario
was added and another renamed: their union must still be the whole suite, with no scenario
in both.
"""

from __future__ import annotations

import json
import warnings
import xml.etree.ElementTree as ElementTree
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from suite import durations
from suite.reporting import __main__ as reporting_cli
from tests.integration.runner import REPO, SuiteRun, run_suite

DURATIONS = REPO / durations.DURATIONS_FILE


def collected_scenarios() -> list[str]:
    return durations.collected_scenarios(REPO)


def junit_names(workdir: Path) -> list[str]:
    cases = ElementTree.parse(workdir / "junit.xml").iter("testcase")
    return [case.get("name", "") for case in cases]


def test_the_stored_durations_are_readable_and_an_outdated_file_only_warns() -> None:
    # pytest-split gives unknown scenarios the average duration, so an out-of-date file runs
    # everything and only balances the shards less well: a warning with the refresh command,
    # never a failure (a new scenario must not break make test). An unreadable file fails.
    found, lines = durations.check(REPO)
    if not found.current:
        warnings.warn(DurationsOutOfDate("\n".join(lines)), stacklevel=1)


class DurationsOutOfDate(UserWarning):
    """.test_durations does not name exactly the current scenarios (`make durations`)."""


@pytest.mark.slow
def test_two_shards_run_every_scenario_exactly_once(tmp_path: Path) -> None:
    # Out of date, as after adding three scenarios and renaming one: pytest-split gives the
    # three the average duration and ignores the name that is gone.
    stored = durations.read_durations(DURATIONS)
    for name in sorted(stored)[:3]:
        del stored[name]
    stored["tests/acceptance/test_faq.py::test_a_scenario_renamed_since"] = 1.0
    outdated = tmp_path / ".test_durations"
    outdated.write_text(json.dumps(stored))
    # --allure: each shard's Allure results beside its reports, merged as the workflow does.
    split = ["--splits", "2", "--durations-path", str(outdated), "--allure"]
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
