"""Numbers as written in German and English news: digits, number words, ranges and vague quantities.

:func:`find_figures` does not run its patterns over the whole text. It first folds the text to one
byte per character (:func:`fold`: Latin-1, lower case, every digit "0") and finds the places worth
a look far faster than any regular expression: digit runs with ``bytes.find``, and the literal
pieces every number word begins with (:data:`WORD_CUES`) in one Aho-Corasick pass
(:class:`kursk.claims.prefilter.Literals`). The full
patterns (digits with dates and times to skip, and words on the lower-cased text) then run only
at those places. Values of number words come from text2num; dates, clock times and ISO dates are
matched first so that they are never read as figures.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

from kursk.claims.prefilter import Literals

# Vague quantities (see the package docstring): scale word -> (low, high) for "several"/plural
# forms, and the single value for "a couple". Documented convention, not parsed numbers.
VAGUE_RANGE = {"dozen": (20.0, 90.0), "hundred": (200.0, 900.0), "thousand": (2000.0, 9000.0)}
VAGUE_COUPLE = {"hundred": 200.0, "thousand": 2000.0}
TENS_OF_THOUSANDS = (20000.0, 90000.0)
_SCALE_OF = {
    "dutzend": "dozen", "dozen": "dozen", "hundert": "hundred", "hundred": "hundred",
    "tausend": "thousand", "thousand": "thousand",
}  # fmt: skip
_ABBREV_MULT = {"k": 1e3, "tsd.": 1e3, "tsd": 1e3, "mio.": 1e6, "mio": 1e6, "mln": 1e6}

_MONTHS = (
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    "January|February|March|May|June|July|October|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Okt|Nov|Dec|Dez"
)

# Things made of digits that are never figures: ISO dates, dotted dates, clock times.
_SKIP = (
    r"(?<![\w.,])(?:\d{4}-\d{1,2}(?:-\d{1,2})?(?![\d])"
    r"|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?(?!\d)"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?!\d)"
    r"|\d{1,2}\.\d{2}\s*Uhr\b"
    rf"|\d{{1,2}}\.?\s+(?:{_MONTHS})\b(?:\s+\d{{4}})?"
    r")"
)

_DIGITS = (
    r"(?<![\w.,])"
    r"(?P<d>\d{1,3}(?:(?:[.,'’]\x20?|[\x20\u00a0\u202f])\d{3})+(?!\d)|\d+(?:[.,]\d+)?(?!\d))"
    r"(?:\x20?-?\x20?(?P<dm>(?-i:[Kk])\b|(?i:tsd\.|mio\.|mln\b|tausend\b|thousand\b"
    r"|hundert\b|hundred\b|millionen\b|million\b)))?"
)

_EN_UNITS = (
    "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|eleven|twelve|twenty|thirty|"
    "forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|five|six|seven|eight|nine|ten"
)
_EN_MULT = "hundred|thousand|million"
_EN_WORDS = (
    rf"(?i:\b(?:a\s+(?:{_EN_MULT})|(?:{_EN_UNITS}|{_EN_MULT}))"
    rf"(?:(?:\s+|-)(?:and\s+)?(?:{_EN_UNITS}|{_EN_MULT}))*\b)"
)
_DE_MORPH = (
    "zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend|zwölf|"
    "sechs|sieben|sech|sieb|zwei|drei|vier|fünf|acht|neun|zehn|elf|eins|ein|und"
)
_DE_WORDS = rf"(?i:\b(?!(?:ein|eins|und|eine)\b)(?:{_DE_MORPH})+\b)"

_EN_VAGUE = (
    r"(?i:\b(?:(?:several|a\s+few)\s+(?P<vs>hundred|thousand|dozen)s?"
    r"|a\s+couple(?:\s+of)?\s+(?P<vc>hundred|thousand)"
    r"|(?P<vt>tens\s+of\s+thousands)"
    r"|(?P<vp>hundred|thousand|dozen)s)\b)"
)
_DE_VAGUE = (
    r"(?i:\b(?:(?:mehrere|mehreren|einige|einigen)\s+(?P<vs>hundert|tausend|dutzend)"
    r"|ein\s+paar\s+(?P<vc>hundert|tausend)"
    r"|(?P<vt>zehntausende|zehntausenden)"
    r"|(?P<vp>hundert|tausend|dutzend)en?)\b)"
)


class Figure(NamedTuple):
    """One number expression in a text: character span, value range and how it was written."""

    start: int
    end: int
    low: float
    high: float
    kind: str  # "digits", "words", "vague" or "range"
    plain: bool = False  # a bare integer: no separator, no multiplier (could be a year)


@lru_cache(maxsize=4)
def candidate_patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """The compiled scanners for ``lang``: digits (with dates and times to skip), and words.

    The word scanner runs on the lower-cased text (case-insensitive alternations are several
    times slower in ``re``); both together are the prefilter.
    """
    words, vague = (_DE_WORDS, _DE_VAGUE) if lang == "de" else (_EN_WORDS, _EN_VAGUE)
    digits = re.compile(rf"(?P<skip>{_SKIP})|(?P<num>{_DIGITS})")
    lower = re.compile(rf"(?P<vague>{vague})|(?P<w>{words})".replace("(?i:", "(?:"))
    return digits, lower


_RANGE_GAP = re.compile(r"\s*(?:-|–|—|bis|to)\s*", re.IGNORECASE)
_AND_GAP = re.compile(r"\s+(?:und|and)\s+", re.IGNORECASE)
_BETWEEN = re.compile(r"(?:zwischen|between)\s+$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def word_value(words: str, lang: str) -> float | None:
    """The value of a number written in words (text2num), or None if it is not one."""
    w = " ".join(words.split())
    if re.match(r"(?i)a\s", w):
        w = "one " + w[2:]
    try:
        return float(text2num(w, lang))
    except ValueError:
        return None


_GROUPED = re.compile(r"\d{1,3}(?:(?:[.,'’]\x20?|[\x20\u00a0\u202f])\d{3})+")
_NON_DIGIT = re.compile(r"\D")


def _digit_value(d: str, mult: str | None, lang: str) -> tuple[float, bool]:
    grouped = _GROUPED.fullmatch(d)
    if grouped:
        value = float(_NON_DIGIT.sub("", d))
    else:
        value = float(d.replace(",", "."))
    plain = not grouped and mult is None and d.isdigit()
    if mult:
        key = mult.lower()
        factor = _ABBREV_MULT.get(key) or word_value(
            key, "de" if key in ("tausend", "hundert", "millionen") else "en"
        )
        value *= factor or 1.0
    return value, plain


def _vague(m: re.Match) -> tuple[float, float]:
    if m.group("vt"):
        return TENS_OF_THOUSANDS
    if m.group("vc"):
        v = VAGUE_COUPLE[_SCALE_OF[m.group("vc").lower()]]
        return v, v
    scale = _SCALE_OF[(m.group("vs") or m.group("vp")).lower()]
    return VAGUE_RANGE[scale]


# A byte image of a text for fast scans with ``bytes.find``: one byte per character (Latin-1;
# anything else becomes "?"), lower case, every ASCII digit "0". Offsets equal the text's.
_FOLD_TABLE = bytes(
    ord("0") if chr(i).isascii() and chr(i).isdigit()
    else ord(chr(i).lower()) if len(chr(i).lower()) == 1 and ord(chr(i).lower()) < 256
    else i
    for i in range(256)
)  # fmt: skip
# Bytes that are word characters (``\w``) in Latin-1; "?" (a character outside Latin-1) is not.
_WORD_BYTE = bytes(1 if (chr(i).isalnum() or chr(i) == "_") else 0 for i in range(256))
_ZEROS = re.compile(rb"0+")

# Literal pieces (folded bytes) with which every number word begins (in German also after "ein"
# or "einund": "einhundert", "einundzwanzig"); vague quantities contain one. The word patterns
# run only around these: the cheap prefilter for words.
WORD_CUES = {
    "en": ("one", "two", "three", "thirt", "four", "fort", "five", "fift", "six", "seven",
           "eight", "nine", "ten", "eleven", "twelve", "twenty", "hundred", "thousand",
           "million", "dozen"),
    "de": ("zwei", "drei", "vier", "fünf", "sech", "sieb", "acht", "neun", "zehn", "elf",
           "zwölf", "zwanzig", "hundert", "tausend", "dutzend"),
}  # fmt: skip
_WORD_CUE_FINDERS = {
    lang: Literals(w.encode("latin-1") for w in ws) for lang, ws in WORD_CUES.items()
}
_WORD_REST = re.compile(  # a run of word bytes (as _WORD_BYTE says)
    b"[" + b"".join(re.escape(bytes([i])) for i in range(256) if _WORD_BYTE[i]) + b"]*"
)
_EIN = (b"ein", b"einund")  # German prefixes before a number word's first cue
_LEAD = 24  # chars a match may begin before its first cue ("a couple of ", "mehreren ")
_JOIN = 30  # cues closer than this belong to one number ("two thousand five hundred")


def fold(text: str) -> bytes:
    """The byte image of ``text`` scanned by :func:`find_figures` (same length and offsets)."""
    return text.encode("latin-1", "replace").translate(_FOLD_TABLE)


def find_figures(
    text: str,
    lang: str,
    spans: list[tuple[int, int]] | None = None,
    folded: bytes | None = None,
) -> list[Figure]:
    """Every number expression in ``text`` (or in ``spans`` of it), ranges merged, dates left out.

    ``folded`` is :func:`fold` of ``text`` if the caller has it already.
    """
    digits, words = candidate_patterns(lang)
    spans = [(0, len(text))] if spans is None else spans
    scan = fold(text) if folded is None else folded
    cues = _WORD_CUE_FINDERS["de" if lang == "de" else "en"]
    out: list[Figure] = []
    for a, b in spans:
        found: list[Figure] = []
        pos = a
        i = scan.find(b"0", a, b)
        while i >= 0:  # digit runs by bytes.find, then the full pattern at each run
            m = digits.match(text, i, b)
            if m is None:
                pos = _ZEROS.match(scan, i).end()
            else:
                pos = m.end()
                if m.group("num"):
                    value, plain = _digit_value(m.group("d"), m.group("dm"), lang)
                    found.append(Figure(m.start(), m.end(), value, value, "digits", plain))
            i = scan.find(b"0", pos, b)
        found.extend(_word_figures(text, scan, lang, words, cues, a, b, found))
        found.sort(key=lambda f: f.start)
        out.extend(_merge_ranges(text, found))
    return out


def _word_figures(
    text: str,
    scan: bytes,
    lang: str,
    words: re.Pattern,
    cues: Literals,
    a: int,
    b: int,
    digit_figs: list[Figure],
) -> list[Figure]:
    """Number words and vague quantities in ``text[a:b]``, read only around :data:`WORD_CUES`."""
    clusters: list[list[int]] = []  # [first word start, last word end]
    word = _WORD_BYTE
    rest = _WORD_REST.match
    hits = cues.spans(scan, a, b)  # (start, end) of every cue, sorted
    for h, h_end in hits:
        if clusters and h < clusters[-1][1]:
            continue  # a second cue in the same word
        ws = h
        if h > a and word[scan[h - 1]]:  # inside a word: only German "ein…"/"einund…" count
            if lang != "de":
                continue
            for prefix in _EIN:
                p = h - len(prefix)
                if p >= a and scan.startswith(prefix, p) and (p == a or not word[scan[p - 1]]):
                    ws = p
                    break
            else:
                continue
        we = rest(scan, h_end, b).end()
        if clusters and ws - clusters[-1][1] <= _JOIN:
            clusters[-1][1] = we
        else:
            clusters.append([ws, we])
    if not clusters:
        return []
    digit_ends = [f.end for f in digit_figs]  # sorted, non-overlapping
    out: list[Figure] = []
    pos = a
    for ws, we in clusters:
        r0 = max(pos, ws - _LEAD, a)
        c0 = r0 - 1 if r0 > 0 else r0  # one character before, for \b
        low = text[c0:we].lower()
        if len(low) != we - c0:  # a character whose lower case is longer: keep offsets exact
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text[c0:we])
        for m in words.finditer(low, r0 - c0):
            start, end = m.start() + c0, m.end() + c0
            k = bisect.bisect_right(digit_ends, start)
            if k < len(digit_figs) and digit_figs[k].start < end:
                continue  # inside a digit figure ("15-hundred", "1,5 Tausend")
            if m.group("vague"):
                lo, hi = _vague(m)
                out.append(Figure(start, end, lo, hi, "vague"))
                continue
            w = m.group("w")
            if w in ("one", "a hundred", "hundred", "hundert"):
                continue  # too ambiguous alone ("one of them", "hundert Prozent")
            value = word_value(w, lang)
            if value is not None:
                out.append(Figure(start, end, value, value, "words"))
        pos = we
    return out


def _merge_ranges(text: str, figs: list[Figure]) -> list[Figure]:
    merged: list[Figure] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        if i + 1 < len(figs) and a.kind != "vague" and figs[i + 1].kind != "vague":
            b = figs[i + 1]
            gap = text[a.end : b.start]
            is_range = _RANGE_GAP.fullmatch(gap) is not None or (
                _AND_GAP.fullmatch(gap) is not None
                and _BETWEEN.search(text, max(0, a.start - 20), a.start) is not None
            )
            if is_range:
                lo, hi = a.low, b.high
                if a.kind == "digits" and a.plain and b.low >= 100 * lo > 0:
                    lo = lo * (b.low / _leading(b, text))  # "10 bis 12 Tausend"
                if lo < hi:
                    merged.append(Figure(a.start, b.end, lo, hi, "range"))
                    i += 2
                    continue
        merged.append(a)
        i += 1
    return merged


def _leading(fig: Figure, text: str) -> float:
    """The number before the multiplier of a figure such as "12 Tausend" (12)."""
    m = re.match(r"\d+(?:[.,]\d+)?", text[fig.start : fig.end])
    return float(m.group(0).replace(",", ".")) if m else fig.low
