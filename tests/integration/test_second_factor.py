"""The passcode step inside a sign-in (steps/second_factor.py), against the embedded mock.

Shards on other machines keep ledgers of their own: when one of them has just signed a
persona in with this step's passcode, the mock (as PACER) refuses it as already used, and
the sign-in must try once more with the next step's, not fail and not replay it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pages.portal import Portal
from steps import journeys
from steps.second_factor import SecondFactor
from suite.run.mock_control import MockControl
from suite.run.one_time_codes import Ledger, MockClock, OneTimeCodes
from suite.run.personas import Persona
from suite.target.sites import Target


def machine(folder: Path, target: Target, mock: MockControl) -> OneTimeCodes:
    """A machine's passcodes: a ledger of its own, the mock's clock."""
    return OneTimeCodes(Ledger(folder, target.urls["pacer-login"]), MockClock(mock))


def test_a_passcode_another_machine_used_is_refused_and_the_next_step_taken(
    portal: Portal,
    new_context: object,
    target: Target,
    mock: MockControl | None,
    personas: dict[str, Persona],
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    assert mock is not None
    mock.reset()
    filer = personas["filer"]
    # At the start of a step, so that both sign-ins fall in it.
    clock = MockClock(mock)
    clock.move_to((clock.now() // 30 + 1) * 30 + 1)
    theirs = SecondFactor(machine(tmp_path / "theirs", target, mock), request.node)
    other = Portal(new_context().new_page(), target.urls, target.profile)  # type: ignore[operator]
    journeys.sign_in_to_cmecf(other, filer, theirs)
    ours = SecondFactor(machine(tmp_path / "ours", target, mock), request.node)
    journeys.sign_in_to_cmecf(portal, filer, ours)
    assert ours.retries == 1, "the mock should have refused the first passcode as used"
    assert ours.last_code != theirs.last_code, "the second try took the next step's passcode"
