"""How dates and figures are written for readers, in labels, tables, popups and charts alike:
a day as "6 Nov 2024", a figure as "1,000" or "1,000–1,500"."""

from __future__ import annotations

import pandas as pd


def day_label(value: object, *, times: bool = False) -> str:
    """A day as "6 Nov 2024" ("no date" if missing); with ``times``, a time of day other than
    midnight follows ("6 Nov 2024 14:30"). No platform-specific strftime flags."""
    if value is None or pd.isna(value):
        return "no date"
    ts = pd.Timestamp(value)
    day = f"{ts.day} {ts:%b %Y}"
    return f"{day} {ts:%H:%M}" if times and (ts.hour or ts.minute) else day


def figure_label(low: float, high: float) -> str:
    """A figure with thousands separators: "1,000", or "1,000–1,500" for a range."""
    lo, hi = f"{low:,.0f}", f"{high:,.0f}"
    return lo if low == high else f"{lo}–{hi}"
