"""The alias table: resolve names of people, organisations, outlets and places to canonical entities.

``data/entities.csv`` holds one row per entity with its aliases in English, German, Russian,
Ukrainian and Korean. Exact aliases are matched first (whole words; short all-caps aliases such as
"AP" or "NIS" case-sensitively), then German genitive forms ("Selenskyjs"), then fuzzy matches with
rapidfuzz for near misses of longer names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from kursk.paths import data_dir

ALIAS_LANGS = ("en", "de", "ru", "uk", "ko")
ENTITY_TYPES = ("person", "organisation", "outlet", "country", "place", "group")
_SHORT = 4  # aliases this long or shorter must match case-sensitively
_WORD = r"[\w\u00C0-\u024F\u0400-\u04FF\uAC00-\uD7A3]"


#: Sides (the ``side`` column) that are parties to the war: Ukraine, Russia and North Korea.
#: Their claims are flagged ``warring_party`` and drawn with hollow markers.
WARRING_SIDES = frozenset({"ukraine", "russia", "dprk"})

def load_entities(path: str | Path | None = None) -> pd.DataFrame:
    """The entities table (``data/entities.csv``), one row per canonical entity."""
    path = Path(path) if path is not None else data_dir() / "entities.csv"
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = {"entity_id", "name", "type", "side", "url"} - set(df.columns)
    if missing:
        raise ValueError(f"{path}: missing columns {sorted(missing)}")
    for i, row in df.iterrows():
        if row["type"] not in ENTITY_TYPES:
            raise ValueError(f"{path}, line {i + 2}, column type: unknown type {row['type']!r}")
    dupes = df["name"][df["name"].duplicated()]
    if len(dupes):
        line = int(dupes.index[0]) + 2
        raise ValueError(f"{path}, line {line}, column name: duplicate name {dupes.iloc[0]!r}")
    return df


def alias_table(entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (alias, entity): columns alias, name, entity_id, type, side, lang."""
    entities = load_entities() if entities is None else entities
    rows = []
    for _, e in entities.iterrows():
        seen = set()
        pairs = [(e["name"], "canonical")] + [
            (a.strip(), code)
            for code in ALIAS_LANGS
            for a in str(e.get(f"aliases_{code}", "")).split("|")
        ]
        for alias, lang in pairs:
            if alias and alias not in seen:
                seen.add(alias)
                rows.append(
                    {
                        "alias": alias,
                        "name": e["name"],
                        "entity_id": e["entity_id"],
                        "type": e["type"],
                        "side": e["side"],
                        "lang": lang,
                    }
                )
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class _Index:
    table: pd.DataFrame
    exact: dict[str, int]  # casefolded alias -> row (long aliases)
    exact_cs: dict[str, int]  # alias -> row (short aliases, case-sensitive)
    pattern: re.Pattern
    fuzzy_choices: list[str]
    fuzzy_rows: list[int]


def _build_index(entities: pd.DataFrame) -> _Index:
    table = alias_table(entities)
    exact: dict[str, int] = {}
    exact_cs: dict[str, int] = {}
    for i, alias in enumerate(table["alias"]):
        if len(alias) <= _SHORT:
            exact_cs.setdefault(alias, i)
        else:
            exact.setdefault(alias.casefold(), i)
    aliases = sorted(set(table["alias"]), key=lambda a: (-len(a), a))
    long_alt = "|".join(re.escape(a) for a in aliases if len(a) > _SHORT)
    short_alt = "|".join(re.escape(a) for a in aliases if len(a) <= _SHORT)
    pattern = re.compile(
        rf"(?<!{_WORD})(?:(?i:{long_alt})|{short_alt})(?:es|s|’s|'s)?(?!{_WORD})"
        if short_alt
        else rf"(?<!{_WORD})(?i:{long_alt})(?:es|s|’s|'s)?(?!{_WORD})"
    )
    fuzzy_mask = table["type"].isin(["person", "organisation", "outlet"]) & (
        table["alias"].str.len() >= 6
    )
    return _Index(
        table=table,
        exact=exact,
        exact_cs=exact_cs,
        pattern=pattern,
        fuzzy_choices=table.loc[fuzzy_mask, "alias"].tolist(),
        fuzzy_rows=list(table.index[fuzzy_mask]),
    )


