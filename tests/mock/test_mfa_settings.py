"""Enrolling from the PACER website: Manage My Account's "Enroll" link in its "Multifactor
Auth" field and Settings' "Manage MFA Settings"; "Add App" (emailed security code, key as text
and otpauth:// address, confirmation), "Get New Codes" (emailed security code, 10 new codes,
the old ones dead), and "Remove app" to put an account back as it was."""

from __future__ import annotations

import re

import pyotp
import pytest

from mock_site import mfa, texts
from mock_site.store import Store
from tests.mock.helpers import PERSONA, URLS, Browser, alerts, h1, main_text, messages, text
from tests.mock.mfa_helpers import (
    confirm_app,
    security_code,
    settings_button,
    shown_key,
    type_security_code,
)

DANA, JANE = PERSONA["unenrolled"], PERSONA["filer"]


def link_href(page: str, name: str) -> str:
    found = re.search(rf'<a href="([^"]+)">{re.escape(name)}</a>', page)
    assert found, f"no link {name!r}"
    return found.group(1)


def settings(visitor: Browser, username: str) -> str:
    visitor.quick_sign_in(username, "pacer")
    page = text(visitor.get("pacer", "/manage-account/mfa"))
    assert h1(page) == "Manage MFA Settings"
    return page


def add_app(visitor: Browser, store: Store, page: str) -> tuple[str, str]:
    """Add App from the settings page: (the new key, the settings page after it)."""
    page = text(settings_button(visitor, page, "add_app", "add_app"))
    assert h1(page) == "Enter Security Code"
    assert f"We emailed a security code to {store.outbox[-1].to}." in main_text(page)
    page = text(type_security_code(visitor, page, security_code(store), "pacer"))
    assert h1(page) == "Add an Authentication App"
    key = shown_key(page)
    page = text(confirm_app(visitor, page, pyotp.TOTP(key).at(store.now()), "pacer"))
    return key, page


def test_the_enroll_link_of_the_multifactor_auth_field_opens_the_settings(
    visitor: Browser,
) -> None:
    page = text(visitor.quick_sign_in(DANA.username, "pacer"))
    visitor.get("pacer", link_href(page, "Enroll"))
    assert h1(text(visitor.last)) == "Manage MFA Settings"  # type: ignore[arg-type]


def test_settings_has_manage_mfa_settings(visitor: Browser) -> None:
    page = text(visitor.quick_sign_in(JANE.username, "pacer"))
    assert "Enroll</a>" not in page  # enrolled: no Enroll link
    assert re.search(r'<h2 id="settings-heading">Settings</h2>', page)
    visitor.get("pacer", link_href(page, "Manage MFA Settings"))
    page = text(visitor.last)  # type: ignore[arg-type]
    assert h1(page) == "Manage MFA Settings"
    assert "Authentication app 1, added 2025-05-11" in main_text(page)
    assert "Unused backup codes: 10 of 10." in main_text(page)


def test_settings_need_a_pacer_sign_in(visitor: Browser) -> None:
    visitor.get("pacer", "/manage-account/mfa")
    assert visitor.site == "pacer-login"
    assert "appurl=http%3A%2F%2Fpacer.test%2Fmanage-account%2Fmfa" in visitor.url


def test_add_app_end_to_end_then_remove_it_puts_the_account_back(
    visitor: Browser, store: Store
) -> None:
    before = store.mfa.state(DANA.username).__dict__.copy()
    key, page = add_app(visitor, store, settings(visitor, DANA.username))
    assert h1(page) == "Manage MFA Settings"
    assert messages(page) == ["Your authentication app has been added."]
    assert store.mfa.state(DANA.username).apps == [key]
    assert "Enrolled" in text(visitor.get("pacer", "/manage-account"))
    page = text(visitor.get("pacer", "/manage-account/mfa"))
    page = text(settings_button(visitor, page, "remove_app", "1"))
    assert messages(page) == ["The authentication app has been removed."]
    assert store.mfa.state(DANA.username).__dict__ == before


def test_the_new_app_signs_in_from_its_next_passcode(visitor: Browser, store: Store) -> None:
    key, _ = add_app(visitor, store, settings(visitor, JANE.username))
    visitor.get("pacer", "/logout")
    page = text(visitor.pacer_login(JANE.username, JANE.password, mfa=False))
    store.advance(mfa.STEP_SECONDS)  # the pairing code is used: the next one
    answer = text(visitor.submit_passcode(page, pyotp.TOTP(key).at(store.now())))
    assert "Redaction Agreement" in answer


