"""The Allure results of a real run, serially and with -n 2, and what they carry.

Each run is a child pytest in a throw-away copy of the suite (tests/reports/project.py) with
one scenario that passes, one that fails on purpose and one skipped on purpose. The results
are allure-pytest-bdd's own; suite/reporting/allure.py adds the FAQ's labels and links, the
target, the artefacts, and masks passwords. A third run, against a mock without its control
API (a stand-in for a real portal), shows the adapter's gap for scenarios skipped before
they start, and that the suite closes it.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from mock_site.personas import PERSONAS
from suite.authoring.faq import as_read, find_faq_file, load_faq
from suite.reporting import __main__ as reporting_cli
from suite.run.secrets import MASK
from tests.integration.runner import (
    clean_environment,
    run_suite,
    seeded_persona_variables,
    separate_mock,
    url_options,
)
from tests.reports.project import make_project, run

# The module's runs (the `runs` fixture) are read by most of its tests: under pytest-xdist
# they all go to one worker (an xdist group), which runs them once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_allure_results")]

SELECTED = "fails_on_purpose or skipped_on_purpose or the_faq_on_the_courts_website"
PASSED = "The FAQ on the court's website gives the same contacts"
FAILED = "A scenario that fails on purpose"
SKIPPED = "A scenario skipped on purpose"
QUESTION = "Who can I contact for help?"
COPY = "https://court.example/cmecf/faq"  # --allure-link-pattern in the -n 2 run
FILER_PASSWORD = next(p.password for p in PERSONAS if p.key == "filer")


@dataclass
class AllureRun:
    project: Path
    folder: Path
    done: subprocess.CompletedProcess[str]

    @property
    def results(self) -> dict[str, dict[str, Any]]:
        found = [json.loads(p.read_text()) for p in self.folder.glob("*-result.json")]
        return {r["name"]: r for r in found}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, AllureRun]:
    """The same three scenarios serially (reports/) and with -n 2 (--reports-dir out)."""
    done_runs = {}
    for mode, extra, folder in (
        ("serial", [], "reports"),
        # and the FAQ links pointed at a lasting copy of the court's page
        (
            "-n 2",
            ["-n", "2", "--reports-dir", "out", f"--allure-link-pattern=faq:{COPY}{{}}"],
            "out",
        ),
    ):
        where = tmp_path_factory.mktemp(mode.replace(" ", ""))
        project = make_project(where, ("08_contact_for_help.feature",), deliberate=True)
        done = run(
            project, "pytest", "tests/acceptance", "-p", "no:cacheprovider", "--allure",
            "-k", SELECTED, *extra,
        )  # fmt: skip
        assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
        assert re.search(r"1 failed, 1 passed, 1 skipped", done.stdout), done.stdout[-3000:]
        done_runs[mode] = AllureRun(project, project / folder / "allure-results", done)
    return done_runs


MODES = ["serial", "-n 2"]


@pytest.mark.parametrize("mode", MODES)
def test_one_result_per_scenario_with_its_status_and_the_skips_reason(
    runs: dict[str, AllureRun], mode: str
) -> None:
    allure = runs[mode]
    results = allure.results
    assert len(list(allure.folder.glob("*-result.json"))) == 3
    assert {name: r["status"] for name, r in results.items()} == {
        PASSED: "passed",
        FAILED: "failed",
        SKIPPED: "skipped",
    }
    assert "skipped on purpose by the report tests" in results[SKIPPED]["statusDetails"]["message"]
    assert "Nothing of the sort" in results[FAILED]["statusDetails"]["message"]
    shown = "reports/allure-results" if mode == "serial" else "out/allure-results"
    assert f"Allure results:  {shown} (3 result(s))" in allure.done.stdout


@pytest.mark.parametrize("mode", MODES)
def test_labels_name_the_faq_question_the_scenario_the_tags_and_the_target(
    runs: dict[str, AllureRun], mode: str
) -> None:
    faq = load_faq(find_faq_file())
    number = next(q.label for q in faq.questions if q.text == QUESTION)
    title = next(q.text for q in faq.questions if q.is_title)
    for name, result in runs[mode].results.items():
        labels = {(label["name"], label["value"]) for label in result["labels"]}
        assert ("feature", f"{number}: {QUESTION}") in labels, labels
        assert ("story", name) in labels
        assert ("epic", title) in labels
        assert ("tag", "contact") in labels
        assert [label for label in labels if label[0] == "feature"] == [
            ("feature", f"{number}: {QUESTION}")
        ]
        parameters = {p["name"]: p["value"] for p in result["parameters"]}
        assert parameters == {"target": "mock", "environment": "local"}
    environment = (runs[mode].folder / "environment.properties").read_text()
    assert "target=mock\n" in environment and "environment=local\n" in environment


@pytest.mark.parametrize("mode", MODES)
def test_each_gherkin_step_is_a_step_with_its_status(runs: dict[str, AllureRun], mode: str) -> None:
    steps = {
        name: [(s["name"], s["status"]) for s in result["steps"]]
        for name, result in runs[mode].results.items()
    }
    assert steps[FAILED] == [
        ("Given a filer with an upgraded individual PACER account is on the court's website",
         "passed"),
        ("When the filer opens the contact page", "passed"),
        ('Then the page deliberately shows "Nothing of the sort"', "failed"),
    ]  # fmt: skip
    assert steps[SKIPPED] == [
        ("Given the scenario is skipped on purpose", "skipped"),
        ('Then the notice says "866-450-1859"', "skipped"),
    ]
    assert len(steps[PASSED]) == 7 and {s for _, s in steps[PASSED]} == {"passed"}
    # Step parameters are the values from the step's text, not the fixtures' objects.
    answers = next(s for s in runs[mode].results[PASSED]["steps"] if "(800)" in s["name"])
    assert {"name": "text", "value": "'(800) 676-6856'"} in answers["parameters"]
    every = [
        p for r in runs[mode].results.values() for s in r["steps"] for p in s.get("parameters", [])
    ]
    assert every and not [p for p in every if p["name"] in ("portal", "personas")], every
    assert all(re.fullmatch(r"'.*'|[\d.]+", p["value"]) for p in every), every


@pytest.mark.parametrize("mode", MODES)
def test_attachments_the_last_page_for_each_and_trace_and_html_for_the_failure(
    runs: dict[str, AllureRun], mode: str
) -> None:
    folder = runs[mode].folder
    kinds = {}
    for name, result in runs[mode].results.items():
        for attachment in result.get("attachments", []):
            assert (folder / attachment["source"]).is_file(), attachment
        kinds[name] = sorted(a["type"] for a in result.get("attachments", []))
    assert kinds[PASSED] == ["image/png"]
    assert kinds[FAILED] == ["application/zip", "image/png", "text/html"]
    assert kinds[SKIPPED] == []  # skipped before it opened a page: there is no page to show
    failed = runs[mode].results[FAILED]["attachments"]
    trace = next(a for a in failed if a["type"] == "application/zip")
    assert (folder / trace["source"]).read_bytes()[:2] == b"PK"  # a zip, as show-trace reads


@pytest.mark.parametrize("mode", MODES)
def test_links_lead_to_each_quoted_faq_sentence_on_the_courts_faq_page(
    runs: dict[str, AllureRun], mode: str
) -> None:
    feature = (runs[mode].project / "features" / "08_contact_for_help.feature").read_text()
    block = feature.split(f"Scenario: {PASSED}", 1)[1].split("Scenario", 1)[0]
    quotes = [line.split("FAQ:", 1)[1].strip() for line in block.splitlines() if "FAQ:" in line]
    assert len(quotes) == 2
    links = runs[mode].results[PASSED]["links"]
    assert [link["name"] for link in links] == [f"FAQ: {q}" for q in quotes]
    for link, quoted in zip(links, quotes, strict=True):
        url = urlsplit(link["url"])
        if mode == "serial":  # the court site of the run: its embedded mock
            assert url.scheme == "http" and url.hostname == "127.0.0.1", link
        else:
            assert link["url"].startswith(COPY + "#:~:text="), link
        assert url.path == "/cmecf/faq", link
        assert unquote(url.fragment) == f":~:text={as_read(quoted)}"


@pytest.mark.parametrize("mode", MODES)
def test_no_password_in_the_results_and_the_failure_shows_where_it_was(
    runs: dict[str, AllureRun], mode: str
) -> None:
    # The failing step looks for text with the filer's password in it: the failure message,
    # its traceback and the trace all held it.
    for path in runs[mode].folder.iterdir():
        assert FILER_PASSWORD.encode() not in path.read_bytes(), path
    assert MASK in runs[mode].results[FAILED]["statusDetails"]["message"]


def _comparable(result: dict[str, Any]) -> tuple[Any, ...]:
    """A result without what differs from run to run: ids, times, host, thread, the host of
    the links (the mock's, or the copy given to the -n 2 run) and attachment file names."""
    labels = sorted(
        (label["name"], label["value"])
        for label in result["labels"]
        if label["name"] not in ("host", "thread")
    )
    links = sorted((link["name"], urlsplit(link["url"])._replace(scheme="", netloc="").geturl())
                   for link in result.get("links", []))  # fmt: skip
    steps = [(s["name"], s["status"]) for s in result["steps"]]
    attachments = sorted((a["name"], a["type"]) for a in result.get("attachments", []))
    parameters = sorted((p["name"], p["value"]) for p in result["parameters"])
    return (
        result["fullName"], result["historyId"], result["status"], tuple(labels),
        tuple(links), tuple(steps), tuple(attachments), tuple(parameters),
    )  # fmt: skip


def test_two_workers_give_the_same_set_of_results_as_a_serial_run(
    runs: dict[str, AllureRun],
) -> None:
    serial = sorted(_comparable(r) for r in runs["serial"].results.values())
    parallel = sorted(_comparable(r) for r in runs["-n 2"].results.values())
    assert serial == parallel
    threads = {
        label["value"].split("-", 1)[0]  # "<pid>-MainThread": one process per worker
        for r in runs["-n 2"].results.values()
        for label in r["labels"]
        if label["name"] == "thread"
    }
    assert len(threads) == 2, "-n 2 should have run the scenarios in two processes"


def test_the_shard_merge_merges_the_allure_results(
    runs: dict[str, AllureRun], tmp_path: Path
) -> None:
    # The two runs' reports folders stand for two shards' downloads.
    shards = [runs["serial"].folder.parent, runs["-n 2"].folder.parent]
    out = tmp_path / "merged"
    assert reporting_cli.main(["merge", "--out", str(out), *map(str, shards)]) == 0
    merged = out / "allure-results"
    assert len(list(merged.glob("*-result.json"))) == 6
    for result_file in merged.glob("*-result.json"):
        for attachment in json.loads(result_file.read_text()).get("attachments", []):
            assert (merged / attachment["source"]).is_file()
    assert (merged / "environment.properties").is_file()


# --- scenarios skipped before they start -------------------------------------------------------

# Against a real portal: @destructive and @mock_only skip by marker, before the scenario
# starts; the shared/firm persona is left unconfigured, so its scenario skips in its first step.
REAL_PORTAL_SKIPS = {
    "Linking the CM/ECF account from the Utilities menu": "pass --allow-destructive to run it",
    "Before March 16, 2020 there is no linking": "needs the mock's control API (/_mock)",
    "A shared/firm PACER account cannot link a CM/ECF account": (
        "persona 'firm' is not configured: set CIT_FAQ_FIRM_USERNAME"
    ),
}
REAL_PORTAL_SELECTED = (
    "utilities_menu or a_sharedfirm_pacer_account_cannot_link or there_is_no_linking"
)


def _against_a_real_portal(workdir: Path, *args: str) -> dict[str, dict[str, Any]]:
    personas = {
        name: value
        for name, value in seeded_persona_variables().items()
        if not name.startswith("CIT_FAQ_FIRM_")
    }
    results = workdir / "allure"
    with separate_mock() as urls:  # no --test-mode: taken for a real portal
        done = run_suite(
            workdir, *url_options(urls), f"--alluredir={results}", "-k", REAL_PORTAL_SELECTED,
            *args, environ=clean_environment(**personas),
        )  # fmt: skip
    assert done.returncode == 0 and set(done.skipped) == {
        "test_linking_the_cmecf_account_from_the_utilities_menu",
        "test_before_march_16_2020_there_is_no_linking",
        "test_a_sharedfirm_pacer_account_cannot_link_a_cmecf_account",
    }, done.output[-3000:]
    found = [json.loads(p.read_text()) for p in results.glob("*-result.json")]
    return {r["name"]: r for r in found}


def test_the_adapter_alone_leaves_no_result_for_a_scenario_skipped_before_it_starts(
    tmp_path: Path,
) -> None:
    """allure-pytest-bdd 2.16.2 opens a result in pytest-bdd's before-scenario hook, which a
    skip marker pre-empts. When this fails, the adapter has closed the gap: drop
    _open_result_of_unstarted_scenario in suite/reporting/allure.py."""
    results = _against_a_real_portal(tmp_path, "-p", "no:suite.reporting.allure")
    assert set(results) == {"A shared/firm PACER account cannot link a CM/ECF account"}


def test_every_skipped_scenario_has_a_result_with_its_reason_and_its_steps(
    tmp_path: Path,
) -> None:
    results = _against_a_real_portal(tmp_path)
    assert set(results) == set(REAL_PORTAL_SKIPS)
    for name, reason in REAL_PORTAL_SKIPS.items():
        result = results[name]
        assert result["status"] == "skipped"
        assert reason in result["statusDetails"]["message"], result["statusDetails"]
        assert result["steps"] and all(s["status"] == "skipped" for s in result["steps"])
        assert all(re.match(r"(Given|When|Then|And|But) ", s["name"]) for s in result["steps"])
        labels = {(label["name"], label["value"]) for label in result["labels"]}
        assert ("story", name) in labels and any(n == "feature" for n, _ in labels)
        parameters = {p["name"]: p["value"] for p in result["parameters"]}
        assert parameters["target"] == "real portal"
        assert result["links"], "each quoted FAQ sentence is linked"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--alluredir", "/proc/no-such-dir"], "--alluredir /proc/no-such-dir: "),
        (["--allure", "-p", "no:allure_pytest_bdd"], "--allure needs the allure-pytest-bdd plugin"),
    ],
    ids=["results folder that cannot be made", "adapter disabled"],
)
def test_a_bad_allure_option_is_one_line_before_any_browser(
    tmp_path: Path, args: list[str], message: str
) -> None:
    done = run_suite(tmp_path, "-k", "contact", *args)
    assert done.returncode == 4, done.output
    errors = [line for line in done.output.splitlines() if line.startswith("ERROR: ")]
    assert len(errors) == 1 and errors[0].startswith(f"ERROR: {message}"), done.output
    assert "Traceback" not in done.output and done.tests == 0
