"""Latency of the mock over loopback: is it fast enough to reset and drive per scenario?

Starts an embedded mock (start_mock(), in this process, as the suite does), then sends N
requests (default 2,000) from T threads (default 8): a mix of the court home page, CM/ECF
ShowIndex with a signed-in session, and the PACER login page. Each thread keeps its
connections open and its cookies, as a browser does. Prints the median and p99 latency in
ms and the error count.

By default the client threads run in a child process, as the browser does in the suite:
client threads in the mock's own process would compete with it for the GIL and measure
that contention more than the mock. --in-process puts them in this process anyway.

    .venv/bin/python benchmarks/mock_latency.py [--requests 2000] [--threads 8]
        [--in-process] [--check]

With --check the exit status says whether the target (median < 5 ms, no errors) was met;
without it, only errors make it fail.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import statistics
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mock_site.server import start_mock

TARGET_MEDIAN_MS = 5.0
LOGIN_PAGE = "/csologin/login.jsf?pscCourtId=CIT&appurl=http%3A%2F%2F127.0.0.1%2Fcgi-bin%2Flogin.pl"


class Client:
    """One simulated browser: a kept-alive connection and a cookie per site."""

    def __init__(self, urls: dict[str, str]) -> None:
        self.connections = {
            site: http.client.HTTPConnection(urlsplit(url).netloc, timeout=10)
            for site, url in urls.items()
        }
        self.cookies: dict[str, str] = {}

    def get(self, site: str, path: str) -> tuple[int, bytes]:
        connection = self.connections[site]
        headers = {"Cookie": self.cookies[site]} if site in self.cookies else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookies[site] = cookie.split(";", 1)[0]
        return response.status, body

    def close(self) -> None:
        for connection in self.connections.values():
            connection.close()


def sign_in(client: Client, urls: dict[str, str], username: str) -> None:
    """A CM/ECF session through the control API's one-time sign-in URL."""
    connection = http.client.HTTPConnection(urlsplit(urls["ecf"]).netloc, timeout=10)
    body = json.dumps({"username": username, "site": "ecf"})
    connection.request("POST", "/_mock/signin", body, {"Content-Type": "application/json"})
    url = json.loads(connection.getresponse().read())["url"]
    connection.close()
    status, _ = client.get("ecf", url.removeprefix(urls["ecf"]))
    if status != 302:
        raise RuntimeError(f"sign-in answered {status}")


PAGES = ("court", "ecf", "pacer-login")


def pages_for(urls: dict[str, str]) -> list[tuple[str, str]]:
    # The login page's appurl must be the real CM/ECF origin, or PACER login refuses it.
    login_page = LOGIN_PAGE.replace("127.0.0.1", urlsplit(urls["ecf"]).netloc)
    return [("court", "/"), ("ecf", "/cgi-bin/ShowIndex.pl"), ("pacer-login", login_page)]


def drive(urls: dict[str, str], requests: int, threads: int) -> tuple[list[tuple[str, float]], int]:
    """Send the requests from the threads; every (site, ms) and the number of errors."""
    pages = pages_for(urls)
    results: list[tuple[str, float]] = []
    errors = 0
    lock = threading.Lock()
    per_thread = [requests // threads + (i < requests % threads) for i in range(threads)]
    ready = threading.Barrier(threads)

    def worker(count: int, offset: int) -> None:
        nonlocal errors
        client = Client(urls)
        sign_in(client, urls, "jdoe2020")
        mine: list[tuple[str, float]] = []
        failed = 0
        ready.wait()  # sign-ins done: time only the mix
        for i in range(count):
            site, path = pages[(i + offset) % len(pages)]
            started = time.perf_counter()
            try:
                status, _ = client.get(site, path)
            except (OSError, http.client.HTTPException):
                status = -1
            mine.append((site, (time.perf_counter() - started) * 1000))
            failed += status != 200
        client.close()
        with lock:
            results.extend(mine)
            errors += failed

    workers = [threading.Thread(target=worker, args=(c, n)) for n, c in enumerate(per_thread)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return results, errors


def child(urls: dict[str, str], requests: int, threads: int, out: Connection) -> None:
    out.send(drive(urls, requests, threads))
    out.close()


def run(
    requests: int, threads: int, in_process: bool
) -> tuple[list[float], int, dict[str, list[float]]]:
    with start_mock() as mock:
        if in_process:
            results, errors = drive(mock.urls, requests, threads)
        else:
            # spawn, not fork: forking a process that runs server threads is unsafe.
            context = multiprocessing.get_context("spawn")
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=child, args=(mock.urls, requests, threads, send))
            process.start()
            results, errors = receive.recv()
            process.join()
    by_page: dict[str, list[float]] = {site: [] for site in PAGES}
    for site, ms in results:
        by_page[site].append(ms)
    return [ms for _, ms in results], errors, by_page


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument(
        "--in-process", action="store_true", help="client threads in the mock's process"
    )
    parser.add_argument("--check", action="store_true", help="fail when the target is missed")
    args = parser.parse_args()
    started = time.perf_counter()
    timings, errors, by_page = run(args.requests, args.threads, args.in_process)
    elapsed = time.perf_counter() - started
    median = statistics.median(timings)
    where = "in the mock's process" if args.in_process else "in a client process"
    print(f"requests: {len(timings)} from {args.threads} threads {where}, {elapsed:.2f} s in all")
    print(f"median: {median:.2f} ms")
    print(f"p99: {p99(timings):.2f} ms")
    print(f"errors: {errors}")
    for site, values in by_page.items():
        print(f"  {site:12} median {statistics.median(values):.2f} ms, p99 {p99(values):.2f} ms")
    met = median < TARGET_MEDIAN_MS and errors == 0
    print(f"target (median < {TARGET_MEDIAN_MS:g} ms, no errors): {'met' if met else 'NOT met'}")
    if errors:
        return 1
    return 0 if met or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
