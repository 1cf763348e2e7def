"""The ``kursk`` command (``kursk.cli``), run as a user runs it: in a subprocess.

The command is the console script ``kursk`` that ``pyproject.toml`` declares; where the
environment has it (``make env`` installs it beside the interpreter) the tests run it, else they
run the same entry point with ``python -m kursk.cli``.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kursk.paths import project_root

ROOT = project_root()
#: fixture: three articles of one's own and one broken file (tests/fixtures/desk_articles/README.md)
ARTICLES = ROOT / "tests" / "fixtures" / "desk_articles"


def kursk_command() -> list[str]:
    """The installed ``kursk`` script next to this interpreter, or ``python -m kursk.cli``."""
    script = Path(sys.executable).with_name("kursk")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kursk.cli"]


def run(*args: str | os.PathLike, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    return subprocess.run([*kursk_command(), *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def test_the_command_is_declared_in_pyproject() -> None:
    with open(ROOT / "pyproject.toml", "rb") as f:
        scripts = tomllib.load(f)["project"]["scripts"]
    assert scripts == {"kursk": "kursk.cli:main"}


def test_help_names_both_commands_and_the_exit_status() -> None:
    done = run("--help")
    assert done.returncode == 0, done.stderr
    assert "extract" in done.stdout and "report" in done.stdout
    assert "Exit status" in done.stdout
    extract = run("extract", "--help")
    assert extract.returncode == 0 and "-o CSV, --output CSV" in extract.stdout
    report = run("report", "--help")
    assert report.returncode == 0 and "--articles" in report.stdout
    assert report.stdout.startswith("usage: kursk report")


def test_extract_writes_one_row_per_figure_and_the_load_report_to_stderr(tmp_path: Path) -> None:
    out = tmp_path / "deeper" / "claims.csv"
    done = run("extract", ARTICLES, "-o", out, cwd=tmp_path)  # any working directory
    assert done.returncode == 0, done.stderr  # a skipped file is not a failure
    assert done.stdout == ""
    assert "articles: 4 files read: 3 loaded (3 articles), 1 skipped, 0 duplicates" in done.stderr
    assert "skipped   " in done.stderr and "fixture_broken.json: not valid JSON" in done.stderr
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and rows[0].keys() >= {"claim_id", "article_id", "outlet", "value_low",
                                       "qualifier", "metric", "kind", "claimant", "sentence"}
    found = {(r["outlet"], float(r["value_low"]), r["metric"]) for r in rows}
    assert ("Fixture Wire", 10000.0, "deployed") in found
    assert ("Fixture Post", 3000.0, "casualties") in found
    assert f"figures: {len(rows)} from 3 articles" in done.stderr


def test_extract_to_stdout_and_quiet() -> None:
    done = run("extract", ARTICLES, "--quiet")
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.splitlines()[0].startswith("claim_id,article_id,outlet")


def test_an_empty_folder_is_not_a_failure(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = run("extract", tmp_path / "empty", "-o", tmp_path / "none.csv")
    assert done.returncode == 0, done.stderr
    assert "articles: 0 files read" in done.stderr
    assert (tmp_path / "none.csv").read_text(encoding="utf-8").startswith("claim_id,")


def test_real_failures_exit_non_zero(tmp_path: Path) -> None:
    missing = run("extract", tmp_path / "fixture-no-such-folder")
    assert missing.returncode == 1 and "no such folder" in missing.stderr
    strict = run("extract", ARTICLES, "--strict", "-o", tmp_path / "x.csv")
    assert strict.returncode == 1 and "fixture_broken.json" in strict.stderr
    assert not (tmp_path / "x.csv").exists()
    (tmp_path / "a-file").write_text("fixture", encoding="utf-8")
    unwritable = run("extract", ARTICLES, "-o", tmp_path / "a-file" / "claims.csv")
    assert unwritable.returncode == 1 and "cannot write" in unwritable.stderr
    usage = run("fixture-no-such-command")
    assert usage.returncode == 2
    assert run().returncode == 2


@pytest.mark.slow
def test_report_runs_the_notebooks_and_prints_the_load_summary(tmp_path: Path) -> None:
    """``kursk report`` is ``make report``: one notebook here (``--only 01``), into a folder of
    the test's own, with the load summary at the end."""
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    env_out = tmp_path / "out"
    done = run("report", "--articles", articles, "--only", "01", "--out", env_out)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (env_out / "01_articles.html").is_file() and (env_out / "index.html").is_file()
    last = done.stdout.strip().splitlines()
    assert last[-2].startswith("articles: 5 files read: 4 loaded (4 articles), 1 skipped"), last
    assert "fixture_broken.json: not valid JSON" in last[-1]
    from PIL import Image

    with Image.open(env_out / "figures" / "entities_mentioned.png") as img:
        source = img.text["Description"]
    assert "Fixture Wire" in source and "data/articles" not in source
