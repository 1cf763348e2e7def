"""Claims about North Korean troops in a text, an article, or an articles frame."""

from __future__ import annotations

import bisect
import hashlib
import re
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from kursk.claims.attribution import claimant_in, has_anaphor
from kursk.claims.kinds import kind
from kursk.claims.metrics import TROOP_STEMS, is_troop_figure, metric
from kursk.claims.numbers import find_figures, fold
from kursk.claims.prefilter import Literals
from kursk.claims.qualifiers import hedged, qualifier, shared_qualifier
from kursk.schema import allowed

CLAIM_COLUMNS = [
    "value_low", "value_high", "qualifier", "metric", "kind", "claimant", "hedged",
    "sentence", "start", "end", "lang",
]  # fmt: skip
ARTICLE_COLUMNS = ["claim_id", "article_id", "outlet", "published", "url"]
LANGS = ("de", "en")
_LOOKBACK = 6  # sentences an anaphor ("demnach", "he said") may reach back

# Sentence ends: blank lines, line breaks, or . ! ? before a capital, except after an
# initial ("U.S."), an ordinal ("19. Juni") or a common abbreviation.
_BOUNDARY = re.compile(
    r"\n\s*"
    r"|(?<=[.!?…])(?<!\b[A-Za-z]\.)(?<!\b\d\.)(?<!\b\d\d\.)(?<!\bca\.)(?<!\bDr\.)(?<!\bNr\.)"
    r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bSt\.)(?<!\bbzw\.)(?<!\bvgl\.)(?<!\bGen\.)(?<!\bSgt\.)"
    r"[\"'“”»«]?\s+(?=[\"„“»«(]?[A-ZÄÖÜ0-9])"
)


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.GERMAN, Language.ENGLISH).build()


def detect_language(text: str) -> str:
    """The language of ``text``, "de" or "en" (lingua, German and English only; first 2,000 chars)."""
    from lingua import Language

    found = _detector().detect_language_of(text[:2000])
    return "de" if found == Language.GERMAN else "en"


def sentence_starts(text: str) -> list[int]:
    """Character offsets where the sentences of ``text`` begin (the first is 0)."""
    return [0] + [m.end() for m in _BOUNDARY.finditer(text)]


def empty_claims(with_articles: bool = False) -> pd.DataFrame:
    """A claims frame with no rows and the right columns and dtypes."""
    return _frame([], with_articles)


@lru_cache(maxsize=4)
def _dtype(field: str) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(allowed("claims", field)))


def _frame(rows: list[dict], with_articles: bool = False) -> pd.DataFrame:
    def col(name: str) -> list:
        return [r[name] for r in rows]

    data: dict[str, Any] = {}
    if with_articles:
        for c in ("claim_id", "article_id", "outlet"):
            data[c] = pd.array(col(c), dtype="str")
        published = pd.to_datetime(pd.Series(col("published"), dtype=object), utc=True)
        data["published"] = published.astype("datetime64[ns, UTC]")
        data["url"] = pd.array(col("url"), dtype="str")
    data["value_low"] = np.array(col("value_low"), dtype="float64")
    data["value_high"] = np.array(col("value_high"), dtype="float64")
    for c in ("qualifier", "metric", "kind"):
        dt = _dtype(c)
        data[c] = pd.Categorical.from_codes([dt.categories.get_loc(v) for v in col(c)], dtype=dt)
    data["claimant"] = pd.array(col("claimant"), dtype="str")
    data["hedged"] = np.array(col("hedged"), dtype="bool")
    data["sentence"] = pd.array(col("sentence"), dtype="str")
    data["start"] = np.array(col("start"), dtype="int64")
    data["end"] = np.array(col("end"), dtype="int64")
    data["lang"] = pd.array(col("lang"), dtype="str")
    return pd.DataFrame(data)


def extract_claims(text: str, lang: str | None = None) -> pd.DataFrame:
    """One row per figure about North Korean troops in ``text`` (see the package docstring)."""
    if not isinstance(text, str):
        raise TypeError(f"extract_claims: text must be a str, not {type(text).__name__}")
    if lang is None:
        lang = detect_language(text)
    if lang not in LANGS:
        raise ValueError(f"extract_claims: lang must be one of {LANGS} or None, not {lang!r}")
    return _frame(_claim_rows(text, lang))


