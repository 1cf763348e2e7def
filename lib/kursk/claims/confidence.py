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
  surely than the killed).

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

#: Evidence -> weight (log-odds) of a right figure. Keys are ``<feature>=<value>``.
WEIGHTS = {
    "base": 0.56,
    "people=noun": 0.42, "people=noun_far": -0.1, "people=loss": 0.29, "people=counter": 0.02,
    "people=ref": -0.37, "people=clause_noun": 0.11, "people=clause_loss": -0.39,
    "people=deploy": 0.02, "people=list": -0.01,
    "nk=sentence": 0.64, "nk=article": -0.64,
    "form=digits": 0.1, "form=range": 0.07, "form=vague": -0.14, "form=words": -0.03,
    "metric=own_clause": 0.67, "metric=structure": -0.18, "metric=attached": 0.11,
    "metric=sentence": -0.17, "metric=deploy": 0.42, "metric=default": -0.86,
    "claimant=clause": 0.01, "claimant=sentence": 0.1, "claimant=reach_back": 0.15,
    "claimant=none": -0.26,
    "reads=deployed": -0.91, "reads=in_kursk": -0.54, "reads=additional_deployed": 0.16,
    "reads=killed": 0.59, "reads=wounded": 0.05, "reads=casualties": 0.46, "reads=captured": 0.19,
}  # fmt: skip
#: Figures at or above this confidence are taken as findings without review. 1.0, above every
#: confidence (:func:`score` stops at 0.999): on the calibration split no threshold keeps figures
#: of which 97 % are right, so every figure read from an article waits for a reviewer.
DEFAULT_THRESHOLD = 1.0

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
_CLAIMANT = {"clause": "claimant in its clause", "sentence": "claimant in its sentence",
             "reach_back": "claimant reached back", "": "no claimant"}  # fmt: skip


#: The rules of :func:`kursk.claims.fields.metric` grouped by the evidence they rest on.
METRIC_EVIDENCE = {"clause": "own_clause", "group": "structure", "list": "structure",
                   "part": "structure", "same": "structure", "versus": "structure",
                   "change": "structure", "text": "structure",
                   "phrase": "attached", "sentence": "sentence", "deploy": "deploy",
                   "default": "default"}  # fmt: skip


def features(people: str, nk: str, form: str, metric_how: str, claimant_via: str,
             metric: str) -> list[str]:  # fmt: skip
    """The evidence keys of a figure (keys of :data:`WEIGHTS`)."""
    return [f"people={people}", f"nk={nk}", f"form={form}",
            f"metric={METRIC_EVIDENCE.get(metric_how, metric_how)}",
            f"claimant={claimant_via or 'none'}", f"reads={metric}"]  # fmt: skip


def score(keys: list[str], weights: dict[str, float] | None = None) -> float:
    """The confidence (0 to 1) of a figure with evidence ``keys``."""
    w = WEIGHTS if weights is None else weights
    z = w.get("base", 0.0) + sum(w.get(k, 0.0) for k in keys)
    return min(round(1.0 / (1.0 + math.exp(-z)), 3), 0.999)  # a machine read is never certain


def evidence(people: tuple[str, str], nk: str, form: str, metric_cue: tuple[str, str],
             claimant_via: str) -> str:  # fmt: skip
    """The evidence as a short readable string."""
    level, cue = people
    how, word = metric_cue
    return "; ".join([_PEOPLE[level].format(cue=cue), _NK[nk], _FORM[form],
                      _METRIC[how].format(cue=word), _CLAIMANT[claimant_via]])  # fmt: skip
