"""The court's NextGen CM/ECF (ecf.cit.uscourts.gov).

From the cut-over (March 16, 2020, on the mock's clock) it signs people in through PACER
login and lets an upgraded individual PACER account link its old CM/ECF account, after
which the filing menu appears. Before the cut-over it is the legacy CM/ECF with its own
login form. Court staff can unlink accounts linked by mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import unquote

from flask import Blueprint, redirect, request
from werkzeug.wrappers import Response

from mock_site import security, web
from mock_site.dialects import texts
from mock_site.sites.common import exchange_ticket, pacer_login_url, ticket_refused
from mock_site.store import PENDING_TTL, EcfAccount, PacerAccount, Session

bp = Blueprint("ecf", __name__)

LOGIN = "/cgi-bin/login.pl"  # [seen]
SHOW_INDEX = "/cgi-bin/ShowIndex.pl"  # [seen]
QUERY = "/cgi-bin/iquery.pl"  # [seen]
MENU = "/cgi-bin/DisplayMenu.pl"  # [seen]
NOT_IN_MOCK = "/cgi-bin/NotInMock.pl"  # a stand-in for Utilities pages the FAQ does not need
LINK = texts.LINK_ACCOUNT_PATH
UNLINK = texts.CLERK_UNLINK_PATH


@dataclass(frozen=True)
class EcfUser:
    """Who is signed in to CM/ECF: a PACER account (NextGen) or a CM/ECF login (legacy)."""

    session: Session
    pacer: PacerAccount | None  # None for a legacy (pre-NextGen) sign-in
    ecf: EcfAccount | None  # the linked CM/ECF account, or the legacy sign-in's account

    @property
    def can_file(self) -> bool:
        if self.pacer is None:
            return self.ecf is not None  # legacy CM/ECF: the CM/ECF login itself files
        return self.pacer.can_file and self.ecf is not None

    def refusal(self) -> str | None:
        """Why this PACER account may not file or link, or None."""
        if self.pacer is None:
            return texts.LINK_BEFORE_CUTOVER
        if self.pacer.kind == "shared":
            return texts.LINK_SHARED
        if self.pacer.type == "legacy":
            return texts.LINK_LEGACY
        return None

    def notices(self) -> list[str]:
        """ShowIndex's notices. A dialect that refuses upon Submit says nothing of it
        before; one may keep the inactive notice for where a search is refused."""
        if self.pacer is None:
            return []
        behaviour = web.mock().dialect.behaviour
        found = []
        if not self.pacer.active and behaviour.inactive_notice_on_index:
            found.append(texts.INACTIVE_NOTICE)
        if behaviour.refuse_on_submit:
            return found
        if self.pacer.type == "legacy":
            found.append(texts.LINK_LEGACY)
        if self.pacer.kind == "shared":
            found.append(texts.LINK_SHARED)
        return found


def ecf_user() -> EcfUser | None:
    """The signed-in user, if their sign-in suits the CM/ECF of the mock's current date."""
    session = web.current_session()
    if session is None:
        return None
    store = web.mock().store
    with store.lock:
        nextgen = store.is_nextgen()
        if session.kind == "pacer" and nextgen:
            account = store.accounts.get(session.subject)
            if account is None:
                return None
            return EcfUser(session, account, store.linked_ecf(account.username))
        if session.kind == "legacy" and not nextgen:
            ecf = store.ecf_accounts.get(session.subject)
            return EcfUser(session, None, ecf) if ecf else None
    return None


def menu_for(user: EcfUser) -> list[tuple[str, str]]:
    """The menu bar: PACER-only users get Query … Log Out; filers also the filing menu."""
    items = [(texts.FILING_MENU, f"{MENU}?{texts.FILING_MENU}")] if user.can_file else []
    return [
        *items,
        ("Query", QUERY),
        ("Reports", f"{MENU}?Reports"),
        ("Utilities", f"{MENU}?Utilities"),
        ("Help", f"{MENU}?Help"),
        ("Log Out", f"{LOGIN}?logout"),
    ]


@bp.before_request
def take_ticket() -> Response | None:
    """Back from PACER login with ?ticket=: sign in here, then drop the ticket from the URL."""
    if request.method != "GET" or "ticket" not in request.args:
        return None
    if not web.mock().store.is_nextgen():
        return None  # the legacy CM/ECF knows nothing of PACER tickets
    if exchange_ticket() is None:
        return ticket_refused(LOGIN)
    if request.path == LOGIN:
        return redirect(web.site_url("ecf", SHOW_INDEX))
    rest = [
        p
        for p in request.query_string.decode("latin-1").split("&")
        if p and not p.startswith("ticket=")
    ]
    query = "?" + "&".join(rest) if rest else ""
    return redirect(web.site_url("ecf", web.public_path() + query))


bp.before_request(web.check_csrf)


@bp.context_processor
def ecf_context() -> dict[str, Any]:
    user = ecf_user()
    return {"user": user, "menu": menu_for(user) if user else []}


View = Callable[[EcfUser], Response]


