"""axe-core audits of every page the scenarios reach (WCAG 2.1 A and AA), once per page state.

After each step of a scenario, the page the browser shows is in its final state for that
step: the step's own waits are over, and the auditor waits for the page's load if it is still
loading (a step may end on a click, and the next step leave the page). The page is then keyed
by its site, path, the names of its query parameters and a fingerprint of what is visible on
it (element, role, type and state of each visible element, no text): the PACER login page,
the same page with an error shown and the redaction agreement are three keys; the same page
for another persona is one. A key is audited once per run, so the cost stays low: under
pytest-xdist, by the one worker that claims it first (suite/audits/claims.py).

axe-core comes from the PyPI package axe-playwright-python, which ships axe.min.js in its
wheel: pip installs it like any other dependency, with no Node.js and no download at run
time, and requirements.lock pins it (and so the axe-core version). The suite runs that file
itself (suite/audits/page_scripts.py: by CDP on Chromium), and only axe's rules tagged wcag2a,
wcag2aa, wcag21a and wcag21aa.

`--a11y` (or CIT_FAQ_A11Y):
    fail    a violation fails the scenario that reached the page (default against the mock:
            the mock is ours, and must stay clean)
    report  violations are recorded in the reports and fail nothing (default against a real
            portal: its markup is not this suite's to fix, and the FAQ's answers must still
            be judged on their own; the QA team reads the accessibility section instead)
    off     no audit
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import urllib.parse
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

import pytest
from playwright.sync_api import Browser, BrowserContext, Frame, Page
from playwright.sync_api import Error as PlaywrightError

from suite.audits.claims import StateClaims
from suite.audits.page_scripts import (
    AXE_LOADED,
    OUTLINE,
    RUN_AXE,
    UNOUTLINE,
    PageScripts,
    left_mid_script,
)
from suite.run import screens, secrets
from suite.run.items import cached_fixture
from suite.run.output import REPORTS_DIR
from suite.run.state import PLAN, PROFILE, check_choice, is_mock

A11Y_MODES = ("fail", "report", "off")
SCREENSHOT_FOLDER = "accessibility"
AUDITS = pytest.StashKey[list["PageAudit"]]()
# Pages a test navigated to, audited or not ("site path"): a step that passes through a page
# on its way (the court's home page inside a sign-in) ends elsewhere, so that page is
# audited only if some other step ends on it; the report lists those no step ended on.
NAVIGATED = pytest.StashKey[set[str]]()
AUDITOR = pytest.StashKey["Auditor"]()
_WCAG_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")


class Violation(TypedDict):
    rule: str
    impact: str
    description: str
    wcag: list[str]  # success criteria, e.g. ["1.3.1", "4.1.2"]
    help: str
    help_url: str
    elements: list[dict[str, str]]  # {"target": css selector, "html": the element, "summary"}
    screenshot: str | None  # relative to the reports folder


class PageAudit(TypedDict):
    page: str  # the path with its query's parameter names, e.g. "/csologin/login.jsf?appurl"
    site: str  # "court", "pacer", "pacer-login", "ecf", or the origin of another site
    url: str
    state: str
    violations: list[Violation]
    error: str | None  # axe could not run on this page
    seconds: float  # what this audit cost the run (axe, and screenshots of violations)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("cit-faq").addoption(
        "--a11y",
        dest="a11y",
        choices=A11Y_MODES,
        default=os.environ.get("CIT_FAQ_A11Y"),
        help="axe-core audits (WCAG 2.1 A+AA) of every page state the scenarios reach: "
        "fail (a violation fails the scenario; default against the mock), report (recorded "
        "in the reports only; default against a real portal), off (or set CIT_FAQ_A11Y)",
    )


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    chosen = config.getoption("a11y")
    if chosen is not None:
        check_choice(config, "a11y", "CIT_FAQ_A11Y", A11Y_MODES)
    config.stash[AUDITOR] = Auditor(
        mode=chosen or default_mode(config), claims=StateClaims.for_run(config)
    )


def pytest_unconfigure(config: pytest.Config) -> None:
    auditor = config.stash.get(AUDITOR, None)
    if auditor is not None:
        auditor.claims.end_of_run()


def default_mode(config: pytest.Config) -> str:
    return "fail" if PLAN not in config.stash or is_mock(config) else "report"


def audit_mode(config: pytest.Config) -> str:
    auditor = config.stash.get(AUDITOR, None)
    return auditor.mode if auditor is not None else "off"


def wcag_criteria(tags: list[str]) -> list[str]:
    """axe's tags wcag143, wcag1410 → the success criteria 1.4.3, 1.4.10."""
    return [".".join(m.groups()) for m in map(_WCAG_TAG.match, tags) if m]


def page_key(url: str, fingerprint: str) -> tuple[str, str, str]:
    """(site, path with its query's parameter names, state) of a page."""
    parts = urllib.parse.urlsplit(url)
    names = sorted({name for name, _ in urllib.parse.parse_qsl(parts.query, True)})
    # DisplayMenu.pl?Utilities has a bare name; pscCourtId=…&appurl=… names with values.
    path = parts.path + (f"?{'&'.join(names)}" if names else "")
    state = hashlib.sha256(fingerprint.encode()).hexdigest()[:8]
    return f"{parts.scheme}://{parts.netloc}", path, state


