"""Articles from files of every format as one pandas frame, plus its companion frames.

``load_articles(*paths)`` reads files or folders (recursively) and returns one row per article:

``article_id, outlet, url, language, published, kicker, title, lead, text, n_words, path, format``

Formats, chosen by extension and content:

* the seed's format (``.txt``): a first line ``date YYYY-MM <kicker> <title> Stand: DD.MM.YYYY
  HH:MM Uhr``, then paragraphs separated by blank lines; short lines without end punctuation are
  section headings. The "Stand: … Uhr" stamp is tagesschau's, so the outlet is ``tagesschau``
  unless ``outlet=`` says otherwise; the time is Europe/Berlin. The kicker is recognised from
  :data:`KNOWN_KICKERS` (pass ``kickers=`` to add more); without a match the kicker is empty.
* Markdown or plain text with a YAML front matter (``title``, ``outlet``, ``url``, ``published``,
  ``language``, optional ``kicker``, ``lead``); without front matter the first line is the title.
* JSON (an object or a list of objects) and JSON Lines (one article per line), with the same keys
  (``text``/``body``/``content`` for the text, ``date`` for ``published``, ``source`` for ``outlet``).
* HTML pages (main text and metadata by trafilatura; no script is run).
* RSS and Atom feeds (feedparser, after defusedxml has refused entity declarations).

Every file seen gets one row in ``df.attrs["load_report"]`` (path, status ``loaded``, ``skipped``
or ``duplicate``, reason, articles, warnings), so files in = loaded + skipped + duplicates.
``strict=True`` raises :class:`ArticleError` naming the file and the reason instead of skipping.

Duplicates: an article whose ``article_id`` or normalised text (case, Unicode form and whitespace
ignored) was already loaded is left out, file by file in load order (:class:`Deduplicator`, shared
with the Dask path); a file all of whose articles are duplicates is reported as ``duplicate``.

Hostile input: XML and HTML with entity declarations are refused (billion laughs, XXE); JSON
that is nested too deeply or holds over-long numbers, truncated UTF-8, unpaired surrogates and
implausible dates are skipped or repaired with a warning in the report (an error in strict mode).

Scale: ``engine="dask"`` (see :mod:`kursk.scale`) parses batches of files on a Dask cluster with
the same functions; :func:`to_parquet` / :func:`read_parquet` store a corpus with its dtypes. The
pandas path keeps the articles column by column (texts as UTF-8 bytes), orders them, and only then
builds the Arrow columns, letting each text go as it is copied: no sorted or concatenated copy of
the frame is ever made. Plain ``key: value`` front matter is read without PyYAML's parser, by
PyYAML's own resolver and constructors (anything else goes to PyYAML).

Batches: both engines parse files :data:`BATCH_FILES` at a time (:func:`_parse_batch`). A file
that the per-file parser would load without any warning (UTF-8 Markdown with plain front matter,
an ISO UTC date and text that Unicode normalisation leaves alone) is checked and parsed together
with the rest of its batch by ``pyarrow.compute``; every other file goes through the per-file
parser. Both ways give the same rows, keys and report. Python's cyclic garbage collector is
paused while a batch is parsed (:func:`gc_paused`).

Companion frames, each keyed by ``article_id``: :func:`paragraphs`, :func:`sentences`,
:func:`quotes`, :func:`mentions`.
"""

from __future__ import annotations

import gc
import hashlib
import html
import io
import json
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from kursk.paths import project_root

if TYPE_CHECKING:  # for annotations only: dask is imported when engine="dask" is used
    import dask.dataframe as dd

COLUMNS = [
    "article_id",
    "outlet",
    "url",
    "language",
    "published",
    "kicker",
    "title",
    "lead",
    "text",
    "n_words",
    "path",
    "format",
]
REPORT_COLUMNS = ["path", "status", "reason", "articles", "warnings"]

#: Topic labels ("Dachzeilen") that tagesschau prints above a title, longest first when matching.
KNOWN_KICKERS = (
    "Krieg gegen die Ukraine",
    "Russlands Krieg gegen die Ukraine",
    "Russischer Angriffskrieg",
    "Krieg in der Ukraine",
    "Ukraine-Krieg",
    "Krieg in Nahost",
    "Nahost-Konflikt",
    "Nordkorea",
    "Südkorea",
    "Liveblog",
    "Exklusiv",
    "Analyse",
    "Kommentar",
    "Interview",
)
#: Outlets recognised from a stamp in the seed's header line.
STAMP_OUTLETS = {"Stand:": "tagesschau"}
#: Languages the detector chooses among.
LANGUAGES = ("de", "en", "ru", "uk", "ko", "fr", "es")
#: Files that describe a folder rather than being articles.
IGNORED_NAMES = re.compile(r"^(readme|license|licence|changelog)(\.\w+)?$|^\.", re.I)
TEXT_EXTS = {".txt", ".text", ".md", ".markdown"}
JSON_EXTS = {".json"}
JSONL_EXTS = {".jsonl", ".ndjson"}
HTML_EXTS = {".html", ".htm"}
FEED_EXTS = {".xml", ".rss", ".atom", ".feed"}
MAX_BYTES = 64 * 1024 * 1024
TQDM_THRESHOLD = 300
#: Texts copied into one Arrow chunk at a time while the frame is built (each let go once copied).
TEXT_CHUNK = 500
#: Freed memory is handed back to the system after about this many bytes of text are copied (or
#: an eighth of the text copied so far, if more).
TRIM_BYTES = 2 << 20
#: Files read and parsed together by :func:`_parse_batch` (their bytes are held at once).
BATCH_FILES = 250
#: Files of this size or larger are left to the per-file path.
BULK_BYTES = 1 << 18
EARLIEST = pd.Timestamp("2000-01-01", tz="UTC")
STUDY_START = pd.Timestamp("2024-01-01", tz="UTC")

_SEED_HEADER = re.compile(
    r"^\s*date\s+(?P<month>\d{4}-\d{2})\s+(?P<head>.+?)\s+(?P<stamp>Stand:)\s*"
    r"(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})\s+(?P<hh>\d{1,2}):(?P<mm>\d{2})\s*Uhr\s*$"
)
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_END_PUNCT = tuple(".!?:;…")
#: Control characters (Unicode category Cc) other than tab and line breaks.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _yaml_loader():
    """PyYAML's safe loader, in C (libyaml) when available: same rules, several times faster."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ArticleError(ValueError):
    """A file that cannot be read as an article (raised in strict mode)."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self):
        # rebuilt from (path, reason) when it crosses a process boundary (Dask workers)
        return (type(self), (self.path, self.reason))


