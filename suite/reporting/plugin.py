"""The pytest plugin that records every scenario and writes the run's reports.

Why not pytest-bdd's --cucumberjson: in 9.0.1 it is empty under pytest-xdist (scenario data
stays in the worker), crashes under pytest-rerunfailures and leaves undefined steps out.
Instead each process (each xdist worker, or the only process) writes one JSON record per
scenario test into reports/.results/ as the test ends; a rerun of the test overwrites its
file, so the last attempt wins. The controller (the process without `workerinput`) merges
the records at the end into reports/results.json, cucumber.json and report.html, next to
pytest's own --junitxml and pytest-playwright's artefacts in reports/artifacts.

The records are suite/reporting/recorder.py's; the folders suite/run/output.py's. Steps feed
the records through the hooks of suite/run/step_notes.py, implemented below.
"""

from __future__ import annotations

import contextlib
import platform
import shlex
import shutil
import time
from collections.abc import Callable, Generator, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from pytest_bdd.parser import Feature, Scenario, Step

from suite.authoring.features import relative
from suite.reporting.build import ReportPaths, write_reports
from suite.reporting.recorder import Recorder, skip_reason
from suite.run.items import is_worker, template_of
from suite.run.output import REPORTS_DIR, SCENARIOS_SELECTED, artifacts_dir
from suite.run.state import BROWSER, PLAN, PROFILE
from suite.target.profiles import NOT_APPLICABLE

RESULTS_FOLDER = ".results"
STARTED = pytest.StashKey[float]()
WRITTEN = pytest.StashKey[ReportPaths]()
RECORDER = pytest.StashKey[Recorder]()


def pytest_configure(config: pytest.Config) -> None:
    # After suite/run/output.py's (tryfirst) has chosen the reports folder.
    reports = config.stash[REPORTS_DIR]
    config.stash[RECORDER] = Recorder(config, reports / RESULTS_FOLDER)
    # A --collect-only run (a test's child pytest, say) runs nothing: it must not wipe the
    # records of a run going on in the same reports/ (make test's own).
    if is_worker(config) or config.option.collectonly:
        return
    config.stash[STARTED] = time.time()
    # Records of an earlier run must not leak into this one's reports.
    shutil.rmtree(reports / RESULTS_FOLDER, ignore_errors=True)


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


# --- pytest and pytest-bdd hooks, and the steps' notes (suite/run/step_notes.py) ----------------


def pytest_cit_faq_checked(item: pytest.Item, text: str) -> None:
    if RECORDER in item.config.stash:
        item.config.stash[RECORDER].note_checked(item.nodeid, text)


def pytest_cit_faq_substep(item: pytest.Item, text: str) -> None:
    if RECORDER in item.config.stash:
        item.config.stash[RECORDER].note_substep(item.nodeid, text)


def pytest_cit_faq_sign_in(item: pytest.Item, sign_in: dict[str, Any]) -> None:
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
    template = template_of(item)
    if report.skipped and isinstance(report.longrepr, tuple) and template is not None:
        # A step's pytest.skip() is located in pytest-bdd's scenario.py; the summary line
        # ("SKIPPED [1] path:line: reason") points at the scenario in its feature file instead.
        feature = relative(template.feature.filename, Path(item.config.rootpath))
        report.longrepr = (feature, template.line_number, report.longrepr[2])
    return report


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    if is_worker(config) or config.option.collectonly:
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
        artifacts=artifacts_dir(config),
    )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> Iterator[None]:
    # Outermost wrapper: these lines come after pytest's short summary, just before the
    # final "N passed" line, so the paths are the last thing a person reads.
    result = yield
    skipped = terminalreporter.stats.get("skipped", [])
    lacking = sum(1 for report in skipped if skip_reason(report).startswith(NOT_APPLICABLE))
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
