"""Compare reporting across sources: who carried which claim, who cited whom, drift and timing.

The functions take a claims frame and/or the articles frame, and return a frame or a
``networkx.DiGraph``; they compose with ``.pipe``. The claims frame is the one
:func:`combine_claims` returns: ``combine_claims(curated)`` for the curated rows of
``data/claims.csv`` alone (``curated = kursk.data.load("claims")``), or
``combine_claims(curated, extracted, articles)`` to add the figures extracted from your own
articles. It has the columns of :data:`CLAIM_COLUMNS`, among them ``published_on``,
``language`` and ``cited_via``, and canonical outlet and claimant names. The frame
:func:`kursk.data.all_claims` returns is not a substitute: it lacks ``published_on``,
``language`` and ``cited_via``, so ``distinct_claims(kursk.data.all_claims(...))`` raises
``KeyError: 'published_on'``.

A *distinct claim* is one (claimant, metric, low, high, claimed_on). An *origin* is the claimant
and the date of the claim (one briefing, interview or statement). A *channel* is the outlet that
heard the claim first-hand on a report's chain (the cited agency, or the outlet itself when it
cites nobody).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import networkx as nx
import numpy as np
import pandas as pd
from scipy import sparse

#: Columns every claims frame must have (curated schema; extracted rows are mapped onto it).
CLAIM_COLUMNS = [
    "claim_id",
    "claimed_on",
    "claimant",
    "claimant_side",
    "metric",
    "low",
    "high",
    "qualifier",
    "outlet",
    "url",
    "language",
    "published_on",
    "cited_via",
]
KEY = ["claimant", "metric", "low", "high", "claimed_on"]
METRIC_LABELS = {
    "deployed": "deployed",
    "in_kursk": "in Kursk",
    "at_border": "at the border",
    "killed": "killed",
    "wounded": "wounded",
    "casualties": "casualties",
    "captured": "captured",
    "additional_deployed": "more sent",
}
UNNAMED = "(no named claimant)"

#: Words that mark a sentence as attributing information to the outlet it names.
ATTRIBUTION_CUES = re.compile(
    r"berichte|zufolge|\blaut\b|gegenüber|beruf|Berufung|Interview|sagte|meldete|nach Angaben"
    r"|Medienbericht|according to|\btold\b|report|\bcit(?:ed|ing)\b|interview|\bsaid\b|quoted"
    r"|сообщ|по данным|заяви|интервью|повідом|за даними|інтерв|따르면|보도|인터뷰"
    r"|selon|entretien|según|entrevista",
    re.IGNORECASE,
)
_CLAIMANT_TYPES = ("person", "organisation", "group")
_WORDS = re.compile(r"\w+")


# --------------------------------------------------------------------------- claims frames


def _check(claims: pd.DataFrame, columns: Iterable[str], what: str = "claims") -> None:
    missing = [c for c in columns if c not in claims.columns]
    if missing:
        raise ValueError(f"{what} frame lacks columns {missing}")


def _date(s: pd.Series) -> pd.Series:
    return pd.to_datetime(s).dt.normalize().dt.tz_localize(None) if len(s) else s


@lru_cache(maxsize=4096)
def _canonical(name: object) -> str | None:
    """Canonical entity name for ``name`` (exact aliases only), else the name itself."""
    from kursk.entities import resolve

    if not isinstance(name, str) or not name.strip():
        return None
    hit = resolve(name, fuzzy=False)
    return hit if hit is not None else name.strip()


@lru_cache(maxsize=1)
def _entity_info() -> pd.DataFrame:
    from kursk.entities import load_entities

    ents = load_entities()
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


def normalise(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with canonical outlet names, dates as datetimes, ``hedged`` and ``origin`` filled.

    ``claims`` needs the columns of :data:`CLAIM_COLUMNS` (the curated table has them; the frame
    from :func:`kursk.data.all_claims` does not). :func:`combine_claims` calls this for you.
    """
    _check(claims, CLAIM_COLUMNS)
    out = claims.copy()
    out["outlet"] = out["outlet"].map(_canonical).astype("string")
    out["claimant"] = out["claimant"].map(_canonical).astype("string")
    for col in ("claimed_on", "published_on"):
        out[col] = _date(out[col])
    if "hedged" not in out.columns:
        out["hedged"] = out["qualifier"].astype("string") != "exact"
    if "origin" not in out.columns:
        out["origin"] = "curated"
    if "article_id" not in out.columns:
        out["article_id"] = pd.NA
    out["low"] = out["low"].astype("float64")
    out["high"] = out["high"].astype("float64").fillna(out["low"])
    return out


