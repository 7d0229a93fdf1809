"""The pytest plugin that records every scenario and writes the run's reports.

Why not pytest-bdd's --cucumberjson: in 9.0.1 it is empty under pytest-xdist (scenario data
stays in the worker), crashes under pytest-rerunfailures and leaves undefined steps out.
Instead each process (each xdist worker, or the only process) writes one JSON record per
scenario test into reports/.results/ as the test ends; a rerun of the test overwrites its
file, so the last attempt wins. The controller (the process without `workerinput`) merges
the records at the end into reports/results.json, cucumber.json and report.html, next to
pytest's own --junitxml and pytest-playwright's artefacts in reports/artifacts.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import os
import platform
import shlex
import shutil
import time
from collections.abc import Callable, Generator, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import allure
import pytest
from pytest_bdd.parser import Feature, Scenario, ScenarioTemplate, Step
from pytest_bdd.scenario import scenario_wrapper_template_registry

from suite.audits.accessibility import audits_of, navigated_by
from suite.authoring.features import examples_of, relative
from suite.reporting.build import ARTIFACTS_FOLDER, JUNIT_FILE, ReportPaths, write_reports
from suite.reporting.records import Artifact, Outcome, Record, StepRecord
from suite.run import secrets
from suite.run.plugin import BROWSER, PLAN, PROFILE
from suite.target.profiles import NOT_APPLICABLE
from suite.target.sites import Target

RESULTS_FOLDER = ".results"
REPORTS_DIR = pytest.StashKey[Path]()
STARTED = pytest.StashKey[float]()
WRITTEN = pytest.StashKey[ReportPaths]()
SCENARIOS_SELECTED = pytest.StashKey[bool]()
RECORDER = pytest.StashKey["Recorder"]()
_MAX_ERROR_LINES = 12  # the full text is in the technical details
_MAX_LONGREPR = 20_000


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cit-faq-reports", "CIT FAQ suite: reports")
    group.addoption(
        "--reports-dir",
        default=None,
        metavar="DIR",
        help="where the reports go: report.html, cucumber.json, results.json, and junit.xml "
        "and artifacts/ unless --junitxml or --output is given (default: the folder that "
        "holds --output, i.e. reports/)",
    )


def _reports_dir(config: pytest.Config) -> Path:
    # Beside the artefacts by default, so that a run given its own --output (a child run in
    # a test, a shard) keeps its reports there too, never in another run's reports/.
    invocation = Path(config.invocation_params.dir)
    chosen = config.getoption("reports_dir")
    if chosen:
        return Path(invocation, chosen).resolve()
    if config.pluginmanager.hasplugin("playwright"):
        output = Path(invocation, config.getoption("--output")).resolve()
        if output.parent != invocation.resolve():
            return output.parent
    return (invocation / "reports").resolve()


def _given(config: pytest.Config, *names: str) -> bool:
    """Whether one of these options was given on the command line or in PYTEST_ADDOPTS,
    rather than left at the value of pyproject.toml's addopts."""
    args = [
        *shlex.split(os.environ.get("PYTEST_ADDOPTS", "")),
        *map(str, config.invocation_params.args),
    ]
    return any(arg == name or arg.startswith(f"{name}=") for arg in args for name in names)


def _follow_reports_dir(config: pytest.Config, reports: Path) -> None:
    # addopts send pytest's JUnit XML to reports/junit.xml and pytest-playwright's artefacts
    # to reports/artifacts. With --reports-dir, those defaults follow it; a --junitxml or
    # --output the user gave stays. Done before junitxml's pytest_configure reads xmlpath
    # and before any fixture reads --output (xdist workers do the same for themselves).
    junit_given = _given(config, "--junitxml", "--junit-xml")
    if getattr(config.option, "xmlpath", None) and not junit_given:
        config.option.xmlpath = str(reports / JUNIT_FILE)
    if hasattr(config.option, "output") and not _given(config, "--output"):
        config.option.output = str(reports / ARTIFACTS_FOLDER)


