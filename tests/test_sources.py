"""Tests for kursk.sources on small frames built here.

# fixture: every frame in this file is invented for the tests. Outlets are named "Fixture …",
# claimants "Fixture Ministry"/"Fixture Agency", figures are round fixture numbers, and notes and
# texts say "fixture". None of it is a real report.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from kursk import sources as S
from kursk.combine import between, combine_claims

COLS = ["claim_id", "claimed_on", "claimant", "claimant_side", "warring_party", "metric", "low",
        "high", "qualifier", "kind", "outlet", "url", "language", "published_on", "cited_via",
        "note"]


def _row(cid, claimed, claimant, side, metric, low, high, qual, outlet, pub, via="", lang="en"):
    return [cid, claimed, claimant, side, side in ("ukraine", "russia", "dprk"), metric, low,
            high, qual, "count", outlet, f"https://example.org/fixture/{cid}", lang, pub, via or pd.NA,
            "fixture row"]


@pytest.fixture
def claims() -> pd.DataFrame:
    # fixture: one briefing (Fixture Ministry, 1 Mar) relayed by a wire to three outlets, one of
    # which changes the qualifier and one the metric; a second origin with the same figure.
    rows = [
        _row("c901", "2030-03-01", "Fixture Ministry", "ukraine", "deployed", 1000, 1000,
             "about", "Fixture Wire", "2030-03-01"),
        _row("c902", "2030-03-01", "Fixture Ministry", "ukraine", "deployed", 1000, 1000,
             "about", "Fixture Daily", "2030-03-02", via="Fixture Wire"),
        _row("c903", "2030-03-01", "Fixture Ministry", "ukraine", "deployed", 1000, 1000,
             "exact", "Fixture Post", "2030-03-04", via="Fixture Wire", lang="de"),
        _row("c904", "2030-03-01", "Fixture Ministry", "ukraine", "in_kursk", 1000, 1000,
             "about", "Fixture Herald", "2030-03-03", via="Fixture Daily"),
        _row("c905", "2030-03-05", "Fixture Agency", "us", "deployed", 1000, 1000,
             "at_least", "Fixture Daily", "2030-03-06", via="press briefing"),
        _row("c906", "2030-03-05", "Fixture Agency", "us", "deployed", 5000, 5000,
             "exact", "Fixture Daily", "2030-03-06", via="press briefing"),
    ]
    return pd.DataFrame(rows, columns=COLS)


@pytest.fixture
def articles() -> pd.DataFrame:
    # fixture: three short texts in our own words; b is a near copy of a, c is different.
    base = ("fixture text: the ministry said on monday that about one thousand soldiers had been "
            "moved to the border region and that more could follow in the coming weeks according "
            "to officials who spoke on condition of anonymity to the fixture wire")
    return pd.DataFrame({
        "article_id": ["fa", "fb", "fc"],
        "outlet": ["Fixture Daily", "Fixture Post", "Fixture Herald"],
        "url": ["https://example.org/fixture/a", "https://example.org/fixture/b",
                "https://example.org/fixture/c"],
        "language": ["en", "en", "de"],
        "published": pd.to_datetime(["2030-03-02 10:00", "2030-03-02 12:00", "2030-03-03 08:00"],
                                    utc=True),
        "title": ["Fixture title a", "Fixture title b", "Fixture Titel c"],
        "text": [base, base + " late on monday", "Ein Fixture-Text ohne Zahlen über etwas anderes."],
    })


@pytest.fixture
def extracted() -> pd.DataFrame:
    # fixture: the extractor's output for the fixture articles.
    return pd.DataFrame({
        "claim_id": ["fa-1", "fb-1", "fc-1"],
        "article_id": ["fa", "fb", "fc"],
        "outlet": ["Fixture Daily", "Fixture Post", "Fixture Herald"],
        "published": pd.to_datetime(["2030-03-02 10:00", "2030-03-02 12:00", "2030-03-03 08:00"],
                                    utc=True),
        "url": ["https://example.org/fixture/a", "https://example.org/fixture/b",
                "https://example.org/fixture/c"],
        "value_low": [1000.0, 1000.0, 7000.0],
        "value_high": [1000.0, float("nan"), 7000.0],
        "qualifier": ["about", "exact", "up_to"],
        "metric": ["deployed", "deployed", "killed"],
        "claimant": ["Fixture Ministry", "Fixture Ministry", None],
        "hedged": [True, False, True],
        "sentence": ["fixture sentence a", "fixture sentence b", "fixture sentence c"],
        "start": [40, 40, 5],
        "end": [60, 60, 20],
        "lang": ["en", "en", "de"],
        "confidence": [0.995, 0.995, 0.995],
    })


def test_distinct_claims_key_and_counts(claims):
    d = S.distinct_claims(combine_claims(claims))
    assert len(d) == 4  # 1000 deployed, 1000 in_kursk (Ministry), 1000 and 5000 (Agency)
    top = d[(d["claimant"] == "Fixture Ministry") & (d["metric"] == "deployed")].iloc[0]
    assert top["n_reports"] == 3 and top["n_outlets"] == 3
    assert top["label"] == "Fixture Ministry: 1,000 sent to Russia (1 Mar 2030)"
    keyed = S.claim_key(claims)
    assert keyed["claim_key"].nunique() == 4
    assert keyed.loc[0, "claim_key"] == "Fixture Ministry | deployed | 1000 | 1000 | 2030-03-01"


def test_claim_labels_name_forecasts_and_one_period_figures(claims):
    c = combine_claims(claims)
    c["kind"] = ["count", "count", "count", "count", "forecast", "period"]
    labels = set(S.distinct_claims(c)["label"])
    assert "Fixture Agency: 1,000 sent to Russia, forecast or plan (5 Mar 2030)" in labels
    assert "Fixture Agency: 5,000 sent to Russia, not a running total (5 Mar 2030)" in labels
    assert "Fixture Ministry: 1,000 sent to Russia (1 Mar 2030)" in labels  # a count says nothing
    assert "Fixture Agency: 5,000 sent to Russia, not a running total (5 Mar 2030)" in S.claim_matrix(c).columns


def test_claim_matrix_qualifiers_and_counts(claims):
    c = combine_claims(claims)
    m = S.claim_matrix(c)
    label = "Fixture Ministry: 1,000 sent to Russia (1 Mar 2030)"
    assert m.loc["Fixture Post", label] == "exact"
    assert m.loc["Fixture Wire", label] == "about"
    assert pd.isna(m.loc["Fixture Herald", label])
    assert list(m.index)[0] == "Fixture Wire"  # outlets ordered by first publication
    n = S.claim_matrix(c, values="count")
    assert n.to_numpy().sum() == len(claims)
    with pytest.raises(ValueError, match="values"):
        S.claim_matrix(c, values="colour")


def test_citation_graph_edges_kinds_and_layers(claims):
    g = S.citation_graph(combine_claims(claims))
    assert isinstance(g, nx.DiGraph)
    assert g.has_edge("Fixture Daily", "Fixture Wire")
    assert g.has_edge("Fixture Wire", "Fixture Ministry")
    # its own report and the two that cite it
    assert sorted(g.edges["Fixture Wire", "Fixture Ministry"]["claim_ids"]) == ["c901", "c902", "c903"]
    assert g.edges["Fixture Wire", "Fixture Ministry"]["n"] == 3
    assert sorted(g.edges["Fixture Post", "Fixture Wire"]["claim_ids"]) == ["c903"]
    assert g.has_edge("Fixture Daily", "Fixture Agency")  # a press briefing is not an outlet
    assert g.nodes["Fixture Ministry"]["kind"] == "claimant"
    assert g.nodes["Fixture Ministry"]["side"] == "ukraine"
    assert g.nodes["Fixture Wire"]["kind"] == "agency"
    assert g.nodes["Fixture Post"]["kind"] == "outlet"
    assert g.nodes["Fixture Ministry"]["layer"] == 0
    assert g.nodes["Fixture Wire"]["layer"] == 1
    assert g.nodes["Fixture Herald"]["layer"] == 3  # Herald → Daily → Wire → Ministry
    assert g.edges["Fixture Wire", "Fixture Ministry"]["sides"] == ["ukraine"]


def test_cited_via_resolves_real_outlet_aliases(claims):
    c = claims.copy()
    c.loc[1, "cited_via"] = "AP"
    c.loc[2, "cited_via"] = "KBS interview"
    out = S.chains(combine_claims(c))
    assert out.loc[1, "cited"] == "Associated Press"
    assert out.loc[2, "cited"] == "KBS"


@pytest.mark.parametrize(
    ("via", "expected"),
    [
        ("KBS interview", "KBS"),  # an outlet from entities.csv plus a generic word
        ("AP", "Associated Press"),
        ("Interfax-Ukraine", "Interfax-Ukraine"),  # a longer name is not the shorter outlet
        ("Fixture Wire", "Fixture Wire"),  # not in entities.csv: taken as an outlet
        ("NIS statement", None),  # an official body: a briefing, not an outlet
        ("press briefing", None),
        ("news reports", None),  # unnamed media
        ("post on X", None),
        ("", None),
    ],
)
def test_cited_outlet(via, expected):
    assert S.cited_outlet(via) == expected


def test_cited_outlet_is_none_for_the_outlet_itself():
    assert S.cited_outlet("KBS interview", "KBS") is None


def test_corroboration_many_reports_one_origin(claims):
    c = combine_claims(claims)
    cor = S.corroboration(c).set_index("label")
    row = cor.loc["Fixture Ministry: 1,000 sent to Russia (1 Mar 2030)"]
    assert row["n_reports"] == 3
    assert row["n_channels"] == 1  # all three go back to Fixture Wire
    assert row["n_origins"] == 1
    fig = S.corroboration(c, level="figure").set_index("label")
    assert fig.loc["1,000 sent to Russia", "n_origins"] == 2  # the Ministry and the Agency
    assert fig.loc["1,000 sent to Russia", "n_reports"] == 4
    with pytest.raises(ValueError, match="level"):
        S.corroboration(c, level="outlet")


def test_drift_lists_qualifier_and_metric_changes(claims):
    d = S.drift(combine_claims(claims))
    ministry = d[d["claimant"] == "Fixture Ministry"]
    assert set(ministry["change"]) == {"qualifier", "metric", "qualifier + metric"}
    q = ministry[ministry["change"] == "qualifier"].iloc[0]
    assert (q["outlet_a"], q["qualifier_a"], q["outlet_b"], q["qualifier_b"]) == (
        "Fixture Wire", "about", "Fixture Post", "exact")
    assert q["url_b"].endswith("/c903")
    # two different figures (1,000 and 5,000) from one briefing are not drift
    assert d[d["claimant"] == "Fixture Agency"].empty


def test_timing_first_report_and_delays(claims):
    t = S.timing(combine_claims(claims))
    rows = t[t["label"] == "Fixture Ministry: 1,000 sent to Russia (1 Mar 2030)"]
    assert list(rows["outlet"]) == ["Fixture Wire", "Fixture Daily", "Fixture Post"]
    assert list(rows["delay_days"]) == [0, 1, 3]
    assert set(rows["first_outlet"]) == {"Fixture Wire"}
    assert list(rows["rank"]) == [1, 2, 3]


def test_hedging_rates_by_outlet_language_and_extracted(claims, extracted):
    h = S.hedging_rates(combine_claims(claims), by="outlet").set_index("outlet")
    assert h.loc["Fixture Daily", "n_figures"] == 3
    assert h.loc["Fixture Daily", "share_hedged"] == pytest.approx(2 / 3)
    lang = S.hedging_rates(claims, by="language").set_index("language")
    assert lang.loc["de", "share_hedged"] == 0.0
    ex = S.hedging_rates(extracted, by="language").set_index("language")
    assert ex.loc["de", "share_named"] == 0.0 and ex.loc["en", "share_named"] == 1.0
    assert ex.loc["en", "share_hedged"] == 0.5  # fa "about"; fb exact in a plain sentence
    modal = S.hedging_rates(extracted.assign(hedged=[False, True, False]), by="language")
    assert modal.set_index("language").loc["en", "share_hedged"] == 1.0  # qualifier or sentence
    with pytest.raises(ValueError, match="by"):
        S.hedging_rates(claims, by="claimant")


def test_near_duplicates_and_dedupe(articles):
    pairs = S.near_duplicates(articles, threshold=0.8)
    assert list(zip(pairs["article_id_a"], pairs["article_id_b"], strict=True)) == [("fa", "fb")]
    assert 0.8 <= pairs["jaccard"].iloc[0] < 1.0
    assert S.near_duplicates(articles, threshold=0.99).empty
    d = S.dedupe_articles(articles)
    assert sorted(d["article_id"]) == ["fa", "fc"]  # fb is a later copy of fa
    assert d.set_index("article_id").loc["fa", "copies"] == 2


def test_article_claims_shared_and_hedging(articles, extracted, claims):
    extracted = extracted.assign(kind="count")
    a = S.article_claims(articles, extracted).set_index("article_id")
    assert a.loc["fa", "shared_with_outlets"] == "Fixture Post"
    assert a.loc["fa", "n_shared"] == 1
    assert a.loc["fc", "n_shared"] == 0
    assert a.loc["fb", "article_share_hedged"] == 0.0
    assert a.loc["fb", "shared_with_articles"] == "fa"
    with_claims = S.article_claims(articles, extracted, combine_claims(claims)).set_index(
        "article_id")
    assert with_claims.loc["fa", "in_claims_outlets"] == "Fixture Daily, Fixture Post, Fixture Wire"
    assert with_claims.loc["fc", "in_claims_outlets"] == ""


def test_combine_claims_links_extracted_to_curated_origin(claims, extracted):
    both = combine_claims(claims, extracted.assign(kind="count"))
    ex = both[both["origin"] == "extracted"].set_index("claim_id")
    assert ex.loc["fa-1", "claimed_on"] == pd.Timestamp("2030-03-01")  # the Ministry briefing
    assert ex.loc["fc-1", "claimed_on"] == pd.Timestamp("2030-03-03")  # unnamed: its own date
    assert ex.loc["fb-1", "high"] == 1000.0
    t = S.timing(both).set_index("label")
    unnamed = "unattributed: 7,000 killed (3 Mar 2030)"
    assert t.loc[unnamed, "outlet"] == "Fixture Herald"  # the added article's figure is timed
    assert t.loc[unnamed, "origin"] == "extracted"
    m = S.claim_matrix(both)
    assert m.loc["Fixture Herald", unnamed] == "up_to"  # and appears in the matrix


def test_place_article_finds_earlier_reports(articles, extracted, claims):
    claims = combine_claims(claims)
    p = S.place_article("fb", articles, extracted, claims)
    assert len(p) == 1
    row = p.iloc[0]
    assert row["already_reported"]
    assert row["first_outlet"] == "Fixture Wire"
    assert row["first_published_on"] == pd.Timestamp("2030-03-01")
    assert row["n_earlier_reports"] == 2  # Wire (1 Mar) and Daily (2 Mar, same day)
    none = S.place_article("fc", articles, extracted, claims).iloc[0]
    assert not none["already_reported"] and none["n_earlier_reports"] == 0
    with pytest.raises(KeyError, match="fz"):
        S.place_article("fz", articles, extracted, claims)


def test_no_citation_edge_from_a_name_elsewhere_in_the_article(articles, extracted):
    # fixture: the article names Yonhap in a sentence of its own; its figure credits nobody
    arts = articles.assign(text=articles["text"] + " The fixture story was also on Yonhap.")
    ex = extracted.assign(kind="count", cited_via=["", "", ""])
    g = S.citation_graph(combine_claims(pd.DataFrame(columns=COLS), ex), articles=arts)
    assert "Yonhap" not in g.nodes
    assert g.has_edge("Fixture Daily", "Fixture Ministry")  # straight to the claimant
    assert set(arts["outlet"]) <= set(g.nodes)  # the articles' outlets are nodes all the same


def test_unattributed_figures_are_reports_not_origins(claims, extracted):
    both = combine_claims(claims, extracted.assign(kind="count"))
    by_figure = S.corroboration(both, level="figure").set_index("label")
    killed = by_figure.loc["7,000 killed"]
    assert killed["n_reports"] == 1 and killed["n_origins"] == 0 and killed["origins"] == ""
    assert "nan" not in " ".join(S.distinct_claims(both)["label"])


def test_missing_columns_raise_clear_error(claims):
    with pytest.raises(ValueError, match="lacks columns"):
        combine_claims(claims.drop(columns="cited_via"))


def test_citation_edges_of_an_extracted_figure_come_from_its_own_attribution(claims, extracted):
    # the extractor names the outlet a figure's own sentence credits (cited_via): fixture "KBS"
    ex = extracted.assign(kind="count", cited_via=["KBS", "", ""])
    both = combine_claims(claims, ex).set_index("claim_id")
    assert both.loc["fa-1", "cited_via"] == "KBS"
    g = S.citation_graph(both.reset_index())
    assert "fa-1" in g.edges["Fixture Daily", "KBS"]["claim_ids"]
    assert "fa-1" in g.edges["KBS", "Fixture Ministry"]["claim_ids"]
    assert not g.has_edge("Fixture Post", "KBS")


def test_focus_and_between(claims):
    c = combine_claims(claims)
    wide = S.focus(c, min_outlets=3)
    assert set(wide["claim_id"]) == {"c901", "c902", "c903"}
    ex = c.assign(origin="curated")
    ex.loc[ex["claim_id"] == "c906", "origin"] = "extracted"  # fixture: as if from an article
    assert "c906" in set(S.focus(ex, min_outlets=3)["claim_id"])
    assert set(between(claims, "2030-03-02", "2030-03-04")["claim_id"]) == {"c902", "c903",
                                                                             "c904"}


def test_citation_graph_survives_mutual_citation(claims):
    c = claims.copy()
    c.loc[0, "cited_via"] = "Fixture Daily"  # fixture: the wire now cites the daily, a cycle
    g = S.citation_graph(combine_claims(c))
    assert g.has_edge("Fixture Wire", "Fixture Daily") and g.has_edge("Fixture Daily",
                                                                      "Fixture Wire")
    assert g.nodes["Fixture Wire"]["layer"] == g.nodes["Fixture Daily"]["layer"] >= 1
    chains = S.chains(combine_claims(c)).set_index("claim_id")
    assert chains.loc["c902", "channel"] in {"Fixture Wire", "Fixture Daily"}  # no endless loop


def test_near_duplicates_of_very_short_texts():
    # fixture: texts shorter than one shingle have no similarity and are kept.
    arts = pd.DataFrame({"article_id": ["s1", "s2"], "outlet": ["Fixture A", "Fixture B"],
                         "text": ["fixture words", "fixture words"],
                         "published": pd.to_datetime(["2030-01-01", "2030-01-02"], utc=True)})
    assert S.near_duplicates(arts).empty
    assert list(S.dedupe_articles(arts)["copies"]) == [1, 1]
