"""``python -m kursk.report``: the index, the HTML exports, volatile metadata, failures, --in-place."""

from __future__ import annotations

import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from test_reproducible import ROOT, report_runs, run_report

from kursk import report
from kursk.charts.provenance import credit

NOTEBOOKS = sorted((ROOT / "notebooks").glob("0*.ipynb"))


class _Links(HTMLParser):
    """Collects ``href`` and ``src`` attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links += [v for k, v in attrs if k in ("href", "src") and v]


def links(page: str) -> list[str]:
    """Every link and image source in an HTML page."""
    parser = _Links()
    parser.feed(page)
    return parser.links


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The report runs shared with test_reproducible.py (made once per session)."""
    return report_runs(tmp_path_factory)


# --- fast checks on the building blocks -------------------------------------------------------


def test_notebook_title_is_the_first_level_one_heading() -> None:
    """The title is the first ``# heading`` of a Markdown cell, else the default."""
    # fixture: a notebook made here
    nb = new_notebook(cells=[
        new_code_cell("x = 1"),
        new_markdown_cell("Some text\n\n## Not a title"),
        new_markdown_cell("# Fixture title ##\nbody"),
        new_markdown_cell("# Second"),
    ])
    assert report.notebook_title(nb, "default") == "Fixture title"
    assert report.notebook_title(new_notebook(), "default") == "default"


def test_index_links_every_notebook_and_figure_sorted_and_escaped(tmp_path: Path) -> None:
    """index.html links each notebook's HTML and each figure file; text is escaped; no timestamps."""
    figures = tmp_path / "figures"
    figures.mkdir()
    # fixture: empty stand-ins for exported figures (names only matter here)
    for name in ("b_fixture.png", "b_fixture.svg", "a&<fixture>.pdf", "notes.txt"):
        (figures / name).write_bytes(b"fixture")
    notebooks = [("01_fixture", "Fixture <one> & more"), ("02_fixture", "Two")]
    for name in ("01_fixture.html", "fixture_map.html"):
        (tmp_path / name).write_text("<p>fixture</p>", encoding="utf-8")
    parameters = {"ARTICLES": "data/articles", "START": "2024-06-01", "END": "2025-12-31"}
    page = report.write_index(tmp_path, notebooks, parameters).read_text(encoding="utf-8")
    assert "Fixture &lt;one&gt; &amp; more" in page and "<one>" not in page
    hrefs = links(page)
    assert "01_fixture.html" in hrefs and "02_fixture.html" in hrefs
    assert "notebooks/01_fixture.ipynb" in hrefs
    assert "fixture_map.html" in hrefs and hrefs.count("01_fixture.html") == 1
    shown = [h for h in hrefs if h.startswith("figures/")]
    assert "figures/a&<fixture>.pdf" in shown  # escaped in the page, decoded by the parser
    assert {"figures/b_fixture.png", "figures/b_fixture.svg"} <= set(shown)
    assert "figures/notes.txt" not in shown
    assert page.index("a&amp;&lt;fixture&gt;") < page.index("b_fixture")  # sorted
    assert "2024-06-01" in page
    again = report.write_index(tmp_path, notebooks, parameters).read_text(encoding="utf-8")
    assert again == page
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d|\d\d:\d\d:\d\d", page), "a timestamp"


def test_strip_volatile_removes_timings_and_numbers_widget_ids() -> None:
    """Timing metadata goes; random widget model ids become stable, consistently everywhere."""
    # fixture: a notebook as papermill/nbclient leave it, with two widget ids
    first, second = "f1f1f1f1a2a2b3b3c4c4d5d5e6e6f7f7", "0123456789abcdef0123456789abcdef"
    out = new_output(
        "display_data",
        data={"application/vnd.jupyter.widget-view+json": {"model_id": second, "version_major": 2}},
    )
    cell = new_code_cell("fixture", outputs=[out], execution_count=1)
    cell.metadata.update(
        papermill={"duration": 1.5}, execution={"iopub.status.idle": "2026-01-01T00:00:00Z"}
    )
    injected = new_code_cell('START = "2024-06-01"', id="3f9c2a1b")  # papermill's id is random
    injected.metadata["tags"] = ["injected-parameters"]
    nb = new_notebook(cells=[cell, injected])
    nb.metadata["papermill"] = {"start_time": "2026-01-01", "input_path": "/tmp/fixture.ipynb"}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {
        second: {"state": {"layout": f"IPY_MODEL_{first}"}}, first: {"state": {}},
    }}}
    clean = report.strip_volatile(nb, {"START": "2024-06-01"})
    assert clean.cells[0].metadata == {}
    assert clean.cells[1].id == "injected-parameters"
    assert clean.metadata["papermill"] == {"parameters": {"START": "2024-06-01"}}
    text = nbformat.writes(clean)
    assert first not in text and second not in text
    view = clean.cells[0].outputs[0].data["application/vnd.jupyter.widget-view+json"]
    assert view["model_id"] == f"{1:032x}"  # the displayed widget comes first
    state = clean.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    assert state[f"{1:032x}"]["state"]["layout"] == f"IPY_MODEL_{2:032x}"


