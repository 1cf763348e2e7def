"""A reviewer's decisions on the figures the extractor read: accept, reject or correct.

The decisions live in a CSV file (``data/articles/reviews.csv`` by default, or the file given as
``REVIEWS=``), one row per figure keyed by its ``claim_id`` (which stays the same from run to run
while the article's text does), validated against ``data/schemas/reviews.json`` like the curated
data: errors name file, line and column. :func:`apply_reviews` applies them to the extracted
figures and reports every decision it could not apply (a figure no longer found, a correction that
leaves the figure impossible), never dropping one silently. :func:`review_table` is the file a
reviewer works from (``reports/claims_review.csv``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from kursk import data, paths, schema
from kursk.claims import DEFAULT_THRESHOLD
from kursk.combine import is_finding

#: What a decision in the review file makes of a figure's ``review`` status.
STATUS = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}
#: The fields a ``correct`` decision may change: column in the review file -> extracted column.
CORRECTIONS = {"low": "value_low", "high": "value_high", "qualifier": "qualifier",
               "metric": "metric", "kind": "kind", "claimant": "claimant"}  # fmt: skip
REPORT_COLUMNS = ["file", "line", "claim_id", "reason"]
REVIEW_COLUMNS = ["claim_id", "status", "finding", "title", "outlet", "url", "published",
                  "sentence", "value_low", "value_high", "qualifier", "metric", "kind",
                  "claimant", "confidence", "evidence"]  # fmt: skip


def default_path() -> Path:
    """``data/articles/reviews.csv``."""
    return paths.data_dir() / schema.resource("reviews")["path"]


def load_reviews(path: str | os.PathLike | None = None, *, strict: bool = True) -> pd.DataFrame:
    """The review file as a typed frame (empty when the default file does not exist).

    A decision other than ``correct`` that gives corrected values is a problem of its row, like
    any value the schema refuses: strict raises :class:`kursk.data.DataValidationError` naming
    file, line and column; lenient leaves the row out and lists it in ``attrs["load_report"]``.
    """
    if path is None and not default_path().is_file():
        empty = pd.DataFrame(columns=schema.columns("reviews"))
        empty.attrs["load_report"] = data.report_frame([])
        return empty
    return data.load("reviews", path=path if path is not None else default_path(), strict=strict)


def apply_reviews(extracted: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """The extracted figures with a ``review`` column (accepted, corrected, rejected or
    unreviewed) and the corrections of ``correct`` decisions applied.

    ``attrs["review_report"]`` lists, with the review file's line, every decision that was not
    applied: its figure is no longer among the extracted ones, or the correction would leave the
    figure with low above high (the figure is then left as extracted and unreviewed).
    """
    out = extracted.copy()
    out["review"] = "unreviewed"
    source = reviews.attrs.get("source", str(default_path()))
    lines = reviews.attrs.get("lines", [None] * len(reviews))
    by_id = {cid: i for i, cid in enumerate(out["claim_id"].astype(str))}
    problems = []
    for line, row in zip(lines, reviews.to_dict("records"), strict=True):
        i = by_id.get(row["claim_id"])
        if i is None:
            problems.append((source, line, row["claim_id"], "no figure with this claim_id in the "
                             "articles read (article removed, or its text changed)"))
            continue
        if row["status"] == "correct":
            fixed = {col: row[key] for key, col in CORRECTIONS.items() if pd.notna(row[key])}
            low = fixed.get("value_low", out.iloc[i]["value_low"])
            high = fixed.get("value_high", out.iloc[i]["value_high"])
            if low > high:
                problems.append((source, line, row["claim_id"],
                                 f"the correction leaves low {low:g} above high {high:g}"))
                continue
            for col, value in fixed.items():
                out.iloc[i, out.columns.get_loc(col)] = value
        out.iloc[i, out.columns.get_loc("review")] = STATUS[row["status"]]
    out.attrs["review_report"] = pd.DataFrame(problems, columns=REPORT_COLUMNS).astype(
        {"line": "Int64"})
    return out


def review_table(extracted: pd.DataFrame, articles: pd.DataFrame,
                 threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:  # fmt: skip
    """Every extracted figure as a reviewer reads it (:data:`REVIEW_COLUMNS`): the article's
    title, outlet, url and date, the sentence, the machine's reading, its confidence and
    evidence, its review status, and whether this run counts it as a finding (accepted or
    corrected, or unreviewed at or above ``threshold``: :func:`kursk.combine.is_finding`).
    Least confident first."""
    titles = articles.drop_duplicates("article_id").set_index("article_id")["title"]
    status = extracted["review"] if "review" in extracted else pd.Series(
        "unreviewed", index=extracted.index)  # fmt: skip
    out = extracted.assign(
        title=extracted["article_id"].map(titles), status=status,
        finding=is_finding(status, extracted["confidence"], threshold),
    )
    out = out.sort_values(["confidence", "article_id", "start"], kind="stable")
    return out[REVIEW_COLUMNS].reset_index(drop=True)
