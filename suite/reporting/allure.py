"""Allure results, for QA teams that keep their history in Allure Report or Allure TestOps.

The results are written by the maintained adapter, allure-pytest-bdd (its own `--alluredir
DIR`); this plugin only adds what it cannot know, and closes three gaps:

- what a result carries: the FAQ question as the feature, with its number ("Q1: ..."), the
  FAQ's title as the epic, the scenario as the story, the target (mock or real portal) and
  the environment's name as parameters, each FAQ sentence the scenario quotes as a link to
  that sentence on the court's FAQ page, and the run's artefacts as attachments (the last
  page's screenshot; the trace and page HTML of a failed scenario);
- no secrets: the adapter writes failure messages, step arguments and captured output to
  disk itself, so its file writer is replaced by one that masks every known password (in
  attachments too) before anything is written;
- a scenario that never starts: the adapter opens a result when pytest-bdd starts the
  scenario, in the test's call phase, so a scenario skipped before that (a `skip` marker:
  `@mock_only` or `@destructive` against a real portal) or whose fixtures failed left no
  result at all (tests/reports/test_allure_results.py shows it for skips). Here the
  adapter's own code opens the result at that point, with every Gherkin step as a skipped
  step; the adapter then sets its status and reason from the setup report.

`--allure` is the short way: the results go to `<reports dir>/allure-results` (so
`reports/allure-results`, or `DIR/allure-results` with `--reports-dir DIR`), emptied at the
start of each run like the other reports. `--alluredir` given as well wins.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

import allure_commons
import allure_pytest_bdd.plugin as adapter
import pytest
from allure_commons.logger import AllureFileLogger
from allure_commons.model2 import Label, Link, Parameter, TestResult
from allure_commons.types import AttachmentType, LabelType, LinkType
from allure_pytest_bdd.pytest_bdd_listener import PytestBDDListener
from allure_pytest_bdd.steps import report_remaining_steps
from attr import asdict
from pytest_bdd.parser import ScenarioTemplate

from suite.authoring.faq import Faq, FaqNotFound, as_read, find_faq_file, load_faq
from suite.authoring.features import faq_quotes
from suite.run import secrets
from suite.run.items import cached_fixture, template_of
from suite.run.output import reports_dir
from suite.run.state import BROWSER, PLAN, PROFILE, is_mock
from suite.target.sites import Target

RESULTS_FOLDER = "allure-results"
ENVIRONMENT_FILE = "environment.properties"
FAQ = pytest.StashKey["Faq | None"]()
COURT_URL = pytest.StashKey[str]()
LISTENER = pytest.StashKey["PytestBDDListener | None"]()
# --allure-link-pattern faq:PATTERN points the FAQ links at another copy of the court's page.
FAQ_LINK_TYPE = "faq"
_ATTACHMENTS: dict[str, tuple[str, AttachmentType]] = {
    # artefact kind (pytest-playwright's user property, less "playwright_") -> name, type
    "screenshot": ("screenshot of the last page", AttachmentType.PNG),
    "trace": ("Playwright trace (python -m suite trace FILE)", AttachmentType.ZIP),
    "page": ("HTML of the page", AttachmentType.HTML),
    "video": ("video", AttachmentType.WEBM),
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("cit-faq-reports").addoption(
        "--allure",
        action="store_true",
        help="write Allure results to <reports dir>/allure-results (reports/allure-results, "
        "or DIR/allure-results with --reports-dir DIR); --alluredir DIR puts them elsewhere",
    )


class MaskingFileLogger(AllureFileLogger):
    """The adapter's writer of results and attachments, masking every known password first."""

    def _report_item(self, item: Any) -> None:
        filename = item.file_pattern.format(prefix=uuid.uuid4())
        data = asdict(item, filter=lambda _, value: value or value is False)
        text = json.dumps(data, ensure_ascii=False).encode()
        temporary = self._report_dir / f"{filename}.tmp"
        temporary.write_bytes(secrets.mask(text))
        os.replace(temporary, self._report_dir / filename)

    @allure_commons.hookimpl
    def report_attached_file(self, source: str | Path, file_name: str) -> None:
        super().report_attached_file(source, file_name)  # type: ignore[no-untyped-call]
        secrets.scrub_file(self._report_dir / file_name)  # traces and HTML; a PNG holds no text

    @allure_commons.hookimpl
    def report_attached_data(self, body: str | bytes, file_name: str) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        super().report_attached_data(secrets.mask(data), file_name)  # type: ignore[no-untyped-call]


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # Before the adapter's own pytest_configure, which builds its writer from these options.
    if not hasattr(config.option, "allure_report_dir"):
        if config.getoption("allure"):
            raise pytest.UsageError(
                "--allure needs the allure-pytest-bdd plugin, which is not loaded: run `make "
                "setup`, and do not disable it (-p no:allure_pytest_bdd)"
            )
        return
    # The adapter's pytest_configure makes its writer from this name in its own module:
    # rebinding it is the one change of the adapter's behaviour (tests show it holds).
    adapter.AllureFileLogger = MaskingFileLogger
    if config.getoption("allure") and not config.option.allure_report_dir:
        config.option.allure_report_dir = str(reports_dir(config) / RESULTS_FOLDER)
        # Part of the reports: this run's results only, as report.html shows this run only.
        config.option.clean_alluredir = True
    if _is_worker(config):
        # The controller empties the folder once, before any worker writes to it.
        config.option.clean_alluredir = False
    chosen = config.option.allure_report_dir
    if chosen:
        try:  # one line now, not a traceback from the adapter
            Path(config.invocation_params.dir, chosen).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise pytest.UsageError(f"--alluredir {chosen}: {error.strerror}") from None


