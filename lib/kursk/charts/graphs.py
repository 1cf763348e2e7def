"""Source-comparison charts: the claim-matrix heatmap, the citation graph, the first-report timeline.

Each function takes the frames or graph made by :mod:`kursk.sources` and returns a house-style
figure; none of them loads data.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch

from kursk.charts.social import simpler
from kursk.charts.style import (
    INK,
    MUTED,
    QUALIFIER_GLYPHS,
    SIDE_LABELS,
    WARRING_SIDES,
    figure,
    marker_style,
    outlets_phrase,
    side_colour,
    source_extra_in,
)

#: Cell colours of the claim matrix, one per qualifier (light = more hedged); glyphs in the cells.
QUALIFIER_COLOURS = {
    "exact": "#4D4D4D",
    "about": "#A6A6A6",
    "at_least": "#9ECAE1",
    "more_than": "#4292C6",
    "up_to": "#FDAE6B",
    "mixed": "#E7D4E8",
}
QUALIFIER_NAMES = {
    "exact": "exact figure",
    "about": "about ~",
    "at_least": "at least ≥",
    "more_than": "more than ▲",
    "up_to": "up to ▼",
    "mixed": "two qualifiers",
}
_HEADER_IN, _FOOTER_IN = 0.95, 0.9
#: The narrowest plot (inches) of the first-report chart, whatever the labels beside it need.
MIN_PLOT_IN = 4.5
#: The least room (inches) between two day ticks of the first-report chart.
TICK_GAP_IN = 0.3


def _names(highlight: str | Iterable[str] | None) -> list[str]:
    """``highlight`` as a list of names (one string is one name)."""
    if highlight is None:
        return []
    if isinstance(highlight, str):
        return [highlight]
    return sorted({str(h) for h in highlight if str(h).strip()}, key=str.lower)


def _source(base: str, outlets: Iterable[str]) -> str:
    """A source line: ``base``, and the loaded articles' outlets (in bold on the chart) if any."""
    named = outlets_phrase(list(outlets))
    return f"{base}; loaded articles (bold): {named}" if named else base


