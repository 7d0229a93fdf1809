"""The alt dialect: the four sites as an independently written portal might show them.

`python -m mock_site --dialect alt`, or start_mock(dialect="alt"). Only what no public
source fixes differs from the default dialect (docs/alt-dialect.md lists every difference):
- its own wording of every [guess] message, label and heading (TEXTS);
- its own paths for the pages whose real address is not public (PATHS);
- no "Forgot password?" page (nor the reset page it leads to): 404, and no link (MISSING);
- other, still accessible markup (MARKUP), and NextGen's return to the page asked for and
  refusals upon Submit (BEHAVIOUR).
The FAQ's words and the [seen] values of portal-reference.md (PACER login's ids, CM/ECF's
CGI paths and menus, "Invalid username or password", the redaction and welcome texts) are
the same as in the default dialect.

PROFILE_VALUES lists this dialect's values under their former suite-side names (now the
keys of profiles/alt.toml), for a profile of the suite (`python -m mock_site.dialects.alt`
prints them as JSON).
"""

from __future__ import annotations

import json
from typing import Any

from mock_site.dialects import Behaviour, Dialect, Markup


def link_done(ecf_login: str, username: str) -> str:
    return (
        f"CM/ECF login {ecf_login} and PACER account {username} are now linked. "
        "Use your PACER username and password to file from now on."
    )


def unlink_done(ecf_login: str, username: str) -> str:
    return (
        f"Done: CM/ECF login {ecf_login} is no longer linked to PACER account {username}. "
        "The filer has been sent an email."
    )


def unlink_not_linked(ecf_login: str) -> str:
    return f"CM/ECF login {ecf_login} has no linked PACER account."


def too_long(label: str) -> str:
    return f"{label}: too many characters"


FILING_MENU = "File"  # the filing menu's label (and DisplayMenu.pl key)

