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
# # What do the articles in the corpus say about North Korean troops, and whom do they quote?
#
# This notebook loads the seed article (tagesschau, 6 November 2024) and any articles you put in
# `data/articles/`, and turns them into tables: one row per article, its paragraphs and sections,
# the direct quotes with their speakers, the people, organisations, outlets and places it names,
# and the troop figures it contains. You will see how a single short news report layers claims
# from several parties — Ukraine's government, its defence minister speaking to Korean TV, US
# officials speaking to the New York Times — and how the figures it carries are hedged.

# %% tags=["parameters"]
import os

# your own articles (relative to the project root); `make test` sets KURSK_ARTICLES to an
# empty folder, so that the stored outputs show the seed article alone
ARTICLES = os.environ.get("KURSK_ARTICLES", "data/articles")
START = "2024-06-01"
END = "2026-12-31"

# %%
import kursk.charts as charts
from kursk import articles as A
from kursk import claims
from kursk.charts import bars
from kursk.charts.style import articles_line
from kursk.charts.tables import for_readers
from kursk.paths import resolve, seeds_dir

# %% [markdown]
# ## Loading
# Every file in `seeds/` and in the articles folder is read; the load report lists each file with
# its outcome (loaded, skipped or duplicate) and the reason, so nothing is dropped silently.

# %%
loaded = A.load_articles(seeds_dir(), resolve(ARTICLES))
articles = A.in_period(loaded, START, END)
report = loaded.attrs["load_report"]
for_readers(report, columns=["path", "status", "reason", "articles"])

# %%
for_readers(articles, columns={"outlet": "outlet", "published": "published", "language": "language",
                               "kicker": "kicker", "title": "title", "n_words": "words"})

# %% [markdown]
# ## Structure: paragraphs and sections
# Short lines without end punctuation are section headings; each paragraph keeps its section.

# %%
paras = A.paragraphs(articles)
sections = (
    paras.groupby(["article_id", "section"], sort=False)
    .agg(paragraphs=("position", "size"), words=("n_words", "sum"))
    .reset_index()
    .merge(articles[["article_id", "title", "outlet"]], on="article_id")
)
for_readers(sections.assign(section=sections["section"].replace("", "(opening)")),
            columns={"title": "article", "outlet": "outlet", "section": "section",
                     "paragraphs": "paragraphs", "words": "words"})

# %% [markdown]
# The seed opens with four paragraphs of news before any heading: the claims about troop numbers
# all sit in this opening, ahead of the sections on reactions, open questions and the treaty.

# %% [markdown]
# ## Quotes and their speakers
# Direct quotes („…“, "…", »…«) with the speaker when the sentence names one. Speakers resolve to
# one canonical name, so the seed's misspelling "Seleskyj" counts as Volodymyr Zelensky.

# %%
q = A.quotes(articles)
short = q["quote"].map(lambda s: s if len(s) <= 60 else s[:59] + "…")
for_readers(q.assign(quote=short), columns={"quote": "quote", "speaker": "speaker",
                                            "speaker_as_written": "as written"})

# %% [markdown]
# In the seed, both full-sentence quotes are Zelensky's; the table's only other speaker is North
# Korea's foreign minister, with a three-word phrase. The quote without a speaker is a phrase from
# the treaty's text. Not listed: Kim Jong Un's two words for Putin, "besten Genossen", since quotes
# of fewer than three words are taken for quoted names or terms, not speech.

# %% [markdown]
# ## Who and what the articles name
# Names are matched against `data/entities.csv` (aliases in English, German, Russian, Ukrainian,
# Korean and French; fuzzy matching for near misses).

# %%
mentions = A.mentions(articles)
counts = A.mention_counts(mentions, ["name", "type", "side"], top=15)
fig = bars.mentions_bar(counts, n_articles=len(articles),
                        source=f"{articles_line(articles)}; names from data/entities.csv")
_ = charts.save(fig, "entities_mentioned")

# %% [markdown]
# In the seed, the three states dominate the names; of the people, Putin and Zelensky are named
# most, and the only outlets named are the ones the seed relies on — the New York Times and KBS.

# %% [markdown]
# ## The troop figures in the text
# `kursk.claims` finds figures about North Korean troops, with what they count (metric), whether
# they are a count, a forecast or a count for one period (kind), how they are hedged (qualifier,
# hedging words), whom they are attributed to, and how confident the extractor is of its reading
# (`confidence`, the chance that value and metric are right, measured on text the rules were
# never tuned on). A figure becomes a finding when a reviewer accepts or corrects it, or when its
# confidence reaches `claims.DEFAULT_THRESHOLD` (0.985, where 97 % of readings were right on
# that text); only a figure that a curated claim also gives can. The confidence orders the
# review list, least sure first.

# %%
found = claims.claims_from_articles(articles)
for_readers(found, ranges={"figure": ("value_low", "value_high")},
            columns=["figure", "qualifier", "metric", "kind", "claimant", "hedged", "confidence",
                     "outlet", "sentence"])

# %% [markdown]
# The seed carries one figure twice — "up to 15,000" — once for troops who could be in Russia,
# attributed to Ukraine (a hedged count), and once for troops who could be sent into the fighting in
# the Kursk border region, from defence minister Rustem Umerov's KBS interview (a forecast); both
# are hedged with "könnten". Both wait for a reviewer: the first has the figure and metric of a
# curated claim but not its claimant (confidence 0.91), the second a figure the curated claims
# give only under another metric (0.50), both below the threshold. Notebook 03 lists them beside
# the published estimates, and notebook 04 traces who reported the figure first and exports the
# review table.

# %% [markdown]
# ## Exported figures
# `reports/figures/entities_mentioned.png`, `.svg` and `.pdf`.
#
# ## Limits of this analysis
# - The corpus is what you load: one seed article by default. Counts of mentions describe these
#   texts, not the news coverage at large.
# - Entity matching relies on the alias table; a name missing from `data/entities.csv` is not
#   counted, and short ambiguous words (such as "Welt") are deliberately not aliases.
# - Quote speakers are found only when the sentence around the quote names a person; reported
#   speech without quotation marks is not listed as a quote.
# - Section headings are detected by form (short lines without end punctuation); unusual layouts
#   may be split differently.
