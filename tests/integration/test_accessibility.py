"""The mock is clean for axe-core (WCAG 2.1 A and AA), and the audits catch a missing label.

The first test reads a run of every scenario against the mock with `--a11y=fail` (the shared
run "suite, serial, separate mock", tests/integration/shared_runs.py) and what its audits
recorded: every page state reached, the states the issue names among them, and not
one violation of any impact. The others break one template of a running mock (the client
code's label on PACER login, which no page object uses, so the scenario's own checks still
pass) and show what each `--a11y` mode makes of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest

from mock_site.server import RunningMock, start_mock
from tests.integration.runner import run_suite, url_options
from tests.integration.shared_runs import SharedSuiteRun

pytestmark = pytest.mark.slow

TEMPLATES = Path(__file__).resolve().parents[2] / "mock_site" / "templates"
LOGIN_TEMPLATE = "pacer_login/login.html"
CLIENT_CODE_LABEL = '<label for="loginForm:clientCode">Client code</label>'
# A scenario that reaches PACER login's form and checks nothing about the client code.
TO_PACER_LOGIN = "test_from_the_courts_website_to_the_pacer_login_page"

# Pages the issue names, by path: the redaction agreement and PACER login's errors are
# states of PACER login's page, the verification page one of the linking page's.
NAMED_PAGES = {
    # the form, an error shown, the redaction; and PACER's multifactor authentication (feature
    # 11): the passcode page, with a refusal, the prompt to enroll, "User Update Required"
    "/csologin/login.jsf?appurl&pscCourtId": 7,
    # Manage MFA Settings: the page, the emailed code's form, the key to pair, the app added
    "/manage-account/mfa": 4,
    "/cgi-bin/LinkAccount.pl": 3,  # the form, an error shown, the verification page
    "/cgi-bin/ClerkUnlink.pl": 1,  # the clerk's page
    "/cgi-bin/login.pl": 1,  # the legacy login, before the cut-over
}


def audits(results: Path) -> list[dict[str, Any]]:
    records = json.loads(results.read_text(encoding="utf-8"))["records"]
    return [audit for record in records for audit in record.get("accessibility", [])]


@pytest.mark.nested_run("suite, serial, separate mock")
def test_every_page_state_the_scenarios_reach_has_no_violation(nested_run: SharedSuiteRun) -> None:
    run = nested_run.run
    assert run.returncode == 0, run.output[-3000:]
    audited = audits(nested_run.workdir / "results.json")
    violations = [(a["url"], v["rule"]) for a in audited for v in a["violations"]]
    assert not violations
    failed = [(a["url"], a["error"]) for a in audited if a["error"]]
    assert not failed, f"axe could not run on some pages: {failed}"
    states: dict[str, int] = {}
    for audit in audited:
        states[audit["page"]] = states.get(audit["page"], 0) + 1
    for page, at_least in NAMED_PAGES.items():
        assert states.get(page, 0) >= at_least, f"{page}: {states.get(page, 0)} state(s) audited"


@pytest.fixture
def mock_without_a_label() -> Iterator[RunningMock]:
    """The mock with one label removed from PACER login's template (and nothing else)."""
    source = (TEMPLATES / LOGIN_TEMPLATE).read_text(encoding="utf-8")
    assert CLIENT_CODE_LABEL in source, "the label this test removes is gone from the template"
    broken = source.replace(CLIENT_CODE_LABEL, "")
    with start_mock(test_mode=True) as mock:
        app = mock.servers["pacer-login"].app
        app.jinja_env.loader = jinja2.ChoiceLoader(
            [jinja2.DictLoader({LOGIN_TEMPLATE: broken}), app.jinja_env.loader]
        )
        app.jinja_env.cache = None  # no template compiled before the change is kept
        yield mock


def only_the_missing_label(results: Path) -> list[dict[str, Any]]:
    """The violations of a run against mock_without_a_label: the one label, on PACER login.
    A step may end while the login page is still settling, so the page can be audited in a
    second state (a second fingerprint) and show the same violation twice; never more."""
    found = [(a["page"], v) for a in audits(results) for v in a["violations"]]
    assert 1 <= len(found) <= 2, found
    assert {v["rule"] for _, v in found} == {"label"}, found
    assert all(page.startswith("/csologin/login.jsf") for page, _ in found), found
    return [v for _, v in found]


def test_a_missing_label_fails_the_run(tmp_path: Path, mock_without_a_label: RunningMock) -> None:
    # No --a11y: against a mock, `fail` is the default.
    run = run_suite(tmp_path, *url_options(mock_without_a_label.urls), "-k", TO_PACER_LOGIN)
    assert run.returncode == 1, run.output[-3000:]
    assert run.failed == [TO_PACER_LOGIN]
    assert re.search(r"accessibility: [12] axe-core violation\(s\)", run.output), run.output
    assert "label (critical, WCAG 4.1.2)" in run.output
    violations = only_the_missing_label(tmp_path / "results.json")
    assert {v["elements"][0]["target"] for v in violations} == {"#loginForm\\:clientCode"}
    violation = violations[0]
    screenshot = tmp_path / str(violation["screenshot"])
    assert screenshot.is_file(), "no screenshot outlining the unlabelled field"


def test_report_mode_records_the_missing_label_and_fails_nothing(
    tmp_path: Path, mock_without_a_label: RunningMock
) -> None:
    urls = url_options(mock_without_a_label.urls)
    run = run_suite(tmp_path, *urls, "-k", TO_PACER_LOGIN, "--a11y=report")
    assert run.returncode == 0, run.output[-3000:]
    only_the_missing_label(tmp_path / "results.json")
    junit = (tmp_path / "junit.xml").read_text(encoding="utf-8")
    assert 'name="accessibility_violation"' in junit
    cucumber = (tmp_path / "cucumber.json").read_text(encoding="utf-8")
    assert "accessibility" in cucumber and "label (critical" in cucumber
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    section = html.split('<section id="accessibility">', 1)[1].split("</section>", 1)[0]
    assert "<code>label</code>" in section and "critical" in section and "4.1.2" in section
    assert "dequeuniversity.com/rules/axe/" in section  # axe's help link
    assert "#loginForm\\:clientCode" in section and "<img" in section


def test_off_mode_audits_nothing(tmp_path: Path, mock_without_a_label: RunningMock) -> None:
    urls = url_options(mock_without_a_label.urls)
    run = run_suite(tmp_path, *urls, "-k", TO_PACER_LOGIN, "--a11y=off")
    assert run.returncode == 0, run.output[-3000:]
    assert audits(tmp_path / "results.json") == []
