# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (kursk)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # When many outlets report the same troop figure, how many independent sources stand behind it?
#
# Ten outlets repeating one briefing look like ten confirmations. This notebook sets every
# published figure in `data/claims.csv`, and every figure found in the articles you load, against
# the others: which outlet carried which claim and with which qualifier, whom each outlet credits
# (another outlet, a news agency, or the official who made the claim), how many reports go back
# to how many origins, where a figure changed on its way downstream, who reported first, and
# where the seed article (tagesschau, 6 November 2024) stands among them. You will learn to read
# a crowd of reports as a few sources, and to see when a figure drifts as it is passed on.

# %% tags=["parameters"]
import os

# your own articles and your review file (relative to the project root; "" for the review file:
# data/articles/reviews.csv if it exists); `make test` sets KURSK_ARTICLES to an empty folder and
# KURSK_REVIEWS to an empty review file, so that the stored outputs show the seed article alone
ARTICLES = os.environ.get("KURSK_ARTICLES", "data/articles")
REVIEWS = os.environ.get("KURSK_REVIEWS", "")
START = "2024-06-01"
END = "2026-12-31"

# %%
import pandas as pd

import kursk.charts as charts
from kursk import articles as A
from kursk import combine, data, review
from kursk import sources as S
from kursk.charts import graphs
from kursk.charts.tables import for_readers
from kursk.claims import claims_from_articles
from kursk.export import write_table
from kursk.paths import reports_dir, resolve, seeds_dir

# %% [markdown]
# ## Loading
# Curated claims are validated against the data package; articles come from `seeds/` and the
# articles folder. Near-duplicate articles (word 5-gram Jaccard ≥ 0.8, e.g. syndicated wire copy)
# count once: the earliest is kept with its number of `copies`. The extractor reads the figures,
# which enter with the article's outlet (`origin` = extracted) next to the curated rows, with your
# review decisions applied. Only *findings* enter the comparisons below: curated figures, and
# figures read from the articles that a reviewer accepted or corrected, or that the extractor is
# confident of; the rest are listed to review at the end, never counted.

# %%
curated = data.load_claims().pipe(combine.between, START, END)
loaded = A.in_period(A.load_articles(seeds_dir(), resolve(ARTICLES)), START, END)
articles = S.dedupe_articles(loaded)
print(f"{len(loaded)} articles loaded, {len(articles)} after merging near-duplicates.")
reviews = review.load_reviews(resolve(REVIEWS) if REVIEWS else None)
extracted = review.apply_reviews(claims_from_articles(articles), reviews)
claims = combine.combine_claims(curated, extracted)
found = combine.findings(claims)
mine = set(articles["outlet"])
for_readers(claims.assign(finding=claims["finding"].map({True: "finding", False: "not a finding"}))
            .groupby(["origin", "finding"], observed=True)
            .agg(reports=("claim_id", "size"), outlets=("outlet", "nunique")).reset_index())

# %% [markdown]
# ## 1. Who carried which claim
# A distinct claim is one claimant's figure for one metric on one day. The heatmap shows the
# claims carried by at least three outlets, and every claim found in a loaded article; the cell
# says which qualifier the outlet attached ("about", "up to", no hedge). A column label ending in
# "forecast" is an expected, planned or possible figure, not a count (`kind` in `data/claims.csv`).

# %%
shown = found.pipe(S.focus, min_outlets=3)
matrix = S.claim_matrix(shown)
distinct = S.distinct_claims(found)
sides = dict(zip(distinct["label"], distinct["claimant_side"].astype(str), strict=True))
fig = graphs.claim_matrix_chart(
    matrix, sides, highlight=mine,
    title="The same figure travels with different hedges from outlet to outlet",
    subtitle="Outlets (rows) × claims carried by three or more outlets or found in loaded articles",
)
_ = charts.save(fig, "sources_claim_matrix")

# %%
hedges = found.pipe(S.claim_key).groupby("claim_key")["qualifier"].nunique()
print(f"{len(distinct)} distinct claims in {len(found)} reports by {found['outlet'].nunique()} "
      f"outlets; {int((hedges > 1).sum())} claims were carried with more than one qualifier.")

# %% [markdown]
# Most claims reach readers through a handful of outlets, and the hedge is not stable: the same
# briefing appears as "about", "up to" and as a flat number depending on who relays it. By
# language of the page: the share of figures hedged (a qualifier, or for figures from loaded
# articles also hedging words such as "could" in the sentence) and the share naming a claimant.

# %%
for_readers(S.hedging_rates(found, by="language"), percent=["share_hedged", "share_named"])

