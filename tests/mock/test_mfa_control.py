"""The control API's MFA calls: GET and POST /_mock/mfa, and what POST /_mock/reset restores."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient

from mock_site import mfa
from mock_site.store import Store
from tests.mock.helpers import PERSONA, Browser, snapshot

DANA, JANE = PERSONA["unenrolled"], PERSONA["filer"]


@pytest.fixture
def control(apps: dict[str, Flask]) -> FlaskClient:
    return apps["pacer-login"].test_client()


def set_mfa(control: FlaskClient, **body: Any) -> dict[str, Any]:
    answer = control.post("/_mock/mfa", json=body)
    assert answer.status_code == 200, answer.json
    assert answer.json is not None
    return dict(answer.json)


def test_get_answers_the_accounts_state(control: FlaskClient) -> None:
    state = control.get(f"/_mock/mfa?username={JANE.username}").json
    assert state == {
        "username": JANE.username,
        "required": True,
        "selected": False,
        "skips_left": 3,
        "enrolled": True,
        "totp_secret": JANE.totp_secret,
        "totp_secrets": [JANE.totp_secret],
        "backup_codes": list(JANE.backup_codes),
        "locked": False,
        "asks": "passcode",
    }


def test_an_app_set_by_the_control_api_signs_in(
    control: FlaskClient, visitor: Browser, store: Store
) -> None:
    state = set_mfa(control, username=DANA.username, app=True)
    assert state["enrolled"] is True and state["asks"] == "passcode"
    key = state["totp_secret"]
    assert pyotp.TOTP(key).byte_secret()  # a valid base32 key
    page = visitor.pacer_login(DANA.username, DANA.password)  # passes it with that key
    assert "Redaction Agreement" in page.get_data(as_text=True)


def test_skips_required_selected_and_codes(control: FlaskClient) -> None:
    state = set_mfa(control, username=DANA.username, skips_left=0)
    assert state["asks"] == "update required"
    state = set_mfa(control, username=DANA.username, required=False)
    assert state["asks"] == "nothing"
    state = set_mfa(control, username=DANA.username, backup_codes=True)
    assert len(state["backup_codes"]) == 10 and state["asks"] == "passcode"
    state = set_mfa(control, username=DANA.username, backup_codes=False, selected=True)
    assert state["backup_codes"] == [] and state["selected"] is True


def test_app_false_removes_every_app_and_reset_restores_the_seed(control: FlaskClient) -> None:
    state = set_mfa(control, username=JANE.username, app=False, backup_codes=False)
    assert state["enrolled"] is False and state["totp_secrets"] == []
    state = set_mfa(control, username=JANE.username, reset=True)
    assert state["totp_secret"] == JANE.totp_secret and len(state["backup_codes"]) == 10


def test_reset_lifts_a_lockout(control: FlaskClient, store: Store) -> None:
    store.mfa.locks[JANE.username] = mfa.Lockout(until=store.now() + 60)
    assert control.get(f"/_mock/mfa?username={JANE.username}").json["locked"] is True  # type: ignore[index]
    assert set_mfa(control, username=JANE.username, reset=True)["locked"] is False


def test_post_reset_restores_every_accounts_mfa(control: FlaskClient, store: Store) -> None:
    before = snapshot(store)["mfa"]
    set_mfa(control, username=JANE.username, app=False, skips_left=0)
    store.mfa.locks[DANA.username] = mfa.Lockout(until=store.now() + 60)
    control.post("/_mock/reset")
    assert snapshot(store)["mfa"] == before and store.mfa.locks == {}


def test_an_account_made_by_the_control_api_is_pacer_only(control: FlaskClient) -> None:
    control.post("/_mock/accounts", json={"username": "newuser1", "password": "Pass-word-1"})
    state = control.get("/_mock/mfa?username=newuser1").json
    assert state is not None and state["required"] is False and state["asks"] == "nothing"
    assert set_mfa(control, username="newuser1", reset=True)["enrolled"] is False


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({}, "username must name a PACER account"),
        ({"username": "nobody99"}, "username must name a PACER account"),
        ({"username": JANE.username, "app": "yes"}, "app must be true or false"),
        ({"username": JANE.username, "reset": 1}, "reset must be true or false"),
        ({"username": JANE.username, "skips_left": 4}, "skips_left must be an integer from 0 to 3"),
        ({"username": JANE.username, "skips_left": True}, "skips_left must be an integer"),
        ({"username": JANE.username, "skips_left": -1}, "skips_left must be an integer"),
        ({"username": JANE.username, "skips": 1}, "unknown key skips"),
        ({"username": JANE.username, "app": False, "required": None}, "required must be"),
        ({"username": ["x"]}, "username must be a string"),
        ({"username": "\udcff" * 8}, "UTF-8"),
    ],
)
def test_a_refused_call_changes_nothing(
    control: FlaskClient, store: Store, body: dict[str, Any], error: str
) -> None:
    before = snapshot(store)
    answer = control.post("/_mock/mfa", json=body)
    assert answer.status_code in (400, 404)
    assert answer.json is not None and error in answer.json["error"]
    assert snapshot(store) == before


@pytest.mark.parametrize(
    "query", ["", "?username=", "?username=nobody99", "?username=" + "a" * 5000]
)
def test_get_for_no_account_is_a_clear_404(control: FlaskClient, query: str) -> None:
    answer = control.get("/_mock/mfa" + query)
    assert answer.status_code == 404
    assert answer.json == {"error": "username must name a PACER account"}


def test_the_mfa_calls_are_absent_without_test_mode(production_apps: dict[str, Flask]) -> None:
    client = production_apps["pacer-login"].test_client()
    assert client.get(f"/_mock/mfa?username={JANE.username}").status_code == 404
    assert client.get("/_mock/clock").status_code == 404
