"""Form tokens, sessions, cookies, escaping, size limits, error pages."""

from __future__ import annotations

import io
from urllib.parse import urlencode

import pytest
from flask import Flask
from werkzeug.test import TestResponse

from mock_site import create_app
from mock_site.store import Store
from tests.mock.helpers import (
    ECF_LOGIN_APPURL,
    PERSONA,
    URLS,
    Browser,
    Clock,
    alerts,
    h1,
    hidden,
    text,
)

EXPIRED = "This form has expired or is not valid. Reload the page and try again."

# (site, form page, field of the form token, a post that would otherwise be valid)
FORMS = [
    (
        "pacer-login",
        ECF_LOGIN_APPURL,
        "javax.faces.ViewState",
        {"loginForm:loginName": "bakerlowe01", "loginForm:password": "Pacer-Firm-2020"},
    ),
    (
        "pacer",
        "/forgot-password",
        "csrf_token",
        {"username": "jdoe2020", "email": "jane.doe@example.com"},
    ),
]


@pytest.mark.parametrize(("site", "path", "field", "data"), FORMS)
@pytest.mark.parametrize("token", ["missing", "forged", "another session's", "after reset"])
def test_a_post_without_this_sessions_form_token_is_refused(
    visitor: Browser,
    other_visitor: Browser,
    store: Store,
    site: str,
    path: str,
    field: str,
    data: dict[str, str],
    token: str,
) -> None:
    page = text(visitor.get(site, path))
    form = dict(data)
    if token == "forged":
        form[field] = "x" * 43
    elif token == "another session's":
        form[field] = hidden(text(other_visitor.get(site, path)), field)
    elif token == "after reset":
        form[field] = hidden(page, field)
        store.reset()
    response = visitor.post(site, path, form, follow=False)
    assert response.status_code == 400
    assert h1(text(response)) == "Form expired"
    assert alerts(text(response)) == [EXPIRED]
    assert store.outbox == []


def test_form_token_refusal_on_cmecf_pages(visitor: Browser, store: Store) -> None:
    visitor.quick_sign_in("jdoe2020")
    for path, data in [
        (
            "/cgi-bin/LinkAccount.pl",
            {"step": "verify", "ecf_login": "jdoe-ecf", "ecf_password": "Ecf-Jane-2019"},
        ),
        ("/cgi-bin/ClerkUnlink.pl", {"step": "find", "ecf_login": "jdoe-ecf"}),
    ]:
        response = visitor.post("ecf", path, data, follow=False)
        assert response.status_code == 400 and alerts(text(response)) == [EXPIRED]


def test_each_site_has_its_own_session_cookie(visitor: Browser) -> None:
    visitor.sign_in_to_ecf("filer")
    visitor.get("pacer", "/forgot-password")
    all_names = ("court_session", "pacer_session", "NextGenCSO", "PacerSession")
    names = {
        site: {name for name in all_names if client.get_cookie(name) is not None}
        for site, client in visitor.clients.items()
    }
    assert names == {
        "court": set(),
        "pacer": {"pacer_session"},
        "pacer-login": {"NextGenCSO"},
        "ecf": {"PacerSession"},
    }


