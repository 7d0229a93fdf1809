"""What a page is about, in the FAQ's words and [seen] texts: calibrate's evidence.

A page that answers 200 is not yet the page a profile value names. The stand-in portal of
issue 25 had a contact page that said "Who can I contact for help?", and calibrate took it for
the court's FAQ page. So a page is taken for a value only when it shows what that page is for
(ABOUT): the court's FAQ page shows most of the FAQ's questions, the contact page the Help
Desk's number and not the FAQ, the NextGen notice says what the FAQ says of the upgrade... A
page that does not is named, with what it lacks, and nothing is written.

Both sides use it: the probe on public pages fetched over HTTP (suite/retarget/public_pages.py) and
the recording plugin on the browser's pages (suite/retarget/observers.py), each giving a Seen: the
text of the page's main content and the names of its links and buttons.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from suite.authoring import meanings

# The FAQ's words, and [seen] texts of portal-reference.md.
HELP_DESK_PHONE = "866-450-1859"
LIVE_DATABASE = "Login to the Live CM/ECF Database"
LINK_ITEM = "Link a CM/ECF account to my PACER account"  # [seen] Utilities item
COURT_NAME = "U.S. Court of International Trade"
PACER_TITLE = "Public Access to Court Electronic Records"  # [seen]
ACCOUNT_TYPES = ("Upgraded PACER Account", "Legacy PACER Account")  # [seen]
# PACER login's length rules [seen]: a target that has them answers a short username with this.
LENGTH_RULES = ("Username must be at least 6 characters", "Password must be at least 8 characters")


@dataclass(frozen=True)
class Seen:
    """A page as evidence: the text of its main content, and its links' and buttons' names."""

    text: str
    names: tuple[str, ...] = ()


@functools.cache
def faq_questions() -> tuple[str, ...]:
    """The FAQ's questions, in its own words (its title is not one)."""
    from suite.authoring.faq import load_faq  # the FAQ text is read only when needed

    return tuple(" ".join(q.text.split()) for q in load_faq().questions if not q.is_title)


def questions_on(text: str) -> list[str]:
    flat = " ".join(text.split())
    return [question for question in faq_questions() if question in flat]


def faq_page_problem(seen: Seen) -> str:
    """The court's FAQ page shows most of the FAQ's questions; another page may quote one."""
    shown, every = len(questions_on(seen.text)), len(faq_questions())
    if shown * 2 > every:
        return ""
    return f"it shows {shown} of the FAQ's {every} questions, so it is not the FAQ page"


def _not_the_faq(seen: Seen) -> str:
    shown = len(questions_on(seen.text))
    return f"it shows {shown} of the FAQ's questions: it is the FAQ page" if shown > 1 else ""


def _says(*words: str) -> Callable[[Seen], str]:
    def problem(seen: Seen) -> str:
        flat = " ".join(seen.text.split())
        lacking = [word for word in words if word not in flat]
        return f"it does not say {', '.join(repr(w) for w in lacking)}" if lacking else ""

    return problem


def _links(*names: str) -> Callable[[Seen], str]:
    def problem(seen: Seen) -> str:
        lacking = [name for name in names if name not in seen.names]
        return f"it has no link {', '.join(repr(n) for n in lacking)}" if lacking else ""

    return problem


def _mentions(word: str) -> Callable[[Seen], str]:
    return lambda seen: "" if word in seen.text.casefold() else f"it does not mention {word!r}"


def _notice_problem(seen: Seen) -> str:
    """The NextGen notice says, each in one sentence, what the FAQ says of the upgrade."""
    lacking = [m for m in meanings.FACTS if not meanings.sentences_carrying(m, seen.text)]
    return f"no sentence of it says {', '.join(repr(m) for m in lacking)}" if lacking else ""


def _all(*checks: Callable[[Seen], str]) -> Callable[[Seen], str]:
    return lambda seen: next((p for p in (check(seen) for check in checks) if p), "")


# What each page is for, by the profile's [paths] key ("notice": the NextGen notice, which
# has no path of its own in the profile, only the link to it). Pages found by a [seen] link
# (the linking page, Manage My Account's) or as court staff find them need no more.
ABOUT: dict[str, tuple[str, Callable[[Seen], str]]] = {
    "court_faq": ("the court's FAQ page", faq_page_problem),
    "court_contact": ("the court's contact page", _all(_says(HELP_DESK_PHONE), _not_the_faq)),
    "court_instructions": (
        "the linking instructions",
        _all(_says(LIVE_DATABASE, LINK_ITEM), _not_the_faq),
    ),
    "court_cmecf": ("the court's CM/ECF page", _links(LIVE_DATABASE)),
    "notice": ("the court's NextGen notice", _all(_notice_problem, _not_the_faq)),
    "www_pacer_gov": ("the PACER website", _says(PACER_TITLE)),
    "pacer_court_links": ("PACER's Court Links", _links(COURT_NAME)),
    "pacer_manage_account": (
        "Manage My Account",
        lambda seen: (
            "" if any(t in seen.text for t in ACCOUNT_TYPES) else "it shows no account type"
        ),
    ),
    "pacer_forgot_password": ("PACER's forgotten-password page", _mentions("password")),
    "pacer_change_password": ("PACER's password change", _mentions("password")),
    "pacer_reset_password": ("PACER's password reset", _mentions("password")),
}
# Links whose name a profile holds, and the page (an ABOUT key) each must lead to.
LEADS_TO = {
    "court_contact_link": "court_contact",
    "court_faq_link": "court_faq",
    "court_upgrade_notice_link": "notice",
    "pacer_forgot_password_link": "pacer_forgot_password",
}


def not_about(key: str, seen: Seen, where: str) -> str:
    """Why the page at `where` is not the page `key` names ("" when it is, or when nothing
    more than the way it was reached is asked of it)."""
    if key not in ABOUT:
        return ""
    what, problem = ABOUT[key]
    lack = problem(seen)
    return f"{where} answers, but it is not {what}: {lack}" if lack else ""
