"""What every page object shares: its Playwright page, its site's base URL and its path."""

from __future__ import annotations

from typing import ClassVar

from playwright.sync_api import Locator, Page

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


class ContactSections(SitePage):
    """A page that lists contacts in sections headed by who they are (a region per contact)."""

    def section(self, name: str) -> Locator:
        return self.page.get_by_role("region", name=name)

    def phone_link(self, section: str, number: str) -> Locator:
        return self.section(section).get_by_role("link", name=number, exact=True)

    def email_link(self, section: str, address: str) -> Locator:
        return self.section(section).get_by_role("link", name=address, exact=True)
