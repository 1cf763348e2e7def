"""Raw records as parsers give them, finished into articles (text, dates, language, ids), and
duplicates left out."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import pandas as pd

from kursk.articles.errors import ArticleError, SkipFile
from kursk.articles.files import clean
from kursk.text import detect_language

EARLIEST = pd.Timestamp("2000-01-01", tz="UTC")
STUDY_START = pd.Timestamp("2024-01-01", tz="UTC")
_END_PUNCT = tuple(".!?:;…")
#: A block: lines up to a blank line.
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


@dataclass
class Parsed:
    """What a parser read from one file: raw records, warnings, and the format's name."""

    records: list[dict]
    warnings: list[str] = field(default_factory=list)
    fmt: str = ""


def record(**values) -> dict:
    """A raw record with every field (empty where not given)."""
    rec = {"outlet": "", "url": "", "language": "", "published": None, "kicker": "", "title": "",
           "text": "", "lead": ""}  # fmt: skip
    rec.update(values)
    return rec


def finish(
    rec: dict, *, outlet: str | None = None, language: str | None = None
) -> tuple[dict, list[str], list[str]]:
    """One raw record as an article, with hard warnings (errors in strict mode) and soft ones.

    ``outlet`` and ``language`` override what the record says or the detector finds.
    """
    rec, repaired = _valid_unicode(rec)
    text = normalise_body(rec.get("text", ""))
    if not text:
        raise SkipFile("no text")
    published, hard, soft = parse_published(rec.get("published"))
    if repaired:
        soft.append("invalid Unicode (unpaired surrogates) replaced by U+FFFD")
    lead = (rec.get("lead") or "").strip() or first_paragraph(text)
    lang = language or (rec.get("language") or "").strip().lower()[:2]
    if not lang:
        lang = detect_language(f"{rec.get('title', '')}\n{text[:2000]}")
    out = {
        "outlet": (outlet or rec.get("outlet") or "").strip(),
        "url": (rec.get("url") or "").strip(),
        "language": lang,
        "published": published,
        "kicker": (rec.get("kicker") or "").strip(),
        "title": " ".join(str(rec.get("title", "")).split()),
        "lead": lead,
        "text": text,
        "n_words": count_words(text),
    }
    out["article_id"] = article_id(out["outlet"], published, out["title"])
    if not out["outlet"]:
        hard.append("no outlet given")
    return out, hard, soft


def _valid_unicode(rec: dict) -> tuple[dict, bool]:
    """The record with unpaired surrogates (from JSON or YAML escapes) replaced; True if any."""
    out, repaired = {}, False
    for k, v in rec.items():
        if isinstance(v, str) and not v.isascii():
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                v = v.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
                repaired = True
        out[k] = v
    return out, repaired


def normalise_body(text: str) -> str:
    """The text cleaned (:func:`kursk.articles.files.clean`), lines right-stripped, at most one
    blank line between paragraphs, no blank lines around it."""
    text = clean(str(text))
    out = "\n".join(ln.rstrip() for ln in text.split("\n")).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def parse_published(value) -> tuple[pd.Timestamp | None, list[str], list[str]]:
    """A publication date as a UTC timestamp, with hard warnings (missing, unparsable, implausible:
    the date is left empty) and soft ones (no time zone, before the study period)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ["no publication date"], []
    try:
        if isinstance(value, bool | int | float):
            raise ValueError("a bare number is not a date")
        ts = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return None, [f"publication date {str(value)[:40]!r} does not parse; left empty"], []
    if pd.isna(ts):
        return None, ["no publication date"], []
    warns = []
    if ts.tzinfo is None:
        ts = ts.tz_localize("UTC")
        if isinstance(value, str) and re.search(r"\d:\d", value):
            warns.append("publication time has no time zone; taken as UTC")
    ts = ts.tz_convert("UTC")
    if ts < EARLIEST or ts > pd.Timestamp.now(tz="UTC") + timedelta(days=1):
        return None, [f"publication date {ts.date()} is implausible (before 2000 or in the "
                      "future); left empty"], warns  # fmt: skip
    if ts < STUDY_START:
        warns.append(f"published {ts.date()}, before the study period (2024 onwards)")
    return ts, [], warns


def article_id(outlet: str, published: pd.Timestamp | datetime | date | None, title: str) -> str:
    """Stable id: a hash of outlet, publication date and title (case and spacing ignored)."""
    day = "" if published is None or pd.isna(published) else pd.Timestamp(published).strftime("%Y-%m-%d")
    key = "|".join(_norm(x) for x in (outlet or "", day, title or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(s)).casefold().split())


def text_key(text: str) -> str:
    """Hash of the text with case, Unicode forms and whitespace normalised (finds duplicates)."""
    return hashlib.sha256(_norm(text).encode("utf-8")).hexdigest()


def count_words(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


class Deduplicator:
    """Keeps the first article of each article_id and of each normalised text, file by file.

    Files must be fed in load order; the pandas and the Dask loaders both use it, so they agree.
    """

    def __init__(self, *, strict: bool = False):
        self.strict = strict
        self.ids: set[str] = set()
        self.texts: set[str] = set()

    def add(self, report: dict, keys: list[tuple[str, str]]) -> tuple[list[int], dict]:
        """Positions of a file's articles to keep (``keys``: their article_id and
        :func:`text_key`) and the file's report row, marked ``duplicate`` if none is kept."""
        keep = []
        for i, (aid, tkey) in enumerate(keys):
            if aid in self.ids or tkey in self.texts:
                continue
            self.ids.add(aid)
            self.texts.add(tkey)
            keep.append(i)
        if keys and not keep:
            if self.strict:
                raise ArticleError(report["path"], "duplicate of an article already loaded")
            report = {**report, "status": "duplicate",
                      "reason": "duplicate of an article already loaded", "articles": 0}
        elif len(keep) < len(keys):
            note = f"{len(keys) - len(keep)} duplicate article(s) in this file left out"
            warns = "; ".join(w for w in (report["warnings"], note) if w)
            report = {**report, "articles": len(keep), "warnings": warns}
        return keep, report


# --------------------------------------------------------------------------- paragraphs


def is_heading(block: str) -> bool:
    """Whether a block is a heading: one line, "#" first, or at most eight words and 80 characters
    without end punctuation."""
    s = block.strip()
    if "\n" in s or not s:
        return False
    if s.startswith("#"):
        return True
    if len(s) > 80:
        return False
    return len(s.split()) <= 8 and not s.strip("\"'„“”»«").endswith(_END_PUNCT)


def split_paragraphs(text: str) -> list[dict]:
    """Blocks separated by blank lines: text, start, end, is_heading."""
    return list(_iter_paragraphs(text))


def _iter_paragraphs(text: str) -> Iterator[dict]:
    for m in _PARAGRAPH.finditer(text):
        block = m.group(0).strip()
        if not block:
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        yield {"text": block, "start": start, "end": start + len(block),
               "is_heading": is_heading(block)}


def first_paragraph(text: str) -> str:
    """The first block of ``text`` that is not a heading."""
    return next((b["text"] for b in _iter_paragraphs(text) if not b["is_heading"]), "")