TEXTS: dict[str, Any] = {
    # Shared pages
    "FORM_EXPIRED_TITLE": "Page expired",
    "FORM_EXPIRED": "Your session for this form has ended. Open the page again and resubmit.",
    "TOO_LARGE_TITLE": "Too much data",
    "TOO_LARGE": "What you sent is more than this page accepts.",
    "NOT_FOUND_TITLE": "Not found",
    "NOT_FOUND": "The page you asked for does not exist.",
    "FORBIDDEN_TITLE": "Not permitted",
    "FORBIDDEN": "Your account cannot open this page.",
    "METHOD_TITLE": "Method not supported",
    "METHOD": "This page does not accept that kind of request.",
    "BAD_REQUEST_TITLE": "Invalid request",
    "BAD_REQUEST": "Something in the request could not be used. Start again.",
    "SERVER_ERROR_TITLE": "Server error",
    "SERVER_ERROR": "The alt mock failed to answer.",
    "TICKET_INVALID": "Your sign-in could not be completed (old or used link). Sign in again.",
    "LOGIN_AGAIN_LINK": "Sign in again",
    "too_long": too_long,
    # PACER login
    "USERNAME_REQUIRED": "Please enter your username.",
    "PASSWORD_REQUIRED": "Please enter your password.",
    "APPURL_REFUSED": "Sign-in cannot return to that address.",
    "APPURL_REFUSED_TITLE": "Sign-in refused",
    "REDACTION_REQUIRED": "Tick the box to acknowledge the redaction rules.",
    "LOGIN_CANCELLED": "You cancelled the sign-in.",
    "PACER_DOWN_TITLE": "PACER login is down for maintenance",
    "PACER_DOWN": "PACER login is down for maintenance. Please come back later.",
    # PACER website
    "ACCOUNT_KIND": {"individual": "Individual user", "shared": "Shared/firm"},
    "ACCOUNT_STATUS": {"active": "In good standing", "inactive": "Inactive"},
    "CREDIT_CARD": {"active": "Card on file", "inactive": "No card on file"},
    "ACCOUNT_LABELS": {
        "username": "Username",
        "type": "Account type",
        "kind": "Account usage",
        "status": "Account status",
        "credit_card": "Payment method",
    },
    "RESET_SENT": "Check your email: if the details match an account, a reset link is on its way.",
    "RESET_FIELDS_REQUIRED": "Both the username and the email address are needed.",
    "RESET_LINK_INVALID": "That reset link cannot be used.",
    "RESET_MISMATCH": "The two new passwords are different.",
    "RESET_LINK_USED": "That reset link was used already.",
    "CHANGE_PASSWORD_TITLE": "Update your password",
    "CHANGE_PASSWORD_LINK": "Update password",
    "CURRENT_PASSWORD_WRONG": "That is not your current password.",
    "PASSWORD_UNCHANGED": "Choose a password you are not using now.",
    "PASSWORD_CHANGED": "Password updated.",
    "RESET_DONE": "Password updated. Sign in with the new one.",
    "PACER_LOGGED_OUT": "You are now signed out of PACER.",
    "PACER_LOGGED_OUT_TITLE": "Signed out",
    "FORGOT_PASSWORD_LINK": "Forgot Username or Password?",
    "SEND_RESET_BUTTON": "Email me a link",
    "RESET_PASSWORD_TITLE": "Choose a new password",
    # Court website
    "COURT_CONTACT_LINK": "Contact Us",
    "COURT_UPGRADE_LINK": "About the NextGen upgrade",
    "COURT_INSTRUCTIONS_LINK": "How to link your CM/ECF and PACER accounts",
    "COURT_FAQ_LINK": "NextGen linking: frequently asked questions",
    # CM/ECF
    "FILING_MENU": FILING_MENU,
    "FILING_MENU_TITLE": "Filing",
    "ECF_HOME_HEADING": "NextGen CM/ECF",
    "ECF_LOGGED_OUT_TITLE": "Signed out of CM/ECF",
    "ECF_LOGGED_OUT": "Your CM/ECF session has ended.",
    "LEGACY_LOGIN_TITLE": "Sign in to CM/ECF",
    "NOT_IN_MOCK": "The alt mock does not have this page.",
    "QUERY_TITLE": "Search for a case",
    "QUERY_NO_CASE": "Nothing matches that case number.",
    "CASE_NUMBER_REQUIRED": "A case number is needed.",
    "MUST_LINK_TO_FILE": "Filing needs a CM/ECF account linked to your PACER account.",
    "LINK_VERIFY_TITLE": "Check the accounts",
    "LINK_DONE_TITLE": "Linking complete",
    "LINK_CANCEL_BUTTON": "Do not link",
    "LINK_EMPTY": "Both the CM/ECF login and the CM/ECF password are needed.",
    "LINK_WRONG_PASSWORD": "Linking failed: wrong CM/ECF password. Please try again.",
    "LINK_UNKNOWN_LOGIN": "Linking failed: unknown CM/ECF login. Please try again.",
    "LINK_TAKEN": "Linking failed: that CM/ECF login belongs to another PACER account already.",
    "LINK_ALREADY": "Linking failed: a CM/ECF account is linked to your PACER account already.",
    "LINK_SHARED": "Linking failed: a shared/firm PACER account cannot file or link.",
    "LINK_LEGACY": "Linking failed: upgrade your legacy PACER account first.",
    "LINK_CANCELLED": "Nothing was linked.",
    "LINK_BEFORE_CUTOVER": "Account linking opens on March 16, 2020.",
    "link_done": link_done,
    "UNLINK_TITLE": "Unlink accounts (court staff)",
    "CLERK_ONLY": "This page is for court staff.",
    "UNLINK_LOGIN_REQUIRED": "A CM/ECF login is needed.",
    "UNLINK_UNKNOWN": "There is no CM/ECF account with that login.",
    "unlink_not_linked": unlink_not_linked,
    "unlink_done": unlink_done,
    "CLERK_FIND_BUTTON": "Look up",
    "CLERK_UNLINK_BUTTON": "Remove link",
    # Form labels
    "CURRENT_PASSWORD_LABEL": "Current PACER password",
    "NEW_PASSWORD_LABEL": "New PACER password",
    "CONFIRM_PASSWORD_LABEL": "Repeat the new password",
    # PACER login's multifactor authentication, and Manage MFA Settings. The [seen] words
    # ("User Update Required", "Skip", "Multifactor Auth", "Enroll", "Settings", "Manage MFA
    # Settings", "Add App", "Get New Codes") are the default's.
    "MFA_PASSCODE_TITLE": "Verify it's you",
    "MFA_PASSCODE_INTRO": "Type the 6-digit code from your authentication app.",
    "MFA_BACKUP_INTRO": "Type one of your backup codes; it will not work again.",
    "MFA_PASSCODE_LABEL": "Authentication code",
    "MFA_BACKUP_CODE_LABEL": "Backup code",
    "MFA_BACKUP_CODE_LINK": "Use a backup code instead",
    "MFA_PASSCODE_LINK": "Use my authentication app instead",
    "MFA_VERIFY_BUTTON": "Submit code",
    "MFA_CONTINUE_BUTTON": "Go to my destination",
    "MFA_WRONG": "That code did not work. Please try again.",
    "MFA_REPLAYED": "This code was used before. Wait for a new code, or use another backup code.",
    "MFA_LOCKED": "Sign-in blocked for 15 minutes after 5 wrong codes in a row.",
    "MFA_CODE_REQUIRED": "Please enter a code.",
    "MFA_CODE_NOT_ASCII": "Only the characters 0-9 and a-z can be used in a code.",
    "MFA_CODE_LENGTH": "Authentication codes are exactly 6 digits long.",
    "MFA_CODE_FORMAT": "That does not look like a code.",
    "MFA_BACKUP_FORMAT": "Backup codes are 10 characters long (letters and digits).",
    "MFA_REQUIRED_TITLE": "Set up multifactor authentication",
    "MFA_REQUIRED": (
        "PACER now requires multifactor authentication for CM/ECF users. You may skip this "
        "notice {skips} more time(s)."
    ),
    "MFA_UPDATE_REQUIRED": "You have used all your skips: set up MFA to continue.",
    "MFA_ENROLLED": "On",
    "MFA_NOT_ENROLLED": "Off",
    "MFA_SETTINGS_TITLE": "Multifactor authentication settings",
    "MFA_REMOVE_APP_BUTTON": "Unpair",
    "MFA_APPS_HEADING": "Paired apps",
    "MFA_NO_APPS": "No app is paired.",
    "MFA_APP_NAME": "App #{number} (since {added})",
    "MFA_BACKUP_HEADING": "One-time backup codes",
    "MFA_BACKUP_LEFT": "{count} backup codes left.",
    "MFA_TOO_MANY_APPS": "Five apps are paired already; unpair one to add another.",
    "MFA_SECURITY_CODE_TITLE": "Check your email",
    "MFA_SECURITY_CODE_SENT": "A verification code was sent to {email}.",
    "MFA_SECURITY_CODE_LABEL": "Code from the email",
    "MFA_SECURITY_CODE_WRONG": "That is not the code we sent.",
    "MFA_SECURITY_CODE_FORMAT": "The emailed code is 8 digits.",
    "MFA_TRIES_USED": "Too many attempts. Please start over.",
    "MFA_PAIR_TITLE": "Pair your app",
    "MFA_PAIR_INTRO": "Add this key to your app (or open its address), then type the code shown.",
    "MFA_KEY_LABEL": "Secret key",
    "MFA_URI_LABEL": "Key address",
    "MFA_APP_PASSCODE_LABEL": "Code shown in your app",
    "MFA_APP_ADDED_TITLE": "App paired",
    "MFA_APP_ADDED": "App paired with your account.",
    "MFA_APP_REMOVED": "App unpaired.",
    "MFA_CODES_TITLE": "New backup codes",
    "MFA_CODES_ISSUED": "Here are your new backup codes; the previous ones are void.",
    "MFA_CODES_KEEP": "Store these somewhere safe. Each code can be used once.",
    "MFA_CODES_CAPTION": "Your backup codes",
    "MFA_BACK_LINK": "Back to MFA settings",
    "EMAIL_MFA_SUBJECT": "Your PACER verification code",
    # Emails
    "EMAIL_LINKED_SUBJECT": "CM/ECF and PACER accounts linked",
    "EMAIL_UNLINKED_SUBJECT": "CM/ECF and PACER accounts unlinked",
    "EMAIL_RESET_SUBJECT": "Reset your PACER password",
}

