"""Literal prefilters for regular expressions: skip a search that cannot match.

Python's ``re`` tries a long alternation of words at every position of a text, which costs far
more than a few ``str.__contains__`` checks. :func:`necessary_literals` reads a compiled pattern
(with ``re``'s own parser) and returns strings one of which every match must contain; a text
holding none of them needs no search. :class:`Gated` wraps a pattern with that test.

:class:`Literals` finds every occurrence of a set of byte strings in one pass (an Aho-Corasick
automaton from ahocorasick-rs), where a ``bytes.find`` loop per string would pass over the text
once for each of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

from ahocorasick_rs import BytesAhoCorasick

_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


def _first_literals(items) -> set[str] | None:
    """Strings one of which a match of the parsed sequence ``items`` begins with (after
    zero-width assertions), or None if the sequence can begin otherwise."""
    run: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            return {"".join(run)}
        if op in _ZERO_WIDTH:
            continue
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags & re.IGNORECASE:
                return None
            found = _first_literals(sub)
        elif op is C.BRANCH:
            found = set()
            for alt in av[1]:
                lits = _first_literals(alt)
                if lits is None:
                    return None
                found |= lits
        else:
            return None
        return found if found and all(found) else None
    return {"".join(run)} if run else None


def necessary_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains, or None if none can be named.

    Only case-sensitive patterns (no IGNORECASE, no LOCALE) are read; for the others None.
    """
    if pattern.flags & (re.IGNORECASE | re.LOCALE) or not isinstance(pattern.pattern, str):
        return None
    lits = _first_literals(P.parse(pattern.pattern, pattern.flags))
    return tuple(sorted(lits)) if lits else None


class Gated:
    """A compiled pattern whose ``search`` and ``finditer`` first check its necessary literals.

    Same results as the pattern itself (on the whole string: no ``pos``/``endpos``).
    """

    __slots__ = ("pattern", "literals")

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.literals = necessary_literals(pattern)

    def possible(self, text: str) -> bool:
        """False if ``text`` cannot hold a match."""
        lits = self.literals
        if lits is None:
            return True
        for lit in lits:
            if lit in text:
                return True
        return False

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text) if self.possible(text) else None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.possible(text) else iter(())


class Literals:
    """Every occurrence of any of ``literals`` (non-empty byte strings) in a text, in one pass.

    :meth:`spans` gives what a ``bytes.find`` loop per literal gives, sorted: overlapping
    occurrences and those of one literal inside another included.
    """

    __slots__ = ("literals", "_automaton")

    def __init__(self, literals: Iterable[bytes]):
        self.literals = tuple(literals)
        self._automaton = BytesAhoCorasick(list(self.literals))

    def spans(self, data: bytes, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of each occurrence inside ``data[start:end]``, sorted."""
        start = max(0, start)
        with memoryview(data) as whole, whole[start:end] as view:
            found = self._automaton.find_matches_as_indexes(view, overlapping=True)
        return sorted([(a + start, b + start) for _, a, b in found])
