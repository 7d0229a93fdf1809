"""--mock-today: the embedded mock's date for a run (e.g. before PACER's MFA, 2025-05-11)."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest

from suite.run.plugin import _iso_date


def test_a_date_is_read_as_one() -> None:
    assert _iso_date("2025-05-10") == dt.date(2025, 5, 10)


@pytest.mark.parametrize("value", ["2025-13-01", "10/05/2025", "", "today"])
def test_anything_else_is_refused_in_one_line(value: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="is not a date YYYY-MM-DD"):
        _iso_date(value)