def _artifacts_dir(config: pytest.Config) -> Path | None:
    if not config.pluginmanager.hasplugin("playwright"):
        return None
    return Path(config.invocation_params.dir, config.getoption("--output")).resolve()


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def _worker_id(config: pytest.Config) -> str:
    workerinput: dict[str, Any] = getattr(config, "workerinput", {})
    return str(workerinput.get("workerid", "main"))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    reports = _reports_dir(config)
    if config.option.collectonly and not _given(config, "--junitxml", "--junit-xml"):
        config.option.xmlpath = None  # an empty junit.xml would replace the last run's
    if config.getoption("reports_dir"):
        try:  # now, not at the end of the run, with a traceback
            reports.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise pytest.UsageError(
                f"--reports-dir {config.getoption('reports_dir')}: cannot create {reports}: "
                f"{error.strerror}"
            ) from None
        _follow_reports_dir(config, reports)
    config.stash[REPORTS_DIR] = reports
    config.stash[RECORDER] = Recorder(config, reports / RESULTS_FOLDER)
    # A --collect-only run (a test's child pytest, say) runs nothing: it must not wipe the
    # records of a run going on in the same reports/ (make test's own).
    if _is_worker(config) or config.option.collectonly:
        return
    config.stash[STARTED] = time.time()
    # Records of an earlier run must not leak into this one's reports.
    shutil.rmtree(reports / RESULTS_FOLDER, ignore_errors=True)


def _is_xdist_controller(config: pytest.Config) -> bool:
    return config.pluginmanager.hasplugin("dsession")


def _clear_artifacts(config: pytest.Config) -> None:
    # pytest-playwright empties its --output folder from a session fixture in every xdist
    # worker, when that worker starts its first test: a worker that starts late deletes the
    # trace another worker has just kept. The controller empties it once instead, before
    # any test runs, and the fixture is made a no-op below.
    output = _artifacts_dir(config)
    if output is not None:
        shutil.rmtree(output, ignore_errors=True)


def pytest_sessionstart(session: pytest.Session) -> None:
    if _is_xdist_controller(session.config):
        _clear_artifacts(session.config)  # workers start their tests only after this


def pytest_collection_finish(session: pytest.Session) -> None:
    # Without xdist the run knows its tests here: a run with no scenario (the mock's own
    # tests, say) leaves the last run's reports and artefacts alone.
    config = session.config
    if _is_worker(config) or _is_xdist_controller(config) or config.option.collectonly:
        return
    if any(_template_of(item) is not None for item in session.items):
        config.stash[SCENARIOS_SELECTED] = True


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session: pytest.Session) -> None:
    # Only once the run is sure to start: a usage error found after collection (an unknown
    # -m marker) must not wipe the last run's artefacts.
    config = session.config
    if config.stash.get(SCENARIOS_SELECTED, False) and not _is_xdist_controller(config):
        _clear_artifacts(config)


@pytest.fixture(scope="session", autouse=True)
def delete_output_dir() -> None:
    """Overrides pytest-playwright's fixture of the same name: see _clear_artifacts."""


def _template_of(item: pytest.Item) -> ScenarioTemplate | None:
    function = getattr(item, "obj", None)
    if function is None:
        return None
    try:
        return scenario_wrapper_template_registry.get(function)
    except TypeError:  # not weak-referenceable: not a scenario
        return None


