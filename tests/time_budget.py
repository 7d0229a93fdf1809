"""`make test`'s closing lines: its ten slowest tests, and the integration tests' total time
beside the budget recorded in tests/time_budget.toml, read from the run's JUnit XML.

    python -m tests.time_budget reports/junit.xml reports/alt/junit.xml

It warns when the total is more than `warn_over` (20%) above the budget, and never fails:
timings on a shared machine are noisy, and speed belongs in a benchmark, not in a timed test.
Each slow test's CPU seconds (tests/cpu_time.py) are shown beside its time: when the time
is far over and the CPU is not, the machine was busy; when both are, a test got dearer.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from tests.cpu_time import CPU_PROPERTY

BUDGET_FILE = Path(__file__).with_name("time_budget.toml")
INTEGRATION = "tests.integration."
SHOWN = 10


@dataclass(frozen=True)
class Timed:
    name: str
    seconds: float
    cpu: float | None

    @property
    def integration(self) -> bool:
        return self.name.startswith(INTEGRATION)


def without_group(name: str) -> str:
    """A test's name without the "@group" pytest-xdist adds to a grouped test's (with pytest
    9.2 written as `test[params]@group]` or `test[params]@group`, tests/xdist_groups.py); an
    "@" inside the parameters (an email address) stays."""
    grouped = re.fullmatch(r"(.*\])@[^\[\]]*\]?", name)
    if grouped:
        return grouped.group(1)
    return name.split("@", 1)[0] if "[" not in name else name


def read_junit(path: Path) -> list[Timed]:
    """Every test case of a JUnit XML file, named `classname::name`."""
    found = []
    for case in ElementTree.parse(path).iter("testcase"):
        cpu = next(
            (
                float(prop.get("value", "0"))
                for prop in case.iter("property")
                if prop.get("name") == CPU_PROPERTY
            ),
            None,
        )
        name = f"{case.get('classname', '')}::{without_group(case.get('name', ''))}"
        found.append(Timed(name, float(case.get("time", "0")), cpu))
    return found


@dataclass(frozen=True)
class Budget:
    seconds: float
    warn_over: float
    why: str


def load_budget(path: Path = BUDGET_FILE) -> Budget:
    data = tomllib.loads(path.read_text(encoding="utf-8"))["integration"]
    return Budget(float(data["seconds"]), float(data["warn_over"]), str(data["why"]))


def _cpu(timed: Timed) -> str:
    return f"{timed.cpu:7.1f} s CPU" if timed.cpu is not None else " " * 13


def summary(runs: dict[str, list[Timed]], budget: Budget) -> tuple[list[str], bool]:
    """The lines to print, and whether the integration tests went over the budget's margin."""
    everything = [(label, timed) for label, tests in runs.items() for timed in tests]
    slowest = sorted(everything, key=lambda pair: -pair[1].seconds)[:SHOWN]
    lines = [f"time budget: the {len(slowest)} slowest tests (JUnit time)"]
    first = next(iter(runs), None)
    for label, timed in slowest:
        where = f" ({label})" if label != first else ""  # the runs after the first, by file
        lines.append(f"  {timed.seconds:7.1f} s {_cpu(timed)}  {timed.name}{where}")
    integration = [timed for _, timed in everything if timed.integration]
    total = sum(timed.seconds for timed in integration)
    cpu = sum(timed.cpu or 0.0 for timed in integration)
    ratio = total / budget.seconds if budget.seconds else 0.0
    lines.append(
        f"time budget: integration tests {total:.0f} s in total ({len(integration)} tests, "
        f"{cpu:.0f} s CPU), budget {budget.seconds:.0f} s ({ratio:.0%} of it; "
        f"{BUDGET_FILE.name}: {budget.why})"
    )
    over = ratio > 1 + budget.warn_over
    if over:
        lines.append(
            f"time budget: WARNING: the integration tests took {total:.0f} s, more than "
            f"{budget.warn_over:.0%} over their budget of {budget.seconds:.0f} s. A busy "
            "machine (see the CPU seconds) or a test that got dearer: --durations and the "
            "docs/developers.md 'Integration tests that stay cheap' say where to look."
        )
    return lines, over


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("junit", nargs="+", type=Path, help="JUnit XML files of the run")
    args = parser.parse_args(argv)
    runs = {}
    for path in args.junit:
        try:
            runs[str(path)] = read_junit(path)
        except (OSError, ElementTree.ParseError) as error:
            print(f"time budget: cannot read {path}: {error}", file=sys.stderr)
    lines, _ = summary(runs, load_budget())
    print("\n".join(lines))
    return 0  # a warning, never a failure


if __name__ == "__main__":
    sys.exit(main())
