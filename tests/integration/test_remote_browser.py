"""The suite drives a remote Playwright browser server (`--browser-ws` / BROWSER_WS_ENDPOINT).

A `playwright run-server` on this machine stands in for one on another host. The server
launches the browser; when this machine has no Playwright browser of its own, the server is
started with --unsafe and the run names the system Chromium in CHROMIUM_PATH, which the
suite hands to the server as the executable to launch. Two workers (`-n 2`) each connect.
The proof that the browser was the server's and not a local one: the server's log shows the
connections, and the Chromium processes of the run are the server's descendants.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.integration.runner import REPO, clean_environment, run_suite

pytestmark = pytest.mark.slow
PLAYWRIGHT = (sys.executable, "-m", "playwright")

SCENARIOS = (
    "linking_the_cmecf_account_from_the_utilities_menu or from_the_courts_website_to_the_pacer"
    " or cancelling_on_the_verification_page or cmecfs_help_menu_points"
)


@dataclass
class BrowserServer:
    endpoint: str
    process: subprocess.Popen[str]
    log: Path
    browsers_seen: set[int] = field(default_factory=set)  # Chromium pids under the server

    def descendants(self) -> dict[int, str]:
        """pid -> command name of every process under the server."""
        parents: dict[int, list[int]] = {}
        names: dict[int, str] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            name, rest = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :]
            parents.setdefault(int(rest.split()[1]), []).append(int(entry.name))
            names[int(entry.name)] = name
        found: dict[int, str] = {}
        todo = list(parents.get(self.process.pid, []))
        while todo:
            pid = todo.pop()
            found[pid] = names.get(pid, "")
            todo.extend(parents.get(pid, []))
        return found


@contextmanager
def browser_server(log: Path) -> Iterator[BrowserServer]:
    """`playwright run-server` on a free port, in a process group of its own."""
    environ = {**os.environ, "DEBUG": "pw:server"}
    with log.open("w") as stderr:
        process = subprocess.Popen(
            [*PLAYWRIGHT, "run-server", "--host", "127.0.0.1", "--port", "0", "--unsafe"],
            cwd=REPO,
            env=environ,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            start_new_session=True,  # the Python wrapper and its node driver go together
        )
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            found = re.search(r"ws://\S+", line)
            assert found, f"run-server said {line!r}: {log.read_text()}"
            yield BrowserServer(found.group(0), process, log)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)


def wait_for_log(log: Path, pattern: str, count: int, timeout: float = 10) -> str:
    """The server's log once `pattern` occurs `count` times in it (or the timeout passed)."""
    deadline = time.monotonic() + timeout
    text = log.read_text()
    while len(re.findall(pattern, text)) < count and time.monotonic() < deadline:
        time.sleep(0.1)  # polling a file another process writes, not a wait for the page
        text = log.read_text()
    return text


def watch_for_browsers(server: BrowserServer, stop: threading.Event) -> None:
    while not stop.wait(0.1):
        server.browsers_seen |= {
            pid for pid, name in server.descendants().items() if name.startswith("chrom")
        }


def local_browser(environ: dict[str, str]) -> dict[str, str]:
    """The browser this machine would use, asked in a child process: Playwright's sync API
    refuses to start inside this pytest once its own browser tests have run (a live loop)."""
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from suite.run.browser import choose_browser; "
            "print(json.dumps(choose_browser().__dict__))",
        ],
        cwd=REPO,
        env={k: v for k, v in environ.items() if k != "BROWSER_WS_ENDPOINT"},
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(child.stdout))


def test_scenarios_pass_in_a_browser_of_a_remote_browser_server(tmp_path: Path) -> None:
    environ = clean_environment()
    environ.pop("CIT_FAQ_BROWSER_CHOICE", None)  # the parent's choice is a local browser
    local = local_browser(environ)
    if local["kind"] == "system":  # no Playwright browser here: the server launches this one
        environ["CHROMIUM_PATH"] = local["executable"]

    with browser_server(tmp_path / "server.log") as server:
        stop = threading.Event()
        watcher = threading.Thread(target=watch_for_browsers, args=(server, stop), daemon=True)
        watcher.start()
        try:
            run = run_suite(
                tmp_path,
                f"--browser-ws={server.endpoint}",
                "-n",
                "2",
                "-k",
                SCENARIOS,
                environ=environ,
            )
        finally:
            stop.set()
            watcher.join()
        log = wait_for_log(server.log, r"\] disconnected", count=2)

    assert run.returncode == 0, run.output[-3000:]
    assert run.tests == 4 and run.passed == 4, run.output[-3000:]
    # Each xdist worker connected, and the server launched a browser for it.
    assert len(re.findall(r"engaged launch mode for \"chromium\"", log)) == 2, log
    assert len(re.findall(r"\] disconnected", log)) == 2, log
    assert server.browsers_seen, "no Chromium ran under the browser server"
