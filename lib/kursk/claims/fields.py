"""What a figure counts (metric), what kind of count it is, how the number is qualified, and
whether it is hedged: each from the figure's own clause first, then from the clauses of its
sentence that hold no figure of their own.

Metric: the order of the rules (the one place it is written down)
-----------------------------------------------------------------
Words are the cue tables of :mod:`kursk.claims.lexicon` (``metric``). The *window* is the figure's
part of its clause (between its neighbouring figures; a list begun by another army's figure
lends it that figure's words: "загинули 183 російських і 47 північнокорейських"), the *context*
the clauses of its sentence that hold no figure of their own (none before a clause set against
them by "but", "aber", "а", "-지만"), less those opened by "of them" or a share ("그 가운데
상당수가 쿠르스크로 …", "most of them …"), which speak of a part, and those that count one
person of their own ("포로 가운데 1명은 부상이 깊어 …"). The first rule that applies decides:

1. **Group of a partitive** ("3,000 of the 12,000 deployed", "die Hälfte der 11.000, die dorthin
   geschickt wurden"): the words of its own noun phrase and the description after it, through
   commas: a loss, a further batch or later contingent, Kursk (unless "in Russia" comes first:
   what follows is the part's); ``deployed`` otherwise.
2. **Loss words in the window** (or right before it across a dash: "загиблих — 300"), unless they
   are what the figure replaces ("на заміну загиблим і пораненим": a further batch): a
   killed-and-wounded phrase (it may run on past a comma: "killed, wounded or captured"),
   captured, else the nearest killed / wounded / casualty word; a verb of losing yields to a
   killed or wounded word beside it ("втратили загиблими 120"). In Korean the order is a noun
   right before the figure ("사망 300명"), then the clause's last verb (its predicate), and a
   verb before the figure that ends a clause of its own ("17명을 사살하고 30여 명에게 …") last.
3. **Set against the figure before** ("versus", "contre", "против", "gegenüber"), or what it
   changed to ("rose from 1,100 to 3,000", "1천100명에서 3천 명으로 늘었다"): its metric.
4. **Loss words in the context**, the nearest clause first, unless its own clause has a
   deployment word ("Ще вісім північнокорейців, за даними ССО, дістали поранення").
5. **A further batch attached to it**: right before it ("another 3,000", "ещё около 3 тыс.") or
   in its noun phrase ("3,000 more troops", "6 000 militaires supplémentaires").
6. **A list continued** ("300 getötet, 2700 verwundet" is decided in 2): the metric of the figure
   before (not Kursk's where its own window says "in Russia": "на Курщині — 9 тис., загалом у Росії
   — 12 тис."); if its own window names Kursk, ``in_kursk`` ("10,000 troops and 1,000 engineers are
   in Kursk"), unless its own noun is a construction contingent ("1,000 deminers and 5,000
   builders to Kursk").
7. **A reference back** ("the toll", "это число", "ce chiffre"): the metric of the figure read
   before it.
8. **Its own clause**: a further-batch word ("a second contingent", "again", "추가") or a later
   construction contingent ("builders", "rebuild"), unless its window calls it a total over all
   contingents ("cumulative", "누적", "공병을 포함해"): then no contingent rule of 8, 9 or 11
   applies.
9. **"lost" / "verloren" / "잃었"** in the window: casualties ("lost 112 soldiers near Sudzha",
   "공병연대 9명 잃었지만"); then an engineering contingent named as the figure's own noun
   ("1,000 deminers"); then, in its own clause, the Kursk region (or "the region", "there" once
   the article names Kursk), then an engineering contingent named elsewhere in the clause.
10. **Part of a group named before** ("of them", "davon", "dont", "이들 중") with no word of its
    own: the group's metric.
11. **The context**: a further batch, a later contingent, Kursk (only the clauses before it when
    its own clause has a deployment word); Kursk in a clause joined to it by "and".
12. ``deployed``: by a deployment word ("sent", "in Russia"), or by default.

Kind: ``forecast`` before ``period`` before ``count``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kursk.claims.clauses import Clause
from kursk.claims.lexicon import Lexicon
from kursk.claims.numbers import Figure, find_figures

_LOSSES = (("killed", "killed"), ("wounded", "wounded"), ("casualties", "casualties"))
_KO_LOSSES = (("casualties_phrase", "casualties"), *_LOSSES, ("captured", "captured"))
_OPENERS = re.compile(
    r"(?:between|from|zwischen|von|entre|de|от|від|між|между|с|з)\s*$", re.IGNORECASE
)
_KO_COUNTER = re.compile(r"^\s?(?:여\s?)?명?\s?")
_KO_CLAUSE_END = re.compile(r"(?:고|며|면서|지만|했|했다|였|었)(?=[\s,.])|[·,]")
_KO_PARTICLE = re.compile(r"^(?:이|가|을|를|에|의|은|는|으로|로|도)\s?")
LOSS_METRICS = frozenset({"killed", "wounded", "casualties", "captured"})
Span = tuple[int, int]


class Zones(NamedTuple):
    """The stretches of a sentence a figure's fields are read from."""

    window: Span  # its part of its clause (between neighbouring figures): loss words
    clause: Span  # its clause: Kursk, deployment, later contingents
    local: Span  # its noun phrase (after it)
    before: list[Span]  # figureless clauses before it in the sentence
    after: list[Span]  # figureless clauses after it
    coordinated: Span | None = None  # the next clause, when "and" joins it to this one
    lead: Span = (0, 0)  # the words right before it, across a dash or colon ("killed: 300")
    kursk_named: bool = False  # the article names Kursk: "the region" is the Kursk region
    group: str = ""  # for a part of a group named before ("of them"): the group's metric
    reach: int = 0  # how far a phrase begun in its window may run on (the next figure's start)


