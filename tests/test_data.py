"""kursk.data: typed loading, validation errors with file/line/column, pandera, claims helpers."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest

import kursk.charts
import kursk.data as kd
import kursk.entities
from kursk import paths

REAL = paths.data_dir()
HEADER = (
    "claim_id,claimed_on,claimant,claimant_side,warring_party,metric,low,high,qualifier,kind,"
    "outlet,url,language,published_on,cited_via,note"
)


def good_row(claim_id: str = "c001", **over: str) -> str:
    """One valid claims row (fixture values, not a real claim)."""
    row = {
        "claim_id": claim_id,
        "claimed_on": "2024-11-01",
        "claimant": "Fixture Agency",
        "claimant_side": "south_korea",
        "warring_party": "false",
        "metric": "deployed",
        "low": "100",
        "high": "200",
        "qualifier": "about",
        "kind": "count",
        "outlet": "Fixture Outlet",
        "url": "https://example.org/fixture",
        "language": "en",
        "published_on": "2024-11-02",
        "cited_via": "",
        "note": "fixture row",
    }
    row.update(over)
    return ",".join(row.values())


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """# fixture: a data package in tmp_path with the real schemas and small fixture CSVs."""
    d = tmp_path / "data"
    (d / "schemas").mkdir(parents=True)
    for name in ("claims", "entities", "events"):
        shutil.copy(REAL / "schemas" / f"{name}.json", d / "schemas" / f"{name}.json")
    resources = [
        {"name": n, "path": f"{n}.csv", "format": "csv", "schema": f"schemas/{n}.json"}
        for n in ("entities", "claims", "events")
    ]
    (d / "datapackage.json").write_text(
        json.dumps({"name": "fixture-package", "resources": resources}), encoding="utf-8"
    )
    (d / "entities.csv").write_text(
        "entity_id,name,type,side,role,aliases_en,aliases_de,aliases_ru,aliases_uk,aliases_ko,url\n"
        "fixture_agency,Fixture Agency,organisation,south_korea,fixture entity,,,,,,"
        "https://example.org/a\n"
        "fixture_minister,Fixture Minister,person,ukraine,fixture entity,,,,,,"
        "https://example.org/m\n"
        "fixture_outlet,Fixture Outlet,outlet,,fixture outlet,,,,,,https://example.org/o\n",
        encoding="utf-8",
    )
    write_claims(d, [good_row("c001"), good_row("c002", claimed_on="2024-11-05")])
    (d / "events.csv").write_text(
        "event_id,date,event,kind,place,claimant,url\n"
        "fixture_event,2024-11-03,A fixture event,military,,,https://example.org/e\n",
        encoding="utf-8",
    )
    return d


def write_claims(d: Path, rows: list[str]) -> None:
    (d / "claims.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")


# ------------------------------------------------------------------------------ typed loading


def test_types_and_categoricals_come_from_the_schema(data_dir: Path) -> None:
    df = kd.load_claims(data_dir=data_dir)
    assert len(df) == 2
    assert str(df["claimed_on"].dtype) == kd.DATE_DTYPE
    assert str(df["published_on"].dtype) == kd.DATE_DTYPE
    assert df["low"].dtype == "float64" and df["warring_party"].dtype == bool
    for column in ("claimant_side", "metric", "qualifier", "kind", "language"):
        assert isinstance(df[column].dtype, pd.CategoricalDtype)
        assert list(df[column].cat.categories) == kd.allowed_values("claims", column, data_dir)
    assert kd.allowed_values("claims", "qualifier", data_dir) == [
        "exact", "about", "more_than", "at_least", "up_to"
    ]
    assert kd.allowed_values("claims", "kind", data_dir) == ["count", "period", "forecast"]
    assert df["cited_via"].isna().all()  # empty optional cells are missing, not ""
    assert df.loc[1, "claimed_on"] == pd.Timestamp("2024-11-05")
    assert df.attrs["load_report"].empty and df.attrs["rows_read"] == 2


def test_allowed_values_needs_an_enum(data_dir: Path) -> None:
    with pytest.raises(KeyError, match="no enum"):
        kd.allowed_values("claims", "note", data_dir)


def test_warring_sides_agree_with_the_charts() -> None:
    assert kd.WARRING_SIDES is kursk.charts.WARRING_SIDES is kursk.entities.WARRING_SIDES


# --------------------------------------------------------------------------- bad data, strict

