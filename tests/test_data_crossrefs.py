"""Cross-references between curated files that a single schema cannot check."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
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
