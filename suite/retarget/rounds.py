"""Calibrate's rounds: the FAQ scenarios in a child pytest with the recording plugin, one line
per scenario as it ends.

A round runs the scenarios it is given (the first: every selected one; later ones: only those
the last round's changes concern, suite/retarget/calibrate.py) and reads the recording plugin's log
(suite/retarget/recording.py) while the child runs, so a person sees each scenario end: passed,
skipped with why, or failed at a step, with what the target showed there instead.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from suite.retarget.draft import Key

REPO = Path(__file__).resolve().parents[2]
SUITE = "tests/acceptance"
POLL_S = 0.25
SHOWN = 70  # characters of an observed text a progress line shows
# Calibrate reads pages, not reports: no traces, screenshots or accessibility audits (the
# audits alone cost a sixth of a run: docs/speed.md "What the accessibility audits cost").
QUIET = ("--tracing=off", "--screenshot=off", "--a11y=off")


@dataclass
class ScenarioResult:
    nodeid: str
    outcome: str  # passed, failed, skipped
    step: str = ""  # the step it failed at
    reason: str = ""  # why it was skipped
    used: set[Key] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """The scenario's test name, its example's values cut short."""
        name = self.nodeid.rpartition("::")[2].removeprefix("test_")
        base, bracket, example = name.partition("[")
        return base + (f"[{_short(example.rstrip(']'))[:40]}]" if bracket else "")

    @classmethod
    def of(cls, record: dict[str, object]) -> ScenarioResult:
        used = {(str(g), str(k)) for g, k in record.get("used", [])}  # type: ignore[attr-defined]
        return cls(
            str(record["scenario"]),
            str(record["outcome"]),
            str(record.get("step") or ""),
            str(record.get("reason") or ""),
            used,
            set(record.get("tags", [])),  # type: ignore[call-overload]
        )


@dataclass
class Round:
    number: int
    scenarios: dict[str, ScenarioResult] = field(default_factory=dict)
    observations: list[dict[str, object]] = field(default_factory=list)
    unattributed: list[dict[str, object]] = field(default_factory=list)
    capabilities: list[dict[str, object]] = field(default_factory=list)
    seconds: float = 0.0
    # The round's sign-ins through PACER login (suite/reporting/sign_ins.py): how many, and
    # how many the target asked for a one-time passcode (multifactor authentication).
    sign_ins: dict[str, Any] = field(default_factory=dict)

    def count(self, outcome: str) -> int:
        return sum(result.outcome == outcome for result in self.scenarios.values())

    def passcodes(self) -> str:
        total = int(self.sign_ins.get("sign_ins", 0))
        if not total:
            return "no sign-in through PACER login was completed"
        asked = total - int(self.sign_ins.get("by_method", {}).get("not asked", 0))
        return f"the target asked for a one-time passcode in {asked} of {total} sign-ins"


def _short(text: object) -> str:
    text = str(text)
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def progress_line(
    number: int, done: int, total: int, result: ScenarioResult, seen: list[dict[str, object]]
) -> str:
    """One scenario's line: how it ended, and what the target showed where it failed."""
    head = f"calibrate: round {number} [{done}/{total or '?'}] {result.outcome:<7} {result.name}"
    if result.outcome == "skipped":
        return f"{head}: {_short(result.reason)}"
    if result.outcome == "passed" and not seen:
        return head
    parts = []
    for record in seen:
        key = f"[{record.get('group')}] {record.get('key')}"
        if record.get("event") == "unattributed":
            parts.append(f"no profile value explains it: {_short(record.get('reason'))}")
        elif record.get("observed") is None:
            parts.append(f"could not read {key}: {_short(record.get('how'))}")
        else:
            parts.append(f"saw {key} = {_short(repr(record['observed']))}")
    at = f' at "{result.step}"' if result.step else ""
    return f"{head}{at}: " + "; ".join(parts) if parts else f"{head}{at}"


def _records(log: Path, position: int) -> tuple[list[dict[str, object]], int]:
    """The complete lines written to `log` since `position`, and the new position."""
    if not log.exists():
        return [], position
    with log.open("rb") as handle:
        handle.seek(position)
        chunk = handle.read()
    complete = chunk[: chunk.rfind(b"\n") + 1]
    lines = [json.loads(line) for line in complete.decode("utf-8").splitlines() if line.strip()]
    return lines, position + len(complete)


def run_round(
    number: int,
    options: list[str],
    nodeids: list[str] | None,
    work: Path,
    out: Callable[[str], None] = print,
    environ: dict[str, str] | None = None,
) -> Round:
    """One round: the child pytest with `options` (target, profile, selection) over `nodeids`
    (all of the suite when None), printing each scenario's line as it ends."""
    log = work / "observations.jsonl"
    command = [sys.executable, "-m", "pytest", *(nodeids or [SUITE])]
    command += ["-p", "suite.retarget.recording"]
    command += ["-p", "no:cacheprovider", f"--calibrate-log={log}", "-q", *QUIET]
    command += [f"--reports-dir={work / 'reports'}", f"--output={work / 'artifacts'}", *options]
    result = Round(number)
    started, position, total = time.monotonic(), 0, 0
    pending: dict[str, list[dict[str, object]]] = {}
    with subprocess.Popen(
        command,
        cwd=REPO,
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        while True:
            finished = child.poll() is not None
            records, position = _records(log, position)
            for record in records:
                total = _take(record, result, pending, total, number, out)
            if finished:
                break
            time.sleep(POLL_S)
        error = child.stderr.read() if child.stderr else ""
    if child.returncode not in (0, 1) and not result.scenarios:
        out(
            f"calibrate: round {number}: the child pytest ended with {child.returncode}: "
            f"{error[-800:]}"
        )
    result.seconds = time.monotonic() - started
    results = work / "reports" / "results.json"
    if results.exists():
        session = json.loads(results.read_text("utf-8")).get("session", {})
        result.sign_ins = session.get("sign_ins", {})
    return result


def _take(
    record: dict[str, object],
    result: Round,
    pending: dict[str, list[dict[str, object]]],
    total: int,
    number: int,
    out: Callable[[str], None],
) -> int:
    event = record.get("event")
    if event == "collected":
        return max(total, int(str(record.get("count", 0))))
    scenario = str(record.get("scenario", ""))
    if event == "observation":
        result.observations.append(record)
        pending.setdefault(scenario, []).append(record)
    elif event == "unattributed":
        result.unattributed.append(record)
        pending.setdefault(scenario, []).append(record)
    elif event == "capability":
        result.capabilities.append(record)
    elif event == "scenario":
        ended = ScenarioResult.of(record)
        result.scenarios[ended.nodeid] = ended
        out(progress_line(number, len(result.scenarios), total, ended, pending.pop(scenario, [])))
    return total


def all_observations(rounds: list[Round]) -> Iterator[dict[str, object]]:
    for round_ in rounds:
        yield from round_.observations
