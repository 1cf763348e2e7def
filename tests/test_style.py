"""The house frame: a long source line wraps inside the figure."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from kursk.charts.provenance import credit, data_version, latest_data_date  # noqa: E402
from kursk.charts.style import articles_line, figure, outlets_phrase  # noqa: E402


def test_a_long_source_line_wraps_inside_the_figure() -> None:
    # fixture: a made-up source line, far longer than one line of a narrow figure
    source = "Fixture source " + " ".join(f"claimant{i}" for i in range(60))
    fig, ax = figure("Fixture title", "Fixture subtitle", source, size=(6.0, 4.0))
    text = next(t for t in fig.texts if t.get_text().startswith("Source: Fixture source"))
    assert text.get_text().count("\n") >= 2
    assert " ".join(text.get_text().split()) == f"Source: {source} · {credit()}"
    fig.canvas.draw()
    box = text.get_window_extent()
    assert box.x1 <= fig.bbox.x1 and box.y0 >= 0
    assert ax.get_position().y0 * 4.0 > 0.45 + 0.45 + 2 * 0.14 - 1e-9  # the plot moved up
    short, _ = figure("Fixture", "Fixture", "fixture", size=(6.0, 4.0))
    assert "\n" not in next(t for t in short.texts if t.get_text().startswith("Source:")).get_text()


def test_every_footer_carries_the_project_and_data_version(tmp_path) -> None:
    """A chart passed on by itself can be cited: its footer names the project's version (from
    pyproject.toml) and the date of the latest row of data/*.csv."""
    import tomllib

    import pandas as pd

    from kursk.paths import data_dir, project_root

    with open(project_root() / "pyproject.toml", "rb") as f:
        release = tomllib.load(f)["project"]["version"]
    latest = max(
        pd.to_datetime(pd.read_csv(data_dir() / name, usecols=cols)[c]).max()
        for name, cols in {"claims.csv": ["claimed_on", "published_on"], "events.csv": ["date"],
                           "salient_area.csv": ["claimed_on", "published_on"]}.items()
        for c in cols)
    assert data_version() == (f"{latest:%Y-%m-%d}", release)
    assert credit() == f"Chart: kursk-notebooks {release} · data to {latest:%Y-%m-%d}"
    fig, _ = figure("Fixture", "Fixture", "fixture source", size=(8.0, 4.0))
    footer = " ".join(t.get_text() for t in fig.texts if t.get_text().startswith("Source:"))
    assert f"kursk-notebooks {release}" in footer and f"data to {latest:%Y-%m-%d}" in footer
    # fixture: a data folder with one table whose latest date is known
    (tmp_path / "datapackage.json").write_text(
        '{"resources": [{"name": "t", "path": "t.csv", "schema": {"fields": ['
        '{"name": "day", "type": "date"}, {"name": "n", "type": "integer"}]}}]}',
        encoding="utf-8")
    (tmp_path / "t.csv").write_text("day,n\n2030-01-02,1\n2031-05-06,2\n,3\n", encoding="utf-8")
    assert latest_data_date(str(tmp_path)) == "2031-05-06"


def test_outlets_are_named_in_words() -> None:
    # fixture: made-up outlet names
    assert outlets_phrase(["Fixture A"]) == "Fixture A"
    assert outlets_phrase(["Fixture A", "Fixture B", "Fixture A"]) == "Fixture A and Fixture B"
    assert outlets_phrase([f"Fixture {i}" for i in range(6)]) == (
        "Fixture 0, Fixture 1, Fixture 2 and 3 more")
    assert articles_line(["Fixture B", "Fixture a", "Fixture B"]) == (
        "the 3 articles read (Fixture a and Fixture B)")
    assert articles_line(["Fixture A"]) == "the one article read (Fixture A)"
