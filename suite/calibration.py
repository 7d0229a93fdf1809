"""Calibrate's recording mode: a pytest plugin (`-p suite.calibration --calibrate-log FILE`).

Steps ask the profile for each value they rely on. In this mode the profile notes every
lookup of the running step; when the step fails, the value whose words are in the failure
(Playwright names the text, name or URL it waited for) is the one the target does not
match, and what the page shows at that point is recorded instead: the alert or status
message of the main content, the page's heading, the path reached, a link or button name,
whether the page exists. One JSON line per observation; `observed` is null, with the reason,
when the page does not show one thing a person could accept (never a guess).

Calibrate (suite/calibrate.py) runs the suite with this plugin, round after round, and writes
what it learned to a draft profile that a person reviews. No password is ever written: the
observations are page texts and paths, and suite/secrets.py masks every known secret in them.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from suite import secrets
from suite.plugin import PROFILE
from suite.profiles import Profile

FEATURES = Path(__file__).resolve().parent.parent / "features"
# A failing action gives up after this long in calibrate mode (Playwright's own is 30 s):
# a name the target does not have is the expected case here, not an accident.
ACTION_TIMEOUT_MS = 5000
CLOSE_ENOUGH = 0.6
MISSING = (404, 410)  # what a page that is not there answers
EMAIL = "email: "  # the profile's emails, by meaning: "email: accounts linked"
LOG = pytest.StashKey[Path]()


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
    lookups: list[Lookup] = field(default_factory=list)
    # Every value some scenario of this run asked for: the others it could not observe.
    used: set[tuple[str, str]] = field(default_factory=set)

    def looked_up(self, group: str, key: str, text: str, fields: dict[str, str]) -> None:
        self.lookups.append(Lookup(group, key, text, dict(fields), self.step))
        self.used.add((group, key))


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


def pytest_sessionfinish(session: pytest.Session) -> None:
    if LOG in session.config.stash:
        write(session.config, {"used": sorted(RECORDER.used)})


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    RECORDER.scenario, RECORDER.lookups = request.node.nodeid, []


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
    failure = str(exception)
    culprits = attribute(failure, RECORDER.lookups, step.name)
    record: dict[str, Any] = {"scenario": RECORDER.scenario, "step": step.name}
    if not culprits:
        record |= {"group": None, "key": None, "reason": first_line(failure)}
        write(request.config, record)
        return
    page = request.getfixturevalue("page") if "page" in request.fixturenames else None
    missing = missing_page(page, RECORDER.lookups)
    observations: list[tuple[Lookup, str | None, str]]
    if missing is not None:
        # What failed is that the page is not there: its path is the value that does not fit.
        path, status = missing
        how = (
            f"{path.text} answered {status}: no such page on the target, and no link of its "
            "own led calibrate there"
        )
        # Imported here: suite.staff_pages uses this module's path_of.
        from suite.staff_pages import STAFF_PAGES, find_staff_page

        found: str | None = None
        if path.key in STAFF_PAGES:
            found, staff_how = find_staff_page(request)
            how = staff_how if found else f"{how}; {staff_how}"
        observations = [(path, found, how)]
    else:
        observations = observe(page, culprits, request.config)
    for lookup, observed, how in observations:
        write(
            request.config,
            record
            | {
                "group": lookup.group,
                "key": lookup.key,
                "expected": lookup.text,
                "observed": observed,
                "how": how,
            },
        )


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
        record = {"scenario": RECORDER.scenario, "step": step.name, "group": "paths"}
        observed = {"expected": expected, "observed": path_of(address), "how": how}
        write(request.config, record | {"key": key} | observed)


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


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


def attribute(failure: str, lookups: list[Lookup], step: str) -> list[Lookup]:
    """The looked-up value the failure names. A step asks for each value just before it
    checks it, so of the values it names (a failure may quote the page too), the one asked
    for last is the one checked; an account term and its value go together."""
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


# -- what the page shows there -------------------------------------------------------------
def observe(
    page: Any, culprits: list[Lookup], config: pytest.Config
) -> list[tuple[Lookup, str | None, str]]:
    lookup = culprits[0]
    if lookup.group == "messages" and lookup.key.startswith(EMAIL):
        # Checked in the mock's outbox, not on a page: what a page shows is not its subject.
        return [(lookup, None, "an email's subject: calibrate reads pages, not mailboxes")]
    if page is None:
        return [(c, None, "the step has no browser page to look at") for c in culprits]
    profile: Profile = config.stash[PROFILE]
    if culprits[0].group == "account":
        return observe_account(page, culprits, profile)
    observer = {
        "messages": observe_message,
        "headings": observe_heading,
        "names": observe_name,
        "paths": observe_path,
    }.get(lookup.group)
    if observer is None:
        return [(lookup, None, f"calibrate does not observe [{lookup.group}] values")]
    observed, how = observer(page, lookup, profile)
    return [(lookup, observed, how)]


def page_status(page: Any) -> int:
    """The HTTP status of the document shown (0 when the browser does not say)."""
    try:
        status = page.evaluate(
            "() => (performance.getEntriesByType('navigation')[0] || {}).responseStatus || 0"
        )
        return int(status)
    except Exception:  # a page mid-navigation: no status to report
        return 0


def _closest(expected: str, candidates: list[str]) -> tuple[str | None, str]:
    """The one candidate, or the one clearly closest to the expected text; else none."""
    unique = list(dict.fromkeys(c for c in candidates if c))
    if len(unique) == 1:
        return unique[0], "the only one on the page"
    near = difflib.get_close_matches(expected, unique, n=2, cutoff=CLOSE_ENOUGH)
    if len(near) == 1:
        return near[0], f"the closest of {len(unique)} on the page"
    shown = "; ".join(repr(c) for c in unique[:8]) or "none"
    return None, f"{len(unique)} candidates, none clearly it: {shown}"


def _template(text: str, fields: dict[str, str]) -> str:
    """Observed words back into the profile's form: the persona's values become fields."""
    for name, value in sorted(fields.items(), key=lambda item: -len(item[1])):
        if value:
            text = text.replace(value, "{" + name + "}")
    return text


def observe_message(page: Any, lookup: Lookup, profile: Profile) -> tuple[str | None, str]:
    where = urlsplit(page.url).path
    status = page_status(page)
    if status in MISSING:
        return None, f"{where} answered {status}: no such page, so not the message asked for"
    texts = []
    for role in ("alert", "status"):
        texts += [t.strip() for t in page.get_by_role(role).all_inner_texts()]
    texts += [
        t.strip() for t in page.locator("[id='loginForm:pclLoginMessages']").all_inner_texts()
    ]
    if not any(texts):
        # A page that is itself the message (PACER login's "unavailable" page): its title.
        main = page.get_by_role("main")
        top = [t.strip() for t in main.get_by_role("heading", level=1).all_inner_texts()]
        if len([t for t in top if t]) == 1:
            return top[0], f"the main heading of {where}, which has no alert or status message"
        return None, f"{where} has no alert or status message, nor one main heading"
    observed, how = _closest(lookup.text, texts)
    if observed is None:
        return None, f"messages on {where}: {how}"
    return _template(observed, lookup.fields), f"the message on {where} ({how})"


def observe_heading(page: Any, lookup: Lookup, profile: Profile) -> tuple[str | None, str]:
    where = urlsplit(page.url).path
    status = page_status(page)
    if status in MISSING:
        return None, f"{where} answered {status}: no such page"
    main = page.get_by_role("main")
    headings = [t.strip() for t in main.get_by_role("heading").all_inner_texts() if t.strip()]
    if not headings:
        return None, f"{where} has no heading in its main content"
    top = main.get_by_role("heading", level=1).all_inner_texts()
    if len([t for t in top if t.strip()]) == 1:
        return top[0].strip(), f"the main heading of {where}"
    observed, how = _closest(lookup.text, headings)
    return observed, f"headings of {where}: {how}"


def _quoted_in_features() -> set[str]:
    """Names the feature files quote (the FAQ's and [seen] words): never a profile's value."""
    quoted: set[str] = set()
    for feature in FEATURES.glob("*.feature"):
        for text in re.findall(r'"([^"]+)"', feature.read_text(encoding="utf-8")):
            quoted |= {text, *(part.strip() for part in text.split(","))}
    return quoted


# The names of the visible form fields a person reads: each field's label (or aria-label).
FIELD_LABELS_JS = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(f => f.type !== 'hidden' && f.getClientRects().length > 0)
  .map(f => ((f.labels && f.labels[0] && f.labels[0].innerText)
             || f.getAttribute('aria-label') || '').trim())"""


def observe_label(page: Any, lookup: Lookup, profile: Profile) -> tuple[str | None, str]:
    """A form field's label ([names] *_label): the label of a visible field on the page that
    no other value of the profile names."""
    where = urlsplit(page.url).path
    known = {
        str(v.value) for (g, k), v in profile.values.items() if g == "names" and k != lookup.key
    }
    labels = [label for label in page.evaluate(FIELD_LABELS_JS) if label and label not in known]
    if not labels:
        return None, f"no form field on {where} with a label not otherwise known"
    observed, how = _closest(lookup.text, labels)
    return observed, f"labels of the form fields on {where} not otherwise known: {how}"


# Buttons a person knows by what Enter does: the form's default button (its first submit
# button, which Enter in its field presses), in the form of the page's one visible text field.
DEFAULT_BUTTONS = frozenset({"mfa_verify_button"})
DEFAULT_BUTTON_JS = """() => {
  const fields = [...document.querySelectorAll('input[type=text], input:not([type])')]
    .filter(f => f.getClientRects().length > 0 && f.form);
  if (fields.length !== 1) return null;
  const submits = 'button:not([type]), button[type=submit], input[type=submit]';
  const button = fields[0].form.querySelector(submits);
  return button ? (button.innerText || button.value || '').trim() : null;
}"""


def observe_name(page: Any, lookup: Lookup, profile: Profile) -> tuple[str | None, str]:
    if lookup.key.endswith("_label"):
        return observe_label(page, lookup, profile)
    where = urlsplit(page.url).path
    if lookup.key in DEFAULT_BUTTONS:
        default = page.evaluate(DEFAULT_BUTTON_JS)
        if default:
            return default, f"the button Enter presses in the one text field of {where}"
    known = _quoted_in_features() | {
        str(v.value) for (g, k), v in profile.values.items() if g == "names" and k != lookup.key
    }
    scopes = [("the CM/ECF menu bar", page.locator("#topmenu"))]  # [seen]: div#topmenu
    scopes += [("the main content", page.get_by_role("main")), ("the page", page)]
    for label, scope in scopes:
        if scope is not page and not scope.count():
            continue
        names = []
        for role in ("link", "button"):
            names += [n.strip() for n in scope.get_by_role(role).all_inner_texts()]
        names = [n for n in names if n and n not in known]
        if not names:
            continue
        observed, how = _closest(lookup.text, names)
        return observed, f"links and buttons of {label} on {where} not otherwise known: {how}"
    return None, f"no link or button on {where} that is not otherwise known"


def observe_path(page: Any, lookup: Lookup, profile: Profile) -> tuple[str | None, str]:
    reached = path_of(page.url)
    status = page_status(page)
    if status >= 400 or reached == lookup.text:
        return None, f"{reached} answered {status}: no such page, and no link led elsewhere"
    return reached, "the path reached by following the target's own links"


ROWS_JS = """main => {
  const pairs = [];
  main.querySelectorAll('tr').forEach(row => {
    const cells = [...row.children].map(cell => cell.innerText.trim());
    if (cells.length >= 2) pairs.push([cells[0], cells[1]]);
  });
  main.querySelectorAll('dt').forEach(term => {
    const value = term.nextElementSibling;
    if (value && value.tagName === 'DD')
      pairs.push([term.innerText.trim(), value.innerText.trim()]);
  });
  return pairs;
}"""


def observe_account(
    page: Any, culprits: list[Lookup], profile: Profile
) -> list[tuple[Lookup, str | None, str]]:
    """Manage My Account's rows: a term known to the profile pins its row's value, a known
    value pins its row's term; a row neither pins is taken only when it is the only one left."""
    where = urlsplit(page.url).path
    main = page.get_by_role("main")
    pairs = [tuple(p) for p in main.evaluate(ROWS_JS)] if main.count() else []
    lines = [ln for ln in (main.inner_text() if main.count() else "").splitlines() if ":" in ln]
    pairs += [tuple(part.strip() for part in ln.split(":", 1)) for ln in lines]
    if not pairs:
        return [(c, None, f"{where} shows no term-value rows") for c in culprits]
    terms = {"type", "kind", "status", "credit card"}
    term = next((c for c in culprits if c.key in terms), None)
    value = next((c for c in culprits if c.key not in terms), None)
    # Every other text of the profile (the other terms, the form labels: "Username"…).
    known_terms = {
        str(v.value)
        for (g, k), v in profile.values.items()
        if isinstance(v.value, str) and not (term and (g, k) == ("account", term.key))
    }
    results: list[tuple[Lookup, str | None, str]] = []
    if term and value:
        row = next((p for p in pairs if p[0] == term.text), None)
        if row:
            return [(value, row[1], f"the value beside {term.text!r} on {where}")]
        row = next((p for p in pairs if p[1] == value.text), None)
        if row:
            return [(term, row[0], f"the term beside {value.text!r} on {where}")]
        left = [p for p in pairs if p[0] not in known_terms and p[0] not in _quoted_in_features()]
        observed, how = _closest(term.text, [p[0] for p in left])
        if observed is None:
            # No term stands out: the row whose value is clearly the one meant, if any.
            by_value, how = _closest(value.text, [p[1] for p in left])
            observed = next((p[0] for p in left if by_value and p[1] == by_value), None)
            how = f"by its value, {how}"
        results.append((term, observed, f"rows of {where} not otherwise known: {how}"))
        row = next((p for p in left if p[0] == observed), None)
        if row:
            results.append((value, row[1], f"the value beside {observed!r} on {where}"))
        return results
    only = culprits[0]
    return [(only, None, f"{where}: a term and its value are needed together to tell rows apart")]
