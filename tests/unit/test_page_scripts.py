"""PageScripts without a browser: what a CDP reply becomes, and the fall-back to evaluate."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Error as PlaywrightError

from suite.audits.page_scripts import PageScripts


class Session:
    """A CDP session that answers every Runtime.evaluate with `reply`, and notes the calls."""

    def __init__(self, reply: dict[str, Any]) -> None:
        self.reply, self.sent = reply, []

    def send(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        self.sent.append((method, params))
        return self.reply


class Page:
    """A page whose context opens `session`, or refuses as a browser other than Chromium."""

    def __init__(self, session: Session | None) -> None:
        self.session, self.context, self.evaluated = session, self, []

    def new_cdp_session(self, page: Any) -> Session:
        if self.session is None:
            raise PlaywrightError("CDP session is only available in Chromium")
        return self.session

    def evaluate(self, expression: str) -> Any:
        self.evaluated.append(expression)
        return "by evaluate"


def test_the_value_comes_back_by_value_and_a_promise_is_awaited_when_asked() -> None:
    session = Session({"result": {"type": "number", "value": 42}})
    scripts = PageScripts(Page(session))  # type: ignore[arg-type]
    assert scripts.value("Promise.resolve(42)", await_promise=True) == 42
    [(method, params)] = session.sent
    assert method == "Runtime.evaluate"
    assert params == {
        "expression": "Promise.resolve(42)",
        "returnByValue": True,
        "awaitPromise": True,
    }


def test_a_script_that_throws_raises_with_the_first_line_of_what_it_threw() -> None:
    thrown = {"type": "object", "description": "TypeError: boom\n    at <anonymous>:1:7"}
    reply = {"result": thrown, "exceptionDetails": {"text": "Uncaught", "exception": thrown}}
    scripts = PageScripts(Page(Session(reply)))  # type: ignore[arg-type]
    with pytest.raises(PlaywrightError, match=r"^Runtime.evaluate: TypeError: boom$"):
        scripts.value("boom()")


def test_a_thrown_value_that_is_no_error_is_said_too() -> None:
    reply = {"result": {}, "exceptionDetails": {"text": "Uncaught", "exception": {"value": 7}}}
    with pytest.raises(PlaywrightError, match=r"^Runtime.evaluate: 7$"):
        PageScripts(Page(Session(reply))).value("throw 7")  # type: ignore[arg-type]


def test_without_a_cdp_session_the_page_evaluates_the_expression_itself() -> None:
    page = Page(None)
    scripts = PageScripts(page)  # type: ignore[arg-type]
    assert scripts.session is None
    assert scripts.value("document.title", await_promise=True) == "by evaluate"
    assert page.evaluated == ["document.title"]
