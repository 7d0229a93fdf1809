"""The pytest plugin behind the acceptance suite: which target, and what a run may do there.

Registered from the root conftest.py. Everything that can be wrong with a run (an unknown
--env, a bad URL, a site that does not answer, no browser) is found in pytest_configure and
reported as one line, before any browser starts. What it finds is kept for the other plugins
in config.stash (suite/run/state.py); the fixtures built from it are suite/run/fixtures.py's,
the browser suite/run/browser_launch.py's. Reports and audits are fed by pytest's hooks and
by suite/run/step_notes.py's: this plugin imports neither.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
from collections.abc import Generator
from pathlib import Path

import pluggy
import pytest

from pages.ecf import CmecfLoginPage
from suite.run import secrets
from suite.run.browser_launch import choose_for_run
from suite.run.one_time_codes import OneTimeCodes, RealTime, ledger_of
from suite.run.personas import PersonaError, personas_from_environment
from suite.run.playwright_options import refuse_unused_playwright_options
from suite.run.state import BROWSER, EXTERNAL_IS_MOCK, PLAN, PROFILE, check_choice, is_mock
from suite.target.profiles import NOT_APPLICABLE, ProfileError, load_profile, summary
from suite.target.sites import (
    SITES,
    TargetError,
    check_reachable,
    check_sign_on,
    env_var_name,
    mock_profile_warning,
    option_name,
    plan_target,
    probe_mock,
)

# A scenario tagged @needs_<capability> needs that optional page of the target.
NEEDS_PREFIX = "needs_"
SIGN_IN_CHOICES = ("reuse", "ui")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cit-faq", "CIT FAQ suite: which portal to test")
    group.addoption(
        "--env",
        dest="cit_env",
        metavar="NAME",
        help="named environment from environments.toml (default: local, the embedded mock)",
    )
    for site in SITES:
        group.addoption(
            option_name(site),
            dest=f"cit_url_{site}",
            metavar="URL",
            help=f"base URL of the {site} site (or set {env_var_name(site)})",
        )
    group.addoption(
        "--profile",
        dest="cit_profile",
        metavar="NAME",
        help="target profile, profiles/NAME.toml or a path to a .toml file (default: the "
        "environment's own, else mock; or set CIT_FAQ_PROFILE)",
    )
    group.addoption(
        "--allow-destructive",
        action="store_true",
        help="run @destructive scenarios (linking, unlinking) against a real portal",
    )
    group.addoption(
        "--allow-wrong-passwords",
        action="store_true",
        help="run @wrong_password scenarios against a real portal: they type a wrong password "
        "for a persona's own account, which a real portal may lock after a few",
    )
    group.addoption(
        "--sign-in",
        choices=SIGN_IN_CHOICES,
        default=os.environ.get("CIT_FAQ_SIGN_IN", "reuse"),
        help="reuse: sign in through the UI once per persona per worker and reuse the "
        "browser state where a scenario is not about signing in (default); ui: every time "
        "(or set CIT_FAQ_SIGN_IN)",
    )
    group.addoption(
        "--mock-today",
        dest="cit_mock_today",
        type=_iso_date,
        # A date from the environment is read (and refused) as one given on the command line.
        default=os.environ.get("CIT_FAQ_MOCK_TODAY"),
        metavar="YYYY-MM-DD",
        help="the embedded mock's date (default: today's), as python -m mock_site --today: "
        "before 2025-05-11 PACER login asks for no MFA passcode (or set CIT_FAQ_MOCK_TODAY)",
    )


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def pytest_configure(config: pytest.Config) -> None:
    check_choice(config, "sign_in", "CIT_FAQ_SIGN_IN", SIGN_IN_CHOICES)
    refuse_unused_playwright_options(config)
    offline = bool(config.option.collectonly)
    options = {site: config.getoption(f"cit_url_{site}") for site in SITES}
    try:
        plan = plan_target(
            options,
            os.environ,
            config.getoption("cit_env"),
            profile=config.getoption("cit_profile"),
        )
        config.stash[PROFILE] = load_profile(plan.profile)
        # --collect-only runs nothing: it checks the options and the profile offline.
        for site, url in {} if offline else plan.urls.items():
            check_reachable(site, url)
    except (TargetError, ProfileError) as error:
        raise pytest.UsageError(str(error)) from None
    config.stash[PLAN] = plan
    given_ecf = "ecf" in plan.urls and not offline
    config.stash[EXTERNAL_IS_MOCK] = given_ecf and probe_mock(plan.urls["ecf"])
    if given_ecf and not config.stash[EXTERNAL_IS_MOCK]:
        # Real portals only: a mock's clock may be before the cut-over, when login.pl is
        # the legacy login form and sends no one to PACER login.
        try:
            check_sign_on(plan.urls, CmecfLoginPage.path, plan.sources)
            # A bad CIT_FAQ_PERSONAS_FILE: one line now, not a traceback in every scenario.
            personas = personas_from_environment()
            # Backup codes are spent for good: refuse now rather than lock a persona out.
            codes = OneTimeCodes(ledger_of(plan.urls["pacer-login"]), RealTime())
            for problem in codes.check_backup_codes(personas):
                raise pytest.UsageError(problem)
        except (TargetError, PersonaError) as error:
            raise pytest.UsageError(str(error)) from None
        except (ValueError, OSError) as error:
            raise pytest.UsageError(f"CIT_FAQ_PERSONAS_FILE: {error}") from None
    if config.stash[EXTERNAL_IS_MOCK] and getattr(config.option, "numprocesses", None):
        # Each scenario resets the mock; workers sharing one mock would reset each other.
        raise pytest.UsageError(
            "a separately started mock has one shared state: run it without -n, or leave the "
            "site URLs unset so that each worker starts its own embedded mock"
        )
    choose_for_run(config)
    # The embedded mock's request log would drown the test output; failures say enough.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)


def pytest_report_header(config: pytest.Config) -> list[str]:
    plan = config.stash[PLAN]
    lines = [f"target: environment {plan.environment!r}"]
    for site in SITES:
        lines.append(f"  {site}: {plan.urls.get(site, 'embedded mock')}")
    if plan.dialect:
        lines.append(f"  embedded mock dialect: {plan.dialect}")
    if config.getoption("cit_mock_today") and plan.needs_embedded_mock:
        lines.append(f"  embedded mock date: {config.getoption('cit_mock_today')}")
    lines.append(summary(config.stash[PROFILE]))
    warning = mock_profile_warning(plan, config.stash[PROFILE], config.stash[EXTERNAL_IS_MOCK])
    lines += [warning] if warning else []
    if BROWSER in config.stash:
        lines.append(f"browser: {config.stash[BROWSER].describe()}")
    return lines


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    plan, against_mock = config.stash[PLAN], is_mock(config)
    allow_destructive = config.getoption("allow_destructive")
    allow_wrong_passwords = config.getoption("allow_wrong_passwords")
    profile = config.stash[PROFILE]
    for item in items:
        lacking = [
            mark.name.removeprefix(NEEDS_PREFIX)
            for mark in item.iter_markers()
            if mark.name.startswith(NEEDS_PREFIX)
            and not profile.has(mark.name.removeprefix(NEEDS_PREFIX))
        ]
        if lacking:
            # Said at once, not after a time-out waiting for a page that is not there.
            item.add_marker(
                pytest.mark.skip(
                    reason=f"{NOT_APPLICABLE}: profile {profile.name!r} says it has no "
                    f"{', '.join(lacking)} ({profile.path.name} [capabilities])"
                )
            )
        elif not against_mock and item.get_closest_marker("mock_only"):
            item.add_marker(
                pytest.mark.skip(
                    reason=f"needs the mock's control API (/_mock), which "
                    f"{plan.urls['ecf']} does not have; run it against the mock"
                )
            )
        elif not against_mock and not allow_destructive and item.get_closest_marker("destructive"):
            item.add_marker(
                pytest.mark.skip(
                    reason="changes account state (links or unlinks) on a real portal; "
                    "pass --allow-destructive to run it"
                )
            )
        elif (
            not against_mock
            and not allow_wrong_passwords
            and item.get_closest_marker("wrong_password")
        ):
            item.add_marker(
                pytest.mark.skip(
                    reason="types a wrong password for a persona's own account, which a real "
                    "portal may lock; pass --allow-wrong-passwords to run it"
                )
            )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pluggy.Result[pytest.TestReport], None]:
    # A test's artefacts are named in its teardown report: traces and page HTML by
    # suite/run/tracing.py (written in fixture teardown), screenshots and videos by
    # pytest-playwright (moved in its own, innermost makereport wrapper). This outer wrapper
    # then masks every known password in them before anyone can read them.
    outcome = yield
    report = outcome.get_result()
    # The failure text, before the terminal, junit.xml or an xdist controller sees it.
    report.longrepr = secrets.masked(report.longrepr)
    report.sections = secrets.masked(report.sections)
    if report.when == "teardown":
        for name, path in report.user_properties:
            if str(name).startswith("playwright_"):
                secrets.scrub_file(Path(item.config.invocation_params.dir, str(path)))
