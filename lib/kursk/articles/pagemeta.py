"""What a saved news page says about itself: publication time (with time of day and zone where
given), outlet, title, and for tagesschau (the seed's outlet) the kicker, title and "Stand: … Uhr"
stamp printed on the page. Read from the page's lxml tree; trafilatura's metadata is the fallback.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from urllib.parse import urlsplit

import pandas as pd

from kursk.articles.records import STAMP, stamp_time

#: Where a page gives its publication time, most trusted first: ``<meta>`` names (name, property
#: or itemprop) and JSON-LD keys; a ``<meta name=date>`` or ``DC.date`` is often the last change,
#: so it comes after JSON-LD's ``datePublished``; the first ``<time>`` element is the last resort.
DATE_SOURCES = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "parsely-pub-date", "sailthru.date", "pubdate", "og:pubdate", "publishdate", "publish-date",
    "dc.date.issued", "dcterms.issued", "ld:datePublished", "ld:dateCreated", "dc.date",
    "dcterms.date", "dcsext.articlefirstpublished", "date", "ld:uploadDate", "time",
)  # fmt: skip
_DATETIME = re.compile(
    r"^\s*(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    r"\s*(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
)
#: Site names that are no outlet's name (a URL, punctuation alone).
_NOT_AN_OUTLET = re.compile(r"^(https?://|www\.)|^\W*$", re.I)
#: Hosts of tagesschau, whose pages carry the kicker, title and stamp the seed's format has.
TAGESSCHAU_HOSTS = ("tagesschau.de",)


def read_meta(tree) -> tuple[dict[str, str], list[dict]]:
    """The page's ``<meta>`` values by lower-case name/property/itemprop (first wins), and its
    JSON-LD objects (``@graph`` flattened)."""
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or ""
        value = el.get("content")
        if key and value and value.strip():
            meta.setdefault(key.strip().lower(), value.strip())
    for el in tree.xpath("//*[@itemprop][@content or @datetime]"):
        if el.get("itemprop", "").lower() == "datepublished" and el.tag != "meta":
            meta.setdefault("datepublished", (el.get("content") or el.get("datetime")).strip())
    times = [t.get("datetime").strip() for t in tree.iter("time") if t.get("datetime")]
    if times:  # the page's first <time>: the last resort, if it falls on the publication day
        meta.setdefault("time", times[0])
    for el in tree.iter("link"):
        if el.get("rel", "").lower() == "canonical" and el.get("href"):
            meta.setdefault("canonical", el.get("href").strip())
    objects: list[dict] = []
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() == "application/ld+json" and el.text:
            try:
                data = json.loads(el.text)
            except (ValueError, RecursionError):
                continue
            _flatten(data, objects, 0)
    return meta, objects


def _flatten(data, out: list[dict], depth: int) -> None:
    if depth > 4:
        return
    if isinstance(data, list):
        for d in data[:50]:
            _flatten(d, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        if isinstance(data.get("@graph"), list):
            _flatten(data["@graph"], out, depth + 1)


def published(meta: dict[str, str], objects: list[dict], fallback: str | None) -> str | None:
    """The publication time as the page gives it: the first stamp with a time of day among
    :data:`DATE_SOURCES` that falls on (or beside) the page's publication day, else that
    day alone. ``fallback``: trafilatura's (htmldate's) reading, used where the page's metadata
    has no time (htmldate writes midnight without a zone for a date alone: not a time)."""
    found = []
    for key in DATE_SOURCES:
        if key.startswith("ld:"):
            found += [o[key[3:]] for o in objects if isinstance(o.get(key[3:]), str)]
        elif key in meta:
            found.append(meta[key])
    page = [m for m in (_DATETIME.match(v) for v in found) if m]
    fb = _DATETIME.match(fallback) if fallback else None
    if fb and not fb.group("zone") and (fb.group("time") or "").startswith("00:00"):
        fb = _DATETIME.match(fb.group("date"))
    first = page[0] if page else fb
    if first is None:
        return None
    day = pd.Timestamp(first.group("date"))
    for m in [*page, fb]:
        if m is not None and m.group("time") and abs((pd.Timestamp(m.group("date")) - day).days) <= 1:
            return m.group(0).strip()
    return first.group("date")


@lru_cache(maxsize=1)
def known_outlets() -> dict[str, str]:
    """Host (without ``www.``) -> outlet name, from the outlets of ``data/entities.csv``."""
    try:
        from kursk.data import load_entities

        ents = load_entities()
    except (FileNotFoundError, ValueError, ImportError):
        return {}
    out: dict[str, str] = {}
    outlets = ents[ents["type"].astype(str) == "outlet"]
    for name, url in zip(outlets["name"], outlets["url"], strict=True):
        host = host_of(str(url)) if str(url).startswith("http") else ""
        if host and not host.endswith("wikipedia.org"):
            out.setdefault(host, str(name))
    return out


def host_of(url: str) -> str:
    """The host of ``url``, lower case, without ``www.``, ``edition.``, ``m.`` and the like."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return re.sub(r"^(www\d?|edition|en|m|amp)\.", "", host.lower())