# Literal marks of North Korea (fast substring search in the text itself). A figure counts only
# if its sentence or one of the three before names North Korea, so text far from every mark is
# never scanned.
_NK_MARKS = ("orea", "OREA", "DPRK", "KPA", "gjang", "gyang", "Kim Jong")
_ZONE_BEFORE, _ZONE_AFTER = 800, 1600  # chars: back to the marked sentence, on over 3 more


_NK_FINDER = Literals(mark.encode("ascii") for mark in _NK_MARKS)


def nk_zones(text: str) -> list[tuple[int, int]]:
    """Merged spans of ``text`` near a mark of North Korea: the only parts worth scanning.

    A mark counts again only ``_ZONE_AFTER // 2`` chars after it last counted."""
    raw = text.encode("latin-1", "replace")  # one byte per character: the offsets of ``text``
    spans = []
    next_at: dict[bytes, int] = {}
    for a, b in _NK_FINDER.spans(raw):
        mark = raw[a:b]
        if a >= next_at.get(mark, 0):
            spans.append((max(0, a - _ZONE_BEFORE), min(len(text), a + _ZONE_AFTER)))
            next_at[mark] = a + _ZONE_AFTER // 2
    return _merge(spans)


_BEFORE_TROOP, _AFTER_TROOP = 160, 170  # chars a figure may sit before / after a troop word
_STEMS = tuple(stem.encode("latin-1") for stem in TROOP_STEMS)
_LONGEST_STEM = max(len(s) for s in _STEMS)


def near_troop_word(folded: bytes, start: int) -> bool:
    """True if a troop word (:data:`TROOP_STEMS`) begins within reach of a figure at ``start``."""
    near = folded[max(0, start - _AFTER_TROOP + 1) : start + _BEFORE_TROOP + _LONGEST_STEM]
    return any(stem in near for stem in _STEMS)


_STEM_FINDER = Literals(_STEMS)


def near_troop_words(folded: bytes, starts: list[int]) -> list[bool]:
    """:func:`near_troop_word` for each of ``starts``, with the troop words found in one pass
    over the figures' windows."""
    windows = [(max(0, s - _AFTER_TROOP + 1), s + _BEFORE_TROOP + _LONGEST_STEM) for s in starts]
    stems: list[tuple[int, int]] = []
    for lo, hi in _merge(windows):  # disjoint and sorted: so are the stems found
        stems.extend(_STEM_FINDER.spans(folded, lo, hi))
    firsts = [a for a, _ in stems]
    out = []
    for lo, hi in windows:
        k = bisect.bisect_left(firsts, lo)
        while k < len(stems) and stems[k][0] < hi and stems[k][1] > hi:
            k += 1  # begins in the window but runs past its end
        out.append(k < len(stems) and stems[k][1] <= hi)
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = sorted(spans)
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


# Where _BOUNDARY can match, in the folded text: a line break, or . ! ? ("…" and other characters
# outside Latin-1 fold to "?") before a space or a quote (“ and ” fold to "?" too).
_AFTER_END = bytes(1 if chr(i).isspace() or chr(i) in "\"'»«?" else 0 for i in range(256))


_REACH = (1500, 3000)  # chars scanned before a figure for its look-back: first try, then all


def _sentence_starts_near(text: str, folded: bytes, spans: list[tuple[int, int]]) -> list[int]:
    """Sentence starts in and before each span, enough for every look-back (as :func:`sentence_starts`).

    Scans ``_REACH[0]`` chars before each span, and ``_REACH[1]`` for a span whose sentence and the
    ``_LOOKBACK`` before it (and one more) do not all begin in the first reach.
    """
    n = len(text)
    starts = _starts_in(text, folded, [(max(0, a - _REACH[0]), min(n, b + 1000)) for a, b in spans])
    far = []
    for a, b in spans:
        i = bisect.bisect_right(starts, a) - 1
        if a > _REACH[0] and (i - _LOOKBACK - 1 < 0 or starts[i - _LOOKBACK - 1] < a - _REACH[0]):
            far.append((max(0, a - _REACH[1]), min(n, b + 1000)))
    if far:
        starts = sorted(set(starts).union(_starts_in(text, folded, far)))
    return starts


