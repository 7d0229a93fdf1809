"""The test-control API, /_mock/..., mounted on every site app in test mode only.

Plain JSON over HTTP, so it drives a mock in this process, another process or a container
alike. All sites share one store, so any site's /_mock answers for the whole mock.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import secrets
from typing import Any

from flask import Blueprint, jsonify, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.wrappers import Response

from mock_site import security, web
from mock_site.personas import PERSONAS, persona_record
from mock_site.sites.common import MANAGE_ACCOUNT_PATH
from mock_site.sites.ecf import LOGIN as ECF_LOGIN_PATH
from mock_site.store import TICKET_TTL, EcfAccount, PacerAccount, fixture_hash

bp = Blueprint("mock_control", __name__, url_prefix="/_mock")
log = logging.getLogger(__name__)

CHOICES = {
    "type": ("upgraded", "legacy"),
    "kind": ("individual", "shared"),
    "status": ("active", "inactive"),
    "role": ("user", "clerk"),
}
MAX_DELAY_MS = 60_000
# An account made here must be one the forms can sign in to, so the strings the forms read
# later (PACER login, CM/ECF login, forgot password) get those forms' limits...
LIMITS = {
    "username": security.MAX_NAME,
    "password": security.MAX_PASSWORD,
    "email": security.MAX_EMAIL,
    "ecf_login": security.MAX_NAME,
    "ecf_password": security.MAX_PASSWORD,
}
MAX_TEXT = security.MAX_NAME * 2  # the rest (names, choices) is only shown or compared
# ...and the ones the forms strip before matching must not be padded: they never would match.
UNPADDED = {"username", "email", "ecf_login"}
# PACER login also refuses a username or password shorter than its minimums.
MINIMUMS = {"username": security.MIN_USERNAME, "password": security.MIN_PASSWORD}


class ControlError(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def is_control_path() -> bool:
    return request.path == "/_mock" or request.path.startswith("/_mock/")


# App-wide, not on the blueprint: routing errors (an unknown /_mock path, a wrong method)
# never reach a blueprint's handlers. Registering them replaces the handlers web.install set
# (the blueprint is registered after it), so every other path is handed back to those.
@bp.app_errorhandler(HTTPException)
@bp.app_errorhandler(Exception)
def error(exc: Exception) -> Response | HTTPException:
    """Under /_mock, every error as JSON {"error": ...}; elsewhere, the site's error page."""
    if not is_control_path():
        if isinstance(exc, HTTPException):
            return web.handle_http_error(exc)
        return web.handle_unexpected(exc)
    if isinstance(exc, HTTPException) and (exc.code or 500) < 400:
        return exc  # routing redirects (e.g. a missing trailing slash) pass through
    status, message = describe(exc)
    response = jsonify({"error": message})
    response.status_code = status
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        response.headers["Allow"] = ", ".join(exc.valid_methods)
    return response


def describe(exc: Exception) -> tuple[int, str]:
    """The status and message of a control API error."""
    if isinstance(exc, ControlError):
        return exc.status, exc.message
    if isinstance(exc, NotFound):
        return 404, f"no control call at {request.path} (see docs/portal-map.md)"
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        usable = [m for m in exc.valid_methods if m not in ("HEAD", "OPTIONS")]
        return 405, f"{request.method} is not allowed here; use {', '.join(usable)}"
    if isinstance(exc, HTTPException):
        return exc.code or 500, exc.description or exc.name
    # A bug in the mock: logged with its traceback, answered without one.
    log.exception("unexpected error in the control API", exc_info=exc)
    return 500, "unexpected error in the mock; its log has the details"


def body(*keys: str, expected: str = "") -> dict[str, Any]:
    """The JSON body as an object with none but these keys; none at all counts as {}."""
    if not request.get_data(cache=True):
        return {}
    if not request.is_json:  # Flask would read it as no JSON at all, a puzzling refusal
        raise ControlError("send the body as JSON, with Content-Type: application/json")
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # silent absorbs ValueError only; "[" * 50000 recurses this deep
        data = None
    if not isinstance(data, dict):
        raise ControlError("the body must be a JSON object")
    only(data, keys, expected)
    return data


def only(data: dict[str, Any], keys: tuple[str, ...], expected: str = "") -> None:
    """Refuse keys the call does not know: a misspelt one would otherwise do nothing."""
    unknown = sorted(set(data) - set(keys))
    if unknown:
        plural = "s" if len(unknown) > 1 else ""
        raise ControlError(
            f"unknown key{plural} {', '.join(unknown)}; expected {expected or ', '.join(keys)}"
        )


def boolean(data: dict[str, Any], name: str) -> bool:
    value = data.get(name, False)
    if not isinstance(value, bool):
        raise ControlError(f"{name} must be true or false")
    return value