# The default dialect's path -> this dialect's (pages whose real address is not public).
PATHS = {
    "/cmecf": "/e-filing",
    "/nextgen": "/news/nextgen-upgrade",
    "/contact": "/about/contact-us",
    "/pacer.gov": "/www.pacer.gov",
    "/court-links": "/find-a-court",
    "/manage-account": "/account/profile",
    "/manage-account/change-password": "/account/password",
    "/manage-account/mfa": "/account/mfa-settings",
    "/cgi-bin/LinkAccount.pl": "/cgi-bin/PacerLink.pl",
    "/cgi-bin/ClerkUnlink.pl": "/cgi-bin/UnlinkAccounts.pl",
}
# The court's FAQ and instructions pages keep the CM/ECF tab's prefix, moved with it.
PATHS["/cmecf/faq"] = "/e-filing/nextgen-faq"
PATHS["/cmecf/linking-instructions"] = "/e-filing/how-to-link"

# Forgot password (and the reset page only its email leads to) is not on this portal;
# Quick Links is a button there, not a page.
MISSING = frozenset({"/forgot-password", "/reset-password", "/quick-links"})

MARKUP = Markup(
    welcome_is_heading=False,
    contacts="table",
    messages_by_id=False,
    details_as_list=False,
    quick_links_as_link=False,
    faq_item="article",
    mfa_one_code_field=False,
)
# The inactive notice stays on ShowIndex as in the default: the brief of issue 15 asks the
# alt dialect for the two choices above. Behaviour(inactive_notice_on_index=False) is the
# third choice a portal may make (the notice only where a search is refused).
BEHAVIOUR = Behaviour(return_to_asked_page=True, refuse_on_submit=True)