def claim_matrix_chart(
    matrix: pd.DataFrame,
    sides: Mapping[str, str] | None = None,
    *,
    title: str,
    subtitle: str = "Which outlet carried which claim, and with which qualifier",
    source: str | None = None,
    highlight: str | Iterable[str] | None = None,
    claims_as_rows: bool = False,
    cell: float = 0.2,
) -> Figure:
    """Heatmap of outlets (rows) × distinct claims (columns), cells coloured by the qualifier used.

    ``matrix`` is :func:`kursk.sources.claim_matrix` (qualifier values); ``sides`` maps claim
    labels to the claimant side, which colours the claims' labels. ``highlight``: the outlets of
    the loaded articles (one name or several), set in bold and named in the source line (the
    default source line: data/claims.csv and those articles). ``claims_as_rows`` turns the
    table (claims down the side, outlets across: the landscape social-media version); ``cell``
    is a cell's side in inches.
    """
    marked = _names(highlight)
    source = source if source is not None else _source(
        "reports in data/claims.csv", [m for m in marked if m in set(map(str, matrix.index))])
    full = matrix
    if claims_as_rows:
        matrix = matrix.T
    cats = list(QUALIFIER_COLOURS)
    codes = np.full(matrix.shape, np.nan)
    glyphs = np.full(matrix.shape, "", dtype=object)
    for (i, j), q in np.ndenumerate(matrix.to_numpy(dtype=object)):
        if isinstance(q, str) and q:
            key = q if q in QUALIFIER_COLOURS else "mixed"
            codes[i, j] = cats.index(key)
            glyphs[i, j] = "".join(QUALIFIER_GLYPHS.get(p.strip(), "?") for p in q.split("/"))
    n_rows, n_cols = matrix.shape
    scale = cell / 0.2  # type grows with the cells
    label_in = 0.06 * scale * max((len(str(c)) for c in matrix.columns), default=10) + 0.2
    row_in = 0.06 * scale * max((len(str(r)) for r in matrix.index), default=10)
    width = max(8.0, row_in + n_cols * cell + 0.8)
    extra = source_extra_in(source, width)
    foot = (1.25 if sides else 0.85) + extra
    height = _HEADER_IN + label_in + n_rows * cell + foot + 0.45
    fig, ax = figure(title, subtitle, source, size=(width, height))
    fig.subplots_adjust(
        left=(row_in + 0.35) / width,
        right=(row_in + 0.35 + n_cols * cell) / width,
        top=1 - (_HEADER_IN + label_in) / height,
        bottom=(foot + 0.35) / height,
    )
    cmap = ListedColormap([QUALIFIER_COLOURS[c] for c in cats]).with_extremes(bad="#F4F4F4")
    ax.imshow(np.ma.masked_invalid(codes), cmap=cmap, vmin=-0.5, vmax=len(cats) - 0.5,
              aspect="auto", interpolation="nearest")
    for (i, j), g in np.ndenumerate(glyphs):
        if g:
            dark = codes[i, j] in (cats.index("exact"), cats.index("more_than"))
            ax.text(j, i, g, ha="center", va="center", fontsize=6 * scale,
                    color="white" if dark else INK)
    ax.set_xticks(range(n_cols), [str(c) for c in matrix.columns], rotation=90,
                  fontsize=7 * scale)
    ax.xaxis.tick_top()
    ax.set_yticks(range(n_rows), [str(r) for r in matrix.index], fontsize=7 * scale)
    outlet_labels, claim_labels = ax.get_yticklabels(), ax.get_xticklabels()
    if claims_as_rows:
        outlet_labels, claim_labels = claim_labels, outlet_labels
    for lab in outlet_labels:
        if lab.get_text() in marked:
            lab.set_fontweight("bold")
            lab.set_color(INK)
    for lab in claim_labels:
        lab.set_color(side_colour(_side((sides or {}).get(lab.get_text()))) if sides else INK)
    ax.set_xticks(np.arange(-0.5, n_cols), minor=True)
    ax.set_yticks(np.arange(-0.5, n_rows), minor=True)
    ax.grid(which="minor", color="white", linewidth=0.8)
    ax.grid(which="major", visible=False)
    ax.tick_params(which="both", length=0)
    for s in ax.spines.values():
        s.set_visible(False)
    used = [c for c in cats if (codes == cats.index(c)).any()]
    handles = [Patch(facecolor=QUALIFIER_COLOURS[c], edgecolor="none") for c in used]
    fig.legend(handles, [QUALIFIER_NAMES[c] for c in used], loc="lower left",
               bbox_to_anchor=(0.15 / width, (foot - 0.45) / height), ncol=len(used),
               fontsize=7.5, title="Cell: qualifier the outlet used", title_fontsize=7.5,
               alignment="left")
    if sides:
        present = sorted({_side(sides[c]) for c in full.columns if c in sides},
                         key=lambda s: list(SIDE_LABELS).index(s) if s in SIDE_LABELS else 99)
        handles = [Patch(facecolor=side_colour(s), edgecolor="none") for s in present]
        fig.legend(handles, [SIDE_LABELS.get(s, s) for s in present], loc="lower left",
                   bbox_to_anchor=(0.15 / width, (0.3 + extra) / height), ncol=len(present),
                   fontsize=7.5, title=f"{'Row' if claims_as_rows else 'Column'} label colour: "
                   "claimant side", title_fontsize=7.5,
                   alignment="left")

    def social(size: tuple[int, int]) -> tuple[Figure, str]:
        landscape = size[0] > size[1]
        rows, cols = (12, 8) if landscape else (24, 16)  # outlets, claims
        small = busiest(full, rows, cols)
        note = (f"The {len(small.columns)} claims carried by most outlets and the "
                f"{len(small)} outlets carrying most of them")
        return claim_matrix_chart(small, sides, title=title, subtitle=subtitle, source=source,
                                  highlight=highlight, claims_as_rows=landscape,
                                  cell=0.3), note

    return simpler(fig, social)


