"""How sure the extractor is of a figure, from the evidence it found, and that evidence in words.

``confidence`` is a logistic score: a base plus one weight per piece of evidence (:data:`WEIGHTS`),
the chance that the figure is right in value *and* metric. The evidence (:func:`features`):

* ``people``: what showed that the number counts people: a troop noun right after it, or further
  on in its phrase; a loss word with it; the Korean counter 명; a reference to a group ("of
  them") or a further-batch word before it; only words elsewhere in its clause or sentence (a
  troop noun, a loss word, a deployment word); a list it continues;
* ``nk``: North Korea named in its sentence, or only elsewhere in the article;
* ``form``: digits, a range, number words, a vague quantity ("hundreds");
* ``metric``: the kind of rule of :mod:`kursk.claims.fields` that decided the metric (see
  :data:`METRIC_EVIDENCE`): a word of its own clause (a loss word first); the structure of the sentence (a
  group, a list, a reference back, "versus"); a word attached to it ("another", "1,000
  sappers"); a word elsewhere in its sentence; a deployment word only; nothing (the default);
* ``claimant``: where its claimant was found: its clause, its sentence, reached back to an
  earlier sentence, or none;
* ``reads``: the metric it was read as (troops sent and troops in Kursk are told apart less
  surely than the killed);
* ``known``: whether a curated claim (``data/claims.csv``, each with its source) has the same
  figure, metric and claimant (``claim``), the same figure and metric (``figure``), or only the
  same figure under another metric (``value``, more often a misread than a new claim), or none.

The weights are fitted with an L2 penalty on the calibration split of the gold set
(``tests/gold/calibration/``: items written from GUIDE.md by people who never saw the code, which
no rule was ever tuned on); ``python -m kursk.claims.evaluate --calibrate`` refits them and prints
what to paste here. :data:`DEFAULT_THRESHOLD` is the lowest confidence at which at least 97 % of
the calibration figures kept were right when each was scored by weights fitted without its item
(five-fold cross-validation), so that the threshold is not set on the figures the weights were
fitted to. ``python -m kursk.claims.evaluate`` prints the precision and the share kept at several
thresholds, per split; ``tests/gold/README.md`` has the figures.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd

#: Evidence -> weight (log-odds) of a right figure. Keys are ``<feature>=<value>``.
WEIGHTS = {
    "base": 1.21,
    "claimant=clause": 0.04, "claimant=none": -0.24, "claimant=reach_back": 0.08,
    "claimant=sentence": 0.12,
    "form=digits": -0.03, "form=range": 0.33, "form=vague": 0.06, "form=words": -0.35,
    "known=claim": 1.34, "known=figure": 0.91, "known=none": -0.89, "known=value": -1.36,
    "metric=attached": 0.08, "metric=default": -0.75, "metric=deploy": 0.27,
    "metric=own_clause": 0.8, "metric=sentence": -0.22, "metric=structure": -0.18,
    "nk=article": -0.64, "nk=sentence": 0.64,
    "people=clause_loss": -0.36, "people=clause_noun": 0.06, "people=counter": 0.1,
    "people=deploy": 0.14, "people=list": 0.01, "people=loss": 0.3, "people=noun": 0.3,
    "people=noun_far": -0.12, "people=ref": -0.42,
    "reads=additional_deployed": -0.04, "reads=captured": -0.01, "reads=casualties": 0.39,
    "reads=deployed": -1.06, "reads=in_kursk": -0.36, "reads=killed": 0.72, "reads=wounded": 0.35,
}  # fmt: skip
#: Figures at or above this confidence are taken as findings without review: on the calibration
#: split, scored by weights fitted without their item, 97.1 % of the 7 % of figures it keeps are
#: right. With these weights only a figure whose figure and metric a curated claim has can reach
#: it: a figure no curated claim gives always waits for a reviewer.
DEFAULT_THRESHOLD = 0.985

_PEOPLE = {
    "noun": "troop noun {cue!r} right after the figure",
    "noun_far": "troop noun {cue!r} further on in the figure's phrase",
    "loss": "loss word {cue!r} with the figure",
    "counter": "counter '명' with the figure",
    "ref": "reference {cue!r} to a group named before",
    "clause_noun": "troop noun {cue!r} in clause",
    "clause_loss": "loss word {cue!r} in clause",
    "deploy": "deployment word {cue!r} and North Korea in clause",
    "list": "in a list after a figure that counts",
}
_NK = {"sentence": "North Korea in sentence", "article": "North Korea only in article"}
_FORM = {"digits": "digits", "range": "range", "words": "number words", "vague": "vague quantity"}
_METRIC = {
    "group": "metric from the group's own words {cue!r}",
    "clause": "metric word {cue!r} in its clause",
    "phrase": "metric word {cue!r} attached to the figure",
    "versus": "set against the figure before ({cue!r})",
    "change": "what the figure before changed to ({cue!r})",
    "text": "a headline figure: the metric of the same figure in the text ({cue!r})",
    "sentence": "metric word {cue!r} elsewhere in the sentence",
    "list": "metric of the list it continues",
    "same": "{cue!r} refers to the figure before",
    "part": "metric of the group it is part of",
    "deploy": "deployment word {cue!r} only",
    "default": "no metric word (deployed by default)",
}
_KNOWN = {"claim": "figure, metric and claimant of a curated claim",
          "figure": "figure and metric of a curated claim",
          "value": "figure of a curated claim with another metric", "none": "no curated figure"}
_CLAIMANT = {"clause": "claimant in its clause", "sentence": "claimant in its sentence",
             "reach_back": "claimant reached back", "": "no claimant"}  # fmt: skip


#: The rules of :func:`kursk.claims.fields.metric` grouped by the evidence they rest on.
METRIC_EVIDENCE = {"clause": "own_clause", "group": "structure", "list": "structure",
                   "part": "structure", "same": "structure", "versus": "structure",
                   "change": "structure", "text": "structure",
                   "phrase": "attached", "sentence": "sentence", "deploy": "deploy",
                   "default": "default"}  # fmt: skip


class Known(NamedTuple):
    """The curated figures a read figure is compared with (:func:`known`)."""

    claims: frozenset[tuple[float, float, str, str]]  # low, high, metric, claimant
    figures: frozenset[tuple[float, float, str]]  # low, high, metric
    values: frozenset[tuple[float, float]]  # low, high


def known(curated: pd.DataFrame) -> Known:
    """The figures of curated claims (columns ``low``, ``high``, ``metric``, ``claimant``)."""
    columns = (curated["low"].astype(float), curated["high"].astype(float),
               curated["metric"].astype(str), curated["claimant"].astype(str))
    rows = list(zip(*columns, strict=True))
    return Known(frozenset(rows), frozenset(r[:3] for r in rows), frozenset(r[:2] for r in rows))


def how_known(cur: Known, low: float, high: float, metric: str, claimant: str) -> str:
    """``claim``, ``figure``, ``value`` or ``none``: what of the figure a curated claim shares."""
    if (low, high, metric, claimant) in cur.claims:
        return "claim"
    if (low, high, metric) in cur.figures:
        return "figure"
    return "value" if (low, high) in cur.values else "none"


def features(people: str, nk: str, form: str, metric_how: str, claimant_via: str,
             metric: str, known_as: str) -> list[str]:  # fmt: skip
    """The evidence keys of a figure (keys of :data:`WEIGHTS`)."""
    return [f"people={people}", f"nk={nk}", f"form={form}",
            f"metric={METRIC_EVIDENCE.get(metric_how, metric_how)}",
            f"claimant={claimant_via or 'none'}", f"reads={metric}", f"known={known_as}"]  # fmt: skip


def score(keys: list[str], weights: dict[str, float] | None = None) -> float:
    """The confidence (0 to 1) of a figure with evidence ``keys``."""
    w = WEIGHTS if weights is None else weights
    z = w.get("base", 0.0) + sum(w.get(k, 0.0) for k in keys)
    return min(round(1.0 / (1.0 + math.exp(-z)), 3), 0.999)  # a machine read is never certain


def evidence(people: tuple[str, str], nk: str, form: str, metric_cue: tuple[str, str],
             claimant_via: str, known_as: str) -> str:  # fmt: skip
    """The evidence as a short readable string."""
    level, cue = people
    how, word = metric_cue
    return "; ".join([_PEOPLE[level].format(cue=cue), _NK[nk], _FORM[form],
                      _METRIC[how].format(cue=word), _CLAIMANT[claimant_via],
                      _KNOWN[known_as]])  # fmt: skip
