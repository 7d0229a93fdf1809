"""The HTML report: one self-contained page a business analyst opens from disk.

Grouped by FAQ question in FAQ order; each question shows its feature's description (the
FAQ's answer) and each scenario's steps with pass, fail or skip and why, the screenshot of
a failure and links to its Playwright trace (paths relative to reports/, so the folder can be
zipped and opened anywhere). Inline CSS, no script, no network: <details> does the folding.
Scenarios in the feature files that this run did not run (deselected, another shard) are
listed as "not run", so the page always shows the whole suite.
"""

from __future__ import annotations

import hashlib
import time
import urllib.parse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from pytest_bdd.parser import Feature

from suite.authoring.faq import Faq, as_read, normalise
from suite.authoring.features import (
    examples_of,
    faq_quotes,
    relative,
    rendered,
    scenario_key,
)
from suite.reporting.records import (
    OUTCOMES,
    Outcome,
    Record,
    failed_step,
    key_of,
    summarise,
    worst,
)
from suite.reporting.sign_ins import describe as describe_sign_ins
from suite.reporting.sign_ins import sign_in_figures
from suite.reporting.traceability import Matrix, build_matrix

# A file beside this module, not a package resource: the suite runs from its checkout.
TEMPLATE_FILE = Path(__file__).with_name("report.html.j2")


@dataclass
class TestView:
    name: str
    example: dict[str, str] | None
    record: Record | None = None

    @property
    def outcome(self) -> Outcome:
        return self.record["outcome"] if self.record else "not run"

    @property
    def anchor(self) -> str:
        ident = self.record["nodeid"] if self.record else self.name
        return "t-" + hashlib.sha1(ident.encode()).hexdigest()[:12]


@dataclass
class ScenarioView:
    key: str
    name: str
    keyword: str
    line: int
    tags: list[str]
    quotes: list[str]
    columns: list[str] = field(default_factory=list)
    tests: list[TestView] = field(default_factory=list)

    @property
    def outcome(self) -> Outcome:
        return (
            worst([t.outcome for t in self.tests if t.record])
            if any(t.record for t in self.tests)
            else "not run"
        )

    @property
    def summary(self) -> str:
        return summarise([t.outcome for t in self.tests])

    @property
    def reason(self) -> str:
        """Why it was skipped, from the first test that says so."""
        return next(
            (t.record["reason"] or "" for t in self.tests if t.record and t.record["reason"]), ""
        )

    @property
    def anchor(self) -> str:
        return scenario_anchor(self.key)


def scenario_anchor(key: str) -> str:
    """The id of a scenario's block in the page, from its feature path and line."""
    return "s-" + hashlib.sha1(key.encode()).hexdigest()[:12]


@dataclass
class FeatureView:
    path: str
    name: str
    description: str
    tags: list[str]
    scenarios: list[ScenarioView] = field(default_factory=list)


@dataclass
class GroupView:
    label: str
    question: str
    features: list[FeatureView] = field(default_factory=list)

    @property
    def tests(self) -> list[TestView]:
        return [t for f in self.features for s in f.scenarios for t in s.tests]

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(t.outcome for t in self.tests)
        return {o: counted[o] for o in OUTCOMES if counted[o]}

    @property
    def anchor(self) -> str:
        return "q-" + self.label.lower()


def _feature_views(features: Sequence[Feature], root: Path) -> dict[str, FeatureView]:
    views: dict[str, FeatureView] = {}
    for feature in features:
        path = relative(feature.filename, root)
        view = FeatureView(path, feature.name, feature.description, sorted(feature.tags))
        for template in feature.scenarios.values():
            rows = examples_of(template)
            scenario = ScenarioView(
                scenario_key(path, template.line_number),
                template.name,
                template.keyword,
                template.line_number,
                sorted(template.tags),
                [q.text for q in faq_quotes(template)],
                list(rows[0]) if rows else [],
            )
            scenario.tests = [TestView(s.name, row) for row, s in rendered(template)]
            view.scenarios.append(scenario)
        views[path] = view
    return views


def _attach(views: dict[str, FeatureView], records: Sequence[Record]) -> None:
    """Put each record on its test; a record of a scenario the files no longer have (or of
    a feature outside features/) gets a view of its own."""
    for record in records:
        info, scenario_info = record["feature"], record["scenario"]
        feature = views.setdefault(
            info["path"], FeatureView(info["path"], info["name"], info["description"], info["tags"])
        )
        key = key_of(record)
        scenario = next((s for s in feature.scenarios if s.key == key), None)
        if scenario is None:
            example = scenario_info["example"]
            scenario = ScenarioView(
                key,
                scenario_info["template"],
                scenario_info["keyword"],
                scenario_info["line"],
                scenario_info["tags"],
                [],
                list(example) if example else [],
            )
            feature.scenarios.append(scenario)
        index = scenario_info["example_index"] or 0
        if index < len(scenario.tests) and scenario.tests[index].record is None:
            scenario.tests[index].record = record
            scenario.tests[index].name = scenario_info["name"]
        else:
            scenario.tests.append(TestView(scenario_info["name"], scenario_info["example"], record))


# The groups of the features that check what the FAQ does not ask, by their feature tag.
BEYOND_FAQ_GROUPS = {
    "accessibility": (
        "A11y",
        "Beyond the FAQ: accessibility (Section 508, WCAG 2.1 AA); not an FAQ question",
    ),
    "mfa": (
        "MFA",
        "Beyond the FAQ: PACER's multifactor authentication (2025 on); not an FAQ question",
    ),
}


