"""Dates and figures as readers see them, the same in labels, tables, popups and charts."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from kursk.wording import day_label, figure_label


def test_a_day_reads_without_a_leading_zero_whatever_its_type() -> None:
    for value in ("2024-11-06", dt.date(2024, 11, 6), pd.Timestamp("2024-11-06T23:10Z")):
        assert day_label(value) == "6 Nov 2024"
    assert day_label(pd.NaT) == "no date" and day_label(None) == "no date"


def test_a_time_of_day_is_shown_only_when_asked_and_not_midnight() -> None:
    assert day_label("2024-11-06 14:30", times=True) == "6 Nov 2024 14:30"
    assert day_label("2024-11-06 00:00", times=True) == "6 Nov 2024"
    assert day_label("2024-11-06 14:30") == "6 Nov 2024"


def test_a_figure_has_thousands_separators_and_a_range_an_en_dash() -> None:
    assert figure_label(11000, 11000) == "11,000"
    assert figure_label(10000, 12000.0) == "10,000–12,000"
    assert figure_label(3, 3) == "3"
