"""`make bench`'s stage "suite", and the one run of the whole suite that every whole-suite
stage (suite, a11y, mfa, scaling) measures: wall time, outcomes, the slowest test, peak memory,
CPU by process kind, the audits and the sign-ins. The stage runs the suite serial with sign-in
reuse (the default), serial signing in through the UI in every scenario, with `-n 2`, and
serial without pytest-playwright's artefacts.
"""

from __future__ import annotations

import json
import re
import statistics
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.child_runs import TreeUsage, available_cpus, pytest_command, read_timings, run_child

# The target of issue 6, point 3: reusing sign-ins saves at least this of the serial suite.
TARGET_REUSE_SAVING = 0.30


def suite_run(name: str, *args: str, cpus: Sequence[int] | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-suite-") as folder:
        workdir = Path(folder)
        run = run_child(pytest_command(workdir, *args), monitor=True, cpus=cpus)
        timings = read_timings(workdir) if (workdir / "timings.json").exists() else {"tests": {}}
        audits = _audits(workdir / "results.json")
        sign_ins = _sign_ins(workdir / "results.json")
    tests = timings["tests"]
    per_test = {nodeid: _own_time(entry) for nodeid, entry in tests.items()}
    slowest = max(per_test, key=lambda nodeid: per_test[nodeid]) if per_test else None
    outcomes: dict[str, int] = {}
    for entry in tests.values():
        outcomes[entry["outcome"]] = outcomes.get(entry["outcome"], 0) + 1
    usage = run.usage or TreeUsage()
    return {
        "name": name,
        "args": list(args),
        "audits": audits[0],
        "audit_seconds": audits[1],
        "sign_ins": sign_ins,
        "returncode": run.returncode,
        "wall": run.wall,
        "tests": len(tests),
        "outcomes": outcomes,
        "median_test": statistics.median(per_test.values()) if per_test else None,
        "slowest_test": slowest.split("::")[-1] if slowest else None,
        "slowest_seconds": per_test[slowest] if slowest else None,
        "max_process_rss_mb": run.max_rss_mb,
        "peak_tree_pss_mb": usage.peak_tree_pss_mb,
        "cpu_seconds": usage.total_cpu(),
        "cpu_utilisation": usage.total_cpu() / (run.wall * len(cpus or available_cpus())),
        "cpu_by_kind": usage.by_kind(),
        "per_test": {
            nodeid: {"seconds": per_test[nodeid], "steps": entry.get("steps", [])}
            for nodeid, entry in tests.items()
        },
    }


def _audits(results: Path) -> tuple[int, float]:
    """How many page states axe-core audited in a run (0 with --a11y=off), and the seconds
    the audits themselves took (the page-state fingerprints after each step not counted)."""
    if not results.exists():
        return 0, 0.0
    records = json.loads(results.read_text())["records"]
    audits = [audit for record in records for audit in record.get("accessibility") or []]
    return len(audits), sum(float(audit.get("seconds", 0.0)) for audit in audits)


def _sign_ins(results: Path) -> dict[str, Any]:
    """The run's sign-ins through PACER login (suite/reporting/sign_ins.py)."""
    if not results.exists():
        return {}
    figures: dict[str, Any] = json.loads(results.read_text())["session"].get("sign_ins", {})
    return figures


def all_passed(variants: Iterable[list[dict[str, Any]]]) -> bool:
    """Every run exited 0 and had no outcome but passed or skipped."""
    return all(
        r["returncode"] == 0 and set(r["outcomes"]) <= {"passed", "skipped"}
        for runs in variants
        for r in runs
    )


def _own_time(entry: dict[str, Any]) -> float:
    return float(entry["setup"] + entry["call"] + entry["teardown"])


SUITE_VARIANTS = {
    "serial, sign-in reused (default)": ("--sign-in=reuse",),
    "serial, UI sign-in every scenario": ("--sign-in=ui",),
    "-n 2, sign-in reused": ("--sign-in=reuse", "-n", "2"),
    "serial, sign-in reused, --tracing=off --screenshot=off": (
        "--sign-in=reuse",
        "--tracing=off",
        "--screenshot=off",
    ),
}


# The Given steps that sign in as a precondition (reused with --sign-in=reuse).
SIGN_IN_STEP = re.compile(r"is signed in to|has linked the wrong")


def sign_in_steps(run: dict[str, Any]) -> tuple[int, float, float]:
    """How many tests sign in as a precondition, the seconds their sign-in steps took, and
    the seconds those tests took in all (setup, steps, teardown)."""
    tests, seconds, whole = 0, 0.0, 0.0
    for test in run["per_test"].values():
        spent = [float(t) for name, t in test["steps"] if SIGN_IN_STEP.search(name)]
        if spent:
            tests, seconds, whole = tests + 1, seconds + sum(spent), whole + test["seconds"]
    return tests, seconds, whole


def suite(runs: int) -> dict[str, Any]:
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in SUITE_VARIANTS}
    for _ in range(runs):
        for name, args in SUITE_VARIANTS.items():
            results[name].append(suite_run(name, *args))
    walls = {name: statistics.median(r["wall"] for r in rs) for name, rs in results.items()}
    serial = walls["serial, sign-in reused (default)"]
    ui = walls["serial, UI sign-in every scenario"]
    parallel = walls["-n 2, sign-in reused"]
    passed = all_passed(results.values())
    signing_in, ui_seconds, ui_tests_seconds = sign_in_steps(
        results["serial, UI sign-in every scenario"][0]
    )
    _, reuse_seconds, reuse_tests_seconds = sign_in_steps(
        results["serial, sign-in reused (default)"][0]
    )
    return {
        "runs": results,
        "walls": walls,
        "sign_in": {
            "tests_signing_in_as_a_precondition": signing_in,
            "ui_sign_in_seconds": ui_seconds,
            "reused_sign_in_seconds": reuse_seconds,
            "ceiling": ui_seconds / ui,  # the saving if a reused sign-in cost nothing
            # the same tests' own time each way: the saving where reuse applies at all
            "ui_tests_seconds": ui_tests_seconds,
            "reused_tests_seconds": reuse_tests_seconds,
            "saving_where_it_applies": 1 - reuse_tests_seconds / ui_tests_seconds,
        },
        "reuse_saving": 1 - serial / ui,
        "parallel_speedup": serial / parallel,
        "all_passed": passed,
        "reuse_target_met": 1 - serial / ui >= TARGET_REUSE_SAVING,
        "parallel_target_met": parallel <= serial,
    }
