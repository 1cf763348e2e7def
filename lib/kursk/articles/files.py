"""Finding article files in folders, and reading a file's bytes as text."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from kursk.articles.errors import SkipFile
from kursk.paths import project_root

#: Files that describe a folder rather than being articles.
IGNORED_NAMES = re.compile(r"^(readme|license|licence|changelog)(\.\w+)?$|^\.", re.I)
#: Larger files are skipped unread.
MAX_BYTES = 64 * 1024 * 1024
#: Control characters (Unicode category Cc) other than tab and line breaks.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def discover(*paths: str | os.PathLike) -> Iterator[Path]:
    """Files under ``paths`` in a stable order (folders recursively, in the order of ``sorted()``
    on their paths; hidden, README and licence files and what lies below them left out)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from _walk(p)
        elif p.exists():
            yield p
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except PermissionError:
        return
    for entry in entries:
        if IGNORED_NAMES.match(entry.name):
            continue
        path = folder / entry.name
        try:
            is_dir = entry.is_dir() and not entry.is_symlink()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path)
        elif entry.is_file():
            yield path


def display_path(path: str | os.PathLike) -> str:
    """The path relative to the checkout when inside it (so outputs carry no machine paths)."""
    try:
        return Path(os.path.abspath(path)).relative_to(project_root()).as_posix()
    except (ValueError, FileNotFoundError):
        return Path(path).as_posix()


def read_text(path: str | os.PathLike) -> tuple[str, list[str]]:
    """The file's text (line breaks as ``\\n``, NFC) and warnings about how it was read.

    Byte-order marks are honoured, UTF-8 is tried first, then the best legacy guess by
    charset-normalizer. Empty, binary and oversized files raise :class:`SkipFile`.
    """
    size = os.path.getsize(path)
    if size == 0:
        raise SkipFile("empty file")
    if size > MAX_BYTES:
        raise SkipFile(f"file too large ({size} bytes > {MAX_BYTES})")
    with open(path, "rb") as f:
        raw = f.read()
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return clean(raw.decode(enc)), []
            except UnicodeDecodeError as e:
                raise SkipFile(f"not valid {enc} despite its byte-order mark ({e.reason})") from None
    if raw.find(b"\x00", 0, 8192) >= 0:
        raise SkipFile("binary file (NUL bytes)")
    warns = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        cut = len(raw) - e.start
        if e.reason == "unexpected end of data" and (cut > 1 or not raw[: e.start].isascii()):
            # valid UTF-8 up to a character cut off at the end: a truncated file
            text = raw[: e.start].decode("utf-8")
            warns.append(f"file ends inside a UTF-8 character (truncated?); last {cut} byte(s) left out")
        else:
            text = _decode_legacy(raw)
    if not text.strip():
        raise SkipFile("empty file (whitespace only)")
    if len(_CONTROL.findall(text, 0, 8192)) > 0.05 * min(len(text), 8192):
        raise SkipFile("binary file (control characters)")
    return clean(text), warns


def _decode_legacy(raw: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r"])
    guess = best.best()
    if guess is None:
        raise SkipFile("not text: no encoding fits (binary file?)")
    enc = guess.encoding
    # a file that is valid Western-European is read as cp1252 (a superset of latin-1 for text)
    if enc in ("latin_1", "iso8859_15"):
        enc = "cp1252"
    try:
        return raw.decode(enc)
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def clean(text: str) -> str:
    """Line breaks as ``\\n``, no leading byte-order mark, Unicode NFC."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.lstrip("\ufeff")
    return text if text.isascii() else unicodedata.normalize("NFC", text)
