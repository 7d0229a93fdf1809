"""Run the acceptance suite in a child pytest, against a target, and read what it left.

The child writes its artefacts and reports under a temporary folder, never the parent run's
reports/, and inherits no target or persona settings from the parent's environment.

Before writing a test that starts a child run, read docs/developers.md "Integration tests
that stay cheap": read a shared run (tests/integration/shared_runs.py) where one shows the
behaviour, add a mutant of the mock to a shared run of mutants (tests/integration/mutants.py) rather
than running it alone (check_caught below runs one mutant alone: keep it for a mutant that
cannot share a run), and select the fewest scenarios that show the behaviour.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mock_site.personas import PERSONAS
from mock_site.server import RunningMock, start_mock
from suite.run.personas import variable_name
from suite.target.sites import SITES, env_var_name, option_name

REPO = Path(__file__).resolve().parents[2]
CHILD_TIMEOUT = 900
# The FAQ suite in a child pytest; no cache, so a child run never changes the parent's.
SUITE_COMMAND = (sys.executable, "-m", "pytest", "tests/acceptance", "-p", "no:cacheprovider")


@dataclass
class SuiteRun:
    returncode: int
    output: str
    tests: int = 0
    failed: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # test name -> reason
    names: list[str] = field(default_factory=list)  # every test's, in the order run

    @property
    def passed(self) -> int:
        return self.tests - len(self.failed) - len(self.skipped)

    @property
    def passed_names(self) -> list[str]:
        return [n for n in self.names if n not in self.failed and n not in self.skipped]


def clean_environment(**extra: str) -> dict[str, str]:
    """The parent's environment without anything that would choose a target or personas."""
    target_variables = {env_var_name(site) for site in SITES} | {"BROWSER_WS_ENDPOINT"}
    environ = {
        name: value
        for name, value in os.environ.items()
        if name not in target_variables
        and not name.startswith("PYTEST_")
        # the browser choice is handed down on purpose: the child need not look again
        and (not name.startswith("CIT_FAQ_") or name == "CIT_FAQ_BROWSER_CHOICE")
    }
    environ.update(extra)
    return environ


def url_options(urls: dict[str, str]) -> list[str]:
    return [f"{option_name(site)}={urls[site]}" for site in SITES]


def seeded_persona_variables(**override: str) -> dict[str, str]:
    """The mock's seeded personas as CIT_FAQ_* variables: how a real portal's are given."""
    values: dict[str, str] = {}
    for seed in PERSONAS:
        fields = {
            "username": seed.username,
            "password": seed.password,
            "name": seed.name,
            "email": seed.email,
        }
        if seed.ecf:
            fields |= {"ecf_login": seed.ecf.login, "ecf_password": seed.ecf.password}
        if seed.wrong_ecf:
            fields |= {
                "wrong_ecf_login": seed.wrong_ecf.login,
                "wrong_ecf_password": seed.wrong_ecf.password,
            }
        # Multifactor authentication, as a QA engineer gives it: the app's key, the codes.
        if seed.totp_secret:
            fields["totp_secret"] = seed.totp_secret
        if seed.backup_codes:
            fields["backup_codes"] = ", ".join(seed.backup_codes)
        for name, value in fields.items():
            values[variable_name(seed.key, name)] = value
    values.update(override)
    return values


def run_suite(workdir: Path, *args: str, environ: dict[str, str] | None = None) -> SuiteRun:
    junit = workdir / "junit.xml"
    command = [
        *SUITE_COMMAND,
        f"--output={workdir / 'artifacts'}",
        f"--junitxml={junit}",
        "-q",
        "-rs",
        *args,
    ]
    # A real portal's passcode ledger lives on the machine (suite/run/one_time_codes.py): each
    # child run keeps its own, beside its artefacts, unless the test gives one.
    environ = {"CIT_FAQ_STATE_DIR": str(workdir / "state"), **(environ or clean_environment())}
    child = subprocess.run(
        command,
        cwd=REPO,
        env=environ,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        check=False,
    )
    run = SuiteRun(child.returncode, child.stdout + child.stderr)
    if junit.exists():
        for case in ElementTree.parse(junit).iter("testcase"):
            run.tests += 1
            name = case.get("name", "")
            run.names.append(name)
            if case.find("failure") is not None or case.find("error") is not None:
                run.failed.append(name)
            skipped = case.find("skipped")
            if skipped is not None:
                run.skipped[name] = skipped.get("message", "")
    return run


@contextmanager
def separate_mock(*extra: str) -> Iterator[dict[str, str]]:
    """`python -m mock_site` in its own process, on free (non-default) ports."""
    ports = [arg for site in SITES for arg in (f"--{site}-port", "0")]
    process = subprocess.Popen(
        [sys.executable, "-m", "mock_site", *ports, *extra],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        urls: dict[str, str] = {}
        assert process.stdout is not None
        while len(urls) < len(SITES):
            line = process.stdout.readline()
            if not line:
                raise RuntimeError(
                    f"the mock exited early: {process.stderr.read() if process.stderr else ''}"
                )
            name, url = line.split()
            urls[name] = url
        yield urls
    finally:
        process.terminate()
        process.wait(timeout=10)


@dataclass(frozen=True)
class Mutation:
    """A deliberate breakage of the mock, and the scenarios it must (and must not) fail."""

    name: str
    apply: Callable[[pytest.MonkeyPatch, RunningMock], None]
    must_fail: tuple[str, ...]
    must_pass: tuple[str, ...]
    # What each failure of a must_fail scenario must say (in tests/integration/mutants.py).
    says: str = ""
    # Read once per run (e.g. the personas, at the session's start): a child run of its own.
    whole_run: bool = False
    # The mock's dialect it breaks, checked with the profile of the same name.
    dialect: str = "default"


def check_caught(mutation: Mutation, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the mutation's scenarios against a mock broken by it: the ones about it fail,
    none skips, and an unrelated one passes (so red means "this broke", not "all broke")."""
    dialect = mutation.dialect
    profile = ["--profile", dialect] if dialect != "default" else []
    with start_mock(test_mode=True, dialect=dialect) as mock:
        mutation.apply(monkeypatch, mock)
        selection = " or ".join(mutation.must_fail + mutation.must_pass)
        run = run_suite(workdir, *url_options(mock.urls), *profile, "-k", selection)
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
