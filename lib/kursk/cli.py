"""The ``kursk`` command: the analysis without notebooks.

``kursk extract FOLDER -o claims.csv``
    Troop figures from a folder of articles (every format :func:`kursk.articles.load_articles`
    reads), one CSV row per figure (:func:`kursk.claims.claims_from_articles`). The load report
    (files loaded, skipped with the reason, duplicates) goes to stderr, the CSV to ``-o`` (or to
    stdout without ``-o``).
``kursk report [--articles FOLDER] [--start DATE] [--end DATE] [--out FOLDER]``
    What ``make report`` does: run every notebook into ``reports/`` (:mod:`kursk.report`).

Exit status: 0 when the command did its job, also when some files were skipped (they are listed
on stderr) or no figure was found; 1 on a real failure (no such folder, ``--strict`` and a file
that cannot be read, an output that cannot be written, a notebook that fails); 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

#: The columns of ``kursk extract``'s CSV, in order (``claims_from_articles``' own columns).
EXTRACT_COLUMNS = [
    "claim_id", "article_id", "outlet", "published", "url", "value_low", "value_high",
    "qualifier", "metric", "kind", "claimant", "hedged", "sentence", "start", "end", "lang",
]


def _version() -> str:
    """The installed package's version (``pyproject.toml``), or "unknown"."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kursk")
    except PackageNotFoundError:
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kursk",
        description="Reporting on North Korean troops in the Kursk region: extract the troop "
        "figures from your own articles, or run the whole report, without opening a notebook.",
        epilog="Exit status: 0 done (skipped files are listed on stderr), 1 a real failure, "
        "2 a usage error. `kursk COMMAND --help` describes each command.",
    )
    parser.add_argument("--version", action="version", version=f"kursk {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract", help="troop figures from a folder of articles, as CSV",
        description="Read every article in FOLDER (Markdown or text with YAML front matter, JSON, "
        "JSON Lines, HTML, RSS/Atom; see data/articles/README.md) and write one CSV row per troop "
        "figure found. The load report goes to stderr.",
    )
    extract.add_argument("folder", metavar="FOLDER", help="folder (or file) of articles")
    extract.add_argument("-o", "--output", metavar="CSV", default="-",
                         help="where to write the figures (default: stdout)")
    extract.add_argument("--strict", action="store_true",
                         help="fail (exit 1) on the first file that cannot be read, "
                         "instead of skipping it")
    extract.add_argument("-q", "--quiet", action="store_true",
                         help="no load report on stderr (failures are still reported)")

    commands.add_parser(
        "report", help="run every notebook into reports/ (what `make report` does)",
        description="Run every notebook into reports/ (charts, HTML pages, index), as "
        "`make report` does; `kursk report --help` lists the options.",
        add_help=False,
    )
    return parser


def extract(folder: str, output: str, *, strict: bool = False, quiet: bool = False) -> int:
    """``kursk extract``: figures from ``folder`` to ``output`` (``-`` for stdout); the exit status."""
    from kursk.articles import ArticleError, load_articles
    from kursk.claims import claims_from_articles
    from kursk.report import load_summary

    path = Path(folder).expanduser()
    if not path.exists():
        print(f"kursk extract: no such folder or file: {folder}", file=sys.stderr)
        return 1
    try:
        articles = load_articles(path, strict=strict, progress=False)
    except ArticleError as err:
        print(f"kursk extract: {err}", file=sys.stderr)
        return 1
    figures = claims_from_articles(articles)
    figures = figures[[c for c in EXTRACT_COLUMNS if c in figures.columns]
                      + [c for c in figures.columns if c not in EXTRACT_COLUMNS]]
    if not quiet:
        print(load_summary(articles.attrs["load_report"]), file=sys.stderr)
    try:
        if output == "-":
            figures.to_csv(sys.stdout, index=False, lineterminator="\n")
        else:
            target = Path(output).expanduser()
            target.parent.mkdir(parents=True, exist_ok=True)
            figures.to_csv(target, index=False, lineterminator="\n", encoding="utf-8")
    except OSError as err:
        print(f"kursk extract: cannot write {output}: {err}", file=sys.stderr)
        return 1
    if not quiet:
        where = "stdout" if output == "-" else output
        print(f"figures: {len(figures):,} from {len(articles):,} article"
              f"{'s' * (len(articles) != 1)}, written to {where}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``kursk`` command (``[project.scripts]`` in pyproject.toml)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["report"]:  # every option (and --help) belongs to kursk.report
        from kursk import report

        return report.main(argv[1:], prog="kursk report")
    args = _parser().parse_args(argv)
    if args.command == "extract":
        return extract(args.folder, args.output, strict=args.strict, quiet=args.quiet)
    return 2  # pragma: no cover (argparse requires a command)


if __name__ == "__main__":
    sys.exit(main())
