"""Export figures reproducibly: PNG, SVG and PDF with fixed size and no volatile metadata."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

from kursk.charts.social import HEADLINE_CHARTS, save_social
from kursk.charts.style import apply_style, description
from kursk.paths import figures_dir

_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def _described(fig: Figure, fmt: str) -> dict[str, str]:
    """The chart's title and source line as the format's own metadata fields (alt text for a
    web page, provenance for a file passed on without its page)."""
    title, source = description(fig)
    fields = {"png": ("Title", "Description"), "svg": ("Title", "Description"),
              "pdf": ("Title", "Subject")}[fmt]
    return {k: v for k, v in zip(fields, (title, source), strict=True) if v}


def save(
    fig: Figure,
    name: str,
    formats: Iterable[str] = ("png", "svg", "pdf"),
    directory: str | os.PathLike | None = None,
    social: bool | None = None,
) -> list[Path]:
    """Write ``fig`` as ``<directory>/<name>.<fmt>`` for each format; returns the paths written.

    The figure must carry a source line (made by :func:`kursk.charts.figure` or
    :func:`kursk.charts.frame`), which ends with the project's and the data's version; its title
    and source line go into each file's metadata (PNG and SVG: Title, Description; PDF: Title,
    Subject). A headline chart (:data:`kursk.charts.social.HEADLINE_CHARTS`, or any chart with
    ``social=True``) is also written for social media, 1200×675 and 1080×1350 pixels, to
    ``<directory>/social/`` (:func:`kursk.charts.social.save_social`). Output is byte-identical
    for identical inputs.
    """
    if not description(fig)[1]:
        raise ValueError(f"figure {name!r} has no source line; build it with kursk.charts.figure()")
    if not name or any(c in name for c in "/\\") or name.startswith("."):
        raise ValueError(
            f"bad figure name {name!r}: use a plain file stem such as 'troop_timeline'"
        )
    apply_style()
    out = Path(directory) if directory is not None else figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    with mpl.rc_context({"svg.hashsalt": "kursk-notebooks"}):
        for fmt in formats:
            if fmt not in _METADATA:
                raise ValueError(f"unsupported format {fmt!r}; use one of {sorted(_METADATA)}")
            path = out / f"{name}.{fmt}"
            fig.savefig(path, format=fmt, metadata={**_METADATA[fmt], **_described(fig, fmt)})
            paths.append(path)
    if social if social is not None else name in HEADLINE_CHARTS:
        paths += save_social(fig, name, out / "social")
    return paths
