"""Figures about North Korean troops in a text, an article, or an articles frame."""

from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import replace
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from kursk.claims import confidence as C
from kursk.claims import fields as F
from kursk.claims.attribution import (
    LOOKBACK,
    Attribution,
    attribute,
    by_surname,
    candidates,
    gapped,
    matches_kind,
    may_attribute,
    refers_back,
    relayed,
    surname,
)  # fmt: skip
from kursk.claims.clauses import Clause, clause_of, clauses
from kursk.claims.gate import about_north_korea, judge, rest_word, short_phrase, sized_force, thing
from kursk.claims.lexicon import Lexicon, lexicon
from kursk.claims.numbers import Figure, changes, find_figures
from kursk.data import load_claims
from kursk.schema import allowed
from kursk.text import LANGUAGES, detect_language, split_sentences

CLAIM_COLUMNS = [
    "value_low", "value_high", "qualifier", "metric", "kind", "claimant", "hedged", "cited_via",
    "claimant_via", "confidence", "evidence", "sentence", "sentence_start", "start", "end", "lang",
]  # fmt: skip
ARTICLE_COLUMNS = ["claim_id", "article_id", "outlet", "published", "url"]
#: Metrics of the curated claims that the extractor never assigns: troops stationed at the border
#: at a date (a stock) read like troops sent in a single sentence; only the whole source tells.
#: Troops gone home (``returned``) are no figure in the gold set's standard (tests/gold/GUIDE.md):
#: the extractor leaves such numbers out ("1,100 soldiers went home in December").
CURATED_ONLY_METRICS = ("at_border", "returned")
_MAX_SENTENCE = 800  # longer "sentences" (a line without stops) are read in pieces
_SENTENCE_END = re.compile(r"[.;!?]")
_PIECE_CUT = re.compile(r"[;:,]\s|\s[–—-]\s|\s")
_DETECT_CHARS = 1000  # characters the language detector reads (enough for lingua on news text)


