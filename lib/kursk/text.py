"""Text helpers every part of the package shares: the language detector, the sentence splitter and
the name matcher. One implementation of each, used by the loaders, the entity and place finders
and the figure extractor alike.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache

#: The languages the figure extractor reads (the languages the story was told in).
LANGUAGES = ("en", "de", "ru", "uk", "ko", "fr")
#: Every language the detector tells apart: the six, and others met in news archives, so that an
#: article in one of them is reported as what it is rather than as its nearest of the six.
DETECTED = (*LANGUAGES, "es", "it", "pt", "pl", "nl", "fi", "nb", "sv", "da", "hu", "cs", "ro",
            "tr", "ar", "ja", "zh", "be", "bg")  # fmt: skip
#: Characters that make up words in any of the scripts of the story.
WORD = r"[\w\u00C0-\u024F\u0400-\u04FF\uAC00-\uD7A3]"


# --------------------------------------------------------------------------- language


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in DETECTED]
    # low-accuracy mode: trigram models only (40 MB, loaded in a tenth of a second, where the
    # full models of these languages take 470 MB and three seconds); sure on article-length text
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language of ``text`` among :data:`DETECTED` ("" when undecidable)."""
    if not isinstance(text, str) or not text.strip():
        return ""
    found = _detector().detect_language_of(text[:4000])
    return "" if found is None else found.iso_code_639_1.name.lower()


# --------------------------------------------------------------------------- sentences

#: Words that end in a full stop without ending a sentence, per language (lower case, no stop).
ABBREVIATIONS = {
    "en": ("mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "maj", "capt", "rep", "sen",
           "gov", "no", "vs", "approx", "ca", "jan", "feb", "aug", "sept", "oct", "nov", "dec"),
    "de": ("ca", "dr", "nr", "bzw", "vgl", "gen", "sgt", "st", "u", "usw", "z", "b", "etc", "inkl",
           "rd", "mio", "mrd", "tsd", "abg", "prof", "jan", "feb", "aug", "sept", "okt", "nov",
           "dez"),
    "ru": ("г", "гг", "т", "е", "д", "тыс", "млн", "млрд", "ген", "им", "см", "ок", "ул", "пр"),
    "uk": ("р", "рр", "т", "ген", "тис", "млн", "млрд", "ім", "див", "вул", "пр"),
    "fr": ("m", "mme", "mm", "dr", "gén", "env", "av", "cf", "etc", "st", "ste", "no"),
    "ko": (),
}
_ALL_ABBREVIATIONS = frozenset(a for words in ABBREVIATIONS.values() for a in words)
#: Abbreviated Russian and Ukrainian number words ("11 тис."): a capitalised word after one begins
#: a new sentence, as a noun they count is written in lower case ("11 тис. військових").
NUMBER_ABBREVIATIONS = frozenset({"тыс", "тис", "млн", "млрд"})
#: A sentence may end here: after . ! ? … (and closing quotes or brackets), before white space.
_END = re.compile(r"[.!?…]+[\"'“”»«)\]]*(?=\s)")
#: Opening quotes and brackets a sentence may start with (French ones with a space: "« Nous").
_OPENERS = re.compile(r"(?:[\"'„“«»(\[]\s?)*")
_LAST_WORD = re.compile(rf"({WORD}+)\.?$")


def _abbreviation(text: str, dot: int, words: frozenset[str]) -> bool:
    """Whether the full stop at ``text[dot]`` ends an abbreviation, an initial or an ordinal."""
    m = _LAST_WORD.search(text, max(0, dot - 12), dot)
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isalpha():  # an initial: "U.S.", "J. Smith", "z. B."
        return True
    if word.isdigit() and len(word) <= 2:  # a German ordinal or date: "19. Juni"
        return True
    return word.casefold() in words


def _number_word(text: str, dot: int) -> bool:
    """Whether the full stop at ``text[dot]`` ends an abbreviated number word ("11 тис.")."""
    m = _LAST_WORD.search(text, max(0, dot - 12), dot)
    return m is not None and m.group(1).casefold() in NUMBER_ABBREVIATIONS


def _starts_sentence(text: str, i: int) -> bool:
    """Whether ``text[i]`` may begin a sentence: a digit, or a letter that is not lower case (an
    upper-case letter, or a letter of a script without case: Korean, Chinese, Arabic)."""
    if i >= len(text):
        return False
    c = text[i]
    return c.isdigit() or (c.isalpha() and not c.islower())


def _quote_open(fragment: str) -> bool:
    """True when a quotation opened in ``fragment`` is not closed yet."""
    if fragment.count('"') % 2 == 1 or fragment.count("»") != fragment.count("«"):
        return True
    if "„" in fragment:  # German „…“
        return fragment.count("„") > fragment.count("“") + fragment.count("”")
    return fragment.count("“") > fragment.count("”")