def _groups(views: dict[str, FeatureView], faq: Faq | None) -> list[GroupView]:
    groups: list[GroupView] = []
    placed: set[str] = set()
    for question in faq.questions if faq else ():
        group = GroupView(question.label, question.text)
        for path, view in views.items():
            if normalise(view.name) == normalise(question.text):
                group.features.append(view)
                placed.add(path)
        groups.append(group)
    for tag, (label, title) in BEYOND_FAQ_GROUPS.items():
        beyond = [v for path, v in views.items() if path not in placed and tag in v.tags]
        if beyond:
            groups.append(GroupView(label, title, beyond))
            placed.update(view.path for view in beyond)
    rest = [view for path, view in views.items() if path not in placed]
    if rest:
        label = "Other" if faq else "Features"
        title = "Features whose title is not an FAQ question" if faq else "Features"
        groups.append(GroupView(label, title, rest))
    return groups


def _link(path: str) -> str:
    return urllib.parse.quote(path)


def _when(epoch: float | None) -> str:
    if not epoch:
        return "unknown"
    return time.strftime("%Y-%m-%d %H:%M:%S %Z", time.localtime(epoch))


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


def _in_brief(error: str, width: int = 240) -> str:
    """A failure in a line for the Failures list: what was expected and what the page showed.

    Playwright's assertion errors read "Locator expected …", then "Actual value: …" over
    several lines, then the call log, which names selectors: only the first two are kept.
    """
    first, _, rest = error.partition("\n")
    brief = first.removeprefix("AssertionError: ")
    if "Actual value:" in rest:
        actual = rest.split("Actual value:", 1)[1].split("Call log:", 1)[0]
        brief += f"; the page shows “{' '.join(actual.split())}”"
    return brief if len(brief) <= width else brief[: width - 1] + "…"


def render_html(
    records: Sequence[Record],
    session: dict[str, Any],
    features: Sequence[Feature],
    faq: Faq | None,
    root: Path,
) -> str:
    views = _feature_views(features, root)
    _attach(views, records)
    groups = _groups(views, faq)
    tests = [t for g in groups for t in g.tests]
    matrix: Matrix | None = build_matrix(faq, features, records, root) if faq else None
    counted = Counter(t.outcome for t in tests)
    steps = Counter(step["status"] for r in records for step in r["steps"])
    failures = [
        (g, f, s, t)
        for g in groups
        for f in g.features
        for s in f.scenarios
        for t in s.tests
        if t.outcome in ("failed", "error")
    ]
    environment = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    environment.filters["as_read"] = as_read
    environment.filters["link"] = _link
    environment.filters["anchor"] = scenario_anchor
    environment.filters["when"] = _when
    environment.filters["duration"] = _duration
    environment.filters["in_brief"] = _in_brief
    environment.filters["failed_step"] = failed_step
    return environment.from_string(TEMPLATE_FILE.read_text(encoding="utf-8")).render(
        session=session,
        groups=groups,
        matrix=matrix,
        totals={o: counted[o] for o in OUTCOMES},
        total=len(tests),
        steps={s: steps[s] for s in ("passed", "failed", "undefined", "skipped")},
        failures=failures,
        verdict=_verdict(counted, len(tests), bool(session.get("interrupted"))),
        started=session.get("started"),
        finished=session.get("finished"),
        accessibility=_accessibility(records),
        sign_ins_line=describe_sign_ins(sign_in_figures(list(records))),
    )


def _accessibility(records: Sequence[Record]) -> dict[str, Any]:
    """The axe-core audits of the run: (scenario name, scenario key, audit) per page state."""
    audits = [
        (record["scenario"]["name"], key_of(record), audit)
        for record in records
        for audit in record.get("accessibility") or []
    ]
    audited = {f"{a.get('site', '')} {a['page']}" for _, _, a in audits}
    navigated = {page for record in records for page in record.get("navigated") or []}
    return {
        "audits": audits,
        # reached only on the way inside a step, never where a step ended: not audited
        "unaudited": sorted(navigated - audited) if audits else [],
        "violations": sum(len(a["violations"]) for _, _, a in audits),
        "seconds": sum(float(a.get("seconds", 0.0)) for _, _, a in audits),
        "pages_with_violations": sum(bool(a["violations"]) for _, _, a in audits),
        "errors": sum(bool(a["error"]) for _, _, a in audits),
    }


def _verdict(counted: Counter[Outcome], total: int, interrupted: bool) -> tuple[str, str]:
    failed = counted["failed"] + counted["error"]
    ran = total - counted["not run"]
    if interrupted:
        return "failed", (
            f"Interrupted: the run was stopped after {ran} of {total} scenario tests"
            + (f", {failed} of them failed" if failed else "")
        )
    if failed:
        return "failed", f"{failed} of {ran} scenario tests failed"
    if ran == 0:
        return "not-run", "No scenario ran in this session"
    if counted["passed"] == 0:
        return "skipped", f"All {ran} scenario tests were skipped"
    return "passed", f"All {counted['passed']} scenario tests that ran passed" + (
        f" ({counted['skipped']} skipped)" if counted["skipped"] else ""
    )
