"""Who a figure is attributed to: the claimant of a sentence, or of the sentence an anaphor points to.

Candidates are entity mentions (exact aliases of ``data/entities.csv``, as
``kursk.entities.find_mentions(fuzzy=False)`` finds them; see :func:`mentions`): people and organisations as they
are; countries, their capitals and phrases such as "ukrainische Angaben" or "South Korean
lawmaker" stand for the government entity of that side (``government_of_*`` in entities.csv) and
count only next to an attribution cue. Outlets count only when nobody else is named. The one the
sentence attributes to is chosen by cue: "citing"/"unter Berufung auf" (the original source of a
nested attribution) first, then one next to laut / nach Angaben / zufolge / according to / said /
told ..., then any person or organisation in a sentence with a cue.
"""

from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache

from kursk.claims.metrics import lower_pattern
from kursk.entities import alias_table, load_entities

_I = re.IGNORECASE
_CAPITAL_SIDE = {"kyiv": "ukraine", "seoul": "south_korea", "moscow": "russia", "pyongyang": "dprk"}

_CUES = {
    "de": {
        "origin": r"unter\s+Berufung\s+auf|beruft\s+sich\s+auf|berief\s+sich\s+auf"
        r"|beriefen\s+sich\s+auf|zitiert|zitierte|Unterrichtung\s+durch|Briefing\s+(?:des|der|von)",
        "pre": r"laut|nach\s+(?:den\s+)?Angaben(?:\s+(?:des|der|von))?|nach\s+den\s+Worten"
        r"(?:\s+(?:des|der|von))?|nach\s+(?:den\s+)?Schätzungen(?:\s+(?:des|der|von))?"
        r"|hieß\s+es\s+(?:aus|von|in|im|beim)|sagte|sagten|sagt"
        r"|erklärte|erklärten|erklärt|teilte|teilten|meldete|meldet|berichtete|berichtet"
        r"|berichteten|warnte|schätzt|schätzte|bestätigte|so|spricht|sprach|gab|gibt|wie"
        r"|schreibt|schrieb",
        # "will"/"wollen" claim only with a perfect infinitive ("will 14 verwundet haben"), not a
        # plan ("will 8.000 Soldaten entsenden"); a dot inside a number ("8.000") is no end
        "post": r"zufolge|will(?=(?:[^.;!?]|\.(?=\d))*\b(?:haben|sein)\b)"
        r"|wollen(?=(?:[^.;!?]|\.(?=\d))*\b(?:haben|sein)\b)|sagte|sagten|sagt|sagen|erklärte"
        r"|erklärten|erklärt|teilte|teilten|teilt|meldete|meldet|berichtete|berichtet|berichteten|spricht|sprach|sprachen"
        r"|schätzt|schätzte|schätzen|geht\s+davon\s+aus|gibt\s+an|gab\s+an|warnte|warnt"
        r"|bestätigte|bezifferte|beziffert|nannte|nennt|behauptet|behauptete|mitteilte"
        r"|schreibt|schrieb",
        "anaphor": r"\bdemnach\b|\bzufolge\b|\b(?:sagte|erklärte|betonte|sagt|fügte|schrieb"
        r"|teilte)\s+(?:er|sie)\b|\b(?:er|sie)\s+(?:sagte|erklärte|sprach|nannte|fügte)\b"
        r"|\bnach\s+(?:seinen|ihren)\s+(?:Angaben|Worten)\b|\b(?:ihm|ihr|ihnen)\s+zufolge\b"
        r"|\bso\s+(?:der|die)\s+\w+\b|\bhieß\s+es\b",
    },
    "en": {
        "origin": r"citing|cited|quoting|quoted|briefing\s+(?:by|from)|briefed\s+by",
        "pre": r"according\s+to|said|says|told|in\s+the\s+words\s+of|per",
        "post": r"said|says|say|told|tells|reported|reports|report|estimated|estimates"
        r"|estimate|believes|believe|believed|claimed|claims|claim|warned|warns|put|puts"
        r"|announced|confirmed|stated|added|wrote|noted|assessed|assesses",
        "anaphor": r"\b(?:he|she|they|it)\s+(?:said|says|told|added|estimated|claimed|noted"
        r"|wrote|warned)\b|\b(?:said|told)\s+(?:he|she|they)\b|\baccording\s+to\s+(?:him|her"
        r"|them|the\s+(?:minister|ministry|agency|official|report|briefing|statement))\b"
        r"|\bthe\s+(?:minister|ministry|agency|official|spokesman|spokeswoman|president"
        r"|general)\s+(?:said|added|told|estimated)\b",
    },
}
_DEMONYM = re.compile(
    r"\b(?P<adj>ukrainisch\w*|ukrainian|südkoreanisch\w*|south\s+korean|us-amerikanisch\w*"
    r"|amerikanisch\w*|american|(?-i:US|U\.S\.)|russisch\w*|russian|nordkoreanisch\w*"
    r"|north\s+korean)\s+(?:(?-i:[a-z]\w+)\s+)?(?P<noun>\w*einheit\w*|units?|brigade\w*"
    r"|battalion\w*|bataillon\w*|angaben|regierung\w*|behörde\w*|beamte\w*|vertreter\w*|kreise\w*|quellen"
    r"|militär\w*|geheimdienst\w*|truppen|streitkräfte\w*|armee|abgeordnete\w*|officials?"
    r"|government|authorities|sources|military|forces|troops|intelligence|lawmakers?|army"
    r"|side|seite|officers?|commanders?|kommandeur\w*|präsident\w*|president)\b",
    _I,
)
# Offices whose holder did not change from January 2024 to December 2025: "the Ukrainian
# president" is Zelensky. The US and South Korean presidents changed (January 2025; April-June
# 2025), so "the South Korean president" stands for that government (:data:`_DEMONYM`). These
# phrases name a claimant only; they are not aliases (``kursk.entities`` mentions are unchanged).
_ROLES = {
    "volodymyr_zelensky": r"ukrainian\s+president|ukraine(?:'s|’s)\s+president|president\s+of\s+ukraine"
    r"|ukrainische[nmrs]?\s+(?:präsident|staatschef)\w*|(?:präsident|staatschef)\w*\s+der\s+ukraine",
    "vladimir_putin": r"russian\s+president|russia(?:'s|’s)\s+president|president\s+of\s+russia"
    r"|russische[nmrs]?\s+(?:präsident|staatschef)\w*|(?:präsident|staatschef)\w*\s+russlands"
    r"|kreml-?chef\w*",
    "kim_jong_un": r"north\s+korean\s+leader|north\s+korea(?:'s|’s)\s+leader"
    r"|nordkoreanische[nmrs]?\s+(?:machthaber|staatschef|führer)\w*|machthaber\w*\s+nordkoreas",
}
_ROLE = re.compile("|".join(rf"(?P<{k}>\b(?:{v})\b)" for k, v in _ROLES.items()), _I)
_ROLE_CUES = ("presiden", "präsiden", "staatschef", "kreml", "leader", "machthaber", "führer")
_SELF_CITED_NOUNS = ("angaben", "quellen", "sources")  # "nach ukrainischen Angaben"
_SELF_CITED = re.compile("|".join(_SELF_CITED_NOUNS), _I)
_PUNCT = re.compile(r"[,;:.!?\"“”„()]")