BAD_CASES = {
    "low above high": (dict(low="300", high="200"), "low", "low is above high"),
    "unknown metric": (dict(metric="soldiers"), "metric", "unknown metric 'soldiers'"),
    "unknown qualifier": (dict(qualifier="roughly"), "qualifier", "unknown qualifier"),
    "unknown kind": (dict(kind="guess"), "kind", "unknown kind 'guess' (allowed: count, period, forecast)"),
    "missing kind": (dict(kind=""), "kind", "missing kind (required)"),
    "unknown side": (dict(claimant_side="mars"), "claimant_side", "unknown claimant_side"),
    "missing url": (dict(url=""), "url", "missing url"),
    "url that is not a url": (dict(url="not a link"), "url", "not a web address"),
    "date that does not parse": (dict(claimed_on="2024-13-01"), "claimed_on", "does not parse"),
    "date in another format": (dict(claimed_on="01.11.2024"), "claimed_on", "does not parse"),
    "number with a separator": (dict(low='"1,500"'), "low", "does not parse as a number"),
    "number that is text": (dict(high="many"), "high", "does not parse as a number"),
    "claimant not in entities": (dict(claimant="Nobody"), "claimant", "not a name in entities"),
    "warring party inconsistent": (dict(warring_party="true"), "warring_party", "warring_party"),
    "boolean that is not": (dict(warring_party="no"), "warring_party", "not a boolean"),
    "negative figure": (dict(low="-5"), "low", "below the minimum"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_value_names_file_line_column_and_reason(data_dir: Path, case: str) -> None:
    over, column, reason = BAD_CASES[case]
    # fixture: the bad row is the third data row, so line 4 of the file
    write_claims(data_dir, [good_row("c001"), good_row("c002"), good_row("c003", **over)])
    with pytest.raises(kd.DataValidationError) as info:
        kd.load_claims(data_dir=data_dir)
    message = str(info.value)
    assert "claims.csv, line 4" in message
    assert f"column {column!r}" in message
    assert reason in message
    report = info.value.report
    assert list(report["line"].unique()) == [4]
    assert column in set(report["column"])


def test_duplicate_id(data_dir: Path) -> None:
    write_claims(data_dir, [good_row("c001"), good_row("c002"), good_row("c001")])
    with pytest.raises(kd.DataValidationError, match=r"line 4, column 'claim_id': duplicate "
                       r"claim_id 'c001' \(first on line 2\)"):
        kd.load_claims(data_dir=data_dir)


def test_line_numbers_count_physical_lines(data_dir: Path) -> None:
    # fixture: a quoted note spanning two lines pushes the next record to line 4
    two_lines = good_row("c002", note='"fixture note\nsecond line"')
    write_claims(data_dir, [good_row("c001"), two_lines, good_row("c003", metric="x")])
    with pytest.raises(kd.DataValidationError, match="line 5, column 'metric'"):
        kd.load_claims(data_dir=data_dir)


def test_strict_lists_every_problem(data_dir: Path) -> None:
    write_claims(data_dir, [good_row("c001", metric="x"), good_row("c002", url=""),
                            good_row("c003", low="9", high="1")])
    with pytest.raises(kd.DataValidationError) as info:
        kd.load_claims(data_dir=data_dir)
    assert "3 problem(s)" in str(info.value)
    assert list(info.value.report["line"]) == [2, 3, 4]


def test_ragged_row_and_wrong_header(data_dir: Path) -> None:
    write_claims(data_dir, [good_row("c001"), "c002,2024-11-01,too,few"])
    with pytest.raises(kd.DataValidationError, match="line 3: expected 16 values, found 4"):
        kd.load_claims(data_dir=data_dir)
    (data_dir / "claims.csv").write_text(HEADER.replace("low,", "lo,") + "\n", encoding="utf-8")
    with pytest.raises(kd.DataValidationError, match=r"line 1: header .*missing column\(s\) "
                       r"\['low'\]; unexpected column\(s\) \['lo'\]"):
        kd.load_claims(data_dir=data_dir, strict=False)  # file-level problems raise in both modes


def test_missing_file(data_dir: Path) -> None:
    (data_dir / "events.csv").unlink()
    with pytest.raises(kd.DataValidationError, match="events.csv: file not found"):
        kd.load_events(data_dir=data_dir)


# -------------------------------------------------------------------------------- lenient mode


def test_lenient_skips_and_reports_bad_rows(data_dir: Path) -> None:
    rows = [
        good_row("c001"),
        good_row("c002", metric="soldiers", url=""),  # two problems, one row
        good_row("c003"),
        good_row("c004", low="300", high="200"),
        good_row("c003"),  # duplicate id
        "c006,too,few",
        good_row("c007", claimed_on="yesterday"),
    ]
    write_claims(data_dir, rows)
    df = kd.load_claims(data_dir=data_dir, strict=False)
    report = df.attrs["load_report"]
    assert list(df["claim_id"]) == ["c001", "c003"]
    assert sorted(report["line"].unique()) == [3, 5, 6, 7, 8]
    assert len(df) + report["line"].nunique() == len(rows) == df.attrs["rows_read"]
    assert list(report.columns) == ["file", "line", "column", "reason"]
    assert report["file"].str.endswith("claims.csv").all()
    assert set(report.loc[report["line"] == 3, "column"]) == {"metric", "url"}


# ------------------------------------------------------------------------------------- pandera


def test_pandera_schema_is_generated_from_the_json(data_dir: Path) -> None:
    schema = kd.pandera_schema("claims", data_dir)
    assert isinstance(schema, pa.DataFrameSchema)
    assert list(schema.columns) == HEADER.split(",")
    assert schema.columns["claim_id"].unique and not schema.columns["claim_id"].nullable
    assert schema.columns["cited_via"].nullable
    metric = schema.columns["metric"].dtype.type
    assert list(metric.categories) == kd.allowed_values("claims", "metric", data_dir)
    df = kd.load_claims(data_dir=data_dir)
    schema.validate(df)
    bad = df.copy()
    bad.loc[0, "low"] = 500.0  # above high
    with pytest.raises(pa.errors.SchemaError, match="low is above high"):
        schema.validate(bad)
    bad = df.copy()
    bad["claimant"] = bad["claimant"].str.replace("Fixture Agency", "Nobody")
    with pytest.raises(pa.errors.SchemaError, match=r"claimant.*isin.*Nobody"):
        schema.validate(bad)
    bad = df.copy()
    bad["claimed_on"] = bad["claimed_on"].astype(str)
    with pytest.raises(pa.errors.SchemaError):
        schema.validate(bad)


# ----------------------------------------------------------------------------------- real data


def test_every_listed_resource_loads_and_validates() -> None:
    for name in kd.resource_names():
        res = kd.resource(name)
        assert (REAL / res["path"]).is_file(), f"data/{res['path']} is listed but missing"
        df = kd.load(name)
        assert len(df) > 0, name
        kd.pandera_schema(name).validate(df)


def test_real_data_passes_frictionless() -> None:
    report = kd.validate_package()  # raises DataValidationError with a readable list otherwise
    assert report.empty


def test_frictionless_reports_bad_rows(data_dir: Path) -> None:
    write_claims(data_dir, [good_row("c001"), good_row("c002", metric="soldiers")])
    report = kd.validate_package(data_dir, raise_on_error=False)
    assert len(report) == 1 and report.loc[0, "line"] == 3 and report.loc[0, "column"] == "metric"
    with pytest.raises(kd.DataValidationError, match="claims, line 3, column 'metric'"):
        kd.validate_package(data_dir)


# ----------------------------------------------------------------------------- claims helpers


def extracted_fixture() -> pd.DataFrame:
    """# fixture: two claims as kursk.claims.claims_from_articles returns them."""
    return pd.DataFrame(
        {
            "claim_id": ["x1", "x2"],
            "article_id": ["a_fixture", "a_fixture"],
            "outlet": ["Fixture Outlet", "Fixture Outlet"],
            "published": pd.to_datetime(["2024-11-03T23:30:00+00:00", "2024-11-04T01:00:00+02:00"],
                                        utc=True),
            "url": ["https://example.org/fixture-article"] * 2,
            "value_low": [300.0, 50.0],
            "value_high": [300.0, 80.0],
            "qualifier": ["up_to", "about"],
            "metric": ["killed", "captured"],
            "kind": ["period", "count"],
            "claimant": ["Fixture Minister", None],
            "hedged": [True, False],
            "sentence": ["fixture sentence one", "fixture sentence two"],
            "start": [0, 0],
            "end": [10, 10],
            "lang": ["en", "en"],
        }
    )


def test_all_claims_stacks_curated_and_extracted(data_dir: Path) -> None:
    curated = kd.load_claims(data_dir=data_dir)
    entities = kd.load_entities(data_dir=data_dir)
    both = kd.all_claims(curated, extracted_fixture(), entities, data_dir=data_dir)
    assert list(both.columns) == kd.CLAIM_COLUMNS
    assert list(both["origin"]) == ["curated", "curated", "extracted", "extracted"]
    ext = both[both["origin"] == "extracted"].reset_index(drop=True)
    assert list(ext["claimant_side"]) == ["ukraine", "other"]
    assert list(ext["warring_party"]) == [True, False]
    assert list(ext["low"]) == [300.0, 50.0] and list(ext["high"]) == [300.0, 80.0]
    # 01:00 at UTC+2 is 23:00 UTC the day before
    assert list(ext["claimed_on"]) == [pd.Timestamp("2024-11-03")] * 2
    assert str(both["claimed_on"].dtype) == kd.DATE_DTYPE
    assert both["article_id"].isna().sum() == 2
    # extracted rows keep the extractor's kind; a frame from an older extractor has none (NA)
    assert list(both["kind"].astype(object).fillna("NA")) == ["count", "count", "period", "count"]
    old = kd.all_claims(curated, extracted_fixture().drop(columns="kind"), entities,
                        data_dir=data_dir)
    assert list(old["kind"].astype(object).fillna("NA")) == ["count", "count", "NA", "NA"]
    with pytest.raises(kd.DataValidationError, match="unknown kind"):
        kd.all_claims(curated, extracted_fixture().assign(kind=["count", "guess"]), entities,
                      data_dir=data_dir)
    assert list(both["kind"].cat.categories) == kd.allowed_values("claims", "kind", data_dir)
    assert list(both["metric"].cat.categories) == kd.allowed_values("claims", "metric", data_dir)
    bad = extracted_fixture().assign(metric=["killed", "soldiers"])
    with pytest.raises(kd.DataValidationError, match="unknown metric"):
        kd.all_claims(curated, bad, entities, data_dir=data_dir)


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
    df["claimed_on"] = pd.to_datetime(df["claimed_on"]).astype(kd.DATE_DTYPE)
    df["metric"] = pd.Categorical(df["metric"], categories=["deployed", "in_kursk", "killed"])
    df["note"] = "fixture"
    return df.astype({"low": float, "high": float})


def test_latest_estimates_per_side() -> None:
    latest = kd.latest_estimates(claims_fixture())
    deployed = latest[latest["metric"] == "deployed"]
    # sides ordered by their highest figure; a side's disagreeing same-day figures stay apart
    assert list(deployed["claimant_side"]) == ["ukraine", "us", "south_korea", "south_korea"]
    sk = deployed[deployed["claimant_side"] == "south_korea"]
    assert list(sk["high"]) == [3000.0, 2500.0] and list(sk["qualifiers"]) == ["about", "exact"]
    assert (sk["claimed_on"] == pd.Timestamp("2024-11-01")).all()
    assert list(sk["claim_ids"]) == ["f2", "f3"] and list(sk["reports"]) == [1, 1]
    ua = deployed[deployed["claimant_side"] == "ukraine"].iloc[0]
    assert (ua["low"], ua["high"], ua["qualifiers"]) == (12000.0, 15000.0, "up_to")
    early = kd.latest_estimates(claims_fixture(), as_of="2024-10-20")
    assert set(early["claimant_side"]) == {"south_korea", "ukraine"}
    assert early.loc[early["claimant_side"] == "south_korea", "high"].item() == 1000.0


def test_latest_estimates_leave_forecasts_out_unless_asked() -> None:
    claims = claims_fixture()
    assert "f7" not in set(kd.latest_estimates(claims)["claim_ids"])
    both = kd.latest_estimates(claims, include_forecasts=True)
    ua = both[(both["metric"] == "deployed") & (both["claimant_side"] == "ukraine")]
    assert list(ua["claim_ids"]) == ["f7"] and ua["high"].item() == 90000.0
    assert list(kd.counts(claims)["claim_id"]) == ["f1", "f2", "f3", "f4", "f5", "f6"]
    unknown = claims.assign(kind=pd.Categorical([None] * len(claims), categories=["count"]))
    assert kd.latest_estimates(unknown).empty  # rows of unknown kind are not counts
    assert len(kd.latest_estimates(unknown, include_forecasts=True)) == 5
    with pytest.raises(KeyError, match="no 'kind' column"):
        kd.latest_estimates(claims.drop(columns="kind"))
    assert len(kd.latest_estimates(claims.drop(columns="kind"), include_forecasts=True)) == 5


def test_spread_per_metric() -> None:
    s = kd.spread(claims_fixture()).set_index("metric")
    assert list(s.index) == ["deployed", "killed"]  # categorical order, empty metrics left out
    d = s.loc["deployed"]
    assert (d["highest"], d["highest_side"], d["lowest"], d["lowest_side"]) == (
        15000.0, "ukraine", 2500.0, "south_korea")
    # a range keeps both ends, and the ratio is the smallest the ranges allow: 12,000 / 2,500
    assert (d["highest_low"], d["lowest_high"]) == (12000.0, 2500.0)
    assert d["ratio"] == pytest.approx(4.8) and d["sides"] == 3
    assert s.loc["killed", "ratio"] == 1.0
    with_forecasts = kd.spread(claims_fixture(), include_forecasts=True).set_index("metric")
    assert with_forecasts.loc["deployed", "highest"] == 90000.0  # the forecast f7


def test_spread_reads_a_vague_range_at_its_nearest_end() -> None:
    # fixture: "several hundred" coded 200–900 against 6,000; not 6,000 / 200 = 30x
    claims = claims_fixture()
    claims.loc[claims["claim_id"] == "f6", ["low", "high"]] = [200.0, 900.0]
    extra = claims[claims["claim_id"] == "f6"].assign(claim_id="f8", claimant_side="uk",
                                                      low=6000.0, high=6000.0)
    s = kd.spread(pd.concat([claims, extra], ignore_index=True)).set_index("metric")
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
    d = kd.disagreements(claims, days=7)
    # deployed: the two sides agree (ratio 1), so no row; killed: the same side (g4 vs g1) and
    # pairs more than a week apart (g5) do not count, nor does the forecast g6
    assert list(d["metric"]) == ["killed"]
    row = d.iloc[0]
    assert (row["higher_claim_id"], row["lower_claim_id"]) == ("g4", "g2")
    assert row["ratio"] == pytest.approx(5000 / 90)  # the top of the 20-90 range
    assert (row["days_apart"], row["window_days"]) == (3, 7)
    assert row["higher_claimed_on"] == pd.Timestamp("2024-12-08")
    assert str(d["higher_claimed_on"].dtype) == kd.DATE_DTYPE
    assert list(d.columns) == kd.DISAGREEMENT_COLUMNS
    wider = kd.disagreements(claims, days=200).iloc[0]
    assert (wider["higher_claim_id"], wider["lower_claim_id"]) == ("g5", "g1")  # 9,000 / 30
    forecasts = kd.disagreements(claims, days=7, include_forecasts=True).iloc[0]
    assert forecasts["higher_claim_id"] == "g6" and forecasts["lower_claim_id"] == "g1"
    same_day = kd.disagreements(claims, days=0).iloc[0]  # 8 Dec: 5,000 and 1,100
    assert (same_day["higher_claim_id"], same_day["lower_claim_id"]) == ("g4", "g3")
    assert kd.disagreements(claims[claims["claim_id"] != "g3"], days=0).empty
    assert list(kd.disagreements(claims.iloc[:0]).columns) == kd.DISAGREEMENT_COLUMNS
    with pytest.raises(ValueError, match="days must be 0 or more"):
        kd.disagreements(claims, days=-1)


def test_all_claims_without_kind_gives_unknown_kind(data_dir: Path) -> None:
    # fixture: a curated frame from an older caller, without the kind column
    curated = kd.load_claims(data_dir=data_dir).drop(columns="kind")
    both = kd.all_claims(curated, extracted_fixture(), kd.load_entities(data_dir=data_dir),
                         data_dir=data_dir)
    assert list(both.columns) == kd.CLAIM_COLUMNS
    assert both.loc[both["origin"] == "curated", "kind"].isna().all()


def test_match_extracted_finds_curated_claims_nearby(data_dir: Path) -> None:
    # fixture: curated c001 (deployed 100–200 on 2024-11-01); extracted claims as in the fixture
    curated = kd.load_claims(data_dir=data_dir)
    ext = extracted_fixture().assign(metric=["deployed", "captured"], value_low=[100.0, 50.0],
                                     value_high=[200.0, 80.0])
    both = kd.all_claims(curated, ext, kd.load_entities(data_dir=data_dir), data_dir=data_dir)
    matched = kd.match_extracted(both, days=3).set_index("claim_id")
    assert matched.loc["x1", "matches"] == 1 and matched.loc["x1", "matched_ids"] == "c001"
    assert matched.loc["x2", "matches"] == 0 and matched.loc["x2", "matched_ids"] == ""
    assert kd.match_extracted(both, days=1).set_index("claim_id").loc["x1", "matches"] == 0


def test_data_readme_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_data_dictionary", paths.project_root() / "scripts" / "build_data_dictionary.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    assert module.render(readme, REAL) == readme, (
        "data/README.md is out of date: run python scripts/build_data_dictionary.py")
    for res in kd.package()["resources"]:
        assert f"`{res['path']}`" in readme  # every file is described
    assert "## Limitations" in readme
