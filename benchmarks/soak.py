"""Soak: the whole acceptance suite many times in random order, serially and in parallel.

    .venv/bin/python benchmarks/soak.py [--runs 20] [--modes serial,parallel] [--workers 2]
        [--seed S] [--out benchmarks/soak.json] [pytest args ...]

Each run is a child pytest of tests/acceptance with pytest-randomly switched on
(`-p randomly`; the project's addopts switch it off so that ordinary runs go in feature
order) and a seed of its own, recorded so that any run can be replayed:

    .venv/bin/python -m pytest tests/acceptance -p randomly -p no:cacheprovider \\
        --randomly-seed=SEED [-n 2]

A flake is a test that fails in any run (the suite is deterministic: every test passes in
pytest's own collection order, `-p no:randomly`). Nothing is retried. The summary lists
every failing test with its runs and seeds, the first line of each failure, and where that
run's reports and artefacts (the Playwright trace of each failure) were kept:
reports/soak/<run>-<mode>/. The exit status is 1 when any test failed or any run broke, 0
otherwise.

The number of runs defaults to $SOAK_RUNS, else 20 (`make soak SOAK_RUNS=3`).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KEEP = REPO / "reports" / "soak"
MODES = ("serial", "parallel")


@dataclass
class Run:
    number: int
    mode: str
    seed: int
    returncode: int
    seconds: float
    tests: int = 0
    failed: dict[str, str] = field(default_factory=dict)  # test name -> first line of failure
    kept: str | None = None


def run_once(number: int, mode: str, seed: int, workers: int, extra: list[str]) -> Run:
    workdir = KEEP / f"{number:02d}-{mode}"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    command = [
        sys.executable,
        "-m",
        "pytest",
        "tests/acceptance",
        "-q",
        "-p",
        "randomly",
        "-p",
        "no:cacheprovider",
        f"--randomly-seed={seed}",
        f"--output={workdir / 'artifacts'}",
        f"--junitxml={workdir / 'junit.xml'}",
        f"--reports-dir={workdir}",
        *(["-n", str(workers)] if mode == "parallel" else []),
        *extra,
    ]
    started = time.perf_counter()
    with (workdir / "output.txt").open("w") as log:
        child = subprocess.run(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, check=False)
    run = Run(number, mode, seed, child.returncode, time.perf_counter() - started)
    junit = workdir / "junit.xml"
    if junit.exists():
        for case in ElementTree.parse(junit).iter("testcase"):
            run.tests += 1
            problem = case.find("failure")
            if problem is None:
                problem = case.find("error")
            if problem is not None:
                message = (problem.get("message") or problem.text or "").strip().splitlines()
                run.failed[case.get("name", "")] = message[0] if message else "(no message)"
    if run.returncode == 0 and not run.failed:
        shutil.rmtree(workdir)
    else:
        run.kept = str(workdir.relative_to(REPO))
    return run


def summary(runs: list[Run]) -> tuple[list[str], dict[str, list[Run]]]:
    flaky: dict[str, list[Run]] = {}
    for run in runs:
        for name in run.failed:
            flaky.setdefault(name, []).append(run)
    broken = [r for r in runs if r.returncode != 0 and not r.failed]
    lines = [f"soak: {len(runs)} runs of the acceptance suite in random order"]
    for mode in MODES:
        mine = [r for r in runs if r.mode == mode]
        if mine:
            seconds = sorted(r.seconds for r in mine)
            bad = sum(1 for r in mine if r.failed or r.returncode != 0)
            lines.append(
                f"  {mode:8}: {len(mine)} runs, {bad} with failures; median "
                f"{seconds[len(seconds) // 2]:.0f} s; seeds {', '.join(str(r.seed) for r in mine)}"
            )
    if flaky:
        lines.append(f"flaky tests: {len(flaky)}")
        for name, failing in sorted(flaky.items()):
            lines.append(f"  {name}: failed in {len(failing)} of {len(runs)} runs")
            for run in failing:
                lines.append(
                    f"    run {run.number} {run.mode} seed {run.seed}: {run.failed[name]} "
                    f"(reports in {run.kept})"
                )
    else:
        lines.append("flaky tests: 0")
    for run in broken:
        lines.append(
            f"run {run.number} {run.mode} seed {run.seed} exited {run.returncode} with no failed "
            f"test: see {run.kept}/output.txt"
        )
    return lines, flaky


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("SOAK_RUNS") or 20))
    parser.add_argument("--modes", default=",".join(MODES), help="serial,parallel or one")
    parser.add_argument("--workers", type=int, default=2, help="-n for the parallel runs")
    parser.add_argument("--seed", type=int, help="the first run's seed (default: random)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "soak.json")
    args, extra = parser.parse_known_args()
    modes = [m for m in args.modes.split(",") if m]
    if not set(modes) <= set(MODES):
        parser.error(f"--modes takes {', '.join(MODES)}")
    seeds = random.Random(args.seed)
    runs: list[Run] = []
    for number in range(1, args.runs + 1):
        for mode in modes:
            seed = args.seed + len(runs) if args.seed is not None else seeds.randrange(2**31)
            run = run_once(number, mode, seed, args.workers, extra)
            runs.append(run)
            status = "ok" if run.returncode == 0 and not run.failed else "FAILED"
            print(
                f"run {number:2d}/{args.runs} {mode:8} seed {seed:10d}: {run.tests} tests, "
                f"{len(run.failed)} failed, {run.seconds:.0f} s {status}",
                flush=True,
            )
    lines, flaky = summary(runs)
    print("\n".join(lines))
    args.out.write_text(
        json.dumps(
            {"finished": time.time(), "runs": [asdict(r) for r in runs], "summary": lines},
            indent=1,
        )
        + "\n"
    )
    broken = any(r.returncode != 0 for r in runs)
    return 1 if flaky or broken else 0


if __name__ == "__main__":
    sys.exit(main())
