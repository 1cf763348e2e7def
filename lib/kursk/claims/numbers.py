"""Numbers as news in the six languages writes them: digits, number words, ranges and vague
quantities, with their offsets in the text.

:func:`find_figures` returns every number expression of a text (or of a stretch of it) as a
:class:`Figure`, whatever it counts; :mod:`kursk.claims.extract` decides which are figures of
North Korean troops. Dates ("06.11.2024", "2024-11-06"), clock times ("12:01") and dotted
addresses are left out here; years and other numbers that are not people are left out later, by
what the words around them say. The tables of each language's forms are in
:mod:`kursk.claims.numwords`.

Digits: any thousands separator ("15,000", "15.000", "15 000" with a plain, no-break or narrow
no-break space, "15'000", "11, 000"), a decimal comma or point only with a multiplier after it
("1,5 Tausend", "1.5 thousand", "1,1 тыс."), "12K", "15-hundred". A separator followed by exactly
three digits groups thousands in every language.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from kursk.claims import numwords as W
from kursk.text import fold

_I = re.IGNORECASE


class Figure(NamedTuple):
    """One number expression: its span in the text, its value range and how it was written."""

    start: int
    end: int
    low: float
    high: float
    form: str  # "digits", "words", "vague" or "range"
    plain: bool = False  # a bare integer: no separator, no multiplier (could be a year)
    mult: float = 1.0  # the multiplier its last word stands for ("12 Tausend": 1000)
    qual: str = ""  # a qualifier written into the number itself (Korean "1만여": more_than)


# Dates, clock times, dotted addresses and version numbers: never figures.
_SKIP = (r"(?!\d{1,3}(?:\.\d{3})+(?![/:-])(?!\.?\d))\d+(?:[./:-]\d+){2,}|\d{1,2}:\d{2}(?!\d)"
         r"|\d{4}-\d{1,2}(?!\d)")
_GROUPED = r"\d{1,3}(?:(?:[.,'’]|,\x20|[\x20\u00a0\u202f])\d{3})+(?![\d])"
_PLAIN = r"\d+(?:[.,]\d+)?(?![\d])"
_SP = r"[\x20\u00a0\u202f]?-?[\x20\u00a0\u202f]?"


@lru_cache(maxsize=8)
def _digits_pattern(lang: str) -> re.Pattern:
    mults = W.MULTIPLIERS.get(lang, {})
    alts = "|".join(f"(?P<m{i}>{p})" for i, p in enumerate(mults))
    mult = rf"(?:(?P<sp>{_SP})(?:{alts})(?![\w]))?" if alts else ""
    return re.compile(
        rf"(?<![\w.,'’])(?:(?P<skip>{_SKIP})|(?P<d>{_GROUPED}|{_PLAIN}){mult})",
        _I,
    )


@lru_cache(maxsize=8)
def _vague_pattern(lang: str) -> tuple[re.Pattern, list[tuple[float, float]]] | None:
    table = W.VAGUE.get(lang)
    if not table:
        return None
    if lang == "ko":
        alts = "|".join(f"(?P<v{i}>{p})" for i, (p, _, _) in enumerate(table))
        return re.compile(rf"(?:{alts})"), [(lo, hi) for _, lo, hi in table]
    alts = "|".join(f"(?P<v{i}>{W.lower_pattern(p)})" for i, (p, _, _) in enumerate(table))
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])"), [(lo, hi) for _, lo, hi in table]


def find_figures(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every number expression in ``text[start:end]`` (language ``lang``), in order.

    Ranges are merged into one figure ("10,000 to 12,000", "zehn- bis zwölftausend", "от 10 до 12
    тысяч", "1만~1만2000"); overlapping readings keep the vague quantity, then the longer.
    """
    if not isinstance(text, str) or not text:
        return []
    end = len(text) if end is None else min(end, len(text))
    found: list[Figure] = []
    low = fold(text)  # lower case, same offsets: the word patterns need no IGNORECASE
    if lang == "ko":
        found.extend(_korean(text, start, end))
    found.extend(_digits(text, lang, start, end))
    found.extend(_words(text, low, lang, start, end))
    vague = _vague(low, lang, start, end)
    figs = _without_overlaps(vague + found)
    return _merge_ranges(text, lang, figs)


