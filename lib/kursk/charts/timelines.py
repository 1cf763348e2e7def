"""Timelines of troop-number and loss estimates, and the tables that go with them.

Drawing only: every function takes frames (the combined claims of
:func:`kursk.combine.combine_claims`, whose ``origin`` splits curated from extracted figures;
events from ``kursk.data.load_events``) and returns a figure or a display frame. Nothing here
loads data.

Claims carry a ``kind``: ``count`` (troops already sent, present or lost), ``forecast`` (an
expected, planned or possible total) or ``period`` (losses or dispatches within a limited period
only, such as one week or one battle). Forecasts are drawn with their own marker
(:data:`FORECAST_MARKER`, same colour and fill as the side's counts); figures for a period are
not drawn, since beside running totals they would read as one; the findings in titles quote
counts only unless ``include_forecasts=True``.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Sequence

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import LogLocator, MaxNLocator, NullFormatter, StrMethodFormatter
from matplotlib.transforms import Bbox

from kursk import schema
from kursk.charts.labels import place_labels
from kursk.charts.social import simpler
from kursk.charts.style import (
    GRID,
    INK,
    MUTED,
    QUALIFIER_GLYPHS,
    SIDE_LABELS,
    figure,
    marker_style,
    outlets_phrase,
    side_colour,
)
from kursk.estimates import counts
from kursk.wording import day_label, figure_label

#: The two panels of the estimates timeline and the metrics each shows.
PANELS: dict[str, tuple[str, ...]] = {
    "Troop numbers": ("deployed", "in_kursk", "at_border", "additional_deployed", "returned"),
    "Losses": ("killed", "wounded", "casualties", "captured"),
}
#: Marker shape per metric (shapes repeat across the two panels, never within one).
METRIC_MARKERS: dict[str, str] = {
    "returned": "v",
    "deployed": "o",
    "in_kursk": "s",
    "at_border": "h",
    "additional_deployed": "D",
    "casualties": "o",
    "killed": "X",
    "wounded": "P",
    "captured": "s",
}
METRIC_LABELS: dict[str, str] = schema.labels("claims", "metric")
LEGEND_LABELS = {"casualties": "casualties\n(killed + wounded)"}
QUALIFIER_WORDS: dict[str, str] = {
    "exact": "",
    "about": "about",
    "more_than": "more than",
    "at_least": "at least",
    "up_to": "up to",
}
#: Marker for figures extracted from articles (thin, so curated markers stay readable).
EXTRACTED_MARKER = "x"
#: Marker for forecasts and plans (``kind`` ``forecast``), whatever the metric: a triangle pointing
#: ahead in time. Colour and fill follow the claimant side, as for counts.
FORECAST_MARKER = ">"
FORECAST_LABEL = "forecast or plan"
FORECAST = "forecast"
#: Figures for a limited period only (``kind`` ``period``) and partial counts (``partial``: a
#: list of named dead, the dead of one unit): left off the charts, since beside running totals
#: they would read as one.
PERIOD = "period"
PARTIAL = "partial"
#: On the small multiples, a forecast more than this many times the panel's highest count is
#: drawn off scale (an arrow at the top), so that it does not squash the counts.
OFF_SCALE = 3.0
#: Up to this many extracted figures per panel are also labelled "extracted" on the chart.
MAX_EXTRACTED_LABELS = 6
_QUALIFIER_ORDER = list(QUALIFIER_GLYPHS)
_ACRONYMS = {"nk": "NK", "dprk": "DPRK", "nis": "NIS", "pow": "POW", "pows": "POWs", "us": "US",
             "uk": "UK", "nato": "NATO", "hur": "HUR", "un": "UN"}


def extracted_note(extracted: pd.DataFrame) -> str:
    """The source line's words for figures extracted from the loaded articles, naming their
    outlets: "× figures extracted by kursk.claims from the articles of Fixture Wire and 2 more"."""
    outlets = sorted({str(o) for o in extracted.get("outlet", pd.Series(dtype=object)).dropna()
                      if str(o).strip()}, key=str.lower)
    named = outlets_phrase(outlets)
    return "× figures extracted by kursk.claims from the loaded articles" + (
        f" of {named}" if named else "")


def source_line(claims: pd.DataFrame) -> str:
    """A chart's source line for ``claims``: whose statements they are, how many outlets
    reported them, and where each figure's link and date are."""
    present = set(claims["claimant_side"].astype(str)) if "claimant_side" in claims else set()
    sides = [label for side, label in SIDE_LABELS.items() if side in present and side != "other"]
    if "other" in present:
        sides.append("others")
    who = ", ".join(sides[:-1]) + " and " + sides[-1] if len(sides) > 1 else "".join(sides)
    n = claims["outlet"].nunique() if "outlet" in claims else 0
    via = f", as reported by {n} outlet{'s' if n != 1 else ''}" if n else ""
    return (f"Statements by {who or 'the claimants'}{via}; every figure's link and date in "
            "data/claims.csv")


# --------------------------------------------------------------------------------- formatting


