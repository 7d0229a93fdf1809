"""Which Chromium the suite drives: Playwright's own, the system's, or a remote browser server.

Order: a remote browser server when one is named (BROWSER_WS_ENDPOINT or --browser-ws);
CHROMIUM_PATH when set (the user chose); Playwright's own download when installed; a
Chromium on PATH. When there is none, one line names both remedies.

On PATH, a headless run prefers `chromium-headless-shell` (Debian's package of the same
name) to the full browser, as Playwright does with its own download: the shell has no
browser UI to start, and the suite takes about half the time with it. A headed run
(--headed) needs the full browser.

A remote server launches a browser of its own: Playwright's, on the server's machine. With
CHROMIUM_PATH set as well, the server is asked to launch that executable instead (a path on
the server's machine); `playwright run-server` accepts that only when started with
--unsafe, and otherwise ignores it, as it ignores the extra Chromium flags.
"""

from __future__ import annotations

import functools
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

SYSTEM_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
HEADLESS_SHELL_NAMES = ("chromium-headless-shell",)
# Without these, Chromium phones home at start-up (updates, sync, field trials): slow and
# noisy on a closed network, and nothing a test needs.
QUIET_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
NO_BROWSER_MESSAGE = (
    "no Chromium found: run `.venv/bin/playwright install chromium` (downloads Playwright's "
    "browser), or install your distribution's (`sudo apt-get install chromium`) or set "
    "CHROMIUM_PATH to a Chromium executable"
)
HEADED_NEEDS_FULL_BROWSER_MESSAGE = (
    "--headed needs a full Chromium, and only chromium-headless-shell (which cannot show a "
    "window) was found: install your distribution's chromium (`sudo apt-get install "
    "chromium`), run `.venv/bin/playwright install chromium`, or set CHROMIUM_PATH"
)


class BrowserNotFound(Exception):
    pass


@dataclass(frozen=True)
class BrowserChoice:
    kind: str  # "playwright", "system" or "remote"
    executable: str | None = None
    ws_endpoint: str | None = None
    args: tuple[str, ...] = field(default_factory=tuple)

    def describe(self) -> str:
        if self.kind == "remote":
            launching = f" (launching {self.executable})" if self.executable else ""
            return f"remote browser server at {self.ws_endpoint}{launching}"
        origin = "Playwright's own Chromium" if self.kind == "playwright" else "system Chromium"
        if self.kind == "system" and is_headless_shell(self.executable):
            origin += " headless shell"
        return f"{origin} ({self.executable})"

    def launch_args(self) -> dict[str, object]:
        options: dict[str, object] = {"args": list(self.args)}
        if self.kind == "system":
            options["executable_path"] = self.executable
        return options


def _launch_flags() -> tuple[str, ...]:
    # Chromium refuses to start its sandbox as root (containers, CI); Playwright's own
    # launcher adds --no-sandbox only for its bundled browser, so say it explicitly.
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return QUIET_FLAGS + (("--no-sandbox",) if as_root else ())


@functools.cache
def playwright_chromium() -> str | None:
    """The path of Playwright's own Chromium when it has been downloaded, else None.

    Asked once per process: each asking starts Playwright's driver (about 0.2 s), and set-up's
    line asks for the headless and the headed choice. In a thread of its own: a thread where a
    sync Playwright is already running (a test's, pytest-playwright's) cannot start another
    ("Sync API inside the asyncio loop")."""
    from concurrent.futures import ThreadPoolExecutor

    from playwright.sync_api import sync_playwright

    def executable_path() -> str:
        with sync_playwright() as playwright:
            return playwright.chromium.executable_path

    with ThreadPoolExecutor(max_workers=1) as thread:
        path = thread.submit(executable_path).result()
    return path if path and Path(path).is_file() else None


def is_headless_shell(executable: str | None) -> bool:
    return executable is not None and Path(executable).name in HEADLESS_SHELL_NAMES


def choose_browser(
    environ: dict[str, str] | None = None, ws_endpoint: str | None = None, headed: bool = False
) -> BrowserChoice:
    environ = dict(os.environ) if environ is None else environ
    endpoint = ws_endpoint or environ.get("BROWSER_WS_ENDPOINT")
    if endpoint:
        executable = environ.get("CHROMIUM_PATH") or None  # on the server's machine
        return BrowserChoice("remote", executable, endpoint, args=_launch_flags())
    named = environ.get("CHROMIUM_PATH")
    if named:
        if not (Path(named).is_file() and os.access(named, os.X_OK)):
            raise BrowserNotFound(f"CHROMIUM_PATH={named} is not an executable file")
        return BrowserChoice("system", executable=named, args=_launch_flags())
    own = playwright_chromium()
    if own:
        return BrowserChoice("playwright", executable=own, args=_launch_flags())
    names = SYSTEM_CHROMIUM_NAMES if headed else HEADLESS_SHELL_NAMES + SYSTEM_CHROMIUM_NAMES
    for name in names:
        found = shutil.which(name)
        if found:
            return BrowserChoice("system", executable=found, args=_launch_flags())
    if headed and any(shutil.which(name) for name in HEADLESS_SHELL_NAMES):
        raise BrowserNotFound(HEADED_NEEDS_FULL_BROWSER_MESSAGE)
    raise BrowserNotFound(NO_BROWSER_MESSAGE)


def describe_for_setup(environ: dict[str, str] | None = None) -> str:
    """Set-up's last line: the browser headless runs use and, when it differs, the one
    --headed takes (the headless shell cannot show a window). Raises BrowserNotFound when
    headless runs have none."""
    headless = choose_browser(environ).describe()
    try:
        headed = choose_browser(environ, headed=True).describe()
    except BrowserNotFound:
        headed = "none, it needs a full Chromium (`sudo apt-get install chromium`)"
    return headless if headed == headless else f"{headless}; --headed runs: {headed}"
