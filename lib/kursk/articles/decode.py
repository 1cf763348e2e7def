"""Bytes to text, once, before any parser sees the file.

One decision per file, in this order (the first that applies wins):

1. a byte-order mark (UTF-8, UTF-16 or UTF-32, either byte order);
2. markup (feeds, XML, HTML) without one: UTF-16 or UTF-32 recognised from the first ``<`` as the
   XML specification's appendix F describes;
3. the encoding the file declares, for markup only: the XML declaration
   (``<?xml … encoding="…"?>``), then for HTML a ``<meta charset>`` or ``http-equiv`` tag;
4. UTF-8;
5. the best guess of charset-normalizer among :data:`LEGACY` (the legacy encodings of the story's
   languages and of the others news archives hold).

A declaration that names an unknown encoding, or one the bytes are not in, is passed over with a
warning. Names are read as browsers read them (WHATWG): ``iso-8859-1`` and ``us-ascii`` as
windows-1252, ``gb2312`` as GB18030, ``euc-kr`` as its superset windows-949, ``shift_jis`` as
windows-932. The parsers then get text whose declaration agrees with it: :func:`as_declared_utf8`
rewrites an XML declaration to say UTF-8 (feeds are handed on as UTF-8 bytes) and leaves it out
of HTML (parsed as str). A ``<meta charset>`` needs no change: lxml ignores it in a str.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from kursk.articles.errors import SkipFile

#: Byte-order marks, longest first (a UTF-32 LE mark begins like a UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)  # fmt: skip
#: How markup without a byte-order mark begins in UTF-32 and UTF-16 ("<" then any ASCII).
_WIDE_MARKUP = (
    (re.compile(rb"\A\x00\x00\x00<\x00\x00\x00[\x01-\x7f]"), "utf-32-be"),
    (re.compile(rb"\A<\x00\x00\x00[\x01-\x7f]\x00\x00\x00"), "utf-32-le"),
    (re.compile(rb"\A\x00<\x00[\x01-\x7f]"), "utf-16-be"),
    (re.compile(rb"\A<\x00[\x01-\x7f]\x00"), "utf-16-le"),
)
#: Legacy encodings detection chooses among, in the order preferred when two fit equally well.
LEGACY = (
    "cp1252", "cp1251", "koi8_r", "koi8_u", "cp949", "cp932", "euc_jp", "gb18030", "big5",
    "cp1250", "iso8859_2", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp874",
)  # fmt: skip
#: Declared names read as browsers read them (WHATWG Encoding Standard): the superset wins.
ALIASES = {
    "iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874",
    "tis-620": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949",
    "shift_jis": "cp932", "big5": "big5hkscs",
}  # fmt: skip
#: Labels browsers know that Python's codecs do not.
_LABELS = {"windows-874": "cp874", "x-sjis": "cp932", "x-euc-jp": "euc_jp",
           "x-mac-roman": "mac-roman", "x-mac-cyrillic": "mac-cyrillic"}
#: Single-byte encodings a declaration may wrongly claim for a file that is really UTF-8.
_SINGLE_BYTE = re.compile(r"^(cp125\d|iso8859-\d+|koi8-[ru]|mac-\w+|cp874)$")
_XML_DECL = re.compile(r"\A(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)([\"'])([^\"']*)\2", re.I)
_XML_DECL_BYTES = re.compile(rb"\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([^\"']{1,40})[\"']", re.I)
_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I
)  # also matches content="text/html; charset=…"
#: How far into a page a ``<meta charset>`` is looked for.
META_SCAN = 8192


@dataclass
class Decoded:
    """A file's text, the encoding it was read in (a codec name), and warnings about reading it."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def codec_name(name: str) -> str | None:
    """The codec a declared encoding name stands for, read as browsers do; None if unknown."""
    name = _LABELS.get(name.strip().lower(), name.strip())
    try:
        canonical = codecs.lookup(name).name
    except (LookupError, ValueError):
        return None
    return ALIASES.get(canonical, canonical)


def decode(raw: bytes, *, markup: str | None = None) -> Decoded:
    """The text of ``raw``. ``markup``: ``"xml"`` or ``"html"`` to honour the file's own
    declaration (and recognise BOM-less UTF-16/32); None for plain text, JSON and Markdown.

    Raises :class:`SkipFile` for binary data (NUL bytes without a wide encoding) and bytes no
    encoding fits.
    """
    for bom, enc in BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom):], enc, f"{enc} (byte-order mark)")
    if markup:
        for pattern, enc in _WIDE_MARKUP:
            if pattern.match(raw):
                return _strict(raw, enc, f"{enc} (no byte-order mark)")
    if raw.find(b"\x00", 0, 8192) >= 0:
        raise SkipFile("binary file (NUL bytes)")
    warns: list[str] = []
    if markup:
        declared, where = _declared(raw, markup)
        if declared:
            enc = codec_name(declared)
            if enc is None:
                warns.append(f"declared encoding {declared!r} ({where}) is unknown; detected instead")
            elif enc.startswith(("utf-16", "utf-32")):
                pass  # a wide encoding declared in single-byte text is a copying mistake
            elif enc != "utf-8" and _SINGLE_BYTE.match(enc) and _is_utf8_with_non_ascii(raw):
                warns.append(f"declared {declared!r} ({where}) but the bytes are UTF-8; read as UTF-8")
            else:
                try:
                    return Decoded(raw.decode(enc), enc, warns)
                except UnicodeDecodeError:
                    warns.append(f"declared {declared!r} ({where}) but the bytes are not in it; "
                                 "detected instead")  # fmt: skip
    return _utf8_or_legacy(raw, warns)


