"""The control API, continued: one account's multifactor authentication state.

GET /_mock/mfa?username=U answers the account's state; POST /_mock/mfa sets it (see
docs/mfa-interface.md). Routes on control.bp, so in test mode only, and errors as JSON.
"""

from __future__ import annotations

from typing import Any

from flask import jsonify, request
from werkzeug.wrappers import Response

from mock_site import mfa, security, web
from mock_site.control import ControlError, body, boolean, bp, string
from mock_site.mfa import MfaState
from mock_site.personas import PERSONAS, seeded_mfa

MFA_KEYS = ("username", "reset", "app", "backup_codes", "required", "selected", "skips_left")


def mfa_record(username: str) -> dict[str, Any]:
    store = web.mock().store
    with store.lock:
        state = store.mfa.state(username)
        return {
            "username": username,
            "required": state.required,
            "selected": state.selected,
            "skips_left": state.skips_left,
            "enrolled": state.enrolled,
            "totp_secret": state.apps[0] if state.apps else None,
            "totp_secrets": list(state.apps),
            "backup_codes": list(state.backup_codes),
            "locked": store.mfa.locked(username, store.now()),
            "asks": store.mfa.demand(username, store.today()),
        }


def known_username(value: str | None) -> str:
    store = web.mock().store
    if not value or value not in store.accounts:
        raise ControlError("username must name a PACER account", 404)
    return value


@bp.get("/mfa")
def read_mfa() -> Response:
    username = security.text(request.args, "username")
    return jsonify(mfa_record(known_username(username[: security.MAX_NAME + 1])))


@bp.post("/mfa")
def set_mfa() -> Response:
    """Set one account's MFA state; every value is checked before any is applied."""
    data = body(*MFA_KEYS)
    username = known_username(string(data, "username"))
    reset = boolean(data, "reset")
    flags = {name: boolean(data, name) for name in ("app", "backup_codes", "required", "selected")}
    skips = data.get("skips_left")
    if "skips_left" in data and (
        not isinstance(skips, int) or isinstance(skips, bool) or not 0 <= skips <= mfa.SKIPS
    ):
        raise ControlError(f"skips_left must be an integer from 0 to {mfa.SKIPS}")
    store = web.mock().store
    with store.lock:
        if reset:
            seeds = {seed.username: seed for seed in PERSONAS}
            fresh = seeded_mfa(seeds[username]) if username in seeds else MfaState(required=False)
            store.mfa.states[username] = fresh
            store.mfa.locks.pop(username, None)
        state = store.mfa.state(username)
        apply(state, data, flags, store.today().isoformat())
        if isinstance(skips, int):
            state.skips_left = skips
    return jsonify(mfa_record(username))


def apply(state: MfaState, data: dict[str, Any], flags: dict[str, bool], today: str) -> None:
    """app: true pairs a new app when there is none, false unpairs every app; backup_codes:
    true issues 10 codes when none is unused, false voids them; required, selected: as given."""
    if "app" in data:
        if flags["app"] and not state.apps:
            state.apps, state.added = [mfa.new_key()], [today]
        elif not flags["app"]:
            state.apps, state.added = [], []
    if "backup_codes" in data:
        if flags["backup_codes"] and not state.backup_codes:
            state.backup_codes = mfa.new_backup_codes()
        elif not flags["backup_codes"]:
            state.backup_codes = []
        state.used_backup_codes = []
    for name in ("required", "selected"):
        if name in data:
            setattr(state, name, flags[name])
