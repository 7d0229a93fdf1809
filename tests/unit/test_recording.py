"""Calibrate's pure parts: which value a failure names, which page text is taken for it, the
draft's file and diff, and that a draft is refused until a person renames it."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import Error

from suite.retarget.draft import Change, readable_diff, render
from suite.retarget.observers import _closest, _template, observe
from suite.retarget.recording import Lookup, attribute
from suite.target.profiles import ProfileError, Value, load_profile


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
    [(_lookup, observed, how)] = observe(ShowsAnAlert(), email, load_profile(), {})
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


class FakePage:
    """What the observers ask of a Playwright page: its address, status, roles and texts."""

    def __init__(
        self,
        url: str,
        main: str = "",
        alerts: tuple[str, ...] = (),
        labels: tuple[str, ...] = (),
        default_button: str | None = None,
    ) -> None:
        self.url, self.main, self.alerts, self.labels = url, main, alerts, labels
        self.default_button = default_button

    def evaluate(self, script: str, *args: object) -> int | str | None:
        # The observers' scripts: the navigation's status, or the form's default button.
        return self.default_button if "submit" in script else 200

    def get_by_role(self, role: str, **options: object) -> FakeLocator:
        texts = {"alert": list(self.alerts), "main": [self.main]}.get(role, [])
        return FakeLocator(texts)

    def locator(self, selector: str) -> FakeLocator:
        return FakeLocator({"body": [self.main], "label": list(self.labels)}.get(selector, []))


class FakeLocator:
    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def count(self) -> int:
        return len(self.texts)

    def inner_text(self) -> str:
        return "\n".join(self.texts)

    def all_inner_texts(self) -> list[str]:
        return self.texts

    def get_by_role(self, role: str, **options: object) -> FakeLocator:
        return FakeLocator([])


PERSONA_DATA = {"persona 'filer''s ecf_login": "jdoe-ecf", "persona 'filer''s username": "jdoe2020"}


def test_a_message_naming_a_persona_s_own_data_is_not_written_as_fixed_text() -> None:
    said = "Linking failed: jdoe-ecf is linked to your PACER account already."
    page = FakePage("http://ecf.test/cgi-bin/PacerLink.pl", alerts=(said,))
    already = _lookups(("messages", "PACER account already linked", "Your PACER account is …"))
    [(_, observed, how)] = observe(page, already, load_profile(), PERSONA_DATA)
    assert observed is None
    assert "it names persona 'filer''s ecf_login, which the step does not pass" in how
    # The same words, where the step passes the login as a field: a template, written.
    linked = [Lookup("messages", "accounts linked", "…", {"ecf_login": "jdoe-ecf"}, "then")]
    [(_, observed, _)] = observe(page, linked, load_profile(), PERSONA_DATA)
    assert observed == "Linking failed: {ecf_login} is linked to your PACER account already."


def test_a_page_that_answers_but_is_not_the_one_named_is_not_taken_for_its_path() -> None:
    contact = FakePage(
        "http://court.test/about/contact-us",
        main="Contact Us\nWho can I contact for help?\nThe Help Desk: 866-450-1859",
    )
    faq = _lookups(("paths", "court_faq", "/cmecf/faq"))
    [(_, observed, how)] = observe(contact, faq, load_profile(), {})
    assert observed is None
    assert "/about/contact-us answers, but it is not the court's FAQ page" in how
    contact_path = _lookups(("paths", "court_contact", "/contact"))
    [(_, observed, _)] = observe(contact, contact_path, load_profile(), {})
    assert observed == "/about/contact-us"


def test_a_field_s_label_is_read_from_the_form_s_labels_not_from_its_links() -> None:
    page = FakePage(
        "http://pacer.test/account/password",
        labels=("Current PACER password", "New PACER password", "Repeat the new password"),
    )
    current = _lookups(("names", "pacer_current_password_label", "Current password"))
    [(_, observed, how)] = observe(page, current, load_profile(), {})
    assert observed == "Current PACER password" and "labels of the form fields" in how
    # Two labels as close as each other to "New password": not one thing to take.
    new = _lookups(("names", "pacer_new_password_label", "New password"))
    [(_, observed, how)] = observe(page, new, load_profile(), {})
    assert observed is None and "none clearly it" in how


def test_the_passcode_pages_button_is_the_one_enter_presses() -> None:
    page = FakePage("http://pacer.test/csologin/login.jsf", default_button="Submit code")
    verify = _lookups(("names", "mfa_verify_button", "Verify"))
    [(_, observed, how)] = observe(page, verify, load_profile(), {})
    assert observed == "Submit code" and "Enter presses" in how
