"""The mock's messages, and the labels and paths most likely to differ on a real portal.

Marked [seen] where a public capture of the real portals shows it (see
shared/docs/portal-reference.md) and [guess] where nothing public confirms it. When a real
staging portal shows otherwise, change the value here (and in docs/portal-map.md, and in
profiles/mock.toml, which holds the suite's side of each guess). Not every word is here: page
titles ("Query", "Forgot password?", "Logged out") and the FAQ's own link names ("Court
Links", "Login to the Live CM/ECF Database") are written in the views and templates, so
grep mock_site/ before changing a word.
"""

from __future__ import annotations

import datetime as _dt

# --- Identity -------------------------------------------------------------------------------
COURT_ID = "CIT"  # [guess] pscCourtId for the Court of International Trade
COURT_NAME = "U.S. Court of International Trade"  # [seen]
CUTOVER_DATE = _dt.date(2020, 3, 16)  # [seen] the FAQ: "Effective March 16, 2020"

# --- Guessed paths --------------------------------------------------------------------------
LINK_ACCOUNT_PATH = "/cgi-bin/LinkAccount.pl"  # [guess]
CLERK_UNLINK_PATH = "/cgi-bin/ClerkUnlink.pl"  # [guess]
FILING_MENU = "Civil"  # [guess] CIT hears civil matters; the filing menu's label and key

# --- Shared form and error pages ------------------------------------------------------------
FORM_EXPIRED_TITLE = "Form expired"  # [guess]
FORM_EXPIRED = "This form has expired or is not valid. Reload the page and try again."  # [guess]
TOO_LARGE_TITLE = "Request too large"  # [guess]
TOO_LARGE = "The information you sent is too large. Shorten it and try again."  # [guess]
NOT_FOUND_TITLE = "Page not found"  # [guess]
NOT_FOUND = "There is no page at this address."  # [guess]
FORBIDDEN_TITLE = "Access denied"  # [guess]
FORBIDDEN = "You are not allowed to see this page."  # [guess]
METHOD_TITLE = "Not allowed"  # [guess]
METHOD = "This page cannot be used that way."  # [guess]
BAD_REQUEST_TITLE = "Request not valid"  # [guess]
BAD_REQUEST = "The request was not valid. Go back and try again."  # [guess]
SERVER_ERROR_TITLE = "Something went wrong"  # [guess]; the mock must never show it
SERVER_ERROR = "The mock could not answer this request."  # [guess]
TICKET_INVALID = "This sign-in link has expired or was already used. Log in again."  # [guess]
LOGIN_AGAIN_LINK = "Log in again"  # [guess]


def too_long(label: str) -> str:
    """The message for an over-long field: "<Label> is too long"."""  # [guess]
    return f"{label} is too long"


# --- PACER login (Central Sign-On) ----------------------------------------------------------
LOGIN_TITLE = "PACER Login"  # [seen]
LOGIN_INVALID = "Invalid username or password"  # [seen]
USERNAME_REQUIRED = "Username is required"  # [guess]
PASSWORD_REQUIRED = "Password is required"  # [guess]
PASSWORD_TOO_SHORT = "Password must be at least 8 characters"  # [seen]
USERNAME_TOO_SHORT = "Username must be at least 6 characters"  # [seen]
APPURL_REFUSED = "The return address is not a PACER site."  # [guess]
APPURL_REFUSED_TITLE = "Login not available"  # [guess]
# Why a return address was refused, after APPURL_REFUSED (all [guess]).
APPURL_TOO_LONG = "It is too long."
APPURL_BACKSLASH = "It contains a backslash, which browsers read as a slash."
APPURL_CONTROL = "It contains a space or a control character."
APPURL_NOT_ASCII = "It contains characters that are not plain ASCII, as look-alike host names do."
APPURL_MALFORMED = "It is not a well-formed web address."
APPURL_SCHEME = "Only an http or https address with a host name can be returned to."
APPURL_NO_HOST = "It has no host name after the scheme."
APPURL_USERINFO = "It contains a user name or an @ before the host name."
APPURL_PERCENT = "Its host name is percent-encoded."
APPURL_OTHER_SITE = "Only CM/ECF and the PACER website can be returned to."


