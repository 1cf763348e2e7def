r"""Benchmark kursk.claims against quantulum3: accuracy on the gold set and throughput (run by hand).

    .venv/bin/python benchmarks/bench_claims.py [--mb 4] [--articles 500] [--quantulum-kb 40]

Throughput is CPU time of this process (``process_time``; on a shared machine the wall clock also
counts time other programs held the core), warm (patterns compiled, tables loaded, one call made
before timing), one core:

* ``seed, one text``: the seed article (``seeds/*.txt``) repeated to --mb MB as one text, language
  given: two figures per 4 kB;
* ``seed, per article``: ``extract_claims`` called on the seed article --articles times, language
  given, and language detected;
* ``claims_from_articles``: an articles frame of --articles copies of the seed, language given
  and detected (the loader's path);
* quantulum3 (English only; its shipped unit classifier does not load with the installed
  scikit-learn, so ``classifier.USE_CLF = False``, its documented fallback) and kursk.claims on the
  same --quantulum-kb of English gold articles, in the same run: MB/s and their ratio.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
import warnings

import pandas as pd

from kursk.claims import claims_from_articles, extract_claims
from kursk.claims.evaluate import article, compare, load_gold, scores
from kursk.paths import seeds_dir

FLOOR_MBPS = 2.0  # issue 18: at least 2 MB/s of CPU per core on the seed article, warm


def _mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def cpu(fn) -> float:
    """CPU seconds of ``fn()``."""
    t = time.process_time()
    fn()
    return time.process_time() - t


def quantulum_scores(items: list[dict], parse) -> dict[str, float]:
    """Value precision/recall/F1 of quantulum3's dimensionless quantities on gold items."""
    tp = n_pred = n_gold = 0
    for item in items:
        preds = []
        for q in parse(article(item)):
            if q.unit.name == "dimensionless":
                u = q.uncertainty or 0.0
                preds.append((q.value - u, q.value + u))
        n_pred += len(preds)
        for c in item["claims"]:
            n_gold += 1
            key = (c["value_low"], c["value_high"])
            if key in preds:
                preds.remove(key)
                tp += 1
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=4.0, help="size of the one-text run (MB)")
    ap.add_argument("--articles", type=int, default=500, help="copies of the seed article")
    ap.add_argument("--quantulum-kb", type=float, default=40.0, help="English text for quantulum3")
    args = ap.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    seed = next(iter(sorted(seeds_dir().glob("*.txt")))).read_text(encoding="utf-8")
    items = load_gold("dev")

    print("\n== accuracy on the dev split (tests/gold/dev; language given) ==")
    for lang in ("en", "de", "ru", "uk", "ko", "fr"):
        s = scores(compare(items, lang=lang))
        print(f"kursk.claims {lang}: values P={s['precision']:.3f} R={s['recall']:.3f} "
              f"F1={s['f1']:.3f} | metric={s['metric_accuracy']:.3f} "
              f"claimant={s['claimant_accuracy']:.3f}")  # fmt: skip

    print("\n== throughput, CPU, one core, warm ==")
    extract_claims(seed, lang="de")
    extract_claims(seed)
    one = "\n\n".join([seed] * max(1, int(args.mb * 1e6 / len(seed.encode()))))
    secs = cpu(lambda: extract_claims(one, lang="de"))
    print(f"kursk.claims seed, one text of {_mb(one):.1f} MB: {_mb(one) / secs:6.2f} MB/s "
          f"(floor {FLOOR_MBPS})")
    n = args.articles
    for label, lang in (("language given", "de"), ("language detected", None)):
        secs = cpu(lambda lang=lang: [extract_claims(seed, lang=lang) for _ in range(n)])
        print(f"kursk.claims seed, per article ({label}): {_mb(seed) * n / secs:6.2f} MB/s "
              f"({secs / n * 1000:.2f} ms per {len(seed.encode()) / 1000:.1f} kB article)")
    frame = pd.DataFrame({"article_id": [str(i) for i in range(n)], "title": "", "lead": "",
                          "text": [seed] * n, "language": "de"})  # fmt: skip
    for label, language in (("language given", "de"), ("language detected", None)):
        arts = frame.assign(language=language)
        secs = cpu(lambda arts=arts: claims_from_articles(arts))
        print(f"kursk.claims claims_from_articles, {n} seed articles ({label}): "
              f"{_mb(seed) * n / secs:6.2f} MB/s")

    warnings.filterwarnings("ignore")
    t = time.perf_counter()
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False
    parser.parse("warm up: 3 soldiers")
    print(f"\n(quantulum3 import and first parse: {time.perf_counter() - t:.1f} s)")
    en = [i for i in items if i["lang"] == "en"]
    s = quantulum_scores(en, parser.parse)
    print(f"quantulum3, en dev, dimensionless quantities: values P={s['precision']:.3f} "
          f"R={s['recall']:.3f} F1={s['f1']:.3f}; no metric, qualifier or claimant")  # fmt: skip
    texts, size = [], 0
    while size < args.quantulum_kb * 1000:
        for i in en:
            texts.append(article(i))
            size += len(texts[-1].encode())
    arts = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))], "title": "",
                         "lead": "", "text": texts, "language": "en"})  # fmt: skip
    q = cpu(lambda: [parser.parse(t) for t in texts])
    k = cpu(lambda: claims_from_articles(arts))
    e = cpu(lambda: [extract_claims(t, lang="en") for t in texts])
    mb = size / 1e6
    print(f"on the same {size / 1000:.0f} kB of English gold articles ({len(texts)} short "
          f"articles): quantulum3 {mb / q:.4f} MB/s; kursk.claims claims_from_articles "
          f"{mb / k:.3f} MB/s ({q / k:.0f}x quantulum3), extract_claims per article "
          f"{mb / e:.3f} MB/s ({q / e:.0f}x)")


if __name__ == "__main__":
    main()
