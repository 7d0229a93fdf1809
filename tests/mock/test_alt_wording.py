"""The alt dialect's wording (mock_site/dialects/alt.py, TEXTS): every [guess] text is its
own and differs from the default, while the FAQ's words and the [seen] facts of
portal-reference.md stay word for word; a misspelt text name is refused; and the suite's
profiles/alt.toml holds the same values as the dialect (docs/alt-dialect.md, "wording").
"""

from __future__ import annotations

import pytest

from mock_site import texts as default_texts
from mock_site.dialects import Dialect, get_dialect
from mock_site.dialects.alt import DIALECT, GUESSES, PATHS, PROFILE_VALUES, TEXTS

# [seen] in portal-reference.md, or the FAQ's words: the same in every dialect.
SEEN = [
    "COURT_NAME",
    "CUTOVER_DATE",
    "LOGIN_TITLE",
    "LOGIN_INVALID",
    "PASSWORD_TOO_SHORT",
    "USERNAME_TOO_SHORT",
    "REDACTION_TITLE",
    "REDACTION_NOTICE",
    "REDACTION_CHECKBOX",
    "PACER_TITLE",
    "ACCOUNT_TYPE",
    "ECF_WELCOME",
    "ECF_TAGLINE",
    "LEGACY_LOGIN_INVALID",
    "INACTIVE_NOTICE",
    "LINK_TITLE",
    "LINK_VERIFY_TEXT",
    "RUN_QUERY_BUTTON",
    "LEGACY_LOGIN_LABEL",
    "LEGACY_PASSWORD_LABEL",
    "LEGACY_LOGIN_BUTTON",
    "MFA_VOLUNTARY_FROM",
    "MFA_DEADLINE",
    "MFA_UPDATE_REQUIRED_TITLE",
    "MFA_SKIP_BUTTON",
    "MFA_FIELD",
    "MFA_ENROLL_LINK",
    "MFA_SETTINGS_TAB",
    "MFA_SETTINGS_LINK",
    "MFA_ADD_APP_BUTTON",
    "MFA_NEW_CODES_BUTTON",
    "PSC_PHONE",
    "PSC_EMAIL",
    "HELPDESK_PHONE",
    "HELPDESK_EMAIL",
]


def test_the_seen_values_and_the_faq_words_are_not_reworded() -> None:
    assert not set(SEEN) & set(TEXTS)
    for name in SEEN:
        assert DIALECT.text(name) == getattr(default_texts, name)


def test_every_reworded_value_differs_from_the_default() -> None:
    for name, value in TEXTS.items():
        default = getattr(default_texts, name)
        if callable(value):
            args = ("a-login", "a-user")[: value.__code__.co_argcount]
            assert value(*args) != default(*args), name
        else:
            assert value != default, name


def test_a_misspelt_text_name_is_refused() -> None:
    with pytest.raises(ValueError, match="LINK_EMPTI"):
        Dialect("typo", texts={"LINK_EMPTI": "x"})
    with pytest.raises(ValueError, match="unknown dialect 'nope'"):
        get_dialect("nope")


def test_the_alt_profile_of_the_suite_holds_this_dialects_values() -> None:
    """profiles/alt.toml (the suite's side) says what this
    dialect shows: its paths, its capabilities, and its wording of each message it uses."""
    from suite.target.profiles import load_profile

    profile = load_profile("alt")
    assert profile.has("forgot_password") is PROFILE_VALUES["capabilities"]["forgot_password"]
    for capability, present in PROFILE_VALUES["capabilities"].items():
        assert profile.has(capability) is present
    assert profile.path_of("ecf_link") == PATHS["/cgi-bin/LinkAccount.pl"]
    assert profile.path_of("court_contact") == PATHS["/contact"]
    assert profile.path_of("pacer_court_links") == PATHS["/court-links"]
    texts = {value for value in PROFILE_VALUES["texts"].values() if isinstance(value, str)}
    for meaning in ("unknown CM/ECF login", "shared/firm PACER account", "linking cancelled"):
        assert profile.message(meaning) in texts
    assert GUESSES["FILING_MENU"] == profile.name_of("filing_menu")