def metric(text: str, fig: Figure, z: Zones, lex: Lexicon, group: bool = False,
           inherit: str = "", before: str = "", changed: str = "") -> tuple[str, str, str]:  # fmt: skip
    """(metric, cue word, how) of ``fig``, by the rules of the module docstring, in order.

    ``group``: the figure is the group of a partitive. ``inherit``: the metric of the figure
    before it when this one continues a list. ``before``: the metric of the figure read before
    it (in its sentence, else the last one read). ``changed``: the metric of the figure it
    changed from ("rose from 1,100 to 3,000"). ``how`` says which rule decided: "group",
    "clause" (a loss word in its window), "phrase" (a word attached to it), "versus", "change",
    "sentence" (its context), "list", "same" (a reference back), "part" (of a group named before),
    "deploy" (a deployment word only) or "default".
    """
    m = lex.metric
    if group:  # 1
        return _group_metric(text, fig, z, lex)
    hit = m["replacing"].search(text, *z.window)  # sent to replace losses ("на заміну загиблим")
    if hit:
        return "additional_deployed", hit.group(0), "clause"
    found = _losses(text, fig, z.window, lex, z.reach)  # 2
    if found:
        return (*found, "clause")
    found = _losses(text, fig, z.lead, lex)
    if found:
        return (*found, "phrase")
    if changed:  # 3
        return changed, text[z.window[0] : fig.start].strip(), "change"
    hit = _right_before(m["versus"], text, fig, z, lex) if before else ""
    if hit:
        return before, hit, "versus"
    deploy = m["deploy"].search(text, *z.clause)
    ctx_before, ctx_after = _about_it(text, z.before, lex), _about_it(text, z.after, lex)
    if not deploy:  # 4
        for span in [*reversed(ctx_before), *ctx_after]:  # the nearest clause first
            found = _losses(text, fig, span, lex)
            if found:
                return (*found, "sentence")
    hit = _attached(m["additional_attached"], text, fig, z, lex)  # 5
    if hit and inherit == "in_kursk" and _and_also(text, fig, z, lex, hit):
        return inherit, hit, "list"
    if hit:
        return "additional_deployed", hit, "phrase"
    if inherit in LOSS_METRICS and not m["deploy"].search(text, *z.window):  # 6: "killed 48 near
        return inherit, "", "list"  # Guevo, 35 near Oleshnya": a place alone does not count
    if inherit:
        hit = m["kursk"].search(text, *z.window)
        russia = m["russia"].search(text, *z.window) if hit is None else None
        if russia and inherit == "in_kursk":
            return "deployed", russia.group(0), "clause"
        if hit is None:
            return inherit, "", "list"
        later = _attached(m["later_contingent"], text, fig, z, lex)
        return ("additional_deployed", later, "phrase") if later else ("in_kursk", hit.group(0),
                                                                        "clause")  # fmt: skip
    hit = m["same_as_before"].search(text, *z.window)  # 7
    if before and hit:
        return before, hit.group(0), "same"
    total = m["total"].search(text, z.window[0], fig.start if lex.words_before else z.window[1])
    # "공병과 군 건설 인력을 포함해 1만6천 명" (in Korean before it: it describes what follows)
    for key in ("additional", "later_contingent") if not total else ():  # 8
        hit = m[key].search(text, *z.clause)
        if hit:
            return "additional_deployed", hit.group(0), "clause"
    hit = m["casualties_weak"].search(text, *z.window)  # 9
    if hit:
        return "casualties", hit.group(0), "clause"
    hit = _attached(m["engineers"], text, fig, z, lex) if not total else ""
    if hit:
        return "additional_deployed", hit, "phrase"
    hit = _kursk(text, z.clause, z, lex)
    if hit and not _in_russia(text, fig, z, lex):
        return "in_kursk", hit, "clause"
    hit = m["engineers"].search(text, *z.clause) if not total else None
    if hit:
        return "additional_deployed", hit.group(0), "clause"
    if z.group:  # 10
        return z.group, "", "part"
    for span in ctx_before if deploy else [*ctx_before, *ctx_after]:  # 11
        for key in ("additional", "later_contingent", "engineers") if not total else ():
            hit = m[key].search(text, *span)
            if hit:
                return "additional_deployed", hit.group(0), "sentence"
        hit = _kursk(text, span, z, lex)
        if hit:
            return "in_kursk", hit, "sentence"
    hit = _kursk(text, z.coordinated, z, lex) if z.coordinated and not deploy else ""
    if hit:
        return "in_kursk", hit, "sentence"
    if deploy:  # 12
        return "deployed", deploy.group(0), "deploy"
    return "deployed", "", "default"


