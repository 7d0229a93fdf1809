"""Merge the reports of several shards (machines) into one reports/ folder.

    python -m suite.reporting merge --out reports shard-1/reports shard-2/reports ...

Each input is a reports folder of one shard (results.json, junit.xml, artifacts/). The
output gets the union of their results (a test reported twice keeps its latest attempt),
their artefacts copied under artifacts/ (the paths stay valid: artefact folders are named
after the test, which only one shard runs), their Allure results (when the shards ran with
--allure) into allure-results/, one junit.xml, and cucumber.json and report.html rebuilt
from the merged results.

    python -m suite.reporting render [--reports reports]

rebuilds cucumber.json and report.html from an existing results.json (after a change of
feature files or FAQ text, or of this package).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from suite.authoring.faq import REPO_ROOT
from suite.authoring.features import FEATURES_DIR
from suite.reporting.allure import RESULTS_FOLDER as ALLURE_FOLDER
from suite.reporting.allure import merge_results as merge_allure_results
from suite.reporting.build import RESULTS_FILE, write_reports
from suite.reporting.records import Record, load_results
from suite.run.output import ARTIFACTS_FOLDER, JUNIT_FILE


def merge_sessions(sessions: list[dict[str, Any]]) -> dict[str, Any]:
    if not sessions:
        return {}
    merged = dict(sessions[0])
    merged["started"] = min(s.get("started") or float("inf") for s in sessions)
    merged["finished"] = max(s.get("finished") or 0 for s in sessions)
    merged["workers"] = sum(int(s.get("workers", 1)) for s in sessions)
    merged["shards"] = len(sessions)
    urls = {
        f"shard {i} {worker}": u
        for i, s in enumerate(sessions, 1)
        for worker, u in (s.get("worker_urls") or {"": s.get("target", {}).get("urls", {})}).items()
    }
    if len({str(sorted(u.items())) for u in urls.values()}) > 1:
        merged["worker_urls"] = urls
    return merged


def merge_records(groups: list[list[Record]]) -> list[Record]:
    latest: dict[str, Record] = {}
    for record in (r for group in groups for r in group):
        known = latest.get(record["nodeid"])
        if known is None or record["started"] >= known["started"]:
            latest[record["nodeid"]] = record
    return list(latest.values())


def merge_junit(inputs: Sequence[Path], output: Path) -> bool:
    """One <testsuites> holding every shard's <testsuite>; False when no shard has one."""
    suites = ET.Element("testsuites")
    for path in inputs:
        if path.is_file():
            root = ET.parse(path).getroot()
            suites.extend(root if root.tag == "testsuites" else [root])
    if not len(suites):
        return False
    for name in ("tests", "failures", "errors", "skipped"):
        suites.set(name, str(sum(int(s.get(name, 0)) for s in suites)))
    ET.ElementTree(suites).write(output, encoding="utf-8", xml_declaration=True)
    return True


def merge(inputs: Sequence[Path], out: Path, features: Path) -> int:
    shards = [d for d in inputs if (d / RESULTS_FILE).is_file()]
    if not shards:
        print(f"merge: no {RESULTS_FILE} in {', '.join(map(str, inputs))}", file=sys.stderr)
        return 2
    results = [load_results(d / RESULTS_FILE) for d in shards]
    out.mkdir(parents=True, exist_ok=True)
    for shard in shards:
        if (shard / ARTIFACTS_FOLDER).is_dir() and shard.resolve() != out.resolve():
            shutil.copytree(shard / ARTIFACTS_FOLDER, out / ARTIFACTS_FOLDER, dirs_exist_ok=True)
    merge_junit([d / JUNIT_FILE for d in shards], out / JUNIT_FILE)
    allure_results = merge_allure_results(shards, out)
    paths = write_reports(
        out,
        None,
        merge_sessions([r["session"] for r in results]),
        features,
        REPO_ROOT,
        merge_records([r["records"] for r in results]),
    )
    for line in paths.describe(Path.cwd()):
        print(line)
    if allure_results:
        print(f"Allure results:  {out / ALLURE_FOLDER} ({allure_results} result(s))")
    return 0


def render(reports: Path, features: Path) -> int:
    results = load_results(reports / RESULTS_FILE)
    paths = write_reports(
        reports, None, results["session"], features, REPO_ROOT, results["records"]
    )
    for line in paths.describe(Path.cwd()):
        print(line)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m suite.reporting",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    merge_parser = commands.add_parser("merge", help="merge shard reports")
    merge_parser.add_argument("inputs", nargs="+", type=Path, help="reports folders of shards")
    merge_parser.add_argument("--out", type=Path, default=Path("reports"))
    render_parser = commands.add_parser("render", help="rebuild report.html from results.json")
    render_parser.add_argument("--reports", type=Path, default=Path("reports"))
    for sub in (merge_parser, render_parser):
        sub.add_argument("--features", type=Path, default=FEATURES_DIR)
    args = parser.parse_args(argv)
    if args.command == "merge":
        return merge(args.inputs, args.out, args.features.resolve())
    return render(args.reports, args.features.resolve())


if __name__ == "__main__":
    sys.exit(main())
