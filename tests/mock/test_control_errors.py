"""The control API, /_mock, against bad requests.

Whatever comes in: a JSON {"error": ...} that says what is wrong, never an HTML page or a
traceback, and nothing in the store changed (a bad call is refused whole, never half-applied).
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from flask import Flask

from mock_site.store import Store
from tests.mock.helpers import LOGIN_PATH, URLS, Browser, snapshot, text


def refused(answer: Any, status: int = 400) -> str:
    """The error message of a JSON refusal with that status."""
    assert answer.status_code == status, text(answer)
    assert answer.is_json, text(answer)[:200]
    assert set(answer.json) == {"error"} and answer.json["error"]
    message: str = answer.json["error"]
    return message


# --- errors that never reach a control call: routing, size, bugs ------------------------------
@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/_mock/nope", 404),
        ("POST", "/_mock/nope/deeper", 404),
        ("GET", "/_mock", 404),
        ("GET", "/_mock/reset", 405),
        ("PUT", "/_mock/clock", 405),
        ("POST", "/_mock/health", 405),
        ("PUT", "/_mock/mfa", 405),
        ("DELETE", "/_mock/clock", 405),
    ],
)
def test_routing_errors_answer_json(
    apps: dict[str, Flask], method: str, path: str, status: int
) -> None:
    message = refused(apps["court"].test_client().open(path, method=method), status)
    assert path in message or method in message


def test_a_wrong_method_says_which_methods_work(apps: dict[str, Flask]) -> None:
    answer = apps["ecf"].test_client().get("/_mock/reset")
    assert "POST" in refused(answer, 405)
    assert "POST" in answer.headers["Allow"]


def test_a_body_over_the_size_limit_answers_json(apps: dict[str, Flask], store: Store) -> None:
    before = snapshot(store)
    client = apps["ecf"].test_client()
    big = "x" * 300_000
    refused(client.post("/_mock/accounts", data=big, content_type="application/json"), 413)
    assert snapshot(store) == before


def test_the_sites_own_errors_stay_pages(apps: dict[str, Flask]) -> None:
    """The JSON errors are for /_mock only; a page elsewhere keeps the site's error page."""
    answer = apps["ecf"].test_client().get("/_mockery")
    assert answer.status_code == 404 and "Page not found" in text(answer)


