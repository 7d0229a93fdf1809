"""python -m suite probe: each path and label of a profile against the target's public pages.

No browser and no sign-in: plain HTTP, in seconds. Every page is known by what it is for, in
the FAQ's words or a [seen] text (suite/retarget/evidence.py: the court's CM/ECF tab; the page that
shows the FAQ's questions; the page that lists the Help Desk's 866-450-1859 and is not the
FAQ; the notice that says what the FAQ says of the NextGen upgrade), never by a guessed
address; so where the profile's value is not there, the probe says what the target has
instead. A page that answers but is not what the value names is reported as such (a contact
page is not the FAQ page); two pages that both fit are reported, and neither is taken. A value
shown only after signing in is left to calibrate.

Each value gets one line: found, missing, different (with what the target shows instead),
not applicable (the profile says the target lacks that page), or behind sign-in.
"""

from __future__ import annotations

import difflib
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from suite.retarget import evidence
from suite.retarget.public_pages import Control, Pages, PublicPage
from suite.target.profiles import Profile

# The FAQ's own words (../shared/faq/linking-cmecf-and-pacer-accounts-faq.txt).
CMECF_TAB, CLICK_HERE, WWW_PACER_GOV = "CM/ECF", "Click here", "www.pacer.gov"
COURT_LINKS, MANAGE_MY_ACCOUNT = "Court Links", "Manage My Account"
PACER_LOGIN_PATH = "/csologin/login.jsf"  # [seen]
# How close a label must be to the profile's to be reported as "different" rather than
# missing: a hint for a person, never a value calibrate accepts on its own.
CLOSE_ENOUGH = 0.6

FOUND, MISSING, DIFFERENT = "found", "missing", "different"
NOT_APPLICABLE, NOT_PROBED = "not applicable", "not probed"
# What a missing page answers; anything else that answers (even 400) is a page that is there.
GONE = (0, 404, 410)


@dataclass
class Finding:
    group: str
    key: str
    expected: str
    state: str
    instead: str = ""  # what the target shows there instead
    note: str = ""  # where it was looked for, or why it was not
    # Whether `instead` identifies the thing by what it is for (content, the FAQ's words):
    # only such findings may go into a calibrated draft; a close label is a hint.
    certain: bool = False

    def line(self) -> str:
        text = f"{self.state:<14} [{self.group}] {self.key} = {self.expected!r}"
        if self.instead:
            text += f": the target has {self.instead!r}"
        return text + (f" ({self.note})" if self.note else "")