def _side_of_demonym(adj: str) -> str:
    a = adj.lower()
    for key, side in (("südkorea", "south_korea"), ("south korea", "south_korea"),
                      ("nordkorea", "dprk"), ("north korea", "dprk"), ("ukrain", "ukraine"),
                      ("russ", "russia"), ("amerik", "us"), ("americ", "us"), ("us", "us"),
                      ("u.s.", "us")):  # fmt: skip
        if a.startswith(key):
            return side
    return ""


@lru_cache(maxsize=1)
def government_of() -> dict[str, str]:
    """Side -> canonical name of its government entity (entity_id government_of_*)."""
    ents = load_entities()
    govs = ents[
        (ents["type"] == "organisation") & ents["entity_id"].str.startswith("government_of_")
    ]
    return dict(zip(govs["side"], govs["name"], strict=True))


@lru_cache(maxsize=8)
def _cue_patterns(lang: str, lowered: bool = False) -> dict[str, re.Pattern]:
    """Cue patterns of ``lang`` ("any": one of pre, post, origin); ``lowered``: for lower-cased
    text, without IGNORECASE (faster)."""
    cues = _CUES.get(lang, _CUES["en"])
    fix, flags = (lower_pattern, 0) if lowered else (str, _I)
    out = {
        k: re.compile(rf"(?<!\w)(?:{fix(v)})(?!\w)", flags)
        for k, v in cues.items()
        if k != "anaphor"
    }
    linked = "|".join(fix(cues[k]) for k in ("pre", "post", "origin"))
    out["any"] = re.compile(rf"(?<!\w)(?:{linked})(?!\w)", flags)
    out["anaphor"] = re.compile(fix(cues["anaphor"]), flags)
    return out


