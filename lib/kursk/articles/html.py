"""HTML pages and fragments: main text and metadata of a page (trafilatura; no script is run),
and plain text of a fragment (lxml)."""

from __future__ import annotations

import html
import re

from kursk.articles.errors import SkipFile
from kursk.articles.records import Parsed, record

_DTD_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.I)


def parse_html(text: str) -> Parsed:
    """One record from a saved news page: title, outlet, url, date and lead from its metadata."""
    import trafilatura

    if _DTD_SUBSET.search(text[:65536]) or "<!ENTITY" in text[:65536]:
        raise SkipFile("unsafe HTML refused: a DOCTYPE with entity declarations (billion laughs, XXE)")
    body = trafilatura.extract(
        text, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
    )
    meta = trafilatura.extract_metadata(text)
    if not body or not body.strip():
        raise SkipFile("HTML page has no main text")
    title = (meta.title if meta and meta.title else "") or ""
    if not title:
        raise SkipFile("HTML page has no title")
    return Parsed([record(
        outlet=(meta.sitename or "") if meta else "", url=(meta.url or "") if meta else "",
        published=(meta.date or None) if meta else None, title=title, text=body,
        lead=(meta.description or "") if meta else "",
    )], fmt="html")  # fmt: skip


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (tags dropped, entities decoded, paragraphs kept)."""
    if not fragment or "<" not in fragment:
        return html.unescape(fragment or "").strip()
    from lxml import html as lhtml

    try:
        doc = lhtml.fromstring(f"<div>{fragment}</div>")
    except Exception:  # noqa: BLE001 - malformed fragments fall back to tag stripping
        return html.unescape(re.sub(r"<[^>]+>", " ", fragment)).strip()
    for bad in doc.xpath("//script|//style"):
        bad.drop_tree()
    for br in doc.xpath("//br"):
        br.tail = "\n" + (br.tail or "")
    for p in doc.xpath("//p|//div|//li|//h1|//h2|//h3|//h4"):
        p.tail = "\n\n" + (p.tail or "")
    text = doc.text_content()
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()
