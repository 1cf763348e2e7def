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

from kursk.claims.clauses import Clause
from kursk.claims.lexicon import Lexicon
from kursk.claims.numbers import Figure

_LOSSES = (("killed", "killed"), ("wounded", "wounded"), ("casualties", "casualties"))
_OPENERS = re.compile(
    r"(?:between|from|zwischen|von|entre|de|от|від|між|между|с|з)\s*$", re.IGNORECASE
)
_KO_AFTER = re.compile(r"^\s?(?:명)?\s?(?:이|가|을|를|에|의|은|는|으로|로)?\s?")
LOSS_METRICS = frozenset({"killed", "wounded", "casualties", "captured"})
Span = tuple[int, int]


def metric(text: str, fig: Figure, window: Span, local: Span, context: list[Span],
           lex: Lexicon, group: bool = False) -> tuple[str, str, str]:  # fmt: skip
    """(metric, cue word, where: "phrase", "clause", "sentence" or "default") of ``fig``."""
    m = lex.metric
    if group:
        for zone in (local,):
            found = _losses(text, fig, zone, lex)
            if found:
                return (*found, "phrase")
        if _near(m["additional"], text, fig, window, local):
            return "additional_deployed", "", "phrase"
        if m["kursk"].search(text, *local):
            return "in_kursk", m["kursk"].search(text, *local).group(0), "phrase"
        return "deployed", "", "phrase"
    found = _losses(text, fig, window, lex)
    if found:
        return (*found, "clause")
    hit = _near(m["additional"], text, fig, window, local)
    if hit:
        return "additional_deployed", hit, "clause"
    for key, name in (("kursk", "in_kursk"), ("deploy", "deployed")):
        hit = m[key].search(text, *window)
        if hit:
            return name, hit.group(0), "clause"
    for span in context:
        found = _losses(text, fig, span, lex)
        if found:
            return (*found, "sentence")
    hit = m["casualties_weak"].search(text, *window)
    if hit:
        return "casualties", hit.group(0), "clause"
    for span in context:
        for key, name in (("additional", "additional_deployed"), ("kursk", "in_kursk")):
            hit = m[key].search(text, *span)
            if hit:
                return name, hit.group(0), "sentence"
    return "deployed", "", "default"


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


def _near(pattern: re.Pattern, text: str, fig: Figure, window: Span, local: Span) -> str:
    """A cue right before the figure (within 40 characters of its window) or in its phrase."""
    hit = pattern.search(text, max(window[0], fig.start - 40), fig.start)
    if hit is None:
        hit = pattern.search(text, *local)
    return hit.group(0) if hit else ""


def kind(text: str, window: Span, context: list[Span], lex: Lexicon) -> str:
    """``forecast``, ``period`` or ``count``, from the figure's window, then its sentence's
    figureless clauses."""
    for pattern, name in ((lex.forecast, "forecast"), (lex.period, "period")):
        if pattern.search(text, *window) or any(pattern.search(text, *s) for s in context):
            return name
    return "count"


def hedged(text: str, window: Span, context: list[Span], lex: Lexicon) -> bool:
    """True if the figure's clause, or a figureless clause of its sentence, hedges it."""
    return bool(lex.hedge.search(text, *window) or any(lex.hedge.search(text, *s) for s in context))


def qualifier(text: str, fig: Figure, clause: Clause, lex: Lexicon) -> str:
    """The qualifier of ``fig`` from the words right before and after it."""
    before = text[max(clause.start, fig.start - 45) : fig.start]
    before = _OPENERS.sub("", before)
    for q, pattern in lex.qualifier_before:
        if pattern.search(before):
            return q
    after = text[fig.end : min(len(text), fig.end + 30)]
    if lex.words_before:
        after = after[_KO_AFTER.match(after).end() :]
    for q, pattern in lex.qualifier_after:
        if pattern.match(after):
            return q
    if fig.qual:
        return fig.qual
    return "about" if fig.form == "vague" else "exact"


def shared_qualifier(text: str, prev: tuple[int, str, str], fig: tuple[int, str, str]) -> str:
    """The qualifier of a figure listed after another: in "about 300 killed and 2,700 wounded"
    the second takes the first's "about". ``prev`` is (end, qualifier, metric) of the figure
    before, ``fig`` (start, qualifier, metric) of this one."""
    p_end, p_qual, p_metric = prev
    start, qual, this_metric = fig
    if qual != "exact" or p_qual == "exact":
        return qual
    if p_metric not in LOSS_METRICS or this_metric not in LOSS_METRICS or p_metric == this_metric:
        return qual
    gap = text[p_end:start]
    if len(gap) > 80 or re.search(r"[;:.!?()]", gap):
        return qual
    return p_qual
