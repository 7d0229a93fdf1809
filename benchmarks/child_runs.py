"""Running a measurement in a child process of the bench: its wall time, its exit code, and
what its whole process tree used (CPU seconds by kind of process, peak memory), sampled from
/proc. Every stage measures through run_child, so nothing shares a browser, a mock or a warm
cache with the next measurement.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TICK = os.sysconf("SC_CLK_TCK")


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


def available_cpus() -> list[int]:
    return sorted(os.sched_getaffinity(0))
