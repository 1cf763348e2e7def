"""kursk.charts.maps: the static map, the incursion timeline, the folium map and their exports."""

from __future__ import annotations

import pandas as pd
import pytest
import shapely
from matplotlib.figure import Figure

from kursk import geo
from kursk.charts import maps, save, webmap
from kursk.charts.style import description


@pytest.fixture(scope="module")
def layers():
    return geo.load_regions(), geo.load_countries(), geo.load_places()


def _fixture_articles() -> pd.DataFrame:
    # fixture: articles written for this test; titles and text are the project's own words
    return pd.DataFrame({
        "article_id": ["fx1", "fx2", "fx3"],
        "outlet": ["Fixture Daily", "Fixture <b>Bold</b> Times", "Fixture Wire"],
        "url": ["https://example.org/fixture-1", "javascript:alert(2)", "https://example.org/fx3"],
        "language": ["en", "en", "de"],
        "published": pd.to_datetime(["2024-08-10T08:00:00Z", "2024-11-05T09:30:00Z",
                                     "2025-03-13T12:00:00Z"], utc=True),
        "title": ["Fixture: fighting near Sudzha <script>alert(1)</script>",
                  "Fixture: troops reach Kursk `${alert(3)}`",
                  "Fixture: Sudscha wieder russisch"],
        "text": ["Fixture text about Sudzha and Malaya Loknya.", "Fixture text about Kursk.",
                 "Fixture: Kämpfe um Sudscha und Gujewo."],
    })


@pytest.fixture(scope="module")
def map_figure(layers) -> Figure:
    return _map_figure(layers)


def _map_figure(layers) -> Figure:
    regions, countries, places = layers
    mentions = geo.place_mentions(_fixture_articles(), places)
    return maps.region_map(regions, countries, places, mentions,
                           title="Fixture title", subtitle="Fixture subtitle")


def test_region_map_has_locator_scale_and_distance(layers, map_figure):
    fig = map_figure
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 2  # map + locator
    main, inset = fig.axes
    texts = [t.get_text() for t in inset.texts]
    assert any("Pyongyang–Kursk" in t and "km (great circle)" in t for t in texts)
    km, _ = geo.great_circle(layers[2], "1871859", "538560")
    assert any(f"{km:,.0f} km" in t for t in texts)
    main_texts = {t.get_text() for t in main.texts}
    assert {"N", "km", "Sudzha (2)", "Kursk (1)", "Malaya Loknya (1)"} <= main_texts
    source = description(fig)[1]
    assert "Natural Earth" in source and "GeoNames (CC BY 4.0)" in source
    assert main.get_xlabel() == "" and abs(main.get_xlim()[1]) < 2e6  # projected metres


def test_exports_are_byte_identical(layers, map_figure, tmp_path):
    """A second figure built from the same frames exports to the same bytes as the first."""
    first = save(map_figure, "kursk_map", formats=("png", "svg"), directory=tmp_path / "a")
    second = save(_map_figure(layers), "kursk_map", formats=("png", "svg"), directory=tmp_path / "b")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def _areas() -> pd.DataFrame:
    # fixture: made-up area claims for drawing only (the word fixture marks them)
    return pd.DataFrame({
        "area_id": ["fx1", "fx2", "fx3"],
        "claimed_on": pd.to_datetime(["2024-08-12", "2024-11-20", "2025-03-01"]).date,
        "area_km2": [900.0, 600.0, 100.0],
        "qualifier": ["about", "exact", "more_than"],
        "claimant_side": pd.Categorical(["ukraine", "other", "russia"]),
        "warring_party": [True, False, True],
        "note": ["fixture", "fixture", "fixture"],
    })


def _events() -> pd.DataFrame:
    # fixture: made-up events for drawing only
    return pd.DataFrame({
        "event_id": ["fixture_deployment_event", "fixture_town_changes_hands", "fixture_statement"],
        "date": pd.to_datetime(["2024-10-20", "2025-03-10", "2025-01-01"]).date,
        "event": ["Fixture deployment event", "Fixture town changes hands, in a made-up sentence that runs on "
                  "well past what a label can hold", "Fixture statement"],
        "kind": ["deployment", "territory", "statement"],
        "place": ["", "Sudzha", ""],
    })


def test_incursion_timeline_draws_claims_and_events():
    fig = maps.incursion_timeline(_areas(), _events(), title="Fixture", subtitle="Fixture",
                                  source="fixture")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.texts]
    assert any("Fixture deployment event" in t for t in labels)
    assert any("Fixture town changes hands" in t for t in labels)
    assert "10 Mar: Fixture town changes hands" in labels  # the short label, not the text cut off
    assert not any("Fixture statement" in t for t in labels)
    assert {"~900", "600", "▲100"} <= set(labels)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Ukraine's claims" in legend and "North Korean troop movements reported" in legend
    hollow = [line for line in ax.lines if line.get_label() == "Ukraine's claims"][0]
    assert hollow.get_markerfacecolor() == "white"


