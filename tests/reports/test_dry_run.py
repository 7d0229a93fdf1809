"""The dry run finds undefined steps without a browser; the step catalogue lists every step."""

from __future__ import annotations

from pathlib import Path

import pytest

from suite.authoring import steps_catalogue
from suite.authoring.dry_run import dry_run, format_dry_run
from suite.authoring.phrases import named_parameters, regex_tokens, spellings
from suite.authoring.stepdefs import load_step_definitions, registered_step_modules
from tests.reports.project import make_project, run

UNDEFINED = """\
@contact
Feature: Who can I contact for help?

  The answer.

  Scenario: A step nobody wrote
    FAQ: Who can I contact for help?

    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer opens the contact pages
    Then the notice says "866-450-1859"
"""


def test_every_step_of_the_suite_is_defined() -> None:
    result = dry_run()
    assert result.ok, (result.undefined, result.errors)
    assert result.steps > 100 and result.definitions > 50


def test_an_undefined_step_fails_with_file_line_and_the_closest_phrase(tmp_path: Path) -> None:
    project = make_project(tmp_path, ("08_contact_for_help.feature",))
    (project / "features" / "99_undefined.feature").write_text(UNDEFINED)
    done = run(project, "suite.authoring.dry_run", timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert (
        "features/99_undefined.feature:10: undefined step: When the filer opens the contact pages"
    ) in done.stdout
    assert "closest known phrase: the filer opens the contact page" in done.stdout
    assert "FAILED: 1 undefined step(s)" in done.stdout
    assert "browser" not in done.stderr.lower()


def test_a_step_module_missing_from_pytest_plugins_is_an_error(tmp_path: Path) -> None:
    project = make_project(tmp_path, ("08_contact_for_help.feature",))
    (project / "steps" / "forgotten.py").write_text(
        'from pytest_bdd import then\n\n\n@then("nobody registers this step")\n'
        "def forgotten() -> None:\n    pass\n"
    )
    done = run(project, "suite.authoring.dry_run", timeout=120)
    assert done.returncode == 1
    assert (
        "ERROR steps/forgotten.py defines steps but is not in conftest.py's pytest_plugins"
        in done.stdout
    )


@pytest.mark.parametrize(
    ("pattern", "phrase"),
    [
        (r"the (?:filer|user|clerk) confirms", "the filer confirms"),
        (r"(?P<who>a filer|a clerk) is on the PACER website", "<who> is on the PACER website"),
        (r'CM/ECF asks the filer to "(?P<text>.+)"', 'CM/ECF asks the filer to "<quoted words>"'),
        (r"the filer goes to www\.pacer\.gov", "the filer goes to www.pacer.gov"),
        (r"the account(?:'s)? (?P<term>kind|status) shows", "the account <term> shows"),
        (r"tell the filer to (?:click on|select) it", "tell the filer to click on it"),
    ],
)
def test_regular_expressions_read_as_analysts_write_them(pattern: str, phrase: str) -> None:
    assert spellings(regex_tokens(pattern))[0] == phrase


def test_other_spellings_are_listed_and_a_closed_parameter_lists_its_values() -> None:
    tokens = regex_tokens(r"the account(?:'s)? (?P<who>a filer|a clerk\.) asks (?P<question>.+)")
    assert spellings(tokens) == [
        "the account <who> asks <FAQ question>",
        "the account's <who> asks <FAQ question>",
    ]
    who, question = named_parameters(r"(?P<who>a filer|a clerk\.) asks (?P<question>.+)")
    assert (who.name, who.choices, who.placeholder) == ("who", ("a filer", "a clerk."), "<who>")
    assert (question.choices, question.placeholder) == ((), "<FAQ question>")


def test_the_catalogue_is_written_for_analysts(tmp_path: Path) -> None:
    output = tmp_path / "steps.md"
    assert steps_catalogue.main(["--output", str(output)]) == 0
    text = output.read_text()
    analysts_part = text.split("## For developers")[0]
    definitions = [d for d in load_step_definitions(registered_step_modules()) if d.old is None]
    for definition in definitions:
        assert f"### {definition.keyword} {definition.phrase}\n" in text, definition.phrase
    assert text.count("\n### ") == len(definitions)
    # No regular expressions, module names or fixture talk where analysts read.
    for machinery in ("(?", "(filer|user|clerk)", "('s)?", "steps.", "Remembers", ".py"):
        assert machinery not in analysts_part, machinery
    assert "## Who the scenario is about, and getting to the court's CM/ECF" in text
    assert "### Given <who> is on the court's website" in text
    assert (
        '- **<who>**: one of "a filer with an upgraded individual PACER account", '
        '"a filer whose accounts are already linked"'
    ) in text
    assert "- Also written: `Then the account's <term> shows: <value meaning>`" in text
    # Values from the target's profile, named as keys of the profile.
    assert '- **<message meaning>**: one of "CM/ECF account already linked",' in text
    assert "(profile 'mock': mock.toml [messages]" in text
    # What depends on the persona or the target says so.
    assert "Persona: only accounts that can file see the redaction agreement" in text
    assert "Persona: an account that may not link (shared/firm, legacy, already linked) is " in text
    assert "Target: the message is the target profile's wording" in text
    assert "The mock only: it uses the mock's control API" in text
    # Old phrases apart, with what to write instead and when they go.
    assert (
        '| `Then "Continue" is disabled` | `Then PACER does not let the filer continue` '
        "| goes in 0.3.0 |"
    ) in text
    examples = text.count("- Example: `")
    unused = text.count("- Example: none yet")
    assert examples + unused == len(definitions)


REFUSAL_BY_ANOTHER_NAME = """\
@contact
Feature: Who can I contact for help?

  The answer.

  Scenario: A firm account, refused in other words
    FAQ: Who can I contact for help?

    Given the date is 16 March 2020
    And a user of a shared/firm PACER account is signed in to CM/ECF
    When the user clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    Then CM/ECF refuses to link: firm account
"""


def test_a_value_the_run_would_refuse_fails_the_dry_run_naming_the_valid_ones(
    tmp_path: Path,
) -> None:
    features = tmp_path / "features"
    features.mkdir()
    (features / "99.feature").write_text(REFUSAL_BY_ANOTHER_NAME)
    result = dry_run(features)
    assert not result.ok and result.profile == "mock"
    said = format_dry_run(result)
    assert (
        "99.feature:12: Then CM/ECF refuses to link: firm account: <message meaning> "
        "'firm account' is not in profile 'mock' (mock.toml [messages] (not the \"email: …\" "
        "ones)); valid: CM/ECF account already linked,"
    ) in said
    assert "shared/firm PACER account" in said
    assert "99.feature:9: Given the date is 16 March 2020: <date> '16 March 2020' is not " in said
    assert "FAILED: 0 undefined step(s), 0 withdrawn phrase(s), 2 value(s) the run" in said
