"""Sign-in plumbing shared by the sites that receive a PACER sign-in (PACER website, CM/ECF)."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import request
from werkzeug.wrappers import Response

from mock_site import security, web
from mock_site.dialects import texts
from mock_site.store import Session

# Paths more than one site's code sends people to.
PACER_LOGIN_PATH = "/csologin/login.jsf"  # [seen]
# The PACER website's signed-in page: where PACER login returns when no appurl is given.
MANAGE_ACCOUNT_PATH = "/manage-account"


def pacer_login_url(appurl: str) -> str:
    """PACER login, asked to come back to appurl."""
    query = urlencode({"pscCourtId": texts.COURT_ID, "appurl": appurl})
    return web.site_url("pacer-login", f"{PACER_LOGIN_PATH}?{query}")


def exchange_ticket() -> Session | None:
    """Swap the one-time `ticket` query parameter for this site's own session, or None.

    The ticket was issued by PACER login for this site only, and is used up here.
    """
    ticket = security.text(request.args, "ticket")
    if not ticket or len(ticket) > security.MAX_TOKEN:
        return None
    site = web.mock()
    pending = site.store.take("ticket", ticket)
    if pending is None or pending.data.get("site") != site.site:
        return None
    username = pending.data["username"]
    if username not in site.store.accounts:
        return None
    return web.start_session("pacer", username, pending.data.get("sign_on", ""))


def ticket_refused(login_path: str) -> Response:
    """A ticket that is forged, expired or used already: say so, offer to log in again."""
    return web.error_page(
        400, texts.BAD_REQUEST_TITLE, texts.TICKET_INVALID, login_again_url=login_path
    )
