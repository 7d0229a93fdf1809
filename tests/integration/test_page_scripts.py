"""The audits' page scripts in a real Chromium, by CDP and by page.evaluate alike.

Each test runs twice: once as the auditor runs on Chromium (a CDP session's Runtime.evaluate)
and once as on any other browser (page.evaluate). Both must give the same answers, inject and
run axe-core under a strict Content-Security-Policy as real court pages may send, raise what a
script throws, and fail in words the auditor recognises when the page navigates away mid-script.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Route

from suite.audits.accessibility import AUDITS, Auditor
from suite.audits.page_scripts import FINGERPRINT, PageScripts, left_mid_script

# A page served (by Playwright's router, so no server) with no inline script and no eval
# allowed: what a locked-down portal may send.
STRICT_PAGE = "http://portal.test/cgi-bin/LinkAccount.pl"
STRICT_CSP = "default-src 'self'"
FORM = (
    "<!doctype html><html lang=en><head><title>Link accounts</title></head>"
    "<body><main><h1>Link accounts</h1><form><input id=login type=text>"  # no label
    "<button>Submit</button></form></main></body></html>"
)


def serve_form(route: Route) -> None:
    route.fulfill(
        content_type="text/html", body=FORM, headers={"Content-Security-Policy": STRICT_CSP}
    )


@pytest.fixture(params=["CDP session", "page.evaluate"])
def scripts(page: Page, request: pytest.FixtureRequest) -> PageScripts:
    page.route(STRICT_PAGE, serve_form)
    page.goto(STRICT_PAGE)
    scripts = PageScripts(page)
    assert scripts.session is not None, "Chromium should give a CDP session"
    if request.param == "page.evaluate":
        scripts.session = None  # as on a browser without CDP
    return scripts


def test_the_fingerprint_is_what_is_visible_on_the_page(scripts: PageScripts) -> None:
    assert scripts.value(FINGERPRINT) == "MAIN::::|H1::::|FORM::::|INPUT::text::|BUTTON::::"


def test_a_promise_is_awaited_and_a_throw_is_raised(scripts: PageScripts) -> None:
    assert (
        scripts.value("new Promise(done => setTimeout(() => done(42), 10))", await_promise=True)
        == 42
    )
    with pytest.raises(PlaywrightError, match="TypeError: boom"):
        scripts.value("(() => { throw new TypeError('boom'); })()")


def test_axe_core_runs_under_a_strict_csp_and_finds_the_missing_label(
    scripts: PageScripts, page: Page
) -> None:
    auditor = Auditor(mode="fail", scripts={page: scripts})
    item = SimpleNamespace(stash=pytest.Stash(), config=SimpleNamespace(option=SimpleNamespace()))
    auditor._audit(page, item)  # type: ignore[arg-type]
    [audit] = item.stash[AUDITS]
    assert audit["error"] is None
    assert [v["rule"] for v in audit["violations"]] == ["label"]
    assert audit["violations"][0]["elements"][0]["target"] == "#login"


def test_a_page_that_navigates_away_mid_script_is_recognised_as_such(
    scripts: PageScripts, page: Page
) -> None:
    with pytest.raises(PlaywrightError) as raised:
        scripts.value(
            "new Promise(() => setTimeout(() => location.reload(), 20))", await_promise=True
        )
    assert left_mid_script(page, raised.value), str(raised.value)


def test_a_page_still_loading_has_no_fingerprint_until_it_has_loaded(page: Page) -> None:
    # The page's stylesheet is held back: its document is parsed, but not loaded.
    held: list[Route] = []
    page.route(
        STRICT_PAGE,
        lambda route: route.fulfill(
            content_type="text/html",
            body=FORM.replace("</title>", "</title><link rel=stylesheet href=/held.css>"),
        ),
    )
    page.route("http://portal.test/held.css", lambda route: held.append(route))
    page.goto(STRICT_PAGE, wait_until="domcontentloaded")
    scripts = PageScripts(page)
    assert scripts.value(FINGERPRINT) is None
    held[0].fulfill(content_type="text/css", body="")
    page.wait_for_load_state("load")
    assert scripts.value(FINGERPRINT) == "MAIN::::|H1::::|FORM::::|INPUT::text::|BUTTON::::"
