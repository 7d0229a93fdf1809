"""The court's NextGen CM/ECF: the menu bar, Utilities, linking, Query and the clerk's unlink page.

Paths are the real NextGen's where known (login.pl, ShowIndex.pl, iquery.pl,
DisplayMenu.pl); the linking and unlinking pages' paths and labels are guesses, in
pages/guesses.py.
"""

from __future__ import annotations

from playwright.sync_api import Locator

from pages import guesses
from pages.base import ContactSections, SitePage

# The verification page's confirm button: "Submit, verify …, Submit again" [seen].
CONFIRM_BUTTON = "Submit"


class CmecfLoginPage(SitePage):
    """login.pl: sends a visitor to PACER after the cut-over; the legacy login form before it."""

    path = "/cgi-bin/login.pl"

    def log_in_to_legacy(self, login: str, password: str) -> None:
        self.page.get_by_label("Login", exact=True).fill(login)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Login").click()

    @property
    def legacy_password_field(self) -> Locator:
        return self.page.locator("input[name='key']")


class CmecfHomePage(SitePage):
    path = "/cgi-bin/ShowIndex.pl"

    @property
    def menu_bar(self) -> Locator:
        return self.page.locator("#topmenu")

    @property
    def menu_items(self) -> Locator:
        return self.menu_bar.get_by_role("link")

    def menu(self, name: str) -> Locator:
        return self.menu_bar.get_by_role("link", name=name, exact=True)

    def open_menu(self, name: str) -> None:
        self.menu(name).click()

    @property
    def link_account_link(self) -> Locator:
        """Under Utilities: the FAQ's "Link a CM/ECF account to my PACER account"."""
        return self.page.get_by_role("link", name="Link a CM/ECF account to my PACER account")

    def open_link_account(self) -> None:
        self.open_menu("Utilities")
        self.link_account_link.click()

    def log_out(self) -> None:
        self.open_menu("Log Out")


class UtilitiesPage(SitePage):
    path = "/cgi-bin/DisplayMenu.pl?Utilities"


class HelpPage(ContactSections):
    """The Help menu: the CM/ECF Help Desk's contacts, in a section of their own."""

    path = "/cgi-bin/DisplayMenu.pl?Help"


class FilingMenuPage(SitePage):
    path = f"/cgi-bin/DisplayMenu.pl?{guesses.FILING_MENU}"

    @property
    def events(self) -> Locator:
        """The filing events offered; a filer who may not file gets the heading without them."""
        return self.main.get_by_role("listitem")


class QueryPage(SitePage):
    path = "/cgi-bin/iquery.pl"

    @property
    def search_button(self) -> Locator:
        return self.page.get_by_role("button", name=guesses.ECF_RUN_QUERY_BUTTON)


class LinkAccountPage(SitePage):
    path = guesses.ECF_LINK_PATH

    @property
    def login_field(self) -> Locator:
        return self.page.get_by_label("CM/ECF login")

    @property
    def password_field(self) -> Locator:
        return self.page.get_by_label("CM/ECF password")

    def submit_credentials(self, login: str, password: str) -> None:
        self.login_field.fill(login)
        self.password_field.fill(password)
        self.page.get_by_role("button", name="Submit").click()

    def account_shown(self, term: str) -> Locator:
        """On the verification page: the account beside "CM/ECF account" or "PACER account"."""
        return self.page.locator(guesses.DETAIL.format(term=term))

    def confirm(self) -> None:
        self.page.get_by_role("button", name=CONFIRM_BUTTON).click()

    def cancel(self) -> None:
        self.page.get_by_role("button", name="Cancel").click()


class ClerkUnlinkPage(SitePage):
    path = guesses.ECF_CLERK_UNLINK_PATH

    def unlink(self, ecf_login: str) -> None:
        self.page.get_by_label("CM/ECF login").fill(ecf_login)
        self.page.get_by_role("button", name=guesses.CLERK_FIND_BUTTON).click()
        self.page.get_by_role("button", name=guesses.CLERK_UNLINK_BUTTON).click()
