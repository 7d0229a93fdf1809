"""The suite against targets other than the embedded mock (issue: staging by base URLs).

Each test runs the acceptance suite in a child pytest, so these are slow; they show that a
separately started mock is a full target, that a target without the control API is treated
like a real portal, that no password reaches an artefact, and that a bad target is refused in
one line before any browser starts.
"""

from __future__ import annotations

import re
import socket
import time
import urllib.parse
import zipfile
from pathlib import Path

import pyotp
import pytest

from mock_site.server import start_mock
from suite.run.browser import HEADED_NEEDS_FULL_BROWSER_MESSAGE
from suite.run.secrets import MASK
from tests.integration.runner import (
    clean_environment,
    run_suite,
    seeded_persona_variables,
    separate_mock,
    url_options,
)
from tests.integration.shared_runs import SharedSuiteRun

pytestmark = pytest.mark.slow


@pytest.mark.nested_run("suite, serial, separate mock")
def test_every_scenario_passes_against_a_separately_started_mock(
    nested_run: SharedSuiteRun,
) -> None:
    # Serial: one mock, one state (the suite refuses -n against a shared mock).
    urls, run = nested_run.urls, nested_run.run
    assert all(not url.endswith((":5001", ":5002", ":5003", ":5004")) for url in urls.values())
    assert run.returncode == 0, run.output[-3000:]
    assert run.tests >= 60
    assert run.failed == [] and run.skipped == {}, run.output[-3000:]


def test_without_the_control_api_mock_only_and_destructive_skip_and_the_rest_pass(
    tmp_path: Path,
) -> None:
    # No --test-mode: the mock stands in for a real portal; personas come from variables,
    # and the shared/firm persona is left unconfigured on purpose.
    personas = {
        name: value
        for name, value in seeded_persona_variables().items()
        if not name.startswith("CIT_FAQ_FIRM_")
    }
    with separate_mock() as urls:
        run = run_suite(
            tmp_path, *url_options(urls), "-n", "2", environ=clean_environment(**personas)
        )
    assert run.returncode == 0, run.output[-3000:]
    assert run.failed == []
    assert run.passed >= 25, f"only {run.passed} passed"
    reasons = set(run.skipped.values())
    assert any("needs the mock's control API (/_mock)" in r for r in reasons), reasons
    assert any("pass --allow-destructive to run it" in r for r in reasons), reasons
    assert any("pass --allow-wrong-passwords to run it" in r for r in reasons), reasons
    # The summary points each skip at its scenario, not at pytest-bdd's scenario.py.
    summary = [line for line in run.output.splitlines() if line.startswith("SKIPPED")]
    assert summary and all(
        re.match(r"SKIPPED \[\d+\] features/\w+\.feature:\d+: ", s) for s in summary
    )
    assert any(
        "persona 'firm' is not configured: set CIT_FAQ_FIRM_USERNAME, CIT_FAQ_FIRM_PASSWORD" in r
        for r in reasons
    ), reasons
    unexpected = [
        r
        for r in reasons
        if not re.search(
            r"/_mock|--allow-destructive|--allow-wrong-passwords|persona 'firm' is not configured",
            r,
        )
    ]
    assert unexpected == []


@pytest.mark.parametrize(
    ("swap", "message"),
    [
        # The line names where the wrong URL came from: here url_options' --<site>-url.
        (
            {"ecf": "court"},
            "does not look like NextGen CM/ECF: /cgi-bin/login.pl answered 404 instead of "
            "sending the browser to PACER login; check --ecf-url",
        ),
        (
            {"pacer-login": "pacer"},
            "sends visitors to the PACER login at http://127.0.0.1:.*"
            " in place of --pacer-login-url",
        ),
    ],
    ids=["ECF_URL is another site", "PACER_LOGIN_URL is not the one CM/ECF uses"],
)
def test_a_real_portal_that_does_not_sign_on_as_nextgen_does_is_one_line(
    tmp_path: Path, swap: dict[str, str], message: str
) -> None:
    """A staging audit's wrong target failed every scenario by timeouts, in 17 minutes."""
    with separate_mock() as urls:  # no --test-mode: taken for a real portal
        given = {**urls, **{site: urls[other] for site, other in swap.items()}}
        started = time.monotonic()
        run = run_suite(tmp_path, *url_options(given))
    assert run.returncode == 4, run.output[-3000:]
    error_lines = [line for line in run.output.splitlines() if line.startswith("ERROR: ")]
    assert len(error_lines) == 1 and re.search(message, error_lines[0]), run.output[-3000:]
    assert time.monotonic() - started < 30


