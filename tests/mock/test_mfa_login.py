"""PACER login's multifactor step for enrolled accounts: the passcode page after the
password, then what came after the password before (redaction, appurl)."""

from __future__ import annotations

import logging

import pyotp
import pytest
from flask import Flask

from mock_site import mfa
from mock_site.store import Store
from tests.mock.helpers import (
    ECF_LOGIN_APPURL,
    LOGIN_PATH,
    PERSONA,
    URLS,
    Browser,
    Clock,
    alerts,
    h1,
    hidden,
    text,
)

FILER = PERSONA["filer"]
FILER_KEY = str(FILER.totp_secret)


def code(store: Store, key: str = FILER_KEY, steps: int = 0) -> str:
    """The passcode key shows at the store's time, `steps` 30 s steps later."""
    return pyotp.TOTP(key).at(store.now() + steps * mfa.STEP_SECONDS)


def to_passcode_page(visitor: Browser, key: str = "filer", url: str = ECF_LOGIN_APPURL) -> str:
    seed = PERSONA[key]
    page = text(visitor.pacer_login(seed.username, seed.password, url, mfa=False))
    assert h1(page) == "Multifactor Authentication", page
    return page


def test_an_enrolled_filer_meets_the_passcode_page_after_the_password(visitor: Browser) -> None:
    page = to_passcode_page(visitor)
    assert visitor.url.startswith(URLS["pacer-login"] + LOGIN_PATH)
    assert "Redaction Agreement" not in page
    assert '<label for="mfaForm:passcode">One-time passcode</label>' in page
    field = page[page.index('<input type="text" id="mfaForm:passcode"') :].split(">")[0]
    assert 'autocomplete="one-time-code"' in field and 'inputmode="numeric"' in field
    assert "autofocus" in field  # no error yet: the field has the focus


@pytest.mark.parametrize("steps", [-1, 0, 1])
def test_the_current_passcode_or_one_step_either_side_leads_on_to_redaction(
    visitor: Browser, store: Store, steps: int
) -> None:
    page = to_passcode_page(visitor)
    answer = text(visitor.submit_passcode(page, code(store, steps=steps)))
    assert "Redaction Agreement" in answer
    visitor.acknowledge(answer)
    assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"


@pytest.mark.parametrize("steps", [-2, 2])
def test_a_passcode_two_steps_away_is_wrong(visitor: Browser, store: Store, steps: int) -> None:
    page = to_passcode_page(visitor)
    answer = text(visitor.submit_passcode(page, code(store, steps=steps)))
    assert alerts(answer) == [
        "The passcode is not valid. Check your authentication app and try again."
    ]


def test_a_backup_code_in_the_same_field_works_once(visitor: Browser, store: Store) -> None:
    backup = FILER.backup_codes[3]
    answer = text(visitor.submit_passcode(to_passcode_page(visitor), backup.upper()))
    assert "Redaction Agreement" in answer
    assert backup not in store.mfa.state(FILER.username).backup_codes
    again = text(visitor.submit_passcode(to_passcode_page(visitor), backup))
    assert alerts(again) == [
        "That code has already been used. Enter the next passcode from your app, or another "
        "backup code."
    ]


def test_the_research_only_accounts_are_never_asked(visitor: Browser) -> None:
    for key in ("firm", "legacy"):
        seed = PERSONA[key]
        visitor.pacer_login(seed.username, seed.password, mfa=False)
        assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl", key


def test_to_the_pacer_website_the_passcode_leads_back_to_appurl(
    visitor: Browser, store: Store
) -> None:
    page = to_passcode_page(visitor, "clerk", LOGIN_PATH)
    visitor.submit_passcode(page, code(store, str(PERSONA["clerk"].totp_secret)))
    assert visitor.url == URLS["pacer"] + "/manage-account"


def test_the_half_signed_in_state_grants_nothing(visitor: Browser, store: Store) -> None:
    """Password right, passcode pending: no session PACER or CM/ECF accepts, no ticket."""
    page = to_passcode_page(visitor)
    with store.lock:
        kinds = {session.kind for session in store.sessions.values()}
        purposes = {pending.purpose for pending in store.pending.values()}
    assert kinds == {"anon"} and purposes == {"mfa"}
    visitor.get("ecf", "/cgi-bin/ShowIndex.pl")
    assert visitor.site == "pacer-login"  # CM/ECF sends the visitor to log in
    visitor.get("pacer", "/manage-account")
    assert visitor.site == "pacer-login"
    # The half-done sign-in's token cannot be used for the redaction step either.
    forged = {
        "regmsg": "regmsg",
        "regmsg:token": hidden(page, "mfaForm:token"),
        "regmsg:chkRedact": "true",
        "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
    }
    assert visitor.post("pacer-login", ECF_LOGIN_APPURL, forged).status_code == 400


