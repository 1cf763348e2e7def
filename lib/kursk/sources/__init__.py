"""Compare reporting across sources: who carried which claim, who cited whom, drift and timing.

Every function takes the combined claims frame of :func:`kursk.combine.combine_claims` (curated
and extracted figures, canonical names, ``origin``) and/or the articles frame, and returns a frame
or a ``networkx.DiGraph``; they compose with ``.pipe``.

A *distinct claim* is one (claimant, metric, low, high, claimed_on). An *origin* is the claimant
and the date of the claim (one briefing, interview or statement). A *channel* is the outlet that
heard the claim first-hand on a report's chain (the cited agency, or the outlet itself when it
cites nobody). The jobs, one module each: :mod:`~kursk.sources.distinct` (distinct claims, the
claim matrix), :mod:`~kursk.sources.citations` (who cites whom), :mod:`~kursk.sources.compare`
(origins, drift, timing, hedging), :mod:`~kursk.sources.texts` (the loaded articles among them).
"""

from kursk.sources.citations import attributions, chains, citation_graph, cited_outlet
from kursk.sources.compare import corroboration, drift, hedging_rates, timing
from kursk.sources.distinct import (
    KEY,
    UNNAMED,
    claim_key,
    claim_matrix,
    distinct_claims,
    focus,
    label,
    short_name,
)
from kursk.sources.texts import (
    article_claims,
    dedupe_articles,
    near_duplicates,
    place_article,
    shingles,
)

__all__ = [
    "KEY", "UNNAMED", "article_claims", "attributions", "chains", "citation_graph", "cited_outlet",
    "claim_key", "claim_matrix", "corroboration", "dedupe_articles", "distinct_claims", "drift",
    "focus", "hedging_rates", "label", "near_duplicates", "place_article", "shingles",
    "short_name", "timing",
]  # fmt: skip
