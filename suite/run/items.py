"""What a test item is to the suite: its pytest-bdd scenario, the fixtures it has already set
up, and which process of the run it is in (pytest-xdist's controller, a worker, the only one).

Read by the reports, the audits and the output folders alike, so that none imports another.
"""

from __future__ import annotations

from typing import Any

import pytest
from pytest_bdd.parser import ScenarioTemplate
from pytest_bdd.scenario import scenario_wrapper_template_registry


def template_of(item: pytest.Item) -> ScenarioTemplate | None:
    function = getattr(item, "obj", None)
    if function is None:
        return None
    try:
        return scenario_wrapper_template_registry.get(function)
    except TypeError:  # not weak-referenceable: not a scenario
        return None


def cached_fixture(item: pytest.Item, name: str) -> object | None:
    """The value of a fixture this test already set up, else None: never one started here."""
    manager = item.config.pluginmanager.get_plugin("funcmanage")
    definitions = manager.getfixturedefs(name, item) if manager is not None else None
    for definition in reversed(definitions or []):
        cached = definition.cached_result
        if cached is not None and cached[2] is None:
            value: object = cached[0]
            return value
    return None


def is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def worker_id(config: pytest.Config) -> str:
    workerinput: dict[str, Any] = getattr(config, "workerinput", {})
    return str(workerinput.get("workerid", "main"))


def is_xdist_controller(config: pytest.Config) -> bool:
    return config.pluginmanager.hasplugin("dsession")
