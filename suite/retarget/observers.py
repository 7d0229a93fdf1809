"""Calibrate: what the page shows where a step failed on a profile value (recording mode).

suite/retarget/recording.py finds the value a failure names; these functions read what the target
shows there instead: the alert or status message of the main content, the page's heading, a
link or button name, the path reached, a Manage My Account row. Each returns the observed text
and how it was seen, or None with the reason when the page does not show one thing a careful
reviewer would keep:
- two candidates and none clearly closer: not one thing;
- a page that answers but is not what the value names (suite/retarget/evidence.py: a contact
  page is not the FAQ page), or a link that leads to such a page;
- a text that names a persona's own data (a CM/ECF login, a name) that the step does not pass
  to the profile as a field: written as fixed text it would hold for that persona only.
  Data the step does pass become fields ({ecf_login}, {username}).
"""

from __future__ import annotations

import difflib
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from suite.authoring import meanings
from suite.authoring.features import FEATURES_DIR
from suite.retarget import evidence
from suite.retarget.public_pages import read
from suite.target.profiles import Profile

CLOSE_ENOUGH = 0.6
MISSING = (404, 410)  # what a page that is not there answers
EMAIL = "email: "  # the profile's emails, by meaning: "email: accounts linked"
LABEL = "_label"  # the profile's [names] of form fields' labels: pacer_username_label
Observation = tuple[Any, str | None, str]  # (the Lookup, observed or None, how)


def page_status(page: Any) -> int:
    """The HTTP status of the document shown (0 when the browser does not say)."""
    try:
        status = page.evaluate(
            "() => (performance.getEntriesByType('navigation')[0] || {}).responseStatus || 0"
        )
        return int(status)
    except Exception:  # a page mid-navigation: no status to report
        return 0


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def seen_on(page: Any) -> evidence.Seen:
    """The browser's page as evidence of what it is: its main content's text, its controls."""
    main = page.get_by_role("main")
    scope = main if main.count() else page.locator("body")
    names = [
        n.strip() for role in ("link", "button") for n in scope.get_by_role(role).all_inner_texts()
    ]
    return evidence.Seen(scope.inner_text(), tuple(names))


def persona_data_in(text: str, persona_data: dict[str, str]) -> str:
    """The persona data `text` names ("" when none), e.g. "persona 'filer''s ecf_login"."""
    return ", ".join(label for label, value in persona_data.items() if value and value in text)


def observe(
    page: Any, culprits: list[Any], profile: Profile, persona_data: dict[str, str]
) -> list[Observation]:
    lookup = culprits[0]
    if lookup.group == "messages" and lookup.key.startswith(EMAIL):
        # Checked in the mock's outbox, not on a page: what a page shows is not its subject.
        return [(lookup, None, "an email's subject: calibrate reads pages, not mailboxes")]
    if page is None:
        return [(c, None, "the step has no browser page to look at") for c in culprits]
    if lookup.group == "account":
        results = observe_account(page, culprits, profile)
    else:
        observer = {
            "messages": observe_message,
            "headings": observe_heading,
            "names": observe_name,
            "paths": observe_path,
        }.get(lookup.group)
        if observer is None:
            return [(lookup, None, f"calibrate does not observe [{lookup.group}] values")]
        observed, how = observer(page, lookup, profile)
        results = [(lookup, observed, how)]
    return [without_persona_data(result, persona_data) for result in results]


def without_persona_data(result: Observation, persona_data: dict[str, str]) -> Observation:
    """An observed text that still names a persona's data after templating is not written."""
    lookup, observed, how = result
    named = persona_data_in(observed, persona_data) if observed else ""
    if not named:
        return result
    return (
        lookup,
        None,
        f"{how}: it names {named}, which the step does not pass to the profile as a field, "
        "so written as it is it would hold for that persona only: not written",
    )


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