@dataclass
class Auditor:
    """This process's audits: which page states have been audited, and the screenshots."""

    mode: str
    seen: set[tuple[str, str, str]] = field(default_factory=set)  # by this process
    claims: StateClaims = field(default_factory=StateClaims)  # the run's, across processes
    axe_source: str | None = None  # axe.min.js from axe-playwright-python, read on first use
    scripts: dict[Page, PageScripts] = field(default_factory=dict)  # the open pages'

    sites: dict[str, str] = field(default_factory=dict)  # origin -> site name

    def audit_pages(self, browser: Browser, item: pytest.Item) -> None:
        for context in browser.contexts:
            for page in context.pages:
                self._audit(page, item)

    def site_of(self, origin: str) -> str:
        return self.sites.get(origin, origin)

    def watch_navigations(self, context: BrowserContext, item: pytest.Item) -> None:
        """Note every page the context's pages navigate to (no audit: only where steps end)."""
        navigated = item.stash.setdefault(NAVIGATED, set())

        def watch(page: Page) -> None:
            def note(frame: Frame) -> None:
                if frame == page.main_frame and frame.url.startswith("http"):
                    navigated.add(frame.url)

            page.on("framenavigated", note)

        context.on("page", watch)

    def navigated(self, item: pytest.Item) -> list[str]:
        """The pages a test navigated to, as "site path" (the site's name where known)."""
        pages = set()
        for url in item.stash.get(NAVIGATED, set()):
            origin, path, _ = page_key(url, "")
            pages.add(f"{self.site_of(origin)} {path}")
        return sorted(pages)

    def learn_sites(self, item: pytest.Item) -> None:
        if self.sites:
            return
        target = cached_fixture(item, "target")
        for site, url in getattr(target, "urls", {}).items():
            self.sites[page_key(url, "")[0]] = site

    def _audit(self, page: Page, item: pytest.Item) -> None:
        if page.is_closed() or not page.url.startswith("http"):
            return
        scripts = self._scripts_for(page)
        fingerprint = scripts.loaded_fingerprint()
        if fingerprint is None:
            return  # still not loaded: the next step that ends on it audits it
        key = page_key(page.url, fingerprint)
        if key in self.seen:
            return
        self.seen.add(key)
        # Each xdist worker has a mock of its own, on its own ports: the state is the site's.
        claim = (self.site_of(key[0]), key[1], key[2])
        if not self.claims.claim(claim):
            return  # another worker of this run audits it
        started = time.perf_counter()
        audit: PageAudit = {
            "page": key[1],
            "site": self.site_of(key[0]),
            "url": secrets.mask_text(page.url.split("#")[0]),
            "state": key[2],
            "violations": [],
            "error": None,
            "seconds": 0.0,
        }
        try:
            violations = self._run_axe(page, scripts, key)
        except PlaywrightError as error:
            audit["error"] = str(error).splitlines()[0]
        else:
            if violations is None:
                # A step may end while its click's navigation is still in flight: the page
                # was replaced under axe. Not this state's fault, and not audited: the next
                # step audits where the page landed, and this state when it is seen again.
                self.seen.discard(key)
                self.claims.release(claim)
                return
            audit["violations"] = [self._violation(page, item, key, raw) for raw in violations]
        audit["seconds"] = time.perf_counter() - started
        item.stash.setdefault(AUDITS, []).append(audit)

    def _run_axe(
        self, page: Page, scripts: PageScripts, key: tuple[str, str, str]
    ) -> list[dict[str, Any]] | None:
        """axe's violations on the page in state `key`, or None if the page left that state
        during the audit. A failure on a page still in that state is tried once more, then
        raised: it is the page's error.

        A navigation can commit between the fingerprint and axe's run: axe then runs in the
        new document while it is still empty and fails on its own ("Cannot read properties of
        null (reading 'documentElement')"), not with Playwright's "context destroyed". So
        after any failure the auditor looks at the page again, as after a step."""
        tries_left = 2
        while True:
            tries_left -= 1
            try:
                if not scripts.value(AXE_LOADED):
                    scripts.value(self._axe_source() + "\n;0")
                violations: list[dict[str, Any]] = scripts.value(RUN_AXE, await_promise=True)
                return violations
            except PlaywrightError as error:
                if left_mid_script(page, error):
                    return None
                fingerprint = scripts.loaded_fingerprint()
                if fingerprint is None or page_key(page.url, fingerprint) != key:
                    return None
                if not tries_left:
                    raise

    def _scripts_for(self, page: Page) -> PageScripts:
        """One per page, for its lifetime: the CDP session is opened once, not per step."""
        if page not in self.scripts:
            for closed in [known for known in self.scripts if known.is_closed()]:
                del self.scripts[closed]  # an earlier scenario's, with its context
            self.scripts[page] = PageScripts(page)
        return self.scripts[page]

    def _axe_source(self) -> str:
        if self.axe_source is None:
            from axe_playwright_python.base import AXE_SCRIPT

            self.axe_source = AXE_SCRIPT
        return self.axe_source

    def _violation(
        self, page: Page, item: pytest.Item, key: tuple[str, str, str], raw: dict[str, Any]
    ) -> Violation:
        elements = [
            {
                "target": " ".join(map(str, node.get("target", []))),
                "html": secrets.mask_text(str(node.get("html", ""))),
                "summary": secrets.mask_text(str(node.get("failureSummary", ""))),
            }
            for node in raw.get("nodes", [])
        ]
        return {
            "rule": raw["id"],
            "impact": str(raw.get("impact") or "unknown"),
            "description": raw.get("description", ""),
            "wcag": wcag_criteria(raw.get("tags", [])),
            "help": raw.get("help", ""),
            "help_url": raw.get("helpUrl", ""),
            "elements": elements,
            "screenshot": self._outline_screenshot(page, item, key, raw, elements),
        }

    def _outline_screenshot(
        self,
        page: Page,
        item: pytest.Item,
        key: tuple[str, str, str],
        raw: dict[str, Any],
        elements: list[dict[str, str]],
    ) -> str | None:
        """The whole page with the violation's elements outlined in red (only on a violation)."""
        config = item.config
        if not hasattr(config.option, "output"):
            return None
        folder = Path(config.invocation_params.dir, config.option.output, SCREENSHOT_FOLDER)
        name = re.sub(r"[^A-Za-z0-9]+", "-", f"{key[1]}-{key[2]}-{raw['id']}").strip("-")
        path = folder / f"{name}.png"
        selectors = [e["target"] for e in elements if e["target"]]
        try:
            page.evaluate(OUTLINE, selectors)
            folder.mkdir(parents=True, exist_ok=True)
            # Nothing secret on it (a filled passcode field, a key shown): covered, not changed.
            covered = screens.masks(page, config.stash[PROFILE])
            page.screenshot(path=path, full_page=True, mask=covered)
            page.evaluate(UNOUTLINE)
        except PlaywrightError:
            return None
        return os.path.relpath(path, config.stash[REPORTS_DIR])


