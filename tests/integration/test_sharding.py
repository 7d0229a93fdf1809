"""Sharding across CI machines with pytest-split: the shards together run every scenario once.

pytest-split divides the scenarios into groups of about equal total duration, using the
durations stored in .test_durations (refreshed with `make durations`). Each machine runs one
group: `--splits N --group K`, with `-n auto` inside the machine. pytest-split chooses a
shard's scenarios when it collects them: from a durations file that lacks some scenarios and
names one that is gone (as after a scenario was added and another renamed), the two shards'
collections must still be the whole suite, with no scenario in both. Then two shards of one
feature run at once in child pytests (one with `-n 2`, as CI does), each with its own
embedded mocks, and their reports merge as the workflow merges them.
"""

from __future__ import annotations

import json
import warnings
import xml.etree.ElementTree as ElementTree
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from suite.reporting import __main__ as reporting_cli
from suite.run import durations
from tests.integration.runner import REPO, SuiteRun, run_suite
from tests.integration.shared_runs import collected

DURATIONS = REPO / durations.DURATIONS_FILE
# The feature whose scenarios the two shards run: a few, so that each shard has some.
SHARDED = ("-m", "contact")


def junit_names(workdir: Path) -> list[str]:
    cases = ElementTree.parse(workdir / "junit.xml").iter("testcase")
    return [case.get("name", "") for case in cases]


# Both tests read the node ids of every acceptance test, from one child `pytest --collect-only`.
pytestmark = pytest.mark.nested_run("acceptance collection")


def test_the_stored_durations_are_readable_and_an_outdated_file_only_warns(
    nested_run: list[str],
) -> None:
    # pytest-split gives unknown scenarios the average duration, so an out-of-date file runs
    # everything and only balances the shards less well: a warning with the refresh command,
    # never a failure (a new scenario must not break make test). An unreadable file fails.
    found = durations.staleness(durations.read_durations(DURATIONS), nested_run)
    if not found.current:
        warnings.warn(DurationsOutOfDate("\n".join(found.lines(DURATIONS))), stacklevel=1)


class DurationsOutOfDate(UserWarning):
    """.test_durations does not name exactly the current scenarios (`make durations`)."""


@pytest.mark.slow
def test_two_shards_run_every_scenario_exactly_once(tmp_path: Path, nested_run: list[str]) -> None:
    # What each shard runs, over the whole suite: pytest-split deselects the other shard's
    # scenarios at collection. Out of date, as after adding three scenarios and renaming one:
    # pytest-split gives the three the average duration and ignores the name that is gone.
    stored = durations.read_durations(DURATIONS)
    for name in sorted(stored)[:3]:
        del stored[name]
    stored["tests/acceptance/test_faq.py::test_a_scenario_renamed_since"] = 1.0
    outdated = tmp_path / ".test_durations"
    outdated.write_text(json.dumps(stored))
    split = ["--splits", "2", "--durations-path", str(outdated)]
    planned = {group: collected(*split, "--group", str(group)) for group in (1, 2)}
    assert planned[1] and planned[2], "a shard would run nothing"
    assert not set(planned[1]) & set(planned[2]), "a scenario would run in both shards"
    assert sorted(planned[1] + planned[2]) == sorted(nested_run)

    # Two shards at once, one feature's scenarios: each runs its own, and the reports merge.
    # --allure: each shard's Allure results beside its reports, merged as the workflow does.
    shards = {
        1: (tmp_path / "shard-1", ["--group", "1", "-n", "2"]),
        2: (tmp_path / "shard-2", ["--group", "2"]),
    }
    shards_dirs = [workdir for workdir, _ in shards.values()]
    for workdir in shards_dirs:
        workdir.mkdir()

    def run(group: int) -> SuiteRun:
        workdir, args = shards[group]
        return run_suite(workdir, *split, "--allure", *SHARDED, *args)

    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(zip(shards, pool.map(run, shards), strict=True))

    for group, result in runs.items():
        assert result.returncode == 0, f"shard {group}:\n{result.output[-3000:]}"
    names = {group: junit_names(shards[group][0]) for group in shards}
    everything = [nodeid.split("::", 1)[1] for nodeid in collected(*SHARDED)]
    assert names[1] and names[2], "a shard ran nothing"
    assert not set(names[1]) & set(names[2]), "a scenario ran in both shards"
    assert sorted(names[1] + names[2]) == sorted(everything)

    merged = tmp_path / "merged"
    assert reporting_cli.main(["merge", "--out", str(merged), *map(str, shards_dirs)]) == 0
    results = [json.loads(p.read_text()) for p in merged.glob("allure-results/*-result.json")]
    assert len(results) == len(everything)
    assert {r["status"] for r in results} == {"passed"}
