"""Whether a figure counts North Korean troops, and what it counts (the metric)."""

from __future__ import annotations

import re

from kursk.claims.numbers import Figure
from kursk.claims.prefilter import Gated

_I = re.IGNORECASE

#: Metrics of the curated claims that the extractor never assigns: troops stationed at the border
#: at a date (a stock) read like troops sent in a single sentence; only the whole source tells.
CURATED_ONLY_METRICS = ("at_border",)


def lower_pattern(pattern: str) -> str:
    """``pattern`` for lower-cased text: letters lower-cased, escapes (``\\s``, ``\\b``) kept."""
    return re.sub(r"\\.|[^\\]+", lambda m: m[0] if m[0][0] == "\\" else m[0].lower(), pattern)


# Nouns a troop figure counts (German and English; tokens matched whole).
_TROOP = re.compile(
    r"soldat\w*|truppen?|mann|männer|kämpfer\w*|militärangehörige\w*|armeeangehörige\w*"
    r"|nordkoreaner\w*|spezialkräfte\w*|spezialeinheit\w*|pionier\w*|kontingent\w*"
    r"|kriegsgefangene\w*|gefangene\w*|tote[n]?|verwundete\w*|verletzte\w*|verluste\w*|opfer"
    r"|soldiers?|troops?|men|personnel|fighters?|servicemen|service|koreans|engineers|builders"
    r"|contingent|commandos?|forces|pows?|prisoners?|casualties|losses|dead|deaths|killed"
    r"|wounded|injured|captured",
    _I,
)
# Lower-case substrings at least one of which every _TROOP word contains (a fast str.find
# prefilter: a figure is only looked at if one of them is near; tests check the coverage).
TROOP_STEMS = (
    "soldat", "truppe", "mann", "männer", "kämpfer", "angehörige", "koreaner", "koreans",
    "kräfte", "spezialeinheit", "pionier", "kontingent", "gefangene", "tote", "verwundete",
    "verletzte", "verluste", "opfer", "soldier", "troop", "men", "personnel", "fighter",
    "service", "engineer", "builder", "contingent", "commando", "forces", "pow", "prisoner",
    "casualt", "losses", "dead", "death", "killed", "wounded", "injured", "captured",
    "strong",  # not a troop word: "an 11,000-strong force" (:data:`_STRONG`)
    "force", "streitmacht",  # only after "North Korean" (:data:`_NK_FORCE`)
)  # fmt: skip
# Nouns that make a number something else: equipment, units, money, distance, time.
_UNIT = re.compile(
    r"schiffe\w*|ships?|container\w*|brigaden?|brigades?|bataillon\w*|battalions?|division\w*"
    r"|regiment\w*|einheiten|units?|panzer\w*|tanks?|raketen\w*|missiles?|granaten|shells?"
    r"|geschütze\w*|guns?|haubitzen|howitzers?|launchers?|drohnen|drones?|fahrzeuge\w*"
    r"|vehicles?|tonnen|tonnes?|tons?|flugzeuge\w*|aircraft|articles?|artikel|prozent|percent"
    r"|dollars?|euro|kilomet\w*|km|meter\w*|meilen|miles?|jahre\w*|years?|jahr|jährig\w*"
    r"|tage\w*|days?|wochen|weeks?|monate\w*|months?|stunden|hours?|minuten|minutes?|uhr"
    r"|rounds?|schuss|kg|dörfer|villages?|orte|siedlungen|settlements?|mal|times|milliarden"
    r"|billion|millionen|million|prozentpunkte|seiten|pages?|meter|metres?|meters?",
    _I,
)
_FOREIGN_ADJ = re.compile(r"russisch\w*|ukrainisch\w*|russian|ukrainian|eigene[nr]?", _I)
_UNIT_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:%|€|\$|year-old|years?-old|jährig\w*|-jährig\w*|a\.m\.|p\.m\.|per\s+cent)", _I
)
# "The North Korean force numbers 11,000": "force" alone is no troop word ("air force", "task
# force"), but the North Korean one is.
_NK_FORCE = re.compile(
    r"(?:north[\s-]korean|nordkoreanische[nmrs]?|pyongyang(?:'s|’s))\s+(?:[\w-]+\s+)?"
    r"(?:force|streitmacht)\b",
    _I,
)
# "an 11,000-strong force", "a 3,000-strong brigade": the strength of a body of troops.
_STRONG = re.compile(r"-?\s?strong\b", _I)
_BEFORE_NOT = re.compile(r"(?:[$€£]|\bUS-?\$|\baged|\bAlter\s+von|\bNr\.|\bNo\.)\s*$")
_MONTH_BEFORE = re.compile(
    r"\b(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    r"|January|February|March|May|June|July|October|December)\s*$"
)
MAX_FIGURE = 1_000_000  # a million or more is an army's size, never a deployment or a loss
_TOKEN = re.compile(r"[\w'’-]+|[.;:!?]")
NK = re.compile(
    r"nord-?korea\w*|north[\s-]korea\w*|\bdprk\b|\bkpa\b|pjöngjang|pjongjang|pyongyang"
    r"|kim\s+jong",
    _I,
)
_OTHER_SIDE = re.compile(
    r"russland|russia\w*|russisch\w*|ukrain\w*|kiew|kyiv|moskau|moscow|kreml\w*", _I
)


