"""Load and validate the curated datasets in ``data/`` against ``data/datapackage.json``.

The data package and its Table Schemas (``data/schemas/*.json``) are the single source of truth
for fields, types and allowed values. From them this module

* parses each CSV (read as text first, so nothing is silently coerced) into a typed frame:
  ``date`` fields become ``datetime64[s]`` at midnight (no time part, no time zone), ``number``
  fields ``float64``, ``integer`` fields ``Int64``, ``boolean`` fields ``bool`` (``boolean`` when
  optional), fields with an ``enum`` constraint pandas Categoricals whose categories are the
  schema's ``enum`` in schema order, other strings pandas' ``str`` dtype;
* checks every constraint (required, unique, enum, pattern, minimum/maximum, length, ``uri``
  format, primary and foreign keys) plus the cross-field rules of :data:`ROW_RULES`, naming the
  file, the line (header = line 1) and the column of each problem;
* generates the matching pandera schema (:func:`pandera_schema`), which every loaded frame passes.

It also stacks curated and extracted claims (:func:`all_claims`) and summarises the latest figure
per side (:func:`latest_estimates`, :func:`spread`). Those summaries use counts only (column
``kind``: ``count``) unless asked to include forecasts and plans (``include_forecasts=True``).
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
import pandas as pd
import pandera.pandas as pa

from kursk import entities as _entities
from kursk import paths

#: Storage type of ``date`` fields: midnight timestamps with second resolution, no time zone.
DATE_DTYPE = "datetime64[s]"
#: Claimant sides that are parties to the war (defined in :mod:`kursk.entities`).
WARRING_SIDES = _entities.WARRING_SIDES
#: Columns of a claims frame that holds curated and extracted claims (see :func:`all_claims`).
CLAIM_COLUMNS = [
    "claim_id",
    "claimed_on",
    "claimant",
    "claimant_side",
    "warring_party",
    "metric",
    "low",
    "high",
    "qualifier",
    "kind",
    "outlet",
    "url",
    "origin",
    "article_id",
]
ORIGINS = ["curated", "extracted"]
#: The ``kind`` a figure must have to count in the summaries by default (see :func:`counts`).
COUNT = "count"
#: How many problems a strict-mode error message lists before summarising the rest.
MAX_LISTED = 20

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_INTEGER = re.compile(r"[+-]?\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\d{4}")
#: Numeric field types: the exact form a value must have, and its Python type.
_NUMERIC = {"number": (_NUMBER, float), "integer": (_INTEGER, int), "year": (_YEAR, int)}
_DEFAULT_TRUE = ["true", "True", "TRUE", "1"]
_DEFAULT_FALSE = ["false", "False", "FALSE", "0"]


class DataValidationError(ValueError):
    """Curated data that breaks its schema; ``report`` lists file, line, column and reason."""

    def __init__(self, message: str, report: pd.DataFrame | None = None) -> None:
        super().__init__(message)
        self.report = report if report is not None else _report_frame([])


@dataclass(frozen=True)
class Problem:
    """One problem found in a data file."""

    file: str
    line: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        if self.column:
            where += f", column {self.column!r}"
        return f"{where}: {self.reason}"


def _report_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    rows = [(p.file, p.line, p.column, p.reason) for p in problems]
    frame = pd.DataFrame(rows, columns=["file", "line", "column", "reason"])
    frame["line"] = frame["line"].astype("Int64")
    return frame


def _raise(problems: list[Problem], what: str) -> None:
    listed = "\n".join(f"  - {p}" for p in problems[:MAX_LISTED])
    more = len(problems) - MAX_LISTED
    tail = f"\n  … and {more} more" if more > 0 else ""
    raise DataValidationError(
        f"{what}: {len(problems)} problem(s)\n{listed}{tail}", _report_frame(problems)
    )


# --------------------------------------------------------------------------- package and schemas


def _data_dir(data_dir: str | os.PathLike | None) -> Path:
    return Path(data_dir) if data_dir is not None else paths.data_dir()


def _display(path: Path) -> str:
    """A path as shown in messages: relative to the repository root when inside it."""
    try:
        return path.resolve().relative_to(paths.project_root()).as_posix()
    except (ValueError, FileNotFoundError):
        return path.as_posix()


def package(data_dir: str | os.PathLike | None = None) -> dict:
    """The data package descriptor (``datapackage.json``) as a dict."""
    path = _data_dir(data_dir) / "datapackage.json"
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def resource_names(
    data_dir: str | os.PathLike | None = None, *, tabular: bool = True
) -> list[str]:
    """Names of the resources listed in the data package (only tables by default), in order."""
    return [r["name"] for r in package(data_dir)["resources"] if "schema" in r or not tabular]


def resource(name: str, data_dir: str | os.PathLike | None = None) -> dict:
    """One resource of the package, with its ``schema`` read from file when given as a path."""
    base = _data_dir(data_dir)
    for res in package(base)["resources"]:
        if res["name"] == name:
            res = dict(res)
            if isinstance(res.get("schema"), str):
                with open(base / res["schema"], encoding="utf-8") as f:
                    res["schema"] = json.load(f)
            return res
    raise KeyError(f"no resource {name!r} in {_display(base / 'datapackage.json')}")


def _field(schema: dict, field: str, name: str) -> dict:
    for f in schema["fields"]:
        if f["name"] == field:
            return f
    raise KeyError(f"resource {name!r} has no field {field!r}")


def allowed_values(
    resource_name: str, field: str, data_dir: str | os.PathLike | None = None
) -> list[str]:
    """The allowed values of an enum field, as declared in the resource's schema."""
    f = _field(resource(resource_name, data_dir)["schema"], field, resource_name)
    enum = f.get("constraints", {}).get("enum")
    if enum is None:
        raise KeyError(f"field {field!r} of {resource_name!r} has no enum constraint")
    return list(enum)


