"""Benchmarks for loading, extraction and the Dask path on synthetic corpora (run by hand).

    .venv/bin/python benchmarks/run_all.py [--sizes 10000 100000] [--rounds 3] [--no-dask]

For each size N it makes (or reuses) ``benchmarks/out/corpus_N`` with generate_corpus.py, then runs
every measurement in a fresh subprocess, so that its peak memory (``ru_maxrss``) is its own:

  read      the time to merely read the same files' bytes from disk (warm cache: the corpus is
            read once before any measurement), the baseline for loading;
  load      ``kursk.articles.load_articles`` on the folder (pandas path); MB/s of file bytes;
  extract   ``kursk.claims.claims_from_articles`` on the loaded articles (read back from Parquet);
            MB/s of the text it reads (title, lead, text), and quantulum3 on a sample of the same
            text (its own speed is far lower, so it reads only --quantulum-kb);
  dask W    ``load_articles(engine="dask")`` and ``kursk.scale.claims_dask`` on a LocalCluster of
            W single-threaded worker processes (W = 1, 2), 16 batches either way; the load is
            timed until every partition's frame is built in the workers' memory
            (``distributed.wait``), its rows counted after; cluster start-up is not counted;
            the workers' CPU seconds are recorded too;
  spin P    the baseline for 2 workers against 1: one pure-Python loop in P processes at once
            (P = 1, 2); what two processes gain over one on this machine with no work shared.

What is timed is never a process's first call: before it, each measuring process (and each Dask
worker) loads a small warm-up corpus of the same kind (``benchmarks/out/warmup/corpus_200``,
other sentences' order and dates), which pays for lazy imports, compiled patterns and the first
use of Arrow's kernels. This VM's speed per core drifts from minute to minute, so the
measurements run ``--rounds`` times, interleaved (read, load, extract, spin, dask in each round);
each ratio is taken within a round, and the report gives the median and the range over rounds.

Results are printed as a table and written to ``benchmarks/out/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
WARMUP = OUT / "warmup"
WARMUP_FILES = 200
MB = 1e6


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _files(folder: Path) -> list[Path]:
    from kursk.articles import discover

    return list(discover(folder))


def _warm_corpus() -> Path:
    """The warm-up corpus (made by the parent before any measurement)."""
    return WARMUP / f"corpus_{WARMUP_FILES}"


# --------------------------------------------------------------------------- measurements (child)


def measure_read(folder: Path) -> dict:
    files = _files(folder)
    base = _peak_mb()
    t = time.perf_counter()
    total = sum(len(f.read_bytes()) for f in files)
    secs = time.perf_counter() - t
    return {"files": len(files), "bytes": total, "seconds": secs, "base_mb": base}


def measure_load(folder: Path, parquet: Path) -> dict:
    from kursk import articles as A

    files = _files(folder)
    total = sum(f.stat().st_size for f in files)
    base = _peak_mb()  # before the warm-up: its memory (Arrow's pools, caches) counts
    A.load_articles(_warm_corpus(), progress=False)  # the first call's costs, outside the timing
    t = time.perf_counter()
    df = A.load_articles(folder, progress=False)
    secs = time.perf_counter() - t
    peak = _peak_mb()
    A.to_parquet(df, parquet)
    rep = df.attrs["load_report"]["status"].value_counts().to_dict()
    return {
        "files": len(files),
        "bytes": total,
        "articles": len(df),
        "report": rep,
        "seconds": secs,
        "base_mb": base,
        "peak_mb": peak,
        "frame_mb": df.memory_usage(deep=True).sum() / MB,
    }


def measure_extract(parquet: Path, quantulum_kb: float) -> dict:
    import warnings

    from kursk import articles as A
    from kursk.claims import claims_from_articles, extract_claims
    from kursk.claims.extract import article_text

    df = A.read_parquet(parquet)
    texts = [article_text(r) for r in df.to_dict("records")]
    total = sum(len(t.encode("utf-8")) for t in texts)
    claims_from_articles(A.load_articles(_warm_corpus(), progress=False))  # patterns, entities
    base = _peak_mb()
    t, c = time.perf_counter(), time.process_time()
    claims = claims_from_articles(df)
    secs, cpu = time.perf_counter() - t, time.process_time() - c
    out = {
        "articles": len(df),
        "text_bytes": total,
        "claims": len(claims),
        "seconds": secs,
        "cpu_seconds": cpu,
        "base_mb": base,
        "peak_mb": _peak_mb(),
    }
    if quantulum_kb > 0:
        sample, size = [], 0
        for text in texts:
            if size >= quantulum_kb * 1000:
                break
            sample.append(text)
            size += len(text.encode("utf-8"))
        warnings.filterwarnings("ignore")
        from quantulum3 import classifier, parser

        classifier.USE_CLF = False  # its shipped classifier does not load here (see bench_claims)
        parser.parse("warm up: 3 soldiers")
        t = time.perf_counter()
        found = sum(len(parser.parse(p)) for text in sample for p in text.split("\n\n"))
        q_secs = time.perf_counter() - t
        t = time.perf_counter()
        k_found = sum(len(extract_claims(text, lang="de")) for text in sample)
        k_secs = time.perf_counter() - t
        out["quantulum"] = {
            "bytes": size,
            "seconds": q_secs,
            "quantities": found,
            "kursk_seconds": k_secs,
            "kursk_claims": k_found,
        }
    return out


def measure_dask(folder: Path, workers: int) -> dict:
    import dask.dataframe  # noqa: F401 - imported by the first load otherwise, inside the timing
    from distributed import Client, futures_of, wait

    from kursk import articles as A
    from kursk import scale

    files = _files(folder)
    total = sum(f.stat().st_size for f in files)
    with scale.local_cluster(workers) as cluster, Client(cluster) as client:  # as get_client's
        client.run(_warm_up)  # imports, patterns and the alias index outside the timing
        _warm_up_dask(client)  # the client's first Dask frame computations, outside too
        nparts = 16  # the same batches for 1 and 2 workers

        def cpu() -> float:  # CPU seconds of all workers so far
            return sum(client.run(time.process_time).values())

        c, t = cpu(), time.perf_counter()
        ddf, report = A.load_articles(folder, engine="dask", client=client, npartitions=nparts)
        wait(futures_of(ddf))  # every partition's frame built, in the workers' memory
        load_secs, load_cpu = time.perf_counter() - t, cpu() - c
        # counted after the timing: a row count through Dask's graph machinery costs 70-90 ms
        # even when every partition is ready, the same for 1 and 2 workers
        n = int(ddf.map_partitions(len).compute().sum())
        c, t = cpu(), time.perf_counter()
        claims = int(scale.claims_dask(ddf).map_partitions(len).compute().sum())
        claims_secs, claims_cpu = time.perf_counter() - t, cpu() - c
    return {
        "workers": workers,
        "partitions": nparts,
        "bytes": total,
        "articles": n,
        "claims": claims,
        "load_seconds": load_secs,
        "load_worker_cpu_seconds": load_cpu,
        "claims_seconds": claims_secs,
        "claims_worker_cpu_seconds": claims_cpu,
        "files": len(report),
    }


def _warm_up() -> None:
    """Import dask.dataframe and kursk.claims, load the warm-up corpus and run claims on it
    (lazy imports, compiled patterns, the alias index, Arrow's kernels). Every worker runs this:
    a worker that has not imported dask.dataframe does so (0.3 s) when its first frame task
    arrives."""
    import dask.dataframe  # noqa: F401

    from kursk.articles import load_articles
    from kursk.claims import claims_from_articles

    claims_from_articles(load_articles(_warm_corpus(), progress=False))


def _warm_up_dask(client) -> None:
    """Load the warm-up corpus with the Dask engine (a partition or more on every worker), count
    its rows and run claims on it: the first such calls in a process cost 1-2 s of dask's own
    set-up (lazy imports, the first graphs), the same for 1 and 2 workers, which the measurement
    should not include."""
    from kursk import articles as A
    from kursk import scale

    parts = 4 * max(1, len(client.scheduler_info()["workers"]))
    ddf, _ = A.load_articles(_warm_corpus(), engine="dask", client=client, npartitions=parts)
    ddf.map_partitions(len).compute()
    scale.claims_dask(ddf).map_partitions(len).compute()


def _spin(n: int) -> float:
    t = time.perf_counter()
    s = 0
    for i in range(n):
        s += i * i % 7
    return time.perf_counter() - t


def measure_spin(processes: int, n: int = 30_000_000) -> dict:
    """The machine's own ceiling for 2 against 1: the same pure-Python loop in 1 or 2 processes
    at once (wall seconds until all are done)."""
    import multiprocessing as mp

    with mp.get_context("spawn").Pool(processes) as pool:
        pool.map(_spin, [1000] * processes)  # start-up outside the timing
        t = time.perf_counter()
        pool.map(_spin, [n] * processes)
        return {"processes": processes, "loops": n, "seconds": time.perf_counter() - t}


# --------------------------------------------------------------------------- driver (parent)


def child(*args: str) -> dict:
    """Run one measurement in a fresh interpreter and return its JSON result."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--measure", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"measurement {args} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> dict:
    def sh(cmd: str) -> str:
        r = subprocess.run(cmd, shell=True, capture_output=True, text=True, check=False)
        return r.stdout.strip()

    return {
        "nproc": sh("nproc"),
        "cpu": sh("lscpu | grep 'Model name' | sed 's/.*: *//'"),
        "memory": sh("free -g | awk '/Mem:/ {print $2 \" GB\"}'"),
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg(),
    }


def run(sizes: list[int], dask: bool, quantulum_kb: float, rounds: int) -> dict:
    sys.path.insert(0, str(HERE))
    from generate_corpus import generate

    generate(WARMUP_FILES, WARMUP, seed=1)
    results = {"machine": machine(), "rounds": rounds, "sizes": {}}
    print("machine:", results["machine"])
    for n in sizes:
        t = time.perf_counter()
        folder = generate(n)
        print(f"\n== {n} synthetic articles ({folder}, made/checked in "
              f"{time.perf_counter() - t:.0f} s), {rounds} round(s) ==")  # fmt: skip
        parquet = OUT / f"articles_{n}.parquet"
        child("read", str(folder))  # warm the page cache: every measurement reads warm files
        r: dict[str, list] = {"read": [], "load": [], "extract": [], "spin": [], "dask": []}
        for k in range(rounds):
            r["read"].append(child("read", str(folder)))
            r["load"].append(child("load", str(folder), str(parquet)))
            qkb = quantulum_kb if k == 0 else 0  # quantulum3 once: its speed does not drift much
            r["extract"].append(child("extract", str(parquet), str(qkb)))
            if dask:
                r["spin"].append({p: child("spin", str(p)) for p in (1, 2)})
                r["dask"].append({w: child("dask", str(folder), str(w)) for w in (1, 2)})
            print(f"  round {k + 1}: " + round_line(r, k), flush=True)
        results["sizes"][n] = r
        report(n, r)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, default=str))
    return results