def test_incursion_timeline_markers_stand_whole_and_marks_are_explained():
    """A claim of 0 km² is drawn above the axis, not half hidden by it, and the qualifier marks
    before the figures (▲, ~) are explained in the legend."""
    areas = pd.concat([_areas(), _areas().iloc[[2]].assign(area_id="fx4", area_km2=0.0,
                                                           qualifier="exact")],
                      ignore_index=True)
    fig = maps.incursion_timeline(areas, _events(), title="Fixture", subtitle="Fixture",
                                  source="fixture")
    ax = fig.axes[0]
    fig.canvas.draw()
    bottom, top = ax.get_ylim()
    assert bottom < 0, "0 km² sits on the axis"
    zero = ax.transData.transform((0, 0))[1] - ax.transData.transform((0, bottom))[1]
    radius_px = 7 / 2 / 72 * fig.dpi
    assert zero >= radius_px, "the marker at 0 km² is cut by the axis"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "▲ more than · ~ about" in legend
    ticks = [t for t in ax.get_yticks() if bottom <= t <= top]
    assert min(ticks) == 0  # no negative area on the scale


def test_incursion_timeline_with_no_rows():
    fig = maps.incursion_timeline(_areas().iloc[:0], _events().iloc[:0], title="Fixture",
                                  subtitle="Fixture", source="fixture")
    assert any("no area claims" in t.get_text() for t in fig.axes[0].texts)


