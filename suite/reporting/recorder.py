"""The record of each scenario test, built attempt by attempt in the process that runs it.

One JSON file per scenario test in reports/.results/ (a rerun overwrites it: the last attempt
wins), and one per process for what the run was against; suite/reporting/plugin.py feeds it
from pytest's and pytest-bdd's hooks and merges the files into the reports at the end.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd.parser import Scenario, Step

from suite.audits.accessibility import audits_of, navigated_by
from suite.authoring.features import examples_of, relative
from suite.reporting.records import Artifact, Outcome, Record, StepRecord
from suite.run import secrets
from suite.run.items import cached_fixture, template_of, worker_id
from suite.target.profiles import NOT_APPLICABLE
from suite.target.sites import Target

_MAX_ERROR_LINES = 12  # the full text is in the technical details
_MAX_LONGREPR = 20_000


class Recorder:
    """Builds the record of the scenario test running in this process, attempt by attempt."""

    def __init__(self, config: pytest.Config, folder: Path) -> None:
        self.config = config
        self.folder = folder
        self.root = Path(config.rootpath)
        self.reports = folder.parent
        self.worker = worker_id(config)
        self.attempts: dict[str, int] = {}
        self.current: dict[str, Record] = {}
        # The step each test is in, and when it started, by node id.
        self.running: dict[str, tuple[StepRecord, float]] = {}
        self.session: dict[str, Any] = {}

    # --- building the record ---------------------------------------------------------------

    def start(self, item: pytest.Item) -> None:
        template = template_of(item)
        if template is None:
            return
        nodeid = item.nodeid
        self.attempts[nodeid] = self.attempts.get(nodeid, 0) + 1
        example = self._example(item)
        rows = examples_of(template)
        scenario = template.render(example or {})
        feature = template.feature
        self.current[nodeid] = {
            "nodeid": nodeid,
            "worker": self.worker,
            "attempts": self.attempts[nodeid],
            "started": time.time(),
            "duration": 0.0,
            "feature": {
                "path": relative(feature.filename, self.root),
                "name": feature.name,
                "description": feature.description,
                "tags": sorted(feature.tags),
                "line": feature.line_number,
                "keyword": feature.keyword,
            },
            "scenario": {
                "name": scenario.name,
                "template": template.name,
                "keyword": template.keyword,
                "line": template.line_number,
                "description": template.description,
                "tags": sorted(template.tags),
                "example": example,
                "example_index": rows.index(example) if example in rows else None,
            },
            "steps": self._steps(scenario),
            "outcome": "passed",
            "phase": "call",
            "reason": None,
            "error": None,
            "longrepr": None,
            "artifacts": [],
        }

    @staticmethod
    def _example(item: pytest.Item) -> dict[str, str] | None:
        callspec = getattr(item, "callspec", None)
        example = callspec.params.get("_pytest_bdd_example") if callspec else None
        return dict(example) if isinstance(example, dict) else None

    @staticmethod
    def _steps(scenario: Scenario) -> list[StepRecord]:
        return [
            {
                "keyword": step.keyword,
                "text": step.name,
                "type": step.type,
                "line": step.line_number,
                "status": "skipped",
                "duration": 0.0,
                "error": None,
                "location": None,
                "checked": [],
            }
            for step in scenario.steps
        ]

    def step(
        self, request: pytest.FixtureRequest, scenario: Scenario, step: Step
    ) -> StepRecord | None:
        record = self.current.get(request.node.nodeid)
        if record is None:
            return None
        # pytest-bdd hands over the scenario it rendered; its steps are the record's, in order.
        index = next(i for i, s in enumerate(scenario.steps) if s is step)
        return record["steps"][index]

    def step_started_now(
        self,
        request: pytest.FixtureRequest,
        scenario: Scenario,
        step: Step,
        step_func: Callable[..., object],
    ) -> None:
        entry = self.step(request, scenario, step)
        if entry is not None:
            self.running[request.node.nodeid] = (entry, time.perf_counter())
            entry["location"] = _location(step_func, self.root)

    def step_finished(
        self,
        request: pytest.FixtureRequest,
        scenario: Scenario,
        step: Step,
        status: str,
        error: BaseException | None = None,
    ) -> None:
        entry = self.step(request, scenario, step)
        if entry is None:
            return
        _, started = self.running.pop(request.node.nodeid, (entry, time.perf_counter()))
        entry["duration"] = time.perf_counter() - started
        entry["status"] = status  # type: ignore[typeddict-item]
        entry["error"] = _short_error(error) if error is not None else None

    def note_checked(self, nodeid: str, text: str) -> None:
        """A text the running step looks for on this target (its profile's wording)."""
        running = self.running.get(nodeid)
        if running is not None and text not in running[0]["checked"]:
            running[0]["checked"].append(text)

    def note_substep(self, nodeid: str, text: str) -> None:
        """What happened inside the running step that its words do not say."""
        running = self.running.get(nodeid)
        if running is not None:
            running[0].setdefault("substeps", []).append(text)

    def note_sign_in(self, nodeid: str, sign_in: dict[str, Any]) -> None:
        record = self.current.get(nodeid)
        if record is not None:
            record.setdefault("sign_ins", []).append(sign_in)

    def report(self, item: pytest.Item, report: pytest.TestReport) -> None:
        record = self.current.get(item.nodeid)
        if record is None:
            return
        record["duration"] += report.duration
        if report.when == "call" or report.failed or report.skipped:
            self._outcome(record, report)
        if report.when == "call":
            self._capture_session(item)
        if report.when == "teardown":
            self._artifacts(record, report)
            record["accessibility"] = [dict(audit) for audit in audits_of(item)]
            record["navigated"] = navigated_by(item)
            self._cut_short(record, item.nodeid)
            self.write(record)
            del self.current[item.nodeid]

    def _outcome(self, record: Record, report: pytest.TestReport) -> None:
        if report.when != "call" and record["outcome"] in ("failed", "error"):
            return  # the first failure is the one to show
        outcome: Outcome
        if hasattr(report, "wasxfail"):
            outcome = "skipped" if report.skipped else "passed"
            record["reason"] = f"expected to fail: {report.wasxfail}"
        elif report.skipped:
            reason = record["reason"] = skip_reason(report)
            # A page the target lacks: neither passed nor an ordinary skip
            # (suite/target/profiles.py).
            applicable = not reason.startswith(NOT_APPLICABLE)
            outcome = "skipped" if applicable else "not applicable"
        elif report.failed:
            outcome = "failed" if report.when == "call" else "error"
            record["error"] = _crash_message(report)
            record["longrepr"] = report.longreprtext[-_MAX_LONGREPR:]
        else:
            outcome = "passed"
        if (
            report.when == "teardown"
            and record["outcome"] in ("skipped", "not applicable")
            and outcome != "error"
        ):
            return
        record["outcome"], record["phase"] = outcome, report.when

    def _artifacts(self, record: Record, report: pytest.TestReport) -> None:
        invocation = Path(self.config.invocation_params.dir)
        for name, value in report.user_properties:
            if str(name).startswith("playwright_"):
                path = Path(invocation, str(value)).resolve()
                artifact: Artifact = {
                    "kind": str(name).removeprefix("playwright_"),
                    "path": Path(os.path.relpath(path, self.reports)).as_posix(),
                }
                record["artifacts"].append(artifact)

    def _cut_short(self, record: Record, nodeid: str) -> None:
        # A step that started and never finished was cut short without a pytest-bdd hook
        # saying so: by pytest.skip() (not an error to pytest-bdd) or by an interrupt.
        if nodeid not in self.running:
            return
        step, started = self.running.pop(nodeid)
        step["duration"] = time.perf_counter() - started
        if record["outcome"] in ("failed", "error"):
            step["status"], step["error"] = "failed", record["error"]
        elif record["outcome"] in ("skipped", "not applicable"):
            step["error"] = record["reason"]  # skipped here, and why

    def write(self, record: Record) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256(record["nodeid"].encode()).hexdigest()[:24] + ".json"
        _write_masked(self.folder / name, record)

    # --- what the run was against ----------------------------------------------------------

    def _capture_session(self, item: pytest.Item) -> None:
        # Read from fixtures that the scenario already set up: the report never starts a
        # browser or a mock of its own.
        before = dict(self.session)
        target = cached_fixture(item, "target")
        if isinstance(target, Target) and "target" not in self.session:
            self.session["target"] = {
                "environment": target.environment,
                "kind": target.kind,
                "is_mock": target.is_mock,
                "urls": dict(target.urls),
                "sources": dict(target.sources),
            }
        browser = cached_fixture(item, "browser")
        if browser is not None and "browser_version" not in self.session:
            self.session["browser_version"] = str(getattr(browser, "version", ""))
            browser_type = getattr(browser, "browser_type", None)
            self.session["browser_name"] = str(getattr(browser_type, "name", ""))
        if self.session != before:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_masked(self.folder / f"session-{self.worker}.json", self.session)


def _location(function: Callable[..., object], root: Path) -> str | None:
    try:
        source = inspect.getsourcefile(function)
        line = inspect.getsourcelines(function)[1]
    except (OSError, TypeError):
        return None
    return f"{relative(source or '', root)}:{line}"


def _write_masked(path: Path, data: object) -> None:
    text = json.dumps(data, indent=1, ensure_ascii=False).encode()
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(secrets.mask(text))
    os.replace(temporary, path)  # whole files only: the controller may be reading


def _short_error(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}".strip()
    lines = text.splitlines()
    if len(lines) > _MAX_ERROR_LINES:
        lines = [*lines[:_MAX_ERROR_LINES], f"… ({len(lines) - _MAX_ERROR_LINES} more lines)"]
    return "\n".join(lines)


def _crash_message(report: pytest.TestReport) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    message = getattr(crash, "message", None)
    if message:
        return str(message)
    lines = report.longreprtext.strip().splitlines()
    return lines[-1] if lines else "failed"


def skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return str(reason).removeprefix("Skipped: ")
