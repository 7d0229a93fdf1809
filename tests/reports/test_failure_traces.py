"""Failure traces (suite/run/tracing.py): kept when asked, holding what --trace-detail says.

Child runs of a throw-away project with one passing scenario and one that fails on purpose
on the court's contact page.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.reports.project import make_project, run

pytestmark = pytest.mark.slow

FAILING = "test-a-scenario-that-fails-on-purpose"
PASSING = "test-cmecfs-help-menu-points-to-the-cmecf-help-desk"
SELECTED = "fails_on_purpose or help_menu_points"


def run_suite(tmp_path: Path, *options: str) -> Path:
    project = make_project(tmp_path, ("08_contact_for_help.feature",), deliberate=True)
    done = run(
        project, "pytest", "tests/acceptance", "-p", "no:cacheprovider", "-k", SELECTED, *options
    )
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    assert "1 failed, 1 passed" in done.stdout.splitlines()[-1]
    return project / "reports" / "artifacts"


def folder(artifacts: Path, test: str) -> Path:
    (found,) = [p for p in artifacts.iterdir() if p.name.endswith(test)]
    return found


def trace_events(trace: Path) -> list[dict[str, Any]]:
    with zipfile.ZipFile(trace) as archive:
        lines = archive.read("trace.trace").decode().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def kinds(events: list[dict[str, Any]]) -> set[str]:
    return {event["type"] for event in events}


def test_by_default_only_a_failure_keeps_a_trace_of_its_actions(tmp_path: Path) -> None:
    artifacts = run_suite(tmp_path)
    failing = folder(artifacts, FAILING)
    events = trace_events(failing / "trace.zip")
    # The actions are there, with the failed expectation as the last one...
    actions = [e for e in events if e["type"] == "before"]
    assert any(a.get("method") == "goto" for a in actions)
    assert any(a.get("method") == "expect" for a in actions)
    # ...but neither DOM snapshots nor a screencast: that is what keeps passing runs cheap.
    assert not kinds(events) & {"frame-snapshot", "screencast-frame"}
    # The page as the scenario left it stands in for the snapshots.
    html = (failing / "page.html").read_text(encoding="utf-8")
    assert "866-450-1859" in html and "</html>" in html
    passing = folder(artifacts, PASSING)
    assert [p.name for p in passing.iterdir()] == ["test-finished-1.png"]


def test_full_detail_and_tracing_on_keep_snapshots_and_screencast_of_every_test(
    tmp_path: Path,
) -> None:
    artifacts = run_suite(tmp_path, "--tracing=on", "--trace-detail=full")
    for test in (FAILING, PASSING):
        events = trace_events(folder(artifacts, test) / "trace.zip")
        assert {"frame-snapshot", "screencast-frame"} <= kinds(events), test
        assert (folder(artifacts, test) / "page.html").is_file(), test


def test_tracing_off_keeps_no_trace_even_of_a_failure(tmp_path: Path) -> None:
    artifacts = run_suite(tmp_path, "--tracing=off")
    assert [p.name for p in folder(artifacts, FAILING).iterdir()] == ["test-failed-1.png"]
