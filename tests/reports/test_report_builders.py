"""cucumber.json, report.html and the shard merge, built from hand-made records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from suite.authoring.faq import load_faq
from suite.authoring.features import FEATURES_DIR, load_features
from suite.reporting import __main__ as reporting_cli
from suite.reporting.build import write_reports
from suite.reporting.cucumber import cucumber_json
from suite.reporting.html import render_html
from suite.run import secrets
from tests.reports.html_links import links_of
from tests.reports.records import CONTACT, make_record

REPO = Path(__file__).resolve().parents[2]


def test_cucumber_json_keeps_each_outcome() -> None:
    row = make_record("Outline: x", 70)
    row["scenario"]["example"], row["scenario"]["example_index"] = {"who": "x"}, 1
    records = [
        make_record(),
        make_record("Fails", 32, "failed", ("passed", "failed", "skipped")),
        make_record("Undefined", 40, "failed", ("passed", "undefined")),
        make_record("Skipped", 50, "skipped", ("skipped",), reason="not on a real portal"),
        make_record("Set-up error", 60, "error", ("skipped",), phase="setup", error="boom"),
        row,
    ]
    [feature] = cucumber_json(records)
    assert feature["uri"] == CONTACT and feature["tags"] == [{"name": "@contact", "line": 1}]
    passed, failed, undefined, skipped, setup_error, outline = feature["elements"]
    assert [s["result"]["status"] for s in failed["steps"]] == ["passed", "failed", "skipped"]
    assert failed["steps"][1]["result"]["error_message"] == "AssertionError: <b>wrong</b>"
    assert failed["steps"][0]["result"]["duration"] == 250_000_000  # nanoseconds
    assert failed["steps"][0]["match"] == {"location": "steps/common.py:10"}
    assert failed["steps"][0]["keyword"] == "Given "
    assert [s["result"]["status"] for s in undefined["steps"]] == ["passed", "undefined"]
    assert skipped["before"][0]["result"] == {
        "status": "skipped",
        "duration": 0,
        "error_message": "Skipped: not on a real portal",
    }
    assert setup_error["before"][0]["result"]["status"] == "failed"
    assert outline["id"].endswith(";;3")  # row 2 of the table, after its header
    assert {t["name"] for t in passed["tags"]} == {"@contact", "@smoke"}
    assert "before" not in passed and "after" not in passed


def render(records: list) -> str:  # type: ignore[type-arg]
    features, _ = load_features(FEATURES_DIR, REPO)
    faq = load_faq(None, [f.name for f in features])
    return render_html(records, {"started": 1.0, "finished": 61.0}, features, faq, REPO)


def test_the_html_follows_the_faq_and_shows_what_did_not_run() -> None:
    page = render(
        [
            make_record(),
            make_record(
                "The FAQ on the court's website gives the same contacts",
                30,
                "failed",
                ("passed", "failed"),
                artifacts=[
                    {"kind": "screenshot", "path": "artifacts/t/test-failed-1.png"},
                    {"kind": "trace", "path": "artifacts/t/trace.zip"},
                ],
            ),
        ]
    )
    questions = [q.text for q in load_faq().questions]
    positions = [
        page.index(f"· {q}".replace("'", "&#39;").replace('"', "&#34;")) for q in questions
    ]
    assert positions == sorted(positions)
    assert "Not run in this session" in page
    assert "AssertionError: &lt;b&gt;wrong&lt;/b&gt;" in page  # escaped, not markup
    assert '<img loading="lazy"' in page and 'src="artifacts/t/test-failed-1.png"' in page
    assert 'href="artifacts/t/trace.zip"' in page
    assert "1 of 2 scenario tests failed" in page  # the scenarios not run are not counted
    assert re.search(r'<span class="badge not-run">\d+ not run</span>', page)
    assert "took 1 min 0 s" in page


def test_the_faq_reads_as_on_its_web_page_not_as_markdown() -> None:
    page = render([make_record()])
    assert "[Click here](#)" not in page and "**DO NOT**" not in page
    assert "Click here for instructions." in page
    assert "DO NOT login with a shared/firm PACER account." in page
    assert "&lt;http://www.cit.uscourts.gov&gt;" not in page
    assert "http://www.cit.uscourts.gov" in page


def test_the_failures_list_names_the_step_and_what_the_page_showed() -> None:
    """For analysts: the step in the feature's words, expected and actual text, no selectors."""
    failed = make_record(
        "The FAQ on the court's website gives the same contacts", 32, "failed", ("passed", "failed")
    )
    failed["steps"][1]["error"] = (
        "AssertionError: Locator expected to contain text '866-450-1850'\n"
        "Actual value: \nWho can I contact for help?\n  All other issues: 866-450-1859\n"
        'Call log:\n  - waiting for get_by_role("main").locator("section")'
    )
    page = render([failed])
    start = page.index('<section id="failures">')
    failures = page[start : page.index("</section>", start)]
    assert "at “Then step 2 of The FAQ on the court&#39;s website gives the same contacts”" in (
        failures
    )
    assert "expected to contain text &#39;866-450-1850&#39;" in failures
    assert "the page shows “Who can I contact for help? All other issues: 866-450-1859”" in (
        failures
    )
    assert "Call log" not in failures and "get_by_role" not in failures


