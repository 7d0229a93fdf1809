"""The probe and calibrate commands of `python -m suite`: the target's URLs (starting the
embedded mock, in the environment's dialect, when the environment names no URLs), and the
profile to check (the environment's own, or --profile)."""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from suite.target.profiles import load_profile
from suite.target.sites import TargetPlan, plan_target, unreachable


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-destructive",
        action="store_true",
        help="calibrate: also run @destructive scenarios, each from a known state: only on a "
        "target it can reset before each (the mock's control API); elsewhere none runs",
    )
    parser.add_argument(
        "--allow-wrong-passwords",
        action="store_true",
        help="calibrate: also run @wrong_password scenarios (as pytest's flag)",
    )
    parser.add_argument(
        "-k",
        dest="select",
        metavar="EXPR",
        help="calibrate: only the scenarios pytest -k EXPR selects",
    )
    parser.add_argument(
        "-n",
        dest="workers",
        metavar="N",
        help="calibrate: run each round's scenarios in N processes (pytest-xdist's -n)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="calibrate: where the draft and its diff go (default: profiles/, beside the others)",
    )


def plan(args: argparse.Namespace) -> TargetPlan:
    return plan_target({}, os.environ, args.env, profile=args.profile)


@contextmanager
def target_urls(target: TargetPlan) -> Iterator[dict[str, str]]:
    """The four sites' URLs; the embedded mock (in its dialect) stands in for unset ones."""
    if not target.needs_embedded_mock:
        yield dict(target.urls)
        return
    from mock_site.server import start_mock  # only a mock target imports Flask

    dialect: dict[str, Any] = {"dialect": target.dialect} if target.dialect else {}
    with start_mock(test_mode=True, **dialect) as mock:
        yield {**mock.urls, **target.urls}


def probe_command(args: argparse.Namespace) -> int:
    from suite.retarget.probe import probe

    target = plan(args)
    profile = load_profile(target.profile)
    started = time.monotonic()
    with target_urls(target) as urls:
        print(
            f"probe: environment {target.environment!r}, profile {profile.name!r} ({profile.path})"
        )
        # Offline, every value would be "missing" for want of an answer: say that once.
        cannot = unreachable({site: target.urls[site] for site in target.urls})
        if cannot:
            print(f"probe: cannot reach {'; '.join(cannot)}: nothing probed")
            return 2
        status = probe(urls, profile)
    print(f"probe: {time.monotonic() - started:.1f} s")
    return status


def calibrate_command(args: argparse.Namespace) -> int:
    from suite.retarget.calibrate import calibrate

    return calibrate(plan(args), args)
