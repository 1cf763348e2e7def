"""Frames derived from the articles frame, each keyed by ``article_id``: paragraphs, sentences,
direct quotes and entity mentions; and a date filter."""

from __future__ import annotations

import re

import pandas as pd

from kursk.articles.records import split_paragraphs
from kursk.entities import find_mentions
from kursk.text import split_sentences

_INT_COLUMNS = ("start", "end", "position", "sentence_no", "paragraph", "n_words")


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    for c in df.columns:
        df[c] = df[c].astype("int64" if c in _INT_COLUMNS else "string[pyarrow]")
    return df


def _section(heading: str) -> str:
    return heading.lstrip("#").strip().strip('"„“”»«')


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph: article_id, position, section (its heading), text, start, end,
    n_words."""
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"], strict=True):
        section, pos = "", 0
        for block in split_paragraphs(str(text)):
            if block["is_heading"]:
                section = _section(block["text"])
                continue
            pos += 1
            rows.append((aid, pos, section, block["text"], block["start"], block["end"],
                         len(block["text"].split())))
    cols = ["article_id", "position", "section", "text", "start", "end", "n_words"]
    return _typed(pd.DataFrame(rows, columns=cols))


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence (:func:`kursk.text.split_sentences`): article_id, sentence_no,
    paragraph, section, text, start, end."""
    rows = []
    for aid, text, lang in zip(articles["article_id"], articles["text"], articles["language"],
                               strict=True):
        text, n, section, pos = str(text), 0, "", 0
        for block in split_paragraphs(text):
            if block["is_heading"]:
                section = _section(block["text"])
                continue
            pos += 1
            for s, e in split_sentences(block["text"], lang if isinstance(lang, str) else None):
                n += 1
                a, b = block["start"] + s, block["start"] + e
                rows.append((aid, n, pos, section, text[a:b], a, b))
    cols = ["article_id", "sentence_no", "paragraph", "section", "text", "start", "end"]
    return _typed(pd.DataFrame(rows, columns=cols))


_QUOTE = re.compile(
    r"„(?P<a>[^“”\n]{3,}?)[“”]|»(?P<b>[^«\n]{3,}?)«|“(?P<c>[^”\n]{3,}?)”"
    r"|\"(?P<d>[^\"\n]{3,}?)\"|«(?P<e>[^»\n]{3,}?)»"
)
_SPEECH = (
    r"sagte|sagt|erklärte|erklärt|forderte|fordert|betonte|betont|schrieb|schreibt|"
    r"warnte|warnt|kündigte|versicherte|meinte|so|said|says|told|wrote|added|warned|"
    r"stated|declared|according to"
)
_AFTER = re.compile(rf"^\s*[,.]?\s*(?:{_SPEECH})\b(?P<rest>.{{0,80}})", re.S)
_BEFORE = re.compile(rf"(?P<rest>.{{0,80}})\b(?:{_SPEECH})\s*:?\s*$", re.S)
_SPEECH_WORD = re.compile(rf"\b(?:{_SPEECH}|versicherte|versichert|betonte)\b")


def _speaker(text: str, m: re.Match) -> tuple[str, str]:
    """The person a quote is attributed to (canonical name, as written), from a speech verb next
    to it on its line."""
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    line_start = text.rfind("\n", 0, m.start()) + 1
    tail, head = text[m.end() : line_end], text[line_start : m.start()]
    sent_start = max(head.rfind(". "), head.rfind("! "), head.rfind("? ")) + 1
    windows = [(_AFTER.match(tail), "after"), (_BEFORE.search(head), "before")]
    if _SPEECH_WORD.search(head[sent_start:]):  # "X versicherte …, Y werde »…«"
        windows.append((re.match(r"(?P<rest>.*)", head[sent_start:], re.S), "before"))
    for match, side in windows:
        if not match:
            continue
        found = find_mentions(match.group("rest"))
        people = found[found["type"] == "person"]
        if not people.empty:
            pick = people.iloc[0] if side == "after" else people.iloc[-1]
            return str(pick["name"]), str(pick["matched"])
    return "", ""


