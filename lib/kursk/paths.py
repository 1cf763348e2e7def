"""Where the project's folders are: found from the package, overridable by environment variables."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def project_root() -> Path:
    """The repository root: ``$KURSK_ROOT`` if set, else the folder above ``lib/`` holding ``pyproject.toml``."""
    return _root(os.environ.get("KURSK_ROOT"), os.getcwd())


@lru_cache(maxsize=16)
def _root(env: str | None, cwd: str) -> Path:
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "data").is_dir():
            return parent
    # installed outside a checkout: fall back to the working directory's repo, if any
    for parent in [Path(cwd), *Path(cwd).parents]:
        if (parent / "pyproject.toml").is_file() and (parent / "data").is_dir():
            return parent
    raise FileNotFoundError("cannot find the kursk-notebooks checkout; set KURSK_ROOT")


def data_dir() -> Path:
    """``data/``: curated datasets and their dictionary."""
    return project_root() / "data"


def seeds_dir() -> Path:
    """``seeds/``: the article the project started from."""
    return project_root() / "seeds"


def reports_dir() -> Path:
    """``reports/`` (or ``$KURSK_REPORTS``): generated output."""
    env = os.environ.get("KURSK_REPORTS")
    return Path(env).resolve() if env else project_root() / "reports"


def figures_dir() -> Path:
    """``reports/figures/``: exported charts and maps."""
    return reports_dir() / "figures"


def resolve(path: str | os.PathLike) -> Path:
    """A path as given by a user or notebook parameter: absolute stays, relative is taken from the root."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else project_root() / p