def _cited_in_text(extracted: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """Per extracted figure, the outlet its article credits for it.

    That is an outlet named with an attribution cue in the figure's sentence or the one before,
    else the outlet the article credits earlier for statements of the figure's claimant.
    """
    from kursk import articles as art
    from kursk.claims.extract import article_text

    out = pd.Series(pd.NA, index=extracted.index, dtype="string")
    arts = articles[articles["article_id"].isin(extracted["article_id"])]
    if arts.empty:
        return out
    # the extractor's offsets index title + lead + text: read sentences from the same string
    full = arts.assign(text=[article_text(r) for r in arts.to_dict("records")])
    sents = art.sentences(full)
    att = attributions(full, sentences=sents)
    for i, aid, start, who in zip(extracted.index, extracted["article_id"], extracted["start"],
                                  extracted["claimant"], strict=True):
        here = sents[(sents["article_id"] == aid) & (sents["start"] <= start)
                     & (sents["end"] > start)]
        if here.empty:
            continue
        n = int(here["sentence_no"].iloc[0])
        before = att[(att["article_id"] == aid) & (att["sentence_no"] <= n)]
        hit = before[before["sentence_no"] >= n - 1]
        if hit.empty and isinstance(who, str) and who:
            hit = before[before["claimant"] == _canonical(who)]  # the outlet credited for them
        if len(hit):
            out[i] = hit.sort_values(["sentence_no", "start"])["cited"].iloc[-1]
    return out


def combine_claims(
    claims: pd.DataFrame,
    extracted: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    *,
    window_days: int = 45,
) -> pd.DataFrame:
    """Curated and extracted claims in one normalised frame, with ``origin`` curated | extracted.

    Rows come from :func:`kursk.data.all_claims`; extracted figures then get ``published_on``,
    ``language``, ``hedged``, ``cited_via`` (the outlet the article credits for the figure, when
    ``articles`` is given) and the ``claimed_on`` of the latest curated
    claim by the same claimant with the same figure up to ``window_days`` before publication
    (preferring the same metric); unmatched figures keep their publication date.
    """
    if extracted is None or extracted.empty:
        return normalise(claims).reset_index(drop=True)
    from kursk.data import all_claims

    _check(claims, CLAIM_COLUMNS)
    both = all_claims(claims, extracted)
    cur = claims.drop_duplicates("claim_id").set_index("claim_id")
    ex = extracted.drop_duplicates("claim_id").set_index("claim_id")
    is_ex = both["origin"].astype(str).eq("extracted")
    ids = both["claim_id"]
    both["published_on"] = _date(ids.map(cur["published_on"]).where(~is_ex))
    both.loc[is_ex, "published_on"] = _date(ids[is_ex].map(ex["published"]))
    both["language"] = ids.map(cur["language"].astype(str)).where(
        ~is_ex, ids.map(ex["lang"].astype(str)) if "lang" in ex else pd.NA).astype("string")
    cited = pd.Series(pd.NA, index=ex.index, dtype="string")
    if articles is not None:
        cited = _cited_in_text(ex.reset_index(), articles).set_axis(ex.index)
    both["cited_via"] = ids.map(cur["cited_via"]).where(~is_ex, ids.map(cited)).astype("string")
    both["hedged"] = (both["qualifier"].astype(str) != "exact").where(
        ~is_ex, ids.map(ex["hedged"])).astype(bool)
    both["claimant"] = both["claimant"].where(both["claimant"].astype(str).str.strip().ne(""))
    both.loc[is_ex & both["claimant"].isna(), "claimant_side"] = pd.NA
    out = normalise(both)
    c = out[~is_ex]
    for i in out.index[is_ex]:
        row = out.loc[i]
        if pd.isna(row["claimant"]):
            continue
        cand = c[(c["claimant"] == row["claimant"]) & (c["low"] == row["low"])
                 & (c["high"] == row["high"]) & (c["claimed_on"] <= row["published_on"])
                 & (c["claimed_on"] >= row["published_on"] - pd.Timedelta(days=window_days))]
        if len(cand):
            same = cand[cand["metric"] == row["metric"]]
            out.at[i, "claimed_on"] = (same if len(same) else cand)["claimed_on"].max()
    return out.reset_index(drop=True)


def between(claims: pd.DataFrame, start: str | None, end: str | None) -> pd.DataFrame:
    """Claims published from ``start`` to ``end`` (inclusive dates)."""
    pub = _date(claims["published_on"])
    keep = pd.Series(True, index=claims.index)
    if start:
        keep &= pub >= pd.Timestamp(start)
    if end:
        keep &= pub <= pd.Timestamp(end)
    return claims[keep]


# --------------------------------------------------------------------------- distinct claims


def _day(day: pd.Timestamp) -> str:
    """A date as "6 Nov 2024" (portable: no platform-specific strftime flags)."""
    return "no date" if pd.isna(day) else f"{day.day} {day:%b %Y}"


def _figure(low: float, high: float) -> str:
    lo, hi = f"{low:,.0f}", f"{high:,.0f}"
    return lo if low == high else f"{lo}–{hi}"


def claim_key(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with a ``claim_key`` column: claimant | metric | low | high | claimed_on."""
    _check(claims, KEY)
    out = claims.copy()
    if out.empty:
        out["claim_key"] = pd.Series(dtype="string")
        return out
    out["claim_key"] = (
        out["claimant"].fillna(UNNAMED).astype(str)
        + " | " + out["metric"].fillna("?").astype(str)
        + " | " + out["low"].map(lambda v: f"{v:.0f}")
        + " | " + out["high"].map(lambda v: f"{v:.0f}")
        + " | " + _date(out["claimed_on"]).dt.strftime("%Y-%m-%d")
    ).astype("string")
    return out


# How a claim's kind shows in its label; counts (and claims of unknown kind) show nothing.
KIND_NOTES = {"forecast": "forecast", "period": "not a running total"}


def _label(row: pd.Series) -> str:
    who = short_name(row["claimant"])
    metric = METRIC_LABELS.get(row["metric"], str(row["metric"]))
    kind = KIND_NOTES.get(str(row.get("kind", "")), "")
    note = f", {kind}" if kind else ""
    return f"{who}: {_figure(row['low'], row['high'])} {metric}{note} ({_day(row['claimed_on'])})"


def distinct_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per distinct claim: key, claimant, side, metric, figure, date, label, reports.

    A forecast or a one-period figure (``kind``) says so in its label: "…, forecast (19 Nov 2024)".
    """
    c = claim_key(claims)
    c["published_on"] = _date(c["published_on"])
    c["claimed_on"] = _date(c["claimed_on"])
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
    out["label"] = out.apply(_label, axis=1).astype("string")
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
    first = c.assign(p=_date(c["published_on"])).groupby("outlet")["p"].min().sort_values()
    if values == "count":
        m = pd.crosstab(c["outlet"], c["label"])
    else:
        m = c.groupby(["outlet", "label"])["qualifier"].agg(
            lambda q: " / ".join(sorted(set(q.dropna().astype(str))))
        ).unstack("label")
    m = m.reindex(index=first.index.tolist(), columns=order)
    m.index.name, m.columns.name = "outlet", "claim"
    return m.fillna(0).astype("int64") if values == "count" else m.astype("string")


# --------------------------------------------------------------------------- citation graph


def attributions(
    articles: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Outlets an article attributes information to: one row per (sentence, cited outlet).

    Columns: article_id, outlet (the article's), cited, claimant, claimant_side, sentence_no,
    sentence_start, start, end. A sentence counts when it names another outlet and carries an
    attribution cue; the claimant is a person or organisation named in the same sentence.
    """
    from kursk import articles as art

    cols = ["article_id", "outlet", "cited", "claimant", "claimant_side", "sentence_no",
            "sentence_start", "start", "end"]
    if articles.empty:
        return pd.DataFrame(columns=cols)
    sents = art.sentences(articles) if sentences is None else sentences
    ments = art.mentions(articles, fuzzy=False) if mentions is None else mentions
    if "field" in ments.columns:
        ments = ments[ments["field"] == "text"]
    own = dict(zip(articles["article_id"], articles["outlet"].map(_canonical), strict=True))
    rows = []
    for s in sents.itertuples(index=False):
        if not ATTRIBUTION_CUES.search(str(s.text)):
            continue
        inside = ments[(ments["article_id"] == s.article_id) & (ments["start"] >= s.start)
                       & (ments["end"] <= s.end)]
        outlets = inside[(inside["type"] == "outlet") & (inside["name"] != own[s.article_id])]
        people = inside[inside["type"].isin(_CLAIMANT_TYPES) & inside["side"].fillna("").ne("")]
        for o in outlets.itertuples(index=False):
            claimant = people["name"].iloc[0] if len(people) else pd.NA
            side = people["side"].iloc[0] if len(people) else pd.NA
            rows.append((s.article_id, own[s.article_id], o.name, claimant, side, s.sentence_no,
                         s.start, o.start, o.end))
    return pd.DataFrame(rows, columns=cols).astype(
        {"article_id": "string", "outlet": "string", "cited": "string", "claimant": "string",
         "claimant_side": "string"}
    )


#: Words that make a ``cited_via`` a briefing, a post or unnamed media rather than a named outlet.
NOT_AN_OUTLET = re.compile(
    r"briefing|address|conference|statement|interview|speech|\bpost|video|hearing|report"
    r"|update|media|agencies|\bsources?\b|officials?|telegram|^x$|\bon x\b|parliament"
    r"|committee|lawmakers?|session|release|assessment|channel|website|testimony",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def cited_outlet(cited_via: str, outlet: str = "", claimant: str = "") -> str | None:
    """The named outlet or agency in a ``cited_via`` text, or None for a briefing or the claimant.

    An outlet from ``data/entities.csv`` named in the text wins ("KBS interview" is KBS); a text
    naming another body, a briefing, a post or unnamed media ("news reports") is not an outlet;
    any other name ("Interfax-Ukraine", "dpa-AFX") is taken as an outlet of that name.
    """
    from kursk.entities import find_mentions

    if not isinstance(cited_via, str) or not cited_via.strip():
        return None
    found = find_mentions(cited_via, fuzzy=False)
    outlets = found[found["type"] == "outlet"]
    if len(outlets):
        first = outlets.iloc[0]
        rest = (cited_via[: first["start"]] + " " + cited_via[first["end"]:]).strip(" -–,.")
        # "KBS", "KBS interview" are KBS; "Interfax-Ukraine" is an outlet of its own
        name = str(first["name"]) if not rest or NOT_AN_OUTLET.search(rest) else cited_via.strip()
    elif found["type"].isin(_CLAIMANT_TYPES).any() or NOT_AN_OUTLET.search(cited_via):
        return None
    else:
        name = cited_via.strip()
    return None if name in (outlet, claimant) else name


def _cited(row: pd.Series) -> str | None:
    """The outlet or agency a claims row cites, or None (heard directly, or a briefing)."""
    claimant = row["claimant"] if isinstance(row["claimant"], str) else ""
    return cited_outlet(row["cited_via"], str(row["outlet"]), claimant)


def chains(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with ``cited`` (the agency cited, if any) and ``channel`` (first-hand reporter)."""
    c = claim_key(claims)
    c["cited"] = c.apply(_cited, axis=1).astype("string")
    by_key = {
        (k, o): cit
        for k, o, cit in zip(c["claim_key"], c["outlet"], c["cited"], strict=True)
        if pd.notna(cit)
    }
    channels = []
    for k, outlet in zip(c["claim_key"], c["outlet"], strict=True):
        seen, node = {outlet}, outlet
        while (k, node) in by_key and by_key[(k, node)] not in seen:
            node = by_key[(k, node)]
            seen.add(node)
        channels.append(node)
    c["channel"] = pd.Series(channels, index=c.index, dtype="string")
    return c


def citation_graph(
    claims: pd.DataFrame,
    articles: pd.DataFrame | None = None,
    extracted: pd.DataFrame | None = None,
) -> nx.DiGraph:
    """Who cites whom: edges outlet → cited outlet/agency → claimant, from claims and full texts.

    Node attributes: kind (outlet, agency, claimant), side. Edge attributes: n (reports or
    attributions), claim_ids, sides (claimant sides reached). Extracted figures (if given, with
    ``articles``) enter with the article's outlet; articles' own outlets are always nodes.
    """
    c = claims if "origin" in claims.columns else normalise(claims)
    if extracted is not None and not extracted.empty:
        curated = c[c["origin"].astype(str).eq("curated")][CLAIM_COLUMNS]
        c = combine_claims(curated, extracted, articles)
    c = chains(c)
    g = nx.DiGraph()

    def add(u: str, v: str, cid: str, side: object) -> None:
        if u == v:
            return
        if not g.has_edge(u, v):
            g.add_edge(u, v, n=0, claim_ids=[], sides=set())
        e = g.edges[u, v]
        e["n"] += 1
        e["claim_ids"].append(str(cid))
        if isinstance(side, str) and side:
            e["sides"].add(side)

    claimants: dict[str, str] = {}
    for r in c.itertuples(index=False):
        who = r.claimant if pd.notna(r.claimant) else None
        side = r.claimant_side if pd.notna(r.claimant_side) else ""
        if who:
            claimants[who] = side
        g.add_node(r.outlet)
        if pd.notna(r.cited):
            add(r.outlet, r.cited, r.claim_id, side)
            if who:
                add(r.cited, who, r.claim_id, side)
        elif who:
            add(r.outlet, who, r.claim_id, side)
    if articles is not None and not articles.empty:
        att = attributions(articles)
        for r in att.itertuples(index=False):
            side = r.claimant_side if pd.notna(r.claimant_side) else ""
            ref = f"{r.article_id}:s{r.sentence_no}"
            add(r.outlet, r.cited, ref, side)
            if pd.notna(r.claimant):
                claimants.setdefault(r.claimant, side)
                add(r.cited, r.claimant, ref, side)
        for o in articles["outlet"].map(_canonical):
            g.add_node(o)
    for node in g.nodes:
        if node in claimants and g.out_degree(node) == 0:
            g.nodes[node].update(kind="claimant", side=claimants[node])
        elif any(g.nodes[p].get("kind") != "claimant" for p in g.predecessors(node)):
            g.nodes[node].update(kind="agency", side="")
        else:
            g.nodes[node].update(kind="outlet", side="")
    for e in g.edges.values():
        e["sides"] = sorted(e["sides"])
    _set_layers(g)
    return g


def _set_layers(g: nx.DiGraph) -> None:
    """Node attribute ``layer``: 0 for claimants, then one more per hop away from them."""
    cond = nx.condensation(g)
    layer: dict[int, int] = {}
    for comp in reversed(list(nx.topological_sort(cond))):
        members = cond.nodes[comp]["members"]
        succ = [layer[s] for s in cond.successors(comp)]
        if any(g.nodes[m]["kind"] == "claimant" for m in members):
            layer[comp] = 0
        else:
            layer[comp] = 1 + max(succ) if succ else 1
    top = max(layer.values(), default=0)
    for comp, members in cond.nodes(data="members"):
        for m in members:
            isolated = g.degree(m) == 0
            g.nodes[m]["layer"] = max(top, 2) if isolated else layer[comp]


# --------------------------------------------------------------------------- comparisons


def corroboration(claims: pd.DataFrame, *, level: str = "claim") -> pd.DataFrame:
    """Per distinct claim (or per figure: metric and value), reports vs independent origins.

    Columns: label, n_reports, n_outlets, n_channels (first-hand reporters), n_origins (distinct
    claimant and date), origins, channels. Many reports over one origin is circular reporting.
    """
    if level not in ("claim", "figure"):
        raise ValueError(f"level must be 'claim' or 'figure', not {level!r}")
    c = chains(claims)
    c["origin_id"] = (c["claimant"].fillna(UNNAMED).astype(str) + " ("
                      + _date(c["claimed_on"]).map(_day) + ")")
    if level == "claim":
        d = distinct_claims(claims).set_index("claim_key")
        keys = ["claim_key"]
    else:
        c["figure"] = c["metric"].fillna("?").astype(str) + " " + [
            _figure(lo, hi) for lo, hi in zip(c["low"], c["high"], strict=True)
        ]
        keys = ["metric", "low", "high"]
    g = c.groupby(keys, dropna=False)
    out = g.agg(
        n_reports=("claim_id", "size"),
        n_outlets=("outlet", "nunique"),
        n_channels=("channel", "nunique"),
        n_origins=("origin_id", "nunique"),
        origins=("origin_id", lambda s: "; ".join(sorted(set(s)))),
        channels=("channel", lambda s: ", ".join(sorted(set(s.dropna())))),
    ).reset_index()
    if level == "claim":
        out.insert(1, "label", out["claim_key"].map(d["label"]))
        out = out.merge(d[["claimed_on"]], left_on="claim_key", right_index=True)
        out = out.sort_values(["n_reports", "claimed_on", "label"], ascending=[False, True, True])
        out = out.drop(columns="claimed_on")
    else:
        out.insert(0, "label", [f"{_figure(lo, hi)} {METRIC_LABELS.get(m, m)}"
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
    c = normalise(claims) if "origin" not in claims.columns else claims.copy()
    c = c[c["claimant"].notna()].sort_values(["published_on", "claim_id"])
    ver = ["metric", "low", "high", "qualifier"]
    cols = ["claimant", "claimed_on", "change"] + [
        f"{f}_{s}" for s in ("a", "b")
        for f in ("outlet", "figure", "qualifier", "metric", "published_on", "url", "n_reports")
    ]
    rows = []
    for (day, who), grp in c.groupby(["claimed_on", "claimant"], sort=True):
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
                rows.append([who, day, " + ".join(change)] + [
                    x for r in (a, b) for x in (
                        r["outlet"], _figure(r["low"], r["high"]), r["qualifier"], r["metric"],
                        r["published_on"], r["url"], int(r["n"]))
                ])
    return pd.DataFrame(rows, columns=cols)


def timing(claims: pd.DataFrame) -> pd.DataFrame:
    """Per distinct claim and outlet: its first report, the claim's first outlet, delay in days.

    ``n_first_day`` counts the outlets that carried the claim on its first day; among them
    ``first_outlet`` is only the first by claim id, as reports of one day cannot be ordered.
    """
    c = claim_key(claims)
    c["published_on"] = _date(c["published_on"])
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
    _check(c, [by, "claimant", "qualifier"])
    hedged = c["qualifier"].astype("string").fillna("exact") != "exact"
    if "hedged" in c.columns:  # the extractor's flag: modal or reported speech in the sentence
        hedged = hedged | c["hedged"].astype("boolean").fillna(False)
    named = c["claimant"].astype("string").fillna("").str.strip().ne("")
    t = pd.DataFrame({by: c[by], "hedged": hedged.astype(bool), "named": named.astype(bool)})
    out = t.groupby(by, dropna=False).agg(
        n_figures=("hedged", "size"), share_hedged=("hedged", "mean"), share_named=("named", "mean")
    )
    return out.sort_values(["n_figures", by], ascending=[False, True]).reset_index()


# --------------------------------------------------------------------------- full texts


def article_claims(
    articles: pd.DataFrame, extracted: pd.DataFrame, claims: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each article's figures, the other articles/outlets carrying the same figure, its hedging.

    A figure is shared when another article has the same claimant (or none), metric and value;
    with curated ``claims``, ``in_claims_outlets`` lists the outlets there with the same metric
    and value (and claimant, when the article names one).

    ``claims`` (optional): the curated claims (``kursk.data.load("claims")``) or a frame from
    :func:`combine_claims`, of which only the curated rows are used.
    """
    _check(extracted, ["article_id", "claimant", "metric", "value_low", "value_high",
                       "qualifier", "hedged"], "extracted")
    ex = extracted[extracted["article_id"].isin(articles["article_id"])].copy()
    outlet = dict(zip(articles["article_id"], articles["outlet"].map(_canonical), strict=True))
    ex["outlet"] = ex["article_id"].map(outlet).astype("string")
    ex["value_high"] = ex["value_high"].fillna(ex["value_low"])
    ex["claimant"] = ex["claimant"].map(_canonical).astype("string")
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
        cur = normalise(claims)
        cur = cur[cur["origin"].astype(str).eq("curated")]
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

    ``claims``: the curated claims, as loaded (``kursk.data.load("claims")``) or passed through
    ``combine_claims(curated)``; extracted rows in it would be counted as earlier reports.
    """
    if article_id not in set(articles["article_id"]):
        raise KeyError(f"article {article_id!r} is not in the articles frame")
    art = articles[articles["article_id"] == article_id].iloc[0]
    day = _date(pd.Series([art["published"]])).iloc[0]
    figs = extracted[(extracted["article_id"] == article_id) & extracted["value_low"].notna()]
    cur = normalise(claims)
    rows = []
    for f in figs.itertuples(index=False):
        lo, hi = f.value_low, f.value_high if pd.notna(f.value_high) else f.value_low
        prior = cur[(cur["metric"] == f.metric) & (cur["low"] <= hi) & (cur["high"] >= lo)
                    & (cur["published_on"] <= day)].sort_values(["published_on", "claim_id"])
        first = prior.iloc[0] if len(prior) else None
        rows.append({
            "figure": _figure(lo, hi), "metric": f.metric, "qualifier": f.qualifier,
            "claimant": _canonical(f.claimant) if pd.notna(f.claimant) else pd.NA,
            "already_reported": len(prior) > 0, "n_earlier_reports": len(prior),
            "n_earlier_outlets": prior["outlet"].nunique(),
            "first_outlet": first["outlet"] if first is not None else pd.NA,
            "first_published_on": first["published_on"] if first is not None else pd.NaT,
            "first_claimant": first["claimant"] if first is not None else pd.NA,
            "first_url": first["url"] if first is not None else pd.NA,
            "same_day": bool(first is not None and first["published_on"] == day),
            "earlier_outlets": ", ".join(sorted(set(prior["outlet"]))),
        })
    cols = ["figure", "metric", "qualifier", "claimant", "already_reported", "n_earlier_reports",
            "n_earlier_outlets", "first_outlet", "first_published_on", "first_claimant",
            "first_url", "same_day", "earlier_outlets"]
    return pd.DataFrame(rows, columns=cols)
