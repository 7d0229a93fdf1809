"""The March 16, 2020 cut-over: legacy CM/ECF before it, sign-in through PACER from it."""

from __future__ import annotations

import datetime as dt

import pytest

from mock_site.store import Store
from tests.mock.helpers import URLS, Browser, alerts, h1, hidden, menu, text

BEFORE = dt.date(2020, 3, 15)
CUTOVER = dt.date(2020, 3, 16)


def legacy_login(visitor: Browser, login: str, key: str) -> str:
    return text(visitor.submit("ecf", "/cgi-bin/login.pl", {"login": login, "key": key}))


def test_before_the_cutover_login_pl_is_the_legacy_form(visitor: Browser, store: Store) -> None:
    store.set_today(BEFORE)
    response = visitor.get("ecf", "/cgi-bin/login.pl", follow=False)
    assert response.status_code == 200
    page = text(response)
    assert h1(page) == "CM/ECF Login"
    assert '<label for="login">Login</label>' in page
    assert '<label for="key">Password</label>' in page
    assert ">Login</button>" in page


def test_before_the_cutover_the_cmecf_login_and_password_work(
    visitor: Browser, store: Store
) -> None:
    store.set_today(BEFORE)
    page = legacy_login(visitor, "jdoe-ecf", "Ecf-Jane-2019")
    assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"
    assert menu(page)[0] == "Civil"


@pytest.mark.parametrize(
    ("login", "key"),
    [("jdoe-ecf", "wrong"), ("jdoe2020", "Pacer-Jane-2020"), ("", ""), ("nobody", "x")],
)
def test_before_the_cutover_bad_credentials_say_invalid_id(
    visitor: Browser, store: Store, login: str, key: str
) -> None:
    store.set_today(BEFORE)
    assert alerts(legacy_login(visitor, login, key)) == ["Invalid ID or password"]


def test_before_the_cutover_linking_is_refused(visitor: Browser, store: Store) -> None:
    store.set_today(BEFORE)
    legacy_login(visitor, "jdoe-ecf", "Ecf-Jane-2019")
    response = visitor.get("ecf", "/cgi-bin/LinkAccount.pl")
    assert response.status_code == 403
    assert alerts(text(response)) == [
        "Linking a CM/ECF account to a PACER account is available from March 16, 2020."
    ]
    assert "CM/ECF password" not in text(response)


def test_before_the_cutover_a_pacer_ticket_does_not_sign_in(visitor: Browser, store: Store) -> None:
    store.set_today(BEFORE)
    ticket = store.issue("ticket", {"username": "jdoe2020", "site": "ecf"}, 60)
    page = text(visitor.get("ecf", f"/cgi-bin/login.pl?ticket={ticket}"))
    assert h1(page) == "CM/ECF Login"


def test_from_the_cutover_everyone_goes_to_pacer(visitor: Browser, store: Store) -> None:
    store.set_today(CUTOVER)
    visitor.get("ecf", "/cgi-bin/login.pl")
    assert visitor.site == "pacer-login"


def test_a_legacy_form_posted_after_the_cutover_signs_no_one_in(
    visitor: Browser, store: Store
) -> None:
    store.set_today(BEFORE)
    page = text(visitor.get("ecf", "/cgi-bin/login.pl"))
    store.set_today(CUTOVER)
    data = {"csrf_token": hidden(page, "csrf_token"), "login": "jdoe-ecf", "key": "Ecf-Jane-2019"}
    visitor.post("ecf", "/cgi-bin/login.pl", data)
    assert visitor.site == "pacer-login"


def test_a_legacy_session_ends_at_the_cutover(visitor: Browser, store: Store) -> None:
    store.set_today(BEFORE)
    legacy_login(visitor, "jdoe-ecf", "Ecf-Jane-2019")
    store.set_today(CUTOVER)
    visitor.get("ecf", "/cgi-bin/ShowIndex.pl")
    assert visitor.site == "pacer-login"


def test_today_defaults_to_the_real_date(store: Store) -> None:
    assert store.today() == dt.date.today()
    assert store.is_nextgen()
