"""kursk.estimates: the latest figure per side, the spread between sides, same-week gaps.

Every claim here is a made-up fixture row (ids f1..., g1...), not a real figure.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kursk import estimates
from kursk.data import DATE_DTYPE


def claims_fixture() -> pd.DataFrame:
    """# fixture: claims by three sides on three dates (made-up figures).

    f7 is a forecast: Ukraine's latest and the highest figure, so it must not be the headline.
    """
    rows = [
        ("f1", "2024-10-01", "a", "south_korea", "deployed", 1000, 1000, "about", "count"),
        ("f2", "2024-11-01", "a", "south_korea", "deployed", 3000, 3000, "about", "count"),
        ("f3", "2024-11-01", "a", "south_korea", "deployed", 2500, 2500, "exact", "count"),
        ("f4", "2024-10-15", "b", "ukraine", "deployed", 12000, 15000, "up_to", "count"),
        ("f5", "2024-12-01", "c", "us", "deployed", 10000, 10000, "about", "count"),
        ("f6", "2024-12-01", "c", "us", "killed", 100, 100, "more_than", "count"),
        ("f7", "2024-12-10", "b", "ukraine", "deployed", 90000, 90000, "up_to", "forecast"),
    ]
    return _claims_frame(rows)


def _claims_frame(rows: list[tuple]) -> pd.DataFrame:
    """# fixture helper: made-up claim rows typed as kursk.data.load_claims types them."""
    df = pd.DataFrame(rows, columns=["claim_id", "claimed_on", "claimant", "claimant_side",
                                     "metric", "low", "high", "qualifier", "kind"])
    df["kind"] = pd.Categorical(df["kind"], categories=["count", "forecast"])
    df["claimed_on"] = pd.to_datetime(df["claimed_on"]).astype(DATE_DTYPE)
    df["metric"] = pd.Categorical(df["metric"], categories=["deployed", "in_kursk", "killed"])
    df["note"] = "fixture"
    return df.astype({"low": float, "high": float})


def test_latest_estimates_per_side() -> None:
    latest = estimates.latest_estimates(claims_fixture())
    deployed = latest[latest["metric"] == "deployed"]
    # sides ordered by their highest figure; a side's disagreeing same-day figures stay apart
    assert list(deployed["claimant_side"]) == ["ukraine", "us", "south_korea", "south_korea"]
    sk = deployed[deployed["claimant_side"] == "south_korea"]
    assert list(sk["high"]) == [3000.0, 2500.0] and list(sk["qualifiers"]) == ["about", "exact"]
    assert (sk["claimed_on"] == pd.Timestamp("2024-11-01")).all()
    assert list(sk["claim_ids"]) == ["f2", "f3"] and list(sk["reports"]) == [1, 1]
    ua = deployed[deployed["claimant_side"] == "ukraine"].iloc[0]
    assert (ua["low"], ua["high"], ua["qualifiers"]) == (12000.0, 15000.0, "up_to")
    early = estimates.latest_estimates(claims_fixture(), as_of="2024-10-20")
    assert set(early["claimant_side"]) == {"south_korea", "ukraine"}
    assert early.loc[early["claimant_side"] == "south_korea", "high"].item() == 1000.0


def test_latest_estimates_leave_forecasts_out_unless_asked() -> None:
    claims = claims_fixture()
    assert "f7" not in set(estimates.latest_estimates(claims)["claim_ids"])
    both = estimates.latest_estimates(claims, include_forecasts=True)
    ua = both[(both["metric"] == "deployed") & (both["claimant_side"] == "ukraine")]
    assert list(ua["claim_ids"]) == ["f7"] and ua["high"].item() == 90000.0
    assert list(estimates.counts(claims)["claim_id"]) == ["f1", "f2", "f3", "f4", "f5", "f6"]
    unknown = claims.assign(kind=pd.Categorical([None] * len(claims), categories=["count"]))
    assert estimates.latest_estimates(unknown).empty  # rows of unknown kind are not counts
    assert len(estimates.latest_estimates(unknown, include_forecasts=True)) == 5
    with pytest.raises(KeyError, match="no 'kind' column"):
        estimates.latest_estimates(claims.drop(columns="kind"))
    assert len(estimates.latest_estimates(claims.drop(columns="kind"), include_forecasts=True)) == 5