class Recorder:
    """Builds the record of the scenario test running in this process, attempt by attempt."""

    def __init__(self, config: pytest.Config, folder: Path) -> None:
        self.config = config
        self.folder = folder
        self.root = Path(config.rootpath)
        self.reports = folder.parent
        self.worker = _worker_id(config)
        self.attempts: dict[str, int] = {}
        self.current: dict[str, Record] = {}
        # The step each test is in, and when it started, by node id.
        self.running: dict[str, tuple[StepRecord, float]] = {}
        self.session: dict[str, Any] = {}

    # --- building the record ---------------------------------------------------------------

    def start(self, item: pytest.Item) -> None:
        template = _template_of(item)
        if template is None:
            return
        nodeid = item.nodeid
        self.attempts[nodeid] = self.attempts.get(nodeid, 0) + 1
        example = self._example(item)
        rows = examples_of(template)
        scenario = template.render(example or {})
        feature = template.feature
        self.current[nodeid] = {
            "nodeid": nodeid,
            "worker": self.worker,
            "attempts": self.attempts[nodeid],
            "started": time.time(),
            "duration": 0.0,
            "feature": {
                "path": relative(feature.filename, self.root),
                "name": feature.name,
                "description": feature.description,
                "tags": sorted(feature.tags),
                "line": feature.line_number,
                "keyword": feature.keyword,
            },
            "scenario": {
                "name": scenario.name,
                "template": template.name,
                "keyword": template.keyword,
                "line": template.line_number,
                "description": template.description,
                "tags": sorted(template.tags),
                "example": example,
                "example_index": rows.index(example) if example in rows else None,
            },
            "steps": self._steps(scenario),
            "outcome": "passed",
            "phase": "call",
            "reason": None,
            "error": None,
            "longrepr": None,
            "artifacts": [],
        }

    @staticmethod
    def _example(item: pytest.Item) -> dict[str, str] | None:
        callspec = getattr(item, "callspec", None)
        example = callspec.params.get("_pytest_bdd_example") if callspec else None
        return dict(example) if isinstance(example, dict) else None

    @staticmethod
    def _steps(scenario: Scenario) -> list[StepRecord]:
        return [
            {
                "keyword": step.keyword,
                "text": step.name,
                "type": step.type,
                "line": step.line_number,
                "status": "skipped",
                "duration": 0.0,
                "error": None,
                "location": None,
                "checked": [],
            }
            for step in scenario.steps
        ]

    def step(
        self, request: pytest.FixtureRequest, scenario: Scenario, step: Step
    ) -> StepRecord | None:
        record = self.current.get(request.node.nodeid)
        if record is None:
            return None
        # pytest-bdd hands over the scenario it rendered; its steps are the record's, in order.
        index = next(i for i, s in enumerate(scenario.steps) if s is step)
        return record["steps"][index]

    def step_started_now(
        self,
        request: pytest.FixtureRequest,
        scenario: Scenario,
        step: Step,
        step_func: Callable[..., object],
    ) -> None:
        entry = self.step(request, scenario, step)
        if entry is not None:
            self.running[request.node.nodeid] = (entry, time.perf_counter())
            entry["location"] = _location(step_func, self.root)

    def step_finished(
        self,
        request: pytest.FixtureRequest,
        scenario: Scenario,
        step: Step,
        status: str,
        error: BaseException | None = None,
    ) -> None:
        entry = self.step(request, scenario, step)
        if entry is None:
            return
        _, started = self.running.pop(request.node.nodeid, (entry, time.perf_counter()))
        entry["duration"] = time.perf_counter() - started
        entry["status"] = status  # type: ignore[typeddict-item]
        entry["error"] = _short_error(error) if error is not None else None

    def note_checked(self, nodeid: str, text: str) -> None:
        """A text the running step looks for on this target (its profile's wording)."""
        running = self.running.get(nodeid)
        if running is not None and text not in running[0]["checked"]:
            running[0]["checked"].append(text)

    def note_substep(self, nodeid: str, text: str) -> None:
        """What happened inside the running step that its words do not say."""
        running = self.running.get(nodeid)
        if running is not None:
            running[0].setdefault("substeps", []).append(text)

    def note_sign_in(self, nodeid: str, sign_in: dict[str, Any]) -> None:
        record = self.current.get(nodeid)
        if record is not None:
            record.setdefault("sign_ins", []).append(sign_in)

    def report(self, item: pytest.Item, report: pytest.TestReport) -> None:
        record = self.current.get(item.nodeid)
        if record is None:
            return
        record["duration"] += report.duration
        if report.when == "call" or report.failed or report.skipped:
            self._outcome(record, report)
        if report.when == "call":
            self._capture_session(item)
        if report.when == "teardown":
            self._artifacts(record, report)
            record["accessibility"] = [dict(audit) for audit in audits_of(item)]
            record["navigated"] = navigated_by(item)
            self._cut_short(record, item.nodeid)
            self.write(record)
            del self.current[item.nodeid]

    def _outcome(self, record: Record, report: pytest.TestReport) -> None:
        if report.when != "call" and record["outcome"] in ("failed", "error"):
            return  # the first failure is the one to show
        outcome: Outcome
        if hasattr(report, "wasxfail"):
            outcome = "skipped" if report.skipped else "passed"
            record["reason"] = f"expected to fail: {report.wasxfail}"
        elif report.skipped:
            reason = record["reason"] = _skip_reason(report)
            # A page the target lacks: neither passed nor an ordinary skip
            # (suite/target/profiles.py).
            applicable = not reason.startswith(NOT_APPLICABLE)
            outcome = "skipped" if applicable else "not applicable"
        elif report.failed:
            outcome = "failed" if report.when == "call" else "error"
            record["error"] = _crash_message(report)
            record["longrepr"] = report.longreprtext[-_MAX_LONGREPR:]
        else:
            outcome = "passed"
        if (
            report.when == "teardown"
            and record["outcome"] in ("skipped", "not applicable")
            and outcome != "error"
        ):
            return
        record["outcome"], record["phase"] = outcome, report.when

    def _artifacts(self, record: Record, report: pytest.TestReport) -> None:
        invocation = Path(self.config.invocation_params.dir)
        for name, value in report.user_properties:
            if str(name).startswith("playwright_"):
                path = Path(invocation, str(value)).resolve()
                artifact: Artifact = {
                    "kind": str(name).removeprefix("playwright_"),
                    "path": Path(os.path.relpath(path, self.reports)).as_posix(),
                }
                record["artifacts"].append(artifact)

    def _cut_short(self, record: Record, nodeid: str) -> None:
        # A step that started and never finished was cut short without a pytest-bdd hook
        # saying so: by pytest.skip() (not an error to pytest-bdd) or by an interrupt.
        if nodeid not in self.running:
            return
        step, started = self.running.pop(nodeid)
        step["duration"] = time.perf_counter() - started
        if record["outcome"] in ("failed", "error"):
            step["status"], step["error"] = "failed", record["error"]
        elif record["outcome"] in ("skipped", "not applicable"):
            step["error"] = record["reason"]  # skipped here, and why

    def write(self, record: Record) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = hashlib.sha256(record["nodeid"].encode()).hexdigest()[:24] + ".json"
        _write_masked(self.folder / name, record)

    # --- what the run was against ----------------------------------------------------------

    def _capture_session(self, item: pytest.Item) -> None:
        # Read from fixtures that the scenario already set up: the report never starts a
        # browser or a mock of its own.
        before = dict(self.session)
        target = _cached_fixture(item, "target")
        if isinstance(target, Target) and "target" not in self.session:
            self.session["target"] = {
                "environment": target.environment,
                "kind": target.kind,
                "is_mock": target.is_mock,
                "urls": dict(target.urls),
                "sources": dict(target.sources),
            }
        browser = _cached_fixture(item, "browser")
        if browser is not None and "browser_version" not in self.session:
            self.session["browser_version"] = str(getattr(browser, "version", ""))
            browser_type = getattr(browser, "browser_type", None)
            self.session["browser_name"] = str(getattr(browser_type, "name", ""))
        if self.session != before:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_masked(self.folder / f"session-{self.worker}.json", self.session)


