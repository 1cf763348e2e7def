"""Tables to take away: one frame written as CSV and as an Excel workbook, byte-identical on
every run (dates as dates, numbers as numbers, readable in a spreadsheet)."""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd

#: Written into the workbook's properties and its zip entries instead of the time of writing.
FIXED_TIME = datetime(2024, 1, 1)


def write_table(frame: pd.DataFrame, path: str | os.PathLike, *, sheet: str = "data") -> list[Path]:
    """``frame`` as ``<path>.csv`` (UTF-8, ISO dates) and ``<path>.xlsx`` (one sheet, a frozen
    header row, an autofilter); returns the two paths."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    path = Path(path).with_suffix("")
    path.parent.mkdir(parents=True, exist_ok=True)
    out = frame.copy()
    for c in out.columns:
        if isinstance(out[c].dtype, pd.CategoricalDtype):
            out[c] = out[c].astype(object)
    csv_path = path.with_suffix(".csv")
    out.to_csv(csv_path, index=False, date_format="%Y-%m-%d", lineterminator="\n")

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append([str(c) for c in out.columns])
    for row in out.itertuples(index=False):
        ws.append([_cell(v) for v in row])
    for i, c in enumerate(out.columns, 1):
        width = max([len(str(c)), *(len(str(v)) for v in out[c].head(200))], default=8)
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, width + 2))
        if pd.api.types.is_datetime64_any_dtype(out[c]):
            for cell in ws[get_column_letter(i)][1:]:
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.properties.created = wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    xlsx_path = path.with_suffix(".xlsx")
    xlsx_path.write_bytes(_fixed_zip(buffer.getvalue()))
    return [csv_path, xlsx_path]


def _cell(value: object) -> object:
    """A value as openpyxl writes it: missing as an empty cell, timestamps as plain dates."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.tz_localize(None).to_pydatetime() if value.tzinfo else value.to_pydatetime()
    return value.item() if hasattr(value, "item") else value


def _fixed_zip(data: bytes) -> bytes:
    """The same workbook with every zip entry's time, and the modification time openpyxl sets
    on saving (``docProps/core.xml``), set to :data:`FIXED_TIME`."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, body)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, body)
    return out.getvalue()