def signed_in(view: View) -> Callable[[], Response]:
    """CM/ECF pages are for signed-in users only; others go to login.pl (and so to PACER)."""

    @wraps(view)
    def wrapper() -> Response:
        user = ecf_user()
        if user is None:
            return sign_in_first()
        return view(user)

    return wrapper


def sign_in_first() -> Response:
    """A signed-out visitor: to login.pl (and so to PACER login, which returns there), or,
    in a dialect that does as real NextGen does, to PACER login returning to this page."""
    site = web.mock()
    if not (site.dialect.behaviour.return_to_asked_page and site.store.is_nextgen()):
        return redirect(web.site_url("ecf", LOGIN))
    query = request.query_string.decode("latin-1")
    here = web.public_path() + (f"?{query}" if query else "")
    return redirect(pacer_login_url(web.site_url("ecf", here)))


# --- sign-in --------------------------------------------------------------------------------
@bp.get("/")
def root() -> Response:
    return redirect(web.site_url("ecf", LOGIN))


@bp.route(LOGIN, methods=["GET", "POST"])
def login() -> Response:
    if "logout" in request.args:
        web.end_session(everywhere=True)
        return web.page(
            "logged_out.html", texts.ECF_LOGGED_OUT_TITLE, messages=[web.info(texts.ECF_LOGGED_OUT)]
        )
    if ecf_user() is not None:
        return redirect(web.site_url("ecf", SHOW_INDEX))
    if web.mock().store.is_nextgen():
        return redirect(pacer_login_url(web.site_url("ecf", LOGIN)))
    return legacy_login()


def legacy_login() -> Response:
    """CM/ECF before March 16, 2020: its own login and password."""
    title = texts.LEGACY_LOGIN_TITLE
    if request.method == "GET":
        return web.page("legacy_login.html", title, login="")
    login = security.text(request.form, "login").strip()
    key = security.text(request.form, "key")
    problems = security.length_errors(
        [
            (texts.LEGACY_LOGIN_LABEL, login, security.MAX_NAME),
            (texts.LEGACY_PASSWORD_LABEL, key, security.MAX_PASSWORD),
        ]
    )
    if problems:
        return web.page(
            "legacy_login.html", title, messages=[web.error(p) for p in problems], login=login
        )
    account, ok = web.mock().store.check_ecf(login, key) if login and key else (None, False)
    if account is None or not ok:
        messages = [web.error(texts.LEGACY_LOGIN_INVALID)]
        return web.page("legacy_login.html", title, messages=messages, login=login)
    web.start_session("legacy", account.login)
    return redirect(web.site_url("ecf", SHOW_INDEX))


# --- menus ----------------------------------------------------------------------------------
@bp.get(SHOW_INDEX)
@signed_in
def show_index(user: EcfUser) -> Response:
    notices = [web.notice(text) for text in user.notices()]
    return web.page("show_index.html", texts.ECF_HOME_HEADING, messages=notices)


@bp.get(QUERY)
@signed_in
def query(user: EcfUser) -> Response:
    if user.pacer is not None and not user.pacer.active:
        messages = [web.error(texts.INACTIVE_NOTICE)]
        return web.page(
            "query.html", texts.QUERY_TITLE, status=403, messages=messages, form=False, case=""
        )
    if "case_number" not in request.args:
        return web.page("query.html", texts.QUERY_TITLE, form=True, case="")
    case = security.text(request.args, "case_number").strip()
    problems = security.length_errors([("Case number", case, security.MAX_NAME)])
    if problems:  # the case number stays in the form, to be shortened there
        messages = [web.error(p) for p in problems]
    elif not case:
        messages = [web.error(texts.CASE_NUMBER_REQUIRED)]
    else:
        messages = [web.info(texts.QUERY_NO_CASE)]
    return web.page("query.html", texts.QUERY_TITLE, messages=messages, form=True, case=case)


@bp.get(MENU)
@signed_in
def display_menu(user: EcfUser) -> Response:
    # The menu is the bare query string, as in the real CGI: DisplayMenu.pl?Utilities
    name = unquote(request.query_string.decode("latin-1").split("&")[0])
    if name == "Reports":
        return web.page("reports.html", "Reports")
    if name == "Utilities":
        return web.page("utilities.html", "Utilities")
    if name == "Help":
        return web.page("help.html", "Help")
    if name == texts.FILING_MENU:
        title = texts.FILING_MENU_TITLE
        if not user.can_file:
            reason = user.refusal() or texts.MUST_LINK_TO_FILE
            return web.page(
                "civil.html", title, status=403, messages=[web.error(reason)], form=False
            )
        return web.page("civil.html", title, form=True)
    return web.error_page(404, texts.NOT_FOUND_TITLE, texts.NOT_FOUND)


@bp.get(NOT_IN_MOCK)
@signed_in
def not_in_mock(user: EcfUser) -> Response:
    return web.page(
        "not_in_mock.html", "Not part of this mock", messages=[web.info(texts.NOT_IN_MOCK)]
    )


# --- linking --------------------------------------------------------------------------------
def link_form(
    messages: list[web.Message] | None = None, status: int = 200, login: str = "", form: bool = True
) -> Response:
    return web.page(
        "link_form.html",
        texts.LINK_TITLE,
        status=status,
        messages=messages or [],
        login=login,
        form=form,
    )