def appurl_refused(reason: str) -> str:
    """The refusal of a return address, with the reason."""
    return f"{APPURL_REFUSED} {reason}"


REDACTION_TITLE = "Redaction Agreement"  # [seen]
REDACTION_NOTICE = (  # [seen] opening; the rest is a paraphrase of Fed. R. Civ. P. 5.2
    "IMPORTANT NOTICE OF REDACTION RESPONSIBILITY: All filers must redact: Social Security "
    "or taxpayer-identification numbers; dates of birth; names of minor children; financial "
    "account numbers; and, in criminal cases, home addresses, in compliance with Fed. R. "
    "Civ. P. 5.2 or Fed. R. Crim. P. 49.1. This requirement applies to all documents, "
    "including attachments."
)
REDACTION_CHECKBOX = (  # [seen]
    "I understand that, if I file, I must comply with the redaction rules. I have read this notice."
)
REDACTION_REQUIRED = "You must acknowledge the redaction requirements to continue."  # [guess]
LOGIN_CANCELLED = "Login cancelled."  # [guess]
PACER_DOWN_TITLE = "PACER is temporarily unavailable"  # [guess]
PACER_DOWN = "PACER is temporarily unavailable. Try again later."  # [guess]

# --- PACER login: multifactor authentication (MFA) ----------------------------------------
# portal-reference.md, "PACER login today": the dates, the methods, Skip, "User Update
# Required", "Enroll", "Multifactor Auth", "Manage MFA Settings", "Add App" and "Get New Codes"
# are [seen]; the exact wording of the MFA pages is not public, so all else here is [guess].
MFA_VOLUNTARY_FROM = _dt.date(2025, 5, 11)  # [seen] voluntary enrollment opens
MFA_SELECTION_FROM = _dt.date(2025, 8, 1)  # [seen] "from August 2025"; the day is [guess]
MFA_DEADLINE = _dt.date(2025, 12, 31)  # [seen] CM/ECF-level users must be enrolled
MFA_MAX_WRONG = 5  # [guess] wrong passcodes in a row before the account is locked...
MFA_LOCK_MINUTES = 15  # [guess] ...for this long (MFA_LOCKED says both)
MFA_PASSCODE_TITLE = "Multifactor Authentication"  # [guess] after PACER's learning aid's name
MFA_PASSCODE_INTRO = (
    "Enter the one-time passcode your authentication app shows, or one of your backup codes."
)
MFA_BACKUP_INTRO = "Enter one of your backup codes. Each works once."  # (a backup-code field)
MFA_PASSCODE_LABEL = "One-time passcode"
MFA_BACKUP_CODE_LABEL = MFA_PASSCODE_LABEL  # one field takes both
MFA_BACKUP_CODE_LINK = ""  # no switch: the one field takes a backup code too
MFA_PASSCODE_LINK = ""  # (the alt dialect's way back from the backup-code field)
MFA_VERIFY_BUTTON = "Verify"
MFA_CONTINUE_BUTTON = "Continue"
MFA_WRONG = "The passcode is not valid. Check your authentication app and try again."
MFA_REPLAYED = (
    "That code has already been used. Enter the next passcode from your app, or another "
    "backup code."
)
MFA_LOCKED = "Too many wrong passcodes. Your account is locked for 15 minutes; try again later."
MFA_CODE_REQUIRED = "Enter your passcode."
MFA_CODE_NOT_ASCII = (
    "Type the code with the digits 0 to 9 (and, for a backup code, the letters a to z)."
)
MFA_CODE_LENGTH = "A passcode has 6 digits."
MFA_CODE_FORMAT = "That is neither a passcode (6 digits) nor a backup code (10 letters and digits)."
MFA_BACKUP_FORMAT = "A backup code has 10 letters and digits."
MFA_REQUIRED_TITLE = "MFA Enrollment Required"
MFA_REQUIRED = (  # {skips}: how many skips are left
    "Multifactor authentication is required for your PACER account. Set it up now, or skip "
    "for now. Skips left: {skips}."
)
MFA_UPDATE_REQUIRED_TITLE = "User Update Required"  # [seen]
MFA_UPDATE_REQUIRED = (
    "Your account access is restricted until you set up multifactor authentication."
)
MFA_SKIP_BUTTON = "Skip"  # [seen]
MFA_FIELD = "Multifactor Auth"  # [seen] Manage My Account's field
MFA_ENROLLED = "Enrolled"
MFA_NOT_ENROLLED = "Not enrolled"
MFA_ENROLL_LINK = "Enroll"  # [seen]
MFA_SETTINGS_TAB = "Settings"  # [seen] the tab of Manage PACER Account
MFA_SETTINGS_LINK = "Manage MFA Settings"  # [seen]
MFA_SETTINGS_TITLE = "Manage MFA Settings"  # the page's heading: the link's [seen] words
MFA_ADD_APP_BUTTON = "Add App"  # [seen]
MFA_NEW_CODES_BUTTON = "Get New Codes"  # [seen]
MFA_REMOVE_APP_BUTTON = "Remove app"
MFA_APPS_HEADING = "Authentication apps"
MFA_NO_APPS = "No authentication app has been added."
MFA_APP_NAME = "Authentication app {number}, added {added}"
MFA_BACKUP_HEADING = "Backup codes"
MFA_BACKUP_LEFT = "Unused backup codes: {count} of 10."
MFA_TOO_MANY_APPS = "You have 5 authentication apps, the most PACER allows. Remove one first."
MFA_SECURITY_CODE_TITLE = "Enter Security Code"
MFA_SECURITY_CODE_SENT = "We emailed a security code to {email}. It expires in 10 minutes."
MFA_SECURITY_CODE_LABEL = "Security code"
MFA_SECURITY_CODE_WRONG = "The security code is not valid. Check the email and try again."
MFA_SECURITY_CODE_FORMAT = "A security code has 8 digits."
MFA_TRIES_USED = "Too many wrong codes. Start again to get a new security code."
MFA_PAIR_TITLE = "Add an Authentication App"
MFA_PAIR_INTRO = (
    "Add this key to your authentication app, by typing it or by opening the setup address, "
    "then enter the passcode the app shows."
)
MFA_KEY_LABEL = "Key"
MFA_URI_LABEL = "Setup address (otpauth)"
MFA_APP_PASSCODE_LABEL = "Passcode from the app"
MFA_APP_ADDED_TITLE = "Authentication App Added"
MFA_APP_ADDED = "Your authentication app has been added."
MFA_APP_REMOVED = "The authentication app has been removed."
MFA_CODES_TITLE = "Your Backup Codes"
MFA_CODES_ISSUED = "New backup codes have been issued. Your old backup codes no longer work."
MFA_CODES_KEEP = "Keep these codes somewhere safe: each works once."
MFA_CODES_CAPTION = "Backup codes"
MFA_BACK_LINK = "Back to Manage MFA Settings"
EMAIL_MFA_SUBJECT = "PACER security code"
EMAIL_FROM_MFA = "pacer@psc.uscourts.gov"


