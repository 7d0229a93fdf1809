"""`make bench`'s stage "mfa": what PACER's multifactor authentication costs the suite.

The whole suite, serially, with the embedded mock's date before PACER's MFA (2025-05-10: no
passcode page) and after the deadline (2026-01-15: every filer passes it), alternating,
`--suite-runs` times each: the cost of MFA against a target of at most 10%, and the run's
sign-ins through PACER login (how many, how many advanced the mock's clock to a new 30-second
step). Feature 11 (MFA itself, tag `mfa`) is left out of both: before May 2025 there is no MFA
to check. The linking scenario against the bare script doing the same MFA flow is the stage
"linking", which runs on the MFA day too.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from typing import Any

# Before PACER's voluntary enrollment (May 11, 2025): no passcode page.
MFA_OFF_DAY = "2025-05-10"
# After December 31, 2025: every user with CM/ECF-level access passes MFA.
MFA_ON_DAY = "2026-01-15"
# The target: the whole suite with MFA within 1.1x of the suite without.
TARGET_MFA_COST = 0.10
MFA_ON = f"whole suite, serial, MFA on (--mock-today {MFA_ON_DAY})"
MFA_OFF = f"whole suite, serial, MFA off (--mock-today {MFA_OFF_DAY})"
NOT_FEATURE_11 = ("-m", "not mfa")

SuiteRun = Callable[..., dict[str, Any]]


def mfa(runs: int, suite_run: SuiteRun, all_passed: Callable[..., bool]) -> dict[str, Any]:
    results: dict[str, list[dict[str, Any]]] = {MFA_OFF: [], MFA_ON: []}
    for _ in range(runs):
        for name, day in ((MFA_OFF, MFA_OFF_DAY), (MFA_ON, MFA_ON_DAY)):
            results[name].append(
                suite_run(name, "--sign-in=reuse", f"--mock-today={day}", *NOT_FEATURE_11)
            )
    walls = {name: statistics.median(r["wall"] for r in rs) for name, rs in results.items()}
    on, off = walls[MFA_ON], walls[MFA_OFF]
    return {
        "runs": results,
        "walls": walls,
        "pairs": [
            b["wall"] / a["wall"] - 1
            for a, b in zip(results[MFA_OFF], results[MFA_ON], strict=True)
        ],
        "sign_ins": [r.get("sign_ins", {}) for r in results[MFA_ON]],
        "sign_ins_off": [r.get("sign_ins", {}) for r in results[MFA_OFF]],
        "tests": results[MFA_ON][0]["tests"],
        "cost": on / off - 1,
        "seconds": on - off,
        "all_passed": all_passed(results.values()),
        "target_met": on / off - 1 <= TARGET_MFA_COST,
    }


def rows(m: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for name, runs in m["runs"].items():
        walls = ", ".join(f"{r['wall']:.1f}" for r in runs)
        out.append((f"suite: {name}", f"{m['walls'][name]:.1f} s median (runs: {walls})"))
    pairs = ", ".join(f"{p * 100:+.0f}%" for p in m["pairs"])
    out.append(
        (
            "suite: MFA adds",
            f"{m['cost'] * 100:.1f}% to the serial suite ({m['seconds']:.1f} s, {m['tests']} "
            f"tests, feature 11 left out; pair by pair {pairs}) — target <= "
            f"{TARGET_MFA_COST * 100:.0f}% {'met' if m['target_met'] else 'NOT met'}",
        )
    )
    figures = m["sign_ins"][0] if m["sign_ins"] else {}
    if figures:
        moved = figures.get("moved", {}).get("advanced", 0)
        methods = ", ".join(f"{n} {k}" for k, n in figures.get("by_method", {}).items())
        out.append(
            (
                "suite: sign-ins with MFA on",
                f"{figures.get('sign_ins', 0)} through PACER login ({methods}); {moved} advanced "
                "the mock's clock to a new 30-second step (the last one's passcode used)",
            )
        )
    return out