def format_figure(low: float, high: float, qualifiers: str | Sequence[str] = "") -> str:
    """A figure as printed: qualifier glyphs, thousands separators, ``low–high`` for a range."""
    if isinstance(qualifiers, str):
        qualifiers = [q.strip() for q in qualifiers.split(",") if q.strip()]
    glyphs = "".join(QUALIFIER_GLYPHS.get(q, "") for q in _QUALIFIER_ORDER if q in qualifiers)
    return f"{glyphs}{figure_label(low, high)}"


def _phrase(row: pd.Series) -> str:
    words = QUALIFIER_WORDS.get(str(row["qualifier"]), "")
    return f"{words} {format_figure(row['low'], row['high'])}".strip()


def event_label(event_id: str, context: str = "") -> str:
    """A short label made from an event's slug (``russia_claims_sudzha`` → Russia claims Sudzha).

    Words written with a capital in ``context`` (the event's text, place, claimant), and never
    without one (a sentence's first word is no name), keep it.
    """
    lower = set(re.findall(r"\b[a-z][\w-]*", str(context)))
    capitals = {w.lower(): w for w in re.findall(r"[A-Z][\w-]*", str(context))
                if w.lower() not in lower}
    words = [_ACRONYMS.get(w) or capitals.get(w, w) for w in str(event_id).split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _span(start: str | pd.Timestamp, end: str | pd.Timestamp, claims: pd.DataFrame,
          events: pd.DataFrame | None = None) -> tuple[float, float]:
    """The x axis: ``start`` to ``end``, or to the month after the last figure or event when that
    comes first, so that an end date in the future draws no empty months."""
    last = pd.concat([pd.to_datetime(claims["claimed_on"]), pd.Series(dtype="datetime64[ns]")
                      if events is None else pd.to_datetime(events["date"])]).max()
    stop = pd.Timestamp(end) if pd.isna(last) else min(
        pd.Timestamp(end), last.normalize() + pd.offsets.MonthBegin(2))
    return mdates.date2num(pd.Timestamp(start)), mdates.date2num(max(stop, pd.Timestamp(start)))


# ------------------------------------------------------------------------------------- finding


def _drawn(claims: pd.DataFrame) -> pd.DataFrame:
    """The combined claims as drawn: enums as plain values, figures for a limited period and
    partial counts left out."""
    if "origin" not in claims.columns or "kind" not in claims.columns:
        raise KeyError("claims frame lacks 'origin' or 'kind': pass kursk.combine.combine_claims()")
    out = claims.copy()
    for column in ("metric", "claimant_side", "qualifier", "origin", "kind"):
        out[column] = out[column].astype(object)
    out["claimed_on"] = pd.to_datetime(out["claimed_on"])
    return out[~out["kind"].isin([PERIOD, PARTIAL]).to_numpy(dtype=bool)].reset_index(drop=True)


def highest_claim(
    claims: pd.DataFrame, metrics: Sequence[str], *, include_forecasts: bool = False
) -> pd.Series | None:
    """The count with the highest figure among ``metrics`` (earliest first on ties), or None.

    Forecasts and plans (and rows of unknown kind) are left out unless ``include_forecasts``.
    """
    df = counts(claims, include_forecasts=include_forecasts)
    df = df[df["metric"].astype(object).isin(metrics)]
    if df.empty:
        return None
    df = df.sort_values(["high", "claimed_on", "claim_id"], ascending=[False, True, True])
    return df.iloc[0]


def timeline_title(claims: pd.DataFrame, *, include_forecasts: bool = False) -> str:
    """The finding in the title: the middle half of published troop counts (robust to outliers).

    Counts only (``kind`` ``count``) unless ``include_forecasts``: a ceiling or a plan is not a
    figure for the force.
    """
    df = counts(claims, include_forecasts=include_forecasts)
    df = df[df["metric"].astype(object).isin(["deployed", "in_kursk", "at_border"])]
    what = "figures" if include_forecasts else "counts"
    if df.empty:
        return f"No troop {what} in the data yet"
    q1, q3 = (round(float(v) / 500) * 500 for v in df["high"].quantile([0.25, 0.75]))
    return (f"Half of all published troop {what} put North Korea's force at "
            f"{figure_label(q1, q3)}{' soldiers' * (q1 != q3)}")


def panel_finding(claims: pd.DataFrame, panel: str, *, include_forecasts: bool = False) -> str:
    """The finding in a panel's title: its highest count (or figure), who gave it and when."""
    top = highest_claim(claims, PANELS[panel], include_forecasts=include_forecasts)
    if top is None:
        return f"{panel}: no {'figures' if include_forecasts else 'counts'} in the data yet"
    side = SIDE_LABELS.get(str(top["claimant_side"]), str(top["claimant_side"]))
    what = FORECAST_LABEL if top.get("kind") == FORECAST else (
        "figure" if include_forecasts else "count")
    return (f"{panel}: highest {what} {_phrase(top)} {METRIC_LABELS[str(top['metric'])]}, "
            f"{side}, {day_label(top['claimed_on'])}")


# -------------------------------------------------------------------------------------- drawing


def _points(df: pd.DataFrame) -> pd.DataFrame:
    """Distinct figures: identical reports (date, side, metric, kind, low, high) drawn once."""
    keys = ["claimed_on", "claimant_side", "warring_party", "metric", "kind", "low", "high"]
    glyph = df["qualifier"].map(lambda q: QUALIFIER_GLYPHS.get(str(q), ""))
    df = df.assign(glyph=glyph, rank=df["qualifier"].map(
        lambda q: _QUALIFIER_ORDER.index(q) if q in _QUALIFIER_ORDER else 99))
    aggregations = {
        "glyph": ("glyph", lambda g: "".join(dict.fromkeys(x for x in g if x))),
        "reports": ("claim_id", "size"),
    }
    if "outlet" in df.columns:
        aggregations["outlets"] = ("outlet", lambda o: sorted(
            {str(x) for x in o if isinstance(x, str) and x.strip()}, key=str.lower))
    out = (
        df.sort_values("rank", kind="stable")
        .groupby(keys, sort=True, dropna=False)
        .agg(**aggregations)
        .reset_index()
    )
    out["mid"] = np.sqrt(out["low"].clip(lower=1) * out["high"].clip(lower=1))
    return out


def _draw_claims(ax: Axes, df: pd.DataFrame, metrics: Sequence[str], *, extracted: bool
                 ) -> list[tuple[float, float, str]]:
    """Draw the figures of ``metrics``; for extracted figures, return the labels to place
    (x, y, text: the outlets of the articles and "forecast" where the figure is one), at most
    :data:`MAX_EXTRACTED_LABELS` spots, for :func:`_label_points`."""
    df = df[df["metric"].isin(metrics)]
    if df.empty:
        return []
    points = _points(df)
    label_extracted = extracted and len(points) <= MAX_EXTRACTED_LABELS
    labels: dict[tuple[float, float], dict[str, set[str]]] = {}
    for _, p in points.iterrows():
        x = mdates.date2num(p["claimed_on"])
        style = marker_style(p["claimant_side"], bool(p["warring_party"]))
        colour = side_colour(p["claimant_side"])
        forecast = str(p["kind"]) == FORECAST  # missing kind: not a forecast
        if p["low"] != p["high"]:
            ax.vlines(x, p["low"], p["high"], color=colour, lw=2.2, alpha=0.55, zorder=3,
                      linestyles="dotted" if forecast else "solid")
        if extracted:
            ax.plot(x, p["mid"], marker=EXTRACTED_MARKER, ms=9, mew=2.0, color=INK,
                    ls="none", zorder=7)
            if label_extracted:  # one label per spot: figures there may differ in kind
                spot = labels.setdefault((x, p["mid"]), {"kinds": set(), "outlets": set()})
                spot["kinds"].add("forecast" if forecast else "count")
                outlets = p.get("outlets")  # a list, or an array when several outlets share it
                spot["outlets"].update([] if not isinstance(outlets, (list, np.ndarray))
                                       else [str(o) for o in outlets])
        elif forecast:
            ax.plot(x, p["mid"], marker=FORECAST_MARKER, ms=8, ls="none", zorder=4, **style)
        else:
            ax.plot(x, p["mid"], marker=METRIC_MARKERS[p["metric"]], ms=7, ls="none",
                    zorder=4, **style)
        if p["glyph"]:
            ax.annotate(p["glyph"], (x, p["mid"]), xytext=(5, 0), textcoords="offset points",
                        ha="left", va="center", fontsize=8, color=colour, zorder=6)
    requests = []
    for (x, y), spot in labels.items():
        what = {frozenset({"count"}): "", frozenset({"forecast"}): " (forecast)"}.get(
            frozenset(spot["kinds"]), " (count + forecast)")
        outlets = [textwrap.shorten(o, width=24, placeholder="…")
                   for o in sorted(spot["outlets"], key=str.lower)]
        named = outlets_phrase(outlets, limit=2) or "extracted"
        requests.append((x, y, f"{named}{what}"))
    return requests


def _label_points(ax: Axes, labels: Sequence[tuple[float, float, str]]) -> list:
    """Put each ``(x, y, text)`` label beside its point (:func:`kursk.charts.labels.place_labels`),
    off every marker and text of the axes and inside them (so never on a tick label). Call it
    after the axes' limits and the figure's layout are final. Returns the texts."""
    if not labels:
        return []
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    boxes = {}  # every marker, as a box of its size, by its point in pixels
    for line in ax.get_lines():
        if line.get_marker() in (None, "None", "", " ") or not line.get_visible():
            continue
        half = max(line.get_markersize(), 4.0) / 72 * fig.dpi / 2 + 1
        for px, py in line.get_transform().transform(line.get_xydata()):
            if np.isfinite(px) and np.isfinite(py):
                boxes[(px, py)] = Bbox.from_extents(px - half, py - half, px + half, py + half)
    points = ax.transData.transform([(x, y) for x, y, _ in labels])
    own = [boxes.get((px, py)) or Bbox.from_bounds(px, py, 0, 0) for px, py in points]
    avoid = [b for b in boxes.values() if all(b is not o for o in own)]
    avoid += [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]
    texts = [ax.text(x, y, text, fontsize=7, style="italic", color=INK, zorder=7)
             for x, y, text in labels]
    place_labels(ax, texts, own, avoid)
    return texts


def _mark_off_scale(ax: Axes, points: pd.DataFrame, xlim: tuple[float, float]) -> int:
    """For the figures drawn off scale, one ↑ per date at the top of the panel (▲ means "more
    than") with a label beside it, on the side with room; a label too wide for either side goes
    on the line below its arrow, kept inside the panel. Returns the number of lines used."""
    ax.set_xlim(*xlim)  # the labels are placed in display space
    renderer = ax.figure.canvas.get_renderer()
    box = ax.get_window_extent(renderer)
    line = 0
    for day, group in points.groupby("claimed_on", sort=True):
        x = mdates.date2num(day)
        figures = " / ".join(dict.fromkeys(
            f"{p['glyph']}{format_figure(p['low'], p['high'])}" for _, p in group.iterrows()))
        forecasts = group["kind"].astype(str).eq(FORECAST).all()
        what = ("forecast" if len(group) == 1 else "forecasts") if forecasts else "figures"
        style = {"xycoords": ("data", "axes fraction"), "textcoords": "offset points",
                 "va": "top", "fontsize": 7, "zorder": 8,
                 "color": side_colour(group["claimant_side"].iloc[0])}
        ax.annotate("↑", (x, 1.0), xytext=(0, -2 - 9 * line), ha="center", **style)
        label = ax.annotate(f"{figures} {what}", (x, 1.0), xytext=(0, 0), **style)
        right = x < (xlim[0] + xlim[1]) / 2  # first try the side towards the panel's middle
        for ha, dx in (("left", 5), ("right", -5)) if right else (("right", -5), ("left", 5)):
            label.set_horizontalalignment(ha)
            label.xyann = (dx, -2 - 9 * line)
            extent = label.get_window_extent(renderer)
            if box.x0 <= extent.x0 and extent.x1 <= box.x1:
                break
        else:  # too wide for either side: centred on the line below, inside the panel
            line += 1
            label.set_horizontalalignment("center")
            label.xyann = (0, -2 - 9 * line)
            extent = label.get_window_extent(renderer)
            shift = max(box.x0 - extent.x0, 0) or min(box.x1 - extent.x1, 0)  # pixels
            label.xyann = (shift * 72 / ax.figure.dpi, label.xyann[1])
        line += 1
    return line


def _log_axis(ax: Axes, low: float, high: float) -> None:
    ax.set_yscale("log")
    lo = 10 ** math.floor(math.log10(max(low, 1)))
    ax.set_ylim(lo * 0.8, max(high, 10) * 1.8)
    ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.yaxis.set_minor_formatter(NullFormatter())


def _event_levels(x: np.ndarray, min_gap: float, levels: int = 4) -> list[int]:
    """A row for each event marker so that neighbours within ``min_gap`` do not collide."""
    last = [-np.inf] * levels
    out = []
    for xi in x:
        free = [i for i in range(levels) if xi - last[i] >= min_gap]
        level = free[0] if free else int(np.argmin(last))
        last[level] = xi
        out.append(level)
    return out


def _layout_events(events: pd.DataFrame, xlim: tuple[float, float], width_in: float
                   ) -> pd.DataFrame:
    """Events in the date range, numbered by date, each with a row (``level``) for its number."""
    ev = events.assign(date=pd.to_datetime(events["date"])).sort_values(["date", "event_id"])
    x = mdates.date2num(ev["date"])
    ev = ev[(x >= xlim[0]) & (x <= xlim[1])].reset_index(drop=True)
    ev["number"] = np.arange(1, len(ev) + 1)
    ev["x"] = mdates.date2num(ev["date"])
    min_gap = (xlim[1] - xlim[0]) / width_in * 0.2  # ~0.2 inch between numbers on one row
    ev["level"] = _event_levels(ev["x"].to_numpy(), min_gap, levels=8)
    return ev


def _draw_events(strip: Axes, panels: Sequence[Axes], ev: pd.DataFrame) -> None:
    """Numbered event markers on ``strip`` and light lines through ``panels``."""
    n_levels = int(ev["level"].max()) + 1 if len(ev) else 1
    for e in ev.itertuples():
        y = n_levels - e.level - 0.5
        strip.plot([e.x, e.x], [0, y - 0.3], color=GRID, lw=0.8, zorder=1)
        strip.text(e.x, y, str(e.number), ha="center", va="center", fontsize=6.5, color=INK,
                   zorder=3, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": MUTED,
                                   "lw": 0.5})
        for ax in panels:
            ax.axvline(e.x, color=GRID, lw=0.8, zorder=0)
    strip.set_ylim(0, n_levels)
    strip.set_axis_off()


