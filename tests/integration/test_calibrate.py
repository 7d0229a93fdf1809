"""Probe and calibrate (issue: a staging profile written by the suite, approved by a person).

`python -m suite probe` and `python -m suite calibrate` run as a person runs them, in child
processes; calibrate's own rounds are child pytest runs of the FAQ suite, and the draft it
writes is then "accepted" (renamed) and used by a child run, as docs/profiles.md says.

Calibrate runs here on a few scenarios chosen so that each claim still shows (a value of each
kind, the page only court staff reach, the notice in a portal's own words, a destructive
scenario left out): a whole run takes minutes, and its figures are in docs/profiles.md. The rules
that make calibrate write nothing are unit tests (tests/unit/test_ledger.py,
test_evidence.py, test_recording.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from mock_site.server import start_mock
from suite.target.profiles import load_profile
from tests.integration.runner import (
    REPO,
    clean_environment,
    run_suite,
    seeded_persona_variables,
    url_options,
)

pytestmark = pytest.mark.slow

NOT_DESTRUCTIVE = ("-m", "not destructive and not wrong_password")
SENTINEL = "Sentinel-pw-7f3a!&Q"
# A value of each kind: link names and paths (the probe's), a menu name and a heading (the
# linked filer's filing menu), a button and a message (cancelling), the court staff's page,
# the notice's meanings, contacts; and a destructive scenario, which calibrate leaves out.
FEW = (
    "a_linked_filer_files or cancelling_on_the_verification or only_court_staff "
    "or explains_the_nextgen or contact_page_gives or linking_the_cmecf_account_from_the"
)


def suite_command(
    *args: str, environ: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "suite", *args],
        cwd=REPO,
        env=environ or clean_environment(),
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )


def draft_values(path: Path) -> dict[tuple[str, str], object]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data.pop("profile")
    return {(g, k): e["value"] for g, entries in data.items() for k, e in entries.items()}


def test_probe_finds_every_value_on_the_mock_and_says_what_the_alt_dialect_has_instead() -> None:
    started = time.monotonic()
    own = suite_command("probe", "--env", "local")
    assert time.monotonic() - started < 60, "the probe should take seconds"
    assert own.returncode == 0, own.stdout + own.stderr
    assert "missing " not in own.stdout and "different " not in own.stdout, own.stdout

    other = suite_command("probe", "--env", "alt", "--profile", "mock")
    assert other.returncode == 1, other.stdout + other.stderr
    lines = other.stdout.splitlines()
    assert any(
        line.startswith("different") and "court_contact_link" in line and "'Contact Us'" in line
        for line in lines
    ), other.stdout
    assert any(
        line.startswith("different")
        and "[paths] court_faq " in line
        and "/e-filing/nextgen-faq" in line
        for line in lines
    ), other.stdout
    assert any(line.startswith("missing") and "pacer_forgot_password " in line for line in lines)
    # One line per value: each path and each name of the profile.
    mock = load_profile("mock")
    for group, key in mock.values:
        if group in ("paths", "names"):
            assert sum(f"[{group}] {key} =" in line for line in lines) == 1, (group, key)


def test_calibrate_writes_what_the_plain_dialect_shows_and_says_why_not_the_rest(
    tmp_path: Path,
) -> None:
    """From the default profile against the third variant of the mock's markup: its own
    paths and words, contacts in one section, a confirmation with no heading, the notice in
    its own words."""
    result = suite_command(
        "calibrate",
        "--env",
        "plain",
        "--profile",
        "mock",
        "-n",
        "2",
        "-k",
        FEW,
        "--out",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    # A line per scenario as it ends, then the round's sum; the default profile does not fit.
    first = [line for line in lines if line.startswith("calibrate: round 1 [")]
    assert len(first) == 6 and first[-1].startswith("calibrate: round 1 [6/6]"), lines
    # Today's sign-in stops first at PACER's passcode page, whose words the default profile
    # does not have: its heading is seen in round 1, the filing menu once sign-ins pass.
    assert any(" failed  " in line and "saw [headings] mfa_passcode = " in line for line in first)
    rounds = [line for line in lines if line.startswith("calibrate: round ")]
    assert any(
        " failed  " in line and "saw [names] filing_menu = 'File'" in line for line in rounds
    )
    summary = next(line for line in lines if line.startswith("calibrate: round 1:"))
    assert " 0 failed" not in summary, summary
    assert "calibrate: capability court_faq_page: yes, as the profile says" in result.stdout
    assert "calibrate: @destructive scenarios left out: --allow-destructive runs them" in lines
    assert any(line.startswith("calibrate: cost: probe ") for line in lines), lines

    draft = tmp_path / "plain.draft.toml"
    values = draft_values(draft)
    plain = load_profile("plain")
    for key in [
        ("names", "filing_menu"),
        ("headings", "filing_menu"),
        ("headings", "mfa_passcode"),  # the passcode page: heading, field's label, button
        ("names", "mfa_passcode_label"),
        ("names", "mfa_verify_button"),
        ("names", "link_cancel_button"),
        ("messages", "linking cancelled"),
        ("names", "court_contact_link"),
        # found as court staff find it (suite/retarget/staff_pages.py)
        ("paths", "ecf_clerk_unlink"),
        ("messages", "CM/ECF is now reached through PACER with a PACER login"),
        ("messages", "CM/ECF was upgraded to NextGen on March 16, 2020"),
    ]:
        assert values[key] == plain.get(*key).value, key
    diff = (tmp_path / "plain.draft.diff").read_text(encoding="utf-8")
    assert "that court staff have and a filer has not" in diff, diff[:3000]
    # What it did not observe says why, told apart.
    assert (
        "not calibrated [messages] accounts linked: only @destructive scenarios use it: "
        "linking_the_cmecf_account_from_the_utilities_menu (--allow-destructive runs them)"
    ) in result.stdout
    assert (
        "not calibrated [messages] email: password reset: no scenario asks for it (of those -k"
        in (result.stdout)
    )

    # Nothing is accepted without review: a run refuses the draft as it is.
    refused = run_suite(tmp_path / "refused", "--env", "plain", "--profile", str(draft))
    assert refused.returncode != 0 and "draft written by calibrate" in refused.output
    # Accepted as it is (renamed), the draft passes every scenario calibrate ran.
    accepted = tmp_path / "plain-accepted.toml"
    shutil.copy(draft, accepted)
    after = run_suite(
        tmp_path / "after",
        "--env",
        "plain",
        "--profile",
        str(accepted),
        "-k",
        FEW,
        *NOT_DESTRUCTIVE,
    )
    assert after.failed == [] and after.passed == 6, after.output[-4000:]


def test_on_a_target_it_cannot_reset_calibrate_changes_nothing_records_no_password(
    tmp_path: Path,
) -> None:
    """The mock without its control API stands in for a real portal, with its personas given
    as a real portal's are (the filer's password a sentinel), and the default profile, which
    fits it: calibrate finds nothing to change, writes no password anywhere, and runs no
    destructive scenario, since nothing would put the target back before each."""
    with start_mock(test_mode=False) as mock:
        mock.store.set_password("jdoe2020", SENTINEL)
        environ = clean_environment(**seeded_persona_variables(CIT_FAQ_FILER_PASSWORD=SENTINEL))
        for option in url_options(mock.urls):
            name, url = option.removeprefix("--").split("=", 1)
            environ[name.replace("-", "_").upper()] = url
        result = suite_command(
            *("calibrate", "--env", "staging", "--profile", "mock", "--allow-destructive"),
            *("-k", FEW, "--out", str(tmp_path)),
            environ=environ,
        )
        linked = mock.store.ecf_accounts["jdoe-ecf"].linked_to
    assert result.returncode == 0, result.stdout + result.stderr
    assert "calibrate: 0 values filled" in result.stdout, result.stdout
    assert draft_values(tmp_path / "staging.draft.toml") == {
        key: value.value for key, value in load_profile("mock").values.items()
    }
    assert (
        "calibrate: destructive scenarios: not run: nothing puts this target back in a known "
        "state before each"
    ) in result.stdout
    rounds = [line for line in result.stdout.splitlines() if line.startswith("calibrate: round")]
    assert rounds and not any("linking_the_cmecf_account_from" in line for line in rounds)
    assert linked is None, "calibrate linked the filer on a target it cannot reset"
    assert SENTINEL not in result.stdout + result.stderr
    for written in tmp_path.iterdir():
        assert SENTINEL not in written.read_text(encoding="utf-8"), written
