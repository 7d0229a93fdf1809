"""The result record of one scenario test, as the plugin writes it and the reports read it.

One record per pytest test (a scenario, or one example row of an outline). Records are plain
JSON so that xdist workers, shards on other machines and the commands can all exchange
them; `results.json` is {"session": ..., "records": [...]}.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal, NotRequired, TypedDict

from suite.authoring.features import scenario_key

# "not applicable": the target lacks a page the scenario needs (its profile says so).
Outcome = Literal["passed", "failed", "skipped", "not applicable", "error", "not run"]
StepStatus = Literal["passed", "failed", "skipped", "undefined"]
OUTCOMES: tuple[Outcome, ...] = (
    "passed",
    "failed",
    "error",
    "skipped",
    "not applicable",
    "not run",
)


class FeatureInfo(TypedDict):
    path: str  # relative to the repository, e.g. features/01_linking_accounts.feature
    name: str
    description: str
    tags: list[str]
    line: int
    keyword: str


class ScenarioInfo(TypedDict):
    name: str  # rendered with the example row
    template: str  # as written, "<placeholders>" and all
    keyword: str
    line: int
    description: str
    tags: list[str]
    example: dict[str, str] | None
    example_index: int | None


class StepRecord(TypedDict):
    keyword: str
    text: str
    type: str
    line: int
    status: StepStatus
    duration: float
    error: str | None
    location: str | None  # of the step function, file:line, once the step has run
    checked: list[str]  # the exact texts this step looked for, from the target's profile
    # What happened inside the step that its words do not say (the passcode page inside "logs
    # in with the username and password ...")
    substeps: NotRequired[list[str]]


class Artifact(TypedDict):
    kind: str  # screenshot, trace, page (its HTML, beside a kept trace) or video
    path: str  # relative to the reports folder, so the HTML can link it


class Record(TypedDict):
    nodeid: str
    worker: str
    attempts: int
    started: float
    duration: float
    feature: FeatureInfo
    scenario: ScenarioInfo
    steps: list[StepRecord]
    outcome: Outcome
    phase: str
    reason: str | None
    error: str | None
    longrepr: str | None
    artifacts: list[Artifact]
    # axe-core audits of the page states this test reached first (suite/audits/accessibility.py)
    accessibility: NotRequired[list[dict[str, Any]]]
    navigated: NotRequired[list[str]]  # "site path" of every page it navigated to
    # Each sign-in through PACER login: persona, passcode method, a wait for a new step
    sign_ins: NotRequired[list[dict[str, Any]]]


class Results(TypedDict):
    session: dict[str, Any]
    records: list[Record]


def key_of(record: Record) -> str:
    """The scenario (template) a record belongs to, keyed as the report and matrix key it."""
    return scenario_key(record["feature"]["path"], record["scenario"]["line"])


def failed_step(record: Record) -> StepRecord | None:
    """The step a failed scenario stopped at: one that failed, or had no definition."""
    return next((s for s in record["steps"] if s["status"] in ("failed", "undefined")), None)


def load_results(path: Path) -> Results:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"session": data.get("session", {}), "records": data.get("records", [])}


def worst(outcomes: list[Outcome]) -> Outcome:
    """One outcome for several tests of a scenario: a failure shows, a skip hides nothing."""
    order: tuple[Outcome, ...] = ("failed", "error", "passed", "skipped", "not applicable")
    return next((outcome for outcome in order if outcome in outcomes), "not run")


def summarise(outcomes: list[Outcome]) -> str:
    """'passed', or '3 passed, 1 failed' when the examples of an outline differ."""
    if not outcomes:
        return "not run"
    counts = {o: outcomes.count(o) for o in OUTCOMES if o in outcomes}
    if len(counts) == 1 and len(outcomes) == 1:
        return outcomes[0]
    return ", ".join(f"{n} {o}" for o, n in counts.items())
