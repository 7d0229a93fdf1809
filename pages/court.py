"""The court's website (www.cit.uscourts.gov)."""

from __future__ import annotations

from playwright.sync_api import Locator

from pages.base import SitePage


class CourtHomePage(SitePage):
    path = "/"

    def click_cmecf_tab(self) -> None:
        self.page.get_by_role("navigation", name="Main").get_by_role(
            "link", name="CM/ECF", exact=True
        ).click()

    def open_contact_page(self) -> None:
        self.page.get_by_role("navigation", name="Main").get_by_role(
            "link", name="Contact", exact=True
        ).click()

    def read_nextgen_notice(self) -> None:
        self.page.get_by_role("link", name="NextGen CM/ECF upgrade").click()


class CourtCmecfPage(SitePage):
    path = "/cmecf"

    def login_to_live_database(self) -> None:
        self.page.get_by_role("link", name="Login to the Live CM/ECF Database").click()

    def open_linking_faq(self) -> None:
        self.page.get_by_role("link", name="Linking CM/ECF and PACER accounts: FAQ").click()


class CourtFaqPage(SitePage):
    path = "/cmecf/faq"

    def question(self, text: str) -> Locator:
        return self.page.get_by_role("heading", level=2, name=text)

    def answer(self, question: str) -> Locator:
        """The question's section: its heading and the answer below it.

        One <section> per question is the mock's layout, a guess for the real page: if the
        court's FAQ is laid out otherwise, this locator is the one place to change.
        """
        return self.main.locator("section").filter(has=self.question(question))

    def click_here_for_instructions(self) -> None:
        self.page.get_by_role("link", name="Click here").click()


class LinkingInstructionsPage(SitePage):
    path = "/cmecf/linking-instructions"

    @property
    def steps(self) -> Locator:
        return self.main.get_by_role("listitem")


class ContactPage(SitePage):
    path = "/contact"

    def section(self, name: str) -> Locator:
        return self.page.get_by_role("region", name=name)

    def phone_link(self, section: str, number: str) -> Locator:
        return self.section(section).get_by_role("link", name=number, exact=True)

    def email_link(self, section: str, address: str) -> Locator:
        return self.section(section).get_by_role("link", name=address, exact=True)
