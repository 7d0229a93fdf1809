"""Public pages need no credentials: given URLs alone, with no persona set, every scenario
that only reads public pages runs against a real portal (here the mock started separately
without its control API, which the suite takes for one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.runner import clean_environment, run_suite, separate_mock, url_options

pytestmark = pytest.mark.slow

# The public pages the issue names, and a scenario of each that must have run and passed.
PUBLIC = {
    "the court's website": "test_from_the_courts_website_to_the_pacer_login_page",
    "its contact page": "test_the_courts_contact_page_gives_a_number_to_call",
    "PACER's Court Links": "test_through_wwwpacergov_quick_links_and_court_links",
    "the redirect to PACER login": "test_a_cmecf_page_sends_a_visitor_who_is_not_signed_in",
}
# Why a scenario may skip with no persona set: it signs in, types a persona's credentials,
# changes accounts or needs the mock's control API.
EXPECTED_SKIPS = (
    "is not configured: set CIT_FAQ_",
    "needs the mock's control API",
    "pass --allow-destructive",
    "pass --allow-wrong-passwords",
)


def test_with_urls_alone_every_public_page_scenario_runs(tmp_path: Path) -> None:
    with separate_mock() as urls:  # no --test-mode: taken for a real portal
        run = run_suite(tmp_path, *url_options(urls), environ=clean_environment())
    output = run.output[-4000:]
    assert run.returncode == 0 and run.failed == [], output
    for page, scenario in PUBLIC.items():
        passed = [name for name in run.passed_names if name.startswith(scenario)]
        assert passed, f"no scenario of {page} ({scenario}) passed: {run.skipped}"
    assert run.passed >= 15, f"only {run.passed} ran with no persona set\n{output}"
    unexpected = {
        name: reason
        for name, reason in run.skipped.items()
        if not any(why in reason for why in EXPECTED_SKIPS)
    }
    assert unexpected == {}