SENTINEL = "Sentinel-pw-7f3a!&Q"


def _every_form(secret: str) -> list[bytes]:
    return [
        form.encode()
        for form in (secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret))
    ]


# PACER's multifactor authentication: an app's key (given as its otpauth:// URI) and backup
# codes, as recognisable as the password. The passcodes typed are computed from the key.
SENTINEL_KEY = "SENTINELKEYSENTINELKEY7777777777"
SENTINEL_URI = f"otpauth://totp/PACER:jdoe2020?secret={SENTINEL_KEY}&issuer=PACER"
SENTINEL_BACKUP_CODES = tuple(f"sentinel{n:02d}" for n in range(10))


def _passcodes_typed(started: float, ended: float) -> set[str]:
    totp = pyotp.TOTP(SENTINEL_KEY)
    return {totp.at(moment) for moment in range(int(started) - 30, int(ended) + 60, 30)}


def test_sentinel_secrets_appear_in_no_artefact(tmp_path: Path) -> None:
    """A password, an app's key, backup codes and the passcodes typed: none in any artefact
    (traces with DOM snapshots and a screencast, screenshots, every report, Allure), nor in
    what the run prints."""
    started = time.time()
    with start_mock(test_mode=False) as mock:  # today: every filer passes MFA
        mock.store.set_password("jdoe2020", SENTINEL)
        with mock.store.lock:
            state = mock.store.mfa.state("jdoe2020")
            state.apps[:] = [SENTINEL_KEY]
            state.backup_codes[:] = list(SENTINEL_BACKUP_CODES)
        personas = seeded_persona_variables(
            CIT_FAQ_FILER_PASSWORD=SENTINEL,
            CIT_FAQ_FILER_TOTP_SECRET=SENTINEL_URI,
            CIT_FAQ_FILER_BACKUP_CODES=" ".join(SENTINEL_BACKUP_CODES),
        )
        run = run_suite(
            tmp_path,
            *url_options(mock.urls),
            "--tracing=on",
            # the most a trace can hold: DOM snapshots (typed values) and a screencast
            "--trace-detail=full",
            "--screenshot=on",
            # Allure results too: failure texts, step arguments and copies of the artefacts
            f"--alluredir={tmp_path / 'allure-results'}",
            "-k",
            "upgraded_pacer_account_and_acknowledging or the_pacer_login_information "
            "or a_backup_code_works_once",
            # the backup code's scenario spends a code and types it again
            "--allow-destructive",
            "--allow-wrong-passwords",
            environ=clean_environment(**personas),
        )
    assert run.returncode == 0, run.output[-3000:]
    assert run.passed >= 2
    assert "sign-ins through PACER login: " in run.output, "the passcode page was not reached"
    passcodes = _passcodes_typed(started, time.time())
    # Where a passcode would stand in an artefact: quoted, in a form post, in a call log.
    typed = [f'"{code}"'.encode() for code in passcodes] + [
        f"={code}".encode() for code in passcodes
    ]
    secrets = [*_every_form(SENTINEL), *_every_form(SENTINEL_URI), SENTINEL_KEY.encode()]
    secrets += [code.encode() for code in SENTINEL_BACKUP_CODES]
    traces = list(tmp_path.rglob("trace.zip"))
    assert traces, "tracing was on: every scenario should have left a trace"
    allure_traces = list((tmp_path / "allure-results").glob("*-attachment.zip"))
    assert len(allure_traces) == len(traces), "each kept trace is attached to its Allure result"
    masked = False
    for path in tmp_path.rglob("*"):
        if not path.is_file():
            continue
        blobs = [path.read_bytes()]
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                blobs = [archive.read(name) for name in archive.namelist()]
        for blob in blobs:
            for form in secrets:
                assert form not in blob, f"{path} holds {form[:12]!r}…"
            for form in typed:
                assert form not in blob, f"{path} holds a passcode typed, {form!r}"
            masked = masked or MASK.encode() in blob
    for form in [*secrets, *typed]:
        assert form.decode() not in run.output
    assert masked, "the traces should show where the password was typed, masked"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--env", "nope"],
            "unknown environment 'nope' for --env; known: alt, local, mock, plain, staging",
        ),
        (["--ecf-url", "ecf.example.test"], "--ecf-url: 'ecf.example.test' is not an http(s) URL"),
        (
            ["--court-url", "http://127.0.0.1:{port}"],
            "cannot reach the court site at http://127.0.0.1:{port}",
        ),
        (
            ["--pacer-url", "http://127.0.0.1:{port}"],
            "pacer given without pacer-login, ecf: PACER login, the PACER website and CM/ECF",
        ),
        (["--browser", "firefox"], "--browser firefox: this suite drives Chromium only"),
        (["--browser-channel", "chrome"], "--browser-channel is not used here"),
        (["--base-url", "http://court.test"], "--base-url is not used here"),
        (["--reports-dir", "/proc/no-such-dir"], "--reports-dir /proc/no-such-dir: cannot create"),
    ],
    ids=[
        "unknown env",
        "malformed URL",
        "unreachable site",
        "sign-on sites mixed",
        "another browser",
        "browser channel",
        "base URL",
        "reports dir that cannot be made",
    ],
)
def test_a_bad_target_is_one_line_before_any_browser(
    tmp_path: Path, args: list[str], message: str
) -> None:
    port = _closed_port()
    args = [a.format(port=port) for a in args]
    started = time.monotonic()
    run = run_suite(tmp_path, *args)
    assert run.returncode == 4, run.output
    error_lines = [line for line in run.output.splitlines() if line.startswith("ERROR: ")]
    assert len(error_lines) == 1, run.output
    assert message.format(port=port) in error_lines[0]
    assert "Traceback" not in run.output
    assert not (tmp_path / "artifacts").exists()
    assert time.monotonic() - started < 30


