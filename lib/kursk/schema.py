"""The one reader of ``data/datapackage.json`` and its Table Schemas: resources, fields, allowed
values. Everything else asks here instead of reading the JSON itself."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from kursk import paths

#: Claimant sides that are parties to the war (Ukraine, Russia, North Korea): their rows are
#: flagged ``warring_party`` and their claims drawn with hollow markers.
WARRING_SIDES = frozenset({"ukraine", "russia", "dprk"})


def data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """``data_dir`` as a path, or the project's ``data/``."""
    return Path(data_dir) if data_dir is not None else paths.data_dir()


@lru_cache(maxsize=16)
def _package(path: str, mtime: float) -> dict:
    with open(path, encoding="utf-8") as f:
        pkg = json.load(f)
    base = Path(path).parent
    for res in [*pkg["resources"], *pkg.get("extraTables", [])]:
        if isinstance(res.get("schema"), str):
            res["schema_path"] = res["schema"]
            with open(base / res["schema"], encoding="utf-8") as f:
                res["schema"] = json.load(f)
    return pkg


def package(data_dir_: str | os.PathLike | None = None) -> dict:
    """The data package descriptor, each resource's ``schema`` read from its file (the file's
    path kept as ``schema_path``). Read once per change of the file; do not modify it."""
    path = data_dir(data_dir_) / "datapackage.json"
    return _package(str(path), path.stat().st_mtime)


def resources(data_dir_: str | os.PathLike | None = None, *, tables: bool = True) -> list[str]:
    """Names of the package's resources in order (only tables, those with a schema, by default)."""
    return [r["name"] for r in package(data_dir_)["resources"] if "schema" in r or not tables]


def resource(name: str, data_dir_: str | os.PathLike | None = None) -> dict:
    """One resource of the package (its ``schema`` a dict), or one of its ``extraTables``: tables
    outside the package that share its schemas' rules (a user's review file, the exported claims
    table)."""
    pkg = package(data_dir_)
    for res in [*pkg["resources"], *pkg.get("extraTables", [])]:
        if res["name"] == name:
            return res
    raise KeyError(f"no resource {name!r} in {data_dir(data_dir_) / 'datapackage.json'}")


def fields(name: str, data_dir_: str | os.PathLike | None = None) -> list[dict]:
    """The Table Schema fields of resource ``name``."""
    res = resource(name, data_dir_)
    if "schema" not in res:
        raise KeyError(f"resource {name!r} is not a table (no schema)")
    return res["schema"]["fields"]


def columns(name: str, data_dir_: str | os.PathLike | None = None) -> list[str]:
    """The column names of resource ``name``, in order."""
    return [f["name"] for f in fields(name, data_dir_)]


def field(name: str, column: str, data_dir_: str | os.PathLike | None = None) -> dict:
    """The Table Schema field ``column`` of resource ``name``."""
    for f in fields(name, data_dir_):
        if f["name"] == column:
            return f
    raise KeyError(f"resource {name!r} has no field {column!r}")


def allowed(name: str, column: str, data_dir_: str | os.PathLike | None = None) -> tuple[str, ...]:
    """The allowed values of an enum field, in the schema's order."""
    enum = field(name, column, data_dir_).get("constraints", {}).get("enum")
    if enum is None:
        raise KeyError(f"field {column!r} of {name!r} has no enum constraint")
    return tuple(enum)


def labels(name: str, column: str, data_dir_: str | os.PathLike | None = None) -> dict[str, str]:
    """Words for readers for each allowed value of an enum field (its ``enumLabels`` in the schema;
    the value itself where the schema gives none)."""
    given = field(name, column, data_dir_).get("enumLabels", {})
    return {v: given.get(v, v) for v in allowed(name, column, data_dir_)}
