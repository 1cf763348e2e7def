"""Articles and claims on Dask: the same per-file and per-article functions, mapped over partitions.

``kursk.articles.load_articles(paths, engine="dask")`` lands here. The files are cut into
contiguous batches of about equal size in bytes (one partition each; beyond
:data:`SIZE_SAMPLE` files the client looks up the sizes of an evenly spaced sample only, and
leaves every other file to the worker that reads it); every batch is parsed on a
worker by the pandas path's batch function (plain front-matter files in bulk, all others by the
per-file function behind :func:`kursk.articles.parse_file`) and becomes a frame through the same
column builder as on the pandas path, so the frames are equal. De-duplication across partitions
needs one look at the whole corpus, so it happens in two steps:

1. the workers parse their batches, make each partition's articles into its frame, and send
   back, per file, only the keys (``article_id`` and a hash of the normalised text) and the
   load-report row;
2. the client runs :class:`kursk.articles.Deduplicator` over those keys in file order, the rule
   the pandas path applies, as each partition's keys arrive, and tells each partition which of
   its articles to keep: a partition with no duplicate is its frame as built, the others drop
   rows on the worker.

The load report is therefore computed eagerly and returned beside the lazy frame:
``ddf, report = load_articles(paths, engine="dask")`` (Dask frames carry no ``attrs``).

``persist=True`` (the default) keeps the partitions' frames in the workers' memory, so each file
is parsed once. ``persist=False`` keeps nothing: step 1 parses and forgets, and the frame parses
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
import pickle
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

from kursk import articles as A

#: Target size of one partition's input, in bytes (a batch is never empty).
PARTITION_BYTES = 32 * 1024 * 1024
#: Partitions per worker when the corpus is small.
PARTITIONS_PER_WORKER = 4
#: Files whose sizes the client looks up to cut a larger corpus into partitions (an evenly spaced
#: sample): one ``stat`` per file costs 2-3 us here, on a network file system far more, and the
#: workers read every file anyway.
SIZE_SAMPLE = 4096

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
        cluster = local_cluster(2)
        _OWN["local_cluster"] = cluster
        _OWN["local"] = Client(cluster)
    return _OWN["local"]


def local_cluster(n_workers: int = 2):
    """The ``LocalCluster`` :func:`get_client` starts when given none: ``n_workers``
    single-threaded worker processes, no dashboard, and no statistical profiler in the workers
    (it samples each worker's stack every 10 ms for the dashboard; without it, loading the
    100,000-file benchmark corpus on one worker took 7.6-7.7 s of CPU instead of 8.2-9.5 s)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        )


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
    """``files`` cut into ``n`` contiguous, non-empty batches of about equal size in bytes (as
    :func:`sizes` gives them)."""
    files = [str(f) for f in files]
    return [files[a:b] for a, b in _cuts(sizes(files), n)]


def sizes(files: Sequence[str | os.PathLike]) -> np.ndarray:
    """The size in bytes of each of ``files`` (0 if it cannot be read), as the cut into
    partitions uses it: up to :data:`SIZE_SAMPLE` files each looked up; beyond that, each file
    has the size of the last of :data:`SIZE_SAMPLE` evenly spaced files at or before it."""
    n = len(files)
    if n <= SIZE_SAMPLE:
        return np.array([_size(f) for f in files], np.int64)
    picked = np.arange(SIZE_SAMPLE, dtype=np.int64) * n // SIZE_SAMPLE  # starts at 0, ascending
    found = np.array([_size(files[i]) for i in picked.tolist()], np.int64)
    return np.repeat(found, np.diff(np.append(picked, n)))