def busiest(matrix: pd.DataFrame, rows: int, cols: int) -> pd.DataFrame:
    """The part of a claim matrix a small chart can show: the ``cols`` claims carried by most
    outlets (in their order), then the ``rows`` outlets carrying most of those (in theirs)."""
    filled = matrix.notna() & matrix.astype(str).ne("")
    keep_cols = filled.sum().sort_values(ascending=False, kind="stable").index[:cols]
    keep_cols = [c for c in matrix.columns if c in set(keep_cols)]
    per_row = filled[keep_cols].sum(axis=1)
    keep_rows = per_row[per_row > 0].sort_values(ascending=False, kind="stable").index[:rows]
    return matrix.loc[[r for r in matrix.index if r in set(keep_rows)], keep_cols]


def _positions(g: nx.DiGraph, row_in: float) -> dict[str, tuple[float, float]]:
    """Layered positions (inches): claimants in column 0, ordered by side then by their links."""
    layers: dict[int, list[str]] = {}
    for n, d in g.nodes(data=True):
        layers.setdefault(int(d.get("layer", 1)), []).append(n)
    order = list(SIDE_LABELS)
    pos: dict[str, tuple[float, float]] = {}
    tallest = max(len(v) for v in layers.values())
    for k in sorted(layers):
        nodes = layers[k]
        if k == 0:
            nodes.sort(key=lambda n: (order.index(g.nodes[n].get("side")) if g.nodes[n].get(
                "side") in order else 99, n))
        else:
            def bary(n: str) -> tuple[float, str]:
                ys = [pos[s][1] for s in g.successors(n) if s in pos]
                return (float(np.mean(ys)) if ys else float("inf"), n)

            nodes.sort(key=bary)
        offset = (tallest - len(nodes)) * row_in / 2
        for i, n in enumerate(nodes):
            pos[n] = (float(k), -(offset + i * row_in))
    return pos


def _name_ends(ax, names: Mapping[str, object]) -> dict[str, tuple[float, float]]:
    """The left and right ends (data x) of each node's name, white box included, as drawn."""
    renderer = ax.figure.canvas.get_renderer()
    to_data = ax.transData.inverted()
    ends = {}
    for n, text in names.items():
        box = text.get_window_extent(renderer).padded(2)  # the white box's pad
        (x0, _), (x1, _) = to_data.transform([(box.x0, box.y0), (box.x1, box.y1)])
        ends[n] = (float(x0), float(x1))
    return ends


