"""PACER login's requirement prompt for a user who must enroll and has not: Skip (three in
all, the count said each time), then "User Update Required" without Skip; enrolling there;
and which dates ask whom."""

from __future__ import annotations

import datetime as dt
import re

import pyotp
import pytest

from mock_site import mfa, texts
from mock_site.store import Store
from tests.mock.helpers import (
    ECF_LOGIN_APPURL,
    PERSONA,
    URLS,
    Browser,
    alerts,
    h1,
    hidden,
    main_text,
    text,
)
from tests.mock.mfa_helpers import (
    add_app_at_prompt,
    on_prompt,
    security_code,
    type_security_code,
)

DANA = PERSONA["unenrolled"]


def to_prompt(visitor: Browser) -> str:
    page = text(visitor.pacer_login(DANA.username, DANA.password, mfa=False))
    assert 'name="mfaSetup:token"' in page, h1(page)
    return page


def buttons(page: str) -> list[str]:
    return re.findall(r"<button [^>]*>(.*?)</button>", page)


def test_the_prompt_says_mfa_is_required_and_how_many_skips_are_left(visitor: Browser) -> None:
    page = to_prompt(visitor)
    assert h1(page) == "MFA Enrollment Required"
    assert texts.MFA_REQUIRED.format(skips=3) in main_text(page)
    assert buttons(page) == ["Add App", "Get New Codes", "Skip"]


def test_three_skips_then_user_update_required_without_skip(visitor: Browser, store: Store) -> None:
    for left in (3, 2, 1):
        page = to_prompt(visitor)
        assert f"Skips left: {left}." in main_text(page)
        answer = text(on_prompt(visitor, page, "skip"))
        assert "Redaction Agreement" in answer  # skipping goes on with the sign-in
        visitor.acknowledge(answer)
        assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"
        visitor.get("ecf", "/cgi-bin/login.pl?logout")
    page = to_prompt(visitor)
    assert h1(page) == "User Update Required"  # [seen]
    assert main_text(page).startswith(
        "User Update Required Your account access is restricted until you set up"
    )
    assert buttons(page) == ["Add App", "Get New Codes"]
    assert store.mfa.state(DANA.username).skips_left == 0


def test_a_skip_posted_without_skips_left_changes_nothing(visitor: Browser, store: Store) -> None:
    page = to_prompt(visitor)
    store.mfa.state(DANA.username).skips_left = 0  # used up meanwhile (another browser)
    answer = text(on_prompt(visitor, page, "skip"))
    assert h1(answer) == "User Update Required"
    assert store.mfa.state(DANA.username).skips_left == 0
    assert {s.kind for s in store.sessions.values()} == {"anon"}


def test_the_prompt_grants_nothing_until_skipped_or_set_up(visitor: Browser, store: Store) -> None:
    to_prompt(visitor)
    assert {s.kind for s in store.sessions.values()} == {"anon"}
    visitor.get("ecf", "/cgi-bin/ShowIndex.pl")
    assert visitor.site == "pacer-login"


def test_add_app_at_the_prompt_then_continue_finishes_the_sign_in(
    visitor: Browser, store: Store
) -> None:
    store.mfa.state(DANA.username).skips_left = 0  # "User Update Required": no other way on
    key, page = add_app_at_prompt(visitor, store, to_prompt(visitor))
    assert h1(page) == "Authentication App Added"
    assert main_text(page) == (
        "Authentication App Added Your authentication app has been added. Continue"
    )
    assert store.mfa.state(DANA.username).apps == [key]
    assert store.outbox[-1].subject == "PACER security code"
    assert store.outbox[-1].to == DANA.email
    visitor.acknowledge(text(on_prompt(visitor, page, "continue")))
    assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"
    # From now on the app's passcode is asked, and the code that paired it is used up.
    visitor.get("ecf", "/cgi-bin/login.pl?logout")
    page = text(visitor.pacer_login(DANA.username, DANA.password, mfa=False))
    assert h1(page) == "Multifactor Authentication"
    answer = text(visitor.submit_passcode(page, pyotp.TOTP(key).at(store.now())))
    assert alerts(answer) == [texts.MFA_REPLAYED]


def test_get_new_codes_at_the_prompt_shows_ten_then_continue(
    visitor: Browser, store: Store
) -> None:
    page = text(on_prompt(visitor, to_prompt(visitor), "newCodes"))
    assert h1(page) == "Enter Security Code"
    page = text(type_security_code(visitor, page, security_code(store)))
    assert h1(page) == "Your Backup Codes"
    shown = re.findall(r"<li><code>([a-z0-9]{10})</code></li>", page)
    assert len(shown) == 10 and shown == store.mfa.state(DANA.username).backup_codes
    assert texts.MFA_CODES_ISSUED in main_text(page)
    visitor.acknowledge(text(on_prompt(visitor, page, "continue")))
    assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"
    assert store.mfa.state(DANA.username).skips_left == 3  # no skip was used


def test_continue_needs_an_enrollment_done(visitor: Browser, store: Store) -> None:
    """The prompt's own token cannot be posted as "Continue" to skip without a skip."""
    page = to_prompt(visitor)
    assert on_prompt(visitor, page, "continue").status_code == 400
    assert {s.kind for s in store.sessions.values()} == {"anon"}


@pytest.mark.parametrize(
    ("today", "selected", "asked"),
    [
        (dt.date(2025, 5, 10), True, mfa.NOTHING),
        (dt.date(2025, 7, 31), True, mfa.NOTHING),  # voluntary only: nobody is picked yet
        (dt.date(2025, 8, 1), False, mfa.NOTHING),
        (dt.date(2025, 8, 1), True, mfa.PROMPT),  # picked at random to enroll
        (dt.date(2025, 12, 30), False, mfa.NOTHING),
        (dt.date(2025, 12, 31), False, mfa.PROMPT),  # every CM/ECF-level user
    ],
)
def test_the_clock_decides_whom_the_prompt_asks(
    store: Store, today: dt.date, selected: bool, asked: str
) -> None:
    store.mfa.state(DANA.username).selected = selected
    assert store.mfa.demand(DANA.username, today) == asked


def test_pacer_only_accounts_are_never_prompted_but_may_enroll(store: Store) -> None:
    firm = PERSONA["firm"].username
    store.mfa.state(firm).selected = True
    assert store.mfa.demand(firm, dt.date(2026, 6, 1)) == mfa.NOTHING
    store.mfa.new_codes(firm)  # enrolled voluntarily: asked from then on
    assert store.mfa.demand(firm, dt.date(2026, 6, 1)) == mfa.PASSCODE
    assert store.mfa.demand(firm, dt.date(2025, 5, 10)) == mfa.NOTHING


def test_the_prompts_token_is_bound_to_the_browser_it_was_shown_in(
    visitor: Browser, other_visitor: Browser, store: Store
) -> None:
    page = to_prompt(visitor)
    login = text(other_visitor.get("pacer-login", ECF_LOGIN_APPURL))
    data = {
        "mfaSetup": "mfaSetup",
        "mfaSetup:token": hidden(page, "mfaSetup:token"),
        "mfaSetup:skip": "skip",
        "javax.faces.ViewState": hidden(login, "javax.faces.ViewState"),
    }
    assert other_visitor.post("pacer-login", ECF_LOGIN_APPURL, data).status_code == 400
    assert store.mfa.state(DANA.username).skips_left == 3
