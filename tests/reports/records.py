"""Hand-made result records, for testing the report builders without running a scenario."""

from __future__ import annotations

from typing import Any

from suite.reporting.records import Record

CONTACT = "features/08_contact_for_help.feature"
CONTACT_QUESTION = "Who can I contact for help?"


def make_record(
    name: str = "CM/ECF's Help menu points to the CM/ECF Help Desk",
    line: int = 23,
    outcome: str = "passed",
    statuses: tuple[str, ...] = ("passed", "passed"),
    **changes: Any,
) -> Record:
    steps = [
        {
            "keyword": "Given" if i == 0 else "Then",
            "text": f"step {i + 1} of {name}",
            "type": "given" if i == 0 else "then",
            "line": line + 4 + i,
            "status": status,
            "duration": 0.25,
            "error": "AssertionError: <b>wrong</b>" if status == "failed" else None,
            "location": f"steps/common.py:{10 + i}",
        }
        for i, status in enumerate(statuses)
    ]
    record: dict[str, Any] = {
        "nodeid": f"tests/acceptance/test_faq.py::test_{line}",
        "worker": "gw0",
        "attempts": 1,
        "started": 1_700_000_000.0 + line,
        "duration": 0.5,
        "feature": {
            "path": CONTACT,
            "name": CONTACT_QUESTION,
            "description": "The answer.",
            "tags": ["contact"],
            "line": 2,
            "keyword": "Feature",
        },
        "scenario": {
            "name": name,
            "template": name,
            "keyword": "Scenario",
            "line": line,
            "description": "FAQ: ...",
            "tags": ["smoke"],
            "example": None,
            "example_index": None,
        },
        "steps": steps,
        "outcome": outcome,
        "phase": "call",
        "reason": None,
        "error": None,
        "longrepr": None,
        "artifacts": [],
    }
    record.update(changes)
    return record  # type: ignore[return-value]
