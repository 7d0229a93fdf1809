"""Every one-time token of the sign-in is single-use: replayed after its first use, refused.

The tokens: the sign-in ticket (PACER login -> CM/ECF or the PACER website), the half-done
sign-in at the redaction step and at the passcode step, the requirement prompt's (Skip) and
its "Continue", each step of enrolling (security code, pairing), and the password reset link.
Each replay uses what would otherwise be accepted (another valid code, a new password), so
only the token's being used up refuses it. Where finishing the sign-in gives the visitor a new
session (which refuses any later post of the old form by itself), the replay is a second
click landing while the first is finishing (second_click_during_sign_in).

Each test is also run with its token's consumption switched off (Store.take answering as
peek for that purpose): the replay must then get through, which shows the test depends on
that consumption and nothing else. (The same was done by deleting each consuming line from
the source: see the report of issue 24.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pyotp
import pytest

from mock_site import mfa
from mock_site.sites import pacer_login
from mock_site.sites.mfa_enroll import PURPOSE as ENROLL
from mock_site.sites.mfa_login import PASSCODE_PURPOSE, SETUP_PURPOSE
from mock_site.store import Pending, Store
from tests.mock.helpers import PERSONA, Browser, form_action, hidden, text
from tests.mock.mfa_helpers import (
    confirm_app,
    on_prompt,
    security_code,
    settings_button,
    shown_key,
    type_security_code,
)

JANE, DANA, FIRM = PERSONA["filer"], PERSONA["unenrolled"], PERSONA["firm"]


def replay(visitor: Browser, site: str, url: str, data: dict[str, str]) -> bool:
    """Post again; True when refused (a 4xx, and no sign-in made of it)."""
    return visitor.post(site, url, data, follow=False).status_code >= 400


def ticket(visitor: Browser, other: Browser, store: Store) -> bool:
    """The ticket PACER login sends back with: used by one browser, then by another."""
    visitor.pacer_login(FIRM.username, FIRM.password)  # research only: no MFA, no redaction
    url = next(u for u in visitor.history if "ticket=" in u)
    return other.get("ecf", url, follow=False).status_code == 400


def redaction(visitor: Browser, other: Browser, store: Store) -> bool:
    page = text(visitor.pacer_login(JANE.username, JANE.password))
    data = {
        "regmsg": "regmsg",
        "regmsg:token": hidden(page, "regmsg:token"),
        "regmsg:chkRedact": "true",
        "regmsg:bpmConfirm": "Continue",
        "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
    }
    assert visitor.post("pacer-login", form_action(page), data, follow=False).status_code == 302
    return replay(visitor, "pacer-login", form_action(page), data)


@contextmanager
def second_click_during_sign_in(
    visitor: Browser, form: str, data: dict[str, str]
) -> Iterator[list[int]]:
    """The same form posted again while the first post is finishing the sign-in: after its
    token was checked, before the new session replaces the visitor's (which would refuse any
    later post of the old form on its own). A double click lands there; only the token's
    being used up stops it. Yields the second post's status, once the first is made."""
    statuses: list[int] = []
    real = pacer_login.signed_in

    def signed_in(*args: Any, **kwargs: Any) -> Any:
        if not statuses:
            statuses.append(visitor.post("pacer-login", form, data, follow=False).status_code)
        return real(*args, **kwargs)

    pacer_login.signed_in = signed_in  # type: ignore[assignment]
    try:
        yield statuses
    finally:
        pacer_login.signed_in = real  # type: ignore[assignment]


def passcode(visitor: Browser, other: Browser, store: Store) -> bool:
    page = text(visitor.pacer_login(JANE.username, JANE.password, mfa=False))
    data = {
        "mfaForm": "mfaForm",
        "mfaForm:token": hidden(page, "mfaForm:token"),
        "mfaForm:passcode": JANE.backup_codes[0],  # the second click: another valid code
        "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
    }
    with second_click_during_sign_in(visitor, form_action(page), data) as second:
        visitor.pass_mfa(page)
    return second == [400] and JANE.backup_codes[0] in store.mfa.state(JANE.username).backup_codes


def prompt_form(page: str, button: str) -> dict[str, str]:
    return {
        "mfaSetup": "mfaSetup",
        "mfaSetup:token": hidden(page, "mfaSetup:token"),
        f"mfaSetup:{button}": button,
        "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
    }


def skip(visitor: Browser, other: Browser, store: Store) -> bool:
    page = text(visitor.pacer_login(DANA.username, DANA.password))
    with second_click_during_sign_in(
        visitor, form_action(page), prompt_form(page, "skip")
    ) as second:
        on_prompt(visitor, page, "skip")
    return second == [400] and store.mfa.state(DANA.username).skips_left == 2


