"""The alias table and the one name matcher for people, organisations, outlets and places.

``data/entities.csv`` holds one row per entity with its aliases in the languages of the story
(columns ``aliases_<lang>``). :func:`matches` finds exact aliases in a text
(:class:`kursk.text.NameMatcher`: whole words, short all-caps aliases such as "AP" or "NIS"
case-sensitively, inflected forms); :func:`find_mentions` adds near misses of longer names
(rapidfuzz) and returns a frame; :func:`resolve` gives the canonical name of one name.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
from rapidfuzz import fuzz, process

from kursk import data, paths
from kursk.text import NameMatcher

#: Aliases this long or shorter must match case-sensitively ("AP", "NIS", "HUR").
SHORT = 4
#: rapidfuzz ratio a capitalised word needs to count as a near miss of an alias.
FUZZY_CUTOFF = 88.0
MENTION_COLUMNS = ["start", "end", "matched", "name", "entity_id", "type", "side", "method"]
_CAP_WORD = re.compile(r"(?<![\w])([A-ZÄÖÜ][\wäöüß-]{5,})(?![\w])")


def alias_table(entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (alias, entity): columns alias, name, entity_id, type, side, lang."""
    entities = data.load_entities() if entities is None else entities
    langs = [c.removeprefix("aliases_") for c in entities.columns if c.startswith("aliases_")]
    rows = []
    for e in entities.to_dict("records"):
        seen = set()
        side = e["side"] if isinstance(e["side"], str) else ""
        pairs = [(e["name"], "en")] + [
            (a.strip(), lang)
            for lang in langs
            for a in (e[f"aliases_{lang}"] if isinstance(e[f"aliases_{lang}"], str) else "").split("|")
        ]
        for alias, lang in pairs:
            if alias and alias not in seen:
                seen.add(alias)
                rows.append((alias, e["name"], e["entity_id"], e["type"], side, lang))
    return pd.DataFrame(rows, columns=["alias", "name", "entity_id", "type", "side", "lang"])


@lru_cache(maxsize=4)
def _index(data_dir: str) -> tuple[list[tuple], NameMatcher, list[str], list[int]]:
    """Per alias (name, entity_id, type, side), its matcher, and the aliases (with their rows)
    that fuzzy matching uses."""
    table = alias_table(data.load_entities(data_dir=data_dir))
    matcher = NameMatcher(
        (alias, i, lang, len(alias) <= SHORT)
        for i, (alias, lang) in enumerate(zip(table["alias"], table["lang"], strict=True))
    )
    fuzzy = table["type"].isin(["person", "organisation", "outlet"]) & (table["alias"].str.len() >= 6)
    rows = list(table[["name", "entity_id", "type", "side"]].itertuples(index=False, name=None))
    return rows, matcher, table.loc[fuzzy, "alias"].tolist(), table.index[fuzzy].tolist()


def _current() -> tuple[list[tuple], NameMatcher, list[str], list[int]]:
    return _index(str(paths.data_dir()))


def matches(text: str) -> list[tuple[int, int, str, str, str, str, str]]:
    """Exact alias mentions in ``text``: (start, end, matched, name, entity_id, type, side)."""
    if not isinstance(text, str) or not text:
        return []
    rows, matcher, _, _ = _current()
    return [(m.start, m.end, m.matched, *rows[m.payload]) for m in matcher.find(text)]


def find_mentions(text: str, *, fuzzy: bool = True) -> pd.DataFrame:
    """Entity mentions in ``text``: columns of :data:`MENTION_COLUMNS` (method exact or fuzzy)."""
    rows = [(*m, "exact") for m in matches(text)]
    if fuzzy and isinstance(text, str) and text:
        table, _, choices, choice_rows = _current()
        taken = [(r[0], r[1]) for r in rows]
        for m in _CAP_WORD.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            hit = process.extractOne(m.group(1), choices, scorer=fuzz.ratio,
                                     score_cutoff=FUZZY_CUTOFF)
            if hit is not None:
                rows.append((m.start(), m.end(), m.group(1), *table[choice_rows[hit[2]]], "fuzzy"))
        rows.sort()
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def resolve(name: str, *, fuzzy: bool = True) -> str | None:
    """The canonical name for ``name`` (an alias in any language), or None if nothing matches."""
    if not isinstance(name, str) or not name.strip():
        return None
    text = " ".join(name.split())
    found = [m for m in matches(text) if m[0] == 0 and m[1] == len(text)]
    if found:
        return found[0][3]
    if fuzzy and len(text) >= 6:
        table, _, choices, choice_rows = _current()
        hit = process.extractOne(text, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if hit is not None:
            return str(table[choice_rows[hit[2]]][0])
    return None