def _event_key(fig: Figure, ev: pd.DataFrame, top_in: float, left_in: float, width_in: float,
               columns: int) -> None:
    w, h = fig.get_size_inches()
    rows = math.ceil(len(ev) / columns)
    col_w = width_in / columns
    fig.text(left_in / w, top_in / h, "Events", fontsize=8, fontweight="bold", color=INK,
             va="top")
    # words capitalised anywhere in the events' text, place or claimant keep their capital
    parts = ev.reindex(columns=["event", "place", "claimant"]).astype(object)
    context = " ".join(str(v) for v in parts.to_numpy().ravel() if isinstance(v, str))
    for i, e in enumerate(ev.itertuples()):
        col, row = divmod(i, rows)
        label = textwrap.shorten(f"{e.number}  {event_label(e.event_id, context)}, {day_label(e.date)}",
                                 width=int(col_w * 17), placeholder="…")
        fig.text((left_in + col * col_w) / w, (top_in - 0.17 - row * 0.15) / h, label,
                 fontsize=7, color=INK, va="top")


def _forecast_handle() -> Line2D:
    return Line2D([], [], marker=FORECAST_MARKER, ls="none", ms=8, color=MUTED, mfc=MUTED,
                  mec=MUTED, label=f"{FORECAST_LABEL}\n(any metric)")


