"""The court's website (www.cit.uscourts.gov)."""

from __future__ import annotations

from playwright.sync_api import Locator

from pages import guesses
from pages.base import ContactSections, SitePage


class CourtHomePage(SitePage):
    path = "/"

    @property
    def cmecf_tab(self) -> Locator:
        return self.page.get_by_role("navigation", name="Main").get_by_role(
            "link", name="CM/ECF", exact=True
        )

    def click_cmecf_tab(self) -> None:
        self.cmecf_tab.click()

    def open_contact_page(self) -> None:
        self.page.get_by_role("navigation", name="Main").get_by_role(
            "link", name=guesses.COURT_CONTACT_LINK, exact=True
        ).click()

    def read_nextgen_notice(self) -> None:
        self.page.get_by_role("link", name=guesses.COURT_UPGRADE_NOTICE_LINK).click()


class CourtCmecfPage(SitePage):
    path = guesses.COURT_CMECF_PATH

    @property
    def live_database_link(self) -> Locator:
        return self.page.get_by_role("link", name="Login to the Live CM/ECF Database")

    def login_to_live_database(self) -> None:
        self.live_database_link.click()

    def open_linking_faq(self) -> None:
        self.page.get_by_role("link", name=guesses.COURT_FAQ_LINK).click()


class CourtFaqPage(SitePage):
    path = guesses.COURT_FAQ_PATH

    def question(self, text: str) -> Locator:
        return self.page.get_by_role("heading", level=2, name=text)

    def answer(self, question: str) -> Locator:
        """The question's section: its heading and the answer below it.

        One element per question (a <section> in the mock) is a guess for the real page:
        pages/guesses.py has it.
        """
        return self.main.locator(guesses.COURT_FAQ_ANSWER).filter(has=self.question(question))

    def click_here_for_instructions(self) -> None:
        self.page.get_by_role("link", name="Click here").click()


class LinkingInstructionsPage(SitePage):
    path = guesses.COURT_INSTRUCTIONS_PATH

    @property
    def steps(self) -> Locator:
        return self.main.get_by_role("listitem")


class ContactPage(ContactSections):
    path = guesses.COURT_CONTACT_PATH
