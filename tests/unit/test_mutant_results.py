"""How a shared run of mutants is judged (tests/integration/mutants.py), on made-up results:
each mutant's own scenarios must fail saying what it says, the unrelated ones must pass,
none may skip, and a mutant that did not apply proves nothing."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.mutants import MutantResults
from tests.integration.runner import Mutation

BROKEN = "test_linking_the_cmecf_account_from_the_utilities_menu"
UNRELATED = "test_an_active_pacer_account_can_search"
MUTATION = Mutation("linking broken", lambda patch, mock: None, (BROKEN,), (UNRELATED,), says="x")


def results(**overrides: dict[str, Any]) -> MutantResults:
    """The mutant's two tests: BROKEN failed saying "x", UNRELATED passed; then overrides."""
    tests = {
        BROKEN: {"outcome": "failed", "failure": "AssertionError: x", "applied": True},
        UNRELATED: {"outcome": "passed", "failure": "", "applied": True},
    }
    for name, changes in overrides.items():
        tests[name] = {**tests[name], **changes}
    rows = [{"scenario": name, "mutant": MUTATION.name, **test} for name, test in tests.items()]
    return MutantResults([], rows)


def test_a_mutant_caught_as_it_should_be_passes() -> None:
    results().check(MUTATION)


@pytest.mark.parametrize(
    ("overrides", "says"),
    [
        ({BROKEN: {"outcome": "passed", "failure": ""}}, "should fail when linking broken"),
        ({UNRELATED: {"outcome": "failed"}}, "should not be affected by linking broken"),
        ({BROKEN: {"failure": "AssertionError: y"}}, "AssertionError: y"),
        ({BROKEN: {"applied": False}}, "linking broken did not apply"),
        ({UNRELATED: {"outcome": "skipped"}}, "should not be affected"),
    ],
    ids=["not caught", "unrelated broken too", "other words", "not applied", "skipped"],
)
def test_a_mutant_not_caught_as_it_should_be_fails(
    overrides: dict[str, dict[str, Any]], says: str
) -> None:
    with pytest.raises(AssertionError, match=says):
        results(**overrides).check(MUTATION)


def test_a_scenario_that_did_not_run_under_the_mutant_fails() -> None:
    only_one = MutantResults([], [row for row in results().tests if row["scenario"] == BROKEN])
    with pytest.raises(AssertionError):
        only_one.check(MUTATION)
