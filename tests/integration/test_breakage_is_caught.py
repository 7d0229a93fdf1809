"""Proof that the suite catches breakage: the scenarios run against a deliberately broken mock.

Each mutation breaks one FAQ rule, or one thing a step says it checks, in a running mock (by
patching the mock's code) and runs a few scenarios against it: the ones about it must fail,
none may skip, and an unrelated one must still pass, so a red result means "this broke", not
"everything broke". The later mutations are breakages that once passed unseen; each keeps
its step honest.

Every mutant here runs in one child pytest, each around its own scenarios only
(tests/integration/mutants.py): the shared run "mock mutants" that these tests read
(test_relaxations_are_caught.py's mutants have a run of their own, beside it). The intact
mock's results for the same scenarios come from the shared run of the whole suite, "suite,
serial, separate mock".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Response, request

from mock_site import control, security, texts, web
from mock_site.server import RunningMock
from mock_site.sites import ecf
from mock_site.store import Faults, PacerAccount
from tests.integration.mutants import MutantResults
from tests.integration.runner import Mutation
from tests.integration.shared_runs import SharedSuiteRun

pytestmark = [pytest.mark.slow, pytest.mark.nested_run("mock mutants")]


def link_without_confirmation(user: ecf.EcfUser) -> Response:
    """Broken: links as soon as the credentials are submitted, with no verification page."""
    assert user.pacer is not None
    login = security.text(request.form, "ecf_login").strip()
    web.mock().store.link(user.pacer.username, login)
    done = texts.link_done(login, user.pacer.username)
    return web.page("link_done.html", texts.LINK_DONE_TITLE, messages=[web.info(done)])


def refusal_without_the_shared_rule(user: ecf.EcfUser) -> str | None:
    """Broken: forgets that shared/firm accounts may not link."""
    if user.pacer is not None and user.pacer.type == "legacy":
        return texts.LINK_LEGACY
    return None


def filing_menu_without_events(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: the filing menu keeps its address and heading but offers no filing events."""
    page = web.page

    def without_events(template: str, *args: Any, **kwargs: Any) -> Response:
        if template == "civil.html":
            kwargs["form"] = False
        return page(template, *args, **kwargs)

    patch.setattr(web, "page", without_events)


