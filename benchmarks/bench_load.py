"""Load time against the raw read, and peak memory, of ``kursk.articles.load_articles`` (by hand).

    .venv/bin/python benchmarks/bench_load.py [--sizes 1000 10000] [--repeat 3]

Baseline, named ``raw read``: reading every file's bytes with ``Path.read_bytes`` after the corpus
has been read once (warm page cache). Each size uses the synthetic corpus of
``benchmarks/generate_corpus.py`` (made if missing). Every run of either measurement is its own
fresh subprocess, as in ``benchmarks/run_all.py``, so that ``ru_maxrss`` is its own: peak memory
is ``ru_maxrss`` after the load minus ``ru_maxrss`` after the imports, against the corpus size in
bytes. Times are given as wall clock and as the process's CPU time (``time.process_time``),
the fairer figure on a shared machine; each is the median of ``--repeat`` runs.

The loader parses file by file (one parser per format, no bulk path): up to about 10x the raw
read is expected for this design (issue #17).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
MB = 1e6


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(kind: str, folder: Path) -> dict:
    """One measurement in this process: ``read`` (the baseline) or ``load``."""
    from kursk import articles as A

    files = list(A.discover(folder))
    total = sum(f.stat().st_size for f in files)
    base = _peak_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    if kind == "read":
        n = sum(len(f.read_bytes()) for f in files)
        rows = len(files)
    else:
        df = A.load_articles(folder, progress=False)
        rows, n = len(df), total
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"wall": wall, "cpu": cpu, "bytes": n, "rows": rows, "base_mb": base,
            "grow_mb": _peak_mb() - base}  # fmt: skip


def _child(kind: str, folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", kind, str(folder)],
        check=True, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"},
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(sizes: list[int], repeat: int) -> None:
    """Print the medians of ``repeat`` fresh-process runs of the baseline and the load, per size."""
    sys.path.insert(0, str(HERE))
    from generate_corpus import generate

    print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    for n in sizes:
        folder = generate(n)
        for f in sorted(folder.rglob("*.md")):  # warm the page cache
            f.read_bytes()
        reads, loads = [], []
        for _ in range(repeat):  # interleaved, so both see the same load on a shared machine
            reads.append(_child("read", folder))
            loads.append(_child("load", folder))
        med = {
            (k, key): statistics.median(r[key] for r in runs)
            for k, runs in (("read", reads), ("load", loads))
            for key in ("wall", "cpu", "grow_mb")
        }
        corpus = loads[0]["bytes"] / MB
        print(f"\n{n} articles, {corpus:.1f} MB in {reads[0]['rows']} files "
              f"({loads[0]['rows']} rows loaded); median of {repeat}")  # fmt: skip
        for clock in ("wall", "cpu"):
            r, ld = med["read", clock], med["load", clock]
            print(f"  {clock:4}: raw read (baseline) {r:6.3f} s | load_articles {ld:6.3f} s "
                  f"({corpus / ld:5.1f} MB/s) = {ld / r:5.1f}x the raw read")  # fmt: skip
        grow = med["load", "grow_mb"]
        print(f"  peak: +{grow:.1f} MB RSS while loading = {grow / corpus:.2f}x the corpus; "
              f"raw read +{med['read', 'grow_mb']:.1f} MB")  # fmt: skip
        print("  runs (load wall/cpu s, +MB): " + ", ".join(
            f"{x['wall']:.2f}/{x['cpu']:.2f}/{x['grow_mb']:.0f}" for x in loads))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure[0], Path(args.measure[1]))))
        return
    run(args.sizes, args.repeat)


if __name__ == "__main__":
    main()