@lru_cache(maxsize=4)
def _default_index(path: str) -> _Index:
    return _build_index(load_entities(path))


def _index(entities: pd.DataFrame | None) -> _Index:
    if entities is None:
        return _default_index(str(data_dir() / "entities.csv"))
    return _build_index(entities)


def _lookup(idx: _Index, text: str) -> int | None:
    if text in idx.exact_cs:
        return idx.exact_cs[text]
    key = text.casefold()
    if key in idx.exact:
        return idx.exact[key]
    for suffix in ("’s", "'s", "es", "s"):  # English possessive, German genitive
        if key.endswith(suffix) and key[: -len(suffix)] in idx.exact:
            return idx.exact[key[: -len(suffix)]]
    return None


def resolve(
    name: str,
    *,
    entities: pd.DataFrame | None = None,
    fuzzy: bool = True,
    threshold: float = 88.0,
) -> str | None:
    """The canonical name for ``name`` (an alias in any language), or None if nothing matches."""
    if not isinstance(name, str) or not name.strip():
        return None
    idx = _index(entities)
    text = " ".join(name.split())
    row = _lookup(idx, text)
    if row is None and fuzzy and len(text) >= 6 and idx.fuzzy_choices:
        hit = process.extractOne(text, idx.fuzzy_choices, scorer=fuzz.ratio, score_cutoff=threshold)
        if hit is not None:
            row = idx.fuzzy_rows[hit[2]]
    return None if row is None else str(idx.table.at[row, "name"])


def entity(name: str, *, entities: pd.DataFrame | None = None) -> pd.Series:
    """The entities row for a canonical name or alias; KeyError if unknown."""
    canonical = resolve(name, entities=entities, fuzzy=False)
    ents = load_entities() if entities is None else entities
    hit = ents[ents["name"] == canonical]
    if hit.empty:
        raise KeyError(f"unknown entity {name!r}: add it to data/entities.csv")
    return hit.iloc[0]


_CAP_WORD = re.compile(r"(?<![\w])([A-ZÄÖÜ][\wäöüß-]{5,})(?![\w])")


def find_mentions(
    text: str, *, entities: pd.DataFrame | None = None, fuzzy: bool = True
) -> pd.DataFrame:
    """Entity mentions in ``text``: columns start, end, matched, name, entity_id, type, side, method."""
    cols = ["start", "end", "matched", "name", "entity_id", "type", "side", "method"]
    if not isinstance(text, str) or not text:
        return pd.DataFrame(columns=cols)
    idx = _index(entities)
    rows = []
    taken: list[tuple[int, int]] = []
    for m in idx.pattern.finditer(text):
        row = _lookup(idx, m.group(0))
        if row is None:
            continue
        taken.append(m.span())
        rows.append((m.start(), m.end(), m.group(0), row, "exact"))
    if fuzzy and idx.fuzzy_choices:
        for m in _CAP_WORD.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            hit = process.extractOne(
                m.group(1), idx.fuzzy_choices, scorer=fuzz.ratio, score_cutoff=88.0
            )
            if hit is not None:
                rows.append((m.start(), m.end(), m.group(1), idx.fuzzy_rows[hit[2]], "fuzzy"))
    rows.sort()
    t = idx.table
    return pd.DataFrame(
        [
            (
                s,
                e,
                txt,
                t.at[r, "name"],
                t.at[r, "entity_id"],
                t.at[r, "type"],
                t.at[r, "side"],
                how,
            )
            for s, e, txt, r, how in rows
        ],
        columns=cols,
    )