def test_a_wrong_security_code_is_refused_and_five_end_the_enrollment(
    visitor: Browser, store: Store
) -> None:
    page = text(settings_button(visitor, settings(visitor, DANA.username), "add_app", "add_app"))
    right = security_code(store)
    wrong = f"{(int(right) + 1) % 10**8:08d}"
    for _ in range(4):
        page = text(type_security_code(visitor, page, wrong, "pacer"))
        assert alerts(page) == [texts.MFA_SECURITY_CODE_WRONG]
    page = text(type_security_code(visitor, page, wrong, "pacer"))
    assert h1(page) == "Manage MFA Settings" and alerts(page) == [texts.MFA_TRIES_USED]
    assert store.mfa.state(DANA.username).apps == []


def test_a_wrong_pairing_passcode_is_refused_without_echoing_it(
    visitor: Browser, store: Store
) -> None:
    page = text(settings_button(visitor, settings(visitor, DANA.username), "add_app", "add_app"))
    page = text(type_security_code(visitor, page, security_code(store), "pacer"))
    key = shown_key(page)
    wrong = pyotp.TOTP(key).at(store.now() + 5 * mfa.STEP_SECONDS)
    page = text(confirm_app(visitor, page, wrong, "pacer"))
    assert alerts(page) == [texts.MFA_WRONG]
    assert wrong not in page and shown_key(page) == key  # the same key, still to pair
    assert store.mfa.state(DANA.username).apps == []


def test_get_new_codes_kills_the_old_ones(visitor: Browser, store: Store) -> None:
    page = text(settings_button(visitor, settings(visitor, JANE.username), "new_codes", "1"))
    page = text(type_security_code(visitor, page, security_code(store), "pacer"))
    assert h1(page) == "Your Backup Codes"
    assert messages(page) == [texts.MFA_CODES_ISSUED]
    new = re.findall(r"<li><code>([a-z0-9]{10})</code></li>", page)
    assert len(new) == 10 and set(new).isdisjoint(JANE.backup_codes)
    assert link_href(page, "Back to Manage MFA Settings") == "/manage-account/mfa"
    visitor.get("pacer", "/logout")
    login = text(visitor.pacer_login(JANE.username, JANE.password, mfa=False))
    assert alerts(text(visitor.submit_passcode(login, JANE.backup_codes[0]))) == [texts.MFA_WRONG]
    assert "Redaction Agreement" in text(visitor.submit_passcode(login, new[0]))


def test_no_more_than_five_apps(visitor: Browser, store: Store) -> None:
    page = settings(visitor, JANE.username)
    for _ in range(4):
        store.advance(mfa.STEP_SECONDS)
        _, page = add_app(visitor, store, page)
    assert len(store.mfa.state(JANE.username).apps) == mfa.MAX_APPS
    assert ">Add App</button>" not in page
    answer = text(settings_button(visitor, page, "add_app", "add_app"))
    assert alerts(answer) == [texts.MFA_TOO_MANY_APPS]


@pytest.mark.parametrize("number", ["0", "2", "-1", "x", "1" * 50, ""])
def test_removing_an_app_that_is_not_there_changes_nothing(
    visitor: Browser, store: Store, number: str
) -> None:
    page = settings(visitor, JANE.username)
    assert settings_button(visitor, page, "remove_app", number).status_code == 400
    assert store.mfa.state(JANE.username).apps == [JANE.totp_secret]


def test_removing_every_method_of_a_required_account_brings_the_prompt_back(
    visitor: Browser, store: Store
) -> None:
    page = settings(visitor, PERSONA["clerk"].username)
    settings_button(visitor, page, "remove_app", "1")
    assert store.mfa.demand(PERSONA["clerk"].username, store.today()) == mfa.PROMPT


def test_the_email_holds_the_code_and_the_page_does_not(visitor: Browser, store: Store) -> None:
    page = text(settings_button(visitor, settings(visitor, DANA.username), "add_app", "add_app"))
    assert security_code(store) not in page
    assert store.outbox[-1].subject == "PACER security code"
    assert store.outbox[-1].sender == "pacer@psc.uscourts.gov"
    assert URLS["pacer"] not in store.outbox[-1].body  # a code to type, not a link to click
