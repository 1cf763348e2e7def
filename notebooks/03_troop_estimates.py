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
# # How many North Korean soldiers went to fight for Russia, and how many were lost — according to whom?
#
# Governments, spy agencies and ministers on all sides put numbers on North Korea's troops in the
# Kursk region: how many were sent, how many fought there, how many were killed, wounded or
# captured. This notebook lines up every figure in the project's sourced dataset
# (`data/claims.csv`, one row per figure as an outlet published it) on one timeline, coloured by
# the side that made the claim, and sets the figures that `kursk.claims` extracts from the
# articles in `seeds/` and `data/articles/` beside them. You will see who gave the highest and
# the lowest figures, how far apart the latest estimates of each side are, and where a figure in
# an article you add lands among them.

# %% tags=["parameters"]
ARTICLES = "data/articles"
START = "2024-06-01"
END = "2025-12-31"

# %%
import kursk.charts as kc
import kursk.claims
import kursk.data as kd
import pandas as pd
from kursk.articles import load_articles
from kursk.charts import timelines as tl
from kursk.paths import figures_dir, resolve, seeds_dir

pd.set_option("display.max_colwidth", 60)
# %config InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "dpi": 80}

# %% [markdown]
# ## Loading
# The curated claims and events are validated against `data/datapackage.json` as they load (a
# bad row stops the notebook with its file, line and column). The articles are read from
# `seeds/` and the articles folder, and their figures extracted; `all_claims` stacks both kinds
# with an `origin` column.

# %%
claims = kd.load_claims().pipe(lambda d: d[d["claimed_on"].between(START, END)])
events = kd.load_events()
articles = load_articles(seeds_dir(), resolve(ARTICLES))
extracted = kursk.claims.claims_from_articles(articles)
every = kd.all_claims(claims, extracted).pipe(lambda d: d[d["claimed_on"].between(START, END)])
curated = every[every["origin"] == "curated"]
pd.Series({
    "curated figures": len(curated),
    "outlets": claims["outlet"].nunique(),
    "languages": claims["language"].nunique(),
    "claimants": curated["claimant"].nunique(),
    "articles read": len(articles),
    "figures extracted from them": int((every["origin"] == "extracted").sum()),
    "events": len(events),
})

# %% [markdown]
# ## 1. Every published figure on one timeline
# Troop numbers sit in the upper panel, losses in the lower one; each marker is a distinct figure
# (identical reports of the same claim drawn once), its colour the side that made the claim.
# Hollow markers are claims by the parties to the war. The numbers above the panels are the events
# listed under the chart.

# %%
fig = tl.estimates_timeline(every, events, start=START, end=END)
print(tl.timeline_title(curated))
print(tl.panel_finding(curated, "Losses"))

# %% [markdown]
# **Finding:** the highest troop figure is Zelensky's warning of 19 November 2024 that the
# contingent could grow to 100,000 — a ceiling, not a count. The counts themselves, from South
# Korea, the US and Ukraine, mostly lie between 10,000 and 15,000 from late October 2024 on. Loss
# figures begin in mid-December 2024 and climb through 2025; they come from South Korea, Ukraine,
# the US and the UK, never from Russia or North Korea.

# %% [markdown]
# ## 2. The latest estimate from each side, per metric
# For each metric and side, the figure(s) of that side's most recent claim date. When reports of
# the same day disagree, each figure gets its own row; `reports` counts the published rows behind
# it. ▼ up to, ▲ more than, ≥ at least, ~ about.

# %%
latest = kd.latest_estimates(curated)
tl.estimates_table(latest)

# %%
spread = kd.spread(curated)
widest = spread.sort_values("ratio", ascending=False).iloc[0]
print(f"Widest gap: {tl.METRIC_LABELS[widest['metric']]}, "
      f"{widest['highest']:,.0f} vs {widest['lowest']:,.0f} ({widest['ratio']:.1f}×)")
tl.spread_table(spread)

