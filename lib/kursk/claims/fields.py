"""What a figure counts (metric), what kind of count it is, how the number is qualified, and
whether it is hedged: each from the figure's own clause first, then from the clauses of its
sentence that hold no figure of their own.

Metric, in order: a partitive group ("3,000 of the 12,000 deployed") takes the words of its own
noun phrase; otherwise killed-and-wounded phrases, captured, then the nearest of the killed,
wounded and casualty words in the figure's window (its clause, between its neighbouring figures);
then a further batch (a word right before the figure or in its noun phrase: "another", "weitere",
"ещё", "추가"), the Kursk region, a deployment verb; then the loss words of the figureless
clauses; then "lost" / "verloren" (casualties); then a further batch or Kursk named there;
``deployed`` otherwise. Kind: ``forecast`` before ``period`` before ``count``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kursk.claims.clauses import Clause
from kursk.claims.lexicon import Lexicon
from kursk.claims.numbers import Figure

_LOSSES = (("killed", "killed"), ("wounded", "wounded"), ("casualties", "casualties"))
_OPENERS = re.compile(
    r"(?:between|from|zwischen|von|entre|de|от|від|між|между|с|з)\s*$", re.IGNORECASE
)
_KO_COUNTER = re.compile(r"^\s?(?:여\s?)?명?\s?")
_KO_PARTICLE = re.compile(r"^(?:이|가|을|를|에|의|은|는|으로|로|도)\s?")
LOSS_METRICS = frozenset({"killed", "wounded", "casualties", "captured"})
Span = tuple[int, int]


class Zones(NamedTuple):
    """The stretches of a sentence a figure's fields are read from."""

    window: Span  # its part of its clause (between neighbouring figures): loss words
    clause: Span  # its clause: Kursk, deployment, later contingents
    local: Span  # its noun phrase (after it)
    before: list[Span]  # figureless clauses before it in the sentence
    after: list[Span]  # figureless clauses after it
    coordinated: Span | None = None  # the next clause, when "and" joins it to this one
    lead: Span = (0, 0)  # the words right before it, across a dash or colon ("killed: 300")
    kursk_named: bool = False  # the article names Kursk: "the region" is the Kursk region
    group: str = ""  # for a part of a group named before ("of them"): the group's metric


def metric(text: str, fig: Figure, z: Zones, lex: Lexicon, group: bool = False,
           inherit: str = "") -> tuple[str, str, str]:  # fmt: skip
    """(metric, cue word, where: "phrase", "clause", "sentence" or "default") of ``fig``.

    ``inherit`` is the metric of the figure before it when this one continues a list ("about
    10,000 troops and another 1,000 engineers are in Kursk").
    """
    m = lex.metric
    if group:
        return _group_metric(text, fig, z, lex)
    for span, where in ((z.window, "clause"), (z.lead, "phrase")):
        found = _losses(text, fig, span, lex)
        if found:
            return (*found, where)
    hit = m["additional"].search(text, *z.local)
    if hit:
        return "additional_deployed", hit.group(0), "phrase"
    if inherit and not m["kursk"].search(text, *z.clause):
        return inherit, "", "clause"
    hit = _near(m["additional"], text, fig, z.window)
    if hit:
        return "additional_deployed", hit, "clause"
    hit = _kursk(text, z.clause, z, lex)
    if hit:
        return "in_kursk", hit, "clause"
    hit = m["additional"].search(text, *z.clause)
    if hit:
        return "additional_deployed", hit.group(0), "clause"
    for span in z.before:
        hit = m["additional"].search(text, *span)
        if hit:  # "Reconstruction : 4 500 militaires …"
            return "additional_deployed", hit.group(0), "sentence"
    deploy = m["deploy"].search(text, *z.clause)
    for span in z.before if deploy else [*z.before, *z.after]:
        found = None if deploy else _losses(text, fig, span, lex)
        if found:
            return (*found, "sentence")
        hit = _kursk(text, span, z, lex)
        if hit:
            return "in_kursk", hit, "sentence"
    hit = m["additional_weak"].search(text, *z.clause)
    if hit:
        return "additional_deployed", hit.group(0), "clause"
    if deploy:
        return "deployed", deploy.group(0), "clause"
    hit = m["casualties_weak"].search(text, *z.window)
    if hit:
        return "casualties", hit.group(0), "clause"
    if z.group in ("deployed", "in_kursk", "additional_deployed"):
        return z.group, "", "sentence"  # "3,000 of them", nothing of its own
    if z.coordinated is not None:
        hit = _kursk(text, z.coordinated, z, lex)
        if hit:
            return "in_kursk", hit, "sentence"
    for span in [*z.before, *z.after]:
        for key, name in (("additional", "additional_deployed"), ("kursk", "in_kursk")):
            hit = m[key].search(text, *span)
            if hit:
                return name, hit.group(0), "sentence"
    return "deployed", "", "default"


def _kursk(text: str, span: Span, z: Zones, lex: Lexicon) -> str:
    """The Kursk region named in ``span``, or "the region" once the article names Kursk."""
    hit = lex.metric["kursk"].search(text, *span)
    if hit is None and z.kursk_named:
        hit = lex.region.search(text, *span)
    return hit.group(0) if hit else ""