def test_bad_dates_are_refused() -> None:
    """--start/--end must be ISO dates in order."""
    with pytest.raises(SystemExit):
        report.parse_args(["--start", "2024-13-01"])
    with pytest.raises(SystemExit):
        report.parse_args(["--start", "2025-01-02", "--end", "2025-01-01"])
    args = report.parse_args(["--articles", "x", "--only", "02", "--only", "03"])
    assert args.only == ["02", "03"] and args.start == "2024-06-01"


# --- a tiny fixture notebook folder: failure report and --in-place --------------------------

_OK = """# %% [markdown]
# # Fixture notebook that works

# %% tags=["parameters"]
ARTICLES = "data/articles"
START = "2024-06-01"
END = "2025-12-31"

# %%
print("fixture", START, END)

# %%
from kursk.paths import project_root, reports_dir
print("exports into reports/:", reports_dir() == project_root() / "reports")
"""
_FAILS = """# %% [markdown]
# # Fixture notebook that fails

# %% tags=["parameters"]
ARTICLES = "data/articles"
START = "2024-06-01"
END = "2025-12-31"

# %%
raise ValueError("fixture failure")
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name == "nt", reason="Unix sockets only")
def test_kernels_talk_over_their_own_sockets_and_stop_after_the_block() -> None:
    # two at once, as the report runs them: TCP ports could collide, IPC folders cannot
    with report.kernel_manager() as first, report.kernel_manager() as second:
        assert first.transport == second.transport == "ipc"
        assert first.ip != second.ip
        for km in (first, second):
            km.start_kernel()
        for km in (first, second):
            client = km.client()
            client.start_channels()
            client.wait_for_ready(timeout=60)
            client.stop_channels()
        folder = Path(first.ip).parent
        assert folder.is_dir()
    assert not first.has_kernel and not second.has_kernel
    assert not folder.exists()  # the sockets' folder is removed


def test_in_place_is_reproducible_and_a_failure_names_notebook_and_cell(tmp_path: Path) -> None:
    """--in-place pairs and executes notebooks identically twice; a failing cell stops the run."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (folder / "01_fixture_ok.py").write_text(_OK, encoding="utf-8")
    (folder / "02_fixture_fails.py").write_text(_FAILS, encoding="utf-8")
    done = run_report("--notebooks", folder, "--in-place")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "02_fixture_fails.ipynb" in done.stderr
    assert "cell 3 'raise ValueError(\"fixture failure\")'" in done.stderr
    assert "ValueError: fixture failure" in done.stderr
    assert "01_fixture_ok.ipynb" in done.stdout  # one line per notebook done
    first = (folder / "01_fixture_ok.ipynb").read_bytes()
    nb = nbformat.reads(first.decode(), as_version=4)
    assert nb.cells[2].outputs[0]["text"] == "fixture 2024-06-01 2025-12-31\n"
    assert nb.cells[3].outputs[0]["text"] == "exports into reports/: False\n"
    assert nb.cells[1].source.startswith('ARTICLES = "data/articles"')  # defaults kept
    assert not any(c.metadata.get("execution") for c in nb.cells)
    assert (folder / "01_fixture_ok.py").stat().st_mtime >= (folder / "01_fixture_ok.ipynb").stat().st_mtime
    again = run_report("--notebooks", folder, "--in-place", "--only", "01")
    assert again.returncode == 0, again.stderr
    assert "total" in again.stdout
    assert (folder / "01_fixture_ok.ipynb").read_bytes() == first


# --- the real report (runs shared with test_reproducible.py) --------------------------------


@pytest.mark.slow
def test_report_writes_every_notebook_html_and_copy(runs: dict[str, Path]) -> None:
    """Each notebook has an executed copy and an HTML export with code hidden, outputs shown."""
    assert NOTEBOOKS, "no notebooks/0*.ipynb"
    for path in NOTEBOOKS:
        copy = runs["a"] / "notebooks" / path.name
        nb = nbformat.read(copy, as_version=4)
        assert nb.metadata["papermill"]["parameters"]["START"] == "2024-06-01"
        # relative to the root, so that the executed copy is the same in every checkout
        assert nb.metadata["papermill"]["parameters"]["ARTICLES"] == "data/articles"
        assert not any(
            key in c.metadata for c in nb.cells for key in report.VOLATILE_CELL_METADATA
        ), f"{path.name}: volatile cell metadata left in the executed copy"
        page = (runs["a"] / f"{path.stem}.html").read_text(encoding="utf-8")
        title = html.escape(report.notebook_title(nb, path.stem), quote=False)
        assert f"<title>{title}</title>" in page, f"{path.name}: the HTML is not titled {title!r}"
        assert not re.search(r'class="[^"]*\bjp-InputArea-editor\b', page), (
            f"{path.name}: code shown in the HTML export"
        )
        code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
        assert page.count("jp-mod-noInput") >= len(code)
        assert "Traceback" not in page, f"{path.name}: an error in the HTML export"


