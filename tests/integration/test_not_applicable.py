"""A scenario that needs a page the target lacks is "not applicable on this target": said at
once with the reason, and counted apart from passed, failed and skipped in every report."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from suite.target.profiles import NOT_APPLICABLE
from tests.integration.runner import run_suite

pytestmark = pytest.mark.slow

# The alt dialect has no "Forgot password?" page (profiles/alt.toml: forgot_password = false).
LACKING = "test_pacer_login_sends_a_filer_with_a_forgotten_password_to_pacer"
APPLICABLE = "test_an_active_pacer_account_can_search"


def test_a_scenario_needing_a_missing_page_is_not_applicable_at_once(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    run = run_suite(
        tmp_path, "--env", "alt", f"--reports-dir={reports}", "-k", f"{LACKING} or {APPLICABLE}"
    )
    assert run.returncode == 0, run.output[-2000:]
    assert run.failed == [] and run.tests == 2
    assert list(run.skipped) == [LACKING]
    assert run.skipped[LACKING].startswith(NOT_APPLICABLE), run.skipped
    assert "forgot_password" in run.skipped[LACKING]
    # At once: decided at collection from the profile, not after a time-out.
    times = {
        case.get("name"): float(case.get("time", "0"))
        for case in ElementTree.parse(tmp_path / "junit.xml").iter("testcase")
    }
    assert times[LACKING] < 1.0, times

    records = json.loads((reports / "results.json").read_text())["records"]
    outcomes = {r["nodeid"].rsplit("::", 1)[-1]: r["outcome"] for r in records}
    assert outcomes == {LACKING: "not applicable", APPLICABLE: "passed"}
    html = (reports / "report.html").read_text(encoding="utf-8")
    assert "1 not applicable" in html and "1 passed" in html
    # The traceability matrix shows the scenario as not applicable, never as verified.
    assert 'badge not-applicable">not applicable</span>' in html
    # The run's header names the profile it checked against.
    assert "profile 'alt'" in run.output
