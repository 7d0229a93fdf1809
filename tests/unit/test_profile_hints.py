"""suite.run.profile_hints: a failure names the profile value it is about, with its source and the
command that calibrates it; a failure about something else gets no such line."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from suite.run.profile_hints import calibrate_command, hint_for
from suite.run.state import PLAN
from suite.target.profiles import Profile, Value, load_profile
from suite.target.sites import TargetPlan

COMMAND = "python -m suite calibrate --env staging"
# A failure as Playwright words it: what it waited for, then what the page showed instead.
FAILURE = """Locator expected to be visible
Actual value: None
Error: element(s) not found
Call log:
  - Expect "to_be_visible" get_by_role("heading", name="Password help", exact=True)
  - waiting for get_by_role("heading", name="Password help", exact=True)

Aria snapshot:
- main:
  - link "Forgot password?":
    - /url: /forgot-password
"""
LOOKUPS = [
    ("paths", "pacer_forgot_password", "/forgot-password"),
    ("headings", "pacer_forgot_password", "Password help"),
]


def test_the_value_the_failure_waited_for_is_named_with_its_source_and_the_command() -> None:
    profile = load_profile("mock")
    assert hint_for(FAILURE, LOOKUPS, profile, COMMAND) == (
        "[headings] pacer_forgot_password = 'Password help' (source: guess, mock.toml): the "
        "profile's value the step looked for; if the target shows it otherwise, calibrate it: "
        "python -m suite calibrate --env staging (or correct mock.toml by hand)"
    )


def test_any_source_kind_is_named_as_the_profile_gives_it() -> None:
    mock = load_profile("mock")
    values = dict(mock.values)
    values["headings", "pacer_forgot_password"] = Value("Password help", "target", "J. Doe")
    checked = Profile(mock.name, mock.path, mock.description, values)
    assert "(source: target, mock.toml)" in hint_for(FAILURE, LOOKUPS, checked, COMMAND)


@pytest.mark.parametrize(
    "failure",
    [
        'the link or button "Contact" is not on http://court.test/ (still not there 5 s …)',
        "Locator expected to contain text 'Linking cancelled.'\nActual value: Password help",
    ],
    ids=["another value", "the value only in what the page showed"],
)
def test_a_failure_about_something_else_gets_no_line(failure: str) -> None:
    assert hint_for(failure, LOOKUPS, load_profile("mock"), COMMAND) == ""


def fake_config(options: dict[str, str | None], plan: TargetPlan) -> Any:
    stash = pytest.Stash()
    stash[PLAN] = plan
    return SimpleNamespace(getoption=lambda name: options.get(name), stash=stash)


def test_the_command_is_this_runs_target_urls_from_the_command_line_included() -> None:
    plan = TargetPlan(
        "local",
        {"court": "http://court.test:81", "ecf": "http://ecf.test"},
        {"court": "--court-url", "ecf": "ECF_URL"},
    )
    config = fake_config({"cit_env": None, "cit_profile": "profiles/my portal.toml"}, plan)
    # ECF_URL is in calibrate's environment already; --court-url is not an option of it.
    assert calibrate_command(config) == (
        "COURT_URL=http://court.test:81 python -m suite calibrate --profile "
        "'profiles/my portal.toml'"
    )
    staging = fake_config(
        {"cit_env": "staging", "cit_profile": None}, TargetPlan("staging", {}, {})
    )
    assert calibrate_command(staging) == "python -m suite calibrate --env staging"
