"""steps.preconditions: the note a marked step gets, and the failure that names what it needs."""

from __future__ import annotations

import inspect
from types import SimpleNamespace
from typing import Any

import pytest

from steps.preconditions import Precondition, needs


def fake_portal(url: str = "http://court.test/faq") -> Any:
    return SimpleNamespace(page=SimpleNamespace(url=url))


def never_holds(portal: Any) -> None:
    raise AssertionError("Locator expected to be visible")


NOWHERE = Precondition("the filer somewhere else", "Given <who> is somewhere else", never_holds)
ANYWHERE = Precondition("the filer anywhere", "Given <who> is anywhere", lambda portal: None)


def test_a_marked_step_keeps_its_parameters_and_gets_the_note() -> None:
    @needs(ANYWHERE)
    def step(portal: Any, text: str) -> str:
        """What the step does."""
        return text

    assert list(inspect.signature(step).parameters) == ["portal", "text"]
    assert step.__doc__ == (
        "Needs the filer anywhere, as after `Given <who> is anywhere`.\n\nWhat the step does."
    )
    assert step(portal=fake_portal(), text="ran") == "ran"


def test_a_step_out_of_place_fails_naming_the_precondition_and_the_page() -> None:
    ran = []

    @needs(NOWHERE)
    def step(portal: Any) -> None:
        ran.append(True)

    with pytest.raises(AssertionError) as failure:
        step(portal=fake_portal())
    assert str(failure.value) == (
        "this step needs the filer somewhere else, as after `Given <who> is somewhere else`; "
        "the browser is at http://court.test/faq"
    )
    assert not ran


def test_a_step_without_a_portal_cannot_be_marked() -> None:
    with pytest.raises(TypeError, match="needs a portal parameter"):

        @needs(ANYWHERE)
        def step(text: str) -> None: ...
