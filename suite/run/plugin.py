"""The pytest plugin behind the acceptance suite: target, mock, personas, browser, safety.

Registered from the root conftest.py. Everything that can be wrong with a run (an unknown
--env, a bad URL, a site that does not answer, no browser) is found in pytest_configure and
reported as one line, before any browser starts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pluggy
import pytest
from playwright.sync_api import Error as PlaywrightError

from pages.ecf import CmecfLoginPage
from suite.run import secrets
from suite.run.browser import BrowserChoice, BrowserNotFound, choose_browser
from suite.run.mock_control import MockControl
from suite.run.one_time_codes import OneTimeCodes, RealTime, ledger_of
from suite.run.personas import (
    Persona,
    PersonaError,
    personas_from_environment,
    personas_from_mock,
)
from suite.run.playwright_options import refuse_unused_playwright_options
from suite.target.profiles import (
    NOT_APPLICABLE,
    Profile,
    ProfileError,
    Wording,
    load_profile,
    summary,
)
from suite.target.sites import (
    SITES,
    Target,
    TargetError,
    TargetPlan,
    check_reachable,
    check_sign_on,
    env_var_name,
    mock_profile_warning,
    option_name,
    plan_target,
    probe_mock,
)

PLAN = pytest.StashKey[TargetPlan]()
PROFILE = pytest.StashKey[Profile]()
# A scenario tagged @needs_<capability> needs that optional page of the target.
NEEDS_PREFIX = "needs_"
EXTERNAL_IS_MOCK = pytest.StashKey[bool]()
BROWSER = pytest.StashKey[BrowserChoice]()
# The controller chooses the browser once and hands the choice to xdist workers this way.
BROWSER_CHOICE_VARIABLE = "CIT_FAQ_BROWSER_CHOICE"
SIGN_IN_CHOICES = ("reuse", "ui")
# Folders of tests that never start a browser; a run of only these needs no Chromium.
BROWSER_FREE_PATHS = ("tests/mock", "tests/unit")


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
    group.addoption(
        "--browser-ws",
        metavar="WS_URL",
        help="drive a remote Playwright browser server (or set BROWSER_WS_ENDPOINT)",
    )


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from None


def check_choice(config: pytest.Config, dest: str, variable: str, choices: tuple[str, ...]) -> None:
    """argparse checks an option's value against its choices, but not a default taken from
    an environment variable: check that one here, as one line."""
    value = config.getoption(dest)
    if value not in choices:
        raise pytest.UsageError(f"{variable}={value!r}: expected one of {', '.join(choices)}")


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
    if _needs_browser(config):
        config.stash[BROWSER] = _browser_choice(config)
    # The embedded mock's request log would drown the test output; failures say enough.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)


def _needs_browser(config: pytest.Config) -> bool:
    if not config.pluginmanager.hasplugin("playwright"):
        return False
    root = Path(config.rootpath)
    args = [a.split("::")[0] for a in config.args] or ["."]
    return not all(
        any(Path(arg).resolve().is_relative_to(root / free) for free in BROWSER_FREE_PATHS)
        for arg in args
    )


def _browser_choice(config: pytest.Config) -> BrowserChoice:
    handed_down = os.environ.get(BROWSER_CHOICE_VARIABLE)
    if handed_down:
        fields = json.loads(handed_down)
        return BrowserChoice(**{**fields, "args": tuple(fields["args"])})
    try:
        choice = choose_browser(
            ws_endpoint=config.getoption("browser_ws"), headed=bool(config.getoption("headed"))
        )
    except BrowserNotFound as error:
        raise pytest.UsageError(str(error)) from None
    os.environ[BROWSER_CHOICE_VARIABLE] = json.dumps(choice.__dict__)
    return choice


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


def _is_mock(config: pytest.Config) -> bool:
    return "ecf" not in config.stash[PLAN].urls or config.stash[EXTERNAL_IS_MOCK]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    plan, is_mock = config.stash[PLAN], _is_mock(config)
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
        elif not is_mock and item.get_closest_marker("mock_only"):
            item.add_marker(
                pytest.mark.skip(
                    reason=f"needs the mock's control API (/_mock), which "
                    f"{plan.urls['ecf']} does not have; run it against the mock"
                )
            )
        elif not is_mock and not allow_destructive and item.get_closest_marker("destructive"):
            item.add_marker(
                pytest.mark.skip(
                    reason="changes account state (links or unlinks) on a real portal; "
                    "pass --allow-destructive to run it"
                )
            )
        elif (
            not is_mock and not allow_wrong_passwords and item.get_closest_marker("wrong_password")
        ):
            item.add_marker(
                pytest.mark.skip(
                    reason="types a wrong password for a persona's own account, which a real "
                    "portal may lock; pass --allow-wrong-passwords to run it"
                )
            )


@pytest.fixture(scope="session")
def target(pytestconfig: pytest.Config) -> Iterator[Target]:
    """The four sites under test; starts this worker's own embedded mock when one is needed."""
    plan = pytestconfig.stash[PLAN]
    if not plan.needs_embedded_mock:
        yield Target(
            plan.environment,
            plan.urls,
            is_mock=_is_mock(pytestconfig),
            embedded=False,
            sources=plan.sources,
            pacer_gov_url=plan.pacer_gov_url,
            profile=pytestconfig.stash[PROFILE],
        )
        return
    from mock_site.server import start_mock  # only runs that use the mock import Flask

    # The environment's dialect of the mock (environments.toml `dialect`), else its default.
    dialect: dict[str, Any] = {"dialect": plan.dialect} if plan.dialect else {}
    today = pytestconfig.getoption("cit_mock_today")  # --mock-today, else the real date
    with start_mock(test_mode=True, today=today, **dialect) as mock:
        urls = {**mock.urls, **plan.urls}
        sources = {site: plan.sources.get(site, "embedded mock") for site in SITES}
        yield Target(
            plan.environment,
            urls,
            is_mock=_is_mock(pytestconfig),
            # CM/ECF is the embedded mock (the court website alone may be a given URL).
            embedded="ecf" not in plan.urls,
            sources=sources,
            pacer_gov_url=plan.pacer_gov_url,
            profile=pytestconfig.stash[PROFILE],
        )


