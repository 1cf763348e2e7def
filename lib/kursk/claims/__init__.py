"""Figures about North Korean troops in German and English news text (issue 3).

``extract_claims(text, lang=None)`` returns one row per figure: ``value_low``, ``value_high``,
``qualifier``, ``metric``, ``kind``, ``claimant``, ``hedged``, ``sentence``, ``start``, ``end``
(offsets of the number expression itself in ``text``, e.g. "15.000", "10.000 bis 12.000",
"mehrere tausend") and ``lang``. ``claims_from_articles(articles)`` adds ``claim_id``, ``article_id``, ``outlet``,
``published`` and ``url``; its offsets index :func:`article_text` (title, lead, text).
``python -m kursk.claims.evaluate`` scores the extractor on ``tests/gold/claims.jsonl``.

Conventions
-----------
* Numbers: "15.000", "15,000", "11 000", "11, 000" (a separator before exactly three digits groups
  thousands in both languages), "12K", "1,5 Tausend", "15-hundred"; number words are read by
  text2num ("zehntausend", "ten thousand"). "one"/"ein" alone is never a figure.
* Ranges "10.000 bis 12.000", "zwischen 10.000 und 12.000", "between 10,000 and 12,000",
  "10,000-12,000" give value_low < value_high; a range is ``exact`` unless a word before it
  qualifies it ("etwa 11.000 bis 12.000" is ``about``).
* Vague quantities are ``about`` with these values: several / a few / mehrere / einige hundred,
  "hundreds", "Hunderte" -> 200-900; the same for thousand -> 2,000-9,000; dozens / Dutzende
  -> 20-90; tens of thousands / Zehntausende -> 20,000-90,000; "a couple (of) thousand" /
  "ein paar tausend" -> 2,000 (and "a couple hundred" -> 200).
* Qualifiers (words right before the figure): bis zu, knapp, nahezu, fast, weniger als, up to,
  as many as, nearly, almost, could grow to, fewer/less than -> ``up_to``; rund, etwa, ungefähr, circa, schätzungsweise, around,
  about, some, approximately, roughly, an estimated -> ``about``; mehr als, über, more than, over,
  exceeding -> ``more_than``; mindestens, at least, upwards of, "or more"/"oder mehr" after it ->
  ``at_least``; otherwise ``exact``.
* Metric, from the words between the neighbouring figures of the sentence: "killed or wounded"
  phrases, casualties, losses, Verluste -> ``casualties``; captured / gefangen -> ``captured``;
  the nearest of killed / wounded words; additional / further / more / weitere / a second (new)
  contingent -> a further batch
  (``additional_deployed``); Kursk -> ``in_kursk``; otherwise ``deployed``.
* Kind (:mod:`kursk.claims.kinds`), from the same words as the metric: ``forecast`` for an
  expected, planned or possible total ("could be sent", "expected", "preparing to send",
  "könnten eingesetzt werden", "sollen folgen", "voraussichtlich"); ``period`` for a count of one
  short period or engagement ("in a single week", "innerhalb einer Woche", "in a drone strike");
  ``count`` otherwise, hedged or not ("may already be in Russia", "soll geschickt haben").
* Hedged when the sentence has könnte(n), soll(en), offenbar, angeblich, vermutlich,
  wahrscheinlich, schätz-, voraussichtlich, "Berichten zufolge"; believe(d), likely, probably,
  estimate(d), reportedly, could, may, might, expected, plans/preparing to. Attribution alone and
  Konjunktiv I ("seien") do not hedge.
* Only North Korean troops: the figure must count soldiers/troops/Mann/casualties ..., the
  sentence (or one of the three before) must name North Korea, and Russian or Ukrainian troops,
  equipment, units, money, distances, durations, ages, dates and times are left out.
* Claimant: see :mod:`kursk.claims.attribution`; "demnach", "zufolge", "he said" reach back up to
  six sentences to the last attributed sentence. Empty string when nobody is named.
"""

from kursk.claims.extract import (
    article_text,
    claims_for_article,
    claims_from_articles,
    detect_language,
    empty_claims,
    extract_claims,
)

__all__ = [
    "article_text",
    "claims_for_article",
    "claims_from_articles",
    "detect_language",
    "empty_claims",
    "extract_claims",
]
