"""Static maps of the Kursk border region and the incursion timeline (matplotlib).

Drawing only: every function takes frames (boundaries and places from ``kursk.geo``, mentions from
``kursk.geo.place_mentions``, the combat sites of ``kursk.geo.combat_sites``,
``kursk.data.load_salient_area()`` and ``kursk.data.load_events()``) and returns a figure.
Nothing here loads data. The interactive map is :mod:`kursk.charts.webmap`.
"""


from __future__ import annotations

import math
import textwrap

import geopandas as gpd
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import shapely
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.patheffects import withStroke
from matplotlib.ticker import StrMethodFormatter
from matplotlib.transforms import Bbox
from pyproj import CRS, Transformer
from shapely.ops import polylabel

from kursk.charts.labels import place_labels
from kursk.charts.style import (
    GRID,
    INK,
    MUTED,
    QUALIFIER_GLYPHS,
    SIDE_LABELS,
    figure,
    marker_style,
)
from kursk.charts.style import side_colour as _side_colour
from kursk.charts.timelines import event_label
from kursk.geo import MAPPING_CRS, great_circle, international_border

#: Fills: the two countries' oblasts in pale tints of their side colours, everything else grey.
COUNTRY_FILLS = {"RU": "#F6E3D4", "UA": "#DCEAF4"}
CONTEXT_FILLS = {"RU": "#FBF3EC", "UA": "#EFF5FA"}
OTHER_FILL = "#F1F1F1"
BORDER_COLOUR = "#222222"
HIGHLIGHT = "#000000"
DPRK = _side_colour("dprk")
#: Place kinds labelled on the static map even when no article names them.
LABEL_KINDS = ("city", "capital", "nuclear_plant", "gas_facility")
DEFAULT_SOURCE = "Natural Earth (public domain); GeoNames (CC BY 4.0); place names in the loaded articles"
#: The locator: azimuthal equidistant projection centred between Kursk and Pyongyang.
LOCATOR_CRS = CRS.from_proj4("+proj=aeqd +lat_0=52 +lon_0=82 +datum=WGS84 +units=m +no_defs")


def _nice_length(span_m: float) -> float:
    """A round scale-bar length (m) near a fifth of ``span_m``."""
    target = span_m / 5
    for step in (500_000, 200_000, 100_000, 50_000, 20_000, 10_000):
        if step <= target:
            return float(step)
    return 10_000.0


def _scale_bar(ax, length_m: float, x0: float, y0: float) -> None:
    """A two-segment scale bar in data units (metres) with labels in km."""
    h = length_m * 0.04
    for i, face in enumerate(("black", "white")):
        ax.add_patch(Rectangle((x0 + i * length_m / 2, y0), length_m / 2, h, facecolor=face,
                               edgecolor="black", linewidth=0.8, zorder=20))
    for frac in (0, 0.5, 1):
        ax.text(x0 + frac * length_m, y0 - h * 0.6, f"{frac * length_m / 1000:.0f}",
                ha="center", va="top", fontsize=7.5, color=INK, zorder=20)
    ax.text(x0 + length_m + h, y0 + h / 2, "km", ha="left", va="center", fontsize=7.5, color=INK,
            zorder=20)


def _north_arrow(ax, crs: CRS, x: float, y: float, size_m: float) -> None:
    """An arrow pointing to true north at map point (x, y)."""
    to_geo = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    to_map = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    lon, lat = to_geo.transform(x, y)
    x1, y1 = to_map.transform(lon, lat + 0.2)
    d = np.array([x1 - x, y1 - y])
    d = d / np.hypot(*d) * size_m
    ax.annotate("", xy=(x + d[0], y + d[1]), xytext=(x, y),
                arrowprops={"arrowstyle": "-|>", "color": INK, "linewidth": 1.4,
                            "mutation_scale": 14}, zorder=20)
    ax.text(x + d[0] * 1.18, y + d[1] * 1.18, "N", ha="center", va="center", fontsize=10,
            fontweight="bold", color=INK, zorder=20)


