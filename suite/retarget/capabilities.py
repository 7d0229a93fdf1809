"""Calibrate: which optional pages and rules the target has, each from evidence a reviewer can
check ([capabilities] in profiles).

The stand-in portal of issue 25 had no court FAQ page, no login-length rules and no Manage My
Account, and calibrate flagged none of it. Each capability here is proposed only from what the
target shows: present when the page or rule is there, absent when the places a person would
look hold nothing like it, and not proposed at all (None, with why) when the evidence is
between the two. From the public pages (the probe's, suite/retarget/probe.py): the court's FAQ page,
its contact page, Manage My Account, PACER's forgotten-password page. From the scenarios
(suite/retarget/recording.py records them): PACER login's length rules, which only a sign-in attempt
shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from suite.retarget import evidence
from suite.retarget.probe import Probe, seen
from suite.retarget.public_pages import PublicPage


@dataclass(frozen=True)
class Proposal:
    capability: str
    present: bool | None  # None: the evidence says neither
    how: str


def _court_pages(probe: Probe) -> list[PublicPage]:
    """Where a person looks on the court's website: its home page, the CM/ECF page, and the
    pages either links to."""
    site, home, cmecf = probe.urls["court"], probe.home("court"), probe.court_cmecf()
    pages = {home.final_url: home}
    for start in (home, cmecf):
        if start is not None:
            pages[start.final_url] = start
            pages |= {p.final_url: p for _, p in probe.pages.linked_pages(start, site)}
    return list(pages.values())


def court_faq_page(probe: Probe) -> Proposal:
    every = len(evidence.faq_questions())
    found = probe.court_faq()
    if found is not None:
        shown = len(evidence.questions_on(found[1].text))
        return Proposal(
            "court_faq_page", True, f"{found[1].path} shows {shown} of the FAQ's {every} questions"
        )
    if "court_faq" in probe.ambiguous:
        return Proposal("court_faq_page", None, f"two pages fit: {probe.ambiguous['court_faq']}")
    pages = _court_pages(probe)
    best = max(pages, key=lambda page: len(evidence.questions_on(page.text)))
    shown = len(evidence.questions_on(best.text))
    if shown <= 1:
        return Proposal(
            "court_faq_page",
            False,
            f"none of the {len(pages)} pages of the court's website a person reaches from its "
            f"home and CM/ECF pages shows more than {shown} of the FAQ's {every} questions",
        )
    return Proposal(
        "court_faq_page",
        None,
        f"{best.path} shows {shown} of the FAQ's {every} questions: part of the FAQ, not clearly "
        "its page; a person decides",
    )


def court_contact_page(probe: Probe) -> Proposal:
    found = probe.court_contact()
    phone = evidence.HELP_DESK_PHONE
    if found is not None:
        return Proposal(
            "court_contact_page", True, f"{found[1].path} lists the Help Desk's {phone}"
        )
    if "court_contact" in probe.ambiguous:
        return Proposal(
            "court_contact_page", None, f"two pages fit: {probe.ambiguous['court_contact']}"
        )
    pages = [p for p in _court_pages(probe) if len(evidence.questions_on(p.text)) <= 1]
    saying = [p.path for p in pages if phone in p.text]
    if not saying:
        return Proposal(
            "court_contact_page",
            False,
            f"none of the {len(pages)} pages of the court's website a person reaches from its "
            f"home and CM/ECF pages (the FAQ page aside) lists the Help Desk's {phone}",
        )
    return Proposal(
        "court_contact_page",
        None,
        f"{', '.join(saying)} list {phone}, but no link from the home page leads there",
    )


def manage_my_account(probe: Probe) -> Proposal:
    name = "Manage My Account"  # [seen]
    home = probe.home("pacer")
    names = [control.name for control in home.controls]
    if name in names:
        return Proposal("manage_my_account", True, f"PACER's home page has {name!r}")
    near = [n for n in names if "account" in n.casefold()]
    if near or not home.exists:
        why = f"has {', '.join(repr(n) for n in near)}" if near else f"answered {home.status}"
        return Proposal("manage_my_account", None, f"PACER's home page {why}: a person decides")
    return Proposal(
        "manage_my_account",
        False,
        f"PACER's home page has no {name!r} and no other link or button about an account",
    )


def forgot_password(probe: Probe) -> Proposal:
    """PACER login's link for a forgotten password (by the profile's name, or the closest),
    and the page it leads to; or neither that link nor a page at the profile's path."""
    link = probe.forgot_password_link()
    if link is not None:
        page = probe.pages.get(link.href)
        wrong = evidence.not_about("pacer_forgot_password", seen(page), page.path)
        if page.exists and wrong:
            return Proposal("forgot_password", None, f"PACER login links {link.name!r}; {wrong}")
        if page.exists:
            return Proposal(
                "forgot_password", True, f"PACER login links {link.name!r} to {page.path}"
            )
        return Proposal(
            "forgot_password", None, f"PACER login links {link.name!r}, which answers {page.status}"
        )
    path = probe.urls["pacer"] + probe.profile.path_of("pacer_forgot_password")
    page = probe.pages.get(path)
    if not page.exists:
        return Proposal(
            "forgot_password",
            False,
            f"no link for a forgotten password on PACER login, and {path} answered "
            f"{page.status or 'nothing'}",
        )
    return Proposal("forgot_password", None, f"{path} answers, but PACER login links no such page")


def from_public_pages(probe: Probe) -> list[Proposal]:
    """After probe.run(): the capabilities the public pages show or rule out."""
    return [
        court_faq_page(probe),
        court_contact_page(probe),
        manage_my_account(probe),
        forgot_password(probe),
    ]


def from_scenarios(records: Iterable[dict[str, object]]) -> list[Proposal]:
    """The capability records of calibrate's rounds (`event: capability`): present when one
    scenario showed it; absent when every one that looked found it missing; else nothing."""
    seen: dict[str, list[dict[str, object]]] = {}
    for record in records:
        seen.setdefault(str(record["capability"]), []).append(record)
    proposals = []
    for capability, found in sorted(seen.items()):
        present = [r for r in found if r.get("present") is True]
        absent = [r for r in found if r.get("present") is False]
        if present:
            proposals.append(Proposal(capability, True, str(present[0]["how"])))
        elif absent and len(absent) == len(found):
            proposals.append(
                Proposal(capability, False, "; ".join(sorted({str(r["how"]) for r in absent})))
            )
        else:
            proposals.append(Proposal(capability, None, "; ".join(str(r["how"]) for r in found)))
    return proposals
