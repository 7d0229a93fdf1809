"""Multifactor authentication in the alt dialect: its own wording, paths and markup for every
MFA page (the [seen] words kept), and the profiles' MFA values, each the wording its dialect
really shows."""

from __future__ import annotations

import re

import pyotp
import pytest

from mock_site import mfa
from mock_site import texts as default_texts
from mock_site.dialects import get_dialect
from mock_site.dialects.alt import TEXTS
from mock_site.store import Store
from suite.target.profiles import load_profile
from tests.mock.helpers import PERSONA, URLS, Browser, alerts, h1, main_text, messages, text
from tests.mock.mfa_helpers import add_app_at_prompt, on_prompt, post_form, settings_button

JANE, DANA = PERSONA["filer"], PERSONA["unenrolled"]


def field(page: str, name: str) -> str:
    found = re.search(rf'<input type="text" id="{re.escape(name)}"[^>]*>', page)
    assert found, f"no field {name}"
    return found.group(0)


def test_the_passcode_page_in_alt_words(alt_visitor: Browser) -> None:
    page = text(alt_visitor.pacer_login(JANE.username, JANE.password, mfa=False))
    assert h1(page) == "Verify it's you"
    assert '<label for="mfaForm:passcode">Authentication code</label>' in page
    assert 'inputmode="numeric"' in field(page, "mfaForm:passcode")
    assert "backupCode" not in page  # one field at a time in this dialect


def test_a_button_switches_to_a_backup_code_field_and_back(
    alt_visitor: Browser, store: Store
) -> None:
    page = text(alt_visitor.pacer_login(JANE.username, JANE.password, mfa=False))
    switch = re.search(r'<button type="submit" id="mfaForm:switch"[^>]*>(.*?)</button>', page)
    assert switch and switch.group(1) == "Use a backup code instead"
    page = text(
        post_form(
            alt_visitor, page, "mfaForm", {"mfaForm:switch": "switch", "mfaForm:mode": "passcode"}
        )
    )
    assert '<label for="mfaForm:backupCode">Backup code</label>' in page
    backup = field(page, "mfaForm:backupCode")
    assert 'inputmode="text"' in backup and 'autocomplete="one-time-code"' in backup
    # A passcode in the backup-code field is not a backup code.
    passcode = pyotp.TOTP(str(JANE.totp_secret)).at(store.now())
    answer = text(alt_visitor.submit_passcode(page, passcode, "mfaForm:backupCode"))
    assert alerts(answer) == [TEXTS["MFA_BACKUP_FORMAT"]]
    answer = text(alt_visitor.submit_passcode(page, JANE.backup_codes[0], "mfaForm:backupCode"))
    assert "Redaction Agreement" in answer
    assert JANE.backup_codes[0] not in store.mfa.state(JANE.username).backup_codes


def test_and_back_from_the_backup_code_field(alt_visitor: Browser) -> None:
    page = text(alt_visitor.pacer_login(JANE.username, JANE.password, mfa=False))
    page = text(
        post_form(alt_visitor, page, "mfaForm", {"mfaForm:switch": "s", "mfaForm:mode": "passcode"})
    )
    page = text(
        post_form(alt_visitor, page, "mfaForm", {"mfaForm:switch": "s", "mfaForm:mode": "backup"})
    )
    assert '<label for="mfaForm:passcode">Authentication code</label>' in page


def test_the_prompt_keeps_the_seen_words_in_its_own(alt_visitor: Browser, store: Store) -> None:
    page = text(alt_visitor.pacer_login(DANA.username, DANA.password, mfa=False))
    assert h1(page) == "Set up multifactor authentication"
    assert TEXTS["MFA_REQUIRED"].format(skips=3) in main_text(page)
    assert re.findall(r"<button [^>]*>(.*?)</button>", page) == ["Add App", "Get New Codes", "Skip"]
    store.mfa.state(DANA.username).skips_left = 0
    page = text(alt_visitor.pacer_login(DANA.username, DANA.password, mfa=False))
    assert h1(page) == "User Update Required"
    assert TEXTS["MFA_UPDATE_REQUIRED"] in main_text(page)


def test_enrolling_at_the_prompt_in_alt_words(alt_visitor: Browser, store: Store) -> None:
    page = text(alt_visitor.pacer_login(DANA.username, DANA.password, mfa=False))
    key, page = add_app_at_prompt(alt_visitor, store, page)
    assert h1(page) == "App paired" and store.mfa.state(DANA.username).apps == [key]
    assert messages(page) == ["App paired with your account."]  # PACER login keeps its region
    assert store.outbox[-1].subject == "Your PACER verification code"
    alt_visitor.acknowledge(text(on_prompt(alt_visitor, page, "continue")))
    assert alt_visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"


