"""Issue #19's case, end to end through the notebooks' steps: three articles of one's own
(fixtures in tests/fixtures/review_case) must not turn machine reads into findings about outlets.

# fixture: the articles and the review file are written for the tests (see the folder's README).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kursk import articles as A
from kursk import combine, data, review
from kursk import sources as S
from kursk.claims import claims_from_articles

FIX = Path(__file__).parent / "fixtures" / "review_case"
MINE = {"Fixture Rundschau", "Fixture Wire", "Fixture Times"}


def run(reviews_path: Path | None = None):
    """The steps of notebooks 03 and 04: load, extract, apply the reviews, combine."""
    arts = A.load_articles(FIX)
    reviews = review.load_reviews(reviews_path if reviews_path else FIX.parent / "no_reviews.csv")
    extracted = review.apply_reviews(claims_from_articles(arts), reviews)
    return arts, extracted, combine.combine_claims(data.load_claims(), extracted)


@pytest.fixture(scope="module")
def case():
    return run()


def test_the_600_among_the_casualties_are_killed(case) -> None:
    _, extracted, _ = case
    six_hundred = extracted[extracted["value_low"] == 600]
    assert len(six_hundred) == 3 and set(six_hundred["metric"].astype(str)) == {"killed"}
    total = extracted[extracted["value_low"] == 4700]
    assert set(total["metric"].astype(str)) == {"casualties"}


def test_the_defence_ministry_named_in_the_text_is_the_claimant(case) -> None:
    _, extracted, _ = case
    ten = extracted[extracted["value_low"] == 10000]
    assert len(ten) == 3
    assert set(ten["claimant"]) == {"US Department of Defense"}


def test_no_false_drift_and_no_nan(case) -> None:
    _, _, claims = case
    found = combine.findings(claims)
    dr = S.drift(found)
    mine = dr[dr["outlet_a"].isin(MINE) | dr["outlet_b"].isin(MINE)]
    assert not mine["change"].str.contains("metric").any(), mine.to_string()
    labels = " ".join(S.distinct_claims(found)["label"])
    assert "nan" not in labels.lower().split()
    table = combine.claims_table(claims)
    assert not table["claimant"].isna().any() and "nan" not in set(table["claimant"].str.lower())


def test_no_figure_without_a_claimant_is_an_origin(case) -> None:
    _, _, claims = case
    cor = S.corroboration(combine.findings(claims), level="figure")
    assert not cor["origins"].str.contains("unattributed|nan", regex=True).any()


def test_no_citation_edge_from_an_agency_named_elsewhere(case) -> None:
    arts, _, claims = case
    g = S.citation_graph(combine.findings(claims), articles=arts)
    for outlet in MINE:
        assert outlet in g.nodes
        assert "KCNA" not in set(g.successors(outlet))


def test_rejecting_and_correcting_change_the_next_run(case, tmp_path) -> None:
    _, extracted, before = case
    wire = extracted[extracted["outlet"] == "Fixture Wire"]
    headline = wire[wire["value_low"] == 11000].sort_values("start").iloc[0]["claim_id"]
    ten = extracted[(extracted["outlet"] == "Fixture Rundschau")
                    & (extracted["value_low"] == 10000)].iloc[0]["claim_id"]
    path = tmp_path / "reviews.csv"
    path.write_text(
        ",".join(review.schema.columns("reviews")) + "\n"
        f"{headline},reject,,,,,,,fixture: the headline repeats the body's figure\n"
        f"{ten},correct,,,,in_kursk,,,fixture: corrected metric\n", encoding="utf-8")
    _, extracted2, after = run(path)
    rows = after.set_index("claim_id")
    assert rows.loc[headline, "review"] == "rejected" and not rows.loc[headline, "finding"]
    assert rows.loc[ten, "review"] == "corrected" and rows.loc[ten, "finding"]
    assert rows.loc[ten, "metric"] == "in_kursk"
    assert before.set_index("claim_id").loc[ten, "metric"] == "deployed"
    assert headline not in set(combine.findings(after)["claim_id"])
    assert extracted2.attrs["review_report"].empty
    table = review.review_table(extracted2, A.load_articles(FIX)).set_index("claim_id")
    assert table.loc[headline, "status"] == "rejected" and table.loc[ten, "status"] == "corrected"
    assert pd.notna(table.loc[ten, "sentence"])
