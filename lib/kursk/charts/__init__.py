"""Charts and maps in one house style, and their reproducible export.

``figure()`` makes a framed figure (title = finding, subtitle = what is shown, source line
ending with the project's and the data's version); ``save()`` exports it to
``reports/figures/`` (headline charts also for social media, :mod:`kursk.charts.social`);
``for_readers()`` formats a frame as a table for people (:mod:`kursk.charts.tables`). Drawing
functions take frames and return figures; they never load data.
"""

from kursk.charts.export import save
from kursk.charts.style import (
    QUALIFIER_GLYPHS,
    SIDE_COLOURS,
    SIDE_LABELS,
    WARRING_SIDES,
    apply_style,
    figure,
    frame,
    marker_style,
    side_colour,
)
from kursk.charts.tables import for_readers

__all__ = [
    "QUALIFIER_GLYPHS",
    "SIDE_COLOURS",
    "SIDE_LABELS",
    "WARRING_SIDES",
    "apply_style",
    "figure",
    "for_readers",
    "frame",
    "marker_style",
    "save",
    "side_colour",
]
