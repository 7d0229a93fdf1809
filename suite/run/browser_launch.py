"""The browser for a run: chosen once, handed to the xdist workers, launched or connected to.

Which Chromium is suite/run/browser.py's choice; this is its pytest side: --browser-ws, the
choice made once by the controller and handed down to its workers, and pytest-playwright's
own launch and connect fixtures extended with it. A run of browser-free tests only (the
mock's, the unit tests) chooses none, and needs no Chromium.
"""

from __future__ import annotations

import json
import os
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from suite.run.browser import BrowserChoice, BrowserNotFound, choose_browser
from suite.run.state import BROWSER

# The controller chooses the browser once and hands the choice to xdist workers this way.
BROWSER_CHOICE_VARIABLE = "CIT_FAQ_BROWSER_CHOICE"
# Folders of tests that never start a browser; a run of only these needs no Chromium.
BROWSER_FREE_PATHS = ("tests/mock", "tests/unit")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cit-faq", "CIT FAQ suite: which portal to test")
    group.addoption(
        "--browser-ws",
        metavar="WS_URL",
        help="drive a remote Playwright browser server (or set BROWSER_WS_ENDPOINT)",
    )


def choose_for_run(config: pytest.Config) -> None:
    """Called by suite/run/plugin.py's pytest_configure once the target is known to be fine."""
    if _needs_browser(config):
        config.stash[BROWSER] = _browser_choice(config)


def _needs_browser(config: pytest.Config) -> bool:
    if not config.pluginmanager.hasplugin("playwright"):
        return False
    root = Path(config.rootpath)
    args = [a.split("::")[0] for a in config.args] or ["."]
    return not all(
        any(Path(arg).resolve().is_relative_to(root / free) for free in BROWSER_FREE_PATHS)
        for arg in args
    )


def _browser_choice(config: pytest.Config) -> BrowserChoice:
    handed_down = os.environ.get(BROWSER_CHOICE_VARIABLE)
    if handed_down:
        fields = json.loads(handed_down)
        return BrowserChoice(**{**fields, "args": tuple(fields["args"])})
    try:
        choice = choose_browser(
            ws_endpoint=config.getoption("browser_ws"), headed=bool(config.getoption("headed"))
        )
    except BrowserNotFound as error:
        raise pytest.UsageError(str(error)) from None
    os.environ[BROWSER_CHOICE_VARIABLE] = json.dumps(choice.__dict__)
    return choice


# pytest-playwright's own fixtures, extended rather than replaced so that --screenshot,
# --video, --headed and --slowmo keep working (--tracing is suite/run/tracing.py's).
@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], pytestconfig: pytest.Config
) -> dict[str, Any]:
    choice = pytestconfig.stash[BROWSER]
    launch = choice.launch_args()
    args = [*browser_type_launch_args.get("args", []), *launch.pop("args")]  # type: ignore[misc]
    return {**browser_type_launch_args, **launch, "args": args}


@pytest.fixture(scope="session")
def connect_options(
    pytestconfig: pytest.Config, browser_type_launch_args: dict[str, Any]
) -> dict[str, Any] | None:
    choice = pytestconfig.stash[BROWSER]
    if choice.kind != "remote":
        return None
    # The server launches the browser with the options in this header. pytest-playwright
    # sends them too, but with Python's names (slow_mo), which the server ignores: send
    # them by the server's own names (slowMo), with the executable chosen for the server.
    launch = {**browser_type_launch_args}
    if choice.executable:
        launch["executable_path"] = choice.executable
    header = {_camel_case(name): value for name, value in launch.items()}
    return {
        "endpoint": choice.ws_endpoint,  # BrowserType.connect's first parameter
        "headers": {"x-playwright-launch-options": json.dumps(header)},
    }


def _camel_case(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> Generator[None, None, None]:
    # Ctrl-C reaches the browser and Playwright's driver too: they are gone before
    # pytest-playwright's session fixtures close them, which raised a page of "Target closed"
    # tracebacks over the summary. Inside pytest's own wrappers, so the summary still prints.
    try:
        return (yield)
    except BaseExceptionGroup as group:
        if exitstatus != pytest.ExitCode.INTERRUPTED or not all(
            _closed_under_us(error) for error in group.exceptions
        ):
            raise
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("interrupted: the browser was closed before its teardown")
        return None


def _closed_under_us(error: BaseException) -> bool:
    return isinstance(error, PlaywrightError) and "closed" in str(error)
