"""Proof that each check of the keyboard-only feature catches the breakage it names.

Each mutation changes one template or the style sheet of a running mock, the way a portal
could regress, and runs the feature's 320 CSS px example with the axe-core audits off (so
that the keyboard steps, not axe, must see it). That example must fail, saying what broke.
All six run in one child pytest, one mutant at a time (tests/integration/mutants.py): the
shared run "keyboard mutants". The same example passes against the intact mock in the shared
run of the whole suite.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from flask import Response

from mock_site.server import RunningMock
from tests.integration.mutants import MutantResults
from tests.integration.runner import Mutation
from tests.integration.shared_runs import SharedSuiteRun

pytestmark = [pytest.mark.slow, pytest.mark.nested_run("keyboard mutants")]

MOCK = Path(__file__).resolve().parents[2] / "mock_site"
NARROW = "test_linking_the_accounts_with_the_keyboard_alone_on_display[a 320 CSS px wide screen]"
Apply = Callable[[pytest.MonkeyPatch, RunningMock], None]


def template(name: str, old: str, new: str) -> Apply:
    """Broken: the template `name` with `old` replaced by `new`, on every site."""

    def apply(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
        source = (MOCK / "templates" / name).read_text(encoding="utf-8")
        assert old in source, f"{name} no longer holds {old!r}: update this mutation"
        for server in mock.servers.values():
            env = server.app.jinja_env
            changed = jinja2.DictLoader({name: source.replace(old, new)})
            patch.setattr(env, "loader", jinja2.ChoiceLoader([changed, env.loader]))
            patch.setattr(env, "cache", None)  # no template compiled before the change is kept

    return apply


def add_css(rules: str) -> Apply:
    """Broken: the mock's style sheet with `rules` added at its end, on every site."""

    def apply(patch: pytest.MonkeyPatch, mock: RunningMock) -> None:
        for server in mock.servers.values():
            app = server.app
            send = app.send_static_file

            def with_rules(filename: str, send: Callable[[str], Response] = send) -> Response:
                response = send(filename)
                if filename == "mock.css":
                    response.direct_passthrough = False
                    response.set_data(response.get_data() + rules.encode())
                return response

            patch.setattr(app, "send_static_file", with_rules)

    return apply


MUTATIONS = [
    Mutation(
        "focus rings removed",
        add_css("\n*:focus, *:focus-visible { outline: none !important; }\n"),
        (NARROW,),
        (),
        says="focus not visible on",
    ),
    Mutation(
        "a page wider than 320 CSS px",
        add_css("\nmain { min-width: 480px; }\n"),
        (NARROW,),
        (),
        says="pages scroll sideways",
    ),
    Mutation(
        "the error does not take the focus",
        template("messages.html", " autofocus", ""),
        (NARROW,),
        (),
        says="after the error the focus is on",
    ),
    Mutation(
        "the redaction box out of the tab order",
        template(
            "pacer_login/redaction.html",
            'id="regmsg:chkRedact"',
            'id="regmsg:chkRedact" tabindex="-1"',
        ),
        (NARROW,),
        (),
        says="never reached",
    ),
    Mutation(
        "errors not announced (no role alert)",
        template("messages.html", ' role="alert"', ""),
        (NARROW,),
        (),
        says="to be visible",
    ),
    Mutation(
        "the confirmation announced as an error",
        template(
            "messages.html",
            '<p class="message message-{{ message.kind }}">',
            '<p class="message message-{{ message.kind }}" role="alert">',
        ),
        (NARROW,),
        (),
        says="to have count",
    ),
]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[m.name for m in MUTATIONS])
def test_the_keyboard_feature_catches(mutation: Mutation, nested_run: MutantResults) -> None:
    # Exactly the 320 CSS px example ran under this mutant, and it failed saying what broke.
    assert [t["scenario"] for t in nested_run.of(mutation.name)] == [NARROW]
    nested_run.check(mutation)


@pytest.mark.nested_run("suite, serial, separate mock")
def test_the_same_example_passes_against_the_intact_mock(
    nested_run: SharedSuiteRun,
) -> None:
    nested_run.check_passed(name for m in MUTATIONS for name in m.must_fail + m.must_pass)
