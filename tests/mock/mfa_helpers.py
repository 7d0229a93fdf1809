"""Helpers for the MFA tests: the forms of the requirement prompt, of enrolling, and of
Manage MFA Settings, and what the mock shows or emails along the way."""

from __future__ import annotations

import html
import re

import pyotp
from werkzeug.test import TestResponse

from mock_site.store import Store
from tests.mock.helpers import Browser, form_action, hidden, text

CSRF = {"pacer-login": "javax.faces.ViewState", "pacer": "csrf_token"}


def post_form(
    visitor: Browser, page: str, marker: str, fields: dict[str, str], site: str = "pacer-login"
) -> TestResponse:
    """Post the form named by its hidden `marker` field on `page`, with its token."""
    data = {
        marker: marker,
        f"{marker}:token": hidden(page, f"{marker}:token"),
        CSRF[site]: hidden(page, CSRF[site]),
        **fields,
    }
    return visitor.post(site, form_action(page, marker), data)


def on_prompt(visitor: Browser, page: str, button: str) -> TestResponse:
    """Press a button of PACER login's requirement prompt: skip, addApp, newCodes, continue."""
    return post_form(visitor, page, "mfaSetup", {f"mfaSetup:{button}": button})


def security_code(store: Store) -> str:
    """The security code of the last email the mock sent."""
    found = re.search(r"security code is (\d{8})", store.outbox[-1].body)
    assert found, store.outbox[-1].body
    return found.group(1)


def type_security_code(
    visitor: Browser, page: str, code: str, site: str = "pacer-login"
) -> TestResponse:
    return post_form(visitor, page, "mfaEnroll", {"mfaEnroll:securityCode": code}, site)


def shown_key(page: str) -> str:
    """The new app's key, read from the otpauth:// address on the pairing page."""
    found = re.search(r"otpauth://[^<\s\"]+", page)
    assert found, "no otpauth:// address on the page"
    uri = html.unescape(found.group(0))
    totp = pyotp.parse_uri(uri)
    assert isinstance(totp, pyotp.TOTP) and totp.interval == 30 and totp.digits == 6
    assert totp.secret in page  # also shown as text
    return str(totp.secret)


def confirm_app(visitor: Browser, page: str, code: str, site: str = "pacer-login") -> TestResponse:
    return post_form(visitor, page, "mfaEnroll", {"mfaEnroll:passcode": code}, site)


def add_app_at_prompt(visitor: Browser, store: Store, prompt: str) -> tuple[str, str]:
    """Add App from the requirement prompt, end to end: (the app's key, the last page)."""
    page = text(on_prompt(visitor, prompt, "addApp"))
    page = text(type_security_code(visitor, page, security_code(store)))
    key = shown_key(page)
    page = text(confirm_app(visitor, page, pyotp.TOTP(key).at(store.now())))
    return key, page


def settings_button(visitor: Browser, page: str, name: str, value: str) -> TestResponse:
    """Press a button of Manage MFA Settings: add_app, new_codes, remove_app=N."""
    data = {"csrf_token": hidden(page, "csrf_token"), name: value}
    return visitor.post("pacer", form_action(page, "mfaSettings"), data)