def _starts_in(text: str, folded: bytes, spans: list[tuple[int, int]]) -> list[int]:
    """Sentence starts found in ``spans`` (merged), and 0.

    The same starts as :func:`sentence_starts` inside the spans, but :data:`_BOUNDARY` is tried
    only where a sentence can end (found in the folded bytes), not at every character.
    """
    starts = [0]
    boundary = _BOUNDARY.match
    for a, b in _merge(spans):
        last = a
        ends = []  # . ! ? and line breaks, by bytes.find (far faster here than one regex)
        for ch in (b".", b"!", b"?", b"\n"):
            i = folded.find(ch, max(0, a - 1), b)
            while i >= 0:
                ends.append(i)
                i = folded.find(ch, i + 1, b)
        ends.sort()
        for p in ends:
            if folded[p] == 10:  # "\n"
                q = p
            elif p + 1 < b and _AFTER_END[folded[p + 1]]:
                q = p + 1
            else:
                continue
            if q < last:
                continue
            m = boundary(text, q, b)
            if m is not None:
                last = m.end()
                starts.append(last)
    return sorted(set(starts))


def _claim_rows(text: str, lang: str) -> list[dict]:
    """Claim rows of ``text``: cheap filters first, the precise rules only for what passes them.

    Order: zones near a mark of North Korea; the text folded once (:func:`fold`); numbers found in
    them (:func:`find_figures`); only numbers near a troop word go on; sentence starts only around
    those; then per sentence the troop test, claimant (each sentence's claimant computed once and
    reused by the look-back), metric, qualifier and hedging.
    """
    zones = nk_zones(text)
    if not zones:
        return []
    folded = fold(text)
    figs = find_figures(text, lang, zones, folded)
    near = near_troop_words(folded, [f.start for f in figs])
    figs = [f for f, ok in zip(figs, near, strict=True) if ok]
    if not figs:
        return []
    starts = _sentence_starts_near(text, folded, [(f.start, f.end) for f in figs])
    by_sentence: dict[int, list] = {}
    for f in figs:
        by_sentence.setdefault(bisect.bisect_right(starts, f.start) - 1, []).append(f)
    rows: list[dict] = []
    claimant_cache: dict[int, str] = {}

    bounds_cache: dict[int, tuple[int, int]] = {}

    def bounds(i: int) -> tuple[int, int]:
        if i in bounds_cache:
            return bounds_cache[i]
        s0 = starts[i]
        s1 = starts[i + 1] if i + 1 < len(starts) else len(text)
        while s1 > s0 and text[s1 - 1].isspace():
            s1 -= 1
        bounds_cache[i] = s0, s1
        return s0, s1

    def claimant_of(i: int) -> str:
        if i not in claimant_cache:
            s0, s1 = bounds(i)
            claimant_cache[i] = claimant_in(text[s0:s1], lang)
        return claimant_cache[i]

    for i, sfigs in by_sentence.items():
        s0, s1 = bounds(i)
        context = text[starts[max(0, i - 3)] : s0]
        troop = [f for f in sfigs if is_troop_figure(text, f, s0, s1, context)]
        if not troop:
            continue
        sentence = text[s0:s1]
        who = claimant_of(i)
        if not who and has_anaphor(sentence, lang):
            for j in range(i - 1, max(-1, i - 1 - _LOOKBACK), -1):
                who = claimant_of(j)
                if who:
                    break
        is_hedged = hedged(sentence, lang)
        for k, f in enumerate(troop):
            w0 = troop[k - 1].end if k else s0
            w1 = troop[k + 1].start if k + 1 < len(troop) else s1
            window = text[w0:w1]
            vague = f.kind == "vague"
            qual = qualifier(text, f.start, f.end, lang, vague=vague)
            what = metric(window, f.start - w0, f.end - w0)
            if k:
                prev = rows[-1]
                qual = shared_qualifier(
                    text, (w0, prev["qualifier"], prev["metric"]), (f.start, qual, what), vague
                )
            rows.append(
                {
                    "value_low": f.low,
                    "value_high": f.high,
                    "qualifier": qual,
                    "metric": what,
                    "kind": kind(window, lang),
                    "claimant": who,
                    "hedged": is_hedged,
                    "sentence": sentence,
                    "start": f.start,
                    "end": f.end,
                    "lang": lang,
                }
            )
    return rows


