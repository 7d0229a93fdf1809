"""Each assertion made no stricter than the sources (issue 15) still catches a broken portal.

The suite now finds [seen] texts anywhere in the main content, account details beside their
term, PACER login's return address as any page of the court's CM/ECF, refusals before the form
or upon Submit, and the inactive notice on the page the filer is on or on Query; and (issue 25)
a contact as a person reads it (its number after its name, before the next contact's), the
linking confirmation as its message in the main content whatever holds it, and the FAQ's
sentences away from its page by what they mean (the notice's wording carrying the FAQ's
facts; "Confirm that you are linking the correct accounts." as both accounts shown, with a way
to confirm and a way to cancel): those mutants break the plain dialect, which relies on them.
For each relaxation, a mutant of the mock breaks what the relaxed check still stands for; the
scenarios about it must fail, and an unrelated one must pass
(tests/integration/test_breakage_is_caught.py has the pattern; these read the shared run
"relaxation mutants").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Response

from mock_site import texts, web
from mock_site.dialects import plain
from mock_site.server import RunningMock
from mock_site.sites import common
from tests.integration.mutants import MutantResults
from tests.integration.runner import Mutation

pytestmark = [pytest.mark.slow, pytest.mark.nested_run("relaxation mutants")]


def appurl_to_another_site(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: CM/ECF asks PACER login to send the filer back to the court's website."""
    login_url = common.pacer_login_url
    court = mock.urls["court"]
    patch.setattr(common, "pacer_login_url", lambda appurl: login_url(court + "/"))
    patch.setattr("mock_site.sites.ecf.pacer_login_url", lambda appurl: login_url(court + "/"))


def page_without(
    template_name: str, text: str
) -> Callable[[pytest.MonkeyPatch, RunningMock], None]:
    """Broken: a page no longer shows a text (it is removed from the HTML sent)."""

    def apply(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
        page = web.page

        def without(template: str, *args: Any, **kwargs: Any) -> Response:
            response = page(template, *args, **kwargs)
            if template == template_name:
                response.set_data(response.get_data(as_text=True).replace(text, "…"))
            return response

        patch.setattr(web, "page", without)

    return apply


def pages_edited(
    edits: dict[str, Callable[[str], str]],
) -> Callable[[pytest.MonkeyPatch, RunningMock], None]:
    """Broken: each named template's page is sent edited (its HTML through the function)."""

    def apply(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
        page = web.page

        def edited(template: str, *args: Any, **kwargs: Any) -> Response:
            response = page(template, *args, **kwargs)
            if template in edits:
                response.set_data(edits[template](response.get_data(as_text=True)))
            return response

        patch.setattr(web, "page", edited)

    return apply


def numbers_swapped(html: str) -> str:
    """The two contacts' phone links trade places: each number under the other's heading."""
    first, second = re.findall(r'<a href="tel:[^"]*">[^<]*</a>', html)[:2]
    return html.replace(first, "@@").replace(second, first).replace("@@", second)


def status_out_of_main(html: str) -> str:
    """The confirmation (the status message) shown after the main content, not in it."""
    message = re.search(r'<p class="message message-info" role="status">.*?</p>', html, re.S)
    assert message, "the page has no status message to move"
    html = html.replace(message.group(0), "")
    return html.replace("</main>", "</main>" + message.group(0))


def inactive_shown_as_active(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: Manage My Account shows an inactive account's status as active."""
    patch.setitem(texts.ACCOUNT_STATUS, "inactive", texts.ACCOUNT_STATUS["active"])


def inactive_notice_reworded(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: the [seen] inactive notice is no longer said, anywhere."""
    patch.setattr(texts, "INACTIVE_NOTICE", "Your account has limits.")


RELAXATIONS = [
    Mutation(
        "appurl may be any page of the court's CM/ECF: not another site",
        appurl_to_another_site,
        (
            "test_from_the_courts_website_to_the_pacer_login_page",
            "test_a_cmecf_page_sends_a_visitor_who_is_not_signed_in_to_pacer_page",
        ),
        ("test_the_faq_on_the_courts_website_gives_the_same_contacts",),
    ),
    Mutation(
        "the welcome text at any heading level: but in the main content",
        page_without("show_index.html", texts.ECF_WELCOME),
        ("test_the_pacer_login_information_is_accepted",),
        ("test_an_active_pacer_account_can_search",),
    ),
    Mutation(
        "an FAQ answer is the text under its question, whatever wraps it",
        page_without("faq.html", texts.HELPDESK_PHONE),
        ("test_the_faq_on_the_courts_website_gives_the_same_contacts",),
        ("test_the_filer_knows_where_to_email_the_cmecf_help_desk",),
    ),
    Mutation(
        "account details beside their term, whatever the markup",
        inactive_shown_as_active,
        ("test_pacer_shows_the_account_as_inactive",),
        ("test_the_pacer_login_information_is_accepted",),
    ),
    Mutation(
        "the inactive notice on the page the filer is on, or on Query: but somewhere",
        inactive_notice_reworded,
        (
            "test_an_inactive_pacer_account_can_still_sign_in_to_cmecf_and_is_told_searches",
            "test_an_inactive_pacer_account_cannot_search_until_it_is_activated",
        ),
        ("test_an_active_pacer_account_can_search",),
    ),
    # Issue 25: what a portal says in its own words, and markup that no element groups.
    # One mutant breaks three pages of the plain dialect at once: each scenario below reads
    # only its own page (the contact page, the linking confirmation, the notice), so each
    # failure is its own page's; one child run instead of three.
    Mutation(
        "contacts in one section, a confirmation with no heading, a notice in the court's "
        "words: but a number under its own contact, the confirmation in the main content, "
        "the notice saying the FAQ's facts",
        pages_edited(
            {
                "contact.html": numbers_swapped,
                "link_done.html": status_out_of_main,
                "nextgen.html": lambda html: html.replace(plain.TEXTS["NEXTGEN_NOTICE_LOGIN"], "…"),
            }
        ),
        (
            "test_the_courts_contact_page_gives_a_number_to_call_and_an_address_to_write_to_who",
            "test_linking_the_cmecf_account_from_the_utilities_menu",
            "test_the_courts_website_explains_the_nextgen_upgrade",
        ),
        ("test_the_filer_knows_where_to_email_the_cmecf_help_desk",),
        dialect="plain",
    ),
    Mutation(
        "the FAQ's 'Confirm that you are linking the correct accounts.' as what it asks of "
        "the page: a way to cancel",
        pages_edited(
            {
                "link_verify.html": lambda html: re.sub(
                    r'<button[^>]*value="cancel".*?</button>', "", html
                )
            }
        ),
        (
            "test_linking_the_cmecf_account_from_the_utilities_menu",
            "test_cancelling_on_the_verification_page_links_nothing",
        ),
        ("test_an_active_pacer_account_can_search",),
        dialect="plain",
    ),
]


@pytest.mark.parametrize("relaxation", RELAXATIONS, ids=[r.name for r in RELAXATIONS])
def test_a_relaxed_check_still_catches_its_mutant(
    relaxation: Mutation, nested_run: MutantResults
) -> None:
    nested_run.check(relaxation)
