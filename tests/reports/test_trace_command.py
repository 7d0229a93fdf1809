"""`python -m suite trace PATH` opens a trace with the suite's own Chromium, wherever it ran.

`playwright show-trace` finds no browser on a machine with only the system Chromium (this
one's set-up); the suite serves Playwright's viewer itself. The honest check without a
display: run the command a failed run's last lines give, take the address it serves, and
load it in the suite's headless Chromium, which must show the trace's own actions. Then,
with a display and a stand-in for Chromium, that the command opens the viewer in exactly
the Chromium the suite chose.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, expect

from suite.run.browser import choose_browser
from suite.run.trace_viewer import TraceError, serving, trace_file
from tests.reports.project import REPO

BUTTON = "Link a CM/ECF account to my PACER account."  # what the traced page clicks


@pytest.fixture(scope="module")
def viewer_browser(playwright: Playwright) -> Iterator[Browser]:
    # pytest-playwright's own Playwright: a second sync_playwright() in a worker whose earlier
    # tests started that one fails ("Sync API inside the asyncio loop"), as it did in CI.
    launched = playwright.chromium.launch(**choose_browser().launch_args())  # type: ignore[arg-type]
    yield launched
    launched.close()


@pytest.fixture(scope="module")
def trace(viewer_browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A trace as the suite writes one: reports/artifacts/<test>/trace.zip."""
    folder = tmp_path_factory.mktemp("artifacts") / "test-a-scenario"
    folder.mkdir()
    context = viewer_browser.new_context()
    context.tracing.start(title="a scenario", snapshots=False, screenshots=False, sources=True)
    page = context.new_page()
    page.set_content(f"<main><button>{BUTTON}</button></main>")
    page.get_by_role("button", name=BUTTON).click()
    context.tracing.stop(path=folder / "trace.zip")
    context.close()
    return folder / "trace.zip"


def shows_the_trace(browser: Browser, url: str) -> None:
    page = browser.new_page()
    try:
        page.goto(url)
        # The viewer's list of actions: the click, on the button only the trace knows.
        expect(page.get_by_text(f'name="{BUTTON}"').first).to_be_visible(timeout=10_000)
        expect(page.get_by_text("Click", exact=True).first).to_be_visible()
    finally:
        page.close()


def test_the_served_viewer_loads_the_trace_in_the_suites_chromium(
    viewer_browser: Browser, trace: Path
) -> None:
    with serving(trace) as url:
        shows_the_trace(viewer_browser, url)


def test_the_viewer_serves_only_the_trace_it_was_given(trace: Path) -> None:
    with serving(trace) as url:
        root = url.split("/trace/")[0]
        other = urllib.parse.quote(str(REPO / "pyproject.toml"), safe="")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{root}/trace/file?path={other}")
        assert refused.value.code == 403
        with pytest.raises(urllib.error.HTTPError) as outside:
            urllib.request.urlopen(f"{root}/trace/..%2F..%2F..%2F__init__.py")
        assert outside.value.code == 404


def test_the_footers_command_serves_the_trace_where_there_is_no_display(
    viewer_browser: Browser, trace: Path
) -> None:
    # As a failed run's last lines say it: `.venv/bin/python -m suite trace PATH`; here
    # with a folder, as the report names the artefacts.
    environ = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    command = [sys.executable, "-m", "suite", "trace", str(trace.parent)]
    child = subprocess.Popen(
        command, cwd=REPO, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        said = [child.stdout.readline() for _ in range(3)]
        assert said[0].startswith("trace: cannot open a window: no display here"), said
        assert said[1].strip() == f"trace: {trace}", said
        assert said[2].startswith("trace viewer: http://127.0.0.1:"), said
        shows_the_trace(viewer_browser, said[2].split(": ", 1)[1].strip())
    finally:
        child.terminate()
        child.wait(timeout=10)


def test_with_a_display_it_opens_the_viewer_in_the_chromium_the_suite_chose(
    trace: Path, tmp_path: Path
) -> None:
    # A stand-in for Chromium that notes how it was started and fetches the page it was
    # given, while the command still serves it.
    noted = tmp_path / "started-with.txt"
    fake = tmp_path / "chromium"
    fake.write_text(
        f"#!{sys.executable}\n"
        "import sys, urllib.request\n"
        "url = next(a for a in sys.argv if a.startswith('--app=')).removeprefix('--app=')\n"
        "status = urllib.request.urlopen(url).status\n"
        f"open({str(noted)!r}, 'w').write(' '.join(sys.argv[1:]) + f'\\n{{status}}')\n"
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    environ = {**os.environ, "DISPLAY": ":99", "CHROMIUM_PATH": str(fake)}
    done = subprocess.run(
        [sys.executable, "-m", "suite", "trace", str(trace)],
        cwd=REPO,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"in system Chromium ({fake})" in done.stdout
    arguments, status = noted.read_text().splitlines()
    assert "--app=http://127.0.0.1:" in arguments and "--user-data-dir=" in arguments
    assert status == "200"


def test_a_path_without_a_trace_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(TraceError, match=r"no trace\.zip in this folder"):
        trace_file(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "suite", "trace", str(tmp_path / "nope.zip")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == f"error: {tmp_path / 'nope.zip'}: no such file"