def article_text(row: Any) -> str:
    """The text claims are read from: title, then lead (unless the text repeats it), then text."""
    get = row.get if hasattr(row, "get") else lambda k, d="": getattr(row, k, d)
    return _joined_text(get("title", ""), get("lead", ""), get("text", ""))


def _joined_text(title: Any, lead: Any, body: Any) -> str:
    title, lead, body = (p if isinstance(p, str) else "" for p in (title, lead, body))
    if lead and body.startswith(lead.strip()):
        lead = ""
    return "\n\n".join(p.strip() for p in (title, lead, body) if p and p.strip())


def claim_id(article_id: str, start: int) -> str:
    """Stable id of a claim: "x" + 10 hex digits of sha1(article_id:start)."""
    return "x" + hashlib.sha1(f"{article_id}:{start}".encode()).hexdigest()[:10]


def claims_for_article(row: Any) -> pd.DataFrame:
    """Claims in one article (a row of the articles frame); offsets index ``article_text(row)``."""
    return _frame(_article_rows(row), with_articles=True)


def _article_rows(row: Any) -> list[dict]:
    get = row.get if hasattr(row, "get") else lambda k, d="": getattr(row, k, d)
    text = article_text(row)
    lang = get("language", None)
    lang = lang if isinstance(lang, str) and lang in LANGS else None
    if lang is None and text:
        lang = detect_language(text)
    rows = _claim_rows(text, lang) if text else []
    aid = str(get("article_id", ""))
    for r in rows:
        r.update(
            claim_id=claim_id(aid, r["start"]),
            article_id=aid,
            outlet=_str_or_empty(get("outlet", "")),
            published=get("published", None),
            url=_str_or_empty(get("url", "")),
        )
    return rows


def claims_from_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """Claims in every article of an articles frame (``kursk.articles.load_articles``)."""
    need = {"article_id", "text"}
    missing = need - set(articles.columns)
    if missing:
        raise ValueError(f"claims_from_articles: articles frame lacks columns {sorted(missing)}")
    n = len(articles)

    def column(name: str) -> list:
        return articles[name].tolist() if name in articles.columns else [None] * n

    rows: list[dict] = []
    at: list[int] = []  # the article (row position) of each claim
    names = ("title", "lead", "text", "language", "article_id")
    parts = zip(*(column(c) for c in names), strict=True)
    for k, (title, lead, body, language, aid) in enumerate(parts):
        text = _joined_text(title, lead, body)
        if not text:
            continue
        lang = language if isinstance(language, str) and language in LANGS else None
        found = _claim_rows(text, lang or detect_language(text))
        if found:
            aid = str(aid if aid is not None else "")
            for r in found:
                r["claim_id"] = claim_id(aid, r["start"])
                r["article_id"] = aid
            rows.extend(found)
            at.extend([k] * len(found))
    frame = _frame(rows)
    take = np.asarray(at, dtype="int64")
    meta = {
        "claim_id": pd.array([r["claim_id"] for r in rows], dtype="str"),
        "article_id": pd.array([r["article_id"] for r in rows], dtype="str"),
        "outlet": _text_column(articles, "outlet", take),
        "published": _time_column(articles, take),
        "url": _text_column(articles, "url", take),
    }
    return pd.concat([pd.DataFrame(meta), frame], axis=1)


def _text_column(articles: pd.DataFrame, name: str, take: np.ndarray) -> pd.array:
    """Column ``name`` of the articles at positions ``take`` as strings ("" where missing)."""
    if name not in articles.columns:
        return pd.array([""] * len(take), dtype="str")
    return pd.array([_str_or_empty(v) for v in articles[name].take(take).tolist()], dtype="str")


def _str_or_empty(value: Any) -> str:
    """``value`` as a string, "" for a missing value (None, NA, NaN)."""
    return "" if value is None or value is pd.NA or value != value else str(value)


def _time_column(articles: pd.DataFrame, take: np.ndarray) -> pd.Series:
    """``published`` of the articles at positions ``take``, as UTC nanosecond timestamps."""
    if "published" not in articles.columns:
        return pd.Series(pd.NaT, index=range(len(take)), dtype="datetime64[ns, UTC]")
    stamps = pd.to_datetime(articles["published"].take(take), utc=True)
    return stamps.astype("datetime64[ns, UTC]").reset_index(drop=True)
