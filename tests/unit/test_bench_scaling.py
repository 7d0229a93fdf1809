"""The benchmark's scaling stage: which core counts it measures, that pinning holds for the
child, and that its table rows read a result (a 10-minute bench should not die printing)."""

from __future__ import annotations

import os
import sys

import pytest

from benchmarks.child_runs import run_child
from benchmarks.report import table
from benchmarks.scaling_bench import core_counts


@pytest.mark.parametrize(
    ("available", "counts"),
    [(1, [1]), (2, [1, 2]), (3, [1, 2, 3]), (6, [1, 2, 4, 6]), (8, [1, 2, 4, 8])],
)
def test_core_counts_double_up_to_all_the_cores(available: int, counts: list[int]) -> None:
    assert core_counts(available) == counts


def test_a_pinned_child_sees_only_its_cores() -> None:
    first = min(os.sched_getaffinity(0))
    run = run_child(
        [sys.executable, "-c", "import os; print(sorted(os.sched_getaffinity(0)))"],
        cpus=[first],
    )
    assert run.returncode == 0, run.output
    assert run.output.strip() == f"[{first}]"


def test_the_table_reports_speed_up_efficiency_and_the_verdict() -> None:
    point = {"walls": [1.0], "cpu_utilisation": 0.5}
    results = {
        "scaling": {
            "points": [
                {**point, "cores": 1, "wall": 40.0, "speedup": 1.0, "efficiency": 1.0},
                {**point, "cores": 2, "wall": 25.0, "speedup": 1.6, "efficiency": 0.8},
                {**point, "cores": 4, "wall": 20.0, "speedup": 2.0, "efficiency": 0.5},
            ],
            "target_met": False,
            "measurable": True,
        }
    }
    lines = table(results)
    assert any("scaling: 2 cores" in line and "1.60x, efficiency 80%" in line for line in lines)
    assert "up to 4 — NOT met" in lines[-1]
