"""The court's NextGen CM/ECF: the menu bar, Utilities, linking, Query and the clerk's unlink page.

Paths are the real NextGen's where known (login.pl, ShowIndex.pl, iquery.pl,
DisplayMenu.pl); LinkAccount.pl and ClerkUnlink.pl are this project's guesses, kept here.
"""

from __future__ import annotations

from playwright.sync_api import Locator

from pages.base import SitePage

FILING_MENU = "Civil"  # CIT hears civil matters; the real label is a guess
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

    def open_menu(self, name: str) -> None:
        self.menu_bar.get_by_role("link", name=name, exact=True).click()

    def open_link_account(self) -> None:
        self.open_menu("Utilities")
        self.page.get_by_role("link", name="Link a CM/ECF account to my PACER account").click()

    def log_out(self) -> None:
        self.open_menu("Log Out")


class UtilitiesPage(SitePage):
    path = "/cgi-bin/DisplayMenu.pl?Utilities"


class FilingMenuPage(SitePage):
    path = f"/cgi-bin/DisplayMenu.pl?{FILING_MENU}"

    @property
    def events(self) -> Locator:
        """The filing events offered; a filer who may not file gets the heading without them."""
        return self.main.get_by_role("listitem")


class QueryPage(SitePage):
    path = "/cgi-bin/iquery.pl"

    @property
    def search_button(self) -> Locator:
        return self.page.get_by_role("button", name="Run Query")


class LinkAccountPage(SitePage):
    path = "/cgi-bin/LinkAccount.pl"

    @property
    def login_field(self) -> Locator:
        return self.page.get_by_label("CM/ECF login")

    def submit_credentials(self, login: str, password: str) -> None:
        self.login_field.fill(login)
        self.page.get_by_label("CM/ECF password").fill(password)
        self.page.get_by_role("button", name="Submit").click()

    def account_shown(self, term: str) -> Locator:
        """On the verification page: the account beside "CM/ECF account" or "PACER account"."""
        return self.page.locator(f"dt:text-is('{term}') + dd")

    def confirm(self) -> None:
        self.page.get_by_role("button", name=CONFIRM_BUTTON).click()

    def cancel(self) -> None:
        self.page.get_by_role("button", name="Cancel").click()


class ClerkUnlinkPage(SitePage):
    path = "/cgi-bin/ClerkUnlink.pl"

    def unlink(self, ecf_login: str) -> None:
        self.page.get_by_label("CM/ECF login").fill(ecf_login)
        self.page.get_by_role("button", name="Find account").click()
        self.page.get_by_role("button", name="Unlink accounts").click()