@pytest.mark.slow
def test_index_links_every_notebook_and_every_figure(runs: dict[str, Path]) -> None:
    """reports/index.html links each notebook's HTML and each exported figure, all existing."""
    out = runs["a"]
    page = (out / "index.html").read_text(encoding="utf-8")
    hrefs = set(links(page))
    for path in NOTEBOOKS:
        assert f"{path.stem}.html" in hrefs, f"index.html does not link {path.stem}.html"
    figures = {p.relative_to(out).as_posix() for p in (out / "figures").rglob("*") if p.is_file()}
    assert any(f.startswith("figures/social/") for f in figures)
    assert figures and figures <= hrefs, f"not linked: {sorted(figures - hrefs)}"
    for href in hrefs - {h for h in hrefs if h.startswith(("http:", "https:"))}:
        assert (out / href).is_file(), f"index.html links a missing file: {href}"
    assert "<code>data/articles</code>" in page  # the parameters, repo-relative


def test_exported_figures_carry_title_and_source_and_the_index_uses_the_title(tmp_path: Path) -> None:
    """kursk.charts.save writes the chart's title and source line into PNG, SVG and PDF metadata;
    the index's thumbnail alt text is the title."""
    import matplotlib

    matplotlib.use("Agg")
    from PIL import Image

    import kursk.charts as kc

    # fixture: a made-up chart
    fig, ax = kc.figure("Fixture title <with> & marks", "Fixture subtitle", "fixture source")
    ax.plot([0, 1], [0, 1])
    png, svg, pdf = kc.save(fig, "fixture_chart", directory=tmp_path / "figures")
    with Image.open(png) as img:
        assert img.text["Title"] == "Fixture title <with> & marks"
        assert img.text["Description"] == f"Source: fixture source · {credit()}"
    assert "<dc:title>Fixture title &lt;with&gt; &amp; marks</dc:title>" in svg.read_text("utf-8")
    assert b"/Title (Fixture title <with> & marks)" in pdf.read_bytes()
    page = report.write_index(tmp_path, [], {}).read_text(encoding="utf-8")
    assert 'alt="Fixture title &lt;with&gt; &amp; marks"' in page


# --- reports/ belongs to `make report` -------------------------------------------------------


