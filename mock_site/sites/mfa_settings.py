"""The PACER website, continued: Manage MFA Settings (reached from Manage My Account's
"Enroll" link in its "Multifactor Auth" field, or its Settings' "Manage MFA Settings").

It lists the account's authentication apps (each with "Remove app", so that whoever adds one
can put the account back as it was) and how many backup codes are unused; "Add App" and
"Get New Codes" run the steps of mfa_enroll.py. Needs a PACER sign-in. Its routes are on
pacer.bp.
"""

from __future__ import annotations

from flask import redirect, request
from werkzeug.wrappers import Response

from mock_site import mfa, security, web
from mock_site.dialects import texts
from mock_site.sites import mfa_enroll
from mock_site.sites.common import pacer_login_url
from mock_site.sites.pacer import bp, pacer_user
from mock_site.store import PacerAccount

MFA_SETTINGS_PATH = "/manage-account/mfa"  # [guess]


def settings_page(account: PacerAccount, messages: list[web.Message] | None = None) -> Response:
    state = web.mock().store.mfa.state(account.username)
    apps = [
        texts.MFA_APP_NAME.format(number=number, added=added)
        for number, added in enumerate(state.added, 1)
    ]
    return web.page(
        "mfa/settings.html",
        texts.MFA_SETTINGS_TITLE,
        messages=messages or [],
        apps=apps,
        can_add=len(apps) < mfa.MAX_APPS,
        backup_left=texts.MFA_BACKUP_LEFT.format(count=len(state.backup_codes)),
    )


def place() -> mfa_enroll.Place:
    return mfa_enroll.Place(web.path(MFA_SETTINGS_PATH))


@bp.route(MFA_SETTINGS_PATH, methods=["GET", "POST"])
def mfa_settings() -> Response:
    account = pacer_user()
    if account is None:
        return redirect(pacer_login_url(web.site_url("pacer", web.path(MFA_SETTINGS_PATH))))
    if request.method == "GET":
        return settings_page(account)
    form = request.form
    if mfa_enroll.MARKER in form:
        return enrollment_step(account)
    if "add_app" in form:
        if len(web.mock().store.mfa.state(account.username).apps) >= mfa.MAX_APPS:
            return settings_page(account, [web.error(texts.MFA_TOO_MANY_APPS)])
        return mfa_enroll.start(account.username, mfa_enroll.APP, place())
    if "new_codes" in form:
        return mfa_enroll.start(account.username, mfa_enroll.CODES, place())
    if "remove_app" in form:
        return remove_app(account, security.text(form, "remove_app"))
    return web.error_page(400, texts.BAD_REQUEST_TITLE, texts.BAD_REQUEST)


def enrollment_step(account: PacerAccount) -> Response:
    result = mfa_enroll.answer(place())
    if isinstance(result, Response):
        return result
    if isinstance(result, mfa_enroll.Stopped):
        return settings_page(account, [web.error(result.message)])
    if result.what == mfa_enroll.APP:
        return settings_page(account, [web.info(texts.MFA_APP_ADDED)])
    return web.page(
        "mfa/codes.html",
        texts.MFA_CODES_TITLE,
        messages=[web.info(texts.MFA_CODES_ISSUED)],
        codes=result.codes,
        token="",
        back=web.path(MFA_SETTINGS_PATH),
    )


def remove_app(account: PacerAccount, given: str) -> Response:
    """Unpair one app, by its number on the page (1 for the oldest)."""
    number = int(given) if given.isascii() and given.isdigit() and len(given) <= 2 else 0
    if not web.mock().store.mfa.remove_app(account.username, number):
        return web.error_page(400, texts.BAD_REQUEST_TITLE, texts.BAD_REQUEST)
    return settings_page(account, [web.info(texts.MFA_APP_REMOVED)])
