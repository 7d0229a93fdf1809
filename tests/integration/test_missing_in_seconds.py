"""A link, button or text named by a profile value that the target does not show fails within
seconds of its page loading, not after Playwright's 30 s action time-out, and the failure names
the profile value, its source and the command that calibrates it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from suite.target.profiles import profile_file
from tests.integration.runner import run_suite

pytestmark = pytest.mark.slow

# Values of the mock's profile, made wrong: a link (acted on) and a heading (checked).
WRONG = {
    ("names", "court_contact_link"): "Contact the Court",
    ("headings", "pacer_forgot_password"): "Password help",
}
CONTACT = "test_the_courts_contact_page_gives_a_number_to_call_and_an_address_to_write_to_who"
FORGOT = "test_pacer_login_sends_a_filer_with_a_forgotten_password_to_pacer"
# Playwright's action time-out is 30 s; the page's own few (5 s), with room for a loaded
# machine, are well under it.
WITHIN_SECONDS = 10


def test_a_missing_link_or_text_fails_in_seconds_naming_its_profile_value(tmp_path: Path) -> None:
    profile = tmp_path / "wrong.toml"
    profile.write_text(with_values(profile_file("mock").read_text(encoding="utf-8"), WRONG))
    run = run_suite(
        tmp_path,
        "--profile",
        str(profile),
        "-k",
        "number_to_call and Service or forgotten_password_to",
    )
    output = run.output
    assert run.tests == 2 and len(run.failed) == 2, output[-6000:]
    # The failing step's own time (results.json), not the scenario's (sign-in, browser start).
    records = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))["records"]
    failed_steps = [s for r in records for s in r["steps"] if s["status"] == "failed"]
    assert len(failed_steps) == 2, failed_steps
    for step in failed_steps:
        assert step["duration"] < WITHIN_SECONDS, f"{step['text']}: {step['duration']:.1f} s"
    calibrate = f"calibrate it: python -m suite calibrate --profile {profile}"
    assert ('the link or button "Contact the Court" is not on http://') in output, output[-6000:]
    assert (
        "[names] court_contact_link = 'Contact the Court' (source: guess, wrong.toml): the "
        f"profile's value the step looked for; if the target shows it otherwise, {calibrate}"
    ) in output, output[-6000:]
    assert (
        "[headings] pacer_forgot_password = 'Password help' (source: guess, wrong.toml): the "
        f"profile's value the step looked for; if the target shows it otherwise, {calibrate}"
    ) in output, output[-6000:]


def with_values(toml: str, values: dict[tuple[str, str], str]) -> str:
    """The profile's text with those [group] key values replaced (sources and refs kept)."""
    group, lines = "", []
    for line in toml.splitlines():
        if line.startswith("["):
            group = line.strip("[] ")
        key = line.split("=", 1)[0].strip().strip('"')
        if (group, key) in values:
            line = re.sub(r'value = "[^"]*"', f'value = "{values[group, key]}"', line, count=1)
        lines.append(line)
    return "\n".join(lines) + "\n"
