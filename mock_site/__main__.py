"""python -m mock_site: run the four sites until Ctrl-C or SIGTERM.

Prints one line per site, "NAME URL" (court, pacer, pacer-login, ecf), then waits.
"""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
import threading
from types import FrameType

from mock_site.dialects import names as dialect_names
from mock_site.server import DEFAULT_PORTS, start_mock
from mock_site.store import DEFAULT_SESSION_TTL


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m mock_site",
        description="Run the mock court website, PACER website, PACER login and CM/ECF.",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    for site, port in DEFAULT_PORTS.items():
        parser.add_argument(
            f"--{site}-port",
            type=int,
            default=port,
            metavar="PORT",
            help=f"port of {site} (default {port}; 0: a free port)",
        )
    parser.add_argument(
        "--test-mode", action="store_true", help="mount the /_mock control API on every site"
    )
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="the mock's date (default: today's)",
    )
    parser.add_argument(
        "--session-ttl",
        type=float,
        default=DEFAULT_SESSION_TTL,
        metavar="SECONDS",
        help=f"seconds of inactivity before a session ends (default {DEFAULT_SESSION_TTL:g})",
    )
    parser.add_argument(
        "--dialect",
        choices=dialect_names(),
        default="default",
        help="the sites' unsourced wording, paths, markup and behaviour (default: default; "
        "alt: see docs/alt-dialect.md)",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    if args.session_ttl <= 0:
        parser.error("--session-ttl must be a positive number of seconds")
    for site in DEFAULT_PORTS:
        port = getattr(args, f"{site.replace('-', '_')}_port")
        if not 0 <= port <= 65535:
            parser.error(f"--{site}-port must be from 0 to 65535")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    ports = {site: getattr(args, f"{site.replace('-', '_')}_port") for site in DEFAULT_PORTS}
    try:
        running = start_mock(
            args.host,
            ports,
            test_mode=args.test_mode,
            today=args.today,
            session_ttl=args.session_ttl,
            quiet=not args.verbose,
            dialect=args.dialect,
        )
    except OSError as error:
        options = ", ".join(f"--{site}-port" for site in DEFAULT_PORTS)
        print(
            f"mock_site: cannot listen on {args.host}: {error}; if a port is taken (another "
            f"mock still running?), stop that process or choose other ports with {options} "
            "(0: any free port)",
            file=sys.stderr,
        )
        return 2
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    for site, url in running.urls.items():
        print(f"{site} {url}", flush=True)
    mode = "test mode (/_mock on)" if args.test_mode else "no control API"
    mode += f", dialect {args.dialect}"
    print(f"mock_site: running, {mode}; Ctrl-C to stop", file=sys.stderr, flush=True)
    while not stop.wait(0.5):
        pass
    running.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