def _foreign_keys(schema: dict) -> list[tuple[str, str, str]]:
    """(field, referenced resource, referenced field) for each single-field foreign key."""
    out = []
    for fk in schema.get("foreignKeys", []):
        fields, ref = fk["fields"], fk["reference"]
        ref_fields = ref["fields"]
        fields = [fields] if isinstance(fields, str) else fields
        ref_fields = [ref_fields] if isinstance(ref_fields, str) else ref_fields
        if len(fields) != 1 or len(ref_fields) != 1:
            raise NotImplementedError("only single-field foreign keys are supported")
        out.append((fields[0], ref["resource"], ref_fields[0]))
    return out


# ----------------------------------------------------------------------------- cross-field rules


@dataclass(frozen=True)
class RowRule:
    """A rule relating two or more columns of a row (Table Schema cannot express these)."""

    name: str
    columns: tuple[str, ...]
    column: str  # the column a failure is reported against
    reason: str
    ok: Callable[[pd.DataFrame], pd.Series]  # True where the row passes (typed frame)
    description: str = ""  # the rule in words, for the data dictionary


ROW_RULES: list[RowRule] = [
    RowRule(
        "low_not_above_high",
        ("low", "high"),
        "low",
        "low is above high",
        lambda d: ~(d["low"] > d["high"]),
        "`low` is not above `high`.",
    ),
    RowRule(
        "warring_party_matches_side",
        ("warring_party", "claimant_side"),
        "warring_party",
        "warring_party must be true exactly when claimant_side is ukraine, russia or dprk",
        lambda d: d["warring_party"].astype(bool)
        == d["claimant_side"].astype(object).isin(WARRING_SIDES),
        "`warring_party` is true exactly when `claimant_side` is `ukraine`, `russia` or `dprk`.",
    ),
]


def _rules_for(schema: dict) -> list[RowRule]:
    names = {f["name"] for f in schema["fields"]}
    return [r for r in ROW_RULES if set(r.columns) <= names]


# ----------------------------------------------------------------------------------- cell parsing


def _parse_date(text: str) -> date:
    if not _DATE.fullmatch(text):
        raise ValueError
    return date.fromisoformat(text)


def _parser(field: dict) -> Callable[[str], object]:
    """A function turning one non-empty cell into a Python value, raising ValueError if it can't."""
    kind = field.get("type", "string")
    fmt = field.get("format", "default")
    if kind in ("string", "any"):
        if fmt == "uri":

            def uri(text: str) -> str:
                parts = urlparse(text)
                if parts.scheme not in ("http", "https") or not parts.netloc or " " in text:
                    raise ValueError
                return text

            return uri
        return str
    if kind in _NUMERIC:
        pattern, cast = _NUMERIC[kind]

        def numeric(text: str) -> float | int:
            if not pattern.fullmatch(text):
                raise ValueError
            return cast(text)

        return numeric
    if kind == "boolean":
        true = set(field.get("trueValues", _DEFAULT_TRUE))
        false = set(field.get("falseValues", _DEFAULT_FALSE))

        def boolean(text: str) -> bool:
            if text in true:
                return True
            if text in false:
                return False
            raise ValueError

        return boolean
    if kind == "date":
        if fmt not in ("default", "%Y-%m-%d"):
            raise NotImplementedError(f"date format {fmt!r} of field {field['name']!r}")
        return _parse_date
    if kind == "datetime":

        def timestamp(text: str) -> pd.Timestamp:
            ts = pd.Timestamp(text)
            if ts.tzinfo is None:
                raise ValueError
            return ts.tz_convert("UTC")

        return timestamp
    raise NotImplementedError(f"field type {kind!r} of field {field['name']!r} is not supported")


_TYPE_WORDS = {
    "number": "a number (digits and a decimal point, no thousands separators)",
    "integer": "a whole number",
    "year": "a four-digit year",
    "date": "a date as YYYY-MM-DD",
    "datetime": "a timestamp with a time zone",
}


