"""Every form field and query parameter against bad values.

Whatever comes in: a clear message in the page or a 4xx, never a 500, never a reflected
script, and nothing stored lost or changed (accounts, passwords, links, outbox, clock).
Each form starts from a post that would succeed (and change something, where it can), so
a bad value that slipped through would show up as a change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest

from mock_site import texts
from mock_site.store import RESET_TTL, Store
from tests.mock.helpers import (
    ECF_LOGIN_APPURL,
    Browser,
    alerts,
    hidden,
    snapshot,
    text,
)

SCRIPT = "<script>alert('x')</script>"
MISSING = "(missing)"
BAD_VALUES: dict[str, str] = {
    "empty": "",
    "blank": "   ",
    "over-long": "a" * 100_000,
    "non-ascii": "Jäné Dœ 日本語 😀 \u202eevil",
    "html-script": SCRIPT,
    "sql": "' OR '1'='1'; DROP TABLE accounts; --",
    "nul": "abc\x00def",
    "crlf": "abc\r\nSet-Cookie: evil=1",
    "path": "../../../etc/passwd",
    "missing": MISSING,
}


@dataclass
class Form:
    site: str
    path: str
    prepare: Callable[[Browser, Store], dict[str, str]]  # a valid post, token included
    fields: tuple[str, ...]
    labels: dict[str, str] = field(default_factory=dict)  # field -> label of "… is too long"


def login_form(visitor: Browser, store: Store) -> dict[str, str]:
    page = text(visitor.get("pacer-login", ECF_LOGIN_APPURL))
    return {
        "loginForm": "loginForm",
        "loginForm:loginName": "bakerlowe01",
        "loginForm:password": "Pacer-Firm-2020",
        "loginForm:clientCode": "",
        "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
    }


def redaction_form(visitor: Browser, store: Store) -> dict[str, str]:
    page = text(visitor.pacer_login("jdoe2020", "Pacer-Jane-2020"))
    return {
        "regmsg": "regmsg",
        "regmsg:token": hidden(page, "regmsg:token"),
        "regmsg:chkRedact": "true",
        "regmsg:bpmConfirm": "Continue",
        "javax.faces.ViewState": hidden(page, "javax.faces.ViewState"),
    }


def forgot_form(visitor: Browser, store: Store) -> dict[str, str]:
    page = text(visitor.get("pacer", "/forgot-password"))
    return {
        "csrf_token": hidden(page, "csrf_token"),
        "username": "jdoe2020",
        "email": "jane.doe@example.com",
    }


def reset_form(visitor: Browser, store: Store) -> dict[str, str]:
    token = store.issue("reset", {"username": "jdoe2020"}, RESET_TTL)
    page = text(visitor.get("pacer", f"/reset-password?token={token}"))
    return {
        "csrf_token": hidden(page, "csrf_token"),
        "token": token,
        "new_password": "Brand-New-Pass-1",
        "confirm_password": "Brand-New-Pass-1",
    }


def change_password_form(visitor: Browser, store: Store) -> dict[str, str]:
    visitor.quick_sign_in("jdoe2020", "pacer")
    page = text(visitor.get("pacer", "/manage-account/change-password"))
    return {
        "csrf_token": hidden(page, "csrf_token"),
        "current_password": "Pacer-Jane-2020",
        "new_password": "Brand-New-Pass-1",
        "confirm_password": "Brand-New-Pass-1",
    }


def legacy_form(visitor: Browser, store: Store) -> dict[str, str]:
    store.set_today(dt.date(2020, 3, 1))
    page = text(visitor.get("ecf", "/cgi-bin/login.pl"))
    return {"csrf_token": hidden(page, "csrf_token"), "login": "jdoe-ecf", "key": "Ecf-Jane-2019"}


def link_verify_form(visitor: Browser, store: Store) -> dict[str, str]:
    visitor.quick_sign_in("jdoe2020")
    page = text(visitor.get("ecf", "/cgi-bin/LinkAccount.pl"))
    return {
        "csrf_token": hidden(page, "csrf_token"),
        "step": "verify",
        "ecf_login": "jdoe-ecf",
        "ecf_password": "Ecf-Jane-2019",
    }


def link_confirm_form(visitor: Browser, store: Store) -> dict[str, str]:
    visitor.quick_sign_in("jdoe2020")
    page = text(visitor.link_form("jdoe-ecf", "Ecf-Jane-2019"))
    return {
        "csrf_token": hidden(page, "csrf_token"),
        "step": "confirm",
        "token": hidden(page, "token"),
        "action": "confirm",
    }


def clerk_form(visitor: Browser, store: Store) -> dict[str, str]:
    visitor.quick_sign_in("citclerk01")
    page = text(visitor.get("ecf", "/cgi-bin/ClerkUnlink.pl"))
    return {"csrf_token": hidden(page, "csrf_token"), "step": "unlink", "ecf_login": "asmith-ecf"}


FORMS: dict[str, Form] = {
    "pacer-login": Form(
        "pacer-login",
        ECF_LOGIN_APPURL,
        login_form,
        (
            "loginForm:loginName",
            "loginForm:password",
            "loginForm:clientCode",
            "javax.faces.ViewState",
        ),
        {
            "loginForm:loginName": "Username",
            "loginForm:password": "Password",
            "loginForm:clientCode": "Client code",
        },
    ),
    "redaction": Form(
        "pacer-login",
        ECF_LOGIN_APPURL,
        redaction_form,
        ("regmsg", "regmsg:token", "regmsg:chkRedact", "javax.faces.ViewState"),
    ),
    "forgot-password": Form(
        "pacer",
        "/forgot-password",
        forgot_form,
        ("username", "email", "csrf_token"),
        {"username": "Username", "email": "Email address"},
    ),
    "reset-password": Form(
        "pacer",
        "/reset-password",
        reset_form,
        ("token", "new_password", "confirm_password", "csrf_token"),
        {"new_password": "New password", "confirm_password": "Confirm new password"},
    ),
    "change-password": Form(
        "pacer",
        "/manage-account/change-password",
        change_password_form,
        ("current_password", "new_password", "confirm_password", "csrf_token"),
        {
            "current_password": "Current password",
            "new_password": "New password",
            "confirm_password": "Confirm new password",
        },
    ),
    "legacy-login": Form(
        "ecf",
        "/cgi-bin/login.pl",
        legacy_form,
        ("login", "key", "csrf_token"),
        {"login": "Login", "key": "Password"},
    ),
    "link-verify": Form(
        "ecf",
        "/cgi-bin/LinkAccount.pl",
        link_verify_form,
        ("step", "ecf_login", "ecf_password", "csrf_token"),
        {"ecf_login": "CM/ECF login", "ecf_password": "CM/ECF password"},
    ),
    "link-confirm": Form(
        "ecf",
        "/cgi-bin/LinkAccount.pl",
        link_confirm_form,
        ("step", "token", "action", "csrf_token"),
    ),
    "clerk-unlink": Form(
        "ecf",
        "/cgi-bin/ClerkUnlink.pl",
        clerk_form,
        ("step", "ecf_login", "csrf_token"),
        {"ecf_login": "CM/ECF login"},
    ),
}

# JSF marks which form was posted by a field named after it; only its presence counts.
VALUE_IGNORED = {"regmsg"}

# Forms whose valid post would change stored state: a bad value must stop that change.
CHANGING = {"reset-password", "change-password", "link-confirm", "clerk-unlink", "forgot-password"}

FORM_CASES = [
    pytest.param(form, name, kind, id=f"{form}-{name}-{kind}")
    for form, spec in FORMS.items()
    for name in spec.fields
    for kind in BAD_VALUES
]


def check_answer(body: str, status: int) -> None:
    assert status < 500, body[:500]
    assert SCRIPT not in body  # escaped, never reflected as markup


def check_form_field(
    visitor: Browser,
    store: Store,
    form: str,
    name: str,
    kind: str,
    too_long: Callable[[str], str] = texts.too_long,
) -> None:
    """One row of the table: the form's valid post with this field bad (also run against
    the alt dialect, whose "… is too long" is its own)."""
    spec = FORMS[form]
    data = spec.prepare(visitor, store)
    before = snapshot(store)
    value = BAD_VALUES[kind]
    if value == MISSING:
        del data[name]
    else:
        data[name] = value
    response = visitor.post(spec.site, spec.path, data)
    body = text(response)
    check_answer(body, response.status_code)
    assert "evil=1" not in response.headers.get("Set-Cookie", "")
    assert snapshot(store) == before
    if kind == "over-long" and name in spec.labels:
        assert too_long(spec.labels[name]) in alerts(body)
    elif kind == "over-long" and name not in VALUE_IGNORED:
        assert response.status_code >= 400 or alerts(body), "an over-long value went unremarked"


@pytest.mark.parametrize(("form", "name", "kind"), FORM_CASES)
def test_form_field(visitor: Browser, store: Store, form: str, name: str, kind: str) -> None:
    check_form_field(visitor, store, form, name, kind)


def check_valid_post_changes_state(visitor: Browser, store: Store, form: str) -> None:
    spec = FORMS[form]
    data = spec.prepare(visitor, store)
    before = snapshot(store)
    response = visitor.post(spec.site, spec.path, data)
    assert response.status_code == 200
    assert snapshot(store) != before


@pytest.mark.parametrize("form", sorted(CHANGING))
def test_the_valid_posts_do_change_state(visitor: Browser, store: Store, form: str) -> None:
    """The control for the table above: untouched, each of these posts changes the store,
    so "nothing changed" there means the bad value stopped it."""
    check_valid_post_changes_state(visitor, store, form)


# Query parameters: (site, URL with {} for the quoted value, who is signed in to ecf or None)
QUERIES = {
    "appurl": ("pacer-login", "/csologin/login.jsf?pscCourtId=CIT&appurl={}", None),
    "pscCourtId": ("pacer-login", "/csologin/login.jsf?pscCourtId={}", None),
    "ecf-ticket": ("ecf", "/cgi-bin/login.pl?ticket={}", None),
    "pacer-ticket": ("pacer", "/manage-account?ticket={}", None),
    "menu-ticket": ("ecf", "/cgi-bin/DisplayMenu.pl?Utilities&ticket={}", None),
    "reset-token": ("pacer", "/reset-password?token={}", None),
    "case_number": ("ecf", "/cgi-bin/iquery.pl?case_number={}", "jdoe2020"),
    "menu": ("ecf", "/cgi-bin/DisplayMenu.pl?{}", "jdoe2020"),
    "court-id": ("pacer", "/court-links/{}", None),
    "logout": ("ecf", "/cgi-bin/login.pl?logout={}", "jdoe2020"),
}
QUERY_CASES = [
    pytest.param(query, kind, id=f"{query}-{kind}")
    for query in QUERIES
    for kind in BAD_VALUES
    if kind != "missing"
]


def check_query_parameter(
    visitor: Browser,
    store: Store,
    query: str,
    kind: str,
    too_long: Callable[[str], str] = texts.too_long,
) -> None:
    site, pattern, user = QUERIES[query]
    if user:
        visitor.quick_sign_in(user)
    before = snapshot(store)
    response = visitor.get(site, pattern.format(quote(BAD_VALUES[kind], safe="")))
    check_answer(text(response), response.status_code)
    assert snapshot(store) == before
    if kind == "over-long" and query == "case_number":
        assert alerts(text(response)) == [too_long("Case number")]


@pytest.mark.parametrize(("query", "kind"), QUERY_CASES)
def test_query_parameter(visitor: Browser, store: Store, query: str, kind: str) -> None:
    check_query_parameter(visitor, store, query, kind)


@pytest.mark.filterwarnings("ignore:The '.*' cookie is too large")
@pytest.mark.parametrize("kind", [k for k in BAD_VALUES if k not in ("missing", "empty")])
def test_header_and_cookie_values(visitor: Browser, store: Store, kind: str) -> None:
    """A made-up session cookie is no session; odd headers change nothing."""
    value = BAD_VALUES[kind].replace("\r\n", "").replace("\x00", "")
    for site, cookie in [("ecf", "PacerSession"), ("pacer", "pacer_session")]:
        visitor.clients[site].set_cookie(cookie, value.encode("utf-8", "replace").decode("latin-1"))
    response = visitor.get("ecf", "/cgi-bin/ShowIndex.pl", follow=False)
    assert response.status_code == 302
    response = visitor.get("pacer", "/", headers={"Referer": value.encode().decode("latin-1")})
    assert response.status_code == 200


# What a person types stays in the form when it is refused (passwords excepted), even when
# it is refused for being too long: they can shorten it rather than type it all again.
TYPED_FIELDS = [
    ("pacer-login", "loginForm:loginName"),
    ("pacer-login", "loginForm:clientCode"),
    ("forgot-password", "username"),
    ("forgot-password", "email"),
    ("legacy-login", "login"),
    ("link-verify", "ecf_login"),
    ("clerk-unlink", "ecf_login"),
]
OVER_EVERY_LIMIT = "typed-by-hand-" * 20  # 280 characters: over each text field's limit


@pytest.mark.parametrize(("form", "name"), TYPED_FIELDS, ids=[f"{f}-{n}" for f, n in TYPED_FIELDS])
def test_an_over_long_value_is_refused_but_kept_in_the_form(
    visitor: Browser, store: Store, form: str, name: str
) -> None:
    spec = FORMS[form]
    data = spec.prepare(visitor, store)
    data[name] = OVER_EVERY_LIMIT
    page = text(visitor.post(spec.site, spec.path, data))
    assert f"{spec.labels[name]} is too long" in alerts(page)
    assert f'name="{name}" value="{OVER_EVERY_LIMIT}"' in page


def test_an_over_long_case_number_is_refused_but_kept_in_the_query_form(visitor: Browser) -> None:
    visitor.quick_sign_in("jdoe2020")
    page = text(visitor.get("ecf", f"/cgi-bin/iquery.pl?case_number={OVER_EVERY_LIMIT}"))
    assert alerts(page) == ["Case number is too long"]
    assert f'name="case_number" value="{OVER_EVERY_LIMIT}"' in page
