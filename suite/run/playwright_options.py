"""pytest-playwright's options that this suite would silently ignore or misuse: refused at
start-up, each with one line that says what to use instead."""

from __future__ import annotations

import pytest


def refuse_unused_playwright_options(config: pytest.Config) -> None:
    """pytest-playwright's options that this suite would silently ignore or misuse."""
    if not config.pluginmanager.hasplugin("playwright"):
        return
    others = [name for name in config.getoption("browser") or [] if name != "chromium"]
    if others:
        # The suite hands Playwright a Chromium executable and Chromium's flags: Firefox
        # would be started as Chromium and hang until the launch timeout (180 s).
        raise pytest.UsageError(
            f"--browser {others[0]}: this suite drives Chromium only (Playwright's own or the "
            f"system's, see docs/setup.md 'Which Chromium')"
        )
    if config.getoption("browser_channel"):
        raise pytest.UsageError(
            "--browser-channel is not used here: choose the browser with CHROMIUM_PATH=/path, "
            "or a remote one with --browser-ws (see docs/setup.md 'Which Chromium')"
        )
    if getattr(config.option, "base_url", None):
        raise pytest.UsageError(
            "--base-url is not used here: the suite has four sites; set them with --court-url, "
            "--pacer-url, --pacer-login-url and --ecf-url, or --env "
            "(see docs/targets.md 'Against a staging portal')"
        )
