"""The court website (www.cit.uscourts.gov): news of the upgrade, the CM/ECF tab, the FAQ
and the contacts. Static pages only; the CM/ECF link crosses to the ecf origin.
"""

from __future__ import annotations

from flask import Blueprint
from werkzeug.wrappers import Response

from mock_site import web
from mock_site.dialects import texts

bp = Blueprint("court", __name__)
bp.before_request(web.check_csrf)


@bp.get("/")
def home() -> Response:
    return web.page("home.html", texts.COURT_NAME)


@bp.get("/nextgen")
def nextgen() -> Response:
    return web.page("nextgen.html", texts.COURT_UPGRADE_LINK)


@bp.get("/cmecf")
def cmecf() -> Response:
    return web.page("cmecf.html", "CM/ECF")


@bp.get("/cmecf/linking-instructions")
def linking_instructions() -> Response:
    return web.page(
        "linking_instructions.html", "Linking CM/ECF Accounts and Upgraded PACER Accounts"
    )


@bp.get("/cmecf/faq")
def faq() -> Response:
    return web.page(
        "faq.html",
        "Linking CM/ECF Accounts and Upgraded PACER Accounts FAQ's - Effective March 16, 2020",
    )


@bp.get("/contact")
def contact() -> Response:
    return web.page("contact.html", texts.COURT_CONTACT_LINK)
