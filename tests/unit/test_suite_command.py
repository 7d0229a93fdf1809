"""`python -m suite` for a developer pointing the suite at staging: target, personas, probe
and profile --check, offline. Every URL here is on a host that cannot resolve (.invalid,
RFC 6761) or a closed port of this machine: nothing leaves it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from suite import __main__ as suite_cli
from suite.retarget.persona_needs import persona_needs
from suite.run.personas import FIELDS, PERSONA_KINDS, SECRET_FIELDS, variable_name
from suite.target.profiles import PROFILES_DIR, load_profile, summary
from suite.target.sites import SITES, env_var_name, mock_profile_warning, plan_target

REPO = Path(__file__).resolve().parents[2]
REAL = {site: f"https://{site}.staging.invalid" for site in SITES}
WARNING = "WARNING: environment 'local' points at sites that are not this project's mock"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def environ(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No target, profile or persona from the calling shell."""
    for name in [n for n in os.environ if n.startswith("CIT_FAQ_")]:
        monkeypatch.delenv(name)
    for site in SITES:
        monkeypatch.delenv(env_var_name(site), raising=False)
    return monkeypatch


def point_at(monkeypatch: pytest.MonkeyPatch, urls: dict[str, str]) -> None:
    for site, url in urls.items():
        monkeypatch.setenv(env_var_name(site), url)


# -- suite target, and pytest's header ----------------------------------------------------


