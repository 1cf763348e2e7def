"""Finding article files in folders, and reading a file's bytes as text (decoded once, by
:mod:`kursk.articles.decode`)."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from kursk.articles.decode import as_declared_utf8, decode
from kursk.articles.errors import SkipFile
from kursk.paths import project_root

#: Files that describe a folder rather than being articles, and the review file that sits
#: beside your articles (``reviews.csv``, read by :mod:`kursk.review`).
IGNORED_NAMES = re.compile(r"^(readme|license|licence|changelog)(\.\w+)?$|^reviews\.csv$|^\.", re.I)
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
    full, root = os.path.abspath(path), str(project_root())
    if full.startswith(root + os.sep):
        return full[len(root) + 1 :].replace(os.sep, "/")
    return Path(path).as_posix()


def read_text(path: str | os.PathLike, *, markup: str | None = None) -> tuple[str, list[str]]:
    """The file's text (line breaks as ``\\n``, NFC) and warnings about how it was read.

    The bytes are decoded once, by :func:`kursk.articles.decode.decode` (byte-order mark, for
    ``markup="xml"`` or ``"html"`` the file's own declaration, UTF-8, then detection); an XML
    declaration is made to agree (:func:`~kursk.articles.decode.as_declared_utf8`), so the
    parser reads what was decoded.
    Empty, binary and oversized files raise :class:`SkipFile`.
    """
    size = os.path.getsize(path)
    if size == 0:
        raise SkipFile("empty file")
    if size > MAX_BYTES:
        raise SkipFile(f"file too large ({size} bytes > {MAX_BYTES})")
    decoded = decode(_read_bytes(path), markup=markup)
    text = decoded.text
    if not text.strip():
        raise SkipFile("empty file (whitespace only)")
    if len(_CONTROL.findall(text, 0, 8192)) > 0.05 * min(len(text), 8192):
        raise SkipFile("binary file (control characters)")
    text = clean(text)
    return (as_declared_utf8(text, markup) if markup else text), decoded.warnings


def _read_bytes(path: str | os.PathLike) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def clean(text: str) -> str:
    """Line breaks as ``\\n``, no leading byte-order mark, Unicode NFC."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.lstrip("\ufeff")
    return text if text.isascii() else unicodedata.normalize("NFC", text)
