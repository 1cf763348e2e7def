"""Run every notebook into ``reports/``: executed copies, HTML exports, figures and an index.

``python -m kursk.report --articles PATH [--reviews FILE] --start DATE --end DATE [--out reports]``
executes each ``notebooks/0*.ipynb`` with papermill (parameters ``ARTICLES``, ``REVIEWS``,
``START``, ``END``, each notebook those it declares), writes
``<out>/notebooks/<name>.ipynb``, ``<out>/<name>.html`` (nbconvert, code hidden) and
``<out>/index.html``. Figures are written by the notebooks themselves (``kursk.charts.save``) into
``<out>/figures/``.

At the end it prints the articles' load summary (files loaded, skipped with the reason,
duplicates), so a file left out is seen without opening notebook 01.

``python -m kursk.report --in-place`` (``make notebooks``) is for maintainers: it syncs each
jupytext pair and re-executes the committed notebooks with their default parameters, so the
``.ipynb`` files hold fresh, deterministic outputs. What those runs export (figures, the map) goes
to a temporary folder (or ``--out``): only a report run writes ``reports/``.
"""

from __future__ import annotations

import argparse
import glob
import html
import itertools
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import nbformat
import pandas as pd

from kursk.paths import project_root, reports_dir, resolve, seeds_dir

