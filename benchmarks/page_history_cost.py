"""What the page history (suite/run/page_history.py) costs: the bare linking flow with and
without it.

The flow of benchmarks/bare_linking_flow.py (sign in through PACER login and the redaction
agreement, then link: about eight pages), in a fresh browser context each time, against an
embedded mock; once with the context's page history recorded (the init script, the exposed
binding, the request listener) and once without, alternately, so a busy machine's drift falls
on both. Reports the median flow of each, the difference per flow and per page shown, and what
one `look` (the step's fresh look at the page in front) costs. Then the cost per page load
alone: one page loaded --loads times in each of two open contexts, one recorded, alternately,
the median load of each: PACER login (its password field is reported: a round trip) and the
court's home page (nothing to report).

    .venv/bin/python benchmarks/page_history_cost.py [--pairs 15] [--loads 200] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Browser, sync_playwright

from benchmarks.bare_linking_flow import link, sign_in_through_pacer
from mock_site.server import start_mock
from suite.run.browser import choose_browser
from suite.run.mock_control import MockControl
from suite.run.page_history import record


def one_flow(browser: Browser, urls: dict[str, str], recorded: bool) -> tuple[float, int, float]:
    """(seconds for the flow, pages the history kept, seconds for one look)."""
    context = browser.new_context()
    try:
        history = record(context) if recorded else None
        page = context.new_page()
        started = time.perf_counter()
        sign_in_through_pacer(page, urls)
        link(page, urls)
        flow = time.perf_counter() - started
        if history is None:
            return flow, 0, 0.0
        looked = time.perf_counter()
        shown = history.look(page)
        look = time.perf_counter() - looked
        # Pages as shown (navigation events): not the look, nor the pages' own reports.
        return flow, len([s for s in shown[:-1] if not (s.mouse or s.passwords)]), look
    finally:
        context.close()


def page_loads(browser: Browser, url: str, loads: int) -> dict[bool, float]:
    """Median seconds of one load of the page at url, recorded or not."""
    pages = {}
    for recorded in (True, False):
        context = browser.new_context()
        if recorded:
            record(context)
        pages[recorded] = context.new_page()
    samples: dict[bool, list[float]] = {True: [], False: []}
    for number in range(loads + 5):  # the first five warm up
        for recorded in (True, False) if number % 2 else (False, True):
            started = time.perf_counter()
            pages[recorded].goto(url)
            if number >= 5:
                samples[recorded].append(time.perf_counter() - started)
    for page in pages.values():
        page.context.close()
    return {recorded: statistics.median(times) for recorded, times in samples.items()}


def measure(pairs: int, loads: int) -> dict[str, Any]:
    launch = choose_browser().launch_args()  # before sync_playwright: it looks for Chromium
    with start_mock(test_mode=True) as mock, sync_playwright() as playwright:
        control = MockControl(mock.urls["ecf"] + "/_mock")
        browser = playwright.chromium.launch(**launch)  # type: ignore[arg-type]
        samples: dict[bool, list[float]] = {True: [], False: []}
        pages: list[int] = []
        looks: list[float] = []
        for number in range(pairs + 1):  # the first pair warms up
            for recorded in (True, False) if number % 2 else (False, True):
                control.reset()
                flow, shown, look = one_flow(browser, mock.urls, recorded)
                if number:
                    samples[recorded].append(flow)
                    if recorded:
                        pages.append(shown)
                        looks.append(look)
        # PACER login shows a password field (its page reports it); the court's home does not.
        login = page_loads(browser, mock.urls["ecf"] + "/cgi-bin/login.pl", loads)
        home = page_loads(browser, mock.urls["court"] + "/", loads)
        browser.close()
    with_history, without = (statistics.median(samples[k]) for k in (True, False))
    per_flow = with_history - without
    return {
        "pairs": pairs,
        "median_with_history_s": with_history,
        "median_without_s": without,
        "overhead_per_flow_ms": per_flow * 1000,
        "overhead_percent": 100 * per_flow / without,
        "pages_per_flow": statistics.median(pages),
        "overhead_per_page_ms": per_flow * 1000 / statistics.median(pages),
        "look_ms": statistics.median(looks) * 1000,
        "loads": loads,
        "login_with_history_ms": login[True] * 1000,
        "login_without_ms": login[False] * 1000,
        "home_with_history_ms": home[True] * 1000,
        "home_without_ms": home[False] * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15)
    parser.add_argument("--loads", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.pairs, args.loads)
    if args.json:
        print(json.dumps(result))
        return 0
    print(
        f"{args.pairs} alternating pairs: median flow {result['median_with_history_s']:.3f} s "
        f"with the page history, {result['median_without_s']:.3f} s without "
        f"({result['overhead_per_flow_ms']:+.1f} ms, {result['overhead_percent']:+.1f}%); "
        f"{result['pages_per_flow']:.0f} pages shown per flow "
        f"({result['overhead_per_page_ms']:+.2f} ms a page); one look {result['look_ms']:.1f} ms"
    )
    print(
        f"{args.loads} alternating loads of one page, median with / without the page history: "
        f"PACER login (by way of CM/ECF login.pl; a password field) "
        f"{result['login_with_history_ms']:.1f} / {result['login_without_ms']:.1f} ms; "
        f"the court's home page {result['home_with_history_ms']:.1f} / "
        f"{result['home_without_ms']:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
