"""The dry run finds undefined steps without a browser; the step catalogue lists every step."""

from __future__ import annotations

from pathlib import Path

import pytest

from suite import steps_catalogue
from suite.dry_run import dry_run
from suite.reporting.stepdefs import (
    load_step_definitions,
    regex_parameters,
    registered_step_modules,
    render_regex,
)
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
    done = run(project, "suite.dry_run", timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert (
        "features/99_undefined.feature:10: undefined step: When the filer opens the contact pages"
    ) in done.stdout
    assert (
        "closest known phrase: the (filer|user|clerk|visitor) opens the contact page" in done.stdout
    )
    assert "FAILED: 1 undefined step(s)" in done.stdout
    assert "browser" not in done.stderr.lower()


def test_a_step_module_missing_from_pytest_plugins_is_an_error(tmp_path: Path) -> None:
    project = make_project(tmp_path, ("08_contact_for_help.feature",))
    (project / "steps" / "forgotten.py").write_text(
        'from pytest_bdd import then\n\n\n@then("nobody registers this step")\n'
        "def forgotten() -> None:\n    pass\n"
    )
    done = run(project, "suite.dry_run", timeout=120)
    assert done.returncode == 1
    assert (
        "ERROR steps/forgotten.py defines steps but is not in conftest.py's pytest_plugins"
        in done.stdout
    )


@pytest.mark.parametrize(
    ("pattern", "phrase"),
    [
        (r"the (?:filer|user|clerk) confirms", "the (filer|user|clerk) confirms"),
        (r"(?P<who>a filer|a clerk) is on the PACER website", "<who> is on the PACER website"),
        (r'CM/ECF asks the filer to "(?P<question>.+)"', 'CM/ECF asks the filer to "<question>"'),
        (r"the filer goes to www\.pacer\.gov", "the filer goes to www.pacer.gov"),
    ],
)
def test_regular_expressions_read_as_phrases(pattern: str, phrase: str) -> None:
    assert render_regex(pattern) == phrase


def test_a_parameter_lists_the_phrases_it_accepts() -> None:
    who, question = [*regex_parameters(r"(?P<who>a filer|a clerk\.) asks (?P<question>.+)")]
    assert (who.name, who.choices) == ("who", ("a filer", "a clerk."))
    assert (question.name, question.choices, question.pattern) == ("question", (), "any text")


def test_the_catalogue_lists_every_step_with_an_example(tmp_path: Path) -> None:
    output = tmp_path / "steps.md"
    assert steps_catalogue.main(["--output", str(output)]) == 0
    text = output.read_text()
    definitions = load_step_definitions(registered_step_modules())
    for definition in definitions:
        assert f"`{definition.phrase}`" in text, definition.phrase
    assert text.count("#### ") == len(definitions)
    assert "#### Given `<who> is on the court's website`" in text
    assert (
        '- **who**: one of "a filer with an upgraded individual PACER account", '
        '"a filer whose accounts are already linked"'
    ) in text
    assert (
        "- Example: `Given a filer with an upgraded individual PACER account is on the "
        "court's website` (features/"
    ) in text
    assert 'used in the features with "Invalid username or password"' in text
    examples = text.count("- Example: `")
    unused = text.count("- Example: none yet")
    assert examples + unused == len(definitions)