def round_line(r: dict, k: int) -> str:
    """One round's ratios, in one line."""
    rd, ld, ex = r["read"][k], r["load"][k], r["extract"][k]
    line = (f"load {ld['seconds'] / rd['seconds']:.2f}x the raw read, extraction "
            f"{ex['text_bytes'] / MB / ex['cpu_seconds']:.2f} MB/s of CPU")  # fmt: skip
    if r["dask"]:
        d, sp = r["dask"][k], r["spin"][k]
        line += (f", 2 vs 1 worker: load {d[1]['load_seconds'] / d[2]['load_seconds']:.2f}x, "
                 f"claims {d[1]['claims_seconds'] / d[2]['claims_seconds']:.2f}x "
                 f"(spin {2 * sp[1]['seconds'] / sp[2]['seconds']:.2f}x)")  # fmt: skip
    return line


def _med(values: list[float]) -> float:
    return statistics.median(values)


def _span(values: list[float], fmt: str = ".2f") -> str:
    """Median and range of ``values``: "m (lo-hi)" (just "m" for one value)."""
    m = format(_med(values), fmt)
    if len(values) < 2:
        return m
    return f"{m} ({format(min(values), fmt)}-{format(max(values), fmt)})"


def report(n: int, r: dict) -> None:
    """Medians over the rounds (ranges in brackets); every ratio is taken within a round."""
    rd, ld, ex = r["read"], r["load"], r["extract"]
    l0 = ld[0]
    corpus = l0["bytes"] / MB
    print(f"corpus: {l0['files']} files, {corpus:.1f} MB; {l0['articles']} articles; "
          f"report {l0['report']}")  # fmt: skip
    print(f"raw read        : {_span([x['seconds'] for x in rd])} s, "
          f"{_span([x['bytes'] / MB / x['seconds'] for x in rd], '.0f')} MB/s")  # fmt: skip
    ratio = [b["seconds"] / a["seconds"] for a, b in zip(rd, ld, strict=True)]
    print(f"load (pandas)   : {_span([x['seconds'] for x in ld])} s, "
          f"{_span([x['bytes'] / MB / x['seconds'] for x in ld], '.1f')} MB/s = "
          f"{_span(ratio)}x the raw read (target <= 3x)")  # fmt: skip
    grow = [(x["peak_mb"] - x["base_mb"]) / corpus for x in ld]
    print(f"peak memory     : +{_span([x['peak_mb'] - x['base_mb'] for x in ld], '.0f')} MB "
          f"while loading = {_span(grow)}x the corpus (frame {l0['frame_mb']:.0f} MB, "
          f"{l0['base_mb']:.0f} MB after imports; target < 2x)")  # fmt: skip
    wall = [x["text_bytes"] / MB / x["seconds"] for x in ex]
    cpu = [x["text_bytes"] / MB / x["cpu_seconds"] for x in ex]
    print(f"extract (claims): {_span([x['seconds'] for x in ex])} s, {_span(wall)} MB/s of "
          f"text by wall clock, {_span(cpu)} MB/s of CPU ({ex[0]['claims']} claims; "
          f"target >= 10 MB/s)")  # fmt: skip
    q = ex[0].get("quantulum")
    if q:
        q_mbs = q["bytes"] / MB / q["seconds"]
        k_mbs = q["bytes"] / MB / q["kursk_seconds"]
        print(f"  same {q['bytes'] / 1e3:.0f} kB: quantulum3 {q_mbs:.4f} MB/s "
              f"({q['quantities']} quantities), kursk.claims {k_mbs:.2f} MB/s "
              f"({q['kursk_claims']} claims): {k_mbs / q_mbs:.0f}x")  # fmt: skip
    if r["dask"]:
        for w in (1, 2):
            ds = [d[w] for d in r["dask"]]
            print(f"dask {w} worker(s) : load {_span([d['load_seconds'] for d in ds])} s, "
                  f"claims {_span([d['claims_seconds'] for d in ds])} s; worker CPU: load "
                  f"{_span([d['load_worker_cpu_seconds'] for d in ds])} s, claims "
                  f"{_span([d['claims_worker_cpu_seconds'] for d in ds])} s; "
                  f"{ds[0]['articles']} articles, {ds[0]['claims']} claims")  # fmt: skip
        load = [d[1]["load_seconds"] / d[2]["load_seconds"] for d in r["dask"]]
        claims = [d[1]["claims_seconds"] / d[2]["claims_seconds"] for d in r["dask"]]
        print(f"2 workers vs 1  : load {_span(load)}x, claims {_span(claims)}x "
              f"(target >= 1.7x)")  # fmt: skip
        spin = [2 * s[1]["seconds"] / s[2]["seconds"] for s in r["spin"]]
        one = [s[1]["seconds"] for s in r["spin"]]
        print(f"baseline: a pure-Python loop in 2 processes vs 1 does {_span(spin)}x the work "
              f"per second (one alone: {_span(one)} s)")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--quantulum-kb", type=float, default=100.0)
    ap.add_argument("--rounds", type=int, default=3, help="interleaved repetitions (default 3)")
    ap.add_argument("--measure", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        kind, *rest = args.measure
        if kind == "read":
            res = measure_read(Path(rest[0]))
        elif kind == "load":
            res = measure_load(Path(rest[0]), Path(rest[1]))
        elif kind == "extract":
            res = measure_extract(Path(rest[0]), float(rest[1]))
        elif kind == "dask":
            res = measure_dask(Path(rest[0]), int(rest[1]))
        elif kind == "spin":
            res = measure_spin(int(rest[0]))
        else:
            raise SystemExit(f"unknown measurement {kind}")
        print(json.dumps(res, default=str))
        return
    run(args.sizes, dask=not args.no_dask, quantulum_kb=args.quantulum_kb, rounds=args.rounds)


if __name__ == "__main__":
    main()