class Probe:
    def __init__(self, urls: dict[str, str], profile: Profile) -> None:
        self.urls, self.profile, self.pages = urls, profile, Pages()
        self.findings: list[Finding] = []
        self._about: dict[str, tuple[Control, PublicPage] | None] = {}
        self.ambiguous: dict[str, str] = {}  # a page key -> why no one page was taken

    # -- the public pages, each found by what it is for ---------------------------------
    def home(self, site: str) -> PublicPage:
        return self.pages.get(self.urls[site] + "/")

    def court_cmecf(self) -> PublicPage | None:
        link = self.home("court").link_named(CMECF_TAB)
        return self.pages.get(link.href) if link else None

    def about(self, key: str, where: PublicPage | None) -> tuple[Control, PublicPage] | None:
        """The one page linked from `where` (on the court's website) that is what `key` names,
        by what it shows (suite/retarget/evidence.py); None when no page is, or more than one (then
        self.ambiguous[key] says which: a reviewer chooses, calibrate does not)."""
        if where is None:
            return None
        if key not in self._about:
            linked = self.pages.linked_pages(where, self.urls["court"])
            fitting = [(c, p) for c, p in linked if not evidence.not_about(key, seen(p), p.path)]
            if len(fitting) > 1:
                pages = ", ".join(page.path for _, page in fitting)
                self.ambiguous[key] = f"{len(fitting)} pages linked from {where.path} fit: {pages}"
            self._about[key] = fitting[0] if len(fitting) == 1 else None
        return self._about[key]

    def court_faq(self) -> tuple[Control, PublicPage] | None:
        return self.about("court_faq", self.court_cmecf())

    def court_contact(self) -> tuple[Control, PublicPage] | None:
        return self.about("court_contact", self.home("court"))

    def upgrade_notice(self) -> tuple[Control, PublicPage] | None:
        return self.about("notice", self.home("court"))

    def pacer_login(self) -> PublicPage:
        return self.pages.get(self.urls["pacer-login"] + PACER_LOGIN_PATH)

    # -- checks ------------------------------------------------------------------------
    def run(self) -> list[Finding]:
        court, pacer = self.home("court"), self.home("pacer")
        cmecf, faq, contact = self.court_cmecf(), self.court_faq(), self.court_contact()
        faq_page = faq[1] if faq else None
        cmecf_path = self._path_of_link(court, CMECF_TAB, "court")
        self.check_path(
            "court_cmecf", "court", cmecf_path, via=f"the court home's {CMECF_TAB!r} link"
        )
        faq_path = self._link_path(faq[0], "court") if faq else None
        self.check_path(
            "court_faq",
            "court",
            faq_path,
            "court_faq_page",
            "the link to the page that shows the FAQ's questions",
        )
        instructions = self._path_of_link(faq_page, CLICK_HERE, "court")
        self.check_path(
            "court_instructions", "court", instructions, via=f"the FAQ's {CLICK_HERE!r}"
        )
        contact_path = self._link_path(contact[0], "court") if contact else None
        via = f"the link to the page listing the Help Desk's {evidence.HELP_DESK_PHONE}"
        self.check_path("court_contact", "court", contact_path, "court_contact_page", via)
        www = self._path_of_link(faq_page, WWW_PACER_GOV, "pacer")
        self.check_path("www_pacer_gov", "pacer", www, via=f"the FAQ's {WWW_PACER_GOV!r} link")
        court_links = self._path_of_link(pacer, COURT_LINKS, "pacer")
        self.check_path("pacer_court_links", "pacer", court_links, via=f"PACER's {COURT_LINKS!r}")
        manage = self._path_of_link(pacer, MANAGE_MY_ACCOUNT, "pacer")
        via = f"PACER's {MANAGE_MY_ACCOUNT!r}"
        self.check_path("pacer_manage_account", "pacer", manage, "manage_my_account", via)
        forgot_link = self.forgot_password_link()
        forgot_path = self._link_path(forgot_link, "pacer") if forgot_link else None
        via = "PACER login's forgotten-password link"
        self.check_path("pacer_forgot_password", "pacer", forgot_path, "forgot_password", via)
        for key, site, capability in (
            ("pacer_change_password", "pacer", "manage_my_account"),
            ("pacer_reset_password", "pacer", "forgot_password"),
            ("pacer_mfa_settings", "pacer", "manage_my_account"),
            ("ecf_link", "ecf", None),
            ("ecf_clerk_unlink", "ecf", None),
        ):
            self.check_path(key, site, None, capability)
        self.check_name("court_contact_link", court, contact, "court_contact_page")
        self.check_name("court_upgrade_notice_link", court, self.upgrade_notice())
        self.check_name("court_faq_link", cmecf, faq, "court_faq_page")
        login = self.pacer_login()
        self.check_name("pacer_forgot_password_link", login, None, "forgot_password", closest=True)
        checked = {f.key for f in self.findings if f.group == "names"}
        for group, key in sorted(self.profile.keys()):
            if group == "names" and key not in checked:
                self._add("names", key, NOT_PROBED, note="shown after signing in or a step")
        return self.findings

    def check_path(
        self,
        key: str,
        site: str,
        discovered: str | None,
        capability: str | None = None,
        via: str = "",
    ) -> None:
        expected = self.profile.path_of(key)
        if capability and not self.profile.has(capability):
            self._add("paths", key, NOT_APPLICABLE, note=f"profile: no {capability}")
            return
        if discovered is None and key in self.ambiguous:
            self._add("paths", key, MISSING, note=f"not one page: {self.ambiguous[key]}")
            return
        if discovered is not None:
            where = f"where {via} leads"
            if discovered == expected:
                self._add("paths", key, FOUND, note=where)
            else:
                self._add("paths", key, DIFFERENT, discovered, where, certain=True)
            return
        page = self.pages.get(self.urls[site] + expected)
        if page.exists and self._signs_in(page):
            self._add("paths", key, NOT_PROBED, note="answers with PACER login: behind sign-in")
        elif page.exists and (wrong := evidence.not_about(key, seen(page), page.path)):
            self._add("paths", key, MISSING, note=wrong)
        elif page.exists or page.status not in GONE:
            # Answered (a page that needs more than a plain visit answers 400): it is there.
            self._add("paths", key, FOUND, note=f"answers {page.status}")
        else:
            why = f"{self.urls[site]}{expected} answered {page.status or 'nothing'}"
            self._add("paths", key, MISSING, note=why)

    def check_name(
        self,
        key: str,
        page: PublicPage | None,
        discovered: tuple[Control, PublicPage] | None,
        capability: str | None = None,
        closest: bool = False,
    ) -> None:
        expected = self.profile.name_of(key)
        if capability and not self.profile.has(capability):
            self._add("names", key, NOT_APPLICABLE, note=f"profile: no {capability}")
        elif page is None or not page.exists:
            self._add("names", key, MISSING, note="the page that shows it was not found")
        elif page.control_named(expected) is not None:
            self._add("names", key, FOUND, note=f"on {page.path}")
        elif discovered is not None:
            where = f"the link on {page.path} to the page for it, {discovered[1].path}"
            self._add("names", key, DIFFERENT, discovered[0].name, where, certain=True)
        elif closest and (near := self._closest(page, expected)):
            self._add("names", key, DIFFERENT, near, f"closest label on {page.path}")
        else:
            self._add("names", key, MISSING, note=f"no link or button of that name on {page.path}")

    # -- helpers -------------------------------------------------------------------------
    def forgot_password_link(self) -> Control | None:
        """PACER login's link of the profile's name for it, or the one clearly closest."""
        page = self.pacer_login()
        expected = self.profile.name_of("pacer_forgot_password_link")
        exact = page.link_named(expected)
        if exact:
            return exact
        near = self._closest(page, expected)
        return page.link_named(near) if near else None

    def _closest(self, page: PublicPage, name: str) -> str | None:
        names = [link.name for link in page.links() if link.name]
        match = difflib.get_close_matches(name, names, n=1, cutoff=CLOSE_ENOUGH)
        return match[0] if match else None

    def _path_of_link(self, page: PublicPage | None, name: str, site: str) -> str | None:
        link = page.link_named(name) if page else None
        return self._link_path(link, site) if link else None

    def _link_path(self, link: Control, site: str) -> str | None:
        """The path of a link into `site`; None when it leads to another host."""
        if not link.href.startswith(self.urls[site]):
            return None
        parts = urllib.parse.urlsplit(link.href)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def _signs_in(self, page: PublicPage) -> bool:
        return page.final_url.startswith(self.urls["pacer-login"])

    def _add(
        self,
        group: str,
        key: str,
        state: str,
        instead: str = "",
        note: str = "",
        certain: bool = False,
    ) -> None:
        expected = str(self.profile.get(group, key).value)
        self.findings.append(Finding(group, key, expected, state, instead, note, certain))


def seen(page: PublicPage) -> evidence.Seen:
    """A fetched page as evidence of what it is."""
    return evidence.Seen(page.text, tuple(control.name for control in page.controls))


def probe(urls: dict[str, str], profile: Profile, out: Callable[[str], None] = print) -> int:
    """Print one line per value; 1 when anything is missing or different, else 0."""
    findings = Probe(urls, profile).run()
    for finding in findings:
        out(finding.line())
    bad = [f for f in findings if f.state in (MISSING, DIFFERENT)]
    states = (FOUND, DIFFERENT, MISSING, NOT_APPLICABLE, NOT_PROBED)
    counts = {state: sum(f.state == state for f in findings) for state in states}
    out("probe: " + ", ".join(f"{n} {state}" for state, n in counts.items()))
    return 1 if bad else 0
