"""Interactive filters for notebooks (ipywidgets). Built by functions, so headless runs are safe."""

from __future__ import annotations

import io

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pandas as pd

from kursk.charts.style import SIDE_LABELS
from kursk.charts.timelines import METRIC_LABELS, estimates_timeline


def filter_claims(
    claims: pd.DataFrame,
    sides: list[str] | tuple[str, ...] | None = None,
    metrics: list[str] | tuple[str, ...] | None = None,
    start: str | pd.Timestamp | None = None,
    end: str | pd.Timestamp | None = None,
    kinds: list[str] | tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Claims of the given sides, metrics and kinds claimed between ``start`` and ``end``.

    ``kinds`` (``count``, ``period``, ``forecast``) keeps rows of those kinds; rows of unknown kind
    (``kind`` missing) are kept whatever ``kinds`` says, since they are neither. ``None``
    keeps every row; dates are inclusive.
    """
    keep = pd.Series(True, index=claims.index)
    if sides is not None:
        keep &= claims["claimant_side"].astype(object).isin(sides)
    if metrics is not None:
        keep &= claims["metric"].astype(object).isin(metrics)
    if kinds is not None and "kind" in claims.columns:
        kind = claims["kind"].astype(object)
        keep &= kind.isin(kinds) | kind.isna()
    if start is not None:
        keep &= claims["claimed_on"] >= pd.Timestamp(start)
    if end is not None:
        keep &= claims["claimed_on"] <= pd.Timestamp(end)
    return claims[keep]


def estimates_filter(
    claims: pd.DataFrame,
    events: pd.DataFrame | None = None,
    *,
    start: str = "2024-06-01",
    end: str = "2026-12-31",
) -> widgets.VBox:
    """A filter (side, metric, forecasts shown or not, month range) above the estimates timeline.

    The chart is redrawn on every change. Forecasts and plans are shown (with their own marker)
    until the box is unticked.
    """
    sides = [s for s in SIDE_LABELS if s in set(claims["claimant_side"].astype(object))]
    metrics = [m for m in METRIC_LABELS if m in set(claims["metric"].astype(object))]
    months = list(pd.period_range(pd.Timestamp(start), pd.Timestamp(end), freq="M"))
    side_box = widgets.SelectMultiple(
        options=[(SIDE_LABELS[s], s) for s in sides], value=tuple(sides), description="Side",
        rows=min(len(sides), 8) or 1,
    )
    metric_box = widgets.SelectMultiple(
        options=[(METRIC_LABELS[m], m) for m in metrics], value=tuple(metrics),
        description="Metric", rows=min(len(metrics), 8) or 1,
    )
    dates = widgets.SelectionRangeSlider(
        options=[(f"{m:%b %Y}", m) for m in months], index=(0, len(months) - 1),
        description="Months", layout=widgets.Layout(width="600px"),
    )
    forecasts = widgets.Checkbox(value=True, description="Show forecasts and plans",
                                 indent=False)
    image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))

    def redraw(_change: object = None) -> None:
        first, last = dates.value
        lo, hi = first.start_time, last.end_time.normalize()
        kinds = ("count", "period", "forecast") if forecasts.value else ("count", "period")
        chosen = dict(sides=side_box.value, metrics=metric_box.value, start=lo, end=hi,
                      kinds=kinds)
        fig = estimates_timeline(
            filter_claims(claims, **chosen),
            None if events is None else events[
                (pd.to_datetime(events["date"]) >= lo) & (pd.to_datetime(events["date"]) <= hi)],
            start=lo, end=hi,
        )
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=90)
        plt.close(fig)
        image.value = buffer.getvalue()

    for control in (side_box, metric_box, forecasts, dates):
        control.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([side_box, metric_box, forecasts]), dates, image])
