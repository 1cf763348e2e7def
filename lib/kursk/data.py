"""Load the curated datasets in ``data/`` as typed frames, validated against the data package.

``data/datapackage.json`` and its Table Schemas (read through :mod:`kursk.schema`) say what every
column holds. :func:`load` checks a table with frictionless (types, formats, required, enum,
pattern, minimum/maximum, unique and primary keys, foreign keys), then the cross-field rules of
:data:`ROW_RULES`, and reports each problem with the file, the line (header = line 1, physical
lines counted) and the column. Strict (the default) raises :class:`DataValidationError` listing
every problem; ``strict=False`` leaves the bad rows out and lists them in
``df.attrs["load_report"]``.

Types: ``date`` fields become ``datetime64[s]`` at midnight, ``number`` fields ``float64``,
``integer`` fields ``Int64``, ``boolean`` fields ``bool`` (``boolean`` when optional), enum fields
categoricals whose categories are the schema's ``enum`` in schema order, other text ``str``.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from kursk import paths, schema
from kursk.schema import WARRING_SIDES

#: Storage type of ``date`` fields: midnight timestamps with second resolution, no time zone.
DATE_DTYPE = "datetime64[s]"
#: How many problems a strict-mode error message lists before summarising the rest.
MAX_LISTED = 20


class DataValidationError(ValueError):
    """Curated data that breaks its schema; ``report`` lists file, line, column and reason."""

    def __init__(self, message: str, report: pd.DataFrame | None = None) -> None:
        super().__init__(message)
        self.report = report if report is not None else report_frame([])


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


def report_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """Problems as a frame: file, line, column, reason."""
    rows = [(p.file, p.line, p.column, p.reason) for p in problems]
    frame = pd.DataFrame(rows, columns=["file", "line", "column", "reason"])
    frame["line"] = frame["line"].astype("Int64")
    return frame


def _raise(problems: list[Problem], what: str) -> None:
    listed = "\n".join(f"  - {p}" for p in problems[:MAX_LISTED])
    more = len(problems) - MAX_LISTED
    tail = f"\n  … and {more} more" if more > 0 else ""
    raise DataValidationError(
        f"{what}: {len(problems)} problem(s)\n{listed}{tail}", report_frame(problems)
    )


def display(path: Path) -> str:
    """A path as shown in messages: relative to the repository root when inside it."""
    try:
        return path.resolve().relative_to(paths.project_root()).as_posix()
    except (ValueError, FileNotFoundError):
        return path.as_posix()


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


#: The columns of a review file that correct an extracted figure.
_CORRECTED = ("low", "high", "qualifier", "metric", "kind", "claimant")
ROW_RULES: list[RowRule] = [
    RowRule(
        "low_not_above_high", ("low", "high"), "low", "low is above high",
        lambda d: ~(d["low"] > d["high"]), "`low` is not above `high`.",
    ),
    RowRule(
        "warring_party_matches_side", ("warring_party", "claimant_side"), "warring_party",
        "warring_party must be true exactly when claimant_side is ukraine, russia or dprk",
        lambda d: d["warring_party"].astype(bool)
        == d["claimant_side"].astype(object).isin(WARRING_SIDES),
        "`warring_party` is true exactly when `claimant_side` is `ukraine`, `russia` or `dprk`.",
    ),
    RowRule(
        "corrections_only_to_correct", ("status", *_CORRECTED), "status",
        "corrected values are given, but the status is not correct",
        lambda d: d["status"].eq("correct") | d[list(_CORRECTED)].isna().all(axis=1),
        "Corrected values (`low` … `claimant`) are given only with the status `correct`.",
    ),
    RowRule(
        "correct_gives_a_value", ("status", *_CORRECTED), "status",
        "the status is correct, but no corrected value is given",
        lambda d: ~d["status"].eq("correct") | d[list(_CORRECTED)].notna().any(axis=1),
        "A `correct` decision gives at least one corrected value.",
    ),
]  # fmt: skip


def rules_for(name: str, data_dir: str | os.PathLike | None = None) -> list[RowRule]:
    """The cross-field rules that apply to resource ``name`` (those whose columns it has)."""
    names = set(schema.columns(name, data_dir))
    return [r for r in ROW_RULES if set(r.columns) <= names]


# ----------------------------------------------------------------------------------- reading

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
        allowed = field.get("falseValues", ["false"]) + field.get("trueValues", ["true"])
        return f"{text!r} is not a boolean (use one of {allowed})"
    if field.get("format") == "uri":
        return f"{text!r} is not a web address (http:// or https://)"
    return f"{text!r} does not parse as {_TYPE_WORDS.get(kind, kind)}"


def _constraint_reason(field: dict, text: str, note: str) -> str:
    m = re.match(r'constraint "(\w+)"', note or "")
    which = m.group(1) if m else ""
    c, col = field.get("constraints", {}), field["name"]
    if which == "required":
        return f"missing {col} (required)"
    if which == "enum":
        return f"unknown {col} {text!r} (allowed: {', '.join(map(str, c['enum']))})"
    if which == "pattern":
        return f"{text!r} does not match the pattern {c['pattern']!r}"
    if which == "minimum":
        return f"{text} is below the minimum {c['minimum']}"
    if which == "maximum":
        return f"{text} is above the maximum {c['maximum']}"
    return f"{text!r} breaks the constraint {which or note}"


def _read_records(path: Path, shown: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and (first physical line, cells) of each record."""
    if not path.is_file():
        _raise([Problem(shown, None, None, "file not found")], f"cannot read {shown}")
    records: list[tuple[int, list[str]]] = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, strict=True)
        start = 1
        try:
            for cells in reader:
                records.append((start, cells))
                start = reader.line_num + 1
        except csv.Error as exc:
            _raise([Problem(shown, start, None, f"malformed CSV: {exc}")], f"cannot read {shown}")
        except UnicodeDecodeError as exc:
            _raise([Problem(shown, None, None, f"not UTF-8: {exc}")], f"cannot read {shown}")
    if not records:
        _raise([Problem(shown, 1, None, "empty file: no header")], f"cannot read {shown}")
    return records[0][1], records[1:]


