"""Session-wide guard: a test run never writes into ``reports/`` (only ``make report`` does).

What the notebooks and tests export (figures, the interactive map, screenshots) goes to
``$KURSK_REPORTS``: ``make test`` sets it to a temporary folder, and a bare ``pytest`` gets one
here. The autouse session fixture :func:`reports_left_alone` fingerprints every file under the
repository's ``reports/`` (path and sha256) before the first test and fails the run if anything
was added, removed or changed by the end (a session in which no test used the fixture, such as
``pytest tests --nbval notebooks/… -k nothing-in-tests``, is checked by
:func:`pytest_sessionfinish`). ``make nbval`` collects no file under ``tests/``, so this file is
not loaded there: its Makefile recipe sets the temporary folder itself, as ``make test``'s does.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from kursk.paths import project_root

#: The session's state: the fingerprint taken at the start, whether the fixture compared it.
_STATE: dict[str, object] = {}


def reports_folder() -> Path:
    """The repository's ``reports/`` (whatever ``$KURSK_REPORTS`` says)."""
    return project_root() / "reports"


def fingerprint(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, by path relative to it (empty if it is missing)."""
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def changes(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """What differs between two fingerprints: ``added x``, ``removed x``, ``changed x``."""
    return ([f"added {p}" for p in sorted(set(after) - set(before))]
            + [f"removed {p}" for p in sorted(set(before) - set(after))]
            + [f"changed {p}" for p in sorted(set(before) & set(after)) if before[p] != after[p]])


def _message(diff: list[str]) -> str:
    shown = "; ".join(diff[:10]) + (f"; … {len(diff) - 10} more" if len(diff) > 10 else "")
    return (f"the test run changed {reports_folder()} (only `make report` may write there; tests "
            f"write to $KURSK_REPORTS): {shown}")


def pytest_configure(config: pytest.Config) -> None:
    """Send exports to a temporary folder when the caller has not chosen one, and fingerprint
    ``reports/`` before anything runs (kernels started by nbval inherit the variable)."""
    if not os.environ.get("KURSK_REPORTS"):
        folder = tempfile.mkdtemp(prefix="kursk-pytest-reports-")
        os.environ["KURSK_REPORTS"] = folder
        _STATE["made"] = folder
    _STATE["before"] = fingerprint(reports_folder())


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the temporary folder made in :func:`pytest_configure`."""
    made = _STATE.pop("made", None)
    if made:
        os.environ.pop("KURSK_REPORTS", None)
        shutil.rmtree(str(made), ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def reports_left_alone() -> object:
    """Fail the session if ``reports/`` changed while it ran (files and bytes)."""
    yield
    _STATE["checked"] = True
    diff = changes(_STATE["before"], fingerprint(reports_folder()))  # type: ignore[arg-type]
    if diff:
        pytest.fail(_message(diff), pytrace=False)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The same check when no test used the fixture (a run of notebooks alone)."""
    if _STATE.get("checked") or "before" not in _STATE:
        return
    diff = changes(_STATE["before"], fingerprint(reports_folder()))  # type: ignore[arg-type]
    if diff:
        session.config.get_terminal_writer().line(f"ERROR: {_message(diff)}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