def test_manage_mfa_settings_at_its_alt_path(alt_raw_visitor: Browser, store: Store) -> None:
    page = text(alt_raw_visitor.quick_sign_in(DANA.username, "pacer"))
    rows = dict(re.findall(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td></tr>', page))
    assert rows["Multifactor Auth"] == 'Off <a href="/account/mfa-settings">Enroll</a>'
    assert '<a href="/account/mfa-settings">Manage MFA Settings</a>' in page
    assert alt_raw_visitor.get("pacer", "/manage-account/mfa").status_code == 404
    page = text(alt_raw_visitor.get("pacer", "/account/mfa-settings"))
    assert h1(page) == "Multifactor authentication settings"
    assert "No app is paired." in main_text(page) and "0 backup codes left." in main_text(page)


def test_new_codes_are_a_table_in_alt(alt_visitor: Browser, store: Store) -> None:
    alt_visitor.quick_sign_in(JANE.username, "pacer")
    page = text(alt_visitor.get("pacer", "/manage-account/mfa"))
    page = text(settings_button(alt_visitor, page, "new_codes", "1"))
    code = re.search(r"(\d{8})", store.outbox[-1].body)
    assert code
    page = text(
        post_form(
            alt_visitor, page, "mfaEnroll", {"mfaEnroll:securityCode": code.group(1)}, "pacer"
        )
    )
    assert "<caption>Your backup codes</caption>" in page and "<ol" not in page
    shown = re.findall(r"<td><code>([a-z0-9]{10})</code></td>", page)
    assert shown == store.mfa.state(JANE.username).backup_codes


# --- the profiles hold what each dialect shows ---------------------------------------------
# profile key -> the name of its text in mock_site/texts.py (and the alt dialect's TEXTS)
PROFILE_TEXTS = {
    ("headings", "mfa_passcode"): "MFA_PASSCODE_TITLE",
    ("headings", "mfa_required"): "MFA_REQUIRED_TITLE",
    ("headings", "mfa_update_required"): "MFA_UPDATE_REQUIRED_TITLE",
    ("headings", "mfa_settings"): "MFA_SETTINGS_TITLE",
    ("names", "mfa_passcode_label"): "MFA_PASSCODE_LABEL",
    ("names", "mfa_backup_code_label"): "MFA_BACKUP_CODE_LABEL",
    ("names", "mfa_backup_code_link"): "MFA_BACKUP_CODE_LINK",
    ("names", "mfa_verify_button"): "MFA_VERIFY_BUTTON",
    ("names", "mfa_continue_button"): "MFA_CONTINUE_BUTTON",
    ("names", "mfa_skip_button"): "MFA_SKIP_BUTTON",
    ("names", "mfa_enroll_link"): "MFA_ENROLL_LINK",
    ("names", "mfa_settings_link"): "MFA_SETTINGS_LINK",
    ("names", "mfa_add_app_button"): "MFA_ADD_APP_BUTTON",
    ("names", "mfa_new_codes_button"): "MFA_NEW_CODES_BUTTON",
    ("names", "mfa_security_code_label"): "MFA_SECURITY_CODE_LABEL",
    ("names", "mfa_app_passcode_label"): "MFA_APP_PASSCODE_LABEL",
    ("names", "mfa_key_label"): "MFA_KEY_LABEL",
    ("names", "mfa_remove_app_button"): "MFA_REMOVE_APP_BUTTON",
    ("messages", "wrong passcode"): "MFA_WRONG",
    ("messages", "passcode already used"): "MFA_REPLAYED",
    ("messages", "too many passcode attempts"): "MFA_LOCKED",
    ("messages", "MFA required"): "MFA_REQUIRED",
    ("messages", "MFA update required"): "MFA_UPDATE_REQUIRED",
    ("messages", "MFA app added"): "MFA_APP_ADDED",
    ("messages", "new backup codes issued"): "MFA_CODES_ISSUED",
    ("messages", "MFA app removed"): "MFA_APP_REMOVED",
    ("messages", "passcode is required"): "MFA_CODE_REQUIRED",
    ("messages", "passcode has too many digits"): "MFA_CODE_LENGTH",
    ("messages", "passcode not in ASCII digits"): "MFA_CODE_NOT_ASCII",
    ("messages", "email: MFA security code"): "EMAIL_MFA_SUBJECT",
}
SEEN_KEYS = {"mfa_update_required", "mfa_skip_button", "mfa_enroll_link", "mfa_settings_link",
             "mfa_add_app_button", "mfa_new_codes_button"}  # fmt: skip


@pytest.mark.parametrize(("profile", "dialect"), [("mock", "default"), ("alt", "alt")])
def test_each_profile_holds_its_dialects_mfa_wording(profile: str, dialect: str) -> None:
    values, words = load_profile(profile), get_dialect(dialect)
    for (group, key), name in PROFILE_TEXTS.items():
        value = values.get(group, key)
        assert value.value == words.text(name), (group, key)
        assert value.source == ("seen" if key in SEEN_KEYS else "guess"), (group, key)
    assert values.path_of("pacer_mfa_settings") == words.path("/manage-account/mfa")
    letters = "MFA_CODE_FORMAT" if words.markup.mfa_one_code_field else "MFA_CODE_LENGTH"
    assert values.message("passcode with letters") == words.text(letters)


def test_the_alt_profile_differs_wherever_no_source_fixes_the_value() -> None:
    mock, alt = load_profile("mock"), load_profile("alt")
    for group, key in PROFILE_TEXTS:
        if key not in SEEN_KEYS:
            assert mock.get(group, key).value != alt.get(group, key).value, (group, key)
    assert mock.path_of("pacer_mfa_settings") != alt.path_of("pacer_mfa_settings")


def test_the_lockout_message_of_each_dialect_names_the_mocks_numbers() -> None:
    for dialect in ("default", "alt"):
        message = get_dialect(dialect).text("MFA_LOCKED")
        assert f"{default_texts.MFA_LOCK_MINUTES} minutes" in message
    assert mfa.SKIPS == 3 and mfa.MAX_APPS == 5 and mfa.BACKUP_CODE_COUNT == 10