def _extent(regions_m: gpd.GeoDataFrame, pad: float = 0.03) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = regions_m.total_bounds
    dx, dy = (x1 - x0) * pad, (y1 - y0) * pad
    return x0 - dx, y0 - dy, x1 + dx, y1 + dy


def region_map(
    regions: gpd.GeoDataFrame,
    countries: gpd.GeoDataFrame,
    places: gpd.GeoDataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    title: str,
    subtitle: str,
    source: str = DEFAULT_SOURCE,
    locator_ids: tuple[str, str, str] = ("1871859", "524901", "538560"),
    crs: CRS = MAPPING_CRS,
) -> Figure:
    """Static map: oblasts shaded by country, the Russia–Ukraine border, labelled towns, places
    named in articles highlighted (size = number of articles), oblasts named in articles
    labelled in bold with their number of articles, scale bar, north arrow, and a locator with
    Pyongyang, Moscow and Kursk and their great-circle distance.

    ``mentions`` is the output of :func:`kursk.geo.place_mentions` (or ``None``);
    ``locator_ids`` are the place_ids of Pyongyang, Moscow and Kursk in ``places``.
    """
    fig, ax = figure(title, subtitle, source, size="map")
    # geopandas asks the canvas to redraw after every layer; one draw at the end is enough
    fig.canvas.draw_idle = lambda *args, **kwargs: None
    reg = regions.to_crs(crs)
    x0, y0, x1, y1 = _extent(reg)
    frame_box = shapely.box(x0, y0, x1, y1)
    ctx = countries.to_crs(crs)
    ctx = ctx[ctx.intersects(frame_box)].copy()
    ctx["geometry"] = ctx.geometry.intersection(frame_box)
    ctx.plot(ax=ax, color=[CONTEXT_FILLS.get(c, OTHER_FILL) for c in ctx["country"]],
             edgecolor="white", linewidth=0.6, zorder=1)
    reg.plot(ax=ax, color=[COUNTRY_FILLS.get(str(c), OTHER_FILL) for c in reg["country"]],
             edgecolor="white", linewidth=1.2, zorder=2)
    # other international borders (Belarus) thin, the Russia–Ukraine border heavy
    ctx.boundary.intersection(frame_box.buffer(-1)).plot(ax=ax, color=MUTED, linewidth=0.7,
                                                         linestyle=(0, (4, 2)), zorder=3)
    international_border(reg).plot(ax=ax, color=BORDER_COLOUR, linewidth=2.2, zorder=4)
    pts = places.to_crs(crs)
    pts = pts[pts.within(frame_box)].copy()
    counts = (mentions.groupby("place_id")["article_id"].nunique()
              if mentions is not None and len(mentions) else pd.Series(dtype="int64"))
    pts["n_articles"] = pts["place_id"].map(counts).fillna(0).astype(int)
    shown = pts[(pts["n_articles"] > 0) | pts["kind"].astype(str).isin(LABEL_KINDS + ("town",))]
    shown = shown.sort_values("place_id")
    keep_clear = shapely.union_all(shown.geometry.buffer(32_000).values)
    region_labels = []
    for row in reg.itertuples(index=False):
        area = row.geometry.buffer(-15_000).difference(keep_clear)
        pt = polylabel(max(getattr(area, "geoms", [area]), key=lambda g: g.area), 1000) \
            if not area.is_empty else row.geometry.representative_point()
        named = int(counts.get(row.region_id, 0))  # articles naming the oblast itself
        label = row.name_en.replace(" Oblast", "\nOblast").upper() + (f" ({named})" if named else "")
        region_labels.append(
            ax.text(pt.x, pt.y, label, ha="center", va="center", fontsize=8 if named else 7,
                    color=INK if named else "#8A8A8A", fontstyle="italic", zorder=5,
                    fontweight="bold" if named else "normal", linespacing=1.1,
                    path_effects=[withStroke(linewidth=2.2, foreground="white")] if named else None))
    for row in ctx.itertuples(index=False):
        if row.country not in set(reg["country"].astype(str)):
            pt = row.geometry.representative_point()
            ax.text(pt.x, pt.y, row.name_en.upper(), ha="center", va="center", fontsize=8,
                    color="#9A9A9A", zorder=5)

    quiet = shown[shown["n_articles"] == 0]
    loud = shown[shown["n_articles"] > 0]
    ax.scatter(quiet.geometry.x, quiet.geometry.y, s=12, color=MUTED, zorder=6, linewidths=0)
    if len(loud):
        ax.scatter(loud.geometry.x, loud.geometry.y, s=30 + 40 * np.sqrt(loud["n_articles"]),
                   facecolor="white", edgecolor=HIGHLIGHT, linewidths=2.0, zorder=7)
    texts = []
    for row in shown.itertuples(index=False):
        strong = row.n_articles > 0
        label = row.name_en.replace("Nuclear Power Plant", "NPP")
        label += f" ({row.n_articles})" if strong else ""
        texts.append(ax.text(row.geometry.x, row.geometry.y, label, fontsize=8.5 if strong else 7.5,
                             fontweight="bold" if strong else "normal",
                             color=INK if strong else "#444444", zorder=9,
                             path_effects=[withStroke(linewidth=2.2, foreground="white")]))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    if texts:
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        dots = [Bbox.from_bounds(px - 3, py - 3, 6, 6) for px, py in
                ax.transData.transform(np.column_stack([shown.geometry.x, shown.geometry.y]))]
        place_labels(ax, texts, dots, [lab.get_window_extent(renderer) for lab in region_labels],
                     margin=3)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.grid(False)
    for side in ("left", "bottom", "top", "right"):
        ax.spines[side].set_visible(True)
        ax.spines[side].set_color("#BBBBBB")
        ax.spines[side].set_linewidth(0.6)

    span = x1 - x0
    bar = _nice_length(span)
    _scale_bar(ax, bar, x0 + 0.03 * span, y0 + 0.04 * (y1 - y0))
    _north_arrow(ax, crs, x0 + 0.05 * span, y0 + 0.14 * (y1 - y0), 0.05 * (y1 - y0))
    handles = [Patch(facecolor=COUNTRY_FILLS["RU"], edgecolor="white", label="Russian oblast"),
               Patch(facecolor=COUNTRY_FILLS["UA"], edgecolor="white", label="Ukrainian oblast"),
               Line2D([], [], color=BORDER_COLOUR, linewidth=2.2, label="Russia–Ukraine border"),
               Line2D([], [], marker="o", linestyle="", markerfacecolor="white",
                      markeredgecolor=HIGHLIGHT, markeredgewidth=2, markersize=8,
                      label="Named in the articles (n articles)"),
               Line2D([], [], marker="o", linestyle="", color=MUTED, markersize=4,
                      label="Town or city (not named)")]
    ax.legend(handles=handles, loc="lower right", fontsize=7.5, frameon=True, facecolor="white",
              edgecolor="#DDDDDD", framealpha=0.95).set_zorder(30)
    _locator(fig, ax, countries, places, reg, locator_ids)
    del fig.canvas.draw_idle
    return fig


