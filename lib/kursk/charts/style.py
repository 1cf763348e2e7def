"""The house style: palette, fonts, figure frame (title, subtitle, source line) and markers."""

from __future__ import annotations

import textwrap
import weakref

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from kursk import schema
from kursk.charts.provenance import credit
from kursk.schema import WARRING_SIDES as _WARRING_SIDES

#: Okabe–Ito, colour-blind safe. One colour per claimant side, the same on every chart.
SIDE_COLOURS: dict[str, str] = {
    "ukraine": "#0072B2",  # blue
    "russia": "#D55E00",  # vermillion
    "dprk": "#CC79A7",  # reddish purple
    "south_korea": "#009E73",  # bluish green
    "us": "#E69F00",  # orange
    "uk": "#56B4E9",  # sky blue
    "nato": "#000000",  # black
    "other": "#999999",  # grey
}
#: Readers' words for each claimant side (``enumLabels`` of the claims schema).
SIDE_LABELS: dict[str, str] = schema.labels("claims", "claimant_side")
#: Sides that are parties to the war: their claims get hollow markers (see kursk.entities).
WARRING_SIDES = _WARRING_SIDES
#: Neutral inks.
INK = "#222222"
MUTED = "#666666"
GRID = "#DDDDDD"
#: Qualifier glyphs, as printed next to a figure.
QUALIFIER_GLYPHS = {"up_to": "▼", "more_than": "▲", "at_least": "≥", "about": "~", "exact": ""}

FONT = "DejaVu Sans"
DPI = 150
SIZES: dict[str, tuple[float, float]] = {
    "wide": (10.0, 5.625),
    "tall": (8.0, 9.0),
    "square": (8.0, 8.0),
    "map": (10.0, 8.0),
}

# Space (inches) kept for the header and the source line.
_HEADER_IN = 0.95
_FOOTER_IN = 0.45
_SOURCE_LINE_IN = 0.14  # height of one more line of the source
_SIDE_IN = 0.25


def apply_style() -> None:
    """Set the house rcParams: DejaVu Sans, fixed dpi, quiet axes, reproducible SVG ids."""
    mpl.rcParams.update(
        {
            "font.family": FONT,
            "font.sans-serif": [FONT],
            "font.size": 10,
            "axes.titlesize": 11,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.labelcolor": INK,
            "axes.edgecolor": MUTED,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "axes.axisbelow": True,
            "grid.color": GRID,
            "grid.linewidth": 0.6,
            "xtick.color": MUTED,
            "ytick.color": MUTED,
            "legend.frameon": False,
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
            "figure.facecolor": "white",
            "savefig.facecolor": "white",
            "svg.hashsalt": "kursk-notebooks",
            "svg.fonttype": "path",
            "pdf.fonttype": 42,
            "path.simplify": True,
        }
    )


def outlets_phrase(outlets: object, limit: int = 4) -> str:
    """Outlet names for a source line or title: "A", "A and B", "A, B, C and 2 more" (distinct,
    in the order given, blanks left out)."""
    names = list(dict.fromkeys(str(o) for o in (outlets if outlets is not None else [])
                               if str(o).strip() and str(o) != "nan"))
    if len(names) > limit:
        return f"{', '.join(names[:limit - 1])} and {len(names) - limit + 1} more"
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def articles_line(articles: object) -> str:
    """Where a chart's article-derived figures come from, naming the outlets: "the 4 articles
    read (tagesschau, Fixture Wire, …)". ``articles`` is an articles frame (or a list of
    outlets, one per article)."""
    outlets = list(articles["outlet"]) if hasattr(articles, "columns") else list(articles)
    n = len(outlets)
    which = "the one article read" if n == 1 else f"the {n:,} articles read"
    named = outlets_phrase(sorted(set(map(str, outlets)), key=str.lower))
    return f"{which} ({named})" if named else which


def side_colour(side: str) -> str:
    """The colour of a claimant side (grey for anything unknown)."""
    return SIDE_COLOURS.get(str(side), SIDE_COLOURS["other"])