def opening_time(text: str, a: int, b: int, lex: Lexicon) -> re.Match | None:
    """The month or ordinal week that opens the list item ending at ``b`` ("…, во вторую — уже
    около 260", "…, in June 500"): the last one in ``text[a:b]``, with no comma or "and" and at
    most two words after it; or None."""
    for pattern in (lex.in_week, lex.in_month):
        hits = list(pattern.finditer(text, a, b))
        rest = text[hits[-1].end() : b] if hits else ","
        if not ("," in rest or lex.conj.search(rest)) and len(re.findall(r"[^\W\d_]+", rest)) <= 2:
            return hits[-1]
    return None


def told_time(text: str, window: Span, before: Span, lex: Lexicon) -> tuple[str, str]:
    """The month or ordinal week a figure's words name as its time, in its window or opening its
    item (``before``: from the figure before; :func:`opening_time`): ("month", "in january"),
    ("week", "во вторую"), or ("", "")."""
    for unit, pattern in (("week", lex.in_week), ("month", lex.in_month)):
        hit = pattern.search(text, *window)
        if hit:
            return unit, " ".join(hit.group(0).lower().split())
    hit = opening_time(text, *before, lex)
    if hit:
        unit = "week" if lex.in_week.fullmatch(hit.group(0)) else "month"
        return unit, " ".join(hit.group(0).lower().split())
    return "", ""


def span_tallies(rows: list[dict], times: list[tuple[str, str]]) -> list[dict]:
    """The rows of a sentence with losses told month by month or week by week ("1,250 in
    January, 640 in February", "180 in the first week, 260 in the second"; ``times``: the month or
    week each row's own words name, from :func:`told_time`) made each that span's tally
    (``period``), unless the months' figures each rise over the last (a running total as claimed
    each month; an ordinal week is always its own week's)."""
    for unit in ("month", "week"):
        mine = [(r, t) for r, (u, t) in zip(rows, times, strict=True) if u == unit]
        tallies = [r["value_high"] for r, _ in mine]
        if len({t for _, t in mine}) < 2 or (unit == "month" and tallies == sorted(set(tallies))):
            continue
        for r, _ in mine:
            if r["metric"] in LOSS_METRICS and r["kind"] == "count":
                r["kind"] = "period"
    return rows