def test_a_bug_is_logged_and_answers_json_without_a_traceback(
    apps: dict[str, Flask],
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(keep_sessions: bool = False) -> None:
        raise KeyError("secret-internal-detail")

    monkeypatch.setattr(store, "reset", broken)
    with caplog.at_level(logging.ERROR):
        answer = apps["ecf"].test_client().post("/_mock/reset")
    message = refused(answer, 500)
    assert "secret-internal-detail" not in message and "Traceback" not in text(answer)
    assert "log" in message, "the answer says where to look"
    (record,) = [r for r in caplog.records if r.exc_info]
    assert "secret-internal-detail" in str(record.exc_info[1]), "the bug is in the log"


# --- the body --------------------------------------------------------------------------------
POST_CALLS = ["/_mock/reset", "/_mock/accounts", "/_mock/links", "/_mock/signin", "/_mock/clock"]
POST_CALLS += ["/_mock/faults", "/_mock/activations", "/_mock/mfa"]


@pytest.mark.parametrize("path", POST_CALLS)
@pytest.mark.parametrize("raw", ["[" * 50_000, '{"a":' * 30_000, "not json", "[1, 2]", '"x"'])
def test_a_body_that_is_not_a_json_object_is_refused(
    apps: dict[str, Flask], store: Store, path: str, raw: str
) -> None:
    """Deep nesting included: json recurses on it, and a RecursionError is no ValueError."""
    before = snapshot(store)
    answer = apps["ecf"].test_client().post(path, data=raw, content_type="application/json")
    assert refused(answer) == "the body must be a JSON object"
    assert snapshot(store) == before


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_a_json_body_sent_as_another_type_is_told_to_say_json(
    apps: dict[str, Flask], store: Store, content_type: str
) -> None:
    """Flask reads such a body as no JSON at all; "must be a JSON object" would puzzle."""
    before = snapshot(store)
    raw = '{"today": "2020-03-10"}'
    answer = apps["ecf"].test_client().post("/_mock/clock", data=raw, content_type=content_type)
    assert refused(answer) == "send the body as JSON, with Content-Type: application/json"
    assert snapshot(store) == before


# --- strings ---------------------------------------------------------------------------------
ACCOUNT = {"username": "kim2020", "password": "Kim-pass-2020"}
ECF_ACCOUNT = {"ecf_login": "klee-ecf", "ecf_password": "Klee-ecf-2019"}
LONE_SURROGATE = "\udcff"  # valid in JSON ("\\udcff"), but no UTF-8 encoding exists


@pytest.mark.parametrize(
    ("path", "valid", "field"),
    [
        ("/_mock/accounts", ACCOUNT, "username"),
        ("/_mock/accounts", ACCOUNT, "password"),
        ("/_mock/accounts", ACCOUNT, "name"),
        ("/_mock/accounts", ACCOUNT, "email"),
        ("/_mock/accounts", ACCOUNT, "type"),
        ("/_mock/accounts", ECF_ACCOUNT, "ecf_login"),
        ("/_mock/accounts", ECF_ACCOUNT, "ecf_password"),
        ("/_mock/accounts", ECF_ACCOUNT, "ecf_name"),
        ("/_mock/links", {"username": "jdoe2020", "ecf_login": "jdoe-old"}, "ecf_login"),
        ("/_mock/signin", {"username": "jdoe2020"}, "site"),
        ("/_mock/activations", {"username": "bwong2020"}, "username"),
    ],
)
def test_a_string_with_a_lone_surrogate_is_refused_by_name(
    apps: dict[str, Flask], store: Store, path: str, valid: dict[str, Any], field: str
) -> None:
    """Stored, it would fail later: hashing a password, or every page showing a name."""
    before = snapshot(store)
    body = {**valid, field: "Kim" + LONE_SURROGATE}
    message = refused(apps["ecf"].test_client().post(path, json=body))
    assert field in message and "UTF-8" in message
    assert snapshot(store) == before


def test_a_surrogate_name_leaves_no_account_to_break_pages(apps: dict[str, Flask]) -> None:
    """The audit's reproducer: the account was stored, and every page showing its name gave
    500 until a reset. Now there is no such account to sign in as."""
    control = apps["ecf"].test_client()
    body = {"username": "surr01", "password": "Passw0rd!", "name": LONE_SURROGATE}
    refused(control.post("/_mock/accounts", json=body))
    refused(control.post("/_mock/signin", json={"username": "surr01"}), 404)


@pytest.mark.parametrize(
    ("valid", "field", "limit"),
    [
        (ACCOUNT, "username", 100),
        (ACCOUNT, "password", 200),
        (ACCOUNT, "email", 254),
        (ACCOUNT, "name", 200),
        (ECF_ACCOUNT, "ecf_login", 100),
        (ECF_ACCOUNT, "ecf_password", 200),
    ],
)
def test_strings_longer_than_the_forms_take_are_refused(
    apps: dict[str, Flask], store: Store, valid: dict[str, Any], field: str, limit: int
) -> None:
    """The limits of the forms that read them later: PACER login, CM/ECF login, forgot password.
    A 150-character username used to make an account the login form calls "too long"."""
    before = snapshot(store)
    body = {**valid, field: "a" * (limit + 1)}
    message = refused(apps["ecf"].test_client().post("/_mock/accounts", json=body))
    assert message == f"{field} must be a string of at most {limit} characters"
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("valid", "field"), [(ACCOUNT, "username"), (ACCOUNT, "email"), (ECF_ACCOUNT, "ecf_login")]
)
@pytest.mark.parametrize("padding", [" ", "\t", "\n"])
def test_values_the_forms_strip_must_not_be_padded(
    apps: dict[str, Flask], store: Store, valid: dict[str, Any], field: str, padding: str
) -> None:
    """The forms strip these before matching, so " padded " could never sign in."""
    before = snapshot(store)
    for padded in (padding + "kim2021", "kim2021" + padding):
        body = {**valid, field: padded}
        message = refused(apps["ecf"].test_client().post("/_mock/accounts", json=body))
        assert field in message and "spaces" in message
    assert snapshot(store) == before


