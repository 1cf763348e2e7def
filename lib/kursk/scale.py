"""Articles and claims on Dask: the same per-file and per-article functions, mapped over partitions.

``kursk.articles.load_articles(paths, engine="dask")`` lands here. The files are cut into
contiguous batches of about equal size in bytes (one partition each); every batch is parsed on a
worker by the pandas path's batch function (plain front-matter files in bulk, all others by the
per-file function behind :func:`kursk.articles.parse_file`) and becomes a frame through the same
column builder as on the pandas path, so the frames are equal. De-duplication across partitions
needs one look at the whole corpus, so it happens in two steps:

1. the workers parse their batches and send back, per file, only the keys (``article_id`` and a
   hash of the normalised text) and the load-report row;
2. the client runs :class:`kursk.articles.Deduplicator` over those keys in file order, the rule
   the pandas path applies, and tells each partition which of its articles to keep.

The load report is therefore computed eagerly and returned beside the lazy frame:
``ddf, report = load_articles(paths, engine="dask")`` (Dask frames carry no ``attrs``).

``persist=True`` (the default) keeps the parsed partitions in the workers' memory, so each file is
parsed once. ``persist=False`` keeps nothing: step 1 parses and forgets, and the frame parses
its batch again whenever it is computed, partition by partition; memory then stays at a few
partitions per worker, which is the way for corpora larger than the cluster's memory (write the
result once with :func:`kursk.articles.to_parquet` and work from :func:`read_parquet` after).

The cluster: ``client=`` (a ``distributed.Client``) or ``scheduler_address=`` (e.g.
``"tcp://10.0.0.5:8786"``) when given, else the current default client, else a
``LocalCluster`` of two single-threaded worker processes started on first use and closed when
the interpreter exits (:func:`close`). Scripts that start one need an
``if __name__ == "__main__":`` guard, since worker processes re-import the main module.
"""

from __future__ import annotations

import atexit
import math
import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from kursk import articles as A

#: Target size of one partition's input, in bytes (a batch is never empty).
PARTITION_BYTES = 32 * 1024 * 1024
#: Partitions per worker when the corpus is small.
PARTITIONS_PER_WORKER = 4

_OWN: dict[str, object] = {}


# --------------------------------------------------------------------------- cluster


def get_client(client=None, scheduler_address: str | None = None):
    """The ``distributed.Client`` to use: the given one, one for the address, the default, or a
    new two-worker ``LocalCluster``."""
    from distributed import Client

    if client is not None:
        return client
    if scheduler_address:
        if scheduler_address not in _OWN:
            _OWN[scheduler_address] = Client(scheduler_address)
        return _OWN[scheduler_address]
    try:
        return Client.current()
    except ValueError:
        pass
    if "local" not in _OWN:
        from distributed import LocalCluster

        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        _OWN["local_cluster"] = cluster
        _OWN["local"] = Client(cluster)
    return _OWN["local"]


@atexit.register
def close() -> None:
    """Close the clients and the ``LocalCluster`` this module started (not ones passed in)."""
    for key in list(_OWN):
        obj = _OWN.pop(key)
        try:
            obj.close()
        except Exception:  # noqa: BLE001 - best effort at interpreter exit
            pass


# --------------------------------------------------------------------------- articles


