"""The target of a probe or calibrate command: its four sites' URLs (the embedded mock, in
the environment's dialect, standing in for the sites the environment names no URL for), and
the profile to check (the environment's own, or --profile)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from suite.target.sites import TargetPlan, plan_target


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