class _Skip(Exception):
    """Internal: this file is skipped for ``reason``."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class _Parsed:
    records: list[dict]
    warnings: list[str] = field(default_factory=list)
    fmt: str = ""


# --------------------------------------------------------------------------- public API


def load_articles(
    *paths: str | os.PathLike,
    strict: bool = False,
    outlet: str | None = None,
    language: str | None = None,
    kickers: Iterable[str] = (),
    progress: bool | None = None,
    engine: str = "pandas",
    **engine_options,
) -> pd.DataFrame | tuple[dd.DataFrame, pd.DataFrame]:
    """One row per article from files or folders (recursively); see the module docstring.

    ``outlet`` and ``language`` override what the files say or the detector finds.
    ``engine="dask"`` returns ``(ddf, load_report)``: a Dask DataFrame built from the same
    per-file parser and de-duplication, and the load report as a pandas frame (computed eagerly,
    since Dask frames carry no ``attrs``); options ``client``, ``scheduler_address``,
    ``npartitions`` and ``persist`` go to :func:`kursk.scale.load_articles_dask`.
    """
    if engine == "dask":
        from kursk import scale

        return scale.load_articles_dask(
            list(_discover_shown(*paths)),
            strict=strict,
            outlet=outlet,
            language=language,
            kickers=tuple(kickers),
            **engine_options,
        )
    if engine != "pandas":
        raise ValueError(f"unknown engine {engine!r}: use 'pandas' or 'dask'")
    files = list(_discover_shown(*paths))
    show = len(files) > TQDM_THRESHOLD if progress is None else progress
    report: list[tuple] = []
    dedup = Deduplicator(strict=strict)
    kept = _Columns()
    options = {"strict": strict, "outlet": outlet, "language": language, "kickers": tuple(kickers)}
    bar = None
    if show:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(files), desc="articles", unit="file")
    for start in range(0, len(files), BATCH_FILES):
        part = files[start : start + BATCH_FILES]
        files[start : start + BATCH_FILES] = [None] * len(part)  # each path let go once read
        with gc_paused():
            batch = _parse_batch(part, **options)
            keep, rows = dedup.add_files(batch.keys, batch.reports)
            report.extend(rows)
        batch.raise_error()
        with gc_paused():
            batch.add_to(kept, keep)
        if bar is not None:
            bar.update(len(part))
    if bar is not None:
        bar.close()
    del files, dedup
    df = kept.frame()
    df.attrs["load_report"] = _report_frame(report)
    return df


def _report_frame(rows: list[tuple]) -> pd.DataFrame:
    """Load-report rows (tuples in :data:`REPORT_COLUMNS` order) as the frame ``pd.DataFrame(rows,
    columns=REPORT_COLUMNS)`` gives, with Arrow-backed strings."""
    if not rows:
        return pd.DataFrame(rows, columns=REPORT_COLUMNS)
    import pyarrow as pa

    str_dtype = pd.StringDtype("pyarrow", na_value=np.nan)
    pool = pa.system_memory_pool()
    cols = {}
    for j, c in enumerate(REPORT_COLUMNS):
        vals = [r[j] for r in rows]
        if c == "articles":
            cols[c] = pd.Series(np.array(vals, "int64"))
        else:
            arr = pa.chunked_array([pa.array(vals, pa.large_string(), memory_pool=pool)])
            cols[c] = pd.Series(pd.arrays.ArrowStringArray(arr, dtype=str_dtype))
    return pd.DataFrame(cols, columns=REPORT_COLUMNS, copy=False)


class _Columns:
    """Kept articles gathered column by column (texts as UTF-8 bytes), made into the sorted frame
    at the end without a sorted copy of the whole frame."""

    def __init__(self) -> None:
        #: a lead may also be an int: the length in bytes of the start of the text that it is
        self.values: dict[str, list] = {c: [] for c in COLUMNS if c != "published"}
        self.stamps: list[int | None] = []
        self.order: np.ndarray | None = None  # set by frame()

    def add(self, rec: dict, encoded: bytes | None) -> None:
        """Append one finished record (``encoded``: its text as UTF-8, if at hand)."""
        for c, vals in self.values.items():
            vals.append(rec.get(c))
        if encoded is not None:
            self.values["text"][-1] = encoded
        self.stamps.append(_nanoseconds(rec.get("published")))

    def extend(self, columns: dict[str, list], rows: list[int]) -> None:
        """Append the finished articles at ``rows`` of ``columns`` (one list per column, texts as
        UTF-8 bytes, ``published`` as nanoseconds, a lead as str or as its length in the text)."""
        for c, vals in self.values.items():
            col = columns[c]
            vals.extend([col[j] for j in rows])
        pub = columns["published"]
        self.stamps.extend([pub[j] for j in rows])

    def frame(self) -> pd.DataFrame:
        """The typed articles frame, sorted by published (missing last), then article_id."""
        stamps, ids = self.stamps, self.values["article_id"]
        n = len(ids)
        missing = np.fromiter((s is None for s in stamps), bool, n)
        ns = np.fromiter((0 if s is None else s for s in stamps), np.int64, n)
        # a stable sort, as sorted() on (missing, published, str(article_id)) would give
        sort = np.lexsort((np.array([str(i) for i in ids], dtype=str), ns, missing))
        #: the position (in the order added) of each row of the frame
        self.order = sort
        order = sort.tolist()
        self.stamps = stamps = []
        cols: dict[str, pd.Series] = {}
        # the text first: its memory, let go as it is copied, then holds the smaller columns;
        # the lead after it, since a lead may be the start of the text
        text = None
        for c in ["text", "lead", *(c for c in COLUMNS if c not in ("text", "lead"))]:
            if c == "published":
                stamped = np.where(missing, _NAT, ns)[order]
                cols[c] = pd.Series(stamped.view("datetime64[ns]")).dt.tz_localize("UTC")
                continue
            vals = self.values.pop(c)
            if c == "n_words":
                cols[c] = pd.Series(np.array(vals, "int64")[order])
            elif c == "text":  # in chunks, so it is let go as it is copied
                text = _text_chunks(vals, order, TEXT_CHUNK)
                cols[c] = pd.Series(pd.arrays.ArrowStringArray(text))
            elif c == "lead":
                cols[c] = pd.Series(pd.arrays.ArrowStringArray(_leads(vals, order, text)))
            else:  # small: in one piece
                cols[c] = pd.Series(pd.arrays.ArrowStringArray(_text_chunks(vals, order, n or 1)))
            del vals
        return pd.DataFrame(cols, columns=COLUMNS, copy=False)


def _leads(leads: list, order: list[int], text):
    """The lead column in ``order``: each lead a str, or the length in bytes of the start of its
    text (``text``: the text column, in the same order)."""
    parts: list = []
    row = 0
    for chunk in text.chunks:
        offsets = np.frombuffer(chunk.buffers()[1], np.int64, len(chunk) + 1, chunk.offset * 8)
        data = memoryview(chunk.buffers()[2])
        for a in offsets[:-1].tolist():
            v = leads[order[row]]
            parts.append(data[a : a + v] if type(v) is int else v)
            row += 1
    return _text_chunks(parts, list(range(len(parts))), len(parts) or 1)


_NAT = np.iinfo("int64").min
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def _nanoseconds(ts) -> int | None:
    """A publication time (UTC datetime or timestamp) as nanoseconds since 1970; None if missing."""
    if ts is None:
        return None
    if type(ts) is datetime:
        return (ts - _EPOCH) // _MICROSECOND * 1000
    if pd.isna(ts):
        return None
    return pd.Timestamp(ts).value


def _text_chunks(texts: list, order: list[int], size: int):
    """The texts (UTF-8 bytes or str) in ``order`` as one Arrow column in chunks of ``size``.

    Each chunk is one joined buffer that Arrow uses in place; each text is let go once copied, and
    the freed memory is handed back to the system, so the corpus's text is never held twice over."""
    import pyarrow as pa

    chunks = []
    trim = _malloc_trim()
    copied = total = 0
    for start in range(0, len(order), size):
        part = order[start : start + size]
        vals = [texts[i] for i in part]
        for i in part:
            texts[i] = None
        vals = [v.encode("utf-8") if type(v) is str else v for v in vals]
        offsets = np.zeros(len(vals) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, vals), np.int64, len(vals)), out=offsets[1:])
        data = b"".join(vals)
        del vals
        chunk = pa.Array.from_buffers(
            pa.large_string(), len(part), [None, pa.py_buffer(offsets), pa.py_buffer(data)]
        )
        chunk.validate(full=True)  # UTF-8 and offsets, as pa.array would check
        chunks.append(chunk)
        copied += len(data)
        total += len(data)
        del data
        # each trim walks the whole heap, so they come further apart as the column grows: the
        # memory not yet handed back stays under an eighth of the text copied (or TRIM_BYTES),
        # and a corpus of N bytes needs about log(N) trims, not N / TRIM_BYTES
        if trim is not None and copied >= max(TRIM_BYTES, total >> 3):
            trim(0)
            copied = 0
    return pa.chunked_array(chunks, type=pa.large_string())


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's ``malloc_trim`` (returns freed heap pages to the system), or None elsewhere."""
    try:
        import ctypes

        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # not glibc (musl, macOS, Windows)
        return None


class Deduplicator:
    """Keeps the first article of each article_id and of each normalised text, file by file.

    Files must be fed in load order; both engines use this one rule, so they agree.
    """

    def __init__(self, *, strict: bool = False):
        self.strict = strict
        self.ids: set[str] = set()
        self.texts: set[str] = set()

    def add(self, rep: dict, keys: list[tuple[str, str]]) -> tuple[list[int], dict]:
        """Positions of the file's articles to keep (keys: article_id, text key) and its report row."""
        if not keys:
            return [], rep
        keep = []
        for i, (aid, tkey) in enumerate(keys):
            if aid in self.ids or tkey in self.texts:
                continue
            self.ids.add(aid)
            self.texts.add(tkey)
            keep.append(i)
        if not keep:
            if self.strict:
                raise ArticleError(rep["path"], "duplicate of an article already loaded")
            rep = {
                **rep,
                "status": "duplicate",
                "reason": "duplicate of an article already loaded",
                "articles": 0,
            }
        elif len(keep) < len(keys):
            rep = {
                **rep,
                "articles": len(keep),
                "warnings": _join(
                    rep["warnings"],
                    f"{len(keys) - len(keep)} duplicate article(s) in this file left out",
                ),
            }
        return keep, rep

    def add_files(
        self, keys: list[list[tuple[str, str]]], reports: list[dict | str]
    ) -> tuple[list[int], list[tuple]]:
        """:meth:`add` for consecutive files (their keys and report rows; a row given as the
        shown path alone is a file with one article, loaded without warnings): the positions of
        the articles to keep among all of theirs, and the report rows as tuples."""
        ids, texts = self.ids, self.texts
        if all(type(rep) is str for rep in reports):  # one article per file, no warnings
            new_ids = [k[0][0] for k in keys]
            new_texts = [k[0][1] for k in keys]
            id_set, text_set = set(new_ids), set(new_texts)
            if (
                len(id_set) == len(text_set) == len(keys)
                and id_set.isdisjoint(ids)
                and text_set.isdisjoint(texts)
            ):  # no duplicate among them or of an earlier article: all kept (the usual case)
                ids |= id_set
                texts |= text_set
                return list(range(len(keys))), [(rep, "loaded", "", 1, "") for rep in reports]
        keep: list[int] = []
        rows: list[tuple] = []
        offset = 0
        for file_keys, rep in zip(keys, reports, strict=True):
            if type(rep) is str:
                aid, tkey = file_keys[0]
                if aid in ids or tkey in texts:
                    _, rep = self.add(_loaded_row(rep), file_keys)
                    rows.append(tuple(rep[c] for c in REPORT_COLUMNS))
                else:
                    ids.add(aid)
                    texts.add(tkey)
                    keep.append(offset)
                    rows.append((rep, "loaded", "", 1, ""))
                offset += 1
                continue
            kept, rep = self.add(rep, file_keys)
            keep.extend([offset + i for i in kept])
            offset += len(file_keys)
            rows.append(tuple(rep[c] for c in REPORT_COLUMNS))
        return keep, rows


def _loaded_row(shown: str) -> dict:
    """The load-report row of a file with one article, loaded without warnings."""
    return {"path": shown, "status": "loaded", "reason": "", "articles": 1, "warnings": ""}


def discover(*paths: str | os.PathLike) -> Iterator[Path]:
    """Files under ``paths`` in a stable order (folders recursively; hidden and README files left out)."""
    for path, _ in _discover(*paths):
        yield Path(path)


def _discover(*paths: str | os.PathLike) -> Iterator[tuple[str, str | None]]:
    """:func:`discover` as path strings, each with its path below the folder given (None for a
    file given by itself); the order is that of ``sorted(folder.rglob("*"))``."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            top = str(p)
            base = "" if top == "." else top if top.endswith(os.sep) else top + os.sep
            found: list[str] = []
            _walk(top, "", found)
            # all paths made before any is handed on: strings made in between the caller's own
            # objects left the heap more fragmented (+2 MB at the peak of a 10k-file load)
            pairs = [(base + rel, rel) for rel in found]
            del found
            yield from pairs
        elif p.exists():
            yield str(p), None
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")


def _entry_name(entry: os.DirEntry) -> str:
    return entry.name


def _walk(folder: str, rel: str, found: list[str]) -> None:
    """The files below ``folder`` (each as ``rel`` and its path below ``folder``), as
    ``Path.rglob("*")`` finds them (symlinked folders not entered, unreadable ones left out),
    without hidden or README parts, in the order of ``sorted()`` on their paths: each folder's
    entries by name, a subfolder's files in its place (paths sort part by part)."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=_entry_name)
    except PermissionError:
        return
    ignored = IGNORED_NAMES.match
    for entry in entries:
        name = entry.name
        if ignored(name):
            continue  # neither it nor anything below it is an article
        try:
            is_dir = entry.is_dir() and not entry.is_symlink()
        except OSError:
            is_dir = False
        if is_dir:
            _walk(entry.path, rel + name + os.sep, found)
        elif entry.is_file():
            found.append(rel + name)


def _discover_shown(*paths: str | os.PathLike) -> Iterator[tuple[str, str]]:
    """:func:`discover` as (path, :func:`display_path`) pairs, each display path found once per
    folder given rather than once per file."""
    for p in paths:
        prefix = base = None
        for path, rel in _discover(p):
            if rel is None or os.sep != "/":
                yield path, display_path(Path(path))
                continue
            if prefix is None:
                base = path[: len(path) - len(rel)]
                shown = display_path(Path(base or "."))
                prefix = "" if shown == "." else shown + "/"
            # the path itself where it is shown as it is (one string, not two, per file)
            yield path, path if prefix == base else prefix + rel


def parse_file(
    path: str | os.PathLike,
    *,
    strict: bool = False,
    outlet: str | None = None,
    language: str | None = None,
    kickers: tuple[str, ...] = (),
) -> tuple[list[dict], dict]:
    """Parse one file into article records and its load-report row (the per-file unit of work)."""
    records, _, rep = _parse_file(
        path, display_path(Path(path)), strict=strict, outlet=outlet, language=language,
        kickers=kickers,
    )  # fmt: skip
    for rec in records:
        if type(rec["published"]) is datetime:
            rec["published"] = pd.Timestamp(rec["published"])
    return records, rep