def _results_dir(config: pytest.Config) -> Path | None:
    chosen = getattr(config.option, "allure_report_dir", None)
    return Path(config.invocation_params.dir, chosen).resolve() if chosen else None


def _listener(config: pytest.Config) -> PytestBDDListener | None:
    """The adapter's listener: registered only when there is a results folder."""
    if LISTENER not in config.stash:
        found = (p for p in config.pluginmanager.get_plugins() if isinstance(p, PytestBDDListener))
        config.stash[LISTENER] = next(found, None)
    return config.stash[LISTENER]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    # Inside the adapter's own wrapper (registered later, so called earlier): what is added
    # here is in the result it writes after the teardown report.
    report = yield
    listener = _listener(item.config)
    template = template_of(item)
    if listener is None or template is None:
        return report
    if report.when == "call":
        _remember_court_url(item)
    if report.when == "setup" and not report.passed and item.nodeid not in listener.nodeid_to_uuid:
        _open_result_of_unstarted_scenario(listener, item, template)
    if report.when == "teardown":
        test_uuid = listener.nodeid_to_uuid.get(item.nodeid)
        with listener.lifecycle.update_test_case(uuid=test_uuid) as result:
            if result is not None:
                _describe(result, item, template)
        if test_uuid is not None:
            _attach_artifacts(listener, test_uuid, item, report)
    return report


class _WithoutFinalizers:
    """The test item, except that it takes no finalizer: its setup never completed, so pytest
    has no place for one (the adapter adds one to report the steps; done at once instead)."""

    def __init__(self, item: pytest.Item) -> None:
        self._item = item

    def __getattr__(self, name: str) -> Any:
        return getattr(self._item, name)

    def addfinalizer(self, finalizer: object) -> None:
        pass


def _open_result_of_unstarted_scenario(
    listener: PytestBDDListener, item: pytest.Item, template: ScenarioTemplate
) -> None:
    callspec = getattr(item, "callspec", None)
    example = callspec.params.get("_pytest_bdd_example") if callspec else None
    scenario = template.render(example or {})
    request = SimpleNamespace(node=_WithoutFinalizers(item), config=item.config)
    listener.pytest_bdd_before_scenario(request, template.feature, scenario)
    test_uuid = listener.nodeid_to_uuid[item.nodeid]
    report_remaining_steps(listener.lifecycle, item, test_uuid)  # every step, skipped
    # The adapter then gives the result the setup report's status and reason.


def _faq(item: pytest.Item) -> Faq | None:
    """The FAQ, read once per process, with the features' titles as known questions (as
    the HTML report reads it, so that both number the questions alike)."""
    config = item.config
    if FAQ not in config.stash:
        templates = (template_of(i) for i in item.session.items)
        titles = {t.feature.name for t in templates if t is not None}
        try:
            config.stash[FAQ] = load_faq(find_faq_file(), titles)
        except (FaqNotFound, OSError):
            config.stash[FAQ] = None  # the features are then named without their numbers
    return config.stash[FAQ]


def _describe(result: TestResult, item: pytest.Item, template: ScenarioTemplate) -> None:
    config = item.config
    feature = template.feature
    faq = _faq(item)
    question = faq.question(feature.name) if faq else None
    title = next((q for q in faq.questions if q.is_title), None) if faq else None
    feature_label = f"{question.label}: {feature.name}" if question else feature.name
    result.labels.append(Label(name=LabelType.FEATURE, value=feature_label))
    result.labels.append(Label(name=LabelType.STORY, value=template.name))
    if title is not None:
        result.labels.append(Label(name=LabelType.EPIC, value=title.text))
    for name, value in target_parameters(config).items():
        result.parameters.append(Parameter(name=name, value=value))
    result.links.extend(faq_links(config, template))
    _keep_step_text_parameters(result.steps)


def _keep_step_text_parameters(steps: list[Any]) -> None:
    """The adapter lists every argument of a step function as a step parameter, fixtures
    included (`portal: <pages.portal.Portal object at 0x...>`): keep the values read from
    the step's text (strings and numbers), which are what a reader can compare."""
    for step in steps:
        step.parameters = [p for p in step.parameters if _is_plain_value(str(p.value))]
        _keep_step_text_parameters(step.steps)


