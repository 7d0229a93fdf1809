"""Every MFA form against bad values, in both dialects: PACER login's passcode page, its
requirement prompt and the enrollment steps there, Manage MFA Settings and its enrollment
steps, and the code field against what people (and attackers) type.

Whatever comes in: a clear message or a 4xx, never a 500, never a reflected script, and
nothing stored changed: accounts, MFA methods, skips, used passcodes, lockouts. Each form
starts from a post that would succeed (and change something, where it can).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import pyotp
import pytest

from mock_site.dialects import get_dialect
from mock_site.store import Store
from suite.target.profiles import load_profile
from tests.mock.helpers import PERSONA, Browser, alerts, hidden, snapshot, text
from tests.mock.mfa_helpers import on_prompt, security_code, settings_button, shown_key
from tests.mock.test_bad_input import BAD_VALUES, MISSING, SCRIPT, Form

JANE, DANA = PERSONA["filer"], PERSONA["unenrolled"]
LOGIN = "/csologin/login.jsf?pscCourtId=CIT&appurl=http%3A%2F%2Fecf.test%2Fcgi-bin%2Flogin.pl"
VIEW_STATE = "javax.faces.ViewState"


@pytest.fixture(params=["default", "alt"])
def dialect(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def someone(request: pytest.FixtureRequest, dialect: str) -> Browser:
    """A visitor of the dialect's sites (default paths taken to the dialect's own)."""
    visitor: Browser = request.getfixturevalue("visitor" if dialect == "default" else "alt_visitor")
    return visitor


def state(store: Store) -> dict[str, Any]:
    """snapshot() and what MFA keeps beside the accounts: used passcodes, lockouts."""
    with store.lock:
        return {
            **snapshot(store),
            "used": {k: list(v) for k, v in store.mfa.used_steps.items()},
            "locks": {k: asdict(v) for k, v in store.mfa.locks.items()},
        }


# --- the forms, each prepared to a post that would succeed ----------------------------------
def passcode_form(visitor: Browser, store: Store) -> dict[str, str]:
    page = text(visitor.pacer_login(JANE.username, JANE.password, mfa=False))
    return {
        "mfaForm": "mfaForm",
        "mfaForm:token": hidden(page, "mfaForm:token"),
        "mfaForm:passcode": pyotp.TOTP(str(JANE.totp_secret)).at(store.now()),
        VIEW_STATE: hidden(page, VIEW_STATE),
    }


def prompt(visitor: Browser) -> str:
    return text(visitor.pacer_login(DANA.username, DANA.password, mfa=False))


def prompt_form(visitor: Browser, store: Store) -> dict[str, str]:
    page = prompt(visitor)
    return {
        "mfaSetup": "mfaSetup",
        "mfaSetup:token": hidden(page, "mfaSetup:token"),
        "mfaSetup:skip": "skip",
        VIEW_STATE: hidden(page, VIEW_STATE),
    }


def enroll_fields(page: str, csrf: str, **fields: str) -> dict[str, str]:
    return {"mfaEnroll": "mfaEnroll", "mfaEnroll:token": hidden(page, "mfaEnroll:token"),
            csrf: hidden(page, csrf), **fields}  # fmt: skip


def login_codes_form(visitor: Browser, store: Store) -> dict[str, str]:
    page = text(on_prompt(visitor, prompt(visitor), "newCodes"))
    return enroll_fields(page, VIEW_STATE, **{"mfaEnroll:securityCode": security_code(store)})


def login_pair_form(visitor: Browser, store: Store) -> dict[str, str]:
    page = text(on_prompt(visitor, prompt(visitor), "addApp"))
    data = enroll_fields(page, VIEW_STATE, **{"mfaEnroll:securityCode": security_code(store)})
    page = text(visitor.post("pacer-login", LOGIN, data))
    passcode = pyotp.TOTP(shown_key(page)).at(store.now())
    return enroll_fields(page, VIEW_STATE, **{"mfaEnroll:passcode": passcode})


def continue_form(visitor: Browser, store: Store) -> dict[str, str]:
    data = login_codes_form(visitor, store)
    page = text(visitor.post("pacer-login", LOGIN, data))
    return {
        "mfaSetup": "mfaSetup",
        "mfaSetup:token": hidden(page, "mfaSetup:token"),
        "mfaSetup:continue": "continue",
        VIEW_STATE: hidden(page, VIEW_STATE),
    }


def settings_page(visitor: Browser) -> str:
    visitor.quick_sign_in(JANE.username, "pacer")
    return text(visitor.get("pacer", "/manage-account/mfa"))


def settings_form(visitor: Browser, store: Store) -> dict[str, str]:
    page = settings_page(visitor)
    return {"csrf_token": hidden(page, "csrf_token"), "remove_app": "1"}


def settings_codes_form(visitor: Browser, store: Store) -> dict[str, str]:
    page = text(settings_button(visitor, settings_page(visitor), "new_codes", "new_codes"))
    return enroll_fields(page, "csrf_token", **{"mfaEnroll:securityCode": security_code(store)})


def settings_pair_form(visitor: Browser, store: Store) -> dict[str, str]:
    page = text(settings_button(visitor, settings_page(visitor), "add_app", "add_app"))
    data = enroll_fields(page, "csrf_token", **{"mfaEnroll:securityCode": security_code(store)})
    page = text(visitor.post("pacer", "/manage-account/mfa", data))
    passcode = pyotp.TOTP(shown_key(page)).at(store.now())
    return enroll_fields(page, "csrf_token", **{"mfaEnroll:passcode": passcode})


# (form, its site and path, how to prepare it, its fields, field -> its label's text name)
CODE_LABEL = {"mfaForm:passcode": "MFA_PASSCODE_LABEL"}
CODE_FIELDS = {"mfaForm:passcode", "mfaEnroll:securityCode", "mfaEnroll:passcode"}
FORMS: dict[str, Form] = {
    "passcode": Form("pacer-login", LOGIN, passcode_form,
                     ("mfaForm:token", "mfaForm:passcode", VIEW_STATE), CODE_LABEL),
    "prompt": Form("pacer-login", LOGIN, prompt_form, ("mfaSetup:token", VIEW_STATE)),
    "login-security-code": Form("pacer-login", LOGIN, login_codes_form,
                                ("mfaEnroll:token", "mfaEnroll:securityCode", VIEW_STATE),
                                {"mfaEnroll:securityCode": "MFA_SECURITY_CODE_LABEL"}),
    "login-pairing": Form("pacer-login", LOGIN, login_pair_form,
                          ("mfaEnroll:token", "mfaEnroll:passcode", VIEW_STATE),
                          {"mfaEnroll:passcode": "MFA_APP_PASSCODE_LABEL"}),
    "login-continue": Form("pacer-login", LOGIN, continue_form, ("mfaSetup:token", VIEW_STATE)),
    "settings": Form("pacer", "/manage-account/mfa", settings_form, ("remove_app", "csrf_token")),
    "settings-security-code": Form("pacer", "/manage-account/mfa", settings_codes_form,
                                   ("mfaEnroll:token", "mfaEnroll:securityCode", "csrf_token"),
                                   {"mfaEnroll:securityCode": "MFA_SECURITY_CODE_LABEL"}),
    "settings-pairing": Form("pacer", "/manage-account/mfa", settings_pair_form,
                             ("mfaEnroll:token", "mfaEnroll:passcode", "csrf_token"),
                             {"mfaEnroll:passcode": "MFA_APP_PASSCODE_LABEL"}),
}  # fmt: skip
# A valid post of these changes what state() sees, so "nothing changed" means refused.
CHANGING = {"passcode", "prompt", "login-security-code", "login-pairing", "settings",
            "settings-security-code", "settings-pairing"}  # fmt: skip


def post_with(
    visitor: Browser, store: Store, form: str, change: Callable[[dict[str, str]], None]
) -> tuple[str, int, dict[str, Any]]:
    spec = FORMS[form]
    data = spec.prepare(visitor, store)
    before = state(store)
    change(data)
    response = visitor.post(spec.site, spec.path, data)
    return text(response), response.status_code, before


FORM_CASES = [
    pytest.param(form, name, kind, id=f"{form}-{name}-{kind}")
    for form, spec in FORMS.items()
    for name in spec.fields
    for kind in BAD_VALUES
]


@pytest.mark.parametrize(("form", "name", "kind"), FORM_CASES)
def test_form_field(
    someone: Browser, store: Store, dialect: str, form: str, name: str, kind: str
) -> None:
    def bad(data: dict[str, str]) -> None:
        if BAD_VALUES[kind] == MISSING:
            del data[name]
        else:
            data[name] = BAD_VALUES[kind]

    body, status, before = post_with(someone, store, form, bad)
    assert status < 500, body[:300]
    assert SCRIPT not in body
    assert state(store) == before
    if name in CODE_FIELDS and len(BAD_VALUES[kind]) > 3:  # what was typed is never shown
        assert BAD_VALUES[kind] not in body and html.escape(BAD_VALUES[kind]) not in body
    label = FORMS[form].labels.get(name)
    if kind == "over-long" and label:
        words = get_dialect(dialect)
        assert words.text("too_long")(words.text(label)) in alerts(body)
    elif kind == "over-long":
        assert status >= 400 or alerts(body), "an over-long value went unremarked"


@pytest.mark.parametrize("form", sorted(CHANGING))
def test_the_valid_posts_do_change_state(someone: Browser, store: Store, form: str) -> None:
    """The control for the table above."""
    body, status, before = post_with(someone, store, form, lambda data: None)
    assert status == 200 and not alerts(body), alerts(body)
    assert state(store) != before


# --- the code field against what people type -----------------------------------------------
CODES = {
    "empty": ("", "passcode is required"),
    "blank": ("  ", "passcode is required"),
    "letters": ("abcdef", "passcode with letters"),
    "too many digits": ("1234567", "passcode has too many digits"),
    "too few digits": ("12345", "passcode has too many digits"),
    "fullwidth digits": ("\uff11\uff12\uff13\uff14\uff15\uff16", "passcode not in ASCII digits"),
    "arabic-indic digits": ("\u0661\u0662\u0663\u0664\u0665\u0666", "passcode not in ASCII digits"),
    "superscript digits": ("\u00b9\u00b2\u00b3\u2074\u2075\u2076", "passcode not in ASCII digits"),
    "a wrong code": ("000000", "wrong passcode"),
}


@pytest.mark.parametrize("kind", CODES)
def test_the_code_field_says_what_is_wrong_in_the_profiles_words(
    someone: Browser, store: Store, dialect: str, kind: str
) -> None:
    """Each message is the one the dialect's profile gives for that meaning, so the suite
    and the mock agree; none of them but a wrong code counts as a try."""
    typed, meaning = CODES[kind]
    body, status, before = post_with(
        someone, store, "passcode", lambda data: data.update({"mfaForm:passcode": typed})
    )
    profile = load_profile("mock" if dialect == "default" else "alt")
    assert status == 200 and alerts(body) == [profile.message(meaning)]
    after = state(store)
    if kind == "a wrong code":
        assert after["locks"][JANE.username]["wrong"] == 1
    else:
        assert after == before
    assert not typed.strip() or typed not in body.split('id="mfaForm:passcode"')[1]
