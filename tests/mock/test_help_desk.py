"""The Help Desk unlinks accounts linked by mistake; only court staff may."""

from __future__ import annotations

import pytest

from mock_site.store import Store
from tests.mock.helpers import Browser, alerts, h1, menu, messages, text


def clerk_post(clerk: Browser, step: str, ecf_login: str) -> str:
    fields = {"step": step, "ecf_login": ecf_login}
    return text(clerk.submit("ecf", "/cgi-bin/ClerkUnlink.pl", fields))


def test_wrong_account_unlinked_then_the_right_one_linked(
    visitor: Browser, other_visitor: Browser, store: Store
) -> None:
    filer, clerk = visitor, other_visitor
    filer.sign_in_to_ecf("filer")
    filer.link("jdoe-old", "Ecf-JaneOld-2015")
    assert alerts(text(filer.get("ecf", "/cgi-bin/LinkAccount.pl"))) == [
        "Your PACER account is already linked to a CM/ECF account."
    ]
    clerk.sign_in_to_ecf("clerk")
    utilities = text(clerk.get("ecf", "/cgi-bin/DisplayMenu.pl?Utilities"))
    assert '<a href="/cgi-bin/ClerkUnlink.pl">Unlink a CM/ECF account</a>' in utilities
    page = text(clerk.get("ecf", "/cgi-bin/ClerkUnlink.pl"))
    assert h1(page) == "Unlink a CM/ECF account"
    assert (
        '<label for="ecf_login">CM/ECF login</label>' in page and ">Find account</button>" in page
    )
    found = clerk_post(clerk, "find", "jdoe-old")
    assert "<dt>CM/ECF account</dt><dd>jdoe-old (Jane Doe)</dd>" in found
    assert "<dt>Linked PACER account</dt><dd>jdoe2020 (Jane Doe)</dd>" in found
    assert ">Unlink accounts</button>" in found
    done = clerk_post(clerk, "unlink", "jdoe-old")
    assert messages(done) == [
        "The CM/ECF account jdoe-old has been unlinked from PACER account jdoe2020. "
        "A confirmation email has been sent to the filer."
    ]
    assert store.ecf_accounts["jdoe-old"].linked_to is None
    assert [(m.to, m.subject) for m in store.outbox][-1] == (
        "jane.doe@example.com",
        "Your CM/ECF account has been unlinked from your PACER account",
    )
    # The filer's menu loses "Civil" at once, and the right account can now be linked.
    assert "Civil" not in menu(text(filer.get("ecf", "/cgi-bin/ShowIndex.pl")))
    assert h1(text(filer.link("jdoe-ecf", "Ecf-Jane-2019"))) == "Accounts linked"
    assert store.ecf_accounts["jdoe-ecf"].linked_to == "jdoe2020"


def test_unlink_twice_says_not_linked_and_sends_one_email(visitor: Browser, store: Store) -> None:
    store.link("jdoe2020", "jdoe-old")
    visitor.quick_sign_in("citclerk01")
    clerk_post(visitor, "unlink", "jdoe-old")
    again = clerk_post(visitor, "unlink", "jdoe-old")
    assert alerts(again) == ["The CM/ECF account jdoe-old is not linked to a PACER account."]
    assert len(store.outbox) == 1


@pytest.mark.parametrize(
    ("ecf_login", "message"),
    [
        ("nobody-ecf", "No CM/ECF account was found with that login."),
        ("jdoe-ecf", "The CM/ECF account jdoe-ecf is not linked to a PACER account."),
        ("", "Enter a CM/ECF login."),
    ],
)
def test_find_explains_what_it_cannot_do(visitor: Browser, ecf_login: str, message: str) -> None:
    visitor.quick_sign_in("citclerk01")
    assert alerts(clerk_post(visitor, "find", ecf_login)) == [message]


@pytest.mark.parametrize("username", ["jdoe2020", "asmith2020", "bakerlowe01", "LP1234"])
def test_only_court_staff_may_open_the_unlink_page(
    visitor: Browser, store: Store, username: str
) -> None:
    visitor.quick_sign_in(username)
    response = visitor.get("ecf", "/cgi-bin/ClerkUnlink.pl")
    assert response.status_code == 403
    assert alerts(text(response)) == ["Only court staff can unlink accounts."]
    posted = visitor.post(
        "ecf", "/cgi-bin/ClerkUnlink.pl", {"step": "unlink", "ecf_login": "asmith-ecf"}
    )
    assert posted.status_code in (400, 403)
    assert store.ecf_accounts["asmith-ecf"].linked_to == "asmith2020"
    assert store.outbox == []


def test_a_clerk_role_created_by_the_control_api_works(visitor: Browser) -> None:
    created = visitor.clients["ecf"].post(
        "/_mock/accounts",
        json={"username": "clerk2020", "password": "Clerk-pass-1", "role": "clerk"},
    )
    assert created.status_code == 201
    visitor.quick_sign_in("clerk2020")
    assert visitor.get("ecf", "/cgi-bin/ClerkUnlink.pl").status_code == 200
