"""The run's sign-ins (suite/reporting/sign_ins.py), counted from every worker's records."""

from __future__ import annotations

from typing import Any, cast

from suite.reporting.records import Record
from suite.reporting.sign_ins import describe, sign_in_figures


def record(*sign_ins: dict[str, Any]) -> Record:
    return cast(Record, {"sign_ins": list(sign_ins)})


def test_sign_ins_are_counted_by_method_and_by_the_waits_for_a_new_step() -> None:
    app = {"persona": "filer", "method": "authentication app"}
    records = [
        record(app, {**app, "moved": "advanced", "seconds_moved": 12.5}),
        record({"persona": "firm", "method": None}),
        record({"persona": "clerk", "method": "backup code", "backup_code_number": 1}),
        record(),
    ]
    figures = sign_in_figures(records)
    assert figures == {
        "sign_ins": 4,
        "by_method": {"authentication app": 2, "backup code": 1, "not asked": 1},
        "moved": {"advanced": 1},
        "seconds_moved": {"advanced": 12.5},
        "backup_codes_used": {"clerk": 1},
    }
    assert describe(figures) == (
        "sign-ins through PACER login: 4 (passcode: 2 authentication app, 1 backup code, "
        "1 not asked); 1 advanced the mock's clock to a new 30-second step, the last one's "
        "passcode being used (12 s in all); backup codes used: clerk 1"
    )


def test_a_run_without_sign_ins_says_nothing() -> None:
    assert describe(sign_in_figures([record()])) is None
