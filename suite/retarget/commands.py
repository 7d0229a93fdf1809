"""The probe and calibrate commands of `python -m suite`: their arguments, and the target's
URLs and profile (suite/retarget/urls.py) handed to the probe (probe.py) or to calibrate
(calibrate.py)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from suite.retarget.urls import plan, target_urls
from suite.target.profiles import load_profile
from suite.target.sites import unreachable


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
