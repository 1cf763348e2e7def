"""One parser per file format: text in, raw article records out (finished by
:mod:`kursk.articles.records`).

* the seed's format (``.txt``): a first line ``date YYYY-MM <kicker> <title> Stand: DD.MM.YYYY
  HH:MM Uhr``, then paragraphs separated by blank lines. The "Stand: … Uhr" stamp is
  tagesschau's, so the outlet is ``tagesschau``; the time is Europe/Berlin. The kicker is
  recognised from :data:`KNOWN_KICKERS` (``kickers=`` adds more).
* Markdown or plain text with a YAML front matter (``title``, ``outlet``, ``url``, ``published``,
  ``language``, optional ``kicker``, ``lead``); without front matter the first line is the title.
* JSON (an object, a list of objects, or ``{"articles": [...]}``) and JSON Lines, with the same
  keys (``text``/``body``/``content`` for the text, ``date`` for ``published``, ``source`` for
  ``outlet``; see :data:`KEYS`).
* HTML pages (:mod:`kursk.articles.html`).
* RSS and Atom feeds (feedparser, after defusedxml has refused entity declarations).
"""

from __future__ import annotations

import io
import json
import re
import warnings
from datetime import UTC, datetime

import pandas as pd

from kursk.articles.errors import SkipFile, short
from kursk.articles.html import html_to_text
from kursk.articles.records import Parsed, record

#: Topic labels ("Dachzeilen") that tagesschau prints above a title, longest first when matching.
KNOWN_KICKERS = (
    "Krieg gegen die Ukraine", "Russlands Krieg gegen die Ukraine", "Russischer Angriffskrieg",
    "Krieg in der Ukraine", "Ukraine-Krieg", "Krieg in Nahost", "Nahost-Konflikt", "Nordkorea",
    "Südkorea", "Liveblog", "Exklusiv", "Analyse", "Kommentar", "Interview",
)  # fmt: skip
#: Outlets recognised from a stamp in the seed's header line.
STAMP_OUTLETS = {"Stand:": "tagesschau"}
#: Accepted names of each field in front matter, JSON and JSON Lines (the first with a value wins).
KEYS = {
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "article", "fulltext"),
    "outlet": ("outlet", "source", "publisher", "sitename", "site"),
    "url": ("url", "link", "href"),
    "published": ("published", "date", "pubdate", "published_at", "datetime", "time"),
    "language": ("language", "lang"),
    "kicker": ("kicker", "dachzeile", "topline"),
    "lead": ("lead", "summary", "teaser", "description"),
}

_SEED_HEADER = re.compile(
    r"^\s*date\s+(?P<month>\d{4}-\d{2})\s+(?P<head>.+?)\s+(?P<stamp>Stand:)\s*"
    r"(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})\s+(?P<hh>\d{1,2}):(?P<mm>\d{2})\s*Uhr\s*$"
)
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_RANK = {n: (key, rank) for key, names in KEYS.items() for rank, n in enumerate(names)}


def parse_text(text: str, *, kickers: tuple[str, ...] = ()) -> Parsed:
    """The seed's format, front matter, or plain text with the title on line 1."""
    m = _FRONT_MATTER.match(text) if text.startswith("---") else None
    if m:
        meta = _load_yaml(m.group("yaml"))
        if not isinstance(meta, dict):
            raise SkipFile("front matter is not a mapping of keys to values")
        return Parsed([from_mapping(meta, body=text[m.end():])], fmt="front_matter")
    head, _, body = text.partition("\n")
    sm = _SEED_HEADER.match(head)
    if sm:
        return _parse_seed(sm, body, kickers)
    if head.lstrip().startswith("date ") and "Stand:" in head:
        raise SkipFile("line 1 looks like a seed header but does not parse: expected "
                       "'date YYYY-MM <kicker> <title> Stand: DD.MM.YYYY HH:MM Uhr'")
    title = head.strip().lstrip("#").strip()
    if not title:
        raise SkipFile("no title on line 1")
    return Parsed([record(title=title, text=body)],
                  ["no front matter: outlet, url and date unknown"], fmt="text")


def _parse_seed(sm: re.Match, body: str, kickers: tuple[str, ...]) -> Parsed:
    kicker, title = split_kicker(sm.group("head"), kickers)
    warns = []
    try:
        published = pd.Timestamp(
            int(sm.group("year")), int(sm.group("mon")), int(sm.group("day")),
            int(sm.group("hh")), int(sm.group("mm")), tz="Europe/Berlin",
        )  # fmt: skip
        if published.strftime("%Y-%m") != sm.group("month"):
            warns.append(f"header month {sm.group('month')} differs from the stamp's date")
    except ValueError:
        published = None
        warns.append("malformed date in the 'Stand:' stamp")
    rec = record(outlet=STAMP_OUTLETS[sm.group("stamp")], published=published, kicker=kicker,
                 title=title, text=body)
    return Parsed([rec], warns, fmt="seed")


def split_kicker(head: str, extra: tuple[str, ...] = ()) -> tuple[str, str]:
    """A header line cut into its kicker (from :data:`KNOWN_KICKERS` and ``extra``) and title."""
    for k in sorted(set(KNOWN_KICKERS) | set(extra), key=len, reverse=True):
        if head.startswith(k + " ") and len(head) > len(k) + 1:
            return k, head[len(k) + 1 :].strip()
    return "", head.strip()