def _has_forecasts(df: pd.DataFrame, metrics: Sequence[str]) -> bool:
    return bool((df["metric"].isin(metrics) & df["kind"].eq(FORECAST)).any())


def _legend_handles(panel_metrics: Sequence[str], sides: Sequence[str], with_extracted: bool,
                    with_forecasts: bool = False) -> tuple[list[Line2D], list[Line2D]]:
    side_handles = [
        Line2D([], [], marker="o", ls="none", ms=7, label=SIDE_LABELS.get(s, s), **marker_style(s))
        for s in sides
    ]
    metric_handles = [
        Line2D([], [], marker=METRIC_MARKERS[m], ls="none", ms=7, color=MUTED, mfc=MUTED,
               mec=MUTED, label=LEGEND_LABELS.get(m, METRIC_LABELS[m]))
        for m in panel_metrics
    ]
    if with_forecasts:
        metric_handles.append(_forecast_handle())
    if with_extracted:
        metric_handles.append(Line2D([], [], marker=EXTRACTED_MARKER, ls="none", ms=8, mew=2.0,
                                     color=INK, label="figure extracted\nfrom an article"))
    return side_handles, metric_handles


def estimates_timeline(
    claims: pd.DataFrame,
    events: pd.DataFrame | None = None,
    *,
    start: str | pd.Timestamp = "2024-06-01",
    end: str | pd.Timestamp = "2026-12-31",
    source: str | None = None,
    title: str | None = None,
    panels: Sequence[str] | None = None,
) -> Figure:
    """Estimates over time: troop numbers and losses, one marker per distinct published figure.

    ``claims``: the combined claims (:func:`kursk.combine.combine_claims`); extracted figures
    get a thin × marker.
    Colour: claimant side; hollow: party to the war; shape: metric, or :data:`FORECAST_MARKER`
    for a forecast or plan (``kind`` ``forecast``); bar: low–high range (dotted for a forecast);
    glyph: qualifier. Figures for a limited period are not drawn. The title and panel titles
    quote counts only. ``events`` (event_id, date) are numbered above the panels with a key
    below. ``source``: the source line (default :func:`source_line` of the curated claims).
    ``panels``: which of :data:`PANELS` to draw (default both). The social-media versions of
    the chart (:mod:`kursk.charts.social`) are drawn without events, in landscape with the
    troop numbers only.
    """
    chosen = {p: PANELS[p] for p in (panels or PANELS)}
    both = _drawn(claims)
    curated = both[both["origin"] == "curated"]
    ext = both[both["origin"] == "extracted"]
    given_source = source
    source = source_line(curated) if source is None else source
    # one panel: the legends stand side by side, in two columns
    width, left_in, right_in = 11.0, 1.1, 2.35 if len(chosen) > 1 else 4.3
    xlim = _span(start, end, both, events)
    ev = None if events is None else _layout_events(events, xlim, width - left_in - right_in)
    n_events = 0 if ev is None else len(ev)
    key_cols = 3
    key_rows = math.ceil(n_events / key_cols) if n_events else 0
    key_in = 0.3 + 0.15 * key_rows if key_rows else 0.0
    strip_in = 0.17 * (int(ev["level"].max()) + 1) if n_events else 0.1
    height = 8.3 - 3.45 * (len(PANELS) - len(chosen)) + key_in + strip_in
    fig, axes = figure(
        title or timeline_title(curated),
        "Published estimates of North Korean troops sent to Russia and of their losses, by who "
        "made the claim",
        source if ext.empty else f"{source}; {extracted_note(ext)}",
        size=(width, height),
        nrows=1 + len(chosen),
        sharex=True,
        gridspec_kw={"height_ratios": [strip_in] + [3.1] * len(chosen), "hspace": 0.32},
    )
    strip, *panels = axes
    fig.subplots_adjust(left=left_in / width, right=1 - right_in / width,
                        bottom=(0.55 + key_in + 0.35) / height)
    sides = [s for s in SIDE_LABELS if s in set(both["claimant_side"])]
    labels: dict[Axes, list[tuple[float, float, str]]] = {}
    for ax, (panel, metrics) in zip(panels, chosen.items(), strict=True):
        _draw_claims(ax, curated, metrics, extracted=False)
        labels[ax] = _draw_claims(ax, ext, metrics, extracted=True)
        values = both.loc[both["metric"].isin(metrics), ["low", "high"]]
        if values.empty:
            ax.set_yticks([])
            ax.text(0.5, 0.5, "No figures of this kind in the data yet", transform=ax.transAxes,
                    ha="center", va="center", color=MUTED)
        else:
            _log_axis(ax, values["low"].min(), values["high"].max())
        ax.set_title(panel_finding(curated, panel), fontsize=10, loc="left")
        ax.set_ylabel("soldiers (log scale)", color=MUTED)
        present = [m for m in metrics if m in set(both["metric"])] or list(metrics)
        _, metric_handles = _legend_handles(present, sides, not ext[ext["metric"].isin(metrics)]
                                            .empty, _has_forecasts(curated, metrics))
        metric_legend = ax.legend(handles=metric_handles, title="Metric", loc="upper left",
                                  bbox_to_anchor=(1.01, 1.0), fontsize=8, title_fontsize=8,
                                  alignment="left")
        ax.add_artist(metric_legend)
        # add_artist clips an artist to the axes, and a tight bounding box (the notebook's
        # inline figures, bbox_inches="tight") then leaves the part outside them off
        metric_legend.set_clip_on(False)
        if ax is panels[0]:  # the side legend goes below this one, with a gap
            box = metric_legend.get_window_extent(fig.canvas.get_renderer())
            below = ax.transAxes.inverted().transform((box.x0, box.y0))[1] - 0.05
    side_handles, _ = _legend_handles([], sides, False)
    second = 1.0 + 2.05 / (width - left_in - right_in)  # the second column (one panel)
    panels[0].legend(handles=side_handles, title="Claimant side", loc="upper left",
                     bbox_to_anchor=(1.01, min(0.5, below)) if len(panels) > 1 else (second, 1.0),
                     fontsize=8, title_fontsize=8, alignment="left")
    glyphs = "\n".join(f"{QUALIFIER_GLYPHS[q]}  {QUALIFIER_WORDS[q]}" for q in _QUALIFIER_ORDER
                       if QUALIFIER_GLYPHS[q])
    panels[-1].text(1.02 if len(panels) > 1 else second, 0.02, "Qualifier\n" + glyphs + "\nbar  low–high range\n"
                    "hollow  party to the war\n(Ukraine, Russia, N. Korea)",
                    transform=panels[-1].transAxes, fontsize=7.5, color=INK, va="bottom",
                    ha="left", linespacing=1.35)
    if ev is not None and n_events:
        _draw_events(strip, panels, ev)
        _event_key(fig, ev, 0.55 + key_in + 0.05, left_in, width - left_in - 0.4, key_cols)
    else:
        strip.set_axis_off()
    panels[-1].set_xlim(*xlim)
    panels[-1].xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
    panels[-1].xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    panels[-1].xaxis.set_minor_locator(mdates.MonthLocator())
    for ax, requests in labels.items():
        _label_points(ax, requests)

    def social(size: tuple[int, int]) -> tuple[Figure, str]:
        landscape = size[0] > size[1]
        simple = estimates_timeline(
            claims, None, start=start, end=end, source=given_source, title=title,
            panels=["Troop numbers"] if landscape else list(chosen))
        return simple, ("Troop numbers only; events left out" if landscape
                        else "Events left out")

    return simpler(fig, social)


