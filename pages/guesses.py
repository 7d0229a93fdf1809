"""What the page objects and steps assume of the real portals where no public source shows it.

`../shared/docs/portal-reference.md` marks these [guess]: they are the mock's own paths,
labels and wording (mock_site/texts.py and the mock's templates hold the same values). They
are kept here, in one place, so that when a staging portal shows otherwise, this file is
what changes. Everything else the page objects use is [seen] in the reference (PACER
login's ids, CM/ECF's CGI paths and menus) or is the FAQ's own words ("Utilities",
"Login to the Live CM/ECF Database", "Quick Links", "Court Links").
"""

from __future__ import annotations

# --- every site ---------------------------------------------------------------------------
# The live region where a page says what happened: errors (role="alert") and confirmations.
MESSAGES = "#messages"
# Account details are a definition list: the value is the <dd> after its <dt> term.
DETAIL = "dt:text-is('{term}') + dd"

# --- the court's website ------------------------------------------------------------------
COURT_CMECF_PATH = "/cmecf"  # the page behind the "CM/ECF" tab
COURT_FAQ_PATH = "/cmecf/faq"
COURT_INSTRUCTIONS_PATH = "/cmecf/linking-instructions"  # where the FAQ's "Click here" goes
COURT_CONTACT_PATH = "/contact"
COURT_CONTACT_LINK = "Contact"
COURT_UPGRADE_NOTICE_LINK = "NextGen CM/ECF upgrade"
COURT_FAQ_LINK = "Linking CM/ECF and PACER accounts: FAQ"
# One element per FAQ question, holding its heading and its answer.
COURT_FAQ_ANSWER = "section"

# --- the PACER website --------------------------------------------------------------------
PACER_COURT_LINKS_PATH = "/court-links"
PACER_MANAGE_ACCOUNT_PATH = "/manage-account"
PACER_FORGOT_PASSWORD_PATH = "/forgot-password"
PACER_CHANGE_PASSWORD_PATH = "/manage-account/change-password"
PACER_RESET_PASSWORD_PATH = "/reset-password"
PACER_FORGOT_PASSWORD_LINK = "Forgot password?"
PACER_SEND_RESET_BUTTON = "Send reset link"
PACER_CHANGE_PASSWORD = "Change password"  # the link and the button
PACER_RESET_SENT = "we have sent password reset instructions"
PACER_RESET_EMAIL_SUBJECT = "PACER password reset"
PACER_PASSWORD_CHANGED = "Your PACER password has been changed."

# --- the court's NextGen CM/ECF -----------------------------------------------------------
FILING_MENU = "Civil"  # CIT hears civil matters
ECF_LINK_PATH = "/cgi-bin/LinkAccount.pl"
ECF_CLERK_UNLINK_PATH = "/cgi-bin/ClerkUnlink.pl"
ECF_RUN_QUERY_BUTTON = "Run Query"
ECF_LEGACY_LOGIN_HEADING = "CM/ECF Login"
LINK_VERIFY_HEADING = "Verify the accounts to link"
LINK_DONE_HEADING = "Accounts linked"
LINK_DONE = "Your CM/ECF account {ecf_login} is now linked to your PACER account {username}."
CLERK_FIND_BUTTON = "Find account"
CLERK_UNLINK_BUTTON = "Unlink accounts"
UNLINK_DONE = (
    "The CM/ECF account {ecf_login} has been unlinked from PACER account {username}. "
    "A confirmation email has been sent to the filer."
)