def quotes(articles: pd.DataFrame) -> pd.DataFrame:
    """Direct quotes: article_id, quote, speaker (canonical, or empty), speaker_as_written,
    start, end."""
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"], strict=True):
        text = str(text)
        for m in _QUOTE.finditer(text):
            q = next(g for g in m.groups() if g is not None)
            if len(q.split()) < 3:  # a quoted name or term, not speech
                continue
            line_end = text.find("\n", m.end())
            line = text[text.rfind("\n", 0, m.start()) + 1 : len(text) if line_end < 0 else line_end]
            if not line.strip().replace(m.group(0), ""):
                continue  # a quoted section heading, not speech
            speaker, written = _speaker(text, m)
            rows.append((aid, q, speaker, written, m.start(), m.end()))
    cols = ["article_id", "quote", "speaker", "speaker_as_written", "start", "end"]
    return _typed(pd.DataFrame(rows, columns=cols))


def mentions(articles: pd.DataFrame, *, fuzzy: bool = True) -> pd.DataFrame:
    """Entity mentions: article_id, field (title or text), start, end, matched, name, entity_id,
    type, side, method."""
    frames = []
    for aid, title, text in zip(articles["article_id"], articles["title"], articles["text"],
                                strict=True):
        for fld, value in (("title", title), ("text", text)):
            m = find_mentions(str(value), fuzzy=fuzzy)
            if len(m):
                frames.append(m.assign(article_id=aid, field=fld))
    cols = ["article_id", "field", "start", "end", "matched", "name", "entity_id", "type", "side",
            "method"]  # fmt: skip
    if not frames:
        return _typed(pd.DataFrame(columns=cols))
    return _typed(pd.concat(frames, ignore_index=True)[cols])


def mention_counts(
    mentions: pd.DataFrame, by: list[str], *, weight: str | None = None, top: int | None = None
) -> pd.DataFrame:
    """Mentions and articles per value of the ``by`` columns, most mentioned first (then most
    articles, then by ``by``). ``weight``: a column giving each row's number of mentions (else a
    row is one mention). With ``top``: the ``top`` most mentioned and every one tied with the last
    of them (a cut never splits a tie); ``attrs["named"]`` says how many there were before it."""
    cols = [*by, "mentions", "articles"]
    if mentions.empty:
        return pd.DataFrame(columns=cols)
    n = mentions[weight] if weight else 1
    out = (mentions.assign(_n=n).groupby(by, observed=True, dropna=False)
           .agg(mentions=("_n", "sum"), articles=("article_id", "nunique")).reset_index())
    out = out.sort_values(["mentions", "articles", *by], ascending=[False, False] + [True] * len(by),
                          kind="stable")
    named = len(out)
    if top is not None and len(out) > top > 0:
        out = out[out["mentions"] >= out["mentions"].iloc[top - 1]]
    out = out[cols].astype({"mentions": "int64", "articles": "int64"}).reset_index(drop=True)
    out.attrs["named"] = named
    return out


def in_period(
    articles: pd.DataFrame, start: str | None = None, end: str | None = None,
    *, keep_undated: bool = True,
) -> pd.DataFrame:
    """Articles published from ``start`` to ``end`` (inclusive dates, UTC); undated ones kept by
    default."""
    pub = articles["published"]
    keep = pd.Series(True, index=articles.index)
    if start:
        keep &= pub >= pd.Timestamp(start, tz="UTC")
    if end:
        keep &= pub < pd.Timestamp(end, tz="UTC") + pd.Timedelta(days=1)
    if keep_undated:
        keep |= pub.isna()
    out = articles[keep.fillna(False).astype(bool)]
    out.attrs = dict(articles.attrs)
    return out
