"""What `make bench` prints and writes beside its JSON: one row per measure with its verdict
against the target, as a plain table and as Markdown (benchmarks/results.md).
"""

from __future__ import annotations

import time
from typing import Any

from benchmarks import mfa_bench
from benchmarks.a11y_bench import TARGET_A11Y_COST
from benchmarks.baseline_bench import TARGET_STARTUP_SECONDS
from benchmarks.child_runs import available_cpus
from benchmarks.linking_bench import TARGET_LINKING_RATIO
from benchmarks.scaling_bench import TARGET_SCALING_EFFICIENCY
from benchmarks.suite_bench import TARGET_REUSE_SAVING


def _met(flag: bool) -> str:
    return "met" if flag else "NOT met"


def table(results: dict[str, Any]) -> list[str]:
    rows: list[tuple[str, str]] = []
    if "machine" in results:
        m = results["machine"]
        rows.append(
            (
                "machine",
                f"{m['cores']} cores, {m['cpu']}, {m['ram_gb']} GB RAM, load "
                f"{m['load_average_at_start']}; {m['browser']}; Playwright {m['playwright']}",
            )
        )
    if "startup" in results:
        s = results["startup"]
        rows.append(
            (
                "pytest start-up + collection",
                f"{s['median']:.2f} s median of {len(s['collect_only_seconds'])} "
                f"({s['tests_collected']} tests; `python -c pass` {s['python_start_median']:.2f} s)"
                f" — target < {TARGET_STARTUP_SECONDS:g} s {_met(s['target_met'])}",
            )
        )
    if "mock" in results:
        k = results["mock"]
        pages = ", ".join(f"{p} {v['median']:.1f}" for p, v in k["pages"].items())
        rows.append(
            (
                "mock page latency",
                f"median {k['median_ms']} ms, p99 {k['p99_ms']} ms, {k['errors']} errors "
                f"(per page, median ms: {pages})",
            )
        )
    if "linking" in results:
        link = results["linking"]
        for name, median in link["medians"].items():
            count = len(link["samples"][name])
            rows.append((f"linking: {name}", f"{median:.3f} s median of {count}"))
        rows.append(
            (
                "linking: suite / bare",
                f"UI sign-in {link['ratio_ui']:.2f}x, reused sign-in {link['ratio_reuse']:.2f}x "
                f"— target <= {TARGET_LINKING_RATIO:g}x {_met(link['target_met'])}",
            )
        )
        costs = ", ".join(f"{k} {v:.2f}x" for k, v in link.get("artefact_costs", {}).items())
        if costs:
            rows.append(("linking: trace detail over no artefacts", costs))
    if "suite" in results:
        s = results["suite"]
        for name, runs in s["runs"].items():
            first = runs[0]
            walls = ", ".join(f"{r['wall']:.1f}" for r in runs)
            rows.append(
                (
                    f"suite: {name}",
                    f"{s['walls'][name]:.1f} s wall (runs: {walls}); {first['tests']} tests "
                    f"{first['outcomes']}; median test {first['median_test']:.2f} s, slowest "
                    f"{first['slowest_seconds']:.2f} s ({first['slowest_test']}); peak RSS "
                    f"{first['max_process_rss_mb']:.0f} MB largest process, "
                    f"{first['peak_tree_pss_mb']:.0f} MB whole tree (PSS); CPU "
                    f"{first['cpu_seconds']:.0f} s, {first['cpu_utilisation'] * 100:.0f}% of "
                    f"{len(available_cpus())} cores",
                )
            )
        sign_in = s["sign_in"]
        rows.append(
            (
                "suite: sign-in reuse saves",
                f"{s['reuse_saving'] * 100:.0f}% of the wall time — target >= "
                f"{TARGET_REUSE_SAVING * 100:.0f}% {_met(s['reuse_target_met'])}. "
                f"{sign_in['tests_signing_in_as_a_precondition']} of {first['tests']} tests sign "
                f"in as a precondition: {sign_in['ui_sign_in_seconds']:.1f} s through the UI, "
                f"{sign_in['reused_sign_in_seconds']:.1f} s reused; a free sign-in would save "
                f"{sign_in['ceiling'] * 100:.0f}% at most. Those tests alone: "
                f"{sign_in['ui_tests_seconds']:.1f} s with UI sign-in, "
                f"{sign_in['reused_tests_seconds']:.1f} s reused, "
                f"{sign_in['saving_where_it_applies'] * 100:.0f}% saved",
            )
        )
        rows.append(
            (
                "suite: -n 2 speed-up",
                f"{s['parallel_speedup']:.2f}x over serial on {len(available_cpus())} cores "
                f"— target: never slower {_met(s['parallel_target_met'])}",
            )
        )
        for name, runs in s["runs"].items():
            kinds = runs[0]["cpu_by_kind"]
            total = sum(kinds.values()) or 1.0
            share = ", ".join(f"{k} {v:.0f} s ({v / total * 100:.0f}%)" for k, v in kinds.items())
            rows.append((f"CPU: {name}", share))
    if "a11y" in results:
        a = results["a11y"]
        for name, runs in a["runs"].items():
            walls = ", ".join(f"{r['wall']:.1f}" for r in runs)
            rows.append((f"suite: {name}", f"{a['walls'][name]:.1f} s median (runs: {walls})"))
        rows.append(
            (
                "suite: axe-core audits (--a11y) add",
                f"{a['cost'] * 100:.0f}% to the serial suite ({a['seconds']:.1f} s for "
                f"{a['audits']} page states audited in {a['tests']} tests; the audits "
                f"themselves took {a['audit_share'] * 100:.0f}% of the audited run's wall "
                f"time) — target <= {TARGET_A11Y_COST * 100:.0f}% {_met(a['target_met'])}",
            )
        )
    if "mfa" in results:
        rows += mfa_bench.rows(results["mfa"])
    if "scaling" in results:
        c = results["scaling"]
        for point in c["points"]:
            k = point["cores"]
            walls = ", ".join(f"{w:.1f}" for w in point["walls"])
            rows.append(
                (
                    f"scaling: {k} core{'s' if k > 1 else ''}",
                    f"{point['wall']:.1f} s wall (runs: {walls}), "
                    f"{'serial' if k == 1 else f'-n {k}'}; speed-up over 1 core "
                    f"{point['speedup']:.2f}x, efficiency {point['efficiency'] * 100:.0f}%; "
                    f"CPU {point['cpu_utilisation'] * 100:.0f}% of its cores",
                )
            )
        verdict = _met(c["target_met"]) if c["measurable"] else "not measurable on 1 core"
        rows.append(
            (
                "scaling: close to linear",
                f"target: efficiency >= {TARGET_SCALING_EFFICIENCY * 100:.0f}% at every core "
                f"count up to {c['points'][-1]['cores']} — {verdict}",
            )
        )
    width = max(len(name) for name, _ in rows)
    return [f"{name.ljust(width)}  {value}" for name, value in rows]


def markdown(lines: list[str], results: dict[str, Any]) -> str:
    out = ["| measure | result |", "|---|---|"]
    for line in lines:
        name, _, value = line.partition("  ")
        out.append(f"| {name.strip()} | {value.strip()} |")
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(results["finished"]))
    return f"Benchmark of {when} (`make bench`)\n\n" + "\n".join(out) + "\n"
