"""What the browser showed from the scenario's start: a page history for steps that say "never".

`Then the court's CM/ECF never asks for the CM/ECF password` is a statement about the whole
scenario, not about the page in front of the filer; so is "no mouse was used". Such a step
reads this history instead of looking at the current page, so it means the same in any state.

How it is recorded, at little cost (docs/speed.md "What the page history costs" has the measure):
- every page the browser shows, from Playwright's `framenavigated` event (the main frame's),
  which Playwright sends anyway: no round trip;
- an init script in every document reports, once the document is parsed, the password fields
  it shows (their names), through one exposed binding; only a page that shows one reports, so
  the round trip is paid on the few login and linking pages, not on every page;
- the same script reports a page's first real mouse press (a trusted `mousedown`): keyboard
  activation makes a click but no mouse press.
A step reads the history after a fresh look at the page in front of the filer (`look`), so
the last page counts even if its report were still on its way.

Plugin registered in the root conftest.py after suite.audits.accessibility: its `new_context`
extends theirs, so every context a scenario opens (the clerk's too) keeps its own history.
CIT_FAQ_PAGE_HISTORY=off records nothing, for measuring what recording costs
(benchmarks/page_history_cost.py); a step that reads the history then fails saying so.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

import pytest
from playwright.sync_api import BrowserContext, Frame, Page
from playwright.sync_api import Error as PlaywrightError

BINDING = "__citFaqShown"
SWITCH = "CIT_FAQ_PAGE_HISTORY"
# What a page shows that "never" steps need: its visible password fields.
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
  const report = (found) => {{ try {{ window.{BINDING}(found); }} catch (e) {{}} }};
  const passwords = () => {{ const found = summary(); if (found.passwords.length) report(found); }};
  if (document.readyState === 'loading') {{
    document.addEventListener('DOMContentLoaded', passwords, {{once: true}});
  }} else {{
    passwords();
  }}
  let pressed = false;  // a page's first mouse press is all a step asks about
  addEventListener('mousedown', (e) => {{
    if (!e.isTrusted || pressed) return;
    pressed = true;
    report(Object.assign(summary(), {{mouse: true}}));
  }}, true);
}})()"""


@dataclass(frozen=True)
class Shown:
    url: str
    passwords: tuple[str, ...] = ()
    mouse: bool = False  # a real mouse press on this page


@dataclass
class PageHistory:
    """One browser context's pages, in the order shown, with what the "never" steps ask."""

    shown: list[Shown] = field(default_factory=list)
    recorded: bool = True

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
        if not self.recorded:
            raise AssertionError(f"this step reads the page history, which {SWITCH}=off left out")
        # Mid-navigation the evaluate fails: the new page reports itself once parsed.
        with contextlib.suppress(PlaywrightError):
            self.note(page.evaluate(_SUMMARY))
        return list(self.shown)

    def pages(self, page: Page, where: Callable[[str], bool]) -> list[Shown]:
        return [shown for shown in self.look(page) if where(shown.url)]


_HISTORIES: WeakKeyDictionary[BrowserContext, PageHistory] = WeakKeyDictionary()


def record(context: BrowserContext) -> PageHistory:
    history = _HISTORIES.setdefault(context, PageHistory())

    def watch(page: Page) -> None:
        def shown(frame: Frame) -> None:
            if frame == page.main_frame:
                history.note({"url": frame.url})

        page.on("framenavigated", shown)

    context.expose_binding(BINDING, lambda source, summary: history.note(summary))
    context.add_init_script(INIT_SCRIPT)
    context.on("page", watch)
    for page in context.pages:
        watch(page)
    return history


def history_of(page: Page) -> PageHistory:
    """The history of the page's browser context (refusing to be read if it was not recorded)."""
    return _HISTORIES.setdefault(page.context, PageHistory(recorded=False))


CreateContext = Callable[..., BrowserContext]


@pytest.fixture
def new_context(new_context: CreateContext) -> CreateContext:
    """pytest-playwright's context factory (as suite.run.tracing and suite.audits.accessibility
    extend it), with each context's page history recorded from its first page."""

    if os.environ.get(SWITCH) == "off":
        return new_context

    def recorded_context(**kwargs: Any) -> BrowserContext:
        context = new_context(**kwargs)
        record(context)
        return context

    return recorded_context