def _group_metric(text: str, fig: Figure, z: Zones, lex: Lexicon) -> tuple[str, str, str]:
    """The metric of the group of a partitive ("of the 12,000 deployed"): the first words of its
    own noun phrase only (in Korean those before it), ``deployed`` by default."""
    if lex.words_before:
        hit = _kursk(text, (max(z.clause[0], fig.start - 24), fig.start), z, lex)
        return ("in_kursk", hit, "phrase") if hit else ("deployed", "", "phrase")
    a, b = z.local
    head = re.match(r"\W*(?:\w+\W+){0,2}", text[a:b])
    short = (a, a + (head.end() if head else 0))
    found = _losses(text, fig, short, lex)
    if found:
        return (*found, "phrase")
    for key, name in (("additional", "additional_deployed"), ("kursk", "in_kursk")):
        hit = lex.metric[key].search(text, a, min(b, a + 40))
        if hit:
            return name, hit.group(0), "phrase"
    return "deployed", "", "phrase"


def continues_list(text: str, prev_end: int, start: int, lex: Lexicon) -> bool:
    """True if the figure at ``start`` continues a list begun by a figure ending at
    ``prev_end``: "10,000 soldiers and 1,000 sappers", "300 getötet, 2700 verwundet"."""
    gap = text[prev_end:start]
    if len(gap) > 80 or re.search(r"[.;:!?()]", gap):
        return False
    if lex.words_before:
        return re.search(r"(?:과|와|및|,)\s*\S*\s*$", gap) is not None
    tail = gap[-22:]
    return lex.conj.search(tail) is not None or tail.rstrip()[-1:] in (",", "—", "–")


def _losses(text: str, fig: Figure, span: Span, lex: Lexicon) -> tuple[str, str] | None:
    """The loss metric the words of ``span`` give ``fig``: a killed-and-wounded phrase, captured,
    or the nearest killed / wounded / casualty word (killed first on a tie)."""
    a, b = span
    m = lex.metric
    hit = m["casualties_phrase"].search(text, a, b)
    if hit:
        return "casualties", hit.group(0)
    hit = m["captured"].search(text, a, b)
    if hit and not _inside(hit, fig):
        return "captured", hit.group(0)
    best = None
    for rank, (key, name) in enumerate(_LOSSES):
        for hit in m[key].finditer(text, a, b):
            if _inside(hit, fig):
                continue
            d = fig.start - hit.end() if hit.end() <= fig.start else hit.start() - fig.end
            if best is None or (d, rank) < best[:2]:
                best = (d, rank, name, hit.group(0))
    return (best[2], best[3]) if best else None


def _inside(hit: re.Match, fig: Figure) -> bool:
    return fig.start <= hit.start() < fig.end


def _near(pattern: re.Pattern, text: str, fig: Figure, window: Span) -> str:
    """A cue right before the figure (within 40 characters, in its window)."""
    hit = pattern.search(text, max(window[0], fig.start - 40), fig.start)
    return hit.group(0) if hit else ""


def kind(text: str, window: Span, context: list[Span], lex: Lexicon,
         coordinated: Span | None = None, listed: str = "count") -> str:  # fmt: skip
    """``forecast``, ``period`` or ``count``, from the figure's window, then its sentence's
    figureless clauses, then the clause joined to it by "and" ("52 were killed and 47 wounded in
    the past 24 hours"); a figure continuing a list takes the kind of the one before."""
    spans = [window, *context] + ([coordinated] if coordinated else [])
    for pattern, name in ((lex.forecast, "forecast"), (lex.period, "period")):
        if any(pattern.search(text, *s) for s in spans):
            return name
    return listed


def hedged(text: str, window: Span, context: list[Span], lex: Lexicon) -> bool:
    """True if the figure's clause, or a figureless clause of its sentence, hedges it."""
    return bool(lex.hedge.search(text, *window) or any(lex.hedge.search(text, *s) for s in context))


def qualifier(text: str, fig: Figure, clause: Clause, lex: Lexicon) -> str:
    """The qualifier of ``fig`` from the words right before and after it."""
    before = text[max(clause.start, fig.start - 45) : fig.start]
    if fig.form == "range":
        before = _OPENERS.sub("", before)
    for q, pattern in lex.qualifier_before:
        if pattern.search(before):
            return q
    after = text[fig.end : min(len(text), fig.end + 30)]
    starts = [after]
    if lex.words_before:  # Korean: after the counter, and after a particle on it
        after = after[_KO_COUNTER.match(after).end() :]
        starts = [after, after[_KO_PARTICLE.match(after).end() :] if _KO_PARTICLE.match(after)
                  else after]  # fmt: skip
    for q, pattern in lex.qualifier_after:
        if any(pattern.match(a) for a in starts):
            return q
    if fig.qual:
        return fig.qual
    return "about" if fig.form == "vague" else "exact"


def shared_qualifier(text: str, prev: tuple[int, str, str], fig: tuple[int, str, str],
                     listed: bool) -> str:  # fmt: skip
    """The qualifier of a figure listed after another: in "about 300 killed and 2,700 wounded"
    the second takes the first's "about". ``prev`` is (end, qualifier, metric) of the figure
    before, ``fig`` (start, qualifier, metric) of this one; ``listed``: it continues the list
    (:func:`continues_list`). A list of losses shares across a comma and a verb ("about 300
    died and 2,700 were wounded"); other lists only when nothing but nouns stand between."""
    p_end, p_qual, p_metric = prev
    start, qual, this_metric = fig
    if qual != "exact" or p_qual == "exact" or not listed:
        return qual
    gap = text[p_end:start]
    losses = p_metric in LOSS_METRICS and this_metric in LOSS_METRICS and p_metric != this_metric
    if losses or (p_metric == this_metric and "," not in gap and len(gap) <= 50):
        return p_qual
    return qual