def estimates_by_metric(
    claims: pd.DataFrame,
    *,
    start: str | pd.Timestamp = "2024-06-01",
    end: str | pd.Timestamp = "2026-12-31",
    source: str | None = None,
    spread_table: pd.DataFrame | None = None,
    disagreement_table: pd.DataFrame | None = None,
) -> Figure:
    """Small multiples: one panel per metric with figures, linear scale, coloured by side.

    The title states a finding: with ``disagreement_table`` (from
    :func:`kursk.estimates.disagreements`) the two figures of the same weeks that differ most; else
    with ``spread_table`` (from :func:`kursk.estimates.spread`) the widest gap between the sides'
    latest counts, which may be months apart. Both compare counts only by default. Forecasts and
    plans get :data:`FORECAST_MARKER`, as on the timeline; figures for a limited period are not
    drawn.
    """
    both = _drawn(claims)
    source = source_line(both[both["origin"] == "curated"]) if source is None else source
    order = [m for metrics in PANELS.values() for m in metrics]
    metrics = [m for m in order if m in set(both["metric"])]
    ncols = 3
    nrows = max(1, math.ceil((len(metrics) + 1) / ncols))  # one spare cell for the legend
    width, height = 11.0, 1.9 + 2.5 * nrows
    title = "Published figures per metric"
    subtitle = "Each side's published figures per metric; linear scale per panel"
    if disagreement_table is not None and len(disagreement_table.dropna(subset=["ratio"])):
        title, subtitle = _disagreement_title(disagreement_table)
    elif spread_table is not None and len(spread_table.dropna(subset=["ratio"])):
        top = spread_table.dropna(subset=["ratio"]).sort_values(
            ["ratio", "metric"], ascending=[False, True]).iloc[0]
        high = format_figure(top.get("highest_low", top["highest"]), top["highest"])
        low = format_figure(top["lowest"], top.get("lowest_high", top["lowest"]))
        title = f"Latest figures differ most on {METRIC_LABELS[str(top['metric'])]}: {high} vs {low}"
        subtitle = (f"{high}: {_when(top, 'highest')}; {low}: {_when(top, 'lowest')} "
                    "(each side's latest count); linear scale per panel")
    if not both[both["origin"] == "extracted"].empty:
        source = f"{source}; {extracted_note(both[both['origin'] == 'extracted'])}"
    fig, axes = figure(title, subtitle, source, size=(width, height), nrows=nrows, ncols=ncols,
                       sharex=True, squeeze=False, gridspec_kw={"hspace": 0.5, "wspace": 0.22})
    fig.subplots_adjust(left=1.05 / width, right=1 - 0.35 / width, top=1 - 1.25 / height)
    flat = list(axes.ravel())
    xlim = _span(start, end, both)
    curated = both[both["origin"] == "curated"]
    ext = both[both["origin"] == "extracted"]
    labels: dict[Axes, list[tuple[float, float, str]]] = {}
    off_scale = 0
    for ax, metric in zip(flat, metrics, strict=False):
        _draw_claims(ax, curated, [metric], extracted=False)
        labels[ax] = _draw_claims(ax, ext, [metric], extracted=True)
        here = both[both["metric"] == metric]
        top = here["high"].max()
        counted = here.loc[here["kind"].astype(object).ne(FORECAST).to_numpy(dtype=bool), "high"]
        lines = 0
        if len(counted) and top > OFF_SCALE * counted.max():  # a far-off forecast would squash
            top = here.loc[here["high"] <= OFF_SCALE * counted.max(), "high"].max()  # every count
            lines = _mark_off_scale(ax, _points(here[here["high"] > top * 1.15]), xlim)
        ax.set_ylim(0, top * 1.15 / (1 - 0.07 * max(lines - 1, 0)))  # room for stacked labels
        off_scale += lines
        ax.yaxis.set_major_locator(MaxNLocator(5, integer=True))
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
        label = METRIC_LABELS[metric]
        ax.set_title(label[:1].upper() + label[1:], fontsize=10)
    for ax in flat[: len(metrics): ncols]:  # the first panel of each row
        ax.set_ylabel("soldiers", color=MUTED)
    for ax in flat[len(metrics):]:
        ax.set_axis_off()
    for ax in flat[: len(metrics)]:
        ax.set_xlim(*xlim)
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 7)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
        ax.tick_params(labelbottom=True)
    sides = [s for s in SIDE_LABELS if s in set(both["claimant_side"])]
    side_handles, _ = _legend_handles([], sides, False)
    if _has_forecasts(curated, metrics):
        side_handles.append(_forecast_handle())
    if not ext.empty:
        side_handles.append(Line2D([], [], marker=EXTRACTED_MARKER, ls="none", ms=8, mew=2.0,
                                   color=INK, label="extracted from\nan article"))
    spare = flat[len(metrics)]
    spare.legend(handles=side_handles, title="Claimant side", loc="upper left",
                 bbox_to_anchor=(0.0, 1.0), fontsize=8, title_fontsize=8, alignment="left")
    glyphs = "\n".join(f"{QUALIFIER_GLYPHS[q]}  {QUALIFIER_WORDS[q]}" for q in _QUALIFIER_ORDER
                       if QUALIFIER_GLYPHS[q])
    spare.text(0.55, 1.0, "Qualifier\n" + glyphs + "\nbar  low–high range\nhollow  party to\n"
               "the war" + ("\n↑  off scale, at\nthe top" if off_scale else ""),
               transform=spare.transAxes, fontsize=7.5, va="top", linespacing=1.35)
    for ax, requests in labels.items():
        _label_points(ax, requests)
    return fig