def _parse_file(
    path: str | os.PathLike,
    shown: str,
    *,
    strict: bool,
    outlet: str | None,
    language: str | None,
    kickers: tuple[str, ...],
) -> tuple[list[dict], list[tuple[str, bytes | None]], dict]:
    """:func:`parse_file` for a path shown as ``shown``, with each record's duplicate key and
    UTF-8 text; ``published`` may be a UTC datetime rather than a timestamp."""
    try:
        parsed = _parse(path, kickers=kickers)
        records, extras = [], []
        warns = list(parsed.warnings)
        for rec in parsed.records:
            rec, hard, soft, extra = _finish(rec, outlet=outlet, language=language)
            if strict and (hard or parsed.warnings):
                raise _Skip("; ".join(parsed.warnings + hard))
            warns.extend(hard + soft)
            rec["path"] = shown
            rec["format"] = parsed.fmt
            records.append(rec)
            extras.append(extra)
        if not records:
            raise _Skip("no article in file")
    except _Skip as e:
        if strict:
            raise ArticleError(shown, e.reason) from None
        return [], [], {
            "path": shown,
            "status": "skipped",
            "reason": e.reason,
            "articles": 0,
            "warnings": "",
        }
    return records, extras, {
        "path": shown,
        "status": "loaded",
        "reason": "",
        "articles": len(records),
        "warnings": _join(*dict.fromkeys(warns)) if warns else "",
    }


# --------------------------------------------------------------------------- files in batches


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused for a block (as it was before, after it).

    A batch makes thousands of short-lived objects that hold no cycles; each of the collections
    they trigger walks every object of the process, and in a notebook kernel or a Dask worker
    that is several hundred thousand. Nothing is kept longer: reference counting still frees
    every object at once, and cycles are collected after the block.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()



class _Batch:
    """Files parsed together: per file its duplicate keys and load-report row, the articles in
    file order (finished records, or rows of columns read in bulk), and the first error raised."""

    def __init__(self) -> None:
        self.keys: list[list[tuple[str, str]]] = []
        #: a report row, or the shown path alone for a file read in bulk (one article, loaded
        #: without warnings), as :meth:`Deduplicator.add_files` takes them
        self.reports: list[dict | str] = []
        self.records: list[tuple[dict, bytes | None]] = []
        self.columns: dict[str, list] = {}
        #: each article in file order: its row in ``columns``, or -1 - its position in ``records``
        self.where: list[int] = []
        #: the error that stopped the parsing, raised by raise_error once the files before it
        #: (``len(keys)`` of them) are handled, so errors come in file order
        self.error: BaseException | None = None

    def raise_error(self) -> None:
        """Raise the error met while parsing, if any."""
        if self.error is not None:
            raise self.error

    def records_in_order(self) -> list[dict]:
        """Every article as the record :func:`_parse_file` gives (``published`` a datetime)."""
        cols, out = self.columns, []
        for j in self.where:
            if j < 0:
                out.append(self.records[-1 - j][0])
                continue
            rec = {c: cols[c][j] for c in COLUMNS}
            text = rec["text"]
            lead = rec["lead"]
            rec["text"] = text.decode("utf-8")
            rec["lead"] = text[:lead].decode("utf-8") if type(lead) is int else lead
            rec["published"] = _EPOCH + timedelta(microseconds=rec["published"] // 1000)
            out.append(rec)
        return out

    def report_rows(self) -> list[dict]:
        """Each file's load-report row before de-duplication."""
        return [_loaded_row(r) if type(r) is str else r for r in self.reports]

    def add_to(self, kept: _Columns, positions: Iterable[int]) -> list[int]:
        """Append the articles at ``positions`` (in file order) to ``kept``; the positions in the
        order they were appended (those parsed file by file first, then those read in bulk)."""
        rows, added, bulk = [], [], []
        for p in positions:
            j = self.where[p]
            if j >= 0:
                rows.append(j)
                bulk.append(p)
            else:
                kept.add(*self.records[-1 - j])
                added.append(p)
        if rows:
            kept.extend(self.columns, rows)
        return added + bulk


def _parse_batch(
    files: list[tuple[str, str]],
    *,
    strict: bool,
    outlet: str | None,
    language: str | None,
    kickers: tuple[str, ...],
) -> _Batch:
    """:func:`_parse_file` for each (path, shown path) of ``files``: plain front-matter files in
    bulk (:func:`_plain_rows`), every other file by :func:`_parse_file`; the results are the same.
    Parsing stops at the first error, kept for :meth:`_Batch.raise_error`."""
    batch = _Batch()
    rows, batch.columns = _plain_rows([p for p, _ in files], outlet=outlet, language=language)
    cols = batch.columns
    ids, keys, paths = cols.get("article_id"), cols.get("key"), cols.get("path")
    for (path, shown), j in zip(files, rows.tolist(), strict=True):
        if j >= 0:
            batch.keys.append([(ids[j], keys[j])])
            batch.reports.append(shown)
            paths[j] = shown
            batch.where.append(j)
            continue
        try:
            recs, extras, rep = _parse_file(
                path, shown, strict=strict, outlet=outlet, language=language, kickers=kickers
            )
        except Exception as e:  # noqa: BLE001 - raised again in file order by raise_error
            batch.error = e
            break
        batch.keys.append([(r["article_id"], x[0]) for r, x in zip(recs, extras, strict=True)])
        batch.reports.append(rep)
        for rec, extra in zip(recs, extras, strict=True):
            batch.where.append(-1 - len(batch.records))
            batch.records.append((rec, extra[1]))
    return batch


#: Patterns of the bulk path (RE2 syntax, for :mod:`pyarrow.compute`).
_BULK = {
    # the closing line of a front matter that opens with "---\n" (as _FRONT_MATTER finds it)
    "close": r"\n(?:---|\.\.\.)\n",
    # a plain front-matter line (as _SIMPLE_LINE, with the characters of _plain_class); any
    # other line matches with an empty key
    "line": r"\A(?:(?P<k>[A-Za-z][A-Za-z0-9_]*): (?P<v>[^-?:,\[\]{}#&*!|>'\"%@` ][^\n]*)\z)?",
    # a superset of what PyYAML's implicit resolvers read as other than a string
    "typed": r"\A(?:[-+.0-9<=~]|(?i:yes|no|true|false|on|off|null)\z)",
    # what _simple_front_matter leaves to PyYAML: ": " or " #" in a value, ":" at its end
    "odd_value": r": | #|:\z",
    "iso": r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z\z",
}
#: The words of _BULK["typed"] (case ignored).
_TYPED_WORDS = frozenset(("yes", "no", "true", "false", "on", "off", "null"))
_ISO_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
#: The ranges of code points :func:`_plain_class` picks from.
_PLAIN_RANGES = (
    (0x21, 0x7F),  # ASCII (space and line break are allowed on their own)
    (0xA1, 0x530),  # Latin-1, Latin extended, IPA, Greek, Cyrillic
    (0x1E00, 0x2000),  # Latin extended additional, Greek extended
    (0x2010, 0x2028),  # dashes, quotation marks, bullets
    (0x2030, 0x205F),  # per mille, primes, guillemets
    (0x2070, 0x2150),  # super- and subscripts, currency, letterlike symbols
)
_YEAR_1 = int((datetime(1, 1, 1, tzinfo=UTC) - _EPOCH).total_seconds())


#: The characters, besides space and line break, that a text read in bulk may hold, as an RE2
#: class without brackets: what :func:`_plain_class` derives (a test checks that it still does).
_PLAIN_CLASS = (
    r"\x{21}-\x{7e}\x{a1}-\x{a7}\x{a9}\x{ab}-\x{ac}\x{ae}\x{b0}-\x{b1}\x{b6}-\x{b7}\x{bb}"
    r"\x{bf}-\x{131}\x{134}-\x{13e}\x{141}-\x{148}\x{14a}-\x{17e}\x{180}-\x{1c3}"
    r"\x{1cd}-\x{1f0}\x{1f4}-\x{2af}\x{2b9}-\x{2d7}\x{2de}-\x{2df}\x{2e5}-\x{2ff}\x{34f}"
    r"\x{370}-\x{373}\x{375}-\x{377}\x{37b}-\x{37d}\x{37f}\x{386}\x{388}-\x{38a}\x{38c}"
    r"\x{38e}-\x{3a1}\x{3a3}-\x{3cf}\x{3d7}-\x{3ef}\x{3f3}\x{3f6}-\x{3f8}\x{3fa}-\x{482}"
    r"\x{488}-\x{52f}\x{1e00}-\x{1e99}\x{1e9c}-\x{1f15}\x{1f18}-\x{1f1d}\x{1f20}-\x{1f45}"
    r"\x{1f48}-\x{1f4d}\x{1f50}-\x{1f57}\x{1f59}\x{1f5b}\x{1f5d}\x{1f5f}-\x{1f70}\x{1f72}"
    r"\x{1f74}\x{1f76}\x{1f78}\x{1f7a}\x{1f7c}\x{1f80}-\x{1fb4}\x{1fb6}-\x{1fba}\x{1fbc}"
    r"\x{1fc2}-\x{1fc4}\x{1fc6}-\x{1fc8}\x{1fca}\x{1fcc}\x{1fd0}-\x{1fd2}\x{1fd6}-\x{1fda}"
    r"\x{1fe0}-\x{1fe2}\x{1fe4}-\x{1fea}\x{1fec}\x{1ff2}-\x{1ff4}\x{1ff6}-\x{1ff8}\x{1ffa}"
    r"\x{1ffc}\x{2010}\x{2012}-\x{2016}\x{2018}-\x{2023}\x{2027}\x{2030}-\x{2032}\x{2035}"
    r"\x{2038}-\x{203b}\x{203d}\x{203f}-\x{2046}\x{204a}-\x{2056}\x{2058}-\x{205e}"
    r"\x{20a0}-\x{20a7}\x{20a9}-\x{20c0}\x{20dd}-\x{20e0}\x{20e2}-\x{20e4}\x{2104}\x{2108}"
    r"\x{2114}\x{2117}-\x{2118}\x{211e}-\x{211f}\x{2123}\x{2125}\x{2127}\x{2129}\x{212e}"
    r"\x{2132}\x{213a}\x{2141}-\x{2144}\x{214a}-\x{214f}"
)


def _plain_class() -> str:
    """RE2 class (without brackets) of the characters, besides space and line break, that a text
    read in bulk may hold: no whitespace or control character, and nothing that NFC or NFKC
    changes in any context (starters without decomposition, not the second half of a
    composition)."""
    points = [
        cp
        for a, b in _PLAIN_RANGES
        for cp in range(a, b)
        if unicodedata.category(chr(cp))[0] not in "CZ"
        and unicodedata.combining(chr(cp)) == 0
        and not chr(cp).isspace()
        and unicodedata.normalize("NFKC", chr(cp)) == chr(cp)
    ]
    runs: list[list[int]] = []
    for cp in points:
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "".join(f"\\x{{{a:x}}}" + (f"-\\x{{{b:x}}}" if b > a else "") for a, b in runs)


def _read_plain(paths: list[str]) -> tuple[bytearray, np.ndarray, np.ndarray]:
    """The bytes of the Markdown/text files smaller than :data:`BULK_BYTES`, one after the other
    in one buffer (which runs on past the last file's end); where each file starts (and the last
    ends); which were read (the others, of other formats, larger, empty or unreadable, take no
    bytes)."""
    n = len(paths)
    starts = [0]
    done = [False] * n
    buf = bytearray(n * 4096 + BULK_BYTES)
    view = memoryview(buf)
    pos = 0
    posix = os.sep == "/" and not os.altsep
    for k, path in enumerate(paths):
        dot = path.rfind(".")
        # where the file's name starts
        name = path.rfind("/") + 1 if posix else len(path) - len(os.path.basename(path))
        if name < dot < len(path) - 1 and path[dot:].lower() in TEXT_EXTS:
            if pos + BULK_BYTES > len(buf):  # a larger buffer, never a resized one (below)
                bigger = bytearray(2 * len(buf))
                bigger[:pos] = view[:pos]
                view.release()
                buf, view = bigger, memoryview(bigger)
            try:
                fd = os.open(path, _O_READ)
                try:  # read to the end (a regular file reads short only there)
                    size = _read_into(fd, view[pos : pos + BULK_BYTES])
                finally:
                    os.close(fd)
                if 0 < size < BULK_BYTES:
                    done[k] = True
                    pos += size
            except OSError:  # the per-file path reports it
                pass
        starts.append(pos)
    view.release()
    # buf is not cut to ``pos``: a bytearray cannot be resized while a memoryview of it lives,
    # and a slice given to _read_into may outlive the call (a sampling profiler, such as a Dask
    # worker's, can hold the finished frame and its locals for a moment)
    return buf, np.array(starts, np.int64), np.array(done, bool)


def _read_into(fd: int, into: memoryview) -> int:
    """Read from ``fd`` into ``into`` (``os.readv``, or a read and a copy where there is none)."""
    if _READV is not None:
        return _READV(fd, [into])
    data = os.read(fd, len(into))
    into[: len(data)] = data
    return len(data)


_READV = getattr(os, "readv", None)


def _arrow_bytes(parts: list, utf8: bool = False):
    """``parts`` (bytes-like) as one Arrow (large) binary array, or string array when they are
    known to be UTF-8."""
    import pyarrow as pa

    offsets = np.zeros(len(parts) + 1, np.int64)
    np.cumsum(np.fromiter(map(len, parts), np.int64, len(parts)), out=offsets[1:])
    kind = pa.large_string() if utf8 else pa.large_binary()
    return pa.Array.from_buffers(
        kind, len(parts), [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(parts))]
    )


