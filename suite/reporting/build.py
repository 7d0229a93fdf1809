"""From result records to the files in reports/: results.json, cucumber.json, report.html.

Used by the pytest plugin at the end of a run and by `python -m suite.reporting merge`,
which builds the same files from the results of several shards.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from suite.authoring.faq import Faq, FaqNotFound, find_faq_file, load_faq
from suite.authoring.features import load_features
from suite.reporting.cucumber import cucumber_json
from suite.reporting.html import render_html
from suite.reporting.records import Record, Results, failed_step
from suite.reporting.sign_ins import describe as describe_sign_ins
from suite.reporting.sign_ins import sign_in_figures
from suite.run import secrets
from suite.run.output import ARTIFACTS_FOLDER, JUNIT_FILE

RESULTS_FILE = "results.json"
CUCUMBER_FILE = "cucumber.json"
HTML_FILE = "report.html"


@dataclass(frozen=True)
class ReportPaths:
    html: Path
    cucumber: Path
    results: Path
    junit: Path
    artifacts: Path
    failures: tuple[Record, ...] = ()
    sign_ins: str | None = None  # the run's sign-ins through PACER login, in one line

    def describe(self, relative_to: Path, replaced_next_run: bool = False) -> list[str]:
        """The lines that end a run (or a merge): each failure, then where everything is;
        replaced_next_run adds that the next run writes over them, and how to keep them."""

        def show(path: Path) -> str:
            try:
                return str(path.relative_to(relative_to))
            except ValueError:
                return str(path)

        reports = self.html.parent  # artefact paths in records are relative to it
        python = python_command(relative_to)
        lines = [
            line
            for record in self.failures
            for line in _failure_lines(record, reports, show, python)
        ]

        artifacts = (
            sorted(p for p in self.artifacts.rglob("*") if p.is_file())
            if self.artifacts.is_dir()
            else []
        )
        traces = sum(p.suffix == ".zip" for p in artifacts)
        screenshots = sum(p.suffix == ".png" for p in artifacts)
        if self.sign_ins:
            lines.append(self.sign_ins)
        lines += [
            f"HTML report:     {show(self.html)}  (open in a browser, works offline)",
            f"cucumber JSON:   {show(self.cucumber)}",
            f"results:         {show(self.results)}",
        ]
        if self.junit.is_file():
            lines.append(f"JUnit XML:       {show(self.junit)}")
        lines.append(
            f"artefacts:       {show(self.artifacts)} "
            f"({traces} trace(s), {screenshots} screenshot(s))"
        )
        if replaced_next_run:
            folder = show(reports)
            lines.append(
                f"the next run into {folder}/ replaces these reports: to keep them, copy the "
                f"folder (cp -r {folder} {folder}-keep) or give the next run a folder of its "
                f"own (--reports-dir DIR)"
            )
        return lines


def python_command(relative_to: Path) -> str:
    """The Python that runs this suite, as a person would type it here: .venv/bin/python
    in a checkout set up by make, else plain python."""
    try:
        return str(Path(sys.executable).relative_to(relative_to))
    except ValueError:
        return "python"


def _failure_lines(
    record: Record, reports: Path, show: Callable[[Path], str], python: str
) -> list[str]:
    """A failed scenario as the feature file names it, and where to look: for the terminal,
    whose traceback shows pytest-bdd's fixtures rather than the FAQ question and the step."""
    step = failed_step(record)
    where = (
        f"failed at step: {step['keyword']} {step['text']}"
        if step
        else f"failed in pytest's {record['phase']}"
    )
    lines = [
        f"FAILED {record['feature']['name']}",
        f"  {record['scenario']['name']}: {where}",
    ]
    for artifact in record["artifacts"]:
        path = show(reports / artifact["path"])
        if artifact["kind"] == "trace":
            lines.append(f"  trace:      {python} -m suite trace {path}")
        elif artifact["kind"] == "screenshot":
            lines.append(f"  screenshot: {path}")
    return lines


def collect_records(folder: Path) -> tuple[list[Record], dict[str, dict[str, Any]]]:
    """The records the processes of a run wrote, and each process's session facts."""
    records: list[Record] = []
    sessions: dict[str, dict[str, Any]] = {}
    if not folder.is_dir():
        return records, sessions
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if path.name.startswith("session-"):
            sessions[path.stem.removeprefix("session-")] = data
        else:
            records.append(data)
    return records, sessions


def order_records(records: list[Record]) -> list[Record]:
    """Feature file order, then scenario order, then example row: as the files read."""
    return sorted(
        records,
        key=lambda r: (
            r["feature"]["path"],
            r["scenario"]["line"],
            r["scenario"]["example_index"] or 0,
            r["nodeid"],
        ),
    )


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(secrets.mask(text.encode()))


def write_reports(
    reports: Path,
    results_folder: Path | None,
    session: dict[str, Any],
    features_dir: Path,
    root: Path,
    records: list[Record] | None = None,
    junit: Path | None = None,
    artifacts: Path | None = None,
) -> ReportPaths:
    """Write results.json, cucumber.json and report.html into reports/. Records come from
    results_folder (a run's per-test files, removed afterwards) or are given (a merge).
    junit and artifacts say where the run put those, when not in reports/."""
    if records is None:
        records, sessions = collect_records(results_folder) if results_folder else ([], {})
        session = merge_worker_sessions(session, sessions)
        session["workers"] = max(
            int(session.get("workers", 1)), len({r["worker"] for r in records})
        )
    records = order_records(records)
    session = {**session, "sign_ins": sign_in_figures(records)}
    paths = ReportPaths(
        reports / HTML_FILE,
        reports / CUCUMBER_FILE,
        reports / RESULTS_FILE,
        junit or reports / JUNIT_FILE,
        artifacts or reports / ARTIFACTS_FOLDER,
        tuple(r for r in records if r["outcome"] in ("failed", "error")),
        describe_sign_ins(session["sign_ins"]),
    )
    results: Results = {"session": session, "records": records}
    _write(paths.results, json.dumps(results, indent=1, ensure_ascii=False))
    _write(paths.cucumber, json.dumps(cucumber_json(records), indent=1, ensure_ascii=False))
    features, _ = load_features(features_dir, root) if features_dir.is_dir() else ([], [])
    try:
        faq: Faq | None = load_faq(find_faq_file(root), [f.name for f in features])
    except FaqNotFound:
        faq = None  # the page then lists the features without the FAQ's order and matrix
    _write(paths.html, render_html(records, session, features, faq, root))
    if results_folder is not None:
        shutil.rmtree(results_folder, ignore_errors=True)
    return paths


def merge_worker_sessions(
    session: dict[str, Any], workers: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """Add what the workers saw (the target's actual URLs, the browser version) to the
    controller's view of the session."""
    merged = dict(session)
    targets = {
        worker: data["target"] for worker, data in sorted(workers.items()) if "target" in data
    }
    if targets:
        first = next(iter(targets.values()))
        merged["target"] = {**merged.get("target", {}), **first}
        distinct = {json.dumps(t["urls"], sort_keys=True) for t in targets.values()}
        if len(distinct) > 1:
            # Each xdist worker starts its own embedded mock, on its own ports.
            merged["worker_urls"] = {worker: t["urls"] for worker, t in targets.items()}
    for worker in sorted(workers):
        for key in ("browser_version", "browser_name"):
            if workers[worker].get(key):
                merged.setdefault(key, workers[worker][key])
    return merged
