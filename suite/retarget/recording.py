"""Calibrate's recording mode: a pytest plugin (`-p suite.retarget.recording --calibrate-log FILE`).

Steps ask the profile for each value they rely on. In this mode the profile notes every
lookup of the running step; when the step fails, the value whose words are in the failure
(Playwright names the text, name or URL it waited for) is the one the target does not
match, and what the page shows at that point is recorded instead (suite/retarget/observers.py):
`observed` is null, with the reason, when the page does not show one thing a careful reviewer
would keep (never a guess).

The log is JSON lines, one event each, written as the run goes so that calibrate can print
each scenario's line while the round runs (xdist workers append to the same file):
- `observation`: a value the target shows otherwise (or could not be read, with why);
- `unattributed`: a failure that names no profile value;
- `capability`: evidence for or against an optional rule of the target (login length rules);
- `scenario`: one per scenario, when it ends: its outcome, the step it failed at, the values
  it asked for, its tags; `collected`: how many scenarios the round runs.

Calibrate (suite/retarget/calibrate.py) runs the suite with this plugin, round after round,
and writes what it learned to a draft profile that a person reviews. No password is ever
written: the observations are page texts and paths, and suite/run/secrets.py masks every
known secret in them.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from suite.retarget import evidence
from suite.retarget.observers import MISSING, observe, page_status, path_of
from suite.run import secrets
from suite.run.state import PROFILE
from suite.target.profiles import Profile

# A failing action gives up after this long in calibrate mode (Playwright's own is 30 s):
# a name the target does not have is the expected case here, not an accident.
ACTION_TIMEOUT_MS = 5000
LOG = pytest.StashKey[Path]()
# Persona data that must never be written into a profile as fixed text
# (suite/retarget/observers.py).
PERSONA_FIELDS = ("username", "ecf_login", "wrong_ecf_login", "name", "email")


@dataclass
class Lookup:
    group: str
    key: str
    text: str
    fields: dict[str, str]
    step: str


@dataclass
class Recorder:
    scenario: str = ""
    step: str = ""
    failed_step: str = ""
    lookups: list[Lookup] = field(default_factory=list)

    def looked_up(self, group: str, key: str, text: str, fields: dict[str, str]) -> None:
        self.lookups.append(Lookup(group, key, text, dict(fields), self.step))

    def start(self, scenario: str) -> None:
        self.scenario, self.step, self.failed_step, self.lookups = scenario, "", "", []


RECORDER = Recorder()


@dataclass(frozen=True)
class RecordingProfile(Profile):
    """The profile, noting each value a step asks for (for calibrate)."""

    def text(self, group: str, key: str, **fields: str) -> str:
        value = super().text(group, key, **fields)
        RECORDER.looked_up(group, key, value, fields)
        return value


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--calibrate-log", metavar="FILE", help="calibrate: observations (JSONL)")


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    log = config.getoption("calibrate_log")
    if not log or PROFILE not in config.stash:
        return
    config.stash[LOG] = Path(log)
    profile = config.stash[PROFILE]
    fields = {f.name: getattr(profile, f.name) for f in dataclasses.fields(profile)}
    config.stash[PROFILE] = RecordingProfile(**fields)


def pytest_collection_finish(session: pytest.Session) -> None:
    if LOG in session.config.stash:
        write(session.config, {"event": "collected", "count": len(session.items)})


def pytest_runtest_setup(item: pytest.Item) -> None:
    RECORDER.start(item.nodeid)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Generator[None, Any, None]:
    """One `scenario` record when a scenario ends (in the process that ran it)."""
    outcome = yield
    report = outcome.get_result()
    if LOG not in item.config.stash:
        return
    ended = report.when == "call" or (report.when == "setup" and not report.passed)
    if not ended:
        return
    reason = ""
    if report.skipped and isinstance(report.longrepr, tuple):
        reason = str(report.longrepr[2]).removeprefix("Skipped: ")
    record = {
        "event": "scenario",
        "scenario": item.nodeid,
        "outcome": report.outcome,
        "step": RECORDER.failed_step,
        "reason": reason,
        "used": sorted({(lookup.group, lookup.key) for lookup in RECORDER.lookups}),
        "tags": sorted({marker.name for marker in item.iter_markers()}),
    }
    write(item.config, record)


def pytest_bdd_before_step(
    request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, step_func: Any
) -> None:
    RECORDER.step = step.name
    if LOG in request.config.stash and "page" in request.fixturenames:
        request.getfixturevalue("page").set_default_timeout(ACTION_TIMEOUT_MS)


def pytest_bdd_step_error(
    request: pytest.FixtureRequest,
    feature: Any,
    scenario: Any,
    step: Any,
    step_func: Any,
    step_func_args: Any,
    exception: Exception,
) -> None:
    if LOG not in request.config.stash:
        return
    RECORDER.failed_step = step.name
    failure = str(exception)
    page = request.getfixturevalue("page") if "page" in request.fixturenames else None
    _length_rules(request, step, page, passed=False)
    page = active_page(page)
    here = path_of(page.url) if page is not None else ""
    culprits = attribute(failure, RECORDER.lookups, step.name, here)
    record: dict[str, Any] = {"scenario": RECORDER.scenario, "step": step.name}
    if not culprits:
        write(request.config, record | {"event": "unattributed", "reason": first_line(failure)})
        return
    missing = missing_page(page, RECORDER.lookups)
    observations: list[tuple[Lookup, str | None, str]]
    if missing is not None:
        # What failed is that the page is not there: its path is the value that does not fit.
        path, status = missing
        how = (
            f"{path.text} answered {status}: no such page on the target, and no link of its "
            "own led calibrate there"
        )
        # Imported here: suite.retarget.staff_pages signs the clerk in through the steps' journeys.
        from suite.retarget.staff_pages import STAFF_PAGES, find_staff_page

        found: str | None = None
        if path.key in STAFF_PAGES:
            found, staff_how = find_staff_page(request)
            how = staff_how if found else f"{how}; {staff_how}"
        observations = [(path, found, how)]
    else:
        profile = request.config.stash[PROFILE]
        observations = observe(page, culprits, profile, persona_data(request))
    for lookup, observed, how in observations:
        values = {"group": lookup.group, "key": lookup.key, "expected": lookup.text}
        write(
            request.config,
            record | {"event": "observation", **values, "observed": observed, "how": how},
        )


def active_page(page: Any) -> Any:
    """The page the step was acting on: the scenario's own, or one a step opened in a browser
    of its own since (the clerk's, who works beside the filer): the last page opened."""
    if page is None:
        return None
    browser = page.context.browser
    contexts = browser.contexts if browser is not None else [page.context]
    pages = [p for context in contexts for p in context.pages if not p.is_closed()]
    return pages[-1] if pages else page


def persona_data(request: pytest.FixtureRequest) -> dict[str, str]:
    """Every configured persona's data that a page may show, by what it is."""
    try:
        personas = request.getfixturevalue("personas")
    except pytest.FixtureLookupError:
        return {}
    return {
        f"persona {key!r}'s {name}": value
        for key, persona in personas.items()
        for name in PERSONA_FIELDS
        if isinstance(value := getattr(persona, name, None), str) and len(value) > 2
    }


def missing_page(page: Any, lookups: list[Lookup]) -> tuple[Lookup, int] | None:
    """The path looked up earlier in the scenario, when the page shown is that path's and
    answered an error: the page is not where the profile says."""
    if page is None:
        return None
    status = page_status(page)
    if status not in MISSING:  # a refusal (403) is a page that is there
        return None
    here = path_of(page.url)
    path = next((p for p in reversed(lookups) if p.group == "paths" and p.text == here), None)
    return (path, status) if path else None


# -- PACER login's length rules: a capability only a sign-in attempt shows ------------------
LENGTH_RULE_STEP = re.compile(r'PACER login says "(?P<rule>[^"]+)"')


def _length_rules(request: pytest.FixtureRequest, step: Any, page: Any, passed: bool) -> None:
    """A step checking a [seen] length rule: evidence for the rule (it passed), or against it
    (PACER login said something else there); nothing when it said nothing."""
    match = LENGTH_RULE_STEP.fullmatch(step.name)
    if not match or match["rule"] not in evidence.LENGTH_RULES or page is None:
        return
    how = f"PACER login said {match['rule']!r} where the scenario expects it"
    if not passed:
        shown = page.locator("[id='loginForm:pclLoginMessages']")  # [seen]
        said = " ".join(shown.all_inner_texts()).strip() if shown.count() else ""
        if not said:
            return
        how = f"PACER login answered where {match['rule']!r} was due with {said[:120]!r}"
    record = {"event": "capability", "capability": "login_length_rules", "present": passed}
    write(request.config, record | {"scenario": RECORDER.scenario, "how": how})


# Where the target's own link of a [seen] or FAQ name leads is the page's path, seen by
# following the target (as the probe does on public pages, here behind sign-in too).
WITNESSES = {
    "ecf_link": ("Link a CM/ECF account to my PACER account", "ecf"),  # [seen] Utilities item
    "pacer_manage_account": ("Manage My Account", "pacer"),  # [seen]
    "pacer_court_links": ("Court Links", "pacer"),  # the FAQ's "Quick Links/Court Links"
}


# Steps that follow a [seen] link: the page they end on is that value's page.
FOLLOWED = {
    # "Utilities" > "Link a CM/ECF account to my PACER account" [seen]
    "open_link_account": ("ecf_link", "ecf"),
}


def _followed(request: pytest.FixtureRequest, page: Any, step: Any, step_func: Any) -> None:
    key, site = FOLLOWED.get(getattr(step_func, "__name__", ""), ("", ""))
    if key and page_status(page) < 400:
        how = f"the page the step {step.name!r} reached by the target's own links"
        _path_seen(request, step, key, page.url, site, how)


def _path_seen(
    request: pytest.FixtureRequest, step: Any, key: str, address: str, site: str, how: str
) -> None:
    """Note the path of `address` as [paths] key, when it is on `site` and not the profile's."""
    if not address.startswith(request.getfixturevalue("target").urls[site] + "/"):
        return
    expected = request.config.stash[PROFILE].get("paths", key).value
    if path_of(address) != expected:
        record = {"event": "observation", "scenario": RECORDER.scenario, "step": step.name}
        observed = {"expected": expected, "observed": path_of(address), "how": how}
        write(request.config, record | {"group": "paths", "key": key} | observed)


def pytest_bdd_after_step(
    request: pytest.FixtureRequest,
    feature: Any,
    scenario: Any,
    step: Any,
    step_func: Any,
    step_func_args: Any,
) -> None:
    """After each step, the links of [seen] name on the page: where they lead."""
    if LOG not in request.config.stash or "page" not in request.fixturenames:
        return
    page = request.getfixturevalue("page")
    _length_rules(request, step, page, passed=True)
    _followed(request, page, step, step_func)
    for key, (name, site) in WITNESSES.items():
        link = page.get_by_role("link", name=name, exact=True)
        if link.count():
            address = urljoin(page.url, link.first.get_attribute("href") or "")
            _path_seen(
                request, step, key, address, site, f"where the target's own {name!r} link leads"
            )


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]


