"""`--reports-dir DIR` puts the whole of a run's reports in DIR, and the closing summary says
where each file really is.

pyproject.toml's addopts give pytest `--junitxml=reports/junit.xml` and pytest-playwright
`--output=reports/artifacts`; with --reports-dir those defaults follow DIR, while a
--junitxml or --output given on the command line stays where it was given. Each run is a
child pytest in a throw-away copy of the suite (tests/reports/project.py), so nothing lands
in this checkout's reports/.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.reports.html_links import links_of
from tests.reports.project import make_project, run

pytestmark = pytest.mark.slow

# One scenario that passes and one that fails on purpose: two screenshots, one kept trace.
SELECTED = "fails_on_purpose or the_faq_on_the_courts_website"


def run_with(tmp_path: Path, *args: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    project = make_project(tmp_path, ("08_contact_for_help.feature",), deliberate=True)
    done = run(
        project, "pytest", "tests/acceptance", "-p", "no:cacheprovider", "-k", SELECTED, *args
    )
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    assert re.search(r"1 failed, 1 passed", done.stdout), done.stdout[-3000:]
    return project, done


def summary(done: subprocess.CompletedProcess[str]) -> str:
    return done.stdout.split(" reports ", 1)[1]


def files(folder: Path, suffix: str) -> list[Path]:
    return sorted(folder.rglob(f"*{suffix}"))


@pytest.mark.parametrize("mode", ["serial", "-n 2"])
def test_reports_dir_takes_junit_xml_and_the_artefacts_along(tmp_path: Path, mode: str) -> None:
    extra = [] if mode == "serial" else mode.split()
    project, done = run_with(tmp_path, "--reports-dir", "out", *extra)
    out = project / "out"
    for name in ("report.html", "cucumber.json", "results.json", "junit.xml"):
        assert (out / name).is_file(), name
    assert len(files(out / "artifacts", ".png")) == 2
    assert len(files(out / "artifacts", ".zip")) == 1
    assert not (project / "reports").exists(), sorted((project / "reports").rglob("*"))
    tail = summary(done)
    for expected in (
        "HTML report:     out/report.html",
        "JUnit XML:       out/junit.xml",
        "artefacts:       out/artifacts (1 trace(s), 2 screenshot(s))",
    ):
        assert expected in tail, tail
    # The report's links to screenshots and traces lead to the files.
    html = (out / "report.html").read_text(encoding="utf-8")
    local = [u for u in links_of(html).urls if not re.match(r"[a-z]+:|#", u)]
    assert any(u.endswith(".png") for u in local), local
    for url in local:
        assert (out / unquote(url)).exists(), url


def test_junit_xml_and_output_given_on_the_command_line_stay_there(tmp_path: Path) -> None:
    project, done = run_with(
        tmp_path, "--reports-dir", "out", "--junitxml=ci/junit.xml", "--output", "shots"
    )
    assert (project / "out" / "report.html").is_file()
    assert (project / "ci" / "junit.xml").is_file()
    assert len(files(project / "shots", ".png")) == 2
    assert not (project / "out" / "junit.xml").exists()
    assert not (project / "out" / "artifacts").exists()
    tail = summary(done)
    for expected in (
        "JUnit XML:       ci/junit.xml",
        "artefacts:       shots (1 trace(s), 2 screenshot(s))",
    ):
        assert expected in tail, tail
