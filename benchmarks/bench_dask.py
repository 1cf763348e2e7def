"""Dask load and claim extraction on 2 workers against 1 (by hand; minutes).

    .venv/bin/python benchmarks/bench_dask.py [--size 10000] [--rounds 3]

Baseline, named ``1 worker``: the same load (``kursk.scale.load_articles``, timed until every
partition's frame is built) and extraction (``kursk.scale.claims``) on a ``LocalCluster`` of one
single-threaded worker; and, as the machine's own ceiling, a pure-Python loop in one process
against two at once. Each round starts its clusters afresh; imports and Dask's first-graph set-up
are warmed up outside the timing. The corpus is ``benchmarks/generate_corpus.py``'s.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTITIONS = 16  # the same partitions for 1 and 2 workers


def _spin(n: int) -> float:
    t = time.perf_counter()
    s = 0
    for i in range(n):
        s += i * i % 7
    return time.perf_counter() - t


def spin(processes: int, n: int = 20_000_000) -> float:
    """Wall seconds for ``processes`` copies of the same loop at once."""
    with mp.get_context("spawn").Pool(processes) as pool:
        pool.map(_spin, [1000] * processes)
        t = time.perf_counter()
        pool.map(_spin, [n] * processes)
        return time.perf_counter() - t


def dask_round(folder: Path, warm: Path, workers: int) -> tuple[float, float, int]:
    """(load seconds, claims seconds, articles) on a fresh cluster of ``workers`` workers."""
    from distributed import Client, futures_of, wait

    from kursk import scale

    with scale.local_cluster(workers) as cluster, Client(cluster) as client:
        ddf, _ = scale.load_articles(warm, client=client)  # imports and first graphs
        scale.claims(ddf).map_partitions(len).compute()
        t = time.perf_counter()
        ddf, _ = scale.load_articles(folder, client=client, npartitions=PARTITIONS)
        wait(futures_of(ddf))
        load = time.perf_counter() - t
        n = int(ddf.map_partitions(len).compute().sum())  # counted outside the timing
        t = time.perf_counter()
        scale.claims(ddf).map_partitions(len).compute()
        return load, time.perf_counter() - t, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    from generate_corpus import generate

    folder, warm = generate(args.size), generate(200)
    runs: dict[int, list[tuple[float, float, int]]] = {1: [], 2: []}
    spins: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(args.rounds):  # interleaved, so both see the same load on a shared machine
        for workers in (1, 2):
            runs[workers].append(dask_round(folder, warm, workers))
            spins[workers].append(spin(workers))
    med = {w: [statistics.median(r[i] for r in runs[w]) for i in range(2)] for w in runs}
    print(f"{args.size} files ({runs[1][0][2]} articles), {PARTITIONS} partitions, "
          f"median of {args.rounds} rounds")
    for i, what in enumerate(("load", "claims")):
        print(f"  {what:6}: 1 worker (baseline) {med[1][i]:6.2f} s | 2 workers {med[2][i]:6.2f} s"
              f" = {med[1][i] / med[2][i]:4.2f}x as fast")
    ceiling = statistics.median(spins[1]) / statistics.median(spins[2]) * 2
    print(f"  machine ceiling (same loop, 2 processes against 1): {ceiling:4.2f}x")


if __name__ == "__main__":
    main()
