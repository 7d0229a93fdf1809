"""Old phrases keep working for a while, or say what replaces them (suite.authoring.step_contract).

Browser-free: the old phrases declared in steps/old_phrases.py against today's steps, every
step line the catalogue ever led analysts to write, the warning's words and its once-per-run
rule, and the one-line declaration's checks. tests/analysts/ runs the old phrases in a browser;
tests/reports/test_old_phrases.py shows a withdrawn one failing a run at collection.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd import parsers, then

from suite.authoring import step_contract
from suite.authoring.phrase_snapshot import words_of
from suite.authoring.step_contract import (
    OLD_PHRASES,
    DeprecatedPhraseWarning,
    deprecated,
    project_version,
    version_tuple,
)
from suite.authoring.stepdefs import FeatureStep, load_step_definitions, registered_step_modules

PUBLISHED = Path(__file__).with_name("published_steps.txt")


def _definitions() -> list:  # type: ignore[type-arg]
    return load_step_definitions(registered_step_modules(), old_phrases=True)


def test_every_step_line_the_catalogue_ever_led_to_still_matches_exactly_one_phrase() -> None:
    definitions = _definitions()
    problems = []
    for line in PUBLISHED.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        keyword, text = line.split(" ", 1)
        step = FeatureStep("published_steps.txt", 0, keyword.lower(), keyword, text)
        matched = [d.location for d in definitions if d.matches(step)]
        if len(matched) != 1:
            problems.append(f"{line}: matched by {matched or 'nothing'}")
    assert not problems, "\n".join(problems)


def test_each_old_phrase_names_a_phrase_of_today_to_write_instead() -> None:
    today = {
        words_of(f"{d.keyword} {spelling}")
        for d in _definitions()
        if d.old is None
        for spelling in [d.phrase, *d.other_spellings]
    }
    assert OLD_PHRASES, "steps/old_phrases.py declares no old phrase"
    stale = [old.write for old in OLD_PHRASES if words_of(old.write) not in today]
    assert not stale, f"old phrases point to phrases that no step defines: {stale}"


def test_no_old_phrase_outlives_the_version_it_goes_in() -> None:
    version = project_version()
    due = [
        f"{old.keyword} {old.phrase} (goes in {old.goes_in})"
        for old in OLD_PHRASES
        if version_tuple(version) >= version_tuple(old.goes_in)
    ]
    assert not due, (
        f"pyproject.toml's version is {version}: delete these from steps/old_phrases.py, then "
        f"`make phrases`: {due}"
    )


def test_an_old_phrase_warns_once_per_run_at_the_feature_line_naming_its_replacement(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(step_contract, "_warned", set())
    old = next(o for o in OLD_PHRASES if o.phrase == '"Continue" is disabled')
    with pytest.warns(DeprecatedPhraseWarning) as caught:
        step_contract.warn_once(old, 'Then "Continue" is disabled', "mine.feature", 12)
        step_contract.warn_once(old, 'And "Continue" is disabled', "mine.feature", 30)
    assert len(caught) == 1
    assert (caught[0].filename, caught[0].lineno) == ("mine.feature", 12)
    assert str(caught[0].message) == (
        '`Then "Continue" is disabled` is deprecated and goes in 0.3.0: write '
        "`Then PACER does not let the filer continue` instead"
    )


def _runner(portal: object, colour: str) -> str:
    return f"ran with {colour}"


def test_the_one_line_declaration_runs_the_new_step_and_refuses_missing_blanks() -> None:
    then(parsers.parse("the new words are {colour}"))(_runner)
    before = list(OLD_PHRASES)
    try:
        deprecated(then, parsers.parse("the old words were {colour}"), goes_in="9.0.0")(_runner)
        added = OLD_PHRASES[-1]
        assert added.write == "Then the new words are <colour>"
        aliases = [
            c.step_func
            for c in step_contract.step_function_context_registry.values()
            if getattr(c.step_func, "__old_phrase__", None) is added
        ]
        assert len(aliases) == 1 and aliases[0](None, "red") == "ran with red"
        with pytest.raises(TypeError, match="gives _runner no colour"):
            deprecated(then, "the old words had no colour", goes_in="9.0.0")(_runner)
    finally:
        OLD_PHRASES[:] = before