def describe(audit: PageAudit) -> list[str]:
    """One line per violation, for a failure message, JUnit and the terminal."""
    lines = []
    for v in audit["violations"]:
        criteria = ", ".join(v["wcag"]) or "no WCAG criterion"
        targets = "; ".join(e["target"] for e in v["elements"])
        lines.append(
            f"{audit['url']}: {v['rule']} ({v['impact']}, WCAG {criteria}): {v['help']} "
            f"at {targets} ({v['help_url']})"
        )
    return lines


# --- hooks ------------------------------------------------------------------------------------


def _browser_and_auditor(request: pytest.FixtureRequest) -> tuple[Browser, Auditor] | None:
    auditor = request.config.stash.get(AUDITOR, None)
    if auditor is None or auditor.mode == "off":
        return None
    browser = cached_fixture(request.node, "browser")
    return (browser, auditor) if isinstance(browser, Browser) else None


CreateContext = Callable[..., BrowserContext]


@pytest.fixture
def new_context(new_context: CreateContext, request: pytest.FixtureRequest) -> CreateContext:
    """pytest-playwright's context factory (as suite.run.tracing extends it), with every page's
    navigations noted, so the report can name pages that no step ended on."""
    auditor = request.config.stash.get(AUDITOR, None)
    if auditor is None or auditor.mode == "off":
        return new_context

    def watched_context(**kwargs: Any) -> BrowserContext:
        context = new_context(**kwargs)
        auditor.watch_navigations(context, request.node)
        return context

    return watched_context


def pytest_bdd_after_step(request: pytest.FixtureRequest) -> None:
    found = _browser_and_auditor(request)
    if found is not None:
        found[1].learn_sites(request.node)
        found[1].audit_pages(found[0], request.node)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    # The scenario's own checks first; then, in `fail` mode, the pages it reached.
    try:
        result = yield
    finally:
        problems = [line for audit in item.stash.get(AUDITS, []) for line in describe(audit)]
        for line in problems:  # JUnit's <properties>, whatever the mode and the outcome
            item.user_properties.append(("accessibility_violation", line))
    if problems and audit_mode(item.config) == "fail":
        raise AssertionError(
            f"accessibility: {len(problems)} axe-core violation(s) (WCAG 2.1 A/AA) on the "
            f"pages this scenario reached first (--a11y=fail):\n" + "\n".join(problems)
        )
    return result


def navigated_by(item: pytest.Item) -> list[str]:
    auditor = item.config.stash.get(AUDITOR, None)
    return auditor.navigated(item) if auditor is not None else []


def audits_of(item: pytest.Item) -> list[PageAudit]:
    audits: list[PageAudit] = item.stash.get(AUDITS, [])
    return audits
