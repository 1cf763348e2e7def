"""Bar chart of mentions: ties at the cut, the title's scope, the legend."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from kursk.articles import mention_counts  # noqa: E402
from kursk.charts import bars  # noqa: E402


def mentions_fixture() -> pd.DataFrame:
    """# fixture: made-up mentions (entity names invented for this test) in the shape of
    kursk.articles.mentions: A 3 times, B twice, C, D and E once each."""
    rows = [("Fixture A", "country", "ukraine")] * 3 + [("Fixture B", "person", "russia")] * 2 + [
        ("Fixture C", "place", ""), ("Fixture D", "group", ""), ("Fixture E", "outlet", "")]
    df = pd.DataFrame(rows, columns=["name", "type", "side"])
    return df.assign(article_id="fx1", start=range(len(df)))


BY = ["name", "type", "side"]


def test_a_cut_never_splits_a_tie() -> None:
    counts = mention_counts(mentions_fixture(), BY, top=3)
    assert list(counts["name"]) == ["Fixture A", "Fixture B", "Fixture C", "Fixture D", "Fixture E"]
    assert list(mention_counts(mentions_fixture(), BY, top=2)["name"]) == ["Fixture A", "Fixture B"]
    assert len(mention_counts(mentions_fixture(), BY, top=10)) == 5


def test_title_says_how_many_articles_and_legend_names_every_colour() -> None:
    counts = mention_counts(mentions_fixture(), BY, top=3)
    fig = bars.mentions_bar(counts, source="fixture", n_articles=1)
    texts = [t.get_text() for t in fig.texts]
    assert "Fixture A is mentioned most often in the one article read" in texts
    assert any(t.endswith(": all 5 named") for t in texts)  # the cut at 3 kept every tie
    cut = bars.mentions_bar(mention_counts(mentions_fixture(), BY, top=2), source="fixture")
    assert any(t.endswith(": the most frequent 2, ties at the cut included")
               for t in (x.get_text() for x in cut.texts))
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == ["Ukraine", "Russia", "outlet / no side", "place or group"]
    many = bars.mentions_bar(counts, source="fixture", n_articles=1200)
    assert "Fixture A is mentioned most often in the 1,200 articles read" in [
        t.get_text() for t in many.texts]


def test_the_longest_name_is_never_cut() -> None:
    """A long entity name ("National Intelligence Service (South Korea)") is drawn whole,
    inside the figure, and the plot keeps its width."""
    # fixture: made-up mentions, one with a very long made-up name
    long = "Fixture National Intelligence Service of a Long-Named Country (Fixture)"
    rows = [(long, "organisation", "south_korea")] * 2 + [("Fixture B", "person", "russia")]
    df = pd.DataFrame(rows, columns=["name", "type", "side"]).assign(article_id="fx1", start=0)
    fig = bars.mentions_bar(mention_counts(df, BY, top=5), source="fixture")
    fig.canvas.draw()
    ax = fig.axes[0]
    label = next(t for t in ax.get_yticklabels() if t.get_text().startswith(long))
    assert label.get_window_extent().x0 >= 0
    assert ax.get_window_extent().width / fig.dpi >= 5.0 - 1e-6
    title = next(t for t in fig.texts if t.get_text().startswith(long))
    assert title.get_window_extent().x0 >= 0