def test_spread_per_metric() -> None:
    s = estimates.spread(claims_fixture()).set_index("metric")
    assert list(s.index) == ["deployed", "killed"]  # categorical order, empty metrics left out
    d = s.loc["deployed"]
    assert (d["highest"], d["highest_side"], d["lowest"], d["lowest_side"]) == (
        15000.0, "ukraine", 2500.0, "south_korea")
    # a range keeps both ends, and the ratio is the smallest the ranges allow: 12,000 / 2,500
    assert (d["highest_low"], d["lowest_high"]) == (12000.0, 2500.0)
    assert d["ratio"] == pytest.approx(4.8) and d["sides"] == 3
    assert s.loc["killed", "ratio"] == 1.0
    with_forecasts = estimates.spread(claims_fixture(), include_forecasts=True).set_index("metric")
    assert with_forecasts.loc["deployed", "highest"] == 90000.0  # the forecast f7


def test_spread_reads_a_vague_range_at_its_nearest_end() -> None:
    # fixture: "several hundred" coded 200–900 against 6,000; not 6,000 / 200 = 30x
    claims = claims_fixture()
    claims.loc[claims["claim_id"] == "f6", ["low", "high"]] = [200.0, 900.0]
    extra = claims[claims["claim_id"] == "f6"].assign(claim_id="f8", claimant_side="uk",
                                                      low=6000.0, high=6000.0)
    s = estimates.spread(pd.concat([claims, extra], ignore_index=True)).set_index("metric")
    k = s.loc["killed"]
    assert (k["highest"], k["lowest"], k["lowest_high"]) == (6000.0, 200.0, 900.0)
    assert k["ratio"] == pytest.approx(6000 / 900)


def disagreement_fixture() -> pd.DataFrame:
    """# fixture: made-up casualty figures by three sides, to test which pair is reported."""
    rows = [
        ("g1", "2024-12-01", "a", "ukraine", "killed", 30, 30, "about", "count"),
        ("g2", "2024-12-05", "b", "us", "killed", 20, 90, "about", "count"),
        ("g3", "2024-12-08", "c", "south_korea", "killed", 1100, 1100, "about", "count"),
        ("g4", "2024-12-08", "a", "ukraine", "killed", 5000, 5000, "more_than", "count"),
        ("g5", "2025-06-01", "d", "uk", "killed", 9000, 9000, "more_than", "count"),
        ("g6", "2024-12-02", "b", "us", "killed", 50000, 50000, "up_to", "forecast"),
        ("g7", "2024-12-01", "c", "south_korea", "deployed", 1000, 1000, "exact", "count"),
        ("g8", "2024-12-03", "a", "ukraine", "deployed", 1000, 1000, "exact", "count"),
    ]
    return _claims_frame(rows)


def test_disagreements_compare_sides_of_the_same_week() -> None:
    claims = disagreement_fixture()
    d = estimates.disagreements(claims, days=7)
    # deployed: the two sides agree (ratio 1), so no row; killed: the same side (g4 vs g1) and
    # pairs more than a week apart (g5) do not count, nor does the forecast g6
    assert list(d["metric"]) == ["killed"]
    row = d.iloc[0]
    assert (row["higher_claim_id"], row["lower_claim_id"]) == ("g4", "g2")
    assert row["ratio"] == pytest.approx(5000 / 90)  # the top of the 20-90 range
    assert (row["days_apart"], row["window_days"]) == (3, 7)
    assert row["higher_claimed_on"] == pd.Timestamp("2024-12-08")
    assert str(d["higher_claimed_on"].dtype) == DATE_DTYPE
    assert list(d.columns) == estimates.DISAGREEMENT_COLUMNS
    wider = estimates.disagreements(claims, days=200).iloc[0]
    assert (wider["higher_claim_id"], wider["lower_claim_id"]) == ("g5", "g1")  # 9,000 / 30
    forecasts = estimates.disagreements(claims, days=7, include_forecasts=True).iloc[0]
    assert forecasts["higher_claim_id"] == "g6" and forecasts["lower_claim_id"] == "g1"
    same_day = estimates.disagreements(claims, days=0).iloc[0]  # 8 Dec: 5,000 and 1,100
    assert (same_day["higher_claim_id"], same_day["lower_claim_id"]) == ("g4", "g3")
    assert estimates.disagreements(claims[claims["claim_id"] != "g3"], days=0).empty
    assert list(estimates.disagreements(claims.iloc[:0]).columns) == estimates.DISAGREEMENT_COLUMNS
    with pytest.raises(ValueError, match="days must be 0 or more"):
        estimates.disagreements(claims, days=-1)
