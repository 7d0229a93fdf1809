"""python -m suite trace PATH: a Playwright trace, opened in the Chromium the suite runs on.

Playwright's `playwright show-trace` opens its viewer in a browser it looks for itself:
its own download, Google Chrome or Microsoft Edge, and no option or variable names another
one. With the system Chromium that set-up falls back to when Playwright's download is
unreachable, it stops with "No chromium-based browser found on the system". (`show-trace
--port` serves the viewer instead, but then hands the address to the desktop's default
browser, whichever that is.)

So the suite serves the viewer itself: the very files `show-trace` serves, from the
installed Playwright package (so the viewer is always of the version that wrote the trace),
on 127.0.0.1, with the one trace it was given and nothing else of the disk. Then it opens
the viewer as an app window of the suite's own Chromium (suite/run/browser.py: CHROMIUM_PATH,
else Playwright's Chromium, else the system's), and stops when that window is closed.

Where no window can open (no display, or only chromium-headless-shell), or with --serve,
it keeps serving and prints the address, to open in any browser (from another machine
through `ssh -L PORT:127.0.0.1:PORT`) until Ctrl-C. No browser at all: Playwright's own
`playwright trace open PATH` then `playwright trace actions` read a trace in the terminal.
"""

from __future__ import annotations

import mimetypes
import os
import subprocess
import sys
import tempfile
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import playwright

from suite.run.browser import BrowserChoice, BrowserNotFound, choose_browser

VIEWER_DIR = (
    Path(playwright.__file__).parent / "driver" / "package" / "lib" / "vite" / "traceViewer"
)
# Where the viewer fetches the trace from: the same route `playwright show-trace` serves.
FILE_ROUTE = "/trace/file"
TRACE_NAMES = ("trace.zip", "trace-1.zip")
# Types the standard library may not know; the viewer's service worker insists on a script type.
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".webmanifest": "application/json"}


class TraceError(Exception):
    """A trace that cannot be shown; the message is one line a person can act on."""


def trace_file(given: str | Path) -> Path:
    """The trace named on the command line: a .zip, or an artefact folder holding one."""
    path = Path(given).expanduser()
    if path.is_dir():
        found = [path / name for name in TRACE_NAMES if (path / name).is_file()]
        if not found:
            raise TraceError(
                f"{given}: no trace.zip in this folder (traces are kept for failed scenarios, "
                "or for every one with --tracing=on)"
            )
        return found[0].resolve()
    if not path.is_file():
        raise TraceError(f"{given}: no such file")
    return path.resolve()


def viewer_path(trace: Path) -> str:
    """The viewer's page with the trace to load, as `playwright show-trace` builds it."""
    source = "file?path=" + urllib.parse.quote(str(trace), safe="")
    return "/trace/index.html?" + urllib.parse.urlencode({"trace": source})


def _handler(trace: Path) -> type[BaseHTTPRequestHandler]:
    class ViewerRequests(BaseHTTPRequestHandler):
        def do_HEAD(self) -> None:
            self._answer(body=False)

        def do_GET(self) -> None:
            self._answer(body=True)

        def _answer(self, body: bool) -> None:
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/":
                self.send_response(HTTPStatus.FOUND)
                self.send_header("Location", viewer_path(trace))
                self.end_headers()
                return
            if url.path == FILE_ROUTE:
                asked = urllib.parse.parse_qs(url.query).get("path", [""])[0]
                # The one trace given: the viewer could be asked for any file of the disk.
                if not asked or Path(asked).resolve() != trace:
                    self.send_error(HTTPStatus.FORBIDDEN)
                    return
                self._send_file(trace, body)
                return
            relative = urllib.parse.unquote(url.path).removeprefix("/trace/")
            asset = (VIEWER_DIR / relative).resolve()
            if not url.path.startswith("/trace/") or not asset.is_relative_to(VIEWER_DIR):
                self.send_error(HTTPStatus.NOT_FOUND)
            elif asset.is_file():
                self._send_file(asset, body)
            else:
                self.send_error(HTTPStatus.NOT_FOUND)

        def _send_file(self, path: Path, body: bool) -> None:
            data = path.read_bytes()
            start, end = 0, len(data) - 1
            ranged = _byte_range(self.headers.get("Range", ""), len(data))
            if ranged:
                start, end = ranged
            self.send_response(HTTPStatus.PARTIAL_CONTENT if ranged else HTTPStatus.OK)
            kind = TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
            self.send_header("Content-Type", kind or "application/octet-stream")
            self.send_header("Content-Length", str(end - start + 1))
            self.send_header("Accept-Ranges", "bytes")
            if ranged:
                self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
            self.end_headers()
            if body:
                self.wfile.write(data[start : end + 1])

        def log_message(self, format: str, *args: object) -> None:
            pass  # one line per asset would bury the address the person needs

    return ViewerRequests


