"""`--dist loadgroup` with pytest 9.2: put each grouped test's group back into its node id.

pytest-xdist sends every test marked `xdist_group("name")` to one worker by appending
`@name` to the test's node id on the worker, which its scheduler then reads. pytest-xdist
3.8 appends it to `item._nodeid`, which pytest 9.2 no longer reads (its node ids are
structured, `item._id`): the groups are silently ignored, and a run that several tests read
runs once per worker (pytest-dev/pytest-xdist#1386, fix proposed in #1388). Until a fixed
pytest-xdist is pinned, this appends the suffix itself, after pytest-xdist's own hook, and
only when that hook did not.
"""

from __future__ import annotations

import pytest


def group_suffix(item: pytest.Item) -> str | None:
    """`@name` as pytest-xdist builds it from the item's xdist_group marks (joined, sorted)."""
    names = {
        str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
        for mark in item.iter_markers("xdist_group")
    }
    return "@" + "_".join(sorted(names)) if names else None


@pytest.hookimpl(trylast=True)  # after pytest-xdist's own (registered by tests/conftest.py)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a pytest-xdist worker of a `--dist loadgroup` run: each grouped item's node id ends
    with its group, as the scheduler expects."""
    if not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        suffix = group_suffix(item)
        if suffix is None or item.nodeid.endswith(suffix):
            continue
        if hasattr(item, "_id"):  # pytest >= 9.2: a structured node id
            from _pytest.nodeid import NodeId

            item._id = NodeId.parse(item.nodeid + suffix)
        else:
            item._nodeid = item.nodeid + suffix
