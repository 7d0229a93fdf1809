"""The import graph keeps its contracts (pyproject.toml's [tool.importlinter]): each layer
imports only the layers below it (steps -> pages -> suite.target; the run plugin imports no
report and no audit), and no circle between modules or packages, at any depth.

The contracts are checked by import-linter's own `lint-imports`, as `make lint` runs it. So
that a broken contract is known to fail here, the same check runs on throw-away copies of the
code, each given one import the wrong way, and must name it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ("suite", "steps", "pages", "mock_site")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH first: the packages are read from `root`, not from the installed project.
    environment = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_import_graph_keeps_its_contracts() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


# (module file, the import added at its end, what lint-imports must say)
WRONG_WAYS = {
    "the run plugin imports the reports": (
        "suite/run/plugin.py",
        "import suite.reporting.plugin",
        "suite.run is not allowed to import suite.reporting",
    ),
    "a page object imports the run": (
        "pages/base.py",
        "import suite.run.secrets",
        "pages is not allowed to import suite.run",
    ),
    "the audits import the reports": (
        "suite/audits/accessibility.py",
        "import suite.reporting.recorder",
        "suite.audits is not allowed to import suite.reporting",
    ),
    "a circle inside suite/run": (
        "suite/run/items.py",
        "import suite.run.output",
        "No cycles are allowed in suite.run",
    ),
    "a circle inside suite/retarget": (
        "suite/retarget/urls.py",
        "import suite.retarget.calibrate",
        "No cycles are allowed in suite.retarget",
    ),
}


@pytest.mark.parametrize("wrong_way", WRONG_WAYS.values(), ids=WRONG_WAYS.keys())
def test_an_import_the_wrong_way_breaks_a_contract(
    tmp_path: Path, wrong_way: tuple[str, str, str]
) -> None:
    module, added, said = wrong_way
    shutil.copy2(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    for package in PACKAGES:
        shutil.copytree(
            REPO / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    with (tmp_path / module).open("a", encoding="utf-8") as source:
        source.write(f"\n{added}  # the wrong way, on purpose\n")
    result = lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    assert said in result.stdout, result.stdout
