"""What a real run leaves in reports/, serial and with -n 2: every file, complete and linked.

Each run is a child pytest in a throw-away copy of the suite with two feature files: the
contact question's (passes) and one made to fail, to skip and to miss a step definition.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mock_site.personas import PERSONAS
from tests.reports.html_links import links_of
from tests.reports.project import make_project, run

pytestmark = pytest.mark.slow

FEATURES = ("08_contact_for_help.feature",)
EXPECTED = {  # scenario (rendered) -> outcome
    "The court's contact page gives a number to call and an address to write to: "
    "the PACER Service Center": "passed",
    "The court's contact page gives a number to call and an address to write to: "
    "the CM/ECF Help Desk": "passed",
    "CM/ECF's Help menu points to the CM/ECF Help Desk": "passed",
    "The FAQ on the court's website gives the same contacts": "passed",
    "A scenario that fails on purpose": "failed",
    "A scenario with a step nobody defined": "failed",
    "A scenario skipped on purpose": "skipped",
}


@dataclass
class Run:
    project: Path
    done: subprocess.CompletedProcess[str]
    parallel: bool

    @property
    def reports(self) -> Path:
        return self.project / "reports"

    def json(self, name: str) -> Any:
        return json.loads((self.reports / name).read_text(encoding="utf-8"))

    @property
    def html(self) -> str:
        return (self.reports / "report.html").read_text(encoding="utf-8")

    def record(self, name: str) -> dict[str, Any]:
        records = self.json("results.json")["records"]
        return next(r for r in records if r["scenario"]["name"] == name)


# Each mode's run is shared by the tests below: under pytest-xdist, the tests of one mode go
# to one worker (an xdist group), which runs it once.
@pytest.fixture(
    scope="module",
    params=[
        pytest.param(mode, marks=pytest.mark.xdist_group(f"test_run_reports {mode}"))
        for mode in ("serial", "-n 2")
    ],
)
def suite_run(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Run]:
    mode = str(request.param)
    project = make_project(
        tmp_path_factory.mktemp(mode.replace(" ", "")), FEATURES, deliberate=True
    )
    extra = [] if mode == "serial" else mode.split()
    done = run(
        project, "pytest", "tests/acceptance", "-p", "no:cacheprovider", "--showlocals", *extra
    )
    yield Run(project, done, parallel=bool(extra))


def test_the_run_fails_as_planned_and_ends_with_the_report_paths(suite_run: Run) -> None:
    out = suite_run.done.stdout
    assert suite_run.done.returncode == 1, out[-3000:] + suite_run.done.stderr[-3000:]
    lines = out.rstrip().splitlines()
    assert re.fullmatch(r"=* ?2 failed, 4 passed, 1 skipped in .*", lines[-1]), lines[-1]
    tail = "\n".join(lines[-8:])
    for expected in (
        "HTML report:     reports/report.html",
        "cucumber JSON:   reports/cucumber.json",
        "results:         reports/results.json",
        "JUnit XML:       reports/junit.xml",
        "artefacts:       reports/artifacts (2 trace(s), 6 screenshot(s))",
        # and that the next run writes over them, with the two ways to keep them
        "the next run into reports/ replaces these reports: to keep them, copy the folder "
        "(cp -r reports reports-keep) or give the next run a folder of its own "
        "(--reports-dir DIR)",
    ):
        assert expected in tail, tail
    # Each failure as the feature file says it, with its trace: pytest's own traceback shows
    # pytest-bdd's fixtures instead.
    block = out[out.rindex("- reports -") :]
    assert (
        "  A scenario that fails on purpose: failed at step: "
        'Then the page deliberately shows "Nothing of the sort"' in block
    )
    # The command that opens it (tests/reports/test_trace_command.py opens one): here the
    # project is a copy outside the checkout, so its Python is plain `python`.
    trace = re.search(r"trace: +python -m suite trace (\S+)", block)
    assert trace and (suite_run.project / trace.group(1)).is_file(), block


def test_junit_xml_counts_every_test(suite_run: Run) -> None:
    root = ElementTree.parse(suite_run.reports / "junit.xml").getroot()
    suite = root if root.tag == "testsuite" else root[0]
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("7", "2", "1")


def test_results_hold_one_record_per_test(suite_run: Run) -> None:
    results = suite_run.json("results.json")
    records = results["records"]
    assert {r["scenario"]["name"]: r["outcome"] for r in records} == EXPECTED
    assert len({r["nodeid"] for r in records}) == len(records) == 7
    workers = {r["worker"] for r in records}
    assert workers == ({"gw0", "gw1"} if suite_run.parallel else {"main"})
    session = results["session"]
    assert session["target"]["environment"] == "local"
    assert session["target"]["kind"] == "embedded mock"
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", session["browser_version"])
    assert ("worker_urls" in session) is suite_run.parallel
    assert not (suite_run.reports / ".results").exists()


def test_steps_say_what_passed_failed_or_never_ran(suite_run: Run) -> None:
    failing = suite_run.record("A scenario that fails on purpose")
    assert [s["status"] for s in failing["steps"]] == ["passed", "passed", "failed"]
    assert "Locator expected to be visible" in failing["steps"][2]["error"]
    assert failing["steps"][2]["location"] == "tests/acceptance/conftest.py:15"
    undefined = suite_run.record("A scenario with a step nobody defined")
    assert [s["status"] for s in undefined["steps"]] == ["passed", "undefined", "skipped"]
    skipped = suite_run.record("A scenario skipped on purpose")
    assert skipped["reason"] == "skipped on purpose by the report tests"
    assert [s["status"] for s in skipped["steps"]] == ["skipped", "skipped"]


def test_cucumber_json_is_complete(suite_run: Run) -> None:
    features = suite_run.json("cucumber.json")
    assert [f["name"] for f in features] == ["Who can I contact for help?"] * 2
    elements = {e["name"]: e for f in features for e in f["elements"]}
    assert set(elements) == set(EXPECTED)
    statuses = {n: [s["result"]["status"] for s in e["steps"]] for n, e in elements.items()}
    assert statuses["A scenario with a step nobody defined"] == ["passed", "undefined", "skipped"]
    assert statuses["A scenario that fails on purpose"][-1] == "failed"
    assert all(s == "passed" for n, e in statuses.items() if EXPECTED[n] == "passed" for s in e)
    assert elements["A scenario skipped on purpose"]["before"][0]["result"]["status"] == "skipped"


def test_the_html_report_shows_the_run_to_an_analyst(suite_run: Run) -> None:
    html = suite_run.html
    session = suite_run.json("results.json")["session"]
    for text in (
        "Who can I contact for help?",
        "For PACER related issue, please contact PACER",
        "environment <b>local</b>",
        "embedded mock",
        session["browser_version"],
        "4 passed",
        "2 failed",
        "1 skipped",
        "Failures",
        "FAQ traceability",
        "skipped on purpose by the report tests",
        "no step definition",
        "Locator expected to be visible",
        "The page when the scenario failed",
        "The last page of the scenario",
    ):
        assert text in html, text
    assert re.search(r"<th>Date</th><td>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", html)
    for url in session["target"]["urls"].values():
        assert url in html


def test_screenshots_and_traces_of_failures_are_linked_and_exist(suite_run: Run) -> None:
    page = links_of(suite_run.html)
    assert "script" not in page.tags
    files = [u for u in page.urls if not u.startswith("#")]
    assert files and all(not re.match(r"\w+://", u) for u in files)
    for url in files:
        assert (suite_run.reports / url).is_file(), url
    for name in ("A scenario that fails on purpose", "A scenario with a step nobody defined"):
        kinds = {a["kind"]: a["path"] for a in suite_run.record(name)["artifacts"]}
        assert set(kinds) == {"screenshot", "trace", "page"}
        assert kinds["screenshot"].endswith("test-failed-1.png")
        assert kinds["trace"].endswith("trace.zip") and kinds["page"].endswith("page.html")
        assert set(kinds.values()) <= set(files)
    passing = suite_run.record("CM/ECF's Help menu points to the CM/ECF Help Desk")
    assert [a["kind"] for a in passing["artifacts"]] == ["screenshot"]  # the last page, no trace


def test_no_persona_password_reaches_a_report_or_the_terminal(suite_run: Run) -> None:
    """The deliberate failure's message and locals hold a password; pytest prints both."""
    passwords = {p.password for p in PERSONAS} | {p.ecf.password for p in PERSONAS if p.ecf}
    texts = {
        name: (suite_run.reports / name).read_text(encoding="utf-8")
        for name in ("report.html", "results.json", "cucumber.json", "junit.xml")
    }
    texts["the terminal"] = suite_run.done.stdout + suite_run.done.stderr
    assert "[secret]" in texts["the terminal"], "the deliberate failure shows the mask"
    for name, text in texts.items():
        leaked = [p for p in passwords if p in text]
        assert leaked == [], f"{name} holds {len(leaked)} password(s)"


