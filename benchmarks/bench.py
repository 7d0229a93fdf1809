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
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script: benchmarks.mfa_bench beside it
from benchmarks import mfa_bench  # noqa: E402
from benchmarks.mfa_bench import MFA_ON_DAY  # noqa: E402

PYTHON = sys.executable
LINKING_TEST = (
    "tests/acceptance/test_faq.py::test_linking_the_cmecf_account_from_the_utilities_menu"
)
STAGES = ("machine", "startup", "mock", "linking", "suite", "a11y", "mfa", "scaling")
TICK = os.sysconf("SC_CLK_TCK")

# The targets of issue 6, point 3.
TARGET_LINKING_RATIO = 1.2
TARGET_STARTUP_SECONDS = 2.0
TARGET_REUSE_SAVING = 0.30
# axe-core audits (--a11y, on by default) may add at most this to the serial suite.
TARGET_A11Y_COST = 0.15
# "Close to linear where there are more cores": on K cores, the speed-up over one core is at
# least 3/4 of K.
TARGET_SCALING_EFFICIENCY = 0.75


# --- running children, watching their process tree ---------------------------------------------


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rfind(")") + 2 :].split()  # fields from 3 (state) on


def _kind(pid: int, comm: str) -> str:
    """What a process in the suite's tree is, for the CPU breakdown."""
    if comm.startswith("python"):
        return "python"
    if comm.startswith("node"):  # node-MainThread
        return "Playwright driver (node)"
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        cmdline = ""
    if "--type=renderer" in cmdline or "--renderer-client-id" in cmdline:
        return "Chromium renderers"
    if "--type=gpu-process" in cmdline or "--gpu-preferences" in cmdline:
        return "Chromium GPU process"
    if "--type=" in cmdline or "--utility-sub-type" in cmdline:
        return "Chromium utility and zygote"
    return "Chromium browser process"


@dataclass
class TreeUsage:
    """What a child process and its descendants used, sampled from /proc."""

    cpu: dict[int, tuple[str, float]] = field(default_factory=dict)  # pid -> (kind, seconds)
    python_main: dict[int, float] = field(default_factory=dict)  # pid -> main thread seconds
    peak_tree_pss_mb: float = 0.0  # proportional set size: shared pages counted once

    def total_cpu(self) -> float:
        return sum(seconds for _, seconds in self.cpu.values())

    def by_kind(self) -> dict[str, float]:
        kinds: dict[str, float] = {}
        for pid, (kind, seconds) in self.cpu.items():
            if kind == "python":
                main = min(self.python_main.get(pid, 0.0), seconds)
                kinds["pytest main threads (pytest, pytest-bdd, Playwright client)"] = (
                    kinds.get("pytest main threads (pytest, pytest-bdd, Playwright client)", 0.0)
                    + main
                )
                kinds["other Python threads (mock server, xdist I/O)"] = (
                    kinds.get("other Python threads (mock server, xdist I/O)", 0.0) + seconds - main
                )
            else:
                kinds[kind] = kinds.get(kind, 0.0) + seconds
        return dict(sorted(kinds.items(), key=lambda item: -item[1]))


class TreeMonitor(threading.Thread):
    def __init__(self, root: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.interval = interval
        self.usage = TreeUsage()
        self.kinds: dict[int, tuple[str, str]] = {}  # pid -> (comm, kind)
        self.done = threading.Event()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for name in os.listdir("/proc"):
            if name.isdigit():
                fields = _stat(int(name))
                if fields is not None:
                    children.setdefault(int(fields[1]), []).append(int(name))
        found, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, []))
        return found

    def sample(self) -> None:
        pss = 0
        for pid in self._tree():
            fields = _stat(pid)
            if fields is None:
                continue
            try:
                comm = Path(f"/proc/{pid}/comm").read_text().strip()
            except OSError:
                continue
            known = self.kinds.get(pid)
            if known is None or known[0] != comm:  # new, or exec'd (the chromium wrapper)
                known = (comm, _kind(pid, comm))
                self.kinds[pid] = known
            self.usage.cpu[pid] = (known[1], (int(fields[11]) + int(fields[12])) / TICK)
            pss += _pss_kb(pid)
            if known[1] == "python":
                main = _stat_thread(pid)
                if main is not None:
                    self.usage.python_main[pid] = main
        self.usage.peak_tree_pss_mb = max(self.usage.peak_tree_pss_mb, pss / 1024)

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.sample()


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    found = re.search(r"^Pss:\s+(\d+) kB", text, re.MULTILINE)
    return int(found.group(1)) if found else 0