def _in_russia(text: str, fig: Figure, z: Zones, lex: Lexicon) -> bool:
    """Whether the figure's own words place it in Russia, not the Kursk region its clause names
    ("러시아에 머무는 북한 병력이 1만3천 명", "11,000 troops in Russia, most of them in Kursk")."""
    if lex.words_before:
        near = (max(z.window[0], fig.start - 24), fig.start)
    else:
        near = (z.local[0], min(z.local[1], z.reach or z.local[1]))
    return bool(lex.metric["russia"].search(text, *near) and not lex.metric["kursk"].search(
        text, *near))


def named_loss(text: str, span: Span, lex: Lexicon) -> str:
    """The loss a sentence without a figure speaks of ("The death toll rose again", "Die Zahl der
    Gefallenen ist gestiegen"), for a figure the next sentence gives it ("Seoul now puts it at
    2,300"), or ""."""
    for key, name in (("casualties_phrase", "casualties"), ("captured", "captured"), *_LOSSES):
        if lex.metric[key].search(text, *span):
            return name
    return ""


def _and_also(text: str, fig: Figure, z: Zones, lex: Lexicon, word: str) -> bool:
    """Whether "and" joins ``word`` ("ещё", "another") to the figure before it in a list of those
    present ("в Курской области находятся 7 тыс. … и ещё 1 тыс. …"), with no word of sending or
    of a plan in the figure's window ("а ще 3 тис. можуть прибути" is a further batch)."""
    if lex.metric["deploy"].search(text, *z.window) or lex.forecast.search(text, *z.window):
        return False
    joined = rf"(?:{lex.conj.pattern})\s+{re.escape(word)}\s+(?:\S+\s+)?$"
    return re.search(joined, text[z.window[0] : fig.start], re.I) is not None


def _about_it(text: str, spans: list[Span], lex: Lexicon) -> list[Span]:
    """The context clauses that speak of the figure itself, not of a part of it: a clause
    opened by "of them" or a share ("그 가운데 상당수가 쿠르스크로 …", "most of them …")
    describes the part, and one that counts people of its own, even one ("포로 가운데 1명은 부상이
    깊어 …"), speaks of them."""
    out = []
    for a, b in spans:
        a += len(text[a:b]) - len(text[a:b].lstrip(" \"'“”«»…"))
        if not (lex.subgroup.match(text, a) or lex.fraction.match(text, a)
                or _counts_one(text, a, b, lex)):  # fmt: skip
            out.append((a, b))
    return out


def _counts_one(text: str, a: int, b: int, lex: Lexicon) -> bool:
    """True if ``text[a:b]`` counts one person ("1명", "한 명", "one soldier")."""
    for f in find_figures(text, lex.lang, a, b):
        after = text[f.end : min(b, f.end + 20)]
        if f.low == 1 and (lex.troop.search(after) or lex.words_before
                           and after.lstrip().startswith("명")):  # fmt: skip
            return True
    return False


def _right_before(pattern: re.Pattern, text: str, fig: Figure, z: Zones, lex: Lexicon) -> str:
    """A cue standing right before the figure (a qualifier may stand between: "ещё около 3
    тыс.", "contre au moins 600"), in its window."""
    for hit in pattern.finditer(text, max(z.window[0], fig.start - 40), fig.start):
        gap = text[hit.end() : fig.start]
        if not gap.strip(" -") or _OPENERS.fullmatch(gap.strip()) or any(
                (q := p.search(gap)) and not gap[: q.start()].strip()
                for _, p in lex.qualifier_before):  # fmt: skip  ("ще від 10 до 12 тис.")
            return hit.group(0)
    return ""