def citation_graph_chart(
    g: nx.DiGraph,
    *,
    title: str,
    subtitle: str = "Arrows run from each outlet to whom it credits the figure: another outlet, or "
    "the claimant (left)",
    source: str | None = None,
    highlight: str | Iterable[str] | None = None,
) -> Figure:
    """The citation graph in layers: claimants on the left, each hop to the right one more layer.

    Node colour is the claimant side (hollow for warring parties); outlets are grey squares,
    agencies cited by others dark diamonds; edge colour is the side of the claimants reached
    (grey when several), width grows with the number of reports. An arrow ends beside its
    target's name, never across it, and names sit on white above the arrows that pass behind
    them. ``highlight``: the outlets of the loaded articles (one or several), in bold and named
    in the source line.
    """
    marked = set(_names(highlight))
    source = source if source is not None else _source(
        "data/claims.csv (cited_via); attributions in the loaded articles' texts",
        [n for n in _names(highlight) if n in g])
    if g.number_of_nodes() == 0:
        raise ValueError("the citation graph is empty: no claims or articles to draw")
    row_in = 0.2
    pos = _positions(g, row_in)
    n_layers = max(int(d.get("layer", 1)) for _, d in g.nodes(data=True)) + 1
    tallest = max(sum(1 for _, d in g.nodes(data=True) if int(d.get("layer", 1)) == k)
                  for k in range(n_layers))
    col_in = 2.9
    # room for the longest name on the left (claimants) and in the last column (7.5 pt: about
    # 0.065 inch a character)
    longest = {k: max((len(str(n)) for n, d in g.nodes(data=True)
                       if int(d.get("layer", 1)) == k), default=0) for k in (0, n_layers - 1)}
    left_in = max(2.8, 0.065 * longest[0] + 0.35)
    right_in = max(2.2, 0.065 * longest[n_layers - 1] + 0.4)
    width = left_in + (n_layers - 1) * col_in + right_in
    extra = source_extra_in(source, width)
    height = _HEADER_IN + tallest * row_in + 0.4 + _FOOTER_IN + 0.9 + extra
    fig, ax = figure(title, subtitle, source, size=(width, height))
    fig.subplots_adjust(left=left_in / width, right=1 - right_in / width,
                        top=1 - (_HEADER_IN + 0.35) / height,
                        bottom=(_FOOTER_IN + 0.8 + extra) / height)
    ax.set_xlim(-0.02, n_layers - 1 + 0.02)
    ax.set_ylim(-(tallest - 1) * row_in - row_in / 2, row_in / 2)
    ax.axis("off")
    names = {}
    for n, d in g.nodes(data=True):
        x, y = pos[n]
        kind = d.get("kind", "outlet")
        box = {"facecolor": "white", "edgecolor": "none", "pad": 0.6}
        if kind == "claimant":
            style = marker_style(d.get("side", "other"))
            ax.plot([x], [y], marker="o", markersize=7, linestyle="", zorder=3, **style)
            names[n] = ax.text(x - 0.03, y, n, ha="right", va="center", fontsize=7.5, color=INK,
                               zorder=4, bbox=box)
        else:
            marker = "D" if kind == "agency" else "s"
            ax.plot([x], [y], marker=marker, markersize=5 if kind == "agency" else 4,
                    color=INK if kind == "agency" else "#8C8C8C", linestyle="", zorder=3)
            names[n] = ax.text(x + 0.03, y, n, ha="left", va="center", fontsize=7.5,
                               fontweight="bold" if n in marked else "normal", color=INK,
                               zorder=4, bbox=box)
    ends = _name_ends(ax, names)
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[2]["n"], e[0], e[1])):
        sides = d.get("sides", [])
        colour = side_colour(sides[0]) if len(sides) == 1 else MUTED
        (x0, y0), (x1, y1) = pos[u], pos[v]
        if x1 < x0:  # leftwards, as almost every citation runs: end past the target's name
            x1 = ends[v][1] if g.nodes[v].get("kind") != "claimant" else x1
        elif x1 > x0:  # rightwards: leave past the source's own name
            x0 = ends[u][1] if g.nodes[u].get("kind") != "claimant" else x0
        ax.add_patch(FancyArrowPatch(
            (x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=6, shrinkA=4, shrinkB=4,
            connectionstyle="arc3,rad=0.0" if x1 != x0 else "arc3,rad=0.4", color=colour,
            alpha=0.55, linewidth=0.6 + 0.7 * np.log2(d["n"]), zorder=1,
        ))
    heads = ["Claimants", "Outlets one step away", "Outlets citing another outlet"]
    for k, name in enumerate(heads + ["Outlets citing those"] * 5):
        if k < n_layers:
            ax.text(k, row_in * 0.9, name, ha="right" if k == 0 else "left", va="bottom",
                    fontsize=8.5, fontweight="bold", color=MUTED)
    sides = sorted({d["side"] for _, d in g.nodes(data=True) if d.get("kind") == "claimant"},
                   key=lambda s: list(SIDE_LABELS).index(s) if s in SIDE_LABELS else 99)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=7, **marker_style(s))
               for s in sides]
    labels = [SIDE_LABELS.get(s, s) + (" (warring)" if s in WARRING_SIDES else "") for s in sides]
    handles += [Line2D([], [], marker="D", color=INK, linestyle="", markersize=5),
                Line2D([], [], marker="s", color="#8C8C8C", linestyle="", markersize=4)]
    labels += ["outlet or agency that others cite", "outlet no one here cites"]
    fig.legend(handles, labels, loc="lower left",
               bbox_to_anchor=(0.15 / width, (0.3 + extra) / height),
               ncol=min(len(labels), 5), fontsize=7.5, alignment="left",
               title="Claimants by side (hollow: party to the war); arrow colour: side of the "
                     "claimants reached (grey: several); width: number of reports",
               title_fontsize=7.5)
    return fig


