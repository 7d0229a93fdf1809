"""Under `--dist loadgroup`, the longest work goes to the workers first (tests/durations.json).

pytest-xdist hands out work units (a test, or an xdist group: every test reading one shared
nested run) in the order it gets them, and by default puts the groups with the most tests
first. Neither knows how long a unit takes: a 250-second test that starts last keeps one
worker busy while the others have nothing left, and the same code took from 9.5 to 13
minutes on the same machine. So the tests are ordered by the recorded seconds of their unit,
longest first (the classic longest-processing-time rule), and xdist keeps that order.

    python -m tests.longest_first reports/junit.xml     # after a make test: record anew

records every test of 5 seconds or more (JUnit time; a shared run's cost is its first
reader's). A test not recorded keeps its place among the rest, its slow files first; a stale
entry only orders less well, and fails nothing.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.time_budget import read_junit

DURATIONS_FILE = Path(__file__).with_name("durations.json")
RECORDED_FROM = 5.0  # seconds: shorter tests fill the gaps in any order


def junit_name(item: pytest.Item) -> str:
    """A test's name as its JUnit XML case reads (tests.time_budget.read_junit)."""
    module = item.nodeid.partition("::")[0].removesuffix(".py").replace("/", ".")
    cls = getattr(item, "cls", None)
    return module + (f".{cls.__name__}" if cls is not None else "") + "::" + item.name


def unit_of(item: pytest.Item) -> str:
    """What xdist hands out as one: the item's group if it has one, else the item."""
    groups = sorted(str(mark.args[0]) for mark in item.iter_markers("xdist_group") if mark.args)
    return "@" + "_".join(groups) if groups else item.nodeid


def load_durations(path: Path = DURATIONS_FILE) -> dict[str, float]:
    try:
        seconds = json.loads(path.read_text(encoding="utf-8"))["seconds"]
        return {str(name): float(value) for name, value in seconds.items()}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}  # no file, or a broken one: the order falls back to slow files first


def order(items: list[pytest.Item], durations: dict[str, float]) -> None:
    """Sort in place: units by recorded seconds, longest first; then the slow files' tests,
    each file's in its order (a module-scoped fixture is set up once); then the rest."""
    unit_seconds: dict[str, float] = defaultdict(float)
    for item in items:
        unit_seconds[unit_of(item)] += durations.get(junit_name(item), 0.0)
    slow_files = {item.path for item in items if item.get_closest_marker("slow") is not None}
    items.sort(key=lambda item: (-unit_seconds[unit_of(item)], item.path not in slow_files))


def pytest_configure(config: pytest.Config) -> None:
    # xdist's own reordering (the groups with the most tests first) would undo ours.
    if getattr(config.option, "dist", None) == "loadgroup":
        config.option.loadscopereorder = False


@pytest.hookimpl(trylast=True)  # once tests/conftest.py has put the shared runs' groups on
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    order(items, load_durations())


def record(junit_files: Iterable[Path], path: Path = DURATIONS_FILE) -> int:
    recorded = {
        timed.name: round(timed.seconds, 1)
        for junit in junit_files
        for timed in read_junit(junit)
        if timed.seconds >= RECORDED_FROM
    }
    data = {
        "why": "the order make test hands tests to its workers: tests/longest_first.py",
        "seconds": dict(sorted(recorded.items(), key=lambda pair: -pair[1])),
    }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return len(recorded)


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m tests.longest_first JUNIT_XML...", file=sys.stderr)
        return 2
    missing = [name for name in argv if not Path(name).is_file()]
    if missing:
        print(f"longest_first: no such JUnit XML file: {', '.join(missing)}", file=sys.stderr)
        return 2
    count = record(map(Path, argv))
    print(f"longest_first: {count} tests of {RECORDED_FROM:.0f} s or more in {DURATIONS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