def _is_plain_value(shown: str) -> bool:
    return (shown[:1] == shown[-1:] == "'" and len(shown) > 1) or _is_number(shown)


def _is_number(shown: str) -> bool:
    try:
        float(shown)
    except ValueError:
        return False
    return True


def target_parameters(config: pytest.Config) -> dict[str, str]:
    """What the scenario ran against: also part of the result's history id, so that runs
    against the mock and against a staging portal keep separate histories."""
    return {
        "target": "mock" if is_mock(config) else "real portal",
        "environment": config.stash[PLAN].environment,
    }


def faq_links(config: pytest.Config, template: ScenarioTemplate) -> list[Link]:
    """One link per FAQ sentence the scenario quotes, to that sentence on the court's FAQ page.

    The court's FAQ page has no ids to link to, so the link is a text fragment
    (`#:~:text=...`), which browsers scroll to and highlight. The page is the court site the
    run was against; `--allure-link-pattern faq:PATTERN` (PATTERN with `{}` where the
    fragment goes) points the links at another copy, such as the court's published page.
    A target without the FAQ page (its profile says so) gets links only through that option.
    """
    patterns = dict(getattr(config.option, "allure_link_pattern", None) or [])
    profile = config.stash[PROFILE]
    if FAQ_LINK_TYPE not in patterns and not profile.has("court_faq_page"):
        return []
    links = []
    for faq_quote in faq_quotes(template):
        fragment = "#:~:text=" + quote(as_read(faq_quote.text), safe="")
        if FAQ_LINK_TYPE in patterns:
            url = patterns[FAQ_LINK_TYPE].format(fragment)
        else:
            url = _court_url(config) + profile.path_of("court_faq") + fragment
        links.append(Link(type=LinkType.LINK, url=url, name=f"FAQ: {faq_quote.text}"))
    return links


def _remember_court_url(item: pytest.Item) -> None:
    # Read while the scenario's fixtures are up: the last test's teardown has already closed
    # the session's embedded mock when the result is described.
    target = cached_fixture(item, "target")
    if isinstance(target, Target) and "court" in target.urls:
        item.config.stash[COURT_URL] = target.urls["court"]


def _court_url(config: pytest.Config) -> str:
    """The court site of this run: the embedded mock's when no other was given."""
    return config.stash.get(COURT_URL, None) or config.stash[PLAN].urls.get("court", "")


def _attach_artifacts(
    listener: PytestBDDListener, test_uuid: str, item: pytest.Item, report: pytest.TestReport
) -> None:
    # pytest-playwright and suite/run/tracing.py name a test's artefacts in its teardown report:
    # the screenshot of every scenario, a kept trace and the page's HTML.
    invocation = Path(item.config.invocation_params.dir)
    for name, value in report.user_properties:
        kind = str(name).removeprefix("playwright_")
        if kind == str(name):
            continue
        path = Path(invocation, str(value))
        title, attachment_type = _ATTACHMENTS.get(kind, (kind, AttachmentType.TEXT))
        if path.is_file():
            listener.lifecycle.attach_file(
                str(uuid.uuid4()),
                str(path),
                name=title,
                attachment_type=attachment_type,
                parent_uuid=test_uuid,
            )


def environment_properties(config: pytest.Config) -> str:
    """Allure's environment file: the target and the browser, shown on the report's front."""
    plan = config.stash[PLAN]
    entries = {
        **target_parameters(config),
        **{f"url.{site}": url for site, url in sorted(plan.urls.items())},
    }
    if BROWSER in config.stash:
        entries["browser"] = config.stash[BROWSER].describe()
    return "".join(f"{key}={_escape(value)}\n" for key, value in entries.items())


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n")


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    folder = _results_dir(config)
    if folder is None or _is_worker(config) or config.option.collectonly:
        return
    if any(folder.glob("*-result.json")):
        text = secrets.mask(environment_properties(config).encode())
        (folder / ENVIRONMENT_FILE).write_bytes(text)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> Iterator[None]:
    # After the report paths of suite.reporting.plugin (registered earlier: called later).
    result = yield
    folder = _results_dir(config)
    if folder is not None and folder.is_dir() and not _is_worker(config):
        count = len(list(folder.glob("*-result.json")))
        try:
            shown = str(folder.relative_to(Path(config.invocation_params.dir).resolve()))
        except ValueError:
            shown = str(folder)
        terminalreporter.write_line(f"Allure results:  {shown} ({count} result(s))")
    return result


def merge_results(shards: Sequence[Path], out: Path) -> int:
    """Copy every shard's allure-results into out/allure-results: result files are named by
    uuid, so shards never collide; the environment file is the same in each. Returns how
    many results the merged folder holds."""
    target = out / RESULTS_FOLDER
    for shard in shards:
        source = shard / RESULTS_FOLDER
        if source.is_dir() and source.resolve() != target.resolve():
            shutil.copytree(source, target, dirs_exist_ok=True)
    return len(list(target.glob("*-result.json"))) if target.is_dir() else 0
