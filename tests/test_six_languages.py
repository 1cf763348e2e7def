"""One article of one's own in Russian, Ukrainian, Korean and French goes through notebooks 03
and 04 with its figures shown (tests/fixtures/six_languages).

# fixture: the articles and the review file are written for the tests (see the folder's README);
# every figure in them is a curated public estimate, so they invent no number.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pandas as pd
import pytest

from kursk import combine, data, review
from kursk.articles import load_articles
from kursk.claims import claims_from_articles
from kursk.report import notebook_paths, run_report

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "six_languages"
REVIEWS = ROOT / "tests" / "fixtures" / "six_languages_reviews.csv"

#: (language, figure, qualifier, metric, claimant) the articles state
EXPECTED = {
    ("fr", 10000.0, "about", "deployed", "US Department of Defense"),
    ("uk", 3000.0, "more_than", "casualties", "Volodymyr Zelensky"),
    ("ru", 300.0, "about", "killed", "National Intelligence Service (South Korea)"),
    ("ru", 2700.0, "about", "wounded", "National Intelligence Service (South Korea)"),
    ("ko", 4700.0, "about", "casualties", "National Intelligence Service (South Korea)"),
    ("ko", 4700.0, "exact", "casualties", "National Intelligence Service (South Korea)"),  # title
    ("ko", 600.0, "about", "killed", "National Intelligence Service (South Korea)"),
}


@pytest.fixture(scope="module")
def extracted() -> pd.DataFrame:
    return claims_from_articles(load_articles(FIX))


def test_each_language_reads_its_figures(extracted) -> None:
    got = {(r.lang, r.value_low, str(r.qualifier), str(r.metric), r.claimant)
           for r in extracted.itertuples()}  # fmt: skip
    assert got == EXPECTED
    assert (extracted["value_low"] == extracted["value_high"]).all()
    assert not extracted["hedged"].any()


def test_the_review_file_names_every_figure_read(extracted) -> None:
    """The review file's ids are the ids the extractor gives (they depend on the text only)."""
    with REVIEWS.open(encoding="utf-8") as fh:
        ids = {row["claim_id"] for row in csv.DictReader(fh)}
    assert ids == set(extracted["claim_id"])


def test_accepted_figures_become_findings_and_match_the_curated_claims(extracted) -> None:
    reviewed = review.apply_reviews(extracted, review.load_reviews(REVIEWS))
    both = combine.combine_claims(data.load_claims(), reviewed)
    found = combine.findings(both)
    mine = found[found["origin"] == "extracted"]
    assert len(mine) == 6  # the Korean headline's repeat is rejected
    matched = combine.match_extracted(found).set_index("claim_id")
    assert (matched.loc[mine["claim_id"], "matches"] >= 1).all()


def test_notebooks_03_and_04_show_the_figures(tmp_path) -> None:
    nbs = notebook_paths(ROOT / "notebooks", ["03", "04"])
    here = os.getcwd()
    run_report(str(FIX), "2024-06-01", "2026-12-31", tmp_path, nbs, reviews=str(REVIEWS))
    assert os.getcwd() == here  # notebooks run side by side; none moves the process's folder
    nb03 = (tmp_path / "03_troop_estimates.html").read_text(encoding="utf-8")
    nb04 = (tmp_path / "04_source_comparison.html").read_text(encoding="utf-8")
    for outlet in ("Fixture Quotidien", "Fixture Visnyk", "Fixture Vestnik", "Fixture Ilbo"):
        assert outlet in nb03 and outlet in nb04, outlet
    # the table of figures from the articles (findings) in 03, with the curated claims they match
    for figure in ("10,000", "3,000", "2,700", "4,700", "600"):
        assert figure in nb03
    assert "c532" in nb03 and "c545" in nb03
    table = pd.read_csv(tmp_path / "claims.csv")
    mine = table[table["outlet"].str.startswith("Fixture ")]  # the seed is read as well
    assert sorted(mine["language"].unique()) == ["fr", "ko", "ru", "uk"]
    assert (mine["origin"] == "extracted").all() and len(mine) == 7
    assert sorted(mine["review"]) == ["accepted"] * 6 + ["rejected"]