def test_a_real_target_with_the_mocks_profile_warns(
    environ: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    point_at(environ, REAL)
    assert suite_cli.main(["target"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2] == summary(load_profile("mock"))  # "profile 'mock': N values, …"
    assert out[-1].startswith(WARNING) and "python -m suite probe" in out[-1]


@pytest.mark.parametrize(
    ("urls", "profile", "is_mock"),
    [
        ({}, "mock", False),  # the embedded mock
        ({s: f"http://127.0.0.1:{5001 + n}" for n, s in enumerate(SITES)}, "mock", False),
        (REAL, "mock", True),  # a mock elsewhere: it answers /_mock
        (REAL, "alt", False),  # a profile of its own
    ],
)
def test_no_warning_where_the_mocks_profile_fits(
    urls: dict[str, str], profile: str, is_mock: bool
) -> None:
    plan = plan_target(urls, {}, None, {"local": {}})
    assert mock_profile_warning(plan, load_profile(profile), is_mock) is None


def test_collect_only_is_offline_and_its_header_warns(environ: pytest.MonkeyPatch) -> None:
    # pytest --collect-only against sites that cannot be reached: no "cannot reach", every
    # scenario collected, and the header says the profile is the mock's.
    point_at(environ, REAL)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/acceptance",
            "--collect-only",
            "-p",
            "no:cacheprovider",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert WARNING in done.stdout
    assert "cannot reach" not in done.stdout + done.stderr


# -- suite personas ----------------------------------------------------------------------


def test_personas_name_every_field_each_still_needs(
    environ: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    point_at(environ, REAL)
    environ.setenv(variable_name("filer", "username"), "qa-filer")
    environ.setenv(variable_name("filer", "password"), "not-shown")
    assert suite_cli.main(["personas"]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert "not-shown" not in out
    # The CM/ECF fields too, and not the wrong-account ones, which only @mock_only needs.
    assert lines["filer"].startswith(
        "  filer         NOT configured: set CIT_FAQ_FILER_ECF_LOGIN, CIT_FAQ_FILER_ECF_PASSWORD"
    )
    for key in ("linked_filer", "firm", "legacy"):
        needed = ", ".join(variable_name(key, f) for f in ("username", "password", "ecf_login"))
        assert needed in lines[key], lines[key]
    assert "WRONG_ECF" not in out
    # The inactive filer's CM/ECF account is needed only by a destructive scenario.
    assert "CIT_FAQ_INACTIVE_ECF_LOGIN" not in lines["inactive"]
    assert (
        "for --allow-destructive or --allow-wrong-passwords runs also set "
        "CIT_FAQ_INACTIVE_ECF_LOGIN, CIT_FAQ_INACTIVE_ECF_PASSWORD"
    ) in out
    # Court staff only put back what destructive scenarios linked.
    assert lines["clerk"].startswith("  clerk         needed only by --allow-destructive")
    assert (
        "also set CIT_FAQ_CLERK_USERNAME, CIT_FAQ_CLERK_PASSWORD, CIT_FAQ_CLERK_TOTP_SECRET"
    ) in out
    assert "username=qa-filer password=set name=- email=- ecf_login=- ecf_password=-" in out
    # Only who a persona is shows as it is; any other field, a new one too, only "set".
    assert not set(suite_cli.SHOWN_FIELDS) & set(SECRET_FIELDS)
    assert set(suite_cli.SHOWN_FIELDS) < set(FIELDS)


def test_a_field_a_step_asks_for_is_found_in_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A new step module asking for a field through a helper, as an MFA step would ask for
    # its secret: the linked filer then needs it, and nobody edited a list.
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["asks_for_a_field"]\n')
    (tmp_path / "asks_for_a_field.py").write_text(
        "from pytest_bdd import given, parsers\n"
        "from steps.personas import WHO, persona_for\n\n\n"
        "def _with_email(personas, who):\n"
        "    return persona_for(personas, who, 'email')\n\n\n"
        "LOOK_UP = {'email': _with_email}\n\n\n"
        "@given(parsers.re(rf'{WHO} reads the email'))\n"
        "def reads_the_email(personas, who):\n"
        "    return LOOK_UP['email'](personas, who)\n"
    )
    features = tmp_path / "features"
    features.mkdir()
    (features / "mail.feature").write_text(
        "Feature: Mail\n\n  Scenario: Reading mail\n"
        "    Given a filer whose accounts are already linked reads the email\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    needs = persona_needs(features, tmp_path)
    # The app's key too: today's PACER asks it for a passcode after the password.
    assert needs["linked_filer"].fields() == ["username", "password", "email", "totp_secret"]
    assert needs["filer"].fields() == []
    assert set(needs) == set(PERSONA_KINDS)


# -- suite probe ---------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["closed port", "no such host"])
def test_probe_says_cannot_reach_once(
    where: str, environ: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    port = closed_port()
    urls = {site: f"http://127.0.0.1:{port}" for site in SITES} if where == "closed port" else REAL
    point_at(environ, urls)
    assert suite_cli.main(["probe"]) == 2
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2, out  # which environment and profile, then the one line
    assert out[1].startswith("probe: cannot reach the court site at ")
    assert out[1].endswith(": nothing probed")
    assert all(f"the {site} site at {urls[site]}" in out[1] for site in SITES)


# -- suite profile --check -----------------------------------------------------------------


def test_profile_check_passes_offline(
    environ: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    point_at(environ, REAL)
    assert suite_cli.main(["profile", "--check", "--profile", "alt"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0]
        == f"profile check: OK: {PROFILES_DIR / 'alt.toml'} gives every value the suite needs"
    )


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("\nforgot_password = {", "\n# forgot_password = {"), "lacks what the suite needs: "),
        (("{ecf_login}", "{ecf_account}"), "uses {ecf_account}, which the steps do not give"),
        (("{username} are", "{username are"), "expected '}' before end of string"),
    ],
)
def test_profile_check_names_what_a_run_would_refuse(
    change: tuple[str, str],
    said: str,
    tmp_path: Path,
    environ: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = (PROFILES_DIR / "alt.toml").read_text(encoding="utf-8")
    assert change[0] in text
    text = text.replace(change[0], change[1], 1)
    broken = tmp_path / "broken.toml"
    broken.write_text(text, encoding="utf-8")
    assert suite_cli.main(["profile", "--check", "--profile", str(broken)]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error: {broken}") and said in error, error
