"""Clauses of a sentence: the stretch of text each figure takes its metric, kind, qualifier and
hedging from.

A sentence is cut at semicolons, colons, dashes and brackets, at a comma followed by a space, at a
middle dot after a number ("전투병 1만5천·건설 인력 5천"), at a bullet ("△"), and before a conjunction ("and",
"und", "и", "et", Korean "-고") or a reference to a group ("of them", "darunter", "из них",
"그중") when figures stand on both sides of it, and always before a conjunction of contrast
("but", "aber", "а", "-지만"). Commas inside a number ("11,000", "11, 000") and conjunctions
inside a range ("between 10,000 and 12,000") never cut. A clause opened by a reference to a
group is marked: its figure is part of the group named before. A figure standing alone between
two dashes or two commas is an apposition and cuts nothing ("решта, понад 2,5 тис., проходить …").
A relative clause ("…, die getötet wurden", "…, who were killed") stays a clause of its own;
an attribution set off by commas ("…, according to X, …", "…, за його даними, …") cuts nothing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kursk.claims.lexicon import Lexicon
from kursk.claims.numbers import Figure

_HARD = re.compile(r";|:(?=\s)|\s[–—-]\s|[()\[\]]|,(?=\s)|،|…|(?<=[\d천만백명])·|[△▲▷■•]")


class Clause(NamedTuple):
    """A clause: its span in the text, and whether it opens with a reference to a group."""

    start: int
    end: int
    subgroup: bool = False


def clauses(text: str, start: int, end: int, figs: list[Figure], lex: Lexicon) -> list[Clause]:
    """The clauses of the sentence ``text[start:end]`` holding ``figs`` (sorted by offset)."""
    inside = [(f.start, f.end) for f in figs]

    def free(i: int) -> bool:
        return not any(a <= i < b for a, b in inside)

    cuts = {start, end}
    commas = []
    for m in _HARD.finditer(text, start, end):
        if free(m.start()):
            cuts.add(m.start())
            if m.group(0) == ",":
                commas.append(m.start())
    for a, b in [(a, b) for a, b in zip(commas, commas[1:], strict=False)
                 if _parenthetical(text, a, b, sorted(cuts), inside, lex)]:  # fmt: skip
        cuts -= {a, b}
    for f0, f1 in inside:  # "Основна частина — орієнтовно 8 тис. — зосереджена в …"
        a = max(c for c in cuts if c <= f0)
        b = min((c for c in cuts if c >= f1), default=end)
        if start < a and b < end and _apposition(text, a, b, f0, f1, lex):
            cuts -= {a, b}
    marks, inner = set(), set()
    for m in lex.subgroup.finditer(text, start, end):
        if free(m.start()) and not _right_after_figure(text, m.start(), inside):
            # "3,000 of them" stays one clause; so does "На Курщині з них … 9 тис.", where no
            # figure stands before the reference in its clause
            before = max(c for c in cuts if c <= m.start())
            (marks if any(before <= f for f, _ in inside if f < m.start()) else inner).add(
                m.start())
    for i in marks:
        cuts.add(i)
    for m in lex.conj.finditer(text, start, end):
        i = m.end() if lex.words_before else m.start()
        if free(m.start()) and (_figures_both_sides(i, sorted(cuts), inside)
                                or lex.contrast.match(text, m.start())):  # fmt: skip
            cuts.add(i)
    bounds = sorted(cuts)
    out: list[Clause] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        a2, b2 = _trim(text, a, b)
        if a2 >= b2:
            continue
        lone = bool(out) and out[-1].subgroup and lex.subgroup.fullmatch(text, out[-1].start,
                                                                        out[-1].end)  # fmt: skip
        opens = a in marks or any(a <= i < b for i in inner)  # "Of these, about 5,000 ..."
        out.append(Clause(a2, b2, opens or lone))
    return out or [Clause(start, end)]


def _parenthetical(text: str, a: int, b: int, cuts: list[int], figs: list[tuple[int, int]],
                   lex: Lexicon) -> bool:  # fmt: skip
    """True for an attribution between the commas at ``a`` and ``b`` ("…, according to X, …",
    "…, за його даними, …", "…, додала вона, …"): short, no figure in it, an attribution cue
    first (or a verb of saying in a very short one), and figures on at
    most one side of it (else the second comma opens a clause of its own: "…, according to
    Reuters, which said …")."""
    if b - a > 60 or any(a < f and e <= b for f, e in figs):
        return False
    first = a + 1 + len(text[a + 1 : b]) - len(text[a + 1 : b].lstrip())
    if not (lex.attr_pre.match(text, first) or b - a <= 30 and lex.attr_post.search(text, first, b)):
        return False  # "…, according to X, …", "…, додала вона, …"
    before = max(c for c in cuts if c < a)
    after = min(c for c in cuts if c > b)
    left = any(before <= f and e <= a for f, e in figs)
    right = any(b <= f and e <= after for f, e in figs)
    return not (left and right)


def _apposition(text: str, a: int, b: int, f0: int, f1: int, lex: Lexicon) -> bool:
    """True if the figure ``text[f0:f1]`` stands alone (a qualifier before it at most) between two
    cuts of the same kind, two dashes or two commas: an apposition to its clause ("решта, понад
    2,5 тис., проходить підготовку")."""
    def kind(i: int) -> str:
        return "," if text[i] == "," else "-" if text[i : i + 3].strip() in "–—-" else ""

    if kind(a) == "" or kind(a) != kind(b) or text[f1:b].strip():
        return False
    return lex.only_qualifier(text[a + 1 : f0].strip(" –—-"))


def _right_after_figure(text: str, i: int, figs: list[tuple[int, int]]) -> bool:
    return any(0 <= i - b <= 2 and not text[b:i].strip() for _, b in figs)


def _figures_both_sides(i: int, cuts: list[int], figs: list[tuple[int, int]]) -> bool:
    """True if a figure stands between the cut before ``i`` and ``i``, and another between ``i``
    and the cut after it."""
    before = max((c for c in cuts if c <= i), default=i)
    after = min((c for c in cuts if c > i), default=i)
    left = any(before <= a and b <= i for a, b in figs)
    right = any(i <= a and b <= after for a, b in figs)
    return left and right


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` without leading punctuation and white space, and trailing white space."""
    while a < b and (text[a].isspace() or text[a] in ";:,()[]–—-،"):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def clause_of(cls: list[Clause], pos: int) -> int:
    """Index of the clause holding offset ``pos`` (the last one starting at or before it)."""
    k = 0
    for i, c in enumerate(cls):
        if c.start <= pos:
            k = i
    return k