# --- PACER website --------------------------------------------------------------------------
PACER_TITLE = "Public Access to Court Electronic Records"  # [seen]
ACCOUNT_TYPE = {"upgraded": "Upgraded PACER Account", "legacy": "Legacy PACER Account"}  # [seen]
ACCOUNT_KIND = {"individual": "Individual", "shared": "Shared (firm)"}  # [guess]
ACCOUNT_STATUS = {"active": "Active", "inactive": "Inactive"}  # [guess]
# The FAQ: "inactive if you did not provide credit card information when you registered".
CREDIT_CARD = {"active": "On file", "inactive": "None on file"}  # [guess]
RESET_SENT = (  # [guess]
    "If the username and email address match a PACER account, we have sent password reset "
    "instructions to that email address."
)
RESET_FIELDS_REQUIRED = "Enter your username and email address."  # [guess]
RESET_LINK_INVALID = "This password reset link is not valid or has expired."  # [guess]
RESET_MISMATCH = "The passwords do not match."  # [guess]
RESET_LINK_USED = (  # [guess]
    "This password reset link has been used: your PACER password has been changed. Log in "
    "with your new password, or ask for a new link if you did not change it."
)
# Manage My Account's own way to change a password, for a user who still knows it.
CHANGE_PASSWORD_TITLE = "Change your PACER password"  # [guess]
CHANGE_PASSWORD_LINK = "Change password"  # [guess]
CURRENT_PASSWORD_WRONG = "The current password is incorrect."  # [guess]
PASSWORD_UNCHANGED = "The new password must differ from the current one."  # [guess]
PASSWORD_CHANGED = "Your PACER password has been changed."  # [guess]
RESET_DONE = (  # [guess]
    "Your PACER password has been changed. Log in with your new password."
)
PACER_LOGGED_OUT = "You have been logged out of the PACER website."  # [guess]

