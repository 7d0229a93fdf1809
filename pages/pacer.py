"""The PACER website (pacer.uscourts.gov): Court Links, Manage My Account, password reset."""

from __future__ import annotations

from pages.base import SitePage


class PacerHomePage(SitePage):
    path = "/"

    def open_court_links(self) -> None:
        # The FAQ's "Quick Links/Court Links": a link on one target, a menu button on another.
        self.click_control("Quick Links")
        self.click_control("Court Links")

    def open_manage_my_account(self) -> None:
        self.click_control("Manage My Account")

    def open_forgot_password(self) -> None:
        self.click_control(self.profile.name_of("pacer_forgot_password_link"))


class CourtLinksPage(SitePage):
    path_key = "pacer_court_links"

    def choose_court(self, name: str) -> None:
        self.click_control(name)


class ManageAccountPage(SitePage):
    path_key = "pacer_manage_account"

    def open_change_password(self) -> None:
        name = self.profile.name_of("pacer_change_password")
        self.click(self.main.get_by_role("link", name=name), f'the link "{name}"')


class ForgotPasswordPage(SitePage):
    path_key = "pacer_forgot_password"

    def request_reset(self, username: str, email: str) -> None:
        self.fill_label("pacer_username_label", username)
        self.fill_label("pacer_email_label", email)
        self.click_control(self.profile.name_of("pacer_send_reset_button"))


class ChangePasswordPage(SitePage):
    path_key = "pacer_change_password"

    def change(self, current: str, new: str) -> None:
        self.fill_label("pacer_current_password_label", current)
        self.fill_label("pacer_new_password_label", new)
        self.fill_label("pacer_confirm_password_label", new)
        self.click_button(self.profile.name_of("pacer_change_password"))


class ResetPasswordPage(SitePage):
    path_key = "pacer_reset_password"

    def choose_new_password(self, password: str) -> None:
        self.fill_label("pacer_new_password_label", password)
        self.fill_label("pacer_confirm_password_label", password)
        self.click_button(self.profile.name_of("pacer_change_password"))
