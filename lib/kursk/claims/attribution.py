"""Who a figure is attributed to (its claimant), and through which outlet (``cited_via``).

Candidates in a sentence are the entity mentions of ``kursk.entities.matches`` (people,
organisations, outlets; countries and capitals standing for their government), the phrases of
the language's tables that stand for a government ("Ukrainian officials", "officials in Seoul",
"des responsables ukrainiens") or for a person by office ("Ukraine's president"). A candidate
counts when an attribution cue is linked to it (next to it, with no punctuation between):
"according to X", "X said", "sagte X", "X에 따르면". The one chosen, by tier:

0. the source of a nested attribution ("citing X", "unter Berufung auf X"), or an intelligence
   agency in a sentence where lawmakers relay a briefing;
1. a person or organisation linked to a cue; 2. a government (phrase, country, capital) linked
   to a cue; 3. an outlet linked to a cue; 4. a person or organisation in a sentence with a cue.

The nearest to its cue wins within a tier. A figure takes the claimant of its own clause, then of
its sentence, then, when the sentence refers back ("he said", "the spy agency", "demnach", "по
его словам", "그는") or has a cue and no name, the last claimant of the right kind in the
sentences before. ``cited_via`` is an outlet named in that same attribution sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kursk import data, entities
from kursk.claims.lexicon import Lexicon
from kursk.claims.numbers import disjoint
from kursk.text import NameMatcher

#: Capitals that stand for their government when a cue is linked to them.
CAPITAL_SIDE = {"kyiv": "ukraine", "seoul": "south_korea", "moscow": "russia",
                "pyongyang": "dprk"}  # fmt: skip
#: Organisations that "the agency" / "the spy agency" / "разведка" can refer back to.
AGENCIES = frozenset({"nis", "hur", "ukrainian_intelligence", "uk_mod", "isw"})
_PUNCT = re.compile(r"[,;:.!?()\"“”„«»]")
_ACRONYM = re.compile(r"^\)|\s*\([A-ZА-ЯІЇЄ]{2,6}\)")  # a body's acronym in brackets, or its end
_KO_AFTER = re.compile(r"\s?(?:(?:의\s?)?(?:한\s?)?(?:고위\s?)?(?:측|당국자?|관계자|대변인|관리|소식통))?들?\s?"
                       r"(?:은|는|이|가)(?![\uAC00-\uD7A3])")  # "우리 정부의 한 고위 소식통은", "정부 고위 당국자가"
_DASH_TAIL = re.compile(r"\s[–—-]\s*\S{1,40}$")
_EN_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?\"”)]|$|on\b|in\b|at\b|to\b|told\b|during\b|after\b"
                            r"|when\b|last\b|this\b|earlier\b|late\b|recently\b)")
_COMPLEMENTIZER = re.compile(r"(?<!\w)(?:that|dass|que|qu['’]|что|що|чтобы)(?!\w)", re.IGNORECASE)
LOOKBACK = 8  # sentences a reference may reach back


@dataclass(frozen=True)
class Candidate:
    """A possible claimant in a sentence: its span, canonical name and kind."""

    start: int
    end: int
    name: str
    kind: str  # person, agency, ministry, org, gov, outlet
    side: str = ""  # the side it speaks for (entities.csv), "" for outlets


@dataclass(frozen=True)
class Attribution:
    """The claimant chosen for a sentence (or clause), with the outlet its attribution names."""

    name: str = ""
    kind: str = ""
    start: int = -1
    end: int = -1
    cited: str = ""
    tier: int = 9
    side: str = ""  # see the module docstring; 4: named in a sentence with a cue, not linked
    relayed: bool = False  # the agency whose briefing a lawmaker relayed ("he said" fits it too)


@lru_cache(maxsize=1)
def _governments() -> dict[str, str]:
    ents = data.load_entities()
    govs = ents[(ents["type"] == "organisation") & ents["entity_id"].str.startswith("government_of_")]
    return dict(zip(govs["side"], govs["name"], strict=True))


@lru_cache(maxsize=1)
def _names_by_id() -> dict[str, str]:
    ents = data.load_entities()
    return dict(zip(ents["entity_id"], ents["name"], strict=True))


def _kind(entity_id: str, name: str, etype: str) -> str:
    if etype == "person":
        return "person"
    if etype == "outlet":
        return "outlet"
    if entity_id.startswith("government_of_"):
        return "gov"
    if entity_id in AGENCIES:
        return "agency"
    if "Ministry" in name or "Department" in name:
        return "ministry"
    return "org"


def candidates(text: str, start: int, end: int, lex: Lexicon) -> list[Candidate]:
    """Possible claimants in ``text[start:end]`` (absolute offsets), longest first where they
    overlap, in order."""
    sentence = text[start:end]
    govs = _governments()
    found: list[Candidate] = []
    for s, e, _, name, eid, etype, side in entities.matches(sentence):
        if etype in ("person", "organisation", "outlet"):
            found.append(Candidate(start + s, start + e, name, _kind(eid, name, etype),
                                   side if isinstance(side, str) else ""))  # fmt: skip
        elif etype == "country" and side in govs and not (
                lex.words_before and (lex.troop.match(text, start + s)
                                      or lex.foreign.match(text, start + s))):  # fmt: skip
            # a country's troops do not speak for it ("북한군은", "러시아군이")
            found.append(Candidate(start + s, start + e, govs[side], "gov", side))
        elif etype == "place" and CAPITAL_SIDE.get(eid) in govs:
            found.append(Candidate(start + s, start + e, govs[CAPITAL_SIDE[eid]], "gov",
                                   CAPITAL_SIDE[eid]))  # fmt: skip
    for side, pattern in lex.gov:
        if side in govs:
            for m in pattern.finditer(sentence):
                found.append(Candidate(start + m.start(), start + m.end(), govs[side], "gov", side))
    names = _names_by_id()
    for eid, pattern in lex.roles:
        for m in pattern.finditer(sentence):
            found.append(Candidate(start + m.start(), start + m.end(), names[eid], "person"))
    kept = disjoint(sorted(found, key=lambda c: (-(c.end - c.start), c.start)))
    kept = [c for i, c in enumerate(kept) if not _heads_person(text, c, kept[i + 1 :], lex)]
    return [c for i, c in enumerate(kept)
            if not (i and _parent_body(text, kept[i - 1], c, lex))]


#: What joins a body to the one it belongs to ("the HUR of Ukraine's defence ministry", "la
#: Direction … (HUR) du ministère", "ГУР Минобороны"): an optional acronym in brackets, then "of"
#: and its kin, or nothing (a genitive).
_OF = re.compile(r"\)?\s*(?:\([^()]{1,30}\)\s*)?"
                 r"(?:(?:of(?:\s+the)?|du|de\s+la|de\s+l['’]|des|der)\s+)?", re.IGNORECASE)


def _parent_body(text: str, first: Candidate, c: Candidate, lex: Lexicon) -> bool:
    """``c`` is the ministry or government the body named just before belongs to: it qualifies
    that body and claims nothing itself."""
    return (not lex.words_before and first.kind in ("agency", "org", "ministry")
            and c.kind in ("ministry", "gov") and first.end <= c.start
            and _OF.fullmatch(text, first.end, c.start) is not None)  # fmt: skip


def surname(text: str, c: Candidate) -> str:
    """The surname a person named in full at ``c`` may later go by ("Singh" after "Sabrina
    Singh", "Lee" after "Lee Seong-kweun"), or "" for a name of one word."""
    words = text[c.start : c.end].split()
    if c.kind != "person" or len(words) < 2:
        return ""
    word = (words[0] if c.side in ("south_korea", "dprk") else words[-1]).strip(",.;:")
    return word if len(word) > 1 and word[0].isupper() else ""


def by_surname(text: str, start: int, end: int, found: list[Candidate],
               people: dict[str, tuple[str, str]], lang: str) -> list[Candidate]:  # fmt: skip
    """``found`` with the people named in ``text[start:end]`` by surname alone, ``people``
    giving surname -> (canonical name, side) of those named in full before, in order."""
    if not people:
        return found
    extra = []
    for m in _surname_matcher(tuple(sorted(people)), lang).find(text[start:end]):
        name, side = people[m.payload]
        a, b = start + m.start, start + m.end
        if not any(c.start < b and a < c.end for c in found):
            extra.append(Candidate(a, b, name, "person", side))
    return sorted(found + extra, key=lambda c: c.start) if extra else found


@lru_cache(maxsize=256)
def _surname_matcher(names: tuple[str, ...], lang: str) -> NameMatcher:
    return NameMatcher((n, n, lang, True) for n in names)


def relayed(who: Attribution, *, relay_cue: bool = False,
            intelligence_named: bool = False) -> Attribution:
    """The National Intelligence Service where a South Korean who is not the service relays its
    briefing: a sentence with a relay cue that names the service (``relay_cue``), or a lawmaker
    who relays briefings (``role`` in entities.csv) in an article that names it
    (``intelligence_named``). The claimant under GUIDE.md is the service; else ``who``."""
    if not who.name or who.kind == "agency" or who.side != "south_korea":
        return who
    if relay_cue or (who.kind == "person" and intelligence_named and who.name in _lawmakers()):
        return Attribution(_names_by_id()["nis"], "agency", who.start, who.end, who.cited, 0,
                           "south_korea", who.kind == "person")  # fmt: skip
    return who


@lru_cache(maxsize=1)
def _lawmakers() -> frozenset[str]:
    ents = data.load_entities()
    relay = ents["role"].fillna("").str.contains(r"\blawmaker\b.*\bNIS\b", regex=True)
    return frozenset(ents.loc[(ents["type"] == "person") & (ents["side"] == "south_korea")
                              & relay, "name"])  # fmt: skip


def _heads_person(text: str, c: Candidate, after: list[Candidate], lex: Lexicon) -> bool:
    """True for a body or country naming the office of the person after it ("NATO-Generalsekretär
    Mark Rutte", "Ukraine's defence minister Rustem Umerov"): the person is the claimant."""
    if c.kind == "person" or not after or after[0].kind != "person":
        return False
    gap = text[c.end : after[0].start]
    if gap == ", " and re.match(r"\s*(?:[,.;:!?)]|$)", text[after[0].end :]):
        return True  # an apposition closing the phrase: "…, der Sprecher des Weißen Hauses, John Kirby."
    return len(gap) <= 35 and not _PUNCT.search(gap) and not (
        lex.attr_post.search(gap) or lex.attr_pre.search(gap) or lex.attr_origin.search(gap))


def may_attribute(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """False when ``text[start:end]`` cannot attribute anything: no cue, no relay, no source
    noun, no heading punctuation (a cheap test before names are looked up)."""
    if any(p.search(text, start, end) for p in (lex.attr_pre, lex.attr_post, lex.attr_origin,
                                                 lex.self_cited, lex.relay)):  # fmt: skip
        return True
    head = text[start : min(end, start + 60)]
    return any(ch in head for ch in ':"“„«') or _DASH_TAIL.search(text, start, end) is not None


def _cue_spans(text: str, start: int, end: int, lex: Lexicon) -> dict[str, list[tuple[int, int]]]:
    sentence = text[start:end]
    out = {}
    for key, pattern in (("origin", lex.attr_origin), ("pre", lex.attr_pre),
                         ("post", lex.attr_post)):  # fmt: skip
        out[key] = [(start + m.start(), start + m.end()) for m in pattern.finditer(sentence)]
    return out


def _link(text: str, c: Candidate, cues: list[tuple[int, int]], limit: int, lex: Lexicon,
          inverted: bool = False, after: bool = True, before: bool = True) -> int | None:  # fmt: skip
    """Distance from candidate ``c`` to the nearest cue next to it, or None.

    A cue before the candidate links across words only ("according to the Pentagon"); one
    after it across words or an apposition between commas ("Zelensky, Ukraine's president,
    said"), counted farther. Never across "that" / "dass" / "que" / "что" (the name after it is
    the subject of what was said). ``inverted``: a verb of saying before the name ("…, said
    Zelensky"); in English only at the end of a clause. ``after``: the cue may follow the name
    ("X said"); a cue that introduces its source ("according to", "citing") may not.
    ``before``: the cue may stand before the name (not Korean "을 인용해", which follows its
    source).
    """
    best = None
    for cs, ce in cues:
        if cs < c.end and c.start < ce:
            return 0
        if ce <= c.start:
            if not before:
                continue
            gap = text[ce : c.start]  # after "according to", a quote may open the name
            core = gap if inverted else gap.rstrip(" „“\"«‚‘'")
            ok = len(gap) <= limit and not _PUNCT.search(core)
            if ok and inverted and lex.lang == "en":
                ok = _EN_CLAUSE_END.match(text, c.end) is not None
            d = len(gap) if ok else None
        elif not after:
            continue
        else:
            gap = text[c.end : cs]
            bare = _ACRONYM.sub("", gap)  # "Die Kräfte … (SSO) der Streitkräfte haben …"
            d = len(gap) if len(gap) <= limit and not _PUNCT.search(bare) else None
            if d is None and len(gap) <= 70 and gap.lstrip().startswith(",") and (
                    gap.count(",") == 2 and len(gap.rsplit(",", 1)[1]) <= 16
                    and not _PUNCT.search(gap.replace(",", ""))):  # fmt: skip
                d = len(gap) + 15  # an apposition: "US officials, speaking …, initially said"
        if d is not None and _COMPLEMENTIZER.search(gap):
            d = None
        if d is not None and (best is None or d < best):
            best = d
    return best


def _placed(text: str, c: Candidate, cues: dict, lex: Lexicon) -> bool:
    """A country after a locative preposition ("in Russia", "в России") is a place, unless a
    verb of saying stands right before the preposition ("повідомили в Координаційному штабі") or
    it opens the sentence and a cue follows at once: "В США оценили …" ("the US estimated")."""
    m = lex.locative.search(text, max(0, c.start - 8), c.start)
    if m is None or any(0 <= m.start() - ce <= 1 for _, ce in cues["post"]):
        return False
    opens = text[: m.start()].rstrip()[-1:] in ("", ".", "!", "?", "\n", "«", '"', "„")
    return not (opens and any(0 <= cs - c.end <= 2 for cs, _ in cues["post"]))


_KO_SPOKESMAN = re.compile(r"(?:\([A-Za-z]{2,6}\))?\s?(?:대변인|관계자|당국자)\s?(?:은|는|이|가)"
                           r"(?![\uAC00-\uD7A3])")


@lru_cache(maxsize=2)
def _ko_office(offices: str) -> re.Pattern:
    """Korean: up to two words and an office (lexicon ``offices``) between a name and its
    particle ("오스틴 미국 국방장관은")."""
    return re.compile(rf"(?:\s[\uAC00-\uD7A3()]{{1,12}}){{0,2}}?\s?[\uAC00-\uD7A3]*(?:{offices})"
                      r"\s?(?:은|는|이|가)(?![\uAC00-\uD7A3])")


_KO_PEOPLE = re.compile(r"소식통|관계자|당국자|관리|대변인")


def _ko_linked(text: str, c: Candidate, end: int, cues: dict, lex: Lexicon) -> int | None:
    """Korean: a candidate marked as topic ("국정원은") or, less surely, subject ("합참이"), with a
    cue later in the sentence ("…고 밝혔다"): the one the sentence attributes to. Returns a
    distance (smaller for the topic), or None. A country needs the topic marker (the subject of
    the reported clause is often a country: "북한이 … 보냈다고 밝혔다"), unless it names a
    government's people ("정부 소식통이")."""
    if not any(cs >= c.end for cs, _ in cues["post"]):
        return None
    word = text[c.start : c.end]
    after = _KO_AFTER.match(text, c.end, min(end, c.end + 16))
    if after is None and c.kind == "person":  # "오스틴 미국 국방장관은"
        after = _ko_office(lex.offices.pattern).match(text, c.end, min(end, c.end + 30))
    if after is None and c.kind in ("org", "agency", "ministry"):  # "특수작전군(SSO) 대변인은"
        after = _KO_SPOKESMAN.match(text, c.end, min(end, c.end + 16))
    marker = after.group(0).strip()[-1:] if after else word[-1:]
    if marker in ("은", "는"):
        return 10
    if marker not in ("이", "가"):
        return None
    if c.kind != "gov" or after and _KO_PEOPLE.search(after.group(0)):
        return 40  # "정부 소식통이": people of a government, not the country
    comma = text.find(",", c.end, end)
    clause_end = end if comma < 0 else comma
    if re.search(r"정부[이가]?$", word) and any(c.end <= cs < clause_end for cs, _ in cues["post"]):
        return 40  # "우크라이나 정부가 … 집계한 반면,": a government with a verb in its clause
    return None


def attribute(text: str, start: int, end: int, lex: Lexicon,
              cands: list[Candidate] | None = None, *,
              intelligence_named: bool = False) -> Attribution:  # fmt: skip
    """The claimant ``text[start:end]`` (a sentence or a clause) attributes its content to
    (``intelligence_named``: whether the whole article names an intelligence service, for
    :func:`relayed`)."""
    cands = candidates(text, start, end, lex) if cands is None else cands
    cands = [c for c in cands if start <= c.start and c.end <= end]
    if not cands:
        return Attribution()
    cues = _cue_spans(text, start, end, lex)
    denials = [m.span() for m in lex.denial.finditer(text, start, end)]
    relays = [(c.start - 25, c.end + 25) for c in cands if c.kind == "outlet"]
    if denials and all(any(a <= cs and ce <= b for a, b in denials + relays)
                       for spans in cues.values() for cs, ce in spans):  # fmt: skip
        return _denied(text, start, cands, lex)  # (no verb of saying but the denial's own or
        # an outlet's that carries it: "…, передає ЦТАК")
    any_cue = any(cues.values())
    relay = lex.relay.search(text, start, end) is not None
    head = _title_head(text, start, end, cands)
    ranked = []
    for c in cands:
        other = (_partner(text, c, start, lex) or _compared(text, c, start, end, lex)
                 or _addressee(text, c, start, lex))
        rank = None if other else _rank(text, c, cues, any_cue, relay, head, end, lex)
        if rank is not None:
            ranked.append((*rank, c.start, c))
    if not ranked:
        return Attribution()
    tier, _, _, best = min(ranked, key=lambda r: r[:3])
    found = Attribution(best.name, best.kind, best.start, best.end,
                        _cited(cands, cues, text, best, lex), tier, best.side)  # fmt: skip
    cue = relay and lex.intelligence.search(text, start, end) is not None
    return relayed(found, relay_cue=cue, intelligence_named=intelligence_named)


_DASH_BEFORE = re.compile(r"[,;:]\s*(?P<name>[^,;:.!?—–]{2,50}?)\s+[—–]\s*$")


def gapped(text: str, start: int, end: int, cands: Callable[[], list[Candidate]],
           lex: Lexicon) -> Attribution | None:  # fmt: skip
    """The name opening the clause ``text[start:end]`` whose verb of estimating the clause before
    gave ("Kyiv puts the number at 4,000, Seoul at 600", "…, le renseignement ukrainien à près de
    5 000", "…, Сеул — лишь 300", "Kiev en recense 8 000, Washington 5 000"), or None.
    ``cands``: the sentence's candidates, asked for only when the clause has that shape."""
    a = start + len(text[start:end]) - len(text[start:end].lstrip(" ,;"))
    bare = "" if lex.words_before or "," not in text[max(0, start - 2) : a] else r"|\s+(?=\d)"
    gap = re.compile(rf"\s+(?:{lex.gap_to.pattern})\s|\s+[—–]\s{bare}", re.IGNORECASE)
    dash = _DASH_BEFORE.search(text, max(0, start - 60), start)
    if dash:  # the name stands in a clause of its own before a dash
        a = dash.start("name")
    elif not gap.search(text, a, min(end, a + 80)):
        return None
    for c in cands():
        lead = text[a : c.start]  # nothing or an article before the name
        if c.kind != "outlet" and c.start >= a and (not lead or lex.article.fullmatch(lead)) \
                and gap.match(text, c.end):  # fmt: skip
            return Attribution(c.name, c.kind, c.start, c.end, "", 1, c.side)
    return None


def _denied(text: str, start: int, cands: list[Candidate], lex: Lexicon) -> Attribution:
    """A sentence denying a figure ("Peskov dismissed the figures by the NYT"): whoever put the
    figure forward ("Angaben des HUR", "данные NYT"); no one if it names no one (``unnamed``)."""
    for c in cands:
        if lex.figures_of.search(text, max(start, c.start - 40), c.start):
            return Attribution(c.name, c.kind, c.start, c.end, "", 0, c.side)
    return Attribution(kind="unnamed")


def _rank(text, c, cues, any_cue, relay, head, end, lex) -> tuple[int, int] | None:
    if c.kind == "gov" and _attributive(text, c, end, lex):
        return None  # "a Seoul think tank", "미국 블룸버그통신은"
    origin = _link(text, c, cues["origin"], 60, lex, after=lex.words_before,
                   before=not lex.words_before)
    if origin is not None and c.kind != "outlet":
        return 0, origin
    if c.kind != "outlet" and lex.cited_by.match(text, c.end):
        return 0, 0  # "Le ministère russe de la Défense, cité par l'agence TASS, …"
    if relay and c.kind == "agency":
        return 0, 50
    if lex.words_before:  # Korean: "X에 따르면" right after the name, or a topic with a cue
        near = [d for d in (_link(text, c, cues["pre"], 3, lex, before=False), origin)
                if d is not None]
    else:
        near = [d for d in (_link(text, c, cues["pre"], 60, lex, after=False),
                            _link(text, c, cues["post"], 45, lex, inverted=True),
                            origin) if d is not None]  # fmt: skip
    if c.kind == "gov" and _placed(text, c, cues, lex):
        return None  # "troops in Russia": a place, not a speaker
    if c.kind == "gov" and lex.self_cited.search(text, c.start, c.end):
        near.append(0)  # "nach ukrainischen Angaben", "according to Ukrainian sources"
    if lex.words_before:
        d = _ko_linked(text, c, end, cues, lex)
        if d is not None:
            near.append(d)
    if c is head:
        near.append(0)
    if near:
        tier = {"person": 1, "agency": 1, "ministry": 1, "org": 1, "gov": 2, "outlet": 3}[c.kind]
        return tier, min(near)
    if any_cue and c.kind in ("person", "agency", "ministry", "org"):
        return 4, 999
    return None


def _partner(text: str, c: Candidate, start: int, lex: Lexicon) -> bool:
    """A name after "with" and at most four words of title ("in a call with NATO chief Mark
    Rutte", "в разговоре с генсеком НАТО Марком Рютте"): who was spoken with, not the speaker."""
    before = text[max(start, c.start - 50) : c.start]
    for m in lex.comitative.finditer(before):
        gap = before[m.end() :]
        rest = before[m.start() :]
        if re.fullmatch(r"\s+(?:[\w'’.-]+\s+){0,4}", gap) and not (
                lex.attr_origin.search(rest) or lex.attr_pre.search(rest)):  # fmt: skip
            return True
    return False


def _compared(text: str, c: Candidate, start: int, end: int, lex: Lexicon) -> bool:
    """A name in a comparison, up to four words without a figure after it ("so viele, wie der
    Geheimdienst in Seoul annimmt"), and no figure after the name: whose figure, unstated, the
    figure is set against, not who gives it ("higher than the agency's estimate of 100" gives
    the agency its 100)."""
    return (lex.compared.search(text, max(start, c.start - 60), c.start) is not None
            and not re.search(r"\d", text[c.end : end]))


def _addressee(text: str, c: Candidate, start: int, lex: Lexicon) -> bool:
    """An outlet spoken to ("told Reuters", "sagte er der Agentur Ukrinform", "сказав в інтерв'ю
    Укрінформу"): it carries the claim; whoever spoke makes it."""
    if c.kind != "outlet":
        return False
    if lex.words_before:  # "가디언과의 인터뷰에서", "가디언이 공개한 인터뷰에서 그는"
        return any(lex.addressee.search(text[e : e + 40]) for e in range(c.end - 2, c.end + 1))
    hit = lex.addressee.search(text, max(start, c.start - 50), c.start)
    return hit is not None and not (lex.attr_pre.search(text, *hit.span("tail"))
                                    or lex.attr_origin.search(text, *hit.span("tail")))


def _attributive(text: str, c: Candidate, end: int, lex: Lexicon) -> bool:
    """A capital or country used as a modifier: the first part of a compound ("US-Denkfabrik",
    "Kyiv-based"); in Korean before an outlet ("미국 CNN 방송은"); in English also before a noun
    ("a Seoul think tank")."""
    if not lex.words_before and re.match(r"-[^\W\d_]", text[c.end : c.end + 2]):
        return True
    if lex.words_before and _KO_OUTLET.match(text, c.end):
        return True  # "미국 블룸버그통신은": the outlet's country
    if lex.lang != "en" or _EN_PEOPLE.search(text, c.start, c.end):
        return False  # "US officials quoted by …" is a subject, not a modifier
    nxt = re.match(r"(?:-based\b|\s+([a-z]\w*))", text[c.end : min(end, c.end + 30)])
    if nxt is None:
        return False
    word = nxt.group(1)
    return word is None or not (lex.attr_post.match(text, c.end + 1) or word in _EN_AUX)


_KO_OUTLET = re.compile(r"\s?(?:\S{1,12}\s?){0,2}?(?:통신|방송|신문|일보|타임스|포스트|저널|매체|주간지|잡지)")
_EN_PEOPLE = re.compile(r"(?:officials|government|authorities|administration|sources|diplomats|ministry)$",
                        re.I)
_EN_AUX = frozenset({"has", "had", "have", "is", "was", "were", "are", "will", "would", "also",
                     "now", "on", "in", "and", "or", "of", "to", "at", "itself", "alone"})


def _title_head(text: str, start: int, end: int, cands: list[Candidate]) -> Candidate | None:
    """A name heading a sentence before a colon or a quotation ("NIS: …", "국정원 “…”"), or
    ending it after a dash ("… — ГУР")."""
    if not cands:
        return None
    first, last = cands[0], cands[-1]
    if first.start - start <= 3:
        after = text[first.end : min(end, first.end + 3)].lstrip()
        if after[:1] in (":", '"', "“", "„", "«", "‘", "'"):
            return first
    if end - last.end <= 2 and re.search(r"\s[–—-]\s*$", text[max(start, last.start - 4) : last.start]):
        return last
    return None


def _cited(cands: list[Candidate], cues: dict, text: str, best: Candidate, lex: Lexicon) -> str:
    """The outlet the attribution names: the claimant if it is an outlet, else an outlet of the
    same sentence linked to a cue (or any outlet there)."""
    if best.kind == "outlet":
        return best.name
    outlets = [c for c in cands if c.kind == "outlet"]
    if not outlets:
        return ""
    linked = [c for c in outlets
              if any(_link(text, c, cues[k], 60, lex) is not None for k in cues)]  # fmt: skip
    return (linked or outlets)[0].name


def refers_back(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """The kind of claimant a sentence refers back to ("person", "agency", "ministry", "outlet",
    "any"), or None when it has no reference."""
    sentence = text[start:end]
    for kind in ("person", "agency", "ministry", "outlet", "any"):
        pattern = lex.refs.get(kind)
        if pattern is not None and pattern.search(sentence):
            return kind
    if lex.attr_post.search(sentence) or lex.attr_pre.search(sentence):
        return "any"  # "officials said" with no one named: the one named before
    return None


def matches_kind(attribution: Attribution, kind: str) -> bool:
    """Whether an earlier claimant fits a reference of ``kind``."""
    if kind == "any":
        return True
    if kind in ("agency", "outlet"):  # an outlet's figures may be an agency's it relays
        return attribution.kind in ("agency", "org", "ministry", "outlet")
    if kind == "ministry":
        return attribution.kind in ("ministry", "org", "agency")
    return attribution.kind == kind or (kind == "person" and attribution.relayed)