@pytest.mark.parametrize(("field", "minimum"), [("username", 6), ("password", 8)])
def test_a_username_or_password_shorter_than_pacer_login_takes_is_refused(
    apps: dict[str, Flask], store: Store, field: str, minimum: int
) -> None:
    """PACER login refuses them ("Username must be at least 6 characters"), so such an
    account could never sign in."""
    before = snapshot(store)
    body = {**ACCOUNT, field: "a" * (minimum - 1)}
    message = refused(apps["ecf"].test_client().post("/_mock/accounts", json=body))
    assert message == f"{field} must be at least {minimum} characters (PACER login's rule)"
    assert snapshot(store) == before


def test_the_shortest_account_allowed_signs_in_at_pacer_login(
    apps: dict[str, Flask], visitor: Browser
) -> None:
    body = {"username": "u" * 6, "password": "p" * 8}
    assert apps["ecf"].test_client().post("/_mock/accounts", json=body).status_code == 201
    visitor.pacer_login("u" * 6, "p" * 8, LOGIN_PATH)
    assert visitor.url.startswith(URLS["pacer"] + "/manage-account"), visitor.history


def test_the_longest_account_allowed_signs_in_at_the_forms(
    apps: dict[str, Flask], visitor: Browser
) -> None:
    """The limits are the forms' own: an account at every limit signs in. Padded passwords
    are fine, because no form strips a password."""
    username, password = "u" * 100, " " + "p" * 198 + " "
    ecf_login, ecf_password = "e" * 100, " " + "q" * 198 + " "
    control = apps["ecf"].test_client()
    body = {
        "username": username,
        "password": password,
        "email": "m" * 242 + "@example.com",
        "name": "n" * 200,
        "ecf_login": ecf_login,
        "ecf_password": ecf_password,
    }
    assert control.post("/_mock/accounts", json=body).status_code == 201
    visitor.pacer_login(username, password, LOGIN_PATH)
    assert visitor.url.startswith(URLS["pacer"] + "/manage-account"), visitor.history
    control.post("/_mock/clock", json={"today": "2020-03-01"})  # CM/ECF's own login, pre-NextGen
    visitor.get("ecf", "/cgi-bin/login.pl")
    visitor.submit("ecf", "/cgi-bin/login.pl", {"login": ecf_login, "key": ecf_password})
    assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl", visitor.history


# --- the clock -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "seconds", ["Infinity", "-Infinity", "NaN", "1e400", "1" + "0" * 400, "-1", "true", '"60"']
)
def test_advance_seconds_must_be_a_finite_number(
    apps: dict[str, Flask], store: Store, seconds: str
) -> None:
    """Python's json reads Infinity and NaN, and 1e400 as infinity; none is a time step."""
    raw = '{"advance_seconds": ' + seconds + "}"
    answer = (
        apps["ecf"].test_client().post("/_mock/clock", data=raw, content_type="application/json")
    )
    assert refused(answer) == "advance_seconds must be a finite number >= 0"
    assert store.time_offset == 0.0


@pytest.mark.parametrize(
    "body",
    [
        {"today": "2020-03-10", "advance_seconds": -5},
        {"today": "2020-03-10", "advance_seconds": float("inf")},
        {"advance_seconds": 60, "today": "10/03/2020"},
    ],
)
def test_a_bad_clock_call_changes_nothing(
    apps: dict[str, Flask], store: Store, body: dict[str, Any]
) -> None:
    """Every value is checked before any is applied: the date used to change on a 400."""
    before = snapshot(store)
    refused(apps["ecf"].test_client().post("/_mock/clock", json=body))
    assert snapshot(store) == before and store.time_offset == 0.0