def _location(function: Callable[..., object], root: Path) -> str | None:
    try:
        source = inspect.getsourcefile(function)
        line = inspect.getsourcelines(function)[1]
    except (OSError, TypeError):
        return None
    return f"{relative(source or '', root)}:{line}"


def _write_masked(path: Path, data: object) -> None:
    text = json.dumps(data, indent=1, ensure_ascii=False).encode()
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(secrets.mask(text))
    os.replace(temporary, path)  # whole files only: the controller may be reading


def _cached_fixture(item: pytest.Item, name: str) -> object | None:
    manager = item.config.pluginmanager.get_plugin("funcmanage")
    definitions = manager.getfixturedefs(name, item) if manager is not None else None
    for definition in reversed(definitions or []):
        cached = definition.cached_result
        if cached is not None and cached[2] is None:
            value: object = cached[0]
            return value
    return None


def _short_error(error: BaseException) -> str:
    text = f"{type(error).__name__}: {error}".strip()
    lines = text.splitlines()
    if len(lines) > _MAX_ERROR_LINES:
        lines = [*lines[:_MAX_ERROR_LINES], f"… ({len(lines) - _MAX_ERROR_LINES} more lines)"]
    return "\n".join(lines)


def _crash_message(report: pytest.TestReport) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    message = getattr(crash, "message", None)
    if message:
        return str(message)
    lines = report.longreprtext.strip().splitlines()
    return lines[-1] if lines else "failed"


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    return str(reason).removeprefix("Skipped: ")


