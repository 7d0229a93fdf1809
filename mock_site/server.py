"""Run the four sites, each on its own port: embedded in a test process, or from the CLI.

with start_mock() as running:          # free ports, test mode on
    running.urls["ecf"]                 # "http://127.0.0.1:54321"
    running.store                       # the shared Store, for in-process checks
"""

from __future__ import annotations

import datetime as dt
import queue
import socket
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, select_address_family

from mock_site import create_app
from mock_site.dialects import get_dialect
from mock_site.store import DEFAULT_SESSION_TTL, SITES, Store

DEFAULT_PORTS = {"court": 5001, "pacer": 5002, "pacer-login": 5003, "ecf": 5004}


class RequestHandler(WSGIRequestHandler):
    # Werkzeug writes the headers and the body in two sends; with Nagle's algorithm on, the
    # body can wait for the client's delayed ACK of the headers (tens of ms on loopback).
    disable_nagle_algorithm = True
    # A connection that sends nothing (a browser's speculative preconnect) lets go of its
    # thread after this many seconds.
    timeout = 10


class QuietRequestHandler(RequestHandler):
    """No access log: it costs time per request, and a parent process that never reads our
    stderr pipe would otherwise stall the mock once the pipe is full."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass

    def log_error(self, format: str, *args: Any) -> None:
        pass


class PooledWSGIServer(BaseWSGIServer):
    """Werkzeug's server, answering each connection on a pooled thread.

    Werkzeug closes the connection after every response, so a thread per connection means
    a thread start per request; reusing a few threads halves the median latency under
    load. When every pooled thread is busy (slow-fault requests, idle preconnects), a
    connection gets a thread of its own, as werkzeug's threaded server would do: the pool
    never makes anyone wait.
    """

    multithread = True

    def __init__(
        self,
        host: str,
        port: int,
        app: Any,
        handler: type[WSGIRequestHandler],
        fd: int,
        workers: int = 8,
    ) -> None:
        # Set before the base __init__, which already calls server_close().
        self._jobs: queue.SimpleQueue[tuple[Any, Any] | None] = queue.SimpleQueue()
        self._idle = 0
        self._idle_lock = threading.Lock()
        self._workers = 0
        super().__init__(host, port, app, handler, fd=fd)
        self._workers = workers
        for number in range(workers):
            threading.Thread(target=self._work, name=f"mock-worker-{number}", daemon=True).start()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._idle_lock:
            pooled = self._idle > 0
            if pooled:
                self._idle -= 1
        if pooled:
            self._jobs.put((request, client_address))
        else:
            threading.Thread(
                target=self._answer, args=(request, client_address), daemon=True
            ).start()

    def _work(self) -> None:
        while True:
            with self._idle_lock:
                self._idle += 1
            job = self._jobs.get()
            if job is None:
                return
            self._answer(*job)

    def _answer(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        for _ in range(self._workers):
            self._jobs.put(None)


def _placeholder_app(environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"The mock is starting."]


@dataclass
class RunningMock:
    urls: dict[str, str]
    store: Store
    servers: dict[str, BaseWSGIServer]
    threads: list[threading.Thread] = field(default_factory=list)
    dialect: str = "default"  # mock_site/dialects/: "default" or "alt"

    def stop(self) -> None:
        """Stop all four servers and wait for their threads (idempotent)."""
        for server in self.servers.values():
            threading.Thread(target=server.shutdown, daemon=True).start()
        for thread in self.threads:
            thread.join(timeout=5)
        for server in self.servers.values():
            server.server_close()
        self.threads.clear()

    def __enter__(self) -> RunningMock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def start_mock(
    host: str = "127.0.0.1",
    ports: Mapping[str, int] | None = None,
    test_mode: bool = True,
    today: dt.date | None = None,
    session_ttl: float = DEFAULT_SESSION_TTL,
    quiet: bool = True,
    store: Store | None = None,
    dialect: str = "default",
) -> RunningMock:
    """Start the four sites in background threads and return their URLs and store.

    ports maps site keys to ports; a missing site or 0 means a free port. test_mode mounts
    /_mock on every site. today sets the mock clock (and what /_mock/reset returns to).
    dialect is "default" or "alt" (mock_site/dialects/): the sites' unsourced wording,
    paths, markup and behaviour.
    Raises OSError when a port is taken (nothing is left running then).
    """
    ports = dict(ports or {})
    chosen = get_dialect(dialect)  # an unknown name fails before any port is bound
    store = store or Store(session_ttl=session_ttl, default_today=today)
    if today is not None:  # also for a store passed in: the clock, and what reset returns to
        store.default_today = today
        store.set_today(today)
    # Bind every socket first: each app needs every site's URL (for cross-site links), and
    # a free port is only known once bound.
    servers = _bind_servers(host, ports, QuietRequestHandler if quiet else RequestHandler)
    url_host = _url_host(host)
    urls = {site: f"http://{url_host}:{server.port}" for site, server in servers.items()}
    for site, server in servers.items():
        server.app = create_app(site, store, urls, {"TEST_MODE": test_mode}, chosen)
    running = RunningMock(urls, store, servers, dialect=chosen.name)
    for site, server in servers.items():
        thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"mock-{site}",
            daemon=True,
        )
        thread.start()
        running.threads.append(thread)
    return running


def _bind_servers(
    host: str, ports: Mapping[str, int], handler: type[WSGIRequestHandler]
) -> dict[str, BaseWSGIServer]:
    """One server per site, bound and not yet serving (their app is a placeholder).

    The sockets are bound here and handed to werkzeug, because on a taken port werkzeug's
    own bind calls sys.exit(); this raises OSError instead, with nothing left open.
    """
    sockets: list[socket.socket] = []
    servers: dict[str, BaseWSGIServer] = {}
    try:
        for site in SITES:
            port = ports.get(site, 0)
            family = select_address_family(host, port)
            listener = socket.create_server((host, port), family=family, backlog=128)
            sockets.append(listener)
            servers[site] = PooledWSGIServer(
                host, port, _placeholder_app, handler, fd=listener.fileno()
            )
    except BaseException:
        for server in servers.values():
            server.server_close()
        raise
    finally:
        for listener in sockets:  # the servers hold their own duplicates of these
            listener.close()
    return servers


def _url_host(host: str) -> str:
    """The host for the sites' URLs. A wildcard address is where to listen, not where a
    browser can go: link to loopback. IPv6 addresses go in brackets."""
    url_host = "127.0.0.1" if host in ("", "0.0.0.0") else ("[::1]" if host == "::" else host)
    if ":" in url_host and not url_host.startswith("["):
        url_host = f"[{url_host}]"
    return url_host
