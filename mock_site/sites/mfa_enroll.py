"""Enrolling in multifactor authentication, as PACER's "Add App" and "Get New Codes" do.

- "Add App": a security code is emailed to the account's address; once it is typed, the new
  key is shown as text and as an otpauth:// address; a passcode from the app confirms it.
- "Get New Codes": a security code is emailed; once it is typed, 10 new backup codes are
  shown and the old ones stop working.

Two places run these steps: Manage MFA Settings on the PACER website (mfa_settings.py) and
the requirement prompt at PACER login (mfa_login.py). Each step is a one-time token bound to
the visitor's session; the security code (hashed) and the key being paired stay server-side
in it. No page echoes a code that was typed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from flask import request
from werkzeug.wrappers import Response

from mock_site import mfa, security, web
from mock_site.dialects import texts
from mock_site.store import PENDING_TTL, Pending

PURPOSE = "mfa-enroll"
MARKER = "mfaEnroll"  # the hidden field that names the enrollment forms
TOKEN_FIELD = "mfaEnroll:token"
SECURITY_CODE_FIELD = "mfaEnroll:securityCode"
PASSCODE_FIELD = "mfaEnroll:passcode"
APP, CODES = "app", "codes"
MAX_TRIES = 5  # wrong codes typed in one enrollment before it must start again [guess]


@dataclass(frozen=True)
class Place:
    """Where an enrollment runs: its forms' address, and what it keeps for the caller (PACER
    login keeps the half-done sign-in's return address)."""

    action: str
    keep: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Enrolled:
    """The enrollment went through: an app paired, or new backup codes issued."""

    what: str  # APP | CODES
    username: str
    codes: list[str]  # the new backup codes (CODES), else []
    kept: dict[str, str]


@dataclass(frozen=True)
class Stopped:
    """The enrollment ended without enrolling (too many wrong codes, or five apps already);
    the caller shows where it started, with this message."""

    username: str
    message: str
    kept: dict[str, str]


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def start(username: str, what: str, place: Place) -> Response:
    """Email a security code and ask for it."""
    store = web.mock().store
    account = store.accounts[username]
    code = mfa.new_security_code()
    store.send_email(
        account.email,
        texts.EMAIL_MFA_SUBJECT,
        f"Dear {account.name},\n\nYour PACER security code is {code}. It expires in 10 "
        "minutes.\n\nIf you did not ask for it, contact the PACER Service Center.",
        texts.EMAIL_FROM_MFA,
    )
    data = {**place.keep, "username": username, "what": what, "stage": "code"}
    data.update(digest=_digest(code), tries="0")
    token = store.issue(PURPOSE, data, PENDING_TTL, web.ensure_session().token)
    return security_code_page(place, token, account.email)


def security_code_page(
    place: Place, token: str, email: str, messages: list[web.Message] | None = None
) -> Response:
    return web.page(
        "mfa/security_code.html",
        texts.MFA_SECURITY_CODE_TITLE,
        messages=messages or [],
        action=place.action,
        token=token,
        sent=texts.MFA_SECURITY_CODE_SENT.format(email=email),
    )


def pair_page(
    place: Place, token: str, username: str, key: str, messages: list[web.Message] | None = None
) -> Response:
    return web.page(
        "mfa/pair.html",
        texts.MFA_PAIR_TITLE,
        messages=messages or [],
        action=place.action,
        token=token,
        key=key,
        uri=mfa.uri(key, username),
    )


def answer(place: Place) -> Response | Enrolled | Stopped:
    """The answer to one enrollment form: the next page, or how the enrollment ended."""
    store = web.mock().store
    session = web.current_session()
    session_token = session.token if session else None
    token = security.text(request.form, TOKEN_FIELD)
    pending = None
    if len(token) <= security.MAX_TOKEN:
        pending = store.peek(PURPOSE, token, session_token)
    if pending is None:  # forged, expired, or used already (a step posted twice)
        raise web.FormExpired()
    if pending.data["stage"] == "code":
        return _security_code(place, pending, session_token)
    return _pairing(place, pending, session_token)


def _wrong(pending: Pending, session_token: str | None) -> bool:
    """Count a wrong code; True when that was the last try (the enrollment ends)."""
    store = web.mock().store
    with store.lock:
        tries = int(pending.data["tries"]) + 1
        pending.data["tries"] = str(tries)
    if tries < MAX_TRIES:
        return False
    store.take(PURPOSE, pending.token, session_token)
    return True


def _stopped(pending: Pending, message: str) -> Stopped:
    return Stopped(pending.data["username"], message, _kept(pending))


def _kept(pending: Pending) -> dict[str, str]:
    own = ("username", "what", "stage", "digest", "tries", "key")
    return {name: value for name, value in pending.data.items() if name not in own}


def _security_code(
    place: Place, pending: Pending, session_token: str | None
) -> Response | Enrolled | Stopped:
    store = web.mock().store
    username = pending.data["username"]
    email = store.accounts[username].email
    code = "".join(security.text(request.form, SECURITY_CODE_FIELD).split())
    problem = None
    if len(code) > security.MAX_NAME:
        problem = texts.too_long(texts.MFA_SECURITY_CODE_LABEL)
    elif not code:
        problem = texts.MFA_CODE_REQUIRED
    elif not (code.isascii() and code.isdigit() and len(code) == mfa.SECURITY_CODE_DIGITS):
        problem = texts.MFA_SECURITY_CODE_FORMAT
    if problem is not None:  # not a try: nothing could have matched
        return security_code_page(place, pending.token, email, [web.error(problem)])
    if not mfa.same(_digest(code), pending.data["digest"]):
        if _wrong(pending, session_token):
            return _stopped(pending, texts.MFA_TRIES_USED)
        message = web.error(texts.MFA_SECURITY_CODE_WRONG)
        return security_code_page(place, pending.token, email, [message])
    if store.take(PURPOSE, pending.token, session_token) is None:
        raise web.FormExpired()
    if pending.data["what"] == CODES:
        return Enrolled(CODES, username, store.mfa.new_codes(username), _kept(pending))
    key = mfa.new_key()
    data = {**_kept(pending), "username": username, "what": APP, "stage": "pair"}
    data.update(key=key, tries="0")
    token = store.issue(PURPOSE, data, PENDING_TTL, session_token)
    return pair_page(place, token, username, key)


def _pairing(
    place: Place, pending: Pending, session_token: str | None
) -> Response | Enrolled | Stopped:
    store = web.mock().store
    username, key = pending.data["username"], pending.data["key"]
    raw = security.text(request.form, PASSCODE_FIELD)
    read = (
        texts.too_long(texts.MFA_APP_PASSCODE_LABEL)
        if len(raw) > security.MAX_NAME
        else mfa.read_code(raw, (mfa.TOTP,))
    )
    if isinstance(read, str):
        return pair_page(place, pending.token, username, key, [web.error(read)])
    step = mfa.step_of(key, read[1], store.now())
    if step is None:
        if _wrong(pending, session_token):
            return _stopped(pending, texts.MFA_TRIES_USED)
        return pair_page(place, pending.token, username, key, [web.error(texts.MFA_WRONG)])
    if store.take(PURPOSE, pending.token, session_token) is None:
        raise web.FormExpired()
    if not store.mfa.add_app(username, key, step, store.today()):
        return _stopped(pending, texts.MFA_TOO_MANY_APPS)
    return Enrolled(APP, username, [], _kept(pending))
