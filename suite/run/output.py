"""Where a run's reports and artefacts go: --reports-dir, and pytest-playwright's --output
folder, emptied once per run.

The reports (suite/reporting/), the audits and Allure write into the folder chosen here
(REPORTS_DIR in config.stash). With --reports-dir, pytest's --junitxml and pytest-playwright's
--output follow it, unless given on their own.
"""

from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path

import pytest

from suite.run.items import is_worker, is_xdist_controller, template_of

JUNIT_FILE = "junit.xml"
ARTIFACTS_FOLDER = "artifacts"
REPORTS_DIR = pytest.StashKey[Path]()
SCENARIOS_SELECTED = pytest.StashKey[bool]()


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


def reports_dir(config: pytest.Config) -> Path:
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


def artifacts_dir(config: pytest.Config) -> Path | None:
    if not config.pluginmanager.hasplugin("playwright"):
        return None
    return Path(config.invocation_params.dir, config.getoption("--output")).resolve()


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # First, before junitxml's pytest_configure reads xmlpath and the reports' read the folder.
    reports = reports_dir(config)
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


def _clear_artifacts(config: pytest.Config) -> None:
    # pytest-playwright empties its --output folder from a session fixture in every xdist
    # worker, when that worker starts its first test: a worker that starts late deletes the
    # trace another worker has just kept. The controller empties it once instead, before
    # any test runs, and the fixture is made a no-op below.
    output = artifacts_dir(config)
    if output is not None:
        shutil.rmtree(output, ignore_errors=True)


def pytest_sessionstart(session: pytest.Session) -> None:
    if is_xdist_controller(session.config):
        _clear_artifacts(session.config)  # workers start their tests only after this


def pytest_collection_finish(session: pytest.Session) -> None:
    # Without xdist the run knows its tests here: a run with no scenario (the mock's own
    # tests, say) leaves the last run's reports and artefacts alone.
    config = session.config
    if is_worker(config) or is_xdist_controller(config) or config.option.collectonly:
        return
    if any(template_of(item) is not None for item in session.items):
        config.stash[SCENARIOS_SELECTED] = True


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session: pytest.Session) -> None:
    # Only once the run is sure to start: a usage error found after collection (an unknown
    # -m marker) must not wipe the last run's artefacts.
    config = session.config
    if config.stash.get(SCENARIOS_SELECTED, False) and not is_xdist_controller(config):
        _clear_artifacts(config)


@pytest.fixture(scope="session", autouse=True)
def delete_output_dir() -> None:
    """Overrides pytest-playwright's fixture of the same name: see _clear_artifacts."""