@pytest.mark.parametrize(
    "today", [20200310, "20200310", "2020-W11-2", "2020-3-10", ["2020-03-10"]], ids=repr
)
def test_today_is_a_yyyy_mm_dd_string(apps: dict[str, Flask], store: Store, today: Any) -> None:
    """No str() of a number, and none of the other ISO forms date.fromisoformat reads."""
    answer = apps["ecf"].test_client().post("/_mock/clock", json={"today": today})
    assert refused(answer) == "today must be YYYY-MM-DD or null"
    assert store.today_override is None


def test_a_good_clock_call_applies_both(apps: dict[str, Flask], store: Store) -> None:
    body = {"today": "2020-03-10", "advance_seconds": 90.5}
    assert apps["ecf"].test_client().post("/_mock/clock", json=body).json == {"today": "2020-03-10"}
    assert store.today().isoformat() == "2020-03-10" and store.time_offset == 90.5


# --- keys and types --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "body", "key"),
    [
        ("/_mock/reset", {"keep_session": True}, "keep_session"),
        ("/_mock/clock", {"tday": "2020-03-01"}, "tday"),
        ("/_mock/accounts", {**ACCOUNT, "staus": "inactive"}, "staus"),
        ("/_mock/links", {"username": "jdoe2020", "ecf_login": "jdoe-old", "x": 1}, "x"),
        ("/_mock/signin", {"username": "jdoe2020", "sites": "pacer"}, "sites"),
        ("/_mock/faults", {"pacer_login": {"down": True}, "court": {}}, "court"),
        ("/_mock/faults", {"pacer_login": {"delay": 3000}}, "delay"),
    ],
)
def test_an_unknown_key_is_refused_by_name(
    apps: dict[str, Flask], store: Store, path: str, body: dict[str, Any], key: str
) -> None:
    """A misspelt key used to answer 200 and do nothing (or, for faults, clear them)."""
    store.faults.down = True
    store.link("jdoe2020", "jdoe-ecf")
    before = snapshot(store)
    assert key in refused(apps["ecf"].test_client().post(path, json=body))
    assert snapshot(store) == before


@pytest.mark.parametrize("keep", ["yes", "true", 1, 0, None, [True]])
def test_keep_sessions_must_be_true_or_false(
    apps: dict[str, Flask], store: Store, keep: Any
) -> None:
    """ "yes" used to count as false, and reset everything."""
    store.link("jdoe2020", "jdoe-ecf")
    before = snapshot(store)
    answer = apps["ecf"].test_client().post("/_mock/reset", json={"keep_sessions": keep})
    assert refused(answer) == "keep_sessions must be true or false"
    assert snapshot(store) == before, "a refused reset resets nothing"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**ECF_ACCOUNT, "password": "Kim-pass-2020"}, "password"),
        ({**ECF_ACCOUNT, "status": "inactive"}, "status"),
        ({**ACCOUNT, "ecf_password": "Klee-ecf-2019"}, "ecf_password"),
        ({**ACCOUNT, "ecf_name": "Kim Lee"}, "ecf_name"),
        ({**ACCOUNT, "username": 2020}, "username"),
        ({**ACCOUNT, "name": ["Kim"]}, "name"),
        ({**ACCOUNT, **ECF_ACCOUNT, "ecf_linked": "yes"}, "ecf_linked"),
    ],
)
def test_account_fields_of_the_wrong_type_or_without_their_account_are_refused(
    apps: dict[str, Flask], store: Store, body: dict[str, Any], field: str
) -> None:
    """A PACER field without a username (or a CM/ECF one without an ecf_login) was ignored."""
    before = snapshot(store)
    assert field in refused(apps["ecf"].test_client().post("/_mock/accounts", json=body))
    assert snapshot(store) == before
