"""New scenarios built from the step catalogue's phrases, in combinations no feature file uses.

compose.feature: combinations that must pass, one pytest test each (bound here, so they run
with `make test`, not with `make acceptance`, and stay out of the FAQ's reports-check).

preconditions.feature: steps put where their precondition does not hold. Bound only in a
child pytest (precondition_scenarios.py), which must fail each scenario at once, with the
words of the precondition the step's catalogue entry gives, not with a locator time-out.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_bdd import scenarios

from steps.preconditions import (
    IN_CMECF_SIGNED_IN,
    ON_COURT_WEBSITE,
    ON_PACER_LOGIN,
    ON_VERIFICATION_PAGE,
    SIGNED_IN_TO_PACER_WEBSITE,
    SIGNED_OUT_OF_CMECF,
)
from tests.integration.runner import CHILD_TIMEOUT, REPO, clean_environment

HERE = Path(__file__).resolve().parent

pytestmark = pytest.mark.usefixtures("fresh_mock_state")

scenarios("compose.feature", features_base_dir=str(HERE))

# Each scenario of preconditions.feature, and the precondition its failure must name.
EXPECTED_PRECONDITIONS = {
    "the_courts_cmecf_never_asks_in_a_scenario_that_never_went_there": (
        "the scenario to have gone to the court's CM/ECF"
    ),
    "cmecf_does_not_offer_the_linking_form_before_anyone_opened_it": (
        "CM/ECF's linking page opened in this scenario"
    ),
    "the_courts_cmecf_tab_on_the_pacer_website": ON_COURT_WEBSITE.needs,
    "confirming_a_link_nobody_asked_for": ON_VERIFICATION_PAGE.needs,
    "logging_out_of_cmecf_from_the_courts_website": IN_CMECF_SIGNED_IN.needs,
    "the_forgottenpassword_link_while_signed_in_to_cmecf": ON_PACER_LOGIN.needs,
    "manage_my_account_without_signing_in_to_pacer": SIGNED_IN_TO_PACER_WEBSITE.needs,
    "on_the_way_to_pacer_login_while_signed_in_to_cmecf": SIGNED_OUT_OF_CMECF.needs,
    "the_help_desk_unlinks_an_account_nobody_linked": (
        "a filer who has linked the wrong CM/ECF account"
    ),
}
# Scenarios whose last step states something about the whole scenario that is false, and
# the words its failure must say (27.3: "never" means never in this scenario).
EXPECTED_FAILURES = {
    "before_march_16_2020_the_courts_cmecf_asked_for_its_password_then_let_the_filer_in": (
        "the court's CM/ECF asked for a password on"
    ),
    "the_linking_form_was_offered_then_the_login_typed_in_it_refused": (
        "CM/ECF offered the linking form (a password field) on"
    ),
}
# A locator's action time-out is 30 s; a precondition check waits expect's 5 s at most (and
# may load one page): the failing step's own time, on a busy machine too.
AT_ONCE_SECONDS = 20


@pytest.mark.slow
def test_a_step_out_of_place_fails_at_once_naming_its_precondition(tmp_path: Path) -> None:
    child = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(HERE / "precondition_scenarios.py"),
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            f"--reports-dir={tmp_path}",
            "-q",
        ],
        cwd=REPO,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
    )
    results = tmp_path / "results.json"
    assert results.exists(), child.stdout + child.stderr
    failed_steps = {}
    for record in json.loads(results.read_text(encoding="utf-8"))["records"]:
        name = record["nodeid"].rsplit("::test_", 1)[-1]
        failed = [step for step in record["steps"] if step["status"] == "failed"]
        failed_steps[name] = failed[0] if failed else None
    assert set(failed_steps) == set(EXPECTED_PRECONDITIONS) | set(EXPECTED_FAILURES), child.stdout[
        -3000:
    ]
    for name, said in EXPECTED_FAILURES.items():
        step = failed_steps[name]
        assert step is not None, f"{name} passed: its last step looked only at the page in front"
        assert said in (step["error"] or ""), f"{name}: {step['error']}"
    for name, needs in EXPECTED_PRECONDITIONS.items():
        step = failed_steps[name]
        assert step is not None, f"{name} passed: its step did not check its precondition"
        message = step["error"] or ""
        assert f"this step needs {needs}" in message, (
            f"{name} failed without naming its precondition: {message}"
        )
        assert "Timeout 30000ms" not in message
        assert step["duration"] < AT_ONCE_SECONDS, f"{name}: {step['duration']:.0f} s to fail"
