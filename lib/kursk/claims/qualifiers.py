"""How a figure is qualified ("bis zu", "more than", ...) and whether its sentence hedges it."""

from __future__ import annotations

import re
from functools import lru_cache

# Words right before a figure (after "zwischen"/"between" is set aside), per qualifier.
_BEFORE = {
    "de": {
        "up_to": r"bis\s+zu|auf\s+bis\s+zu|knapp|nahezu|fast|beinahe|weniger\s+als",
        "about": r"rund|etwa|ungefähr|circa|ca\.|schätzungsweise|annähernd|geschätzte[n]?",
        "more_than": r"mehr\s+als|über|weit\s+über|mehr\s+denn",
        "at_least": r"mindestens|wenigstens|zumindest",
    },
    "en": {
        "up_to": r"up\s+to|as\s+many\s+as|nearly|almost|close\s+to|could\s+grow\s+to"
        r"|grow\s+to|fewer\s+than|less\s+than",
        "about": r"around|about|some|approximately|roughly|an\s+estimated|circa|ca\.|approx\.",
        "more_than": r"more\s+than|over|exceeding|exceeds?|exceeded|in\s+excess\s+of",
        "at_least": r"at\s+least|upwards\s+of|upward\s+of|no\s+fewer\s+than|not\s+less\s+than",
    },
}
_AFTER_AT_LEAST = {"de": r"oder\s+mehr|und\s+mehr", "en": r"or\s+more|and\s+more|plus"}
_SET_ASIDE = r"(?:zwischen|between|from|von)\s+$"

_HEDGES = {
    "de": r"\b(?:könnte[n]?|soll|sollen|sollte[n]?|offenbar|angeblich|vermutlich|wahrscheinlich"
    r"|möglicherweise|mutmaßlich|dürfte[n]?|voraussichtlich|schätz\w*|geschätzt\w*"
    r"|Berichten\s+zufolge)\b",
    "en": r"\b(?:believes?|believed|likely|probably|possibly|estimat\w*|reportedly|allegedly"
    r"|apparently|could|(?-i:may)|might|expected|expects?|plans?\s+to|planning\s+to"
    r"|prepar(?:es?|ing)\s+to|thought\s+to|suspected)\b",
}


@lru_cache(maxsize=4)
def _patterns(lang: str) -> tuple[list[tuple[str, re.Pattern]], re.Pattern, re.Pattern]:
    lang = lang if lang in _BEFORE else "en"
    before = [(q, re.compile(rf"(?i)(?<!\w)(?:{alt})\s*$")) for q, alt in _BEFORE[lang].items()]
    after = re.compile(rf"(?i)\s*(?:{_AFTER_AT_LEAST[lang]})\b")
    hedge = re.compile(_HEDGES[lang], re.IGNORECASE)
    return before, after, hedge


def qualifier(text: str, start: int, end: int, lang: str, vague: bool = False) -> str:
    """The qualifier of the figure at ``text[start:end]``: exact, about, more_than, at_least or up_to."""
    before_pats, after_pat, _ = _patterns(lang)
    before = text[max(0, start - 40) : start]
    before = re.sub(rf"(?i){_SET_ASIDE}", "", before)
    for q, pat in before_pats:
        if pat.search(before):
            return q
    if after_pat.match(text, end, min(len(text), end + 20)):
        return "at_least"
    return "about" if vague else "exact"


# Metrics of losses: in "about 300 killed and 2,700 wounded" the second figure shares the first's
# "about" (it is elided before it).
LOSS_METRICS = frozenset({"killed", "wounded", "casualties", "captured"})
# What may stand between the two figures: the first one's noun phrase and verb, then "and"/"und"
# (or a comma) right before the second; no clause break.
_COORDINATED = re.compile(r"[^;:.!?()]{0,80}?(?:,|\s(?:and|und|sowie))\s+", re.IGNORECASE)


def shared_qualifier(
    text: str, prev: tuple[int, str, str], fig: tuple[int, str, str], vague: bool
) -> str:
    """The qualifier of a figure coordinated with the one before it in a list of losses.

    ``prev`` is (end, qualifier, metric) of the figure before, ``fig`` (start, qualifier, metric)
    of this one. An "about" before the first of "about 300 killed and 2,700 wounded"
    covers the second too; any other qualifier (or a word of the second's own) is kept.
    """
    p_end, p_qual, p_metric = prev
    start, qual, fig_metric = fig
    if (
        qual != "exact"
        or vague
        or p_qual != "about"
        or p_metric not in LOSS_METRICS
        or fig_metric not in LOSS_METRICS
        or p_metric == fig_metric
        or _COORDINATED.fullmatch(text, p_end, start) is None
    ):
        return qual
    return "about"


def hedged(sentence: str, lang: str) -> bool:
    """True if ``sentence`` hedges what it says (könnte, soll, reportedly, believed, ...)."""
    return _patterns(lang)[2].search(sentence) is not None
