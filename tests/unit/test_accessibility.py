"""The audits' bookkeeping, without a browser: page-state keys, WCAG criteria, and the
accessibility feature kept apart from the FAQ's coverage."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from suite.audits.accessibility import AUDITS, Auditor, page_key, wcag_criteria
from suite.audits.claims import CLAIMS_FOLDER, StateClaims
from suite.audits.page_scripts import FINGERPRINT, RUN_AXE
from suite.authoring.features import BEYOND_FAQ_TAGS
from suite.reporting.html import BEYOND_FAQ_GROUPS
from suite.reporting.traceability import matrix_for
from suite.run.output import REPORTS_DIR


def test_axe_tags_become_wcag_success_criteria() -> None:
    tags = ["cat.forms", "wcag2a", "wcag412", "wcag143", "wcag1410", "best-practice"]
    assert wcag_criteria(tags) == ["4.1.2", "1.4.3", "1.4.10"]


def test_a_page_state_is_its_site_path_query_names_and_what_is_visible() -> None:
    login = "http://127.0.0.1:5003/csologin/login.jsf?pscCourtId=CIT&appurl=http%3A%2F%2Fx"
    other_return = "http://127.0.0.1:5003/csologin/login.jsf?appurl=elsewhere&pscCourtId=CIT"
    assert page_key(login, "form") == page_key(other_return, "form")
    assert page_key(login, "form") != page_key(login, "form|alert")
    assert page_key(login, "form")[1] == "/csologin/login.jsf?appurl&pscCourtId"
    utilities = page_key("http://h/cgi-bin/DisplayMenu.pl?Utilities", "menu")
    reports = page_key("http://h/cgi-bin/DisplayMenu.pl?Reports", "menu")
    assert utilities != reports
    assert page_key("http://h:1/", "x")[0] != page_key("http://h:2/", "x")[0]


def test_the_accessibility_and_mfa_features_are_beyond_the_faq_and_not_counted() -> None:
    matrix = matrix_for()
    assert matrix.ok, matrix.errors
    assert [beyond.path for beyond in matrix.beyond] == [
        "features/10_accessibility_keyboard.feature",
        "features/11_multifactor_authentication.feature",
    ]
    quoted_by = {use.scenario.feature_path for s in matrix.sentences for use in s.uses}
    for beyond in matrix.beyond:
        assert beyond.scenarios
        assert all(beyond.path not in q.features for q in matrix.questions)
        assert beyond.path not in quoted_by


def test_every_tag_of_a_feature_beyond_the_faq_has_its_group_in_the_html_report() -> None:
    assert set(BEYOND_FAQ_GROUPS) == BEYOND_FAQ_TAGS


class PageUnderAxe:
    """Just enough of a Playwright page for one audit: not Chromium (no CDP session), so the
    auditor's scripts go through `evaluate`; its fingerprint is `fingerprint`. Its axe run
    finds nothing, or raises `error`, after which its fingerprint is `after_axe` (another
    document's, if a navigation committed under axe)."""

    url = "http://127.0.0.1:5004/cgi-bin/LinkAccount.pl"

    def __init__(
        self,
        error: str | None,
        fingerprint: str | None = "form",
        loaded: str | None = None,
        after_axe: str | None = "form",
    ) -> None:
        self.error, self.fingerprint, self.loaded = error, fingerprint, loaded
        self.after_axe = after_axe
        self.context = self
        self.axe_runs = 0
        self.load_waits = 0

    def wait_for_load_state(self, state: str, timeout: float) -> None:
        self.load_waits += 1
        if self.loaded is None:
            raise PlaywrightTimeoutError(f"Timeout {timeout}ms exceeded.")
        self.fingerprint = self.loaded

    def new_cdp_session(self, page: Any) -> Any:
        raise PlaywrightError(
            "BrowserContext.new_cdp_session: CDP session is only available in Chromium"
        )

    def is_closed(self) -> bool:
        return False

    def evaluate(self, expression: str) -> Any:
        if expression == FINGERPRINT:
            return self.fingerprint
        if expression == RUN_AXE:
            self.axe_runs += 1
            if self.error is None:
                return []  # no violation
            self.fingerprint = self.after_axe
            raise PlaywrightError(self.error)
        return True  # axe-core is loaded


def audit_once(
    error: str | None,
    fingerprint: str | None = "form",
    claims: StateClaims | None = None,
    **page_says: str | None,
) -> tuple[Auditor, Any, PageUnderAxe]:
    auditor = Auditor(mode="fail", claims=claims or StateClaims())
    item = SimpleNamespace(stash=pytest.Stash())
    page = PageUnderAxe(error, fingerprint, **page_says)
    auditor._audit(page, item)  # type: ignore[arg-type]
    return auditor, item, page


def test_a_page_that_navigates_away_during_its_audit_is_left_for_later() -> None:
    # A step's click may still be navigating when the step ends: axe's document is replaced.
    auditor, item, _ = audit_once(
        "Page.evaluate: Execution context was destroyed, most likely because of a navigation"
    )
    assert item.stash.get(AUDITS, []) == []
    assert auditor.seen == set()  # audited when that state is seen again


def test_a_page_that_does_not_load_in_time_is_no_state_and_is_not_audited() -> None:
    # readyState never "complete" while the auditor waits: nothing is run or kept.
    auditor, item, page = audit_once("unused", fingerprint=None)
    assert page.load_waits == 1
    assert page.axe_runs == 0
    assert item.stash.get(AUDITS, []) == []
    assert auditor.seen == set()


def test_a_page_still_loading_when_its_step_ends_is_audited_once_loaded() -> None:
    # On a busy machine a step may end before its page's styles have loaded, and the next step
    # leave the page: unless the auditor waits for the load, that state is never audited.
    _, item, page = audit_once(None, fingerprint=None, loaded="form")
    assert page.load_waits == 1
    assert page.axe_runs == 1
    [audit] = item.stash[AUDITS]
    assert audit["error"] is None and audit["violations"] == []


@pytest.mark.parametrize("landed", ["verification", None], ids=["another state", "loading"])
def test_a_navigation_that_commits_under_axe_leaves_the_page_for_later(landed: str | None) -> None:
    # Seen in make test (2026-12-07): the linking form's submit committed between the
    # fingerprint and axe's run, and axe failed in the new, still empty document with an error
    # of its own, not Playwright's "context destroyed"; it was recorded as the page's error.
    auditor, item, page = audit_once(
        "Runtime.evaluate: TypeError: Cannot read properties of null (reading 'documentElement')",
        after_axe=landed,
    )
    assert page.axe_runs == 1
    assert item.stash.get(AUDITS, []) == []
    assert auditor.seen == set()


def test_any_other_axe_failure_is_recorded_as_the_pages_error() -> None:
    # The page is still in the state audited: tried once more (a navigation may have landed
    # on a page that looks the same), then recorded.
    auditor, item, page = audit_once("Page.evaluate: ReferenceError: axe is not defined")
    assert page.axe_runs == 2
    [audit] = item.stash[AUDITS]
    assert audit["error"] == "Page.evaluate: ReferenceError: axe is not defined"
    assert len(auditor.seen) == 1


def test_a_state_one_worker_audited_is_not_audited_by_another_of_the_same_run(
    tmp_path: Path,
) -> None:
    run = StateClaims(tmp_path / CLAIMS_FOLDER)  # what each worker of one run is given
    _, first, page = audit_once(None, claims=run)
    _, second, other = audit_once(None, claims=run)
    assert (page.axe_runs, other.axe_runs) == (1, 0)
    assert len(first.stash[AUDITS]) == 1 and second.stash.get(AUDITS, []) == []
    _, _, again = audit_once(None, claims=StateClaims(tmp_path / "another run"))
    assert again.axe_runs == 1


def test_a_state_left_during_its_audit_is_another_workers_to_audit(tmp_path: Path) -> None:
    run = StateClaims(tmp_path / CLAIMS_FOLDER)
    audit_once("Page.evaluate: Execution context was destroyed", claims=run)
    _, item, page = audit_once(None, claims=run)
    assert page.axe_runs == 1 and len(item.stash[AUDITS]) == 1


@pytest.mark.parametrize("process", ["controller", "worker", "collect-only"])
def test_only_the_process_that_starts_a_run_forgets_the_last_runs_claims(
    tmp_path: Path, process: str
) -> None:
    StateClaims(tmp_path / CLAIMS_FOLDER).claim(("http://court", "/", "abc"))
    config = SimpleNamespace(
        stash=pytest.Stash(), option=SimpleNamespace(collectonly=process == "collect-only")
    )
    config.stash[REPORTS_DIR] = tmp_path
    if process == "worker":
        config.workerinput = {"workerid": "gw1"}
    claims = StateClaims.for_run(config)  # type: ignore[arg-type]
    assert claims.claim(("http://court", "/", "abc")) == (process == "controller")
    claims.end_of_run()  # and only that process removes the folder as the run ends
    assert (tmp_path / CLAIMS_FOLDER).exists() == (process != "controller")