def _locator(fig: Figure, ax, countries: gpd.GeoDataFrame, places: gpd.GeoDataFrame,
             regions_m: gpd.GeoDataFrame, ids: tuple[str, str, str]) -> None:
    """Inset: countries in an azimuthal projection, the main map's frame, three cities, the
    great-circle path and distance between the first and the last of ``ids``."""
    far, mid, near = (str(i) for i in ids)
    box = ax.get_position()
    w, h = box.width * 0.38, box.height * 0.36
    inset = fig.add_axes((box.x1 - w - 0.004, box.y1 - h - 0.006, w, h))
    c = countries.clip_by_rect(15, 20, 150, 75).to_frame("geometry").join(countries["country"])
    c = gpd.GeoDataFrame(c, geometry="geometry", crs=countries.crs).to_crs(LOCATOR_CRS)
    c.plot(ax=inset, color=[COUNTRY_FILLS.get(k, CONTEXT_FILLS.get(k, OTHER_FILL))
                            if k in ("RU", "UA") else ("#EBD9E6" if k == "KP" else OTHER_FILL)
                            for k in c["country"]],
           edgecolor="#AAAAAA", linewidth=0.4)
    km, path = great_circle(places, far, near)
    path.to_crs(LOCATOR_CRS).plot(ax=inset, color=DPRK, linewidth=1.4, linestyle=(0, (3, 1.5)))
    (fx0, fx1), (fy0, fy1) = ax.get_xlim(), ax.get_ylim()
    frame = gpd.GeoSeries([shapely.box(fx0, fy0, fx1, fy1).segmentize((fx1 - fx0) / 50)],
                          crs=regions_m.crs)
    frame.to_crs(LOCATOR_CRS).boundary.plot(ax=inset, color=INK, linewidth=1.0)
    pts = places.set_index("place_id").loc[[far, mid, near]]
    pts = gpd.GeoDataFrame(pts, geometry=gpd.points_from_xy(pts["lon"], pts["lat"]),
                           crs="EPSG:4326").to_crs(LOCATOR_CRS)
    offsets = {far: (-100_000, 150_000, "right", "bottom"), mid: (120_000, 120_000, "left", "bottom"),
               near: (-120_000, -120_000, "right", "top")}
    for pid, row in pts.iterrows():
        dx, dy, ha, va = offsets[pid]
        inset.scatter([row.geometry.x], [row.geometry.y], s=14, color=INK, zorder=5)
        inset.text(row.geometry.x + dx, row.geometry.y + dy, row["name_en"], fontsize=7,
                   ha=ha, va=va, color=INK, zorder=6)
    xs, ys = pts.geometry.x, pts.geometry.y
    mx, my = (xs.max() - xs.min()) * 0.10, (ys.max() - ys.min()) * 0.45
    inset.set_xlim(xs.min() - mx, xs.max() + mx)
    inset.set_ylim(ys.min() - my, ys.max() + my)
    inset.set_aspect("equal")
    names = pts["name_en"]
    inset.text(0.5, 0.04, f"{names[far]}–{names[near]}: {km:,.0f} km (great circle)",
               transform=inset.transAxes, fontsize=7.5, ha="center", va="bottom", color=DPRK,
               fontweight="bold", zorder=7,
               bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1.5})
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_xlabel("")
    inset.set_ylabel("")
    inset.grid(False)
    inset.set_facecolor("white")
    for side in inset.spines.values():
        side.set_visible(True)
        side.set_color("#888888")
        side.set_linewidth(0.8)