def _type_reason(field: dict, text: str) -> str:
    kind = field.get("type", "string")
    if kind == "boolean":
        allowed = field.get("falseValues", _DEFAULT_FALSE) + field.get("trueValues", _DEFAULT_TRUE)
        return f"{text!r} is not a boolean (use one of {allowed})"
    if field.get("format") == "uri":
        return f"{text!r} is not a web address (http:// or https://)"
    return f"{text!r} does not parse as {_TYPE_WORDS.get(kind, kind)}"


def _bound(field: dict, value: object) -> object:
    return _parse_date(value) if field.get("type") == "date" and isinstance(value, str) else value


def _check_constraints(field: dict, text: str, value: object) -> str | None:
    """The reason a parsed cell breaks a constraint of its field, or None."""
    c = field.get("constraints", {})
    if "enum" in c and text not in c["enum"]:
        return f"unknown {field['name']} {text!r} (allowed: {', '.join(map(str, c['enum']))})"
    if "pattern" in c and not re.fullmatch(c["pattern"], text):
        return f"{text!r} does not match the pattern {c['pattern']!r}"
    if "minLength" in c and len(text) < c["minLength"]:
        return f"{text!r} is shorter than {c['minLength']} characters"
    if "maxLength" in c and len(text) > c["maxLength"]:
        return f"{text!r} is longer than {c['maxLength']} characters"
    if "minimum" in c and value < _bound(field, c["minimum"]):
        return f"{text} is below the minimum {c['minimum']}"
    if "maximum" in c and value > _bound(field, c["maximum"]):
        return f"{text} is above the maximum {c['maximum']}"
    return None


# ------------------------------------------------------------------------------------- reading