def test_interactive_map_escapes_all_popup_text(layers, tmp_path):
    regions, countries, places = layers
    arts = _fixture_articles()
    m = webmap.interactive_map(regions, places, geo.place_mentions(arts, places), arts,
                             countries=countries)
    html = webmap.save_html(m, tmp_path / "map.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt;" in html
    assert "javascript:alert(2)" not in html  # non-http links are not linked
    assert "${alert(3)}" not in html and "&#36;{alert(3)}" in html
    assert "href='https://example.org/fixture-1'" in html
    assert "10 Aug 2024" in html and "Fixture Daily" in html


def test_save_html_is_deterministic(layers, tmp_path):
    regions, countries, places = layers
    arts = _fixture_articles()
    mentions = geo.place_mentions(arts, places)
    a = webmap.save_html(webmap.interactive_map(regions, places, mentions, arts), tmp_path / "a.html")
    b = webmap.save_html(webmap.interactive_map(regions, places, mentions, arts), tmp_path / "b.html")
    assert a.read_bytes() == b.read_bytes()


def test_save_html_twice_writes_the_same_bytes(layers, tmp_path):
    """Saving does not change the map: a second save (or the notebook display) is the same."""
    regions, countries, places = layers
    arts = _fixture_articles()
    m = webmap.interactive_map(regions, places, geo.place_mentions(arts, places), arts,
                             countries=countries)
    first = webmap.save_html(m, tmp_path / "a.html").read_bytes()
    assert webmap.save_html(m, tmp_path / "b.html").read_bytes() == first
    x0, y0, x1, y1 = regions.total_bounds
    inside = int(places.geometry.within(shapely.box(x0, y0, x1, y1)).sum())
    assert first.count(b"L.circleMarker(") == inside > 0  # one marker per place, not two


def test_an_oblast_named_as_such_is_marked_on_both_maps(layers, tmp_path):
    """'the Kursk region' is a mention of Kursk Oblast: its label on the static map is bold with
    the count, the city is not circled, and the interactive map has a marker for the oblast."""
    regions, countries, places = layers
    # fixture: an article written for this test
    arts = _fixture_articles().iloc[:1].assign(
        text="Fixture text: fighting goes on in the Kursk region, near Sudzha.")
    mentions = geo.place_mentions(arts, places)
    assert set(mentions["name_en"]) == {"Kursk Oblast", "Sudzha"}
    fig = maps.region_map(regions, countries, places, mentions, title="Fixture", subtitle="Fixture")
    labels = {t.get_text(): t for t in fig.axes[0].texts}
    assert "KURSK\nOBLAST (1)" in labels and labels["KURSK\nOBLAST (1)"].get_fontweight() == "bold"
    assert "BELGOROD\nOBLAST" in labels and "Kursk (1)" not in labels
    html = webmap.save_html(webmap.interactive_map(regions, places, mentions, arts),
                          tmp_path / "map.html").read_text(encoding="utf-8")
    assert "Kursk Oblast (1)" in html and "Named in 1 article:" in html


def test_interactive_map_has_a_title_and_no_flag_in_its_attribution(layers, tmp_path):
    """Leaflet 1.9's default attribution prefix carries a national flag: the page replaces it
    with a plain link once the map exists, and has a <title>."""
    regions, countries, places = layers
    arts = _fixture_articles()
    m = webmap.interactive_map(regions, places, geo.place_mentions(arts, places), arts,
                             title="Fixture map title")
    html = webmap.save_html(m, tmp_path / "map.html").read_text(encoding="utf-8")
    assert "<title>Fixture map title (kursk-notebooks)</title>" in html
    assert "<h1 style='font-size:16px;margin:0 0 2px;font-weight:bold'>Fixture map title</h1>" in html
    created = html.index(f"var {m.get_name()} = L.map(")
    prefix = html.index(f"{m.get_name()}.attributionControl.setPrefix(")
    assert created < prefix
    assert "setPrefix(\"<a href='https://leafletjs.com'>Leaflet</a>\")" in html


def test_interactive_map_explains_every_marker_and_keeps_the_oblast_off_the_city(layers, tmp_path):
    """The page has a heading and a legend naming every kind of marker; the dashed ring of an
    oblast named as such sits inside the oblast, clear of its capital's ring."""
    regions, countries, places = layers
    # fixture: an article written for this test, naming both the city and the oblast
    arts = _fixture_articles().iloc[:1].assign(
        text="Fixture text: in the Kursk region the fighting goes on; Kursk itself is quiet.")
    mentions = geo.place_mentions(arts, places)
    assert {"Kursk Oblast", "Kursk"} <= set(mentions["name_en"])
    m = webmap.interactive_map(regions, places, mentions, arts, countries=countries)
    html = webmap.save_html(m, tmp_path / "map.html").read_text(encoding="utf-8")
    assert "class='kursk-map-heading'" in html and "class='kursk-map-legend'" in html
    for words in ("Russian oblast", "Ukrainian oblast", "Russia–Ukraine border",
                  "Place named in the loaded articles", "Place in the gazetteer, not named",
                  "Oblast named as such"):
        assert words in html, words
    assert "stroke-dasharray='4 3'" in html  # the legend's dashed ring
    spot = webmap.oblast_marker_points(regions[regions["region_id"] == "RU-KRS"], places)["RU-KRS"]
    city = places.set_index("place_id").loc["538560"]
    assert abs(spot[0] - city["lat"]) + abs(spot[1] - city["lon"]) > 0.3
    oblast = regions.set_index("region_id").loc["RU-KRS", "geometry"]
    assert oblast.contains(shapely.Point(spot[1], spot[0]))
    assert f"[{spot[0]}, {spot[1]}]" in html  # the dashed marker is drawn there
    assert f"[{float(city['lat'])}, {float(city['lon'])}]" in html  # and the city's at the city


def test_notebook_view_shows_a_still_where_scripts_do_not_run(layers):
    """The notebook output: the map in an iframe over a still image and a note on how to get
    the interactive map; folium's "Trust Notebook" message (a menu item JupyterLab 4 does not
    have) is gone, also from the map's own display."""
    regions, countries, places = layers
    arts = _fixture_articles()
    m = webmap.interactive_map(regions, places, geo.place_mentions(arts, places), arts)
    out = webmap.notebook_view(m, still=_map_figure(layers)).to_html()
    assert out.index('<div class="kursk-map-still">') < out.index("<iframe srcdoc=")
    assert '<img src="data:image/png;base64,iVBORw0KGgo' in out and 'alt="Fixture title"' in out
    assert "make lab" in out and "reports/kursk_map.html" in out
    assert "Trust Notebook" not in out and "Trust Notebook" not in m._repr_html_()
    # the same on every run (a figure's first drawing, as in a fresh kernel)
    again = webmap.interactive_map(regions, places, geo.place_mentions(arts, places), arts)
    assert out == webmap.notebook_view(again, still=_map_figure(layers)).to_html()


def test_fighting_map_labels_keep_off_markers_and_each_other(layers):
    """Each place's label stands clear of every other place's marker and of the other labels, at
    the chart's own resolution and at another one (the notebook shows it at a lower one)."""
    import numpy as np
    from matplotlib.transforms import Bbox

    from kursk import data as kd

    regions, _, places = layers
    reports = kd.load("combat_reports")
    sites = geo.combat_sites(reports, places)
    fig = maps.fighting_map(
        sites, regions, places, kd.load("salient_area"), periods=geo.PERIODS,
        title="North Korean troops were reported at 7 places on both sides of the border, "
              "Plekhovo most often",
        subtitle="Places where reports put North Korean troops (area: reports; colour: period "
                 "of the first); right: area of Kursk Oblast held by Ukraine, as claimed",
        source="fixture source line")  # fmt: skip
    ax = fig.axes[0]
    texts = [t for t in ax.texts if " report" in t.get_text()]
    assert len(texts) == len(sites)
    markers = next(c for c in ax.collections if len(c.get_offsets()) == len(sites)
                   and len(c.get_sizes()) == len(sites))  # fmt: skip
    names = list(sites["name_en"])
    for dpi in (fig.dpi, 72):
        fig.set_dpi(dpi)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        radius = np.sqrt(markers.get_sizes()) / 2 * fig.dpi / 72
        discs = [Bbox.from_extents(x - r, y - r, x + r, y + r) for (x, y), r in
                 zip(ax.transData.transform(markers.get_offsets()), radius, strict=True)]
        boxes = {t.get_text().split(":")[0]: t.get_window_extent(renderer) for t in texts}
        for name, box in boxes.items():
            others = [d for n, d in zip(names, discs, strict=True) if n != name]
            assert not any(box.overlaps(d) for d in others), (dpi, name)
            assert not any(box.overlaps(b) for n, b in boxes.items() if n != name), (dpi, name)