def test_a_rerun_replaces_the_failed_attempt(tmp_path: Path) -> None:
    pytest.importorskip("pytest_rerunfailures", reason="needs pytest-rerunfailures")
    project = make_project(tmp_path, FEATURES, flaky=True)
    done = run(
        project, "pytest", "tests/acceptance", "-p", "no:cacheprovider", "-n", "2", "--reruns", "1"
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert "1 rerun" in done.stdout.splitlines()[-1]
    records = json.loads((project / "reports" / "results.json").read_text())["records"]
    assert len(records) == len({r["nodeid"] for r in records}) == 5
    flaky = next(r for r in records if "first attempt" in r["scenario"]["name"])
    assert (flaky["outcome"], flaky["attempts"]) == ("passed", 2)
    assert [s["status"] for s in flaky["steps"]] == ["passed", "passed"]
    elements = [
        e
        for f in json.loads((project / "reports" / "cucumber.json").read_text())
        for e in f["elements"]
    ]
    assert len(elements) == 5
    assert (
        "Ran 2 times (rerun after a failure)" in (project / "reports" / "report.html").read_text()
    )


def test_a_usage_error_keeps_the_last_runs_reports(tmp_path: Path) -> None:
    """A mistyped -m tag is refused only after collection; it used to wipe the last run's
    traces and leave empty reports behind."""
    project = make_project(tmp_path, FEATURES)
    first = run(project, "pytest", "tests/acceptance", "-p", "no:cacheprovider", "-k", "Help")
    assert first.returncode == 0, first.stdout[-3000:]
    reports = project / "reports"
    before = {path: path.read_bytes() for path in reports.rglob("*") if path.is_file()}
    assert any(path.suffix == ".png" for path in before)
    typo = run(project, "pytest", "tests/acceptance", "-p", "no:cacheprovider", "-m", "smok")
    assert typo.returncode == pytest.ExitCode.USAGE_ERROR, typo.stdout[-3000:]
    after = {path: path.read_bytes() for path in reports.rglob("*") if path.is_file()}
    junit = reports / "junit.xml"  # pytest's own, rewritten by pytest whatever happens
    assert {p: b for p, b in after.items() if p != junit} == {
        p: b for p, b in before.items() if p != junit
    }


CHILD_COLLECT_ONLY = """\
import subprocess
import sys


def test_child_collect_only() -> None:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    subprocess.run([*command, "tests/acceptance"], check=True, capture_output=True)
"""


def test_a_child_collect_only_keeps_the_runs_records(tmp_path: Path) -> None:
    """make test's reports said "No scenario ran in this session": a test's child
    `pytest --collect-only` (test_sharding.py) wiped the records of the run around it."""
    project = make_project(tmp_path, FEATURES)
    (project / "tests" / "acceptance" / "test_zz_child.py").write_text(CHILD_COLLECT_ONLY)
    done = run(
        project, "pytest", "tests/acceptance", "-p", "no:cacheprovider", "-k", "Help or child"
    )
    assert done.returncode == 0, done.stdout[-3000:]
    records = json.loads((project / "reports" / "results.json").read_text())["records"]
    assert records and all(r["outcome"] == "passed" for r in records)
    assert "No scenario ran" not in (project / "reports" / "report.html").read_text()
