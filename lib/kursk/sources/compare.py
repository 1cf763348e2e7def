"""Comparisons across reports: independent origins, drift of one origin's figure, timing, hedging."""

from __future__ import annotations

import pandas as pd

from kursk import schema
from kursk.combine import day
from kursk.sources.citations import chains
from kursk.sources.distinct import check, claim_key, distinct_claims
from kursk.wording import day_label, figure_label


def corroboration(claims: pd.DataFrame, *, level: str = "claim") -> pd.DataFrame:
    """Per distinct claim (or per figure: metric and value), reports vs independent origins.

    Columns: label, n_reports, n_outlets, n_channels (first-hand reporters), n_origins (distinct
    claimant and date), origins, channels. Many reports over one origin is circular reporting. A
    figure without a named claimant is no origin of its own: it counts as a report, not an origin.
    """
    if level not in ("claim", "figure"):
        raise ValueError(f"level must be 'claim' or 'figure', not {level!r}")
    c = chains(claims)
    c["origin_id"] = (c["claimant"].astype(str) + " ("
                      + day(c["claimed_on"]).map(day_label) + ")").where(c["claimant"].notna())
    if level == "claim":
        d = distinct_claims(claims).set_index("claim_key")
        keys = ["claim_key"]
    else:
        c["figure"] = c["metric"].fillna("?").astype(str) + " " + [
            figure_label(lo, hi) for lo, hi in zip(c["low"], c["high"], strict=True)
        ]
        keys = ["metric", "low", "high"]
    g = c.groupby(keys, dropna=False)
    out = g.agg(
        n_reports=("claim_id", "size"),
        n_outlets=("outlet", "nunique"),
        n_channels=("channel", "nunique"),
        n_origins=("origin_id", "nunique"),
        origins=("origin_id", lambda s: "; ".join(sorted(set(s.dropna())))),
        channels=("channel", lambda s: ", ".join(sorted(set(s.dropna())))),
    ).reset_index()
    if level == "claim":
        out.insert(1, "label", out["claim_key"].map(d["label"]))
        out = out.merge(d[["claimed_on"]], left_on="claim_key", right_index=True)
        out = out.sort_values(["n_reports", "claimed_on", "label"], ascending=[False, True, True])
        out = out.drop(columns="claimed_on")
    else:
        out.insert(0, "label", [f"{figure_label(lo, hi)} {schema.labels('claims', 'metric').get(m, m)}"
                                for m, lo, hi in zip(out["metric"], out["low"], out["high"],
                                                     strict=True)])
        out = out.sort_values(["n_reports", "metric", "low"], ascending=[False, True, True])
    return out.reset_index(drop=True)


def drift(claims: pd.DataFrame, *, max_ratio: float = 1.5) -> pd.DataFrame:
    """The same origin reported with a different figure, qualifier or metric, both versions listed.

    Versions of one origin (claimant, claimed_on) are compared when they share the figure, or
    share the metric with figures at most ``max_ratio`` apart (further apart they are different
    facts from one briefing); ``change`` says what differs. Version a is the one reported first.
    """
    c = claims.copy()
    c = c[c["claimant"].notna()].sort_values(["published_on", "claim_id"])
    ver = ["metric", "low", "high", "qualifier"]
    cols = ["claimant", "claimed_on", "change"] + [
        f"{f}_{s}" for s in ("a", "b")
        for f in ("outlet", "figure", "qualifier", "metric", "published_on", "url", "n_reports")
    ]
    rows = []
    for (claimed, who), grp in c.groupby(["claimed_on", "claimant"], sort=True):
        versions = grp.groupby(ver, sort=False, dropna=False)
        firsts = versions.head(1).assign(n=versions["claim_id"].transform("size"))
        firsts = firsts.reset_index(drop=True)
        for i in range(len(firsts)):
            for j in range(i + 1, len(firsts)):
                a, b = firsts.iloc[i], firsts.iloc[j]
                same_metric = a["metric"] == b["metric"]
                same_fig = (a["low"], a["high"]) == (b["low"], b["high"])
                spread = max(a["high"], b["high"]) / max(min(a["low"], b["low"]), 1.0)
                if not (same_fig or (same_metric and spread <= max_ratio)):
                    continue  # two different facts from one briefing
                change = [name for name, differs in (
                    ("figure", not same_fig), ("qualifier", a["qualifier"] != b["qualifier"]),
                    ("metric", not same_metric)) if differs]
                rows.append([who, claimed, " + ".join(change)] + [
                    x for r in (a, b) for x in (
                        r["outlet"], figure_label(r["low"], r["high"]), r["qualifier"], r["metric"],
                        r["published_on"], r["url"], int(r["n"]))
                ])
    return pd.DataFrame(rows, columns=cols)


def timing(claims: pd.DataFrame) -> pd.DataFrame:
    """Per distinct claim and outlet: its first report, the claim's first outlet, delay in days.

    ``n_first_day`` counts the outlets that carried the claim on its first day; among them
    ``first_outlet`` is only the first by claim id, as reports of one day cannot be ordered.
    """
    c = claim_key(claims)
    c["published_on"] = day(c["published_on"])
    first_by_outlet = (
        c.sort_values(["published_on", "claim_id"])
        .groupby(["claim_key", "outlet"], sort=False)
        .head(1)
    )
    d = distinct_claims(claims).set_index("claim_key")
    extra = [col for col in ("origin", "article_id") if col in c.columns]
    out = first_by_outlet[["claim_key", "outlet", "published_on", "url", *extra]].copy()
    first = out.groupby("claim_key").head(1).set_index("claim_key")
    out["label"] = out["claim_key"].map(d["label"])
    out["claimed_on"] = out["claim_key"].map(d["claimed_on"])
    out["first_outlet"] = out["claim_key"].map(first["outlet"])
    out["first_published_on"] = out["claim_key"].map(first["published_on"])
    out["delay_days"] = (out["published_on"] - out["first_published_on"]).dt.days.astype("int64")
    out["rank"] = out.groupby("claim_key").cumcount() + 1
    # reports of one day cannot be ordered: how many outlets share the first day
    first_day = out["delay_days"].eq(0)
    out["n_first_day"] = first_day.groupby(out["claim_key"]).transform("sum").astype("int64")
    out = out.sort_values(["claimed_on", "claim_key", "rank"], ignore_index=True)
    front = ["claim_key", "label", "claimed_on", "rank", "outlet", "published_on", "delay_days",
             "first_outlet", "first_published_on", "n_first_day", "url"]
    return out[front + [c for c in out.columns if c not in front]]


def hedging_rates(claims: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """Share of figures hedged (a qualifier, or a hedged sentence) and with a named claimant."""
    if by not in ("outlet", "language"):
        raise ValueError(f"by must be 'outlet' or 'language', not {by!r}")
    c = claims.copy()
    if by == "language" and "language" not in c.columns and "lang" in c.columns:
        c["language"] = c["lang"]
    check(c, [by, "claimant", "qualifier"])
    hedged = c["qualifier"].astype("string").fillna("exact") != "exact"
    if "hedged" in c.columns:  # the extractor's flag: modal or reported speech in the sentence
        hedged = hedged | c["hedged"].astype("boolean").fillna(False)
    named = c["claimant"].astype("string").fillna("").str.strip().ne("")
    t = pd.DataFrame({by: c[by], "hedged": hedged.astype(bool), "named": named.astype(bool)})
    out = t.groupby(by, dropna=False).agg(
        n_figures=("hedged", "size"), share_hedged=("hedged", "mean"), share_named=("named", "mean")
    )
    return out.sort_values(["n_figures", by], ascending=[False, True]).reset_index()
