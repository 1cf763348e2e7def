"""The cue words of each language, compiled: :func:`lexicon` gives a :class:`Lexicon` of patterns.

The words themselves are tables, one module per language (``lexicon/en.py``, ``de.py``, ``ru.py``,
``uk.py``, ``ko.py``, ``fr.py``), each a dict ``TABLES`` with the same keys, every value a list
of regular-expression alternatives (a dict of such lists where the cue has kinds). Nothing else in
:mod:`kursk.claims` spells a word of a language; number forms are in :mod:`kursk.claims.numwords`.

Keys (each a list of alternatives unless said otherwise):

========================  ========================================================================
``nk``                    North Korea named: country, demonym, capital, leader, army
``months``                month names (a day next to one is a date)
``in_month``              a month as the time of a figure ("in January", "в декабре", "12월"): a list
                          of them makes losses month-by-month tallies
``in_week``               an ordinal week as the time of a figure ("in the second week", "за другий",
                          "둘째 주"): a list of them makes losses week-by-week tallies
``rate``                  a span right after a figure that makes it a rate ("50 a day", "pro Woche"):
                          no thing it counts
``troop``                 nouns of military people ("soldiers", "Soldaten", "военных", "병력")
``not_people``            nouns after a figure that make it something else (shells, km, years)
``not_people_before``     words right before a figure that do the same ("$", "aged", "No.")
``foreign``               another army's marks in a figure's noun phrase ("Russian", "enemy")
``own``                   reflexive possessives ("its own", "своих", "eigene"): another army's mark
                          unless North Korea is named before the figure in its clause
``ordinal``               suffixes right after digits that make an ordinal ("11th", "11-го")
``civilians``             Korean: nouns right before a figure that make it civilians ("노동자")
``other_side``            Russia or Ukraine as the owner of troops ("Russia", "Kyiv", "Russian forces")
``place_prep``            a preposition making a country a place ("in", "nach", "в")
``function_after``        words that may follow a figure without naming what it counts
``metric``                dict: casualties_phrase, captured, killed, wounded, casualties,
                          casualties_weak ("lost"), additional (a further batch, anywhere in
                          the clause: "a second contingent", "again", "추가"),
                          additional_attached (only attached to the figure: "another",
                          "weitere", "ещё", "ще"), total ("cumulative", "누적", "공병을 포함해":
                          a total over all contingents), later_contingent
                          (construction: "builders"),
                          engineers ("sappers", "deminers"), replacing (troops sent to replace
                          losses: a further batch, not the losses), died (a verb of dying: the wounded
                          who died are killed), russia ("in Russia": all of the
                          deployment), kursk, deploy, versus ("against",
                          "contre": set against the figure before), returned ("went home":
                          no figure), rest ("the remaining 8,000", "die übrigen": the
                          rest of the force, not a part of the figure before), same_as_before ("the toll",
                          "это число": a reference to the figure before) -- see
                          :mod:`kursk.claims.fields` for the order they are used in
``subgroup``              "of them", "darunter", "из них", "그중"
``partitive``             before a group's figure: "of the", "von den", "из"
``region``                "the region", "dans la région": the Kursk region once the article names it
``intelligence``          an intelligence service not named ("the spy agency", "разведка")
``fraction``              a share of a group: "half", "die Hälfte", "половина", "절반"
``self_cited``            nouns that make a government phrase a source ("ukrainische Angaben")
``qualifier_before``      dict qualifier -> words right before the figure
``qualifier_after``       dict qualifier -> words right after it ("or more", "이상")
``qualifier_tail``        optional: a preposition that may follow a qualifier ("более чем в")
``hedge``                 words that hedge a clause ("reportedly", "soll", "якобы")
``forecast``, ``period``  words of a forecast; of a count for one period or engagement
``dated``                 words that date an event ("last week", "between 8 and 15 June"): a
                          loss tallied then is a period, a batch sent then a count
``attr_pre``              attribution before a name ("according to", "laut", "по данным")
``attr_post``             attribution after a name ("said", "sagte", "заявил", "밝혔다")
``attr_origin``           the source of a nested attribution ("citing", "unter Berufung auf")
``refs``                  dict person|agency|ministry|any (and optionally outlet) -> short
                          references to a claimant named earlier ("he said", "the spy agency",
                          "demnach", "по данным издания")
``relay``                 lawmakers or a briefing that relay an agency's figures
``unnamed``               a source left unnamed on purpose ("Western officials", "nach westlichen
                          Schätzungen"): the figure has no claimant, none reached back for
``forward``               a sentence crediting the one before it ("Das teilte … mit", "Об этом
                          сообщил …", "Про це заявив …", "이같이 밝혔다")
``locative``              prepositions that make a country a place, not a speaker ("in", "nach")
``conj``                  conjunctions that join clauses ("and", "but", "und", "и", "고")
``running``               words of a running total ("since", "in all", "bringing the total to",
                          "insgesamt", "загалом", "depuis", "누적"): a figure after them does not
                          take the period of the figure before it in its sentence
``offices``               Korean: titles that may stand between a name and its particle ("오스틴 미국
                          국방장관은")
``comitative``            "with" before a name: a partner of the talk, not its speaker ("в разговоре с
                          генсеком НАТО Марком Рютте сообщил")
``cited_by``              right after a name, the outlet that carries its words ("…, cité par
                          TASS", "quoted by Reuters"): the name is the claimant
``against``               right before another army: it is the enemy, not the owner ("against
                          Ukrainian troops", "gegen die ukrainischen Truppen")
``relative``              relative pronouns ("that", "що"): a clause that describes a noun before it
``gap_to``                the preposition of a figure whose verb an earlier clause gave ("…, Seoul
                          at 600", "…, le renseignement ukrainien à 5 000")
``article``               articles that may stand before a name ("the", "le", "die")
``own_view``              a speaker giving a figure as his own, not the body he relayed before ("in
                          his own view", "nach seiner eigenen Einschätzung", "pour sa part")
``denial``                a denial ("dismissed", "zurückgewiesen", "назвал выдумкой"): a figure
                          it names is claimed by whoever put it forward, not the denier
``figures_of``            words before the one who put a figure forward ("Angaben des",
                          "данные", "the estimate by")
``addressee``             words before an outlet that make it the one spoken to ("told Reuters",
                          "в интервью ТАСС"); in Korean the words after it ("가디언과의 인터뷰")
``compared``              a comparison before a name: whose figure the figure is set against, not
                          its speaker ("fast dreimal so viele, wie der Geheimdienst in Seoul annimmt")
``bare_ministry``         a ministry named without its country, which stands for the home one
                          ("국방부") unless the article named another country's before
``contrast``              those of them that set a clause against the one before ("but", "aber",
                          "а", "지만"): a figure after one takes nothing from the clauses before
``gov``                   dict side -> phrases standing for that side's government ("Ukrainian
                          officials", "officials in Seoul", "des responsables ukrainiens")
``roles``                 dict entity_id -> offices naming a person ("Ukraine's president")
========================  ========================================================================
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from kursk.text import LANGUAGES

_I = re.IGNORECASE
#: Languages whose words take particles or endings written on: cues match inside words.
_SUBSTRING_LANGS = frozenset({"ko"})


@dataclass(frozen=True)
class Lexicon:
    """The compiled cue patterns of one language (see the module docstring for the keys)."""

    lang: str
    nk: re.Pattern
    months: re.Pattern
    in_month: re.Pattern
    in_week: re.Pattern
    rate: re.Pattern
    troop: re.Pattern
    not_people: re.Pattern
    not_people_before: re.Pattern
    ordinal: re.Pattern
    civilians: re.Pattern
    foreign: re.Pattern
    own: re.Pattern
    other_side: re.Pattern
    place_prep: re.Pattern
    locative: re.Pattern
    function_after: re.Pattern
    metric: dict[str, re.Pattern]
    subgroup: re.Pattern
    partitive: re.Pattern
    fraction: re.Pattern
    region: re.Pattern
    intelligence: re.Pattern
    self_cited: re.Pattern
    qualifier_before: list[tuple[str, re.Pattern]]
    qualifier_after: list[tuple[str, re.Pattern]]
    hedge: re.Pattern
    forecast: re.Pattern
    period: re.Pattern
    dated: re.Pattern
    attr_pre: re.Pattern
    attr_post: re.Pattern
    attr_origin: re.Pattern
    refs: dict[str, re.Pattern]
    relay: re.Pattern
    unnamed: re.Pattern
    forward: re.Pattern
    conj: re.Pattern
    running: re.Pattern
    contrast: re.Pattern
    bare_ministry: re.Pattern
    comitative: re.Pattern
    addressee: re.Pattern
    cited_by: re.Pattern
    own_view: re.Pattern
    against: re.Pattern
    relative: re.Pattern
    gap_to: re.Pattern
    article: re.Pattern
    denial: re.Pattern
    figures_of: re.Pattern
    compared: re.Pattern
    offices: re.Pattern
    gov: list[tuple[str, re.Pattern]]
    roles: list[tuple[str, re.Pattern]]
    words_before: bool = field(default=False)  # Korean: a figure's noun stands before it

    def only_qualifier(self, words: str) -> bool:
        """True if ``words`` are empty or only a qualifier ("близько", "about", "약")."""
        words = words.strip()
        return not words or any(p.fullmatch(words + " ") or p.fullmatch(words)
                                for _, p in self.qualifier_before)  # fmt: skip


def _alt(items: list[str]) -> str:
    return "|".join(f"(?:{i})" for i in items) if items else "(?!)"


def _words(items: list[str], lang: str, flags: int = _I) -> re.Pattern:
    """One pattern for a list of alternatives: whole words, or substrings in Korean."""
    if lang in _SUBSTRING_LANGS:
        return re.compile(_alt(items), flags)
    return re.compile(rf"(?<![\w])(?:{_alt(items)})(?![\w])", flags)


def _ending(items: list[str], lang: str) -> re.Pattern:
    """Alternatives that must end right before a figure (white space allowed)."""
    start = "" if lang in _SUBSTRING_LANGS else r"(?<![\w])"
    return re.compile(rf"{start}(?:{_alt(items)})\s*$", _I)


def _starting(items: list[str], lang: str) -> re.Pattern:
    """Alternatives that must begin right after a figure."""
    end = "" if lang in _SUBSTRING_LANGS else r"(?![\w])"
    return re.compile(rf"^\s*(?:{_alt(items)}){end}", _I)


@lru_cache(maxsize=8)
def lexicon(lang: str) -> Lexicon:
    """The compiled cues of ``lang`` (one of :data:`kursk.text.LANGUAGES`)."""
    if lang not in LANGUAGES:
        raise ValueError(f"no cue tables for language {lang!r}; languages: {LANGUAGES}")
    t = importlib.import_module(f"kursk.claims.lexicon.{lang}").TABLES
    w = lambda key: _words(t[key], lang)  # noqa: E731
    by_len = lambda d: sorted(  # noqa: E731
        ((q, p) for q, ps in d.items() for p in ps), key=lambda qp: -len(qp[1])
    )
    return Lexicon(
        lang=lang,
        nk=w("nk"),
        months=w("months"),
        in_month=w("in_month"),
        in_week=w("in_week"),
        rate=_starting(t["rate"], lang),
        troop=w("troop"),
        not_people=w("not_people"),
        not_people_before=_ending(t["not_people_before"], lang),
        ordinal=re.compile(rf"(?:{_alt(t['ordinal'])})(?![\w])", _I),
        civilians=w("civilians"),
        foreign=w("foreign"),
        own=w("own"),
        other_side=w("other_side"),
        place_prep=_ending(t["place_prep"], lang),
        locative=_ending(t["locative"], lang),
        function_after=_starting(t["function_after"], lang),
        metric={k: _words(v, lang) for k, v in t["metric"].items()},
        subgroup=w("subgroup"),
        partitive=_ending(t["partitive"], lang),
        fraction=w("fraction"),
        region=w("region"),
        intelligence=w("intelligence"),
        self_cited=w("self_cited"),
        qualifier_before=[(q, _ending([p + t.get("qualifier_tail", "")], lang))
                          for q, p in by_len(t["qualifier_before"])],  # fmt: skip
        qualifier_after=[(q, _starting([p], lang)) for q, p in by_len(t["qualifier_after"])],
        hedge=w("hedge"),
        forecast=w("forecast"),
        period=w("period"),
        dated=w("dated"),
        attr_pre=w("attr_pre"),
        attr_post=w("attr_post"),
        attr_origin=w("attr_origin"),
        refs={k: _words(v, lang) for k, v in t["refs"].items()},
        relay=w("relay"),
        unnamed=w("unnamed"),
        forward=w("forward"),
        conj=w("conj"),
        running=w("running"),
        contrast=w("contrast"),
        bare_ministry=w("bare_ministry"),
        comitative=w("comitative"),
        addressee=w("addressee") if lang == "ko" else _ending(  # Korean: after the outlet
            [rf"(?:{_alt(t['addressee'])})(?P<tail>(?:\s+[^\s\d,;:]+){{0,3}})"], lang),
        cited_by=re.compile(_alt(t["cited_by"]), _I),
        own_view=w("own_view"),
        against=_ending(t["against"], lang),
        relative=w("relative"),
        gap_to=w("gap_to"),
        article=re.compile(_alt(t["article"]), _I),
        denial=w("denial"),
        figures_of=_ending(t["figures_of"], lang),
        compared=_ending([rf"(?:{_alt(t['compared'])})(?:\s+[^\s\d]+){{0,4}}"], lang),
        offices=w("offices"),
        gov=[(side, _words(v, lang)) for side, v in t["gov"].items()],
        roles=[(eid, _words(v, lang)) for eid, v in t["roles"].items()],
        words_before=lang == "ko",
    )
