"""Articles and claims on Dask: the public per-file and per-article functions, mapped over
partitions. Nothing here parses or extracts by itself.

:func:`load_articles` cuts the files into contiguous partitions and parses each partition on a
worker with :func:`kursk.articles.parse_file`. De-duplication needs one look at the whole corpus
in file order, so it runs in two steps: the workers send back each file's duplicate keys and
load-report row; the client runs :class:`kursk.articles.Deduplicator` over them in file order
(the rule the pandas loader applies) and each partition keeps the articles it is told to. The
load report is therefore computed at once and returned beside the lazy frame:
``ddf, report = scale.load_articles(paths)``.

``persist=True`` (the default) keeps each partition's parsed articles in the workers' memory, so
every file is parsed once. ``persist=False`` keeps nothing: the frame parses its partition again
whenever it is computed, which is the way for corpora larger than the cluster's memory (write the
result once with :func:`kursk.articles.to_parquet` and work from :func:`read_parquet` after).

The cluster: ``client=`` (a ``distributed.Client``) or ``scheduler_address=`` when given, else the
current default client, else a ``LocalCluster`` of two single-threaded worker processes started
on first use and closed at exit (:func:`close`). Scripts that start one need an
``if __name__ == "__main__":`` guard, since worker processes re-import the main module.
"""

from __future__ import annotations

import atexit
import os
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from kursk import articles as A
from kursk.claims import claims_from_articles

#: Partitions per worker.
PARTITIONS_PER_WORKER = 4
_OWN: dict[str, object] = {}


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
        _OWN["local_cluster"] = cluster = local_cluster(2)
        _OWN["local"] = Client(cluster)
    return _OWN["local"]


def local_cluster(n_workers: int = 2):
    """A ``LocalCluster`` of ``n_workers`` single-threaded worker processes, no dashboard."""
    from distributed import LocalCluster

    return LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                        dashboard_address=None)


@atexit.register
def close() -> None:
    """Close the clients and the ``LocalCluster`` this module started (not ones passed in)."""
    for key in list(_OWN):
        try:
            _OWN.pop(key).close()
        except Exception:  # noqa: BLE001 - best effort at interpreter exit
            pass


def _parse(files: Sequence[str], options: dict) -> tuple[list[list[dict]], list[dict]]:
    """Each file of a partition parsed: its article records and its load-report row."""
    parsed = [A.parse_file(f, **options) for f in files]
    return [records for records, _ in parsed], [row for _, row in parsed]


def _keys(part: tuple[list[list[dict]], list[dict]]) -> tuple[list[list[tuple[str, str]]], list[dict]]:
    """A parsed partition's duplicate keys per file, and its report rows."""
    records, rows = part
    keys = [[(r["article_id"], A.text_key(r["text"])) for r in recs] for recs in records]
    return keys, rows


def _frame(part: tuple[list[list[dict]], list[dict]], keep: list[list[int]]) -> pd.DataFrame:
    """The kept articles of a parsed partition as the articles frame."""
    records, _ = part
    return A.to_frame([recs[i] for recs, k in zip(records, keep, strict=True) for i in k])


def _load(files: Sequence[str], keep: list[list[int]], options: dict) -> pd.DataFrame:
    return _frame(_parse(files, options), keep)


def load_articles(
    *paths: str | os.PathLike,
    strict: bool = False,
    outlet: str | None = None,
    language: str | None = None,
    kickers: Sequence[str] = (),
    client=None,
    scheduler_address: str | None = None,
    npartitions: int | None = None,
    persist: bool = True,
):
    """The articles of ``paths`` as a Dask DataFrame, and the load report (a pandas frame).

    The same files, rows and report as :func:`kursk.articles.load_articles`; computed and sorted by
    ``published, article_id``, the frame equals the pandas one.
    """
    import dask.dataframe as dd

    files = [str(f) for p in paths for f in A.discover(p)]
    meta = A.to_frame([])
    if not files:
        return dd.from_pandas(meta, npartitions=1), A.report_frame([])
    c = get_client(client, scheduler_address)
    if npartitions is None:
        npartitions = PARTITIONS_PER_WORKER * max(1, len(c.scheduler_info().get("workers", {})))
    n = max(1, min(npartitions, len(files)))
    parts = [files[len(files) * i // n : len(files) * (i + 1) // n] for i in range(n)]
    options = {"strict": strict, "outlet": outlet, "language": language, "kickers": tuple(kickers)}
    parsed = c.map(_parse, parts, [options] * n, pure=False)
    dedup, report, keeps = A.Deduplicator(strict=strict), [], []
    for keys, rows in c.gather(c.map(_keys, parsed, pure=False)):  # in file order
        keep = []
        for file_keys, row in zip(keys, rows, strict=True):
            kept, row = dedup.add(row, file_keys)
            keep.append(kept)
            report.append(row)
        keeps.append(keep)
    if persist:
        frames = c.map(_frame, parsed, keeps, pure=False)
        return dd.from_delayed(frames, meta=meta, verify_meta=False), A.report_frame(report)
    del parsed  # nothing kept on the workers: each partition is parsed again when computed
    ddf = dd.from_map(_load, parts, keeps, args=[options], meta=meta, enforce_metadata=False)
    return ddf, A.report_frame(report)


def read_parquet(path: str | os.PathLike, **options):
    """An articles frame written by :func:`kursk.articles.to_parquet`, lazily (one partition per
    file or row group) with the articles frame's dtypes."""
    import dask.dataframe as dd

    ddf = dd.read_parquet(Path(path), **options)
    return ddf.map_partitions(A.articles_dtypes, meta=A.to_frame([]))


def claims(ddf):
    """Claims extracted from a Dask articles frame by :func:`kursk.claims.claims_from_articles`,
    partition by partition."""
    return ddf.map_partitions(claims_from_articles, meta=claims_from_articles(A.to_frame([])))
