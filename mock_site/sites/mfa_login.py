"""PACER login's multifactor steps, between the password and the rest of the sign-in.

- Enrolled: the passcode page. The one-time passcode of an app (the current step or one
  either side) or a backup code; a wrong or replayed code is refused, and MFA_MAX_WRONG of
  them in a row lock the account for MFA_LOCK_MINUTES (mock_site/mfa.py).
- Required but not enrolled: the requirement prompt, with Skip while skips are left, then
  "User Update Required" without it; "Add App" and "Get New Codes" enroll from there
  (mfa_enroll.py), then "Continue" finishes the sign-in.

All of it happens on PACER login's one page, as the redaction step does: each form carries a
server-side one-time token of the half-done sign-in, bound to the visitor's session. The
visitor's session stays the anonymous one it was: no PACER login session, no ticket, so
nothing PACER or CM/ECF accepts, until the passcode is verified (or the prompt skipped, or
MFA set up). pacer_login.signed_in() then does what followed the password before.
"""

from __future__ import annotations

from flask import request
from werkzeug.wrappers import Response

from mock_site import mfa, security, web
from mock_site.dialects import texts

# pacer_login imports this module to dispatch to it, and this module calls back into it
# (only at request time, so the import cycle is harmless).
from mock_site.sites import mfa_enroll, pacer_login
from mock_site.store import PENDING_TTL, Pending

MARKER = "mfaForm"  # the hidden field that names the passcode form
SETUP_MARKER = "mfaSetup"  # ... and the requirement prompt's form
PASSCODE_PURPOSE = "mfa"  # the half-done sign-in at the passcode step
SETUP_PURPOSE = "mfa-setup"  # ... at the requirement prompt, or after enrolling there
TOKEN_FIELD = "mfaForm:token"
MODE_FIELD = "mfaForm:mode"  # "backup" when the backup-code field is shown on its own
CODE_FIELDS = {"passcode": "mfaForm:passcode", "backup": "mfaForm:backupCode"}
SETUP_TOKEN_FIELD = "mfaSetup:token"


def _session_token() -> str | None:
    session = web.current_session()
    return session.token if session else None


def _peek(purpose: str, field: str) -> Pending:
    token = security.text(request.form, field)
    store = web.mock().store
    pending = (
        store.peek(purpose, token, _session_token()) if len(token) <= security.MAX_TOKEN else None
    )
    if pending is None:  # forged, expired, or used already (a double submission)
        raise web.FormExpired()
    return pending


def begin(username: str, appurl: str, asked: str) -> Response:
    """After the right password: the passcode page or the requirement prompt."""
    store = web.mock().store
    if store.mfa.locked(username, store.now()):
        message = web.error(texts.MFA_LOCKED)
        return pacer_login.login_form(appurl, [message], username)
    data = {"username": username, "appurl": appurl}
    session = web.ensure_session()  # the visitor's own (anonymous) session: the form token's
    if asked == mfa.PASSCODE:
        token = store.issue(PASSCODE_PURPOSE, data, PENDING_TTL, session.token)
        return passcode_page(appurl, token)
    token = store.issue(SETUP_PURPOSE, {**data, "stage": "prompt"}, PENDING_TTL, session.token)
    return prompt_page(appurl, token, username)


# --- the passcode step ------------------------------------------------------------------------
def passcode_page(
    appurl: str, token: str, messages: list[web.Message] | None = None, mode: str = "passcode"
) -> Response:
    return web.page(
        "mfa/passcode.html",
        texts.MFA_PASSCODE_TITLE,
        messages=messages or [],
        action=pacer_login.form_action(appurl),
        token=token,
        mode=mode,
        field=CODE_FIELDS[mode],
    )


def passcode_answer(appurl: str) -> Response:
    pending = _peek(PASSCODE_PURPOSE, TOKEN_FIELD)
    store = web.mock().store
    form = request.form
    one_field = web.mock().dialect.markup.mfa_one_code_field
    mode = "backup" if not one_field and security.text(form, MODE_FIELD) == "backup" else "passcode"
    if not one_field and f"{MARKER}:switch" in form:  # the alt dialect's "use a backup code"
        other = "passcode" if mode == "backup" else "backup"
        return passcode_page(appurl, pending.token, mode=other)
    kind = mfa.BACKUP if mode == "backup" else mfa.TOTP
    accept = (mfa.TOTP, mfa.BACKUP) if one_field else (kind,)
    label = texts.MFA_BACKUP_CODE_LABEL if mode == "backup" else texts.MFA_PASSCODE_LABEL
    raw = security.text(form, CODE_FIELDS[mode])
    read = texts.too_long(label) if len(raw) > security.MAX_NAME else mfa.read_code(raw, accept)
    if isinstance(read, str):  # not a code at all: not counted, nothing changes
        return passcode_page(appurl, pending.token, [web.error(read)], mode)
    username = pending.data["username"]
    outcome = store.mfa.check(username, *read, store.now())
    if outcome == mfa.LOCKED:  # the half-done sign-in ends; the account waits
        store.take(PASSCODE_PURPOSE, pending.token, _session_token())
        message = web.error(texts.MFA_LOCKED)
        return pacer_login.login_form(pending.data["appurl"], [message], username)
    if outcome != mfa.OK:
        said = texts.MFA_REPLAYED if outcome == mfa.REPLAYED else texts.MFA_WRONG
        return passcode_page(appurl, pending.token, [web.error(said)], mode)
    if store.take(PASSCODE_PURPOSE, pending.token, _session_token()) is None:
        raise web.FormExpired()
    return pacer_login.signed_in(username, pending.data["appurl"])


