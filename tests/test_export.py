"""kursk.export: tables written as CSV and Excel, byte-identical from run to run."""

from __future__ import annotations

import time

import openpyxl
import pandas as pd

from kursk.export import FIXED_TIME, write_table


def fixture_frame() -> pd.DataFrame:
    """# fixture: made-up rows with a date, a categorical, a missing number and text."""
    return pd.DataFrame({
        "claim_id": ["c901", "x0123456789"],
        "claimed_on": pd.to_datetime(["2024-11-05", "2025-02-01"]),
        "metric": pd.Categorical(["deployed", "killed"]),
        "confidence": [None, 0.875],
        "sentence": ["", "Fixture sentence, with a comma."],
    })


def test_csv_and_xlsx_keep_dates_numbers_and_blanks(tmp_path) -> None:
    csv_path, xlsx_path = write_table(fixture_frame(), tmp_path / "claims")
    assert csv_path.name == "claims.csv" and xlsx_path.name == "claims.xlsx"
    assert csv_path.read_text(encoding="utf-8").splitlines()[1] == "c901,2024-11-05,deployed,,"
    ws = openpyxl.load_workbook(xlsx_path).active
    rows = list(ws.values)
    assert rows[0] == ("claim_id", "claimed_on", "metric", "confidence", "sentence")
    assert rows[1][1].date().isoformat() == "2024-11-05" and rows[1][3] is None
    assert rows[2][3] == 0.875 and ws.freeze_panes == "A2"


def test_written_twice_the_bytes_are_the_same(tmp_path) -> None:
    first = write_table(fixture_frame(), tmp_path / "a" / "t")
    time.sleep(1.1)  # a second apart: no time of writing may end up in the files
    second = write_table(fixture_frame(), tmp_path / "b" / "t")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert openpyxl.load_workbook(first[1]).properties.modified == FIXED_TIME
