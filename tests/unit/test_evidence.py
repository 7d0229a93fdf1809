"""What a page is about (suite/retarget/evidence.py), and what calibrate concludes from it: the
probe takes no page that answers but is not what a value names, and capabilities are proposed
from evidence (suite/retarget/capabilities.py). A small court website in HTML stands in for the
target."""

from __future__ import annotations

from typing import Any

import pytest

from suite.retarget import capabilities, evidence
from suite.retarget.census import why_not
from suite.retarget.probe import DIFFERENT, MISSING, Probe
from suite.retarget.public_pages import Pages, PublicPage, read
from suite.retarget.rounds import ScenarioResult
from suite.target.profiles import load_profile

URLS = {s: f"http://{s}.test" for s in ("court", "pacer", "pacer-login", "ecf")}
FAQ_TEXT = " ".join(f"<h2>{q}</h2><p>An answer.</p>" for q in evidence.faq_questions())
# The stand-in of issue 25: a contact page that asks "Who can I contact for help?", no FAQ.
CONTACT = (
    "<main><h1>Contact Us</h1><h2>Who can I contact for help?</h2>"
    '<p>The CM/ECF Help Desk: <a href="tel:+18664501859">866-450-1859</a>.</p></main>'
)
NAV = (
    '<nav><a href="/">Home</a><a href="/e-filing">CM/ECF</a>'
    '<a href="/contact-us">Contact Us</a></nav>'
)
WITHOUT_FAQ = {
    "/": f"{NAV}<main><h1>Court</h1></main>",
    "/e-filing": f'{NAV}<main><a href="/contact-us">Questions? Contact us</a></main>',
    "/contact-us": NAV + CONTACT,
}


def serve(monkeypatch: pytest.MonkeyPatch, court: dict[str, str]) -> None:
    def get(self: Pages, url: str) -> PublicPage:
        for site, base in URLS.items():
            path = url.removeprefix(base) or "/"
            if url.startswith(base) and site == "court" and path in court:
                return read(url, url, 200, court[path])
            if url.startswith(base) and site == "pacer" and path == "/":
                return read(url, url, 200, '<a href="/account">Manage My Account</a>')
        return PublicPage(url, url, 404)

    monkeypatch.setattr(Pages, "get", get)


def test_a_page_that_quotes_one_faq_question_is_not_the_faq_page() -> None:
    contact = evidence.Seen("Contact Us Who can I contact for help? 866-450-1859")
    assert "it shows 1 of the FAQ's 8 questions, so it is not the FAQ page" in evidence.not_about(
        "court_faq", contact, "/contact-us"
    )
    assert evidence.not_about("court_contact", contact, "/contact-us") == ""
    faq = evidence.Seen(" ".join(evidence.faq_questions()) + " 866-450-1859")
    assert evidence.not_about("court_faq", faq, "/faq") == ""
    assert "it is the FAQ page" in evidence.not_about("court_contact", faq, "/faq")


def test_the_notice_is_known_by_what_it_says_not_by_the_faqs_words() -> None:
    own_words = evidence.Seen(
        "On March 16, 2020 the Court moved its filing to NextGen CM/ECF. "
        "To reach CM/ECF, sign in through PACER with your PACER username and password."
    )
    assert evidence.not_about("notice", own_words, "/news") == ""
    linking_only = evidence.Seen(
        "Beginning March 16, 2020, you can link your CM/ECF account and your PACER account. "
        "You will be redirected to the NextGen CM/ECF page."
    )
    assert "no sentence of it says" in evidence.not_about("notice", linking_only, "/how-to-link")


def test_the_probe_takes_no_contact_page_for_the_faq_page_and_proposes_no_faq_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serve(monkeypatch, WITHOUT_FAQ)
    probe = Probe(URLS, load_profile())
    findings = {(f.group, f.key): f for f in probe.run()}
    faq = findings["paths", "court_faq"]
    assert faq.state == MISSING and not faq.instead
    contact = findings["paths", "court_contact"]
    assert (contact.state, contact.instead, contact.certain) == (DIFFERENT, "/contact-us", True)
    proposal = capabilities.court_faq_page(probe)
    assert proposal.present is False
    assert "none of the 3 pages of the court's website" in proposal.how
    assert "more than 1 of the FAQ's 8 questions" in proposal.how
    assert capabilities.court_contact_page(probe).present is True
    assert capabilities.manage_my_account(probe).present is True


