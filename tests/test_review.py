"""kursk.review: a reviewer's decisions, validated like the curated data, applied to extracted
figures; decisions that cannot be applied are reported, never dropped.

# fixture: every figure, id and sentence here is made up for the tests.
"""

from __future__ import annotations

import pandas as pd
import pytest

from kursk import data, review, schema

HEADER = ",".join(schema.columns("reviews"))


def extracted_fixture() -> pd.DataFrame:
    """# fixture: three figures as kursk.claims.claims_from_articles gives them."""
    return pd.DataFrame({
        "claim_id": ["x0000000001", "x0000000002", "x0000000003"],
        "article_id": ["fa", "fa", "fb"], "outlet": ["Fixture Daily"] * 3,
        "published": pd.to_datetime(["2030-03-02"] * 3, utc=True),
        "url": ["https://example.org/fixture"] * 3,
        "value_low": [4700.0, 600.0, 10000.0], "value_high": [4700.0, 600.0, 10000.0],
        "qualifier": ["about"] * 3, "metric": ["casualties", "casualties", "deployed"],
        "kind": ["count"] * 3, "claimant": ["", "", ""], "hedged": [False] * 3,
        "confidence": [0.9, 0.4, 0.3], "evidence": ["fixture evidence"] * 3,
        "sentence": ["fixture sentence"] * 3, "start": [10, 60, 5], "end": [15, 63, 11],
        "lang": ["en"] * 3,
    })  # fmt: skip


def write(tmp_path, *rows: str):
    path = tmp_path / "reviews.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_accept_reject_and_correct_are_applied(tmp_path) -> None:
    path = write(tmp_path,
                 "x0000000001,accept,,,,,,,fixture: right",
                 "x0000000002,correct,,,,killed,,National Intelligence Service (South Korea),"
                 "fixture: the 600 are the dead among them",
                 "x0000000003,reject,,,,,,,fixture: not about North Korea")  # fmt: skip
    out = review.apply_reviews(extracted_fixture(), review.load_reviews(path))
    assert list(out["review"]) == ["accepted", "corrected", "rejected"]
    fixed = out.iloc[1]
    assert fixed["metric"] == "killed" and fixed["value_low"] == 600.0
    assert fixed["claimant"] == "National Intelligence Service (South Korea)"
    assert out.attrs["review_report"].empty


def test_a_decision_for_a_figure_no_longer_found_is_reported(tmp_path) -> None:
    path = write(tmp_path, "x0000000001,accept,,,,,,,", "x00000000ff,reject,,,,,,,fixture")
    out = review.apply_reviews(extracted_fixture(), review.load_reviews(path))
    rep = out.attrs["review_report"]
    assert list(rep["claim_id"]) == ["x00000000ff"] and list(rep["line"]) == [3]
    assert "no figure with this claim_id" in rep.loc[0, "reason"]
    assert rep.loc[0, "file"].endswith("reviews.csv")


def test_a_correction_that_leaves_low_above_high_is_reported_not_applied(tmp_path) -> None:
    path = write(tmp_path, "x0000000002,correct,900,,,,,,fixture: low only")
    out = review.apply_reviews(extracted_fixture(), review.load_reviews(path))
    assert out.loc[1, "review"] == "unreviewed" and out.loc[1, "value_low"] == 600.0
    assert "low 900 above high 600" in out.attrs["review_report"].loc[0, "reason"]


BAD = {
    "unknown status": ("x0000000001,maybe,,,,,,,", "status", "unknown status 'maybe'"),
    "unknown metric": ("x0000000001,correct,,,,soldiers,,,", "metric", "unknown metric"),
    "negative value": ("x0000000001,correct,-5,,,,,,", "low", "below the minimum"),
    "low above high": ("x0000000001,correct,9,1,,,,,", "low", "low is above high"),
    "unknown claimant": ("x0000000001,correct,,,,,,Nobody Fixture,", "claimant",
                         "'Nobody Fixture' is not a name in entities"),
    "correction without correct": ("x0000000001,accept,5,5,,,,,", "status", "not correct"),
    "correct without a value": ("x0000000001,correct,,,,,,,", "status", "no corrected value"),
    "bad key": ("fixture-id,accept,,,,,,,", "claim_id", "does not match the pattern"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_decisions_name_file_line_and_column(tmp_path, case) -> None:
    row, column, reason = BAD[case]
    path = write(tmp_path, "x0000000003,reject,,,,,,,fixture", row)
    with pytest.raises(data.DataValidationError) as info:
        review.load_reviews(path)
    message = str(info.value)
    assert "reviews.csv, line 3" in message and f"column {column!r}" in message
    assert reason in message
    lenient = review.load_reviews(path, strict=False)  # the bad row skipped and reported
    assert list(lenient["claim_id"]) == ["x0000000003"]
    assert list(lenient.attrs["load_report"]["line"].unique()) == [3]


def test_unknown_columns_are_a_clear_error_in_both_modes(tmp_path) -> None:
    path = tmp_path / "reviews.csv"
    path.write_text(HEADER + ",reviewer\nx0000000001,accept,,,,,,,,me\n", encoding="utf-8")
    for strict in (True, False):
        with pytest.raises(data.DataValidationError, match=r"line 1: header .*\['reviewer'\]"):
            review.load_reviews(path, strict=strict)


def test_no_review_file_means_every_figure_is_unreviewed(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(review, "default_path", lambda: tmp_path / "missing.csv")
    reviews = review.load_reviews()
    assert reviews.empty and list(reviews.columns) == schema.columns("reviews")
    out = review.apply_reviews(extracted_fixture(), reviews)
    assert set(out["review"]) == {"unreviewed"}


def test_review_table_lists_every_figure_least_confident_first() -> None:
    arts = pd.DataFrame({"article_id": ["fa", "fb"], "title": ["Fixture A", "Fixture B"]})
    table = review.review_table(extracted_fixture(), arts)
    assert list(table.columns) == review.REVIEW_COLUMNS
    assert list(table["confidence"]) == [0.3, 0.4, 0.9]
    assert list(table["title"]) == ["Fixture B", "Fixture A", "Fixture A"]
    assert set(table["status"]) == {"unreviewed"}


def test_review_table_says_which_figures_count_as_findings(tmp_path) -> None:
    """An unreviewed figure counts at or above the threshold, an accepted one always, a rejected
    one never: the reviewer sees which machine reads this run took as findings."""
    arts = pd.DataFrame({"article_id": ["fa", "fb"], "title": ["Fixture A", "Fixture B"]})
    path = write(tmp_path, "x0000000001,reject,,,,,,,", "x0000000003,accept,,,,,,,")
    out = review.apply_reviews(extracted_fixture(), review.load_reviews(path))
    table = review.review_table(out, arts, threshold=0.35).set_index("claim_id")
    assert table["finding"].to_dict() == {"x0000000003": True, "x0000000002": True,
                                          "x0000000001": False}  # fmt: skip
    strict = review.review_table(out, arts, threshold=0.5).set_index("claim_id")
    assert not strict.loc["x0000000002", "finding"] and strict.loc["x0000000003", "finding"]
