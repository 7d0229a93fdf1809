"""Where one axe-core audit's time goes, by each means the auditor can use.

For every sample a new browser context opens PACER login's page on the embedded mock, as a
scenario's first audit meets it (a fresh renderer: nothing of axe-core compiled yet), and
times, by a CDP session's Runtime.evaluate and by page.evaluate in turn:

    fingerprint   the page-state fingerprint, the first script run in the new document
    inject        axe-core's source (axe-playwright-python's axe.min.js) into the page
    run           axe.run with the suite's rules, answering only the violations
    run, all      the same, answering everything axe reports (passes, inapplicable...)

    .venv/bin/python benchmarks/audit_parts.py [--samples 9]

Medians, the first sample of each kind left out (the browser warming up).
suite/audits/page_scripts.py quotes these figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import sync_playwright

from mock_site.server import start_mock
from suite.audits.page_scripts import AXE_OPTIONS, FINGERPRINT, RUN_AXE, PageScripts
from suite.run.browser import choose_browser

RUN_ALL = f"axe.run(document, {json.dumps(AXE_OPTIONS)})"
PARTS = ("fingerprint", "inject", "run", "run, all")


def milliseconds(script: Callable[[], Any]) -> float:
    started = time.perf_counter()
    script()
    return (time.perf_counter() - started) * 1000


def sample(scripts: PageScripts) -> dict[str, float]:
    """One page's audit, part by part, in milliseconds."""
    return {
        "fingerprint": milliseconds(lambda: scripts.value(FINGERPRINT)),
        "inject": milliseconds(lambda: scripts.value(AXE_SCRIPT + "\n;0")),
        "run": milliseconds(lambda: scripts.value(RUN_AXE, await_promise=True)),
    }


def sample_run_all(scripts: PageScripts) -> dict[str, float]:
    """The run alone, answering everything axe found, on a page made ready as in `sample`."""
    scripts.value(FINGERPRINT)
    scripts.value(AXE_SCRIPT + "\n;0")
    return {"run, all": milliseconds(lambda: scripts.value(RUN_ALL, await_promise=True))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=9, help="pages per means and variant")
    args = parser.parse_args()
    launch = choose_browser().launch_args()
    found: dict[tuple[str, str], list[float]] = {}
    with start_mock(test_mode=True) as mock, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch)
        url = mock.urls["pacer-login"] + "/csologin/login.jsf"
        for _ in range(args.samples):
            for means in ("Runtime.evaluate (CDP)", "page.evaluate"):
                for answer in ("violations", "everything"):
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto(url)
                    scripts = PageScripts(page)
                    if means == "page.evaluate":
                        scripts.session = None
                    times = sample_run_all(scripts) if answer == "everything" else sample(scripts)
                    for part, ms in times.items():
                        found.setdefault((means, part), []).append(ms)
                    context.close()
        browser.close()
    print(f"{'means':24} " + " ".join(f"{part:>12}" for part in PARTS))
    for means in ("Runtime.evaluate (CDP)", "page.evaluate"):
        cells = [statistics.median(found[(means, part)][1:]) for part in PARTS]
        print(f"{means:24} " + " ".join(f"{ms:9.1f} ms" for ms in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
