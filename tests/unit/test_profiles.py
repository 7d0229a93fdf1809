"""Target profiles (suite/target/profiles.py): what they hold, how they are checked and chosen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from suite.target.profiles import (
    DEFAULT_PROFILE,
    PROFILES_DIR,
    ProfileError,
    Wording,
    known_profiles,
    load_profile,
)
from suite.target.sites import plan_target

REPO = Path(__file__).resolve().parents[2]
ENVIRONMENTS = {"local": {}, "alt": {"dialect": "alt", "profile": "alt"}}


@pytest.mark.parametrize("name", known_profiles())
def test_every_checked_in_profile_loads_with_the_default_profiles_keys(name: str) -> None:
    profile = load_profile(name)
    assert profile.keys() == load_profile(DEFAULT_PROFILE).keys()
    for value in profile.values.values():
        assert value.source in ("faq", "seen", "target", "guess")
        assert value.ref, "every value says where it comes from"


def test_a_profile_lacking_a_value_is_refused_naming_it(tmp_path: Path) -> None:
    text = (PROFILES_DIR / "mock.toml").read_text(encoding="utf-8")
    broken = tmp_path / "staging.toml"
    broken.write_text(re.sub(r'\n"linking cancelled" = [^\n]*', "", text), encoding="utf-8")
    with pytest.raises(ProfileError, match="lacks what the suite needs: \\[messages\\] 'linking"):
        load_profile(str(broken))


def test_a_value_without_a_known_source_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "x.toml"
    broken.write_text('[names]\nfiling_menu = { value = "Civil", source = "hunch" }\n')
    with pytest.raises(
        ProfileError, match=r"source .hunch. is not one of faq, seen, target, guess"
    ):
        load_profile(str(broken))
    broken.write_text('[names]\nfiling_menu = { value = "Civil", source = "seen" }\n')
    with pytest.raises(ProfileError, match="needs its ref"):
        load_profile(str(broken))


def test_an_unknown_profile_names_the_known_ones() -> None:
    with pytest.raises(ProfileError, match="known: alt, mock"):
        load_profile("nope")


def test_the_profile_is_chosen_by_option_then_variable_then_environment() -> None:
    assert plan_target({}, {}, None, ENVIRONMENTS).profile == "mock"
    assert plan_target({}, {}, "alt", ENVIRONMENTS).profile == "alt"
    assert plan_target({}, {}, "alt", ENVIRONMENTS).dialect == "alt"
    variable = {"CIT_FAQ_PROFILE": "mock"}
    assert plan_target({}, variable, "alt", ENVIRONMENTS).profile == "mock"
    assert plan_target({}, variable, "alt", ENVIRONMENTS, profile="x").profile == "x"


def test_wording_notes_each_text_a_step_checks() -> None:
    noted: list[str] = []
    wording = Wording(load_profile(), noted.append)
    text = wording.message("accounts linked", ecf_login="e1", username="u1")
    assert text.startswith("Your CM/ECF account e1 is now linked to your PACER account u1")
    assert noted == [text]


# Old phrases of the catalogue, kept verbatim for analysts' feature files (`clicks on "Forgot
# password?"`): words a step accepts, never words it looks for on a page (each runs today's
# step, which takes them from the profile).
OLD_WORDS = REPO / "steps" / "old_phrases.py"


def _source_text(*folders: str, suffix: str) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8")
        for folder in folders
        for path in sorted((REPO / folder).glob(f"*{suffix}"))
        if path != OLD_WORDS
    )


@pytest.mark.parametrize("name", known_profiles())
def test_no_profile_wording_hides_in_features_steps_or_pages(name: str) -> None:
    """A guessed message, heading or path written into a feature, step or page object would
    hold on one target only: retargeting must need no edit there."""
    features = _source_text("features", suffix=".feature")
    code = _source_text("steps", "pages", suffix=".py")
    profile = load_profile(name)
    for (group, key), value in profile.values.items():
        if value.source != "guess" or not isinstance(value.value, str):
            continue
        if group in ("messages", "paths") or len(value.value) > 12:
            # The longest stretch between placeholders, as a quoted string starts it.
            literal = max(re.split(r"\{\w+\}", value.value), key=len).strip()
            quoted = f'"{literal}'
            assert quoted not in features, f"features quote [{group}] {key!r}: {literal!r}"
            assert quoted not in code, f"steps or pages hold [{group}] {key!r}: {literal!r}"


def _one_value(tmp_path: Path, entry: str) -> Path:
    path = tmp_path / "hand.toml"
    path.write_text(f'[names]\nfiling_menu = {{ value = "File", {entry} }}\n', encoding="utf-8")
    return path


def test_a_value_a_person_checked_on_the_target_says_who_and_when(tmp_path: Path) -> None:
    """Source "target": seen on this target by a person (not a public source: "seen"), so
    a hand-checked value need not be marked a guess; who checked it and when travel with it."""
    checked = _one_value(tmp_path, 'source = "target", by = "R. Reviewer", on = 2026-12-04')
    value = load_profile(str(checked), check_against_default=False).get("names", "filing_menu")
    assert (value.source, value.by, value.on, value.ref) == (
        "target",
        "R. Reviewer",
        "2026-12-04",
        "",
    )
    assert value.checked() == "checked on the target by R. Reviewer on 2026-12-04"
    quoted = _one_value(
        tmp_path, 'source = "target", by = "rr", on = "2026-12-04", ref = "/e-filing"'
    )
    assert load_profile(str(quoted), check_against_default=False).get(
        "names", "filing_menu"
    ).on == ("2026-12-04")


@pytest.mark.parametrize(
    ("entry", "refused"),
    [
        ('source = "target", on = 2026-12-04', "says who checked it: by"),
        ('source = "target", by = "", on = 2026-12-04', "says who checked it: by"),
        ('source = "target", by = "rr"', "says when it was checked: on = YYYY-MM-DD"),
        ('source = "target", by = "rr", on = "last week"', "on = YYYY-MM-DD \\(got 'last week'\\)"),
        ('source = "guess", ref = "x", by = "rr", on = 2026-12-04', "by and on are for source"),
    ],
)
def test_a_target_value_without_who_or_when_is_refused(
    tmp_path: Path, entry: str, refused: str
) -> None:
    with pytest.raises(ProfileError, match=refused):
        load_profile(str(_one_value(tmp_path, entry)), check_against_default=False)