def _digits(text: str, lang: str, start: int, end: int) -> list[Figure]:
    out = []
    mults = list(W.MULTIPLIERS.get(lang, {}).values())
    for m in _digits_pattern(lang).finditer(text, start, end):
        if m.group("skip"):
            continue
        d = m.group("d")
        factor = next((mults[i] for i in range(len(mults)) if m.group(f"m{i}")), None)
        grouped = re.fullmatch(_GROUPED, d) is not None and not (factor and _decimal_like(d))
        value = float(re.sub(r"\D", "", d)) if grouped else float(d.replace(",", "."))
        plain = not grouped and factor is None and d.isdigit()
        if factor:
            value *= factor
        e = m.end() if factor else m.start() + len(d)
        qual = _ko_qual(text, e) if lang == "ko" else ""
        out.append(Figure(m.start(), e, value, value, "digits", plain, factor or 1.0, qual))
    return out


def _decimal_like(d: str) -> bool:
    """"1,500" before a multiplier is still grouped; "1,5" or "1.25" is a decimal."""
    return re.fullmatch(r"\d+[.,]\d{1,2}", d) is not None


def _words(text: str, low: str, lang: str, start: int, end: int) -> list[Figure]:
    pattern = W.word_run_pattern(lang)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(low, start, end):
        if lang in ("ru", "uk") and not _cyr_run_counts(low, m, lang):
            continue
        run = text[m.start() : m.end()]
        for a, b in W.split_run(run, lang):
            got = W.word_value(run[a:b], lang)
            if got is None:
                continue
            s, e = m.start() + a, m.start() + b
            while e > s and text[e - 1] in "-.":
                e -= 1
            out.append(Figure(s, e, got[0], got[0], "words", False, got[1]))
    fixed = _fixed_pattern(lang)
    if fixed is not None:
        values = [float(v) for _, v in W.FIXED[lang]]
        for m in fixed.finditer(low, start, end):
            v = values[int(m.lastgroup[1:])]
            out.append(Figure(m.start(), m.end(), v, v, "words"))
    return out


@lru_cache(maxsize=8)
def _fixed_pattern(lang: str) -> re.Pattern | None:
    table = W.FIXED.get(lang)
    if not table:
        return None
    alts = "|".join(f"(?P<f{i}>{W.lower_pattern(p)})" for i, (p, _) in enumerate(table))
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])")


_CYR_ONE_SCALE = {"тысяча", "тысячу", "тыща", "тисяча", "тисячу", "миллион", "мільйон"}


def _cyr_run_counts(low: str, m: re.Match, lang: str) -> bool:
    """A lone scale word counts as one thousand (million) only in the singular ("тысяча
    солдат") or after a qualifier that takes the genitive ("около тысячи"); plural "тысячи" is
    the vague "thousands" and "тыс." alone is no number."""
    tokens = m.group(0).lower().split()
    if len(tokens) != 1:
        return True
    word = tokens[0].rstrip(".")
    value = W.cyrillic_forms(lang).get(word)
    if value is None or not value[1]:
        return True
    if word in _CYR_ONE_SCALE:
        return True
    if word in ("тыс", "тис"):
        return False
    before = low[max(0, m.start() - 20) : m.start()]
    return re.search(W.ONE_THOUSAND_AFTER[lang], before) is not None


def _vague(text: str, lang: str, start: int, end: int) -> list[Figure]:
    got = _vague_pattern(lang)
    if got is None:
        return []
    pattern, values = got
    out = []
    for m in pattern.finditer(text, start, end):
        i = int(m.lastgroup[1:])
        lo, hi = values[i]
        out.append(Figure(m.start(), m.end(), float(lo), float(hi), "vague"))
    return out


def _korean(text: str, start: int, end: int) -> list[Figure]:
    out = []
    for m in W.KO_NUMBER.finditer(text, start, end):
        got = W.ko_value(m.group(0))
        if got is None or got[0] <= 0:
            continue
        e = m.end()
        while text[e - 1] == " ":
            e -= 1
        out.append(Figure(m.start(), e, got[0], got[0], "digits", False, got[1], _ko_qual(text, e)))
    for m in W.KO_BARE.finditer(text, start, end):
        v = 10_000.0 if m.group(0) == "만" else 1000.0
        out.append(Figure(m.start(), m.end(), v, v, "words", False, v, _ko_qual(text, m.end())))
    for pattern, value in ((W.KO_SINO_WORDS, W.ko_sino), (W.KO_NATIVE, W.ko_native)):
        for m in pattern.finditer(text, start, end):  # number words: "이천오백 명", "세 명"
            got = value(m)
            e = m.start() + len(m.group(0).rstrip())
            if got is not None and e > m.start():
                out.append(Figure(m.start(), e, float(got[0]), float(got[1]), "words", False,
                                  1.0, _ko_qual(text, m.end())))
    return out