def outlet_by_host(host: str) -> str:
    """The known outlet whose site is ``host`` or a parent of it ("" if none)."""
    known = known_outlets()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = known.get(".".join(parts[i:]))
        if name:
            return name
    return ""


def outlet(tree, meta: dict[str, str], objects: list[dict], host: str, sitename: str) -> str:
    """The outlet: the known outlet of the page's host (``data/entities.csv``), else the page's
    ``og:site_name``, its publisher's name (JSON-LD or microdata), ``application-name``,
    trafilatura's site name (unless it is only the page's Twitter handle), else the host."""
    named = [outlet_by_host(host), meta.get("og:site_name", "")]
    named += [str(o["publisher"].get("name", "")) for o in objects
              if isinstance(o.get("publisher"), dict)]
    named += [el.get("content") or el.text_content() for el in
              tree.xpath("//*[@itemprop='publisher']//*[@itemprop='name']")[:1]]
    named.append(meta.get("application-name", ""))
    handle = _alnum(meta.get("twitter:site", ""))
    if sitename and _alnum(sitename) != handle:
        named.append(sitename)
    for n in named:
        n = " ".join(str(n).split())
        if n and not _NOT_AN_OUTLET.search(n):
            return n
    return host


def _alnum(s: str) -> str:
    return re.sub(r"\W|_", "", s).casefold()


#: A title's last part after " | ", " - ", " – ", " — " or " · ".
_TITLE_TAIL = re.compile(r"\s+[|\-–—·:]{1,2}\s+(?P<tail>[^|–—·]{1,60})$")
_DATE_LIKE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}")


def strip_site(title: str, names: list[str], host: str) -> str:
    """``title`` without trailing parts that name the site or give a date ("… | DW | 23.05.2011",
    "… | The Japan Times")."""
    keys = {_alnum(n) for n in names if len(_alnum(n)) >= 2}
    labels = {lab for lab in host.split(".")[:-1] if len(lab) >= 2}
    while True:
        m = _TITLE_TAIL.search(title)
        if m is None or m.start() < 10:
            return title
        tail = _alnum(m.group("tail"))
        site = tail in keys or tail in labels or any(
            len(k) >= 4 and (k in tail or tail in k) for k in keys | labels)
        if not (site or _DATE_LIKE.fullmatch(m.group("tail").strip())):
            return title
        title = title[: m.start()].rstrip()


def _flat(s: str | None) -> str:
    return " ".join((s or "").split())


def title(tree, meta: dict[str, str], extracted: str, outlet: str, host: str) -> str:
    """The headline: trafilatura's when the page's own title, ``og:title`` or ``h1`` bears it out
    (a CMS name such as "escenic" does not), else the first ``h1``, ``og:title`` or ``<title>``;
    without a trailing site name or date (:func:`strip_site`)."""
    h1 = next((_flat(h.text_content()) for h in tree.iter("h1") if _flat(h.text_content())), "")
    head_title = next((_flat(t.text_content()) for t in tree.iter("title")), "")
    others = [h1, _flat(meta.get("og:title")), _flat(meta.get("twitter:title")), head_title]
    t = _flat(extracted)
    if not (t and (not any(others) or any(t.casefold() in o.casefold() for o in others if o))):
        t = next((o for o in others if o and len(o) < 400), t)
    return strip_site(t, [outlet, meta.get("og:site_name", "")], host)


def tagesschau(tree, text_content: str) -> tuple[str, str, str, pd.Timestamp | None]:
    """A tagesschau page's kicker ("Dachzeile"/"topline"), title and stamp line, and the stamp's
    time (Europe/Berlin), read where the page prints them ("" / None where missing)."""
    kicker = title_ = ""
    for h in tree.iter("h1"):
        for el in h.iter():
            cls = (el.get("class") or "").lower()
            if not kicker and ("topline" in cls or "dachzeile" in cls):
                kicker = _flat(el.text_content())
            elif not title_ and "headline" in cls and el is not h:
                title_ = _flat(el.text_content())
        if kicker or title_:
            break
    m = STAMP.search(text_content)
    try:
        when = stamp_time(m) if m else None
    except ValueError:  # a stamp that is no date (31.02.)
        when = None
    return kicker, title_, (m.group(0) if m else ""), when