# --- CM/ECF ---------------------------------------------------------------------------------
ECF_WELCOME = "Welcome to the U.S. Court of International Trade for the LIVE Database"  # [seen]
ECF_TAGLINE = "LIVE Database - Document Filing System"  # [seen]
LEGACY_LOGIN_TITLE = "CM/ECF Login"  # [guess]
LEGACY_LOGIN_INVALID = "Invalid ID or password"  # [seen]
ECF_LOGGED_OUT = "You have been logged out of CM/ECF."  # [guess]
NOT_IN_MOCK = "This page is not part of this mock."  # [guess]
INACTIVE_NOTICE = (  # [seen], with the "…" of the capture filled in [guess]
    "PACER User Inactive: Although you have a PACER account, your account is currently "
    "inactive. You may continue to log in and perform other activities (e.g., e-file, "
    "request filing privileges), but you will not be able to perform a search until your "
    "account is active."
)
QUERY_NO_CASE = "No case was found with that number."  # [guess]
CASE_NUMBER_REQUIRED = "Enter a case number."  # [guess]
MUST_LINK_TO_FILE = (  # [guess]
    "You must link your CM/ECF account to your PACER account before you can file."
)

# Linking (all [guess] but the spirit of "please try again", which is [seen]).
LINK_TITLE = "Link a CM/ECF account to my PACER account"  # [seen] as the Utilities link
LINK_VERIFY_TITLE = "Verify the accounts to link"
LINK_VERIFY_TEXT = "Confirm that you are linking the correct accounts."  # [seen] in the FAQ
LINK_DONE_TITLE = "Accounts linked"
LINK_EMPTY = "Enter your CM/ECF login and password."
LINK_WRONG_PASSWORD = "The CM/ECF password you entered is incorrect. Please try again."
LINK_UNKNOWN_LOGIN = "No CM/ECF account was found with that login. Please try again."
LINK_TAKEN = (
    "This CM/ECF account is already linked to another PACER account. Contact the CM/ECF Help Desk."
)
LINK_ALREADY = "Your PACER account is already linked to a CM/ECF account."
LINK_SHARED = (
    "Shared (firm) PACER accounts cannot be used to file or to link a CM/ECF account. "
    "Log in with your individual upgraded PACER account."
)
LINK_LEGACY = (
    "Legacy PACER accounts must be upgraded before they can file or link a CM/ECF account. "
    "Upgrade your PACER account, then try again."
)
LINK_CANCELLED = "Linking cancelled. Your accounts have not been linked."
LINK_BEFORE_CUTOVER = (
    "Linking a CM/ECF account to a PACER account is available from March 16, 2020."
)


def link_done(ecf_login: str, username: str) -> str:
    return (
        f"Your CM/ECF account {ecf_login} is now linked to your PACER account {username}. "
        "From now on, use your PACER username and password to file documents with the court."
    )


# Help desk unlinking (all [guess]).
UNLINK_TITLE = "Unlink a CM/ECF account"
CLERK_ONLY = "Only court staff can unlink accounts."
UNLINK_LOGIN_REQUIRED = "Enter a CM/ECF login."
UNLINK_UNKNOWN = "No CM/ECF account was found with that login."


