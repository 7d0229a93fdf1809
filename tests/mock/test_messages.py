"""Messages: errors are alerts (role="alert"); confirmations and notices are status messages.

A screen reader breaks in to announce an alert; success announced that way sounds like a
failure. Every confirmation and notice the mock shows is reached here through its own
journey, and must be in the status region without being an alert.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from mock_site import texts
from mock_site.store import Store
from tests.mock.helpers import (
    LOGIN_PATH,
    PERSONA,
    Browser,
    alerts,
    hidden,
    messages,
    text,
)

TEMPLATES = Path(texts.__file__).parent / "templates"


def ecf_password(key: str) -> str:
    ecf = PERSONA[key].ecf
    assert ecf is not None
    return ecf.password


# --- the journeys to each confirmation and notice -------------------------------------------
def linked(visitor: Browser, store: Store) -> str:
    visitor.quick_sign_in("jdoe2020")
    return text(visitor.link("jdoe-ecf", ecf_password("filer")))


def linking_cancelled(visitor: Browser, store: Store) -> str:
    visitor.quick_sign_in("jdoe2020")
    verify = text(visitor.link_form("jdoe-ecf", ecf_password("filer")))
    return text(visitor.confirm(verify, action="cancel"))


def linked_while_inactive(visitor: Browser, store: Store) -> str:
    visitor.quick_sign_in("bwong2020")
    return text(visitor.link("bwong-ecf", ecf_password("inactive")))


def unlinked(visitor: Browser, store: Store) -> str:
    store.link("jdoe2020", "jdoe-old")
    visitor.quick_sign_in("citclerk01")
    fields = {"step": "unlink", "ecf_login": "jdoe-old"}
    return text(visitor.submit("ecf", texts.CLERK_UNLINK_PATH, fields))


def login_cancelled(visitor: Browser, store: Store) -> str:
    page = text(visitor.pacer_login("jdoe2020", PERSONA["filer"].password))
    return text(visitor.cancel_redaction(page))


def reset_sent(visitor: Browser, store: Store) -> str:
    fields = {"username": "jdoe2020", "email": PERSONA["filer"].email}
    return text(visitor.submit("pacer", "/forgot-password", fields))


def reset_done(visitor: Browser, store: Store, twice: bool = False) -> str:
    reset_sent(visitor, store)
    found = re.search(r"(/reset-password\?token=\S+)", store.outbox[-1].body)
    assert found
    page = text(visitor.get("pacer", found.group(1)))
    fields = {
        "csrf_token": hidden(page, "csrf_token"),
        "token": hidden(page, "token"),
        "new_password": "A-new-password-1",
        "confirm_password": "A-new-password-1",
    }
    done = text(visitor.post("pacer", "/reset-password", fields))
    return text(visitor.post("pacer", "/reset-password", fields)) if twice else done


def password_changed(visitor: Browser, store: Store) -> str:
    visitor.quick_sign_in("jdoe2020", "pacer")
    fields = {
        "current_password": PERSONA["filer"].password,
        "new_password": "A-new-password-1",
        "confirm_password": "A-new-password-1",
    }
    return text(visitor.submit("pacer", "/manage-account/change-password", fields))


def signed_in_as(username: str) -> Callable[[Browser, Store], str]:
    def journey(visitor: Browser, store: Store) -> str:
        return text(visitor.quick_sign_in(username))

    return journey


def page_of(site: str, path: str, username: str) -> Callable[[Browser, Store], str]:
    def journey(visitor: Browser, store: Store) -> str:
        visitor.quick_sign_in(username, site if site == "pacer" else "ecf")
        return text(visitor.get(site, path))

    return journey


STATUS_MESSAGES = [
    ("accounts linked", linked, texts.link_done("jdoe-ecf", "jdoe2020")),
    ("linking cancelled", linking_cancelled, texts.LINK_CANCELLED),
    ("inactive notice after linking", linked_while_inactive, texts.INACTIVE_NOTICE),
    ("accounts unlinked", unlinked, texts.unlink_done("jdoe-old", "jdoe2020")),
    ("login cancelled", login_cancelled, texts.LOGIN_CANCELLED),
    ("reset link sent", reset_sent, texts.RESET_SENT),
    ("password reset", reset_done, texts.RESET_DONE),
    ("reset link used", lambda v, s: reset_done(v, s, twice=True), texts.RESET_LINK_USED),
    ("password changed", password_changed, texts.PASSWORD_CHANGED),
    ("logged out of CM/ECF", page_of("ecf", "/cgi-bin/login.pl?logout", "jdoe2020"),
     texts.ECF_LOGGED_OUT),
    ("logged out of the PACER website", page_of("pacer", "/logout", "jdoe2020"),
     texts.PACER_LOGGED_OUT),
    ("no case found", page_of("ecf", "/cgi-bin/iquery.pl?case_number=1", "jdoe2020"),
     texts.QUERY_NO_CASE),
    ("not part of this mock", page_of("ecf", "/cgi-bin/NotInMock.pl", "jdoe2020"),
     texts.NOT_IN_MOCK),
    ("inactive notice", signed_in_as("bwong2020"), texts.INACTIVE_NOTICE),
    ("legacy notice", signed_in_as("LP1234"), texts.LINK_LEGACY),
    ("shared notice", signed_in_as("bakerlowe01"), texts.LINK_SHARED),
]  # fmt: skip


@pytest.mark.parametrize(
    ("journey", "message"),
    [(journey, message) for _, journey, message in STATUS_MESSAGES],
    ids=[name for name, _, _ in STATUS_MESSAGES],
)
def test_confirmations_and_notices_are_status_messages_not_alerts(
    visitor: Browser,
    store: Store,
    journey: Callable[[Browser, Store], str],
    message: str,
) -> None:
    page = journey(visitor, store)
    assert message in messages(page), f"{message!r} is not in the status region"
    assert message not in alerts(page), f"{message!r} is marked up as an error (role=alert)"
    assert alerts(page) == [], "a confirmation page with an error on it"


ERRORS = [
    ("bad credentials", lambda v: v.pacer_login("jdoe2020", "wrong-password-1", LOGIN_PATH),
     texts.LOGIN_INVALID),
    ("linking refused", lambda v: (v.quick_sign_in("jdoe2020"), v.link_form("jdoe-ecf", "nope"))[1],
     texts.LINK_WRONG_PASSWORD),
    ("inactive account may not search",
     lambda v: (v.quick_sign_in("bwong2020"), v.get("ecf", "/cgi-bin/iquery.pl"))[1],
     texts.INACTIVE_NOTICE),
    ("page not found", lambda v: v.get("court", "/no-such-page"), texts.NOT_FOUND),
]  # fmt: skip


@pytest.mark.parametrize(
    ("journey", "message"),
    [(journey, message) for _, journey, message in ERRORS],
    ids=[name for name, _, _ in ERRORS],
)
def test_errors_are_alerts(
    visitor: Browser, journey: Callable[[Browser], object], message: str
) -> None:
    journey(visitor)
    assert visitor.last is not None
    assert alerts(text(visitor.last)) == [message]


def test_only_the_message_template_marks_anything_up_as_an_alert() -> None:
    """Every template shows its messages through messages.html, the one place that decides
    what is an alert: none hard-codes an alert or an assertive live region."""
    for template in TEMPLATES.rglob("*.html"):
        source = template.read_text()
        if template.name != "messages.html":
            assert 'role="alert"' not in source and "assertive" not in source, template
    messages_template = (TEMPLATES / "messages.html").read_text()
    # One alert in the template, in the macro for errors, and each kind of region shows an
    # error through that macro and anything else without it.
    assert messages_template.count('role="alert"') == 1
    assert '{%- macro error(text) -%}\n<p class="message message-error" role="alert"' in (
        messages_template
    )
    assert messages_template.count('{% if message.kind == "error" %}{{ error(message.text) }}') == 2
    assert "assertive" not in messages_template
