"""The court's NextGen CM/ECF: the menu bar, Utilities, linking, Query and the clerk's unlink page.

Paths are the real NextGen's where known (login.pl, ShowIndex.pl, iquery.pl,
DisplayMenu.pl) [seen]; the linking and unlinking pages' paths and labels come from the
target's profile.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, expect

from pages.base import SitePage, near

# The verification page's confirm button: "Submit, verify …, Submit again" [seen].
CONFIRM_BUTTON = "Submit"
# The menu bar of a PACER-only user (no linked CM/ECF account) [seen]; a linked filer also
# gets the filing menu.
PACER_ONLY_MENUS = ("Query", "Reports", "Utilities", "Help", "Log Out")


class CmecfLoginPage(SitePage):
    """login.pl: sends a visitor to PACER after the cut-over; the legacy login form before it."""

    path = "/cgi-bin/login.pl"

    def log_in_to_legacy(self, login: str, password: str) -> None:
        self.fill_label("ecf_legacy_login_label", login)
        self.fill_label("ecf_legacy_password_label", password)
        self.click_control(self.profile.name_of("ecf_legacy_login_button"))

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

    def menus_beyond_pacer_only(self) -> list[str]:
        """The menus of the menu bar that a PACER-only user does not get: the filing menu,
        when the signed-in PACER account has a linked CM/ECF account."""
        expect(self.menu_bar).to_be_visible()
        names = [name.strip() for name in self.menu_items.all_inner_texts()]
        return [name for name in names if name not in PACER_ONLY_MENUS]

    def open_menu(self, name: str) -> None:
        self.click(self.menu(name), f'the menu "{name}" of the menu bar')

    @property
    def link_account_link(self) -> Locator:
        """Under Utilities: the FAQ's "Link a CM/ECF account to my PACER account"."""
        return self.control("Link a CM/ECF account to my PACER account")

    def open_link_account(self) -> None:
        self.open_menu("Utilities")
        self.click_control("Link a CM/ECF account to my PACER account")

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
        self.fill(self.login_field, 'the field labelled "CM/ECF login"', login)
        self.fill(self.password_field, 'the field labelled "CM/ECF password"', password)
        self.click_button("Submit")

    @staticmethod
    def account_shown(term: str, value: str) -> re.Pattern[str]:
        """On the verification page: the account shown beside "CM/ECF account" or "PACER
        account", as a pattern for the main content's text (any markup)."""
        return near(term, value)

    def confirm(self) -> None:
        self.click_button(CONFIRM_BUTTON)

    @property
    def cancel_button(self) -> Locator:
        return self.page.get_by_role("button", name=self.profile.name_of("link_cancel_button"))

    def cancel(self) -> None:
        self.click_button(self.profile.name_of("link_cancel_button"))


class ClerkUnlinkPage(SitePage):
    path_key = "ecf_clerk_unlink"

    @property
    def unlink_button(self) -> Locator:
        return self.control(self.profile.name_of("clerk_unlink_button"))

    def find(self, ecf_login: str) -> None:
        """Look the CM/ECF account up: the unlink button, or a refusal (say, not linked)."""
        login = self.page.get_by_label("CM/ECF login")
        self.fill(login, 'the field labelled "CM/ECF login"', ecf_login)
        self.click_control(self.profile.name_of("clerk_find_button"))

    def unlink(self, ecf_login: str) -> None:
        self.find(ecf_login)
        self.click_control(self.profile.name_of("clerk_unlink_button"))
