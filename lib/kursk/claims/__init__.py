"""Figures about North Korean troops in news text, in English, German, Russian, Ukrainian, Korean
and French (issues 3, 18 and 19).

``extract_claims(text, lang=None)`` returns one row per figure (see its docstring for the
columns): the value range, its qualifier, what it counts (metric), the kind of count, who claimed
it and through which outlet, whether it is hedged, and how sure the extractor is (``confidence``,
``evidence``). ``claims_from_articles(articles)`` adds ``claim_id``, ``article_id``, ``outlet``,
``published`` and ``url``; its offsets index :func:`article_text` (title, lead, text).
``python -m kursk.claims.evaluate`` scores the extractor on ``tests/gold/``. The labelling
standard, which the rules follow, is ``tests/gold/GUIDE.md``.

How a text is read
------------------
1. Language: given, or :func:`kursk.text.detect_language`; a language outside the six gives no
   figures and a warning.
2. Numbers (:mod:`kursk.claims.numbers`, forms in :mod:`kursk.claims.numwords`): digits with any
   thousands separator, number words (text2num for en/de/fr, pymorphy3's inflected forms for
   ru/uk, Korean 만/천/백), ranges, vague quantities with fixed ranges.
3. An article counts only if it is about North Korea's troops; then each sentence
   (:func:`kursk.text.split_sentences`) that holds a number is cut into clauses
   (:mod:`kursk.claims.clauses`).
4. Which numbers are figures of North Korean military personnel (:mod:`kursk.claims.gate`).
5. Metric, kind, qualifier, hedging from the figure's own clause, then its sentence
   (:mod:`kursk.claims.fields`); claimant and ``cited_via`` from its clause, its sentence, or the
   attribution a reference reaches back to (:mod:`kursk.claims.attribution`).
6. Confidence and evidence (:mod:`kursk.claims.confidence`).

Every cue word lives in the per-language tables of :mod:`kursk.claims.lexicon`.
"""

from kursk.claims.confidence import DEFAULT_THRESHOLD
from kursk.claims.extract import (
    ARTICLE_COLUMNS,
    CLAIM_COLUMNS,
    CURATED_ONLY_METRICS,
    article_text,
    claims_from_articles,
    empty_claims,
    extract_claims,
)
from kursk.text import detect_language

__all__ = [
    "ARTICLE_COLUMNS",
    "CLAIM_COLUMNS",
    "CURATED_ONLY_METRICS",
    "DEFAULT_THRESHOLD",
    "article_text",
    "claims_from_articles",
    "detect_language",
    "empty_claims",
    "extract_claims",
]