def test_session_cookies_are_http_only_and_same_site_lax(visitor: Browser) -> None:
    response = visitor.get("pacer-login", ECF_LOGIN_APPURL)
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("NextGenCSO=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_a_session_is_only_good_on_its_own_site(apps: dict[str, Flask], visitor: Browser) -> None:
    visitor.quick_sign_in("jdoe2020")
    token = visitor.clients["ecf"].get_cookie("PacerSession")
    assert token is not None
    pacer = apps["pacer"].test_client()
    pacer.set_cookie("pacer_session", token.value)
    assert pacer.get("/manage-account").status_code == 302  # not signed in to PACER website


def test_signing_in_gives_a_new_session_token(visitor: Browser) -> None:
    visitor.get("pacer-login", ECF_LOGIN_APPURL)
    before = visitor.clients["pacer-login"].get_cookie("NextGenCSO")
    visitor.pacer_login("jdoe2020", PERSONA["filer"].password)
    after = visitor.clients["pacer-login"].get_cookie("NextGenCSO")
    assert before is not None and after is not None and before.value != after.value


def test_sessions_expire_after_the_idle_time(visitor: Browser, clock: Clock) -> None:
    visitor.quick_sign_in("jdoe2020")
    clock.advance(29 * 60)
    assert visitor.get("ecf", "/cgi-bin/ShowIndex.pl").status_code == 200  # and extends it
    clock.advance(29 * 60)
    assert visitor.get("ecf", "/cgi-bin/ShowIndex.pl").status_code == 200
    clock.advance(30 * 60 + 1)
    visitor.get("ecf", "/cgi-bin/ShowIndex.pl")
    assert visitor.site == "pacer-login"


def test_session_time_to_live_is_configurable(clock: Clock) -> None:
    store = Store(time_fn=clock, session_ttl=5)
    session = store.new_session("ecf", "pacer", "jdoe2020")
    clock.advance(6)
    assert store.get_session("ecf", session.token) is None


def test_a_form_from_an_expired_session_is_refused(visitor: Browser, clock: Clock) -> None:
    page = text(visitor.get("pacer", "/forgot-password"))
    clock.advance(31 * 60)
    response = visitor.post(
        "pacer",
        "/forgot-password",
        {"csrf_token": hidden(page, "csrf_token"), "username": "a", "email": "b"},
    )
    assert response.status_code == 400 and alerts(text(response)) == [EXPIRED]


def test_values_are_escaped_not_reflected(visitor: Browser) -> None:
    script = "<script>alert(1)</script>"
    page = text(visitor.pacer_login(script, "x"))
    assert script not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    visitor.quick_sign_in("jdoe2020")
    page = text(
        visitor.get("ecf", "/cgi-bin/iquery.pl?case_number=%3Cscript%3Ealert(1)%3C/script%3E")
    )
    assert script not in page


def test_a_request_over_the_size_cap_is_a_413_page(visitor: Browser) -> None:
    page = text(visitor.get("pacer", "/forgot-password"))
    response = visitor.post(
        "pacer",
        "/forgot-password",
        {"csrf_token": hidden(page, "csrf_token"), "username": "a" * 300_000, "email": "b"},
    )
    assert response.status_code == 413
    assert h1(text(response)) == "Request too large"


def test_method_not_allowed_is_a_plain_405_page(visitor: Browser) -> None:
    response = visitor.post("court", "/contact", {})
    assert response.status_code == 405
    assert h1(text(response)) == "Not allowed"


def test_every_page_carries_protective_headers(visitor: Browser) -> None:
    response = visitor.get("court", "/")
    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_an_unexpected_error_still_renders_a_plain_page(store: Store) -> None:
    app = create_app("court", store, URLS)

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("bug")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert h1(text(response)) == "Something went wrong"
    assert "RuntimeError" not in text(response)


def test_create_app_refuses_unknown_sites_and_missing_urls(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown site"):
        create_app("nope", store, URLS)
    with pytest.raises(ValueError, match="lacks"):
        create_app("ecf", store, {"ecf": "http://ecf.test"})


def ask_for_a_reset_chunked(visitor: Browser, padding: str = "") -> TestResponse:
    """The filer's password-reset form, posted without Content-Length (chunked), as the
    server hands such a body on: de-chunked and marked wsgi.input_terminated."""
    page = text(visitor.get("pacer", "/forgot-password"))
    fields = {
        "csrf_token": hidden(page, "csrf_token"),
        "username": "jdoe2020",
        "email": "jane.doe@example.com",
    }
    if padding:
        fields["padding"] = padding
    return visitor.clients["pacer"].post(
        "/forgot-password",
        input_stream=io.BytesIO(urlencode(fields).encode()),
        content_type="application/x-www-form-urlencoded",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )


def test_a_chunked_request_over_the_size_cap_is_a_413_page_not_cut_short(
    visitor: Browser, store: Store
) -> None:
    """A body without Content-Length (Transfer-Encoding: chunked, which the server
    de-chunks and marks wsgi.input_terminated) is held to the same cap. Werkzeug stops
    reading it at the cap without a word, so the form used to be read cut short and acted
    on: here a reset email was sent for a 1 MB post."""
    response = ask_for_a_reset_chunked(visitor, padding="a" * 1_000_000)
    assert response.status_code == 413
    assert h1(text(response)) == "Request too large"
    assert store.outbox == []


def test_a_chunked_request_under_the_size_cap_is_read_whole(visitor: Browser, store: Store) -> None:
    response = ask_for_a_reset_chunked(visitor)
    assert response.status_code == 200
    assert [email.to for email in store.outbox] == ["jane.doe@example.com"]


def test_a_chunked_control_call_over_the_size_cap_is_a_json_413(visitor: Browser) -> None:
    body = b'{"keep_sessions": false' + b" " * 300_000 + b"}"
    response = visitor.clients["ecf"].post(
        "/_mock/reset",
        input_stream=io.BytesIO(body),
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 413
    assert response.json is not None and "error" in response.json
