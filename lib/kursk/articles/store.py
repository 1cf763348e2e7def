"""An articles frame stored as Parquet and read back with the same dtypes and load report."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from kursk.articles.load import COLUMNS, REPORT_COLUMNS, articles_dtypes

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


def read_parquet(path: str | os.PathLike, **options) -> pd.DataFrame:
    """An articles frame read back from :func:`to_parquet`, with the same dtypes (and report).
    For a folder of parts too large for memory, see :func:`kursk.scale.read_parquet`."""
    import pyarrow.parquet as pq

    table = pq.read_table(path, **options)
    df = articles_dtypes(table.to_pandas())
    meta = table.schema.metadata or {}
    if _REPORT_KEY in meta:
        rows = json.loads(meta[_REPORT_KEY].decode("utf-8"))
        df.attrs["load_report"] = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    return df
