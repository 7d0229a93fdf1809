"""The floor: the happy-path linking flow as a bare Playwright script, no pytest, no framework.

The same flow as the scenario "Linking the CM/ECF account from the Utilities menu"
(features/01_linking_accounts.feature), with the same checks, against an embedded mock
started in this process as the suite's `target` fixture does:

    new browser context and page
    sign in: CM/ECF login.pl -> PACER login -> [the one-time passcode] -> redaction agreement
             -> CM/ECF home (or, with --sign-in=reuse, the cookies of one earlier UI sign-in,
             as the suite)
    Utilities -> "Link a CM/ECF account to my PACER account" -> login and password -> Submit
    the verification page shows both accounts and asks to confirm -> Submit
    "Accounts linked", the confirmation text, the filing menu in the menu bar
    close the context

The mock's date is --today (default: the real date, when PACER asks every filer for a
one-time passcode after the password). When it asks, the script does what the suite does:
it moves the mock's clock on to a 30-second step no sign-in has used (PACER refuses a
passcode whose step was already used), computes the passcode with pyotp from the filer's
key, types it and clicks Verify; all inside the timed flow, as in the suite.

The browser is launched once, before the first iteration, as the suite launches it once per
session; the first --warmup iterations are not reported. The mock is reset to its seeded
state between iterations (linking twice would fail) outside the timed part, and the reset's
own time is reported separately.

    .venv/bin/python benchmarks/bare_linking_flow.py [--iterations 10] [--warmup 1]
        [--sign-in ui|reuse] [--today YYYY-MM-DD] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyotp
from playwright.sync_api import Browser, Page, expect, sync_playwright

from mock_site.personas import PERSONAS
from mock_site.server import start_mock
from suite.run.browser import choose_browser
from suite.run.mock_control import MockControl

FILER = next(p for p in PERSONAS if p.key == "filer")
# From this day the mock's PACER asks an enrolled filer for a passcode (docs/mfa-interface.md).
MFA_FROM = dt.date(2025, 5, 11)
STEP = 30  # seconds: a TOTP step
LINK_MENU_ITEM = "Link a CM/ECF account to my PACER account"


def sign_in_through_pacer(page: Page, urls: dict[str, str], passcode: bool) -> None:
    """CM/ECF login.pl sends the visitor to PACER login; log in, pass the passcode page when
    the mock's date asks for one, and acknowledge redaction."""
    page.goto(urls["ecf"] + "/cgi-bin/login.pl")
    page.locator("[id='loginForm:loginName']").fill(FILER.username)
    page.locator("[id='loginForm:password']").fill(FILER.password)
    page.locator("[id='loginForm:fbtnLogin']").click()
    if passcode:
        page.locator("[id='mfaForm:passcode']").fill(fresh_passcode(urls))
        page.locator("[id='mfaForm:verify']").click()
    page.locator("[id='regmsg:chkRedact']").check()
    page.locator("[id='regmsg:bpmConfirm']").click()
    expect(page).to_have_url(urls["ecf"] + "/cgi-bin/ShowIndex.pl")


LAST_STEP = [0]  # the last step whose passcode was used (the mock refuses it and any before)


def fresh_passcode(urls: dict[str, str]) -> str:
    """The filer's passcode for a step after every step used so far: the mock's clock moved
    on to it when needed (as the suite does, suite/run/one_time_codes.py)."""
    control = MockControl(urls["ecf"] + "/_mock")
    now = control.clock_now()
    step = math.floor(now / STEP)
    if step <= LAST_STEP[0]:
        step = LAST_STEP[0] + 1
        control.advance_clock(step * STEP + 1.0 - now)
    LAST_STEP[0] = step
    assert FILER.totp_secret
    return pyotp.TOTP(FILER.totp_secret).at(step * STEP)


