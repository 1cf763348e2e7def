"""Source-comparison charts: the claim-matrix heatmap, the citation graph, the first-report timeline.

Each function takes the frames or graph made by :mod:`kursk.sources` and returns a house-style
figure; none of them loads data.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch

from kursk.charts.style import (
    INK,
    MUTED,
    QUALIFIER_GLYPHS,
    SIDE_LABELS,
    WARRING_SIDES,
    figure,
    marker_style,
    side_colour,
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


def claim_matrix_chart(
    matrix: pd.DataFrame,
    sides: Mapping[str, str] | None = None,
    *,
    title: str,
    subtitle: str = "Which outlet carried which claim, and with which qualifier",
    source: str = "data/claims.csv; articles in data/articles",
    highlight: str | None = None,
) -> Figure:
    """Heatmap of outlets (rows) × distinct claims (columns), cells coloured by the qualifier used.

    ``matrix`` is :func:`kursk.sources.claim_matrix` (qualifier values); ``sides`` maps column
    labels to the claimant side, which colours the column labels; ``highlight`` bolds one outlet.
    """
    cats = list(QUALIFIER_COLOURS)
    codes = np.full(matrix.shape, np.nan)
    glyphs = np.full(matrix.shape, "", dtype=object)
    for (i, j), q in np.ndenumerate(matrix.to_numpy(dtype=object)):
        if isinstance(q, str) and q:
            key = q if q in QUALIFIER_COLOURS else "mixed"
            codes[i, j] = cats.index(key)
            glyphs[i, j] = "".join(QUALIFIER_GLYPHS.get(p.strip(), "?") for p in q.split("/"))
    n_rows, n_cols = matrix.shape
    label_in = 0.06 * max((len(str(c)) for c in matrix.columns), default=10) + 0.1
    row_in = 0.06 * max((len(str(r)) for r in matrix.index), default=10)
    cell = 0.2
    width = max(8.0, row_in + n_cols * cell + 0.8)
    foot = 1.25 if sides else 0.85
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
            ax.text(j, i, g, ha="center", va="center", fontsize=6,
                    color="white" if dark else INK)
    ax.set_xticks(range(n_cols), [str(c) for c in matrix.columns], rotation=90, fontsize=7)
    ax.xaxis.tick_top()
    ax.set_yticks(range(n_rows), [str(r) for r in matrix.index], fontsize=7)
    for lab in ax.get_yticklabels():
        if lab.get_text() == highlight:
            lab.set_fontweight("bold")
            lab.set_color(INK)
    for lab in ax.get_xticklabels():
        lab.set_color(side_colour((sides or {}).get(lab.get_text(), "other")) if sides else INK)
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
        present = sorted({sides[c] for c in matrix.columns if c in sides},
                         key=lambda s: list(SIDE_LABELS).index(s) if s in SIDE_LABELS else 99)
        handles = [Patch(facecolor=side_colour(s), edgecolor="none") for s in present]
        fig.legend(handles, [SIDE_LABELS.get(s, s) for s in present], loc="lower left",
                   bbox_to_anchor=(0.15 / width, 0.3 / height), ncol=len(present),
                   fontsize=7.5, title="Column label colour: claimant side", title_fontsize=7.5,
                   alignment="left")
    return fig


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


def citation_graph_chart(
    g: nx.DiGraph,
    *,
    title: str,
    subtitle: str = "Arrows run from each outlet to whom it credits the figure: another outlet, or "
    "the claimant (left)",
    source: str = "data/claims.csv (cited_via); attributions in article texts",
    highlight: str | None = None,
) -> Figure:
    """The citation graph in layers: claimants on the left, each hop to the right one more layer.

    Node colour is the claimant side (hollow for warring parties); outlets are grey squares,
    agencies cited by others dark diamonds; edge colour is the side of the claimants reached
    (grey when several), width grows with the number of reports. ``highlight`` bolds one outlet.
    """
    if g.number_of_nodes() == 0:
        raise ValueError("the citation graph is empty: no claims or articles to draw")
    row_in = 0.2
    pos = _positions(g, row_in)
    n_layers = max(int(d.get("layer", 1)) for _, d in g.nodes(data=True)) + 1
    tallest = max(sum(1 for _, d in g.nodes(data=True) if int(d.get("layer", 1)) == k)
                  for k in range(n_layers))
    col_in = 2.9
    left_in = 2.8
    width = left_in + (n_layers - 1) * col_in + 2.2
    height = _HEADER_IN + tallest * row_in + 0.4 + _FOOTER_IN + 0.9
    fig, ax = figure(title, subtitle, source, size=(width, height))
    fig.subplots_adjust(left=left_in / width, right=1 - 2.2 / width,
                        top=1 - (_HEADER_IN + 0.35) / height, bottom=(_FOOTER_IN + 0.8) / height)
    ax.set_xlim(-0.02, n_layers - 1 + 0.02)
    ax.set_ylim(-(tallest - 1) * row_in - row_in / 2, row_in / 2)
    ax.axis("off")
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[2]["n"], e[0], e[1])):
        sides = d.get("sides", [])
        colour = side_colour(sides[0]) if len(sides) == 1 else MUTED
        (x0, y0), (x1, y1) = pos[u], pos[v]
        ax.add_patch(FancyArrowPatch(
            (x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=6, shrinkA=4, shrinkB=4,
            connectionstyle="arc3,rad=0.0", color=colour, alpha=0.55,
            linewidth=0.6 + 0.7 * np.log2(d["n"]), zorder=1,
        ))
    for n, d in g.nodes(data=True):
        x, y = pos[n]
        kind = d.get("kind", "outlet")
        if kind == "claimant":
            style = marker_style(d.get("side", "other"))
            ax.plot([x], [y], marker="o", markersize=7, linestyle="", zorder=3, **style)
            ax.text(x - 0.03, y, n, ha="right", va="center", fontsize=7.5, color=INK)
        else:
            marker = "D" if kind == "agency" else "s"
            ax.plot([x], [y], marker=marker, markersize=5 if kind == "agency" else 4,
                    color=INK if kind == "agency" else "#8C8C8C", linestyle="", zorder=3)
            ax.text(x + 0.03, y, n, ha="left", va="center", fontsize=7.5,
                    fontweight="bold" if n == highlight else "normal", color=INK, zorder=4,
                    bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 0.3})
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
    fig.legend(handles, labels, loc="lower left", bbox_to_anchor=(0.15 / width, 0.3 / height),
               ncol=min(len(labels), 5), fontsize=7.5, alignment="left",
               title="Claimants by side (hollow: party to the war); arrow colour: side of the "
                     "claimants reached (grey: several); width: number of reports",
               title_fontsize=7.5)
    return fig


def first_report_chart(
    timing: pd.DataFrame,
    distinct: pd.DataFrame,
    *,
    title: str,
    subtitle: str = "Each row is one claim; dots mark the day each outlet first carried it",
    source: str = "data/claims.csv; articles in data/articles",
    min_outlets: int = 1,
) -> Figure:
    """Days from each claim to each outlet's first report, one row per distinct claim.

    ``timing`` is :func:`kursk.sources.timing`; ``distinct`` is
    :func:`kursk.sources.distinct_claims` (for the claimant side). Dot size grows with the
    number of outlets on that day; the first outlet is named at the right, with how many
    outlets shared its day (same-day reports cannot be ordered) and how many came later.
    """
    d = distinct.set_index("claim_key")
    t = timing.copy()
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
        note = f"first day: {first['outlet']} and {n_first - 1} more" if n_first > 1 else (
            f"first: {first['outlet']}")
        notes[k] = note + (f" · {later} later" if later else "")
    n = len(keys)
    width = 10.0
    label_in = 0.062 * max((len(str(d.at[k, "label"])) for k in keys), default=20)
    note_in = 0.056 * max((len(v) for v in notes.values()), default=20) + 0.35
    height = _HEADER_IN + max(n, 3) * 0.3 + _FOOTER_IN + 1.0
    fig, ax = figure(title, subtitle, source, size=(width, height))
    fig.subplots_adjust(left=(label_in + 0.35) / width, right=1 - note_in / width,
                        top=1 - (_HEADER_IN + 0.1) / height, bottom=(_FOOTER_IN + 0.85) / height)
    xmax = max(float(t["days"].max()) if len(t) else 1.0, 1.0)
    for y, k in enumerate(keys):
        rows = t[t["claim_key"] == k]
        side = str(d.at[k, "claimant_side"])
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
                    annotation_clip=False)
    ax.set_yticks(range(n), [str(d.at[k, "label"]) for k in keys], fontsize=7.5)
    for lab, k in zip(ax.get_yticklabels(), keys, strict=True):
        lab.set_color(side_colour(str(d.at[k, "claimant_side"])))
    ax.set_ylim(n - 0.5, -0.7)
    ax.set_xscale("symlog", linthresh=1)
    ax.set_xlim(-0.3, xmax * 1.3 + 1)
    ticks = [t_ for t_ in (0, 1, 2, 3, 7, 14, 30, 90, 180, 365, 730) if t_ <= xmax * 1.3 + 1]
    ax.set_xticks(ticks, [str(t_) for t_ in ticks])
    ax.set_xlabel("Days after the claim was made (log scale beyond 1 day)", fontsize=8, color=MUTED)
    ax.grid(axis="y", visible=False)
    sides = sorted({str(d.at[k, "claimant_side"]) for k in keys},
                   key=lambda s: list(SIDE_LABELS).index(s) if s in SIDE_LABELS else 99)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=6, **marker_style(s))
               for s in sides]
    labels = [SIDE_LABELS.get(s, s) + (" (warring, hollow)" if s in WARRING_SIDES else "")
              for s in sides]
    handles.append(Line2D([], [], marker="o", linestyle="", markersize=4 + 2.2 * np.sqrt(3),
                          color=MUTED))
    labels.append("bigger dot: more outlets that day (number above)")
    fig.legend(handles, labels, loc="lower left", bbox_to_anchor=(0.15 / width, 0.3 / height),
               ncol=min(len(labels), 4), fontsize=7.5, title="Claimant side",
               title_fontsize=7.5, alignment="left")
    return fig