def _worker_count(config: pytest.Config) -> int:
    count = getattr(config.option, "numprocesses", None)  # xdist's -n, "auto" made a number
    return count if isinstance(count, int) and count > 0 else 1


def session_info(config: pytest.Config) -> dict[str, Any]:
    """What the controller knows of the run; the workers add the target's actual URLs and
    the browser version (see Recorder._capture_session)."""
    info: dict[str, Any] = {
        "started": config.stash[STARTED],
        "finished": time.time(),
        "workers": _worker_count(config),
        "args": shlex.join(config.invocation_params.args),
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
    }
    for package in ("pytest", "pytest-bdd", "playwright"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            info[package.replace("-", "_")] = metadata.version(package)
    plan = config.stash.get(PLAN, None)
    if plan is not None:
        info["target"] = {
            "environment": plan.environment,
            "urls": dict(plan.urls),
            "sources": dict(plan.sources),
        }
    if PROFILE in config.stash:
        profile = config.stash[PROFILE]
        info["profile"] = {
            "name": profile.name,
            "file": profile.path.name,
            "values": sum(profile.counts().values()),
            **{source: profile.counts()[source] for source in ("guess", "seen", "faq", "target")},
        }
    if BROWSER in config.stash:
        info["browser"] = config.stash[BROWSER].describe()
    browsers = (
        config.getoption("browser", None) if config.pluginmanager.hasplugin("playwright") else None
    )
    if browsers:
        info["browser_name"] = ", ".join(browsers)
    if config.pluginmanager.hasplugin("randomly"):  # the order is part of what happened
        info["random_seed"] = config.getoption("randomly_seed", None)
    return info


# --- pytest and pytest-bdd hooks ---------------------------------------------------------------


def note_checked(item: pytest.Item, text: str) -> None:
    """Note, at the step now running, a text it looks for (shown in the HTML report)."""
    if RECORDER in item.config.stash:
        item.config.stash[RECORDER].note_checked(item.nodeid, text)


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
    if RECORDER in item.config.stash:
        item.config.stash[RECORDER].note_substep(item.nodeid, said[-1] if said else title)


def note_sign_in(item: pytest.Item, sign_in: dict[str, Any]) -> None:
    """One sign-in through PACER login (for the run's figures: results.json, the summary)."""
    if RECORDER in item.config.stash:
        item.config.stash[RECORDER].note_sign_in(item.nodeid, sign_in)


def _recorder(config: pytest.Config) -> Recorder:
    return config.stash[RECORDER]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Each attempt starts here, including pytest-rerunfailures' reruns of the same item.
    _recorder(item.config).start(item)


def pytest_bdd_before_step(
    request: pytest.FixtureRequest,
    feature: Feature,
    scenario: Scenario,
    step: Step,
    step_func: Callable[..., object],
) -> None:
    _recorder(request.config).step_started_now(request, scenario, step, step_func)


def pytest_bdd_after_step(
    request: pytest.FixtureRequest,
    feature: Feature,
    scenario: Scenario,
    step: Step,
    step_func: Callable[..., object],
    step_func_args: dict[str, object],
) -> None:
    _recorder(request.config).step_finished(request, scenario, step, "passed")


def pytest_bdd_step_error(
    request: pytest.FixtureRequest,
    feature: Feature,
    scenario: Scenario,
    step: Step,
    step_func: Callable[..., object],
    step_func_args: dict[str, object],
    exception: Exception,
) -> None:
    _recorder(request.config).step_finished(request, scenario, step, "failed", exception)


def pytest_bdd_step_func_lookup_error(
    request: pytest.FixtureRequest,
    feature: Feature,
    scenario: Scenario,
    step: Step,
    exception: Exception,
) -> None:
    _recorder(request.config).step_finished(request, scenario, step, "undefined", exception)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    # A plain wrapper finishes after pytest-playwright's (trylast) one, so the teardown
    # report already carries the trace and screenshot paths.
    report = yield
    _recorder(item.config).report(item, report)
    template = _template_of(item)
    if report.skipped and isinstance(report.longrepr, tuple) and template is not None:
        # A step's pytest.skip() is located in pytest-bdd's scenario.py; the summary line
        # ("SKIPPED [1] path:line: reason") points at the scenario in its feature file instead.
        feature = relative(template.feature.filename, Path(item.config.rootpath))
        report.longrepr = (feature, template.line_number, report.longrepr[2])
    return report


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    if _is_worker(config) or config.option.collectonly:
        return  # ran nothing, and another run's records may be in reports/.results
    if exitstatus == pytest.ExitCode.USAGE_ERROR:
        return  # a usage error ran nothing: the last run's reports stay
    reports = config.stash[REPORTS_DIR]
    ran_scenarios = any((reports / RESULTS_FOLDER).glob("*.json"))
    if not (ran_scenarios or config.stash.get(SCENARIOS_SELECTED, False)):
        return  # no scenario in this run: nothing to report, and the last report stays
    features_dir = Path(config.rootpath, str(config.getini("bdd_features_base_dir") or "features"))
    session_data = session_info(config)
    if exitstatus == pytest.ExitCode.INTERRUPTED:  # Ctrl-C: say so, or it reads as complete
        session_data["interrupted"] = True
    junit = getattr(config.option, "xmlpath", None)
    config.stash[WRITTEN] = write_reports(
        reports,
        reports / RESULTS_FOLDER,
        session_data,
        features_dir,
        Path(config.rootpath),
        junit=Path(config.invocation_params.dir, junit).resolve() if junit else None,
        artifacts=_artifacts_dir(config),
    )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> Iterator[None]:
    # Outermost wrapper: these lines come after pytest's short summary, just before the
    # final "N passed" line, so the paths are the last thing a person reads.
    result = yield
    skipped = terminalreporter.stats.get("skipped", [])
    lacking = sum(1 for report in skipped if _skip_reason(report).startswith(NOT_APPLICABLE))
    if lacking:
        # pytest counts them as skipped: say which of those the target could not run at all.
        terminalreporter.write_line(
            f"{lacking} of the skipped are {NOT_APPLICABLE} (its profile says it lacks a page "
            f"they need): not passed, not failed"
        )
    written = config.stash.get(WRITTEN, None)
    if written is not None:
        terminalreporter.write_sep("-", "reports")
        for line in written.describe(Path(config.invocation_params.dir), replaced_next_run=True):
            terminalreporter.write_line(line)
    return result