# ---------------------------------------------------------------------------------------- tables


def estimates_table(latest: pd.DataFrame) -> pd.DataFrame:
    """The latest figure per metric and side (from :func:`kursk.estimates.latest_estimates`), for reading."""
    out = pd.DataFrame(
        {
            "metric": latest["metric"].astype(object).map(METRIC_LABELS),
            "side": latest["claimant_side"].astype(object).map(SIDE_LABELS),
            "latest claim": pd.to_datetime(latest["claimed_on"]),
            "figure": [format_figure(lo, hi, q) for lo, hi, q in
                       zip(latest["low"], latest["high"], latest["qualifiers"], strict=True)],
            "reports": latest["reports"],
            "claimants": latest["claimants"],
        }
    )
    return out.set_index(["metric", "side"])


def _disagreement_title(table: pd.DataFrame) -> tuple[str, str]:
    """Title and subtitle for the widest gap in a :func:`kursk.estimates.disagreements` table."""
    top = table.dropna(subset=["ratio"]).sort_values(
        ["ratio", "metric"], ascending=[False, True]).iloc[0]
    metric = METRIC_LABELS[str(top["metric"])]
    ends = {}
    for end in ("higher", "lower"):
        ends[end] = _phrase(pd.Series({"qualifier": top[f"{end}_qualifier"],
                                       "low": top[f"{end}_low"], "high": top[f"{end}_high"]}))
    days, window = int(top["days_apart"]), int(top["window_days"])
    apart = "on the same day" if days == 0 else f"{days} day{'s' * (days != 1)} apart"
    within = "on the same day" if window == 0 else (
        "within a week" if window == 7 else f"within {window} days")
    title = f"Figures {within} differ most on {metric}: {ends['higher']} vs {ends['lower']}"
    subtitle = "; ".join(
        f"{ends[end]}: {_side_names(str(top[f'{end}_claimant_side']))}, "
        f"{day_label(top[f'{end}_claimed_on'])}" for end in ("higher", "lower")
    ) + f" ({apart}); linear scale per panel"
    return title, subtitle[:1].upper() + subtitle[1:]


