"""Does .test_durations still name every scenario? A warning, never a failure.

pytest-split balances CI's shards with the duration of each scenario stored in
.test_durations. A scenario missing from it gets the average duration of the scenarios it
knows, and a name that is gone is ignored (pytest_split/algorithms.py): so an out-of-date file
costs some balance between shards, never a scenario, and adding a scenario must not break
CI. This check says what is out of date and the command that refreshes the file; it fails
only when the file cannot be read.

    python -m suite.run.durations        exit 0 when readable (out of date: a warning), 1 when not
    make durations                   refresh: the whole suite, serially, --store-durations
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from suite.authoring.faq import REPO_ROOT

DURATIONS_FILE = ".test_durations"
REFRESH = "make durations"
SCENARIOS = "tests/acceptance"


class DurationsError(Exception):
    """A durations file pytest-split could not use; one line a person can act on."""


@dataclass(frozen=True)
class Staleness:
    missing: list[str]  # scenarios with no stored duration
    gone: list[str]  # stored names no scenario has any more

    @property
    def current(self) -> bool:
        return not self.missing and not self.gone

    def lines(self, path: Path) -> list[str]:
        if self.current:
            return [f"durations: {path.name} names every scenario"]
        lines = [
            f"durations: WARNING: {path.name} is out of date ({len(self.missing)} scenario(s) "
            f"without a duration, {len(self.gone)} name(s) gone): pytest-split gives a new "
            f"scenario the average duration, so shards only balance less well; refresh it "
            f"with `{REFRESH}` and commit it"
        ]
        lines += [f"  no duration: {name}" for name in self.missing]
        lines += [f"  gone:        {name}" for name in self.gone]
        return lines


def read_durations(path: Path) -> dict[str, float]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DurationsError(f"{path}: cannot be read as JSON ({error}); `{REFRESH}`") from None
    if not isinstance(data, dict) or not data:
        raise DurationsError(f"{path}: expected a JSON object of test ids; `{REFRESH}`")
    wrong = [k for k, v in data.items() if not isinstance(v, int | float) or v <= 0]
    if wrong:
        raise DurationsError(f"{path}: not a positive duration for {wrong[0]}; `{REFRESH}`")
    return {str(k): float(v) for k, v in data.items()}


def collected_scenarios(root: Path) -> list[str]:
    """The node ids of every acceptance test, from a child `pytest --collect-only`."""
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    child = subprocess.run(
        [*command, SCENARIOS], cwd=root, capture_output=True, text=True, check=False
    )
    if child.returncode != 0:
        raise DurationsError(f"pytest could not collect {SCENARIOS}:\n{child.stdout[-2000:]}")
    return [line for line in child.stdout.splitlines() if line.startswith(f"{SCENARIOS}/")]


def staleness(durations: dict[str, float], scenarios: Sequence[str]) -> Staleness:
    return Staleness(
        missing=sorted(set(scenarios) - set(durations)),
        gone=sorted(set(durations) - set(scenarios)),
    )


def check(root: Path = REPO_ROOT) -> tuple[Staleness, list[str]]:
    """The file's staleness and the lines that say it; raises DurationsError when unreadable."""
    path = root / DURATIONS_FILE
    found = staleness(read_durations(path), collected_scenarios(root))
    return found, found.lines(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m suite.run.durations", description=__doc__)
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="the checkout to check")
    args = parser.parse_args(argv)
    try:
        _, lines = check(args.root.resolve())
    except DurationsError as error:
        print(f"durations: ERROR: {error}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
