"""make test's closing lines (tests/time_budget.py): the slowest tests, and the integration
tests' total beside the budget, read from JUnit XML; over the margin it warns, never fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import time_budget
from tests.time_budget import Budget, read_junit, summary, without_group

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="4">
<testcase classname="tests.integration.test_a" name="test_slow" time="100.0">
  <properties><property name="cpu_seconds" value="40.5"/></properties>
</testcase>
<testcase classname="tests.integration.test_b" name="test_slower[x]" time="150.0"/>
<testcase classname="tests.mock.test_c" name="test_quick" time="0.1"/>
<testcase classname="tests.acceptance.test_faq" name="test_scenario" time="200.0"/>
</testsuite></testsuites>
"""


@pytest.fixture
def junit(tmp_path: Path) -> Path:
    path = tmp_path / "junit.xml"
    path.write_text(JUNIT, encoding="utf-8")
    return path


def test_the_cases_are_read_with_their_time_and_cpu(junit: Path) -> None:
    cases = {case.name: case for case in read_junit(junit)}
    assert cases["tests.integration.test_a::test_slow"].seconds == 100.0
    assert cases["tests.integration.test_a::test_slow"].cpu == 40.5
    assert cases["tests.integration.test_b::test_slower[x]"].cpu is None
    assert [case.integration for case in read_junit(junit)] == [True, True, False, False]


def test_the_slowest_first_and_the_integration_total_beside_the_budget(junit: Path) -> None:
    lines, over = summary({"junit.xml": read_junit(junit)}, Budget(250, 0.2, "measured"))
    names = [line.split()[-1] for line in lines[1:5]]
    assert names == [
        "tests.acceptance.test_faq::test_scenario",
        "tests.integration.test_b::test_slower[x]",
        "tests.integration.test_a::test_slow",
        "tests.mock.test_c::test_quick",
    ]
    assert "integration tests 250 s in total (2 tests, 40 s CPU), budget 250 s" in lines[-1]
    assert "(100% of it; time_budget.toml: measured)" in lines[-1]
    assert not over


@pytest.mark.parametrize(
    ("budget", "warned"), [(209, False), (208, True)], ids=["19.6% over", "20.2% over"]
)
def test_more_than_the_margin_over_the_budget_warns(
    junit: Path, budget: float, warned: bool
) -> None:
    lines, over = summary({"junit.xml": read_junit(junit)}, Budget(budget, 0.2, "measured"))
    assert over is warned
    assert any("WARNING" in line for line in lines) is warned


def test_a_run_over_budget_or_with_a_missing_file_still_exits_zero(
    junit: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(time_budget, "load_budget", lambda: Budget(1, 0.2, "tiny"))
    assert time_budget.main([str(junit), str(tmp_path / "missing.xml")]) == 0
    captured = capsys.readouterr()
    assert "WARNING" in captured.out
    assert "cannot read" in captured.err


def test_the_recorded_budget_says_why() -> None:
    budget = time_budget.load_budget()
    assert budget.seconds > 0 and budget.warn_over == 0.2 and budget.why


def test_a_test_of_a_later_run_is_named_with_its_file(junit: Path) -> None:
    lines, _ = summary(
        {"junit.xml": read_junit(junit), "alt/junit.xml": read_junit(junit)}, Budget(500, 0.2, "")
    )
    assert lines[1].endswith("tests.acceptance.test_faq::test_scenario")
    assert lines[2].endswith("tests.acceptance.test_faq::test_scenario (alt/junit.xml)")
    assert "integration tests 500 s in total (4 tests" in lines[-1]


@pytest.mark.parametrize(
    ("junit_name", "shown"),
    [
        ("test_x[serial]@test_run_reports serial]", "test_x[serial]"),
        ("test_y@nested run: mock mutants", "test_y"),
        ("test_z[cmecf_helpdesk@cit.uscourts.gov]", "test_z[cmecf_helpdesk@cit.uscourts.gov]"),
        ("test_plain", "test_plain"),
    ],
)
def test_the_xdist_group_is_left_out_of_a_name(junit_name: str, shown: str) -> None:
    assert without_group(junit_name) == shown