def _arrow_text(buf: bytearray, starts: np.ndarray, done: np.ndarray, mp: dict) -> tuple:
    """The files' bytes as an Arrow string array over ``buf``, and ``buf``: a new one without the
    files that are not UTF-8 if there are any (``starts`` and ``done`` are updated)."""
    import pyarrow as pa

    def text():
        return pa.Array.from_buffers(
            pa.large_binary(), len(done), [None, pa.py_buffer(starts), pa.py_buffer(buf)]
        ).cast(pa.large_string(), **mp)

    try:
        return text(), buf
    except pa.ArrowInvalid:
        parts = []
        for k in range(len(done)):
            part = bytes(buf[starts[k] : starts[k + 1]])
            try:
                part.decode("utf-8")
            except UnicodeDecodeError:
                part, done[k] = b"", False
            parts.append(part)
        buf = bytearray(b"".join(parts))
        np.cumsum(np.fromiter(map(len, parts), np.int64, len(parts)), out=starts[1:])
        return text(), buf


#: What a file read in bulk may not hold, as an RE2 pattern: a character outside _PLAIN_CLASS but
#: for space and line break, two spaces, a space next to a line break, three line breaks in a row,
#: a space at the end. (RE2 over the batch beat ``bytes.find`` and ``translate`` passes over one
#: buffer by 3x: 1 ms against 3 ms for 250 files of 2.5 kB.)
_UNUSUAL = f"[^\\n {_PLAIN_CLASS}]|  |\\n | \\n|\\n\\n\\n| \\z"


def _bools(arr) -> np.ndarray:
    return arr.to_numpy(zero_copy_only=False)


_SHARP_S = "ß".encode()


def _bulk_count_and_key(body: bytes) -> tuple[int, str]:
    """:func:`_count_and_key` of a text read in bulk (UTF-8 ``body``: single spaces and line
    breaks, at most two line breaks in a row, no whitespace at its ends, in NFKC)."""
    folded = body.lower()
    if not body.isascii():  # the few characters casefold changes, replaced (as _plain_key does)
        others = body.translate(None, _ASCII_BYTES).decode("utf-8")
        folds = others.casefold()
        if folds != others:
            if "ß" in others:  # the usual one
                folded = folded.replace(_SHARP_S, b"ss")
                others = others.replace("ß", "")
                folds = others.casefold()
            if folds != others:
                for c in set(others):
                    f = c.casefold()
                    if f != c:
                        folded = folded.replace(c.encode("utf-8"), f.encode("utf-8"))
    if b"\n" in folded:  # each line break, or two, a single space
        folded = b" ".join([line for line in folded.split(b"\n") if line])
    return folded.count(b" ") + 1, hashlib.sha256(folded).hexdigest()


def _plain_rows(
    paths: list[str], *, outlet: str | None, language: str | None
) -> tuple[np.ndarray, dict[str, list]]:
    """The articles of the plain front-matter files among ``paths``, read in bulk with Arrow
    compute: per path its row in the columns returned (-1 for a file left to :func:`_parse_file`),
    and the finished columns (:data:`COLUMNS` with ``published`` in nanoseconds, texts as UTF-8,
    a lead that starts the text as its length in bytes, plus ``key``, the duplicate key).

    A file is read here only when the per-file path would give it the same record without any
    warning: UTF-8 Markdown/text with a front matter of ``key: plain value`` lines (an ISO UTC
    timestamp as date, title, outlet and language given), whose characters NFC and NFKC leave as
    they are, with single spaces, no space at a line's ends and at most one blank line in a row."""
    import pyarrow as pa
    import pyarrow.compute as pc

    mp = {"memory_pool": pa.system_memory_pool()}  # malloc: gives the batch's memory back
    n = len(paths)
    rows = np.full(n, -1, np.int64)
    empty: dict[str, list] = {}
    if outlet and not outlet.strip():
        return rows, empty  # "no outlet given" for every file
    buf, starts, ok = _read_plain(paths)
    if not ok.any():
        return rows, empty
    text, buf = _arrow_text(buf, starts, ok, mp)
    close = pc.find_substring_regex(text, _BULK["close"], **mp).to_numpy()
    ok &= _bools(pc.starts_with(text, "---\n", **mp)) & (close >= 4)
    ok &= ~_bools(pc.match_substring_regex(text, _UNUSUAL, **mp))
    del text
    files = np.flatnonzero(ok)
    if not len(files):
        return rows, empty
    view = memoryview(buf)
    # front matter: one row per line, with its file
    begin = starts[files] + 4
    end = begin + close[files] - 4
    blocks = _arrow_bytes(
        [view[a:b] for a, b in zip(begin.tolist(), end.tolist(), strict=True)], utf8=True
    )
    lines = pc.split_pattern(blocks, "\n", **mp)
    file_of = files[pc.list_parent_indices(lines, **mp).to_numpy()]
    pairs = pc.extract_regex(pc.list_flatten(lines, **mp), _BULK["line"], **mp)
    del blocks, lines
    keys, values = pc.struct_field(pairs, [0], **mp), pc.struct_field(pairs, [1], **mp)
    del pairs
    bad = pc.binary_length(keys, **mp).to_numpy() == 0
    names = pc.dictionary_encode(pc.ascii_lower(keys, **mp), **mp)
    codes = names.indices.to_numpy()
    code_of = {name: i for i, name in enumerate(names.dictionary.to_pylist())}
    iso = _bools(pc.match_substring_regex(values, _BULK["iso"], **mp))
    is_date = np.isin(codes, [code_of[k] for k in _KEYS["published"] if k in code_of])
    # a key YAML reads as other than a string (a key is a plain word here: one of _TYPED_WORDS)
    typed_keys = [i for name, i in code_of.items() if name in _TYPED_WORDS]
    if typed_keys:
        bad |= np.isin(codes, typed_keys)
    # a value left to PyYAML, or typed (but for an ISO date, which is never the former)
    odd = f'{_BULK["odd_value"]}|{_BULK["typed"]}'
    bad |= _bools(pc.match_substring_regex(values, odd, **mp)) & ~(iso & is_date)
    del keys, names
    # ISO timestamps: valid dates (as datetime() checks them), in seconds since 1970
    at = np.flatnonzero(iso)
    stamps = pc.take(values, pa.array(at, pa.int64(), **mp), **mp)
    parsed = pc.strptime(stamps, format=_ISO_FORMAT, unit="s", error_is_null=True, **mp)
    seconds = np.zeros(len(codes), np.int64)
    valid = _bools(pc.is_valid(parsed, **mp))
    seconds[at[valid]] = pc.drop_null(parsed, **mp).cast(pa.int64(), **mp).to_numpy()
    seconds[at[~valid]] = _YEAR_1 - 1
    again = np.datetime_as_string(seconds[at].astype("datetime64[s]"), unit="s")
    same = again == np.array([v[:-1] for v in stamps.to_pylist()], dtype=again.dtype)
    bad[at[~same | (seconds[at] < _YEAR_1)]] = True
    del stamps, parsed
    # a key given twice (case ignored)
    pair_ids = file_of * (len(code_of) + 1) + codes
    ordered = np.sort(pair_ids)
    twice = ordered[1:][ordered[1:] == ordered[:-1]]
    if len(twice):
        bad |= np.isin(pair_ids, twice)
    ok[file_of[bad]] = False
    # each field: the line of its first name in _KEYS
    line_of = {}
    for fld, aliases in _KEYS.items():
        pos = np.full(n, -1, np.int64)
        for name in reversed(aliases):
            if name in code_of:
                at_name = np.flatnonzero(codes == code_of[name])
                pos[file_of[at_name]] = at_name
        line_of[fld] = pos
    date_line = np.maximum(line_of["published"], 0)
    ok &= (line_of["published"] >= 0) & iso[date_line] & (line_of["title"] >= 0)
    ok &= bool(outlet) | (line_of["outlet"] >= 0)
    ok &= bool(language) | (line_of["language"] >= 0)
    now = int((datetime.now(UTC) + timedelta(days=1) - _EPOCH).total_seconds()) - 1
    start = int((_STUDY_START_DT - _EPOCH).total_seconds())
    ok &= (seconds[date_line] >= start) & (seconds[date_line] <= now)
    files = np.flatnonzero(ok)
    if not len(files):
        return rows, empty
    cols: dict[str, list] = {}
    for fld in ("title", "outlet", "url", "language", "kicker", "lead"):
        at_field = line_of[fld][files]
        taken = pc.take(values, pa.array(at_field, mask=at_field < 0, **mp), **mp).to_pylist()
        cols[fld] = [v or "" for v in taken]
    del values
    ns = seconds[date_line[files]] * 1_000_000_000
    days = np.datetime_as_string(ns.astype("datetime64[ns]"), unit="D").tolist()
    if outlet:
        cols["outlet"] = [outlet.strip()] * len(files)
    else:  # one str per outlet, not one per article
        same_str: dict[str, str] = {}
        cols["outlet"] = [same_str.setdefault(v, v) for v in cols["outlet"]]
    if language:
        cols["language"] = [language] * len(files)
    else:
        short = {v: v.lower()[:2] for v in set(cols["language"])}
        cols["language"] = [short[v] for v in cols["language"]]
    ids, keys_, words, leads, bodies = [], [], [], [], []
    normed: dict[str, str] = {}
    sha = hashlib.sha256
    # each text: after "\n---\n" (and one blank line), without the line breaks at its end
    heads = (starts[files] + close[files] + 5).tolist()
    ends = starts[files + 1].tolist()
    for a, end, out, title, lead, day in zip(
        heads, ends, cols["outlet"], cols["title"], cols["lead"], days, strict=True
    ):
        if a < end and buf[a] == 10:
            a += 1
        if buf[end - 1] == 10:  # not empty: the front matter is before the end
            end -= 1 + (buf[end - 2] == 10)
        body = bytes(view[a : max(a, end)])
        bodies.append(body)
        if not lead:  # the first block (blocks are separated by exactly one blank line here)
            cut = body.find(b"\n\n")
            first = body if cut < 0 else body[:cut]
            # a heading is one line of at most 80 characters (4 bytes at most each)
            if len(first) <= 320 and b"\n" not in first and _is_heading(first.decode("utf-8")):
                lead = _first_paragraph(body.decode("utf-8"))
            else:
                lead = len(first)
        leads.append(lead)
        if out not in normed:
            normed[out] = _norm(out)
        ids.append(sha(f"{normed[out]}|{day}|{_norm(title)}".encode()).hexdigest()[:16])
        if body:
            count, key = _bulk_count_and_key(body)
        else:
            count, key = 0, ""
        words.append(count)
        keys_.append(key)
    view.release()
    del buf
    cols.update(
        article_id=ids, key=keys_, n_words=words, text=bodies, lead=leads,
        published=ns.tolist(), path=[""] * len(files), format=["front_matter"] * len(files),
    )  # fmt: skip
    # no text, or too long for the key's fast path: the per-file path decides
    good = [j for j, b in enumerate(bodies) if b and len(b) <= _KEY_CHUNK and cols["language"][j]]
    if len(good) < len(files):
        cols = {c: [v[j] for j in good] for c, v in cols.items()}
        files = files[good]
    rows[files] = np.arange(len(files))
    return rows, cols


