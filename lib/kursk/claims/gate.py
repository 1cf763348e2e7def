"""Which numbers are figures of North Korean military personnel (tests/gold/GUIDE.md, "Which
figures count").

A number counts when the article is about North Korea's troops and the words around the number
make it a number of people of North Korea's side:

* **not something else**: no unit, thing or time after it ("shells", "km", "years", "%",
  "brigades", Korean counters 발, 년, 개), no money sign or "aged" before it, not a day of a month,
  not a year, not one, not a fraction, below a million;
* **people**: a troop noun or a loss word in its noun phrase ("11,000 troops", "3,000 deaths",
  "북한군 1만1000명", the Korean counter 명), or a reference to a group ("of them", "darunter",
  "из них"), or, when nothing follows it but a verb or a preposition, a troop noun, a loss word, or
  a deployment verb with North Korea in its clause ("North Korea sent 11,000 to Russia");
* **not another army's**: no Russian or Ukrainian mark in its noun phrase ("50,000 Russian
  troops", "soldats ukrainiens"), and no Russia or Ukraine before it in its clause as the owner
  ("Russia has amassed 50,000 troops") rather than as a place ("in Russia") or a source ("Ukraine
  said"), unless its noun phrase names North Korea ("Ukrainian forces captured two North Korean
  soldiers").

North Korea need not be named in the figure's sentence: the article's subject is enough (:func:`
about_north_korea`), which the evidence records.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import NamedTuple

from kursk.claims.attribution import Candidate
from kursk.claims.clauses import Clause
from kursk.claims.lexicon import Lexicon
from kursk.claims.numbers import Figure

MAX_FIGURE = 1_000_000  # a million or more is an army's size, never a deployment or a loss
_STOP = re.compile(r"[.;:!?()\"“”«»„]|,(?=\s)|\s[–—]\s")
_CLOSING_QUOTE = re.compile(r"\s?[»“”\"](?=\s+[^\W\d_])")
_STRONG = re.compile(r"^-?\s?(?:strong|köpfig\w*|starke[nrs]?|stark)\b", re.IGNORECASE)
_BEFORE_NOUN = re.compile(r"\s+[^\W\d_]")
_KO_COUNTER = re.compile(r"^\s?(?:여\s?)?명")
_LOSS_KEYS = ("casualties_phrase", "captured", "killed", "wounded", "casualties")


class Gate(NamedTuple):
    """Why a number counts: how it was shown to count people, and where North Korea is named."""

    people: str  # noun, loss, counter, ref, clause_noun, clause_loss, deploy
    cue: str  # the word that showed it
    nk: str  # "sentence" or "article"


def about_north_korea(text: str, sentences: list[tuple[int, int]], lex: Lexicon) -> bool:
    """Whether an article is about North Korea's troops: one of its sentences names North Korea
    and a troop noun, a loss word or a deployment."""
    starts = [a for a, _ in sentences]
    seen = set()
    for m in lex.nk.finditer(text):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k < 0 or k in seen:
            continue
        seen.add(k)
        a, b = sentences[k]
        if lex.troop.search(text, a, b) or lex.metric["deploy"].search(text, a, b):
            return True
        if any(lex.metric[key].search(text, a, b) for key in _LOSS_KEYS):
            return True
        if len(seen) > 200:
            return False  # two hundred sentences naming North Korea and none about troops
    return False


def local_phrase(text: str, fig: Figure, clause: Clause) -> tuple[int, int]:
    """The span of the words after a figure, up to punctuation or 60 characters: its noun phrase
    (past a quote closed right after a number in words: "« deux ou trois mille » hommes")."""
    start = fig.end
    if re.search(r"[^\W\d_]", text[fig.start : fig.end]):
        q = _CLOSING_QUOTE.match(text, start)
        start = q.end() if q and q.end() < clause.end else start
    end = min(clause.end, start + 60)
    m = _STOP.search(text, start, end)
    return start, (m.start() if m else end)


def short_phrase(text: str, fig: Figure, clause: Clause, lex: Lexicon) -> tuple[int, int]:
    """:func:`local_phrase`; in Korean only the counter and particle written after the number
    (what follows is the predicate of the whole clause)."""
    a, b = local_phrase(text, fig, clause)
    return (a, min(b, a + 8)) if lex.words_before else (a, b)


def before_phrase(text: str, fig: Figure, clause: Clause) -> tuple[int, int]:
    """Korean: the words before a figure within its clause (its noun stands there)."""
    return max(clause.start, fig.start - 24), fig.start


def judge(text: str, fig: Figure, clause: Clause, window: tuple[int, int],
          sentence: tuple[int, int], lex: Lexicon, cands: Callable[[], list[Candidate]],
          in_article: bool, listed: bool = False) -> Gate | None:  # fmt: skip
    """Why ``fig`` counts as a figure of North Korean troops, or None if it does not.

    ``listed``: the figure continues a list begun by a figure that counted ("10,000 soldiers and
    1,000 sappers", "…, versus at least 600 in the spring"). ``cands`` gives the sentence's
    candidate claimants (asked for only when Russia or Ukraine stands before the figure).
    """
    if not _plausible(text, fig, sentence, lex):
        return None
    a, b = local_phrase(text, fig, clause)
    local = text[a:b]
    if lex.words_before:
        p0, p1 = before_phrase(text, fig, clause)
        noun_zone = text[p0:p1]
        counter = re.sub(r"^\s?여?\s?", "", local)  # "100여 기": the counter after 여
        if lex.not_people.match(counter) and not _KO_COUNTER.match(local):
            return None
    else:
        noun_zone = local
        if _thing_first(local, lex):
            return None
    if _is_year(text, fig, local, lex):
        return None
    before = (clause.start, fig.start)
    if lex.rate.match(text[fig.end : fig.end + 30]) and lex.foreign.search(text, *before) \
            and not lex.nk.search(text, *before):  # fmt: skip
        return None  # "Russian casualties were running at 1,200 a day": another army's rate
    if lex.metric["returned"].search(text, *window) and not any(
            lex.metric[k].search(text, *window) for k in _LOSS_KEYS):  # fmt: skip
        return None  # "1,100 soldiers went home in December": no metric counts them
    nk_local = lex.nk.search(noun_zone) is not None or (
        not lex.words_before and lex.nk.search(local) is not None)  # Korean: the noun is before
    if lex.foreign.search(noun_zone) and not nk_local and _foreign_first(noun_zone, lex) \
            and not _captor(noun_zone, lex):  # fmt: skip
        return None
    own = lex.own.search(noun_zone)
    if own and not nk_local and _foreign_first(noun_zone, lex, lex.own) \
            and not (lex.nk.search(text, clause.start, fig.start)
                     or _nk_owner(text, fig, sentence, lex)):  # fmt: skip
        return None  # "Russia lost 300 of its own soldiers"; not "Північна Корея втратила
        # ... 4 тисячі своїх солдатів", "Pyongyang a fait partir …, ce qui porte à 15 000 le
        # nombre de ses militaires"
    if lex.words_before and _civilians_before(noun_zone, lex):
        return None  # "노동자 약 1만5천 명": workers
    people = _people(text, fig, clause, window, local, noun_zone, lex, sentence)
    if people is None and listed:
        people = ("list", "the figure before")
    if people is None:
        return None
    if not nk_local and _other_owner(text, fig, clause, lex, cands):
        return None
    s0, s1 = sentence
    if lex.nk.search(text, s0, s1):
        return Gate(*people, "sentence")
    return Gate(*people, "article") if in_article else None


def thing(text: str, fig: Figure, sentence: tuple[int, int], lex: Lexicon) -> bool:
    """True for a number that is plainly no figure of people: a date, a year, money, or a thing
    or time named right after it ("за двое суток", "24 Jahren", "170 гаубиц"). Such numbers do
    not cut clauses or join lists."""
    if not _plausible(text, fig, sentence, lex):
        return True
    after = text[fig.end : min(sentence[1], fig.end + 30)]
    if lex.rate.match(after):
        return False  # "50 a day": a rate of people, no thing
    if lex.words_before:
        return lex.not_people.match(re.sub(r"^\s?여?\s?", "", after)) is not None
    first = re.match(r"[\s-]*((?:[\w'’%-]+\s*){1,2})", after)
    if first is None:
        return False
    head = first.group(1)
    t = lex.not_people.match(head)
    return t is not None and not lex.troop.match(head)


_SPACE = re.compile(r"\s*")


def _plausible(text: str, fig: Figure, sentence: tuple[int, int], lex: Lexicon) -> bool:
    if fig.low < 2 or fig.high >= MAX_FIGURE:
        return False
    if fig.low != int(fig.low) or fig.high != int(fig.high):
        return False
    before = text[max(sentence[0], fig.start - 30) : fig.start]
    if lex.not_people_before.search(before):
        return False
    if re.search(r"[^\W\d_]-$", before):
        return False  # a designation: "RPG-7", "Су-25"
    if fig.plain and lex.ordinal.match(text, fig.end):
        return False  # "the 11th Corps", "11-го корпуса", "11군단"
    if fig.low < 10 and lex.fraction.match(text, _SPACE.match(text, fig.end).end()):
        return False  # a share: "two thirds", "дві третини"
    if fig.plain and fig.low <= 31:  # a day next to a month: "June 19", "19. Juni", "6 ноября"
        if re.search(rf"(?:{lex.months.pattern})\s*$", before, re.IGNORECASE):
            return False
        if lex.months.match(text, fig.end + 1 if text[fig.end : fig.end + 1] == "." else fig.end):
            return False
        after = text[fig.end : fig.end + 12].lstrip(". ")
        if lex.months.match(after):
            return False
        if lex.lang == "fr" and re.search(r"(?<![\w])(?:le|du|au)\s*$", before):
            return False  # "capturé le 5": a day
    return True


def _thing_first(local: str, lex: Lexicon) -> bool:
    """True if the noun phrase after a figure names a thing or a time before any troop noun (a
    word of "more" first is no thing: "Deux mille autres suivront d'ici la fin du mois")."""
    more = lex.metric["additional_attached"].match(local.lstrip())
    if more:  # unless a thing follows it at once ("2 нові бригади")
        return lex.not_people.match(local.lstrip()[more.end() :].lstrip()) is not None
    local = lex.rate.sub(" ", lex.in_week.sub(" ", local))  # a time, no thing: "200 in the
    # second (week)", "50 a day", "1 500 par mois"
    thing = lex.not_people.search(local)
    if thing is None:
        return False
    troop = lex.troop.search(local)
    return troop is None or thing.start() < troop.start()


def _civilians_before(zone: str, lex: Lexicon) -> bool:
    """Korean: a civilian noun ("노동자") is the last noun before the figure (after any troop
    noun)."""
    civ = [m.end() for m in lex.civilians.finditer(zone)]
    troop = [m.end() for m in lex.troop.finditer(zone)]
    return bool(civ) and max(civ) > max(troop, default=-1)


def _captor(zone: str, lex: Lexicon) -> bool:
    """True if another army's mark names the captor ("в украинском плену", "in Ukrainian
    captivity"), not the army the figure counts."""
    foreign = lex.foreign.search(zone)
    if foreign is None:
        return False
    gap = len(zone[foreign.end() :]) - len(zone[foreign.end() :].lstrip())
    return lex.metric["captured"].match(zone, foreign.end() + gap) is not None


def _foreign_first(zone: str, lex: Lexicon, marks: re.Pattern | None = None) -> bool:
    """True if another army's mark (``marks``: :attr:`Lexicon.foreign` unless given) belongs to
    the figure's first troop noun: before it (in French right after it: "soldats russes"), or
    there is no troop noun at all and the mark stands among the first words, before any loss word
    ("4 000 отримали поранення в боях з українськими силами" is not Ukraine's)."""
    foreign = (marks or lex.foreign).search(zone)
    troop = lex.troop.search(zone)
    if lex.lang == "ko":
        return True
    if troop is None:
        losses = [m.start() for k in _LOSS_KEYS if (m := lex.metric[k].search(zone))]
        head = re.match(r"\W*(?:\w+\W+){0,3}", zone)
        return foreign.start() < min(losses, default=len(zone)) and foreign.start() <= head.end()
    if foreign.end() <= troop.start():  # "50,000 Russian troops", not "8,000 of them fought
        return not lex.against.search(zone, 0, foreign.start())  # against Ukrainian troops"
    if lex.lang == "fr":
        return troop.end() <= foreign.start() <= troop.end() + 3  # "soldats russes"
    gap = zone[troop.end() : foreign.start()]
    return re.fullmatch(r"\s*(?:of|der|des|из|з|із)?\s*(?:the\s+)?", gap, re.IGNORECASE) is not None


def _is_year(text: str, fig: Figure, local: str, lex: Lexicon) -> bool:
    if not (fig.plain and 1900 <= fig.low <= 2100):
        return False
    before = text[max(0, fig.start - 30) : fig.start]
    if any(q != "up_to" and p.search(before) for q, p in lex.qualifier_before):
        return False  # "auf etwa 2000", "knapp 2000" (not "bis 2000", "до 2025")
    if lex.words_before and _KO_COUNTER.match(local):
        return False  # "2000명": people, not a year
    head = re.match(r"\s*(?:[\w-]+\s+){0,2}[\w-]+", local)  # "2000 nordkoreanische Soldaten"
    return not (head and (lex.troop.search(head.group(0)) or any(
        lex.metric[k].search(head.group(0)) for k in _LOSS_KEYS)))


def sized_force(text: str, fig: Figure) -> bool:
    """Whether ``fig`` gives a force's size before its noun ("the 11,000-strong force", "die
    11.000-köpfige Truppe"), not a count on its own ("a division, 5,000 strong, …")."""
    m = _STRONG.match(text[fig.end : fig.end + 24])
    return m is not None and _BEFORE_NOUN.match(text, fig.end + m.end()) is not None


def _people(text, fig, clause, window, local, noun_zone, lex,
            sentence: tuple[int, int]) -> tuple[str, str] | None:  # fmt: skip
    """How the figure is shown to count people: (level, cue word), or None.

    In order: a troop noun, a loss word or the Korean counter with the figure; "11,000-strong";
    a reference to a group ("of them", "darunter", a sentence opening with "Of these"); a
    further batch right before it ("another 2,000"); then, when nothing but a verb or a
    preposition follows it (a time aside: "début octobre"), a troop noun, loss word or
    deployment word in its clause, then in the rest of its sentence ("Загиблими серед них … є близько тисячі", "загиблих — 300")."""
    if lex.words_before and _KO_COUNTER.match(local):
        m = lex.troop.search(noun_zone)
        return ("noun", m.group(0)) if m else ("counter", "명")
    m = lex.troop.search(noun_zone)
    if m:  # right after it ("11,000 North Korean troops") or further on in its phrase
        head = re.match(r"\W*(?:[\w'’-]+\W+){0,3}", noun_zone)
        return ("noun" if m.start() <= head.end() else "noun_far"), m.group(0)
    for key in _LOSS_KEYS:
        m = lex.metric[key].search(noun_zone)
        if m:
            return "loss", m.group(0)
    if _STRONG.match(local):
        return "noun", "strong"
    if clause.subgroup or lex.subgroup.search(text, clause.start, clause.end):
        m = lex.subgroup.search(text, clause.start, clause.end)
        return "ref", m.group(0) if m else "of them"
    m = rest_word(text, fig, clause, lex)
    if m:
        return "ref", m.group(0)  # "the remaining 8,000", "die übrigen rund 4.000"
    m = lex.subgroup.search(text, sentence[0], fig.start)
    if m:
        return "ref", m.group(0)
    m = lex.metric["same_as_before"].search(text, clause.start, clause.end)
    if m:
        return "ref", m.group(0)  # "die Zahl dürfte auf 10.000 steigen", "их число"
    for key in ("additional_attached", "additional"):
        m = lex.metric[key].search(text, max(clause.start, fig.start - 20), fig.start)
        if m and not text[m.end() : fig.start].strip(" -,"):
            return "ref", m.group(0)  # "another 2,000", "weitere 3.000", "ещё 6 тыс."
    m = lex.metric["additional_attached"].match(local.lstrip())
    if m and not lex.words_before:
        return "ref", m.group(0)  # "2,5 тис. нових", "3,000 more"
    local = re.sub(rf"^\s*(?:[\w'’]+\s+){{0,2}}(?:mid-)?(?:{lex.months.pattern})\w*\.?", "",
                   lex.rate.sub("", local), flags=re.IGNORECASE)  # a time first: "6 000 début
    # octobre", "200 in mid-December"; a rate: "about 50 a day"
    if not (local.strip() == "" or lex.function_after.match(local) or lex.words_before):
        return None
    w0, w1 = window
    m = lex.troop.search(text, w0, w1)
    if m and not (fig.start <= m.start() < fig.end):
        return "clause_noun", m.group(0)
    for key in _LOSS_KEYS:
        m = lex.metric[key].search(text, w0, w1)
        if m:
            return "clause_loss", m.group(0)
    m = lex.metric["deploy"].search(text, w0, w1)
    if m:  # in an article about North Korea's troops (checked before)
        return "deploy", m.group(0)
    for pattern, level in [(lex.troop, "clause_noun")] + [(lex.metric[k], "clause_loss")
                                                          for k in _LOSS_KEYS]:  # fmt: skip
        m = pattern.search(text, *sentence)
        if m and not (fig.start <= m.start() < fig.end):
            return level, m.group(0)
    return None


def _nk_owner(text: str, fig: Figure, sentence: tuple[int, int], lex: Lexicon) -> bool:
    """Whether North Korea, not Russia or Ukraine, is named last before the figure in its
    sentence, or in the 200 characters before a sentence that names neither ("… troupes
    nord-coréennes. « Près de 4 300 de leurs soldats … »"): whose "own" soldiers a possessive
    means."""
    lo = sentence[0]
    if not (lex.nk.search(text, lo, fig.start) or lex.other_side.search(text, lo, fig.start)):
        lo = max(0, lo - 200)
    nk = [m.end() for m in lex.nk.finditer(text, lo, fig.start)]
    other = [m.end() for m in lex.other_side.finditer(text, lo, fig.start)
             if lex.words_before or not _a_place(text, lo, m.start(), lex)]
    return bool(nk) and max(nk) > max(other, default=-1)  # (not a place: "vers la Russie")


def _a_place(text: str, lo: int, s: int, lex: Lexicon) -> bool:
    """Whether a preposition of place stands right before ``text[s:]`` ("in Russia", "vers la
    Russie"), looking back no further than ``lo``."""
    return lex.place_prep.search(text[max(lo, s - 12) : s]) is not None


def rest_word(text: str, fig: Figure, clause: Clause, lex: Lexicon) -> re.Match | None:
    """The words before the figure that make it the rest of a force ("the remaining 8,000",
    "die übrigen rund 4.000"), or None."""
    m = lex.metric["rest"].search(text, max(clause.start, fig.start - 30), fig.end)
    return m if m and m.end() <= fig.start else None


def _other_owner(text: str, fig: Figure, clause: Clause, lex: Lexicon,
                 cands: Callable[[], list[Candidate]]) -> bool:  # fmt: skip
    """True if Russia or Ukraine stands before the figure in its clause as the owner of the
    troops counted (not as a place, a source, or part of a named body)."""
    hits = [(m.start(), m.end(), "nk") for m in lex.nk.finditer(text, clause.start, fig.start)]
    hits += [(m.start(), m.end(), "other")
             for m in lex.other_side.finditer(text, clause.start, fig.start)]  # fmt: skip
    if not hits:
        return False
    s, e, side = max(hits, key=lambda h: (h[1], -h[0]))
    if side == "nk":
        return False
    if any(h[2] == "nk" and lex.metric["deploy"].search(text, h[1], s) for h in hits):
        return False  # the receiver of what North Korea sent: "Пхеньян відправив Москві 15 тисяч"
    if any(c.start <= s and e <= c.end and c.kind != "gov" for c in cands()):
        return False  # "Ukraine's military intelligence", "ukrainische Regierung"
    if _speaks(text, s, e, clause, lex):
        return False
    if lex.words_before:
        return True  # Korean marks only armies and topics as owners ("러시아군", "러시아는")
    return not _a_place(text, clause.start, s, lex)


def _speaks(text: str, s: int, e: int, clause: Clause, lex: Lexicon) -> bool:
    """True if the mention at ``text[s:e]`` is a source: a cue right after or before it."""
    after = lex.attr_post.search(text, e, min(len(text), e + 40))
    if after and not _STOP.search(text, e, after.start()) and after.start() - e <= 30:
        return True
    before = text[max(0, s - 40) : s]
    pre = list(lex.attr_pre.finditer(before))
    if pre and len(before) - pre[-1].end() <= 25 and not _STOP.search(before, pre[-1].end()):
        return True
    if lex.words_before and lex.attr_post.search(text, e, clause.end + 200):
        return re.match(r"\s?(?:은|는|측은|측이|이|가)", text[e : e + 4]) is not None
    return False
