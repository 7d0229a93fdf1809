"""What the four site apps share: server-side sessions, form tokens, page rendering and
error pages. Each site app is built by create_app() in __init__.py, which installs these.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, current_app, g, make_response, render_template, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from mock_site import security
from mock_site.dialects import DEFAULT, Dialect, DialectPaths, texts
from mock_site.store import Session, Store

log = logging.getLogger(__name__)

# Cookies on 127.0.0.1 are shared by every port, so each site needs its own cookie name.
SESSION_COOKIES = {
    "court": "court_session",
    "pacer": "pacer_session",
    "pacer-login": "NextGenCSO",
    "ecf": "PacerSession",
}
# The hidden form-token field; PACER login is a JSF page, where it is the ViewState.
CSRF_FIELDS = {"pacer-login": "javax.faces.ViewState"}
TEMPLATE_DIRS = {"court": "court", "pacer": "pacer", "pacer-login": "pacer_login", "ecf": "ecf"}
SITE_TITLES = {
    "court": texts.COURT_NAME,
    "pacer": "PACER",
    "pacer-login": "PACER Login",
    "ecf": f"{texts.COURT_NAME} NextGen CM/ECF",
}


@dataclass(frozen=True)
class MockSite:
    """What one site app knows: who it is, the shared store, and every site's base URL."""

    site: str
    store: Store
    urls: dict[str, str]
    test_mode: bool
    dialect: Dialect = DEFAULT


@dataclass(frozen=True)
class Message:
    """Something a page says. Only an error is an alert (role="alert": a screen reader breaks
    in to announce it); a confirmation or a notice is a status message, read politely from
    the page's status region, so that success is never announced as a failure."""

    kind: str  # "error" | "info" (a confirmation) | "notice" (a standing warning)
    text: str


def error(text: str) -> Message:
    """What went wrong: the request was refused, or could not be done."""
    return Message("error", text)


def info(text: str) -> Message:
    """A confirmation: what was asked has been done (or cancelled, as asked)."""
    return Message("info", text)


def notice(text: str) -> Message:
    """A standing notice about the account (inactive, legacy, shared), not a refusal."""
    return Message("notice", text)


class FormExpired(HTTPException):
    """A POST whose form token is missing, forged or from a session that has ended."""

    code = 400
    description = texts.FORM_EXPIRED


def mock() -> MockSite:
    site: MockSite = current_app.extensions["mock_site"]
    return site


def site_url(site: str, path: str = "") -> str:
    return mock().urls[site] + path


def path(default_path: str) -> str:
    """This dialect's address of a page known by its default dialect's path."""
    return mock().dialect.path(default_path)


def public_path() -> str:
    """The path as the visitor asked for it (the dialect's, not the view's own)."""
    return str(request.environ.get(DialectPaths.PUBLIC_PATH, request.path))


# --- request size ---------------------------------------------------------------------------
def refuse_oversized_stream() -> None:
    """Before each request: a body without Content-Length is held to the size cap too.

    MAX_CONTENT_LENGTH answers 413 for a Content-Length over the cap, but a chunked body
    (which the server de-chunks and marks wsgi.input_terminated) werkzeug reads only up to
    the cap and then stops without a word: the page would act on the first 200 kB of the
    form. Read it here (werkzeug keeps it for request.form and get_data) and refuse it
    when it fills the cap, since the rest of it was never read.
    """
    if request.content_length is not None or not request.environ.get("wsgi.input_terminated"):
        return
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if limit is not None and len(request.get_data(cache=True)) >= limit:
        raise RequestEntityTooLarge()


# --- sessions -------------------------------------------------------------------------------
def load_session() -> None:
    """Before each request: the visitor's live session on this site, if any."""
    site = mock()
    cookie = request.cookies.get(SESSION_COOKIES[site.site], "")
    g.session = site.store.get_session(site.site, cookie[: security.MAX_TOKEN])
    g.set_cookie = None  # a new session token to send back
    g.clear_cookie = False


def current_session() -> Session | None:
    session: Session | None = g.get("session")
    return session


def ensure_session() -> Session:
    """The visitor's session, creating an anonymous one (it carries the form token)."""
    session = current_session()
    if session is None:
        session = mock().store.new_session(mock().site)
        g.session = session
        g.set_cookie = session.token
    return session


def start_session(kind: str, subject: str, sign_on: str = "") -> Session:
    """A fresh session for someone who just signed in: never the visitor's earlier token,
    which ends here. If it was someone else's sign-in, it ends on every site that shares it
    (a second person at the same browser must not find the first one's pages open)."""
    old = current_session()
    store = mock().store
    if old is not None:
        if old.sign_on and old.sign_on != sign_on and old.subject != subject:
            store.end_sign_on(old.sign_on)
        store.end_session(old.token)
    session = store.new_session(mock().site, kind, subject, sign_on)
    g.session = session
    g.set_cookie = session.token
    return session