def _lowered(text: str) -> tuple[str, bool]:
    """``text`` lower-cased if that keeps its length (then the _LC patterns apply), else as is."""
    low = text.lower()
    return (low, True) if len(low) == len(text) else (text, False)


# Words after a figure that end its noun phrase: what follows is a time ("by the end of the
# year", "bis Jahresende"), not what the figure counts.
_HEAD_STOP = frozenset({"by", "until", "before", "within", "bis", "binnen", "innerhalb"})


def _head(after: str) -> tuple[str | None, bool]:
    """The first troop or unit noun after a figure, and whether a Russian/Ukrainian word precedes it."""
    after, lc = _lowered(after)
    kind_of = _HEAD_LC if lc else _HEAD
    foreign = False
    for n, m in enumerate(_TOKEN.finditer(after)):
        tok = m.group(0)
        if n >= 7 or tok in ".;:!?" or tok.lower() in _HEAD_STOP:
            break
        k = kind_of.fullmatch(tok)
        if k is None:
            continue
        if k.lastgroup == "foreign":
            foreign = True
        else:
            return k.lastgroup, foreign
    return None, False


_PLACE_PREP = re.compile(
    r"(?:\bin|\bnach|\bto|\binto|\bim|\bins|\baus|\bfrom|\bgegen|\bagainst|\bfür|\bfor)"
    r"\s+(?:der|die|den|dem|des|the)?\s*$",
    _I,
)


def _owner_other_side(before: str) -> bool:
    """True if Russia or Ukraine is named before the figure other than as a place ("in Russland")."""
    before, lc = _lowered(before)
    if lc and not _LC_GATED[id(_OTHER_SIDE)].possible(before):
        return False
    other, prep = (_LC[id(p)] if lc else p for p in (_OTHER_SIDE, _PLACE_PREP))
    return any(
        not prep.search(before, max(0, m.start() - 14), m.start()) for m in other.finditer(before)
    )


def _names_nk(text: str) -> bool:
    """True if ``text`` names North Korea (:data:`NK`)."""
    text, lc = _lowered(text)
    return (_LC_GATED[id(NK)] if lc else NK).search(text) is not None


# Patterns of this module again, for lower-cased text without IGNORECASE (several times faster).
_LC = {
    id(p): re.compile(lower_pattern(p.pattern))
    for p in (_TROOP, _UNIT, _FOREIGN_ADJ, NK, _OTHER_SIDE, _PLACE_PREP)
}
_LC_GATED = {k: Gated(p) for k, p in _LC.items()}