def _cue_text(sentence: str, lang: str) -> tuple[dict[str, re.Pattern], str]:
    """The cue patterns and the text to run them on: lower-cased if that keeps the offsets."""
    low = sentence.lower()
    if len(low) == len(sentence):
        return _cue_patterns(lang, True), low
    return _cue_patterns(lang), sentence


_SHORT = 4  # aliases this long or shorter match case-sensitively (as in kursk.entities)
_WORD_CH = re.compile(r"[\w\u00C0-\u024F\u0400-\u04FF\uAC00-\uD7A3]")
_FIRST = re.compile(r"[\w\u00C0-\u024F\u0400-\u04FF\uAC00-\uD7A3]+")


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, list[tuple[str, str, tuple[str, str, str, str]]]]:
    """First word (casefolded) -> [(alias, casefolded alias, (name, entity_id, type, side))],
    longest alias first."""
    index: dict[str, list[tuple[str, str, tuple[str, str, str, str]]]] = {}
    seen: set[str] = set()
    for r in alias_table().itertuples(index=False):
        first = _FIRST.match(r.alias)
        key = r.alias if len(r.alias) <= _SHORT else r.alias.casefold()
        if first is None or key in seen:
            continue
        seen.add(key)
        index.setdefault(first.group(0).casefold(), []).append(
            (r.alias, r.alias.casefold(), (r.name, r.entity_id, r.type, r.side))
        )
    for v in index.values():
        v.sort(key=lambda a: (-len(a[0]), a[0]))
    return index


@lru_cache(maxsize=1)
def _alias_prefixes() -> dict[str, str]:
    """First word (casefolded) -> the longest start all its aliases share, casefolded.

    A match of any of them begins with it, so :func:`mentions` looks for this string, not for
    the first word alone ("der s" for "Der Spiegel" and "Der Standard", not every "der").
    """
    return {
        w: os.path.commonprefix([alias_cf for _, alias_cf, _ in aliases])
        for w, aliases in _alias_index().items()
    }


def _runs_expanded(sentence: str, hits: list[str], index: dict) -> list[tuple[int, str]]:
    """(start, casefolded word) of the words of ``sentence`` that may begin an alias, for a
    sentence whose casefolding changes its length (German ß -> ss).

    Every word's casefolded form, as :func:`mentions` looks it up; words no alias begins with
    are left out (they match nothing). Sentences whose length changes for another reason than
    ß are read word by word.
    """
    expanded = sentence.replace("ß", "ss")
    folded = expanded.casefold()
    if len(folded) != len(expanded):
        return [(m.start(), m.group(0).casefold()) for m in _FIRST.finditer(sentence)]
    # where (in ``expanded``) the "ss" each ß became ends: the n-th ß, at i in ``sentence``,
    # ends at i + n + 2; an offset p maps back to p minus the number of these ends <= p
    ends = []
    i = sentence.find("ß")
    while i >= 0:
        ends.append(i + len(ends) + 2)
        i = sentence.find("ß", i + 1)
    runs = _alias_runs(folded, hits, index)
    return [(i - bisect.bisect_right(ends, i), word) for i, word in runs]


