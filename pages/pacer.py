"""The PACER website (pacer.uscourts.gov): Court Links, Manage My Account, password reset."""

from __future__ import annotations

from pages.base import SitePage


class PacerHomePage(SitePage):
    path = "/"

    def open_court_links(self) -> None:
        # The FAQ's "Quick Links/Court Links": a link on one target, a menu button on another.
        self.control("Quick Links").click()
        self.control("Court Links").click()

    def open_manage_my_account(self) -> None:
        self.control("Manage My Account").click()

    def open_forgot_password(self) -> None:
        self.control(self.profile.name_of("pacer_forgot_password_link")).click()


class CourtLinksPage(SitePage):
    path_key = "pacer_court_links"

    def choose_court(self, name: str) -> None:
        self.control(name).click()


class ManageAccountPage(SitePage):
    path_key = "pacer_manage_account"

    def open_change_password(self) -> None:
        self.main.get_by_role("link", name=self.profile.name_of("pacer_change_password")).click()


class ForgotPasswordPage(SitePage):
    path_key = "pacer_forgot_password"

    def request_reset(self, username: str, email: str) -> None:
        self.label("pacer_username_label").fill(username)
        self.label("pacer_email_label").fill(email)
        self.control(self.profile.name_of("pacer_send_reset_button")).click()


class ChangePasswordPage(SitePage):
    path_key = "pacer_change_password"

    def change(self, current: str, new: str) -> None:
        self.label("pacer_current_password_label").fill(current)
        self.label("pacer_new_password_label").fill(new)
        self.label("pacer_confirm_password_label").fill(new)
        self.page.get_by_role("button", name=self.profile.name_of("pacer_change_password")).click()


class ResetPasswordPage(SitePage):
    path_key = "pacer_reset_password"

    def choose_new_password(self, password: str) -> None:
        self.label("pacer_new_password_label").fill(password)
        self.label("pacer_confirm_password_label").fill(password)
        self.page.get_by_role("button", name=self.profile.name_of("pacer_change_password")).click()