def _strict(raw: bytes, enc: str, what: str) -> Decoded:
    try:
        return Decoded(raw.decode(enc), enc)
    except UnicodeDecodeError as e:
        text = raw.decode(enc, errors="replace")
        bad = text.count("\ufffd")
        if bad > max(8, len(text) // 100):
            raise SkipFile(f"not valid {what}: {e.reason} at byte {e.start}") from None
        return Decoded(text, enc, [f"{bad} byte sequence(s) not valid {what} replaced by U+FFFD"])


def _declared(raw: bytes, markup: str) -> tuple[str, str]:
    """The encoding name the file declares, and where (XML declaration or meta tag)."""
    m = _XML_DECL_BYTES.match(raw[:1024])
    if m:
        return m.group(1).decode("ascii", "replace"), "XML declaration"
    if markup == "html":
        m = _META_CHARSET.search(raw, 0, META_SCAN)
        if m:
            return m.group(1).decode("ascii", "replace"), "meta charset"
    return "", ""


def _is_utf8_with_non_ascii(raw: bytes) -> bool:
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf8_or_legacy(raw: bytes, warns: list[str]) -> Decoded:
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", warns)
    except UnicodeDecodeError as e:
        cut = len(raw) - e.start
        if e.reason == "unexpected end of data" and (cut > 1 or not raw[: e.start].isascii()):
            # valid UTF-8 up to a character cut off at the end: a truncated file
            warns.append(f"file ends inside a UTF-8 character (truncated?); last {cut} byte(s) "
                         "left out")  # fmt: skip
            return Decoded(raw[: e.start].decode("utf-8"), "utf-8", warns)
    enc = guess_legacy(raw)
    if enc is None:
        raise SkipFile("not text: no encoding fits (binary file?)")
    try:
        return Decoded(raw.decode(enc), enc, warns)
    except UnicodeDecodeError:  # a guess from a sample that the whole file does not bear out
        return Decoded(raw.decode("cp1252", errors="replace"), "cp1252",
                       [*warns, f"not valid {enc} throughout; read as windows-1252"])


def guess_legacy(raw: bytes) -> str | None:
    """The legacy encoding of ``raw`` (not UTF-8) by charset-normalizer among :data:`LEGACY`: of
    the candidates that read the bytes about as cleanly as the best, the one earliest in LEGACY."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw, cp_isolation=list(LEGACY)))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    fits = set()
    for m in matches:
        if m.chaos <= best + 0.02:
            fits.update(codec_name(c) or c for c in (m.encoding, *m.could_be_from_charset))
    rank = {codec_name(c): i for i, c in enumerate(LEGACY)}
    return min(fits, key=lambda c: rank.get(c, len(rank)))


def as_declared_utf8(text: str, markup: str = "xml") -> str:
    """``text`` with its XML declaration (if any) agreeing with a parser that gets the text as
    UTF-8 bytes or as str: for XML it says ``encoding="utf-8"``; for HTML (lxml refuses a str
    that declares an encoding) it is left out."""
    m = _XML_DECL.match(text)
    if m is None:
        return text
    if markup == "html":
        end = text.find("?>", m.end())
        return text[: len(m.group(1)) - len(m.group(1).lstrip())] + text[end + 2 :] if end >= 0 else text
    if m.group(3).strip().lower() in ("utf-8", "utf8"):
        return text
    return f"{m.group(1)}{m.group(2)}utf-8{m.group(2)}{text[m.end():]}"


#: A document type declaration: its name and external id, and its internal subset if any.
_DOCTYPE = re.compile(r"<!DOCTYPE\b(?P<head>[^\[>]*)(?:\[(?P<subset>.*?)\]\s*)?>", re.I | re.S)
_EXTERNAL_ID = re.compile(r"\b(?:SYSTEM|PUBLIC\s+(?P<q>[\"'])[^\"']*(?P=q))\s*([\"'])(?P<uri>[^\"']*)\2", re.I)
#: System identifiers a document type may name without being refused (never fetched).
_HARMLESS_DTD = re.compile(r"^(https?://|about:legacy-compat$)", re.I)
#: How far into a file declarations are looked for.
PROLOG_SCAN = 65536


def refuse_declarations(text: str, what: str = "XML") -> None:
    """Refuse markup that declares entities or names a local external DTD (billion laughs,
    XXE): :class:`SkipFile` naming what was found. A document type without declarations (an
    inline SVG's empty subset ``<!DOCTYPE svg [ ]>``, an XHTML doctype naming the W3C's DTD by
    its http address) is fine: no parser here fetches a DTD."""
    head = text[:PROLOG_SCAN]
    if "<!ENTITY" in head.upper():
        raise SkipFile(f"unsafe {what} refused: entity declarations (billion laughs, XXE)")
    for m in _DOCTYPE.finditer(head):
        subset = re.sub(r"<!--.*?-->", "", m.group("subset") or "", flags=re.S)
        if re.search(r"%[\w.:-]+;", subset):
            raise SkipFile(f"unsafe {what} refused: a DOCTYPE with parameter entities (XXE)")
        ext = _EXTERNAL_ID.search(m.group("head"))
        if ext and not _HARMLESS_DTD.match(ext.group("uri").strip()):
            raise SkipFile(f"unsafe {what} refused: a DOCTYPE naming a local external DTD "
                           f"({ext.group('uri')[:40]!r})")
