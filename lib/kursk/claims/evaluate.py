"""Score the extractor on the gold set.

    python -m kursk.claims.evaluate [--split dev|validation|calibration|blind|all] [--lang LANG]
                                    [--errors] [--detect]
    python -m kursk.claims.evaluate --calibrate     # refit the confidence weights

The gold set is ``tests/gold/<split>/<lang>.jsonl`` and ``<lang>-<part>.jsonl`` (such as the
validation items, ``tests/gold/dev/<lang>-validation.jsonl``; tests/gold/GUIDE.md).
``--split validation`` scores those items alone (they belong to dev). The calibration split
(``tests/gold/calibration/``) is text the rules were never tuned on, written like the blind split;
``--calibrate`` fits the confidence weights and the threshold on it (:func:`calibrate`). Each
item's article is
its title and text joined as :func:`kursk.claims.article_text` joins them, read in the item's
language (``--detect``: detected). A predicted figure matches a gold figure of the same item with
the same value_low and value_high (each gold figure matched once, in order). Values get
precision, recall and F1; qualifier, metric, kind, claimant and hedged get accuracy over the
matched figures. The confidence table gives, per threshold, the share of predicted figures kept
and the precision among them (right in value and metric).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd

from kursk.claims import confidence as C
from kursk.claims.extract import _claim_rows, _joined_text, _known
from kursk.paths import project_root
from kursk.text import LANGUAGES, detect_language

FIELDS = ("qualifier", "metric", "kind", "claimant", "hedged")
#: The splits: tuned on; never tuned on, the confidence fitted on it; never tuned on, read as
#: aggregates only.
SPLITS = ("dev", "calibration", "blind")
#: Items of the dev split in files ``<lang>-validation.jsonl``: written after the rules, read once
#: before any rule was changed for them (tests/gold/README.md), then added to dev.
VALIDATION = "validation"
THRESHOLDS = tuple(sorted({0.0, 0.5, 0.7, 0.8, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99,
                           C.DEFAULT_THRESHOLD}))
CALIBRATION_L2 = 3.0  # the L2 penalty of the confidence fit (see kursk.claims.confidence)
ITEM_KEYS = ("id", "lang", "title", "text", "claims", "models", "fixture")
CLAIM_KEYS = ("value_low", "value_high", "qualifier", "metric", "kind", "claimant", "hedged")


def gold_dir() -> Path:
    """``tests/gold``."""
    return project_root() / "tests" / "gold"


def load_gold(split: str = "dev", path: str | Path | None = None) -> list[dict]:
    """The gold items of ``split`` ("dev", "calibration", "blind", "all", or "validation": the
    dev items of the ``<lang>-validation.jsonl`` files; [] for a split with no folder), or of one JSONL file
    ``path``. Each line is checked for the keys of GUIDE.md."""
    if path is not None:
        return _read(Path(path))
    part = split == VALIDATION
    splits = SPLITS if split == "all" else ("dev",) if part else (split,)
    items = []
    for s in splits:
        folder = gold_dir() / s
        for lang in LANGUAGES:
            files = [folder / f"{lang}.jsonl", *sorted(folder.glob(f"{lang}-*.jsonl"))]
            for f in files:
                if f.exists() and (not part or f.name == f"{lang}-{VALIDATION}.jsonl"):
                    items.extend(dict(it, split=s) for it in _read(f))
    return items


def _read(path: Path) -> list[dict]:
    items = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}, line {n}: not JSON ({e.msg})") from None
            missing = set(ITEM_KEYS) - set(item)
            if missing:
                raise ValueError(f"{path}, line {n}: missing keys {sorted(missing)}")
            for c in item["claims"]:
                gone = set(CLAIM_KEYS) - set(c)
                if gone:
                    raise ValueError(f"{path}, line {n}: a claim lacks {sorted(gone)}")
            items.append(item)
    return items


def article(item: dict) -> str:
    """The article an item stands for: title and text joined as the extractor reads articles."""
    return _joined_text(item.get("title", ""), "", item["text"])


def predict(item: dict, detect: bool = False) -> list[dict]:
    """The extractor's rows for an item (with their evidence keys under ``_keys``)."""
    text = article(item)
    lang = detect_language(text) if detect else item["lang"]
    return _claim_rows(text, lang, _known(None)) if lang in LANGUAGES else []


