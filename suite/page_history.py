"""What the browser showed from the scenario's start: a page history for steps that say "never".

`Then the court's CM/ECF never asks for the CM/ECF password` is a statement about the whole
scenario, not about the page in front of the filer; so is "no mouse was used". Such a step
reads this history instead of looking at the current page, so it means the same in any state.

How it is recorded, at little cost (README "Speed" has the measure):
- every document request the browser makes (redirects included): the sites it went to;
- an init script in every document reports, once the document is parsed, the password
  fields it shows (their names), through one exposed binding: one message per page;
- the same script notes a real mouse press (a trusted `mousedown`): keyboard activation
  makes a click but no mouse press.
A step reads the history after a fresh look at the page in front of the filer (`look`), so
the last page counts even if its report is still on its way.

Plugin registered in the root conftest.py after suite.accessibility: its `new_context`
extends theirs, so every context a scenario opens (the clerk's too) keeps its own history.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

import pytest
from playwright.sync_api import BrowserContext, Page, Request
from playwright.sync_api import Error as PlaywrightError

BINDING = "__citFaqShown"
# What a page shows that "never" steps need: visible password fields, and a mouse press.
_SUMMARY = """() => {
  const shown = (e) => (e.checkVisibility ? e.checkVisibility() : e.offsetParent !== null);
  return {
    url: location.href,
    passwords: [...document.querySelectorAll('input[type=password]')]
      .filter(shown).map((e) => e.name || e.id || '?'),
  };
}"""
INIT_SCRIPT = f"""(() => {{
  const summary = {_SUMMARY};
  const report = (extra) => {{
    try {{ window.{BINDING}(Object.assign(summary(), extra)); }} catch (e) {{}}
  }};
  if (document.readyState === 'loading') {{
    document.addEventListener('DOMContentLoaded', () => report({{}}), {{once: true}});
  }} else {{
    report({{}});
  }}
  addEventListener('mousedown', (e) => {{ if (e.isTrusted) report({{mouse: true}}); }}, true);
}})()"""


@dataclass(frozen=True)
class Shown:
    url: str
    passwords: tuple[str, ...] = ()
    mouse: bool = False  # a real mouse press on this page


@dataclass
class PageHistory:
    """One browser context's pages, in the order shown, and every document it asked for."""

    shown: list[Shown] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def note(self, summary: dict[str, Any]) -> None:
        url = str(summary.get("url", ""))
        if not url.startswith("http"):
            return  # about:blank, before the first page: nothing shown yet
        self.shown.append(
            Shown(
                url,
                tuple(str(name) for name in summary.get("passwords", [])),
                bool(summary.get("mouse", False)),
            )
        )

    def look(self, page: Page) -> list[Shown]:
        """Everything shown so far, the page in front of the filer included (looked at now)."""
        # Mid-navigation the evaluate fails: the new page reports itself once parsed.
        with contextlib.suppress(PlaywrightError):
            self.note(page.evaluate(_SUMMARY))
        return list(self.shown)

    def pages(self, page: Page, where: Callable[[str], bool]) -> list[Shown]:
        return [shown for shown in self.look(page) if where(shown.url)]

    def went_to(self, where: Callable[[str], bool]) -> bool:
        return any(where(url) for url in self.requested)


_HISTORIES: WeakKeyDictionary[BrowserContext, PageHistory] = WeakKeyDictionary()


def record(context: BrowserContext) -> PageHistory:
    history = _HISTORIES.setdefault(context, PageHistory())

    def on_request(request: Request) -> None:
        if request.resource_type == "document":
            history.requested.append(request.url)

    context.expose_binding(BINDING, lambda source, summary: history.note(summary))
    context.add_init_script(INIT_SCRIPT)
    context.on("request", on_request)
    return history


def history_of(page: Page) -> PageHistory:
    """The history of the page's browser context (empty if it was not recorded)."""
    return _HISTORIES.setdefault(page.context, PageHistory())


CreateContext = Callable[..., BrowserContext]


@pytest.fixture
def new_context(new_context: CreateContext) -> CreateContext:
    """pytest-playwright's context factory (as suite.tracing and suite.accessibility extend
    it), with each context's page history recorded from its first page."""

    def recorded_context(**kwargs: Any) -> BrowserContext:
        context = new_context(**kwargs)
        record(context)
        return context

    return recorded_context
