"""python -m suite calibrate --env NAME: a draft profile for a target, for a person to review.

1. The probe (suite/probe.py) reads the public pages: a path or a link name found, by what
   the page is for, somewhere other than the profile says is taken.
2. The non-destructive scenarios run in recording mode (suite/calibration.py), round after
   round, each with what the rounds before learned: where a value does not match, what the
   target showed there is taken, until a round learns nothing new.
3. profiles/NAME.draft.toml and profiles/NAME.draft.diff are written: every value it took,
   with where it was seen; every value it could not observe, "not calibrated" with why.

Nothing is accepted without a person: no run uses a *.draft.toml (suite/profiles.py refuses
it); a person reads the diff, and renames the draft to profiles/NAME.toml to accept it.
Destructive and wrong-password scenarios run only with --allow-destructive and
--allow-wrong-passwords, as for pytest; values only they show stay "not calibrated".
"""

from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from suite.probe import DIFFERENT, FOUND, MISSING, Probe
from suite.profiles import DRAFT_SUFFIX, GROUPS, PROFILES_DIR, Profile, Value, load_profile
from suite.retarget import target_urls
from suite.targets import TargetPlan

REPO = Path(__file__).resolve().parent.parent
MAX_ROUNDS = 6
# Optional pages: when the probe finds neither the page nor a link to it, the target lacks it.
CAPABILITY_PAGES = {"forgot_password": ("pacer_forgot_password", "pacer_forgot_password_link")}

Key = tuple[str, str]


@dataclass
class Change:
    old: str | bool
    new: str | bool
    how: str  # where it was seen


@dataclass
class Round:
    passed: int
    failed: list[str]
    skipped: int
    observations: list[dict[str, object]]
    # The round's sign-ins through PACER login (suite/reporting/sign_ins.py): how many, and
    # how many the target asked for a one-time passcode (multifactor authentication).
    sign_ins: dict[str, Any] = field(default_factory=dict)

    def passcodes(self) -> str:
        total = int(self.sign_ins.get("sign_ins", 0))
        if not total:
            return "no sign-in through PACER login was completed"
        asked = total - int(self.sign_ins.get("by_method", {}).get("not asked", 0))
        return f"the target asked for a one-time passcode in {asked} of {total} sign-ins"


def calibrate(plan: TargetPlan, args: argparse.Namespace) -> int:
    started = time.monotonic()
    start = load_profile(plan.profile)
    values: dict[Key, Value] = dict(start.values)
    changes: dict[Key, Change] = {}
    print(f"calibrate: environment {plan.environment!r}, starting from profile {start.name!r}")
    with target_urls(plan) as urls:
        findings = Probe(urls, start).run()
    for finding in findings:
        if finding.state == DIFFERENT and finding.certain:
            _take(values, changes, (finding.group, finding.key), finding.instead, finding.note)
    states = {(f.group, f.key): f.state for f in findings}
    for capability, (path, link) in CAPABILITY_PAGES.items():
        if states.get(("paths", path)) == MISSING and states.get(("names", link)) == MISSING:
            how = f"probe: no page at the profile's {path} and no link to it on PACER login"
            _take(values, changes, ("capabilities", capability), False, how)
    print(f"calibrate: probe took {len(changes)} values from the public pages")
    rounds: list[Round] = []
    with tempfile.TemporaryDirectory(prefix="calibrate-") as scratch:
        for number in range(1, MAX_ROUNDS + 1):
            work = Path(scratch, f"round-{number}")
            work.mkdir()
            profile_file = work / "profile.toml"
            profile_file.write_text(render(start, values, {}, {}), encoding="utf-8")
            result = run_round(plan, args, profile_file, work)
            rounds.append(result)
            learned = 0
            for seen in result.observations:
                key = (str(seen.get("group")), str(seen.get("key")))
                observed = seen.get("observed")
                fresh = isinstance(observed, str) and key not in changes and seen.get("key")
                if fresh and observed != values[key].value:
                    _take(values, changes, key, str(observed), str(seen.get("how", "")))
                    learned += 1
            print(
                f"calibrate: round {number}: {result.passed} passed, {len(result.failed)} "
                f"failed, {result.skipped} skipped; {learned} values learned; "
                f"{result.passcodes()}"
            )
            if not learned:
                break
    last = rounds[-1]
    found = {(f.group, f.key) for f in findings if f.state == FOUND}
    uncalibrated = not_calibrated(start, values, changes, last, args, found)
    out = args.out or PROFILES_DIR
    out.mkdir(parents=True, exist_ok=True)
    draft = out / f"{plan.environment}{DRAFT_SUFFIX}"
    draft.write_text(render(start, values, changes, uncalibrated, plan.environment), "utf-8")
    diff = draft.with_suffix(".diff")
    diff.write_text(readable_diff(start, values, changes, uncalibrated), encoding="utf-8")
    print(f"calibrate: {len(changes)} values filled, {len(uncalibrated)} not calibrated")
    for key, why in sorted(uncalibrated.items()):
        print(f"  not calibrated [{key[0]}] {key[1]}: {why}")
    print(f"calibrate: draft {draft}\ncalibrate: diff  {diff}")
    print(
        "calibrate: no run uses the draft until a person has reviewed it: read the diff, "
        f"then rename the draft to {PROFILES_DIR / plan.environment}.toml to accept it"
    )
    print(f"calibrate: {time.monotonic() - started:.0f} s, {len(rounds)} rounds")
    return 0


def _take(
    values: dict[Key, Value], changes: dict[Key, Change], key: Key, new: str | bool, how: str
) -> None:
    old = values[key]
    if old.value == new:
        return
    ref = f"observed by calibrate: {how}; before: {old.value!r}"
    values[key] = Value(new, "guess", ref)
    changes[key] = Change(old.value, new, how)


