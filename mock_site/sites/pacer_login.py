"""PACER login, the Central Sign-On (pacer.login.uscourts.gov).

Signs people in with their PACER username and password, shows filers the redaction
agreement when they are on their way to CM/ECF, then sends the browser back to `appurl`
with a one-time ticket. The half-done sign-in (password checked, redaction pending) is
kept server-side under a token in the form, so it cannot be skipped or forged. From May 11,
2025 (the mock's date) multifactor authentication comes between the password and the rest:
mfa_login.py.
"""

from __future__ import annotations

import secrets
import time
from urllib.parse import unquote, urlencode, urlsplit, urlunsplit

from flask import Blueprint, redirect, request
from werkzeug.wrappers import Response

from mock_site import mfa, security, web
from mock_site.dialects import texts
from mock_site.sites import mfa_enroll, mfa_login
from mock_site.sites.common import MANAGE_ACCOUNT_PATH, PACER_LOGIN_PATH
from mock_site.store import PENDING_TTL, TICKET_TTL

bp = Blueprint("pacer_login", __name__)

MAX_CLIENT_CODE = 32


@bp.before_request
def apply_faults() -> Response | None:
    """The control API can make PACER login slow or down (never the other sites)."""
    store = web.mock().store
    with store.lock:
        delay_ms, down = store.faults.delay_ms, store.faults.down
    if delay_ms:
        time.sleep(delay_ms / 1000)  # the fault's whole point: a slow answer
    if down:
        response = web.error_page(503, texts.PACER_DOWN_TITLE, texts.PACER_DOWN)
        response.headers["Retry-After"] = "5"
        return response
    return None


bp.before_request(web.check_csrf)


@bp.get("/")
def root() -> Response:
    return redirect(PACER_LOGIN_PATH)


def court_id() -> str:
    given = security.text(request.args, "pscCourtId")
    ok = given.isascii() and given.isalnum() and len(given) <= 20
    return given if ok else texts.COURT_ID


def return_address() -> tuple[str, str | None]:
    """Where to go after signing in, and why not: (appurl, None) when it is a PACER site,
    else (appurl, the reason it is refused)."""
    appurl = security.text(request.args, "appurl")
    if not appurl:
        return web.site_url("pacer", web.path(MANAGE_ACCOUNT_PATH)), None
    urls = web.mock().urls
    refused = security.return_url_refusal(appurl, [urls["ecf"], urls["pacer"]])
    return appurl, refused[1] if refused else None


def form_action(appurl: str) -> str:
    return f"{PACER_LOGIN_PATH}?" + urlencode({"pscCourtId": court_id(), "appurl": appurl})


def with_ticket(appurl: str, ticket: str) -> str:
    """appurl with this ticket as its only `ticket` parameter: a stale one already in it
    would be read first, and the fresh sign-in refused as an expired link."""
    parts = urlsplit(appurl)
    kept = [p for p in parts.query.split("&") if p and unquote(p.split("=")[0]) != "ticket"]
    query = "&".join([*kept, f"ticket={ticket}"])
    return urlunsplit(parts._replace(query=query))


def login_form(
    appurl: str,
    messages: list[web.Message] | None = None,
    username: str = "",
    client_code: str = "",
) -> Response:
    """The login form; after a refusal it keeps what was typed, except the password."""
    return web.page(
        "login.html",
        texts.LOGIN_TITLE,
        messages=messages or [],
        action=form_action(appurl),
        username=username,
        client_code=client_code,
    )


def redaction_form(appurl: str, token: str, messages: list[web.Message] | None = None) -> Response:
    return web.page(
        "redaction.html",
        texts.LOGIN_TITLE,
        messages=messages or [],
        action=form_action(appurl),
        token=token,
    )


def send_back(username: str, appurl: str, sign_on: str) -> Response:
    """302 to appurl with a one-time ticket that only the site at appurl accepts."""
    urls = web.mock().urls
    site = "ecf" if security.origin_of(appurl) == security.origin_of(urls["ecf"]) else "pacer"
    data = {"username": username, "site": site, "sign_on": sign_on}
    ticket = web.mock().store.issue("ticket", data, TICKET_TTL)
    return redirect(with_ticket(appurl, ticket), 302)