# One pattern for the three token tests of :func:`_head`, tried in its order (troop, unit,
# foreign adjective): a token that is a troop word is never tested as a unit, as before.
_HEAD, _HEAD_LC = (
    re.compile(
        rf"(?P<troop>{fix(_TROOP.pattern)})|(?P<unit>{fix(_UNIT.pattern)})"
        rf"|(?P<foreign>{fix(_FOREIGN_ADJ.pattern)})",
        flags,
    )
    for fix, flags in ((str, _I), (lower_pattern, 0))
)

_NOUN_PHRASE = re.compile(
    r"[^.,;:!?]{0,100}?(?:" + _TROOP.pattern + r")\w*"
    r"(?:\s+(?:(?:und|and|oder|or)\s+)?(?:" + _TROOP.pattern + r")\w*)*"
    r"(?:\s+(?:aus|from|of)\s+\S+(?:\s+\S+)?)?",
    _I,
)


def _noun_phrase(after: str) -> str:
    """The words after a figure up to its head noun (through troop words joined to it: "getöteten
    und verwundeten Nordkoreanern") and a following "aus/from North Korea"."""
    m = _NOUN_PHRASE.match(after)
    return m.group(0) if m else ""


def is_troop_figure(text: str, fig: Figure, sent_start: int, sent_end: int, context: str) -> bool:
    """True if ``fig`` (in the sentence ``text[sent_start:sent_end]``) counts North Korean troops.

    ``context`` is the text of the few sentences before, used when the sentence itself does not
    name North Korea (the seed's "Bis zu 15.000 Mann ... aus dem autoritär geführten Staat").
    """
    if _UNIT_AFTER.match(text, fig.end):
        return False
    if fig.high >= MAX_FIGURE:
        return False
    before = text[sent_start : fig.start]
    if _BEFORE_NOT.search(before[-25:]):
        return False  # money, ages, numbered things
    if fig.plain and fig.low <= 31 and _MONTH_BEFORE.search(before[-25:]):
        return False  # a day: "June 19"
    head_text = text[fig.end : min(sent_end, fig.end + 100)]
    head, foreign = _head(head_text)
    strong = _STRONG.match(head_text)
    if strong is not None:  # whatever noun follows, the figure is a number of people
        words = _TOKEN.findall(head_text, strong.end())[:3]
        head, foreign = "troop", any(_FOREIGN_ADJ.fullmatch(w) for w in words)
    if head == "unit" or foreign:
        return False
    if fig.plain and 1900 <= fig.low <= 2100:
        first = _TOKEN.search(text, fig.end, sent_end)
        if not (first and _TROOP.fullmatch(first.group(0))):
            return False  # a year
    if head is None:
        near, lc = _lowered(before[-120:])
        troop_word = (_LC_GATED[id(_TROOP)] if lc else _TROOP).search(near)
        if not troop_word and not _NK_FORCE.search(near):
            return False
    sentence = text[sent_start:sent_end]
    if _owner_other_side(before):
        # "Russland hat 45.000 Soldaten, darunter nordkoreanische Einheiten": with Russia or
        # Ukraine before the figure, North Korea must be in the figure's own noun phrase.
        phrase = text[max(sent_start, fig.start - 60) : fig.end] + _noun_phrase(head_text)
        return _names_nk(phrase)
    return _names_nk(sentence) or _names_nk(context)


