"""Bar charts: who and what the articles mention."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from kursk.charts.style import INK, MUTED, SIDE_COLOURS, SIDE_LABELS, figure

TYPE_COLOURS = {"outlet": "#BBBBBB", "place": "#DDDDDD", "group": "#DDDDDD"}


def mentions_bar(counts: pd.DataFrame, *, source: str, title: str | None = None,
                 n_articles: int | None = None) -> Figure:
    """Horizontal bars of mention counts (:func:`kursk.articles.mention_counts` by name, type
    and side), coloured by the side an entity speaks for (grey:
    outlets, places and groups). The default title names the most mentioned entity and, given
    ``n_articles``, how many articles were read."""
    if counts.empty:
        raise ValueError("no mentions to draw")
    n = len(counts)
    first = counts.iloc[0]
    read = "" if n_articles is None else (
        " in the one article read" if n_articles == 1 else f" in the {n_articles:,} articles read")
    title = title or f"{first['name']} is mentioned most often{read}"
    shown = (f"all {n} named" if counts.attrs.get("named") == n
             else f"the most frequent {n}, ties at the cut included")
    subtitle = f"Mentions of people, organisations, outlets and places: {shown}"
    fig, ax = figure(title, subtitle, source, size=(10.0, max(4.5, 1.6 + 0.32 * n)))
    data = counts.iloc[::-1]
    colours = [
        SIDE_COLOURS.get(str(s), TYPE_COLOURS.get(str(t), SIDE_COLOURS["other"]))
        if str(s) else TYPE_COLOURS.get(str(t), "#CCCCCC")
        for s, t in zip(data["side"], data["type"], strict=True)
    ]
    ax.barh(range(n), data["mentions"], color=colours, edgecolor="white", height=0.7)
    ax.set_yticks(range(n), [f"{nm}  ({t})" for nm, t in zip(data["name"], data["type"],
                                                             strict=True)])
    ax.tick_params(axis="y", length=0, labelcolor=INK)
    for i, v in enumerate(data["mentions"]):
        ax.text(v + 0.08, i, str(int(v)), va="center", fontsize=8.5, color=MUTED)
    ax.set_xlabel("mentions")
    ax.grid(axis="y", visible=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    sides = [s for s in SIDE_COLOURS if s in set(counts["side"].astype(str))]
    handles = [Patch(color=SIDE_COLOURS[s], label=SIDE_LABELS[s]) for s in sides]
    handles.append(Patch(color=TYPE_COLOURS["outlet"], label="outlet / no side"))
    if set(counts["type"].astype(str)) & {"place", "group"}:
        handles.append(Patch(color=TYPE_COLOURS["place"], label="place or group"))
    ax.legend(handles=handles, loc="lower right", fontsize=8, title="speaks for",
              title_fontsize=8)
    _fit_labels(fig, ax)
    return fig


def _fit_labels(fig: Figure, ax, plot_in: float = 5.0) -> None:
    """Room on the left for the longest name, measured as drawn: the plot starts after it, and
    the figure widens if the plot would be narrower than ``plot_in`` inches."""
    renderer = fig.canvas.get_renderer()
    widest = max((t.get_window_extent(renderer).width for t in ax.get_yticklabels()),
                 default=0.0) / fig.dpi
    w, h = fig.get_size_inches()
    right = (1 - fig.subplotpars.right) * w
    left_in = widest + 0.35
    if w - left_in - right < plot_in:
        old = w
        w = left_in + plot_in + right
        fig.set_size_inches(w, h)
        for text in fig.texts:  # header and footer keep their distance from the left edge
            x, y = text.get_position()
            text.set_position((x * old / w, y))
        right_frac = 1 - right / w
    else:
        right_frac = fig.subplotpars.right
    fig.subplots_adjust(left=left_in / w, right=right_frac)