def marker_style(side: str, warring: bool | None = None) -> dict:
    """Keyword arguments for a claim marker: filled for others, hollow for warring parties."""
    colour = side_colour(side)
    warring = (side in WARRING_SIDES) if warring is None else bool(warring)
    return {
        "markeredgecolor": colour,
        "markerfacecolor": "white" if warring else colour,
        "markeredgewidth": 1.6,
        "color": colour,
    }


def figure(
    title: str,
    subtitle: str,
    source: str,
    *,
    size: str | tuple[float, float] = "wide",
    nrows: int = 1,
    ncols: int = 1,
    **subplot_kw,
) -> tuple[Figure, object]:
    """A house-style figure: the title states the finding, the subtitle what is shown, a source line.

    Returns ``(fig, axes)`` as ``plt.subplots`` does. ``source`` names the data's origin; the
    credit line is added to it.
    """
    apply_style()
    w, h = SIZES[size] if isinstance(size, str) else size
    fig, axes = plt.subplots(nrows, ncols, figsize=(w, h), **subplot_kw)
    frame(fig, title, subtitle, source)
    return fig, axes


def frame(fig: Figure, title: str, subtitle: str, source: str) -> Figure:
    """Put the house header and source line on an existing figure and keep room for them."""
    if not str(source).strip():
        raise ValueError("every chart needs a source line: pass source=…")
    w, h = fig.get_size_inches()
    head = fig.text(
        _SIDE_IN / w,
        1 - 0.22 / h,
        title,
        ha="left",
        va="top",
        fontsize=14,
        fontweight="bold",
        color=INK,
    )
    sub = fig.text(_SIDE_IN / w, 1 - 0.55 / h, subtitle, ha="left", va="top", fontsize=10,
                   color=MUTED)
    line = source_text(source)
    lines = _wrapped(line, w)
    foot = fig.text(_SIDE_IN / w, 0.15 / h, "\n".join(lines), ha="left", va="bottom", fontsize=7.5,
             color=MUTED, linespacing=1.3)
    fig.subplots_adjust(
        top=1 - _HEADER_IN / h,
        bottom=(_FOOTER_IN + 0.45 + _SOURCE_LINE_IN * (len(lines) - 1)) / h,
        left=(_SIDE_IN + 0.55) / w,
        right=1 - (_SIDE_IN + 0.1) / w,
    )
    _DESCRIPTIONS[fig] = (title, line)
    _FRAME_TEXTS[fig] = (head, sub, foot)
    return fig


def source_text(source: str) -> str:
    """The footer's whole text: "Source: …" and the credit with the project's and data's
    version (:func:`kursk.charts.provenance.credit`)."""
    source = str(source)
    return f"{source} · {credit()}" if source.startswith("Source:") else (
        f"Source: {source} · {credit()}")


def _wrapped(line: str, width_in: float) -> list[str]:
    """A long source line wrapped at the figure's width (DejaVu Sans 7.5 pt: about 16
    characters an inch); the plot moves up a line for each extra line."""
    return textwrap.wrap(line, width=max(40, int((width_in - 2 * _SIDE_IN) * 16)),
                         break_on_hyphens=False)


def source_extra_in(source: str, width_in: float) -> float:
    """How much taller (inches) the footer of a ``width_in`` wide figure is than one line, for
    charts that place legends above it themselves."""
    return _SOURCE_LINE_IN * (len(_wrapped(source_text(source), width_in)) - 1)


#: Title and source line of each framed figure, for :func:`description`.
_DESCRIPTIONS: weakref.WeakKeyDictionary[Figure, tuple[str, str]] = weakref.WeakKeyDictionary()


#: The title, subtitle and source-line texts :func:`frame` drew, for :func:`frame_texts`.
_FRAME_TEXTS: weakref.WeakKeyDictionary[Figure, tuple] = weakref.WeakKeyDictionary()


def frame_texts(fig: Figure) -> tuple:
    """The title, subtitle and source-line text artists :func:`frame` put on ``fig`` (empty if
    none): what a social-media version replaces with its own."""
    return _FRAME_TEXTS.get(fig, ())


def description(fig: Figure) -> tuple[str, str]:
    """The title and source line :func:`frame` put on ``fig`` (``("", "")`` if it has none)."""
    return _DESCRIPTIONS.get(fig, ("", ""))