def unlink_not_linked(ecf_login: str) -> str:
    return f"The CM/ECF account {ecf_login} is not linked to a PACER account."


def unlink_done(ecf_login: str, username: str) -> str:
    return (
        f"The CM/ECF account {ecf_login} has been unlinked from PACER account {username}. "
        "A confirmation email has been sent to the filer."
    )


# The court's NextGen notice: the FAQ's own two sentences on the default dialect's page (a
# notice is the court's to word: another dialect says the same in its own words).
NEXTGEN_NOTICE_UPGRADED = "The Court upgraded to NextGen CM/ECF on March 16, 2020."
NEXTGEN_NOTICE_LOGIN = (
    "You will now log into the Court's CM/ECF system through PACER using your PACER Username "
    "and Password."
)

# --- Headings, link and button names (all [guess]; the pages' own words) -------------------
COURT_CONTACT_LINK = "Contact"  # the court's navigation link, and the page's heading
COURT_UPGRADE_LINK = "NextGen CM/ECF upgrade"  # the home page's notice link, and its heading
COURT_INSTRUCTIONS_LINK = "Linking CM/ECF and PACER accounts: instructions"
COURT_FAQ_LINK = "Linking CM/ECF and PACER accounts: FAQ"
FORGOT_PASSWORD_LINK = "Forgot password?"  # the link, and the page's heading
SEND_RESET_BUTTON = "Send reset link"
RESET_PASSWORD_TITLE = "Reset your PACER password"
PACER_LOGGED_OUT_TITLE = "Logged out"
# Manage My Account's terms; "Account type" and its values are [seen].
ACCOUNT_LABELS = {
    "username": "Username",
    "type": "Account type",
    "kind": "Account kind",
    "status": "Status",
    "credit_card": "Credit card",
}
ECF_HOME_HEADING = ECF_WELCOME  # ShowIndex's heading: the [seen] welcome text by default
ECF_LOGGED_OUT_TITLE = "Logged out"
QUERY_TITLE = "Query"  # the Query page's heading (the menu's name "Query" is [seen])
# [seen] "Then click Run Query.": https://www.oknd.uscourts.gov/sites/default/files/
# cmecf-information/CMECF_External_Query_Reports_Utilities.htm
RUN_QUERY_BUTTON = "Run Query"
FILING_MENU_TITLE = f"{FILING_MENU} Events"
LINK_CANCEL_BUTTON = "Cancel"
CLERK_FIND_BUTTON = "Find account"
CLERK_UNLINK_BUTTON = "Unlink accounts"
# Form labels no public source shows (PACER login's "Username" and "Password" are [seen]).
CURRENT_PASSWORD_LABEL = "Current password"
NEW_PASSWORD_LABEL = "New password"
CONFIRM_PASSWORD_LABEL = "Confirm new password"
# The legacy CM/ECF login: [seen] "The CM/ECf Login and Password fields …", "click Login"
# (http://www.cacb.uscourts.gov/manual/logging-cmecf-pacer).
LEGACY_LOGIN_LABEL = "Login"
LEGACY_PASSWORD_LABEL = "Password"
LEGACY_LOGIN_BUTTON = "Login"

# --- Emails (all [guess]) -------------------------------------------------------------------
EMAIL_LINKED_SUBJECT = "Your CM/ECF account has been linked to your PACER account"
EMAIL_UNLINKED_SUBJECT = "Your CM/ECF account has been unlinked from your PACER account"
EMAIL_RESET_SUBJECT = "PACER password reset"
EMAIL_FROM_ECF = "cmecf_helpdesk@cit.uscourts.gov"
EMAIL_FROM_PACER = "pacer@psc.uscourts.gov"

# --- Contacts (from the FAQ) ----------------------------------------------------------------
PSC_PHONE = "(800) 676-6856"
PSC_PHONE_TEL = "+18006766856"
PSC_EMAIL = "pacer@psc.uscourts.gov"
HELPDESK_PHONE = "866-450-1859"
HELPDESK_PHONE_TEL = "+18664501859"
HELPDESK_EMAIL = "cmecf_helpdesk@cit.uscourts.gov"
