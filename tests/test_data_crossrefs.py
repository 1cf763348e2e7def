"""Cross-references between curated files that a single schema cannot check."""

from __future__ import annotations

import re

import geopandas as gpd
import pandas as pd

import kursk.data as kd
from kursk import estimates
from kursk.paths import data_dir


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(data_dir() / name, dtype=str, keep_default_na=False)


def test_event_places_are_in_the_gazetteer_or_regions():
    places = set(_csv("places.csv")["name_en"])
    regions = set(gpd.read_file(data_dir() / "geo" / "regions.geojson")["name_en"])
    events = _csv("events.csv")
    unknown = sorted(set(events["place"]) - places - regions - {""})
    assert not unknown, f"data/events.csv: places not in places.csv or regions: {unknown}"


def test_claimants_resolve_and_sides_agree_with_entities():
    ents = _csv("entities.csv").set_index("name")
    for name in ("claims.csv", "salient_area.csv"):
        df = _csv(name)
        for i, row in df.iterrows():
            line = i + 2
            assert row["claimant"] in ents.index, f"data/{name}, line {line}: unknown claimant"
            side = ents.at[row["claimant"], "side"]
            assert side == row["claimant_side"], (
                f"data/{name}, line {line}, column claimant_side: {row['claimant_side']!r} but "
                f"{row['claimant']} speaks for {side!r} in entities.csv"
            )


def test_aliases_belong_to_one_entity():
    ents = _csv("entities.csv")
    owner: dict[str, str] = {}
    for _, row in ents.iterrows():
        for col in [c for c in ents.columns if c.startswith("aliases_")] + ["name"]:
            for alias in filter(None, row[col].split("|")):
                prev = owner.setdefault(alias, row["entity_id"])
                assert prev == row["entity_id"], f"alias {alias!r}: {prev} and {row['entity_id']}"


# ----------------------------------------------------------------------- counts and forecasts

#: Words in a note that mark a figure as expected, planned, prepared or possible.
FORECAST_CUES = re.compile(
    r"expect|plan|prepar|readied|intend|intention|may grow|possib|ceiling|forecast|await"
    r"|decided|decision|announce|coming months|soon|as early as",
    re.IGNORECASE,
)
STATEMENT = ["claimant", "claimed_on", "metric", "low", "high"]


def test_reports_of_one_statement_share_a_kind():
    claims = _csv("claims.csv")
    kinds = claims.groupby(STATEMENT)["kind"].agg(lambda k: sorted(set(k)))
    mixed = kinds[kinds.map(len) > 1]
    assert mixed.empty, f"data/claims.csv: one statement, several kinds: {mixed.to_dict()}"


def test_every_forecast_statement_says_why_in_a_note():
    # a forecast's note (or the note of another forecast by the same claimant, on the same day,
    # of the same metric: outlets render one statement differently) names the expectation, plan,
    # preparation, announcement or ceiling that makes it one
    claims = _csv("claims.csv")
    forecasts = claims[claims["kind"] == "forecast"]
    for key, group in forecasts.groupby(["claimant", "claimed_on", "metric"]):
        assert group["note"].str.contains(FORECAST_CUES).any(), (
            f"data/claims.csv, lines {[i + 2 for i in group.index]}, column note: kind is "
            f"forecast but no note of this statement {key} says it is expected or planned")


def test_forecasts_are_troop_numbers_only():
    claims = _csv("claims.csv")
    odd = claims[(claims["kind"] == "forecast")
                 & ~claims["metric"].isin(["deployed", "in_kursk", "additional_deployed"])]
    assert odd.empty, f"data/claims.csv: forecast of losses, check: {list(odd['claim_id'])}"


def test_a_forecast_is_never_the_latest_estimate():
    claims = kd.load_claims()
    forecast_ids = set(claims.loc[claims["kind"] == "forecast", "claim_id"])
    assert len(forecast_ids) > 0
    latest = estimates.latest_estimates(claims)
    shown = {cid.strip() for ids in latest["claim_ids"] for cid in ids.split(",")}
    assert not shown & forecast_ids
    # and with forecasts asked for, at least one side's latest troop figure is a forecast
    every = estimates.latest_estimates(claims, include_forecasts=True)
    shown = {cid.strip() for ids in every["claim_ids"] for cid in ids.split(",")}
    assert shown & forecast_ids