def _stat_thread(pid: int) -> float | None:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rfind(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / TICK


@dataclass
class ChildRun:
    command: list[str]
    returncode: int
    wall: float
    output: str
    max_rss_mb: float  # the largest single process of the tree (wait4's ru_maxrss)
    usage: TreeUsage | None = None


def run_child(
    command: Sequence[str],
    monitor: bool = False,
    timeout: float = 1800,
    cpus: Sequence[int] | None = None,
) -> ChildRun:
    """Run command from the repository root; its wall time, exit code and resource use.
    With cpus, the child and everything it starts (workers, mocks, browsers) may run only
    on those CPUs: a smaller machine inside this one."""
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (closed below)
    pin = (lambda: os.sched_setaffinity(0, cpus)) if cpus is not None else None
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command), cwd=REPO, stdout=log, stderr=subprocess.STDOUT, text=True, preexec_fn=pin
    )
    watcher = TreeMonitor(process.pid) if monitor else None
    if watcher is not None:
        watcher.start()
    deadline = started + timeout
    while True:
        pid, status, rusage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
        time.sleep(0.02)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if watcher is not None:
        watcher.done.set()
        watcher.join()
    log.seek(0)
    return ChildRun(
        list(command),
        process.returncode,
        wall,
        log.read(),
        rusage.ru_maxrss / 1024,
        watcher.usage if watcher is not None else None,
    )


def pytest_command(workdir: Path, *args: str) -> list[str]:
    """A child pytest (the whole acceptance suite unless args name tests) whose reports go to
    workdir, not reports/."""
    paths = [a for a in args if a.startswith("tests/")] or ["tests/acceptance"]
    options = [a for a in args if not a.startswith("tests/")]
    return [
        PYTHON,
        "-m",
        "pytest",
        *paths,
        "-q",
        "-p",
        "no:cacheprovider",
        "-p",
        "no:randomly",
        "-p",
        "benchmarks.timing",
        f"--output={workdir / 'artifacts'}",
        f"--junitxml={workdir / 'junit.xml'}",
        f"--reports-dir={workdir}",
        f"--bench-timings={workdir / 'timings.json'}",
        *options,
    ]


def read_timings(workdir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((workdir / "timings.json").read_text())
    return data


def failed(run: ChildRun, what: str) -> RuntimeError:
    tail = "\n".join(run.output.strip().splitlines()[-30:])
    return RuntimeError(f"{what} failed (exit {run.returncode}): {shlex.join(run.command)}\n{tail}")


# --- the stages --------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    meminfo = Path("/proc/meminfo").read_text()
    total = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.MULTILINE)
    chromium = subprocess.run(
        [
            PYTHON,
            "-c",
            "from suite.browser import choose_browser; print(choose_browser().describe())",
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


# Each variant of the linking comparison: how to run it once, returning seconds per flow.
Variant = Callable[[int], list[float]]


def bare_variant(sign_in: str) -> Variant:
    def run(reps: int) -> list[float]:
        child = run_child(
            [
                PYTHON,
                "benchmarks/bare_linking_flow.py",
                "--iterations",
                str(reps),
                "--warmup",
                "1",
                "--sign-in",
                sign_in,
                "--today",
                MFA_ON_DAY,
                "--json",
            ]
        )
        if child.returncode != 0:
            raise failed(child, "the bare linking flow")
        result = json.loads(child.output.strip().splitlines()[-1])
        return [float(x) for x in result["iterations"]]

    return run


def suite_variant(*args: str) -> Variant:
    def run(reps: int) -> list[float]:
        with tempfile.TemporaryDirectory(prefix="bench-linking-") as folder:
            workdir = Path(folder)
            child = run_child(
                pytest_command(
                    workdir,
                    LINKING_TEST,
                    f"--bench-repeat={reps + 2}",
                    f"--mock-today={MFA_ON_DAY}",
                    *args,
                )
            )
            if child.returncode != 0:
                raise failed(child, "the linking scenario")
            tests = read_timings(workdir)["tests"]
        starts = sorted(test["start"] for test in tests.values())
        # start to start: everything one test costs, the hooks between phases included;
        # the first interval (browser launch, first sign-in) is the warm-up.
        return [later - earlier for earlier, later in itertools.pairwise(starts[1:])]

    return run


BARE_UI = "bare script, UI sign-in"
SUITE_UI = "suite scenario, UI sign-in (--sign-in=ui)"
BARE_REUSE = "bare script, reused sign-in"
SUITE_REUSE = "suite scenario, reused sign-in (default)"
SUITE_NO_ARTEFACTS = "suite scenario, UI sign-in, --tracing=off --screenshot=off"
SUITE_SNAPSHOTS = "suite scenario, UI sign-in, --trace-detail=snapshots"
SUITE_FULL_TRACES = "suite scenario, UI sign-in, --trace-detail=full"
# What each artefact setting costs over none, named as docs/qa-engineers.md's trace-detail table.
ARTEFACT_SETTINGS = {
    "actions (default)": SUITE_UI,
    "snapshots": SUITE_SNAPSHOTS,
    "full": SUITE_FULL_TRACES,
}


def artefact_costs(medians: dict[str, float]) -> dict[str, float]:
    """Each trace detail's linking time over the same scenario with no artefacts at all."""
    return {
        setting: medians[name] / medians[SUITE_NO_ARTEFACTS]
        for setting, name in ARTEFACT_SETTINGS.items()
    }


def linking(rounds: int, reps: int) -> dict[str, Any]:
    variants: dict[str, Variant] = {
        BARE_UI: bare_variant("ui"),
        SUITE_UI: suite_variant("--sign-in=ui"),
        BARE_REUSE: bare_variant("reuse"),
        SUITE_REUSE: suite_variant("--sign-in=reuse"),
        SUITE_NO_ARTEFACTS: suite_variant("--sign-in=ui", "--tracing=off", "--screenshot=off"),
        SUITE_SNAPSHOTS: suite_variant("--sign-in=ui", "--trace-detail=snapshots"),
        SUITE_FULL_TRACES: suite_variant("--sign-in=ui", "--trace-detail=full"),
    }
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, variant in variants.items():
            samples[name].extend(variant(reps))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    ratio_ui = medians[SUITE_UI] / medians[BARE_UI]
    ratio_reuse = medians[SUITE_REUSE] / medians[BARE_REUSE]
    return {
        "samples": samples,
        "medians": medians,
        "ratio_ui": ratio_ui,
        "ratio_reuse": ratio_reuse,
        "artefact_costs": artefact_costs(medians),
        "target_met": max(ratio_ui, ratio_reuse) <= TARGET_LINKING_RATIO,
    }


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


def _all_passed(variants: Iterable[list[dict[str, Any]]]) -> bool:
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
    all_passed = _all_passed(results.values())
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
        "all_passed": all_passed,
        "reuse_target_met": 1 - serial / ui >= TARGET_REUSE_SAVING,
        "parallel_target_met": parallel <= serial,
    }


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
        "all_passed": _all_passed(results.values()),
        "target_met": on / off - 1 <= TARGET_A11Y_COST,
    }


