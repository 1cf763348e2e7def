"""Headline charts for social media: 1200×675 and 1080×1350 pixels, title, chart, source line.

:func:`kursk.charts.save` calls :func:`save_social` for the charts named in
:data:`HEADLINE_CHARTS`, writing ``<figures>/social/<name>_1200x675.png`` and
``<name>_1080x1350.png``. Each is made from the chart as drawn: its subtitle is left out, its title
set large at the top, its source line (with the project's and the data's version) at the bottom,
and the chart itself (plot, legends, keys) drawn in between, at the size that fits, without
resampling. A chart too detailed to read at that size registers a simpler version of itself with
:func:`simpler` (fewer rows, no event key), which is used instead. Output is byte-identical for
identical input, as :func:`kursk.charts.save`'s.
"""

from __future__ import annotations

import io
import os
import textwrap
import weakref
from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox
from PIL import Image

from kursk.charts.style import INK, MUTED, apply_style, description, frame_texts

#: The exported sizes, in pixels (width, height): landscape for link previews, portrait for feeds.
SOCIAL_SIZES: dict[str, tuple[int, int]] = {"1200x675": (1200, 675), "1080x1350": (1080, 1350)}
#: The charts that also get social-media versions (names as given to :func:`kursk.charts.save`).
HEADLINE_CHARTS = (
    "troop_estimates_timeline",
    "kursk_map",
    "sources_claim_matrix",
    "sources_first_reports",
)
#: Pixels per inch of the social figures (so 10 pt type is 14 px).
SOCIAL_DPI = 100
#: The chart is never drawn larger than at this many pixels per inch.
MAX_BODY_DPI = 150
_MARGIN = 24  # px around everything

#: A simpler version of a chart for a given size: (width, height) -> (figure, note for the
#: source line, such as "the 12 outlets with most reports").
Simpler = Callable[[tuple[int, int]], tuple[Figure, str]]
_SIMPLER: weakref.WeakKeyDictionary[Figure, Simpler] = weakref.WeakKeyDictionary()


def simpler(fig: Figure, build: Simpler) -> Figure:
    """Register ``build`` as the way to draw a simpler ``fig`` for a social-media size."""
    _SIMPLER[fig] = build
    return fig


def _body_png(fig: Figure, box: tuple[int, int]) -> bytes:
    """The chart without its title, subtitle and source line, drawn to fit ``box`` (pixels) as
    a PNG at the largest scale that fits (at most :data:`MAX_BODY_DPI`)."""
    if not hasattr(fig.canvas, "get_renderer"):  # a figure the notebook has shown and closed
        FigureCanvasAgg(fig)
    hidden = [t for t in frame_texts(fig) if t.get_visible()]
    for text in hidden:
        text.set_visible(False)
    try:
        fig.canvas.draw()
        tight = fig.get_tightbbox(fig.canvas.get_renderer())  # inches
        pad = 0.05
        body = Bbox.from_extents(tight.x0 - pad, tight.y0 - pad, tight.x1 + pad, tight.y1 + pad)
        dpi = min(box[0] / body.width, box[1] / body.height, MAX_BODY_DPI)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, bbox_inches=body, pad_inches=0,
                    metadata={"Software": None})
        return buffer.getvalue()
    finally:
        for text in hidden:
            text.set_visible(True)


def social_figure(fig: Figure, size: tuple[int, int]) -> Figure:
    """The social-media version of ``fig`` at ``size`` pixels: title, chart, source line."""
    apply_style()
    note = ""
    if fig in _SIMPLER:
        chart, note = _SIMPLER[fig](size)
    else:
        chart = fig
    title, source = description(fig)
    width, height = size
    out = plt.figure(figsize=(width / SOCIAL_DPI, height / SOCIAL_DPI), dpi=SOCIAL_DPI)
    plt.close(out)  # not shown by notebooks; saved by save_social
    title_pt = 22 if width > height else 26
    chars = int((width - 2 * _MARGIN) / (title_pt * 0.62 * SOCIAL_DPI / 72))
    title_lines = textwrap.wrap(title, width=max(20, chars))
    out.text(_MARGIN / width, 1 - _MARGIN / height, "\n".join(title_lines), ha="left", va="top",
             fontsize=title_pt, fontweight="bold", color=INK, linespacing=1.15)
    foot = f"Shown: {note[:1].lower()}{note[1:]} (the whole chart: make report). {source}" \
        if note else source
    foot_lines = textwrap.wrap(foot, width=int((width - 2 * _MARGIN) / 8.1),
                               break_on_hyphens=False)
    out.text(_MARGIN / width, _MARGIN * 0.6 / height, "\n".join(foot_lines), ha="left",
             va="bottom", fontsize=11, color=MUTED, linespacing=1.3)
    top = _MARGIN + len(title_lines) * title_pt * 1.15 * SOCIAL_DPI / 72 + 14
    bottom = _MARGIN * 0.6 + len(foot_lines) * 11 * 1.3 * SOCIAL_DPI / 72 + 12
    box = (width - 2 * _MARGIN, int(height - top - bottom))
    image = np.asarray(Image.open(io.BytesIO(_body_png(chart, box))).convert("RGBA"))
    if chart is not fig:  # drawn for this export only: a notebook must not show it
        plt.close(chart)
    h, w = image.shape[:2]
    x0 = int(round((width - w) / 2))
    y0 = int(round(bottom + (box[1] - h) / 2))
    out.figimage(image, xo=x0, yo=y0, origin="upper", zorder=1)
    return out


def save_social(fig: Figure, name: str, directory: str | os.PathLike) -> list[Path]:
    """Write ``<directory>/<name>_<W>x<H>.png`` for each of :data:`SOCIAL_SIZES`; returns the
    paths. The PNGs carry the chart's title and source line as metadata, like the chart's."""
    title, source = description(fig)
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for label, size in SOCIAL_SIZES.items():
        social = social_figure(fig, size)
        path = out / f"{name}_{label}.png"
        social.savefig(path, format="png", dpi=SOCIAL_DPI,
                       metadata={"Software": None, "Title": title, "Description": source})
        paths.append(path)
    return paths
