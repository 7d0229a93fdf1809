"""The court's NextGen CM/ECF: the menu bar, Utilities, linking, Query and the clerk's unlink page.

Paths are the real NextGen's where known (login.pl, ShowIndex.pl, iquery.pl,
DisplayMenu.pl) [seen]; the linking and unlinking pages' paths and labels come from the
target's profile.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator

from pages.base import SitePage, near

# The verification page's confirm button: "Submit, verify …, Submit again" [seen].
CONFIRM_BUTTON = "Submit"


class CmecfLoginPage(SitePage):
    """login.pl: sends a visitor to PACER after the cut-over; the legacy login form before it."""

    path = "/cgi-bin/login.pl"

    def log_in_to_legacy(self, login: str, password: str) -> None:
        self.label("ecf_legacy_login_label").fill(login)
        self.label("ecf_legacy_password_label").fill(password)
        self.control(self.profile.name_of("ecf_legacy_login_button")).click()

    @property
    def legacy_password_field(self) -> Locator:
        return self.page.locator("input[name='key']")  # [seen]: legacy fields login, key


class CmecfHomePage(SitePage):
    path = "/cgi-bin/ShowIndex.pl"

    @property
    def menu_bar(self) -> Locator:
        return self.page.locator("#topmenu")  # [seen]: div#topmenu

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
        return self.control("Link a CM/ECF account to my PACER account")

    def open_link_account(self) -> None:
        self.open_menu("Utilities")
        self.link_account_link.click()

    def log_out(self) -> None:
        self.open_menu("Log Out")


class UtilitiesPage(SitePage):
    path = "/cgi-bin/DisplayMenu.pl?Utilities"


class HelpPage(SitePage):
    """The Help menu: the CM/ECF Help Desk's contacts."""

    path = "/cgi-bin/DisplayMenu.pl?Help"


class FilingMenuPage(SitePage):
    @property
    def address(self) -> str:
        return f"/cgi-bin/DisplayMenu.pl?{self.profile.name_of('filing_menu')}"


class QueryPage(SitePage):
    path = "/cgi-bin/iquery.pl"

    @property
    def search_button(self) -> Locator:
        return self.page.get_by_role("button", name=self.profile.name_of("ecf_run_query_button"))


class LinkAccountPage(SitePage):
    path_key = "ecf_link"

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

    @staticmethod
    def account_shown(term: str, value: str) -> re.Pattern[str]:
        """On the verification page: the account shown beside "CM/ECF account" or "PACER
        account", as a pattern for the main content's text (any markup)."""
        return near(term, value)

    def confirm(self) -> None:
        self.page.get_by_role("button", name=CONFIRM_BUTTON).click()

    @property
    def cancel_button(self) -> Locator:
        return self.page.get_by_role("button", name=self.profile.name_of("link_cancel_button"))

    def cancel(self) -> None:
        self.cancel_button.click()


class ClerkUnlinkPage(SitePage):
    path_key = "ecf_clerk_unlink"

    @property
    def unlink_button(self) -> Locator:
        return self.control(self.profile.name_of("clerk_unlink_button"))

    def find(self, ecf_login: str) -> None:
        """Look the CM/ECF account up: the unlink button, or a refusal (say, not linked)."""
        self.page.get_by_label("CM/ECF login").fill(ecf_login)
        self.control(self.profile.name_of("clerk_find_button")).click()

    def unlink(self, ecf_login: str) -> None:
        self.find(ecf_login)
        self.unlink_button.click()