def _alias_runs(folded: str, hits: list[str], index: dict) -> list[tuple[int, str]]:
    """(start, word) in the casefolded ``folded`` of each word that is a first word in ``hits``
    (or one with an "s" the index lacks), found with ``str.find`` of its aliases' shared start."""
    found = set()
    prefixes = _alias_prefixes()
    for w in hits:
        lead = prefixes[w]
        i = folded.find(lead)
        while i >= 0:
            if i == 0 or not _WORD_CH.match(folded, i - 1):
                run = _FIRST.match(folded, i)
                word = run.group(0) if run else ""
                if word == w or (word == w + "s" and word not in index):
                    found.add((i, word))
            i = folded.find(lead, i + 1)
    return sorted(found)


def mentions(sentence: str) -> list[tuple[int, int, str, str, str, str]]:
    """Exact alias mentions in ``sentence``: (start, end, name, entity_id, type, side).

    The same matches as ``kursk.entities.find_mentions(sentence, fuzzy=False)`` (whole words,
    longest alias first, short aliases case-sensitive, genitive/possessive s), found by looking up
    each word instead of one large regular expression: about a hundred times faster per sentence.
    """
    index = _alias_index()
    out = []
    pos = 0
    folded: str | None = sentence.casefold()
    if len(folded) != len(sentence):
        folded = None
    words = set(_FIRST.findall(folded if folded is not None else sentence.casefold()))
    words.update([w[:-1] for w in words if w[-1] == "s"])
    hits = [w for w in words if w in index]
    if not hits:
        return out  # no word begins an alias
    if folded is not None:  # visit only the words that begin an alias (found with str.find)
        runs = _alias_runs(folded, hits, index)
    else:
        runs = _runs_expanded(sentence, hits, index)
    for start, word in runs:
        if start < pos:
            continue
        cands = index.get(word)
        if cands is None and word[-1:] == "s":
            cands = index.get(word[:-1])
        for alias, alias_cf, info in cands or ():
            n = len(alias)
            if n <= _SHORT:
                if not sentence.startswith(alias, start):
                    continue
            elif folded is not None:
                if len(alias_cf) != n or not folded.startswith(alias_cf, start):
                    continue
            elif sentence[start : start + n].casefold() != alias_cf:
                continue
            end = start + n
            for suffix in ("’s", "'s", "s", ""):
                if sentence.startswith(suffix, end) and not _WORD_CH.match(
                    sentence, end + len(suffix)
                ):
                    end += len(suffix)
                    break
            else:
                continue
            out.append((start, end, *info))
            pos = end
            break
    return out


# Lower-case pieces of every _DEMONYM adjective.
_DEMONYM_CUES = ("ukrain", "korean", "ameri", "russ")


def _may_have_demonym(sentence: str) -> bool:
    """False if ``sentence`` cannot hold a :data:`_DEMONYM` phrase (a cheap literal test)."""
    if "US" in sentence or "U.S." in sentence:
        return True
    low = sentence.lower()
    return any(cue in low for cue in _DEMONYM_CUES)


