"""The audits' own JavaScript, run in a page's main frame by the cheapest means the browser has.

The auditor fingerprints every open page after every step, and sends each audited page
axe-core's 570 kB source. Through `page.evaluate`, each of these pays for Playwright's
convenience: before the first evaluate in a new document Playwright installs its utility
script there, and the source travels through its serializer. The audits need neither, and on
Chromium a CDP session's `Runtime.evaluate` skips both. Measured on the 2-core machine
(benchmarks/results.md, medians of 7, a new context per sample, PACER's login page):

    first fingerprint in a new document   page.evaluate  8.5 ms   Runtime.evaluate  2.8 ms
    injecting axe-core                    page.evaluate  121 ms   Runtime.evaluate   93 ms

Most steps load a new document, so the first line is paid about 300 times a run. Where no
CDP session can be opened (a browser other than Chromium), `page.evaluate` does the same work.
Both evaluate in the page's main world, as axe-core expects; neither changes the page's
Content-Security-Policy, which does not apply to either.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import CDPSession, Page
from playwright.sync_api import Error as PlaywrightError


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


def _cdp_session(page: Page) -> CDPSession | None:
    try:
        return page.context.new_cdp_session(page)
    except PlaywrightError:
        return None  # not Chromium: "CDP session is only available in Chromium"


def _exception_text(details: dict[str, Any]) -> str:
    """ "TypeError: boom" from CDP's exceptionDetails (the thrown value's own description)."""
    thrown = details.get("exception") or {}
    said = thrown.get("description") or str(thrown.get("value", "")) or details.get("text", "")
    return str(said).splitlines()[0] if said else "the script threw"
