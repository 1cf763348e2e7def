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

# your own articles (relative to the project root); `make test` sets KURSK_ARTICLES to an
# empty folder, so that the stored outputs show the seed article alone
ARTICLES = os.environ.get("KURSK_ARTICLES", "data/articles")
START = "2024-06-01"
END = "2025-12-31"

# %%
import pandas as pd

import kursk.charts as charts
from kursk import articles as A
from kursk import combine, data
from kursk import sources as S
from kursk.charts import graphs
from kursk.claims import claims_from_articles
from kursk.paths import resolve, seeds_dir

pd.set_option("display.max_colwidth", 60)
pd.set_option("display.width", 200)

# %% [markdown]
# ## Loading
# Curated claims are validated against the data package; articles come from `seeds/` and the
# articles folder. Near-duplicate articles (word 5-gram Jaccard ≥ 0.8, e.g. syndicated wire copy)
# count once: the earliest is kept with its number of `copies`. The extractor reads the figures,
# which enter with the article's outlet (`origin` = extracted) next to the curated rows.

# %%
curated = data.load_claims().pipe(combine.between, START, END)
loaded = A.in_period(A.load_articles(seeds_dir(), resolve(ARTICLES)), START, END)
articles = S.dedupe_articles(loaded)
print(f"{len(loaded)} articles loaded, {len(articles)} after merging near-duplicates.")
extracted = claims_from_articles(articles)
claims = combine.combine_claims(curated, extracted)
seed = articles[articles["path"].str.startswith("seeds/")].iloc[0]
claims.groupby("origin", observed=True).agg(
    reports=("claim_id", "size"), outlets=("outlet", "nunique"), articles=("article_id", "nunique")
)

# %% [markdown]
# ## 1. Who carried which claim
# A distinct claim is one claimant's figure for one metric on one day. The heatmap shows the
# claims carried by at least three outlets, and every claim found in a loaded article; the cell
# says which qualifier the outlet attached ("about", "up to", no hedge). A column label ending in
# "forecast" is an expected, planned or possible figure, not a count (`kind` in `data/claims.csv`).

# %%
shown = claims.pipe(S.focus, min_outlets=3)
matrix = S.claim_matrix(shown)
distinct = S.distinct_claims(claims)
sides = dict(zip(distinct["label"], distinct["claimant_side"].astype(str), strict=True))
fig = graphs.claim_matrix_chart(
    matrix, sides, highlight=seed["outlet"],
    title="The same figure travels with different hedges from outlet to outlet",
    subtitle="Outlets (rows) × claims carried by three or more outlets or found in loaded articles",
)
_ = charts.save(fig, "sources_claim_matrix")

# %%
hedges = claims.pipe(S.claim_key).groupby("claim_key")["qualifier"].nunique()
print(f"{len(distinct)} distinct claims in {len(claims)} reports by {claims['outlet'].nunique()} "
      f"outlets; {int((hedges > 1).sum())} claims were carried with more than one qualifier.")

# %% [markdown]
# Most claims reach readers through a handful of outlets, and the hedge is not stable: the same
# briefing appears as "about", "up to" and as a flat number depending on who relays it. By
# language of the page: the share of figures hedged (a qualifier, or for figures from loaded
# articles also hedging words such as "could" in the sentence) and the share naming a claimant.

# %%
S.hedging_rates(claims, by="language")

# %% [markdown]
# ## 2. Who cites whom
# Each arrow runs from an outlet to whom it credits the figure: another outlet or agency (from
# `cited_via`, and from attributions such as "told KBS" or "according to Yonhap" in loaded
# texts), or directly the claimant. Claimants sit on the left; each step away adds a column.

# %%
g = S.citation_graph(claims, articles=articles)
hubs = pd.Series({n: g.in_degree(n) for n, k in g.nodes(data="kind") if k == "agency"})
hubs = hubs.sort_values(ascending=False, kind="stable")
fig = graphs.citation_graph_chart(
    g, title=f"Outlets relay agencies: {hubs.index[0]} alone is credited by {hubs.iloc[0]} outlets",
    highlight=seed["outlet"],
)
_ = charts.save(fig, "sources_citation_graph")
hubs.head(6).rename("outlets crediting it").to_frame()

# %% [markdown]
# The agencies and outlets at the top of this list are credited by many others, so one of their
# reports reappears under several mastheads as if it were a separate source each time.

