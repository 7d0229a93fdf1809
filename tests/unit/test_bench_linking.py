"""The benchmark's linking stage table: the overhead ratios and what each trace detail costs."""

from __future__ import annotations

from benchmarks import linking_bench as linking
from benchmarks.report import table


def test_the_table_gives_each_trace_details_cost_over_no_artefacts() -> None:
    medians = {
        linking.BARE_UI: 0.60,
        linking.SUITE_UI: 0.66,
        linking.BARE_REUSE: 0.40,
        linking.SUITE_REUSE: 0.44,
        linking.SUITE_NO_ARTEFACTS: 0.64,
        linking.SUITE_SNAPSHOTS: 0.70,
        linking.SUITE_FULL_TRACES: 0.80,
    }
    link = {
        "samples": {name: [value] for name, value in medians.items()},
        "medians": medians,
        "ratio_ui": 1.1,
        "ratio_reuse": 1.1,
        "artefact_costs": linking.artefact_costs(medians),
        "target_met": True,
    }
    lines = table({"linking": link})
    costs = next(line for line in lines if "trace detail over no artefacts" in line)
    assert "actions (default) 1.03x, snapshots 1.09x, full 1.25x" in costs
