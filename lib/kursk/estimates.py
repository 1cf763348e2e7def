"""How many soldiers, according to whom: the latest figure per side, the spread between sides, and
the widest gap between sides in the same weeks.

Each function takes a claims frame (curated rows of ``kursk.data.load_claims``, or the combined
frame of :func:`kursk.combine.combine_claims`) and returns a frame. They use counts only (column
``kind``: ``count``) unless asked to include forecasts and plans (``include_forecasts=True``).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

#: The ``kind`` a figure must have to count in the summaries by default (see :func:`counts`).
COUNT = "count"


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
