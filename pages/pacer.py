"""The PACER website (pacer.uscourts.gov): Court Links, Manage My Account, password reset."""

from __future__ import annotations

from playwright.sync_api import Locator

from pages import guesses
from pages.base import SitePage


class PacerHomePage(SitePage):
    path = "/"

    def _menu_link(self, name: str) -> Locator:
        # The site's top menu; the home page repeats some of its links in its body.
        return self.page.get_by_role("navigation").get_by_role("link", name=name).first

    def open_court_links(self) -> None:
        self._menu_link("Quick Links").click()
        self.page.get_by_role("link", name="Court Links").click()

    def open_manage_my_account(self) -> None:
        self._menu_link("Manage My Account").click()

    def open_forgot_password(self) -> None:
        self._menu_link(guesses.PACER_FORGOT_PASSWORD_LINK).click()


class CourtLinksPage(SitePage):
    path = guesses.PACER_COURT_LINKS_PATH

    def choose_court(self, name: str) -> None:
        self.page.get_by_role("link", name=name, exact=True).click()


class ManageAccountPage(SitePage):
    path = guesses.PACER_MANAGE_ACCOUNT_PATH

    def open_change_password(self) -> None:
        self.main.get_by_role("link", name=guesses.PACER_CHANGE_PASSWORD).click()

    def detail(self, term: str) -> Locator:
        """The value shown beside a term such as "Account type" or "Status"."""
        return self.page.locator(guesses.DETAIL.format(term=term))


class ForgotPasswordPage(SitePage):
    path = guesses.PACER_FORGOT_PASSWORD_PATH

    def request_reset(self, username: str, email: str) -> None:
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Email address").fill(email)
        self.page.get_by_role("button", name=guesses.PACER_SEND_RESET_BUTTON).click()


class ChangePasswordPage(SitePage):
    path = guesses.PACER_CHANGE_PASSWORD_PATH

    def change(self, current: str, new: str) -> None:
        self.page.get_by_label("Current password").fill(current)
        self.page.get_by_label("New password", exact=True).fill(new)
        self.page.get_by_label("Confirm new password").fill(new)
        self.page.get_by_role("button", name=guesses.PACER_CHANGE_PASSWORD).click()


class ResetPasswordPage(SitePage):
    path = guesses.PACER_RESET_PASSWORD_PATH

    def choose_new_password(self, password: str) -> None:
        self.page.get_by_label("New password", exact=True).fill(password)
        self.page.get_by_label("Confirm new password").fill(password)
        self.page.get_by_role("button", name=guesses.PACER_CHANGE_PASSWORD).click()