# --- timeline ------------------------------------------------------------------------------------


def _short(text: str, width: int = 42) -> str:
    return textwrap.shorten(str(text), width=width, placeholder="…")


def _qualifier_key(qualifiers) -> str:
    """The qualifier marks in use, in words: "▲ more than · ~ about" ("" if none)."""
    words = {"up_to": "up to", "more_than": "more than", "at_least": "at least", "about": "about"}
    present = {str(q) for q in qualifiers}
    return " · ".join(f"{QUALIFIER_GLYPHS[q]} {w}" for q, w in words.items() if q in present)


def incursion_timeline(
    areas: pd.DataFrame,
    events: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    source: str,
    territory_kinds: tuple[str, ...] = ("territory",),
    deployment_kinds: tuple[str, ...] = ("deployment",),
    pad_days: int = 21,
) -> Figure:
    """Area of Kursk Oblast held by Ukraine as claimed over time (one colour per claimant side,
    hollow markers for warring parties), with the dates towns changed hands (grey lines) and
    reports of North Korean troop movements (dashed purple lines), each labelled with its date and
    :func:`kursk.charts.timelines.event_label` (or its text, shortened, without an ``event_id``).

    ``areas``: claimed_on, area_km2, qualifier, claimant_side, warring_party (as in
    ``data/salient_area.csv``); ``events``: date, event, kind, place. Any number of rows works;
    the x range is the area claims' span (or the events' when there are no claims), padded.
    """
    fig, ax = figure(title, subtitle, source, size="wide")
    a = areas.copy()
    if len(a):
        a["claimed_on"] = pd.to_datetime(a["claimed_on"])
    ev = events.copy()
    if len(ev):
        ev["date"] = pd.to_datetime(ev["date"])
        ev = ev[ev["kind"].astype(str).isin(territory_kinds + deployment_kinds)]
    span_src = a["claimed_on"] if len(a) else (ev["date"] if len(ev) else pd.Series(dtype="datetime64[ns]"))
    if len(span_src):
        lo = span_src.min() - pd.Timedelta(days=pad_days)
        hi = span_src.max() + pd.Timedelta(days=pad_days)
    else:
        lo, hi = pd.Timestamp("2024-08-01"), pd.Timestamp("2025-05-01")
    ev = ev[(ev["date"] >= lo) & (ev["date"] <= hi)] if len(ev) else ev
    ymax = float(a["area_km2"].max()) * 1.32 if len(a) else 1.0

    for row in ev.sort_values(["date", "event"]).itertuples(index=False):
        deploy = str(row.kind) in deployment_kinds
        colour = DPRK if deploy else "#9A9A9A"
        ax.axvline(row.date, color=colour, linewidth=1.0,
                   linestyle=(0, (4, 2)) if deploy else "-", zorder=1)
        if getattr(row, "event_id", None):  # the short label the troop timeline's key uses too
            context = " ".join(str(getattr(row, c, "") or "") for c in ("event", "place", "claimant"))
            label = f"{row.date:%-d %b}: {event_label(row.event_id, context)}"
        else:
            label = f"{row.date:%-d %b}: {_short(row.event, 66)}"
        ax.text(row.date, ymax * 0.985, label, rotation=90, ha="right", va="top", fontsize=6.3,
                color=colour, zorder=2,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.6, "pad": 0.4})
    if len(a):
        for side, grp in a.sort_values("claimed_on").groupby("claimant_side", observed=True):
            warring = bool(grp["warring_party"].astype(bool).iloc[0])
            style = marker_style(str(side), warring)
            ax.plot(grp["claimed_on"], grp["area_km2"], marker="o", linestyle="none",
                    markersize=7, label=("Others' claims (not at war)" if str(side) == "other"
                                         else f"{SIDE_LABELS.get(str(side), str(side))}'s claims"),
                    zorder=4, **style)
        seen: set[tuple] = set()
        for row in a.sort_values(["claimed_on", "area_km2"]).itertuples(index=False):
            key = (row.claimed_on, row.area_km2)
            if key in seen:
                continue
            seen.add(key)
            glyph = QUALIFIER_GLYPHS.get(str(row.qualifier), "")
            ax.annotate(f"{glyph}{row.area_km2:,.0f}", (row.claimed_on, row.area_km2),
                        xytext=(6, 5), textcoords="offset points", fontsize=7, color=INK, zorder=5)
    else:
        ax.text(0.5, 0.5, "no area claims loaded", transform=ax.transAxes, ha="center",
                color=MUTED)
    handles, _ = ax.get_legend_handles_labels()
    handles += [Line2D([], [], color="#9A9A9A", linewidth=1, label="Territory reported changing hands"),
                Line2D([], [], color=DPRK, linewidth=1, linestyle=(0, (4, 2)),
                       label="North Korean troop movements reported")]
    glyphs = _qualifier_key(a["qualifier"] if len(a) else [])
    if glyphs:  # the marks before the figures, in words
        handles.append(Line2D([], [], linestyle="none", label=glyphs))
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.0),
              ncols=math.ceil(len(handles) / 2) if len(handles) > 5 else len(handles),
              fontsize=7.5, frameon=False, borderaxespad=0.2, handletextpad=0.4,
              columnspacing=1.2, handlelength=1.6 if len(handles) <= 5 else 1.2)
    if len(handles) > 5:  # two rows of legend: the plot starts lower
        w, h = fig.get_size_inches()
        fig.subplots_adjust(top=fig.subplotpars.top - 0.22 / h)
    ax.set_xlim(lo, hi)
    # a little room below zero, so that markers at 0 km² stand whole above the axis
    ax.set_ylim(-ymax * 0.035, ymax)
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.set_ylabel("Area held by Ukraine in Kursk Oblast (km², as claimed)", fontsize=8.5)
    ax.xaxis.set_major_locator(mdates.MonthLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", visible=False)
    ax.grid(axis="y", color=GRID)
    return fig


# --- interactive map -----------------------------------------------------------------------------



# --- where North Korean troops fought ----------------------------------------------------------

#: One colour per period of :data:`kursk.geo.PERIODS`: browns to yellow, dark to light in time,
#: a hue no claimant side has (side colours mean who spoke; these mean when).
PERIOD_COLOURS = {"earlier": "#3E2A0E", "Nov–Dec 2024": "#6B4F1D", "Jan–Feb 2025": "#A87B23",
                  "Mar–Apr 2025": "#E0B04A", "later": "#F7E3A1"}  # fmt: skip


def _sides_text(sides: str) -> str:
    """"ukraine 6, russia 1" as "Ukraine 6 · Russia 1"."""
    parts = [p.rsplit(" ", 1) for p in str(sides).split(", ") if p]
    return " · ".join(f"{SIDE_LABELS.get(s, s)} {n}" for s, n in parts)


def fighting_map(
    sites: gpd.GeoDataFrame,
    regions: gpd.GeoDataFrame,
    places: gpd.GeoDataFrame,
    areas: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    source: str,
    periods: tuple[tuple[str, str, str], ...],
    crs: CRS = MAPPING_CRS,
    pad_m: float = 22_000,
) -> Figure:
    """Where North Korean troops were reported fighting, zoomed on the places reported, beside
    the area of Kursk Oblast that Ukraine held as claimed in the same months.

    ``sites`` is :func:`kursk.geo.combat_sites` (a marker per place, its area the number of
    reports, its colour the period of the first report, its label the claimant sides);
    ``areas`` is ``kursk.data.load_salient_area()``; ``periods`` is :data:`kursk.geo.PERIODS`
    (their spans shade the area panel in the same colours).
    """
    fig, axes = figure(title, subtitle, source, size=(11.0, 7.2), ncols=2,
                       gridspec_kw={"width_ratios": [2.1, 1.0], "wspace": 0.18})
    ax, side = axes
    fig.canvas.draw_idle = lambda *args, **kwargs: None
    pts = sites.to_crs(crs)
    x0, y0, x1, y1 = pts.total_bounds
    cx, cy, half = (x0 + x1) / 2, (y0 + y1) / 2, max(x1 - x0, y1 - y0) / 2 + pad_m
    x0, x1, y0, y1 = cx - half, cx + half, cy - half * 0.95, cy + half * 0.95
    frame_box = shapely.box(x0, y0, x1, y1)
    reg = regions.to_crs(crs)
    reg = reg[reg.intersects(frame_box)]
    reg.plot(ax=ax, color=[COUNTRY_FILLS.get(str(c), OTHER_FILL) for c in reg["country"]],
             edgecolor="white", linewidth=1.2, zorder=1)
    international_border(regions.to_crs(crs)).plot(ax=ax, color=BORDER_COLOUR, linewidth=2.2,
                                                   zorder=3)
    context = places.to_crs(crs)
    context = context[context.within(frame_box) & ~context["place_id"].isin(pts["place_id"])]
    ax.scatter(context.geometry.x, context.geometry.y, s=10, color=MUTED, zorder=4, linewidths=0)
    context_texts = [ax.text(r.geometry.x + 900, r.geometry.y, r.name_en, fontsize=7,
                             color="#555555", va="center", zorder=5,
                             path_effects=[withStroke(linewidth=2, foreground="white")])
                     for r in context.itertuples(index=False)]
    markers = ax.scatter(pts.geometry.x, pts.geometry.y, s=60 + 70 * pts["reports"],
                         c=[PERIOD_COLOURS.get(p, MUTED) for p in pts["period"]],
                         edgecolors=INK, linewidths=1.0, zorder=7, alpha=0.9)
    texts = [ax.text(r.geometry.x, r.geometry.y,
                     f"{r.name_en}: {r.reports} report{'s' if r.reports != 1 else ''}\n"
                     f"{_sides_text(r.sides)}", fontsize=8.5, color=INK, fontweight="bold",
                     zorder=9, linespacing=1.15,
                     path_effects=[withStroke(linewidth=2.4, foreground="white")])
             for r in pts.itertuples(index=False)]
    shown = [p for p, _, _ in periods if p in set(pts["period"])]
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markeredgecolor=INK,
                      markerfacecolor=PERIOD_COLOURS[p], label=f"first reported {p}")
               for p in shown]
    handles += [Line2D([], [], color=BORDER_COLOUR, linewidth=2.2, label="Russia–Ukraine border"),
                Line2D([], [], marker="o", linestyle="", color=MUTED, markersize=4,
                       label="other places (no report)")]
    legend = ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01),
                       ncol=3, fontsize=7.5, frameon=False, columnspacing=1.2,
                       title="marker area: number of reports", title_fontsize=7.5)
    legend.set_zorder(30)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    radius = np.sqrt(markers.get_sizes()) / 2 * fig.dpi / 72  # marker radii in pixels
    discs = [Bbox.from_extents(px - r, py - r, px + r, py + r) for (px, py), r in
             zip(ax.transData.transform(markers.get_offsets()), radius, strict=True)]
    place_labels(ax, texts, discs, [legend.get_window_extent(renderer),
                                    *(t.get_window_extent(renderer) for t in context_texts)])
    # a place without a report gives way where its name would touch a reported place or label
    taken = [*(t.get_window_extent(renderer) for t in texts), *discs]
    for t in context_texts:
        if any(t.get_window_extent(renderer).overlaps(b) for b in taken):
            t.set_visible(False)
    for name in ("x", "y"):
        getattr(ax, f"set_{name}ticks")([])
        getattr(ax, f"set_{name}label")("")
    ax.grid(False)
    span = x1 - x0
    _scale_bar(ax, _nice_length(span), x0 + 0.04 * span, y0 + 0.04 * (y1 - y0))
    _north_arrow(ax, crs, x0 + 0.06 * span, y0 + 0.15 * (y1 - y0), 0.06 * (y1 - y0))
    inside, under = ax.get_window_extent(renderer), legend.get_window_extent(renderer)
    for t in context_texts:  # no name cut at the frame or hidden under the legend
        box = t.get_window_extent(renderer)
        if box.x1 > inside.x1 or box.x0 < inside.x0 or box.overlaps(under):
            t.set_visible(False)
    _area_panel(side, areas, periods)
    del fig.canvas.draw_idle
    return fig


