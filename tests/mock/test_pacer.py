"""PACER website: Court Links, Manage My Account (behind PACER login), password reset."""

from __future__ import annotations

import re

import pytest

from mock_site.store import Store
from tests.mock.helpers import (
    PERSONA,
    URLS,
    Browser,
    alerts,
    h1,
    hidden,
    messages,
    text,
)


def test_home_has_the_three_nav_links(visitor: Browser) -> None:
    page = text(visitor.get("pacer", "/"))
    assert h1(page) == "Public Access to Court Electronic Records"
    for label in ("Quick Links", "Manage My Account", "Forgot password?"):
        assert f">{label}</a>" in page


def test_www_pacer_gov_sends_people_to_the_pacer_website(visitor: Browser) -> None:
    response = visitor.get("pacer", "/pacer.gov", follow=False)
    assert response.status_code == 301
    assert response.headers["Location"] == URLS["pacer"] + "/"


def test_court_links_lead_to_the_courts_cmecf(visitor: Browser) -> None:
    page = text(visitor.get("pacer", "/quick-links"))
    assert '<a href="/court-links">Court Links</a>' in page
    page = text(visitor.get("pacer", "/court-links"))
    assert f'<a href="{URLS["ecf"]}/cgi-bin/login.pl">U.S. Court of International Trade</a>' in page
    other = re.search(r'<a href="(/court-links/[a-z]+)">', page)
    assert other
    assert "not part of this mock" in text(visitor.get("pacer", other.group(1)))


def test_manage_account_needs_a_pacer_sign_in_and_comes_back(visitor: Browser) -> None:
    response = visitor.get("pacer", "/manage-account", follow=False)
    assert response.status_code == 302
    assert response.headers["Location"] == (
        f"{URLS['pacer-login']}/csologin/login.jsf?pscCourtId=CIT"
        "&appurl=http%3A%2F%2Fpacer.test%2Fmanage-account"
    )
    visitor.get("pacer", "/manage-account")
    login_url = visitor.url.replace(URLS["pacer-login"], "")
    page = text(visitor.pacer_login("jdoe2020", PERSONA["filer"].password, login_url))
    assert visitor.url == URLS["pacer"] + "/manage-account"  # the ticket is gone from the URL
    assert h1(page) == "Manage My Account"


ENROLL = 'Not enrolled <a href="/manage-account/mfa">Enroll</a>'


@pytest.mark.parametrize(
    ("key", "kind", "account_type", "status", "card", "mfa"),
    [
        ("filer", "Individual", "Upgraded PACER Account", "Active", "On file", "Enrolled"),
        ("firm", "Shared (firm)", "Upgraded PACER Account", "Active", "On file", ENROLL),
        (
            "inactive",
            "Individual",
            "Upgraded PACER Account",
            "Inactive",
            "None on file",
            "Enrolled",
        ),
        ("legacy", "Individual", "Legacy PACER Account", "Active", "On file", ENROLL),
        ("unenrolled", "Individual", "Upgraded PACER Account", "Active", "On file", ENROLL),
    ],
)
def test_manage_account_shows_type_kind_status_credit_card_and_mfa(
    visitor: Browser, key: str, kind: str, account_type: str, status: str, card: str, mfa: str
) -> None:
    page = text(visitor.quick_sign_in(PERSONA[key].username, "pacer"))
    terms = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", page))
    assert terms == {
        "Username": PERSONA[key].username,
        "Account type": account_type,
        "Account kind": kind,
        "Status": status,
        "Credit card": card,
        "Multifactor Auth": mfa,  # [seen] the field, and its "Enroll" link
    }


def test_logout_ends_the_pacer_website_session(visitor: Browser) -> None:
    visitor.quick_sign_in("jdoe2020", "pacer")
    page = text(visitor.get("pacer", "/logout"))
    assert h1(page) == "Logged out"
    visitor.get("pacer", "/manage-account")
    assert visitor.site == "pacer-login"


def request_reset(visitor: Browser, username: str, email: str) -> str:
    page = text(visitor.get("pacer", "/forgot-password"))
    return text(
        visitor.post(
            "pacer",
            "/forgot-password",
            {"csrf_token": hidden(page, "csrf_token"), "username": username, "email": email},
        )
    )


SENT = (
    "If the username and email address match a PACER account, we have sent password reset "
    "instructions to that email address."
)


@pytest.mark.parametrize(
    ("username", "email"),
    [
        ("jdoe2020", "jane.doe@example.com"),
        ("jdoe2020", "someone@else.example"),
        ("nobody99", "jane.doe@example.com"),
    ],
)
def test_forgot_password_answers_the_same_whether_or_not_it_matches(
    visitor: Browser, store: Store, username: str, email: str
) -> None:
    page = request_reset(visitor, username, email)
    assert messages(page) == [SENT]
    matched = email == "jane.doe@example.com" and username == "jdoe2020"
    assert len(store.outbox) == (1 if matched else 0)


def test_forgot_password_with_an_empty_field_asks_for_both(visitor: Browser) -> None:
    assert alerts(request_reset(visitor, "", "jane.doe@example.com")) == [
        "Enter your username and email address."
    ]


def reset_link(store: Store) -> str:
    (email,) = store.outbox
    assert email.subject == "PACER password reset" and email.to == "jane.doe@example.com"
    match = re.search(r"http://pacer\.test(/reset-password\?token=\S+)", email.body)
    assert match
    return match.group(1)


