"""The session's fixtures: the target (starting this worker's embedded mock when one is
needed), its profile and wording, the mock's control API and the personas.

What they are built from was found and checked at start-up by suite/run/plugin.py and kept
in config.stash (suite/run/state.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from suite.run.mock_control import MockControl
from suite.run.one_time_codes import OneTimeCodes
from suite.run.personas import Persona, personas_from_environment, personas_from_mock
from suite.run.state import PLAN, PROFILE, is_mock
from suite.run.step_notes import note_checked
from suite.target.profiles import Profile, Wording
from suite.target.sites import SITES, Target


@pytest.fixture(scope="session")
def target(pytestconfig: pytest.Config) -> Iterator[Target]:
    """The four sites under test; starts this worker's own embedded mock when one is needed."""
    plan = pytestconfig.stash[PLAN]
    if not plan.needs_embedded_mock:
        yield Target(
            plan.environment,
            plan.urls,
            is_mock=is_mock(pytestconfig),
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
            is_mock=is_mock(pytestconfig),
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
