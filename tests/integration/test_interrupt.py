"""Ctrl-C in the middle of a run: a short ending, the reports, and a report that says so.

A terminal's Ctrl-C reaches the whole process group: pytest, Chromium and Playwright's
driver. The browser was then gone before pytest-playwright's teardown, which printed a
page of "Target closed" tracebacks instead of the summary, and the report read "All 12
scenario tests that ran passed".
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.integration.runner import REPO, SUITE_COMMAND, clean_environment

pytestmark = pytest.mark.slow

STARTED_TESTS = b"test_faq.py ."  # the first scenario has passed: the browser is up


def _read_until(process: subprocess.Popen[bytes], marker: bytes, deadline: float) -> bytes:
    """Read the child's output until marker appears; the wait is for output, not for time."""
    assert process.stdout is not None
    seen = b""
    while marker not in seen:
        if time.monotonic() > deadline:
            raise AssertionError(f"no {marker!r} in time:\n{seen.decode(errors='replace')}")
        chunk = os.read(process.stdout.fileno(), 4096)
        if not chunk:
            raise AssertionError(f"the run ended early:\n{seen.decode(errors='replace')}")
        seen += chunk
    return seen


def test_ctrl_c_ends_with_the_summary_and_a_report_that_says_interrupted(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    process = subprocess.Popen(
        [*SUITE_COMMAND, f"--reports-dir={reports}"],
        cwd=REPO,
        env=clean_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        # Its own process group, as a terminal's foreground job, with Ctrl-C's default
        # action (a job started in the background would ignore SIGINT).
        process_group=0,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        output = _read_until(process, STARTED_TESTS, time.monotonic() + 120)
        os.killpg(process.pid, signal.SIGINT)
        rest, _ = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    text = (output + rest).decode(errors="replace")
    assert process.returncode == pytest.ExitCode.INTERRUPTED, text[-3000:]
    assert "Exception Group" not in text and "TargetClosedError" not in text, text[-3000:]
    assert "HTML report:" in text, "the reports block still ends the run"
    html = (reports / "report.html").read_text(encoding="utf-8")
    assert "Interrupted: the run was stopped after" in html