DIALECT = Dialect("alt", TEXTS, PATHS, MISSING, MARKUP, BEHAVIOUR)


# --- the same values for the suite's side ---------------------------------------------------
def _text(name: str) -> Any:
    """This dialect's text; a message with a login in it shows {ecf_login} and {username}."""
    value = DIALECT.text(name)
    if callable(value):
        return value(*("{ecf_login}", "{username}")[: value.__code__.co_argcount])
    return value


def _path(default_path: str) -> str | None:
    return DIALECT.path(default_path) if DIALECT.has(default_path) else None


# Keyed by the suite's former constant names (profiles/*.toml now); None: this dialect has
# no such thing (a missing page, or no messages container to find by id).
GUESSES: dict[str, Any] = {
    "MESSAGES": None,  # no #messages: errors are role="alert", confirmations role="status"
    "DETAIL": "th:text-is('{term}') + td",  # account details: a table, term as row header
    "COURT_CMECF_PATH": _path("/cmecf"),
    "COURT_FAQ_PATH": _path("/cmecf/faq"),
    "COURT_INSTRUCTIONS_PATH": _path("/cmecf/linking-instructions"),
    "COURT_CONTACT_PATH": _path("/contact"),
    "COURT_CONTACT_LINK": _text("COURT_CONTACT_LINK"),
    "COURT_UPGRADE_NOTICE_LINK": _text("COURT_UPGRADE_LINK"),
    "COURT_FAQ_LINK": _text("COURT_FAQ_LINK"),
    "COURT_FAQ_ANSWER": MARKUP.faq_item,
    "PACER_COURT_LINKS_PATH": _path("/court-links"),
    "PACER_MANAGE_ACCOUNT_PATH": _path("/manage-account"),
    "PACER_FORGOT_PASSWORD_PATH": _path("/forgot-password"),
    "PACER_CHANGE_PASSWORD_PATH": _path("/manage-account/change-password"),
    "PACER_RESET_PASSWORD_PATH": _path("/reset-password"),
    "PACER_FORGOT_PASSWORD_LINK": None,  # the page is missing, and so is its link
    "PACER_SEND_RESET_BUTTON": None,
    "PACER_CHANGE_PASSWORD": _text("CHANGE_PASSWORD_LINK"),  # the link and the button
    "PACER_RESET_SENT": None,
    "PACER_RESET_EMAIL_SUBJECT": None,
    "PACER_PASSWORD_CHANGED": _text("PASSWORD_CHANGED"),
    "FILING_MENU": FILING_MENU,
    "ECF_LINK_PATH": _path("/cgi-bin/LinkAccount.pl"),
    "ECF_CLERK_UNLINK_PATH": _path("/cgi-bin/ClerkUnlink.pl"),
    "ECF_RUN_QUERY_BUTTON": _text("RUN_QUERY_BUTTON"),
    "ECF_LEGACY_LOGIN_HEADING": _text("LEGACY_LOGIN_TITLE"),
    "LINK_VERIFY_HEADING": _text("LINK_VERIFY_TITLE"),
    "LINK_DONE_HEADING": _text("LINK_DONE_TITLE"),
    "LINK_DONE": _text("link_done"),
    "CLERK_FIND_BUTTON": _text("CLERK_FIND_BUTTON"),
    "CLERK_UNLINK_BUTTON": _text("CLERK_UNLINK_BUTTON"),
    "UNLINK_DONE": _text("unlink_done"),
}

PROFILE_VALUES: dict[str, Any] = {
    "guesses": GUESSES,
    # Every mock_site/texts.py value this dialect words its own way (by the texts.py name).
    "texts": {name: _text(name) for name in TEXTS},
    "paths": dict(PATHS),
    "missing": sorted(MISSING),
    "capabilities": {
        "manage_my_account": True,
        "forgot_password": False,
        "court_faq_page": True,
        "court_contact_page": True,
        "login_length_rules": True,
    },
    "markup": MARKUP.__dict__,
    "behaviour": BEHAVIOUR.__dict__,
}


if __name__ == "__main__":
    print(json.dumps(PROFILE_VALUES, indent=2, ensure_ascii=False))
