"""`make bench`'s stage "scaling": the whole suite pinned to 1, 2, 4, ... of the machine's
cores and all of them (sched_setaffinity, inherited by the workers, mocks and browsers): how
close to linear the speed-up is, on whatever machine runs the bench.
"""

from __future__ import annotations

import statistics
from typing import Any

from benchmarks.child_runs import available_cpus
from benchmarks.suite_bench import all_passed, suite_run

# "Close to linear where there are more cores": on K cores, the speed-up over one core is at
# least 3/4 of K.
TARGET_SCALING_EFFICIENCY = 0.75


def core_counts(available: int) -> list[int]:
    """The points of the scaling curve: 1, 2, 4, ... cores, and all of them."""
    counts, k = {1, available}, 2
    while k < available:
        counts.add(k)
        k *= 2
    return sorted(counts)


def scaling(runs: int) -> dict[str, Any]:
    """The whole suite on 1, 2, 4, ... of this machine's cores (pinned: the suite and every
    process it starts may use only those), serially on one core and with `-n K` on K cores:
    how close to linear the speed-up is, measured on however many cores the machine has."""
    cpus = available_cpus()
    counts = core_counts(len(cpus))
    results: dict[int, list[dict[str, Any]]] = {k: [] for k in counts}
    for _ in range(runs):
        for k in counts:
            workers = () if k == 1 else ("-n", str(k))
            name = "serial on 1 core" if k == 1 else f"-n {k} on {k} cores"
            results[k].append(suite_run(name, "--sign-in=reuse", *workers, cpus=cpus[:k]))
    one_core = statistics.median(r["wall"] for r in results[1])
    points = []
    for k, rs in results.items():
        wall = statistics.median(r["wall"] for r in rs)
        points.append(
            {
                "cores": k,
                "walls": [r["wall"] for r in rs],
                "wall": wall,
                "speedup": one_core / wall,
                "efficiency": one_core / wall / k,
                "cpu_utilisation": rs[0]["cpu_utilisation"],
            }
        )
    return {
        "points": points,
        "all_passed": all_passed(results.values()),
        "target_met": all(p["efficiency"] >= TARGET_SCALING_EFFICIENCY for p in points),
        "measurable": len(points) > 1,
    }
