"""Cucumber JSON (the format of cucumber-jvm's json plugin) from result records.

Read by Jenkins' cucumber-reports plugin and by Jira Xray's Cucumber import. One element
per pytest test: an outline's example rows are separate elements, as in Cucumber. Durations
are nanoseconds. A failure outside the steps (fixture set-up or teardown) becomes a failed
`before`/`after` hook, and a skip's reason a skipped `before` hook, so that no outcome is
lost on tools that only read steps and hooks.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from suite.audits.accessibility import describe
from suite.reporting.records import Record

_NANOSECONDS = 1_000_000_000
AUDIT = "axe-core accessibility audit (WCAG 2.1 A/AA)"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _tags(names: list[str], line: int) -> list[dict[str, Any]]:
    return [{"name": f"@{name}", "line": line} for name in names]


def _hook(status: str, message: str | None, location: str) -> dict[str, Any]:
    result: dict[str, Any] = {"status": status, "duration": 0}
    if message:
        result["error_message"] = message
    return {"match": {"location": location}, "result": result}


def _element(record: Record) -> dict[str, Any]:
    scenario, feature = record["scenario"], record["feature"]
    element_id = f"{_slug(feature['name'])};{_slug(scenario['template'])}"
    if scenario["example_index"] is not None:
        # cucumber-jvm numbers example rows from 2 (row 1 is the header).
        element_id += f";;{scenario['example_index'] + 2}"
    steps = []
    for step in record["steps"]:
        result: dict[str, Any] = {
            "status": step["status"],
            "duration": int(step["duration"] * _NANOSECONDS),
        }
        if step["error"]:
            result["error_message"] = step["error"]
        entry: dict[str, Any] = {
            "keyword": f"{step['keyword']} ",
            "name": step["text"],
            "line": step["line"],
            "result": result,
        }
        if step["location"]:
            entry["match"] = {"location": step["location"]}
        if step.get("substeps"):  # what happened inside the step (the passcode page)
            entry["output"] = list(step.get("substeps", []))
        steps.append(entry)
    element: dict[str, Any] = {
        "id": element_id,
        "keyword": scenario["keyword"],
        "name": scenario["name"],
        "description": scenario["description"],
        "line": scenario["line"],
        "type": "scenario",
        "start_timestamp": _timestamp(record["started"]),
        # Cucumber scenarios carry their feature's tags too.
        "tags": _tags(sorted(set(feature["tags"]) | set(scenario["tags"])), scenario["line"] - 1),
        "steps": steps,
    }
    outcome, message = record["outcome"], record["longrepr"] or record["error"]
    if outcome == "error" and record["phase"] == "setup":
        element["before"] = [_hook("failed", message, "pytest fixture set-up")]
    elif outcome == "error" and record["phase"] == "teardown":
        element["after"] = [_hook("failed", message, "pytest fixture teardown")]
    elif outcome == "failed" and not any(
        s["result"]["status"] in ("failed", "undefined") for s in steps
    ):
        element["after"] = [_hook("failed", message, "pytest")]
    elif outcome == "skipped" and record["reason"]:
        element["before"] = [_hook("skipped", f"Skipped: {record['reason']}", "pytest")]
    audit = _accessibility_hook(record)
    if audit is not None:
        element.setdefault("after", []).append(audit)
    return element


def _accessibility_hook(record: Record) -> dict[str, Any] | None:
    """The axe-core audits of the pages this test reached first, as an `after` hook whose
    output lists each violation (failed when they failed the test, with --a11y=fail)."""
    audits = record.get("accessibility") or []
    if not audits:
        return None
    lines = [line for audit in audits for line in describe(audit)]  # type: ignore[arg-type]
    failed = bool(lines) and "accessibility:" in (record["error"] or "")
    hook = _hook("failed" if failed else "passed", "\n".join(lines) if failed else None, AUDIT)
    hook["output"] = lines or [f"axe-core: no violation on {len(audits)} page state(s)"]
    return hook


def _timestamp(epoch: float) -> str:
    return (
        datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def cucumber_json(records: list[Record]) -> list[dict[str, Any]]:
    """Features in file order, each with its tests' elements in scenario order."""
    features: dict[str, dict[str, Any]] = {}
    for record in records:
        feature = record["feature"]
        entry = features.setdefault(
            feature["path"],
            {
                "uri": feature["path"],
                "id": _slug(feature["name"]),
                "keyword": feature["keyword"],
                "name": feature["name"],
                "description": feature["description"],
                "line": feature["line"],
                "tags": _tags(feature["tags"], max(feature["line"] - 1, 1)),
                "elements": [],
            },
        )
        entry["elements"].append(_element(record))
    return list(features.values())
