"""Tests for kursk.charts.graphs on small frames.

# fixture: the claims below are invented for the tests ("Fixture …" outlets and claimants, round
# fixture figures); they are not real reports.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from kursk import sources as S
from kursk.charts import graphs as G
from kursk.charts import save
from kursk.charts.style import description
from kursk.combine import combine_claims

COLS = ["claim_id", "claimed_on", "claimant", "claimant_side", "warring_party", "metric", "low",
        "high", "qualifier", "kind", "outlet", "url", "language", "published_on", "cited_via",
        "note"]


@pytest.fixture
def claims() -> pd.DataFrame:
    # fixture: two origins, a wire cited by several outlets, one outlet citing another outlet.
    rows = []
    for i, (claimant, side, outlet, via, qual, pub) in enumerate([
        ("Fixture Ministry", "ukraine", "Fixture Wire", "", "about", "2030-03-01"),
        ("Fixture Ministry", "ukraine", "Fixture Daily", "Fixture Wire", "about", "2030-03-02"),
        ("Fixture Ministry", "ukraine", "Fixture Post", "Fixture Wire", "exact", "2030-03-02"),
        ("Fixture Ministry", "ukraine", "Fixture Herald with a long name", "Fixture Daily",
         "up_to", "2030-03-09"),
        ("Fixture Agency", "us", "Fixture Daily", "", "at_least", "2030-03-06"),
        ("Fixture Agency", "us", "Fixture Gazette", "", "at_least", "2030-03-06"),
    ]):
        claimed = "2030-03-01" if claimant == "Fixture Ministry" else "2030-03-05"
        rows.append([f"c9{i:02d}", claimed, claimant, side, side == "ukraine", "deployed", 1000,
                     1000, qual, "count", outlet, f"https://example.org/fixture/{i}", "en", pub,
                     via or pd.NA, "fixture row"])
    return combine_claims(pd.DataFrame(rows, columns=COLS))


def _overlaps(texts) -> list[tuple[str, str]]:
    boxes = [(t.get_text(), t.get_window_extent()) for t in texts if t.get_text()]
    return [(a, b) for i, (a, ba) in enumerate(boxes) for b, bb in boxes[i + 1:]
            if ba.overlaps(bb)]


def test_citation_graph_chart_labels_do_not_overlap(claims):
    fig = G.citation_graph_chart(S.citation_graph(claims), title="Fixture title")
    fig.canvas.draw()
    ax = fig.axes[0]
    labels = [t for t in ax.texts if t.get_text().startswith("Fixture")]
    assert {t.get_text() for t in labels} >= {"Fixture Ministry", "Fixture Wire", "Fixture Post"}
    assert _overlaps(labels) == []
    # claimants sit in the leftmost column, the outlet citing an outlet further right
    x = {t.get_text(): t.get_position()[0] for t in labels}
    assert x["Fixture Ministry"] < x["Fixture Wire"] < x["Fixture Herald with a long name"]
    plt.close(fig)


def test_claim_matrix_chart_cells_and_labels(claims):
    d = S.distinct_claims(claims)
    m = S.claim_matrix(claims)
    fig = G.claim_matrix_chart(m, dict(zip(d["label"], d["claimant_side"], strict=True)),
                               title="Fixture title")
    fig.canvas.draw()
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(m.index)
    glyphs = sorted(t.get_text() for t in ax.texts)
    assert glyphs.count("~") == 2 and glyphs.count("▼") == 1 and glyphs.count("≥") == 2
    assert _overlaps(ax.get_yticklabels()) == []
    plt.close(fig)


def test_first_report_chart_rows_and_export_is_reproducible(claims, tmp_path):
    d = S.distinct_claims(claims)
    fig = G.first_report_chart(S.timing(claims), d, title="Fixture title")
    fig.canvas.draw()
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(d["label"])
    notes = [t.get_text() for t in ax.texts if t.get_text().startswith("first")]
    assert notes == ["first: Fixture Wire · 3 later", "first day: Fixture Daily and 1 more"]
    a = save(fig, "fixture_timing", formats=("png", "svg"), directory=tmp_path / "a")
    b = save(fig, "fixture_timing", formats=("png", "svg"), directory=tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    plt.close(fig)


def _long_delays(claims: pd.DataFrame) -> pd.DataFrame:
    """# fixture: the claims above plus made-up later reports of the first claim, 2 to 90 days
    on, so that every day tick (0, 1, 2, 3, 7, 14, 30, 90) is a candidate."""
    extra = claims[claims["claim_id"] == "c900"]
    later = [extra.assign(claim_id=f"c98{i}", outlet=f"Fixture Late {i}",
                          published_on=pd.Timestamp("2030-03-01") + pd.Timedelta(days=d))
             for i, d in enumerate((2, 3, 7, 14, 30, 90))]
    return pd.concat([claims, *later], ignore_index=True)


def test_first_report_ticks_stand_apart_and_the_plot_keeps_its_width(claims):
    """Day ticks never run together ("1 23 71430 90"): every pair of tick labels is apart, and
    the plot stays at least MIN_PLOT_IN wide whatever the labels beside it."""
    d = S.distinct_claims(claims)
    fig = G.first_report_chart(S.timing(_long_delays(claims)), d, title="Fixture title")
    fig.canvas.draw()
    ax = fig.axes[0]
    assert ax.get_window_extent().width / fig.dpi >= G.MIN_PLOT_IN - 1e-6
    labels = [t for t in ax.get_xticklabels() if t.get_text()]
    assert [t.get_text() for t in labels][:2] == ["0", "1"] and len(labels) >= 4
    boxes = [t.get_window_extent() for t in labels]
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert right.x0 - left.x1 > 2, "two day labels touch"
    plt.close(fig)


def test_loaded_articles_are_named_not_a_folder(claims):
    """With articles loaded from anywhere, the charts name the articles' outlets, never a folder
    ("articles in data/articles"); a loaded article's outlet is bold in the matrix and graph and
    named in the first-report notes."""
    # fixture: one made-up extracted figure from a made-up outlet, as combine_claims gives it
    ext = claims[claims["claim_id"] == "c900"].assign(
        claim_id="x900", outlet="Fixture Own Outlet", origin="extracted",
        published_on=pd.Timestamp("2030-03-04"))
    both = pd.concat([claims, ext], ignore_index=True)
    d = S.distinct_claims(both)
    sides = dict(zip(d["label"], d["claimant_side"], strict=True))
    matrix = G.claim_matrix_chart(S.claim_matrix(both), sides, title="Fixture",
                                  highlight={"Fixture Own Outlet"})
    graph = G.citation_graph_chart(S.citation_graph(both), title="Fixture",
                                   highlight=["Fixture Own Outlet"])
    timing = G.first_report_chart(S.timing(both), d, title="Fixture")
    for fig in (matrix, graph, timing):
        source = description(fig)[1]
        assert "data/articles" not in source
        assert "Fixture Own Outlet" in source, source
    bold = [t.get_text() for t in matrix.axes[0].get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == ["Fixture Own Outlet"]
    assert any(t.get_text() == "Fixture Own Outlet" and t.get_fontweight() == "bold"
               for t in graph.axes[0].texts)
    notes = [t.get_text() for t in timing.axes[0].texts if "Fixture Own Outlet" in t.get_text()]
    assert notes == ["first: Fixture Wire · 4 later · loaded: Fixture Own Outlet (day 3)"]
    plt.close("all")


def test_citation_arrows_end_beside_names_not_across_them(claims):
    """An arrow to an outlet ends past the outlet's name, so no arrow runs through the name of
    the node it points to; names sit on an opaque white box above the arrows."""
    g = S.citation_graph(claims)
    fig = G.citation_graph_chart(g, title="Fixture title")
    fig.canvas.draw()
    ax = fig.axes[0]
    names = {t.get_text(): t for t in ax.texts if t.get_text() in g}
    for t in names.values():
        patch = t.get_bbox_patch()
        assert patch is not None and patch.get_facecolor()[3] == 1.0 and t.get_zorder() > 1
    arrows = [p for p in ax.patches if p.__class__.__name__ == "FancyArrowPatch"]
    assert len(arrows) == g.number_of_edges()
    renderer = fig.canvas.get_renderer()
    boxes = {n: t.get_window_extent(renderer) for n, t in names.items()}
    for arrow, (u, v, _) in zip(arrows, sorted(g.edges(data=True), key=lambda e: (
            e[2]["n"], e[0], e[1])), strict=True):
        path = arrow.get_path().transformed(arrow.get_transform())
        points, last = [], None
        for xy, code in path.iter_segments(simplify=False):  # along every drawn segment
            xy = xy[-2:]
            if code == path.LINETO and last is not None:
                points += [last + (xy - last) * k / 40 for k in range(41)]
            last = xy if code in (path.MOVETO, path.LINETO) else None
        for x, y in points:
            for n in (u, v):
                if g.nodes[n].get("kind") != "claimant":
                    assert not boxes[n].shrunk(0.9, 0.9).contains(x, y), (
                        f"the arrow {u} → {v} crosses the name {n}")
    plt.close(fig)


def test_headline_charts_get_social_media_versions(claims, tmp_path):
    """save() writes a headline chart at 1200×675 and 1080×1350 px in figures/social/ (title,
    chart, source line with the version), byte-identical on a second save."""
    from PIL import Image

    d = S.distinct_claims(claims)
    fig = G.first_report_chart(S.timing(claims), d, title="Fixture title")
    first = save(fig, "sources_first_reports", formats=("png",), directory=tmp_path / "a")
    again = save(fig, "sources_first_reports", formats=("png",), directory=tmp_path / "b")
    social = [p for p in first if p.parent.name == "social"]
    assert sorted(p.name for p in social) == ["sources_first_reports_1080x1350.png",
                                              "sources_first_reports_1200x675.png"]
    for path in social:
        with Image.open(path) as img:
            w, h = (int(x) for x in path.stem.rsplit("_", 1)[1].split("x"))
            assert img.size == (w, h)
            assert img.text["Title"] == "Fixture title"
            assert "kursk-notebooks" in img.text["Description"]
            assert "data to " in img.text["Description"]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    other = save(fig, "fixture_not_headline", formats=("png",), directory=tmp_path / "c")
    assert [p.name for p in other] == ["fixture_not_headline.png"]
    plt.close(fig)