def _cuts(sizes: Sequence[int] | np.ndarray, n: int) -> list[tuple[int, int]]:
    """(start, stop) of ``n`` contiguous, non-empty runs of ``sizes`` of about equal sum."""
    if not len(sizes):
        return []
    n = max(1, min(n, len(sizes)))
    cum = np.cumsum(np.maximum(np.asarray(sizes, dtype="float64"), 1))
    bounds = [0]
    for k in range(1, n):
        b = int(np.searchsorted(cum, cum[-1] * k / n, side="left")) + 1
        bounds.append(min(max(b, bounds[-1] + 1), len(sizes) - (n - k)))
    bounds.append(len(sizes))
    return list(zip(bounds[:-1], bounds[1:], strict=True))


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def parse_batch(
    files: Sequence[str | os.PathLike], **options
) -> tuple[list[dict], list[list], list[dict]]:
    """Parse a batch as :func:`kursk.articles.parse_file` would, file by file: records, keys per
    file, report rows."""
    options = {"strict": False, "outlet": None, "language": None, "kickers": (), **options}
    records: list[dict] = []
    keys: list[list] = []
    reports: list[dict] = []
    for batch in _parsed_batches(files, options):
        records.extend(batch.records_in_order())
        keys.extend(batch.keys)
        reports.extend(batch.report_rows())
    for rec in records:  # as parse_file gives them
        if type(rec["published"]) is datetime:
            rec["published"] = pd.Timestamp(rec["published"])
    return records, keys, reports


def _pairs(files: Sequence) -> list[tuple[str, str | None]]:
    """``files`` as (path, display path) pairs: paths get None (found on the worker), pairs
    (as ``kursk.articles`` discovers them, display paths found once per folder) stay."""
    return [f if isinstance(f, tuple) else (str(f), None) for f in files]


class _Files:
    """A partition's files as (path, display path) pairs, in one object that Dask passes to the
    task as it is (a list of thousands of pairs would be walked pair by pair for futures when
    the task is built: 0.24 s of the client's time for 100,000 files)."""

    __slots__ = ("pairs",)

    def __init__(self, pairs: Sequence[tuple[str, str | None]]):
        self.pairs = list(pairs)

    def __reduce__(self):
        return (_Files, (self.pairs,))

    def __len__(self) -> int:
        return len(self.pairs)


class _Part:
    """A parsed partition, as a worker keeps it: every article of its files as the articles
    frame (``None`` when only the keys were wanted), the file-order position of each of the
    frame's rows, and per file the duplicate keys and load-report row."""

    __slots__ = ("frame", "order", "keys", "reports")

    def __init__(self, frame, order, keys, reports):
        self.frame, self.order, self.keys, self.reports = frame, order, keys, reports

    def __sizeof__(self) -> int:
        # what Dask's scheduler weighs before moving it to another worker: without this it
        # would see a few bytes, and run a partition's next task wherever a thread is free
        from dask.sizeof import sizeof

        return sizeof(self.frame) + sizeof(self.order) + 200 * len(self.keys)


def _parsed_batches(files: _Files | Sequence, options: dict) -> Iterator[A._Batch]:
    """``files`` (paths, or (path, display path) pairs) parsed by the pandas path's batch function
    (:func:`kursk.articles._parse_batch`), :data:`kursk.articles.BATCH_FILES` at a time; a
    batch's first error is raised in place of the batch."""
    pairs = files.pairs if isinstance(files, _Files) else _pairs(files)
    shown = [(p, s if s is not None else A.display_path(Path(p))) for p, s in pairs]
    for start in range(0, len(shown), A.BATCH_FILES):
        with A.gc_paused():
            batch = A._parse_batch(shown[start : start + A.BATCH_FILES], **options)
        batch.raise_error()
        yield batch
        del batch  # let go before the next batch is parsed


def _parse_part(files: _Files | Sequence, options: dict, build: bool = True) -> _Part:
    """A partition's files parsed (:func:`_parsed_batches`) and (``build``) all their articles
    made into one frame by the pandas path's column builder, each batch's records let go as soon
    as they are added."""
    kept = A._Columns()
    keys: list[list] = []
    reports: list = []
    added: list[int] = []  # the file-order position of each article added to ``kept``
    for batch in _parsed_batches(files, options):
        keys.extend(batch.keys)
        reports.extend(batch.reports)
        if build:
            with A.gc_paused():
                offset = len(added)
                added.extend([offset + p for p in batch.add_to(kept, range(len(batch.where)))])
        del batch
    if not build:
        return _Part(None, None, keys, reports)
    frame = kept.frame()
    return _Part(frame, np.asarray(added, np.int64)[kept.order], keys, reports)