# %% [markdown]
# **Finding:** among the counts given by several sides, the latest figures agree best on the
# troops in the Kursk region (8,000 to 11,000) and least on further troops sent: Ukraine's
# military intelligence expected 25,000–30,000 more in July 2025, while South Korea's latest
# briefing (November 2025) counts 1,000 deminers and 5,000 construction troops — different
# batches, not one batch counted differently. A side's latest figure can be months old (the US
# gave no casualty figure after December 2024), so the spread compares figures of different dates.

# %% [markdown]
# ## 3. Metric by metric
# The same figures, one panel per metric on a linear scale, show how each count moved over time.

# %%
fig_metrics = tl.estimates_by_metric(every, start=START, end=END, spread_table=spread)
first_last = curated.sort_values("claimed_on").groupby("metric", observed=True).agg(
    first=("claimed_on", "min"), last=("claimed_on", "max"), figures=("claim_id", "size"))
first_last

# %% [markdown]
# **Finding:** most figures for the troops sent were published in October and November 2024,
# while the loss counts kept rising: South Korea's count of the killed went from at least 100
# (December 2024) to about 2,000 (September 2025), and the casualty figures from a few dozen to
# more than 6,000 (UK, June 2025).

# %% [markdown]
# ## 4. Figures extracted from the articles
# `kursk.claims` reads the articles and pulls out each figure with its qualifier, metric and
# claimant. On the timeline above they are the thin × markers. A curated claim corroborates an
# extracted one when metric and figure are equal and it was claimed up to three days before the
# article appeared.

# %%
matched = kd.match_extracted(every)
matched[["claim_id", "outlet", "claimed_on", "claimant", "metric", "qualifier", "high",
         "matches", "matched_ids"]]

# %% [markdown]
# **Finding:** the seed article's "up to 15,000" (Umerov, speaking to KBS) matches a curated claim
# for the troops sent; its second figure is counted by the extractor as troops in Kursk, for which
# no curated claim gives 15,000 — a reminder that extraction assigns metrics by wording and needs
# checking against the sources.

# %% [markdown]
# ## 5. Explore
# Pick sides, metrics and months; the chart redraws. (Needs a running kernel.)

# %%
# NBVAL_IGNORE_OUTPUT: the widget's model id changes on every run
from kursk.widgets import estimates_filter

estimates_filter(curated, events, every[every["origin"] == "extracted"], start=START, end=END)

# %% [markdown]
# ## Exported figures
# Both charts go to `reports/figures/` as PNG, SVG and PDF (identical bytes on every run).

# %%
_ = kc.save(fig, "troop_estimates_timeline")
_ = kc.save(fig_metrics, "troop_estimates_by_metric")
sorted(p.name for p in figures_dir().glob("troop_estimates_*"))

# %% [markdown]
# ## Limits of this analysis
# - **Interested parties.** Every figure is an estimate by someone with a stake: Ukraine and
#   Russia are at war, South Korea and the US are Ukraine's partners, North Korea confirmed its
#   deployment only in April 2025 and gave no numbers. None of the figures is independently
#   verified.
# - **Second-hand reporting.** Most figures reach us through an outlet reporting a briefing (often
#   a closed one, relayed by lawmakers); outlets sometimes disagree on the figure or the date of
#   the same briefing. Each version is kept as its own row; nothing is reconciled by hand.
# - **Rounding and vague quantities.** Figures are round numbers with hedges (about, up to, more
#   than). Vague quantities ("several dozen") are coded as ranges by a fixed project rule noted in
#   the row, and drawn as bars.
# - **Metrics overlap.** "Casualties" (killed and wounded) and "killed" are not always kept
#   apart by the sources; a figure is filed under the metric the source used.
# - **Coverage.** The dataset holds the figures found by the project's searches; a missing side
#   means no sourced figure was found, not that none was given. Most rows come from
#   English-language pages. The extractor reads only the articles in the corpus.
