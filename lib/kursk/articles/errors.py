"""The two ways a file can fail to load: skipped (lenient) or an error naming it (strict)."""

from __future__ import annotations

import os


class ArticleError(ValueError):
    """A file that cannot be read as an article (raised in strict mode), naming file and reason."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self):
        # rebuilt from (path, reason) when it crosses a process boundary (Dask workers)
        return (type(self), (self.path, self.reason))


class SkipFile(Exception):
    """Raised by a parser: this file is skipped for ``reason`` (an :class:`ArticleError` when
    strict)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def short(e: BaseException) -> str:
    """The first clause of an exception's message (at most 80 characters), or its type's name."""
    msg = str(e).split(";")[0].strip()
    return msg[:80] if msg else type(e).__name__
