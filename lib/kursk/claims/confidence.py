"""How sure the extractor is of a figure, from the evidence it found, and that evidence in words.

``confidence`` is a logistic score: a base plus one weight per piece of evidence (:data:`WEIGHTS`),
fitted on the dev split of the gold set (``python -m kursk.claims.evaluate --calibrate`` refits
them and prints the table to paste here) to the chance that the figure is right in value and
metric. :data:`DEFAULT_THRESHOLD` is the lowest confidence at which, on the dev split, at least
97 % of the figures kept were right (value and metric); ``python -m kursk.claims.evaluate`` prints
the precision and the share kept at a few thresholds.
"""

from __future__ import annotations

import math

#: Evidence -> weight (log-odds) of a right figure. Keys are ``<feature>=<value>``.
WEIGHTS = {
    "base": 2.23,
    "people=noun": 0.41, "people=loss": 0.86, "people=counter": -0.09, "people=ref": 0.29,
    "people=clause_noun": -0.56, "people=clause_loss": 0.19, "people=deploy": -1.1,
    "people=list": 0.0,
    "nk=sentence": 0.44, "nk=article": -0.44,
    "claimant=clause": 0.28, "claimant=sentence": 0.24, "claimant=reach_back": -0.42,
    "claimant=": -0.1,
    "form=digits": 0.27, "form=range": 0.67, "form=words": -0.55, "form=vague": -0.39,
    "metric=phrase": 0.13, "metric=clause": 0.18, "metric=sentence": 0.86, "metric=default": -1.17,
}  # fmt: skip
#: Figures at or above this confidence are taken as findings without review.
DEFAULT_THRESHOLD = 0.95

_PEOPLE = {
    "noun": "troop noun {cue!r} with the figure",
    "loss": "loss word {cue!r} with the figure",
    "counter": "counter '명' with the figure",
    "ref": "reference {cue!r} to a group named before",
    "clause_noun": "troop noun {cue!r} in clause",
    "clause_loss": "loss word {cue!r} in clause",
    "deploy": "deployment word {cue!r} and North Korea in clause",
    "list": "in a list after a figure that counts",
}
_NK = {"sentence": "North Korea in sentence", "article": "North Korea only in article"}
_CLAIMANT = {"clause": "claimant in clause", "sentence": "claimant in sentence",
             "reach_back": "claimant reached back", "": "no claimant"}  # fmt: skip
_FORM = {"digits": "digits", "range": "range", "words": "number words", "vague": "vague quantity"}
_METRIC = {"phrase": "metric word {cue!r} with the figure", "clause": "metric word {cue!r} in clause",
           "sentence": "metric word {cue!r} in sentence", "default": "no metric word (deployed)"}  # fmt: skip


def features(people: str, nk: str, claimant_via: str, form: str, metric_where: str) -> list[str]:
    """The evidence keys of a figure (keys of :data:`WEIGHTS`)."""
    return [f"people={people}", f"nk={nk}", f"claimant={claimant_via}", f"form={form}",
            f"metric={metric_where}"]  # fmt: skip


def score(keys: list[str], weights: dict[str, float] | None = None) -> float:
    """The confidence (0 to 1) of a figure with evidence ``keys``."""
    w = WEIGHTS if weights is None else weights
    z = w.get("base", 0.0) + sum(w.get(k, 0.0) for k in keys)
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def evidence(people: tuple[str, str], nk: str, claimant_via: str, form: str,
             metric_cue: tuple[str, str]) -> str:  # fmt: skip
    """The evidence as a short readable string."""
    level, cue = people
    where, word = metric_cue
    parts = [_PEOPLE[level].format(cue=cue), _NK[nk], _CLAIMANT[claimant_via], _FORM[form],
             _METRIC[where].format(cue=word)]  # fmt: skip
    return "; ".join(parts)