def _attached(pattern: re.Pattern, text: str, fig: Figure, z: Zones, lex: Lexicon) -> str:
    """A cue attached to the figure: right before it (:func:`_right_before`) or among the first
    words of its noun phrase ("3,000 more troops", "3 000 soldats supplémentaires")."""
    if lex.words_before:  # Korean: the noun right before it ("공병 1000명")
        found = pattern.search(text, max(z.window[0], fig.start - 12), fig.start)
        return found.group(0) if found else ""
    hit = _right_before(pattern, text, fig, z, lex)
    if hit:
        return hit
    a, b = z.local
    head = re.match(r"[\s-]*(?:[\w'’]+(?:-[\w'’]+)*(?:\s+|$)){0,4}", text[a:b])
    found = pattern.search(text, a, a + (head.end() if head else 0))
    return found.group(0) if found else ""


def _kursk(text: str, span: Span, z: Zones, lex: Lexicon) -> str:
    """The Kursk region named in ``span``, or "the region" once the article names Kursk."""
    hit = lex.metric["kursk"].search(text, *span)
    if hit is None and z.kursk_named:
        hit = lex.region.search(text, *span)
    return hit.group(0) if hit else ""


def _group_metric(text: str, fig: Figure, z: Zones, lex: Lexicon) -> tuple[str, str, str]:
    """The metric of the group of a partitive ("of the 12,000 deployed"): the first words of its
    own noun phrase for a loss, then (a partitive opening its clause) a loss in its description
    up to its comma, then its description up to the next figure, through the comma of
    a relative clause but not past its end ("der rund 11.000 Mann, die Pjöngjang dorthin geschickt
    habe, …"); in Korean the words before it."""
    if lex.words_before:  # Korean: the words before the group ("3차 파병 6000명 중")
        span = (max(z.clause[0], fig.start - 24), fig.start)
        for key in ("additional", "later_contingent", "engineers"):
            hit = lex.metric[key].search(text, *span)
            if hit:
                return "additional_deployed", hit.group(0), "group"
        hit = _kursk(text, span, z, lex)
        return ("in_kursk", hit, "group") if hit else ("deployed", "", "group")
    a, b = z.local
    head = re.match(r"\W*(?:\w+\W+){0,2}", text[a:b])
    share = lex.fraction.search(text, max(z.clause[0], fig.start - 30), fig.start)
    found = None if share else _losses(text, fig, (a, a + (head.end() if head else 0)), lex)
    if found:  # (but "a third of the 12,000 were killed": the third were, the 12,000 are the force)
        return (*found, "group")
    end = max(b, min(z.reach or b, a + 80))
    stop = re.compile(r"[.;!?()]").search(text, a, end)
    end = stop.start() if stop else end
    commas = [m.start() for m in re.finditer(r",\s", text[a:end])]
    opening = text[z.clause[0] : fig.start]
    opens = text[z.clause[1] : z.clause[1] + 1] == "," and len(opening.split()) <= 4
    if opens and not share and not re.search(r"\d", opening + text[fig.end : z.clause[1]]):
        # a partitive opening its clause, its part in a later one ("Of the 6,500 … put out of
        # action, …"): a loss in its description, up to the comma that ends the clause
        found = _losses(text, fig, (a, z.clause[1]), lex)
        if found:
            return (*found, "group")
    span = (a, a + commas[1] if len(commas) > 1 else end)  # a relative clause ends at its comma
    for key in ("additional_attached", "additional", "later_contingent", "engineers"):
        hit = lex.metric[key].search(text, *span)
        if hit:
            return "additional_deployed", hit.group(0), "group"
    russia = lex.metric["russia"].search(text, *span)
    hit = _kursk(text, (span[0], russia.start()) if russia else span, z, lex)
    if hit:
        return "in_kursk", hit, "group"
    if not russia:  # a unit a relative clause before places in Kursk ("Один із батальйонів КНДР,
        for before in reversed(z.before):  # що воював у Курській області, утратив 380 із 600")
            hit = _kursk(text, before, z, lex) if lex.relative.search(text, *before) else ""
            if hit:
                return "in_kursk", hit, "group"
    return "deployed", russia.group(0) if russia else "", "group"  # "з 11 тис. … у Росії на Курщині …"