@pytest.mark.parametrize(
    ("variable", "message"),
    [
        ("CIT_FAQ_SIGN_IN", "CIT_FAQ_SIGN_IN='sometimes': expected one of reuse, ui"),
        (
            "CIT_FAQ_TRACE_DETAIL",
            "CIT_FAQ_TRACE_DETAIL='sometimes': expected one of actions, snapshots, full",
        ),
    ],
)
def test_a_bad_setting_in_the_environment_is_one_line(
    tmp_path: Path, variable: str, message: str
) -> None:
    run = run_suite(tmp_path, "-k", "contact", environ=clean_environment(**{variable: "sometimes"}))
    assert run.returncode == 4, run.output
    error_lines = [line for line in run.output.splitlines() if line.startswith("ERROR: ")]
    assert error_lines == [f"ERROR: {message}"], run.output


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("CIT_FAQ_FILER_PASWORD=x", "CIT_FAQ_FILER_PASWORD is not a persona variable"),
        ("CIT_FAQ_FILER_PASSWORD=x   # vault", "a comment after a value would be read"),
    ],
    ids=["misspelt variable", "comment after a value"],
)
def test_a_bad_personas_file_for_a_real_portal_is_one_line(
    tmp_path: Path, line: str, message: str
) -> None:
    personas_file = tmp_path / "personas.env"
    personas_file.write_text(line + "\n")
    environ = clean_environment(CIT_FAQ_PERSONAS_FILE=str(personas_file))
    with separate_mock() as urls:  # no --test-mode: taken for a real portal
        run = run_suite(tmp_path, *url_options(urls), "-k", "contact", environ=environ)
    assert run.returncode == 4, run.output[-3000:]
    error_lines = [line for line in run.output.splitlines() if line.startswith("ERROR: ")]
    assert len(error_lines) == 1 and re.search(message, error_lines[0]), run.output[-3000:]
    assert "Traceback" not in run.output


def test_parallel_runs_against_one_shared_mock_are_refused(tmp_path: Path) -> None:
    with separate_mock("--test-mode") as urls:
        run = run_suite(tmp_path, *url_options(urls), "-n", "2")
    assert run.returncode == 4, run.output
    assert "a separately started mock has one shared state: run it without -n" in run.output


