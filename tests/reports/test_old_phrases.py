"""A withdrawn phrase (no behaviour fits its words) fails the run at collection, one line per
use naming what to write instead, never a bare StepDefinitionNotFoundError; the dry run and the
Gherkin lint say the same without a browser (in this process, the phrase withdrawn for the
test)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_bdd import then

from suite.authoring.dry_run import dry_run
from suite.authoring.gherkin_lint import lint
from suite.authoring.step_contract import OLD_PHRASES, withdrawn
from tests.reports.project import REPO, make_project, run

NOT_OFFERED = "Then CM/ECF does not offer the linking form"
WITHDRAWN = """
withdrawn(
    then,
    "CM/ECF shows the linking form greyed out",
    write="Then CM/ECF does not offer the linking form",
    goes_in=GOES_IN,
)
"""
FEATURE = """\
@contact
Feature: Who can I contact for help?

  An analyst's feature that still uses a phrase the catalogue has withdrawn.

  Scenario: A firm account and the old words
    FAQ: Who can I contact for help?

    Given a user of a shared/firm PACER account is signed in to CM/ECF
    When the user clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    Then CM/ECF shows the linking form greyed out
"""
SAID = (
    "features/99_old.feature:11: `Then CM/ECF shows the linking form greyed out` is no longer "
    "a step: write `Then CM/ECF does not offer the linking form` instead"
)


def test_a_withdrawn_phrase_fails_collection_and_says_what_to_write(tmp_path: Path) -> None:
    """The one child pytest: collection only (no browser), in a copy whose old_phrases.py
    withdraws the phrase."""
    project = make_project(tmp_path, ("08_contact_for_help.feature",))
    old_phrases = project / "steps" / "old_phrases.py"
    text = old_phrases.read_text().replace(
        "from suite.authoring.step_contract import deprecated",
        "from suite.authoring.step_contract import deprecated, withdrawn",
    )
    old_phrases.write_text(text + WITHDRAWN)
    (project / "features" / "99_old.feature").write_text(FEATURE)
    collected = run(
        project, "pytest", "tests/acceptance", "--collect-only", "-q", "-p", "no:cacheprovider"
    )
    out = collected.stdout + collected.stderr
    assert collected.returncode == 2, out[-3000:]  # interrupted: an error during collection
    assert SAID in out
    assert "StepDefinitionNotFoundError" not in out


@pytest.fixture
def withdrawn_phrase() -> Iterator[None]:
    """The same phrase withdrawn in this process, for as long as a test needs it."""
    before = list(OLD_PHRASES)
    withdrawn(then, "CM/ECF shows the linking form greyed out", write=NOT_OFFERED, goes_in="0.3.0")
    yield
    OLD_PHRASES[:] = before


def test_the_dry_run_and_the_lint_say_the_same_without_a_browser(
    tmp_path: Path, withdrawn_phrase: None
) -> None:
    features = tmp_path / "features"
    features.mkdir()
    (features / "99_old.feature").write_text(FEATURE)
    result = dry_run(features, root=REPO)
    assert not result.ok
    assert [f"features/99_old.feature:{s.line}: {notice}" for s, notice in result.withdrawn] == [
        SAID
    ]
    found = lint([features / "99_old.feature"], REPO)
    assert [(f.check, f.line) for f in found if f.check == "old-phrase"] == [("old-phrase", 11)]
