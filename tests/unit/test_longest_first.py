"""make test's order: the longest work first, a shared run's group as one."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests import longest_first


class Item(SimpleNamespace):
    """What longest_first reads of a pytest item."""

    def __init__(self, nodeid: str, group: str | None = None, slow: bool = False) -> None:
        path, _, name = nodeid.partition("::")
        marks = [pytest.mark.xdist_group(group).mark] if group else []
        super().__init__(nodeid=nodeid, name=name, cls=None, path=Path(path), marks=marks)
        self.slow = slow

    def iter_markers(self, name: str) -> Any:
        return (mark for mark in self.marks if mark.name == name)

    def get_closest_marker(self, name: str) -> Any:
        return pytest.mark.slow.mark if name == "slow" and self.slow else None


def ordered(items: list[Item], durations: dict[str, float]) -> list[str]:
    longest_first.order(items, durations)  # type: ignore[arg-type]
    return [item.nodeid for item in items]


def test_units_go_longest_first_and_a_group_counts_as_the_sum_of_its_tests() -> None:
    items = [
        Item("tests/unit/test_a.py::test_quick"),
        Item("tests/integration/test_b.py::test_reads_1", group="run"),
        Item("tests/integration/test_c.py::test_alone"),
        Item("tests/integration/test_b.py::test_reads_2", group="run"),
    ]
    durations = {
        "tests.integration.test_c::test_alone": 100.0,
        "tests.integration.test_b::test_reads_1": 60.0,  # the shared run's cost: its first reader
        "tests.integration.test_b::test_reads_2": 50.0,
    }
    assert ordered(items, durations) == [
        "tests/integration/test_b.py::test_reads_1",
        "tests/integration/test_b.py::test_reads_2",
        "tests/integration/test_c.py::test_alone",
        "tests/unit/test_a.py::test_quick",
    ]


def test_without_recorded_seconds_the_slow_files_go_first_in_their_order() -> None:
    items = [
        Item("tests/unit/test_a.py::test_1"),
        Item("tests/integration/test_b.py::test_1", slow=True),
        Item("tests/integration/test_b.py::test_2"),
        Item("tests/unit/test_a.py::test_2"),
    ]
    assert ordered(items, {}) == [
        "tests/integration/test_b.py::test_1",
        "tests/integration/test_b.py::test_2",
        "tests/unit/test_a.py::test_1",
        "tests/unit/test_a.py::test_2",
    ]


def test_a_test_is_named_as_its_junit_case_reads() -> None:
    item = SimpleNamespace(
        nodeid="tests/reports/test_x.py::TestRuns::test_y[serial]@run", name="test_y[serial]"
    )
    item.cls = type("TestRuns", (), {})
    assert longest_first.junit_name(item) == "tests.reports.test_x.TestRuns::test_y[serial]"  # type: ignore[arg-type]


def test_recording_keeps_the_tests_of_5_seconds_or_more_longest_first(tmp_path: Path) -> None:
    junit = tmp_path / "junit.xml"
    junit.write_text(
        '<testsuites><testsuite name="pytest">'
        '<testcase classname="tests.integration.test_b" name="test_1" time="12.34"/>'
        '<testcase classname="tests.unit.test_a" name="test_1" time="0.01"/>'
        '<testcase classname="tests.integration.test_c" name="test_2[a]@run]" time="99"/>'
        "</testsuite></testsuites>",
        encoding="utf-8",
    )
    written = tmp_path / "durations.json"
    assert longest_first.record([junit], written) == 2
    assert json.loads(written.read_text(encoding="utf-8"))["seconds"] == {
        "tests.integration.test_c::test_2[a]": 99.0,
        "tests.integration.test_b::test_1": 12.3,
    }
    assert longest_first.load_durations(written)["tests.integration.test_b::test_1"] == 12.3


def test_a_missing_or_broken_file_orders_by_slow_files_alone(tmp_path: Path) -> None:
    assert longest_first.load_durations(tmp_path / "none.json") == {}
    broken = tmp_path / "broken.json"
    for text in ("{", "[]", '{"seconds": {"a": "slow"}}', '{"seconds": []}'):
        broken.write_text(text, encoding="utf-8")
        assert longest_first.load_durations(broken) == {}, text


def test_the_recorded_file_names_tests_that_exist() -> None:
    # A renamed test only orders less well; a file naming none that exist orders nothing.
    recorded = longest_first.load_durations()
    assert len(recorded) >= 10
    modules = {name.split("::")[0] for name in recorded}
    root = Path(longest_first.__file__).parents[1]
    assert all(
        (root / (module.split(".Test")[0].replace(".", "/") + ".py")).is_file()
        for module in modules
    )