def environment_with_only(folder: Path) -> dict[str, str]:
    """No browser choice handed down, only `folder` on PATH, and an empty Playwright browser
    folder: the child must look for a browser, and finds only what `folder` holds."""
    environ = {
        name: value
        for name, value in clean_environment().items()
        if name not in ("CIT_FAQ_BROWSER_CHOICE", "CHROMIUM_PATH")
    }
    return environ | {"PATH": str(folder), "PLAYWRIGHT_BROWSERS_PATH": str(folder)}


def test_no_browser_at_all_is_one_line_naming_both_remedies(tmp_path: Path) -> None:
    nowhere = tmp_path / "empty"
    nowhere.mkdir()
    run = run_suite(tmp_path, "-k", "contact", environ=environment_with_only(nowhere))
    assert run.returncode == 4, run.output
    error_lines = [line for line in run.output.splitlines() if line.startswith("ERROR: ")]
    assert error_lines == [
        "ERROR: no Chromium found: run `.venv/bin/playwright install chromium` (downloads "
        "Playwright's browser), or install your distribution's (`sudo apt-get install "
        "chromium`) or set CHROMIUM_PATH to a Chromium executable"
    ], run.output
    assert run.tests == 0


def test_headed_with_only_the_headless_shell_is_one_line(tmp_path: Path) -> None:
    only_shell = tmp_path / "bin"
    only_shell.mkdir()
    shell = only_shell / "chromium-headless-shell"
    shell.write_text("#!/bin/sh\nexit 1\n")  # never started: the choice is refused first
    shell.chmod(0o755)
    run = run_suite(
        tmp_path, "-k", "contact", "--headed", environ=environment_with_only(only_shell)
    )
    assert run.returncode == 4, run.output
    error_lines = [line for line in run.output.splitlines() if line.startswith("ERROR: ")]
    assert error_lines == [f"ERROR: {HEADED_NEEDS_FULL_BROWSER_MESSAGE}"], run.output
    assert run.tests == 0


def _without_mfa(personas: dict[str, str], persona: str) -> dict[str, str]:
    gone = (f"CIT_FAQ_{persona}_TOTP_SECRET", f"CIT_FAQ_{persona}_BACKUP_CODES")
    return {name: value for name, value in personas.items() if name not in gone}


def test_a_persona_without_a_second_factor_fails_at_once_naming_the_variable(
    tmp_path: Path,
) -> None:
    """Today's PACER asks every filer for a passcode: a persona given a password only fails
    at the passcode page, in one line, not after a time-out further on."""
    personas = _without_mfa(seeded_persona_variables(), "FILER")
    with separate_mock() as urls:  # no --test-mode: taken for a real portal
        run = run_suite(
            tmp_path,
            *url_options(urls),
            "-k",
            "upgraded_pacer_account_and_acknowledging",
            environ=clean_environment(**personas),
        )
    assert run.returncode == 1 and len(run.failed) == 1, run.output[-3000:]
    line = (
        "PACER login asks persona 'filer' for a one-time passcode, and it has no "
        "authentication-app key nor backup codes: set CIT_FAQ_FILER_TOTP_SECRET (or "
        "CIT_FAQ_FILER_BACKUP_CODES); docs/mfa.md 'Signing in with MFA'"
    )
    assert line in run.output, run.output[-3000:]
    assert "Timeout" not in run.output and "Traceback" not in run.output


def test_a_persona_with_too_few_backup_codes_left_is_refused_before_the_run(
    tmp_path: Path,
) -> None:
    personas = _without_mfa(seeded_persona_variables(), "CLERK")
    personas["CIT_FAQ_CLERK_BACKUP_CODES"] = "abcd-efgh-jk, mnpq-rstu-vw"
    with separate_mock() as urls:
        run = run_suite(
            tmp_path, *url_options(urls), "-k", "contact", environ=clean_environment(**personas)
        )
    assert run.returncode == 4, run.output[-3000:]
    error_lines = [line for line in run.output.splitlines() if line.startswith("ERROR: ")]
    assert error_lines == [
        "ERROR: persona 'clerk' has 2 unused backup code(s) of the 2 in "
        "CIT_FAQ_CLERK_BACKUP_CODES, and the suite keeps the last 2 for a person to sign in and "
        "get new ones ('Get New Codes'): give new codes, or the authentication app's key in "
        "CIT_FAQ_CLERK_TOTP_SECRET (docs/mfa.md 'Signing in with MFA')"
    ], run.output[-3000:]
    assert "abcd-efgh-jk" not in run.output