@pytest.fixture(scope="session")
def profile(target: Target) -> Profile:
    """The target's profile: its paths, names and wording where no public source shows them."""
    return target.profile


@pytest.fixture
def wording(profile: Profile, request: pytest.FixtureRequest) -> Wording:
    """The profile for this scenario's steps: every text a step looks for is noted in the
    report at that step (suite/reporting), so analysts read the words checked on this target."""
    from suite.reporting.plugin import note_checked

    return Wording(profile, lambda text: note_checked(request.node, text))


@pytest.fixture(scope="session")
def mock(target: Target) -> MockControl | None:
    """The mock's control API, or None against a real portal."""
    return MockControl(target.control_url) if target.is_mock else None


@pytest.fixture(scope="session")
def personas(mock: MockControl | None) -> dict[str, Persona]:
    if mock is not None:
        return personas_from_mock(mock.personas())
    return personas_from_environment()


@pytest.fixture
def fresh_mock_state(
    mock: MockControl | None, pytestconfig: pytest.Config, one_time_codes: OneTimeCodes
) -> None:
    """Every scenario starts from the mock's seeded state, whatever the one before it did.

    Sign-ins are kept when scenarios reuse them (--sign-in=reuse): only a browser holding
    the saved cookies is signed in, and each scenario's browser context starts empty. The
    reset puts the mock's clock back to real time; the passcodes used are not forgotten
    (suite/run/one_time_codes.py), and the clock is moved back up to the latest one.
    """
    if mock is not None:
        mock.reset(keep_sessions=pytestconfig.getoption("sign_in") == "reuse")
        one_time_codes.catch_up()


# pytest-playwright's own fixtures, extended rather than replaced so that --screenshot,
# --video, --headed and --slowmo keep working (--tracing is suite/run/tracing.py's).
@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], pytestconfig: pytest.Config
) -> dict[str, Any]:
    choice = pytestconfig.stash[BROWSER]
    launch = choice.launch_args()
    args = [*browser_type_launch_args.get("args", []), *launch.pop("args")]  # type: ignore[misc]
    return {**browser_type_launch_args, **launch, "args": args}


@pytest.fixture(scope="session")
def connect_options(
    pytestconfig: pytest.Config, browser_type_launch_args: dict[str, Any]
) -> dict[str, Any] | None:
    choice = pytestconfig.stash[BROWSER]
    if choice.kind != "remote":
        return None
    # The server launches the browser with the options in this header. pytest-playwright
    # sends them too, but with Python's names (slow_mo), which the server ignores: send
    # them by the server's own names (slowMo), with the executable chosen for the server.
    launch = {**browser_type_launch_args}
    if choice.executable:
        launch["executable_path"] = choice.executable
    header = {_camel_case(name): value for name, value in launch.items()}
    return {
        "endpoint": choice.ws_endpoint,  # BrowserType.connect's first parameter
        "headers": {"x-playwright-launch-options": json.dumps(header)},
    }


def _camel_case(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> Generator[None, None, None]:
    # Ctrl-C reaches the browser and Playwright's driver too: they are gone before
    # pytest-playwright's session fixtures close them, which raised a page of "Target closed"
    # tracebacks over the summary. Inside pytest's own wrappers, so the summary still prints.
    try:
        return (yield)
    except BaseExceptionGroup as group:
        if exitstatus != pytest.ExitCode.INTERRUPTED or not all(
            _closed_under_us(error) for error in group.exceptions
        ):
            raise
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("interrupted: the browser was closed before its teardown")
        return None


def _closed_under_us(error: BaseException) -> bool:
    return isinstance(error, PlaywrightError) and "closed" in str(error)


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
