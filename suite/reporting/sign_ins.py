"""The run's sign-ins through PACER login, counted from its records (every worker's, every
shard's): how many, how each passed the passcode page, and how many had to wait for (or, on
the mock, advance the clock to) a new 30-second step because the last code was used."""

from __future__ import annotations

from collections import Counter
from typing import Any

from suite.reporting.records import Record

NOT_ASKED = "not asked"


def sign_in_figures(records: list[Record]) -> dict[str, Any]:
    events = [event for record in records for event in record.get("sign_ins", [])]
    methods = Counter(str(event.get("method") or NOT_ASKED) for event in events)
    moved = Counter(str(event["moved"]) for event in events if event.get("moved"))
    backup = Counter(str(e["persona"]) for e in events if e.get("method") == "backup code")
    return {
        "sign_ins": len(events),
        "by_method": dict(sorted(methods.items())),
        "moved": dict(sorted(moved.items())),
        "seconds_moved": {
            verb: round(
                sum(float(e.get("seconds_moved") or 0) for e in events if e.get("moved") == verb), 1
            )
            for verb in moved
        },
        "backup_codes_used": dict(sorted(backup.items())),
    }


def describe(figures: dict[str, Any]) -> str | None:
    """One line for the terminal and the HTML report; None when nothing signed in."""
    count = figures.get("sign_ins", 0)
    if not count:
        return None
    methods = ", ".join(f"{n} {m}" for m, n in figures["by_method"].items())
    line = f"sign-ins through PACER login: {count} (passcode: {methods})"
    moved = figures.get("moved") or {}
    seconds = figures.get("seconds_moved") or {}
    for verb, n in moved.items():
        what = "advanced the mock's clock to" if verb == "advanced" else "waited for"
        line += (
            f"; {n} {what} a new 30-second step, the last one's passcode being used "
            f"({seconds.get(verb, 0):.0f} s in all)"
        )
    if not moved:
        line += "; none waited for a new 30-second step"
    backup = figures.get("backup_codes_used") or {}
    if backup:
        line += "; backup codes used: " + ", ".join(f"{p} {n}" for p, n in backup.items())
    return line