def _ko_qual(text: str, end: int) -> str:
    """"여" right after a Korean number ("1만여 명") makes it more_than."""
    return "more_than" if text.startswith("여", end) else ""


def _without_overlaps(figs: list[Figure]) -> list[Figure]:
    """Figures that do not overlap: the longer reading first ("полторы тысячи" over "тысячи",
    "several thousand" over "thousand"), then digits, words, vague ones."""
    rank = {"digits": 0, "words": 1, "vague": 2}
    return disjoint(sorted(figs, key=lambda f: (-(f.end - f.start), rank[f.form], f.start)))


def disjoint(items: list) -> list:
    """The items (with ``start`` and ``end``, best first) that overlap no better one, in text
    order."""
    starts: list[int] = []
    kept: list = []
    for it in items:
        k = bisect.bisect_left(starts, it.start)
        if k < len(kept) and kept[k].start < it.end:
            continue  # the next kept one begins inside it
        if k > 0 and kept[k - 1].end > it.start:
            continue  # the previous kept one runs into it
        starts.insert(k, it.start)
        kept.insert(k, it)
    return kept



@lru_cache(maxsize=8)
def _range_patterns(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    opener, joiner = W.RANGE_OPEN.get(lang, W.RANGE_OPEN["en"])
    return (
        re.compile(r"\s*-?" + W.RANGE_GAP.get(lang, W.RANGE_GAP["en"]), _I),  # "zehn- bis"
        re.compile(rf"(?<![\w])(?:{opener})", _I),
        re.compile(r"\s*-?" + joiner, _I),  # "zwischen zehn- und zwölftausend"
    )


@lru_cache(maxsize=8)
def _change_patterns(lang: str) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    to = W.RANGE_GAP.get(lang, W.RANGE_GAP["en"]) + "|" + W.CHANGE_TO.get(lang, "(?!)")
    return (re.compile(rf"(?<![\w])(?:{W.CHANGE.get(lang, '(?!)')})", _I),
            re.compile(rf"\s*-?(?:{to})", _I), re.compile(W.CHANGE_AFTER.get(lang, "(?!)")),
            re.compile(rf"(?:\s+[^\W\d]+(?:[-'’][^\W\d]+)?){{0,3}}\s*-?(?:{to})"
                       rf"(?:[^\W\d]+\s+){{0,2}}", _I))  # fmt: skip


def changes(text: str, lang: str, a: Figure, b: Figure) -> bool:
    """Whether ``b`` is what ``a`` changed to ("rose from 3,000 to 11,000", "stieg von 300 auf
    600", "기존 1천100명에서 3천 명으로 늘었다", "2천→2천600명"; after a verb of change, up to three
    words may stand between: "passé d'environ 6 000 début octobre à 11 000"): two figures of one
    thing, not a range."""
    gap = text[a.end : b.start]
    between = W.CHANGE_BETWEEN.get(lang)
    if re.fullmatch(W.CHANGE_ARROW, gap) or (between and re.fullmatch(between, gap, _I)):
        return True  # "2천→2천600명", "300 morts, porté à 600"
    before, to, after, to_far = _change_patterns(lang)
    rose = before.search(text[max(0, a.start - 80) : a.start])
    if rose and to_far.fullmatch(text, a.end, b.start):
        return True  # a few words between ("from about 200 in mid-December to more than 650")
    if not to.fullmatch(text, a.end, b.start):
        return False
    return bool(rose or after.match(text, b.end))


def _merge_ranges(text: str, lang: str, figs: list[Figure]) -> list[Figure]:
    gap, opener, joiner = _range_patterns(lang)
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        if i + 1 < len(figs) and not changes(text, lang, a, figs[i + 1]):
            merged = _range(text, a, figs[i + 1], gap, opener, joiner)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _range(text, a, b, gap, opener, joiner) -> Figure | None:
    if a.form == "vague" or b.form == "vague":
        return None
    between = text[a.end : b.start]
    before = text[max(0, a.start - 40) : a.start]
    if not gap.fullmatch(between):
        if not (joiner.fullmatch(between) and opener.search(before)):
            return None
    if between.strip().lower() in W.OR_WORDS and (a.low >= 100 * max(b.low, 1)):
        return None
    lo = a.low
    if a.mult == 1.0 and b.mult > 1.0 and a.low < b.low and a.low * b.mult <= b.low:
        lo = a.low * b.mult  # "10 bis 12 Tausend", "ten to twelve thousand"
    if not lo < b.high:
        return None
    plain = a.plain and b.plain
    return Figure(a.start, b.end, lo, b.high, "range", plain, b.mult, a.qual or b.qual)
