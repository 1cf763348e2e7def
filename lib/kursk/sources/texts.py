"""The loaded articles among the reports: their figures, near-duplicate copies, what came first."""

from __future__ import annotations

import re

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

from kursk.combine import canonical, day
from kursk.sources.distinct import UNNAMED, check
from kursk.wording import figure_label

_WORDS = re.compile(r"\w+")


def article_claims(
    articles: pd.DataFrame, extracted: pd.DataFrame, claims: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each article's figures, the other articles/outlets carrying the same figure, its hedging.

    A figure is shared when another article has the same claimant (or none), metric and value;
    with curated ``claims``, ``in_claims_outlets`` lists the outlets there with the same metric
    and value (and claimant, when the article names one).

    ``claims`` (optional): the combined claims (:func:`kursk.combine.combine_claims`), of which
    only the curated rows are used.
    """
    check(extracted, ["article_id", "claimant", "metric", "value_low", "value_high",
                       "qualifier", "hedged"], "extracted")
    ex = extracted[extracted["article_id"].isin(articles["article_id"])].copy()
    outlet = dict(zip(articles["article_id"], articles["outlet"].map(canonical), strict=True))
    ex["outlet"] = ex["article_id"].map(outlet).astype("string")
    ex["value_high"] = ex["value_high"].fillna(ex["value_low"])
    ex["claimant"] = ex["claimant"].map(canonical).astype("string")
    key = ["claimant", "metric", "value_low", "value_high"]
    ex["figure_key"] = [
        f"{c if isinstance(c, str) else UNNAMED} | {m} | {lo:.0f} | {hi:.0f}"
        for c, m, lo, hi in zip(*(ex[k] for k in key), strict=True)
    ]
    groups = ex.groupby("figure_key")
    arts = groups["article_id"].agg(lambda s: sorted(set(s)))
    outs = groups["outlet"].agg(lambda s: sorted(set(s.dropna())))
    pairs = list(zip(ex["figure_key"], ex["article_id"], ex["outlet"], strict=True))
    ex["n_shared"] = [len(arts[k]) - 1 for k, _, _ in pairs]
    ex["shared_with_articles"] = [", ".join(a for a in arts[k] if a != aid) for k, aid, _ in pairs]
    ex["shared_with_outlets"] = [", ".join(o for o in outs[k] if o != own) for k, _, own in pairs]
    ex["article_share_hedged"] = ex.groupby("article_id")["hedged"].transform(
        lambda s: s.astype("boolean").fillna(False).astype(bool).mean()
    )
    cols = ["article_id", "outlet", "claimant", "metric", "value_low", "value_high", "qualifier",
            "hedged", "n_shared", "shared_with_articles", "shared_with_outlets",
            "article_share_hedged"]
    if claims is not None:
        cur = claims[claims["origin"].astype(str).eq("curated")]
        found = []
        for who, m, lo, hi in zip(*(ex[k] for k in key), strict=True):
            hit = cur[(cur["metric"].astype(str) == str(m)) & (cur["low"] == lo)
                      & (cur["high"] == hi)]
            if isinstance(who, str):
                hit = hit[hit["claimant"] == who]
            found.append(", ".join(sorted(set(hit["outlet"].dropna()))))
        ex["in_claims_outlets"] = found
        cols.append("in_claims_outlets")
    return ex[cols].sort_values(["article_id", "metric", "value_low"], ignore_index=True)


def shingles(articles: pd.DataFrame, k: int = 5) -> sparse.csr_matrix:
    """Binary article × shingle matrix (scipy sparse) of lower-cased word ``k``-grams."""
    vocab: dict[tuple[str, ...], int] = {}
    rows, cols = [], []
    for i, text in enumerate(articles["text"].fillna("").astype(str)):
        words = _WORDS.findall(text.lower())
        ids = {vocab.setdefault(tuple(words[j: j + k]), len(vocab))
               for j in range(len(words) - k + 1)}
        rows.extend([i] * len(ids))
        cols.extend(sorted(ids))
    data = np.ones(len(rows), dtype="int64")
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(articles), len(vocab)))


def near_duplicates(articles: pd.DataFrame, threshold: float = 0.8) -> pd.DataFrame:
    """Pairs of articles whose word 5-gram shingle sets have a Jaccard similarity ≥ ``threshold``."""
    cols = ["article_id_a", "article_id_b", "outlet_a", "outlet_b", "jaccard"]
    if len(articles) < 2:
        return pd.DataFrame(columns=cols)
    m = shingles(articles)
    sizes = np.asarray(m.sum(axis=1)).ravel()
    inter = (m @ m.T).tocoo()
    keep = inter.row < inter.col
    i, j, n = inter.row[keep], inter.col[keep], inter.data[keep]
    jac = n / (sizes[i] + sizes[j] - n)
    hit = jac >= threshold
    ids = articles["article_id"].to_numpy()
    outs = articles["outlet"].to_numpy()
    out = pd.DataFrame({
        "article_id_a": ids[i[hit]], "article_id_b": ids[j[hit]],
        "outlet_a": outs[i[hit]], "outlet_b": outs[j[hit]], "jaccard": jac[hit].round(3),
    }, columns=cols)
    return out.sort_values(["jaccard", "article_id_a", "article_id_b"],
                           ascending=[False, True, True], ignore_index=True)


def dedupe_articles(articles: pd.DataFrame, threshold: float = 0.8) -> pd.DataFrame:
    """One article per near-duplicate cluster (the earliest), with ``copies`` and ``cluster``."""
    pairs = near_duplicates(articles, threshold)
    g = nx.Graph()
    g.add_nodes_from(articles["article_id"])
    g.add_edges_from(zip(pairs["article_id_a"], pairs["article_id_b"], strict=True))
    cluster = {}
    for comp in nx.connected_components(g):
        name = min(comp)
        for a in comp:
            cluster[a] = name
    out = articles.copy()
    out["cluster"] = out["article_id"].map(cluster).astype("string")
    out["copies"] = out.groupby("cluster")["article_id"].transform("size").astype("int64")
    out = out.sort_values(["published", "article_id"], na_position="last")
    return out.drop_duplicates("cluster").sort_index()


def place_article(
    article_id: str,
    articles: pd.DataFrame,
    extracted: pd.DataFrame,
    claims: pd.DataFrame,
) -> pd.DataFrame:
    """For one article's figures: curated reports of the same metric and overlapping value earlier.

    Earlier means published on or before the article's date (``same_day`` flags ties, whose order
    is unknown). Columns name the first earlier report (outlet, date, claimant, url) and count all.

    ``claims``: the combined claims (:func:`kursk.combine.combine_claims`); only the curated
    rows count as earlier reports.
    """
    if article_id not in set(articles["article_id"]):
        raise KeyError(f"article {article_id!r} is not in the articles frame")
    art = articles[articles["article_id"] == article_id].iloc[0]
    published = day(pd.Series([art["published"]])).iloc[0]
    figs = extracted[(extracted["article_id"] == article_id) & extracted["value_low"].notna()]
    cur = claims[claims["origin"].astype(str).eq("curated")]
    rows = []
    for f in figs.itertuples(index=False):
        lo, hi = f.value_low, f.value_high if pd.notna(f.value_high) else f.value_low
        prior = cur[(cur["metric"] == f.metric) & (cur["low"] <= hi) & (cur["high"] >= lo)
                    & (cur["published_on"] <= published)].sort_values(["published_on", "claim_id"])
        first = prior.iloc[0] if len(prior) else None
        rows.append({
            "figure": figure_label(lo, hi), "metric": f.metric, "qualifier": f.qualifier,
            "claimant": canonical(f.claimant) if pd.notna(f.claimant) else pd.NA,
            "already_reported": len(prior) > 0, "n_earlier_reports": len(prior),
            "n_earlier_outlets": prior["outlet"].nunique(),
            "first_outlet": first["outlet"] if first is not None else pd.NA,
            "first_published_on": first["published_on"] if first is not None else pd.NaT,
            "first_claimant": first["claimant"] if first is not None else pd.NA,
            "first_url": first["url"] if first is not None else pd.NA,
            "same_day": bool(first is not None and first["published_on"] == published),
            "earlier_outlets": ", ".join(sorted(set(prior["outlet"]))),
        })
    cols = ["figure", "metric", "qualifier", "claimant", "already_reported", "n_earlier_reports",
            "n_earlier_outlets", "first_outlet", "first_published_on", "first_claimant",
            "first_url", "same_day", "earlier_outlets"]
    return pd.DataFrame(rows, columns=cols)
