"""`make bench`'s stages that run no scenario: "machine" (what the bench runs on), "startup"
(pytest's start-up and collection beside a bare `python -c pass`) and "mock" (the mock's page
latency, benchmarks/mock_latency.py).
"""

from __future__ import annotations

import os
import platform
import re
import shlex
import statistics
import subprocess
from pathlib import Path
from typing import Any

from benchmarks.child_runs import PYTHON, REPO, available_cpus, failed, run_child

# The target of issue 6, point 3: collecting the acceptance suite takes under this.
TARGET_STARTUP_SECONDS = 2.0


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = Path("/proc/meminfo").read_text()
    total = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.MULTILINE)
    chromium = subprocess.run(
        [
            PYTHON,
            "-c",
            "from suite.run.browser import choose_browser; print(choose_browser().describe())",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    from importlib import metadata

    return {
        "cores": len(available_cpus()),
        "cpu": model.group(1).strip() if model else platform.processor(),
        "ram_gb": round(int(total.group(1)) / 1024 / 1024, 1) if total else None,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "pytest": metadata.version("pytest"),
        "pytest_bdd": metadata.version("pytest-bdd"),
        "playwright": metadata.version("playwright"),
        "browser": chromium,
    }


def startup(repetitions: int = 5) -> dict[str, Any]:
    collect = [PYTHON, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    walls, bare = [], []
    for _ in range(repetitions):
        run = run_child([*collect, "tests/acceptance"])
        if run.returncode != 0:
            raise failed(run, "collection")
        walls.append(run.wall)
        bare.append(run_child([PYTHON, "-c", "pass"]).wall)
    collected = re.search(r"(\d+) tests? collected", run.output)
    return {
        "command": shlex.join([*collect, "tests/acceptance"]).replace(PYTHON, "python"),
        "collect_only_seconds": walls,
        "median": statistics.median(walls),
        "python_start_median": statistics.median(bare),
        "tests_collected": int(collected.group(1)) if collected else None,
        "target_met": statistics.median(walls) < TARGET_STARTUP_SECONDS,
    }


def mock_latency() -> dict[str, Any]:
    run = run_child([PYTHON, "benchmarks/mock_latency.py", "--requests", "2000"])
    if run.returncode != 0:
        raise failed(run, "mock latency")
    numbers = {
        key: float(match.group(1))
        for key in ("median", "p99")
        if (match := re.search(rf"^{key}: ([\d.]+) ms", run.output, re.MULTILINE))
    }
    pages = {
        m.group(1): {"median": float(m.group(2)), "p99": float(m.group(3))}
        for m in re.finditer(r"^\s+(\S+)\s+median ([\d.]+) ms, p99 ([\d.]+) ms", run.output, re.M)
    }
    errors = re.search(r"^errors: (\d+)", run.output, re.MULTILINE)
    return {
        "median_ms": numbers.get("median"),
        "p99_ms": numbers.get("p99"),
        "errors": int(errors.group(1)) if errors else None,
        "pages": pages,
        "output": run.output.strip().splitlines(),
    }