def left_out(args: argparse.Namespace) -> list[tuple[str, str]]:
    """The scenario tags calibrate does not run, with the flag that would allow each."""
    allowed = {"destructive": args.allow_destructive, "wrong_password": args.allow_wrong_passwords}
    flags = {"destructive": "--allow-destructive", "wrong_password": "--allow-wrong-passwords"}
    return [(tag, flags[tag]) for tag, ok in allowed.items() if not ok]


def run_round(plan: TargetPlan, args: argparse.Namespace, profile: Path, work: Path) -> Round:
    log, junit = work / "observations.jsonl", work / "junit.xml"
    excluded = [tag for tag, _ in left_out(args)]
    command = [
        sys.executable,
        "-m",
        "pytest",
        "tests/acceptance",
        "-p",
        "suite.calibration",
        "-p",
        "no:cacheprovider",
        f"--calibrate-log={log}",
        f"--env={plan.environment}",
        f"--profile={profile}",
        f"--reports-dir={work / 'reports'}",
        f"--junitxml={junit}",
        f"--output={work / 'artifacts'}",
        "-q",
    ]
    if excluded:
        command += ["-m", " and ".join(f"not {tag}" for tag in excluded)]
    command += ["-k", args.select] if args.select else []
    command += ["-n", args.workers] if args.workers else []
    command += ["--allow-destructive"] * args.allow_destructive
    command += ["--allow-wrong-passwords"] * args.allow_wrong_passwords
    subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    failed: list[str] = []
    tests = skipped = 0
    if junit.exists():
        for case in ElementTree.parse(junit).iter("testcase"):
            tests += 1
            if case.find("failure") is not None or case.find("error") is not None:
                failed.append(case.get("name", ""))
            elif case.find("skipped") is not None:
                skipped += 1
    observations = []
    if log.exists():
        observations = [json.loads(line) for line in log.read_text("utf-8").splitlines() if line]
    results = work / "reports" / "results.json"
    sign_ins = (
        json.loads(results.read_text("utf-8"))["session"].get("sign_ins", {})
        if results.exists()
        else {}
    )
    return Round(tests - len(failed) - skipped, failed, skipped, observations, sign_ins)


def not_calibrated(
    start: Profile,
    values: dict[Key, Value],
    changes: dict[Key, Change],
    last: Round,
    args: argparse.Namespace,
    confirmed: set[Key],
) -> dict[Key, str]:
    """Values calibrate could not observe, each with its reason: the last round's failures
    that named a value it could not read, and the values no scenario it ran looked up."""
    reasons: dict[Key, str] = {}
    for seen in last.observations:
        if seen.get("key") and seen.get("observed") is None:
            key = (str(seen["group"]), str(seen["key"]))
            reasons.setdefault(key, f"{seen.get('how')} (step: {seen.get('step')})")
    used = {(g, k) for s in last.observations for g, k in s.get("used", [])}  # type: ignore[attr-defined]
    flags = [flag for _, flag in left_out(args)]
    left = f" ({' and '.join(flags)} allow them)" if flags else ""
    left += f", or not selected by -k {args.select!r}" if args.select else ""
    for key in sorted(start.keys() - used - confirmed - set(changes) - set(reasons)):
        if key[0] != "capabilities":  # the probe's, not a step's
            reasons[key] = (
                f"no scenario calibrate ran asks for it: it is shown only in scenarios left "
                f"out{left}, or on a page the profile says the target lacks"
            )
    unattributed = [s for s in last.observations if not s.get("key") and s.get("step")]
    if unattributed:
        reasons[("scenarios", "failed")] = "; ".join(
            f"{s.get('step')}: {s.get('reason')}" for s in unattributed[:5]
        )
    if flags:
        reasons.setdefault(
            ("scenarios", "left out"),
            f"destructive or wrong-password scenarios did not run ({' and '.join(flags)} "
            "allow them): the values only they show (e.g. the linking confirmation, the "
            "unlink messages, the emails) are kept as they were, not calibrated",
        )
    return reasons


# -- the draft and its diff ----------------------------------------------------------------
def _toml_key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() else json.dumps(key)


def _toml_value(value: str | bool) -> str:
    return (
        ("true" if value else "false")
        if isinstance(value, bool)
        else json.dumps(value, ensure_ascii=False)
    )


def render(
    start: Profile,
    values: dict[Key, Value],
    changes: dict[Key, Change],
    uncalibrated: dict[Key, str],
    environment: str | None = None,
) -> str:
    """A profile file: the working one of a round, or the draft (with its review notes)."""
    lines = []
    if environment is not None:
        lines += [
            f"# DRAFT written by `python -m suite calibrate --env {environment}`, starting from",
            f"# profile {start.name!r} ({start.path.name}). No run uses a *.draft.toml: review",
            "# each value marked CALIBRATED (see the .draft.diff beside it), then rename this file",
            f"# to profiles/{environment}.toml to accept it. NOT CALIBRATED values are kept as",
            "# they were: check them by hand.",
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
            value = values[group, key]
            if (group, key) in changes:
                lines.append(f"# CALIBRATED, was {_toml_value(changes[group, key].old)}")
            if (group, key) in uncalibrated:
                lines.append(f"# NOT CALIBRATED: {uncalibrated[group, key]}")
            entry = f"value = {_toml_value(value.value)}, source = {json.dumps(value.source)}"
            lines.append(f"{_toml_key(key)} = {{ {entry}, ref = {json.dumps(value.ref)} }}")
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
