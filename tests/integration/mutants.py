"""Many mutants of the mock in one child pytest: each applied around exactly its own scenarios.

A mutant (runner.Mutation) breaks one thing in the mock; the scenarios it names in must_fail
must fail, the ones in must_pass must not. Running one child pytest per mutant cost a pytest
start-up, a browser launch and a mock each time (about a third of each run). Here one child
runs them all, in one mock process:

- the child loads this module as a plugin (`-p tests.integration.mutants`) with a plan file
  naming where the mutants are defined (`module:ATTRIBUTE` lists of Mutation);
- it starts the mock in its own process and points the suite at it (as --<site>-url would);
- it runs every scenario a mutant names once per mutant that names it (a parametrization,
  ids `mutant-N`), mutant by mutant, and nothing else;
- before a test it applies that test's mutant (undoing the one before, and ending every
  sign-in, so that no state made under another mutant is reused); mutants never coexist;
- it writes one JSON line per test: scenario, mutant, outcome, failure text, whether the
  mutant applied.

A mutant of something the suite reads once per session (e.g. the personas) says
`whole_run=True` and gets a child run of its own, applied before anything starts; no other
mutant may change such a thing. The same scenarios against the intact mock, which show that
a mutant's red means "this broke" and not "all broke", are read from the shared run of the
whole suite (SharedSuiteRun.check_passed).

The parent reads the lines (MutantResults) and checks each mutant as runner.check_caught
does, test by test: tests/integration/shared_runs.py makes it a shared run that many tests
read by name.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.integration.runner import Mutation, SuiteRun, run_suite

PARAM = "_mutant"
NONE = "none"  # no mutant applied (yet)


def load_mutations(sources: Iterable[str]) -> list[Mutation]:
    """The Mutation lists named `module:ATTRIBUTE`, in order; names must be unique."""
    found: list[Mutation] = []
    for source in sources:
        module, attribute = source.split(":")
        found += getattr(importlib.import_module(module), attribute)
    names = [m.name for m in found]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    assert not duplicates, f"two mutants share a name: {duplicates}"
    return found


def mutant_id(index: int) -> str:
    return f"mutant-{index}"


# -- the child's side: a pytest plugin --------------------------------------------------------
def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--mutant-plan", metavar="FILE", help="tests.integration.mutants: the plan")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Start the mock here, before the suite's plugin reads its target from the options."""
    plan_file = config.getoption("mutant_plan")
    if plan_file:
        plan = json.loads(Path(plan_file).read_text(encoding="utf-8"))
        config.pluginmanager.register(Child(config, plan), "mutant-child")


