"""Every notebook is paired with a py:percent file holding the same cells, and committed executed.

Fix a failure with ``make notebooks`` (jupytext --sync, then re-execution in place).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import jupytext
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NB_DIR = ROOT / "notebooks"
STEMS = sorted({p.stem for p in NB_DIR.glob("*.ipynb")} | {p.stem for p in NB_DIR.glob("*.py")})
PARAMETERS = {"ARTICLES", "START", "END"}


def cells(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """(cell type, source without trailing blank lines) of each code or Markdown cell."""
    return [(c.cell_type, c.source.rstrip()) for c in nb.cells if c.cell_type in ("code", "markdown")]


def assigned_names(source: str) -> set[str]:
    """Names assigned at the top level of a code cell."""
    names = set()
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def test_there_are_notebooks() -> None:
    """The analysis has notebooks to pair, execute and test."""
    assert list(NB_DIR.glob("0*.ipynb")), "no notebooks/0*.ipynb"


@pytest.mark.parametrize("stem", STEMS)
def test_pair_exists_and_is_percent(stem: str) -> None:
    """Both halves exist; the text half is py:percent and the notebook declares the pairing."""
    ipynb, py = NB_DIR / f"{stem}.ipynb", NB_DIR / f"{stem}.py"
    assert ipynb.is_file(), f"{py.name} has no paired {ipynb.name} (run `make notebooks`)"
    assert py.is_file(), f"{ipynb.name} has no paired {py.name} (run `make notebooks`)"
    text = jupytext.read(py)
    fmt = text.metadata.get("jupytext", {}).get("text_representation", {}).get("format_name")
    assert fmt == "percent", f"{py.name} is in jupytext format {fmt!r}, not py:percent"
    formats = nbformat.read(ipynb, as_version=4).metadata.get("jupytext", {}).get("formats", "")
    assert "py:percent" in formats, f"{ipynb.name}: jupytext formats {formats!r} lack py:percent"


@pytest.mark.parametrize("stem", STEMS)
def test_pair_has_the_same_cells(stem: str) -> None:
    """The .py and the .ipynb hold the same code and Markdown cells, in the same order."""
    ipynb, py = NB_DIR / f"{stem}.ipynb", NB_DIR / f"{stem}.py"
    if not (ipynb.is_file() and py.is_file()):
        pytest.fail(f"{stem}: pair incomplete (see test_pair_exists_and_is_percent)")
    a, b = cells(jupytext.read(py)), cells(jupytext.read(ipynb))
    for n, (from_py, from_nb) in enumerate(zip(a, b, strict=False), start=1):
        assert from_py == from_nb, (
            f"{stem}: cell {n} differs between {py.name} and {ipynb.name} "
            f"(run `make notebooks`):\n--- py\n{from_py[1][:400]}\n--- ipynb\n{from_nb[1][:400]}"
        )
    assert len(a) == len(b), f"{stem}: {py.name} has {len(a)} cells, {ipynb.name} has {len(b)}"


@pytest.mark.parametrize("stem", STEMS)
def test_notebook_has_a_parameters_cell(stem: str) -> None:
    """One cell is tagged ``parameters`` and sets ARTICLES, START and END (for papermill)."""
    nb = nbformat.read(NB_DIR / f"{stem}.ipynb", as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{stem}.ipynb: {len(tagged)} cells tagged 'parameters', expected 1"
    assert tagged[0].cell_type == "code", f"{stem}.ipynb: the parameters cell is not code"
    missing = PARAMETERS - assigned_names(tagged[0].source)
    assert not missing, f"{stem}.ipynb: the parameters cell does not set {sorted(missing)}"


@pytest.mark.parametrize("stem", STEMS)
def test_notebook_is_executed_without_errors(stem: str) -> None:
    """Every code cell ran, top to bottom in one session, and no output is an error."""
    nb = nbformat.read(NB_DIR / f"{stem}.ipynb", as_version=4)
    code = [(n, c) for n, c in enumerate(nb.cells, start=1) if c.cell_type == "code" and c.source.strip()]
    counts = [c.get("execution_count") for _, c in code]
    unrun = [n for (n, _), count in zip(code, counts, strict=True) if count is None]
    assert not unrun, f"{stem}.ipynb: cells {unrun} were not executed (run `make notebooks`)"
    assert counts == list(range(1, len(counts) + 1)), (
        f"{stem}.ipynb: execution counts {counts} are not 1..{len(counts)}: run it top to bottom"
    )
    for n, cell in code:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", (
                f"{stem}.ipynb: cell {n} has an error output: {out.get('ename')}: {out.get('evalue')}"
            )
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                assert "Traceback" not in out.get("text", ""), (
                    f"{stem}.ipynb: cell {n} printed a traceback to stderr"
                )


def _parameters_source(stem: str) -> str:
    nb = nbformat.read(NB_DIR / f"{stem}.ipynb", as_version=4)
    return next(c.source for c in nb.cells if "parameters" in c.metadata.get("tags", []))


@pytest.mark.parametrize("stem", STEMS)
def test_articles_folder_follows_kursk_articles(stem: str, monkeypatch) -> None:
    """ARTICLES is data/articles unless KURSK_ARTICLES names another folder (as make test does)."""
    source = _parameters_source(stem)
    monkeypatch.delenv("KURSK_ARTICLES", raising=False)
    default: dict = {}
    exec(compile(source, f"{stem}:parameters", "exec"), default)
    assert default["ARTICLES"] == "data/articles"
    monkeypatch.setenv("KURSK_ARTICLES", "tests/fixtures/no_articles")
    pointed: dict = {}
    exec(compile(source, f"{stem}:parameters", "exec"), pointed)
    assert pointed["ARTICLES"] == "tests/fixtures/no_articles"


def test_make_test_runs_the_notebooks_without_users_articles() -> None:
    """Every Makefile recipe that runs or re-executes notebooks points KURSK_ARTICLES at a folder
    holding no article and KURSK_REVIEWS at a review file with no decision, so the stored outputs
    never depend on what a user put in data/articles."""
    from kursk.articles import load_articles

    makefile = (ROOT / "Makefile").read_text()
    folder = re.search(r"^NO_ARTICLES := KURSK_ARTICLES=(\S+) KURSK_REVIEWS=(\S+)$", makefile, re.M)
    assert folder, ("the Makefile does not define NO_ARTICLES := KURSK_ARTICLES=<folder> "
                    "KURSK_REVIEWS=<file>")
    reviews = (ROOT / folder.group(2)).read_text(encoding="utf-8").splitlines()
    assert len(reviews) == 1 and reviews[0].startswith("claim_id,"), "the review file has rows"
    for target in ("nbval", "test", "notebooks"):
        recipe = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.M)
        assert recipe and recipe.group(1).startswith("\t$(NO_ARTICLES) "), (
            f"make {target} does not run with $(NO_ARTICLES)"
        )
    loaded = load_articles(ROOT / folder.group(1), progress=False)
    assert len(loaded) == 0 and len(loaded.attrs["load_report"]) == 0
