"""Who cites whom: the outlet or agency each report credits, and the citation graph."""

from __future__ import annotations

import re
from functools import lru_cache

import networkx as nx
import pandas as pd

from kursk import articles as A
from kursk import entities
from kursk.combine import canonical
from kursk.sources.distinct import claim_key

#: Words that mark a sentence as attributing information to the outlet it names.
ATTRIBUTION_CUES = re.compile(
    r"berichte|zufolge|\blaut\b|gegenüber|beruf|Berufung|Interview|sagte|meldete|nach Angaben"
    r"|Medienbericht|according to|\btold\b|report|\bcit(?:ed|ing)\b|interview|\bsaid\b|quoted"
    r"|сообщ|по данным|заяви|интервью|повідом|за даними|інтерв|따르면|보도|인터뷰"
    r"|selon|entretien|según|entrevista",
    re.IGNORECASE,
)


_CLAIMANT_TYPES = ("person", "organisation", "group")


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
    cols = ["article_id", "outlet", "cited", "claimant", "claimant_side", "sentence_no",
            "sentence_start", "start", "end"]
    if articles.empty:
        return pd.DataFrame(columns=cols)
    sents = A.sentences(articles) if sentences is None else sentences
    ments = A.mentions(articles, fuzzy=False) if mentions is None else mentions
    if "field" in ments.columns:
        ments = ments[ments["field"] == "text"]
    own = dict(zip(articles["article_id"], articles["outlet"].map(canonical), strict=True))
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
    if not isinstance(cited_via, str) or not cited_via.strip():
        return None
    found = entities.find_mentions(cited_via, fuzzy=False)
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


def citation_graph(claims: pd.DataFrame, articles: pd.DataFrame | None = None) -> nx.DiGraph:
    """Who cites whom: edges outlet → cited outlet/agency → claimant, from claims and full texts.

    Node attributes: kind (outlet, agency, claimant), side. Edge attributes: n (reports or
    attributions), claim_ids, sides (claimant sides reached). ``articles``' own outlets are always
    nodes.
    """
    c = chains(claims)
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
        for o in articles["outlet"].map(canonical):
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
