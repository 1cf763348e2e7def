"""kursk.combine: curated and extracted figures in one frame.

# fixture: every frame here is invented for the tests ("Fixture …" names, round figures).
"""

from __future__ import annotations

import pandas as pd
import pytest

from kursk import schema
from kursk.combine import (
    CLAIM_COLUMNS,
    claims_table,
    combine_claims,
    findings,
    match_extracted,
    to_review,
)


def curated_fixture() -> pd.DataFrame:
    """# fixture: two curated rows as kursk.data.load_claims types them."""
    rows = {
        "claim_id": ["c001", "c002"], "claimed_on": ["2024-11-01", "2024-11-05"],
        "claimant": ["Fixture Agency", "Fixture Agency"], "claimant_side": ["south_korea"] * 2,
        "warring_party": [False, False], "metric": ["deployed", "deployed"],
        "low": [100.0, 100.0], "high": [200.0, 200.0], "qualifier": ["about", "exact"],
        "kind": ["count", "count"], "outlet": ["Fixture Outlet"] * 2,
        "url": ["https://example.org/fixture"] * 2, "language": ["en", "en"],
        "published_on": ["2024-11-02", "2024-11-06"], "cited_via": [None, None],
        "note": ["fixture row"] * 2,
    }  # fmt: skip
    df = pd.DataFrame(rows)
    for c in ("claimed_on", "published_on"):
        df[c] = pd.to_datetime(df[c]).astype("datetime64[s]")
    return df


def extracted_fixture() -> pd.DataFrame:
    """# fixture: two claims as kursk.claims.claims_from_articles returns them."""
    return pd.DataFrame({
        "claim_id": ["x1", "x2"], "article_id": ["a_fixture"] * 2, "outlet": ["Fixture Outlet"] * 2,
        "published": pd.to_datetime(["2024-11-03T23:30:00+00:00", "2024-11-04T01:00:00+02:00"],
                                    utc=True),
        "url": ["https://example.org/fixture-article"] * 2, "value_low": [300.0, 50.0],
        "value_high": [300.0, 80.0], "qualifier": ["up_to", "about"],
        "metric": ["killed", "captured"], "kind": ["period", "count"],
        "claimant": ["Volodymyr Zelensky", ""], "hedged": [True, False],
        "sentence": ["fixture sentence one", "fixture sentence two"], "start": [0, 0],
        "end": [10, 10], "lang": ["en", "en"], "confidence": [0.995, 0.6],
    })  # fmt: skip


def test_combine_stacks_curated_and_extracted() -> None:
    both = combine_claims(curated_fixture(), extracted_fixture())
    assert list(both.columns) == CLAIM_COLUMNS
    assert list(both["origin"]) == ["curated", "curated", "extracted", "extracted"]
    ext = both[both["origin"] == "extracted"].reset_index(drop=True)
    # a named claimant's side comes from data/entities.csv; no claimant: no side, not "other"
    assert ext.loc[0, "claimant_side"] == "ukraine" and bool(ext.loc[0, "warring_party"])
    assert pd.isna(ext.loc[1, "claimant"]) and pd.isna(ext.loc[1, "claimant_side"])
    assert list(ext["low"]) == [300.0, 50.0] and list(ext["high"]) == [300.0, 80.0]
    # 01:00 at UTC+2 is 23:00 UTC the day before: dated by the UTC day
    assert list(ext["claimed_on"]) == [pd.Timestamp("2024-11-03")] * 2
    assert list(both["kind"].astype(str)) == ["count", "count", "period", "count"]
    for column in ("kind", "metric", "qualifier", "claimant_side"):
        assert list(both[column].cat.categories) == list(schema.allowed("claims", column))
    assert both.loc[both["origin"] == "curated", "article_id"].isna().all()


def test_combine_refuses_unknown_enum_values() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        combine_claims(curated_fixture(), extracted_fixture().assign(kind=["count", "guess"]))
    with pytest.raises(ValueError, match="unknown metric"):
        combine_claims(curated_fixture(), extracted_fixture().assign(metric=["killed", "soldiers"]))
    with pytest.raises(ValueError, match="lacks columns"):
        combine_claims(curated_fixture().drop(columns="kind"))


def test_match_extracted_finds_curated_claims_nearby() -> None:
    # fixture: curated c001 (deployed 100–200, claimed 1 Nov); x1 reports the same figure
    ext = extracted_fixture().assign(metric=["deployed", "captured"], value_low=[100.0, 50.0],
                                     value_high=[200.0, 80.0], claimant=["", ""])
    both = combine_claims(curated_fixture(), ext)
    matched = match_extracted(both, days=3).set_index("claim_id")
    assert matched.loc["x1", "matches"] == 1 and matched.loc["x1", "matched_ids"] == "c001"
    assert matched.loc["x2", "matches"] == 0 and matched.loc["x2", "matched_ids"] == ""
    assert match_extracted(both, days=1).set_index("claim_id").loc["x1", "matches"] == 0


def test_finding_needs_curation_a_review_or_the_threshold() -> None:
    # fixture: x1 is confident (0.995), x2 is not (0.6)
    both = combine_claims(curated_fixture(), extracted_fixture(), threshold=0.99)
    assert list(both["finding"]) == [True, True, True, False]
    assert list(findings(both)["claim_id"]) == ["c001", "c002", "x1"]
    assert list(to_review(both)["claim_id"]) == ["x2"]
    # a higher threshold: x1 waits for review too, least confident first
    strict = combine_claims(curated_fixture(), extracted_fixture(), threshold=0.999)
    assert list(to_review(strict)["claim_id"]) == ["x2", "x1"]
    # a reviewer's decision overrides the confidence either way
    reviewed = extracted_fixture().assign(review=["rejected", "accepted"])
    both = combine_claims(curated_fixture(), reviewed, threshold=0.99)
    assert list(findings(both)["claim_id"]) == ["c001", "c002", "x2"]
    assert to_review(both).empty
    assert str(both.loc[both["claim_id"] == "x1", "review"].iloc[0]) == "rejected"


def test_claims_table_names_the_unattributed_and_keeps_the_export_columns() -> None:
    table = claims_table(combine_claims(curated_fixture(), extracted_fixture()))
    assert list(table.columns) == list(schema.columns("claims_export"))
    assert list(table["claim_id"]) == ["c001", "c002", "x1", "x2"]
    assert table.loc[3, "claimant"] == "unattributed"
    assert table.loc[2, "claimant"] == "Volodymyr Zelensky"
