"""Calibrate's ledger (suite/retarget/ledger.py): precision before recall. Each rule that makes
it write nothing, and say why, where the evidence is ambiguous."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from suite.retarget.calibrate import learn, not_calibrated
from suite.retarget.draft import render
from suite.retarget.ledger import Ledger
from suite.retarget.rounds import Round, ScenarioResult
from suite.target.profiles import PROFILES_DIR, load_profile

CONTACT, FAQ = ("names", "court_contact_link"), ("names", "court_faq_link")


def observation(key: tuple[str, str], observed: str | None, how: str = "seen") -> dict[str, object]:
    where = {"event": "observation", "scenario": "s", "step": "t"}
    return where | {"group": key[0], "key": key[1], "observed": observed, "how": how}


def test_one_link_for_two_purposes_is_not_taken() -> None:
    ledger = Ledger(load_profile())
    assert ledger.take(CONTACT, "Contact Us", "the link to the contact page", certain=True) == ""
    why = ledger.take(FAQ, "Contact Us", "the only link not otherwise known", round_=1)
    assert "one link or button for two purposes" in why
    assert ledger.values[FAQ].value == "Linking CM/ECF and PACER accounts: FAQ"  # kept
    assert ledger.values[CONTACT].value == "Contact Us"  # the evidence by content stays
    assert FAQ in ledger.abstained and FAQ not in ledger.changes


def test_two_weak_sightings_of_one_link_are_both_taken_back() -> None:
    ledger = Ledger(load_profile())
    ledger.take(CONTACT, "Contact Us", "the only link not otherwise known", round_=1)
    ledger.take(FAQ, "Contact Us", "the closest link", round_=1)
    assert not ledger.changes and set(ledger.abstained) == {CONTACT, FAQ}
    assert "neither is taken" in ledger.abstained[CONTACT]


def test_one_page_for_two_purposes_is_not_taken() -> None:
    ledger = Ledger(load_profile())
    ledger.take(("paths", "court_contact"), "/about/contact-us", "the page listing 866-450-1859")
    why = ledger.take(("paths", "court_faq"), "/about/contact-us", "where a link led", round_=1)
    assert "one page for two purposes" in why


def test_two_values_the_profile_itself_made_equal_may_stay_equal() -> None:
    # The legacy login's field label and its button are both "Login" in the profile [seen].
    ledger = Ledger(load_profile())
    assert ledger.take(("names", "ecf_legacy_login_button"), "Sign in", "a") == ""
    assert ledger.take(("names", "ecf_legacy_login_label"), "Sign in", "b") == ""


def test_a_value_seen_two_ways_in_one_round_is_not_taken() -> None:
    ledger = Ledger(load_profile())
    key = ("messages", "linking cancelled")
    round_ = Round(
        1, observations=[observation(key, "Nothing was linked."), observation(key, "Cancelled.")]
    )
    assert learn(ledger, round_) == set()
    assert "seen differently in one round" in ledger.abstained[key]


def test_a_value_a_later_round_still_fails_on_is_taken_back_and_noted_once() -> None:
    ledger = Ledger(load_profile())
    key = ("headings", "link_verify")
    assert learn(ledger, Round(1, observations=[observation(key, "Check the accounts")])) == {key}
    assert learn(ledger, Round(2, observations=[observation(key, None, "no heading")])) == {key}
    assert key not in ledger.changes and ledger.values[key] == ledger.start.get(*key)
    assert "round 2 still failed on it (no heading): kept as it was" in ledger.abstained[key]
    failed = ScenarioResult("t::x", "failed", "Then …", used={key})
    reasons = not_calibrated(ledger, [], {"t::x": failed}, {}, set())
    # The note and the change never sit on one value (the draft refuses both at once).
    assert key in reasons and not set(reasons) & set(ledger.changes)
    with pytest.raises(ValueError, match="calibrated and not calibrated at once"):
        render(ledger.start, ledger.values, {key: object()}, {key: "x"})  # type: ignore[dict-item]


def test_a_value_a_person_checked_on_the_target_is_never_overwritten(tmp_path: Path) -> None:
    text = re.sub(
        r"^filing_menu = .*'Civil' is the likely label.*$",
        'filing_menu = { value = "Civil", source = "target", by = "R. Reviewer", on = 2026-12-04 }',
        (PROFILES_DIR / "mock.toml").read_text(encoding="utf-8"),
        flags=re.M,
    )
    checked = tmp_path / "checked.toml"
    checked.write_text(text, encoding="utf-8")
    ledger = Ledger(load_profile(str(checked)))
    why = ledger.take(("names", "filing_menu"), "File", "the menu bar", round_=1)
    assert "checked on the target by R. Reviewer on 2026-12-04 as 'Civil', and kept so" in why
    assert ledger.values["names", "filing_menu"].value == "Civil"
