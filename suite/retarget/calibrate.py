"""python -m suite calibrate --env NAME: a draft profile for a target, for a person to review.

1. The probe (suite/retarget/probe.py) reads the public pages: a path or a link name found by
   what the page is for (suite/retarget/evidence.py) is taken; so are the capabilities the
   public pages show or rule out (suite/retarget/capabilities.py), each with its evidence.
2. The scenarios run in recording mode (suite/retarget/recording.py), round after round, each
   with what the rounds before learned (suite/retarget/rounds.py prints a line per scenario as
   it ends). A later round reruns only the scenarios a change concerns: those that asked for a
   changed value, failed or passed. It stops when a round changes nothing.
3. What it takes and what it will not is the ledger's (suite/retarget/ledger.py): precision before
   recall; an ambiguous value is "not calibrated", kept as it was, with why. Why a value was
   never observed is told apart by a census of which scenario asks for it
   (suite/retarget/census.py).
4. profiles/NAME.draft.toml and profiles/NAME.draft.diff are written (suite/retarget/draft.py).

Nothing is accepted without a person: no run uses a *.draft.toml (suite/target/profiles.py refuses
it); a person reads the diff, and renames the draft to profiles/NAME.toml to accept it.

Calibrate never learns from its own side effects. Destructive scenarios run only with
--allow-destructive, and only where each can start from a known state: today, a target with
the mock's control API, which resets it before every scenario. Without it they do not run,
and calibrate says so (known_state below is where a restore of a real portal would plug in).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from suite.retarget import capabilities, census
from suite.retarget.draft import Key, readable_diff, render
from suite.retarget.ledger import Ledger
from suite.retarget.probe import DIFFERENT, FOUND, Probe
from suite.retarget.rounds import REPO, SUITE, Round, ScenarioResult, run_round
from suite.retarget.urls import target_urls
from suite.target.profiles import DRAFT_SUFFIX, PROFILES_DIR, load_profile
from suite.target.sites import TargetPlan, probe_mock

# A scenario fails at its first unknown value, so a round learns about one value per failing
# scenario: a sign-in through PACER's passcode page alone takes three (heading, label, button)
# before the FAQ's own values show. Each later round runs only the scenarios a change concerns.
MAX_ROUNDS = 10
FEW = 4  # fewer scenarios than this run without xdist: its start-up would cost more


def known_state(resettable: bool) -> str | None:
    """How each destructive scenario starts from a known state on this target, or None.
    The seam for a restore of a real portal (unlinking through court staff, as the FAQ says):
    once the suite can put back what a scenario changed, say how here."""
    if resettable:
        return "the mock's control API resets the target before each scenario"
    return None


def left_out(args: argparse.Namespace, resettable: bool) -> dict[str, str]:
    """The scenario tags calibrate does not run, each with why."""
    out = {}
    if not args.allow_destructive:
        out["destructive"] = "--allow-destructive runs them"
    elif known_state(resettable) is None:
        out["destructive"] = "not run: nothing puts this target back in a known state before each"
    if not args.allow_wrong_passwords:
        out["wrong_password"] = "--allow-wrong-passwords runs them"
    return out


def calibrate(plan: TargetPlan, args: argparse.Namespace) -> int:
    started = time.monotonic()
    start = load_profile(plan.profile)
    ledger = Ledger(start)
    costs: list[str] = []
    print(f"calibrate: environment {plan.environment!r}, starting from profile {start.name!r}")
    with target_urls(plan) as urls:
        probe = Probe(urls, start)
        findings = probe.run()
        proposals = capabilities.from_public_pages(probe)
        resettable = plan.needs_embedded_mock or probe_mock(urls["ecf"])
    costs.append(f"probe {time.monotonic() - started:.0f} s")
    confirmed = {(f.group, f.key) for f in findings if f.state == FOUND}
    for finding in findings:
        if finding.state == DIFFERENT and finding.certain:
            ledger.take((finding.group, finding.key), finding.instead, finding.note, certain=True)
    print(f"calibrate: the probe took {len(ledger.changes)} values from the public pages")
    unproven: dict[Key, str] = {}
    for proposal in proposals:
        print(weigh(ledger, proposal, confirmed, unproven))
    excluded = left_out(args, resettable)
    how = known_state(resettable)
    if args.allow_destructive:
        print(f"calibrate: destructive scenarios: {how or excluded['destructive']}")
    for tag, why in excluded.items():
        print(f"calibrate: @{tag} scenarios left out: {why}")
    rounds, last, notes = run_rounds(plan, args, ledger, excluded, costs)
    for proposal in capabilities.from_scenarios(c for r in rounds for c in r.capabilities):
        print(weigh(ledger, proposal, confirmed, unproven, round_=len(rounds)))
    with tempfile.TemporaryDirectory(prefix="calibrate-census-") as scratch:
        uncalibrated = not_calibrated(ledger, rounds, last, notes, confirmed | ledger.certain)
        uncalibrated |= {k: v for k, v in unproven.items() if k not in ledger.changes}
        needing = [k for k, why in uncalibrated.items() if not why]
        if needing:
            counted = time.monotonic()
            passed = {n for n, r in last.items() if r.outcome == "passed"}
            needed = sorted(set(collected(args.select)) - passed)
            scenarios = census.take_census(needed, Path(scratch), args.workers)
            costs.append(f"census {time.monotonic() - counted:.0f} s ({len(needed)} scenarios)")
            among = f" (of those -k {args.select!r} selects)" if args.select else ""
            for key in needing:
                uncalibrated[key] = census.why_not(key, last, scenarios, excluded) + among
    write(plan, ledger, uncalibrated, args.out)
    for record in unexplained(last, notes):
        print(f"  still failing, no profile value explains it: {record}")
    print(f"calibrate: cost: {', '.join(costs)}; {time.monotonic() - started:.0f} s in all")
    return 0


def weigh(
    ledger: Ledger,
    proposal: capabilities.Proposal,
    confirmed: set[Key],
    unproven: dict[Key, str],
    round_: int = 0,
) -> str:
    """Take a capability the evidence shows, or say why not; the line to print."""
    key = ("capabilities", proposal.capability)
    name = f"capability {proposal.capability}"
    if proposal.present is None:
        unproven[key] = f"the evidence says neither: {proposal.how}"
        return f"calibrate: {name}: not proposed: {proposal.how}"
    said = "yes" if proposal.present else "no"
    if ledger.values[key].value == proposal.present and key not in ledger.changes:
        confirmed.add(key)
        return f"calibrate: {name}: {said}, as the profile says ({proposal.how})"
    refused = ledger.take(key, proposal.present, proposal.how, round_, certain=True)
    if refused:
        return f"calibrate: {name}: {said} by the evidence, not written: {refused}"
    return f"calibrate: {name}: {said} (proposed: {proposal.how})"


def run_rounds(
    plan: TargetPlan,
    args: argparse.Namespace,
    ledger: Ledger,
    excluded: dict[str, str],
    costs: list[str],
) -> tuple[list[Round], dict[str, ScenarioResult], dict[str, list[dict[str, object]]]]:
    """Round after round until one changes nothing; the last state of each scenario, and the
    observations of its last run."""
    rounds: list[Round] = []
    last: dict[str, ScenarioResult] = {}
    notes: dict[str, list[dict[str, object]]] = {}
    nodeids: list[str] | None = None
    with tempfile.TemporaryDirectory(prefix="calibrate-") as scratch:
        for number in range(1, MAX_ROUNDS + 1):
            work = Path(scratch, f"round-{number}")
            work.mkdir()
            profile_file = work / "profile.toml"
            profile_file.write_text(render(ledger.start, ledger.values, {}, {}), encoding="utf-8")
            options = round_options(plan, args, profile_file, excluded, nodeids)
            result = run_round(number, options, nodeids, work)
            rounds.append(result)
            for nodeid in result.scenarios:
                notes[nodeid] = [
                    r for r in result.observations + result.unattributed if r["scenario"] == nodeid
                ]
            last.update(result.scenarios)
            changed = learn(ledger, result)
            costs.append(
                f"round {number} {result.seconds:.0f} s ({len(result.scenarios)} scenarios)"
            )
            named = ", ".join(f"[{group}] {key}" for group, key in sorted(changed)) or "none"
            print(
                f"calibrate: round {number}: {result.count('passed')} passed, "
                f"{result.count('failed')} failed, {result.count('skipped')} skipped; "
                f"{len(changed)} values changed: {named}; {result.passcodes()}"
            )
            nodeids = sorted(n for n, r in last.items() if r.used & changed)
            if not changed or not nodeids:
                break
        else:
            print(
                f"calibrate: stopped after {MAX_ROUNDS} rounds, with values still changing: "
                f"review the draft, accept it, and run calibrate again from it to go on"
            )
    return rounds, last, notes


def round_options(
    plan: TargetPlan,
    args: argparse.Namespace,
    profile: Path,
    excluded: dict[str, str],
    nodeids: list[str] | None,
) -> list[str]:
    options = [f"--env={plan.environment}", f"--profile={profile}"]
    if excluded:
        options += ["-m", " and ".join(f"not {tag}" for tag in excluded)]
    options += ["-k", args.select] if args.select else []
    if args.workers and (nodeids is None or len(nodeids) >= FEW):
        options += ["-n", args.workers]
    options += ["--allow-destructive"] * ("destructive" not in excluded and args.allow_destructive)
    options += ["--allow-wrong-passwords"] * args.allow_wrong_passwords
    return options


def learn(ledger: Ledger, round_: Round) -> set[Key]:
    """Apply one round's observations to the ledger; the keys whose value changed (taken, or
    taken back)."""
    before = {key: value.value for key, value in ledger.values.items()}
    seen: dict[Key, list[dict[str, object]]] = {}
    for record in round_.observations:
        key = (str(record.get("group")), str(record.get("key")))
        if key in ledger.values:
            seen.setdefault(key, []).append(record)
    for key, records in seen.items():
        if key in ledger.changes and ledger.taken_in.get(key, 0) < round_.number:
            ledger.failed_again(key, round_.number, str(records[0].get("how")))
            continue
        observed = {str(r["observed"]): r for r in records if r.get("observed") is not None}
        if len(observed) > 1:
            ways = "; ".join(f"{v!r} ({r.get('how')})" for v, r in observed.items())
            ledger.abstain(key, f"seen differently in one round: {ways}: not one thing to take")
        elif observed:
            [(value, record)] = observed.items()
            ledger.take(key, value, str(record.get("how")), round_.number)
    return {key for key, value in ledger.values.items() if value.value != before[key]}


def not_calibrated(
    ledger: Ledger,
    rounds: list[Round],
    last: dict[str, ScenarioResult],
    notes: dict[str, list[dict[str, object]]],
    confirmed: set[Key],
) -> dict[Key, str]:
    """Every value calibrate cannot vouch for, with why; "" where the census must say why it
    was not observed. Never a value it changed (suite/retarget/draft.py refuses that)."""
    reasons = dict(ledger.abstained)
    for nodeid, result in last.items():
        for record in notes.get(nodeid, []) if result.outcome == "failed" else []:
            key = (str(record.get("group")), str(record.get("key")))
            if (
                record.get("observed") is None
                and key in ledger.values
                and key not in ledger.changes
            ):
                step = f'{result.name}, at "{record.get("step")}"'
                reasons.setdefault(key, f"could not read it: {record.get('how')} ({step})")
    passed = set().union(*(r.used for r in last.values() if r.outcome == "passed"))
    for key in sorted(ledger.start.values):
        if key in ledger.changes or key in reasons or key in passed or key in confirmed:
            continue
        if key[0] == "capabilities":
            reasons[key] = "no evidence for or against it: a person checks it"
        else:
            reasons[key] = ""
    return reasons


def unexplained(
    last: dict[str, ScenarioResult], notes: dict[str, list[dict[str, object]]]
) -> list[str]:
    return [
        f'{result.name}, at "{record.get("step")}": {record.get("reason")}'
        for nodeid, result in sorted(last.items())
        if result.outcome == "failed"
        for record in notes.get(nodeid, [])
        if record.get("event") == "unattributed"
    ]


def collected(select: str | None) -> list[str]:
    """Every scenario's node id, of those -k selects (pytest --collect-only: no browser)."""
    with tempfile.TemporaryDirectory(prefix="calibrate-collect-") as scratch:
        listing = subprocess.run(
            [
                *(sys.executable, "-m", "pytest", SUITE, "--collect-only", "-q"),
                *("-p", "no:cacheprovider", f"--reports-dir={scratch}", f"--output={scratch}"),
                *(["-k", select] if select else []),
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
    return [line for line in listing.stdout.splitlines() if "::" in line]


def write(plan: TargetPlan, ledger: Ledger, uncalibrated: dict[Key, str], out: Path | None) -> None:
    folder = out or PROFILES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    draft = folder / f"{plan.environment}{DRAFT_SUFFIX}"
    start, values, changes = ledger.start, ledger.values, ledger.changes
    draft.write_text(render(start, values, changes, uncalibrated, plan.environment), "utf-8")
    diff = draft.with_suffix(".diff")
    diff.write_text(readable_diff(start, values, changes, uncalibrated), encoding="utf-8")
    abstained = sum(key in ledger.abstained for key in uncalibrated)
    print(
        f"calibrate: {len(changes)} values filled, {len(uncalibrated)} not calibrated "
        f"({abstained} of them seen but not taken: the evidence was ambiguous)"
    )
    for (group, key), why in sorted(uncalibrated.items()):
        print(f"  not calibrated [{group}] {key}: {why}")
    print(f"calibrate: draft {draft}\ncalibrate: diff  {diff}")
    print(
        "calibrate: no run uses the draft until a person has reviewed it: read the diff, "
        f"then rename the draft to {PROFILES_DIR / plan.environment}.toml to accept it"
    )