def _load_yaml(block: str):
    """The front matter read by PyYAML's safe loader (in C where available)."""
    import yaml

    try:
        return yaml.load(block, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except RecursionError:
        raise SkipFile("front matter is nested too deeply") from None
    except yaml.YAMLError as e:
        where = getattr(e, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        raise SkipFile(f"front matter is not valid YAML{line}") from None
    except (ValueError, OverflowError) as e:  # a well-formed value that is no date (hour 25)
        raise SkipFile(f"front matter has a value YAML cannot read ({short(e)})") from None


def from_mapping(obj: dict, *, body: str | None = None, where: str = "") -> dict:
    """A raw record from a mapping of :data:`KEYS` names (``body``: the text, if given apart)."""
    found: dict[str, tuple[int, object]] = {}
    for name, v in obj.items():
        hit = _RANK.get(str(name).lower())
        if hit is not None and v is not None:
            key, rank = hit
            if key not in found or rank < found[key][0]:
                found[key] = (rank, v)
    rec: dict = {}
    for key, names in KEYS.items():
        val = found[key][1] if key in found else None
        if isinstance(val, dict) and key == "outlet":
            val = val.get("name") or val.get("title")
        if key == "published":
            rec[key] = val
            continue
        if val is not None and not isinstance(val, str | int | float):
            raise SkipFile(f"{where}field {names[0]!r} must be text, not {type(val).__name__}")
        rec[key] = "" if val is None else str(val)
    if body is not None:
        rec["text"] = body
    if not rec["title"].strip():
        raise SkipFile(f"{where}no title")
    if not rec["text"].strip():
        raise SkipFile(f"{where}no text")
    return rec


def parse_json(text: str) -> Parsed:
    """A JSON object, a list of them, or ``{"articles": [...]}``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise SkipFile(f"not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except (ValueError, RecursionError) as e:  # nesting too deep, numbers too long
        raise SkipFile(f"JSON not accepted ({short(e)})") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    return _from_items(list(enumerate(items, 1)), unit="item", fmt="json")


def parse_jsonl(text: str) -> Parsed:
    """One JSON object per line; bad lines are left out with a warning."""
    items, warns = [], []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            items.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            warns.append(f"line {n}: not valid JSON ({e.msg}); left out")
        except (ValueError, RecursionError) as e:
            warns.append(f"line {n}: JSON not accepted ({short(e)}); left out")
    if not items:
        raise SkipFile("; ".join(warns[:3]) or "no lines")
    parsed = _from_items(items, unit="line", fmt="jsonl")
    parsed.warnings[:0] = warns
    return parsed


def _from_items(items: list[tuple[int, object]], *, unit: str, fmt: str) -> Parsed:
    records, warns = [], []
    for n, obj in items:
        if not isinstance(obj, dict):
            warns.append(f"{unit} {n}: not an object; left out")
            continue
        try:
            records.append(from_mapping(obj, where=f"{unit} {n}: "))
        except SkipFile as e:
            warns.append(f"{e.reason}; left out")
    if not records:
        raise SkipFile("; ".join(warns[:3]) or f"no {unit}s")
    return Parsed(records, warns, fmt=fmt)


def check_xml_safe(text: str) -> None:
    """Refuse XML with entity declarations or external references (billion laughs, XXE)."""
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    try:
        DET.fromstring(
            text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as e:
        raise SkipFile(
            f"unsafe XML refused ({type(e).__name__}: entity declarations or external references)"
        ) from None
    except DET.ParseError as e:
        raise SkipFile(f"not well-formed XML ({e})") from None


def parse_feed(text: str) -> Parsed:
    """An RSS or Atom feed: one record per entry with a title and a text."""
    import feedparser

    check_xml_safe(text)
    feed = feedparser.parse(
        io.BytesIO(text.encode("utf-8")), resolve_relative_uris=False, sanitize_html=True
    )
    if not feed.entries:
        raise SkipFile("feed has no entries" if feed.get("version") else "not an RSS or Atom feed")
    outlet = feed.feed.get("title", "")
    records, warns = [], []
    for n, e in enumerate(feed.entries, start=1):
        content = e["content"][0].get("value", "") if e.get("content") else ""
        summary = e.get("summary", "")
        body = html_to_text(content or summary)
        title = html_to_text(e.get("title", ""))
        if not title or not body:
            warns.append(f"entry {n}: no {'title' if not title else 'text'}; left out")
            continue
        with warnings.catch_warnings():  # feedparser's notice about its updated/published alias
            warnings.simplefilter("ignore", DeprecationWarning)
            stamp = e.get("published_parsed") or e.get("updated_parsed")
        published = pd.Timestamp(datetime(*stamp[:6], tzinfo=UTC)) if stamp else None
        records.append(record(
            outlet=outlet, url=e.get("link", ""), title=title, text=body,
            published=published if published is not None else e.get("published", None),
            lead=html_to_text(summary) if content else "",
        ))  # fmt: skip
    if not records:
        raise SkipFile("; ".join(warns[:3]))
    return Parsed(records, warns, fmt="feed")
