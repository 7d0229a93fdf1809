"""What a step tells the reports while it runs: the texts it looks for, the parts its words
do not name (the passcode page), the sign-ins it makes.

Steps and fixtures call these functions; each calls a hook of the suite's own (below), which
the reports implement (suite/reporting/plugin.py). So a step knows no report, and a run
without the reporting plugin loses the notes and nothing else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import allure
import pytest


class StepNoteHooks:
    """The hooks, added to pytest's by pytest_addhooks below (pytest reads the spec markers)."""

    @pytest.hookspec
    def pytest_cit_faq_checked(self, item: pytest.Item, text: str) -> None:
        """The running step of this test looks for this text (its profile's wording)."""

    @pytest.hookspec
    def pytest_cit_faq_substep(self, item: pytest.Item, text: str) -> None:
        """Something happened inside the running step that its words do not say."""

    @pytest.hookspec
    def pytest_cit_faq_sign_in(self, item: pytest.Item, sign_in: dict[str, Any]) -> None:
        """The test signed in through PACER login once (for the run's figures)."""


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    pluginmanager.add_hookspecs(StepNoteHooks)


def note_checked(item: pytest.Item, text: str) -> None:
    """Note, at the step now running, a text it looks for (shown in the HTML report)."""
    item.config.hook.pytest_cit_faq_checked(item=item, text=text)


@contextlib.contextmanager
def substep(item: pytest.Item, title: str) -> Iterator[Callable[[str], None]]:
    """A part of the running step its words do not name (the passcode page inside "logs in
    with the username and password ..."), shown inside that step: an Allure step, and a line
    under the step in report.html and its cucumber.json output. The body may say how it went
    (the callable it gets): that text, else the title, is what the reports show."""
    said: list[str] = []
    with allure.step(title):
        yield said.append
        if said:  # how it went, as a step inside it (Allure's titles are set when they start)
            with allure.step(said[-1]):
                pass
    item.config.hook.pytest_cit_faq_substep(item=item, text=said[-1] if said else title)


def note_sign_in(item: pytest.Item, sign_in: dict[str, Any]) -> None:
    """One sign-in through PACER login (for the run's figures: results.json, the summary)."""
    item.config.hook.pytest_cit_faq_sign_in(item=item, sign_in=sign_in)
