"""The PACER website (pacer.uscourts.gov): Quick Links / Court Links to reach the court's
CM/ECF, Manage My Account (needs a PACER sign-in), and the password reset by email.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, request
from werkzeug.wrappers import Response

from mock_site import security, web
from mock_site.dialects import texts
from mock_site.sites.common import (
    MANAGE_ACCOUNT_PATH,
    exchange_ticket,
    pacer_login_url,
    ticket_refused,
)
from mock_site.store import RESET_TTL, PacerAccount

bp = Blueprint("pacer", __name__)

# Court Links: (id, name). CIT goes to the mock's CM/ECF; the others are placeholders.
COURTS: tuple[tuple[str, str], ...] = (
    ("cit", texts.COURT_NAME),
    ("cafc", "U.S. Court of Appeals for the Federal Circuit"),
    ("dcd", "U.S. District Court for the District of Columbia"),
    ("nysd", "U.S. District Court for the Southern District of New York"),
)


def pacer_user() -> PacerAccount | None:
    session = web.current_session()
    if session is None or session.kind != "pacer":
        return None
    return web.mock().store.accounts.get(session.subject)


@bp.before_request
def take_ticket() -> Response | None:
    """Coming back from PACER login with ?ticket=: sign in here, then drop it from the URL."""
    if request.method == "GET" and "ticket" in request.args:
        if exchange_ticket() is None:
            return ticket_refused(web.path(MANAGE_ACCOUNT_PATH))
        return redirect(web.site_url("pacer", web.public_path()))
    return None


bp.before_request(web.check_csrf)


@bp.context_processor
def pacer_context() -> dict[str, Any]:
    return {"pacer_user": pacer_user()}


@bp.get("/")
def home() -> Response:
    return web.page("home.html", texts.PACER_TITLE)


@bp.get("/pacer.gov")
def pacer_gov() -> Response:
    """Stands in for www.pacer.gov, which sends people to the PACER website."""
    return redirect(web.site_url("pacer", "/"), 301)


@bp.get("/quick-links")
def quick_links() -> Response:
    return web.page("quick_links.html", "Quick Links")


@bp.get("/court-links")
def court_links() -> Response:
    return web.page("court_links.html", "Court Links", courts=COURTS)


@bp.get("/court-links/<court_id>")
def other_court(court_id: str) -> Response:
    names = dict(COURTS)
    if court_id not in names or court_id == "cit":
        return web.error_page(404, texts.NOT_FOUND_TITLE, texts.NOT_FOUND)
    return web.page("other_court.html", names[court_id])


@bp.get(MANAGE_ACCOUNT_PATH)
def manage_account() -> Response:
    account = pacer_user()
    if account is None:
        return redirect(pacer_login_url(web.site_url("pacer", web.path(MANAGE_ACCOUNT_PATH))))
    return manage_account_page(account)


def manage_account_page(
    account: PacerAccount, messages: list[web.Message] | tuple[web.Message, ...] = ()
) -> Response:
    enrolled = web.mock().store.mfa.state(account.username).enrolled
    return web.page(
        "manage_account.html",
        "Manage My Account",
        account=account,
        messages=messages,
        mfa_enrolled=enrolled,
    )


@bp.route("/forgot-password", methods=["GET", "POST"])
def forgot_password() -> Response:
    title = texts.FORGOT_PASSWORD_LINK
    if request.method == "GET":
        return web.page("forgot_password.html", title, username="", email="")
    username = security.text(request.form, "username").strip()
    email = security.text(request.form, "email").strip()
    problems = security.length_errors(
        [("Username", username, security.MAX_NAME), ("Email address", email, security.MAX_EMAIL)]
    )
    if not problems and (not username or not email):
        problems = [texts.RESET_FIELDS_REQUIRED]
    if problems:
        return web.page(
            "forgot_password.html",
            title,
            messages=[web.error(p) for p in problems],
            username=username,
            email=email,
        )
    store = web.mock().store
    account = store.accounts.get(username)
    if account is not None and account.email.lower() == email.lower():
        token = store.issue("reset", {"username": username}, RESET_TTL)
        link = web.site_url("pacer", f"{web.path('/reset-password')}?token={token}")
        store.send_email(
            account.email,
            texts.EMAIL_RESET_SUBJECT,
            f"Dear {account.name},\n\nTo choose a new password for the PACER account "
            f"{username}, open this link within one hour:\n\n{link}\n\n"
            "If you did not ask for this, ignore this email.\n\nPACER Service Center",
            texts.EMAIL_FROM_PACER,
        )
    # The same answer whether or not the account exists: it must not reveal accounts.
    return web.page(
        "forgot_password.html", title, messages=[web.info(texts.RESET_SENT)], username="", email=""
    )


def new_password_from_form() -> tuple[str, list[str]]:
    """The new password typed twice (reset and change forms), and what is wrong with it."""
    new = security.text(request.form, "new_password")
    confirm = security.text(request.form, "confirm_password")
    problems = security.length_errors(
        [
            (texts.NEW_PASSWORD_LABEL, new, security.MAX_PASSWORD),
            (texts.CONFIRM_PASSWORD_LABEL, confirm, security.MAX_PASSWORD),
        ]
    )
    if not problems:
        problems = security.password_problems(new)
    if not problems and new != confirm:
        problems = [texts.RESET_MISMATCH]
    return new, problems


@bp.route("/manage-account/change-password", methods=["GET", "POST"])
def change_password() -> Response:
    """A signed-in user changes the password they know (the FAQ's "change", beside "retrieve")."""
    account = pacer_user()
    if account is None:
        here = web.site_url("pacer", web.path("/manage-account/change-password"))
        return redirect(pacer_login_url(here))
    title = texts.CHANGE_PASSWORD_TITLE
    if request.method == "GET":
        return web.page("change_password.html", title)
    current = security.text(request.form, "current_password")
    problems = security.length_errors(
        [(texts.CURRENT_PASSWORD_LABEL, current, security.MAX_PASSWORD)]
    )
    store = web.mock().store
    if not problems and store.check_pacer(account.username, current) is None:
        problems = [texts.CURRENT_PASSWORD_WRONG]
    new, more = new_password_from_form()
    problems = problems or more
    if not problems and new == current:
        problems = [texts.PASSWORD_UNCHANGED]
    if problems:
        return web.page("change_password.html", title, messages=[web.error(p) for p in problems])
    store.set_password(account.username, new)
    return manage_account_page(account, [web.info(texts.PASSWORD_CHANGED)])


USED_RESET = "reset-used"


def reset_link_refused(title: str, token: str) -> Response:
    """A link that was used already (a double click, or opened again) says so; any other
    unusable link is refused."""
    store = web.mock().store
    if len(token) <= security.MAX_TOKEN and store.peek(USED_RESET, token) is not None:
        return web.page("reset_done.html", title, messages=[web.info(texts.RESET_LINK_USED)])
    return web.error_page(400, title, texts.RESET_LINK_INVALID)


@bp.route("/reset-password", methods=["GET", "POST"])
def reset_password() -> Response:
    title = texts.RESET_PASSWORD_TITLE
    store = web.mock().store
    source = request.form if request.method == "POST" else request.args
    token = security.text(source, "token")
    pending = store.peek("reset", token) if len(token) <= security.MAX_TOKEN else None
    if pending is None:
        return reset_link_refused(title, token)
    if request.method == "GET":
        return web.page("reset_password.html", title, token=token)
    new, problems = new_password_from_form()
    if problems:
        messages = [web.error(p) for p in problems]
        return web.page("reset_password.html", title, messages=messages, token=token)
    if store.take("reset", token, remember_as=USED_RESET) is None:  # used meanwhile
        return reset_link_refused(title, token)
    store.set_password(pending.data["username"], new)
    return web.page("reset_done.html", title, messages=[web.info(texts.RESET_DONE)])


@bp.get("/logout")
def logout() -> Response:
    web.end_session(everywhere=True)
    return web.page(
        "logged_out.html", texts.PACER_LOGGED_OUT_TITLE, messages=[web.info(texts.PACER_LOGGED_OUT)]
    )