# --- the requirement prompt ------------------------------------------------------------------
def prompt_page(
    appurl: str, token: str, username: str, messages: list[web.Message] | None = None
) -> Response:
    skips = web.mock().store.mfa.state(username).skips_left
    title = texts.MFA_REQUIRED_TITLE if skips > 0 else texts.MFA_UPDATE_REQUIRED_TITLE
    text = texts.MFA_REQUIRED.format(skips=skips) if skips > 0 else texts.MFA_UPDATE_REQUIRED
    return web.page(
        "mfa/prompt.html",
        title,
        messages=messages or [],
        action=pacer_login.form_action(appurl),
        token=token,
        text=text,
        can_skip=skips > 0,
    )


def _new_prompt(username: str, kept: dict[str, str], appurl: str, message: str) -> Response:
    store = web.mock().store
    data = {"username": username, "appurl": kept["appurl"], "stage": "prompt"}
    token = store.issue(SETUP_PURPOSE, data, PENDING_TTL, web.ensure_session().token)
    return prompt_page(appurl, token, username, [web.error(message)])


def setup_answer(appurl: str) -> Response:
    """Skip, "Add App" or "Get New Codes" on the prompt; "Continue" once enrolled there."""
    pending = _peek(SETUP_PURPOSE, SETUP_TOKEN_FIELD)
    store = web.mock().store
    form = request.form
    username, stage = pending.data["username"], pending.data["stage"]
    if stage == "done":  # enrolled at this prompt: Continue finishes the sign-in
        if f"{SETUP_MARKER}:continue" not in form:
            raise web.FormExpired()
        return _finish(pending)
    what = (
        mfa_enroll.APP
        if f"{SETUP_MARKER}:addApp" in form
        else mfa_enroll.CODES
        if f"{SETUP_MARKER}:newCodes" in form
        else None
    )
    if what is not None:
        if store.take(SETUP_PURPOSE, pending.token, _session_token()) is None:
            raise web.FormExpired()
        keep = {"appurl": pending.data["appurl"]}
        place = mfa_enroll.Place(pacer_login.form_action(appurl), keep)
        return mfa_enroll.start(username, what, place)
    if f"{SETUP_MARKER}:skip" not in form:
        raise web.FormExpired()
    if store.mfa.demand(username, store.today()) != mfa.PROMPT:  # no skip left (or enrolled)
        return prompt_page(appurl, pending.token, username)
    if store.take(SETUP_PURPOSE, pending.token, _session_token()) is None:
        raise web.FormExpired()
    store.mfa.skip(username)
    return pacer_login.signed_in(username, pending.data["appurl"])


def _finish(pending: Pending) -> Response:
    store = web.mock().store
    if store.take(SETUP_PURPOSE, pending.token, _session_token()) is None:
        raise web.FormExpired()
    return pacer_login.signed_in(pending.data["username"], pending.data["appurl"])


def enroll_answer(appurl: str) -> Response:
    """A step of "Add App" or "Get New Codes" begun at the prompt."""
    place = mfa_enroll.Place(pacer_login.form_action(appurl))
    result = mfa_enroll.answer(place)
    if isinstance(result, Response):
        return result
    if isinstance(result, mfa_enroll.Stopped):
        return _new_prompt(result.username, result.kept, appurl, result.message)
    store = web.mock().store
    data = {"username": result.username, "appurl": result.kept["appurl"], "stage": "done"}
    token = store.issue(SETUP_PURPOSE, data, PENDING_TTL, web.ensure_session().token)
    if result.what == mfa_enroll.CODES:
        messages = [web.info(texts.MFA_CODES_ISSUED)]
        return web.page(
            "mfa/codes.html",
            texts.MFA_CODES_TITLE,
            messages=messages,
            codes=result.codes,
            action=pacer_login.form_action(appurl),
            token=token,
        )
    return web.page(
        "mfa/app_added.html",
        texts.MFA_APP_ADDED_TITLE,
        messages=[web.info(texts.MFA_APP_ADDED)],
        action=pacer_login.form_action(appurl),
        token=token,
    )