def _candidates(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical name, kind) with kind actor | gov | gov_cited | outlet."""
    out = _role_candidates(sentence)
    roles = [(s, e) for s, e, _, _ in out]
    govs = government_of()
    for start, end, name, entity_id, etype, side in mentions(sentence):
        if any(s < end and start < e for s, e in roles):
            continue  # "Ukraine's" in "Ukraine's president"
        if etype in ("person", "organisation"):
            out.append((start, end, name, "actor"))
        elif etype == "country" and side in govs:
            out.append((start, end, govs[side], "gov"))
        elif etype == "place" and _CAPITAL_SIDE.get(entity_id) in govs:
            out.append((start, end, govs[_CAPITAL_SIDE[entity_id]], "gov"))
        elif etype == "outlet":
            out.append((start, end, name, "outlet"))
    if not _may_have_demonym(sentence):
        return out
    taken = [(s, e) for s, e, _, _ in out]
    for m in _DEMONYM.finditer(sentence):
        side = _side_of_demonym(m.group("adj"))
        if side in govs and not any(s < m.end() and m.start() < e for s, e in taken):
            kind = "gov_cited" if _SELF_CITED.fullmatch(m.group("noun")) else "gov"
            out.append((m.start(), m.end(), govs[side], kind))
    return out


@lru_cache(maxsize=1)
def _names_by_id() -> dict[str, str]:
    ents = load_entities()
    return dict(zip(ents["entity_id"], ents["name"], strict=True))


def _role_candidates(sentence: str) -> list[tuple[int, int, str, str]]:
    """(start, end, canonical name, "actor") for each office of :data:`_ROLES` in ``sentence``."""
    low = sentence.lower()
    if not any(cue in low for cue in _ROLE_CUES):
        return []
    names = _names_by_id()
    return [(m.start(), m.end(), names[m.lastgroup], "actor") for m in _ROLE.finditer(sentence)]


def _link(
    spans: dict[str, list[tuple[int, int]]], sentence: str, start: int, end: int, kind: str
) -> int | None:
    """Distance to the nearest cue of ``kind`` next to the span, or None if not linked."""
    best = None
    for cs, ce in spans[kind]:
        if kind in ("pre", "origin") and ce <= start:
            gap = sentence[ce:start]
            limit = 55
        elif kind == "post" and cs >= end:
            gap = sentence[end:cs]
            limit = 40
        else:
            continue
        if len(gap) <= limit and not _PUNCT.search(gap):
            best = len(gap) if best is None else min(best, len(gap))
    return best


def has_anaphor(sentence: str, lang: str) -> bool:
    """True if ``sentence`` points back to an earlier claimant ("demnach", "he said")."""
    cues, s = _cue_text(sentence, lang)
    return cues["anaphor"].search(s) is not None


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression (``a|b(?:c|d)`` -> ``a``, ``b(?:c|d)``)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return parts + [pattern[start:]]


@lru_cache(maxsize=4)
def cue_first_words(lang: str) -> frozenset[str]:
    """The lower-case word every pre, post and origin cue of ``lang`` begins with.

    Each cue is a literal word followed by ``\\s+``, a lookahead ``(?=...)`` or nothing, so a
    sentence none of whose words
    (``\\w+``, lower case) is in this set holds no cue: the regular expression need not run.
    """
    cues = _CUES.get(lang, _CUES["en"])
    words = set()
    for kind in ("pre", "post", "origin"):
        for alt in _alternatives(cues[kind]):
            m = re.fullmatch(r"(\w+)(?:\\s\+.*|\(\?=.*\))?", alt, re.DOTALL)
            if m is None:
                raise ValueError(f"cue {alt!r} does not begin with a literal word")
            words.add(m.group(1).lower())
    return frozenset(words)


_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=8)
def _cues_by_word(lang: str, lowered: bool) -> dict[str, dict[str, re.Pattern]]:
    """Kind (pre, post, origin) -> first word -> the cues of that kind beginning with it, in
    their order, as one pattern anchored where the word begins."""
    cues = _CUES.get(lang, _CUES["en"])
    fix, flags = (lower_pattern, 0) if lowered else (str, _I)
    out: dict[str, dict[str, re.Pattern]] = {}
    for kind in ("pre", "post", "origin"):
        grouped: dict[str, list[str]] = {}
        for alt in _alternatives(cues[kind]):
            grouped.setdefault(re.match(r"\w+", alt).group(0).lower(), []).append(fix(alt))
        out[kind] = {
            w: re.compile(rf"(?:{'|'.join(alts)})(?!\w)", flags) for w, alts in grouped.items()
        }
    return out


def cue_spans(sentence: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Spans of the pre, post and origin cues in ``sentence``: what ``finditer`` of each kind's
    pattern (:func:`_cue_patterns`) finds, tried only where a word that begins a cue stands."""
    return _cue_spans(sentence, lang, None)


