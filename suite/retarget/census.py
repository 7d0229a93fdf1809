"""Calibrate: why a value stays "not calibrated", told apart.

A value no scenario looked up in calibrate's last state was not observed. Why matters to the
person who checks it by hand: no scenario asks for it at all (of those -k selects); scenarios
ask for it but never got there (an earlier step failed); only scenarios that cannot run on
this target use it (@mock_only: the mock's control API), or that calibrate left out
(@destructive, @wrong_password), or that are not applicable here.

Which scenario asks for which value is not written anywhere: steps look values up as they
run. So the census runs the selected scenarios calibrate did not see pass against the
embedded mock in its default dialect with the default profile, where every scenario runs
through, with the recording plugin: each one's `scenario` record lists the values it asks for.
The mock is this project's own; the target is not touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from suite.retarget.draft import Key
from suite.retarget.rounds import REPO, ScenarioResult, run_round
from suite.target.profiles import NOT_APPLICABLE
from suite.target.sites import SITES, env_var_name

ON_THE_MOCK = ["--env", "local", "--profile", "mock"]
KEPT = {"CIT_FAQ_BROWSER_CHOICE", "CIT_FAQ_FILE"}  # which browser, where the FAQ text is
# What decides which values a scenario asks for.
CODE = (
    "features/*.feature",
    "steps/*.py",
    "pages/*.py",
    "profiles/mock.toml",
    "suite/retarget/recording.py",
)


def take_census(
    needed: list[str], work: Path, workers: str | None, out: Callable[[str], None] = print
) -> dict[str, ScenarioResult]:
    """The values each of the `needed` scenarios (node ids) asks for, on the default mock.
    What a scenario asks for changes only with the suite's own code, so each answer is kept
    (CACHE, per version of the features, steps, page objects and default profile): a later
    calibrate runs only the scenarios it has not counted yet."""
    cache = cache_file()
    known = _load(cache)
    missing = [nodeid for nodeid in needed if nodeid not in known]
    if missing:
        started = time.monotonic()
        options = [*ON_THE_MOCK, *(["-n", workers] if workers and len(missing) > 3 else [])]
        census = run_round(0, options, missing, work, lambda line: None, only_the_mock())
        counted = {n: r for n, r in census.scenarios.items() if r.outcome == "passed"}
        known |= counted
        _save(cache, known)
        out(
            f"calibrate: census: which values {len(missing)} scenarios calibrate did not see "
            f"pass ask for, on the embedded default mock: {time.monotonic() - started:.0f} s "
            f"(kept in {cache.name} for the next calibrate)"
        )
    return {nodeid: known[nodeid] for nodeid in needed if nodeid in known}


def only_the_mock() -> dict[str, str]:
    """This process's environment without what points a run at the target or its personas:
    the census runs on the embedded mock alone, never on the target (URL variables win over
    --env)."""
    urls = {env_var_name(site) for site in SITES}
    return {
        name: value
        for name, value in os.environ.items()
        if name not in urls and (not name.startswith("CIT_FAQ_") or name in KEPT)
    }


def cache_file() -> Path:
    """Where the census is kept: .venv/, like set-up's own records, named by a digest of what
    decides which values a scenario asks for."""
    digest = hashlib.sha256()
    for pattern in CODE:
        for path in sorted(REPO.glob(pattern)):
            digest.update(path.name.encode() + path.read_bytes())
    return REPO / ".venv" / f".calibrate-census-{digest.hexdigest()[:16]}.json"


def _load(path: Path) -> dict[str, ScenarioResult]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {nodeid: ScenarioResult.of(record) for nodeid, record in data.items()}


def _save(path: Path, known: dict[str, ScenarioResult]) -> None:
    data = {
        nodeid: {
            "scenario": nodeid,
            "outcome": r.outcome,
            "used": sorted(r.used),
            "tags": sorted(r.tags),
        }
        for nodeid, r in known.items()
    }
    with contextlib.suppress(OSError):  # no .venv to keep it in: the next run counts again
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def why_not(
    key: Key,
    last: dict[str, ScenarioResult],
    census: dict[str, ScenarioResult],
    left_out: dict[str, str],
) -> str:
    """Why `key` was not observed, from calibrate's last state of each scenario (`last`) and
    the census of what each scenario asks for. `left_out` maps a tag calibrate did not run to
    why."""
    users = sorted(
        {n for n, r in census.items() if key in r.used}
        | {n for n, r in last.items() if key in r.used}
    )
    if not users:
        return "no scenario asks for it"
    reasons: dict[str, list[str]] = {}
    for nodeid in users:
        result = last.get(nodeid)
        tags = (census.get(nodeid) or result or ScenarioResult(nodeid, "")).tags
        name = ScenarioResult(nodeid, "").name
        if result is not None and result.outcome == "failed":
            reasons.setdefault("asked but never reached", []).append(
                f'{name} failed earlier, at "{result.step}"'
            )
        elif result is not None and result.outcome == "skipped":
            if NOT_APPLICABLE in result.reason:
                label = "only scenarios not applicable on this target use it"
            elif "mock_only" in tags:
                label = "only @mock_only scenarios use it"  # the target lacks the control API
            else:
                label = "only scenarios skipped here use it"
            reasons.setdefault(label, []).append(f"{name}: {_first(result.reason)}")
        elif (tag := next((t for t in left_out if t in tags), None)) is not None:
            reasons.setdefault(f"only @{tag} scenarios use it", []).append(
                f"{name} ({left_out[tag]})"
            )
        else:
            reasons.setdefault("its scenarios did not ask for it on this target", []).append(name)
    # The most actionable first: a step that failed earlier is for the person to look at.
    order = [
        "asked but never reached",
        "only scenarios skipped here use it",
        "only @mock_only scenarios use it",
        "only scenarios not applicable on this target use it",
        "only @destructive scenarios use it",
        "only @wrong_password scenarios use it",
    ]
    first = min(reasons, key=lambda r: order.index(r) if r in order else len(order))
    shown = reasons[first]
    more = f" and {len(shown) - 2} more" if len(shown) > 2 else ""
    return f"{first}: {'; '.join(shown[:2])}{more}"


def _first(reason: str) -> str:
    return reason.split(";")[0][:120]
