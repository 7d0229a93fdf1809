"""PACER's multifactor authentication pages (2025 on): the one-time passcode after the password,
the prompts of a user who must enroll, and Manage MFA Settings.

Found as a person finds them: by their headings and by the labels of their fields, in the
target profile's wording ([headings] mfa_*, [names] mfa_*), since no public source shows the
real pages' text. The names portal-reference.md shows (Skip, User Update Required, Manage MFA
Settings, Add App, Get New Codes, Enroll) live in the profile too, as [seen] values.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator

from pages.base import SitePage

# The standard token for a field that takes a one-time code (WHATWG autocomplete): a sign that
# a page asks for one, whatever its wording, used to say so at once rather than time out.
ONE_TIME_CODE_FIELD = "input[autocomplete='one-time-code']"


class PasscodePage(SitePage):
    """The page asking for the one-time passcode (or a backup code) after the password."""

    @property
    def heading(self) -> Locator:
        return self.heading_named(self.profile.heading("mfa_passcode"))

    @property
    def passcode_field(self) -> Locator:
        return self.label("mfa_passcode_label")

    @property
    def backup_code_field(self) -> Locator:
        return self.label("mfa_backup_code_label")

    @property
    def any_one_time_code_field(self) -> Locator:
        return self.page.locator(ONE_TIME_CODE_FIELD)

    @property
    def verify_button(self) -> Locator:
        return self.page.get_by_role("button", name=self.profile.name_of("mfa_verify_button"))

    @property
    def refusal(self) -> Locator:
        """What the page says is wrong with a code: an alert that holds text."""
        return self.page.get_by_role("alert").filter(has_text=re.compile(r"\S"))

    def enter_passcode(self, code: str) -> None:
        self.passcode_field.fill(code)
        self.verify_button.click()

    def switch_to_backup_code(self) -> None:
        """Where the target has a separate field for backup codes, behind a link or button."""
        switch = self.profile.name_of("mfa_backup_code_link")
        if switch:
            self.control(switch).click()

    def enter_backup_code(self, code: str) -> None:
        self.switch_to_backup_code()
        self.backup_code_field.fill(code)
        self.verify_button.click()


class EnrollmentPromptPage(SitePage):
    """After the password, for a user who must enroll and has not: the requirement with Skip
    (three skips in all), then "User Update Required" with no Skip [seen]."""

    @property
    def requirement(self) -> Locator:
        return self.heading_named(self.profile.heading("mfa_required"))

    @property
    def update_required(self) -> Locator:
        return self.heading_named(self.profile.heading("mfa_update_required"))

    @property
    def skip_button(self) -> Locator:
        return self.control(self.profile.name_of("mfa_skip_button"))

    @property
    def enroll_link(self) -> Locator:
        return self.control(self.profile.name_of("mfa_enroll_link"))


class MfaSettingsPage(SitePage):
    """The MFA settings page of the PACER website: add an app, get new codes, remove an app."""

    path_key = "pacer_mfa_settings"

    @property
    def heading(self) -> Locator:
        return self.heading_named(self.profile.heading("mfa_settings"))

    def button(self, key: str) -> Locator:
        return self.control(self.profile.name_of(key))

    @property
    def security_code_field(self) -> Locator:
        return self.label("mfa_security_code_label")

    @property
    def app_passcode_field(self) -> Locator:
        return self.label("mfa_app_passcode_label")

    @property
    def refusal(self) -> Locator:
        return self.page.get_by_role("alert").filter(has_text=re.compile(r"\S"))
