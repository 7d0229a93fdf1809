"""A withdrawn phrase (no behaviour fits its words) fails the run at collection, one line per
use naming what to write instead, never a bare StepDefinitionNotFoundError; the dry run and the
Gherkin lint say the same without a browser. In a throw-away copy of the suite (make_project)
whose steps/old_phrases.py withdraws one phrase."""

from __future__ import annotations

from pathlib import Path

from tests.reports.project import make_project, run

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


def _project(tmp_path: Path) -> Path:
    project = make_project(tmp_path, ("08_contact_for_help.feature",))
    old_phrases = project / "steps" / "old_phrases.py"
    text = old_phrases.read_text().replace(
        "from suite.step_contract import deprecated",
        "from suite.step_contract import deprecated, withdrawn",
    )
    old_phrases.write_text(text + WITHDRAWN)
    (project / "features" / "99_old.feature").write_text(FEATURE)
    return project


def test_a_withdrawn_phrase_fails_collection_and_says_what_to_write(tmp_path: Path) -> None:
    project = _project(tmp_path)
    collected = run(
        project, "pytest", "tests/acceptance", "--collect-only", "-q", "-p", "no:cacheprovider"
    )
    out = collected.stdout + collected.stderr
    assert collected.returncode == 2, out[-3000:]  # interrupted: an error during collection
    assert SAID in out
    assert "StepDefinitionNotFoundError" not in out
    dry = run(project, "suite.dry_run")
    assert dry.returncode == 1 and SAID in dry.stdout, dry.stdout
    lint = run(project, "suite.gherkin_lint", "features/99_old.feature")
    assert lint.returncode == 1 and "[old-phrase]" in lint.stdout, lint.stdout
