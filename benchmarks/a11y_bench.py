"""`make bench`'s stage "a11y": what the axe-core audits add to the whole suite, serial, with
the audits (the default) and with --a11y=off, alternating, and how many page states they
audited.
"""

from __future__ import annotations

import statistics
from typing import Any

from benchmarks.suite_bench import all_passed, suite_run

# axe-core audits (--a11y, on by default) may add at most this to the serial suite.
TARGET_A11Y_COST = 0.15

A11Y_ON = "whole suite, serial, audits on (the default, --a11y=fail)"
A11Y_OFF = "whole suite, serial, --a11y=off"


def accessibility(runs: int) -> dict[str, Any]:
    """The whole suite with the axe-core audits and without, alternating, `runs` times each."""
    results: dict[str, list[dict[str, Any]]] = {A11Y_ON: [], A11Y_OFF: []}
    for _ in range(runs):
        results[A11Y_ON].append(suite_run(A11Y_ON, "--sign-in=reuse"))
        results[A11Y_OFF].append(suite_run(A11Y_OFF, "--sign-in=reuse", "--a11y=off"))
    walls = {name: statistics.median(r["wall"] for r in rs) for name, rs in results.items()}
    on, off = walls[A11Y_ON], walls[A11Y_OFF]
    return {
        "runs": results,
        "walls": walls,
        "audits": results[A11Y_ON][0]["audits"],
        # within the runs with audits: the audits' own seconds over the run's wall time
        "audit_share": statistics.median(r["audit_seconds"] / r["wall"] for r in results[A11Y_ON]),
        "tests": results[A11Y_ON][0]["tests"],
        "cost": on / off - 1,
        "seconds": on - off,
        "all_passed": all_passed(results.values()),
        "target_met": on / off - 1 <= TARGET_A11Y_COST,
    }