_CAS_PHRASE = re.compile(
    r"(?:getötet\w*|tot|tote[n]?|gefallen\w*|killed|dead|captured|gefangen\w*)\s+(?:oder|und|or|and)\s+"
    r"(?:verwundet\w*|verletzt\w*|verwundete\w*|wounded|injured|captured|killed|gefangen\w*"
    r"|getötet\w*)|(?:wounded|injured|verwundet\w*|verletzt\w*)\s+(?:or|and|oder|und)\s+(?:killed|getötet\w*)",
    _I,
)
_CAPTURED = re.compile(
    r"\b(?:captured|taken\s+prisoner|prisoners?(?:\s+of\s+war)?|pows?|captives?"
    r"|gefangen\s*genommen|gefangengenommen|kriegsgefangen\w*|gefangene\w*|festgenommen)\b",
    _I,
)
_KILLED = re.compile(
    r"\b(?:killed|dead|died|deaths?|fatalities|getötet\w*|tot|tote[n]?|gefallen|starben|gestorben"
    r"|ums\s+leben)\b",
    _I,
)
_WOUNDED = re.compile(r"\b(?:wounded|injured|verwundet\w*|verletzt\w*|verwundete\w*)\b", _I)
_CASUALTY = re.compile(r"\b(?:casualt\w*|losses|verluste\w*|opfer)\b", _I)
_ADDITIONAL = re.compile(
    r"\b(?:additional|further|another|(?<!or\s)more(?!\s+than)|new\s+batch|reinforcements?"
    r"|(?:second|third|fourth|fifth|new)\s+(?:batch|contingent|wave|group|rotation)"
    r"|(?:zweite|dritte|vierte|fünfte|neue)[nrs]?\s+(?:kontingent\w*|welle|gruppe|rotation)"
    r"|weitere[nrs]?|zusätzliche\w*|verstärkung\w*|nachschub|nachgeschickt|nachschicken)\b",
    _I,
)
_KURSK = re.compile(r"\b(?:kursk\w*|sudzha|sudscha)\b", _I)
# Between a loss word and a figure (a comma, semicolon or conjunction): the word belongs to the
# figure before ("300 died and 2,700 were wounded").
_COORDINATOR = re.compile(r"(?:[,;]|\b(?:and|und|or|oder|sowie)\b)", _I)


# The metric patterns again, for lower-cased text without IGNORECASE (several times faster).
_LOWERED = {
    id(p): re.compile(lower_pattern(p.pattern))
    for p in (_CAS_PHRASE, _CAPTURED, _KILLED, _WOUNDED, _CASUALTY, _ADDITIONAL, _KURSK)
}

# ... each searched only if the window holds one of the words its matches must contain.
_GATED = {k: Gated(p) for k, p in _LOWERED.items()}


def metric(window: str, fig_start: int, fig_end: int) -> str:
    """The metric of the figure at ``window[fig_start:fig_end]`` from the words around it.

    ``window`` is the stretch of the sentence that belongs to this figure (bounded by the
    neighbouring figures). Order: killed-and-wounded phrases, captured, the nearest of
    killed / wounded / casualties, a further batch, the Kursk region, else deployed.
    """
    low = window.lower()
    if len(low) == len(window):
        window = low

        def pat(p: re.Pattern) -> re.Pattern | Gated:
            return _GATED[id(p)]

    else:

        def pat(p: re.Pattern) -> re.Pattern:
            return p

    if pat(_CAS_PHRASE).search(window):
        return "casualties"
    if pat(_CAPTURED).search(window):
        return "captured"
    # the nearest loss word on each side: (distance, rank of its pattern, metric, where it ends);
    # on a tie killed comes before wounded before casualties, on either side
    before: tuple[int, int, str, int] | None = None
    after: tuple[int, int, str, int] | None = None
    for rank, (p, name) in enumerate(
        ((_KILLED, "killed"), (_WOUNDED, "wounded"), (_CASUALTY, "casualties"))
    ):
        for m in pat(p).finditer(window):
            if fig_start <= m.start() < fig_end:
                continue
            if m.end() <= fig_start:
                found = (fig_start - m.end(), rank, name, m.end())
                if before is None or found[:2] < before[:2]:
                    before = found
            else:
                found = (m.start() - fig_end, rank, name, m.end())
                if after is None or found[:2] < after[:2]:
                    after = found
    if (
        before is not None
        and after is not None
        and _COORDINATOR.search(window, before[3], fig_start)
    ):
        return after[2]  # "died and 2,700 were wounded": the word before is the figure before's
    near = min((x for x in (before, after) if x is not None), default=None)
    if near is not None:
        return near[2]
    if pat(_ADDITIONAL).search(window):
        return "additional_deployed"
    if pat(_KURSK).search(window):
        return "in_kursk"
    return "deployed"
