"""One claims frame from the curated figures and the figures extracted from articles.

:func:`combine_claims` is the only place where the two meet. Its frame has the columns of
:data:`CLAIM_COLUMNS`: the curated schema's (``claim_id`` … ``cited_via``), then ``origin``
(``curated`` or ``extracted``), ``article_id``, ``hedged``, ``review`` (``curated``, or for an
extracted figure the reviewer's ``accepted``, ``corrected``, ``rejected``, else
``unreviewed``), ``confidence`` and ``sentence`` (extracted figures), and ``finding``. Names of
outlets and claimants are canonical (``data/entities.csv``), dates are day timestamps.

Nothing a machine read becomes a finding before it is trustworthy or reviewed: ``finding`` is
true for curated figures, and for extracted ones accepted or corrected by a reviewer, or
unreviewed with a confidence at or above the threshold (never for rejected ones). Analyses that
state findings (:mod:`kursk.estimates`, :mod:`kursk.sources`, chart titles) take
:func:`findings`; :func:`to_review` lists the rest of the extracted figures apart.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from kursk import data, entities, schema
from kursk.claims import DEFAULT_THRESHOLD

CURATED_COLUMNS = ["claim_id", "claimed_on", "claimant", "claimant_side", "warring_party",
                   "metric", "low", "high", "qualifier", "kind", "outlet", "url", "language",
                   "published_on", "cited_via"]  # fmt: skip
CLAIM_COLUMNS = [*CURATED_COLUMNS, "origin", "article_id", "hedged", "review", "confidence",
                 "sentence", "finding"]  # fmt: skip
ORIGINS = ["curated", "extracted"]
REVIEWS = ["curated", "accepted", "corrected", "rejected", "unreviewed"]
ENUMS = ("claimant_side", "metric", "qualifier", "kind")


def day(values) -> pd.Series:
    """Dates or timestamps as days without time zone (an aware timestamp's UTC day)."""
    s = pd.to_datetime(pd.Series(values), utc=True)
    return s.dt.tz_localize(None).dt.normalize()


@lru_cache(maxsize=4096)
def canonical(name: object) -> str | None:
    """The canonical entity name for ``name`` (exact aliases only), else the name itself."""
    if not isinstance(name, str) or not name.strip():
        return None
    hit = entities.resolve(name, fuzzy=False)
    return hit if hit is not None else name.strip()


def _curated(claims: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in CURATED_COLUMNS if c not in claims.columns]
    if missing:
        raise ValueError(f"curated claims frame lacks columns {missing}")
    out = claims[CURATED_COLUMNS].copy()
    out["origin"] = "curated"
    out["article_id"] = pd.NA
    out["hedged"] = out["qualifier"].astype("string") != "exact"
    out["review"] = "curated"
    out["confidence"] = np.nan
    out["sentence"] = pd.NA
    return out


def _side_of() -> dict[str, str]:
    ents = data.load_entities()
    return {n: s for n, s in zip(ents["name"], ents["side"], strict=True) if isinstance(s, str)}


def _extracted(ext: pd.DataFrame) -> pd.DataFrame:
    """Extracted figures (``kursk.claims.claims_from_articles``) on the curated columns."""
    for column in ("metric", "qualifier", "kind"):
        unknown = sorted(set(ext[column].dropna().astype(str)) - set(schema.allowed("claims", column)))
        if unknown:
            raise ValueError(f"extracted claims: unknown {column} {unknown}")
    claimant = ext["claimant"].astype(object).where(ext["claimant"].astype(str).str.strip() != "")
    side = claimant.map(_side_of()).where(claimant.notna())
    side = side.where(side.notna() | claimant.isna(), "other")
    published = day(pd.to_datetime(ext["published"], utc=True))
    return pd.DataFrame({
        "claim_id": ext["claim_id"].astype(str), "claimed_on": published, "claimant": claimant,
        "claimant_side": side, "warring_party": side.isin(schema.WARRING_SIDES),
        "metric": ext["metric"].astype(object), "low": ext["value_low"].astype("float64"),
        "high": ext["value_high"].astype("float64"), "qualifier": ext["qualifier"].astype(object),
        "kind": ext["kind"].astype(object), "outlet": ext["outlet"], "url": ext["url"],
        "language": ext["lang"].astype(object), "published_on": published,
        "cited_via": ext["cited_via"] if "cited_via" in ext else pd.NA,
        "origin": "extracted", "article_id": ext["article_id"].astype(str),
        "hedged": ext["hedged"].astype(bool),
        "review": ext["review"] if "review" in ext else "unreviewed",
        "confidence": ext["confidence"].astype("float64"), "sentence": ext["sentence"],
    }, index=ext.index)  # fmt: skip


def _typed(out: pd.DataFrame) -> pd.DataFrame:
    for column in ("claim_id", "claimant", "outlet", "url", "cited_via", "article_id", "sentence"):
        out[column] = out[column].astype("string")
    out["outlet"] = out["outlet"].map(canonical).astype("string")
    out["claimant"] = out["claimant"].map(canonical).astype("string")
    for column in ("claimed_on", "published_on"):
        out[column] = day(out[column])
    out["low"] = out["low"].astype("float64")
    out["high"] = out["high"].astype("float64").fillna(out["low"])
    out["warring_party"] = out["warring_party"].astype(bool)
    out["hedged"] = out["hedged"].astype(bool)
    for column in ENUMS:
        out[column] = pd.Categorical(out[column].astype(object),
                                     categories=schema.allowed("claims", column))
    out["language"] = out["language"].astype("string")
    out["origin"] = pd.Categorical(out["origin"], categories=ORIGINS)
    out["review"] = pd.Categorical(out["review"], categories=REVIEWS)
    return out


def combine_claims(
    curated: pd.DataFrame,
    extracted: pd.DataFrame | None = None,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: int = 45,
) -> pd.DataFrame:
    """Curated and extracted claims in one frame (:data:`CLAIM_COLUMNS`).

    ``extracted``: :func:`kursk.claims.claims_from_articles`, with a reviewer's decisions applied
    by :func:`kursk.review.apply_reviews` (its ``review`` column; figures without one are
    unreviewed). ``finding`` follows the rule in the module docstring, with ``threshold`` the
    confidence an unreviewed figure needs. An extracted figure is dated by the latest curated claim of the same claimant
    and figure made up to ``window_days`` before its article appeared (preferring the same
    metric), so that it joins the claim it reports; otherwise by its article's date.
    """
    frames = [_curated(curated)]
    if extracted is not None and len(extracted):
        frames.append(_extracted(extracted))
    out = _typed(pd.concat(frames, ignore_index=True))
    out["finding"] = is_finding(out["review"], out["confidence"], threshold)
    out = out[CLAIM_COLUMNS].reset_index(drop=True)
    cur = out[out["origin"] == "curated"]
    for i in out.index[out["origin"] == "extracted"]:
        row = out.loc[i]
        if pd.isna(row["claimant"]):
            continue
        cand = cur[(cur["claimant"] == row["claimant"]) & (cur["low"] == row["low"])
                   & (cur["high"] == row["high"]) & (cur["claimed_on"] <= row["published_on"])
                   & (cur["claimed_on"] >= row["published_on"] - pd.Timedelta(days=window_days))]
        if len(cand):
            same = cand[cand["metric"] == row["metric"]]
            out.at[i, "claimed_on"] = (same if len(same) else cand)["claimed_on"].max()
    return out


def is_finding(review: pd.Series, confidence: pd.Series,
               threshold: float = DEFAULT_THRESHOLD) -> pd.Series:  # fmt: skip
    """The rule of the module docstring, per figure: curated, accepted or corrected; or
    unreviewed with ``confidence`` at or above ``threshold``."""
    status = review.astype(str)
    return status.isin(["curated", "accepted", "corrected"]) | (
        status.eq("unreviewed") & (confidence >= threshold))


def claims_table(claims: pd.DataFrame) -> pd.DataFrame:
    """The combined claims as the table ``make report`` writes (``reports/claims.csv`` and
    ``.xlsx``, described in ``data/README.md``): the columns of the ``claims_export`` schema,
    curated rows first, then extracted ones, each by date; a figure without a named claimant is
    ``unattributed``."""
    out = claims.assign(claimant=claims["claimant"].astype("string").fillna("unattributed"))
    out = out.sort_values(["origin", "claimed_on", "claim_id"], kind="stable")
    return out[schema.columns("claims_export")].reset_index(drop=True)


def findings(claims: pd.DataFrame) -> pd.DataFrame:
    """The rows of a combined claims frame that count as findings (``finding`` true)."""
    return claims[claims["finding"].to_numpy(dtype=bool)]


def to_review(claims: pd.DataFrame) -> pd.DataFrame:
    """Extracted figures that are not findings and not rejected: unreviewed, below the
    confidence threshold. Least confident first."""
    rows = claims[~claims["finding"].to_numpy(dtype=bool)
                  & claims["review"].astype(str).eq("unreviewed").to_numpy(dtype=bool)]
    return rows.sort_values(["confidence", "claim_id"], kind="stable")


def match_extracted(claims: pd.DataFrame, *, days: int = 3) -> pd.DataFrame:
    """Each extracted claim with the curated claims of the same metric and figure near its date.

    A curated claim matches when metric, ``low`` and ``high`` are equal and it was claimed up to
    ``days`` days before (or on) the article's date. Adds ``matches`` and ``matched_ids``.
    """
    ext = claims[claims["origin"] == "extracted"]
    cur = claims[claims["origin"] == "curated"]
    keys = ["metric", "low", "high"]
    pairs = ext.reset_index().merge(cur[[*keys, "claim_id", "claimed_on"]], on=keys, how="left",
                                    suffixes=("", "_curated"))
    gap = (pairs["published_on"] - pairs["claimed_on_curated"]).dt.days
    pairs = pairs[gap.between(0, days)]
    found = pairs.groupby("index")["claim_id_curated"].agg(
        matches="size", matched_ids=lambda s: ", ".join(sorted(s)))
    out = ext.join(found)
    out["matches"] = out["matches"].fillna(0).astype("int64")
    out["matched_ids"] = out["matched_ids"].fillna("").astype("str")
    return out.reset_index(drop=True)


def between(claims: pd.DataFrame, start: str | None, end: str | None) -> pd.DataFrame:
    """Claims published from ``start`` to ``end`` (inclusive dates)."""
    pub = day(claims["published_on"])
    keep = pd.Series(True, index=claims.index)
    if start:
        keep &= pub >= pd.Timestamp(start)
    if end:
        keep &= pub <= pd.Timestamp(end)
    return claims[keep]