def observe_message(page: Any, lookup: Any, profile: Profile) -> tuple[str | None, str]:
    where = urlsplit(page.url).path
    status = page_status(page)
    if status in MISSING:
        return None, f"{where} answered {status}: no such page, so not the message asked for"
    if lookup.key in meanings.FACTS:
        # A notice's wording: the one sentence of the page that says what the FAQ says.
        carrying = meanings.sentences_carrying(lookup.key, seen_on(page).text)
        if len(carrying) == 1:
            return carrying[0], f"the one sentence of {where} that says what the FAQ says"
        shown = "; ".join(repr(s) for s in carrying[:4])
        return (
            None,
            f"{len(carrying)} sentences of {where} say what the FAQ says"
            + (f": {shown}" if shown else ""),
        )
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


def observe_heading(page: Any, lookup: Any, profile: Profile) -> tuple[str | None, str]:
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


def quoted_in_features(features: Any) -> set[str]:
    """Names the feature files quote (the FAQ's and [seen] words): never a profile's value."""
    quoted: set[str] = set()
    for feature in features.glob("*.feature"):
        for text in re.findall(r'"([^"]+)"', feature.read_text(encoding="utf-8")):
            quoted |= {text, *(part.strip() for part in text.split(","))}
    return quoted


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


def observe_name(page: Any, lookup: Any, profile: Profile) -> tuple[str | None, str]:
    where = urlsplit(page.url).path
    if lookup.key in DEFAULT_BUTTONS:
        default = page.evaluate(DEFAULT_BUTTON_JS)
        if default:
            return default, f"the button Enter presses in the one text field of {where}"
    known = quoted_in_features(FEATURES_DIR) | {
        str(v.value) for (g, k), v in profile.values.items() if g == "names" and k != lookup.key
    }
    if lookup.key.endswith(LABEL):
        # A form field's label, not a link or a button: the labels of the page's fields.
        labels = [t.strip() for t in page.locator("label").all_inner_texts()]
        observed, how = _closest(lookup.text, [t for t in labels if t and t not in known])
        return observed, f"labels of the form fields on {where} not otherwise known: {how}"
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
        how = f"links and buttons of {label} on {where} not otherwise known: {how}"
        if observed is not None and lookup.key in evidence.LEADS_TO:
            wrong = _leads_elsewhere(page, scope, observed, evidence.LEADS_TO[lookup.key])
            if wrong:
                return None, f"{how}; but {wrong}"
        return observed, how
    return None, f"no link or button on {where} that is not otherwise known"


def _leads_elsewhere(page: Any, scope: Any, name: str, about: str) -> str:
    """Why the link `name` is not the way to the page `about` names ("" when it is): it must
    be a link, and the page it leads to must be that page (read without clicking)."""
    link = scope.get_by_role("link", name=name, exact=True)
    if not link.count():
        return f"{name!r} is not a link: where it leads is not known without using it"
    address = urljoin(page.url, link.first.get_attribute("href") or "")
    answer = page.context.request.get(address)
    fetched = read(address, answer.url, answer.status, answer.text())
    names = tuple(control.name for control in fetched.controls)
    return evidence.not_about(
        about, evidence.Seen(fetched.text, names), f"{name!r} leads to {fetched.path}, which"
    )


def observe_path(page: Any, lookup: Any, profile: Profile) -> tuple[str | None, str]:
    reached = path_of(page.url)
    status = page_status(page)
    if status >= 400 or reached == lookup.text:
        return None, f"{reached} answered {status}: no such page, and no link led elsewhere"
    wrong = evidence.not_about(lookup.key, seen_on(page), reached)
    if wrong:
        return None, f"the target's own links led to {wrong}"
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


def observe_account(page: Any, culprits: list[Any], profile: Profile) -> list[Observation]:
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
    results: list[Observation] = []
    if term and value:
        row = next((p for p in pairs if p[0] == term.text), None)
        if row:
            return [(value, row[1], f"the value beside {term.text!r} on {where}")]
        row = next((p for p in pairs if p[1] == value.text), None)
        if row:
            return [(term, row[0], f"the term beside {value.text!r} on {where}")]
        quoted = quoted_in_features(FEATURES_DIR)
        left = [p for p in pairs if p[0] not in known_terms and p[0] not in quoted]
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