def _cue_spans(
    sentence: str, lang: str, present: set[str] | None
) -> dict[str, list[tuple[int, int]]]:
    """:func:`cue_spans`; ``present``, if known, is the set of cue first words among the words
    of ``sentence.lower()``."""
    cues, s = _cue_text(sentence, lang)
    lowered = s is not sentence
    spans: dict[str, list[tuple[int, int]]] = {"pre": [], "post": [], "origin": []}
    if lowered:  # the words that begin a cue, found with str.find
        words = []
        if present is None:
            present = cue_first_words(lang).intersection(_WORDS.findall(s))
        for w in present:
            n = len(w)
            i = s.find(w)
            while i >= 0:
                if (i == 0 or not _is_word_char(s[i - 1])) and (
                    i + n == len(s) or not _is_word_char(s[i + n])
                ):
                    words.append((i, w))
                i = s.find(w, i + 1)
        words.sort()
    else:
        firsts = cue_first_words(lang)
        words = [(m.start(), w) for m in _WORDS.finditer(s) if (w := m.group(0).lower()) in firsts]
    if not words:
        return spans
    for kind, by_word in _cues_by_word(lang, lowered).items():
        found = spans[kind]
        last = 0
        for start, w in words:
            if start < last:
                continue  # inside the previous cue of this kind
            pat = by_word.get(w)
            m = pat.match(s, start) if pat is not None else None
            if m is not None:
                found.append(m.span())
                last = m.end()
    return spans


def _is_word_char(ch: str) -> bool:
    """True if ``ch`` is matched by ``\\w`` (a letter, digit or underscore)."""
    return ch.isalnum() or ch == "_"


def claimant_in(sentence: str, lang: str) -> str:
    """The claimant ``sentence`` attributes its content to ("" if none)."""
    low = sentence.lower()
    present = cue_first_words(lang).intersection(_WORDS.findall(low))
    if not present:
        spans = None
        any_cue = False
    else:
        spans = _cue_spans(sentence, lang, present)
        any_cue = bool(spans["pre"] or spans["post"] or spans["origin"])
    if not any_cue and not any(noun in low for noun in _SELF_CITED_NOUNS):
        return ""  # without a cue only "nach ukrainischen Angaben" (gov_cited) names a claimant
    candidates = _candidates(sentence)
    if not candidates:
        return ""
    if spans is None:
        spans = {"pre": [], "post": [], "origin": []}
    ranked = []
    for start, end, name, kind in candidates:
        origin = _link(spans, sentence, start, end, "origin")
        pre = _link(spans, sentence, start, end, "pre")
        post = _link(spans, sentence, start, end, "post")
        near = min(d for d in (pre, post, 999) if d is not None)
        if kind == "gov_cited":
            kind, near = "gov", 0
        if origin is not None:
            tier, dist = (0 if kind != "outlet" else 1), origin
        elif near < 999:
            tier, dist = {"actor": 2, "gov": 3, "outlet": 5}[kind], near
        elif any_cue and kind != "gov":
            tier, dist = (4 if kind == "actor" else 6), 999
        else:
            continue
        ranked.append((tier, dist, start, name))
    return min(ranked)[3] if ranked else ""


def sentence_claimant(sentence: str, lang: str) -> tuple[str, bool]:
    """The claimant a sentence attributes its content to ("" if none) and whether it has an anaphor."""
    return claimant_in(sentence, lang), has_anaphor(sentence, lang)