# %% [markdown]
# ## 2. Who cites whom
# Each arrow runs from an outlet to whom it credits the figure: another outlet or agency (a
# curated row's `cited_via`; for a figure read from a loaded article, the outlet its own sentence
# credits, "told KBS", "according to Yonhap"), or directly the claimant. Claimants sit on the
# left; each step away adds a column.

# %%
g = S.citation_graph(found, articles=articles)
hubs = pd.Series({n: g.in_degree(n) for n, k in g.nodes(data="kind") if k == "agency"})
hubs = hubs.sort_values(ascending=False, kind="stable")
fig = graphs.citation_graph_chart(
    g, title=f"Outlets relay agencies: {hubs.index[0]} alone is credited by {hubs.iloc[0]} outlets",
    highlight=mine,
)
_ = charts.save(fig, "sources_citation_graph")
for_readers(hubs.head(6).rename("outlets crediting it").rename_axis("credited").reset_index())

# %% [markdown]
# The agencies and outlets at the top of this list are credited by many others, so one of their
# reports reappears under several mastheads as if it were a separate source each time.

# %% [markdown]
# ## 3. Reports against independent origins
# Per distinct claim: the number of reports, of outlets, of *channels* (first-hand reporters:
# the agency cited, or the outlet itself when it cites nobody) and of origins (claimant and day).
# Per figure (metric and value, any claimant) the same count shows whether several origins agree.

# %%
cor = S.corroboration(found)
relayed = cor[cor["n_channels"] < cor["n_reports"]]
print(f"{len(relayed)} of {len(cor)} claims reached more outlets than first-hand channels.")
for_readers(cor.head(10), columns={"label": "claim", "n_reports": "reports", "n_outlets": "outlets",
                                   "n_channels": "first-hand channels", "n_origins": "origins",
                                   "channels": "channels"})

# %%
by_figure = S.corroboration(found, level="figure")
for_readers(by_figure.head(8), columns={"label": "figure", "n_reports": "reports",
                                       "n_channels": "first-hand channels", "n_origins": "origins",
                                       "origins": "origins (claimant, day)"})

# %% [markdown]
# Every distinct claim has a single origin by construction: five reports of one claim are one
# statement heard five times. Where channels are fewer than reports, the extra reports are relays
# of an agency, not confirmations. Across claimants, the same round numbers come back from several
# origins — agreement, or one side's figure adopted by another, which the dates help to tell.

# %% [markdown]
# ## 4. Drift: the same origin, a different figure, hedge or metric
# Versions of one origin (claimant and day) that share the figure, or the metric with figures
# at most 1.5 times apart. Version a is the one reported first; `drift()` also gives both URLs.

# %%
dr = S.drift(found)
print(dr["change"].value_counts().to_string())
for_readers(dr[dr["change"] != "qualifier"].assign(claimant=lambda d: d["claimant"].map(S.short_name)),
            columns={"claimant": "claimant", "claimed_on": "claimed on", "change": "change",
                     "outlet_a": "first outlet", "figure_a": "figure", "qualifier_a": "qualifier",
                     "metric_a": "metric", "outlet_b": "later outlet", "figure_b": "figure ",
                     "qualifier_b": "qualifier ", "metric_b": "metric "})

# %% [markdown]
# Most drift is in the hedge: an "about" or "up to" in one report is a flat number in another.
# The rarer changes of figure or metric (listed above) change what is claimed: a total for Russia
# becomes a number "in Kursk", a range becomes its upper end.

# %% [markdown]
# ## 5. Who reported first
# For each claim carried by at least two outlets (and every claim in a loaded article), the day
# each outlet first carried it, counted from the day the claim was made.

# %%
tm = S.timing(found)
late = tm[tm["rank"] > 1]
same_day = (late["delay_days"] == 0).mean()
fig = graphs.first_report_chart(
    S.timing(found.pipe(S.focus, min_outlets=2)), distinct,
    title=f"{same_day:.0%} of follow-up reports of a claim came out on the day of the first report",
)
_ = charts.save(fig, "sources_first_reports")
print(f"Later outlets: median delay {late['delay_days'].median():.0f} days, "
      f"longest {late['delay_days'].max()} days.")

# %%
for_readers(tm[tm["origin"].astype(str) == "extracted"],
            columns={"label": "claim", "outlet": "outlet", "published_on": "published",
                     "rank": "rank", "delay_days": "days after the first",
                     "first_outlet": "first outlet", "first_published_on": "first published"})