def prompt_continue(visitor: Browser, other: Browser, store: Store) -> bool:
    page = text(visitor.pacer_login(DANA.username, DANA.password))
    page = text(
        type_security_code(
            visitor, text(on_prompt(visitor, page, "newCodes")), security_code(store)
        )
    )
    with second_click_during_sign_in(
        visitor, form_action(page), prompt_form(page, "continue")
    ) as second:
        on_prompt(visitor, page, "continue")
    return second == [400]


def security_code_step(visitor: Browser, other: Browser, store: Store) -> bool:
    visitor.quick_sign_in(JANE.username, "pacer")
    page = text(visitor.get("pacer", "/manage-account/mfa"))
    page = text(settings_button(visitor, page, "new_codes", "new_codes"))
    code = security_code(store)
    first = text(type_security_code(visitor, page, code, "pacer"))
    codes = list(store.mfa.state(JANE.username).backup_codes)
    refused = type_security_code(visitor, page, code, "pacer").status_code == 400
    return refused and store.mfa.state(JANE.username).backup_codes == codes and codes[0] in first


def pairing_step(visitor: Browser, other: Browser, store: Store) -> bool:
    visitor.quick_sign_in(JANE.username, "pacer")
    page = text(visitor.get("pacer", "/manage-account/mfa"))
    page = text(settings_button(visitor, page, "add_app", "add_app"))
    page = text(type_security_code(visitor, page, security_code(store), "pacer"))
    key = shown_key(page)
    confirm_app(visitor, page, pyotp.TOTP(key).at(store.now()), "pacer")
    store.advance(mfa.STEP_SECONDS)
    refused = confirm_app(visitor, page, pyotp.TOTP(key).at(store.now()), "pacer").status_code
    return refused == 400 and store.mfa.state(JANE.username).apps == [JANE.totp_secret, key]


def reset_link(visitor: Browser, other: Browser, store: Store) -> bool:
    """The emailed link's token, posted again (a second click) with another new password."""
    visitor.submit("pacer", "/forgot-password", {"username": JANE.username, "email": JANE.email})
    link = store.outbox[-1].body.split("http://pacer.test")[1].split()[0]
    page = text(visitor.get("pacer", link))
    data = {"csrf_token": hidden(page, "csrf_token"), "token": hidden(page, "token")}
    for password in ("First-New-1", "Second-New-2"):
        visitor.post(
            "pacer", link, {**data, "new_password": password, "confirm_password": password}
        )
    return store.check_pacer(JANE.username, "First-New-1") is not None


# token -> (its replay, the purpose whose consumption it depends on)
TOKENS: dict[str, tuple[Callable[[Browser, Browser, Store], bool], str]] = {
    "sign-in ticket": (ticket, "ticket"),
    "half-done sign-in: redaction step": (redaction, "signin"),
    "half-done sign-in: passcode step": (passcode, PASSCODE_PURPOSE),
    "half-done sign-in: requirement prompt (Skip)": (skip, SETUP_PURPOSE),
    "half-done sign-in: Continue after enrolling": (prompt_continue, SETUP_PURPOSE),
    "enrolling: security code": (security_code_step, ENROLL),
    "enrolling: pairing": (pairing_step, ENROLL),
    "password reset link": (reset_link, "reset"),
}


@pytest.mark.parametrize("token", TOKENS)
def test_a_token_replayed_after_its_first_use_is_refused(
    visitor: Browser, other_visitor: Browser, store: Store, token: str
) -> None:
    replayed, _ = TOKENS[token]
    assert replayed(visitor, other_visitor, store)


@contextmanager
def never_used_up(store: Store, purpose: str) -> Iterator[None]:
    """Store.take for `purpose` answers as peek: the token is never used up."""
    real = store.take

    def take(kind: str, token: str, *args: Any, **kwargs: Any) -> Pending | None:
        if kind == purpose:
            return store.peek(kind, token, *args[:1])
        return real(kind, token, *args, **kwargs)

    store.take = take  # type: ignore[method-assign]
    try:
        yield
    finally:
        store.take = real  # type: ignore[method-assign]


@pytest.mark.parametrize("token", TOKENS)
def test_without_using_the_token_up_the_replay_would_get_through(
    visitor: Browser, other_visitor: Browser, store: Store, token: str
) -> None:
    replayed, purpose = TOKENS[token]
    with never_used_up(store, purpose):
        assert not replayed(visitor, other_visitor, store)