def end_session(everywhere: bool = False) -> None:
    """End the visitor's session here; with everywhere (logging out), on every site that
    shares its PACER sign-in too."""
    old = current_session()
    if old is not None:
        if everywhere:
            mock().store.end_sign_on(old.sign_on)
        mock().store.end_session(old.token)
    g.session = None
    g.set_cookie = None
    g.clear_cookie = True


def csrf_token() -> str:
    return ensure_session().csrf


def check_csrf() -> None:
    """Before each POST to a site page: the form token must be this session's."""
    if request.method != "POST":
        return
    session = current_session()
    given = security.text(request.form, CSRF_FIELDS.get(mock().site, "csrf_token"))
    if session is None or not security.same_token(session.csrf, given):
        raise FormExpired()


def save_session(response: Response) -> Response:
    """After each request: send the session cookie, and headers every page should have."""
    name = SESSION_COOKIES[mock().site]
    if g.get("set_cookie"):
        response.set_cookie(name, g.set_cookie, httponly=True, samesite="Lax", path="/")
    elif g.get("clear_cookie"):
        response.delete_cookie(name, path="/", httponly=True, samesite="Lax")
    response.headers.setdefault("Cache-Control", "no-store")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    # Scripts only from the site itself: even if a value were ever rendered unescaped, an
    # injected inline script would not run.
    response.headers.setdefault(
        "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"
    )
    return response


# --- rendering ------------------------------------------------------------------------------
def page(
    template: str,
    title: str,
    *,
    status: int = 200,
    messages: list[Message] | tuple[Message, ...] = (),
    **context: Any,
) -> Response:
    """Render one of this site's templates (templates/<site>/<template>), or a template
    shared by sites, named with its folder ("mfa/passcode.html")."""
    name = template if "/" in template else f"{TEMPLATE_DIRS[mock().site]}/{template}"
    body = render_template(name, title=title, messages=list(messages), **context)
    return make_response(body, status)


def template_globals() -> dict[str, Any]:
    site = mock()
    return {
        "site": site.site,
        "site_title": SITE_TITLES[site.site],
        "layout": f"{TEMPLATE_DIRS[site.site]}/layout.html",
        "urls": site.urls,
        "texts": texts,
        "path": site.dialect.path,
        "has": site.dialect.has,
        "markup": site.dialect.markup,
        "csrf_token": csrf_token,
        "csrf_field": CSRF_FIELDS.get(site.site, "csrf_token"),
        "messages_id": "loginForm:pclLoginMessages" if site.site == "pacer-login" else "messages",
        "menu": [],
        "user": None,
    }


# --- error pages ----------------------------------------------------------------------------
# Status -> the names in texts of its page's title and message (worded by the dialect).
_ERROR_TITLES = {
    400: ("BAD_REQUEST_TITLE", "BAD_REQUEST"),
    403: ("FORBIDDEN_TITLE", "FORBIDDEN"),
    404: ("NOT_FOUND_TITLE", "NOT_FOUND"),
    405: ("METHOD_TITLE", "METHOD"),
    413: ("TOO_LARGE_TITLE", "TOO_LARGE"),
}


def error_page(status: int, title: str, message: str, **context: Any) -> Response:
    return page("error.html", title, status=status, messages=[error(message)], **context)


def handle_http_error(exc: HTTPException) -> Response | HTTPException:
    code = exc.code or 500
    if code < 400:  # routing redirects (e.g. a missing trailing slash) pass through
        return exc
    if isinstance(exc, FormExpired):
        return error_page(400, texts.FORM_EXPIRED_TITLE, texts.FORM_EXPIRED)
    title, message = _ERROR_TITLES.get(code, _ERROR_TITLES[400])
    response = error_page(code, getattr(texts, title), getattr(texts, message))
    valid_methods = getattr(exc, "valid_methods", None)
    if code == 405 and valid_methods:
        response.headers["Allow"] = ", ".join(valid_methods)
    return response


def handle_unexpected(exc: Exception) -> Response:
    """The mock must never answer 500; if it does, still a plain page, and a log line."""
    log.exception("unexpected error in the mock", exc_info=exc)
    try:
        return error_page(500, texts.SERVER_ERROR_TITLE, texts.SERVER_ERROR)
    except Exception:  # the page itself failed: fall back to plain text
        return make_response(texts.SERVER_ERROR, 500, {"Content-Type": "text/plain"})


def install(app: Flask) -> None:
    app.before_request(refuse_oversized_stream)
    app.before_request(load_session)
    app.after_request(save_session)
    app.context_processor(template_globals)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(Exception, handle_unexpected)