def extract_claims(text: str, lang: str | None = None,
                   curated: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """Figures about North Korean military personnel in ``text``, one row per figure.

    Parameters
    ----------
    text : str
        An article (title and body joined by blank lines, as :func:`article_text` does) or any
        text. Empty, binary-looking or very long text gives a (possibly empty) frame.
    lang : str, optional
        The language, one of ``en``, ``de``, ``ru``, ``uk``, ``ko``, ``fr``; detected with
        :func:`kursk.text.detect_language` when None. Text in another language gives no figures
        and a warning: no language is read with another's rules.
    curated : pandas.DataFrame, optional
        Curated claims (:func:`kursk.data.load_claims`) a figure's confidence takes into account:
        a figure with the figure, metric and claimant of one is surer. None: the project's own.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CLAIM_COLUMNS`:

        * ``value_low``, ``value_high``: the figure (equal for one number; a range or a vague
          quantity such as "several thousand" = 2,000-9,000 has low < high);
        * ``qualifier`` (exact, about, more_than, at_least, up_to), ``metric`` (deployed,
          in_kursk, additional_deployed, killed, wounded, casualties, captured; never
          at_border), ``kind`` (count, forecast, period): categoricals of the claims schema;
        * ``claimant``: canonical name from ``data/entities.csv``, "" when nobody is named;
          ``claimant_via``: where it was found ("clause", "sentence", "reach_back" to an earlier
          sentence, or ""); ``cited_via``: the outlet named in that same attribution ("" if none);
        * ``hedged``: the clause signals uncertainty beyond attribution;
        * ``confidence`` (0-1): the chance that value and metric are right, fitted on gold items
          no rule was tuned on (:mod:`kursk.claims.confidence`); ``evidence``: the cues found,
          in words;
        * ``sentence`` and ``sentence_start``; ``start``, ``end``: offsets of the number
          expression itself in ``text`` ("15.000", "10,000 to 12,000", "mehrere tausend");
          ``lang``.

    Examples
    --------
    >>> extract_claims("North Korea has sent about 11,000 troops to Russia, the NIS said.",
    ...                lang="en")[["value_low", "qualifier", "metric", "claimant"]]  # doctest: +SKIP
       value_low qualifier    metric                                     claimant
    0    11000.0     about  deployed  National Intelligence Service (South Korea)
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_claims: text must be a str, not {type(text).__name__}")
    if lang is None:
        lang = detect_language(text[:_DETECT_CHARS]) if text.strip() else ""
        if not lang:
            return empty_claims()
    if lang not in LANGUAGES:
        warnings.warn(
            f"extract_claims: language {lang!r} is not one of {LANGUAGES}; no figures read",
            stacklevel=2,
        )
        return empty_claims()
    return _frame(_claim_rows(text, lang, _known(curated)))


@lru_cache(maxsize=1)
def _project_known() -> C.Known:
    return C.known(load_claims())


def _known(curated: pd.DataFrame | None) -> C.Known:
    """The figures of ``curated`` (the project's curated claims when None)."""
    return _project_known() if curated is None else C.known(curated)


def empty_claims(with_articles: bool = False) -> pd.DataFrame:
    """A claims frame with no rows and the right columns and dtypes."""
    return _frame([], with_articles)


# --------------------------------------------------------------------------- reading


class _Article:
    """One text being read: its sentences, and each sentence's candidates and attribution,
    computed once when first asked for."""

    def __init__(self, text: str, lang: str, lex: Lexicon):
        self.text, self.lang, self.lex = text, lang, lex
        self.sentences = _pieces(text, split_sentences(text, lang))
        first = self.sentences[0][1] if self.sentences else 0
        self.has_title = text[first : first + 2] == "\n\n" and len(self.sentences) > 1
        self._cands: dict[int, list] = {}
        self.kursk_named = lex.metric["kursk"].search(text) is not None
        self.intelligence_named = lex.intelligence.search(text) is not None
        self.last_metric = ""  # of the last figure read: a group "of them" refers to
        self.period_sentence = -2  # the sentence whose last figure was a loss over a period
        self.quiet = -1  # the last sentence without a figure
        self._attr: dict[int, Attribution] = {}
        self._named: dict[int, list] = {}  # names found in a sentence, before surnames
        self._may: dict[int, bool] = {}

    def named(self, i: int) -> list:
        if i not in self._named:
            self._named[i] = candidates(self.text, *self.sentences[i], self.lex)
        return self._named[i]

    def cands(self, i: int) -> list:
        """The candidate claimants of sentence ``i``, with people named in full in the first
        sentence (the headline) or in an earlier sentence already read for names (of the last
        :data:`LOOKBACK`) now named by surname."""
        if i not in self._cands:
            found, people = self.named(i), {}
            if not any(c.kind == "person" for c in found):  # else no one goes by surname here
                for j in range(max(0, i - LOOKBACK), i):
                    for c in self.named(j) if j == 0 else self._named.get(j, ()):
                        if surname(self.text, c):
                            people[surname(self.text, c)] = (c.name, c.side)
            self._cands[i] = by_surname(self.text, *self.sentences[i], found, people, self.lang)
        return self._cands[i]

    def may_attribute(self, i: int) -> bool:
        if i not in self._may:
            self._may[i] = may_attribute(self.text, *self.sentences[i], self.lex)
        return self._may[i]

    def attribution(self, i: int) -> Attribution:
        if i not in self._attr:
            a, b = self.sentences[i]
            # no cue, no heading name: no need to look for names
            found = attribute(self.text, a, b, self.lex, self.cands(i),
                              intelligence_named=self.intelligence_named) if self.may_attribute(
                i) else Attribution()  # fmt: skip
            if found.kind in ("outlet", "") and _unnamed(self, a, b):
                # "…, Reuters reports, citing Western intelligence sources": no one named,
                # nothing to reach back to but the outlet itself ("according to the agency")
                found = Attribution(kind="unnamed", cited=found.cited or found.name)
            self._attr[i] = found
        return self._attr[i]

    def headline_source(self) -> Attribution:
        """For a headline with no attribution: the claimant of the first attributed sentence of
        the body (of the first three), or the first person or body it names."""
        body = range(1, min(len(self.sentences), 4))
        for j in body:
            if self.attribution(j).name or self.attribution(j).kind == "unnamed":
                return self.attribution(j)  # unnamed: "…, citing people familiar with the matter"
        for c in self.cands(1) if len(self.sentences) > 1 else []:
            if c.kind in ("person", "agency", "ministry", "org"):
                return Attribution(c.name, c.kind, c.start, c.end, "", 5)
        return Attribution()

    def named_before(self, i: int, kind: str, other_than: str) -> Attribution:
        """The last claimant of ``kind`` but ``other_than`` named before sentence ``i`` (of the
        last :data:`LOOKBACK` sentences, and the headline)."""
        for j in sorted({*range(max(0, i - LOOKBACK), i), *([0] if i else [])}, reverse=True):
            for c in reversed(self.named(j)):
                if c.kind == kind and c.name != other_than:
                    return Attribution(c.name, c.kind, c.start, c.end, "", 5, c.side)
        return Attribution()

    def specific(self, i: int, side: str) -> Attribution:
        """The last person or body (not a government in general) of ``side`` named as a
        claimant before sentence ``i``: in the headline, or in a sentence already read."""
        seen = [j for j in range(max(0, i - LOOKBACK), i) if j in self._attr]
        for j in sorted(set(seen) | ({0} if self.has_title and i > 0 else set()), reverse=True):
            a = self.attribution(j)
            if a.name and a.side == side and a.kind in ("person", "agency", "ministry", "org") \
                    and a.name != _UNNAMED_INTELLIGENCE:  # fmt: skip
                return a
        return Attribution()

    def reach_back(self, i: int, kind: str) -> Attribution:
        """The last claimant before sentence ``i`` that a reference of ``kind`` fits; for a
        reference to an intelligence service ("der Dienst", "the spy agency"), the last
        agency first; ``kind="body"``: the last ministry, agency, organisation or government."""
        back = range(i - 1, max(-1, i - 1 - LOOKBACK), -1)
        if kind == "agency" and self.lex.intelligence.search(self.text, *self.sentences[i]):
            for j in back:
                if self.attribution(j).kind == "agency":
                    return self.attribution(j)
        for j in back:
            a = self.attribution(j)
            if a.kind == "unnamed":
                if kind == "outlet" and a.cited:
                    return Attribution(a.cited, "outlet", a.start, a.end, a.cited, a.tier)
                break
            if a.name and (matches_kind(a, kind) or (kind == "body" and a.kind in _BODIES)):
                return a
        return Attribution()


def _pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans, a very long one cut into pieces of at most :data:`_MAX_SENTENCE`."""
    out = []
    for a, b in spans:
        while b - a > _MAX_SENTENCE:
            cut = None
            for m in _PIECE_CUT.finditer(text, a + _MAX_SENTENCE // 2, a + _MAX_SENTENCE):
                cut = m.end()
            cut = cut or a + _MAX_SENTENCE
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def _claim_rows(text: str, lang: str, cur: C.Known) -> list[dict]:
    """The rows of the figures in ``text``: numbers first, then, only in an article about North
    Korea's troops, each sentence that holds one; each scored against the curated figures
    ``cur``."""
    if not text:
        return []
    figs = [f for f in find_figures(text, lang) if f.high >= 2]  # "one" is never a figure
    if not figs:
        return []
    lex = lexicon(lang)
    art = _Article(text, lang, lex)
    if not about_north_korea(text, art.sentences, lex):
        return []
    rows: list[dict] = []
    k = 0
    heads: list[Figure] = []
    for i, (s0, s1) in enumerate(art.sentences):
        here = []
        while k < len(figs) and figs[k].start < s1:
            if figs[k].start >= s0 and figs[k].end <= s1:
                here.append(figs[k])
            k += 1
        here = _not_things(text, here, (s0, s1), lex)
        if here:
            rows.extend(_sentence_rows(art, i, here))
        if not here:
            art.quiet = i
        if i == 0 and art.has_title:
            heads = here
    return _scored(_headline_follows_text(art, _headline_echoes(art, rows, heads)), cur)


def _headline_echoes(art: _Article, rows: list[dict], heads: list[Figure]) -> list[dict]:
    """A headline number left out for want of a noun ("서울 1만4천·워싱턴 1만2천…") that the text
    gives as a figure is one: the headline is read again with those values taken as listed."""
    end = art.sentences[0][1] if heads else 0
    taken = {r["start"] for r in rows if r["start"] < end}
    body = {(r["value_low"], r["value_high"]) for r in rows if r["start"] >= end}
    if not any(f.start not in taken and (f.low, f.high) in body for f in heads):
        return rows
    art.last_metric = ""
    again = _sentence_rows(art, 0, heads, echoed=frozenset(body))
    return sorted([r for r in rows if r["start"] >= end] + again, key=lambda r: r["start"])


def _headline_follows_text(art: _Article, rows: list[dict]) -> list[dict]:
    """A headline figure with no metric word of its own, or only "lost", takes the metric of the
    same figure in the text, where the text gives it one ("…누적 3천 명 넘어" over "누적 사상자는
    3천 명을", "9명 잃었지만" over "9명이 숨졌다"); a headline figure read as a running total
    takes the period the text gives the same figure ("lost 46 men in night attack" over "in a
    night assault …, lost 46 men")."""
    if not art.has_title:
        return rows
    end, weak = art.sentences[0][1], art.lex.metric["casualties_weak"]
    for r in (r for r in rows if r["sentence_start"] < end):
        body = [b for b in rows if b["sentence_start"] >= end
                and (b["value_low"], b["value_high"]) == (r["value_low"], r["value_high"])]
        same = {(b["metric"], b["_evidence"][3][1]) for b in body
                if b["_evidence"][3][0] != "default"}  # fmt: skip
        how = r["_evidence"][3][0]  # a word of sending alone gives way to a further batch
        if len({m for m, _ in same}) == 1 and (how == "default" or (how == "deploy" and {
                m for m, _ in same} <= {"additional_deployed", *F.LOSS_METRICS})
                or weak.fullmatch(r["_evidence"][3][1])):  # fmt: skip
            metric, cue = min(same)
            people, nk, form, _, via = r["_evidence"]
            r.update(metric=metric, _evidence=(people, nk, form, ("text", cue), via))
        kinds = {b["kind"] for b in body if b["metric"] == r["metric"]}
        if r["kind"] == "count" and kinds in ({"period"}, {"forecast"}):
            r["kind"] = kinds.pop()  # "6,000 North Korean specialists for Russia" over a plan
    return rows


def _scored(rows: list[dict], cur: C.Known) -> list[dict]:
    """The rows with their evidence keys (``_keys``), ``confidence`` and ``evidence`` in words."""
    for r in rows:
        (people, _), nk, form, (how, _), via = r["_evidence"]
        seen = C.how_known(cur, r["value_low"], r["value_high"], r["metric"], r["claimant"])
        r["_keys"] = C.features(people, nk, form, how, via, r["metric"], seen)
        r["confidence"] = C.score(r["_keys"])
        r["evidence"] = C.evidence(*r["_evidence"], seen)
    return rows


_RANGE_TO = re.compile(r"\s*(?:по|до|-|–|—|bis|to|à|au)\s*", re.IGNORECASE)


def _not_things(text: str, figs: list[Figure], sentence: tuple[int, int],
                lex: Lexicon) -> list[Figure]:  # fmt: skip
    """The numbers of a sentence that are not plainly things (:func:`kursk.claims.gate.thing`),
    nor the next number of a short list begun by one ("aged 20 and 26", "20 років, 26"), nor the
    first end of a span whose second end is one ("з 3 по 9 лютого")."""
    out, prev_thing = [], None
    for n, f in enumerate(figs):
        nxt = figs[n + 1] if n + 1 < len(figs) else None
        if nxt and _RANGE_TO.fullmatch(text, f.end, nxt.start) and thing(text, nxt, sentence, lex):
            prev_thing = f  # "З 3 по 9 лютого": the first day of a span of days
            continue
        gap = text[prev_thing.end : f.start] if prev_thing else ""
        bare = not re.match(r"\s*\w", text[f.end : f.end + 3])  # nothing named after it
        listed = prev_thing and len(gap) <= 8 and lex.conj.search(gap) \
            and not lex.conj.sub("", gap).strip(" ,")  # fmt: skip
        if thing(text, f, sentence, lex) or (listed and bare):
            prev_thing = f
            continue
        prev_thing = None
        out.append(f)
    return out


def _sentence_rows(art: _Article, i: int, figs: list[Figure],
                   echoed: frozenset = frozenset()) -> list[dict]:  # fmt: skip
    text, lex = art.text, art.lex
    s0, s1 = art.sentences[i]
    cls = clauses(text, s0, s1, figs, lex)
    where = [clause_of(cls, f.start) for f in figs]
    spans = [(c.start, c.end) for c in cls]
    groups = [_is_group(text, f, figs, cls[where[n]], lex) for n, f in enumerate(figs)]
    rows: list[dict] = []
    # whether figure k+1 is what figure k changed to ("rose from 1,100 to 3,000")
    chg = [changes(text, art.lang, a, b) for a, b in zip(figs, figs[1:], strict=False)] + [False]
    prev = left_out = None  # the last figure read, the last one the gate left out
    # the loss a sentence without a figure right before named ("The death toll rose again.")
    named = F.named_loss(text, art.sentences[i - 1], lex) if i and art.quiet == i - 1 else ""
    times: list[tuple[str, str]] = []  # the month or week each row's window names, or ("", "")
    for n, f in enumerate(figs):
        clause = cls[where[n]]
        window = _window(figs, groups, where, n, clause)
        listed = prev is not None and (F.continues_list(text, prev[0], f.start, lex)
                                       or gapped(text, clause.start, clause.end,
                                                 lambda: art.cands(i), lex) is not None)
        gap = text[prev[0] : f.start] if prev else ""
        tight = listed and rows and ("," not in gap or len(gap.strip(" ,")) <= 8)
        prev_row = rows[-1] if tight else None  # "400 sollen getötet und 1.100 verwundet sein"
        changed = bool(prev) and prev[0] == figs[n - 1].end and chg[n - 1]  # what it changed to
        gate = judge(text, f, clause, window, (s0, s1), lex, lambda: art.cands(i), True,
                     listed or changed or (f.low, f.high) in echoed)
        if gate is None:
            left_out = (f.end, window[0])
            continue
        if left_out and left_out[0] == figs[n - 1].end and F.continues_list(text, left_out[0],
                                                                            f.start, lex):
            window = (left_out[1], window[1])  # "загинули 183 російських і 47 північнокорейських"
        j = where[n]
        nxt = cls[j + 1] if j + 1 < len(cls) else None
        coordinated = (nxt.start, nxt.end) if nxt and lex.conj.match(text, nxt.start) and not (
            lex.contrast.match(text, nxt.start)) else None  # "and", not "but"
        lead = (max(s0, f.start - 32), f.start) if _after_dash(text, clause, f, lex) else (0, 0)
        before, after = _context(text, cls, set(where), j, lex)
        rest = rest_word(text, f, clause, lex) is not None  # "…, die übrigen 3.000 …": what
        before = [] if rest else before  # the clauses before it say is of the other part
        part = (gate.people == "ref" and not rest) or clause.subgroup  # a part of a group
        z = F.Zones(window, (clause.start, clause.end), short_phrase(text, f, clause, lex),
                    before, after, coordinated, lead, art.kursk_named,
                    art.last_metric if part else "",
                    figs[n + 1].start if n + 1 < len(figs) else s1)  # fmt: skip
        met, cue, met_where = F.metric(text, f, z, lex, groups[n],
                                       prev[2] if listed and prev else "",
                                       prev[2] if prev else named or art.last_metric,
                                       prev[2] if changed else "")  # fmt: skip
        qual = F.qualifier(text, f, clause, lex)
        if changed and qual == "up_to":
            qual = "exact"  # "с 300 до 600": the "to" of a change
        if prev is not None:
            qual = F.shared_qualifier(text, prev, (f.start, qual, met), listed)
        context = z.before + z.after
        enumerated = clause.subgroup or prev and re.fullmatch(r"[^.;!?]*:\s*",
                                                               text[prev[0] : f.start])
        # a figure after one of a period in its sentence shares that period ("73 …: 29 загинули",
        # "52 were killed in the battle for X, another 18 wounded"), unless a running total's
        # words stand between ("…, bringing the total to 3,000")
        same_span = rows and rows[-1]["kind"] == "period" and (
            enumerated or not lex.running.search(text, prev[0], clause.end))
        # "…were killed overnight, Kyiv said. Another 60 were wounded.": the same span
        same_span = same_span or (not rows and met in F.LOSS_METRICS
                                  and art.period_sentence == i - 1
                                  and (part or any(
                                      lex.metric[k].search(text, max(s0, f.start - 20), f.start)
                                      for k in ("additional_attached", "additional")))
                                  and not lex.running.search(text, s0, clause.end))
        kind = F.kind(text, window, context, lex, met, z.coordinated, prev_row["kind"] if prev_row
                      else "period" if same_span else "count")  # fmt: skip
        if kind == "period" and (changed or chg[n]):
            kind = "count"  # the ends of a change: "3주 새 2천→2천600명" is the change's period
        who, via = _claimant(art, i, clause, [spans[where[m]] for m in range(len(figs)) if m != n
                                              and where[m] != j])  # fmt: skip
        ev = ((gate.people, gate.cue), gate.nk, f.form, (met_where, cue), via)
        rows.append({
            "value_low": f.low, "value_high": f.high, "qualifier": qual, "metric": met,
            "kind": kind,
            "claimant": who.name, "cited_via": who.cited,
            "hedged": F.hedged(text, window, context, lex) or bool(prev_row and prev_row["hedged"])
                      or bool(clause.subgroup and rows and rows[-1]["hedged"]),
            "claimant_via": via,
            "sentence": text[s0:s1], "sentence_start": s0, "start": f.start, "end": f.end,
            "lang": art.lang, "_evidence": ev,
        })  # fmt: skip
        prev = (f.end, qual, met)
        art.last_metric = met
        times.append(F.told_time(text, window, (figs[n - 1].end if n else s0, f.start), lex))
        art.period_sentence = i if kind == "period" and met in F.LOSS_METRICS else -2
    return F.span_tallies(rows, times)


def _context(text: str, cls: list[Clause], taken: set[int], j: int,
             lex: Lexicon) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:  # fmt: skip
    """The clauses without a figure that belong to clause ``j``: those back to the clause of the
    figure before, and those after it up to the next figure's clause or a clause opened by a
    conjunction ("…, а число раненых, вероятно, …" belongs to the figure after it). A clause
    set against those before it ("Most are in Kursk, but 1,500 are in Belgorod") has none before.
    """
    before, after = [], []
    k = j - 1
    while k >= 0 and k not in taken and not _contrasted(text, cls, k + 1, lex):
        before.insert(0, (cls[k].start, cls[k].end))
        k -= 1
    k = j + 1
    while k < len(cls) and k not in taken and not lex.conj.match(text, cls[k].start):
        after.append((cls[k].start, cls[k].end))
        k += 1
    return before, after


def _contrasted(text: str, cls: list[Clause], k: int, lex: Lexicon) -> bool:
    """True if clause ``k`` is set against the clause before it ("but …", "…지만 …")."""
    if lex.words_before:
        return k > 0 and lex.contrast.search(text, max(cls[k - 1].start, cls[k].start - 6),
                                             cls[k].start) is not None
    return lex.contrast.match(text, cls[k].start) is not None


def _after_dash(text: str, clause: Clause, fig: Figure, lex: Lexicon) -> bool:
    """True for a figure right after a dash or colon that opens its clause, a qualifier at most
    between ("загиблих — 300", "санітарних — майже 3 тисячі")."""
    return lex.only_qualifier(text[clause.start : fig.start]) and re.search(
        r"[—–:-]\s*$", text[max(0, clause.start - 4) : clause.start]) is not None


def _is_group(text: str, fig: Figure, figs: list[Figure], clause: Clause, lex: Lexicon) -> bool:
    """True for the group of a partitive: the 12,000 of "3,000 of the 12,000 deployed" (in Korean
    the group comes first: "1만1000명 중 3000명")."""
    others = [f for f in figs if f is not fig and clause.start <= f.start < clause.end]
    if lex.words_before:
        after = text[fig.end : min(clause.end, fig.end + 6)].lstrip("명 ")
        return bool(lex.partitive.pattern and re.match(r"(?:중|가운데)", after)) and (
            any(f.start > fig.end for f in others)
            or lex.fraction.search(text, fig.end, min(clause.end, fig.end + 20)) is not None
        )  # "1만1000명 중 3000명", "1만1000명 중 3분의 1"
    if sized_force(text, fig):
        return True  # a force's size: "the 11,000-strong force … has lost 2,700"
    before = text[max(clause.start, fig.start - 45) : fig.start]
    for _, q in lex.qualifier_before:  # "of the roughly 11,000"
        hit = q.search(before)
        if hit:
            before = before[: hit.start()]
            break
    part = lex.partitive.search(before[-20:])
    if part is None:
        return False
    share = lex.fraction.search(text, max(clause.start, fig.start - 45), fig.start)
    if share is not None or any(f.end <= fig.start and fig.start - f.end <= 30 for f in others):
        return True  # "3,000 of the 12,000", "half of the 11,000"
    # A clause opened by the partitive, its part in a later clause of the sentence: "Of the
    # 11,000 troops sent, some 4,000 were killed", "з близько 11 тис. …, понад половину …"
    lead = before.strip()
    opens = clause.start >= fig.start - 45 and any(  # one adverb may stand between: "Von den
        lex.partitive.fullmatch(t + " ") for t in (lead, re.sub(r"\s*\w+$", "", lead)) if t)  # bislang …"
    if not opens:
        return False
    stop = _SENTENCE_END.search(text, fig.end)
    end = stop.start() if stop else len(text)
    return any(fig.end < f.start < end for f in figs) or lex.fraction.search(text, fig.end,
                                                                             end) is not None


def _window(figs, groups, where, n, clause: Clause) -> tuple[int, int]:
    """The figure's part of its clause: between the neighbouring figures of the same clause that
    are not partitive groups."""
    w0, w1 = clause.start, clause.end
    for m, f in enumerate(figs):
        if m == n or where[m] != where[n] or groups[m] or groups[n]:
            continue
        if f.end <= figs[n].start:
            w0 = max(w0, f.end)
        elif f.start >= figs[n].end:
            w1 = min(w1, f.start)
    return w0, w1


def _claimant(art: _Article, i: int, clause: Clause,
              others: list[tuple[int, int]]) -> tuple[Attribution, str]:  # fmt: skip
    """The figure's claimant and where it was found (:func:`_found`), made specific: a side
    named only in general ("Ukrainian officials", "украинская разведка") is the body of that
    side the article named before ("ГУР: …"); a headline crediting an outlet ("…, selon
    Yonhap", "Interfax: …") takes the source the body gives ("nach Angaben des Ministeriums
    …"); a ministry named without its country ("국방부") is another country's ministry the
    article named before."""
    who, via = _found(art, i, clause, others)
    who = relayed(who, intelligence_named=art.intelligence_named)  # a headline's fallback
    if who.kind != "person" and art.lex.own_view.search(art.text, *art.sentences[i]):
        for j in range(i, max(-1, i - 1 - LOOKBACK), -1):  # "In his own view, he went on, …":
            people = [c for c in art.cands(j) if c.kind == "person"]  # the last person named
            if people:
                c = people[-1]
                return Attribution(c.name, c.kind, c.start, c.end, "", 1, c.side), "reach_back"
    if who.kind == "ministry" and art.lex.bare_ministry.match(art.text, who.start):
        named = art.named_before(i, "ministry", who.name)  # "영국 국방부는 … 국방부는 …"
        if named.name:
            return named, "reach_back"
    if who.name and via != "clause" and (who.kind == "gov" or who.name == _UNNAMED_INTELLIGENCE):
        # (a government its own clause names stays: "Seoul believes 11,000 are in Russia")
        named = art.specific(i, who.side)
        if named.name:
            return named, via
    if who.kind == "outlet" and i + 1 < len(art.sentences):
        cited = _cited_next(art, i + 1)  # "Die Zeitung beruft sich auf … vertraute Personen."
        if cited is not None:
            return cited, "reach_back"
    if i == 0 and art.has_title and who.kind == "outlet":
        source = art.headline_source()
        if source.kind == "unnamed":
            return Attribution(), "reach_back"  # "FT: …" over "…, citing Western officials"
        if source.name and source.tier <= 2 and source.kind != "outlet":
            return Attribution(source.name, source.kind, source.start, source.end,
                               source.cited or who.name, 0, source.side), "reach_back"
    return who, via


def _cited_next(art: _Article, j: int) -> Attribution | None:
    """The source an outlet names in sentence ``j`` that follows its figure ("Das Portal beruft
    sich auf eine Quelle im ukrainischen Geheimdienst"): that source, no one if it is left
    unnamed on purpose, or None if sentence ``j`` names no source of the outlet."""
    text, (a, b) = art.text, art.sentences[j]
    if refers_back(text, a, b, art.lex) != "outlet" or not art.lex.attr_origin.search(text, a, b):
        return None
    ahead = art.attribution(j)
    if ahead.kind == "unnamed":
        return Attribution()
    return ahead if ahead.name and ahead.kind != "outlet" and ahead.tier == 0 else None


_UNNAMED_INTELLIGENCE = "Ukrainian intelligence (agency not named)"
_BODIES = ("ministry", "agency", "org", "gov")


def _found(art: _Article, i: int, clause: Clause,
           others: list[tuple[int, int]]) -> tuple[Attribution, str]:  # fmt: skip
    """The figure's claimant and where it was found: its clause, its sentence, or another
    sentence: the last attributed one before it, or for a headline the first attributed
    sentence of the body."""
    named = gapped(art.text, clause.start, clause.end, lambda: art.cands(i), art.lex)
    if named is not None:  # ", Seoul at 600"
        return named, "clause"
    if may_attribute(art.text, clause.start, clause.end, art.lex):
        own = attribute(art.text, clause.start, clause.end, art.lex, art.cands(i),
                        intelligence_named=art.intelligence_named)
    else:
        own = Attribution()
    sent = art.attribution(i)
    if own.name and not (own.kind == "outlet" and (_unnamed(art, clause.start, clause.end)
                                                   or sent.kind == "unnamed")):
        if own.kind == "gov" and sent.kind not in ("gov", "outlet", "") and sent.side == own.side:
            return sent, "sentence"  # "Washington believes …, a State Department spokesman said"
        if own.tier > 0 and sent.kind not in ("outlet", "") and sent.tier == 0 and (
                sent.start > own.end and not art.lex.words_before
                and not any(clause.end <= a < sent.start for a, _ in others)):
            return sent, "sentence"  # the source cited after the clause, no other figure between:
            # "…, Reuters reported, citing Yonhap, which quoted the NIS"
        if own.kind == "gov" and sent.name == own.name and refers_back(
                art.text, *art.sentences[i], art.lex) == "person":  # fmt: skip
            back = art.reach_back(i, "person")  # "Kyiv believes …, he added"
            if back.name and back.side == own.side:
                return back, "reach_back"
        return replace(own, cited=own.cited or sent.cited), "clause"
    kind = refers_back(art.text, *art.sentences[i], art.lex)
    if sent.kind == "unnamed":  # "Western officials told the BBC"; a headline denying a figure
        denial = i == 0 and art.has_title and art.lex.denial.search(art.text, *art.sentences[0])
        return (art.headline_source(), "reach_back") if denial else (Attribution(), "")
    if sent.name and not (sent.tier == 4 and kind and kind != "any"):
        return sent, "sentence"
    if not sent.name and i + 1 < len(art.sentences) and art.lex.forward.search(
            art.text, *art.sentences[i + 1]):  # fmt: skip
        ahead = art.attribution(i + 1)  # "… 300 Drohnenbediener … Das teilte der Generalstab mit."
        if ahead.kind == "unnamed":
            return Attribution(), ""  # "Diese Zahlen stellten westliche Regierungsvertreter …"
        if ahead.name:
            return ahead, "reach_back"
    back = art.reach_back(i, kind or "any")
    if back.name:
        return back, "reach_back"
    if kind and i > 0 and not sent.name:  # "demnach" after a sentence naming one body, no cue
        named = [c for c in art.named(i - 1) if c.kind in ("person", *_BODIES[:3])
                 and matches_kind(Attribution(c.name, c.kind), kind)]  # fmt: skip
        if len(named) == 1:
            c = named[0]
            return Attribution(c.name, c.kind, c.start, c.end, "", 5, c.side), "reach_back"
    if sent.name:
        return sent, "sentence"
    if kind == "person":  # "fügte er hinzu" after "sagte ein Vertreter des Ministeriums": no
        back = art.reach_back(i, "body")  # person named, the body the official spoke for
        if back.name:
            return back, "reach_back"
    if i == 0 and art.has_title:
        return art.headline_source(), "reach_back"
    return Attribution(), ""


def _unnamed(art: _Article, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` credits a source left unnamed on purpose (lexicon ``unnamed``)."""
    return art.lex.unnamed.search(art.text, start, end) is not None


# --------------------------------------------------------------------------- frames


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
    for c in ("claimant",):
        data[c] = pd.array(col(c), dtype="str")
    data["hedged"] = np.array(col("hedged"), dtype="bool")
    for c in ("cited_via", "claimant_via"):
        data[c] = pd.array(col(c), dtype="str")
    data["confidence"] = np.array(col("confidence"), dtype="float64")
    data["evidence"] = pd.array(col("evidence"), dtype="str")
    data["sentence"] = pd.array(col("sentence"), dtype="str")
    for c in ("sentence_start", "start", "end"):
        data[c] = np.array(col(c), dtype="int64")
    data["lang"] = pd.array(col("lang"), dtype="str")
    return pd.DataFrame(data)


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


def _article_lang(language: Any, text: str) -> str:
    if isinstance(language, str) and language in LANGUAGES:
        return language
    return detect_language(text[:_DETECT_CHARS]) if text.strip() else ""


def claims_from_articles(articles: pd.DataFrame,
                         curated: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """Claims in every article of an articles frame (``kursk.articles.load_articles``).

    Columns ``claim_id``, ``article_id``, ``outlet``, ``published``, ``url``, then those of
    :func:`extract_claims`; offsets index :func:`article_text` of each article. An article's
    ``language`` is used when it is one of the six, else detected; articles in other languages
    give no figures (one warning names how many). ``curated``: as in :func:`extract_claims`.
    """
    need = {"article_id", "text"}
    missing = need - set(articles.columns)
    if missing:
        raise ValueError(f"claims_from_articles: articles frame lacks columns {sorted(missing)}")
    n = len(articles)

    def column(name: str) -> list:
        return articles[name].tolist() if name in articles.columns else [None] * n

    rows: list[dict] = []
    at: list[int] = []
    skipped = []
    cur = _known(curated)
    names = ("title", "lead", "text", "language", "article_id")
    for k, (title, lead, body, language, aid) in enumerate(zip(*(column(c) for c in names),
                                                               strict=True)):  # fmt: skip
        text = _joined_text(title, lead, body)
        if not text:
            continue
        lang = _article_lang(language, text)
        if lang not in LANGUAGES:
            skipped.append(lang or "?")
            continue
        aid = str(aid if aid is not None else "")
        for r in _claim_rows(text, lang, cur):
            r["claim_id"], r["article_id"] = claim_id(aid, r["start"]), aid
            rows.append(r)
            at.append(k)
    if skipped:
        warnings.warn(f"claims_from_articles: {len(skipped)} article(s) in languages outside "
                      f"{LANGUAGES} ({', '.join(sorted(set(skipped)))}) read no figures",
                      stacklevel=2)  # fmt: skip
    take = np.asarray(at, dtype="int64")
    meta = {
        "claim_id": pd.array([r["claim_id"] for r in rows], dtype="str"),
        "article_id": pd.array([r["article_id"] for r in rows], dtype="str"),
        "outlet": _text_column(articles, "outlet", take),
        "published": _time_column(articles, take),
        "url": _text_column(articles, "url", take),
    }
    return pd.concat([pd.DataFrame(meta), _frame(rows)], axis=1)


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