def test_before_may_11_2025_there_is_no_mfa_at_all(visitor: Browser, store: Store) -> None:
    store.set_today(mfa.texts.MFA_VOLUNTARY_FROM.replace(day=10))
    answer = text(visitor.pacer_login(FILER.username, FILER.password, mfa=False))
    assert "Redaction Agreement" in answer


def test_from_may_11_2025_an_enrolled_account_passes_mfa(visitor: Browser, store: Store) -> None:
    store.set_today(mfa.texts.MFA_VOLUNTARY_FROM)
    to_passcode_page(visitor)


def test_personas_carry_their_mfa_methods(apps: dict[str, Flask]) -> None:
    personas = apps["ecf"].test_client().get("/_mock/personas").json
    assert personas is not None
    methods = {
        key: (p["totp_secret"] is not None, len(p["backup_codes"]), p["mfa_required"])
        for key, p in personas.items()
    }
    assert methods == {
        "filer": (True, 10, True),
        "linked_filer": (True, 0, True),
        "inactive": (True, 0, True),
        "clerk": (True, 0, True),
        "unenrolled": (False, 0, True),
        "firm": (False, 0, False),
        "legacy": (False, 0, False),
    }
    assert personas["filer"]["totp_secret"] == FILER_KEY
    assert personas["filer"]["backup_codes"] == list(FILER.backup_codes)


def test_the_clock_says_the_time_passcodes_are_checked_at(
    apps: dict[str, Flask], store: Store, clock: Clock
) -> None:
    control = apps["ecf"].test_client()
    answer = control.get("/_mock/clock").json
    assert answer == {"today": store.today().isoformat(), "now": clock.now}
    control.post("/_mock/clock", json={"advance_seconds": 45})
    answer = control.get("/_mock/clock").json
    assert answer is not None and answer["now"] == clock.now + 45


# --- replay -------------------------------------------------------------------------------
def sign_in_with(visitor: Browser, passcode: str, key: str = "filer") -> str:
    visitor.get("ecf", "/cgi-bin/login.pl?logout")
    return text(visitor.submit_passcode(to_passcode_page(visitor, key), passcode))


REPLAYED = (
    "That code has already been used. Enter the next passcode from your app, or another "
    "backup code."
)
WRONG = "The passcode is not valid. Check your authentication app and try again."
LOCKED = "Too many wrong passcodes. Your account is locked for 15 minutes; try again later."


def test_a_replayed_passcode_is_refused(visitor: Browser, store: Store) -> None:
    passcode = code(store)
    assert "Redaction Agreement" in sign_in_with(visitor, passcode)
    assert alerts(sign_in_with(visitor, passcode)) == [REPLAYED]
    store.advance(mfa.STEP_SECONDS)  # the next step's code is a new one
    assert "Redaction Agreement" in sign_in_with(visitor, code(store))


def test_a_code_of_an_earlier_step_is_refused_once_a_later_one_was_used(
    visitor: Browser, store: Store
) -> None:
    """The replay rule: "at or before the last step used", not "that exact step"."""
    assert "Redaction Agreement" in sign_in_with(visitor, code(store, steps=1))
    assert alerts(sign_in_with(visitor, code(store))) == [REPLAYED]
    assert alerts(sign_in_with(visitor, code(store, steps=-1))) == [REPLAYED]


def test_a_reset_does_not_make_a_used_code_new(
    apps: dict[str, Flask], visitor: Browser, store: Store
) -> None:
    passcode = code(store)
    sign_in_with(visitor, passcode)
    apps["ecf"].test_client().post("/_mock/reset")
    assert alerts(sign_in_with(visitor, passcode)) == [REPLAYED]


def test_a_reset_that_rewinds_the_clock_forgets_the_codes_of_that_future(
    apps: dict[str, Flask], visitor: Browser, store: Store
) -> None:
    """Codes used after the control API moved the clock on were never typed in real time:
    once a reset brings the clock back, today's code is not refused as "earlier"."""
    store.advance(10 * mfa.STEP_SECONDS)
    sign_in_with(visitor, code(store))
    apps["ecf"].test_client().post("/_mock/reset")
    assert "Redaction Agreement" in sign_in_with(visitor, code(store))