def split_sentences(text: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, white space trimmed.

    A line break ends a sentence; so do . ! ? … before white space and an upper-case letter, a
    digit, a quote or a letter of a script without case, unless the stop closes an abbreviation
    of :data:`ABBREVIATIONS` (``lang``'s, or every language's when ``lang`` is None), an initial
    or a one- or two-digit ordinal; after an abbreviated number word (:data:`NUMBER_ABBREVIATIONS`)
    a capitalised word does begin one. A sentence inside a quotation that is still open joins the
    one before it.
    """
    if not text:
        return []
    words = frozenset(ABBREVIATIONS.get(lang, ())) if lang else _ALL_ABBREVIATIONS
    cuts = []
    for line in re.finditer(r"[^\n]+", text):
        a, b = line.span()
        for m in _END.finditer(text, a, b):
            nxt = m.end()
            while nxt < b and text[nxt].isspace():
                nxt += 1
            if nxt >= b or not _starts_sentence(text, _OPENERS.match(text, nxt).end()):
                continue  # the end of the line cuts anyway; a lower-case word goes on
            if m.group(0) == "." and _abbreviation(text, m.start(), words) and not (
                    _number_word(text, m.start()) and re.match(r"[^\W\d_][^\W\d_A-ZА-ЯІЇЄҐ]", text[
                        _OPENERS.match(text, nxt).end() :])):  # fmt: skip
                continue
            cuts.append(m.end())
        cuts.append(b)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in cuts:
        piece = text[start:cut]
        s = start + len(piece) - len(piece.lstrip())
        e = start + len(piece.rstrip())
        start = cut
        if s >= e:
            continue
        if spans and text[spans[-1][1] : s].count("\n") == 0 and _quote_open(
            text[spans[-1][0] : spans[-1][1]]
        ):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


# --------------------------------------------------------------------------- names


def fold(text: str) -> str:
    """``text`` lower-cased character by character, so that offsets stay those of ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_HANGUL = re.compile(r"[\uAC00-\uD7A3]")
#: A Russian or Ukrainian word's final vowels (or soft sign), left aside so that the stem may take
#: any case ending: Зеленский -> Зеленск(ого), Суджа -> Судж(и).
_CYR_STRIP = re.compile(r"(?<=\w{4})[аяоеёиыуюєіїйь]{1,2}$")
#: What may follow a name in running text, by the form the name is written in.
_ENDINGS = {
    "cyr": "[а-яёіїєґ]{0,3}",  # Russian and Ukrainian case endings
    "ko": "[\uAC00-\uD7A3]{0,3}",  # Korean particles written on: 국정원은, 국정원에서
    "de": "(?:es|s|er|’s|'s)?",  # genitive (Selenskyjs), adjective (Kursker), possessive
    "en": "(?:’s|'s|es|s)?",  # possessive, plural
    "fr": "",
}


def _form(name: str, lang: str) -> str:
    if _CYRILLIC.search(name):
        return "cyr"
    if _HANGUL.search(name):
        return "ko"
    return lang if lang in _ENDINGS else "en"


def name_regex(name: str, lang: str, *, case_sensitive: bool = False) -> re.Pattern:
    """The pattern of ``name`` as running text in ``lang`` writes it (see :class:`NameMatcher`)."""
    form = _form(name, lang)
    words = re.split(r"[\s-]+", name.strip())
    if form == "cyr":
        body = r"\s+".join(re.escape(_CYR_STRIP.sub("", w)) + _ENDINGS["cyr"] for w in words)
    else:  # Korean writes a foreign name's words with or without spaces: 유로마이단( )프레스
        body = (r"[\s-]*" if form == "ko" else r"[\s-]+").join(re.escape(w) for w in words)
        body += _ENDINGS[form]
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<!{WORD}){body}(?!{WORD})", flags)


@dataclass(frozen=True)
class Match:
    """A name found in a text: its span, the text matched, and the payload of its term."""

    start: int
    end: int
    matched: str
    payload: Hashable


class NameMatcher:
    """Finds names (aliases of entities, names of places) in running text.

    Each term is a name, the payload to return for it, the language it is written in and whether
    its case must match. A match is a whole word or words (a hyphen may stand for a space);
    Russian and Ukrainian words may take a case ending (a final vowel of the name left aside:
    Зеленский, Зеленского), Korean names the particles written on them (and their words may run
    together: 유로마이단프레스), German and English names a genitive, adjectival or possessive
    ending. Where matches overlap the longest wins (of equal ones the longer name), then the
    earliest. Candidates are found in
    one pass over the text by their first word (Aho-Corasick), then checked by the term's own
    pattern (:func:`name_regex`).
    """

    def __init__(self, terms: Iterable[tuple[str, Hashable, str, bool]]):
        import ahocorasick_rs

        by_key: dict[str, list[tuple[re.Pattern, Hashable, int]]] = {}
        seen: set[tuple[str, str, bool]] = set()
        for name, payload, lang, case_sensitive in terms:
            name = " ".join(str(name).split())
            if not name or (name, _form(name, lang), case_sensitive) in seen:
                continue
            seen.add((name, _form(name, lang), case_sensitive))
            first = re.split(r"[\s-]+", name)[0]
            if _form(name, lang) == "cyr":
                first = _CYR_STRIP.sub("", first)
            pattern = name_regex(name, lang, case_sensitive=case_sensitive)
            by_key.setdefault(fold(first), []).append((pattern, payload, len(name)))
        self._keys = list(by_key)
        self._terms = [by_key[k] for k in self._keys]
        self._automaton = ahocorasick_rs.AhoCorasick(self._keys or ["\x00"])

    def find(self, text: str) -> list[Match]:
        """The names in ``text``, in order, none overlapping another."""
        if not text or not self._keys:
            return []
        found = []
        for k, a, _ in self._automaton.find_matches_as_indexes(fold(text), overlapping=True):
            for pattern, payload, size in self._terms[k]:
                m = pattern.match(text, a)
                if m is not None:
                    found.append((a, m.end(), payload, size))
        # the longest match, then the longest name (모스크바타임스 over 모스크바 + an ending)
        found.sort(key=lambda m: (-(m[1] - m[0]), -m[3], m[0]))
        kept: list[tuple[int, int, Hashable]] = []  # disjoint, in order of start
        starts: list[int] = []
        for a, b, p, _ in found:
            i = bisect.bisect_left(starts, a)
            if (i and kept[i - 1][1] > a) or (i < len(kept) and kept[i][0] < b):
                continue  # overlaps a longer (or earlier) match already kept
            starts.insert(i, a)
            kept.insert(i, (a, b, p))
        return [Match(a, b, text[a:b], p) for a, b, p in kept]
