"""The GitHub Actions workflows parse, and the staging example is one a team can paste.

docs/examples/staging.yml (also docs/targets.md "Against a staging portal", word for word) runs the
suite against a staging portal: its variables must be ones the suite reads (a mistyped
persona variable would only skip scenarios), its secrets exactly the persona fields the
scenarios need (suite/retarget/persona_needs.py reads them from the code), nothing destructive by
default, and the reports uploaded whatever happens.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from suite.retarget.persona_needs import persona_needs
from suite.run.personas import PERSONA_VARIABLES, variable_name
from suite.target.sites import SITES, env_var_name

REPO = Path(__file__).resolve().parents[2]
STAGING = REPO / "docs" / "examples" / "staging.yml"
WORKFLOWS = [REPO / ".github" / "workflows" / "acceptance.yml", STAGING]
SOURCES = ("suite", "steps", "pages")
# Read by the suite's tools rather than its code: pytest, and Playwright's browser cache.
TOOLS_VARIABLES = frozenset({"PYTEST_ADDOPTS", "PLAYWRIGHT_BROWSERS_PATH"})
SECRET = re.compile(r"^\$\{\{ secrets\.(\w+) \}\}$")
VARIABLE = re.compile(r"^\$\{\{ vars\.(\w+) \}\}$")


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def variables_the_suite_reads() -> set[str]:
    """From the code: os.environ look-ups with a literal name, *_VARIABLE constants, the
    persona variables and the sites' URL variables."""
    names = set(PERSONA_VARIABLES) | {env_var_name(site) for site in SITES}
    for folder in SOURCES:
        for path in (REPO / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                    for target in node.targets:
                        if isinstance(target, ast.Name) and target.id.endswith("_VARIABLE"):
                            names.add(str(node.value.value))
                looked_up = None
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "get":
                    receiver, args = ast.unparse(node.func.value), node.args  # type: ignore[attr-defined]
                    looked_up = args[0] if "environ" in receiver and args else None
                elif isinstance(node, ast.Subscript) and "environ" in ast.unparse(node.value):
                    looked_up = node.slice
                if isinstance(looked_up, ast.Constant) and isinstance(looked_up.value, str):
                    names.add(looked_up.value)
    return names


def environments(workflow: dict[Any, Any]) -> dict[str, str]:
    """Every `env:` of the workflow, its jobs and their steps."""
    found = dict(workflow.get("env") or {})
    for job in workflow["jobs"].values():
        found |= job.get("env") or {}
        for step in job.get("steps", []):
            found |= step.get("env") or {}
    return {str(k): str(v) for k, v in found.items()}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_each_workflow_parses_and_has_jobs_with_steps(path: Path) -> None:
    workflow = load(path)
    assert workflow.get(True) or workflow.get("on"), "no trigger"  # YAML 1.1 reads on: as True
    assert workflow["jobs"]
    for name, job in workflow["jobs"].items():
        assert job.get("runs-on") and (job.get("steps") or job.get("uses")), name


def test_the_staging_example_names_only_variables_the_suite_reads() -> None:
    known = variables_the_suite_reads()
    assert {"CIT_FAQ_PROFILE", "CIT_FAQ_FILE", "CHROMIUM_PATH", "CIT_FAQ_SIGN_IN"} <= known
    unknown = set(environments(load(STAGING))) - known - TOOLS_VARIABLES
    assert not unknown, f"the suite reads no such variable: {sorted(unknown)}"


def test_its_secrets_are_the_persona_fields_the_scenarios_need() -> None:
    env = environments(load(STAGING))
    secrets = {name: m.group(1) for name, v in env.items() if (m := SECRET.match(v))}
    assert all(name == secret for name, secret in secrets.items()), secrets
    assert set(secrets) <= PERSONA_VARIABLES  # secrets are personas' credentials, nothing else
    needed = {
        variable_name(key, name)
        for key, needs in persona_needs().items()
        for name in needs.fields() + needs.fields(gated=True)
    }
    assert set(secrets) == needed, (
        f"missing: {sorted(needed - set(secrets))}; not needed: {sorted(set(secrets) - needed)}"
    )
    urls = {name: m.group(1) for name, v in env.items() if (m := VARIABLE.match(v))}
    assert urls == {env_var_name(site): env_var_name(site) for site in SITES}


def test_it_is_non_destructive_unless_a_person_asks_and_uploads_the_reports() -> None:
    workflow = load(STAGING)
    inputs = workflow[True]["workflow_dispatch"]["inputs"]
    assert inputs["allow_destructive"]["default"] is False
    assert inputs["allow_wrong_passwords"]["default"] is False
    (job,) = workflow["jobs"].values()
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "--allow-" not in runs and "${{" not in runs  # no input reaches a shell
    assert "pytest tests/acceptance --env staging" in runs
    uploads = [
        s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact")
    ]
    assert [(s["if"], s["with"]["path"]) for s in uploads] == [("always()", "reports/")]


def test_the_targets_guide_shows_the_example_word_for_word() -> None:
    guide = (REPO / "docs" / "targets.md").read_text(encoding="utf-8")
    assert f"```yaml\n{STAGING.read_text(encoding='utf-8')}```" in guide