def _short(name: object, width: int = 28) -> str:
    """An outlet's name cut to ``width`` characters for a note."""
    return textwrap.shorten(str(name), width=width, placeholder="…")


def _side(value: object) -> str:
    """A claimant side code; a missing one counts as "other"."""
    missing = value is None or pd.isna(value) or str(value).strip() in ("", "nan", "None", "<NA>")
    return "other" if missing else str(value)


def _spaced(ticks: list[float], ax) -> list[float]:
    """The ticks whose labels stand at least :data:`TICK_GAP_IN` apart on ``ax`` as laid out,
    taken from the left (0 first); the last one is kept in place of its left neighbour."""
    dpi = ax.figure.dpi
    xs = ax.transData.transform([(t, 0) for t in ticks])[:, 0] / dpi if ticks else []
    kept: list[int] = []
    for i, x in enumerate(xs):
        if not kept or x - xs[kept[-1]] >= TICK_GAP_IN:
            kept.append(i)
        elif i == len(xs) - 1 and len(kept) > 1 and x - xs[kept[-2]] >= TICK_GAP_IN:
            kept[-1] = i
    return [ticks[i] for i in kept]


def first_report_chart(
    timing: pd.DataFrame,
    distinct: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "Each row is one claim; dots mark the day each outlet first carried it",
    source: str | None = None,
    min_outlets: int = 1,
) -> Figure:
    """Days from each claim to each outlet's first report, one row per distinct claim.

    ``timing`` is :func:`kursk.sources.timing`; ``distinct`` is
    :func:`kursk.sources.distinct_claims` (for the claimant side). Dot size grows with the
    number of outlets on that day; the first outlet is named at the right, with how many
    outlets shared its day (same-day reports cannot be ordered) and how many came later. Rows
    with a report from a loaded article (``origin`` extracted) name its outlet and day in bold;
    the default source line names those outlets. The plot is kept at least
    :data:`MIN_PLOT_IN` wide, and day ticks too close to read apart are left out.
    """
    d = distinct.set_index("claim_key")
    t = timing.copy()
    loaded = (t["origin"].astype(str) == "extracted") if "origin" in t.columns else (
        pd.Series(False, index=t.index))
    source = source if source is not None else _source(
        "reports in data/claims.csv", sorted(set(t.loc[loaded, "outlet"].astype(str)),
                                             key=str.lower))
    n_out = t.groupby("claim_key")["outlet"].transform("nunique")
    t = t[n_out >= min_outlets]
    t["days"] = (t["published_on"] - t["claimed_on"]).dt.days.clip(lower=0)
    keys = list(dict.fromkeys(t.sort_values(["claimed_on", "claim_key"])["claim_key"]))
    notes = {}
    for k in keys:
        rows = t[t["claim_key"] == k]
        first = rows.sort_values("rank").iloc[0]
        n_first = int((rows["days"] == rows["days"].min()).sum())
        later = rows["outlet"].nunique() - n_first
        mine = rows[loaded.loc[rows.index]].sort_values(["days", "outlet"])
        first_name = _short(first["outlet"]) + (" (loaded)" if first["outlet"] in set(
            mine["outlet"]) else "")
        note = f"first day: {first_name} and {n_first - 1} more" if n_first > 1 else (
            f"first: {first_name}")
        notes[k] = note + (f" · {later} later" if later else "")
        mine = mine[mine["outlet"] != first["outlet"]]
        if len(mine):
            notes[k] += " · loaded: " + outlets_phrase(
                [f"{_short(o)} (day {int(dd)})" for o, dd in zip(mine["outlet"], mine["days"],
                                                                 strict=True)], limit=2)
    marked_rows = {k for k in keys if loaded.loc[t.index[t["claim_key"] == k]].any()}
    n = len(keys)
    label_in = 0.062 * max((len(str(d.at[k, "label"])) for k in keys), default=20)
    note_in = 0.056 * max((len(v) for v in notes.values()), default=20) + 0.35
    width = max(10.0, label_in + 0.35 + MIN_PLOT_IN + note_in)
    extra = source_extra_in(source, width)
    height = _HEADER_IN + max(n, 3) * 0.3 + _FOOTER_IN + 1.0 + extra
    fig, ax = figure(title, subtitle, source, size=(width, height))
    fig.subplots_adjust(left=(label_in + 0.35) / width, right=1 - note_in / width,
                        top=1 - (_HEADER_IN + 0.1) / height,
                        bottom=(_FOOTER_IN + 0.85 + extra) / height)
    xmax = max(float(t["days"].max()) if len(t) else 1.0, 1.0)
    for y, k in enumerate(keys):
        rows = t[t["claim_key"] == k]
        side = _side(d.at[k, "claimant_side"])
        style = marker_style(side)
        per_day = rows.groupby("days")["outlet"].nunique()
        ax.plot([0, per_day.index.max()], [y, y], color=style["color"], linewidth=0.8, alpha=0.5)
        for day, cnt in per_day.items():
            ax.plot([day], [y], marker="o", linestyle="", markersize=4 + 2.2 * np.sqrt(cnt - 1),
                    **style)
            if cnt > 1:
                ax.annotate(str(cnt), xy=(day, y), xytext=(0, 4.5), textcoords="offset points",
                            ha="center", va="bottom", fontsize=6, color=MUTED)
        ax.annotate(notes[k], xy=(1.0, y), xycoords=("axes fraction", "data"), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=7, color=INK,
                    annotation_clip=False,
                    fontweight="bold" if k in marked_rows else "normal")
    ax.set_yticks(range(n), [str(d.at[k, "label"]) for k in keys], fontsize=7.5)
    for lab, k in zip(ax.get_yticklabels(), keys, strict=True):
        lab.set_color(side_colour(_side(d.at[k, "claimant_side"])))
    ax.set_ylim(n - 0.5, -0.7)
    ax.set_xscale("symlog", linthresh=1)
    ax.set_xlim(-0.3, xmax * 1.3 + 1)
    ticks = _spaced([t_ for t_ in (0, 1, 2, 3, 7, 14, 30, 90, 180, 365, 730)
                     if t_ <= xmax * 1.3 + 1], ax)
    ax.set_xticks(ticks, [str(t_) for t_ in ticks])
    ax.set_xlabel("Days after the claim was made (log scale beyond 1 day)", fontsize=8, color=MUTED)
    ax.grid(axis="y", visible=False)
    sides = sorted({_side(d.at[k, "claimant_side"]) for k in keys},
                   key=lambda s: list(SIDE_LABELS).index(s) if s in SIDE_LABELS else 99)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=6, **marker_style(s))
               for s in sides]
    labels = [SIDE_LABELS.get(s, s) + (" (warring, hollow)" if s in WARRING_SIDES else "")
              for s in sides]
    handles.append(Line2D([], [], marker="o", linestyle="", markersize=4 + 2.2 * np.sqrt(3),
                          color=MUTED))
    labels.append("bigger dot: more outlets that day (number above)")
    fig.legend(handles, labels, loc="lower left",
               bbox_to_anchor=(0.15 / width, (0.3 + extra) / height),
               ncol=min(len(labels), 4), fontsize=7.5, title="Claimant side",
               title_fontsize=7.5, alignment="left")

    def social(size: tuple[int, int]) -> tuple[Figure, str]:
        most = 8 if size[0] > size[1] else 22
        spread = t.groupby("claim_key")["outlet"].nunique().sort_values(ascending=False,
                                                                        kind="stable")
        kept = set(spread.index[:most])
        small = first_report_chart(timing[timing["claim_key"].isin(kept)], distinct,
                                   title=title, subtitle=subtitle, source=source)
        return small, f"The {len(kept)} claims carried by most outlets"

    return simpler(fig, social)
