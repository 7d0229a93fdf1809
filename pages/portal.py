"""One object that hands out page objects for the current browser page and target."""

from __future__ import annotations

from playwright.sync_api import Page

from pages import court, ecf, pacer, pacer_login, pacer_mfa
from suite.target.profiles import Profile


class Portal:
    """The four sites as one user sees them in one browser page.

    `urls` maps site keys ("court", "pacer", "pacer-login", "ecf") to base URLs, and
    `profile` holds the target's own paths and names, so the same page objects drive the
    mock, its other dialect or a real staging portal.
    """

    def __init__(self, page: Page, urls: dict[str, str], profile: Profile) -> None:
        self.page = page
        self.urls = urls
        self.profile = profile

    # Court website
    @property
    def court_home(self) -> court.CourtHomePage:
        return court.CourtHomePage(self.page, self.urls["court"], self.profile)

    @property
    def court_cmecf(self) -> court.CourtCmecfPage:
        return court.CourtCmecfPage(self.page, self.urls["court"], self.profile)

    @property
    def court_faq(self) -> court.CourtFaqPage:
        return court.CourtFaqPage(self.page, self.urls["court"], self.profile)

    @property
    def linking_instructions(self) -> court.LinkingInstructionsPage:
        return court.LinkingInstructionsPage(self.page, self.urls["court"], self.profile)

    @property
    def contact(self) -> court.ContactPage:
        return court.ContactPage(self.page, self.urls["court"], self.profile)

    # PACER website
    @property
    def pacer_home(self) -> pacer.PacerHomePage:
        return pacer.PacerHomePage(self.page, self.urls["pacer"], self.profile)

    @property
    def court_links(self) -> pacer.CourtLinksPage:
        return pacer.CourtLinksPage(self.page, self.urls["pacer"], self.profile)

    @property
    def manage_account(self) -> pacer.ManageAccountPage:
        return pacer.ManageAccountPage(self.page, self.urls["pacer"], self.profile)

    @property
    def forgot_password(self) -> pacer.ForgotPasswordPage:
        return pacer.ForgotPasswordPage(self.page, self.urls["pacer"], self.profile)

    @property
    def change_password(self) -> pacer.ChangePasswordPage:
        return pacer.ChangePasswordPage(self.page, self.urls["pacer"], self.profile)

    @property
    def reset_password(self) -> pacer.ResetPasswordPage:
        return pacer.ResetPasswordPage(self.page, self.urls["pacer"], self.profile)

    # PACER login
    @property
    def pacer_login(self) -> pacer_login.PacerLoginPage:
        return pacer_login.PacerLoginPage(self.page, self.urls["pacer-login"], self.profile)

    # PACER's multifactor authentication: its pages after the password are PACER login's
    @property
    def mfa_passcode(self) -> pacer_mfa.PasscodePage:
        return pacer_mfa.PasscodePage(self.page, self.urls["pacer-login"], self.profile)

    @property
    def mfa_prompt(self) -> pacer_mfa.EnrollmentPromptPage:
        return pacer_mfa.EnrollmentPromptPage(self.page, self.urls["pacer-login"], self.profile)

    @property
    def mfa_settings(self) -> pacer_mfa.MfaSettingsPage:
        return pacer_mfa.MfaSettingsPage(self.page, self.urls["pacer"], self.profile)

    # NextGen CM/ECF
    @property
    def cmecf_login(self) -> ecf.CmecfLoginPage:
        return ecf.CmecfLoginPage(self.page, self.urls["ecf"], self.profile)

    @property
    def cmecf_home(self) -> ecf.CmecfHomePage:
        return ecf.CmecfHomePage(self.page, self.urls["ecf"], self.profile)

    @property
    def utilities(self) -> ecf.UtilitiesPage:
        return ecf.UtilitiesPage(self.page, self.urls["ecf"], self.profile)

    @property
    def cmecf_help(self) -> ecf.HelpPage:
        return ecf.HelpPage(self.page, self.urls["ecf"], self.profile)

    @property
    def filing_menu(self) -> ecf.FilingMenuPage:
        return ecf.FilingMenuPage(self.page, self.urls["ecf"], self.profile)

    @property
    def query(self) -> ecf.QueryPage:
        return ecf.QueryPage(self.page, self.urls["ecf"], self.profile)

    @property
    def link_account(self) -> ecf.LinkAccountPage:
        return ecf.LinkAccountPage(self.page, self.urls["ecf"], self.profile)

    @property
    def clerk_unlink(self) -> ecf.ClerkUnlinkPage:
        return ecf.ClerkUnlinkPage(self.page, self.urls["ecf"], self.profile)
