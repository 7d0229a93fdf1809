"""Calibrate's output: the draft profile and its diff, for a person to review.

The draft is a complete profile: each value calibrate changed is marked `# CALIBRATED, was …`
with where it was seen in its ref; each value it did not change and could not vouch for is
marked `# NOT CALIBRATED: <why>` and kept as it was. A value is one or the other, never both
(calibrate takes back a change it cannot vouch for: suite/retarget/ledger.py). The diff lists the
changes one by one, then the values not calibrated, then a unified diff of the profile.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass

from suite.target.profiles import GROUPS, Profile, Value

Key = tuple[str, str]


@dataclass
class Change:
    old: str | bool
    new: str | bool
    how: str  # where it was seen


def _toml_key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() else json.dumps(key)


def _toml_value(value: str | bool) -> str:
    return (
        ("true" if value else "false")
        if isinstance(value, bool)
        else json.dumps(value, ensure_ascii=False)
    )


def _entry(value: Value) -> str:
    entry = f"value = {_toml_value(value.value)}, source = {json.dumps(value.source)}"
    if value.source == "target":  # who checked it on the target, and when, stay with it
        entry += f", by = {json.dumps(value.by)}, on = {value.on}"
    return entry + f", ref = {json.dumps(value.ref)}"


def render(
    start: Profile,
    values: dict[Key, Value],
    changes: dict[Key, Change],
    uncalibrated: dict[Key, str],
    environment: str | None = None,
) -> str:
    """A profile file: the working one of a round, or the draft (with its review notes)."""
    both = set(changes) & set(uncalibrated)
    if both:  # a note that a value is not calibrated never sits on a value it changed
        raise ValueError(f"calibrated and not calibrated at once: {sorted(both)}")
    lines = []
    if environment is not None:
        lines += [
            f"# DRAFT written by `python -m suite calibrate --env {environment}`, starting from",
            f"# profile {start.name!r} ({start.path.name}). No run uses a *.draft.toml: review",
            "# each value marked CALIBRATED (see the .draft.diff beside it), then rename this file",
            f"# to profiles/{environment}.toml to accept it. NOT CALIBRATED values are kept as",
            "# they were: check them by hand; a value you checked on the target can say so:",
            '# source = "target", by = "<who>", on = <YYYY-MM-DD>.',
            "",
        ]
    name, description = start.name, start.description
    if environment is not None:
        name = environment
        description = f"Calibrated against environment {environment!r} from profile {start.name!r}."
    lines += ["[profile]", f"name = {json.dumps(name)}"]
    lines += [f"description = {json.dumps(description)}", ""]
    for group in GROUPS:
        keys = sorted(k for g, k in values if g == group)
        if not keys:
            continue
        lines.append(f"[{group}]")
        for key in keys:
            if (group, key) in changes:
                lines.append(f"# CALIBRATED, was {_toml_value(changes[group, key].old)}")
            if (group, key) in uncalibrated:
                lines.append(f"# NOT CALIBRATED: {uncalibrated[group, key]}")
            lines.append(f"{_toml_key(key)} = {{ {_entry(values[group, key])} }}")
        lines.append("")
    return "\n".join(lines)


def readable_diff(
    start: Profile,
    values: dict[Key, Value],
    changes: dict[Key, Change],
    uncalibrated: dict[Key, str],
) -> str:
    lines = [
        f"Calibrated against the target, from profile {start.name!r}: "
        f"{len(changes)} values changed."
    ]
    for (group, key), change in sorted(changes.items()):
        lines += [
            f"[{group}] {key}",
            f"  - {_toml_value(change.old)}",
            f"  + {_toml_value(change.new)}",
            f"    seen: {change.how}",
        ]
    lines += ["", f"Not calibrated ({len(uncalibrated)}): kept as they were."]
    lines += [f"  [{group}] {key}: {why}" for (group, key), why in sorted(uncalibrated.items())]
    before = render(start, dict(start.values), {}, {}).splitlines()
    after = render(start, values, {}, {}).splitlines()
    unified = difflib.unified_diff(before, after, start.path.name, "draft", lineterm="", n=0)
    return "\n".join([*lines, "", "As a unified diff of the profile:", *unified, ""])
