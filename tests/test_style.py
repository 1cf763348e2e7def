"""The house frame: a long source line wraps inside the figure."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from kursk.charts.style import figure  # noqa: E402


def test_a_long_source_line_wraps_inside_the_figure() -> None:
    # fixture: a made-up source line, far longer than one line of a narrow figure
    source = "Fixture source " + " ".join(f"claimant{i}" for i in range(60))
    fig, ax = figure("Fixture title", "Fixture subtitle", source, size=(6.0, 4.0))
    text = next(t for t in fig.texts if t.get_text().startswith("Source: Fixture source"))
    assert text.get_text().count("\n") >= 2
    assert " ".join(text.get_text().split()) == f"Source: {source} · Chart: kursk-notebooks"
    fig.canvas.draw()
    box = text.get_window_extent()
    assert box.x1 <= fig.bbox.x1 and box.y0 >= 0
    assert ax.get_position().y0 * 4.0 > 0.45 + 0.45 + 2 * 0.14 - 1e-9  # the plot moved up
    short, _ = figure("Fixture", "Fixture", "fixture", size=(6.0, 4.0))
    assert "\n" not in next(t for t in short.texts if t.get_text().startswith("Source:")).get_text()