def string(data: dict[str, Any], name: str, default: str | None = None) -> str | None:
    value = data.get(name, default)
    if value is None:
        return None
    limit = LIMITS.get(name, MAX_TEXT)
    if not isinstance(value, str) or len(value) > limit:
        raise ControlError(f"{name} must be a string of at most {limit} characters")
    if not encodable(value):
        # JSON lets a lone surrogate ("\udcff") through; stored, it would fail later, when a
        # password is hashed or when a page showing the name is encoded.
        raise ControlError(f"{name} must be text that UTF-8 can encode (no lone surrogates)")
    if name in UNPADDED and value != value.strip():
        raise ControlError(f"{name} must not start or end with spaces (the forms strip them)")
    if 0 < len(value) < MINIMUMS.get(name, 0):
        raise ControlError(
            f"{name} must be at least {MINIMUMS[name]} characters (PACER login's rule)"
        )
    return value


def encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@bp.get("/health")
def health() -> Response:
    site = web.mock()
    return jsonify({"mock": True, "today": site.store.today().isoformat(), "sites": site.urls})


@bp.post("/reset")
def reset() -> Response:
    keep_sessions = boolean(body("keep_sessions"), "keep_sessions")
    web.mock().store.reset(keep_sessions=keep_sessions)
    return jsonify({"reset": True, "kept_sessions": keep_sessions})


@bp.get("/personas")
def personas() -> Response:
    mfa = web.mock().store.mfa
    with mfa.lock:
        records = {seed.key: persona_record(seed, mfa.state(seed.username)) for seed in PERSONAS}
    return jsonify(records)


PACER_FIELDS = ("username", "password", "name", "email", *CHOICES)
ECF_FIELDS = ("ecf_login", "ecf_password", "ecf_name", "ecf_linked")


@bp.post("/accounts")
def create_account() -> tuple[Response, int]:
    """A PACER account and/or a CM/ECF account in a given state (see docs/portal-map.md)."""
    data = body(*PACER_FIELDS, *ECF_FIELDS)
    username = string(data, "username")
    ecf_login = string(data, "ecf_login")
    if not username and not ecf_login:
        raise ControlError("give a username (PACER account) and/or an ecf_login (CM/ECF account)")
    # A field of an account not being made would be silently ignored.
    for fields, key in ((PACER_FIELDS, username), (ECF_FIELDS, ecf_login)):
        orphans = [name for name in fields[1:] if name in data]
        if orphans and not key:
            raise ControlError(f"{', '.join(orphans)} given without {fields[0]}")
    pacer = new_pacer(data, username) if username else None
    ecf = new_ecf(data, ecf_login, pacer) if ecf_login else None
    store = web.mock().store
    with store.lock:
        if pacer and pacer.username in store.accounts:
            raise ControlError(f"PACER account {pacer.username} exists already", 409)
        if ecf and ecf.login in store.ecf_accounts:
            raise ControlError(f"CM/ECF account {ecf.login} exists already", 409)
        if pacer:
            store.accounts[pacer.username] = pacer
        if ecf:
            store.ecf_accounts[ecf.login] = ecf
    created = {
        "username": username,
        "ecf_login": ecf_login,
        "ecf_linked": bool(ecf and ecf.linked_to),
    }
    if pacer:
        created.update(
            name=pacer.name, email=pacer.email, type=pacer.type, kind=pacer.kind,
            status=pacer.status, role=pacer.role,
        )  # fmt: skip
    return jsonify(created), 201


def new_pacer(data: dict[str, Any], username: str) -> PacerAccount:
    password = string(data, "password")
    if not password:
        raise ControlError("password is required with username")
    choices = {}
    for name, allowed in CHOICES.items():
        choices[name] = string(data, name, allowed[0])
        if choices[name] not in allowed:
            raise ControlError(f"{name} must be one of {', '.join(allowed)}")
    return PacerAccount(
        username,
        string(data, "name", username) or username,
        string(data, "email", f"{username}@example.com") or "",
        fixture_hash(password),
        str(choices["type"]),
        str(choices["kind"]),
        str(choices["status"]),
        str(choices["role"]),
    )


def new_ecf(data: dict[str, Any], ecf_login: str, pacer: PacerAccount | None) -> EcfAccount:
    ecf_password = string(data, "ecf_password")
    if not ecf_password:
        raise ControlError("ecf_password is required with ecf_login")
    linked = boolean(data, "ecf_linked")
    if linked and not pacer:
        raise ControlError("ecf_linked true needs a username: the PACER account to link to")
    owner = string(data, "ecf_name") or (pacer.name if pacer else ecf_login)
    return EcfAccount(
        ecf_login, owner, fixture_hash(ecf_password), pacer.username if linked and pacer else None
    )