def slow_fault_ignored(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: "PACER login answers slowly" is accepted and never applied."""
    patch.setattr(Faults, "delay_ms", property(lambda self: 0, lambda self, value: None))


def unlink_that_changes_nothing(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: the clerk is told the accounts were unlinked; they stay linked."""
    store = mock.store

    def unlink(ecf_login: str) -> str | None:
        account = store.ecf_accounts.get(ecf_login)
        return account.linked_to if account else None

    patch.setattr(store, "unlink", unlink)


def emails_without_details(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: the emails go to the right person with the right subject, and say nothing."""
    send = mock.store.send_email
    patch.setattr(
        mock.store, "send_email", lambda to, subject, body, sender: send(to, subject, "", sender)
    )


def passwords_never_change(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: PACER says the password has been changed, and keeps the old one."""
    patch.setattr(mock.store, "set_password", lambda username, password: None)


def refused_accounts_linked_on_submit(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: the linking page offers its form to accounts that may not link, and Submit
    then links them. (Offering the form and refusing upon Submit is a legitimate choice: the
    scenarios accept a refusal before the form or upon Submit, so this is what must fail.)"""
    patch.setattr(ecf, "account_refusal", lambda user: None)


def help_page_with_headings_swapped(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: CM/ECF's Help page lists the Help Desk's number under "PACER Service Center"
    and the PSC's under "CM/ECF Help Desk"; both numbers are still on the page."""
    page = web.page

    def swapped(template: str, *args: Any, **kwargs: Any) -> Response:
        response = page(template, *args, **kwargs)
        if template == "help.html":
            html = response.get_data(as_text=True)
            html = html.replace(">CM/ECF Help Desk</h2>", ">@@</h2>")
            html = html.replace(">PACER Service Center</h2>", ">CM/ECF Help Desk</h2>")
            response.set_data(html.replace(">@@</h2>", ">PACER Service Center</h2>"))
        return response

    patch.setattr(web, "page", swapped)


def pacer_login_takes_the_cmecf_password(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: PACER login takes the PACER username with the filer's old CM/ECF password."""
    store = mock.store
    check = store.check_pacer

    def check_pacer(username: str, password: str) -> PacerAccount | None:
        account = check(username, password)
        if account is None and username in store.accounts:
            name = store.accounts[username].name
            if any(
                ecf.name == name and store.check_ecf(ecf.login, password)[1]
                for ecf in list(store.ecf_accounts.values())
            ):
                return store.accounts[username]
        return account

    patch.setattr(store, "check_pacer", check_pacer)


def unlink_email_without_the_account(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: the unlink confirmation does not say which CM/ECF account was unlinked."""
    send = mock.store.send_email

    def send_email(to: str, subject: str, body: str, sender: str) -> None:
        if subject == texts.EMAIL_UNLINKED_SUBJECT:
            body = re.sub(r"CM/ECF account \S+ from", "CM/ECF account from", body)
        send(to, subject, body, sender)

    patch.setattr(mock.store, "send_email", send_email)


def personas_seeded_without(field: str) -> Callable[[pytest.MonkeyPatch, RunningMock], None]:
    """Broken: the mock's personas lack a field, which used to skip the scenarios needing it."""

    def apply(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
        record = control.persona_record
        # (seed, and since MFA its state): whatever the record is made from, less the field
        patch.setattr(control, "persona_record", lambda *made_of: {**record(*made_of), field: None})

    return apply


def confirmations_marked_up_as_errors(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
    """Broken: every confirmation is rendered as role="alert"; the words are right, and a
    screen reader announces success as a failure."""
    patch.setattr(web, "info", web.error)


MUTATIONS = [
    Mutation(
        "linking without the confirmation step",
        lambda patch, mock: patch.setattr(ecf, "link_verify", link_without_confirmation),
        (
            "test_linking_the_cmecf_account_from_the_utilities_menu",
            "test_cancelling_on_the_verification_page_links_nothing",
        ),
        ("test_an_active_pacer_account_can_search",),
    ),
    Mutation(
        "a shared/firm account allowed to link",
        lambda patch, mock: patch.setattr(ecf.EcfUser, "refusal", refusal_without_the_shared_rule),
        ("test_a_sharedfirm_pacer_account_cannot_link_a_cmecf_account",),
        ("test_a_legacy_pacer_account_must_be_upgraded_before_it_can_link",),
    ),
    Mutation(
        "the redirect to PACER dropped (CM/ECF still asks for its own login)",
        lambda patch, mock: patch.setattr(mock.store, "is_nextgen", lambda: False),
        (
            "test_from_the_courts_website_to_the_pacer_login_page",
            "test_a_cmecf_page_sends_a_visitor_who_is_not_signed_in_to_pacer_page",
        ),
        ("test_the_faq_on_the_courts_website_gives_the_same_contacts",),
    ),
    # Breakages that passed unseen until a step was made to check what it names.
    Mutation(
        "the filing menu without filing events",
        filing_menu_without_events,
        ("test_a_linked_filer_files_with_the_pacer_login_alone",),
        ("test_an_active_pacer_account_can_search",),
    ),
    Mutation(
        "the slow-PACER fault never applied",
        slow_fault_ignored,
        ("test_when_pacer_login_is_slow_the_filer_still_gets_through",),
        ("test_the_pacer_login_information_is_accepted",),
    ),
    Mutation(
        "an unlink that changes nothing",
        unlink_that_changes_nothing,
        (
            "test_the_help_desk_unlinks_the_wrong_accounts_and_the_filer_receives_confirmation",
            "test_after_the_unlink_the_filer_goes_back_through_the_linking_process",
        ),
        ("test_only_court_staff_can_unlink_accounts",),
    ),
    Mutation(
        "emails with no details",
        emails_without_details,
        ("test_the_email_after_a_wrong_link_names_that_cmecf_account_and_the_help_desk",),
        ("test_the_pacer_login_information_is_accepted",),
    ),
    Mutation(
        "a password change that does not change the password",
        passwords_never_change,
        (
            "test_the_filer_changes_the_pacer_password_through_pacer",
            "test_the_filer_retrieves_a_forgotten_pacer_password_through_pacer",
        ),
        ("test_pacer_login_sends_a_filer_with_a_forgotten_password_to_pacer",),
    ),
    Mutation(
        "accounts that may not link are offered the form, and linked upon Submit",
        refused_accounts_linked_on_submit,
        (
            "test_a_sharedfirm_pacer_account_cannot_link_a_cmecf_account",
            "test_a_legacy_pacer_account_must_be_upgraded_before_it_can_link",
        ),
        ("test_linking_the_cmecf_account_from_the_utilities_menu",),
    ),
    Mutation(
        "the Help page's Help Desk and PSC headings swapped",
        help_page_with_headings_swapped,
        ("test_cmecfs_help_menu_points_to_the_cmecf_help_desk",),
        ("test_the_faq_on_the_courts_website_gives_the_same_contacts",),
    ),
    Mutation(
        "PACER login taking the old CM/ECF password with the PACER username",
        pacer_login_takes_the_cmecf_password,
        (
            "test_after_linking_pacer_login_does_not_take_the_old_cmecf_password_either",
            "test_pacer_login_says_what_is_wrong_with_the_credentials_case",
        ),
        ("test_the_pacer_login_information_is_accepted",),
    ),
    Mutation(
        "an unlink email that does not name the unlinked CM/ECF account",
        unlink_email_without_the_account,
        ("test_the_help_desk_unlinks_the_wrong_accounts_and_the_filer_receives_confirmation",),
        ("test_the_email_after_a_wrong_link_names_that_cmecf_account_and_the_help_desk",),
    ),
    Mutation(
        "a persona seeded without a field its scenarios need",
        personas_seeded_without("wrong_ecf_login"),
        ("test_until_the_help_desk_unlinks_the_filer_cannot_link_the_correct_account",),
        ("test_only_court_staff_can_unlink_accounts",),
        whole_run=True,  # the suite reads the personas once, when its session starts
    ),
    Mutation(
        "confirmations marked up as errors (role=alert)",
        confirmations_marked_up_as_errors,
        (
            "test_linking_the_cmecf_account_from_the_utilities_menu",
            "test_the_help_desk_unlinks_the_wrong_accounts_and_the_filer_receives_confirmation",
            "test_the_filer_changes_the_pacer_password_through_pacer",
            "test_the_filer_retrieves_a_forgotten_pacer_password_through_pacer",
        ),
        ("test_a_sharedfirm_pacer_account_cannot_link_a_cmecf_account",),
    ),
]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_the_scenarios_about_a_broken_rule_fail(
    mutation: Mutation, nested_run: MutantResults
) -> None:
    nested_run.check(mutation)


@pytest.mark.nested_run("suite, serial, separate mock")
def test_the_same_scenarios_pass_against_the_intact_mock(
    nested_run: SharedSuiteRun,
) -> None:
    nested_run.check_passed(name for m in MUTATIONS for name in m.must_fail + m.must_pass)