def _byte_range(header: str, size: int) -> tuple[int, int] | None:
    """A single `bytes=a-b` range (the viewer's zip reader may ask for one), else None."""
    if not header.startswith("bytes=") or "," in header:
        return None
    first, _, last = header.removeprefix("bytes=").partition("-")
    try:
        if not first:  # the last N bytes
            return max(size - int(last), 0), size - 1
        return int(first), min(int(last), size - 1) if last else size - 1
    except ValueError:
        return None


@contextmanager
def serving(trace: Path, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve the viewer with this trace; yields the address that opens it."""
    if not (VIEWER_DIR / "index.html").is_file():
        raise TraceError(f"Playwright's trace viewer is not where it should be: {VIEWER_DIR}")
    try:
        server = ThreadingHTTPServer((host, port), _handler(trace))
    except OSError as error:
        raise TraceError(f"cannot serve the trace viewer on {host}:{port}: {error}") from None
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}{viewer_path(trace)}"
    finally:
        server.shutdown()
        server.server_close()


def window_browser(environ: dict[str, str]) -> BrowserChoice | str:
    """The suite's Chromium for a window, or why there is none here."""
    if sys.platform.startswith("linux") and not (
        environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")
    ):
        return "no display here (DISPLAY and WAYLAND_DISPLAY are unset)"
    local = {k: v for k, v in environ.items() if k != "BROWSER_WS_ENDPOINT"}
    try:
        return choose_browser(local, headed=True)
    except BrowserNotFound as error:
        return str(error)


def show(
    given: str,
    serve_only: bool = False,
    port: int = 0,
    environ: dict[str, str] | None = None,
    out: Callable[[str], None] = print,
) -> int:
    """Open the trace in the suite's Chromium, or serve it until Ctrl-C; the exit status."""
    trace = trace_file(given)
    environ = dict(os.environ) if environ is None else environ
    browser = None if serve_only else window_browser(environ)
    with serving(trace, port=port) as url:
        if isinstance(browser, BrowserChoice) and browser.executable:
            out(f"trace: {trace}, in {browser.describe()}; close its window to stop")
            return _open_window(browser, url)
        if browser is not None:
            out(f"trace: cannot open a window: {browser}")
        served = urllib.parse.urlsplit(url).port
        out(f"trace: {trace}")
        out(f"trace viewer: {url}")
        out(
            f"open it in any browser (from another machine: ssh -L {served}:127.0.0.1:{served} "
            "this-host); Ctrl-C stops serving"
        )
        sys.stdout.flush()
        with suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


def _open_window(browser: BrowserChoice, url: str) -> int:
    assert browser.executable
    with tempfile.TemporaryDirectory(prefix="cit-faq-trace-") as profile:
        command = [
            browser.executable,
            f"--app={url}",
            f"--user-data-dir={profile}",  # its own browser, which ends with its window
            "--no-first-run",
            "--no-default-browser-check",
            *browser.args,
        ]
        window = subprocess.Popen(command)
        try:
            return window.wait()
        except KeyboardInterrupt:
            window.terminate()
            window.wait()
            return 0
