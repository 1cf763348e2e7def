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
# articles in `seeds/` and `data/articles/` beside them. Each curated figure is either a count
# (troops already sent, present or lost when it was claimed) or a forecast or plan (an expected,
# announced or possible total); the two are drawn differently and only counts make the headline
# figures. You will see who gave the highest and the lowest counts, how far apart the latest
# estimates of each side are, where the sides disagreed most in the same week, and where a figure
# in an article you add lands among them.

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

import kursk.charts as kc
import kursk.claims
import kursk.data as kd
from kursk import combine, estimates, review
from kursk.articles import load_articles
from kursk.charts import timelines as tl
from kursk.charts.tables import for_readers
from kursk.paths import figures_dir, resolve, seeds_dir

# %config InlineBackend.print_figure_kwargs = {"bbox_inches": "tight", "dpi": 80}

# %% [markdown]
# ## Loading
# The curated claims and events are validated against `data/datapackage.json` as they load (a
# bad row stops the notebook with its file, line and column). The articles are read from
# `seeds/` and the articles folder, and their figures extracted, with your decisions on them (the
# review file) applied; `combine_claims` puts both kinds in one frame. A figure the machine read
# is a *finding* only when a reviewer accepted or corrected it (or, unreviewed, when the
# extractor's confidence reaches `kursk.claims.DEFAULT_THRESHOLD`, 0.985, which only a figure
# that a curated claim also gives can reach); the rest is listed to review, never counted.

# %%
claims = kd.load_claims().pipe(lambda d: d[d["claimed_on"].between(START, END)])
events = kd.load_events()
articles = load_articles(seeds_dir(), resolve(ARTICLES))
reviews = review.load_reviews(resolve(REVIEWS) if REVIEWS else None)
extracted = review.apply_reviews(kursk.claims.claims_from_articles(articles), reviews)
every = combine.combine_claims(claims, extracted).pipe(
    lambda d: d[d["claimed_on"].between(START, END)])
found = combine.findings(every)
curated = found[found["origin"] == "curated"]
pd.Series({
    "curated figures": len(curated),
    "of them forecasts or plans": int((curated["kind"] == "forecast").sum()),
    "outlets": claims["outlet"].nunique(),
    "languages": claims["language"].nunique(),
    "claimants": curated["claimant"].nunique(),
    "articles read": len(articles),
    "figures extracted from them": int((every["origin"] == "extracted").sum()),
    "of them findings": int((found["origin"] == "extracted").sum()),
    "events": len(events),
}).map("{:,}".format).to_frame("")

# %% [markdown]
# ## 1. Every published figure on one timeline
# Troop numbers sit in the upper panel, losses in the lower one; each marker is a distinct figure
# (identical reports of the same claim drawn once), its colour the side that made the claim.
# Hollow markers are claims by the parties to the war. A triangle pointing right (▷) is a forecast
# or plan rather than a count; the titles quote counts only. Figures for a limited period only
# (`kind` `period`, such as one week's or one battle's losses) are left off: beside running totals
# they would read as one. The numbers above the panels are the events listed under the chart.

# %%
fig = tl.estimates_timeline(found, events, start=START, end=END)
print(tl.timeline_title(curated))
print(tl.panel_finding(curated, "Troop numbers"))
print(tl.panel_finding(curated, "Losses"))

# %% [markdown]
# The forecasts and plans on the chart, one row per statement (`reports`: how many published rows
# carry it):

# %%
forecasts = curated[curated["kind"] == "forecast"]
for_readers(forecasts.groupby(["claimed_on", "claimant", "metric", "low", "high"], observed=True)
            .size().rename("reports").reset_index(),
            columns={"claimed_on": "claimed on", "claimant": "claimant", "metric": "metric",
                     "figure": "figure", "reports": "reports"},
            ranges={"figure": ("low", "high")})

