"""What every page object shares: its Playwright page, its site's base URL and its path."""

from __future__ import annotations

from typing import ClassVar

from playwright.sync_api import Locator, Page, expect

from pages import guesses


class SitePage:
    path: ClassVar[str] = "/"

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url

    @property
    def url(self) -> str:
        return self.base_url + self.path

    def open(self) -> None:
        self.page.goto(self.url)

    @property
    def heading(self) -> Locator:
        return self.page.get_by_role("heading", level=1)

    @property
    def messages(self) -> Locator:
        """The live region where the page says what happened (errors and confirmations)."""
        return self.page.locator(guesses.MESSAGES)

    @property
    def refusal(self) -> Locator:
        """An error the page shows instead of doing what was asked."""
        return self.messages.get_by_role("alert")

    @property
    def main(self) -> Locator:
        return self.page.get_by_role("main")

    def expect_confirmation(self, text: str) -> None:
        """The page confirms with `text`, and not as an error: nothing that holds it is an
        alert (role="alert", or an assertive live region), which a screen reader would break
        in to announce as a failure (Section 508). Only the page's own markup is asked, by
        role, wherever on the page the alert is; an alert elsewhere is not this check's."""
        expect(self.messages).to_contain_text(text)
        alerts = self.page.get_by_role("alert").or_(self.page.locator("[aria-live=assertive]"))
        expect(alerts.filter(has_text=text)).to_have_count(0)


class ContactSections(SitePage):
    """A page that lists contacts in sections headed by who they are (a region per contact)."""

    def section(self, name: str) -> Locator:
        return self.page.get_by_role("region", name=name)

    def phone_link(self, section: str, number: str) -> Locator:
        return self.section(section).get_by_role("link", name=number, exact=True)

    def email_link(self, section: str, address: str) -> Locator:
        return self.section(section).get_by_role("link", name=address, exact=True)