def continues_list(text: str, prev_end: int, start: int, lex: Lexicon) -> bool:
    """True if the figure at ``start`` continues a list begun by a figure ending at
    ``prev_end``: "10,000 soldiers and 1,000 sappers", "300 getötet, 2700 verwundet", a table
    row after a label ("December: 1,100; January: 1,900")."""
    gap = text[prev_end:start]
    if re.fullmatch(r"\s*;\s*[^\W\d]+(?:\s+[^\W\d]+)?\s*:\s*(?:[^\W\d]+\s+){0,2}", gap):
        return True
    if len(gap) > 80 or re.search(r"[.;:!?()]", gap):
        return False
    if lex.words_before:
        return re.search(r"(?:과|와|및|,)\s*\S*\s*$", gap) is not None
    time = opening_time(gap, 0, len(gap), lex)  # "в декабре 310 убитых, в январе 540"
    if time:
        gap = gap[: time.start()]
    tail = gap[-22:]
    return lex.conj.search(tail) is not None or tail.rstrip()[-1:] in (",", "—", "–")


def _losses(text: str, fig: Figure, span: Span, lex: Lexicon,
            reach: int = 0) -> tuple[str, str] | None:  # fmt: skip
    """The loss metric the words of ``span`` give ``fig``: a killed-and-wounded phrase (begun in
    ``span``, it may run on up to ``reach``: "killed, wounded or captured" cut at its comma),
    captured, or the nearest killed / wounded / casualty word (killed first on a tie; in Korean
    all of them are ranked by Korean order: "사망 520·부상 3천480·포로 2"); a verb
    of losing gives way to a killed or wounded word beside it ("втратили загиблими 120"), a
    wounded word to a verb of dying ("тяжкопоранених … померли")."""
    a, b = span
    m = lex.metric
    if not lex.words_before:
        hit = m["casualties_phrase"].search(text, a, max(b, reach))
        if hit and hit.start() < b:
            return "casualties", hit.group(0)
        hit = m["captured"].search(text, a, b)
        if hit and not _inside(hit, fig):
            return "captured", hit.group(0)
    found, phrases = [], []
    for rank, (key, name) in enumerate(_KO_LOSSES if lex.words_before else _LOSSES):
        for hit in m[key].finditer(text, a, b):
            if key == "casualties_phrase":
                phrases.append(hit.span())
            elif any(p0 <= hit.start() < p1 for p0, p1 in phrases):
                continue  # a word of a killed-and-wounded phrase ("죽거나 다쳤")
            if not _inside(hit, fig) and not _theirs(text, hit, lex):
                d = fig.start - hit.end() if hit.end() <= fig.start else hit.start() - fig.end
                if lex.words_before:
                    d = _ko_distance(text, hit, fig, d)
                found.append((d, rank, name, hit.group(0)))
    if not found:
        return None
    best = min(found)
    named = [f for f in found if f[2] != "casualties"]
    if best[2] == "casualties" and named and m["casualties_weak"].fullmatch(best[3]):
        best = min(named)  # "втратили загиблими 120", "потеряли убитыми": the verb says less
    if best[2] == "wounded":
        died = [f for f in found if f[2] == "killed" and m["died"].fullmatch(f[3])]
        if died:
            best = died[0]  # "кілька десятків тяжкопоранених померли дорогою": they died
    return best[2], best[3]


def _theirs(text: str, hit: re.Match, lex: Lexicon) -> bool:
    """A loss word owned by another side ("Moscow's casualties", "Russian losses"): not the
    loss of a North Korean figure. English only: elsewhere a side named before a loss verb is
    who inflicted it ("ВСУ уничтожили"), and captivity is another side's by nature ("in
    ukrainischer Gefangenschaft")."""
    if lex.lang != "en":
        return False
    owner = lex.foreign.search(text, max(0, hit.start() - 24), hit.start())
    return owner is not None and not text[owner.end() : hit.start()].strip()


def _ko_distance(text: str, hit: re.Match, fig: Figure, d: int) -> int:
    """Korean order of loss words: the word right before the figure ("사망 300명", "전사자
    1천600명"), then the last verb after it in its own clause, its predicate ("부상이 악화해
    숨졌다": killed), then other words before it; a word before it that ends a clause of its own
    ("17명을 사살하고 30여 명에게 부상을 …") and a verb of a later clause ("50여 명이 숨지고 그보다
    많은 병사가 다쳤다") last."""
    if hit.end() <= fig.start:
        gap = text[hit.end() : fig.start]
        if re.fullmatch(r"[\uAC00-\uD7A3]{0,3}\s*", gap):  # the word right before ("전사자 1천600명")
            return -10**9
        return d + 1000 if _KO_CLAUSE_END.search(gap) else d
    if _KO_CLAUSE_END.search(text, fig.end, hit.start()):
        return 10**6 + hit.start()  # a verb of a later clause ("50여 명이 숨지고 … 다쳤다")
    return -hit.start()