def account_refusal(user: EcfUser) -> tuple[str, int] | None:
    """(message, status) when this user may not link at all, else None."""
    reason = user.refusal()
    if reason is not None:
        return reason, 403
    if user.ecf is not None:
        return texts.LINK_ALREADY, 200
    return None


@bp.route(LINK, methods=["GET", "POST"])
@signed_in
def link_account(user: EcfUser) -> Response:
    if user.pacer is None:  # legacy CM/ECF: linking starts at the cut-over
        return link_form([web.error(texts.LINK_BEFORE_CUTOVER)], 403, form=False)
    refused = account_refusal(user)
    if refused and not web.mock().dialect.behaviour.refuse_on_submit:
        # No form when linking is refused whatever is typed. A POST from a page opened
        # earlier (Confirm pressed twice, or linked in another tab) gets the same answer.
        return link_form([web.error(refused[0])], refused[1], form=False)
    if request.method == "GET":
        return link_form()
    step = security.text(request.form, "step")
    if step == "confirm":
        return link_confirm(user)
    if step != "verify":
        return web.error_page(400, texts.BAD_REQUEST_TITLE, texts.BAD_REQUEST)
    return link_verify(user)


def link_verify(user: EcfUser) -> Response:
    """Step 1: check the CM/ECF login and password, then show both accounts to confirm."""
    assert user.pacer is not None
    login = security.text(request.form, "ecf_login").strip()
    password = security.text(request.form, "ecf_password")
    problems = security.length_errors(
        [
            ("CM/ECF login", login, security.MAX_NAME),
            ("CM/ECF password", password, security.MAX_PASSWORD),
        ]
    )
    if problems:  # the login stays in the form (never the password), to be corrected there
        return link_form([web.error(p) for p in problems], login=login)
    if not login or not password:
        return link_form([web.error(texts.LINK_EMPTY)], login=login)
    refused = account_refusal(user)  # (only a dialect that refuses upon Submit gets here)
    if refused:  # whatever was typed, before checking it
        return link_form([web.error(refused[0])], login=login)
    store = web.mock().store
    account, ok = store.check_ecf(login, password)
    if account is None:
        return link_form([web.error(texts.LINK_UNKNOWN_LOGIN)], login=login)
    if not ok:
        return link_form([web.error(texts.LINK_WRONG_PASSWORD)], login=login)
    if account.linked_to is not None:
        return link_form([web.error(texts.LINK_TAKEN)], login=login)
    token = store.issue(
        "link",
        {"username": user.pacer.username, "ecf_login": account.login},
        PENDING_TTL,
        user.session.token,
    )
    return web.page(
        "link_verify.html", texts.LINK_VERIFY_TITLE, ecf=account, pacer=user.pacer, token=token
    )


def link_confirm(user: EcfUser) -> Response:
    """Step 2: Confirm (single use) or Cancel the link held under the form's token."""
    assert user.pacer is not None
    store = web.mock().store
    token = security.text(request.form, "token")
    action = security.text(request.form, "action")
    pending = (
        store.peek("link", token, user.session.token) if len(token) <= security.MAX_TOKEN else None
    )
    if pending is None:
        raise web.FormExpired()
    if action not in ("confirm", "cancel"):
        return web.error_page(400, texts.BAD_REQUEST_TITLE, texts.BAD_REQUEST)
    if store.take("link", token, user.session.token) is None:
        raise web.FormExpired()
    refused = account_refusal(user)  # (only a dialect that refuses upon Submit gets here)
    if refused and action == "confirm":  # e.g. Submit pressed again after linking
        return link_form([web.error(refused[0])])
    if action == "cancel":
        return link_form([web.info(texts.LINK_CANCELLED)])
    username, ecf_login = pending.data["username"], pending.data["ecf_login"]
    result = store.link(username, ecf_login)
    if result != "linked":
        reason = {"already": texts.LINK_ALREADY, "taken": texts.LINK_TAKEN}.get(
            result, texts.LINK_UNKNOWN_LOGIN
        )
        return link_form([web.error(reason)])
    store.send_email(
        user.pacer.email,
        texts.EMAIL_LINKED_SUBJECT,
        f"Dear {user.pacer.name},\n\n{texts.link_done(ecf_login, username)}\n\n"
        f"If you did not link these accounts, contact the CM/ECF Help Desk at "
        f"{texts.HELPDESK_PHONE} or {texts.HELPDESK_EMAIL}.\n\n{texts.COURT_NAME}",
        texts.EMAIL_FROM_ECF,
    )
    messages = [web.info(texts.link_done(ecf_login, username))]
    if not user.pacer.active:
        messages.append(web.notice(texts.INACTIVE_NOTICE))
    # A dialect may keep the linking page's own heading: the confirmation is then only the
    # status message.
    title = (
        texts.LINK_DONE_TITLE
        if web.mock().dialect.markup.confirmation_heading
        else texts.LINK_TITLE
    )
    return web.page("link_done.html", title, messages=messages)


# The help desk's unlink page is in ecf_unlink.py (on this blueprint).
