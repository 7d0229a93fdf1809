"""Proof that the suite catches breakage: the scenarios run against a deliberately broken mock.

Each mutation breaks one FAQ rule in a running mock (by patching the mock in this process)
and runs a few scenarios in a child pytest: the ones about that rule must fail, and an
unrelated one must still pass, so a red result means "this rule broke", not "everything
broke".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Response, request

from mock_site import security, texts, web
from mock_site.server import RunningMock, start_mock
from mock_site.sites import ecf
from tests.integration.runner import run_suite, url_options

pytestmark = pytest.mark.slow


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


@dataclass(frozen=True)
class Mutation:
    name: str
    apply: Callable[[pytest.MonkeyPatch, RunningMock], None]
    must_fail: tuple[str, ...]
    must_pass: tuple[str, ...]


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
            "test_every_cmecf_page_sends_a_visitor_who_is_not_signed_in_to_pacer_page",
        ),
        ("test_the_faq_on_the_courts_website_gives_the_same_contacts",),
    ),
]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_the_scenarios_about_a_broken_rule_fail(
    mutation: Mutation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with start_mock(test_mode=True) as mock:
        mutation.apply(monkeypatch, mock)
        selection = " or ".join(mutation.must_fail + mutation.must_pass)
        run = run_suite(tmp_path, *url_options(mock.urls), "-k", selection)
    assert run.tests >= len(mutation.must_fail) + len(mutation.must_pass), run.output[-2000:]
    for name in mutation.must_fail:
        assert any(failed.startswith(name) for failed in run.failed), (
            f"{name} should fail when {mutation.name}\n{run.output[-2000:]}"
        )
    for name in mutation.must_pass:
        assert not any(failed.startswith(name) for failed in run.failed), (
            f"{name} should not be affected by {mutation.name}"
        )
    assert run.skipped == {}


def test_the_same_scenarios_pass_against_the_intact_mock(tmp_path: Path) -> None:
    every = {name for m in MUTATIONS for name in m.must_fail + m.must_pass}
    with start_mock(test_mode=True) as mock:
        run = run_suite(tmp_path, *url_options(mock.urls), "-k", " or ".join(sorted(every)))
    assert run.returncode == 0, run.output[-2000:]
    assert run.failed == [] and run.tests >= len(every)