def _inside(hit: re.Match, fig: Figure) -> bool:
    return fig.start <= hit.start() < fig.end


def kind(text: str, window: Span, context: list[Span], lex: Lexicon, metric: str,
         coordinated: Span | None = None, listed: str = "count") -> str:  # fmt: skip
    """``forecast``, ``period`` or ``count``, from the figure's window, then its sentence's
    figureless clauses, then the clause joined to it by "and" ("52 were killed and 47 wounded in
    the past 24 hours"); a figure continuing a list takes the kind of the one before (``listed``),
    as a part of a group counted over a period ("닷새 동안 400여 명 …, 이 가운데 …") takes that.
    Words that only date an event ("last week", "between 8 and 15 June") make a loss a period but
    leave troops sent or present a count: the batch that left Wonsan last week is counted."""
    spans = [window, *context] + ([coordinated] if coordinated else [])
    periods = (lex.period, lex.dated) if metric in LOSS_METRICS else (lex.period,)
    for patterns, name in (((lex.forecast,), "forecast"), (periods, "period")):
        if any(p.search(text, *s) for p in patterns for s in spans):
            return name
    return listed


def hedged(text: str, window: Span, context: list[Span], lex: Lexicon) -> bool:
    """True if the figure's clause, or a figureless clause of its sentence, hedges it."""
    return bool(lex.hedge.search(text, *window) or any(lex.hedge.search(text, *s) for s in context))


def qualifier(text: str, fig: Figure, clause: Clause, lex: Lexicon) -> str:
    """The qualifier of ``fig`` from the words right before and after it."""
    before = text[max(clause.start, fig.start - 45) : fig.start]
    if fig.form == "range":
        before = _OPENERS.sub("", before)
    for q, pattern in lex.qualifier_before:
        if pattern.search(before):
            return q
    after = text[fig.end : min(len(text), fig.end + 30)]
    starts = [after]
    if lex.words_before:  # Korean: after the counter, and after a particle on it
        after = after[_KO_COUNTER.match(after).end() :]
        starts = [after, after[_KO_PARTICLE.match(after).end() :] if _KO_PARTICLE.match(after)
                  else after]  # fmt: skip
    for q, pattern in lex.qualifier_after:
        if any(pattern.match(a) for a in starts):
            return q
    if fig.qual:
        return fig.qual
    return "about" if fig.form == "vague" else "exact"


def shared_qualifier(text: str, prev: tuple[int, str, str], fig: tuple[int, str, str],
                     listed: bool) -> str:  # fmt: skip
    """The qualifier of a figure listed after another: in "about 300 killed and 2,700 wounded"
    the second takes the first's "about". ``prev`` is (end, qualifier, metric) of the figure
    before, ``fig`` (start, qualifier, metric) of this one; ``listed``: it continues the list
    (:func:`continues_list`). A list of losses shares across a comma and a verb ("about 300
    died and 2,700 were wounded"); other lists only when nothing but nouns stand between."""
    p_end, p_qual, p_metric = prev
    start, qual, this_metric = fig
    if qual != "exact" or p_qual == "exact" or not listed or this_metric == "captured":
        return qual  # prisoners are counted one by one: "over 4,000 wounded, and two captured"
    gap = text[p_end:start]
    if re.search(r"[\uAC00-\uD7A3](?:은|는|이|가)\s*$", gap):
        return qual  # a Korean clause with a subject of its own: "…1천500명이고, 전상자는 4천 명"
    losses = p_metric in LOSS_METRICS and this_metric in LOSS_METRICS and p_metric != this_metric
    if losses or (p_metric == this_metric and "," not in gap and len(gap) <= 50):
        return p_qual
    return qual
