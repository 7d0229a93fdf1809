"""The suite's speed in one run: what it costs over a bare browser, and where the time goes.

    .venv/bin/python benchmarks/bench.py [--rounds 3] [--reps 5] [--suite-runs 1]
        [--only machine,startup,mock,linking,suite,a11y,scaling] [--out benchmarks/results.json]

Measures, each in child processes of this one (so nothing shares a browser, a mock or a
warm cache with the next measurement):

startup   `pytest --collect-only -q tests/acceptance` wall time (median of 5), beside a bare
          `python -c pass`.
mock      benchmarks/mock_latency.py: median and p99 latency of the mock's pages.
linking   the scenario "Linking the CM/ECF account from the Utilities menu" against the same
          flow as a bare Playwright script (benchmarks/bare_linking_flow.py), both signing in
          through the UI and both reusing a sign-in, in interleaved rounds (noisy machines
          drift: each round runs every variant once). The suite's time per test is the time
          from one repetition's start to the next one's (benchmarks/timing.py repeats it),
          which includes everything pytest, pytest-bdd, pytest-playwright, the reporting
          plugin and the mock reset cost; the bare script's is one iteration, mock reset
          excluded. The first repetition or iteration, which launches the browser, is
          dropped from both. Both run on a day when PACER asks for a one-time passcode
          (benchmarks/mfa_bench.py MFA_ON_DAY): the bare script then does the same MFA
          flow. A variant without artefacts (--tracing=off --screenshot=off) and one
          recording full traces (--trace-detail=full: DOM snapshots and a
          screencast, what pytest-playwright records) show what artefacts cost.
suite     the whole suite: serial with sign-in reuse (the default), serial signing in
          through the UI in every scenario, with `-n 2`, serial without
          pytest-playwright's artefacts (interleaved when --suite-runs > 1); wall time,
          median and slowest test, peak memory (the largest process, from wait4, and the
          whole process tree's proportional set size, sampled every 0.2 s), and CPU seconds
          by process kind, sampled from /proc (Chromium's processes, the Playwright driver,
          pytest's main threads, other Python threads: the embedded mock's server threads
          and xdist's I/O). How many tests sign in as a precondition, and what their sign-in
          steps cost each way, bounds what reusing sign-ins can save.
mfa       the whole suite, serial, with the mock's date before PACER's multifactor
          authentication and after it, alternating: what MFA adds, against a target of at
          most 10%, and the sign-ins (benchmarks/mfa_bench.py)
a11y      the whole suite, serial, with the axe-core audits (the default) and with
          --a11y=off, alternating (--suite-runs times each): what the audits add, against
          a target of at most 15%, and how many page states they audited
scaling   the whole suite pinned to 1, 2, 4, ... of the machine's cores and all of them
          (sched_setaffinity, inherited by the workers, mocks and browsers): serial on one
          core, `-n K` on K cores. Speed-up over one core, and efficiency (speed-up / K): how
          close to linear the suite scales, on whatever machine runs the bench.

Prints a table and writes --out (JSON) and the same table as Markdown beside it (.md).
Compare by the ratios within one run: absolute times vary with the machine's other load.
Exits 1 when a run of the suite had a failing test; a missed target is reported, not fatal.

This module only chooses the stages and writes the results. Each stage lives beside it:
baseline_bench.py (machine, startup, mock), linking_bench.py, suite_bench.py (the stage suite,
and the one run of the whole suite that suite, a11y, mfa and scaling measure), a11y_bench.py,
mfa_bench.py, scaling_bench.py; child_runs.py runs each measurement in a child process and
watches its process tree; report.py makes the table and its Markdown.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script: the stages' modules beside it
from benchmarks import mfa_bench  # noqa: E402
from benchmarks.a11y_bench import accessibility  # noqa: E402
from benchmarks.baseline_bench import machine, mock_latency, startup  # noqa: E402
from benchmarks.linking_bench import linking  # noqa: E402
from benchmarks.report import markdown, table  # noqa: E402
from benchmarks.scaling_bench import scaling  # noqa: E402
from benchmarks.suite_bench import all_passed, suite, suite_run  # noqa: E402

STAGES = ("machine", "startup", "mock", "linking", "suite", "a11y", "mfa", "scaling")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (linking)")
    parser.add_argument("--reps", type=int, default=5, help="repetitions per round (linking)")
    parser.add_argument("--suite-runs", type=int, default=1, help="runs of each suite variant")
    parser.add_argument("--only", default=",".join(STAGES), help="comma-separated stages")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results.json")
    args = parser.parse_args()
    stages = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(stages) - set(STAGES)
    if unknown:
        parser.error(f"unknown stages: {', '.join(sorted(unknown))} (known: {', '.join(STAGES)})")
    # Find out now, not after half an hour of measuring, that the results cannot be written.
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        parser.error(f"--out {args.out}: {error.strerror}")
    results: dict[str, Any] = {"started": time.time()}
    steps: dict[str, Callable[[], dict[str, Any]]] = {
        "machine": machine,
        "startup": startup,
        "mock": mock_latency,
        "linking": lambda: linking(args.rounds, args.reps),
        "suite": lambda: suite(args.suite_runs),
        "a11y": lambda: accessibility(args.suite_runs),
        "mfa": lambda: mfa_bench.mfa(args.suite_runs, suite_run, all_passed),
        "scaling": lambda: scaling(args.suite_runs),
    }
    for stage in STAGES:
        if stage in stages:
            began = time.perf_counter()
            print(f"bench: {stage} ...", file=sys.stderr, flush=True)
            results[stage] = steps[stage]()
            print(f"bench: {stage} done in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    results["finished"] = time.time()
    lines = table(results)
    print("\n".join(lines))
    args.out.write_text(json.dumps(results, indent=1) + "\n")
    args.out.with_suffix(".md").write_text(markdown(lines, results))
    print(f"\nwritten: {args.out} and {args.out.with_suffix('.md')}", file=sys.stderr)
    ok = all(
        results[stage].get(flag, True)
        for stage, flag in (
            ("suite", "all_passed"),
            ("a11y", "all_passed"),
            ("mfa", "all_passed"),
            ("scaling", "all_passed"),
        )
        if stage in results
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