def _area_panel(ax, areas: pd.DataFrame, periods: tuple[tuple[str, str, str], ...]) -> None:
    """The area of Kursk Oblast Ukraine held, as each side claimed it, over the periods of the
    reports (shaded in their colours)."""
    a = areas.assign(claimed_on=pd.to_datetime(areas["claimed_on"]))
    start = pd.Timestamp(periods[0][1]) - pd.Timedelta(days=120)
    end = pd.Timestamp(periods[-2][2]) + pd.Timedelta(days=15)
    for label, lo, hi in periods:
        lo, hi = max(pd.Timestamp(lo), start), min(pd.Timestamp(hi), end)
        if lo < hi:
            ax.axvspan(lo, hi, color=PERIOD_COLOURS[label], alpha=0.18, linewidth=0, zorder=0)
    a = a[(a["claimed_on"] >= start) & (a["claimed_on"] <= end)]
    for side_name, g in a.groupby(a["claimant_side"].astype(str), sort=True):
        style = marker_style(side_name)
        ax.plot(g["claimed_on"], g["area_km2"], marker="o", linestyle="-", linewidth=0.8,
                markersize=6, label=SIDE_LABELS.get(side_name, side_name), **style)
    ax.set_xlim(start, end)
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(8, 11, 2, 5)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
    ax.set_ylabel("km² of Kursk Oblast held by Ukraine, as claimed", fontsize=8.5)
    ax.set_title("Area held, as each side claimed it", fontsize=9.5, loc="left", color=INK)
    ax.legend(loc="upper right", fontsize=7.5, title="claimed by", title_fontsize=7.5,
              frameon=True, facecolor="white", edgecolor="#DDDDDD")
    ax.tick_params(labelsize=8)
