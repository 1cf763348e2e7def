"""HTML pages and fragments: main text and metadata of a saved page (trafilatura on an lxml
tree; no script is run), and plain text of a fragment (lxml).

A page's text comes out as the other formats' does: paragraphs separated by blank lines (so
:func:`kursk.articles.paragraphs` finds them), without the lead (``<meta name=description>``,
kept in its own column), the headline, the kicker or a "Stand: … Uhr" stamp line. Pages are
parsed with lxml's ``huge_tree`` option (nesting up to 2,048 levels rather than 256); text nested
deeper than that is lost, and the load report says so.
"""

from __future__ import annotations

import html
import re

from kursk.articles import pagemeta
from kursk.articles.decode import refuse_declarations
from kursk.articles.errors import SkipFile
from kursk.articles.records import STAMP, Parsed, is_heading, record, split_lead

#: Elements of trafilatura's output that hold one block of text each.
_BLOCKS = ("p", "head", "quote", "code", "item")
#: libxml2's nesting limit with ``huge_tree`` (without it: 256).
MAX_DEPTH = 2048
#: Blocks that point elsewhere or credit a picture rather than tell the story: related-article
#: links ("Read more: …", "Mehr zum Thema: …") and picture credits ("(Credit: …)", "Foto: …").
BOILERPLATE = re.compile(
    r"^\(?(?:read more|related|see also|more on this|lesen sie (?:auch|mehr)|mehr zum thema|"
    r"weiterlesen|читайте также|читайте також|lire aussi|à lire aussi)\s*:"
    r"|^\(?(?:credit|photo|picture|image|foto|bild|фото)\s*:[^\n]{0,120}\)?$",
    re.I,
)
_DEPTH_NOTE = (f"page nested deeper than {MAX_DEPTH} levels (the HTML parser's limit): text "
               "past that depth is left out")  # fmt: skip


def parse_tree(text: str):
    """An lxml tree of ``text`` (comments and processing instructions dropped, ``huge_tree``)
    and warnings (nesting past :data:`MAX_DEPTH`)."""
    from lxml import html as lhtml

    parser = lhtml.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True,
                              no_network=True)  # fmt: skip
    tree = lhtml.fromstring(text, parser=parser)
    deep = any("Excessive depth" in e.message for e in parser.error_log)
    return tree, [_DEPTH_NOTE] if deep else []


def parse_html(text: str) -> Parsed:
    """One record from a saved news page: title, outlet, url, date (with the time of day and
    zone where the page gives them), kicker and lead from its metadata, text from trafilatura."""
    import trafilatura
    from trafilatura.settings import set_date_params

    refuse_declarations(text, "HTML")
    tree, warns = parse_tree(text)
    meta, objects = pagemeta.read_meta(tree)
    dates = {**set_date_params(True), "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
    doc = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, deduplicate=False, date_extraction_params=dates,
    )  # fmt: skip
    if doc is None or doc.body is None:
        raise SkipFile("HTML page has no main text")
    url = meta.get("og:url") or meta.get("canonical") or doc.url or ""
    host = pagemeta.host_of(url) or pagemeta.host_of(f"http://{doc.hostname or ''}")
    outlet = pagemeta.outlet(tree, meta, objects, host, doc.sitename or "")
    title = pagemeta.title(tree, meta, doc.title or "", outlet, host)
    kicker, stamp, published = "", "", pagemeta.published(meta, objects, doc.date)
    if host.endswith(pagemeta.TAGESSCHAU_HOSTS):
        kicker, ts_title, stamp, when = pagemeta.tagesschau(tree, tree.text_content())
        title = ts_title or title
        published = when if when is not None else published
    if not title:
        raise SkipFile("HTML page has no title")
    lead = " ".join((doc.description or "").split())
    body = _body_text(doc.body, drop={title, kicker, f"{kicker} {title}", f"{title} {kicker}",
                                      stamp})  # fmt: skip
    body, lead = split_lead(body, lead)
    if not body.strip():
        raise SkipFile("HTML page has no main text")
    return Parsed([record(
        outlet=outlet, url=url,
        published=published, kicker=kicker, title=title, text=body, lead=lead,
    )], warns, fmt="html")  # fmt: skip


def _body_text(body, drop: set[str]) -> str:
    """trafilatura's output tree as text: one block per paragraph, heading, quote or list item,
    blocks separated by blank lines; blocks that only repeat the headline, kicker or stamp left
    out, and so are :data:`BOILERPLATE` blocks and headings at the end."""
    drop = {" ".join(d.split()).casefold() for d in drop if d and d.strip()}
    blocks = []
    for el in body.iter(*_BLOCKS):
        if any(a.tag in _BLOCKS for a in el.iterancestors()):
            continue  # a block inside a block: its text is in the outer one
        for lb in el.iter("lb"):
            lb.tail = "\n" + (lb.tail or "")
        lines = [" ".join(ln.split()) for ln in "".join(el.itertext()).split("\n")]
        block = "\n".join(ln for ln in lines if ln)
        flat = " ".join(block.split())
        if not flat or flat.casefold() in drop or STAMP.fullmatch(flat) or BOILERPLATE.match(flat):
            continue
        blocks.append(block)
    while blocks and is_heading(blocks[-1]):  # a heading with nothing under it ends a page
        blocks.pop()
    return "\n\n".join(blocks)


def html_to_text(fragment: str, warnings: list[str] | None = None) -> str:
    """Plain text of an HTML fragment (tags dropped, entities decoded, paragraphs kept).
    ``warnings``: a list to which a note is added when the fragment nests past
    :data:`MAX_DEPTH` (the text past it is lost)."""
    if not fragment or "<" not in fragment:
        return html.unescape(fragment or "").strip()
    try:
        doc, notes = parse_tree(f"<div>{fragment}</div>")
    except Exception:  # noqa: BLE001 - malformed fragments fall back to tag stripping
        return html.unescape(re.sub(r"<[^>]+>", " ", fragment)).strip()
    if warnings is not None:
        warnings += [n for n in notes if n not in warnings]
    for bad in doc.xpath("//script|//style"):
        bad.drop_tree()
    for br in doc.xpath("//br"):
        br.tail = "\n" + (br.tail or "")
    for p in doc.xpath("//p|//div|//li|//h1|//h2|//h3|//h4"):
        p.tail = "\n\n" + (p.tail or "")
    text = doc.text_content()
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+", " ", text)).strip()