def to_frame(records: list[dict]) -> pd.DataFrame:
    """Article records as the typed articles frame (Arrow-backed strings, UTC timestamps)."""
    # sorted as records, so the frame is built once and never copied by a sort
    return _frame(sorted(records, key=_order))


def _order(rec: dict) -> tuple:
    """Sort key equal to sorting the frame by published (missing last), then article_id."""
    ts = rec.get("published")
    missing = ts is None or pd.isna(ts)
    return (missing, 0 if missing else pd.Timestamp(ts).value, str(rec.get("article_id", "")))


def _frame(records: list[dict]) -> pd.DataFrame:
    """Records as typed columns, built column by column (no intermediate object table)."""
    cols = {}
    for c in COLUMNS:
        values = [r.get(c) for r in records]
        if c == "published":
            stamps = pd.to_datetime(pd.Series(values, dtype=object), utc=True)
            cols[c] = stamps.astype("datetime64[ns, UTC]")
        elif c == "n_words":
            cols[c] = pd.Series(values, dtype="int64")
        else:
            cols[c] = pd.Series(pd.array(values, dtype="string[pyarrow]"))
    return pd.DataFrame(cols, columns=COLUMNS)




def _articles_dtypes(df: pd.DataFrame) -> pd.DataFrame:
    """The articles frame's dtypes: Arrow-backed strings, UTC nanosecond timestamps, int64."""
    for c in COLUMNS:
        if c == "published":
            df[c] = pd.to_datetime(df[c], utc=True).astype("datetime64[ns, UTC]")
        elif c == "n_words":
            df[c] = df[c].astype("int64")
        else:
            df[c] = df[c].astype("string[pyarrow]")
    return df


_REPORT_KEY = b"kursk.load_report"


def to_parquet(df, path: str | os.PathLike) -> Path:
    """Write an articles frame to Parquet (a file; a folder of parts for a Dask frame).

    A pandas frame's load report travels along in the file's metadata.
    """
    path = Path(path)
    if not isinstance(df, pd.DataFrame):  # a Dask DataFrame: one file per partition
        df.to_parquet(path, write_index=False)
        return path
    import pyarrow as pa
    import pyarrow.parquet as pq

    plain = df[COLUMNS].copy(deep=False)
    plain.attrs = {}  # the report is a frame: stored below as JSON, not by pandas' attrs hook
    table = pa.Table.from_pandas(plain, preserve_index=False)
    rep = df.attrs.get("load_report")
    if rep is not None:
        meta = dict(table.schema.metadata or {})
        meta[_REPORT_KEY] = json.dumps(rep.to_dict(orient="records")).encode("utf-8")
        table = table.replace_schema_metadata(meta)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return path


def read_parquet(path: str | os.PathLike, *, engine: str = "pandas", **options):
    """An articles frame read back from :func:`to_parquet`, with the same dtypes (and report).

    ``engine="dask"`` reads lazily, one partition per file or row group, for corpora that do
    not fit in memory (see :func:`kursk.scale.read_parquet`).
    """
    if engine == "dask":
        from kursk import scale

        return scale.read_parquet(path, **options)
    if engine != "pandas":
        raise ValueError(f"unknown engine {engine!r}: use 'pandas' or 'dask'")
    import pyarrow.parquet as pq

    table = pq.read_table(path, **options)
    df = _articles_dtypes(table.to_pandas()[COLUMNS])
    meta = table.schema.metadata or {}
    if _REPORT_KEY in meta:
        rows = json.loads(meta[_REPORT_KEY].decode("utf-8"))
        df.attrs["load_report"] = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    return df


def display_path(path: Path) -> str:
    """The path relative to the checkout when inside it (so outputs carry no machine paths)."""
    try:
        root = _root(os.environ.get("KURSK_ROOT"), os.getcwd())
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except (ValueError, FileNotFoundError):
        return Path(path).as_posix()


@lru_cache(maxsize=8)
def _root(env: str | None, cwd: str) -> Path:
    """project_root(), looked up once per setting of KURSK_ROOT and working directory."""
    return project_root()