def _frictionless_problems(
    path: Path, schema_: dict, shown: str, records: list[tuple[int, list[str]]]
) -> list[Problem]:
    """Every cell and row the Table Schema refuses (foreign keys aside), on physical lines."""
    import frictionless

    fields = schema_["fields"]
    by_name = {f["name"]: f for f in fields}
    line_of = {k + 2: line for k, (line, _) in enumerate(records)}  # row position -> line
    local = {k: v for k, v in schema_.items() if k != "foreignKeys"}
    res = frictionless.Resource(path=path.name, basepath=str(path.parent),
                                schema=frictionless.Schema.from_descriptor(local))
    problems = []
    for err in res.validate().flatten(["rowNumber", "fieldName", "type", "note", "cell"]):
        row, column, kind, note, cell = err
        line = line_of.get(row, row)
        if kind in ("missing-cell", "extra-cell", "blank-row", "primary-key") or line is None:
            continue  # ragged and blank rows are reported by :func:`load`; keys by unique-error
        text = "" if cell is None else str(cell)
        if kind == "type-error":
            reason = _type_reason(by_name[column], text)
        elif kind == "constraint-error":
            if len(records[row - 2][1]) != len(fields):
                continue  # a ragged row: reported once by load
            reason = _constraint_reason(by_name[column], text, note)
        elif kind == "unique-error":
            first = re.search(r"position (\d+)", note or "")
            at = line_of.get(int(first.group(1))) if first else None
            reason = f"duplicate {column} {text!r}" + (f" (first on line {at})" if at else "")
        else:
            reason = f"{kind}: {note}"
        problems.append(Problem(shown, line, column, reason))
    return problems


def _foreign_key_problems(
    schema_: dict, frame: pd.DataFrame, lines: np.ndarray, shown: str, base: Path
) -> list[Problem]:
    """Values of foreign-key columns that the referenced table does not hold."""
    problems = []
    for fk in schema_.get("foreignKeys", []):
        column = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
        ref = fk["reference"]
        ref_column = ref["fields"] if isinstance(ref["fields"], str) else ref["fields"][0]
        known = _values(ref["resource"], ref_column, str(base), _mtime(ref["resource"], base))
        for line, value in zip(lines, frame[column], strict=True):
            if isinstance(value, str) and value not in known:
                problems.append(Problem(shown, int(line), column,
                                        f"{value!r} is not a {ref_column} in {ref['resource']}"))
    return problems


def _mtime(name: str, base: Path) -> float:
    return (base / schema.resource(name, base)["path"]).stat().st_mtime


@lru_cache(maxsize=32)
def _values(name: str, column: str, base: str, mtime: float) -> frozenset[str]:
    """The values of a referenced table's column (read again when its file changes)."""
    return frozenset(load(name, data_dir=base)[column].dropna().astype(str))