def compare(items: list[dict], lang: str | None = None, detect: bool = False) -> pd.DataFrame:
    """One row per gold or predicted figure: id, split, lang, low, high, matched, gold (True for
    a gold figure), confidence and keys of the prediction, gold_* and pred_* of each field."""
    rows = []
    for item in items:
        if lang and item["lang"] != lang:
            continue
        preds = predict(item, detect)
        used: set[int] = set()
        base = {"id": item["id"], "split": item.get("split", ""), "lang": item["lang"]}
        for g in item["claims"]:
            hit = next((k for k, p in enumerate(preds) if k not in used
                        and p["value_low"] == g["value_low"]
                        and p["value_high"] == g["value_high"]), None)  # fmt: skip
            p = preds[hit] if hit is not None else {}
            rows.append(_row(base, g["value_low"], g["value_high"], hit is not None, True, g, p))
            if hit is not None:
                used.add(hit)
        for k, p in enumerate(preds):
            if k not in used:
                rows.append(_row(base, p["value_low"], p["value_high"], False, False, {}, p))
    return pd.DataFrame(rows)


def _row(base: dict, low, high, matched: bool, gold: bool, g: dict, p: dict) -> dict:
    row = dict(base, low=low, high=high, matched=matched, gold=gold,
               confidence=p.get("confidence", np.nan), keys=p.get("_keys", []))  # fmt: skip
    for fld in FIELDS:
        row[f"gold_{fld}"] = g.get(fld)
        row[f"pred_{fld}"] = p.get(fld)
    return row


def scores(cmp: pd.DataFrame) -> dict[str, float]:
    """Value precision/recall/F1 and field accuracies from a :func:`compare` frame."""
    if cmp.empty:
        return {"gold": 0, "predicted": 0, "matched": 0, "precision": 1.0, "recall": 1.0,
                "f1": 1.0, **{f"{f}_accuracy": 1.0 for f in FIELDS}}  # fmt: skip
    tp = int((cmp["matched"] & cmp["gold"]).sum())
    n_gold = int(cmp["gold"].sum())
    n_pred = tp + int((~cmp["gold"]).sum())
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    out = {"gold": n_gold, "predicted": n_pred, "matched": tp, "precision": p, "recall": r,
           "f1": 2 * p * r / (p + r) if p + r else 0.0}  # fmt: skip
    m = cmp[cmp["matched"]]
    for fld in FIELDS:
        same = [str(a) == str(b) for a, b in zip(m[f"gold_{fld}"], m[f"pred_{fld}"], strict=True)]
        out[f"{fld}_accuracy"] = sum(same) / len(same) if same else 1.0
    return out


def evaluate(split: str = "dev", lang: str | None = None) -> dict[str, float]:
    """The scores of the extractor on ``split`` (or one language of it)."""
    return scores(compare(load_gold(split), lang=lang))


def predictions(cmp: pd.DataFrame) -> pd.DataFrame:
    """The predicted figures of a :func:`compare` frame, with ``right``: value and metric right."""
    pred = cmp[cmp["pred_metric"].notna()].copy()
    pred["right"] = pred["matched"] & (pred["gold_metric"].astype(str)
                                       == pred["pred_metric"].astype(str))  # fmt: skip
    return pred


def confidence_table(cmp: pd.DataFrame, thresholds=THRESHOLDS) -> pd.DataFrame:
    """Per threshold: figures kept, share of predicted figures kept, precision (value and metric)
    among them."""
    pred = predictions(cmp)
    rows = []
    for t in thresholds:
        kept = pred[pred["confidence"] >= t]
        rows.append({"threshold": t, "kept": len(kept),
                     "share_kept": len(kept) / len(pred) if len(pred) else 0.0,
                     "precision": kept["right"].mean() if len(kept) else 1.0})  # fmt: skip
    return pd.DataFrame(rows)


def calibrate(cmp: pd.DataFrame, l2: float = 1.0, folds: int = 5
              ) -> tuple[dict[str, float], float, pd.Series]:  # fmt: skip
    """Logistic weights of the evidence keys fitted to ``right`` on the predicted figures, the
    threshold: the lowest (:func:`lowest_threshold`) at which 97 % of the figures are right when
    each figure is scored by weights fitted without its item (``folds``-fold cross-validation over
    items), so that the threshold is not chosen on the very figures the weights were fitted to,
    and the share kept and precision at that threshold in the cross-validation."""
    pred = predictions(cmp)
    ids = pd.Series(pred["id"].unique())
    fold = pred["id"].map(dict(zip(ids, np.arange(len(ids)) % folds, strict=True))).to_numpy()
    held_out = np.zeros(len(pred))
    for k in range(folds):
        out = fold == k
        w = _fit(pred[~out], l2)
        held_out[out] = [C.score(ks, w) for ks in pred.loc[out, "keys"]]
    right = pred["right"].to_numpy(dtype=float)
    threshold = lowest_threshold(held_out, right)
    kept = held_out >= threshold
    held = pd.Series({"share_kept": kept.mean(), "precision": right[kept].mean() if kept.any()
                      else 1.0})  # fmt: skip
    return _fit(pred, l2), threshold, held


