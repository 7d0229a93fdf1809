"""A throw-away copy of the suite, for running pytest (or a report command) in a subprocess.

The copy holds the suite's code and a chosen few feature files, plus, when asked, a feature
and step definitions made to fail: the report tests check the files such a run leaves in
its reports/ folder, without touching the repository's own reports/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from suite.authoring.faq import find_faq_file

REPO = Path(__file__).resolve().parents[2]
COPIED = (
    "conftest.py",
    "pyproject.toml",
    "environments.toml",
    "profiles",
    "suite",
    "steps",
    "pages",
    "mock_site",
    "tests/__init__.py",
    "tests/acceptance",
)
# Variables of an outer pytest-xdist run that must not leak into the inner run.
LEAKY = (
    "PYTEST_ADDOPTS",
    "PYTEST_XDIST_WORKER",
    "PYTEST_XDIST_WORKER_COUNT",
    "PYTEST_XDIST_TESTRUNUID",
    "PYTEST_CURRENT_TEST",
)

HELP_DESK = (
    "All other issues, please contact the CM/ECF Help Desk at 866-450-1859 or send an email to "
    "cmecf_helpdesk@cit.uscourts.gov."
)
# Answers Q8; the title makes the report group it with that question's feature.
DELIBERATE_FEATURE = f"""\
@contact
Feature: Who can I contact for help?

  Scenarios that go wrong on purpose, so the report tests can see how a failure looks.

  Scenario: A scenario that fails on purpose
    FAQ: {HELP_DESK}

    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer opens the contact page
    Then the page deliberately shows "Nothing of the sort"

  Scenario: A scenario with a step nobody defined
    FAQ: {HELP_DESK}

    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer does something no step definition knows
    Then the notice says "866-450-1859"

  Scenario: A scenario skipped on purpose
    FAQ: {HELP_DESK}

    Given the scenario is skipped on purpose
    Then the notice says "866-450-1859"
"""

FLAKY_FEATURE = f"""\
@contact
Feature: Who can I contact for help?

  A scenario that fails once and then passes, for the rerun tests.

  Scenario: A scenario that fails on its first attempt only
    FAQ: {HELP_DESK}

    Given a filer with an upgraded individual PACER account is on the court's website
    Then the scenario fails on its first attempt only
"""

DELIBERATE_STEPS = '''\
"""Steps that fail or skip on purpose; only in the report tests' throw-away projects."""

from pathlib import Path

import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, then

from pages.portal import Portal
from suite.run.personas import Persona

SKIP_REASON = "skipped on purpose by the report tests"


@then(parsers.parse('the page deliberately shows "{text}"'))
def deliberately_fails(portal: Portal, actor: Persona, text: str) -> None:
    # The failure's text holds a password, as a failed fill's call log would, and so do the
    # step's locals (--showlocals): none of it may reach the terminal or a report.
    password = actor.password
    expect(portal.page.get_by_text(f"{text} {password}")).to_be_visible(timeout=500)


@given("the scenario is skipped on purpose")
def skipped_on_purpose() -> None:
    pytest.skip(SKIP_REASON)


@then("the scenario fails on its first attempt only")
def fails_once(request: pytest.FixtureRequest) -> None:
    marker = Path(request.config.rootpath, ".failed-once")
    if not marker.exists():
        marker.touch()
        raise AssertionError("the first attempt fails on purpose")
'''


def make_project(
    where: Path, features: tuple[str, ...] = (), deliberate: bool = False, flaky: bool = False
) -> Path:
    """A copy of the suite in where/project with only the given feature files."""
    project = where / "project"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".mypy_cache", ".ruff_cache")
    for name in COPIED:
        source, target = REPO / name, project / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=ignore)
        else:
            shutil.copy2(source, target)
    (project / "features").mkdir()
    for name in features:
        shutil.copy2(REPO / "features" / name, project / "features" / name)
    if deliberate or flaky:
        (project / "tests" / "acceptance" / "conftest.py").write_text(DELIBERATE_STEPS)
    if deliberate:
        (project / "features" / "98_deliberate.feature").write_text(DELIBERATE_FEATURE)
    if flaky:
        (project / "features" / "99_flaky.feature").write_text(FLAKY_FEATURE)
    return project


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in LEAKY}
    env["CIT_FAQ_FILE"] = str(find_faq_file())
    return env


def run(project: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """`python -m <args>` in the project, as CI would run it there."""
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=project,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
