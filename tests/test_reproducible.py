"""Two report runs give byte-identical exports; one more article changes the outputs.

The runs are made once per test session by :func:`report_runs` and shared with
``test_report.py``: ``a`` and ``b`` run every notebook on the default articles; ``extra`` runs
notebook 01 on the default articles plus one fixture article.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
#: fixture: a short article in our own words, clearly marked as test data. Its figure is the
#: Pentagon's public estimate of 28 October 2024 (about 10,000 North Korean soldiers sent to
#: eastern Russia for training), so the fixture invents no number.
FIXTURE_ARTICLE = """---
title: Fixture article for kursk-notebooks tests
outlet: kursk-notebooks test fixture
url: https://example.org/kursk-notebooks/fixture-article
published: 2024-10-29T10:00:00+00:00
language: en
---
This is a fixture written for the kursk-notebooks test suite; it is not a news report.

The Pentagon said about 10,000 North Korean soldiers had been sent to eastern Russia for training.

Ukraine's president Volodymyr Zelensky said the troops could soon be sent to the Kursk region.
"""
FIXTURE_NAME = "zz_fixture_extra_article.md"
_RUNS: dict[str, Path] = {}


def _env() -> dict[str, str]:
    """The environment ``make report`` gives the runner (no inherited output folder or backend)."""
    env = {k: v for k, v in os.environ.items() if k not in ("KURSK_REPORTS", "MPLBACKEND")}
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def _command(*args: str | os.PathLike) -> list[str]:
    """``python -m kursk.report ARGS`` with this interpreter."""
    return [sys.executable, "-m", "kursk.report", *map(str, args)]


def run_report(*args: str | os.PathLike) -> subprocess.CompletedProcess:
    """``python -m kursk.report ARGS`` from the repository root, as ``make report`` runs it."""
    return subprocess.run(
        _command(*args), cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=900
    )


def _run_together(runs: dict[str, list]) -> dict[str, str]:
    """Run several reports at once (one kernel each: two fit two cores); fail on any failure.
    Returns what each printed."""
    logs = {name: tempfile.TemporaryFile(mode="w+") for name in runs}
    procs = {
        name: subprocess.Popen(
            _command(*args), cwd=ROOT, env=_env(), stdout=logs[name], stderr=subprocess.STDOUT,
            text=True,
        )
        for name, args in runs.items()
    }
    printed = {}
    try:
        for name, proc in procs.items():
            code = proc.wait(timeout=900)
            logs[name].seek(0)
            printed[name] = logs[name].read()
            if code:
                pytest.fail(f"report run {name} failed ({code}):\n{printed[name][-4000:]}")
        return printed
    finally:
        for name, proc in procs.items():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            logs[name].close()


def report_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The session's report runs (made on first use): output folders ``a``, ``b`` and ``extra``.

    ``a`` and ``b`` run at the same time (each is one process and one kernel at a time); ``extra``
    runs notebook 01 alone afterwards.
    """
    if not _RUNS:
        base = tmp_path_factory.mktemp("report-runs")
        printed = _run_together({name: ["--out", base / name] for name in ("a", "b")})
        articles = base / "articles-plus-one"
        shutil.copytree(ROOT / "data" / "articles", articles)
        (articles / FIXTURE_NAME).write_text(FIXTURE_ARTICLE, encoding="utf-8")
        printed |= _run_together({"extra": ["--articles", articles, "--only", "01", "--out",
                                            base / "extra"]})
        _RUNS.update(a=base / "a", b=base / "b", extra=base / "extra", articles=articles)
        for name, text in printed.items():
            (base / f"{name}.log").write_text(text, encoding="utf-8")
    return _RUNS


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The shared report runs."""
    return report_runs(tmp_path_factory)


def _exports(out: Path) -> dict[str, bytes]:
    """Every file a report run wrote (figures, tables, notebooks and their HTML pages, the
    interactive map, the index), by relative path."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


def test_two_runs_export_byte_identical_files(runs: dict[str, Path]) -> None:
    """Every file of the report (PNG, SVG and PDF figures, tables, executed notebooks and their
    HTML pages, the index) is byte-identical across two runs."""
    a, b = _exports(runs["a"]), _exports(runs["b"])
    assert sorted(a) == sorted(b), f"the runs wrote different files: {sorted(set(a) ^ set(b))}"
    figures = [k for k in a if k.startswith("figures/")]
    assert figures, "the report exported no figures"
    assert {Path(k).suffix for k in figures} == {".png", ".svg", ".pdf"}
    different = [k for k in a if a[k] != b[k]]
    assert not different, f"not byte-identical across two runs: {different}"


def test_one_more_article_changes_the_outputs(runs: dict[str, Path]) -> None:
    """With one extra (fixture) article, notebook 01 lists it and its figures change."""
    page_a = next(runs["a"].glob("01*.html")).read_text(encoding="utf-8")
    page_extra = next(runs["extra"].glob("01*.html")).read_text(encoding="utf-8")
    assert "Fixture article for kursk-notebooks tests" in page_extra
    assert "Fixture article for kursk-notebooks tests" not in page_a
    figures = sorted(p.name for p in (runs["extra"] / "figures").iterdir())
    assert figures, "notebook 01 exported no figures"
    changed = [
        name for name in figures
        if (runs["a"] / "figures" / name).read_bytes() != (runs["extra"] / "figures" / name).read_bytes()
    ]
    assert changed, f"no figure of notebook 01 changed with one more article: {figures}"


def test_stored_notebook_outputs_hold_no_memory_address() -> None:
    """An object's default repr ("<... at 0x7f...>") differs from run to run; none may be stored."""
    import json
    import re

    from kursk.paths import project_root

    address = re.compile(r" at 0x[0-9a-f]{6,}")
    for path in sorted((project_root() / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            for out in cell.get("outputs", []):
                text = json.dumps(out.get("data", {})) + json.dumps(out.get("text", ""))
                assert not address.search(text), f"{path.name}: {address.search(text).group(0)}"


def test_headline_charts_are_also_made_for_social_media(runs: dict[str, Path]) -> None:
    """figures/social/ holds each headline chart at 1200×675 and 1080×1350 pixels, carrying the
    chart's title and a source line that names the project's and the data's version."""
    from PIL import Image

    from kursk.charts.provenance import credit
    from kursk.charts.social import HEADLINE_CHARTS, SOCIAL_SIZES

    social = runs["a"] / "figures" / "social"
    for name in HEADLINE_CHARTS:
        with Image.open(runs["a"] / "figures" / f"{name}.png") as chart:
            title = chart.text["Title"]
            assert chart.text["Description"].endswith(credit())
        for label, size in SOCIAL_SIZES.items():
            with Image.open(social / f"{name}_{label}.png") as img:
                assert img.size == size, f"{name}_{label}.png is {img.size}"
                assert img.text["Title"] == title
                assert img.text["Description"].endswith(credit())


def test_the_report_ends_with_the_load_summary(runs: dict[str, Path]) -> None:
    """make report prints the articles' load summary last; with articles elsewhere, the charts
    name their outlets, not a folder."""
    from PIL import Image

    log = (runs["a"].parent / "extra.log").read_text(encoding="utf-8").strip().splitlines()
    summary = next(line for line in reversed(log) if not line.startswith("  "))
    assert re.match(r"articles: \d+ files read: \d+ loaded \(\d+ articles\), \d+ skipped, "
                    r"\d+ duplicates?$", summary), log[-5:]
    with Image.open(runs["extra"] / "figures" / "entities_mentioned.png") as img:
        source = img.text["Description"]
    assert "kursk-notebooks test fixture" in source and "data/articles" not in source