def _read_records(path: Path, shown: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and (line, cells) of each record; line counts physical lines from 1."""
    if not path.is_file():
        raise DataValidationError(
            f"{shown}: file not found",
            _report_frame([Problem(shown, None, None, "file not found")]),
        )
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, strict=True)
        records: list[tuple[int, list[str]]] = []
        start = 1
        try:
            for cells in reader:
                records.append((start, cells))
                start = reader.line_num + 1
        except csv.Error as exc:
            problem = Problem(shown, start, None, f"malformed CSV: {exc}")
            _raise([problem], f"cannot read {shown}")
        except UnicodeDecodeError as exc:
            _raise([Problem(shown, None, None, f"not UTF-8: {exc}")], f"cannot read {shown}")
    if not records:
        _raise([Problem(shown, 1, None, "empty file: no header")], f"cannot read {shown}")
    return records[0][1], records[1:]


def _typed_column(field: dict, values: list[object]) -> pd.Series | pd.Categorical:
    kind = field.get("type", "string")
    required = field.get("constraints", {}).get("required", False)
    enum = field.get("constraints", {}).get("enum")
    if enum is not None and kind in ("string", "any"):
        allowed = set(enum)  # values of rows already flagged as bad become missing
        return pd.Categorical([v if v in allowed else None for v in values], categories=list(enum))
    if kind == "number":
        return pd.array([np.nan if v is None else v for v in values], dtype="float64")
    if kind in ("integer", "year"):
        return pd.array(values, dtype="Int64")
    if kind == "boolean":
        return pd.array(values, dtype="bool" if required else "boolean")
    if kind == "date":
        days = np.array([np.datetime64("NaT") if v is None else v for v in values],
                        dtype="datetime64[D]")
        return days.astype(DATE_DTYPE)
    if kind == "datetime":
        return pd.to_datetime(pd.Series(values, dtype=object), utc=True)
    return pd.array(values, dtype="str")


def _reference_values(
    schema: dict, base: Path, strict: bool, seen: tuple[str, ...]
) -> dict[str, set]:
    refs = {}
    for field, ref_resource, ref_field in _foreign_keys(schema):
        if ref_resource in seen:
            raise NotImplementedError(f"circular foreign key through {ref_resource!r}")
        ref = _load(ref_resource, strict=strict, data_dir=base, seen=seen)
        refs[field] = set(ref[ref_field].dropna().astype(str))
    return refs


def _load(
    name: str, *, strict: bool, data_dir: str | os.PathLike | None, seen: tuple[str, ...] = ()
) -> pd.DataFrame:
    base = _data_dir(data_dir)
    res = resource(name, base)
    if "schema" not in res:
        raise ValueError(f"resource {name!r} is not a table (no schema); kursk.geo reads it")
    schema = res["schema"]
    path = base / res["path"]
    shown = _display(path)
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    missing_values = set(schema.get("missingValues", [""]))

    header, records = _read_records(path, shown)
    if header != names:
        lost = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        reason = "header does not match the schema"
        if lost:
            reason += f"; missing column(s) {lost}"
        if extra:
            reason += f"; unexpected column(s) {extra}"
        if not lost and not extra:
            reason += f"; expected the order {names}"
        _raise([Problem(shown, 1, None, reason)], f"cannot load {shown}")

    refs = _reference_values(schema, base, strict, (*seen, name))
    parsers = [_parser(f) for f in fields]
    problems: list[Problem] = []
    bad_lines: set[int] = set()
    lines: list[int] = []
    texts: list[list[str]] = []
    parsed: list[list[object]] = []

    def flag(line: int, column: str | None, reason: str) -> None:
        problems.append(Problem(shown, line, column, reason))
        bad_lines.add(line)

    for line, cells in records:
        if not cells or all(c == "" for c in cells):
            flag(line, None, "blank row")
            continue
        if len(cells) != len(names):
            flag(line, None, f"expected {len(names)} values, found {len(cells)}")
            continue
        row: list[object] = []
        for field, parse, text in zip(fields, parsers, cells, strict=True):
            column = field["name"]
            if text in missing_values:
                if field.get("constraints", {}).get("required", False):
                    flag(line, column, f"missing {column} (required)")
                row.append(None)
                continue
            try:
                value = parse(text)
            except ValueError:
                flag(line, column, _type_reason(field, text))
                row.append(None)
                continue
            reason = _check_constraints(field, text, value)
            if reason is None and column in refs and text not in refs[column]:
                ref = next(fk for fk in _foreign_keys(schema) if fk[0] == column)
                reason = f"{text!r} is not a {ref[2]} in {ref[1]}"
            if reason:
                flag(line, column, reason)
            row.append(value)
        lines.append(line)
        texts.append(cells)
        parsed.append(row)

    # uniqueness: single unique fields and the primary key
    keys = [[f["name"]] for f in fields if f.get("constraints", {}).get("unique")]
    pk = schema.get("primaryKey")
    if pk:
        pk = [pk] if isinstance(pk, str) else list(pk)
        if pk not in keys:
            keys.append(pk)
    for key in keys:
        idx = [names.index(k) for k in key]
        first: dict[tuple, int] = {}
        for line, cells in zip(lines, texts, strict=True):
            value = tuple(cells[i] for i in idx)
            if all(v in missing_values for v in value):
                continue
            if value in first:
                shown_value = value[0] if len(value) == 1 else value
                flag(line, key[0], f"duplicate {'/'.join(key)} {shown_value!r} "
                                   f"(first on line {first[value]})")
            else:
                first[value] = line

    # typed frame of the rows that parsed; cross-field rules run on it
    frame = pd.DataFrame(
        {f["name"]: _typed_column(f, [r[i] for r in parsed]) for i, f in enumerate(fields)}
    )
    line_of = np.array(lines, dtype=int)
    parsed_ok = ~np.isin(line_of, sorted(bad_lines))
    for rule in _rules_for(schema):
        subset = frame[parsed_ok]
        ok = rule.ok(subset).to_numpy(dtype=bool)
        for line in line_of[parsed_ok][~ok]:
            flag(int(line), rule.column, rule.reason)

    problems.sort(key=lambda p: (p.line or 0, names.index(p.column) if p.column in names else -1))
    if problems and strict:
        _raise(problems, f"invalid data in {shown}")
    keep = ~np.isin(line_of, sorted(bad_lines))
    frame = frame[keep].reset_index(drop=True)

    try:
        _pandera_schema(schema, name, refs).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:  # the generated schema disagrees with the parser
        kept_lines = line_of[keep]
        cases = exc.failure_cases
        extra = []
        for _, case in cases.iterrows():
            i = case["index"]
            line = int(kept_lines[int(i)]) if pd.notna(i) else None
            extra.append(Problem(shown, line, case["column"], f"pandera check {case['check']} "
                                 f"failed on {case['failure_case']!r}"))
        _raise(extra, f"invalid data in {shown} (pandera)")

    frame.attrs["load_report"] = _report_frame(problems)
    frame.attrs["rows_read"] = len(records)
    frame.attrs["source"] = shown
    return frame


def load(
    name: str, *, strict: bool = True, data_dir: str | os.PathLike | None = None
) -> pd.DataFrame:
    """A resource of the data package as a typed, validated frame.

    Strict (default): raises :class:`DataValidationError` listing every problem found (file, line,
    column, reason). ``strict=False``: rows with problems are left out and listed in
    ``df.attrs["load_report"]`` (columns file, line, column, reason); ``df.attrs["rows_read"]`` is
    the number of data rows in the file. Problems with the file itself (missing, wrong header)
    raise in both modes.
    """
    return _load(name, strict=strict, data_dir=data_dir)


def load_claims(*, strict: bool = True, data_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """``data/claims.csv``: one row per published figure."""
    return load("claims", strict=strict, data_dir=data_dir)


def load_events(*, strict: bool = True, data_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """``data/events.csv``: dated events for annotation."""
    return load("events", strict=strict, data_dir=data_dir)


def load_entities(
    *, strict: bool = True, data_dir: str | os.PathLike | None = None
) -> pd.DataFrame:
    """``data/entities.csv``: canonical names, sides and aliases."""
    return load("entities", strict=strict, data_dir=data_dir)


def load_salient_area(
    *, strict: bool = True, data_dir: str | os.PathLike | None = None
) -> pd.DataFrame:
    """``data/salient_area.csv``: area of the Ukrainian-held salient in Kursk over time."""
    return load("salient_area", strict=strict, data_dir=data_dir)


def load_places(*, strict: bool = True, data_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """``data/places.csv`` as a plain frame (``kursk.geo`` makes the GeoDataFrame)."""
    return load("places", strict=strict, data_dir=data_dir)


# --------------------------------------------------------------------------------------- pandera


def _pandera_dtype(field: dict) -> object:
    kind = field.get("type", "string")
    c = field.get("constraints", {})
    if "enum" in c and kind in ("string", "any"):
        return pd.CategoricalDtype(categories=list(c["enum"]))
    return {
        "number": "float64",
        "integer": "Int64",
        "year": "Int64",
        "boolean": "bool" if c.get("required") else "boolean",
        "date": DATE_DTYPE,
        "datetime": pd.DatetimeTZDtype(tz="UTC"),
    }.get(kind, "str")


def _pandera_checks(field: dict) -> list[pa.Check]:
    c = field.get("constraints", {})
    checks = []
    if field.get("type") == "date":  # pandera's DateTime does not check the unit
        checks.append(pa.Check(lambda s: str(s.dtype) == DATE_DTYPE, name="date_storage",
                               error=f"dates are stored as {DATE_DTYPE}"))
    if "enum" in c:
        checks.append(pa.Check.isin(list(c["enum"])))
    if "pattern" in c:
        checks.append(pa.Check.str_matches(f"^(?:{c['pattern']})$"))
    if "minLength" in c or "maxLength" in c:
        checks.append(pa.Check.str_length(c.get("minLength"), c.get("maxLength")))
    for key, check in (("minimum", pa.Check.ge), ("maximum", pa.Check.le)):
        if key in c:
            bound = _bound(field, c[key])
            checks.append(check(pd.Timestamp(bound) if isinstance(bound, date) else bound))
    return checks


def _pandera_schema(schema: dict, name: str, refs: dict[str, set]) -> pa.DataFrameSchema:
    columns = {}
    for f in schema["fields"]:
        c = f.get("constraints", {})
        checks = _pandera_checks(f)
        if f["name"] in refs:
            checks.append(pa.Check.isin(sorted(refs[f["name"]]), name="foreign_key"))
        columns[f["name"]] = pa.Column(
            _pandera_dtype(f),
            checks=checks,
            nullable=not c.get("required", False),
            unique=bool(c.get("unique", False)),
            description=f.get("description"),
        )
    pk = schema.get("primaryKey")
    frame_checks = [
        pa.Check(rule.ok, name=rule.name, error=rule.reason) for rule in _rules_for(schema)
    ]
    return pa.DataFrameSchema(
        columns,
        checks=frame_checks,
        unique=[pk] if isinstance(pk, str) else pk,
        strict=True,
        ordered=True,
        name=name,
        description=schema.get("description"),
    )


def pandera_schema(
    resource_name: str, data_dir: str | os.PathLike | None = None, *, references: bool = True
) -> pa.DataFrameSchema:
    """The pandera schema of a resource, generated from its Table Schema.

    With ``references`` (default), foreign keys become ``isin`` checks against the referenced
    resource's current values (which loads it).
    """
    base = _data_dir(data_dir)
    schema = resource(resource_name, base)["schema"]
    refs = _reference_values(schema, base, True, (resource_name,)) if references else {}
    return _pandera_schema(schema, resource_name, refs)


# ------------------------------------------------------------------------------------ frictionless


def validate_package(
    data_dir: str | os.PathLike | None = None, *, raise_on_error: bool = True
) -> pd.DataFrame:
    """Validate every resource of the data package with frictionless; a frame of its errors.

    Columns: resource, line, column, type, message. Raises :class:`DataValidationError` with a
    readable summary when there are errors, unless ``raise_on_error=False``.
    """
    import frictionless  # slow import; only needed here

    base = _data_dir(data_dir)
    report = frictionless.Package(str(base / "datapackage.json")).validate()
    rows = []
    for task in report.tasks:
        for err in task.errors:
            rows.append(
                (task.name, getattr(err, "row_number", None), getattr(err, "field_name", None),
                 err.type, err.message)
            )
    for err in report.errors:
        rows.append(("(package)", None, None, err.type, err.message))
    frame = pd.DataFrame(rows, columns=["resource", "line", "column", "type", "message"])
    frame["line"] = frame["line"].astype("Int64")
    if len(frame) and raise_on_error:
        problems = [
            Problem(r.resource, None if pd.isna(r.line) else int(r.line),
                    None if pd.isna(r.column) else r.column, f"{r.type}: {r.message}")
            for r in frame.itertuples()
        ]
        _raise(problems, f"frictionless validation of {_display(base / 'datapackage.json')}")
    return frame


# ---------------------------------------------------------------------------------- claims frames


def all_claims(
    curated: pd.DataFrame,
    extracted: pd.DataFrame,
    entities: pd.DataFrame | None = None,
    *,
    data_dir: str | os.PathLike | None = None,
) -> pd.DataFrame:
    """Curated and extracted claims in one frame (columns :data:`CLAIM_COLUMNS`, ``origin`` set).

    Extracted claims (from ``kursk.claims.claims_from_articles``) take ``claimed_on`` from the
    article's publication date (UTC), ``low``/``high`` from ``value_low``/``value_high``, and the
    claimant's side from ``entities`` (side empty or claimant unknown: ``other``), and ``kind``
    from the extractor's reading of the sentence (count, forecast or period). An extracted frame
    without a ``kind`` column (from an older version) and curated frames without one get NA: of
    unknown kind, which the summaries leave out unless ``include_forecasts=True``.
    """
    entities = load_entities(data_dir=data_dir) if entities is None else entities
    sides = allowed_values("claims", "claimant_side", data_dir)
    metrics = allowed_values("claims", "metric", data_dir)
    qualifiers = allowed_values("claims", "qualifier", data_dir)
    kinds = allowed_values("claims", "kind", data_dir)

    cur = curated.copy()
    cur["origin"] = "curated"
    cur["article_id"] = None
    if "kind" not in cur.columns:  # a frame that does not say is of unknown kind, like extracted
        cur["kind"] = None

    ext = extracted
    checked = [("metric", metrics), ("qualifier", qualifiers)]
    if "kind" in ext.columns:
        checked.append(("kind", kinds))
    for column, allowed in checked:
        unknown = sorted(set(ext[column].dropna().astype(str)) - set(allowed))
        if unknown:
            raise DataValidationError(
                f"extracted claims: unknown {column} {unknown} (allowed: {', '.join(allowed)})"
            )
    side_of = dict(
        zip(entities["name"].astype(str), entities["side"].astype(object), strict=True)
    )
    claimant = ext["claimant"].astype(object).where(ext["claimant"].notna(), None)
    side = claimant.map(lambda n: side_of.get(n) if isinstance(n, str) else None)
    side = side.where(side.notna(), "other")
    published = pd.to_datetime(ext["published"], utc=True)
    ext = pd.DataFrame(
        {
            "claim_id": ext["claim_id"].astype(str),
            "claimed_on": published.dt.tz_localize(None).dt.normalize().astype(DATE_DTYPE),
            "claimant": claimant,
            "claimant_side": side,
            "warring_party": side.isin(WARRING_SIDES),
            "metric": ext["metric"],
            "low": ext["value_low"].astype("float64"),
            "high": ext["value_high"].astype("float64"),
            "qualifier": ext["qualifier"],
            "kind": ext["kind"].astype(object) if "kind" in ext.columns else None,
            "outlet": ext["outlet"],
            "url": ext["url"],
            "origin": "extracted",
            "article_id": ext["article_id"].astype(str),
        },
        index=ext.index,
    )
    out = pd.concat([cur[CLAIM_COLUMNS], ext[CLAIM_COLUMNS]], ignore_index=True)
    for column in ("claim_id", "claimant", "outlet", "url", "article_id"):
        out[column] = out[column].astype("str")
    out["claimed_on"] = out["claimed_on"].astype(DATE_DTYPE)
    out["warring_party"] = out["warring_party"].astype(bool)
    out["low"] = out["low"].astype("float64")
    out["high"] = out["high"].astype("float64")
    out["claimant_side"] = pd.Categorical(out["claimant_side"].astype(object), categories=sides)
    out["metric"] = pd.Categorical(out["metric"].astype(object), categories=metrics)
    out["qualifier"] = pd.Categorical(out["qualifier"].astype(object), categories=qualifiers)
    out["kind"] = pd.Categorical(out["kind"].astype(object), categories=kinds)
    out["origin"] = pd.Categorical(out["origin"], categories=ORIGINS)
    return out


def _join(values: pd.Series) -> str:
    return ", ".join(sorted({str(v) for v in values.dropna()}))


def counts(claims: pd.DataFrame, *, include_forecasts: bool = False) -> pd.DataFrame:
    """The claims whose ``kind`` is ``count`` (all claims with ``include_forecasts``).

    Rows of unknown kind (extracted claims) are not counts. Raises ``KeyError`` when the frame has
    no ``kind`` column, so a frame that cannot tell counts from forecasts is never summarised as
    if it held counts only.
    """
    if include_forecasts:
        return claims
    if "kind" not in claims.columns:
        raise KeyError("claims frame has no 'kind' column (count or forecast): load it with "
                       "kursk.data.load_claims, or pass include_forecasts=True")
    return claims[claims["kind"].astype(object).eq(COUNT).to_numpy(dtype=bool)]


def latest_estimates(
    claims: pd.DataFrame,
    *,
    as_of: str | date | None = None,
    include_forecasts: bool = False,
) -> pd.DataFrame:
    """Per metric and claimant side, the distinct figures of that side's latest claim date.

    Only counts (``kind`` ``count``) by default: a forecast or plan is never a side's latest
    estimate, and rows of unknown kind (extracted claims) are left out; ``include_forecasts=True``
    uses every row. Claims up to ``as_of`` count. One row per distinct figure (``low``, ``high``)
    of that date: several rows for a side when reports of the same day disagree. ``reports``
    counts the rows behind a figure; ``qualifiers``, ``claimants`` and ``claim_ids`` list them.
    """
    df = counts(claims, include_forecasts=include_forecasts)
    df = df.dropna(subset=["metric", "claimed_on"])
    if as_of is not None:
        df = df[df["claimed_on"] <= pd.Timestamp(as_of)]
    latest = df.groupby(["metric", "claimant_side"], observed=True)["claimed_on"].transform("max")
    df = df[df["claimed_on"] == latest]
    out = (
        df.groupby(["metric", "claimant_side", "low", "high"], observed=True, sort=True)
        .agg(
            claimed_on=("claimed_on", "max"),
            qualifiers=("qualifier", _join),
            claimants=("claimant", _join),
            reports=("claim_id", "size"),
            claim_ids=("claim_id", _join),
        )
        .reset_index()
    )
    out = out[["metric", "claimant_side", "claimed_on", "low", "high", "qualifiers", "claimants",
               "reports", "claim_ids"]]
    out["reports"] = out["reports"].astype("int64")
    side_top = out.groupby(["metric", "claimant_side"], observed=True)["high"].transform("max")
    out = out.assign(_top=side_top).sort_values(
        ["metric", "_top", "claimant_side", "high"], ascending=[True, False, True, False],
        kind="stable")
    return out.drop(columns="_top").reset_index(drop=True)


def spread(
    claims: pd.DataFrame,
    *,
    as_of: str | date | None = None,
    include_forecasts: bool = False,
) -> pd.DataFrame:
    """Per metric, the highest and lowest current figures (latest per side), the dates they were
    claimed (``*_on``: the latest, where sides tie; ``*_dates``: each tied side's, in the order of
    ``*_side``) and how far apart they are. The two can be months
    apart: a side's latest figure may be old (:func:`disagreements` compares figures of the same
    weeks).

    ``highest`` is the high end of the highest figure and ``highest_low`` its low end;
    ``lowest`` is the low end of the lowest figure and ``lowest_high`` its high end, so a range
    such as "several hundred" (200–900) keeps both ends. ``ratio`` is the smallest ratio the two
    ranges allow: ``highest_low / lowest_high``. Built on :func:`latest_estimates`: counts only
    unless ``include_forecasts=True``.
    """
    latest = latest_estimates(claims, as_of=as_of, include_forecasts=include_forecasts)
    rows = []
    for metric, group in latest.groupby("metric", observed=True, sort=True):
        highest, lowest = group["high"].max(), group["low"].min()
        top, bottom = group[group["high"] == highest], group[group["low"] == lowest]
        highest_low, lowest_high = top["low"].max(), bottom["high"].min()
        rows.append(
            {
                "metric": metric,
                "sides": group["claimant_side"].nunique(),
                "highest": highest,
                "highest_low": highest_low,
                "highest_side": _join(top["claimant_side"]),
                "highest_on": top["claimed_on"].max(),
                "highest_dates": _dates_by_side(top),
                "lowest": lowest,
                "lowest_high": lowest_high,
                "lowest_side": _join(bottom["claimant_side"]),
                "lowest_on": bottom["claimed_on"].max(),
                "lowest_dates": _dates_by_side(bottom),
                "ratio": highest_low / lowest_high if lowest_high > 0 else np.nan,
            }
        )
    out = pd.DataFrame(rows, columns=SPREAD_COLUMNS)
    return _metric_order(out, claims)


SPREAD_COLUMNS = ["metric", "sides", "highest", "highest_low", "highest_side", "highest_on",
                  "highest_dates", "lowest", "lowest_high", "lowest_side", "lowest_on",
                  "lowest_dates", "ratio"]


def _dates_by_side(rows: pd.DataFrame) -> str:
    """Each side's latest claim date among ``rows`` (ISO dates, ", "-joined, in the order of
    :func:`_join` of the sides)."""
    latest = rows.groupby(rows["claimant_side"].astype(str))["claimed_on"].max()
    return ", ".join(f"{pd.Timestamp(latest[side]):%Y-%m-%d}" for side in sorted(latest.index))
_PAIR_FIELDS = ["claim_id", "claimant_side", "claimant", "claimed_on", "low", "high", "qualifier"]
DISAGREEMENT_COLUMNS = ["metric", *(f"higher_{f}" for f in _PAIR_FIELDS),
                        *(f"lower_{f}" for f in _PAIR_FIELDS), "days_apart", "window_days",
                        "ratio"]


def disagreements(
    claims: pd.DataFrame,
    *,
    days: int = 7,
    include_forecasts: bool = False,
) -> pd.DataFrame:
    """Per metric, the two figures from different sides, claimed at most ``days`` days apart,
    that differ most: the fairest "the sources disagree" headline, since neither end is months
    older than the other.

    Two figures differ by the smallest ratio their ranges allow (the higher figure's low end over
    the lower figure's high end), so "several hundred" (200–900) against 3,000 is 3.3×, not 15×.
    Only pairs at least that far apart (ratio above 1) count; metrics without such a pair are left
    out. ``days_apart`` is the pair's distance, ``window_days`` the ``days`` asked for. Each
    claim's own fields follow ``higher_`` and ``lower_``; ties go to the later, then the
    first claim id. Counts only unless ``include_forecasts=True``.
    """
    if days < 0:
        raise ValueError(f"disagreements: days must be 0 or more, not {days}")
    df = counts(claims, include_forecasts=include_forecasts)
    df = df.dropna(subset=["metric", "claimed_on", "low", "high", "claimant_side"])
    rows = []
    for metric, group in df.groupby("metric", observed=True, sort=True):
        one = group[_PAIR_FIELDS].reset_index(drop=True)
        one.attrs = {}  # the load report; not wanted on the pairs
        pairs = one.add_prefix("higher_").merge(one.add_prefix("lower_"), how="cross")
        apart = (pairs["higher_claimed_on"] - pairs["lower_claimed_on"]).abs().dt.days
        ratio = pairs["higher_low"] / pairs["lower_high"].where(pairs["lower_high"] > 0)
        keep = (
            (pairs["higher_claimant_side"].astype(object) != pairs["lower_claimant_side"].astype(object))
            & (apart <= days)
            & (ratio > 1)
        )
        pairs = pairs.assign(days_apart=apart, window_days=days, ratio=ratio)[
            keep.to_numpy(dtype=bool)]
        if pairs.empty:
            continue
        latest = pairs[["higher_claimed_on", "lower_claimed_on"]].max(axis=1)
        best = (
            pairs.assign(_latest=latest)
            .sort_values(["ratio", "_latest", "higher_claim_id", "lower_claim_id"],
                         ascending=[False, False, True, True], kind="stable")
            .iloc[0]
        )
        rows.append({"metric": metric, **{c: best[c] for c in DISAGREEMENT_COLUMNS[1:]}})
    out = pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)
    if len(out):
        out = out.astype({"days_apart": "int64", "window_days": "int64"})
        for end in ("higher", "lower"):
            out[f"{end}_claimed_on"] = pd.to_datetime(out[f"{end}_claimed_on"]).astype(
                claims["claimed_on"].dtype)
    return _metric_order(out, claims)


def _metric_order(out: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """``out`` with ``metric`` as the claims' categorical, when it is one."""
    if "metric" in claims and isinstance(claims["metric"].dtype, pd.CategoricalDtype):
        out["metric"] = pd.Categorical(out["metric"], categories=claims["metric"].cat.categories)
    return out


def match_extracted(claims: pd.DataFrame, *, days: int = 3) -> pd.DataFrame:
    """Each extracted claim with the curated claims of the same metric and figure near its date.

    ``claims`` is :func:`all_claims` output. A curated claim matches when metric, ``low`` and
    ``high`` are equal and it was claimed up to ``days`` days before (or on) the article's date.
    Adds ``matches`` (count) and ``matched_ids`` to the extracted rows.
    """
    ext = claims[claims["origin"] == "extracted"]
    cur = claims[claims["origin"] == "curated"]
    keys = ["metric", "low", "high"]
    pairs = ext.reset_index().merge(cur[[*keys, "claim_id", "claimed_on"]], on=keys, how="left",
                                    suffixes=("", "_curated"))
    gap = (pairs["claimed_on"] - pairs["claimed_on_curated"]).dt.days
    pairs = pairs[gap.between(0, days)]
    found = pairs.groupby("index")["claim_id_curated"].agg(
        matches="size", matched_ids=lambda s: ", ".join(sorted(s)))
    out = ext.join(found)
    out["matches"] = out["matches"].fillna(0).astype("int64")
    out["matched_ids"] = out["matched_ids"].fillna("").astype("str")
    return out.reset_index(drop=True)