# %% [markdown]
# ## 3. Reports against independent origins
# Per distinct claim: the number of reports, of outlets, of *channels* (first-hand reporters:
# the agency cited, or the outlet itself when it cites nobody) and of origins (claimant and day).
# Per figure (metric and value, any claimant) the same count shows whether several origins agree.

# %%
cor = S.corroboration(claims)
relayed = cor[cor["n_channels"] < cor["n_reports"]]
print(f"{len(relayed)} of {len(cor)} claims reached more outlets than first-hand channels.")
cor[["label", "n_reports", "n_outlets", "n_channels", "n_origins", "channels"]].head(10)

# %%
by_figure = S.corroboration(claims, level="figure")
by_figure[["label", "n_reports", "n_channels", "n_origins", "origins"]].head(8)

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
dr = S.drift(claims)
print(dr["change"].value_counts().to_string())
dr[dr["change"] != "qualifier"].assign(claimant=lambda d: d["claimant"].map(S.short_name))[
    ["claimant", "claimed_on", "change", "outlet_a", "figure_a", "qualifier_a", "metric_a",
     "outlet_b", "figure_b", "qualifier_b", "metric_b"]
]

# %% [markdown]
# Most drift is in the hedge: an "about" or "up to" in one report is a flat number in another.
# The rarer changes of figure or metric (listed above) change what is claimed: a total for Russia
# becomes a number "in Kursk", a range becomes its upper end.

# %% [markdown]
# ## 5. Who reported first
# For each claim carried by at least two outlets (and every claim in a loaded article), the day
# each outlet first carried it, counted from the day the claim was made.

# %%
tm = S.timing(claims)
late = tm[tm["rank"] > 1]
same_day = (late["delay_days"] == 0).mean()
fig = graphs.first_report_chart(
    S.timing(claims.pipe(S.focus, min_outlets=2)), distinct,
    title=f"{same_day:.0%} of follow-up reports of a claim came out on the day of the first report",
)
_ = charts.save(fig, "sources_first_reports")
print(f"Later outlets: median delay {late['delay_days'].median():.0f} days, "
      f"longest {late['delay_days'].max()} days.")

# %%
tm[tm["origin"].astype(str) == "extracted"][
    ["label", "outlet", "published_on", "rank", "delay_days", "first_outlet", "first_published_on"]
]

# %% [markdown]
# The rows above are the figures from the loaded articles: each shows which outlet had the claim
# first and how many days later the article followed.

# %% [markdown]
# ## 6. The seed among them
# For each figure in the seed: curated reports of the same metric and an overlapping value
# published up to the seed's day, and who had it first (`same_day`: order within the day unknown).
# Below it, every loaded article's figures, hedging, which other loaded articles' outlets share
# them, and which outlets in the curated claims carry the same figure.

# %%
placed = S.place_article(seed["article_id"], articles, extracted, claims)
placed[["figure", "metric", "qualifier", "claimant", "n_earlier_reports", "first_outlet",
        "first_published_on", "first_claimant", "same_day"]]

# %%
S.article_claims(articles, extracted, claims)[
    ["outlet", "claimant", "metric", "value_low", "qualifier", "hedged", "shared_with_outlets",
     "in_claims_outlets"]
]

# %% [markdown]
# The seed's "up to 15,000" matches the figure Ukraine's defence minister gave KBS, which KBS
# published the same day. The seed repeats it for the fighting in Kursk, a metric no earlier
# report used: the curated KBS report gives it as an expected total for Kursk and other areas. The
# seed credits KBS and the New York Times; only the KBS interview carries a figure (the extractor
# names the lead's figure as the Ukrainian government's, the body text as Umerov's).

# %% [markdown]
# ## Exported figures
# `reports/figures/sources_claim_matrix`, `sources_citation_graph` and `sources_first_reports`
# (PNG, SVG and PDF).
#
# ## Limits of this analysis
# - Coverage: the curated claims are a sample of reports found by hand, mostly in English;
#   an outlet missing from the matrix may simply not have been collected.
# - Citations are as the outlets state them. An outlet that copies without credit looks like an
#   independent channel; one that credits a briefing it did not attend looks first-hand.
# - Attributions in full texts are found by names plus cue words in one sentence; a reference
#   across sentences ("the paper", "demnach") is missed, and a cue near an outlet's name can
#   misfire. Extracted figures inherit the extractor's errors in metric, qualifier and claimant.
# - Timing is by publication date only; reports of the same day cannot be ordered.
# - Drift pairs versions of one claimant's statements of one day; a claimant who really gave two
#   figures that day produces a pair that is not an error of transmission.