KERNEL = "python3"
#: Seconds a single cell may run before the run is abandoned.
CELL_TIMEOUT = 900
#: Cell metadata that changes on every run (papermill / nbclient timings, editor extensions).
VOLATILE_CELL_METADATA = ("papermill", "execution", "ExecuteTime", "collapsed", "scrolled")
FIGURE_SUFFIXES = (".png", ".svg", ".pdf")
_HEADING = re.compile(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def _first_line(source: str | None) -> str:
    """The first non-blank line of a cell's source, quoted, for error messages."""
    lines = [line for line in (source or "").splitlines() if line.strip()]
    return repr(lines[0].strip()) if lines else "(empty cell)"


class NotebookFailed(RuntimeError):
    """A notebook raised an error: which notebook, which cell, and what it raised."""

    def __init__(self, notebook: str, cell: str, error: str) -> None:
        super().__init__(f"{notebook}: {cell}: {error}")
        self.notebook, self.cell, self.error = notebook, cell, error


@dataclass(frozen=True)
class Run:
    """One executed notebook and how long it took."""

    name: str
    seconds: float


def _echo(run: Run) -> Run:
    """Print one line for a finished notebook; returns it."""
    print(f"{run.name:<32} {run.seconds:7.1f} s", flush=True)
    return run


def notebook_paths(folder: str | os.PathLike | None = None, only: Sequence[str] = ()) -> list[Path]:
    """The notebooks to run, in order: ``0*.ipynb`` in ``folder`` whose name starts with one of ``only``."""
    nb_dir = Path(folder) if folder is not None else project_root() / "notebooks"
    paths = sorted(nb_dir.glob("0*.ipynb"))
    if only:
        paths = [p for p in paths if any(p.name.startswith(prefix) for prefix in only)]
        if not paths:
            raise SystemExit(f"no notebook in {nb_dir} starts with {', '.join(only)}")
    return paths


def notebook_title(nb: nbformat.NotebookNode, default: str) -> str:
    """The first Markdown level-1 heading of a notebook (its title), else ``default``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = _HEADING.search(cell.source)
            if match:
                return match.group(1).strip()
    return default


def check_date(value: str) -> str:
    """``value`` if it is an ISO date (YYYY-MM-DD); argparse type for ``--start``/``--end``."""
    try:
        date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from err
    return value


def kernel_environment(out: Path) -> None:
    """Set the environment the kernels inherit: output folder, hash seed, inline figures."""
    os.environ["KURSK_REPORTS"] = str(out)
    os.environ.setdefault("PYTHONHASHSEED", "0")
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


def _canonical_widget_ids(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook with random ipywidgets model ids replaced by ids numbered in a fixed order:
    displayed widgets in order of appearance, then the models each refers to (depth first, in
    the order its sorted state names them), then any left over by their content; the saved
    widget state is listed in that order."""
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    models = state.get("state", {})
    shown = [view["model_id"] for cell in nb.cells for output in cell.get("outputs", [])
             if (view := output.get("data", {}).get("application/vnd.jupyter.widget-view+json",
                                                    {})).get("model_id")]  # fmt: skip
    refs = re.compile(r"IPY_MODEL_([0-9a-f]+)")
    order: list[str] = []

    def visit(model_id: str) -> None:
        if model_id in order:
            return
        order.append(model_id)
        for ref in refs.findall(json.dumps(models.get(model_id, {}), sort_keys=True)):
            visit(ref)

    for model_id in shown:
        visit(model_id)
    order += sorted((m for m in models if m not in order),
                    key=lambda m: refs.sub("", json.dumps(models[m], sort_keys=True)))
    if not order:
        return nb
    ids = {model_id: f"{n:032x}" for n, model_id in enumerate(order, start=1)}
    pattern = re.compile("|".join(re.escape(k) for k in sorted(ids, key=len, reverse=True)))
    nb = nbformat.reads(pattern.sub(lambda m: ids[m.group(0)], nbformat.writes(nb)), as_version=4)
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    if state.get("state"):  # listed in that order in the HTML export too
        state["state"] = dict(sorted(state["state"].items()))
    return nb


def strip_volatile(nb: nbformat.NotebookNode, parameters: dict | None = None) -> nbformat.NotebookNode:
    """The notebook without run-dependent metadata (timings, papermill paths, random widget ids,
    the random id papermill gives the cell of parameters it adds)."""
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
    if "papermill" in nb.metadata:
        nb.metadata["papermill"] = {"parameters": parameters or {}}
    return _canonical_widget_ids(nb)


def export_html(nb: nbformat.NotebookNode, title: str) -> str:
    """The notebook as a standalone HTML page with code cells hidden (outputs and Markdown only)."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab", exclude_input=True, exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    numbers = itertools.count(1)  # the template's output ids, random by default, numbered
    exporter.environment.globals["uuid4"] = lambda: f"output-{next(numbers)}"
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def _png_title(path: Path) -> str:
    """The Title that :func:`kursk.charts.save` wrote into a PNG ("" if it has none or the file
    is not a PNG Pillow can read)."""
    from PIL import Image

    try:
        with Image.open(path) as img:
            return str(getattr(img, "text", {}).get("Title", ""))
    except OSError:
        return ""


def _figure_rows(figures: Path) -> list[str]:
    """One ``<li>`` per figure stem in ``figures`` with links to each of its formats, sorted."""
    stems: dict[str, list[str]] = {}
    for path in sorted(figures.iterdir()) if figures.is_dir() else []:
        if path.is_file() and path.suffix.lower() in FIGURE_SUFFIXES:
            stems.setdefault(path.stem, []).append(path.name)
    rows = []
    for stem, names in sorted(stems.items()):
        links = " · ".join(
            f'<a href="figures/{html.escape(n, quote=True)}">{html.escape(Path(n).suffix[1:].upper())}</a>'
            for n in sorted(names)
        )
        png = next((n for n in names if n.lower().endswith(".png")), None)
        thumb = (
            f'<a href="figures/{html.escape(png, quote=True)}"><img src="figures/'
            f'{html.escape(png, quote=True)}" alt="{html.escape(_png_title(figures / png) or stem, quote=True)}" '
            'loading="lazy"></a>'
            if png
            else ""
        )
        social = sorted((figures / "social").glob(f"{glob.escape(stem)}_*x*.png"))
        shared = " · ".join(
            f'<a href="figures/social/{html.escape(p.name, quote=True)}">'
            f'{html.escape(p.stem.rsplit("_", 1)[1].replace("x", "×"))} px</a>' for p in social)
        shared = f" (for social media: {shared})" if shared else ""
        rows.append(f"<li><strong>{html.escape(stem)}</strong> ({links}){shared}{thumb}</li>")
    return rows


#: The lines of ``index.html`` before its lists, and after them.
_INDEX_HEAD = (
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>kursk-notebooks report</title>",
    "<style>",
    "body{font-family:'DejaVu Sans',sans-serif;max-width:60rem;margin:2rem auto;"
    "padding:0 1rem;color:#222;line-height:1.5}",
    ".muted{color:#666;font-size:.9em}",
    "ul.figures img{display:block;max-width:100%;margin:.4rem 0 1.2rem;border:1px solid #ddd}",
    "</style>",
    "</head>",
    "<body>",
    "<h1>kursk-notebooks report</h1>",
    "<p>News reporting on North Korean troops fighting for Russia in the Kursk region, since "
    "2024: each notebook below was run with the parameters listed, code hidden. Charts are in "
    "PNG, SVG and PDF.</p>",
)
_INDEX_FOOT = (
    '<p class="muted">Made by <code>make report</code> (kursk-notebooks). '
    "Code: MIT licence; curated data: CC BY 4.0; third-party data keep their terms.</p>",
    "</body>",
    "</html>",
    "",
)


def write_index(out: Path, notebooks: Iterable[tuple[str, str]], parameters: dict[str, str]) -> Path:
    """Write ``out/index.html`` linking each ``(name, title)`` notebook's HTML, every figure and
    every other HTML page the notebooks wrote into ``out`` (such as interactive maps)."""
    nb_rows = [
        f'<li><a href="{html.escape(name, quote=True)}.html">{html.escape(title)}</a> '
        f'<span class="muted">({html.escape(name)}; executed copy: <a href="notebooks/'
        f'{html.escape(name, quote=True)}.ipynb">notebooks/{html.escape(name)}.ipynb</a>)</span></li>'
        for name, title in notebooks
    ]
    params = "".join(
        f"<li><code>{html.escape(k)}</code> = <code>{html.escape(str(v))}</code></li>"
        for k, v in parameters.items()
    )
    figures = _figure_rows(out / "figures") or ["<li>No figures were exported.</li>"]
    names = {name for name, _ in notebooks}
    pages = [
        f'<li><a href="{html.escape(p.name, quote=True)}">{html.escape(p.name)}</a></li>'
        for p in sorted(out.glob("*.html"))
        if p.name != "index.html" and p.stem not in names
    ]
    page = "\n".join([
        *_INDEX_HEAD,
        "<h2>Parameters</h2>", f"<ul>{params}</ul>",
        "<h2>Notebooks</h2>", "<ol>", *nb_rows, "</ol>",
        *(["<h2>Interactive pages</h2>", "<ul>", *pages, "</ul>"] if pages else []),
        "<h2>Figures</h2>", '<ul class="figures">', *figures, "</ul>",
        *_INDEX_FOOT,
    ])
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def _display_path(path: Path) -> str:
    """``path`` relative to the repository root when inside it (stable across checkouts)."""
    try:
        return path.relative_to(project_root()).as_posix()
    except ValueError:
        return path.as_posix()


def run_report(
    articles: str, start: str, end: str, out: Path, notebooks: Sequence[Path],
    jobs: int | None = None, reviews: str = "",
) -> list[Run]:
    """Execute ``notebooks`` with papermill into ``out``; export HTML and write ``out/index.html``.
    ``reviews``: the review file ("" for ``data/articles/reviews.csv`` if it exists)."""
    articles_path = resolve(articles)
    if not articles_path.is_dir():
        raise SystemExit(f"--articles: no such folder: {articles_path}")
    out.mkdir(parents=True, exist_ok=True)
    (out / "notebooks").mkdir(exist_ok=True)
    figures = out / "figures"
    if len(notebooks) == len(notebook_paths(notebooks[0].parent)) and figures.is_dir():
        for old in figures.iterdir():  # a full run starts from no figures, so none are stale
            if old.is_file() and old.suffix.lower() in FIGURE_SUFFIXES:
                old.unlink()
    reviews_path = resolve(reviews) if reviews else None
    if reviews_path is not None and not reviews_path.is_file():
        raise SystemExit(f"--reviews: no such file: {reviews_path}")
    kernel_environment(out)
    # paths relative to the root where inside it (the notebooks resolve them from there), so that
    # the executed notebooks are the same in every checkout
    parameters = {"ARTICLES": _display_path(articles_path),
                  "REVIEWS": _display_path(reviews_path) if reviews_path else "",
                  "START": start, "END": end}

    # Notebooks are independent (each writes its own figures), so they run side by side, one
    # kernel per core; results are listed in notebook order.
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(notebooks)))
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        runs = list(pool.map(lambda nb: _run_notebook(nb, out, parameters), notebooks))
    listed = [
        (p.stem, notebook_title(nbformat.read(out / "notebooks" / p.name, as_version=4), p.stem))
        for p in notebook_paths(notebooks[0].parent)
        if (out / "notebooks" / p.name).is_file()
    ]
    shown = {**parameters, "REVIEWS": parameters["REVIEWS"] or "data/articles/reviews.csv (if it exists)"}
    write_index(out, listed, shown)
    return runs


def _run_notebook(path: Path, out: Path, parameters: dict[str, str]) -> Run:
    """Execute one notebook into ``out/notebooks`` with the parameters it declares, strip what
    varies between runs, and export its HTML page."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    name = path.stem
    target = out / "notebooks" / path.name
    began = time.perf_counter()
    declared = pm.inspect_notebook(str(path))  # each notebook gets the parameters it has
    mine = {k: v for k, v in parameters.items() if k in declared}
    try:
        with kernel_manager() as km:
            # the kernel starts in the notebook's folder (nbclient's resources path), not by
            # papermill's cwd=, which changes the whole process's folder while other
            # notebooks run in the threads beside it
            pm.execute_notebook(
                str(path), str(target), parameters=mine, kernel_name=KERNEL,
                progress_bar=False, log_output=False, execution_timeout=CELL_TIMEOUT, km=km,
                resources={"metadata": {"path": str(path.parent)}},
            )
    except PapermillExecutionError as err:
        raise NotebookFailed(
            path.name, f"cell In [{err.exec_count}] {_first_line(err.source)}",
            f"{err.ename}: {err.evalue}",
        ) from err
    nb = strip_volatile(nbformat.read(target, as_version=4), mine)
    nbformat.write(nb, target)
    (out / f"{name}.html").write_text(export_html(nb, notebook_title(nb, name)), encoding="utf-8")
    return _echo(Run(path.name, time.perf_counter() - began))


def _jupytext(*args: str) -> None:
    """Run the jupytext command line in this process; stop with its message when it fails."""
    from jupytext.cli import jupytext

    try:
        code = jupytext(["--quiet", *args])
    except Exception as err:  # jupytext reports bad pairs and bad files as exceptions
        raise SystemExit(f"jupytext {' '.join(args)} failed: {err}") from err
    if code:
        raise SystemExit(f"jupytext {' '.join(args)} failed with exit code {code}")


def sync_pairs(folder: Path) -> list[Path]:
    """``jupytext --sync`` every ``0*.py``/``0*.ipynb`` pair in ``folder`` (pairing missing halves)."""
    stems = sorted({p.stem for p in folder.glob("0*.py")} | {p.stem for p in folder.glob("0*.ipynb")})
    for stem in stems:
        py, ipynb = folder / f"{stem}.py", folder / f"{stem}.ipynb"
        if py.is_file() and ipynb.is_file():
            _jupytext("--sync", str(py))
        else:
            _jupytext("--set-formats", "ipynb,py:percent", str(py if py.is_file() else ipynb))
    return [folder / f"{stem}.ipynb" for stem in stems]


@contextmanager
def kernel_manager() -> Iterator[object]:
    """A kernel manager for :data:`KERNEL` that talks over Unix sockets in a fresh folder.

    Kernels started at the same time over TCP can race for the same free port, and one dies
    before it replies ("Kernel died before replying to kernel_info"; papermill issue #239). With
    IPC each kernel has its own sockets, so reports and tests can run notebooks side by side.
    The kernel is shut down on leaving the block.
    """
    from jupyter_client.manager import KernelManager

    with tempfile.TemporaryDirectory(prefix="kursk-kernel-") as folder:
        if os.name == "nt":  # no Unix sockets: TCP, as Jupyter does by default
            km = KernelManager(kernel_name=KERNEL)
        else:
            km = KernelManager(kernel_name=KERNEL, transport="ipc", ip=os.path.join(folder, "k"))
        try:
            yield km
        finally:  # the client does not own a manager it was given: stop the kernel here
            if km.has_kernel:
                km.shutdown_kernel(now=True)


def execute_in_place(path: Path) -> None:
    """Execute ``path`` with its default parameters and save it with deterministic metadata."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    with kernel_manager() as km:
        client = NotebookClient(
            nb, km=km, kernel_name=KERNEL, timeout=CELL_TIMEOUT, record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as err:
                    raise NotebookFailed(
                        path.name, f"cell {index + 1} {_first_line(cell.source)}",
                        f"{err.ename}: {err.evalue}",
                    ) from err
            client.set_widgets_metadata()
    nb = strip_volatile(nb)
    nbformat.write(nb, path)
    py = path.with_suffix(".py")
    if py.is_file():  # keep the text file newer than the notebook, as jupytext --sync does
        now = time.time()
        os.utime(py, (now, now))


def run_in_place(notebooks: Sequence[Path], jobs: int | None = None,
                 out: Path | None = None) -> list[Run]:
    """Execute each committed notebook in place (side by side, one per core); returns the runs.

    What the notebooks export goes to ``out``, by default a temporary folder removed afterwards:
    the figures of the committed notebooks (the seed alone) must not replace a report's.
    """
    def run_one(path: Path) -> Run:
        began = time.perf_counter()
        execute_in_place(path)
        return _echo(Run(path.name, time.perf_counter() - began))

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(notebooks) or 1))
    with tempfile.TemporaryDirectory(prefix="kursk-in-place-") as scratch:
        kernel_environment(out if out is not None else Path(scratch))
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(run_one, notebooks))


def load_summary(report: pd.DataFrame, *, limit: int = 20) -> str:
    """The articles' load report (``articles.attrs["load_report"]``) in a few lines: files
    loaded (and their articles), skipped with the reason, duplicates; at most ``limit`` files
    are listed by name."""
    status = report["status"].astype(str) if len(report) else pd.Series(dtype=str)
    loaded, skipped, dupes = (report[status == s] for s in ("loaded", "skipped", "duplicate"))
    n_articles = int(pd.to_numeric(loaded["articles"], errors="coerce").fillna(0).sum())
    lines = [
        f"articles: {len(report):,} file{'s' * (len(report) != 1)} read: {len(loaded):,} "
        f"loaded ({n_articles:,} article{'s' * (n_articles != 1)}), {len(skipped):,} skipped, "
        f"{len(dupes):,} duplicate{'s' * (len(dupes) != 1)}"
    ]
    listed = pd.concat([skipped, dupes])
    for row in listed.head(limit).itertuples(index=False):
        lines.append(f"  {row.status:<9} {row.path}: {row.reason or 'no reason given'}")
    if len(listed) > limit:
        lines.append(f"  … and {len(listed) - limit:,} more (see the load report in notebook 01)")
    return "\n".join(lines)


def articles_summary(articles: str | os.PathLike) -> str:
    """:func:`load_summary` of the seed and the articles folder, as the notebooks load them."""
    from kursk.articles import load_articles

    return load_summary(load_articles(seeds_dir(), resolve(articles)).attrs["load_report"])


def parse_args(argv: Sequence[str] | None = None, prog: str = "python -m kursk.report"
               ) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.split("\n")[0].replace("``", ""))
    parser.add_argument("--articles", default="data/articles",
                        help="folder of articles (relative paths are taken from the repository root)")
    parser.add_argument("--reviews", default="",
                        help="your review file (default: data/articles/reviews.csv if it exists)")
    parser.add_argument("--start", default="2024-06-01", type=check_date, help="first date, YYYY-MM-DD")
    parser.add_argument("--end", default="2026-12-31", type=check_date, help="last date, YYYY-MM-DD")
    parser.add_argument("--out", default=None,
                        help="output folder (default: reports/, or $KURSK_REPORTS); relative to the root")
    parser.add_argument("--in-place", action="store_true",
                        help="sync jupytext pairs and re-execute the committed notebooks in place")
    parser.add_argument("--only", action="append", default=[], metavar="PREFIX",
                        help="run only notebooks whose name starts with PREFIX (repeatable), e.g. 02")
    parser.add_argument("--jobs", type=int, default=None,
                        help="notebooks run side by side (default: one per CPU core)")
    parser.add_argument("--notebooks", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.start > args.end:
        parser.error(f"--start {args.start} is after --end {args.end}")
    return args


def main(argv: Sequence[str] | None = None, prog: str = "python -m kursk.report") -> int:
    """Entry point: run the notebooks, print one line per notebook, the total time and the
    articles' load summary."""
    args = parse_args(argv, prog)
    folder = Path(args.notebooks).resolve() if args.notebooks else project_root() / "notebooks"
    began = time.perf_counter()
    try:
        if args.in_place:
            sync_pairs(folder)
            run_in_place(notebook_paths(folder, args.only), jobs=args.jobs,
                         out=resolve(args.out) if args.out else None)
        else:
            paths = notebook_paths(folder, args.only)
            if not paths:
                raise SystemExit(f"no notebooks (0*.ipynb) in {folder}")
            out = resolve(args.out) if args.out else reports_dir()
            run_report(args.articles, args.start, args.end, out, paths, jobs=args.jobs,
                       reviews=args.reviews)
    except NotebookFailed as err:
        print(f"FAILED {err.notebook}: {err.cell}: {err.error}", file=sys.stderr)
        return 1
    print(f"{'total':<32} {time.perf_counter() - began:7.1f} s")
    if not args.in_place:
        print(f"report: {out / 'index.html'}")
        print(articles_summary(args.articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
