"""Proof that each check of the keyboard-only feature catches the breakage it names.

Each mutation changes one template or the style sheet of a running mock, the way a portal
could regress, and runs the feature's 320 CSS px example with the axe-core audits off (so
that the keyboard steps, not axe, must see it). The run must fail, saying what broke.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pytest

from mock_site.server import RunningMock, start_mock
from tests.integration.runner import run_suite, url_options

pytestmark = pytest.mark.slow

MOCK = Path(__file__).resolve().parents[2] / "mock_site"
NARROW = "test_linking_the_accounts_with_the_keyboard_alone_on_display[a 320 CSS px wide screen]"


def change_template(mock: RunningMock, name: str, old: str, new: str) -> None:
    source = (MOCK / "templates" / name).read_text(encoding="utf-8")
    assert old in source, f"{name} no longer holds {old!r}: update this mutation"
    for server in mock.servers.values():
        app = server.app
        app.jinja_env.loader = jinja2.ChoiceLoader(
            [jinja2.DictLoader({name: source.replace(old, new)}), app.jinja_env.loader]
        )
        app.jinja_env.cache = None


def add_css(rules: str) -> Callable[[RunningMock, Path], None]:
    def mutate(mock: RunningMock, tmp_path: Path) -> None:
        static = tmp_path / "static"
        shutil.copytree(MOCK / "static", static)
        with (static / "mock.css").open("a", encoding="utf-8") as css:
            css.write(rules)
        for server in mock.servers.values():
            server.app.static_folder = str(static)

    return mutate


def template(name: str, old: str, new: str) -> Callable[[RunningMock, Path], None]:
    return lambda mock, tmp_path: change_template(mock, name, old, new)


@dataclass(frozen=True)
class Mutation:
    name: str
    mutate: Callable[[RunningMock, Path], None]
    says: str  # in the failure


MUTATIONS = [
    Mutation(
        "focus rings removed",
        add_css("\n*:focus, *:focus-visible { outline: none !important; }\n"),
        "focus not visible on",
    ),
    Mutation(
        "a page wider than 320 CSS px",
        add_css("\nmain { min-width: 480px; }\n"),
        "pages scroll sideways",
    ),
    Mutation(
        "the error does not take the focus",
        template("messages.html", " autofocus", ""),
        "after the error the focus is on",
    ),
    Mutation(
        "the redaction box out of the tab order",
        template(
            "pacer_login/redaction.html",
            'id="regmsg:chkRedact"',
            'id="regmsg:chkRedact" tabindex="-1"',
        ),
        "never reached",
    ),
    Mutation(
        "errors not announced (no role alert)",
        template("messages.html", ' role="alert"', ""),
        "to be visible",
    ),
    Mutation(
        "the confirmation announced as an error",
        template(
            "messages.html",
            '<p class="message message-{{ message.kind }}">',
            '<p class="message message-{{ message.kind }}" role="alert">',
        ),
        "to have count",
    ),
]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_the_keyboard_feature_catches(mutation: Mutation, tmp_path: Path) -> None:
    with start_mock(test_mode=True) as mock:
        mutation.mutate(mock, tmp_path)
        run = run_suite(tmp_path, *url_options(mock.urls), "--a11y=off", "-k", "320")
    assert run.failed == [NARROW], run.output[-3000:]
    assert mutation.says in run.output, run.output[-3000:]