def write(config: pytest.Config, record: dict[str, Any]) -> None:
    with config.stash[LOG].open("a", encoding="utf-8") as log:
        log.write(secrets.masked(json.dumps(record, ensure_ascii=False)) + "\n")


# -- which value failed --------------------------------------------------------------------
def _mentioned(text: str, failure: str) -> bool:
    # As given, as a pattern (re.escape), and as either inside a repr (backslashes doubled).
    pattern = re.escape(text)
    forms = (text, pattern, pattern.replace("\\", "\\\\"), json.dumps(text)[1:-1])
    return any(form in failure for form in forms)


def attribute(failure: str, lookups: list[Lookup], step: str, here: str = "") -> list[Lookup]:
    """The looked-up value the failure names. A step asks for each value just before it
    checks it, so of the values it names (a failure may quote the page too), the one asked
    for last is the one checked; an account term and its value go together. A path is not
    what failed when it is the page the browser is on (`here`): a failure that says where
    the browser is names it too."""
    lookups = [
        lookup for lookup in lookups if not (lookup.group == "paths" and lookup.text == here)
    ]
    mine = [lookup for lookup in lookups if lookup.step == step and lookup.text]
    named = [lookup for lookup in mine if _mentioned(lookup.text, failure)]
    if not named:
        earlier = [lookup for lookup in lookups if lookup.step != step and lookup.text]
        named = [lookup for lookup in earlier if lookup.group == "paths"][-1:]
        named = [lookup for lookup in named if _mentioned(lookup.text, failure)]
    if not named:
        return []
    accounts = [lookup for lookup in named if lookup.group == "account"]
    if accounts:
        return accounts
    return named[-1:]
