"""Playwright traces of failed scenarios, at a cost a passing run hardly notices.

pytest-playwright's `--tracing=retain-on-failure` records every browser context with a
screencast and DOM snapshots, and writes every trace to disk, deleting the passing ones
afterwards. On this suite that made a linking scenario 30-40% slower than with no
artefacts, for traces that are almost never kept. So this plugin takes `--tracing` over
(pytest-playwright is told `off`) and records only what `--trace-detail` asks for; `make
bench` measures each ("linking: trace detail over no artefacts" in benchmarks/results.md):

    actions    every action with its timing, the network calls, the console and the test's
               source (the default)
    snapshots  and a DOM snapshot before and after each action
    full       and a screencast: pytest-playwright's own recording

The trace is written only when it is kept: always with `--tracing=on`, for a failed scenario
with `--tracing=retain-on-failure`. Beside a kept trace goes the HTML of each page as the
scenario left it (page.html), so the DOM of a failure is there without snapshots.
`--screenshot` and `--video` stay pytest-playwright's.

Artefacts go where pytest-playwright puts its own (reports/artifacts/<test>/) and are named
to reports the same way (`playwright_trace`, `playwright_page` user properties), so the
HTML report links them and suite.run.plugin masks passwords in them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pluggy
import pytest
from playwright.sync_api import BrowserContext, Error

from suite.run.state import check_choice

# --trace-detail: (DOM snapshots, screencast) of Tracing.start
TRACE_DETAIL: dict[str, tuple[bool, bool]] = {
    "actions": (False, False),
    "snapshots": (True, False),
    "full": (True, True),
}
# pytest-playwright's --tracing values; the option itself stays pytest-playwright's.
KEEP_ALWAYS, KEEP_ON_FAILURE = "on", "retain-on-failure"
FAILED = pytest.StashKey[bool]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("cit-faq").addoption(
        "--trace-detail",
        choices=tuple(TRACE_DETAIL),
        default=os.environ.get("CIT_FAQ_TRACE_DETAIL", "actions"),
        help="what a Playwright trace (--tracing) records: actions (default, almost free), "
        "snapshots (and the DOM around each action), full (and a screencast) "
        "(or set CIT_FAQ_TRACE_DETAIL)",
    )


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    check_choice(config, "trace_detail", "CIT_FAQ_TRACE_DETAIL", tuple(TRACE_DETAIL))
    if not hasattr(config.option, "tracing"):
        return  # pytest-playwright is not loaded (e.g. -p no:playwright)
    # Remember what the user asked pytest-playwright for, then tell it `off`. An xdist worker
    # parses the command line again, so it does the same for itself.
    config.option.cit_faq_tracing = config.option.tracing
    config.option.tracing = "off"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pluggy.Result[pytest.TestReport], None]:
    outcome = yield
    report = outcome.get_result()
    if report.when in ("setup", "call"):
        item.stash[FAILED] = item.stash.get(FAILED, False) or report.failed


@dataclass
class ContextTraces:
    """One test's browser-context traces, kept or dropped once the test's outcome is known."""

    keep: str
    folder: Path
    invocation_dir: Path
    open: list[BrowserContext] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    def start(self, context: BrowserContext, title: str, detail: str) -> None:
        snapshots, screencast = TRACE_DETAIL[detail]
        context.tracing.start(
            title=title, snapshots=snapshots, screenshots=screencast, sources=True
        )
        self.open.append(context)

    def closing(self, context: BrowserContext) -> None:
        """The test closes a context itself: its outcome is not known yet, so write the trace."""
        if context in self.open:
            self.open.remove(context)
            self.written.append(self._write(context, len(self.written)))

    def finish(self, failed: bool, node: pytest.Item) -> None:
        keep = self.keep == KEEP_ALWAYS or (failed and self.keep == KEEP_ON_FAILURE)
        open_contexts, self.open = self.open, []
        if not keep:
            for path in self.written:
                path.unlink(missing_ok=True)
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        pages = self._save_pages(open_contexts)
        first = len(self.written)
        traces = [*self.written]
        traces += [self._write(context, first + n) for n, context in enumerate(open_contexts)]
        for path in self._name_traces(traces):
            node.user_properties.append(("playwright_trace", self._for_report(path)))
        for path in pages:
            node.user_properties.append(("playwright_page", self._for_report(path)))

    def _write(self, context: BrowserContext, index: int) -> Path:
        # Only a kept trace is written (stop_chunk with a path). pytest-playwright stops every
        # context's tracing when it closes the context, which drops what was not kept
        # without writing it: the cheap path.
        path = self.folder / f".trace-{index + 1}.zip"
        self.folder.mkdir(parents=True, exist_ok=True)
        context.tracing.stop_chunk(path=path)
        return path

    def _save_pages(self, contexts: list[BrowserContext]) -> list[Path]:
        """page.html for a test's one page; page-<context>-<page>.html when it had several."""
        pages = [
            (number, page_number, page)
            for number, context in enumerate(contexts, start=1)
            for page_number, page in enumerate(context.pages, start=1)
        ]
        saved = []
        for number, page_number, page in pages:
            name = "page.html" if len(pages) == 1 else f"page-{number}-{page_number}.html"
            try:
                html = page.content()
            except Error:
                continue  # a page that is closing or crashed has no HTML to keep
            (self.folder / name).write_text(html, encoding="utf-8")
            saved.append(self.folder / name)
        return saved

    def _name_traces(self, traces: list[Path]) -> list[Path]:
        # trace.zip for one context; trace-1.zip, trace-2.zip... for several (as pytest-playwright)
        if len(traces) == 1:
            return [traces[0].rename(self.folder / "trace.zip")]
        return [
            path.rename(self.folder / f"trace-{number}.zip")
            for number, path in enumerate(traces, start=1)
        ]

    def _for_report(self, path: Path) -> str:
        return os.path.relpath(path, self.invocation_dir)


CreateContext = Callable[..., BrowserContext]


@pytest.fixture
def new_context(
    new_context: CreateContext, request: pytest.FixtureRequest, output_path: str
) -> Iterator[CreateContext]:
    """pytest-playwright's context factory, with each context traced as --trace-detail says."""
    config = request.config
    keep = getattr(config.option, "cit_faq_tracing", "off")
    if keep == "off":
        yield new_context
        return
    traces = ContextTraces(keep, Path(output_path), Path(config.invocation_params.dir))
    detail = config.getoption("trace_detail")

    def traced_context(**kwargs: Any) -> BrowserContext:
        context = new_context(**kwargs)
        traces.start(context, request.node.nodeid, detail)
        close = context.close

        def close_with_trace(*args: Any, **close_kwargs: Any) -> None:
            traces.closing(context)
            close(*args, **close_kwargs)

        context.close = close_with_trace  # type: ignore[method-assign]
        return context

    yield traced_context
    # Runs before pytest-playwright closes the contexts and after the test's call phase, so
    # the outcome is known. (A teardown that fails later cannot be seen here.)
    traces.finish(request.node.stash.get(FAILED, False), request.node)
