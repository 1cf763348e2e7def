"""kursk.data: typed loading and validation errors with file, line and column."""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import kursk.charts
import kursk.data as kd
from kursk import paths, schema

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
    columns = schema.columns("entities")
    with open(d / "entities.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, columns, restval="", lineterminator="\n")
        w.writeheader()
        w.writerows([
            {"entity_id": "fixture_agency", "name": "Fixture Agency", "type": "organisation",
             "side": "south_korea", "role": "fixture entity", "url": "https://example.org/a"},
            {"entity_id": "fixture_minister", "name": "Fixture Minister", "type": "person",
             "side": "ukraine", "role": "fixture entity", "url": "https://example.org/m"},
            {"entity_id": "fixture_outlet", "name": "Fixture Outlet", "type": "outlet",
             "role": "fixture outlet", "url": "https://example.org/o"},
        ])
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
        assert list(df[column].cat.categories) == list(schema.allowed("claims", column, data_dir))
    assert schema.allowed("claims", "qualifier", data_dir) == (
        "exact", "about", "more_than", "at_least", "up_to"
    )
    assert {"count", "period", "forecast"} <= set(schema.allowed("claims", "kind", data_dir))
    assert df["cited_via"].isna().all()  # empty optional cells are missing, not ""
    assert df.loc[1, "claimed_on"] == pd.Timestamp("2024-11-05")
    assert df.attrs["load_report"].empty and df.attrs["rows_read"] == 2


def test_allowed_values_needs_an_enum(data_dir: Path) -> None:
    with pytest.raises(KeyError, match="no enum"):
        schema.allowed("claims", "note", data_dir)


def test_labels_come_from_the_schema() -> None:
    labels = schema.labels("claims", "metric")
    assert list(labels) == list(schema.allowed("claims", "metric"))
    assert labels["deployed"] == "sent to Russia" and labels["killed"] == "killed"
    assert kursk.charts.SIDE_LABELS == schema.labels("claims", "claimant_side")
    assert kursk.charts.WARRING_SIDES is schema.WARRING_SIDES


# --------------------------------------------------------------------------- bad data, strict

BAD_CASES = {
    "low above high": (dict(low="300", high="200"), "low", "low is above high"),
    "unknown metric": (dict(metric="soldiers"), "metric", "unknown metric 'soldiers'"),
    "unknown qualifier": (dict(qualifier="roughly"), "qualifier", "unknown qualifier"),
    "unknown kind": (dict(kind="guess"), "kind", "unknown kind 'guess' (allowed: count, period, "),
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


# ----------------------------------------------------------------------------------- real data


def test_every_listed_resource_loads_and_validates() -> None:
    for name in schema.resources():
        res = schema.resource(name)
        assert (REAL / res["path"]).is_file(), f"data/{res['path']} is listed but missing"
        df = kd.load(name)
        assert len(df) > 0 and df.attrs["load_report"].empty, name
        assert list(df.columns) == schema.columns(name)


def test_row_rules_apply_where_their_columns_are() -> None:
    assert [r.name for r in kd.rules_for("claims")] == [
        "low_not_above_high", "warring_party_matches_side"]
    assert kd.rules_for("places") == []


def test_data_readme_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_data_dictionary", paths.project_root() / "scripts" / "build_data_dictionary.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    assert module.render(readme, REAL) == readme, (
        "data/README.md is out of date: run python scripts/build_data_dictionary.py")
    for res in schema.package()["resources"]:
        assert f"`{res['path']}`" in readme  # every file is described
    assert "## Limitations" in readme
