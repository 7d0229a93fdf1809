"""Linking a CM/ECF account to an upgraded PACER account, and what changes after."""

from __future__ import annotations

import pytest

from mock_site.store import Store
from tests.mock.helpers import (
    PERSONA,
    URLS,
    Browser,
    alerts,
    h1,
    hidden,
    menu,
    messages,
    text,
)
from tests.mock.test_ecf import INACTIVE, LEGACY, SHARED

LINKED = (
    "Your CM/ECF account jdoe-ecf is now linked to your PACER account jdoe2020. From now on, "
    "use your PACER username and password to file documents with the court."
)


def test_the_whole_linking_process(visitor: Browser, store: Store) -> None:
    visitor.sign_in_to_ecf("filer")
    page = text(visitor.get("ecf", "/cgi-bin/LinkAccount.pl"))
    assert h1(page) == "Link a CM/ECF account to my PACER account"
    assert '<label for="ecf_login">CM/ECF login</label>' in page
    assert '<label for="ecf_password">CM/ECF password</label>' in page
    assert ">Submit</button>" in page
    verify = text(visitor.link_form("jdoe-ecf", "Ecf-Jane-2019"))
    assert h1(verify) == "Verify the accounts to link"
    assert "<dt>CM/ECF account</dt><dd>jdoe-ecf (Jane Doe)</dd>" in verify
    assert "<dt>PACER account</dt><dd>jdoe2020 (Jane Doe)</dd>" in verify
    assert "Confirm that you are linking the correct accounts." in verify
    assert ">Submit</button>" in verify and ">Cancel</button>" in verify
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None  # nothing linked yet
    done = text(visitor.confirm(verify))
    assert h1(done) == "Accounts linked"
    assert messages(done) == [LINKED]
    assert menu(done)[0] == "Civil"
    assert store.ecf_accounts["jdoe-ecf"].linked_to == "jdoe2020"
    (email,) = store.outbox
    assert email.to == "jane.doe@example.com"
    assert email.subject == "Your CM/ECF account has been linked to your PACER account"


def test_after_linking_the_pacer_password_alone_opens_the_filing_menu(
    visitor: Browser, other_visitor: Browser
) -> None:
    visitor.sign_in_to_ecf("filer")
    visitor.link("jdoe-ecf", "Ecf-Jane-2019")
    visitor.get("ecf", "/cgi-bin/login.pl?logout")
    page = text(other_visitor.sign_in_to_ecf("filer"))
    assert menu(page)[0] == "Civil"
    assert other_visitor.get("ecf", "/cgi-bin/DisplayMenu.pl?Civil").status_code == 200
    # ... and the old CM/ECF credentials get nowhere at PACER login.
    assert alerts(text(visitor.pacer_login("jdoe-ecf", "Ecf-Jane-2019"))) == [
        "Invalid username or password"
    ]


def test_cancel_leaves_nothing_linked(visitor: Browser, store: Store) -> None:
    visitor.quick_sign_in("jdoe2020")
    verify = text(visitor.link_form("jdoe-ecf", "Ecf-Jane-2019"))
    page = text(visitor.confirm(verify, "cancel"))
    assert h1(page) == "Link a CM/ECF account to my PACER account"
    assert messages(page) == ["Linking cancelled. Your accounts have not been linked."]
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None
    assert store.outbox == []
    # The cancelled verification cannot be confirmed afterwards.
    assert visitor.confirm(verify).status_code == 400
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None


def test_confirm_twice_says_already_linked_and_sends_one_email(
    visitor: Browser, store: Store
) -> None:
    visitor.quick_sign_in("jdoe2020")
    verify = text(visitor.link_form("jdoe-ecf", "Ecf-Jane-2019"))
    assert visitor.confirm(verify).status_code == 200
    again = visitor.confirm(verify)
    assert again.status_code == 200
    assert alerts(text(again)) == ["Your PACER account is already linked to a CM/ECF account."]
    assert len(store.outbox) == 1


def test_two_verifications_open_at_once_link_only_once(visitor: Browser, store: Store) -> None:
    visitor.quick_sign_in("jdoe2020")
    first = text(visitor.link_form("jdoe-ecf", "Ecf-Jane-2019"))
    second = text(visitor.link_form("jdoe-old", "Ecf-JaneOld-2015"))
    visitor.confirm(second)
    page = text(visitor.confirm(first))
    assert alerts(page) == ["Your PACER account is already linked to a CM/ECF account."]
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None
    assert store.ecf_accounts["jdoe-old"].linked_to == "jdoe2020"


def test_a_forged_verification_token_is_refused(visitor: Browser, store: Store) -> None:
    visitor.quick_sign_in("jdoe2020")
    verify = text(visitor.link_form("jdoe-ecf", "Ecf-Jane-2019"))
    forged = verify.replace(hidden(verify, "token"), "forged")
    assert visitor.confirm(forged).status_code == 400
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None


def test_someone_elses_verification_cannot_be_confirmed(
    visitor: Browser, other_visitor: Browser, store: Store
) -> None:
    visitor.quick_sign_in("jdoe2020")
    verify = text(visitor.link_form("jdoe-ecf", "Ecf-Jane-2019"))
    other_visitor.quick_sign_in("bwong2020")
    stolen = verify.replace(hidden(verify, "csrf_token"), hidden_csrf(other_visitor))
    assert other_visitor.confirm(stolen).status_code == 400
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None


def hidden_csrf(visitor: Browser) -> str:
    return hidden(text(visitor.get("ecf", "/cgi-bin/LinkAccount.pl")), "csrf_token")