@bp.post("/links")
def link() -> Response:
    """Link a CM/ECF account to a PACER account directly: state without navigation."""
    data = body("username", "ecf_login")
    username, ecf_login = string(data, "username"), string(data, "ecf_login")
    if not username or not ecf_login:
        raise ControlError("username and ecf_login are required")
    result = web.mock().store.link(username, ecf_login)
    if result != "linked":
        raise ControlError(f"not linked: {result}", 404 if result == "unknown" else 409)
    return jsonify({"username": username, "ecf_login": ecf_login, "linked": True})


@bp.post("/activations")
def activate() -> Response:
    """Activate a PACER account, as PACER does once credit card information is on file."""
    username = string(body("username"), "username")
    if not username:
        raise ControlError("username is required")
    if not web.mock().store.activate(username):
        raise ControlError(f"no PACER account {username}", 404)
    return jsonify({"username": username, "status": "active"})


@bp.post("/signin")
def sign_in() -> Response:
    """A one-time sign-in URL for a site (ecf or pacer) that skips the PACER login pages."""
    data = body("username", "site")
    username = string(data, "username")
    site = string(data, "site", "ecf")
    store = web.mock().store
    if not username or username not in store.accounts:
        raise ControlError("username must name a PACER account", 404)
    if site not in ("ecf", "pacer"):
        raise ControlError("site must be ecf or pacer")
    # A sign-in of its own, as if the password had just been typed at PACER login.
    sign_on = secrets.token_urlsafe(16)
    ticket = store.issue(
        "ticket", {"username": username, "site": site, "sign_on": sign_on}, TICKET_TTL
    )
    path = ECF_LOGIN_PATH if site == "ecf" else MANAGE_ACCOUNT_PATH
    return jsonify({"url": f"{web.site_url(site, web.path(path))}?ticket={ticket}"})


@bp.get("/clock")
def read_clock() -> Response:
    """The mock's date, and its time (epoch seconds): the one TOTP passcodes are checked at."""
    return jsonify(clock_record())


def clock_record() -> dict[str, Any]:
    store = web.mock().store
    return {"today": store.today().isoformat(), "now": store.now()}


@bp.post("/clock")
def clock() -> Response:
    data = body("today", "advance_seconds")
    # Every value is checked before any is applied: a refused call leaves the clock alone.
    today = iso_date(data["today"]) if "today" in data else None
    seconds = finite_seconds(data["advance_seconds"]) if "advance_seconds" in data else 0.0
    store = web.mock().store
    with store.lock:
        if "today" in data:
            store.set_today(today)
        store.advance(seconds)
    return jsonify({"today": store.today().isoformat()})


def iso_date(value: Any) -> dt.date | None:
    """A YYYY-MM-DD string as a date; null as None (back to the real date)."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            date = dt.date.fromisoformat(value)
        except ValueError:
            date = None
        if date is not None and date.isoformat() == value:  # not 20200310 or 2020-W11-2
            return date
    raise ControlError("today must be YYYY-MM-DD or null")


def finite_seconds(value: Any) -> float:
    """A JSON number >= 0 as seconds; Python's json also reads Infinity, NaN and 1e400."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            seconds = float(value)
        except OverflowError:  # an integer too big for a float
            seconds = math.inf
        if math.isfinite(seconds) and seconds >= 0:
            return seconds
    raise ControlError("advance_seconds must be a finite number >= 0")


@bp.get("/outbox")
def outbox() -> Response:
    return jsonify(web.mock().store.outbox_json())


@bp.delete("/outbox")
def clear_outbox() -> Response:
    store = web.mock().store
    with store.lock:
        store.outbox.clear()
    return jsonify([])


FAULTS = '{"pacer_login": {"delay_ms": N, "down": bool}} or {}'


@bp.post("/faults")
def faults() -> Response:
    login = body("pacer_login", expected=FAULTS).get("pacer_login", {})
    if not isinstance(login, dict):
        raise ControlError(f"expected {FAULTS}")
    only(login, ("delay_ms", "down"), FAULTS)
    delay = login.get("delay_ms", 0)
    if not isinstance(delay, int) or isinstance(delay, bool) or not 0 <= delay <= MAX_DELAY_MS:
        raise ControlError(f"delay_ms must be an integer from 0 to {MAX_DELAY_MS}")
    down = boolean(login, "down")
    store = web.mock().store
    with store.lock:
        store.faults.delay_ms = delay
        store.faults.down = down
    return jsonify({"pacer_login": {"delay_ms": delay, "down": down}})