# %% [markdown]
# **Finding:** the highest troop count is South Korea's about 15,000 sent to Russia (30 April
# 2025). The first counts, 17–28 October 2024, ran from South Korea's about 1,500 to Ukraine's
# about 12,000; from 29 October every count of troops sent, in Kursk or stationed at the border,
# from South Korea, the US and Ukraine, lies between 8,000 and 15,000; the middle half of all troop
# counts, the first ones included, is 10,000–11,000 (the chart's title). Every figure above 15,000
# is a forecast: Zelensky's warning of 19 November 2024 that the contingent could grow to 100,000
# is a possible ceiling, and Ukraine's intelligence's 25,000–30,000 more (July 2025) an expected
# batch. The UK's "about 11,000" (June 2025) and South Korea's 11,000 restated in March 2025 count
# the first contingent only (`kind` `period`), not the troops there at the time. Loss figures begin
# in mid-December 2024 and climb into 2026; the running totals come from South Korea, Ukraine, the
# US, the UK and unnamed Western officials. Russia gave none. North Korea named its dead but never
# gave a total: a memorial wall of 101 portraits (state media, August 2025) and nine engineers
# killed clearing mines (Kim Jong Un, December 2025) are partial counts (`kind` `partial`), kept
# in the data and left off the charts.

# %% [markdown]
# ## 2. The latest estimate from each side, per metric
# For each metric and side, the count(s) of that side's most recent claim date; forecasts and
# plans are left out (`include_forecasts=True` would bring them in). When reports of the same day
# disagree, each figure gets its own row; `reports` counts the published rows behind it. ▼ up to,
# ▲ more than, ≥ at least, ~ about.

# %%
latest = estimates.latest_estimates(curated)
for_readers(tl.estimates_table(latest))

# %%
spread = estimates.spread(curated)
widest = spread.sort_values("ratio", ascending=False).iloc[0]
print(f"Widest gap between latest counts: {tl.METRIC_LABELS[widest['metric']]}, "
      f"{tl.format_figure(widest['highest_low'], widest['highest'])} vs "
      f"{tl.format_figure(widest['lowest'], widest['lowest_high'])} "
      f"(at least {widest['ratio']:.1f}×)")
for_readers(tl.spread_table(spread))

# %% [markdown]
# **Finding:** the sides' latest counts of the troops sent to Russia run from the US's more than
# 10,000 (November 2024) to South Korea's about 15,000 (April 2025), 1.5× apart, and of those in
# the Kursk region from 8,000 to 11,000 (1.4×). South Korea's latest figure, about 10,000 in
# November 2025, counts the troops stationed near the border then, not all those sent. The widest
# gap, on casualties, sets South Korea's about 6,000 (February 2026) and the UK's more than 6,000
# (June 2025) against the US's "several hundred" (coded 200–900) of December 2024, the last US
# running total: at least 6.7× apart, comparing the top of the US range. The US's later "over
# 1,000 in the past week" counts one week only (`kind` `period`) and is left out. The two ends are
# six to fourteen months apart, so this ratio measures time as much as disagreement. Only South Korea counts further troops sent (about 5,000 construction troops and
# about 1,000 deminers, November 2025: two batches, not one counted twice); Ukraine's 25,000–30,000
# and Russia's 6,000 for 2025 are forecasts or announced plans and are not in these tables.

# %% [markdown]
# ## 3. Where sides disagree in the same week
# To compare like with like, take the figures of different sides claimed at most a week apart and
# find, per metric, the pair that differs most. Ranges count at their nearest ends, so the ratio
# is the smallest both figures allow ("at least").

# %%
gaps = estimates.disagreements(curated, days=7)
for_readers(tl.disagreement_table(gaps))

# %% [markdown]
# **Finding:** in the first weeks of published loss figures, December 2024, the casualty counts
# ran from the US's "several dozen" (coded 20–90; John Kirby, 16 December) to Zelensky's more than
# 3,000 (23 December), at least 33.3× apart. A day after Kirby a US official spoke of "several
# hundred", and on 23 December South Korea's Joint Chiefs of Staff gave about 1,100. Losses were
# rising fast, so part of the gap is time, but hardly all of it. Ukrainian military intelligence's
# about 30 of 16 December counts the fighting of 14 and 15 December only (`kind` `period`) and is
# left out. In October 2024 the first counts of troops sent differed 8×: South Korea's spy agency
# said about 1,500 had been shipped by 18 October (3,000 by 23 October), Ukraine's military
# intelligence about 12,000 by 24 October. On 18 October the NIS had also said that North Korea had
# decided to send 12,000 in all, a plan, filed as a forecast. Troops in Kursk are the metric the
# sides gave the closest figures for in the same week (up to 8,000 and about 11,000). The deaths
# differ 4× within a day in January 2025: Zelensky's 4,000 against about 1,000 from unnamed
# Western officials.

