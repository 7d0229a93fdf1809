"""Calibrate's pure parts: which value a failure names, which page text is taken for it, the
draft's file and diff, and that a draft is refused until a person renames it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import Error

from suite.calibrate import Change, readable_diff, render
from suite.calibration import Lookup, _closest, _template, attribute, observe
from suite.profiles import ProfileError, Value, load_profile


def _lookups(*values: tuple[str, str, str], step: str = "then") -> list[Lookup]:
    return [Lookup(group, key, text, {}, step) for group, key, text in values]


def test_the_value_a_failure_names_is_the_one_that_does_not_fit() -> None:
    lookups = _lookups(
        ("messages", "accounts linked", "Your accounts are linked."),
        ("headings", "link_done", "Accounts linked"),
    )
    failure = "Locator expected to contain text 'Your accounts are linked.'\nActual value: ..."
    assert [c.key for c in attribute(failure, lookups, "then")] == ["accounts linked"]
    # Playwright shows a locator's name, and a pattern's repr with its backslashes doubled.
    named = 'waiting for get_by_role("heading", name="Accounts linked", exact=True)'
    assert [c.key for c in attribute(named, lookups, "then")] == ["link_done"]
    # A failure may quote the page, and so a value checked before: the one asked for last
    # is the one that failed.
    query = _lookups(("headings", "query", "Search for a case"), ("names", "run", "Run Query"))
    quoting = 'waiting for get_by_role("button", name="Run Query")\n  - heading "Search for a case"'
    assert [c.key for c in attribute(quoting, query, "then")] == ["run"]
    pattern = repr(re.compile(re.escape("Account kind") + r"\s*" + re.escape("Shared (firm)")))
    terms = _lookups(
        ("account", "kind", "Account kind"), ("account", "shared/firm", "Shared (firm)")
    )
    assert {c.key for c in attribute(pattern, terms, "then")} == {"kind", "shared/firm"}


def test_a_failure_naming_no_value_is_not_pinned_on_any() -> None:
    lookups = _lookups(("headings", "query", "Query"))
    assert attribute(str(Error("Timeout 5000ms exceeded")), lookups, "then") == []
    # A value looked up by another step is not this failure's, unless it is the page's path.
    assert attribute("expected 'Query'", lookups, "when") == []


def test_a_page_text_is_taken_only_when_it_is_clearly_the_one() -> None:
    assert _closest("Cancel", ["Do not link"]) == ("Do not link", "the only one on the page")
    assert _closest("Contact", ["Home", "Contact Us", "Opinions"])[0] == "Contact Us"
    observed, how = _closest("Cancel", ["Home", "Opinions", "Rules"])
    assert observed is None and "none clearly it" in how


def test_an_email_subject_is_never_taken_from_the_page() -> None:
    class ShowsAnAlert:  # whatever the page shows, it is not the mailbox
        def get_by_role(self, role: str) -> object:
            raise AssertionError("calibrate looked at the page for an email's subject")

    email = _lookups(("messages", "email: accounts linked", "Your accounts are linked"))
    [(_lookup, observed, how)] = observe(ShowsAnAlert(), email, config=None)  # type: ignore[arg-type]
    assert observed is None and "not mailboxes" in how


def test_a_persona_value_in_a_message_becomes_its_field() -> None:
    text = "CM/ECF login jdoe-ecf and PACER account jdoe2020 are now linked."
    fields = {"ecf_login": "jdoe-ecf", "username": "jdoe2020"}
    assert (
        _template(text, fields)
        == "CM/ECF login {ecf_login} and PACER account {username} are now linked."
    )


def test_the_draft_is_a_profile_with_its_review_notes_and_a_readable_diff(tmp_path: Path) -> None:
    start = load_profile("mock")
    values = dict(start.values)
    key = ("names", "filing_menu")
    values[key] = Value("File", "guess", "observed by calibrate: the menu bar")
    changes = {key: Change("Civil", "File", "the menu bar")}
    uncalibrated = {("paths", "ecf_clerk_unlink"): "answered 404"}
    text = render(start, values, changes, uncalibrated, "alt")
    assert '# CALIBRATED, was "Civil"' in text and "# NOT CALIBRATED: answered 404" in text
    data = tomllib.loads(text)
    assert data["names"]["filing_menu"]["value"] == "File"
    draft = tmp_path / "alt.draft.toml"
    draft.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=r"draft written by calibrate.*rename it to alt\.toml"):
        load_profile(str(draft))
    accepted = tmp_path / "alt.toml"
    draft.rename(accepted)
    assert load_profile(str(accepted)).name_of("filing_menu") == "File"
    diff = readable_diff(start, values, changes, uncalibrated)
    assert '[names] filing_menu\n  - "Civil"\n  + "File"' in diff
    assert "[paths] ecf_clerk_unlink: answered 404" in diff


class FormPage:
    """Just enough of a page for the form observers: its address and its scripts' answers."""

    url = "http://127.0.0.1:5003/csologin/login.jsf"

    def __init__(self, labels: list[str], default_button: str | None) -> None:
        self.labels, self.default_button = labels, default_button

    def evaluate(self, script: str) -> object:
        return self.labels if "labels" in script else self.default_button

    def get_by_role(self, *args: object, **kwargs: object) -> object:
        raise AssertionError("the form observers read fields, not links and buttons")


def test_a_form_fields_label_is_the_one_no_other_value_names() -> None:
    profile = load_profile("mock")
    label = Lookup("names", "mfa_passcode_label", "One-time passcode", {}, "when")
    # "Username" is the profile's own label of another field: never taken for this one.
    page = FormPage(["Username", "Authentication code"], None)
    assert observe(page, [label], _config(profile))[0][1] == "Authentication code"
    two = FormPage(["Authentication code", "Backup code"], None)
    assert observe(two, [label], _config(profile))[0][1] is None


def test_the_passcode_pages_button_is_the_one_enter_presses() -> None:
    profile = load_profile("mock")
    verify = Lookup("names", "mfa_verify_button", "Verify", {}, "when")
    [(_, observed, how)] = observe(FormPage([], "Submit code"), [verify], _config(profile))
    assert observed == "Submit code" and "Enter presses" in how


def _config(profile: object) -> object:
    from suite.plugin import PROFILE

    return SimpleNamespace(stash={PROFILE: profile})
