"""The allowed values of the claims enums, read once from ``data/schemas/claims.json``."""

from __future__ import annotations

import json
from functools import lru_cache

import pandas as pd

from kursk.paths import data_dir


@lru_cache(maxsize=8)
def allowed(field: str) -> tuple[str, ...]:
    """The enum of ``field`` (e.g. "qualifier", "metric") declared in the claims schema."""
    path = data_dir() / "schemas" / "claims.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    for f in schema["fields"]:
        if f["name"] == field:
            enum = f.get("constraints", {}).get("enum")
            if not enum:
                raise ValueError(f"{path}: field {field!r} has no enum constraint")
            return tuple(enum)
    raise KeyError(f"{path}: no field {field!r}")


def categorical(values: list[str] | pd.Series, field: str) -> pd.Categorical:
    """``values`` as a categorical whose categories are the schema's enum for ``field``."""
    cats = allowed(field)
    bad = sorted({v for v in values if v not in cats})
    if bad:
        raise ValueError(f"{field}: values {bad} are not in the schema enum {list(cats)}")
    return pd.Categorical(list(values), categories=list(cats))