@pytest.mark.parametrize(
    ("login", "password", "message"),
    [
        ("", "Ecf-Jane-2019", "Enter your CM/ECF login and password."),
        ("jdoe-ecf", "", "Enter your CM/ECF login and password."),
        (
            "jdoe-ecf",
            "wrong-password",
            "The CM/ECF password you entered is incorrect. Please try again.",
        ),
        (
            "nobody-ecf",
            "Ecf-Jane-2019",
            "No CM/ECF account was found with that login. Please try again.",
        ),
        (
            "asmith-ecf",
            "Ecf-Alan-2019",
            "This CM/ECF account is already linked to another PACER account. "
            "Contact the CM/ECF Help Desk.",
        ),
        ("jdoe-ecf", "x" * 201, "CM/ECF password is too long"),
    ],
)
def test_linking_errors(
    visitor: Browser, store: Store, login: str, password: str, message: str
) -> None:
    visitor.quick_sign_in("jdoe2020")
    response = visitor.link_form(login, password)
    page = text(response)
    assert h1(page) == "Link a CM/ECF account to my PACER account"
    assert alerts(page) == [message]
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None
    # Loses nothing: the login typed is still in the form (a password never is).
    assert f'name="ecf_login" value="{login}"' in page
    if password:
        assert password not in page


@pytest.mark.parametrize(
    ("username", "ecf_login", "ecf_password", "message", "status"),
    [
        ("bakerlowe01", "blowe-ecf", "Ecf-Firm-2019", SHARED, 403),
        ("LP1234", "lpark-ecf", "Ecf-Luis-2019", LEGACY, 403),
        (
            "asmith2020",
            "jdoe-ecf",
            "Ecf-Jane-2019",
            "Your PACER account is already linked to a CM/ECF account.",
            200,
        ),
    ],
)
def test_accounts_that_may_not_link_are_told_why(
    visitor: Browser,
    store: Store,
    username: str,
    ecf_login: str,
    ecf_password: str,
    message: str,
    status: int,
) -> None:
    visitor.quick_sign_in(username)
    arriving = visitor.get("ecf", "/cgi-bin/LinkAccount.pl")
    assert arriving.status_code == status
    assert alerts(text(arriving)) == [message]
    assert 'name="ecf_login"' not in text(arriving)  # no form to fill in for nothing
    # Posted anyway (a crafted request, with the session's own form token): the same answer.
    submitted = visitor.post(
        "ecf",
        "/cgi-bin/LinkAccount.pl",
        {
            "csrf_token": ecf_form_token(visitor, store),
            "step": "verify",
            "ecf_login": ecf_login,
            "ecf_password": ecf_password,
        },
    )
    assert submitted.status_code == status
    assert alerts(text(submitted)) == [message]
    assert 'name="ecf_login"' not in text(submitted)
    assert store.ecf_accounts[ecf_login].linked_to in (None, "asmith2020")
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None


def ecf_form_token(visitor: Browser, store: Store) -> str:
    """The form token of the visitor's CM/ECF session, for pages that show no form."""
    cookie = visitor.clients["ecf"].get_cookie("PacerSession")
    assert cookie is not None
    return store.sessions[cookie.value].csrf


def test_a_linking_form_opened_before_linking_elsewhere_is_refused(
    visitor: Browser, store: Store
) -> None:
    visitor.quick_sign_in("jdoe2020")
    opened_earlier = text(visitor.get("ecf", "/cgi-bin/LinkAccount.pl"))
    visitor.link("jdoe-old", "Ecf-JaneOld-2015")  # in another tab
    submitted = visitor.post(
        "ecf",
        "/cgi-bin/LinkAccount.pl",
        {
            "csrf_token": hidden(opened_earlier, "csrf_token"),
            "step": "verify",
            "ecf_login": "jdoe-ecf",
            "ecf_password": "Ecf-Jane-2019",
        },
    )
    assert alerts(text(submitted)) == ["Your PACER account is already linked to a CM/ECF account."]
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None
    assert store.ecf_accounts["jdoe-old"].linked_to == "jdoe2020"


def test_an_inactive_account_may_link_and_is_reminded_about_searches(
    visitor: Browser, store: Store
) -> None:
    visitor.sign_in_to_ecf("inactive")
    page = text(visitor.link("bwong-ecf", "Ecf-Beth-2019"))
    assert h1(page) == "Accounts linked"
    assert INACTIVE in messages(page)
    assert store.ecf_accounts["bwong-ecf"].linked_to == "bwong2020"
    assert menu(page)[0] == "Civil"


def test_linking_is_for_signed_in_users_only(visitor: Browser, store: Store) -> None:
    response = visitor.post(
        "ecf",
        "/cgi-bin/LinkAccount.pl",
        {"step": "verify", "ecf_login": "jdoe-ecf", "ecf_password": "Ecf-Jane-2019"},
        follow=False,
    )
    assert response.status_code in (302, 400)
    assert store.ecf_accounts["jdoe-ecf"].linked_to is None


def test_the_utilities_link_reaches_the_link_page(visitor: Browser) -> None:
    visitor.sign_in_to_ecf("filer")
    assert visitor.url == URLS["ecf"] + "/cgi-bin/ShowIndex.pl"
    utilities = text(visitor.get("ecf", "/cgi-bin/DisplayMenu.pl?Utilities"))
    assert 'href="/cgi-bin/LinkAccount.pl"' in utilities
    assert PERSONA["filer"].ecf is not None