@pytest.fixture
def _mutant(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def mutant_of(item: pytest.Item) -> str:
    callspec = getattr(item, "callspec", None)
    return str(callspec.params.get(PARAM, NONE)) if callspec else NONE


def base_name(item: pytest.Item) -> str:
    """The test's name without this plugin's parameter: the name a plain run gives it."""
    mutant, name = mutant_of(item), item.name
    for wrapped, plain in ((f"[{mutant}]", ""), (f"[{mutant}-", "["), (f"-{mutant}]", "]")):
        name = name.replace(wrapped, plain)
    return name


def names(mutation: Mutation) -> tuple[str, ...]:
    return (*mutation.must_fail, *mutation.must_pass)


class Child:
    """The child run's mock, its mutants, and what each test did."""

    def __init__(self, config: pytest.Config, plan: dict[str, Any]) -> None:
        from mock_site.server import start_mock
        from suite.target.sites import SITES

        self.mutations = load_mutations(plan["sources"])
        self.log = Path(plan["log"])
        self.patch = pytest.MonkeyPatch()
        self.active, self.applied = NONE, False
        self.results: dict[str, dict[str, Any]] = {}
        self.dialect = plan.get("dialect", "default")
        self.mock = start_mock(test_mode=True, dialect=self.dialect)
        for site in SITES:  # as --<site>-url=... would: the suite reads them next
            setattr(config.option, f"cit_url_{site}", self.mock.urls[site])
        self.whole_run: Mutation | None = None
        if plan.get("whole_run"):
            [self.whole_run] = [m for m in self.mutations if m.name == plan["whole_run"]]
            self.whole_run.apply(self.patch, self.mock)
            self.applied = True

    def mutation(self, item: pytest.Item) -> Mutation | None:
        if self.whole_run is not None:
            return self.whole_run
        mutant = mutant_of(item)
        return None if mutant == NONE else self.mutations[int(mutant.rsplit("-", 1)[1])]

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        if self.whole_run is not None:
            return
        function = metafunc.definition.originalname
        ids = [
            mutant_id(index)
            for index, mutation in enumerate(self.mutations)
            # a function's tests may carry parameters: compare the names up to the shorter
            if not mutation.whole_run
            and mutation.dialect == self.dialect
            and any(n.startswith(function) or function.startswith(n) for n in names(mutation))
        ]
        if ids:
            metafunc.fixturenames.append(PARAM)
            metafunc.parametrize(PARAM, ids, indirect=True, ids=ids)

    def pytest_collection_modifyitems(
        self, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        """Keep each (scenario, mutant) pair a mutant names, mutant by mutant (a switch ends
        the sign-ins: fewer switches, fewer sign-ins)."""
        kept, dropped = [], []
        for item in items:
            mutation = self.mutation(item)
            named = mutation is not None and base_name(item).startswith(names(mutation))
            (kept if named else dropped).append(item)
        order = [mutant_id(i) for i in range(len(self.mutations))]
        kept.sort(key=lambda item: order.index(mutant_of(item)) if self.whole_run is None else 0)
        if dropped:
            config.hook.pytest_deselected(items=dropped)
        items[:] = kept

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        """Before the test's fixtures: its mutant on, the one before undone."""
        mutation = self.mutation(item)
        assert mutation is not None  # the others were deselected
        self.results[item.nodeid] = {
            "scenario": base_name(item),
            "mutant": mutation.name,
            "outcome": "passed",
            "failure": "",
            "applied": False,
        }
        if self.whole_run is None and mutant_of(item) != self.active:
            self.patch.undo()
            self.patch = pytest.MonkeyPatch()
            self.mock.store.reset()  # no sign-in made under another mutant is reused here
            self.active, self.applied = mutant_of(item), False
            mutation.apply(self.patch, self.mock)  # an error errors the test: not applied
            self.applied = True
        self.results[item.nodeid]["applied"] = self.applied

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        result = self.results.get(report.nodeid)
        if result is None:
            return
        if report.failed:
            result["outcome"] = "failed"
            result["failure"] += report.longreprtext + "\n"
        elif report.skipped and result["outcome"] == "passed":
            result["outcome"] = "skipped"

    def pytest_unconfigure(self) -> None:
        self.patch.undo()
        self.mock.stop()
        lines = [json.dumps(result) + "\n" for result in self.results.values()]
        self.log.write_text("".join(lines), encoding="utf-8")


# -- the parent's side ------------------------------------------------------------------------
@dataclass
class MutantResults:
    """What the child runs of a set of mutants did, test by test."""

    runs: list[SuiteRun]
    tests: list[dict[str, Any]]

    @property
    def output(self) -> str:
        return "\n".join(run.output[-3000:] for run in self.runs)

    def of(self, mutant: str | None) -> list[dict[str, Any]]:
        return [test for test in self.tests if test["mutant"] == mutant]

    def check(self, mutation: Mutation) -> None:
        """As runner.check_caught: the scenarios about the mutant fail (saying
        mutation.says, when it says something), none skips, and the unrelated ones pass."""
        tests = self.of(mutation.name)
        assert len(tests) >= len(mutation.must_fail) + len(mutation.must_pass), self.output
        unapplied = [test["failure"] for test in tests if not test["applied"]]
        assert not unapplied, f"{mutation.name} did not apply:\n{unapplied[0][-2000:]}"
        for name in mutation.must_fail:
            failed = [
                t for t in tests if t["scenario"].startswith(name) and t["outcome"] == "failed"
            ]
            assert failed, f"{name} should fail when {mutation.name}\n{self.output}"
            for test in failed:
                assert mutation.says in test["failure"], test["failure"][-3000:]
        for name in mutation.must_pass:
            ran = [t for t in tests if t["scenario"].startswith(name)]
            assert ran and all(t["outcome"] == "passed" for t in ran), (
                f"{name} should not be affected by {mutation.name}"
            )
        assert [t["scenario"] for t in tests if t["outcome"] == "skipped"] == []


def run_mutants(workdir: Path, sources: Sequence[str], *args: str) -> MutantResults:
    """One child pytest for the mutants in `sources` of each of the mock's dialects that can
    share a run (checked with the profile of the dialect's name), and one for each whole-run
    mutant."""
    mutations = load_mutations(sources)
    shared = {m.dialect for m in mutations if not m.whole_run}
    plans: list[dict[str, Any]] = [{"dialect": d} for d in sorted(shared)]
    plans += [{"whole_run": m.name, "dialect": m.dialect} for m in mutations if m.whole_run]
    runs, tests = [], []
    for number, extra in enumerate(plans):
        work = workdir / f"run-{number}"
        work.mkdir(parents=True)
        plan = {"sources": list(sources), "log": str(work / "mutants.jsonl"), **extra}
        (work / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
        dialect = extra["dialect"]
        profile = ["--profile", dialect] if dialect != "default" else []
        options = ["-p", __name__, f"--mutant-plan={work / 'plan.json'}", *profile, *args]
        runs.append(run_suite(work, *options))
        log = Path(plan["log"])
        assert log.exists(), runs[-1].output[-3000:]
        tests += [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return MutantResults(runs, tests)