def article_id(outlet: str, published: pd.Timestamp | None, title: str) -> str:
    """Stable id: a hash of outlet, publication date and title (case and spacing ignored)."""
    if published is None or pd.isna(published):
        day = ""
    elif 1000 <= published.year <= 9999:  # what strftime("%Y-%m-%d") gives, faster
        day = f"{published.year}-{published.month:02d}-{published.day:02d}"
    else:
        day = published.strftime("%Y-%m-%d")
    key = "|".join(_norm(x) for x in (outlet or "", day, title or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- reading bytes


def read_text(path: Path) -> str:
    """The file's text: BOMs honoured, UTF-8 first, else the best legacy guess (cp1252 and kin)."""
    return _read(path)[0]


def _read(path: str | os.PathLike) -> tuple[str, list[str]]:
    """The file's text and warnings about how it was read."""
    fd = os.open(path, _O_READ)
    try:
        size = os.fstat(fd).st_size
        if size == 0:
            raise _Skip("empty file")
        if size > MAX_BYTES:
            raise _Skip(f"file too large ({size} bytes > {MAX_BYTES})")
        parts = [os.read(fd, size + 1)]
        while parts[-1]:  # to the end, as Path.read_bytes reads (one more call for most files)
            parts.append(os.read(fd, max(size, 1 << 16)))
        raw = parts[0] if len(parts) == 2 else b"".join(parts)
    finally:
        os.close(fd)
    for bom, enc in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return _clean(raw.decode(enc)), []
            except UnicodeDecodeError as e:
                raise _Skip(f"not valid {enc} despite its byte-order mark ({e.reason})") from None
    if raw.find(b"\x00", 0, 8192) >= 0:
        raise _Skip("binary file (NUL bytes)")
    warns = []
    utf8 = True
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        cut = len(raw) - e.start
        if e.reason == "unexpected end of data" and (cut > 1 or not raw[: e.start].isascii()):
            # valid UTF-8 up to a character cut off at the end: a truncated file
            text = raw[: e.start].decode("utf-8")
            warns.append(f"file ends inside a UTF-8 character (truncated?); last {cut} byte(s) left out")
        else:
            text, utf8 = _decode_legacy(raw), False
    if not text.strip():
        raise _Skip("empty file (whitespace only)")
    # UTF-8 holds a control character only as a C0 byte or as C2 80-9F: a file with neither has
    # none, and the count below (the rule itself) is needed only for the others
    if not utf8 or b"\xc2" in raw or raw.translate(None, _NOT_C0):
        ctrl = len(_CONTROL.findall(text, 0, 8192))
        if ctrl > 0.05 * min(len(text), 8192):
            raise _Skip("binary file (control characters)")
    return _clean(text), warns


_O_READ = os.O_RDONLY | getattr(os, "O_BINARY", 0)
#: Every byte but the C0 control characters of :data:`_CONTROL` (deleted to find those).
_NOT_C0 = bytes(b for b in range(256) if not (b < 0x20 and b not in (9, 10, 13) or b == 0x7F))


def _decode_legacy(raw: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r"])
    guess = best.best()
    if guess is None:
        raise _Skip("not text: no encoding fits (binary file?)")
    enc = guess.encoding
    # a file that is valid Western-European is read as cp1252 (a superset of latin-1 for text)
    if enc in ("latin_1", "iso8859_15"):
        enc = "cp1252"
    try:
        return raw.decode(enc)
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _clean(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- parsing formats


def _parse(path: str | os.PathLike, *, kickers: tuple[str, ...]) -> _Parsed:
    name = os.path.basename(os.fspath(path))
    dot = name.rfind(".")
    ext = name[dot:].lower() if 0 < dot < len(name) - 1 else ""  # as Path.suffix
    if ext in TEXT_EXTS:
        parse, fmt = (lambda t: _parse_text(t, kickers=kickers)), None
    elif ext in JSONL_EXTS:
        parse, fmt = _parse_jsonl, "jsonl"
    elif ext in JSON_EXTS:
        parse, fmt = _parse_json, "json"
    elif ext in HTML_EXTS:
        parse, fmt = _parse_html, "html"
    elif ext in FEED_EXTS:
        parse, fmt = _parse_feed, "feed"
    else:
        raise _Skip(
            f"unknown format {ext or '(no extension)'!r}: use .txt, .md, .json, .jsonl, "
            ".html or .xml/.rss/.atom"
        )
    text, warns = _read(path)
    parsed = parse(text)
    if fmt:
        parsed.fmt = fmt
    parsed.warnings[:0] = warns
    return parsed


def _parse_text(text: str, *, kickers: tuple[str, ...] = ()) -> _Parsed:
    m = _FRONT_MATTER.match(text) if text.startswith("---") else None
    if m:
        meta = _simple_front_matter(m.group("yaml"))
        if meta is None:
            meta = _load_yaml(m.group("yaml"))
        if not isinstance(meta, dict):
            raise _Skip("front matter is not a mapping of keys to values")
        body = text[m.end() :]
        rec = _from_mapping(meta, body=body)
        rec["_clean"] = True  # a cut after a line break of cleaned text: clean (NFC) itself
        return _Parsed([rec], fmt="front_matter")
    lines = text.split("\n")
    head = lines[0]
    sm = _SEED_HEADER.match(head)
    if sm:
        kicker, title = _split_kicker(sm.group("head"), kickers)
        outlet = STAMP_OUTLETS[sm.group("stamp")]
        warns = []
        try:
            published = pd.Timestamp(
                int(sm.group("year")),
                int(sm.group("mon")),
                int(sm.group("day")),
                int(sm.group("hh")),
                int(sm.group("mm")),
                tz="Europe/Berlin",
            )
            if published.strftime("%Y-%m") != sm.group("month"):
                warns.append(f"header month {sm.group('month')} differs from the stamp's date")
        except ValueError:
            published = None
            warns.append("malformed date in the 'Stand:' stamp")
        body = "\n".join(lines[1:])
        return _Parsed(
            [
                {
                    "outlet": outlet,
                    "url": "",
                    "language": "",
                    "published": published,
                    "kicker": kicker,
                    "title": title,
                    "text": body,
                    "lead": "",
                }
            ],
            warns,
            fmt="seed",
        )
    if head.lstrip().startswith("date ") and "Stand:" in head:
        raise _Skip(
            "line 1 looks like a seed header but does not parse: expected "
            "'date YYYY-MM <kicker> <title> Stand: DD.MM.YYYY HH:MM Uhr'"
        )
    title = head.strip().lstrip("#").strip()
    body = "\n".join(lines[1:])
    if not title:
        raise _Skip("no title on line 1")
    return _Parsed(
        [
            {
                "outlet": "",
                "url": "",
                "language": "",
                "published": None,
                "kicker": "",
                "title": title,
                "text": body,
                "lead": "",
            }
        ],
        ["no front matter: outlet, url and date unknown"],
        fmt="text",
    )


def _load_yaml(block: str):
    """The front matter read by PyYAML's safe loader."""
    import yaml

    try:
        return yaml.load(block, Loader=_yaml_loader())  # noqa: S506 - safe loader
    except RecursionError:
        raise _Skip("front matter is nested too deeply") from None
    except yaml.YAMLError as e:
        where = getattr(e, "problem_mark", None)
        line = f" at line {where.line + 2}" if where is not None else ""
        raise _Skip(f"front matter is not valid YAML{line}") from None
    except (ValueError, OverflowError) as e:  # a well-formed value that is no date (hour 25)
        raise _Skip(f"front matter has a value YAML cannot read ({_short(e)})") from None


#: A front-matter line the fast path reads: ``key: value``, the key a plain word, the value a plain
#: YAML scalar on one line: no indicator first; only characters YAML prints and that break no
#: line (no tab, NEL, U+2028/9 or BOM). ": " and " #" inside, or ":" at the end, are ruled out
#: over the whole block in :func:`_simple_front_matter`.
_SIMPLE_LINE = re.compile(
    "^([A-Za-z][A-Za-z0-9_]*): +((?![-?:,\\[\\]{}#&*!|>'\"%@` ])"
    "[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]+)$",
    re.M,
)
#: The timestamp form YAML reads as a UTC datetime that the fast path builds itself.
_ISO_UTC = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z\Z")


def _simple_front_matter(block: str) -> dict | None:
    """The front matter when every line is ``key: plain value``, read with PyYAML's own resolver
    and constructors (so a date, number, bool or null comes out as YAML gives it); None for
    anything else (quotes, lists, comments, blank or continued lines...), which PyYAML reads."""
    pairs = _SIMPLE_LINE.findall(block)
    if (
        len(pairs) != block.count("\n") + 1
        or block.count(": ") != len(pairs)  # one per line: the key's
        or " #" in block
        or ":\n" in block
        or block.endswith(":")
    ):
        return None
    out: dict = {}
    typed_first = _scalar_reader()[0].yaml_implicit_resolvers  # first characters of typed scalars
    try:
        for key, value in pairs:
            value = value.rstrip(" ")  # not empty: its first character is not a blank
            out[_yaml_key(key)] = _yaml_scalar(value) if value[0] in typed_first else value
    except (ValueError, OverflowError, TypeError):
        return None  # PyYAML raises the same, and the full path reports it
    return out


_KEYS_SEEN: dict[str, object] = {}


def _yaml_key(key: str):
    """:func:`_yaml_scalar` of a front-matter key (the few keys in use are remembered)."""
    if key in _KEYS_SEEN:
        return _KEYS_SEEN[key]
    else:
        value = _yaml_scalar(key)
        if len(_KEYS_SEEN) < 512:
            _KEYS_SEEN[key] = value
        return value


@lru_cache(maxsize=1)
def _scalar_reader():
    """PyYAML's safe constructor and resolver, for single plain scalars."""
    import yaml

    class _Scalars(yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        pass

    return _Scalars(), yaml.nodes.ScalarNode


def _yaml_scalar(value: str):
    """A plain scalar as PyYAML's safe loader reads it: implicit tag, then its constructor."""
    reader, node = _scalar_reader()
    if value[0] not in reader.yaml_implicit_resolvers:
        return value  # no implicit type starts with this character: a string
    m = _ISO_UTC.match(value)
    if m:  # what SafeConstructor.construct_yaml_timestamp makes of it, without its regex
        return datetime(*map(int, m.groups()), tzinfo=UTC)
    tag = reader.resolve(node, value, (True, False))
    if tag == "tag:yaml.org,2002:str":
        return value
    build = reader.yaml_constructors.get(tag)
    if build is None:  # e.g. "=" (tag ...:value): PyYAML refuses it, and the full path says so
        raise ValueError(f"no constructor for {tag}")
    return build(reader, node(tag, value))


def _split_kicker(head: str, extra: tuple[str, ...]) -> tuple[str, str]:
    for k in sorted(set(KNOWN_KICKERS) | set(extra), key=len, reverse=True):
        if head.startswith(k + " ") and len(head) > len(k) + 1:
            return k, head[len(k) + 1 :].strip()
    return "", head.strip()


_KEYS = {
    "title": ("title", "headline"),
    "text": ("text", "body", "content", "article", "fulltext"),
    "outlet": ("outlet", "source", "publisher", "sitename", "site"),
    "url": ("url", "link", "href"),
    "published": ("published", "date", "pubdate", "published_at", "datetime", "time"),
    "language": ("language", "lang"),
    "kicker": ("kicker", "dachzeile", "topline"),
    "lead": ("lead", "summary", "teaser", "description"),
}


#: Each accepted name: its field and rank (the first name in :data:`_KEYS` with a value wins).
_KEY_RANK = {n: (key, rank) for key, names in _KEYS.items() for rank, n in enumerate(names)}


def _from_mapping(obj: dict, *, body: str | None = None, where: str = "") -> dict:
    low = {str(k).lower(): v for k, v in obj.items()}
    rec: dict = {}
    found: dict[str, tuple[int, object]] = {}  # field: (rank of the name in _KEYS, value)
    for name, v in low.items():
        hit = _KEY_RANK.get(name)
        if hit is not None and v is not None:
            key, rank = hit
            if key not in found or rank < found[key][0]:
                found[key] = (rank, v)
    for key, names in _KEYS.items():
        val = found[key][1] if key in found else None
        if isinstance(val, dict) and key == "outlet":
            val = val.get("name") or val.get("title")
        if key == "published":
            rec[key] = val
            continue
        if val is not None and not isinstance(val, str | int | float):
            raise _Skip(f"{where}field {names[0]!r} must be text, not {type(val).__name__}")
        rec[key] = "" if val is None else str(val)
    if body is not None:
        rec["text"] = body
    if not rec["title"].strip():
        raise _Skip(f"{where}no title")
    if not rec["text"].strip():
        raise _Skip(f"{where}no text")
    return rec


def _parse_json(text: str) -> _Parsed:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise _Skip(f"not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    except (ValueError, RecursionError) as e:  # nesting too deep, numbers too long
        raise _Skip(f"JSON not accepted ({_short(e)})") from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    return _records_from_items(items, unit="item")


def _parse_jsonl(text: str) -> _Parsed:
    items, warns = [], []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            items.append((n, json.loads(line)))
        except json.JSONDecodeError as e:
            warns.append(f"line {n}: not valid JSON ({e.msg}); left out")
        except (ValueError, RecursionError) as e:
            warns.append(f"line {n}: JSON not accepted ({_short(e)}); left out")
    if not items and warns:
        raise _Skip("; ".join(warns[:3]))
    parsed = _records_from_items(
        [obj for _, obj in items], unit="line", numbers=[n for n, _ in items]
    )
    parsed.warnings[:0] = warns
    if not parsed.records and warns:
        raise _Skip("; ".join(warns[:3]))
    return parsed


def _records_from_items(items: list, *, unit: str, numbers: list[int] | None = None) -> _Parsed:
    records, warns = [], []
    for i, obj in enumerate(items):
        n = numbers[i] if numbers else i + 1
        if not isinstance(obj, dict):
            warns.append(f"{unit} {n}: not an object; left out")
            continue
        try:
            records.append(_from_mapping(obj, where=f"{unit} {n}: "))
        except _Skip as e:
            warns.append(f"{e.reason}; left out")
    if not records:
        raise _Skip("; ".join(warns[:3]) or f"no {unit}s")
    return _Parsed(records, warns)


_DTD_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.I)


def _short(e: BaseException) -> str:
    msg = str(e).split(";")[0].strip()
    return msg[:80] if msg else type(e).__name__


def _parse_html(text: str) -> _Parsed:
    import trafilatura

    if _DTD_SUBSET.search(text[:65536]) or "<!ENTITY" in text[:65536]:
        raise _Skip("unsafe HTML refused: a DOCTYPE with entity declarations (billion laughs, XXE)")

    body = trafilatura.extract(
        text, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
    )
    meta = trafilatura.extract_metadata(text)
    if not body or not body.strip():
        raise _Skip("HTML page has no main text")
    title = (meta.title if meta and meta.title else "") or ""
    if not title:
        raise _Skip("HTML page has no title")
    return _Parsed(
        [
            {
                "outlet": (meta.sitename or "") if meta else "",
                "url": (meta.url or "") if meta else "",
                "language": "",
                "published": (meta.date or None) if meta else None,
                "kicker": "",
                "title": title,
                "text": body,
                "lead": (meta.description or "") if meta else "",
            }
        ]
    )


def check_xml_safe(text: str) -> None:
    """Refuse XML with entity declarations or external references (billion laughs, XXE)."""
    import defusedxml.ElementTree as DET
    from defusedxml import DefusedXmlException

    try:
        DET.fromstring(
            text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as e:
        raise _Skip(
            f"unsafe XML refused ({type(e).__name__}: entity declarations or external references)"
        ) from None
    except DET.ParseError as e:
        raise _Skip(f"not well-formed XML ({e})") from None


def _parse_feed(text: str) -> _Parsed:
    import feedparser

    check_xml_safe(text)
    feed = feedparser.parse(
        io.BytesIO(text.encode("utf-8")), resolve_relative_uris=False, sanitize_html=True
    )
    if not feed.entries:
        raise _Skip("feed has no entries" if feed.get("version") else "not an RSS or Atom feed")
    outlet = feed.feed.get("title", "")
    records, warns = [], []
    for n, e in enumerate(feed.entries, start=1):
        content = ""
        if e.get("content"):
            content = e["content"][0].get("value", "")
        summary = e.get("summary", "")
        body = html_to_text(content or summary)
        title = html_to_text(e.get("title", ""))
        if not title or not body:
            warns.append(f"entry {n}: no {'title' if not title else 'text'}; left out")
            continue
        published = None
        with warnings.catch_warnings():  # feedparser's notice about its updated/published alias
            warnings.simplefilter("ignore", DeprecationWarning)
            stamp = e.get("published_parsed") or e.get("updated_parsed")
        if stamp:
            published = pd.Timestamp(datetime(*stamp[:6], tzinfo=UTC))
        records.append(
            {
                "outlet": outlet,
                "url": e.get("link", ""),
                "language": "",
                "published": published if published is not None else e.get("published", None),
                "kicker": "",
                "title": title,
                "text": body,
                "lead": html_to_text(summary) if content else "",
            }
        )
    if not records:
        raise _Skip("; ".join(warns[:3]))
    return _Parsed(records, warns)


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


# --------------------------------------------------------------------------- finishing records


def _finish(
    rec: dict, *, outlet: str | None, language: str | None
) -> tuple[dict, list[str], list[str], tuple[str, bytes]]:
    """Normalise one record; returns it with hard warnings (errors in strict mode), soft ones,
    and its duplicate key (:func:`text_key`) and text as UTF-8. ``published`` may be a datetime."""
    rec, repaired, raw_text = _valid_unicode(rec)
    text = _normalise_body(rec.get("text", ""), clean=rec.get("_clean", False))
    if not text:
        raise _Skip("no text")
    published, hard, soft = _published(rec.get("published"))
    if repaired:
        soft.append("invalid Unicode (unpaired surrogates) replaced by U+FFFD")
    lead = (rec.get("lead") or "").strip()
    if not lead:
        lead = _first_paragraph(text)
    lang = language or (rec.get("language") or "").strip().lower()[:2]
    if not lang:
        lang = detect_language(f"{rec.get('title', '')}\n{text[:2000]}")
    encoded = raw_text if raw_text is not None and text == rec.get("text") else None
    n_words, key, encoded = _count_and_key(text, encoded)
    out = {
        "outlet": (outlet or rec.get("outlet") or "").strip(),
        "url": (rec.get("url") or "").strip(),
        "language": lang,
        "published": published,
        "kicker": (rec.get("kicker") or "").strip(),
        "title": " ".join(str(rec.get("title", "")).split()),
        "lead": lead,
        "text": text,
        "n_words": n_words,
        "format": "",
    }
    out["article_id"] = article_id(out["outlet"], published, out["title"])
    if not out["outlet"]:
        hard.append("no outlet given")
    return out, hard, soft, (key, encoded)


def _valid_unicode(rec: dict) -> tuple[dict, bool, bytes | None]:
    """The record with unpaired surrogates (from JSON or YAML escapes) replaced; True if any; the
    text as UTF-8 when it was encoded on the way (else None)."""
    out, repaired, encoded = {}, False, None
    for k, v in rec.items():
        if isinstance(v, str) and not v.isascii():
            try:
                b = v.encode("utf-8")
                if k == "text":
                    encoded = b
            except UnicodeEncodeError:
                v = v.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
                repaired = True
        out[k] = v
    return out, repaired, encoded


def _first_paragraph(text: str) -> str:
    """The first block of ``text`` that is not a heading (as :func:`split_paragraphs` finds it)."""
    for m in _PARAGRAPH.finditer(text):
        block = m.group(0).strip()
        if block and not _is_heading(block):
            return block
    return ""


#: Whitespace that ``str.split`` knows beyond ASCII's ``\t\n\v\f\r`` and space.
_ODD_SPACE = re.compile("[\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
#: Deletes every byte but those that can start such whitespace in UTF-8 (a quick "none here").
_NOT_ODD_SPACE_BYTE = bytes(
    b for b in range(256) if b not in (0x1C, 0x1D, 0x1E, 0x1F, 0xC2, 0xE1, 0xE2, 0xE3)
)
_SPACE_OR_WORD = bytes(32 if chr(b) in " \t\n\r\x0b\x0c" else 120 for b in range(256))
_SPACE_TO_BLANK = bytes(32 if chr(b) in " \t\n\r\x0b\x0c" else b for b in range(256))


def _count_and_key(text: str, encoded: bytes | None = None) -> tuple[int, str, bytes | None]:
    """``count_words(text)``, ``text_key(text)`` and the text as UTF-8, together.

    When the text has only ASCII whitespace and is in NFKC already (the usual case), the words are
    counted and the key is hashed on bytes, without a list of words; the result is the same."""
    if encoded is None:
        try:
            encoded = text.encode("utf-8")
        except UnicodeEncodeError:
            return count_words(text), text_key(text), None
    if _plain_spaced(text, encoded):
        marks = encoded.translate(_SPACE_OR_WORD)
        return marks.count(b" x") + (marks[:1] == b"x"), _plain_key(text, encoded), encoded
    return count_words(text), text_key(text), encoded


def _plain_spaced(text: str, encoded: bytes) -> bool:
    """True when ``text`` (``encoded`` in UTF-8) is short, in NFKC and has only ASCII whitespace."""
    if len(text) > _KEY_CHUNK:
        return False
    if encoded.translate(None, _NOT_ODD_SPACE_BYTE) and _ODD_SPACE.search(text):
        return False
    return text.isascii() or unicodedata.is_normalized("NFKC", text)


def _plain_key(text: str, encoded: bytes | None = None) -> str:
    """:func:`text_key` of a text that :func:`_plain_spaced` accepts (``encoded``: its UTF-8)."""
    if encoded is None:
        encoded = text.encode("utf-8")
    # casefold works character by character: ASCII letters fold as bytes.lower() folds them, and
    # the few other characters present that casefold changes are replaced in the bytes (UTF-8
    # never matches across a character boundary); it adds no whitespace (checked over all of
    # Unicode in the tests), so the words are what splitting on ASCII whitespace finds
    folded = encoded.lower()
    if not text.isascii():
        others = encoded.translate(None, _ASCII_BYTES).decode("utf-8")
        if others.casefold() != others:
            for c in set(others):
                f = c.casefold()
                if f != c:
                    folded = folded.replace(c.encode("utf-8"), f.encode("utf-8"))
    folded = folded.translate(_SPACE_TO_BLANK)
    while b"  " in folded:
        folded = folded.replace(b"  ", b" ")
    return hashlib.sha256(folded.strip(b" ")).hexdigest()


_ASCII_BYTES = bytes(range(128))


def parse_published(value) -> tuple[pd.Timestamp | None, list[str], list[str]]:
    """A publication date as a UTC timestamp, with hard warnings (missing, unparsable, implausible:
    the date is left empty) and soft ones (no time zone, before the study period)."""
    ts, hard, soft = _published(value)
    if ts is not None and type(ts) is datetime:
        ts = pd.Timestamp(ts)
    return ts, hard, soft


def _published(value) -> tuple[pd.Timestamp | datetime | None, list[str], list[str]]:
    """:func:`parse_published`, with a UTC datetime instead of a timestamp from the fast path."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ["no publication date"], []
    if type(value) is datetime or type(value) is date:
        fast = _published_datetime(value)
        if fast is not None:
            return fast
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
    now = pd.Timestamp.now(tz="UTC")
    if ts < EARLIEST or ts > now + timedelta(days=1):
        return (
            None,
            [
                f"publication date {ts.date()} is implausible (before 2000 or in the "
                "future); left empty"
            ],
            warns,
        )
    if ts < STUDY_START:
        warns.append(f"published {ts.date()}, before the study period (2024 onwards)")
    return ts, [], warns


_EARLIEST_DT = EARLIEST.to_pydatetime()
_STUDY_START_DT = STUDY_START.to_pydatetime()


def _published_datetime(
    value: datetime | date,
) -> tuple[datetime | None, list[str], list[str]] | None:
    """:func:`parse_published` for a datetime or date (YAML's), in UTC as a datetime; None when
    the value is out of the fast path's range (the general path then decides)."""
    try:
        if type(value) is date:
            dt = datetime(value.year, value.month, value.day, tzinfo=UTC)
        elif value.tzinfo is None or value.utcoffset() is None:
            dt = value.replace(tzinfo=UTC)  # naive: taken as UTC (no warning: not a string)
        else:
            dt = value.astimezone(UTC)
        now = datetime.now(UTC)
        if dt < _EARLIEST_DT or dt > now + timedelta(days=1):
            return (
                None,
                [
                    f"publication date {dt.date()} is implausible (before 2000 or in the "
                    "future); left empty"
                ],
                [],
            )
    except (OverflowError, ValueError):
        return None
    warns = []
    if dt < _STUDY_START_DT:
        warns.append(f"published {dt.date()}, before the study period (2024 onwards)")
    return dt, [], warns


def _normalise_body(text: str, *, clean: bool = False) -> str:
    if not clean:
        text = _clean(str(text))
    elif text.startswith("\ufeff"):
        text = text.lstrip("\ufeff")  # all that _clean would still change
    lines = [ln.rstrip() for ln in text.split("\n")]
    out = "\n".join(lines).strip("\n")
    return (re.sub(r"\n{3,}", "\n\n", out) if "\n\n\n" in out else out).strip()


def _is_heading(block: str) -> bool:
    s = block.strip()
    if "\n" in s or not s:
        return False
    if s.startswith("#"):
        return True
    if len(s) > 80:
        return False
    bare = s.strip("\"'„“”»«")
    return len(s.split()) <= 8 and not bare.endswith(_END_PUNCT)


def split_paragraphs(text: str) -> list[dict]:
    """Blocks separated by blank lines, each flagged as heading or paragraph, with offsets."""
    return list(_iter_paragraphs(text))


#: A block: lines up to a blank line (the same matches as ``[^\n](?:.|\n(?!\s*\n))*``, faster).
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*")


def _iter_paragraphs(text: str) -> Iterator[dict]:
    for m in _PARAGRAPH.finditer(text):
        block = m.group(0).strip()
        if not block:
            continue
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        yield {
            "text": block,
            "start": start,
            "end": start + len(block),
            "is_heading": _is_heading(block),
        }


def _norm(s: str) -> str:
    s = str(s)
    if s.isascii():  # ASCII is NFKC already, and casefold is lower there
        return " ".join(s.lower().split())
    return " ".join(unicodedata.normalize("NFKC", s).casefold().split())


_KEY_CHUNK = 1 << 18


def text_key(text: str, *, chunk_size: int = _KEY_CHUNK) -> str:
    """Hash of the text with case, Unicode forms and whitespace normalised (finds duplicates)."""
    if len(text) <= chunk_size:
        try:
            encoded = text.encode("utf-8")
            if _plain_spaced(text, encoded):
                return _plain_key(text, encoded)
        except UnicodeEncodeError:
            pass
    h = hashlib.sha256()
    sep = ""
    for chunk in _chunks(text, chunk_size):  # equals hashing _norm(text), without a list of every word
        words = unicodedata.normalize("NFKC", chunk).casefold().split()
        if words:
            h.update((sep + " ".join(words)).encode("utf-8"))
            sep = " "
    return h.hexdigest()


def count_words(text: str, *, chunk_size: int = 1 << 18) -> int:
    """Number of whitespace-separated words (counted chunk by chunk, so long texts stay cheap)."""
    return sum(len(chunk.split()) for chunk in _chunks(text, chunk_size))


def _chunks(text: str, size: int = 1 << 18) -> Iterator[str]:
    """``text`` in pieces of about ``size`` characters, each cut at a whitespace character."""
    start, n = 0, len(text)
    while start < n:
        end = start + size
        if end < n:
            m = _SPACE.search(text, end)
            end = m.start() if m else n
        yield text[start:end]
        start = end


_SPACE = re.compile(r"\s")


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in LANGUAGES]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language among :data:`LANGUAGES` ('' if undecidable)."""
    if not text or not text.strip():
        return ""
    lang = _detector().detect_language_of(text[:4000])
    return "" if lang is None else lang.iso_code_639_1.name.lower()


# --------------------------------------------------------------------------- companion frames


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph: article_id, position, section (its heading), text, start, end."""
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"], strict=True):
        section = ""
        pos = 0
        for block in split_paragraphs(str(text)):
            if block["is_heading"]:
                section = block["text"].lstrip("#").strip().strip('"„“”»«')
                continue
            pos += 1
            rows.append(
                {
                    "article_id": aid,
                    "position": pos,
                    "section": section,
                    "text": block["text"],
                    "start": block["start"],
                    "end": block["end"],
                    "n_words": len(block["text"].split()),
                }
            )
    return _typed(
        pd.DataFrame(
            rows, columns=["article_id", "position", "section", "text", "start", "end", "n_words"]
        )
    )


@lru_cache(maxsize=4)
def _somajo(lang: str):
    from somajo import SoMaJo

    model = "de_CMC" if lang == "de" else "en_PTB"
    return SoMaJo(model, split_camel_case=False, split_sentences=True, character_offsets=True)


def split_sentences(text: str, lang: str = "de") -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``, by SoMaJo (German or English rules), per paragraph."""
    tok = _somajo("de" if lang == "de" else "en")
    blocks = split_paragraphs(text)
    spans = []
    for block, sents in zip(blocks, _tokenize(tok, [b["text"] for b in blocks]), strict=True):
        for s, e in sents:
            spans.append((block["start"] + s, block["start"] + e))
    return spans


def _tokenize(tok, texts: list[str]) -> list[list[tuple[int, int]]]:
    """Sentence spans per text, with sentences inside an open quotation joined to their frame."""
    out = []
    for t in texts:
        spans = [
            (s[0].character_offset[0], s[-1].character_offset[1]) for s in tok.tokenize_text([t])
        ]
        out.append(_join_open_quotes(t, spans))
    return out


def _quote_open(fragment: str) -> bool:
    """True when a quotation opened in ``fragment`` is not closed yet."""
    if fragment.count('"') % 2 == 1 or fragment.count("»") != fragment.count("«"):
        return True
    if "„" in fragment:  # German: „…“
        return fragment.count("„") > fragment.count("“") + fragment.count("”")
    return fragment.count("“") > fragment.count("”")  # English: “…”


def _join_open_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for s, e in spans:
        if joined and _quote_open(text[joined[-1][0] : joined[-1][1]]):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined


def sentences(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: article_id, sentence_no, paragraph, section, text, start, end."""
    rows = []
    for aid, text, lang in zip(
        articles["article_id"], articles["text"], articles["language"], strict=True
    ):
        text = str(text)
        paras = split_paragraphs(text)
        tok = _somajo("de" if lang == "de" else "en")
        n = 0
        section, pos = "", 0
        for block, sents in zip(paras, _tokenize(tok, [b["text"] for b in paras]), strict=True):
            if block["is_heading"]:
                section = block["text"].lstrip("#").strip().strip('"„“”»«')
                continue
            pos += 1
            for s0, e0 in sents:
                s, e = block["start"] + s0, block["start"] + e0
                n += 1
                rows.append(
                    {
                        "article_id": aid,
                        "sentence_no": n,
                        "paragraph": pos,
                        "section": section,
                        "text": text[s:e],
                        "start": s,
                        "end": e,
                    }
                )
    return _typed(
        pd.DataFrame(
            rows,
            columns=["article_id", "sentence_no", "paragraph", "section", "text", "start", "end"],
        )
    )


_QUOTE = re.compile(
    r"„(?P<a>[^“”\n]{3,}?)[“”]|»(?P<b>[^«\n]{3,}?)«|“(?P<c>[^”\n]{3,}?)”"
    r"|\"(?P<d>[^\"\n]{3,}?)\"|«(?P<e>[^»\n]{3,}?)»"
)
_SPEECH = (
    r"sagte|sagt|erklärte|erklärt|forderte|fordert|betonte|betont|schrieb|schreibt|"
    r"warnte|warnt|kündigte|versicherte|meinte|so|said|says|told|wrote|added|warned|"
    r"stated|declared|according to"
)


def quotes(articles: pd.DataFrame) -> pd.DataFrame:
    """Direct quotes: article_id, quote, speaker (canonical, or empty), speaker_as_written, start, end."""
    from kursk.entities import find_mentions

    rows = []
    after = re.compile(rf"^\s*[,.]?\s*(?:{_SPEECH})\b(?P<rest>.{{0,80}})", re.S)
    before = re.compile(rf"(?P<rest>.{{0,80}})\b(?:{_SPEECH})\s*:?\s*$", re.S)
    speech = re.compile(rf"\b(?:{_SPEECH}|versicherte|versichert|betonte)\b")
    for aid, text in zip(articles["article_id"], articles["text"], strict=True):
        text = str(text)
        for m in _QUOTE.finditer(text):
            q = next(g for g in m.groups() if g is not None)
            if len(q.split()) < 3:  # a quoted name or term, not speech
                continue
            speaker, written = "", ""
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not text[line_start:line_end].strip().replace(m.group(0), ""):
                continue  # a quoted section heading, not speech
            tail, head = text[m.end() : line_end], text[line_start : m.start()]
            sent_start = max(head.rfind(". "), head.rfind("! "), head.rfind("? ")) + 1
            windows = [(after.match(tail), "after"), (before.search(head), "before")]
            if speech.search(head[sent_start:]):  # "X versicherte …, Y werde »…«"
                windows.append((re.match(r"(?P<rest>.*)", head[sent_start:], re.S), "before"))
            for match, side in windows:
                if not match:
                    continue
                found = find_mentions(match.group("rest"))
                people = found[found["type"] == "person"]
                if not people.empty:
                    pick = people.iloc[0] if side == "after" else people.iloc[-1]
                    speaker, written = str(pick["name"]), str(pick["matched"])
                    break
            rows.append(
                {
                    "article_id": aid,
                    "quote": q,
                    "speaker": speaker,
                    "speaker_as_written": written,
                    "start": m.start(),
                    "end": m.end(),
                }
            )
    return _typed(
        pd.DataFrame(
            rows, columns=["article_id", "quote", "speaker", "speaker_as_written", "start", "end"]
        )
    )


def mentions(articles: pd.DataFrame, *, fuzzy: bool = True) -> pd.DataFrame:
    """Entity mentions: article_id, field (title or text), start, end, matched, name, type, side."""
    from kursk.entities import find_mentions

    frames = []
    for aid, title, text in zip(
        articles["article_id"], articles["title"], articles["text"], strict=True
    ):
        for fld, value in (("title", title), ("text", text)):
            m = find_mentions(str(value), fuzzy=fuzzy)
            if len(m):
                m.insert(0, "field", fld)
                m.insert(0, "article_id", aid)
                frames.append(m)
    cols = [
        "article_id",
        "field",
        "start",
        "end",
        "matched",
        "name",
        "entity_id",
        "type",
        "side",
        "method",
    ]
    if not frames:
        return _typed(pd.DataFrame(columns=cols))
    return _typed(pd.concat(frames, ignore_index=True)[cols])


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    for c in df.columns:
        if c in ("start", "end", "position", "sentence_no", "paragraph", "n_words"):
            df[c] = df[c].astype("int64")
        else:
            df[c] = df[c].astype("string[pyarrow]")
    return df


warnings.filterwarnings("ignore", message=".*MarkupResemblesLocatorWarning.*")


def in_period(
    articles: pd.DataFrame, start: str | None = None, end: str | None = None,
    *, keep_undated: bool = True,
) -> pd.DataFrame:
    """Articles published from ``start`` to ``end`` (inclusive dates, UTC); undated ones kept by default."""
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