def _fit(pred: pd.DataFrame, l2: float) -> dict[str, float]:
    """Logistic weights (rounded to 0.01) of the evidence keys, fitted to ``right`` with an L2
    penalty on every weight but the base."""
    keys = sorted({k for ks in pred["keys"] for k in ks})
    x = np.array([[1.0] + [float(k in ks) for k in keys] for ks in pred["keys"]])
    y = pred["right"].to_numpy(dtype=float)
    w = np.zeros(x.shape[1])
    for _ in range(50):  # Newton steps on the L2-penalised log-likelihood
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (y - p) - l2 * np.r_[0, w[1:]]
        hess = x.T @ (x * (p * (1 - p))[:, None]) + l2 * np.diag(np.r_[0, np.ones(len(keys))])
        w += np.linalg.solve(hess, grad)
    return {"base": round(float(w[0]), 2), **{k: round(float(v), 2)
                                              for k, v in zip(keys, w[1:], strict=True)}}  # fmt: skip


def lowest_threshold(conf: np.ndarray, right: np.ndarray, target: float = 0.97) -> float:
    """The lowest threshold (step 0.005, from 0.995 down) at and above which at least ``target``
    of the figures are right, every higher threshold meeting it too; 1.0 if none does."""
    best = 1.0
    for t in np.arange(0.995, 0.0, -0.005):
        kept = conf >= round(float(t), 3)
        if not kept.sum():
            continue
        if right[kept].mean() < target:
            break
        best = round(float(t), 3)
    return best


def errors(cmp: pd.DataFrame) -> pd.DataFrame:
    """Rows of a :func:`compare` frame that are wrong in value or any field."""
    bad = ~cmp["matched"]
    for fld in FIELDS:
        bad |= cmp["matched"] & (cmp[f"gold_{fld}"].astype(str) != cmp[f"pred_{fld}"].astype(str))
    return cmp[bad]


def _line(label: str, s: dict) -> str:
    return (f"{label:>10}: values P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
            f"(gold {s['gold']}, predicted {s['predicted']}, matched {s['matched']}) | "
            + " ".join(f"{f}={s[f'{f}_accuracy']:.3f}" for f in FIELDS))  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    """Print the scores per split and language, and the confidence table."""
    ap = argparse.ArgumentParser(prog="python -m kursk.claims.evaluate", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=(*SPLITS, VALIDATION, "all"), default="all")
    ap.add_argument("--lang", choices=LANGUAGES, default=None)
    ap.add_argument("--errors", action="store_true", help="list wrong figures")
    ap.add_argument("--detect", action="store_true", help="detect each item's language")
    ap.add_argument("--calibrate", action="store_true",
                    help="refit the confidence weights and threshold on the calibration split")
    args = ap.parse_args(argv)
    splits = SPLITS if args.split == "all" else (args.split,)
    frames = []
    for split in splits:
        folder = "dev" if split == VALIDATION else split
        if not (gold_dir() / folder).is_dir():
            print(f"{split}: no folder tests/gold/{folder}/ (the {split} split is not here)")
            continue
        items = load_gold(split)
        cmp = compare(items, lang=args.lang, detect=args.detect)
        frames.append(cmp)
        print(f"\n== {split}: {len(items)} items ==")
        for lang in LANGUAGES:
            if not cmp.empty and (cmp["lang"] == lang).any():
                print(_line(lang, scores(cmp[cmp["lang"] == lang])))
        print(_line("all", scores(cmp)))
    if not frames:
        return
    cmp = pd.concat(frames, ignore_index=True)
    print(f"\n== confidence (DEFAULT_THRESHOLD {C.DEFAULT_THRESHOLD}; precision = right in "
          f"value and metric), per split ==")  # fmt: skip
    tables = [confidence_table(part).assign(split=split)
              for split, part in cmp.groupby("split", sort=False)]  # fmt: skip
    table = pd.concat(tables).pivot(index="threshold", columns="split")
    table.columns = [f"{split}: {col}" for col, split in table.columns]
    print(table[sorted(table.columns, key=lambda c: SPLITS.index(c.split(":")[0]))]
          .to_string(float_format=lambda v: f"{v:.3f}"))
    if args.calibrate:
        fit = cmp[cmp["split"] == "calibration"]
        if fit.empty:
            raise SystemExit("--calibrate needs the calibration split (tests/gold/calibration/)")
        weights, threshold, held = calibrate(fit, l2=CALIBRATION_L2)
        print("\nWEIGHTS =", json.dumps(weights, indent=1), f"\nthreshold for 97 %: {threshold} "
              f"(cross-validated: keeps {held['share_kept']:.1%}, {held['precision']:.1%} right)")
    if args.errors:
        cols = ["id", "low", "high", "matched", "confidence"] + [
            f"{w}_{f}" for f in FIELDS for w in ("gold", "pred")]  # fmt: skip
        with pd.option_context("display.width", 250, "display.max_rows", 2000,
                               "display.max_colwidth", 40):  # fmt: skip
            print(errors(cmp)[cols].to_string())


if __name__ == "__main__":
    main()