def disagreement_table(table: pd.DataFrame) -> pd.DataFrame:
    """The figures of the same weeks that differ most, per metric (from
    :func:`kursk.estimates.disagreements`), for reading."""
    out = {"metric": table["metric"].astype(object).map(METRIC_LABELS)}
    for end in ("higher", "lower"):
        out[end] = [_phrase(pd.Series({"qualifier": q, "low": lo, "high": hi})) for q, lo, hi in
                    zip(table[f"{end}_qualifier"], table[f"{end}_low"], table[f"{end}_high"],
                        strict=True)]
        out[f"{end} by"] = [f"{_side_names(str(s))}: {c}" for s, c in
                            zip(table[f"{end}_claimant_side"], table[f"{end}_claimant"], strict=True)]
        out[f"{end} on"] = _dates(table, f"{end}_claimed_on")
    out["days apart"] = table["days_apart"]
    out["at least"] = table["ratio"].map(lambda r: "" if pd.isna(r) else f"{r:.1f}×")
    out["claim ids"] = table["higher_claim_id"].astype(str) + ", " + table["lower_claim_id"].astype(str)
    return pd.DataFrame(out).set_index("metric")


def _when(row: pd.Series, end: str) -> str:
    """"United Kingdom, Jun 2025" for the highest or lowest figure of a spread row."""
    on = row.get(f"{end}_on")
    when = f", {pd.Timestamp(on):%b %Y}" if on is not None and not pd.isna(on) else ""
    return f"{_side_names(str(row[f'{end}_side']))}{when}"


