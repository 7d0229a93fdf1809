"""The control API's client: a call the mock refuses says which call and why."""

from __future__ import annotations

import pytest

from mock_site.server import start_mock
from suite.run.mock_control import MockControl, MockControlError


def test_a_refused_call_names_the_call_and_the_mocks_reason() -> None:
    with start_mock() as running:
        control = MockControl(running.urls["ecf"] + "/_mock")
        with pytest.raises(MockControlError) as refused:
            control.set_faults({"pacer_login": {"delay_ms": -1}})
    message = str(refused.value)
    assert "POST " in message and "/_mock/faults answered 400" in message
    assert "delay_ms must be an integer from 0 to" in message


def test_an_accepted_call_answers_its_json() -> None:
    with start_mock() as running:
        control = MockControl(running.urls["ecf"] + "/_mock")
        control.set_faults({"pacer_login": {"down": True}})
        assert running.store.faults.down
