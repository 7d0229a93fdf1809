"""Starting the mock: embedded (threads, free ports) and `python -m mock_site`."""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import json
import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from mock_site.server import start_mock
from tests.mock.helpers import form_action, hidden

ROOT = Path(__file__).resolve().parents[2]


def fetch(
    opener: urllib.request.OpenerDirector, url: str, data: dict[str, str] | None = None
) -> tuple[int, str, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(url, data=body, timeout=10) as answer:
            return answer.status, answer.geturl(), answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.geturl(), error.read().decode()


def test_embedded_mock_signs_in_across_four_real_origins() -> None:
    with start_mock() as running:
        assert set(running.urls) == {"court", "pacer", "pacer-login", "ecf"}
        ports = {urllib.parse.urlsplit(url).port for url in running.urls.values()}
        assert len(ports) == 4
        for url in running.urls.values():
            assert url.startswith("http://127.0.0.1:") and not url.endswith("/")
        # One cookie jar for all four, as a browser has: the cookie names keep them apart.
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        status, url, page = fetch(opener, running.urls["ecf"] + "/cgi-bin/login.pl")
        assert status == 200 and url.startswith(running.urls["pacer-login"])
        status, url, page = fetch(
            opener,
            urllib.parse.urljoin(url, form_action(page)),
            {
                "loginForm:loginName": "bakerlowe01",
                "loginForm:password": "Pacer-Firm-2020",
                "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
            },
        )
        assert url == running.urls["ecf"] + "/cgi-bin/ShowIndex.pl"
        assert "Welcome to the U.S. Court of International Trade" in page
        health = json.loads(fetch(opener, running.urls["court"] + "/_mock/health")[2])
        assert health["sites"] == running.urls
        assert running.store.sessions  # the same store the test process can read


def test_stop_frees_the_ports() -> None:
    running = start_mock(test_mode=False)
    port = urllib.parse.urlsplit(running.urls["court"]).port
    assert urllib.request.urlopen(running.urls["court"] + "/", timeout=5).status == 200
    running.stop()
    running.stop()  # idempotent
    with socket.create_server(("127.0.0.1", port or 0)):
        pass


def test_fixed_ports_and_a_taken_port() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(OSError):
            start_mock(ports={"ecf": port})


def test_start_with_a_date() -> None:
    with start_mock(today=dt.date(2020, 3, 15)) as running:
        assert not running.store.is_nextgen()
        running.store.reset()
        assert running.store.today() == dt.date(2020, 3, 15)  # reset keeps the start date


def test_python_dash_m_prints_the_sites_and_stops_cleanly() -> None:
    command = [sys.executable, "-m", "mock_site", "--test-mode", "--today", "2020-03-16"]
    command += [f"--{site}-port=0" for site in ("court", "pacer", "pacer-login", "ecf")]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline().split() for _ in range(4)]
        assert [name for name, _ in lines] == ["court", "pacer", "pacer-login", "ecf"]
        urls = dict(lines)
        with urllib.request.urlopen(urls["ecf"] + "/_mock/health", timeout=5) as answer:
            assert json.load(answer)["today"] == "2020-03-16"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)  # also closes the pipes


def test_python_dash_m_refuses_a_taken_port() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "mock_site", f"--court-port={port}", "--pacer-port=0",
             "--pacer-login-port=0", "--ecf-port=0"],
            cwd=ROOT, capture_output=True, text=True, timeout=20,
        )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == ""
    assert "cannot listen" in done.stderr and "Traceback" not in done.stderr
