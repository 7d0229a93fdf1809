"""PACER login (Central Sign-On): credentials, then the redaction agreement for filers.

Ids are the real portal's (loginForm:*, regmsg:*) [seen], so this page object has a fair
chance against a real staging sign-on page as well as the mock.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator

from pages.base import SitePage


class PacerLoginPage(SitePage):
    path = "/csologin/login.jsf"

    @property
    def username(self) -> Locator:
        return self.page.locator("[id='loginForm:loginName']")

    @property
    def password(self) -> Locator:
        return self.page.locator("[id='loginForm:password']")

    @property
    def messages(self) -> Locator:
        return self.page.locator("[id='loginForm:pclLoginMessages']")

    @property
    def refusal(self) -> Locator:
        """What PACER login says is wrong: its [seen] messages region, once it holds text."""
        return self.messages.filter(has_text=re.compile(r"\S"))

    @property
    def redaction_agreement(self) -> Locator:
        return self.page.get_by_role("heading", name="Redaction Agreement")

    @property
    def redaction_acknowledgement(self) -> Locator:
        return self.page.locator("[id='regmsg:chkRedact']")

    @property
    def continue_button(self) -> Locator:
        return self.page.locator("[id='regmsg:bpmConfirm']")

    def log_in(self, username: str, password: str) -> None:
        self.username.fill(username)
        self.password.fill(password)
        self.page.locator("[id='loginForm:fbtnLogin']").click()

    def acknowledge_redaction(self) -> None:
        self.redaction_acknowledgement.check()
        self.continue_button.click()

    def open_forgot_password(self) -> None:
        self.click_control(self.profile.name_of("pacer_forgot_password_link"))
