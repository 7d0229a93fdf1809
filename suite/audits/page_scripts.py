"""The audits' own JavaScript, and the cheapest means the browser has to run it in a page.

The auditor fingerprints every open page after every step, and sends each audited page
axe-core's 570 kB source. Through `page.evaluate`, each of these pays for Playwright's
convenience: before the first evaluate in a new document Playwright installs its utility
script there, and the source travels through its serializer. The audits need neither, and on
Chromium a CDP session's `Runtime.evaluate` skips both. `benchmarks/audit_parts.py` measured
on the 2-core machine (2026-12-03, medians of 14, a new context per sample, PACER's login
page on the mock):

    first fingerprint in a new document   page.evaluate  7.5 ms   Runtime.evaluate  4.7 ms
    injecting axe-core                    page.evaluate  108 ms   Runtime.evaluate   95 ms

In a run against the mock about 230 of the 340 fingerprints are the first in their document.
Where no CDP session can be opened (a browser other than Chromium), `page.evaluate` does the
same work. Both evaluate in the page's main world, as axe-core expects, and a page's
Content-Security-Policy stops neither (tests/integration/test_page_scripts.py).
"""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import CDPSession, Page
from playwright.sync_api import Error as PlaywrightError

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": list(AXE_TAGS)}, "resultTypes": ["violations"]}
# Only the violations come back: the passes and the rules that did not apply, which the
# reports do not use, are 30 kB more per page (by page.evaluate a run took 87 ms, not 67).
RUN_AXE = f"axe.run(document, {json.dumps(AXE_OPTIONS)}).then(results => results.violations)"
# A state of a document already audited (an error shown in place) has axe-core already.
AXE_LOADED = "typeof axe !== 'undefined' && typeof axe.run === 'function'"

# What a page is made of, without its text: a person who sees an error, a dialog or a
# new form sees another page; the same form for another persona is the same page.
# None while the document is still loading: a step may end with its click's navigation
# under way, and a half-built page is no state of its own (it would be audited as one).
FINGERPRINT = """(() => {
  if (document.readyState !== 'complete') return null;
  const parts = [];
  for (const e of document.querySelectorAll('body *')) {
    if (e.checkVisibility && !e.checkVisibility()) continue;
    parts.push([e.tagName, e.getAttribute('role') || '', e.getAttribute('type') || '',
                e.disabled ? 'disabled' : '', e.getAttribute('aria-invalid') || ''].join(':'));
  }
  return parts.join('|');
})()"""

# Outlines the elements of one violation for its screenshot; undone right after.
OUTLINE = """(selectors) => {
  const marked = [];
  for (const selector of selectors) {
    for (const e of document.querySelectorAll(selector)) {
      e.dataset.citA11yOutline = e.style.outline;
      e.style.outline = '4px solid #d83933';
      e.style.outlineOffset = '2px';
      marked.push(e);
    }
  }
  return marked.length;
}"""
UNOUTLINE = """() => {
  for (const e of document.querySelectorAll('[data-cit-a11y-outline]')) {
    e.style.outline = e.dataset.citA11yOutline; e.style.outlineOffset = '';
    delete e.dataset.citA11yOutline;
  }
}"""

# What Playwright says when the document an evaluate ran in is replaced or gone.
NAVIGATED_AWAY = (
    "Execution context was destroyed",  # page.evaluate
    "Inspected target navigated or closed",  # a CDP session's Runtime.evaluate
    "Target page, context or browser has been closed",
)
# How long the auditor waits for a page still loading when a step ends (as long as expect()
# waits by default): a page that takes longer is audited when a later step ends on it.
LOAD_WAIT_MS = 5_000


class PageScripts:
    """Evaluates expressions in one page: by CDP where the browser allows it, else page.evaluate."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.session = _cdp_session(page)

    def value(self, expression: str, *, await_promise: bool = False) -> Any:
        """The JSON value of a JavaScript expression; awaited first if `await_promise`.

        A script that throws raises Playwright's Error, with the exception's first line, as
        page.evaluate does; so do a page that navigates away or closes meanwhile."""
        if self.session is None:
            return self.page.evaluate(expression)  # awaits a promise by itself
        reply = self.session.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": await_promise},
        )
        if "exceptionDetails" in reply:
            raise PlaywrightError(f"Runtime.evaluate: {_exception_text(reply['exceptionDetails'])}")
        return reply["result"].get("value")

    def loaded_fingerprint(self) -> str | None:
        """What the page shows once it has loaded, or None if it does not load in time.

        A step may end while the page it led to is still loading (its styles and scripts, on
        a busy machine), and the next step may leave it before it ever loads: its state would
        never be audited. So the auditor waits for the page's load, as a person waits."""
        try:
            fingerprint = self.value(FINGERPRINT)
        except PlaywrightError:
            fingerprint = None  # navigating away: wait for where it lands
        if fingerprint is None:
            try:
                self.page.wait_for_load_state("load", timeout=LOAD_WAIT_MS)
                fingerprint = self.value(FINGERPRINT)
            except PlaywrightError:
                return None  # a time-out, a closed page, or navigating again: a later step's
        return None if fingerprint is None else str(fingerprint)


def left_mid_script(page: Page, error: PlaywrightError) -> bool:
    """Whether a script failed because the page went away (navigated or closed) meanwhile."""
    said = str(error)
    return page.is_closed() or any(sign in said for sign in NAVIGATED_AWAY)


def _cdp_session(page: Page) -> CDPSession | None:
    try:
        return page.context.new_cdp_session(page)
    except PlaywrightError:
        return None  # not Chromium: "CDP session is only available in Chromium"


def _exception_text(details: dict[str, Any]) -> str:
    """The thrown value's own description from CDP's exceptionDetails: "TypeError: boom"."""
    thrown = details.get("exception") or {}
    said = thrown.get("description") or str(thrown.get("value", "")) or details.get("text", "")
    return str(said).splitlines()[0] if said else "the script threw"
