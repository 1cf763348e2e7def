r"""Benchmark kursk.claims against quantulum3: accuracy on the gold set and throughput (run by hand).

    .venv/bin/python benchmarks/bench_claims.py [--mb 20] [--quantulum-kb 60]

Texts (all synthetic, built here from the gold set and the seed article):
  dense   the gold sentences (both languages) and the seed's paragraphs, repeated to --mb MB:
          nearly every sentence holds a figure, the worst case for the per-figure work;
  seed    the seed article repeated to --mb MB: two figures per 4 KB article, like the corpus;
  plain   the seed article with every North Korea mark blanked, repeated to --mb MB: news text
          with no figure to find, the prefilter's path.
quantulum3 (English only) is far slower, so it reads the first --quantulum-kb kB of the English
gold sentences repeated; kursk.claims reads the same text, and the ratio is taken on that text.
quantulum3's shipped unit classifier does not load with the installed scikit-learn, so it runs
with ``quantulum3.classifier.USE_CLF = False`` (its documented fallback without the classifier).

Each throughput line gives MB/s by wall clock and by CPU time of this process (``process_time``:
on a shared machine the wall clock also counts time other programs held the core), and, as a
baseline measured in the same run on the same text, the speed of a bare ``re.finditer(r"\d")``
scan (the least any regex-based extractor must do) and kursk.claims' ratio to it.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import time
import warnings

from kursk.claims import extract_claims
from kursk.claims.evaluate import compare, load_gold, scores
from kursk.paths import seeds_dir


def _repeat(text: str, mb: float) -> str:
    n = max(1, int(mb * 1e6 / len(text.encode("utf-8"))))
    return ("\n\n".join([text] * n)) + "\n"


def _mbps(text: str, seconds: float) -> float:
    return len(text.encode("utf-8")) / 1e6 / seconds


def time_extract(text: str, lang: str) -> tuple[float, float, int]:
    """Wall and CPU seconds to extract claims from ``text``, and the number found (language given)."""
    t, c = time.perf_counter(), time.process_time()
    n = len(extract_claims(text, lang=lang))
    return time.perf_counter() - t, time.process_time() - c, n


def time_digit_scan(text: str) -> float:
    """CPU seconds of the baseline: a bare ``re.finditer(r"\\d", text)`` over the whole text."""
    c = time.process_time()
    for _ in re.finditer(r"\d", text):
        pass
    return time.process_time() - c


def quantulum_scores(items: list[dict], parse) -> dict[str, dict[str, float]]:
    """Value precision/recall/F1 of quantulum3 on gold items: all quantities, dimensionless only."""
    out = {}
    for label, keep in (("all quantities", lambda q: True),
                        ("dimensionless only", lambda q: q.unit.name == "dimensionless")):  # fmt: skip
        tp = n_pred = n_gold = 0
        for item in items:
            preds = []
            for q in parse(item["text"]):
                if keep(q):
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
        out[label] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                      "predicted": n_pred, "matched": tp, "gold": n_gold}  # fmt: skip
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0, help="size of each large text (MB)")
    ap.add_argument("--quantulum-kb", type=float, default=60.0, help="text for quantulum3 (kB)")
    args = ap.parse_args()

    print(f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs")
    items = load_gold()
    en_items = [i for i in items if i["lang"] == "en"]
    seed = (seeds_dir() / "000_6345d31efac55afa.txt").read_text(encoding="utf-8")

    print("\n== accuracy on the gold set (tests/gold/claims.jsonl; language detected) ==")
    for label, part in (("kursk.claims, all", None), ("kursk.claims, en", "en"),
                        ("kursk.claims, de", "de")):  # fmt: skip
        s = scores(compare(items, lang=part))
        print(f"{label:>20}: values P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}"
              f" | qualifier={s['qualifier_accuracy']:.3f} metric={s['metric_accuracy']:.3f}"
              f" kind={s['kind_accuracy']:.3f} claimant={s['claimant_accuracy']:.3f}"
              f" hedged={s['hedged_accuracy']:.3f}")  # fmt: skip

    warnings.filterwarnings("ignore")
    t = time.perf_counter()
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False
    parser.parse("warm up: 3 soldiers")
    print(f"(quantulum3 import and first parse: {time.perf_counter() - t:.1f} s)")
    for label, s in quantulum_scores(en_items, parser.parse).items():
        print(f"{'quantulum3, en, ' + label:>38}: values P={s['precision']:.3f} "
              f"R={s['recall']:.3f} F1={s['f1']:.3f} (predicted {s['predicted']}, matched "
              f"{s['matched']} of {s['gold']}); no metric, qualifier or claimant")  # fmt: skip

    print("\n== throughput (one core, synthetic texts) ==")
    gold_de = "\n\n".join(i["text"] for i in items if i["lang"] == "de")
    gold_en = "\n\n".join(i["text"] for i in en_items)
    extract_claims(seed, lang="de")  # warm caches (entities, compiled patterns)
    plain = re.sub(r"(?i)\w*korea\w*|pjöngjang|kim jong un", "Xland", seed)
    for label, base, lang in (("dense en", gold_en, "en"), ("dense de", gold_de + "\n\n" + seed, "de"),
                              ("seed", seed, "de"), ("plain", plain, "de")):  # fmt: skip
        text = _repeat(base, args.mb / 2 if label.startswith("dense") else args.mb)
        secs, cpu, n = time_extract(text, lang)
        base_cpu = time_digit_scan(text)
        print(f"kursk.claims {label:>9}: {len(text.encode()) / 1e6:6.1f} MB in {secs:7.2f} s = "
              f"{_mbps(text, secs):7.2f} MB/s wall, {_mbps(text, cpu):7.2f} MB/s CPU "
              f"({n} figures) | baseline re.finditer(r'\\d'): {_mbps(text, base_cpu):6.2f} MB/s CPU,"
              f" kursk.claims {base_cpu / cpu:5.2f}x of it")  # fmt: skip

    small = _repeat(gold_en, args.quantulum_kb / 1000)
    small = small[: int(args.quantulum_kb * 1000)]
    t = time.perf_counter()
    for para in small.split("\n\n"):
        parser.parse(para)
    q_secs = time.perf_counter() - t
    k_secs, _, _ = time_extract(small, "en")
    q, k = _mbps(small, q_secs), _mbps(small, k_secs)
    print(
        f"on the same {len(small.encode()) / 1e3:.0f} kB of English gold text: quantulum3 "
        f"{q:.4f} MB/s, kursk.claims {k:.3f} MB/s, ratio {k / q:.0f}x"
    )


if __name__ == "__main__":
    main()
