"""The court's website: the NextGen notice, the FAQ page and the linking instructions."""

from __future__ import annotations

from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from pages.portal import Portal
from steps.personas import THE_ACTOR_OR_VISITOR
from steps.preconditions import ON_COURT_FAQ, ON_COURT_HOME, ON_COURT_WEBSITE, needs

TOPIC = (
    "The court's website: the NextGen notice and the FAQ",
    "The notice of the NextGen upgrade, the linking FAQ, its answers, and the linking "
    "instructions it links to.",
)


@when(parsers.re(rf"{THE_ACTOR_OR_VISITOR} reads the notice of the NextGen CM/ECF upgrade"))
@needs(ON_COURT_HOME)
def read_nextgen_notice(portal: Portal) -> None:
    portal.court_home.read_nextgen_notice()


@when(parsers.re(rf"{THE_ACTOR_OR_VISITOR} opens the linking FAQ on the court's website"))
@needs(ON_COURT_WEBSITE)
def open_linking_faq(portal: Portal) -> None:
    """Target: tag the scenario @needs_court_faq_page: "not applicable" on a target whose
    profile says its website has no FAQ page."""
    portal.court_home.click_cmecf_tab()
    portal.court_cmecf.open_linking_faq()
    expect(portal.page).to_have_url(portal.court_faq.url)


@when(parsers.re(rf'{THE_ACTOR_OR_VISITOR} clicks on "Click here" for instructions'))
@needs(ON_COURT_FAQ)
def click_here_for_instructions(portal: Portal) -> None:
    portal.court_faq.click_here_for_instructions()


@then(parsers.re(r'the linking instructions tell the filer to (?:click on|select) "(?P<text>.+)"'))
def instructions_mention(portal: Portal, text: str) -> None:
    instructions = portal.linking_instructions
    expect(portal.page).to_have_url(instructions.url)
    expect(instructions.main).to_contain_text(text)


@then(parsers.parse('the FAQ answers "{question}"'), target_fixture="faq_question")
def faq_answers(portal: Portal, question: str) -> str:
    expect(portal.court_faq.question(question)).to_be_visible()
    return question


@then(parsers.parse('its answer says "{text}"'))
def faq_answer_says(portal: Portal, faq_question: str, text: str) -> None:
    """After `Then the FAQ answers "<question>"`: "its" is that question's."""
    # Under that question, not anywhere on the page: other answers mention other contacts.
    answer = portal.court_faq.answer(faq_question)
    assert text in answer, f"the answer to {faq_question!r} does not say {text!r}: {answer!r}"