def _scan_of(part: _Part) -> bytes:
    """Keys and report rows per file (as :meth:`kursk.articles.Deduplicator.add_files` takes
    them) of a parsed partition, pickled: Dask moves bytes as they are, where a tuple of lists
    of tuples is serialised and rebuilt item by item inside its event loop (0.2-0.3 s of the
    client's time for 100,000 files' keys, against 0.03 s for the bytes); :func:`_keeps`
    unpickles them with the garbage collector paused."""
    return pickle.dumps((part.keys, part.reports), protocol=pickle.HIGHEST_PROTOCOL)


def _scan_batch(files: _Files | Sequence, options: dict) -> bytes:
    return _scan_of(_parse_part(files, options, build=False))


def _take(part: _Part, keep: Sequence[int]) -> pd.DataFrame:
    """The kept articles of a parsed partition (``keep``: positions in file order, ascending) as
    the articles frame: the partition's frame itself when it keeps them all, else its kept rows
    (the frame is sorted stably, so its kept rows are in the order the pandas path gives them)."""
    n = len(part.order)
    if len(keep) == n:
        return part.frame
    wanted = np.zeros(n, bool)
    wanted[np.asarray(keep, np.int64)] = True
    rows = np.flatnonzero(wanted[part.order])
    return part.frame.take(rows).reset_index(drop=True)


def _load_batch(files: _Files | Sequence, keep: Sequence[int], options: dict) -> pd.DataFrame:
    return _take(_parse_part(files, options), keep)


def _keeps(scans: Iterable[bytes], strict: bool, report: list) -> Iterator[np.ndarray]:
    """Which records each batch keeps, by the pandas path's rule, batch by batch in file order
    (``scans``: keys and report rows per batch as :func:`_scan_of` gives them, taken one at a
    time); the load-report rows are appended to ``report``."""
    dedup = A.Deduplicator(strict=strict)
    for scan in scans:
        with A.gc_paused():
            keys, rows = pickle.loads(scan)
            keep, found = dedup.add_files(keys, rows)
            report.extend(found)
        del keys, rows
        # an array, which Dask passes to the task as it is (a list is walked item by item)
        yield np.asarray(keep, np.int64)


def load_articles_dask(
    files: Sequence[str | os.PathLike | tuple[str, str]],
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
    ``files``: paths, or (path, display path) pairs as ``load_articles`` passes them (then no
    worker works out a display path file by file).
    """
    import dask.dataframe as dd

    files = _pairs(files)
    meta = A.to_frame([])
    if not files:
        return dd.from_pandas(meta, npartitions=1), _report([])
    c = get_client(client, scheduler_address)
    size = sizes([f for f, _ in files])
    if npartitions is None:
        workers = max(1, len(c.scheduler_info().get("workers", {})))
        by_size = math.ceil(int(size.sum()) / PARTITION_BYTES)
        npartitions = max(PARTITIONS_PER_WORKER * workers, by_size)
    parts = [_Files(files[a:b]) for a, b in _cuts(size, npartitions)]
    del size
    options = {"strict": strict, "outlet": outlet, "language": language, "kickers": kickers}
    rows: list = []  # the load report's rows
    if persist:
        # each partition parsed and made into its frame on a worker; only the keys come back
        parsed = c.map(_parse_part, parts, [options] * len(parts), pure=False)
        scans = c.map(_scan_of, parsed, pure=False)
        # planned in file order as each partition's keys arrive; a partition that keeps every
        # article is its frame as built, the others drop their duplicates on the worker
        keeps = _keeps((scan.result() for scan in scans), strict, rows)
        frames = [c.submit(_take, p, k, pure=False) for p, k in zip(parsed, keeps, strict=True)]
        del parsed, scans  # the workers keep each partition until its frame is taken
        return dd.from_delayed(frames, meta=meta, verify_meta=False), _report(rows)
    scans = c.gather(c.map(_scan_batch, parts, [options] * len(parts), pure=False))
    keeps = list(_keeps(scans, strict, rows))
    ddf = dd.from_map(
        _load_batch, parts, keeps, args=[options], meta=meta, enforce_metadata=False
    )
    return ddf, _report(rows)


def _report(rows: list) -> pd.DataFrame:
    return A._report_frame(rows)


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