def _typed_column(field: dict, values: list[str | None]) -> pd.Series | pd.Categorical:
    """One column of cells as text (None where missing or refused) in its schema's type."""
    kind = field.get("type", "string")
    c = field.get("constraints", {})
    if "enum" in c and kind in ("string", "any"):
        return pd.Categorical(values, categories=list(c["enum"]))
    if kind in ("number", "integer", "year"):
        nums = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce")
        return nums.astype("float64" if kind == "number" else "Int64").array
    if kind == "boolean":
        true = set(field.get("trueValues", ["true", "True", "TRUE", "1"]))
        flags = [None if v is None else v in true for v in values]
        return pd.array(flags, dtype="bool" if c.get("required") else "boolean")
    if kind == "date":
        days = pd.to_datetime(pd.Series(values, dtype=object), format="%Y-%m-%d", errors="coerce")
        return days.astype(DATE_DTYPE).array
    if kind == "datetime":
        return pd.to_datetime(pd.Series(values, dtype=object), utc=True, errors="coerce").array
    return pd.array(values, dtype="str")


def _check_header(header: list[str], names: list[str], shown: str) -> None:
    """Raise, naming what differs, unless ``header`` is the schema's columns in order."""
    if header == names:
        return
    lost = [n for n in names if n not in header]
    extra = [h for h in header if h not in names]
    reason = "header does not match the schema"
    reason += f"; missing column(s) {lost}" if lost else ""
    reason += f"; unexpected column(s) {extra}" if extra else ""
    reason += "" if lost or extra else f"; expected the order {names}"
    _raise([Problem(shown, 1, None, reason)], f"cannot load {shown}")


def load(
    name: str,
    *,
    strict: bool = True,
    data_dir: str | os.PathLike | None = None,
    path: str | os.PathLike | None = None,
) -> pd.DataFrame:
    """A table of the data package as a typed, validated frame (see the module docstring).

    ``path``: read this file with the table's schema instead of the package's file (a user's
    review file, say). ``df.attrs``: ``load_report`` (file, line, column, reason of each
    problem), ``rows_read`` (data rows in the file), ``lines`` (each row's line in the file) and
    ``source`` (the file). Problems with the
    file itself (missing, wrong header) raise in both modes.
    """
    base = schema.data_dir(data_dir)
    table = schema.resource(name, base)["schema"]
    fields = table["fields"]
    names = [f["name"] for f in fields]
    path = Path(path) if path is not None else base / schema.resource(name, base)["path"]
    shown = display(path)
    header, records = _read_records(path, shown)
    _check_header(header, names, shown)
    problems = []
    for line, cells in records:
        if not cells or all(c == "" for c in cells):
            problems.append(Problem(shown, line, None, "blank row"))
        elif len(cells) != len(names):
            problems.append(Problem(shown, line, None,
                                    f"expected {len(names)} values, found {len(cells)}"))
    problems += _frictionless_problems(path, table, shown, records)
    refused = {(p.line, p.column) for p in problems}
    missing = set(table.get("missingValues", [""]))
    lines = np.array([line for line, _ in records], dtype=int)
    cells = [c if len(c) == len(names) else [""] * len(names) for _, c in records]
    frame = pd.DataFrame({
        f["name"]: _typed_column(f, [
            None if row[i] in missing or (line, f["name"]) in refused else row[i]
            for (line, _), row in zip(records, cells, strict=True)
        ])
        for i, f in enumerate(fields)
    })  # fmt: skip
    problems += _foreign_key_problems(table, frame, lines, shown, base)
    clean = ~np.isin(lines, sorted({p.line for p in problems}))
    for rule in rules_for(name, base):
        ok = rule.ok(frame[clean]).to_numpy(dtype=bool)
        problems += [Problem(shown, int(n), rule.column, rule.reason) for n in lines[clean][~ok]]
    problems.sort(key=lambda p: (p.line or 0, names.index(p.column) if p.column in names else -1))
    if problems and strict:
        _raise(problems, f"invalid data in {shown}")
    keep = ~np.isin(lines, sorted({p.line for p in problems}))
    frame = frame[keep].reset_index(drop=True)
    frame.attrs["lines"] = lines[keep].tolist()
    frame.attrs["load_report"] = report_frame(problems)
    frame.attrs["rows_read"] = len(records)
    frame.attrs["source"] = shown
    return frame


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
    """``data/places.csv`` as a plain frame (``kursk.geo.load_places`` makes the points)."""
    return load("places", strict=strict, data_dir=data_dir)