def test_the_failures_list_calls_an_undefined_step_a_defect_of_the_suite() -> None:
    undefined = make_record("Undefined", 40, "failed", ("passed", "undefined"))
    undefined["steps"][1]["error"] = "StepDefinitionNotFoundError: Step definition is not found"
    page = render([undefined])
    start = page.index('<section id="failures">')
    failures = " ".join(page[start : page.index("</section>", start)].split())
    assert "a step has no definition yet (a defect of the suite, not of the site)" in failures


def test_the_matrix_tells_quoted_from_verified() -> None:
    """A quote is no proof: a sentence whose only scenarios failed or did not run is not
    verified, though covered."""
    page = render([make_record(), make_record("Fails", 32, "failed", ("passed", "failed"))])
    covered, total = re.search(r"answer sentences covered: <b>(\d+)/(\d+)</b>", page).groups()  # type: ignore[union-attr]
    verified = re.search(r"verified in this run: <b>(\d+)/(\d+)</b>", page)
    assert verified and verified.group(2) == total
    assert 0 < int(verified.group(1)) < int(covered)
    assert "not verified in this run" in page


def test_the_html_is_self_contained() -> None:
    links = links_of(render([make_record()]))
    assert "script" not in links.tags and "link" not in links.tags
    assert [u for u in links.urls if re.match(r"\w+://", u)] == []
    assert all(u.startswith("#") for u in links.urls)  # no artefacts: only anchors


def test_every_anchor_link_has_a_target() -> None:
    page = render([make_record()])
    ids = set(re.findall(r'id="([^"]+)"', page))
    anchors = {u[1:] for u in links_of(page).urls if u.startswith("#")}
    assert anchors <= ids, anchors - ids


def test_known_secrets_are_masked_in_every_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(secrets, "_SECRETS", {"Hunter2-secret"})
    record = make_record(outcome="failed", error="typed Hunter2-secret", longrepr="Hunter2-secret")
    paths = write_reports(
        tmp_path, None, {"args": "--pw Hunter2-secret"}, FEATURES_DIR, REPO, [record]
    )
    for path in (paths.html, paths.cucumber, paths.results):
        text = path.read_text()
        assert "Hunter2-secret" not in text and secrets.MASK in text, path


def shard(folder: Path, records: list, junit_tests: int) -> Path:  # type: ignore[type-arg]
    folder.mkdir(parents=True)
    session = {
        "started": records[0]["started"],
        "finished": records[0]["started"] + 10,
        "workers": 2,
        "target": {"environment": "local", "urls": {"ecf": str(folder)}},
    }
    (folder / "results.json").write_text(json.dumps({"session": session, "records": records}))
    (folder / "junit.xml").write_text(
        f'<testsuites><testsuite name="pytest" tests="{junit_tests}" failures="0" errors="0" '
        f'skipped="0"><testcase name="t{junit_tests}"/></testsuite></testsuites>'
    )
    for record in records:
        for artifact in record["artifacts"]:
            path = folder / artifact["path"]
            path.parent.mkdir(parents=True)
            path.write_bytes(b"PNG")
    return folder


def test_shards_merge_into_one_report(tmp_path: Path) -> None:
    first = make_record(
        outcome="failed",
        statuses=("passed", "failed"),
        artifacts=[{"kind": "screenshot", "path": "artifacts/a/test-failed-1.png"}],
    )
    again = make_record(started=first["started"] + 100)  # a later attempt of the same test
    other = make_record("The FAQ on the court's website gives the same contacts", 32)
    one = shard(tmp_path / "reports-1", [first, other], 2)
    two = shard(tmp_path / "reports-2", [again], 1)
    out = tmp_path / "merged"
    assert reporting_cli.main(["merge", "--out", str(out), str(one), str(two)]) == 0
    merged = json.loads((out / "results.json").read_text())
    assert sorted(r["outcome"] for r in merged["records"]) == ["passed", "passed"]
    assert merged["session"]["shards"] == 2 and merged["session"]["workers"] == 4
    assert len(merged["session"]["worker_urls"]) == 2
    assert sum(len(f["elements"]) for f in json.loads((out / "cucumber.json").read_text())) == 2
    junit = (out / "junit.xml").read_text()
    assert 'tests="3"' in junit and junit.count("<testsuite ") == 2
    assert (out / "artifacts" / "a" / "test-failed-1.png").is_file()
    assert "merged from 2 shards" in (out / "report.html").read_text()


def test_render_rebuilds_the_page_from_results(tmp_path: Path) -> None:
    shard(tmp_path / "reports", [make_record()], 1)
    assert reporting_cli.main(["render", "--reports", str(tmp_path / "reports")]) == 0
    assert (
        "All 1 scenario tests that ran passed" in (tmp_path / "reports" / "report.html").read_text()
    )


def test_without_the_faq_text_the_page_still_lists_every_feature() -> None:
    features, _ = load_features(FEATURES_DIR, REPO)
    page = render_html([make_record()], {}, features, None, REPO)
    assert "FAQ traceability" not in page
    assert all(f.name.replace("'", "&#39;").replace('"', "&#34;") in page for f in features)