@bp.route(PACER_LOGIN_PATH, methods=["GET", "POST"])
def login() -> Response:
    appurl, refused = return_address()
    if refused is not None:
        return web.error_page(400, texts.APPURL_REFUSED_TITLE, texts.appurl_refused(refused))
    if request.method == "GET":
        return login_form(appurl)
    if "regmsg" in request.form:
        return redaction_answer(appurl)
    if mfa_login.MARKER in request.form:
        return mfa_login.passcode_answer(appurl)
    if mfa_login.SETUP_MARKER in request.form:
        return mfa_login.setup_answer(appurl)
    if mfa_enroll.MARKER in request.form:
        return mfa_login.enroll_answer(appurl)
    return sign_in(appurl)


def sign_in(appurl: str) -> Response:
    form = request.form
    username = security.text(form, "loginForm:loginName").strip()
    password = security.text(form, "loginForm:password")
    client_code = security.text(form, "loginForm:clientCode").strip()
    problems = security.length_errors(
        [
            ("Username", username, security.MAX_NAME),
            ("Password", password, security.MAX_PASSWORD),
            ("Client code", client_code, MAX_CLIENT_CODE),
        ]
    )
    if not problems:
        problems = [
            *security.username_problems(username),
            *security.password_problems(password),
        ]
    # Typed values go back into the form, even over-long ones (they can be shortened there).
    if problems:
        return login_form(appurl, [web.error(p) for p in problems], username, client_code)
    store = web.mock().store
    account = store.check_pacer(username, password)
    if account is None:  # unknown, wrong password, or an old CM/ECF login: all the same
        return login_form(appurl, [web.error(texts.LOGIN_INVALID)], username, client_code)
    asked = store.mfa.demand(account.username, store.today())
    if asked != mfa.NOTHING:  # the passcode step, or the prompt to enroll: no session yet
        return mfa_login.begin(account.username, appurl, asked)
    return signed_in(account.username, appurl)


def signed_in(username: str, appurl: str, messages: list[web.Message] | None = None) -> Response:
    """The sign-in is complete (the password, and MFA when it was asked for): a PACER login
    session, then the redaction step for a filer on the way to CM/ECF, else back to appurl."""
    store = web.mock().store
    account = store.accounts[username]
    session = web.start_session("pacer", username, sign_on_for(username))
    going_to_ecf = security.origin_of(appurl) == security.origin_of(web.site_url("ecf"))
    if going_to_ecf and account.can_file:
        # Filers acknowledge the redaction rules first; research-only accounts skip it.
        token = store.issue(
            "signin", {"username": username, "appurl": appurl}, PENDING_TTL, session.token
        )
        return redaction_form(appurl, token, messages)
    return send_back(username, appurl, session.sign_on)


def sign_on_for(username: str) -> str:
    """The sign-in this one belongs to: the same person signing in again in the same browser
    renews their sign-in (one logout still ends it everywhere); anyone else starts a new one."""
    old = web.current_session()
    if old is not None and old.kind == "pacer" and old.subject == username and old.sign_on:
        return old.sign_on
    return secrets.token_urlsafe(16)


def redaction_answer(appurl: str) -> Response:
    form = request.form
    store = web.mock().store
    session = web.current_session()
    session_token = session.token if session else None
    token = security.text(form, "regmsg:token")
    pending = (
        store.peek("signin", token, session_token) if len(token) <= security.MAX_TOKEN else None
    )
    if pending is None:  # forged, expired, or already used (a double submission)
        raise web.FormExpired()
    if "regmsg:bpmCancel" in form:
        store.take("signin", token, session_token)
        web.end_session()
        return login_form(pending.data["appurl"], [web.info(texts.LOGIN_CANCELLED)])
    if security.text(form, "regmsg:chkRedact") not in ("true", "on"):  # only a real tick
        return redaction_form(appurl, token, [web.error(texts.REDACTION_REQUIRED)])
    if store.take("signin", token, session_token) is None:
        raise web.FormExpired()
    sign_on = session.sign_on if session else ""
    return send_back(pending.data["username"], pending.data["appurl"], sign_on)
