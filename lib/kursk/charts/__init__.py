"""Charts and maps in one house style, and their reproducible export.

``figure()`` makes a framed figure (title = finding, subtitle = what is shown, source line);
``save()`` exports it to ``reports/figures/``. Drawing functions take frames and return figures;
they never load data.
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

__all__ = [
    "QUALIFIER_GLYPHS",
    "SIDE_COLOURS",
    "SIDE_LABELS",
    "WARRING_SIDES",
    "apply_style",
    "figure",
    "frame",
    "marker_style",
    "save",
    "side_colour",
]