def link(page: Page, urls: dict[str, str]) -> None:
    """From the CM/ECF home page: Utilities, the linking form, verification, Submit."""
    assert FILER.ecf is not None
    page.locator("#topmenu").get_by_role("link", name="Utilities", exact=True).click()
    page.get_by_role("link", name=LINK_MENU_ITEM).click()
    page.get_by_label("CM/ECF login").fill(FILER.ecf.login)
    page.get_by_label("CM/ECF password").fill(FILER.ecf.password)
    page.get_by_role("button", name="Submit").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Verify the accounts to link")
    expect(page.locator("dt:text-is('CM/ECF account') + dd")).to_contain_text(FILER.ecf.login)
    pacer_account = page.locator("dt:text-is('PACER account') + dd")
    expect(pacer_account).to_contain_text(FILER.username)
    expect(pacer_account).to_contain_text(FILER.name)
    expect(page.get_by_role("main")).to_contain_text(
        "Confirm that you are linking the correct accounts."
    )
    expect(page.get_by_role("button", name="Submit")).to_be_enabled()
    expect(page.get_by_role("button", name="Cancel")).to_be_enabled()
    page.get_by_role("button", name="Submit").click()
    expect(page).to_have_url(re.compile("^" + re.escape(urls["ecf"]) + "(/|$)"))
    expect(heading).to_have_text("Accounts linked")
    expect(page.locator("#messages")).to_contain_text(
        f"Your CM/ECF account {FILER.ecf.login} is now linked to your PACER account "
        f"{FILER.username}."
    )
    menu = page.locator("#topmenu")
    expect(menu.get_by_role("link", name="Civil", exact=True)).to_be_visible()


def one_flow(
    browser: Browser, urls: dict[str, str], cookies: list[Any] | None, passcode: bool
) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        if cookies is None:
            sign_in_through_pacer(page, urls, passcode)
        else:
            context.add_cookies(cookies)
            page.goto(urls["ecf"] + "/cgi-bin/ShowIndex.pl")
            expect(page).to_have_url(urls["ecf"] + "/cgi-bin/ShowIndex.pl")
        link(page, urls)
    finally:
        context.close()


def measure(
    iterations: int, warmup: int, sign_in: str, today: dt.date | None = None
) -> dict[str, Any]:
    """Seconds per iteration (after warm-up), and the mock resets' seconds."""
    choice = choose_browser()
    launch = choice.launch_args()
    flows: list[float] = []
    resets: list[float] = []
    passcode = (today or dt.date.today()) >= MFA_FROM
    with start_mock(test_mode=True, today=today) as mock, sync_playwright() as playwright:
        control = MockControl(mock.urls["ecf"] + "/_mock")
        started = time.perf_counter()
        if choice.kind == "remote":
            assert choice.ws_endpoint
            # The server launches the browser, with these options (as the suite asks).
            options = {"args": list(choice.args), "executablePath": choice.executable}
            header = json.dumps({k: v for k, v in options.items() if v})
            browser = playwright.chromium.connect(
                choice.ws_endpoint, headers={"x-playwright-launch-options": header}
            )
        else:
            browser = playwright.chromium.launch(**launch)  # type: ignore[arg-type]
        launched = time.perf_counter() - started
        cookies: list[Any] | None = None
        if sign_in == "reuse":
            context = browser.new_context()
            sign_in_through_pacer(context.new_page(), mock.urls, passcode)
            cookies = list(context.cookies())
            context.close()
        for number in range(warmup + iterations):
            began = time.perf_counter()
            control.reset(keep_sessions=sign_in == "reuse")
            behind = LAST_STEP[0] * STEP + 1.0 - control.clock_now()
            if LAST_STEP[0] and behind > 0:  # the reset put the clock back: up to the last
                control.advance_clock(behind)  # step used again
            reset_done = time.perf_counter()
            one_flow(browser, mock.urls, cookies, passcode)
            ended = time.perf_counter()
            if number >= warmup:
                resets.append(reset_done - began)
                flows.append(ended - reset_done)
        browser.close()
    return {
        "sign_in": sign_in,
        "passcode": passcode,
        "browser": choice.describe(),
        "launch_seconds": launched,
        "iterations": flows,
        "resets": resets,
        "median": statistics.median(flows),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--sign-in", choices=("ui", "reuse"), default="ui")
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, help="the mock's date (default: the real one)"
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    result = measure(args.iterations, args.warmup, args.sign_in, args.today)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"browser: {result['browser']} (launched in {result['launch_seconds']:.2f} s)")
    print(f"sign-in: {args.sign_in}; {args.iterations} iterations after {args.warmup} warm-up")
    print(f"median: {result['median']:.3f} s per flow")
    print(f"min/max: {min(result['iterations']):.3f} / {max(result['iterations']):.3f} s")
    print(f"mock reset (not in the flow): {statistics.median(result['resets']) * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