def available_cpus() -> list[int]:
    return sorted(os.sched_getaffinity(0))


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
        "all_passed": _all_passed(results.values()),
        "target_met": all(p["efficiency"] >= TARGET_SCALING_EFFICIENCY for p in points),
        "measurable": len(points) > 1,
    }


# --- the table ---------------------------------------------------------------------------------


def _met(flag: bool) -> str:
    return "met" if flag else "NOT met"


def table(results: dict[str, Any]) -> list[str]:
    rows: list[tuple[str, str]] = []
    if "machine" in results:
        m = results["machine"]
        rows.append(
            (
                "machine",
                f"{m['cores']} cores, {m['cpu']}, {m['ram_gb']} GB RAM, load "
                f"{m['load_average_at_start']}; {m['browser']}; Playwright {m['playwright']}",
            )
        )
    if "startup" in results:
        s = results["startup"]
        rows.append(
            (
                "pytest start-up + collection",
                f"{s['median']:.2f} s median of {len(s['collect_only_seconds'])} "
                f"({s['tests_collected']} tests; `python -c pass` {s['python_start_median']:.2f} s)"
                f" — target < {TARGET_STARTUP_SECONDS:g} s {_met(s['target_met'])}",
            )
        )
    if "mock" in results:
        k = results["mock"]
        pages = ", ".join(f"{p} {v['median']:.1f}" for p, v in k["pages"].items())
        rows.append(
            (
                "mock page latency",
                f"median {k['median_ms']} ms, p99 {k['p99_ms']} ms, {k['errors']} errors "
                f"(per page, median ms: {pages})",
            )
        )
    if "linking" in results:
        link = results["linking"]
        for name, median in link["medians"].items():
            count = len(link["samples"][name])
            rows.append((f"linking: {name}", f"{median:.3f} s median of {count}"))
        rows.append(
            (
                "linking: suite / bare",
                f"UI sign-in {link['ratio_ui']:.2f}x, reused sign-in {link['ratio_reuse']:.2f}x "
                f"— target <= {TARGET_LINKING_RATIO:g}x {_met(link['target_met'])}",
            )
        )
        costs = ", ".join(f"{k} {v:.2f}x" for k, v in link.get("artefact_costs", {}).items())
        if costs:
            rows.append(("linking: trace detail over no artefacts", costs))
    if "suite" in results:
        s = results["suite"]
        for name, runs in s["runs"].items():
            first = runs[0]
            walls = ", ".join(f"{r['wall']:.1f}" for r in runs)
            rows.append(
                (
                    f"suite: {name}",
                    f"{s['walls'][name]:.1f} s wall (runs: {walls}); {first['tests']} tests "
                    f"{first['outcomes']}; median test {first['median_test']:.2f} s, slowest "
                    f"{first['slowest_seconds']:.2f} s ({first['slowest_test']}); peak RSS "
                    f"{first['max_process_rss_mb']:.0f} MB largest process, "
                    f"{first['peak_tree_pss_mb']:.0f} MB whole tree (PSS); CPU "
                    f"{first['cpu_seconds']:.0f} s, {first['cpu_utilisation'] * 100:.0f}% of "
                    f"{len(available_cpus())} cores",
                )
            )
        sign_in = s["sign_in"]
        rows.append(
            (
                "suite: sign-in reuse saves",
                f"{s['reuse_saving'] * 100:.0f}% of the wall time — target >= "
                f"{TARGET_REUSE_SAVING * 100:.0f}% {_met(s['reuse_target_met'])}. "
                f"{sign_in['tests_signing_in_as_a_precondition']} of {first['tests']} tests sign "
                f"in as a precondition: {sign_in['ui_sign_in_seconds']:.1f} s through the UI, "
                f"{sign_in['reused_sign_in_seconds']:.1f} s reused; a free sign-in would save "
                f"{sign_in['ceiling'] * 100:.0f}% at most. Those tests alone: "
                f"{sign_in['ui_tests_seconds']:.1f} s with UI sign-in, "
                f"{sign_in['reused_tests_seconds']:.1f} s reused, "
                f"{sign_in['saving_where_it_applies'] * 100:.0f}% saved",
            )
        )
        rows.append(
            (
                "suite: -n 2 speed-up",
                f"{s['parallel_speedup']:.2f}x over serial on {len(available_cpus())} cores "
                f"— target: never slower {_met(s['parallel_target_met'])}",
            )
        )
        for name, runs in s["runs"].items():
            kinds = runs[0]["cpu_by_kind"]
            total = sum(kinds.values()) or 1.0
            share = ", ".join(f"{k} {v:.0f} s ({v / total * 100:.0f}%)" for k, v in kinds.items())
            rows.append((f"CPU: {name}", share))
    if "a11y" in results:
        a = results["a11y"]
        for name, runs in a["runs"].items():
            walls = ", ".join(f"{r['wall']:.1f}" for r in runs)
            rows.append((f"suite: {name}", f"{a['walls'][name]:.1f} s median (runs: {walls})"))
        rows.append(
            (
                "suite: axe-core audits (--a11y) add",
                f"{a['cost'] * 100:.0f}% to the serial suite ({a['seconds']:.1f} s for "
                f"{a['audits']} page states audited in {a['tests']} tests; the audits "
                f"themselves took {a['audit_share'] * 100:.0f}% of the audited run's wall "
                f"time) — target <= {TARGET_A11Y_COST * 100:.0f}% {_met(a['target_met'])}",
            )
        )
    if "mfa" in results:
        rows += mfa_bench.rows(results["mfa"])
    if "scaling" in results:
        c = results["scaling"]
        for point in c["points"]:
            k = point["cores"]
            walls = ", ".join(f"{w:.1f}" for w in point["walls"])
            rows.append(
                (
                    f"scaling: {k} core{'s' if k > 1 else ''}",
                    f"{point['wall']:.1f} s wall (runs: {walls}), "
                    f"{'serial' if k == 1 else f'-n {k}'}; speed-up over 1 core "
                    f"{point['speedup']:.2f}x, efficiency {point['efficiency'] * 100:.0f}%; "
                    f"CPU {point['cpu_utilisation'] * 100:.0f}% of its cores",
                )
            )
        verdict = _met(c["target_met"]) if c["measurable"] else "not measurable on 1 core"
        rows.append(
            (
                "scaling: close to linear",
                f"target: efficiency >= {TARGET_SCALING_EFFICIENCY * 100:.0f}% at every core "
                f"count up to {c['points'][-1]['cores']} — {verdict}",
            )
        )
    width = max(len(name) for name, _ in rows)
    return [f"{name.ljust(width)}  {value}" for name, value in rows]


def markdown(lines: list[str], results: dict[str, Any]) -> str:
    out = ["| measure | result |", "|---|---|"]
    for line in lines:
        name, _, value = line.partition("  ")
        out.append(f"| {name.strip()} | {value.strip()} |")
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(results["finished"]))
    return f"Benchmark of {when} (`make bench`)\n\n" + "\n".join(out) + "\n"


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
        "mfa": lambda: mfa_bench.mfa(args.suite_runs, suite_run, _all_passed),
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
