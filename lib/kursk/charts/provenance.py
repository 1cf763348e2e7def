"""What a chart passed on by itself needs to be cited: the project's version and the data's.

:func:`data_version` is the date of the latest row of the curated data (the latest value of any
date column of ``data/*.csv``, as ``data/datapackage.json`` types them) and the project's version
(``pyproject.toml``). :func:`credit` puts both in the words of every chart's footer. Only the date
columns are read; nothing here draws, and the charts themselves still load no data.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from kursk import paths, schema

PROJECT = "kursk-notebooks"
_DATE_TYPES = ("date", "datetime")


def project_version() -> str:
    """The version in the checkout's ``pyproject.toml`` (else the installed package's, else "")."""
    try:
        with open(paths.project_root() / "pyproject.toml", "rb") as f:
            return str(tomllib.load(f)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError, FileNotFoundError):
        try:
            return version("kursk")
        except PackageNotFoundError:
            return ""


@lru_cache(maxsize=8)
def _latest(data_dir: str, stamps: tuple[tuple[str, float], ...]) -> str:
    latest: pd.Timestamp | None = None
    for name in schema.resources(data_dir):
        resource = schema.resource(name, data_dir)
        dates = [f["name"] for f in schema.fields(name, data_dir) if f["type"] in _DATE_TYPES]
        path = Path(data_dir) / str(resource.get("path", ""))
        if not dates or not path.is_file():
            continue
        frame = pd.read_csv(path, usecols=dates, dtype=str, keep_default_na=False)
        for column in dates:
            values = pd.to_datetime(frame[column].replace("", None), errors="coerce",
                                    format="mixed").dropna()
            if len(values):
                top = values.max()
                top = top.tz_localize(None) if top.tzinfo else top
                latest = top if latest is None or top > latest else latest
    return "" if latest is None else f"{latest:%Y-%m-%d}"


def latest_data_date(data_dir: str | None = None) -> str:
    """The latest date in any date column of the data package's tables (ISO; "" if none)."""
    folder = schema.data_dir(data_dir)
    try:
        stamps = tuple(sorted((p.name, p.stat().st_mtime) for p in folder.glob("*.csv")))
        return _latest(str(folder), stamps)
    except (OSError, KeyError, ValueError):
        return ""


def data_version() -> tuple[str, str]:
    """``(latest data date, project version)``, for a chart's footer and file metadata."""
    return latest_data_date(), project_version()


def credit() -> str:
    """The footer's credit: "Chart: kursk-notebooks 0.1.0 · data to 2026-03-13"."""
    day, release = data_version()
    who = f"Chart: {PROJECT} {release}".rstrip()
    return f"{who} · data to {day}" if day else who