def _make_dry_run(target: str) -> list[str]:
    """The shell lines ``make -n TARGET`` would run, with the environment taken as built."""
    import subprocess

    done = subprocess.run(["make", "-n", target, "VENV=.venv-fixture-dry-run"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.parametrize("target", ["test", "unit", "nbval"])
def test_make_test_sends_exports_to_a_temporary_folder(target: str) -> None:
    """Every recipe that runs pytest first makes a temporary folder, removes it on exit, and
    hands it to the tests and the notebook kernels as KURSK_REPORTS."""
    lines = [line for line in _make_dry_run(target) if "/pytest " in line]
    assert lines, f"make {target} runs no pytest"
    expected = ("sh -c 'tmp=$(mktemp -d \"${TMPDIR:-/tmp}/kursk-test-reports.XXXXXX\") || exit 1; "
                "KURSK_REPORTS=\"$tmp\" \"$@\"; status=$?; rm -rf \"$tmp\"; exit $status' "
                "with-temporary-reports")
    for line in lines:
        before = line.split(" .venv-fixture-dry-run/bin/pytest")[0]
        assert before.endswith(expected), line
        assert "reports/" not in before


def test_the_temporary_folder_reaches_the_command_and_is_removed(tmp_path: Path) -> None:
    """The Makefile's prefix, run as make runs it: the command sees KURSK_REPORTS (and variables
    set before the prefix), the folder is gone afterwards, and the command's status is kept."""
    import subprocess

    line = next(line for line in _make_dry_run("unit") if "/pytest " in line)
    prefix = line.split(" .venv-fixture-dry-run/bin/pytest")[0]
    probe = ("import os, pathlib, sys; p = pathlib.Path(os.environ['KURSK_REPORTS']); "
             "print(p, p.is_dir(), os.environ.get('KURSK_ARTICLES')); sys.exit(3)")
    done = subprocess.run(f"KURSK_ARTICLES=fixture-folder {prefix} python3 -c \"{probe}\"",
                          shell=True, capture_output=True, text=True, timeout=60)
    assert done.returncode == 3, done.stderr
    folder, is_dir, articles = done.stdout.split()
    assert is_dir == "True" and articles == "fixture-folder"
    assert "kursk-test-reports." in folder and not Path(folder).exists()


def test_only_make_report_writes_reports() -> None:
    """make report is the one target whose commands name no other output folder."""
    report = [line for line in _make_dry_run("report") if "kursk.report" in line]
    assert report and "KURSK_REPORTS" not in report[0] and "--out" not in report[0]
    notebooks = [line for line in _make_dry_run("notebooks") if "kursk.report" in line]
    assert notebooks and "--in-place" in notebooks[0]


def test_the_guard_fails_a_run_that_writes_into_reports(tmp_path: Path) -> None:
    """tests/conftest.py fails the session if reports/ changed, and passes one that left it."""
    import shutil
    import subprocess
    import sys

    # fixture: a project folder with reports/ holding one file, and two made-up test files
    project = tmp_path / "project"
    (project / "reports").mkdir(parents=True)
    (project / "reports" / "kept.txt").write_text("fixture", encoding="utf-8")
    (project / "tests").mkdir()
    shutil.copy(ROOT / "tests" / "conftest.py", project / "tests" / "conftest.py")
    (project / "tests" / "test_fixture_writes.py").write_text(
        "import os, pathlib\n"
        "def test_fixture_writes():\n"
        "    assert os.environ['KURSK_REPORTS'] != str(pathlib.Path('reports').resolve())\n"
        "    (pathlib.Path(os.environ['KURSK_ROOT']) / 'reports' / 'kept.txt')"
        ".write_text('changed')\n", encoding="utf-8")
    (project / "tests" / "test_fixture_clean.py").write_text(
        "import os, pathlib\n"
        "def test_fixture_clean():\n"
        "    (pathlib.Path(os.environ['KURSK_REPORTS']) / 'fig.png').write_text('fixture')\n",
        encoding="utf-8")
    env = {**os.environ, "KURSK_ROOT": str(project)}
    env.pop("KURSK_REPORTS", None)

    def pytest_in(name: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
                               f"tests/{name}"], cwd=project, env=env, capture_output=True,
                              text=True, timeout=120)

    clean = pytest_in("test_fixture_clean.py")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    writes = pytest_in("test_fixture_writes.py")
    assert writes.returncode != 0, writes.stdout
    assert "changed kept.txt" in writes.stdout and "only `make report` may write" in writes.stdout


def test_fingerprints_see_added_removed_and_changed_files(tmp_path: Path) -> None:
    from conftest import changes, fingerprint

    # fixture: files made here
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.png").write_bytes(b"b")
    before = fingerprint(tmp_path)
    assert changes(before, fingerprint(tmp_path)) == []
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "sub" / "b.png").unlink()
    (tmp_path / "c.html").write_text("c", encoding="utf-8")
    assert changes(before, fingerprint(tmp_path)) == [
        "added c.html", "removed sub/b.png", "changed a.txt"]
    assert fingerprint(tmp_path / "fixture-missing") == {}


def test_load_summary_says_what_was_loaded_skipped_and_duplicated() -> None:
    import pandas as pd

    # fixture: a load report as kursk.articles.load_articles makes it
    frame = pd.DataFrame({
        "path": ["seeds/a.txt", "mine/b.md", "mine/c.json", "mine/d.md"],
        "status": ["loaded", "loaded", "skipped", "duplicate"],
        "reason": ["", "", "not valid JSON (line 1)", "same text as mine/b.md"],
        "articles": [1, 2, 0, 0],
        "warnings": ["", "", "", ""],
    })
    text = report.load_summary(frame)
    assert text.splitlines() == [
        "articles: 4 files read: 2 loaded (3 articles), 1 skipped, 1 duplicate",
        "  skipped   mine/c.json: not valid JSON (line 1)",
        "  duplicate mine/d.md: same text as mine/b.md",
    ]
    assert report.load_summary(frame, limit=1).splitlines()[-1].startswith("  … and 1 more")


def test_every_notebook_names_its_kernel() -> None:
    """A notebook without kernelspec metadata gets one from JupyterLab as it opens, and so shows
    as modified before the reader has done anything (notebook 02 did)."""
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert nb.metadata.get("kernelspec", {}).get("name") == report.KERNEL, path.name
        py = path.with_suffix(".py").read_text(encoding="utf-8")
        assert "#   kernelspec:" in py, f"{path.with_suffix('.py').name}: no kernelspec in its header"