def spread_table(spread: pd.DataFrame) -> pd.DataFrame:
    """Highest and lowest current figure per metric (from :func:`kursk.estimates.spread`), for reading."""
    return pd.DataFrame(
        {
            "metric": spread["metric"].astype(object).map(METRIC_LABELS),
            "sides": spread["sides"],
            "highest": _ends(spread, "highest_low", "highest"),
            "highest by": spread["highest_side"].map(_side_names),
            "highest on": _dates(spread, "highest_on", "highest_dates"),
            "lowest": _ends(spread, "lowest", "lowest_high"),
            "lowest by": spread["lowest_side"].map(_side_names),
            "lowest on": _dates(spread, "lowest_on", "lowest_dates"),
            "ratio": spread["ratio"].map(lambda r: "" if pd.isna(r) else f"{r:.1f}×"),
        }
    ).set_index("metric")


def _ends(table: pd.DataFrame, low: str, high: str) -> list[str]:
    """``low–high`` (one figure where they are equal) per row; a missing column means equal."""
    lows = table[low] if low in table.columns else table[high]
    highs = table[high] if high in table.columns else table[low]
    return [format_figure(lo, hi) for lo, hi in zip(lows, highs, strict=True)]


def _dates(spread: pd.DataFrame, column: str, per_side: str | None = None) -> pd.Series:
    """The date of each row's figure; where sides tie, each side's date (``per_side`` column)."""
    def one(d: object) -> str:
        return "" if pd.isna(d) else day_label(d)

    if column not in spread.columns:
        return pd.Series("", index=spread.index)
    shown = spread[column].map(one)
    if per_side and per_side in spread.columns:
        several = spread[per_side].fillna("").astype(str).str.contains(",")
        shown[several] = spread.loc[several, per_side].map(
            lambda ds: ", ".join(one(d.strip()) for d in ds.split(",")))
    return shown


def _side_names(sides: str) -> str:
    return ", ".join(SIDE_LABELS.get(s.strip(), s.strip()) for s in str(sides).split(","))
