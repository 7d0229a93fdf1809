"""`make bench`'s stage "linking": one scenario of the suite against the same flow as a bare
Playwright script (benchmarks/bare_linking_flow.py), both on the day PACER asks for a one-time
passcode, in interleaved rounds; and what each trace detail costs over no artefacts at all.
"""

from __future__ import annotations

import itertools
import json
import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.child_runs import PYTHON, failed, pytest_command, read_timings, run_child
from benchmarks.mfa_bench import MFA_ON_DAY

LINKING_TEST = (
    "tests/acceptance/test_faq.py::test_linking_the_cmecf_account_from_the_utilities_menu"
)
# The target of issue 6, point 3: the suite's scenario within 1.2x of the bare script.
TARGET_LINKING_RATIO = 1.2

# Each variant of the linking comparison: how to run it once, returning seconds per flow.
Variant = Callable[[int], list[float]]


def bare_variant(sign_in: str) -> Variant:
    def run(reps: int) -> list[float]:
        child = run_child(
            [
                PYTHON,
                "benchmarks/bare_linking_flow.py",
                "--iterations",
                str(reps),
                "--warmup",
                "1",
                "--sign-in",
                sign_in,
                "--today",
                MFA_ON_DAY,
                "--json",
            ]
        )
        if child.returncode != 0:
            raise failed(child, "the bare linking flow")
        result = json.loads(child.output.strip().splitlines()[-1])
        return [float(x) for x in result["iterations"]]

    return run


def suite_variant(*args: str) -> Variant:
    def run(reps: int) -> list[float]:
        with tempfile.TemporaryDirectory(prefix="bench-linking-") as folder:
            workdir = Path(folder)
            child = run_child(
                pytest_command(
                    workdir,
                    LINKING_TEST,
                    f"--bench-repeat={reps + 2}",
                    f"--mock-today={MFA_ON_DAY}",
                    *args,
                )
            )
            if child.returncode != 0:
                raise failed(child, "the linking scenario")
            tests = read_timings(workdir)["tests"]
        starts = sorted(test["start"] for test in tests.values())
        # start to start: everything one test costs, the hooks between phases included;
        # the first interval (browser launch, first sign-in) is the warm-up.
        return [later - earlier for earlier, later in itertools.pairwise(starts[1:])]

    return run


BARE_UI = "bare script, UI sign-in"
SUITE_UI = "suite scenario, UI sign-in (--sign-in=ui)"
BARE_REUSE = "bare script, reused sign-in"
SUITE_REUSE = "suite scenario, reused sign-in (default)"
SUITE_NO_ARTEFACTS = "suite scenario, UI sign-in, --tracing=off --screenshot=off"
SUITE_SNAPSHOTS = "suite scenario, UI sign-in, --trace-detail=snapshots"
SUITE_FULL_TRACES = "suite scenario, UI sign-in, --trace-detail=full"
# What each artefact setting costs over none, named as docs/qa-engineers.md's trace-detail table.
ARTEFACT_SETTINGS = {
    "actions (default)": SUITE_UI,
    "snapshots": SUITE_SNAPSHOTS,
    "full": SUITE_FULL_TRACES,
}


def artefact_costs(medians: dict[str, float]) -> dict[str, float]:
    """Each trace detail's linking time over the same scenario with no artefacts at all."""
    return {
        setting: medians[name] / medians[SUITE_NO_ARTEFACTS]
        for setting, name in ARTEFACT_SETTINGS.items()
    }


def linking(rounds: int, reps: int) -> dict[str, Any]:
    variants: dict[str, Variant] = {
        BARE_UI: bare_variant("ui"),
        SUITE_UI: suite_variant("--sign-in=ui"),
        BARE_REUSE: bare_variant("reuse"),
        SUITE_REUSE: suite_variant("--sign-in=reuse"),
        SUITE_NO_ARTEFACTS: suite_variant("--sign-in=ui", "--tracing=off", "--screenshot=off"),
        SUITE_SNAPSHOTS: suite_variant("--sign-in=ui", "--trace-detail=snapshots"),
        SUITE_FULL_TRACES: suite_variant("--sign-in=ui", "--trace-detail=full"),
    }
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, variant in variants.items():
            samples[name].extend(variant(reps))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    ratio_ui = medians[SUITE_UI] / medians[BARE_UI]
    ratio_reuse = medians[SUITE_REUSE] / medians[BARE_REUSE]
    return {
        "samples": samples,
        "medians": medians,
        "ratio_ui": ratio_ui,
        "ratio_reuse": ratio_reuse,
        "artefact_costs": artefact_costs(medians),
        "target_met": max(ratio_ui, ratio_reuse) <= TARGET_LINKING_RATIO,
    }