def test_two_pages_that_both_fit_are_not_chosen_between(monkeypatch: pytest.MonkeyPatch) -> None:
    court = dict(WITHOUT_FAQ)
    court["/e-filing"] = f'{NAV}<main><a href="/faq">FAQ</a><a href="/faq-old">Old FAQ</a></main>'
    court["/faq"] = court["/faq-old"] = f"{NAV}<main>{FAQ_TEXT}</main>"
    serve(monkeypatch, court)
    probe = Probe(URLS, load_profile())
    findings = {(f.group, f.key): f for f in probe.run()}
    assert findings["paths", "court_faq"].state == MISSING
    assert (
        "2 pages linked from /e-filing fit: /faq, /faq-old" in findings["paths", "court_faq"].note
    )
    assert capabilities.court_faq_page(probe).present is None


@pytest.mark.parametrize(
    ("records", "present"),
    [
        ([{"present": True, "how": "a"}, {"present": False, "how": "b"}], True),
        ([{"present": False, "how": "said 'Invalid username or password'"}] * 2, False),
        ([], None),
    ],
)
def test_the_login_length_rules_are_proposed_from_what_pacer_login_said(
    records: list[dict[str, Any]], present: bool | None
) -> None:
    proposals = capabilities.from_scenarios(
        {"capability": "login_length_rules"} | r for r in records
    )
    assert [p.present for p in proposals] == ([present] if records else [])


def test_why_a_value_was_not_observed_is_told_apart() -> None:
    key = ("messages", "accounts unlinked")
    census = {
        "t::destructive": ScenarioResult(
            "t::destructive", "passed", used={key}, tags={"destructive"}
        ),
        "t::mock": ScenarioResult("t::mock", "passed", used={key}, tags={"mock_only"}),
        "t::other": ScenarioResult("t::other", "passed", used={key}),
    }
    left_out = {"destructive": "--allow-destructive runs them"}
    assert why_not(("names", "x"), {}, census, left_out) == "no scenario asks for it"
    failed = {"t::other": ScenarioResult("t::other", "failed", step="When the filer opens …")}
    said = why_not(key, failed, census, left_out)
    assert said.startswith('asked but never reached: other failed earlier, at "When the filer')
    skipped = {
        "t::mock": ScenarioResult("t::mock", "skipped", reason="needs the mock's control API")
    }
    said = why_not(key, skipped, {"t::mock": census["t::mock"]}, left_out)
    assert said.startswith("only @mock_only scenarios use it")
    said = why_not(key, {}, {"t::destructive": census["t::destructive"]}, left_out)
    assert said == "only @destructive scenarios use it: destructive (--allow-destructive runs them)"


def test_a_forgotten_password_page_is_proposed_from_pacer_login_not_from_the_profile(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whatever the starting profile says of it (here: that the target lacks it), the proposal
    is what PACER login shows: no link and no page is "no"."""
    serve(monkeypatch, WITHOUT_FAQ)
    probe = Probe(URLS, load_profile("alt"))  # alt: forgot_password = false
    probe.run()
    proposal = capabilities.forgot_password(probe)
    assert proposal.present is False and "no link for a forgotten password" in proposal.how


def test_a_scenario_not_applicable_here_is_said_so_even_when_it_is_mock_only() -> None:
    key = ("messages", "password reset sent")
    skipped = ScenarioResult(
        "t::reset", "skipped", reason="not applicable on this target: profile says it has no …"
    )
    counted = {"t::reset": ScenarioResult("t::reset", "passed", used={key}, tags={"mock_only"})}
    said = why_not(key, {"t::reset": skipped}, counted, {})
    assert said.startswith("only scenarios not applicable on this target use it: reset")
