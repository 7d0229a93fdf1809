"""The test-control API, /_mock: only in test mode, on every site, one store."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from flask import Flask

from mock_site.personas import PERSONAS
from mock_site.store import SITES, Store
from tests.mock.helpers import URLS, Browser, text


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("path", ["/_mock/health", "/_mock/personas", "/_mock/outbox"])
def test_absent_without_test_mode(production_apps: dict[str, Flask], site: str, path: str) -> None:
    client = production_apps[site].test_client()
    assert client.get(path).status_code == 404
    assert client.post("/_mock/reset").status_code == 404


@pytest.mark.parametrize("site", SITES)
def test_health_answers_on_every_site(apps: dict[str, Flask], site: str) -> None:
    answer = apps[site].test_client().get("/_mock/health").json
    assert answer == {"mock": True, "today": dt.date.today().isoformat(), "sites": URLS}


def test_personas_are_the_contract_table(apps: dict[str, Flask]) -> None:
    personas = apps["ecf"].test_client().get("/_mock/personas").json
    assert personas is not None
    table = {
        key: (
            p["username"],
            p["name"],
            p["email"],
            p["type"],
            p["kind"],
            p["status"],
            p["ecf_login"],
        )
        for key, p in personas.items()
    }
    assert table == {
        "filer": (
            "jdoe2020",
            "Jane Doe",
            "jane.doe@example.com",
            "upgraded",
            "individual",
            "active",
            "jdoe-ecf",
        ),
        "linked_filer": (
            "asmith2020",
            "Alan Smith",
            "alan.smith@example.com",
            "upgraded",
            "individual",
            "active",
            "asmith-ecf",
        ),
        "firm": (
            "bakerlowe01",
            "Baker & Lowe LLP",
            "accounts@bakerlowe.example.com",
            "upgraded",
            "shared",
            "active",
            "blowe-ecf",
        ),
        "inactive": (
            "bwong2020",
            "Beth Wong",
            "beth.wong@example.com",
            "upgraded",
            "individual",
            "inactive",
            "bwong-ecf",
        ),
        "legacy": (
            "LP1234",
            "Luis Park",
            "luis.park@example.com",
            "legacy",
            "individual",
            "active",
            "lpark-ecf",
        ),
        "clerk": (
            "citclerk01",
            "Court Clerk",
            "clerk@cit.example.com",
            "upgraded",
            "individual",
            "active",
            None,
        ),
        "unenrolled": (
            "dlee2020",
            "Dana Lee",
            "dana.lee@example.com",
            "upgraded",
            "individual",
            "active",
            "dlee-ecf",
        ),
    }
    assert personas["filer"]["wrong_ecf_login"] == "jdoe-old"
    assert personas["linked_filer"]["ecf_linked"] is True
    assert personas["filer"]["ecf_linked"] is False
    assert personas["clerk"]["role"] == "clerk"


def test_passwords_are_stored_hashed(store: Store) -> None:
    for seed in PERSONAS:
        stored = store.accounts[seed.username].password_hash
        assert seed.password not in stored and stored.startswith("pbkdf2:sha256:")


def test_reset_restores_the_seeded_state_and_is_fast(
    apps: dict[str, Flask], visitor: Browser, store: Store
) -> None:
    control = apps["court"].test_client()
    store.link("jdoe2020", "jdoe-ecf")
    store.send_email("x@example.com", "s", "b", "f")
    store.set_today(dt.date(2020, 1, 1))
    store.faults.down = True
    control.post("/_mock/accounts", json={"username": "extra01", "password": "Extra-pass-1"})
    store.set_password("jdoe2020", "Changed-pass-1")
    visitor.quick_sign_in("asmith2020")
    started = time.perf_counter()
    assert control.post("/_mock/reset").json == {"reset": True, "kept_sessions": False}
    elapsed = time.perf_counter() - started
    assert elapsed < 0.05, f"reset took {elapsed * 1000:.1f} ms"
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None
    assert store.ecf_accounts["asmith-ecf"].linked_to == "asmith2020"
    assert store.outbox == [] and store.sessions == {} and store.pending == {}
    assert store.today() == dt.date.today() and not store.faults.down
    assert "extra01" not in store.accounts
    assert store.check_pacer("jdoe2020", "Pacer-Jane-2020") is not None
    visitor.get("ecf", "/cgi-bin/ShowIndex.pl")
    assert visitor.site == "pacer-login"  # the session is gone


def test_reset_can_keep_the_sign_ins_of_seeded_accounts(
    apps: dict[str, Flask], visitor: Browser, store: Store
) -> None:
    control = apps["court"].test_client()
    visitor.quick_sign_in("asmith2020")
    store.link("jdoe2020", "jdoe-ecf")
    answer = control.post("/_mock/reset", json={"keep_sessions": True})
    assert answer.json == {"reset": True, "kept_sessions": True}
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None, "the rest is reset all the same"
    visitor.get("ecf", "/cgi-bin/ShowIndex.pl")
    assert visitor.site == "ecf", "the signed-in browser stays signed in"


def test_create_an_account_in_a_given_state(apps: dict[str, Flask], visitor: Browser) -> None:
    control = apps["pacer"].test_client()
    answer = control.post(
        "/_mock/accounts",
        json={
            "username": "kim2020",
            "password": "Kim-pass-2020",
            "name": "Kim Lee",
            "email": "kim@example.com",
            "status": "inactive",
            "ecf_login": "klee-ecf",
            "ecf_password": "Klee-ecf-2019",
            "ecf_linked": True,
        },
    )
    assert answer.status_code == 201
    assert answer.json is not None and answer.json["ecf_linked"] is True
    assert "password" not in answer.json
    page = text(visitor.quick_sign_in("kim2020"))
    assert "Civil" in page and "PACER User Inactive" in page


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({}, 400),
        ({"username": "x1"}, 400),
        ({"username": "jdoe2020", "password": "Whatever-1"}, 409),
        ({"ecf_login": "jdoe-ecf", "ecf_password": "Whatever-1"}, 409),
        ({"username": "y1", "password": "Whatever-1", "type": "gold"}, 400),
        ({"username": "y1", "password": "Whatever-1", "kind": 3}, 400),
        ({"ecf_login": "z-ecf", "ecf_password": "Whatever-1", "ecf_linked": True}, 400),
        ({"username": "a" * 100_000, "password": "Whatever-1"}, 400),
        ([1, 2], 400),
    ],
)
def test_create_account_refuses_bad_bodies(
    apps: dict[str, Flask], store: Store, body: object, status: int
) -> None:
    before = (len(store.accounts), len(store.ecf_accounts))
    answer = apps["ecf"].test_client().post("/_mock/accounts", json=body)
    assert answer.status_code == status
    assert answer.json is not None and "error" in answer.json
    assert (len(store.accounts), len(store.ecf_accounts)) == before


def test_clock_sets_and_clears_the_date(apps: dict[str, Flask], store: Store) -> None:
    control = apps["ecf"].test_client()
    assert control.post("/_mock/clock", json={"today": "2020-03-15"}).json == {
        "today": "2020-03-15"
    }
    assert not store.is_nextgen()
    assert control.post("/_mock/clock", json={"today": None}).json == {
        "today": dt.date.today().isoformat()
    }
    for bad in (
        {"today": "15/03/2020"},
        {"today": 5},
        {"advance_seconds": -1},
        {"advance_seconds": "x"},
    ):
        assert control.post("/_mock/clock", json=bad).status_code == 400


def test_clock_advance_expires_sessions(apps: dict[str, Flask], visitor: Browser) -> None:
    visitor.quick_sign_in("jdoe2020")
    apps["ecf"].test_client().post("/_mock/clock", json={"advance_seconds": 30 * 60 + 1})
    visitor.get("ecf", "/cgi-bin/ShowIndex.pl")
    assert visitor.site == "pacer-login"


def test_outbox_read_and_clear(apps: dict[str, Flask], store: Store) -> None:
    control = apps["pacer-login"].test_client()
    store.send_email("jane.doe@example.com", "Subject", "Body", "from@example.com")
    (email,) = control.get("/_mock/outbox").json or []
    assert {k: email[k] for k in ("to", "subject", "body", "sender")} == {
        "to": "jane.doe@example.com",
        "subject": "Subject",
        "body": "Body",
        "sender": "from@example.com",
    }
    assert control.delete("/_mock/outbox").status_code == 200
    assert control.get("/_mock/outbox").json == []


def test_faults_set_and_clear(apps: dict[str, Flask], store: Store) -> None:
    control = apps["ecf"].test_client()
    assert control.post("/_mock/faults", json={"pacer_login": {"down": True}}).status_code == 200
    assert store.faults.down
    assert apps["pacer-login"].test_client().get("/csologin/login.jsf").status_code == 503
    # The control API itself still answers on the PACER login site while it is "down".
    assert apps["pacer-login"].test_client().get("/_mock/health").status_code == 200
    control.post("/_mock/faults", json={"pacer_login": {"delay_ms": 3000}})
    assert store.faults.delay_ms == 3000 and not store.faults.down
    control.post("/_mock/faults", json={})
    assert store.faults.delay_ms == 0 and not store.faults.down
    for bad in (
        {"pacer_login": {"delay_ms": -5}},
        {"pacer_login": {"delay_ms": 10**9}},
        {"pacer_login": {"down": "yes"}},
        {"pacer_login": []},
        {"court": {"down": True}},
    ):
        assert control.post("/_mock/faults", json=bad).status_code == 400


def test_links_and_signin_helpers(apps: dict[str, Flask], visitor: Browser, store: Store) -> None:
    control = apps["ecf"].test_client()
    linked = control.post("/_mock/links", json={"username": "jdoe2020", "ecf_login": "jdoe-old"})
    assert linked.status_code == 200
    assert store.ecf_accounts["jdoe-old"].linked_to == "jdoe2020"
    again = control.post("/_mock/links", json={"username": "jdoe2020", "ecf_login": "jdoe-ecf"})
    assert again.status_code == 409
    assert (
        control.post("/_mock/links", json={"username": "nobody", "ecf_login": "x"}).status_code
        == 404
    )
    url = (control.post("/_mock/signin", json={"username": "jdoe2020"}).json or {})["url"]
    assert url.startswith(URLS["ecf"] + "/cgi-bin/login.pl?ticket=")
    visitor.get("ecf", url)
    assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"
    assert control.post("/_mock/signin", json={"username": "nobody"}).status_code == 404
    assert (
        control.post("/_mock/signin", json={"username": "jdoe2020", "site": "court"}).status_code
        == 400
    )


def test_a_body_that_is_not_json_is_a_400(apps: dict[str, Flask]) -> None:
    control = apps["ecf"].test_client()
    answer = control.post("/_mock/clock", data="not json", content_type="application/json")
    assert answer.status_code == 400


def test_activating_an_inactive_account(
    apps: dict[str, Flask], visitor: Browser, store: Store
) -> None:
    control = apps["ecf"].test_client()
    visitor.quick_sign_in("bwong2020", site="pacer")
    before = text(visitor.get("pacer", "/manage-account"))
    assert "<dt>Status</dt><dd>Inactive</dd>" in before
    assert "<dt>Credit card</dt><dd>None on file</dd>" in before
    answer = control.post("/_mock/activations", json={"username": "bwong2020"})
    assert answer.status_code == 200
    assert answer.json == {"username": "bwong2020", "status": "active"}
    after = text(visitor.get("pacer", "/manage-account"))
    assert "<dt>Status</dt><dd>Active</dd>" in after
    assert "<dt>Credit card</dt><dd>On file</dd>" in after
    assert control.post("/_mock/activations", json={"username": "nobody"}).status_code == 404
    assert control.post("/_mock/activations", json={}).status_code == 400
    control.post("/_mock/reset")
    assert not store.accounts["bwong2020"].active, "a reset makes it inactive again"
