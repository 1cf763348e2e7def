"""Distinct claims (one claimant's figure for one metric on one day) and who carried them."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import pandas as pd

from kursk import data, schema
from kursk.combine import day
from kursk.wording import day_label, figure_label

KEY = ["claimant", "metric", "low", "high", "claimed_on"]
#: How a figure without a named claimant is shown: never an origin of its own, never "nan".
UNNAMED = "unattributed"


def check(claims: pd.DataFrame, columns: Iterable[str], what: str = "claims") -> None:
    """Raise ``ValueError`` naming the columns ``claims`` lacks."""
    missing = [c for c in columns if c not in claims.columns]
    if missing:
        raise ValueError(f"{what} frame lacks columns {missing}")


@lru_cache(maxsize=1)
def _entity_info() -> pd.DataFrame:
    ents = data.load_entities()
    short = ents["aliases_en"].str.split("|").str[0].fillna("")
    ents["short"] = np.where(
        (short.str.len() > 0) & (short.str.len() < ents["name"].str.len()), short, ents["name"]
    )
    return ents.set_index("name")


def short_name(name: object) -> str:
    """A short display name for an entity (its first English alias when shorter)."""
    if not isinstance(name, str):
        return UNNAMED
    ents = _entity_info()
    return str(ents.at[name, "short"]) if name in ents.index else name


def claim_key(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with a ``claim_key`` column: claimant | metric | low | high | claimed_on."""
    check(claims, KEY)
    out = claims.copy()
    if out.empty:
        out["claim_key"] = pd.Series(dtype="string")
        return out
    out["claim_key"] = (
        out["claimant"].fillna(UNNAMED).astype(str)
        + " | " + out["metric"].fillna("?").astype(str)
        + " | " + out["low"].map(lambda v: f"{v:.0f}")
        + " | " + out["high"].map(lambda v: f"{v:.0f}")
        + " | " + day(out["claimed_on"]).dt.strftime("%Y-%m-%d")
    ).astype("string")
    return out


def label(row: pd.Series) -> str:
    """A claim as a label: "NIS: 11,000 sent to Russia (18 Oct 2024)"; a forecast or a figure
    for one period says so ("…, forecast or plan (19 Nov 2024)")."""
    who = short_name(row["claimant"])
    metric = schema.labels("claims", "metric").get(str(row["metric"]), str(row["metric"]))
    kind = str(row.get("kind", ""))
    note = f", {schema.labels('claims', 'kind')[kind]}" if kind in ("forecast", "period", "partial") else ""
    return f"{who}: {figure_label(row['low'], row['high'])} {metric}{note} ({day_label(row['claimed_on'])})"


def distinct_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct claim: key, claimant, side, metric, figure, date, label, reports.

    A forecast or a one-period figure (``kind``) says so in its label: "…, forecast (19 Nov 2024)".
    """
    c = claim_key(claims)
    c["published_on"] = day(c["published_on"])
    c["claimed_on"] = day(c["claimed_on"])
    if "kind" not in c.columns:
        c["kind"] = pd.NA
    c["kind"] = c["kind"].astype(object)
    g = c.sort_values(["published_on", "claim_id"]).groupby("claim_key", sort=False)
    out = g.agg(
        claimant=("claimant", "first"),
        kind=("kind", "first"),
        claimant_side=("claimant_side", "first"),
        metric=("metric", "first"),
        low=("low", "first"),
        high=("high", "first"),
        claimed_on=("claimed_on", "first"),
        n_reports=("claim_id", "size"),
        n_outlets=("outlet", "nunique"),
        first_published_on=("published_on", "min"),
    ).reset_index()
    out["label"] = out.apply(label, axis=1).astype("string")
    return out.sort_values(["claimed_on", "claimant", "metric", "low"], na_position="last",
                           ignore_index=True)


def focus(claims: pd.DataFrame, min_outlets: int = 2) -> pd.DataFrame:
    """Claims carried by at least ``min_outlets`` outlets, plus every claim from loaded articles."""
    c = claim_key(claims)
    n = c.groupby("claim_key")["outlet"].transform("nunique")
    mine = c["origin"].astype(str).eq("extracted") if "origin" in c.columns else False
    keys = set(c.loc[mine, "claim_key"]) if "origin" in c.columns else set()
    keep = (n >= min_outlets) | c["claim_key"].isin(keys)
    return claims[keep.to_numpy()]


def claim_matrix(claims: pd.DataFrame, *, values: str = "qualifier") -> pd.DataFrame:
    """Outlets × distinct claims: the qualifier(s) each outlet used, or report counts (``count``)."""
    if values not in ("qualifier", "count"):
        raise ValueError(f"values must be 'qualifier' or 'count', not {values!r}")
    c = claim_key(claims)
    d = distinct_claims(claims)
    labels = dict(zip(d["claim_key"], d["label"], strict=True))
    order = [labels[k] for k in d["claim_key"]]
    c["label"] = c["claim_key"].map(labels)
    first = c.assign(p=day(c["published_on"])).groupby("outlet")["p"].min().sort_values()
    if values == "count":
        m = pd.crosstab(c["outlet"], c["label"])
    else:
        m = c.groupby(["outlet", "label"])["qualifier"].agg(
            lambda q: " / ".join(sorted(set(q.dropna().astype(str))))
        ).unstack("label")
    m = m.reindex(index=first.index.tolist(), columns=order)
    m.index.name, m.columns.name = "outlet", "claim"
    return m.fillna(0).astype("int64") if values == "count" else m.astype("string")
