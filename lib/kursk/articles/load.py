"""Files in, one articles frame out: each file parsed on its own, its articles finished, then
duplicates left out in load order; every file seen gets one row of the load report."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from kursk.articles.errors import ArticleError, SkipFile
from kursk.articles.files import discover, display_path, read_text
from kursk.articles.formats import Parsed, parse_feed, parse_json, parse_jsonl, parse_text
from kursk.articles.html import parse_html
from kursk.articles.records import Deduplicator, finish, text_key

COLUMNS = ["article_id", "outlet", "url", "language", "published", "kicker", "title", "lead",
           "text", "n_words", "path", "format"]  # fmt: skip
REPORT_COLUMNS = ["path", "status", "reason", "articles", "warnings"]
#: The parser of each file extension.
PARSERS = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed", ".feed": "feed",
}  # fmt: skip
#: A progress bar is shown for more files than this (unless ``progress=`` says otherwise).
TQDM_THRESHOLD = 300


def parse(path: str | os.PathLike, *, kickers: tuple[str, ...] = ()) -> Parsed:
    """The raw records of one file, by the parser of its extension."""
    kind = PARSERS.get(Path(path).suffix.lower())
    if kind is None:
        ext = Path(path).suffix or "(no extension)"
        raise SkipFile(f"unknown format {ext!r}: use .txt, .md, .json, .jsonl, .html or "
                       ".xml/.rss/.atom")
    text, warns = read_text(path)
    if kind == "text":
        parsed = parse_text(text, kickers=kickers)
    else:
        parsed = {"json": parse_json, "jsonl": parse_jsonl, "html": parse_html,
                  "feed": parse_feed}[kind](text)  # fmt: skip
    parsed.warnings[:0] = warns
    return parsed


def parse_file(
    path: str | os.PathLike,
    *,
    strict: bool = False,
    outlet: str | None = None,
    language: str | None = None,
    kickers: Iterable[str] = (),
) -> tuple[list[dict], dict]:
    """The finished article records of one file and its load-report row (the per-file unit of
    work, the same on every engine). Lenient: a file that cannot be read gives no records and a
    ``skipped`` row with the reason; strict: :class:`ArticleError` naming the file."""
    shown = display_path(path)
    try:
        parsed = parse(path, kickers=tuple(kickers))
        records, warns = [], list(parsed.warnings)
        for raw in parsed.records:
            rec, hard, soft = finish(raw, outlet=outlet, language=language)
            if strict and (hard or parsed.warnings):
                raise SkipFile("; ".join(parsed.warnings + hard))
            warns += hard + soft
            records.append({**rec, "path": shown, "format": parsed.fmt})
        if not records:
            raise SkipFile("no article in file")
    except SkipFile as e:
        if strict:
            raise ArticleError(shown, e.reason) from None
        return [], _row(shown, "skipped", e.reason)
    return records, _row(shown, "loaded", "", len(records), "; ".join(dict.fromkeys(warns)))


def _row(path: str, status: str, reason: str = "", articles: int = 0, warnings: str = "") -> dict:
    return {"path": path, "status": status, "reason": reason, "articles": articles,
            "warnings": warnings}


def load_articles(
    *paths: str | os.PathLike,
    strict: bool = False,
    outlet: str | None = None,
    language: str | None = None,
    kickers: Iterable[str] = (),
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per article (:data:`COLUMNS`) from files or folders, sorted by publication time
    (undated last), then article_id.

    ``df.attrs["load_report"]`` has one row per file (path, status ``loaded``, ``skipped`` or
    ``duplicate``, reason, articles, warnings): files in = loaded + skipped + duplicates.
    ``strict=True`` raises :class:`ArticleError` naming the file instead of skipping it.
    ``outlet`` and ``language`` override what the files say or the detector finds.
    For corpora larger than one machine's memory, see :func:`kursk.scale.load_articles`.
    """
    files = [p for path in paths for p in discover(path)]
    show = len(files) > TQDM_THRESHOLD if progress is None else progress
    if show:
        from tqdm.auto import tqdm

        files = tqdm(files, desc="articles", unit="file")
    dedup = Deduplicator(strict=strict)
    kept, report = [], []
    for path in files:
        records, row = parse_file(path, strict=strict, outlet=outlet, language=language,
                                  kickers=kickers)
        keep, row = dedup.add(row, [(r["article_id"], text_key(r["text"])) for r in records])
        kept += [records[i] for i in keep]
        report.append(row)
    df = to_frame(kept)
    df.attrs["load_report"] = report_frame(report)
    return df


def to_frame(records: list[dict]) -> pd.DataFrame:
    """Article records as the typed articles frame (Arrow-backed strings, UTC timestamps, sorted
    by publication time, undated last, then article_id)."""
    stamps = pd.to_datetime(pd.Series([r.get("published") for r in records], dtype=object),
                            utc=True).astype("datetime64[ns, UTC]")
    missing = stamps.isna().to_numpy()
    ids = np.array([str(r.get("article_id", "")) for r in records], dtype=str)
    order = np.lexsort((ids, stamps.to_numpy(dtype="int64", na_value=0), missing)).tolist()
    cols = {}
    for c in COLUMNS:
        if c == "published":
            cols[c] = stamps.take(order).reset_index(drop=True)
        elif c == "n_words":
            cols[c] = pd.Series([records[i][c] for i in order], dtype="int64")
        else:
            cols[c] = pd.Series(pd.array([records[i].get(c) for i in order],
                                         dtype="string[pyarrow]"))
    return pd.DataFrame(cols, columns=COLUMNS)


def articles_dtypes(df: pd.DataFrame) -> pd.DataFrame:
    """A frame with the articles columns given the articles frame's dtypes."""
    df = df[COLUMNS].copy()
    for c in COLUMNS:
        if c == "published":
            df[c] = pd.to_datetime(df[c], utc=True).astype("datetime64[ns, UTC]")
        elif c == "n_words":
            df[c] = df[c].astype("int64")
        else:
            df[c] = df[c].astype("string[pyarrow]")
    return df


def report_frame(rows: list[dict]) -> pd.DataFrame:
    """Load-report rows as a frame (:data:`REPORT_COLUMNS`)."""
    df = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    df["articles"] = df["articles"].astype("int64")
    for c in ("path", "status", "reason", "warnings"):
        df[c] = df[c].astype("str")
    return df
