"""How a figure is qualified ("bis zu", "more than", ...) and whether its sentence hedges it."""

from __future__ import annotations

import re
from functools import lru_cache

# Words right before a figure (after "zwischen"/"between" is set aside), per qualifier.
_BEFORE = {
    "de": {
        "up_to": r"bis\s+zu|auf\s+bis\s+zu|knapp|nahezu|fast|beinahe",
        "about": r"rund|etwa|ungefähr|circa|ca\.|schätzungsweise|annähernd|geschätzte[n]?",
        "more_than": r"mehr\s+als|über|weit\s+über|mehr\s+denn",
        "at_least": r"mindestens|wenigstens|zumindest",
    },
    "en": {
        "up_to": r"up\s+to|as\s+many\s+as|nearly|almost|close\s+to|could\s+grow\s+to"
        r"|grow\s+to",
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


def hedged(sentence: str, lang: str) -> bool:
    """True if ``sentence`` hedges what it says (könnte, soll, reportedly, believed, ...)."""
    return _patterns(lang)[2].search(sentence) is not None