def test_another_accounts_code_is_wrong_here_and_stays_usable_there(
    visitor: Browser, other_visitor: Browser, store: Store
) -> None:
    alan = PERSONA["linked_filer"]
    alans = code(store, str(alan.totp_secret))
    assert alerts(sign_in_with(visitor, alans)) == [WRONG]
    assert store.mfa.locks[FILER.username].wrong == 1
    assert alan.username not in store.mfa.locks
    answer = sign_in_with(other_visitor, alans, "linked_filer")
    assert "Redaction Agreement" in answer


def test_the_typed_code_is_never_echoed(visitor: Browser, store: Store) -> None:
    wrong = code(store, steps=7)
    page = sign_in_with(visitor, wrong)
    assert wrong not in page
    field = page[page.index('id="mfaForm:passcode"') :].split(">")[0]
    assert "value=" not in field


# --- lockout -----------------------------------------------------------------------------
def test_five_wrong_codes_in_a_row_lock_the_account_for_fifteen_minutes(
    visitor: Browser, store: Store
) -> None:
    page = to_passcode_page(visitor)
    for _ in range(4):
        page = text(visitor.submit_passcode(page, "000000"))
        assert alerts(page) == [WRONG]
        assert "autofocus" not in page.split('id="mfaForm:passcode"')[1].split(">")[0]
    page = text(visitor.submit_passcode(page, "000000"))
    assert h1(page) == "PACER Login" and alerts(page) == [LOCKED]
    assert "mfaForm:token" not in page  # the half-done sign-in is over
    # Locked: even the right password and a right passcode get no further.
    visitor.pacer_login(FILER.username, FILER.password, mfa=False)
    assert alerts(text(visitor.last)) == [LOCKED]  # type: ignore[arg-type]
    store.advance(15 * 60 - 1)
    assert alerts(text(visitor.pacer_login(FILER.username, FILER.password, mfa=False))) == [LOCKED]
    store.advance(1)
    assert "Redaction Agreement" in text(visitor.pass_mfa(to_passcode_page(visitor)))


def test_the_lockout_numbers_are_the_ones_the_message_says() -> None:
    assert (mfa.texts.MFA_MAX_WRONG, mfa.texts.MFA_LOCK_MINUTES) == (5, 15)
    assert "15 minutes" in mfa.texts.MFA_LOCKED


def test_a_right_code_starts_the_count_again(visitor: Browser, store: Store) -> None:
    page = to_passcode_page(visitor)
    for _ in range(4):
        page = text(visitor.submit_passcode(page, "000000"))
    assert "Redaction Agreement" in text(visitor.submit_passcode(page, code(store)))
    assert store.mfa.locks[FILER.username].wrong == 0


def test_replays_count_as_wrong_tries(visitor: Browser, store: Store) -> None:
    passcode = code(store)
    sign_in_with(visitor, passcode)
    page = to_passcode_page(visitor)
    for _ in range(5):
        page = text(visitor.submit_passcode(page, passcode))
    assert alerts(page) == [LOCKED]


def test_wrong_passwords_and_malformed_codes_never_lock(visitor: Browser, store: Store) -> None:
    """Without the password nobody reaches the passcode step, so nobody can lock an account
    out by guessing; and what is not a code at all is not a try."""
    for _ in range(10):
        visitor.pacer_login(FILER.username, "Wrong-Password-1", mfa=False)
    page = to_passcode_page(visitor)
    for _ in range(10):
        page = text(visitor.submit_passcode(page, "abc"))
    assert FILER.username not in store.mfa.locks
    assert "Redaction Agreement" in text(visitor.submit_passcode(page, code(store)))


def test_no_code_or_key_reaches_the_log(
    visitor: Browser, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """Wrong codes, a replay, a backup code, a lockout: the mock logs none of them."""
    typed = ["000000", code(store), code(store), FILER.backup_codes[0], "123456"]
    with caplog.at_level(logging.DEBUG):
        for passcode in typed:
            sign_in_with(visitor, passcode)
        page = to_passcode_page(visitor)
        for _ in range(4):  # one wrong code is counted already: the 4th locks the account
            page = text(visitor.submit_passcode(page, "000000"))
    assert alerts(page) == [LOCKED]
    logged = caplog.text + "".join(str(r.args) for r in caplog.records)
    for secret in [*typed, FILER_KEY, *FILER.backup_codes]:
        assert secret not in logged