def choose(visitor: Browser, link: str, new: str, confirm: str | None = None) -> str:
    page = text(visitor.get("pacer", link))
    assert h1(page) == "Reset your PACER password"
    data = {
        "csrf_token": hidden(page, "csrf_token"),
        "token": hidden(page, "token"),
        "new_password": new,
        "confirm_password": new if confirm is None else confirm,
    }
    return text(visitor.post("pacer", "/reset-password", data))


def test_password_reset_by_email_changes_the_password_once(
    visitor: Browser, other_visitor: Browser, store: Store
) -> None:
    request_reset(visitor, "jdoe2020", "jane.doe@example.com")
    link = reset_link(store)
    assert alerts(choose(visitor, link, "short")) == ["Password must be at least 8 characters"]
    assert alerts(choose(visitor, link, "Long-enough-1", "Other-thing-2")) == [
        "The passwords do not match."
    ]
    page = choose(visitor, link, "Brand-New-Pass-1")
    assert messages(page) == [
        "Your PACER password has been changed. Log in with your new password."
    ]
    # The link is used up, and says so when opened again.
    again = text(visitor.get("pacer", link))
    assert "Reset your PACER password" in again and 'name="new_password"' not in again
    assert messages(again) == [USED]
    # The new password works at PACER login, the old one no longer does.
    assert alerts(text(other_visitor.pacer_login("jdoe2020", PERSONA["filer"].password))) == [
        "Invalid username or password"
    ]
    assert "Redaction Agreement" in text(other_visitor.pacer_login("jdoe2020", "Brand-New-Pass-1"))


CHANGE_PASSWORD = "/manage-account/change-password"


def change(visitor: Browser, current: str, new: str, confirm: str | None = None) -> str:
    fields = {
        "current_password": current,
        "new_password": new,
        "confirm_password": new if confirm is None else confirm,
    }
    return text(visitor.submit("pacer", CHANGE_PASSWORD, fields))


def test_change_password_needs_a_pacer_sign_in(visitor: Browser) -> None:
    visitor.get("pacer", CHANGE_PASSWORD)
    assert visitor.url.startswith(URLS["pacer-login"] + "/csologin/login.jsf")


def test_change_password_is_linked_from_manage_my_account(visitor: Browser) -> None:
    page = text(visitor.quick_sign_in("jdoe2020", "pacer"))
    assert f'<a href="{CHANGE_PASSWORD}">Change password</a>' in page


JANE = PERSONA["filer"].password


@pytest.mark.parametrize(
    ("current", "new", "confirm", "message"),
    [
        ("wrong-password", "Brand-New-Pass-1", None, "The current password is incorrect."),
        (JANE, "short", None, "Password must be at least 8 characters"),
        (JANE, "", None, "Password is required"),
        (JANE, "Brand-New-Pass-1", "Other-Pass-2", "The passwords do not match."),
        (JANE, JANE, None, "The new password must differ from the current one."),
    ],
)
def test_change_password_refuses_with_the_reason_and_changes_nothing(
    visitor: Browser, store: Store, current: str, new: str, confirm: str | None, message: str
) -> None:
    visitor.quick_sign_in("jdoe2020", "pacer")
    before = store.accounts["jdoe2020"].password_hash
    page = change(visitor, current, new, confirm)
    assert alerts(page) == [message]
    assert h1(page) == "Change your PACER password"
    assert store.accounts["jdoe2020"].password_hash == before


def test_change_password_changes_it_for_pacer_login(
    visitor: Browser, other_visitor: Browser
) -> None:
    visitor.quick_sign_in("jdoe2020", "pacer")
    page = change(visitor, PERSONA["filer"].password, "Brand-New-Pass-1")
    assert messages(page) == ["Your PACER password has been changed."]
    assert h1(page) == "Manage My Account"
    assert alerts(text(other_visitor.pacer_login("jdoe2020", PERSONA["filer"].password))) == [
        "Invalid username or password"
    ]
    assert "Redaction Agreement" in text(other_visitor.pacer_login("jdoe2020", "Brand-New-Pass-1"))


USED = (
    "This password reset link has been used: your PACER password has been changed. Log in "
    "with your new password, or ask for a new link if you did not change it."
)


def test_a_double_click_on_change_password_says_the_first_click_changed_it(
    visitor: Browser, other_visitor: Browser, store: Store
) -> None:
    request_reset(visitor, "jdoe2020", "jane.doe@example.com")
    page = text(visitor.get("pacer", reset_link(store)))
    data = {
        "csrf_token": hidden(page, "csrf_token"),
        "token": hidden(page, "token"),
        "new_password": "Brand-New-Pass-1",
        "confirm_password": "Brand-New-Pass-1",
    }
    first = visitor.post("pacer", "/reset-password", data)
    second = visitor.post("pacer", "/reset-password", data)
    assert first.status_code == second.status_code == 200
    assert messages(text(second)) == [USED]
    assert "Redaction Agreement" in text(other_visitor.pacer_login("jdoe2020", "Brand-New-Pass-1"))


def test_a_made_up_reset_token_is_refused(visitor: Browser) -> None:
    response = visitor.get("pacer", "/reset-password?token=made-up")
    assert response.status_code == 400
    assert "Change password" not in text(response)
