"""Hooks and fixtures for the suite's own tests (the FAQ scenarios' are in the root conftest).

- `nested_run`: the result of a shared nested run, named by the test's nested_run marker
  (tests/integration/shared_runs.py); every test reading one run is put in one xdist group,
  so that under `-n N --dist loadgroup` one worker runs it, once (tests/xdist_groups.py
  makes the groups work with pytest 9.2).
- The longest work goes first (tests/longest_first.py), so that a long nested run never
  starts last on one worker while the others have nothing left to do.
- Each slow test's CPU seconds (its process tree's) go into the JUnit XML beside its time:
  on a shared machine they move less than wall-clock time (tests/time_budget.py reads both).
"""

from __future__ import annotations

from collections.abc import Generator

import pytest

from tests import cpu_time, longest_first, xdist_groups
from tests.integration.shared_runs import group_of, nested_run, shared_runs

__all__ = ["nested_run", "shared_runs"]


def pytest_configure(config: pytest.Config) -> None:
    # Their hooks run after pytest-xdist's and after this file's (a conftest has one hook of
    # each name).
    config.pluginmanager.register(xdist_groups, "tests.xdist_groups")
    config.pluginmanager.register(longest_first, "tests.longest_first")


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        group = group_of(item)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("slow") is not None:
        cpu_time.start(item)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if call.when == "teardown" and item.get_closest_marker("slow") is not None:
        cpu_time.record(item, report)
    return report
