"""Which Chromium the suite chooses, and the one-line error when there is none."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import playwright.sync_api
import pytest

from suite.run import browser
from suite.run.browser import (
    HEADED_NEEDS_FULL_BROWSER_MESSAGE,
    NO_BROWSER_MESSAGE,
    BrowserNotFound,
    choose_browser,
    describe_for_setup,
)


@pytest.fixture
def no_playwright_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "playwright_chromium", lambda: None)


@pytest.fixture
def no_system_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)


def fake_executable(tmp_path: Path) -> str:
    path = tmp_path / "chromium"
    path.write_text("#!/bin/sh\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_playwrights_own_chromium_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browser, "playwright_chromium", lambda: "/pw/chrome")
    choice = choose_browser({})
    assert (choice.kind, choice.executable) == ("playwright", "/pw/chrome")
    assert "executable_path" not in choice.launch_args()


def only_on_path(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    monkeypatch.setattr(
        browser.shutil, "which", lambda name: f"/usr/bin/{name}" if name in names else None
    )


def test_system_chromium_when_playwrights_is_missing(
    no_playwright_browser: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_on_path(monkeypatch, "chromium")
    choice = choose_browser({})
    assert choice.kind == "system"
    assert choice.launch_args()["executable_path"] == "/usr/bin/chromium"
    assert "--disable-background-networking" in choice.args
    assert ("--no-sandbox" in choice.args) == (os.geteuid() == 0)


def test_a_headless_run_prefers_the_headless_shell(
    no_playwright_browser: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_on_path(monkeypatch, "chromium", "chromium-headless-shell")
    choice = choose_browser({})
    assert choice.executable == "/usr/bin/chromium-headless-shell"
    assert choice.describe() == (
        "system Chromium headless shell (/usr/bin/chromium-headless-shell)"
    )


def test_a_headed_run_takes_the_full_browser(
    no_playwright_browser: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_on_path(monkeypatch, "chromium", "chromium-headless-shell")
    assert choose_browser({}, headed=True).executable == "/usr/bin/chromium"


def test_a_headed_run_with_only_the_headless_shell_says_what_to_install(
    no_playwright_browser: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_on_path(monkeypatch, "chromium-headless-shell")
    with pytest.raises(BrowserNotFound) as missing:
        choose_browser({}, headed=True)
    assert str(missing.value) == HEADED_NEEDS_FULL_BROWSER_MESSAGE
    assert "\n" not in HEADED_NEEDS_FULL_BROWSER_MESSAGE


def test_chromium_path_names_the_browser(no_playwright_browser: None, tmp_path: Path) -> None:
    executable = fake_executable(tmp_path)
    assert choose_browser({"CHROMIUM_PATH": executable}).executable == executable


def test_a_wrong_chromium_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BrowserNotFound, match="is not an executable file"):
        choose_browser({"CHROMIUM_PATH": str(tmp_path / "missing")})


def test_no_browser_names_both_remedies_in_one_line(
    no_playwright_browser: None, no_system_browser: None
) -> None:
    with pytest.raises(BrowserNotFound) as missing:
        choose_browser({})
    message = str(missing.value)
    assert message == NO_BROWSER_MESSAGE
    assert "\n" not in message
    assert "playwright install chromium" in message and "apt-get install chromium" in message


def test_a_remote_browser_server_needs_no_local_browser(
    no_playwright_browser: None, no_system_browser: None
) -> None:
    choice = choose_browser({"BROWSER_WS_ENDPOINT": "ws://127.0.0.1:3000/"})
    assert choice.kind == "remote"
    assert choice.ws_endpoint == "ws://127.0.0.1:3000/"


def test_setup_names_the_browser_of_headed_runs_when_it_differs(
    no_playwright_browser: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    only_on_path(monkeypatch, "chromium", "chromium-headless-shell")
    assert describe_for_setup({}) == (
        "system Chromium headless shell (/usr/bin/chromium-headless-shell);"
        " --headed runs: system Chromium (/usr/bin/chromium)"
    )
    only_on_path(monkeypatch, "chromium-headless-shell")
    assert describe_for_setup({}).endswith(
        "--headed runs: none, it needs a full Chromium (`sudo apt-get install chromium`)"
    )
    only_on_path(monkeypatch, "chromium")
    assert describe_for_setup({}) == "system Chromium (/usr/bin/chromium)"


def test_setups_line_starts_playwrights_driver_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Set-up asks for the headless and the headed choice; each start of the driver costs
    about 0.2 s of every make target."""
    started: list[None] = []

    class NoDownloadedBrowser:
        def __enter__(self) -> NoDownloadedBrowser:
            started.append(None)
            self.chromium = self  # .chromium.executable_path, as on Playwright's object
            self.executable_path = "/nowhere/chrome"
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    monkeypatch.setattr(playwright.sync_api, "sync_playwright", NoDownloadedBrowser)
    only_on_path(monkeypatch, "chromium", "chromium-headless-shell")
    browser.playwright_chromium.cache_clear()
    try:
        assert "--headed runs: system Chromium" in describe_for_setup({})
    finally:
        browser.playwright_chromium.cache_clear()  # not this fake's answer for later tests
    assert len(started) == 1
