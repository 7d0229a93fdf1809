"""Adding a scenario does not break CI: the .test_durations check warns, and names the refresh.

In a throw-away copy of the suite with every feature file and the repository's
.test_durations, an analyst's new scenario is added; then the check is run the two ways CI
runs it: `python -m suite.run.durations`, and the check test of tests/integration/test_sharding.py
as `make test` runs it. Both pass, saying what is out of date and `make durations`. The
refresh itself is then run (the Makefile's recipe, on a copy with one feature) and leaves the
check with nothing to say.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest

from suite.run import durations
from tests.reports.project import HELP_DESK, REPO, make_project, run

NEW_SCENARIO = f"""\
@contact
Feature: Who can I contact for help?

  An analyst's new scenario, written from the step catalogue.

  Scenario: The court's website names the CM/ECF Help Desk again
    FAQ: {HELP_DESK}

    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer opens the contact page
    Then the contact page lists the CM/ECF Help Desk with the phone number "866-450-1859" \
that dials "+18664501859"
"""
NEW_TEST = "tests/acceptance/test_faq.py::test_the_courts_website_names_the_cmecf_help_desk_again"


def every_feature() -> tuple[str, ...]:
    return tuple(path.name for path in sorted((REPO / "features").glob("*.feature")))


def copy_with_durations(tmp_path: Path, features: tuple[str, ...]) -> Path:
    project = make_project(tmp_path, features)
    shutil.copy2(REPO / durations.DURATIONS_FILE, project / durations.DURATIONS_FILE)
    return project


def test_a_new_scenario_makes_the_check_warn_and_name_the_refresh(tmp_path: Path) -> None:
    project = copy_with_durations(tmp_path, every_feature())
    before = run(project, "suite.run.durations")
    assert before.returncode == 0, before.stdout + before.stderr
    assert before.stdout.strip() == "durations: .test_durations names every scenario"

    (project / "features" / "11_new.feature").write_text(NEW_SCENARIO, encoding="utf-8")
    after = run(project, "suite.run.durations")
    assert after.returncode == 0, after.stdout + after.stderr
    assert "durations: WARNING: .test_durations is out of date (1 scenario(s)" in after.stdout
    assert f"  no duration: {NEW_TEST}" in after.stdout
    assert "`make durations`" in after.stdout

    # The check as make test runs it: a pass, with the warning in pytest's summary.
    shutil.copytree(REPO / "tests" / "integration", project / "tests" / "integration")
    # tests/'s own conftest (the nested_run fixture that shares the collection) and the
    # modules it imports, with the run order's recorded seconds.
    for module in [*(REPO / "tests").glob("*.py"), REPO / "tests" / "durations.json"]:
        shutil.copy2(module, project / "tests" / module.name)
    check = run(
        project,
        "pytest",
        "tests/integration/test_sharding.py",
        "-k",
        "stored_durations",
        "-p",
        "no:cacheprovider",
    )
    assert check.returncode == 0, check.stdout[-3000:]
    assert re.search(r"1 passed, \d+ deselected, 1 warning", check.stdout), check.stdout[-3000:]
    assert "DurationsOutOfDate" in check.stdout and NEW_TEST in check.stdout


def test_an_unreadable_durations_file_fails_the_check(tmp_path: Path) -> None:
    project = copy_with_durations(tmp_path, ("08_contact_for_help.feature",))
    (project / durations.DURATIONS_FILE).write_text("{not json", encoding="utf-8")
    done = run(project, "suite.run.durations")
    assert done.returncode == 1
    assert "cannot be read as JSON" in done.stderr and "make durations" in done.stderr


@pytest.mark.slow
def test_the_refresh_the_warning_names_brings_the_file_up_to_date(tmp_path: Path) -> None:
    project = copy_with_durations(tmp_path, ("08_contact_for_help.feature",))
    (project / "features" / "11_new.feature").write_text(NEW_SCENARIO, encoding="utf-8")
    assert "WARNING" in run(project, "suite.run.durations").stdout
    # `make durations`' own recipe, from the Makefile (make itself would set up a .venv).
    recipe = (REPO / "Makefile").read_text(encoding="utf-8").split("\ndurations: setup\n")[1]
    command = shlex.split(recipe.splitlines()[0].strip())
    assert command[0] == "$(PYTEST)", command
    refreshed = run(project, "pytest", *command[1:])
    assert refreshed.returncode == 0, refreshed.stdout[-3000:]
    assert run(project, "suite.run.durations").stdout.strip().endswith("names every scenario")
    stored = json.loads((project / durations.DURATIONS_FILE).read_text(encoding="utf-8"))
    assert NEW_TEST in stored and len(stored) == 5  # the feature's four, and the new one
    assert not (project / "reports" / "report.html").exists()  # the last run's report stays
