"""Score the extractor on the gold set: ``python -m kursk.claims.evaluate [--errors] [PATH]``.

A predicted figure matches a gold figure of the same sentence with the same value_low and
value_high (each gold figure matched once). Values get precision, recall and F1; qualifier, metric,
claimant and hedged get accuracy over the matched figures. Items with ids "ho_..." were written
after the extractor and are also scored on their own ("held-out").
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from kursk.claims.extract import extract_claims
from kursk.paths import project_root

FIELDS = ("qualifier", "metric", "kind", "claimant", "hedged")


def gold_path() -> Path:
    """``tests/gold/claims.jsonl``."""
    return project_root() / "tests" / "gold" / "claims.jsonl"


def load_gold(path: str | Path | None = None) -> list[dict]:
    """The gold items, checked: each line an object with id, lang, text and claims."""
    path = Path(path) if path is not None else gold_path()
    items = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}, line {n}: not JSON ({e.msg})") from None
            missing = {"id", "lang", "text", "claims"} - set(item)
            if missing:
                raise ValueError(f"{path}, line {n}: missing keys {sorted(missing)}")
            items.append(item)
    return items


def compare(items: list[dict], lang: str | None = None, detect: bool = True) -> pd.DataFrame:
    """One row per gold or predicted figure: id, lang, low, high, matched, gold_*/pred_* fields."""
    rows = []
    for item in items:
        if lang and item["lang"] != lang:
            continue
        pred = extract_claims(item["text"], lang=None if detect else item["lang"])
        preds = pred.to_dict("records")
        used: set[int] = set()
        for g in item["claims"]:
            hit = next(
                (k for k, p in enumerate(preds) if k not in used
                 and p["value_low"] == g["value_low"] and p["value_high"] == g["value_high"]),
                None,
            )  # fmt: skip
            row = {"id": item["id"], "lang": item["lang"], "low": g["value_low"],
                   "high": g["value_high"], "matched": hit is not None, "gold": True}  # fmt: skip
            for fld in FIELDS:
                row[f"gold_{fld}"] = g[fld]
                row[f"pred_{fld}"] = preds[hit][fld] if hit is not None else None
            if hit is not None:
                used.add(hit)
            rows.append(row)
        for k, p in enumerate(preds):
            if k in used:
                continue
            row = {"id": item["id"], "lang": item["lang"], "low": p["value_low"],
                   "high": p["value_high"], "matched": False, "gold": False}  # fmt: skip
            for fld in FIELDS:
                row[f"gold_{fld}"] = None
                row[f"pred_{fld}"] = p[fld]
            rows.append(row)
    return pd.DataFrame(rows)


def scores(cmp: pd.DataFrame) -> dict[str, float]:
    """Value precision/recall/F1 and field accuracies from a :func:`compare` frame."""
    tp = int((cmp["matched"] & cmp["gold"]).sum())
    n_gold = int(cmp["gold"].sum())
    n_pred = tp + int((~cmp["gold"]).sum())
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    out = {
        "gold": n_gold, "predicted": n_pred, "matched": tp,
        "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
    }  # fmt: skip
    m = cmp[cmp["matched"]]
    for fld in FIELDS:
        same = [str(a) == str(b) for a, b in zip(m[f"gold_{fld}"], m[f"pred_{fld}"], strict=True)]
        out[f"{fld}_accuracy"] = sum(same) / len(same) if same else 1.0
    return out


def evaluate(path: str | Path | None = None, lang: str | None = None) -> dict[str, float]:
    """The scores of :func:`extract_claims` (language detected) on the gold set."""
    return scores(compare(load_gold(path), lang=lang))


def errors(cmp: pd.DataFrame) -> pd.DataFrame:
    """Rows of a :func:`compare` frame that are wrong in value or any field."""
    bad = ~cmp["matched"]
    for fld in FIELDS:
        bad |= cmp["matched"] & (cmp[f"gold_{fld}"].astype(str) != cmp[f"pred_{fld}"].astype(str))
    return cmp[bad]


def main(argv: list[str] | None = None) -> None:
    """Print the scores (overall and per language); ``--errors`` lists the mistakes."""
    ap = argparse.ArgumentParser(prog="python -m kursk.claims.evaluate", description=__doc__)
    ap.add_argument("path", nargs="?", default=None, help="gold JSONL (default tests/gold)")
    ap.add_argument("--errors", action="store_true", help="list wrong figures")
    args = ap.parse_args(argv)
    items = load_gold(args.path)
    cmp = compare(items)
    print(f"gold set: {args.path or gold_path()} ({len(items)} sentences)")
    held = cmp["id"].str.startswith("ho_")
    for label, part in [("all", cmp), ("de", cmp[cmp["lang"] == "de"]),
                        ("en", cmp[cmp["lang"] == "en"]), ("held-out", cmp[held])]:  # fmt: skip
        s = scores(part)
        print(
            f"{label:>8}: values P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
            f"(gold {s['gold']}, predicted {s['predicted']}, matched {s['matched']}) | accuracy "
            + " ".join(f"{f}={s[f'{f}_accuracy']:.3f}" for f in FIELDS)
        )
    if args.errors:
        with pd.option_context("display.width", 200, "display.max_rows", 500):
            print(errors(cmp).drop(columns=["gold", "matched"]).to_string())


if __name__ == "__main__":
    main()