# %% [markdown]
# ## 4. Metric by metric
# The same figures, one panel per metric on a linear scale, show how each count moved over time;
# a forecast more than three times a panel's highest count is marked by an arrow at its top, off
# scale. The title gives the widest same-week gap from the table above.

# %%
fig_metrics = tl.estimates_by_metric(found, start=START, end=END, disagreement_table=gaps)
first_last = curated.sort_values("claimed_on").groupby("metric", observed=True).agg(
    first=("claimed_on", "min"), last=("claimed_on", "max"), figures=("claim_id", "size"))
for_readers(first_last.reset_index())

# %% [markdown]
# **Finding:** most figures for the troops sent were published in October and November 2024,
# while the loss counts kept rising: South Korea's count of the killed went from at least 100
# (December 2024) to about 2,000 (September 2025), and the casualty figures from a few dozen to
# more than 6,000 (UK, June 2025) and about 6,000 (South Korea, February 2026).

# %% [markdown]
# ## 5. Figures extracted from the articles
# `kursk.claims` reads the articles and pulls out each figure with its qualifier, metric and
# claimant. On the timeline above they are the thin × markers. A curated claim corroborates an
# extracted one when metric and figure are equal and it was claimed up to three days before the
# article appeared.

# %%
matched = combine.match_extracted(found)
for_readers(matched, columns={"outlet": "outlet", "published_on": "published",
                              "claimant": "claimant", "metric": "metric", "qualifier": "qualifier",
                              "kind": "kind", "figure": "figure", "confidence": "confidence",
                              "matched_ids": "curated claims it matches"},
            ranges={"figure": ("low", "high")})

# %% [markdown]
# Figures read from the articles that are not findings yet: unreviewed, below the confidence
# threshold (`kursk.claims.DEFAULT_THRESHOLD`). They stay out of every chart and table above until
# a reviewer accepts or corrects them in the review file (`reports/claims_review.csv` lists every
# figure with its sentence; see `data/articles/README.md`).

# %%
for_readers(combine.to_review(every),
            columns={"outlet": "outlet", "published_on": "published", "sentence": "sentence",
                     "figure": "figure", "metric": "metric", "kind": "kind",
                     "claimant": "claimant", "confidence": "confidence"},
            ranges={"figure": ("low", "high")})

# %% [markdown]
# **Finding:** the seed article (tagesschau, 6 November 2024) gives "up to 15,000" twice, and
# neither is a finding yet: neither has been reviewed or reaches the confidence threshold, so no
# figure read from the articles is on the charts above. One, credited to Ukraine, says that many could be in Russia:
# the extractor reads a hedged count of troops sent, the figure of curated claim c018 (Umerov's
# 15,000 to KBS the day before), which the dataset files as a forecast. The other, Umerov's via
# KBS, says that many could be sent into the fighting in Kursk: the extractor files it as troops
# in Kursk and as a forecast, and no curated claim gives 15,000 for Kursk. The extractor tells
# counts, forecasts and one-period figures apart by the wording of the sentence (`kind`), which
# can differ from the dataset's reading of the whole source, as here: a reviewer decides, in the
# review file.

# %% [markdown]
# ## 6. Explore
# Pick sides, metrics and months, and show or hide forecasts and plans; the chart redraws. (Needs
# a running kernel.)

# %%
# NBVAL_IGNORE_OUTPUT: the widget's model id changes on every run
from kursk.widgets import estimates_filter

estimates_filter(found, events, start=START, end=END)

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
# - **Counts and forecasts.** Whether a figure is a count or a forecast (`kind`) is the project's
#   reading of each row's note and, where unclear, its page. Border cases — a total North Korea
#   had "decided" to send while the first troops were moving, an announced batch of builders not
#   yet sent — are filed as forecasts and listed in `data/research_log_deployments.md`. For
#   extracted figures `kind` is the extractor's reading of the figure's sentence ("could be
#   sent", "in a single week"), which can differ from the dataset's reading of the whole source.
# - **Metrics overlap.** "Casualties" (killed and wounded) and "killed" are not always kept
#   apart by the sources; a figure is filed under the metric the source used.
# - **Coverage.** The dataset holds the figures found by the project's searches; a missing side
#   means no sourced figure was found, not that none was given. Most rows come from
#   English-language pages. The extractor reads only the articles in the corpus.