# %% [markdown]
# The rows above are the figures from the loaded articles that are findings: each shows which
# outlet had the claim first and how many days later the article followed. With the seed article
# alone there are none: its two figures wait for review (section 7).

# %% [markdown]
# ## 6. The seed among them
# For each figure in the seed: curated reports of the same metric and an overlapping value
# published up to the seed's day, and who had it first (`same_day`: order within the day unknown).
# Below it, every loaded article's figures, hedging, which other loaded articles' outlets share
# them, and which outlets in the curated claims carry the same figure.

# %%
seed = articles[articles["path"].str.startswith("seeds/")].iloc[0]
placed = S.place_article(seed["article_id"], articles, extracted, claims)
for_readers(placed, columns={"figure": "figure", "metric": "metric", "qualifier": "qualifier",
                             "claimant": "claimant", "n_earlier_reports": "earlier reports",
                             "first_outlet": "first outlet", "first_published_on": "first published",
                             "first_claimant": "first claimant", "same_day": "same day"})

# %%
for_readers(S.article_claims(articles, extracted, claims),
            columns={"outlet": "outlet", "claimant": "claimant", "metric": "metric",
                     "figure": "figure", "qualifier": "qualifier", "hedged": "hedged",
                     "shared_with_outlets": "same figure in", "in_claims_outlets": "curated in"},
            ranges={"figure": ("value_low", "value_high")})

# %% [markdown]
# The seed's "up to 15,000" matches the figure Ukraine's defence minister gave KBS, which KBS
# published the same day. The seed repeats it for the fighting in Kursk, a metric no earlier
# report used: the curated KBS report gives it as an expected total for Kursk and other areas. The
# seed credits KBS and the New York Times; only the KBS interview carries a figure (the extractor
# names the lead's figure as the Ukrainian government's, the body text as Umerov's). Neither has
# been reviewed or reaches the confidence threshold, so neither enters the comparisons above.

# %% [markdown]
# ## 7. To review, and the tables to take away
# The figures read from the articles that are not findings: unreviewed and below the confidence
# threshold. Accept, reject or correct them in a review file (`data/articles/reviews.csv`, or the
# file given as `REVIEWS=`; the columns are in `data/README.md`), keyed by `claim_id`; the next
# run applies it. Decisions the run could not apply (the figure is gone, or a correction left it
# impossible) are listed below it, never dropped.

# %%
for_readers(combine.to_review(claims),
            columns={"claim_id": "claim_id", "outlet": "outlet", "published_on": "published",
                     "sentence": "sentence", "figure": "figure", "metric": "metric",
                     "claimant": "claimant", "confidence": "confidence"},
            ranges={"figure": ("low", "high")})

# %%
for_readers(extracted.attrs["review_report"], columns={"line": "line", "claim_id": "claim_id",
                                                       "reason": "not applied because"})

# %% [markdown]
# `reports/claims.csv` and `.xlsx`: every figure, curated and extracted, with its origin, review
# status, confidence, page and sentence (columns described in `data/README.md`).
# `reports/claims_review.csv` and `.xlsx`: every extracted figure as a reviewer reads it, least
# confident first. Charts: `reports/figures/sources_claim_matrix`, `sources_citation_graph` and
# `sources_first_reports` (PNG, SVG and PDF).

# %%
_ = write_table(combine.claims_table(claims), reports_dir() / "claims")
_ = write_table(review.review_table(extracted, articles), reports_dir() / "claims_review")
sorted(p.name for p in reports_dir().glob("claims*"))

# %% [markdown]
# ## Limits of this analysis
# - Coverage: the curated claims are a sample of reports found by hand, mostly in English;
#   an outlet missing from the matrix may simply not have been collected.
# - Citations are as the outlets state them. An outlet that copies without credit looks like an
#   independent channel; one that credits a briefing it did not attend looks first-hand.
# - An extracted figure's citation is the outlet its own sentence (or the attribution the
#   extractor followed back) credits; an outlet named elsewhere in the article is no citation.
#   Extracted figures inherit the extractor's errors in metric, qualifier and claimant: only
#   reviewed ones count here, and unreviewed ones at or above the confidence threshold (0.985,
#   97 % right on text it was not tuned on; `benchmarks/README.md`), which only a figure that a
#   curated claim also gives reaches: such a figure adds an outlet to a known claim, never a new
#   number.
# - A figure without a named claimant is "unattributed": a report, never an origin of its own.
# - Timing is by publication date only; reports of the same day cannot be ordered.
# - Drift pairs versions of one claimant's statements of one day; a claimant who really gave two
#   figures that day produces a pair that is not an error of transmission.
