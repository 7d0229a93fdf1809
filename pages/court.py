"""The court's website (www.cit.uscourts.gov)."""

from __future__ import annotations

from playwright.sync_api import Locator

from pages.base import SitePage


class CourtHomePage(SitePage):
    path = "/"

    @property
    def cmecf_tab(self) -> Locator:
        """The FAQ's "CM/ECF tab at the top of the screen": a link (or button) of that name."""
        return self.control("CM/ECF")

    def click_cmecf_tab(self) -> None:
        self.click(self.cmecf_tab, 'the CM/ECF tab (a link or button "CM/ECF")')

    def open_contact_page(self) -> None:
        self.click_control(self.profile.name_of("court_contact_link"))

    def read_nextgen_notice(self) -> None:
        self.click_control(self.profile.name_of("court_upgrade_notice_link"))


class CourtCmecfPage(SitePage):
    path_key = "court_cmecf"

    @property
    def live_database_link(self) -> Locator:
        return self.control("Login to the Live CM/ECF Database")

    def login_to_live_database(self) -> None:
        self.click_control("Login to the Live CM/ECF Database")

    def open_linking_faq(self) -> None:
        self.click_control(self.profile.name_of("court_faq_link"))


class CourtFaqPage(SitePage):
    path_key = "court_faq"

    def question(self, text: str) -> Locator:
        return self.heading_named(text)

    def answer(self, question: str) -> str:
        """The text below the question, up to the next heading: its answer."""
        return self.text_under(question)

    def click_here_for_instructions(self) -> None:
        self.click_control("Click here")


class LinkingInstructionsPage(SitePage):
    path_key = "court_instructions"


class ContactPage(SitePage):
    path_key = "court_contact"
