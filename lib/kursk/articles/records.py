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
from kursk.text import LANGUAGES, detect_language

EARLIEST = pd.Timestamp("2000-01-01", tz="UTC")
STUDY_START = pd.Timestamp("2024-01-01", tz="UTC")
_END_PUNCT = tuple(".!?:;…")
#: tagesschau's stamp "Stand: DD.MM.YYYY HH:MM Uhr" (Europe/Berlin), in the seed and on its pages.
STAMP = re.compile(
    r"(?P<stamp>Stand:)\s*(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4}),?\s+"
    r"(?P<hh>\d{1,2}):(?P<mm>\d{2})\s*Uhr"
)
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
    lang = language_code(language or rec.get("language") or "")
    if not lang:
        lang = detect_language(f"{rec.get('title', '')}\n{text[:2000]}")
    if lang not in LANGUAGES:
        soft.append(f"language {lang or 'unknown'!r} is not one the figure extractor reads "
                    f"({', '.join(LANGUAGES)}): no figures are extracted from this article")
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


#: ISO 639-2 codes (and names) of the extractor's languages, as files may give them.
_LANGUAGE_NAMES = {
    "eng": "en", "english": "en", "deu": "de", "ger": "de", "german": "de", "deutsch": "de",
    "rus": "ru", "russian": "ru", "ukr": "uk", "ukrainian": "uk", "kor": "ko", "korean": "ko",
    "fra": "fr", "fre": "fr", "french": "fr", "français": "fr",
}  # fmt: skip


def language_code(given: str) -> str:
    """A language as given by a file (``en``, ``de-DE``, ``pt_BR``, ``ger``, ``English``) as its
    two-letter code: lower case, region left out; ``other`` for what is not a language code;
    "" for nothing given."""
    tag = re.split(r"[-_\s]", str(given).strip().lower(), maxsplit=1)[0]
    if not tag:
        return ""
    if tag in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[tag]
    return tag if re.fullmatch(r"[a-z]{2}", tag) else "other"


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


def stamp_time(m: re.Match) -> pd.Timestamp:
    """The time a :data:`STAMP` match gives, in Europe/Berlin (ValueError if it is no time)."""
    return pd.Timestamp(int(m.group("year")), int(m.group("mon")), int(m.group("day")),
                        int(m.group("hh")), int(m.group("mm")), tz="Europe/Berlin")


#: Characters a paragraph may hold beside the lead and still be the lead (a dateline, the end of
#: a sentence the lead cuts off): see :func:`split_lead`.
LEAD_SLACK = 60
_SENTENCE_END = tuple(".!?\"'“”»«")


def split_lead(text: str, lead: str) -> tuple[str, str]:
    """``text`` and ``lead`` with the lead said once. Where a paragraph of the text holds the
    lead (spacing and a closing full stop or ellipsis aside), it is taken out of the text: a
    paragraph that is little more than the lead (a dateline before it, the end of a sentence the
    lead cuts off), or that holds a lead cut off mid-sentence, becomes the lead; from a longer
    one only the lead's sentences are left out. The lead stays in its own column, so the text
    the extractor reads (title, lead, text) holds it once."""
    flat_lead = " ".join(lead.split())
    key = flat_lead.rstrip(".…").rstrip()
    if len(key) < 20 or key not in " ".join(text.split()):
        return text, lead
    cut_off = flat_lead.endswith(("...", "…")) or not flat_lead.endswith(_SENTENCE_END)
    out = []
    for block in re.split(r"\n\s*\n", text):
        flat = " ".join(block.split())
        at = flat.find(key) if key else -1
        if at >= 0:
            rest = (flat[:at] + " " + flat[at + len(key):].lstrip(" .…")).strip()
            if cut_off or len(rest) <= LEAD_SLACK:
                lead, block = flat, ""
            else:
                block = rest
            key = ""
        out.append(block)
    rest = "\n\n".join(b for b in out if b.strip())
    return (rest, lead) if rest else (text, "")  # a text that is only its lead keeps it
