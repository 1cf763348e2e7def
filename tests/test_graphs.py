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