def batches(files: Sequence[str | os.PathLike], n: int) -> list[list[str]]:
    """``files`` cut into ``n`` contiguous, non-empty batches of about equal size in bytes."""
    files = [str(f) for f in files]
    n = max(1, min(n, len(files)))
    if not files:
        return []
    sizes = np.array([max(1, _size(f)) for f in files], dtype="float64")
    cum = np.cumsum(sizes)
    bounds = [0]
    for k in range(1, n):
        b = int(np.searchsorted(cum, cum[-1] * k / n, side="left")) + 1
        bounds.append(min(max(b, bounds[-1] + 1), len(files) - (n - k)))
    bounds.append(len(files))
    return [files[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def parse_batch(files: Sequence[str], **options) -> tuple[list[dict], list[list], list[dict]]:
    """Parse a batch as :func:`kursk.articles.parse_file` would, file by file: records, keys per
    file, report rows."""
    options = {"strict": False, "outlet": None, "language": None, "kickers": (), **options}
    records: list[dict] = []
    keys: list[list] = []
    reports: list[dict] = []
    for batch in _parse_batch(files, options):
        records.extend(batch.records_in_order())
        keys.extend(batch.keys)
        reports.extend(batch.report_rows())
    for rec in records:  # as parse_file gives them
        if type(rec["published"]) is datetime:
            rec["published"] = pd.Timestamp(rec["published"])
    return records, keys, reports


def _parse_batch(files: Sequence[str], options: dict) -> list:
    """A partition's files parsed by the pandas path's batch function
    (:func:`kursk.articles._parse_batch`), :data:`kursk.articles.BATCH_FILES` at a time."""
    shown = [(f, A.display_path(Path(f))) for f in files]
    parsed = []
    for start in range(0, len(shown), A.BATCH_FILES):
        with A.gc_paused():
            batch = A._parse_batch(shown[start : start + A.BATCH_FILES], **options)
        batch.raise_error()
        parsed.append(batch)
    return parsed


def _scan_of(parsed: list) -> tuple[list[list], list]:
    """Keys and report rows per file (as :meth:`kursk.articles.Deduplicator.add_files` takes
    them) of a parsed partition."""
    return [k for b in parsed for k in b.keys], [r for b in parsed for r in b.reports]


def _scan_batch(files: Sequence[str], options: dict) -> tuple[list[list], list]:
    return _scan_of(_parse_batch(files, options))


def _select(parsed: list, keep: Sequence[int]) -> pd.DataFrame:
    """The kept articles of a parsed partition (``keep``: positions in file order, ascending) as
    the articles frame, built as the pandas path does."""
    kept = A._Columns()
    offset = at = 0
    for batch in parsed:
        end = offset + len(batch.where)
        mine = []
        while at < len(keep) and keep[at] < end:
            mine.append(keep[at] - offset)
            at += 1
        with A.gc_paused():
            batch.add_to(kept, mine)
        offset = end
    return kept.frame()


def _load_batch(files: Sequence[str], keep: Sequence[int], options: dict) -> pd.DataFrame:
    return _select(_parse_batch(files, options), keep)


def _plan(scans: list[tuple], strict: bool) -> tuple[list[list[int]], pd.DataFrame]:
    """Which records each batch keeps, and the load report, by the pandas path's rule."""
    dedup = A.Deduplicator(strict=strict)
    keeps, report = [], []
    for keys, reports in scans:
        keep, rows = dedup.add_files(keys, reports)
        keeps.append(keep)
        report.extend(rows)
    return keeps, pd.DataFrame(report, columns=A.REPORT_COLUMNS)


def load_articles_dask(
    files: Sequence[str | os.PathLike],
    *,
    strict: bool = False,
    outlet: str | None = None,
    language: str | None = None,
    kickers: tuple[str, ...] = (),
    client=None,
    scheduler_address: str | None = None,
    npartitions: int | None = None,
    persist: bool = True,
):
    """The articles frame as a Dask DataFrame, and the load report (pandas), from ``files``.

    Computed and sorted by ``published, article_id``, the frame equals the pandas path's.
    """
    import dask.dataframe as dd

    files = [str(f) for f in files]
    meta = A.to_frame([])
    if not files:
        return dd.from_pandas(meta, npartitions=1), pd.DataFrame(columns=A.REPORT_COLUMNS)
    c = get_client(client, scheduler_address)
    if npartitions is None:
        workers = max(1, len(c.scheduler_info().get("workers", {})))
        by_size = math.ceil(sum(_size(f) for f in files) / PARTITION_BYTES)
        npartitions = max(PARTITIONS_PER_WORKER * workers, by_size)
    parts = batches(files, npartitions)
    options = {"strict": strict, "outlet": outlet, "language": language, "kickers": kickers}
    if persist:
        parsed = c.map(_parse_batch, parts, [options] * len(parts), pure=False)
        scans = c.gather(c.map(_scan_of, parsed, pure=False))
        keeps, report = _plan(scans, strict)
        frames = [c.submit(_select, p, k, pure=False) for p, k in zip(parsed, keeps, strict=True)]
        c.gather(c.map(len, frames))  # the frames are built before the raw records go
        del parsed
        return dd.from_delayed(frames, meta=meta, verify_meta=False), report
    scans = c.gather(c.map(_scan_batch, parts, [options] * len(parts), pure=False))
    keeps, report = _plan(scans, strict)
    ddf = dd.from_map(
        _load_batch, parts, keeps, args=[options], meta=meta, enforce_metadata=False
    )
    return ddf, report


def read_parquet(path: str | os.PathLike, **options):
    """An articles frame written by :func:`kursk.articles.to_parquet`, lazily (one partition per
    file or row group) with the articles frame's dtypes."""
    import dask.dataframe as dd

    ddf = dd.read_parquet(Path(path), **options)
    return ddf.map_partitions(_retype, meta=A.to_frame([]))


def _retype(df: pd.DataFrame) -> pd.DataFrame:
    return A._articles_dtypes(df[A.COLUMNS].copy())


# --------------------------------------------------------------------------- claims


def claims_dask(ddf):
    """Claims extracted from a Dask articles frame by :func:`kursk.claims.claims_from_articles`,
    partition by partition."""
    from kursk.claims import claims_from_articles

    meta = claims_from_articles(A.to_frame([]))
    return ddf.map_partitions(claims_from_articles, meta=meta)
