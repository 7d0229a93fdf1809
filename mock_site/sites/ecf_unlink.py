"""The court's NextGen CM/ECF, continued: the help desk's page to unlink a CM/ECF account
from the PACER account it was linked to by mistake (the FAQ's "I accidentally linked the
wrong accounts"). Court staff only. Its routes are on ecf.bp.
"""

from __future__ import annotations

from flask import request
from werkzeug.wrappers import Response

from mock_site import security, web
from mock_site.dialects import texts
from mock_site.sites.ecf import UNLINK, EcfUser, bp, signed_in
from mock_site.store import EcfAccount, PacerAccount


def unlink_page(
    messages: list[web.Message] | None = None,
    login: str = "",
    found: EcfAccount | None = None,
    pacer: PacerAccount | None = None,
) -> Response:
    """The clerk's page: the find form (holding `login`), and the account `found`, if any."""
    return web.page(
        "clerk_unlink.html",
        texts.UNLINK_TITLE,
        messages=messages or [],
        login=login,
        found=found,
        pacer=pacer,
    )


def unlinked_email(filer: PacerAccount, ecf_login: str) -> str:
    return (
        f"Dear {filer.name},\n\nThe CM/ECF Help Desk has unlinked your CM/ECF account "
        f"{ecf_login} from your PACER account {filer.username}. To file documents with the "
        "court, log in to CM/ECF with your PACER account and link the correct CM/ECF "
        f'account (Utilities, then "{texts.LINK_TITLE}").\n\n{texts.COURT_NAME}'
    )


@bp.route(UNLINK, methods=["GET", "POST"])
@signed_in
def clerk_unlink(user: EcfUser) -> Response:
    """Two steps: "find" shows the CM/ECF account and what it is linked to; "unlink" unlinks
    it and emails the filer."""
    if user.pacer is None or not user.pacer.is_clerk:
        return web.error_page(403, texts.FORBIDDEN_TITLE, texts.CLERK_ONLY)
    if request.method == "GET":
        return unlink_page()
    step = security.text(request.form, "step")
    login = security.text(request.form, "ecf_login").strip()
    problems = security.length_errors([("CM/ECF login", login, security.MAX_NAME)])
    if problems:
        return unlink_page([web.error(p) for p in problems], login=login)
    if not login:
        return unlink_page([web.error(texts.UNLINK_LOGIN_REQUIRED)])
    store = web.mock().store
    account = store.ecf_accounts.get(login)
    if account is None:
        return unlink_page([web.error(texts.UNLINK_UNKNOWN)], login)
    if step == "unlink":
        return unlink_account(login)
    if step != "find":
        return web.error_page(400, texts.BAD_REQUEST_TITLE, texts.BAD_REQUEST)
    if account.linked_to is None:
        return unlink_page([web.error(texts.unlink_not_linked(login))], login)
    return unlink_page(login=login, found=account, pacer=store.accounts.get(account.linked_to))


def unlink_account(login: str) -> Response:
    """The "unlink" step, for a CM/ECF account that exists."""
    store = web.mock().store
    username = store.unlink(login)
    if username is None:  # not linked (any more): e.g. "Unlink" pressed twice
        return unlink_page([web.error(texts.unlink_not_linked(login))], login)
    filer = store.accounts.get(username)
    if filer is not None:
        store.send_email(
            filer.email,
            texts.EMAIL_UNLINKED_SUBJECT,
            unlinked_email(filer, login),
            texts.EMAIL_FROM_ECF,
        )
    return unlink_page([web.info(texts.unlink_done(login, username))])
