"""CPU seconds of a test: its pytest process's and every process under it (nested runs,
browsers, mocks), as user and system time, for the JUnit XML (property `cpu_seconds`).

Wall-clock time on a machine shared with other work measures the others too; CPU time moves
much less. Read from /proc (Linux); elsewhere the property is left out.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CPU_PROPERTY = "cpu_seconds"
STARTED = pytest.StashKey[float]()
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: str) -> tuple[int, int] | None:
    """(parent pid, CPU ticks of the process and of its children it has waited for)."""
    try:
        text = Path("/proc", pid, "stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), sum(int(ticks) for ticks in fields[11:15])


def tree_cpu_seconds(root: int | None = None) -> float | None:
    """CPU seconds so far of `root` (this process) and every live process under it; None
    without /proc."""
    root = root or os.getpid()
    if not Path("/proc/self/stat").exists():
        return None
    children: dict[int, list[int]] = {}
    ticks: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _stat(entry)) is not None:
            children.setdefault(stat[0], []).append(int(entry))
            ticks[int(entry)] = stat[1]
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += ticks.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total / _TICKS


def start(item: pytest.Item) -> None:
    """Before the test's setup (a shared run its fixture starts is the test's too)."""
    now = tree_cpu_seconds()
    if now is not None:
        item.stash[STARTED] = now


def record(item: pytest.Item, report: pytest.TestReport) -> None:
    """After its teardown, into the teardown report's properties (the ones pytest's JUnit XML
    writes, under pytest-xdist too)."""
    now = tree_cpu_seconds()
    if report.when == "teardown" and now is not None and STARTED in item.stash:
        report.user_properties.append((CPU_PROPERTY, f"{now - item.stash[STARTED]:.1f}"))
