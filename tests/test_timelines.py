"""kursk.charts.timelines and kursk.widgets: drawing from frames, findings, reproducible export."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import matplotlib.legend
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import kursk.charts as kc  # noqa: E402
import kursk.data as kd  # noqa: E402
from kursk import estimates  # noqa: E402
from kursk.charts import timelines as tl  # noqa: E402
from kursk.charts.style import description  # noqa: E402
from kursk.combine import combine_claims  # noqa: E402


def claims_fixture() -> pd.DataFrame:
    """# fixture: made-up claims (not real figures) in the shape kursk.data.load_claims returns."""
    rows = [
        ("f001", "2024-10-20", "Fixture Agency", "south_korea", False, "deployed", 1000, 1000,
         "about"),
        ("f002", "2024-10-20", "Fixture Agency", "south_korea", False, "deployed", 1000, 1000,
         "exact"),
        ("f003", "2024-11-05", "Fixture Minister", "ukraine", True, "deployed", 9000, 9000,
         "up_to"),
        ("f004", "2024-11-10", "Fixture Office", "us", False, "in_kursk", 5000, 7000, "about"),
        ("f005", "2024-12-20", "Fixture Agency", "south_korea", False, "killed", 90, 90,
         "more_than"),
        ("f006", "2025-01-15", "Fixture Minister", "ukraine", True, "captured", 2, 2, "exact"),
        ("f007", "2025-02-01", "Fixture Agency", "south_korea", False, "casualties", 300, 300,
         "at_least"),
    ]
    df = pd.DataFrame(rows, columns=["claim_id", "claimed_on", "claimant", "claimant_side",
                                     "warring_party", "metric", "low", "high", "qualifier"])
    df["claimed_on"] = pd.to_datetime(df["claimed_on"]).astype(kd.DATE_DTYPE)
    df["kind"] = pd.Categorical(["count"] * len(df), categories=["count", "forecast"])
    df["note"] = "fixture"
    df["origin"] = "curated"
    return df.astype({"low": float, "high": float})


def with_extracted(extracted: pd.DataFrame) -> pd.DataFrame:
    """# fixture: the claims above and made-up extracted figures in one frame, as
    kursk.combine.combine_claims gives them."""
    both = pd.concat([claims_fixture(), extracted.assign(origin="extracted")], ignore_index=True)
    both["kind"] = pd.Categorical(both["kind"].astype(object), categories=["count", "forecast"])
    return both


def with_forecast() -> pd.DataFrame:
    """# fixture: the claims above plus one made-up forecast, higher than every count."""
    extra = claims_fixture().iloc[[2]].assign(claim_id="f008", claimed_on=pd.Timestamp(
        "2024-11-20"), low=60000.0, high=60000.0, qualifier="up_to", note="fixture forecast")
    extra["kind"] = pd.Categorical(["forecast"], categories=["count", "forecast"])
    return pd.concat([claims_fixture(), extra], ignore_index=True)


def events_fixture() -> pd.DataFrame:
    """# fixture: events two days apart, so their numbers must go on different rows."""
    return pd.DataFrame({
        "event_id": ["fixture_treaty_signed", "fixture_first_clash", "fixture_us_briefing"],
        "date": pd.to_datetime(["2024-11-01", "2024-11-03", "2025-03-01"]),
        "event": ["Fixture event in Pyongyang", "Fixture event", "Fixture event"],
    })


def extracted_fixture() -> pd.DataFrame:
    """# fixture: one made-up extracted claim."""
    df = claims_fixture().iloc[[2]].assign(claim_id="x001", low=12000.0, high=12000.0,
                                           qualifier="about", outlet="Fixture Wire")
    return df


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def test_title_states_the_finding_from_the_data() -> None:
    claims = claims_fixture()
    troops = claims[claims["metric"].astype(object).isin(["deployed", "in_kursk"])]
    q1, q3 = (round(v / 500) * 500 for v in troops["high"].quantile([0.25, 0.75]))
    title = tl.timeline_title(claims)
    assert title.startswith("Half of all published troop counts put North Korea's force at")
    assert f"{q1:,.0f}" in title and f"{q3:,.0f}" in title
    assert tl.timeline_title(claims.iloc[:0]) == "No troop counts in the data yet"
    # a forecast does not move the counts' middle half
    assert tl.timeline_title(with_forecast()) == title
    assert tl.timeline_title(with_forecast(), include_forecasts=True) != title


def test_timeline_draws_every_part() -> None:
    fig = tl.estimates_timeline(with_extracted(extracted_fixture()), events_fixture(),
                                start="2024-10-01", end="2025-03-31")
    strip, troops, losses = fig.axes
    all_text = texts(fig)
    assert tl.timeline_title(claims_fixture()) in all_text
    for glyph in ("▼", "▲", "≥"):
        assert glyph in all_text
    assert "~" in all_text  # "about" merged with "exact" for the same figure
    assert troops.get_yscale() == "log" and losses.get_yscale() == "log"
    lines = [ln for ln in troops.get_lines() if ln.get_marker() not in (None, "None", "")]
    sk = [ln for ln in lines if ln.get_markeredgecolor() == kc.side_colour("south_korea")]
    assert len(sk) == 1 and sk[0].get_markerfacecolor() != "white"  # filled, drawn once
    assert sum(ln.get_marker() == "o" for ln in lines) == 2  # SK 1,000 and Ukraine 9,000
    hollow = [ln for ln in lines if ln.get_markerfacecolor() == "white"]
    assert len(hollow) == 1 and hollow[0].get_markeredgecolor() == kc.side_colour("ukraine")
    assert any(ln.get_marker() == tl.EXTRACTED_MARKER for ln in lines)
    assert len(troops.collections) == 1  # the 5,000–7,000 range bar
    assert "figure extracted\nfrom an article" in all_text
    assert tl.FORECAST_LABEL + "\n(any metric)" not in all_text  # no forecasts, no legend entry
    key = [t for t in all_text if t[:2] in ("1 ", "2 ", "3 ")]
    assert key == ["1 Fixture treaty signed, 1 Nov 2024", "2 Fixture first clash, 3 Nov 2024",
                   "3 Fixture US briefing, 1 Mar 2025"]
    assert troops.yaxis.get_major_formatter()(5000, 0) == "5,000"


def test_forecasts_are_drawn_distinctly() -> None:
    fig = tl.estimates_timeline(with_forecast(), start="2024-10-01", end="2025-03-31")
    _, troops, _ = fig.axes
    lines = [ln for ln in troops.get_lines() if ln.get_marker() not in (None, "None", "")]
    ahead = [ln for ln in lines if ln.get_marker() == tl.FORECAST_MARKER]
    assert len(ahead) == 1 and ahead[0].get_ydata()[0] == 60000.0
    # same colour and fill rule as the side's counts: Ukraine is a party to the war, so hollow
    assert ahead[0].get_markeredgecolor() == kc.side_colour("ukraine")
    assert ahead[0].get_markerfacecolor() == "white"
    assert tl.FORECAST_MARKER not in set(tl.METRIC_MARKERS.values())
    assert tl.FORECAST_LABEL == "forecast or plan"
    assert tl.FORECAST_LABEL + "\n(any metric)" in texts(fig)
    # the titles quote counts: the forecast is the highest figure but not the panel's finding
    assert tl.timeline_title(claims_fixture()) in texts(fig)
    finding = troops.get_title(loc="left")
    assert finding.startswith("Troop numbers: highest count") and "60,000" not in finding
    assert tl.panel_finding(with_forecast(), "Troop numbers", include_forecasts=True) == (
        "Troop numbers: highest forecast or plan up to 60,000 sent to Russia, Ukraine, 20 Nov 2024")
    small = tl.estimates_by_metric(with_forecast())
    markers = {ln.get_marker() for ax in small.axes for ln in ax.get_lines()}
    assert tl.FORECAST_MARKER in markers
    assert tl.FORECAST_LABEL + "\n(any metric)" in texts(small)


def with_period() -> pd.DataFrame:
    """# fixture: the claims above plus one made-up one-week casualty figure, higher than the
    made-up running total of casualties (f007)."""
    extra = claims_fixture().iloc[[6]].assign(claim_id="f009", claimed_on=pd.Timestamp(
        "2025-01-20"), low=800.0, high=800.0, note="fixture period figure")
    df = pd.concat([claims_fixture(), extra], ignore_index=True)
    kinds = ["count"] * (len(df) - 1) + ["period"]
    return df.assign(kind=pd.Categorical(kinds, categories=["count", "forecast", "period"]))


def test_figures_for_a_period_are_not_drawn() -> None:
    """A one-week figure beside running totals would read as one: neither chart draws it."""
    def drawn_values(fig) -> set[float]:
        return {float(v) for ax in fig.axes for ln in ax.get_lines() for v in ln.get_ydata()}

    for chart in (tl.estimates_timeline, tl.estimates_by_metric):
        with_it = drawn_values(chart(with_period(), start="2024-10-01", end="2025-03-31"))
        without = drawn_values(chart(claims_fixture(), start="2024-10-01", end="2025-03-31"))
        assert 800.0 not in with_it and 300.0 in with_it, chart.__name__
        assert with_it == without, chart.__name__


def test_charts_need_to_know_counts_from_forecasts() -> None:
    with pytest.raises(KeyError, match="lacks 'origin' or 'kind'"):
        tl.estimates_timeline(claims_fixture().drop(columns="kind"))


def test_event_numbers_do_not_collide() -> None:
    levels = tl._event_levels(np.array([0.0, 1.0, 2.0, 10.0, 10.5]), min_gap=3.0)
    assert levels == [0, 1, 2, 0, 1]
    fig = tl.estimates_timeline(claims_fixture(), events_fixture(), start="2024-10-01",
                                end="2025-03-31")
    strip = fig.axes[0]
    boxes = [t.get_window_extent(fig.canvas.get_renderer()) for t in strip.texts]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)


def test_event_label_keeps_capitals_from_context() -> None:
    assert tl.event_label("russia_claims_sudzha", "Russia says Sudzha is retaken") == (
        "Russia claims Sudzha")
    assert tl.event_label("nk_troops_back", "") == "NK troops back"
    # a sentence's first word is capitalised, not a name: "at" stays lower case
    assert tl.event_label("troops_back_at_front", "At dawn the troops were back at the front.") == (
        "Troops back at front")


def test_empty_panels_say_so() -> None:
    claims = claims_fixture()
    fig = tl.estimates_timeline(claims[claims["metric"] == "deployed"])
    assert "No figures of this kind in the data yet" in texts(fig)
    assert "Losses: no counts in the data yet" in texts(fig)


def test_small_multiples_and_tables() -> None:
    claims = claims_fixture()
    spread = estimates.spread(claims)
    fig = tl.estimates_by_metric(claims, spread_table=spread)
    assert "Latest figures differ most on sent to Russia: 9,000 vs 1,000" in texts(fig)
    # fixture: without South Korea's figures and with f004 (5,000–7,000) as troops sent, the
    # lowest latest count is a range and keeps both ends
    ranged = claims[~claims["claim_id"].isin(["f001", "f002"])].copy()
    ranged.loc[ranged["claim_id"] == "f004", "metric"] = "deployed"
    ranged_fig = tl.estimates_by_metric(ranged, spread_table=estimates.spread(ranged))
    assert "Latest figures differ most on sent to Russia: 9,000 vs 5,000–7,000" in texts(ranged_fig)
    plt.close(ranged_fig)
    ranged_row = tl.spread_table(estimates.spread(ranged)).loc["sent to Russia"]
    assert (ranged_row["lowest"], ranged_row["ratio"]) == ("5,000–7,000", "1.3×")
    assert any(t.startswith("9,000: Ukraine, Nov 2024; 1,000: South Korea, Oct 2024") for t in texts(fig))
    assert len([ax for ax in fig.axes if ax.axison]) == claims["metric"].nunique()
    table = tl.estimates_table(estimates.latest_estimates(claims))
    assert table.loc[("in Kursk region", "United States"), "figure"] == "~5,000–7,000"
    assert table.loc[("sent to Russia", "Ukraine"), "figure"] == "▼9,000"
    assert table.loc[("sent to Russia", "South Korea"), "figure"] == "~1,000"
    st = tl.spread_table(spread)
    assert st.loc["sent to Russia", "highest by"] == "Ukraine"
    assert st.loc["sent to Russia", "ratio"] == "9.0×"
    # the two ends of a spread carry their dates: a side's latest figure can be months old
    assert (st.loc["sent to Russia", "highest on"], st.loc["sent to Russia", "lowest on"]) == (
        "5 Nov 2024", "20 Oct 2024")
    assert tl.format_figure(1500, 1500, "about, up_to") == "▼~1,500"


def test_title_from_the_widest_same_week_gap() -> None:
    claims = claims_fixture()  # fixture: f004 moved to deployed, 5,000–7,000 on 10 Nov
    claims.loc[claims["claim_id"] == "f004", "metric"] = "deployed"
    gaps = estimates.disagreements(claims, days=7)
    fig = tl.estimates_by_metric(claims, disagreement_table=gaps,
                                 spread_table=estimates.spread(claims))  # the same-week gap wins
    assert "Figures within a week differ most on sent to Russia: up to 9,000 vs about 5,000–7,000" \
        in texts(fig)
    assert any(t.startswith("Up to 9,000: Ukraine, 5 Nov 2024; about 5,000–7,000: United "
                            "States, 10 Nov 2024 (5 days apart)") for t in texts(fig))
    table = tl.disagreement_table(gaps)
    row = table.loc["sent to Russia"]
    assert (row["higher"], row["lower"], row["at least"]) == (
        "up to 9,000", "about 5,000–7,000", "1.3×")
    assert row["higher by"] == "Ukraine: Fixture Minister" and row["claim ids"] == "f003, f004"
    plt.close(fig)
    wide = tl.estimates_by_metric(claims, disagreement_table=estimates.disagreements(claims, days=30))
    assert any(t.startswith("Figures within 30 days differ most on sent to Russia: up to 9,000 "
                            "vs about 1,000") for t in texts(wide))
    plt.close(wide)


def test_extracted_figures_at_one_spot_share_one_label() -> None:
    one = extracted_fixture()  # fixture: the same extracted figure read once as each kind
    two = pd.concat([one, one.assign(claim_id="x002", kind="forecast")], ignore_index=True)
    two["kind"] = pd.Categorical(two["kind"].astype(object), categories=["count", "forecast"])
    labels = [t for t in texts(tl.estimates_timeline(with_extracted(two)))
              if t.startswith("Fixture Wire")]
    assert labels == ["Fixture Wire (count + forecast)"]
    forecast = two.iloc[[1]]
    labels = [t for t in texts(tl.estimates_timeline(with_extracted(forecast)))
              if t.startswith("Fixture Wire")]
    assert labels == ["Fixture Wire (forecast)"]


def test_one_figure_from_several_outlets_names_them_in_one_label() -> None:
    """# fixture: two made-up figures, each read from the same three made-up outlets' articles
    (a briefing relayed by several outlets). With outlets typed as strings, pandas hands each
    spot's outlets over as an array, which raised before."""
    one = extracted_fixture()
    three = pd.concat([one.assign(claim_id=f"x{v:.0f}{i}", outlet=o, low=v, high=v)
                       for i, o in enumerate(["Fixture Wire", "Fixture Daily", "Fixture Post"])
                       for v in (12000.0, 6000.0)], ignore_index=True)  # fmt: skip
    three["outlet"] = three["outlet"].astype("string")  # as kursk.combine types it
    for chart in (tl.estimates_timeline, tl.estimates_by_metric):
        labels = [t for t in texts(chart(with_extracted(three)))
                  if t.startswith("Fixture") and "Fixture Daily" in t]
        assert labels == ["Fixture Daily and 2 more"] * 2, labels  # sorted, two named at most


def crowded_extracted() -> pd.DataFrame:
    """# fixture: five made-up extracted figures from three made-up outlets, close together in
    time and size (what piled up labels before), one a forecast."""
    base = extracted_fixture()
    rows = []
    for i, (day, value, outlet, kind) in enumerate([
        ("2024-11-04", 12000.0, "Fixture Wire", "count"),
        ("2024-11-05", 11000.0, "Fixture Daily", "count"),
        ("2024-11-06", 12500.0, "Fixture Post", "forecast"),
        ("2024-11-06", 9000.0, "Fixture Wire", "count"),
        ("2024-11-08", 10000.0, "Fixture Daily", "count"),
    ]):
        rows.append(base.assign(claim_id=f"x{i:03d}", claimed_on=pd.Timestamp(day), low=value,
                                high=value, outlet=outlet, kind=kind))
    out = pd.concat(rows, ignore_index=True)
    out["kind"] = pd.Categorical(out["kind"].astype(object), categories=["count", "forecast"])
    return out


def _label_boxes(fig, ax, outlets):
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in ax.texts
            if any(t.get_text().startswith(o) for o in outlets)]


@pytest.mark.parametrize("chart", ["timeline", "by_metric"])
def test_extracted_labels_name_their_outlet_and_overlap_nothing(chart: str) -> None:
    """Each extracted figure's label names the article's outlet; labels overlap no other label,
    no marker, and stay inside their panel (never on a tick label)."""
    claims = with_extracted(crowded_extracted())
    fig = (tl.estimates_timeline(claims, start="2024-06-01", end="2025-06-30") if chart ==
           "timeline" else tl.estimates_by_metric(claims, start="2024-06-01", end="2025-06-30"))
    outlets = ("Fixture Wire", "Fixture Daily", "Fixture Post")
    ax = next(a for a in fig.axes if any(t.get_text().startswith(outlets) for t in a.texts))
    boxes = _label_boxes(fig, ax, outlets)
    assert len(boxes) == 5
    assert any(t.get_text() == "Fixture Post (forecast)" for t in ax.texts)
    inside = ax.get_window_extent()
    for i, box in enumerate(boxes):
        assert inside.x0 <= box.x0 and box.x1 <= inside.x1, "label outside its panel"
        assert inside.y0 <= box.y0 and box.y1 <= inside.y1, "label outside its panel"
        for other in boxes[i + 1:]:
            assert not box.overlaps(other), "two labels overlap"
        for line in ax.get_lines():
            if line.get_marker() in (None, "None", "", " "):
                continue
            for x, y in line.get_transform().transform(line.get_xydata()):
                assert not box.contains(x, y), f"a label covers a marker at {x:.0f},{y:.0f}"
    source = description(fig)[1]
    assert "loaded articles of Fixture Daily, Fixture Post and Fixture Wire" in source
    assert "data/articles" not in source


def test_the_legends_stay_inside_a_tight_crop() -> None:
    """The inline backend crops figures to their tight bounding box (bbox_inches="tight"):
    every legend must be inside it, or the notebook and HTML views cut it off."""
    fig = tl.estimates_timeline(with_extracted(extracted_fixture()), events_fixture())
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    tight = fig.get_tightbbox(renderer)  # inches
    legends = [a for ax in fig.axes for a in ax.get_children()
               if isinstance(a, matplotlib.legend.Legend)]
    assert len(legends) >= 3
    for legend in legends:
        box = legend.get_window_extent(renderer)
        assert box.x1 / fig.dpi <= tight.x1 + 1e-6, legend.get_title().get_text()


def test_one_panel_and_no_events_for_social_media() -> None:
    fig = tl.estimates_timeline(with_extracted(extracted_fixture()), None,
                                panels=["Troop numbers"])
    titles = [ax.get_title(loc="left") for ax in fig.axes if ax.get_title(loc="left")]
    assert len(titles) == 1 and titles[0].startswith("Troop numbers")


def test_export_is_byte_identical(tmp_path: Path) -> None:
    paths = []
    for run in ("a", "b"):
        fig = tl.estimates_timeline(with_extracted(extracted_fixture()), events_fixture())
        paths.append(kc.save(fig, "timeline", directory=tmp_path / run))
        plt.close(fig)
    for first, second in zip(*paths, strict=True):
        assert first.suffix in (".png", ".svg", ".pdf")
        assert first.read_bytes() == second.read_bytes(), first.name


def test_widget_filters_and_redraws() -> None:
    from kursk import widgets as kw

    claims = claims_fixture()
    assert list(kw.filter_claims(claims, sides=["ukraine"])["claim_id"]) == ["f003", "f006"]
    forecast = with_forecast()
    assert "f008" not in set(kw.filter_claims(forecast, kinds=["count"])["claim_id"])
    assert list(kw.filter_claims(forecast, kinds=["forecast"])["claim_id"]) == ["f008"]
    unknown = forecast.assign(kind=pd.Categorical([None] * len(forecast), categories=["count"]))
    assert len(kw.filter_claims(unknown, kinds=["count"])) == len(forecast)  # unknown kind kept
    assert list(kw.filter_claims(claims, metrics=["killed"], start="2024-12-01",
                                 end="2024-12-31")["claim_id"]) == ["f005"]
    box = kw.estimates_filter(forecast, events_fixture())
    (side_box, _metric_box, forecasts), dates, image = box.children[0].children, *box.children[1:]
    first = bytes(image.value)
    assert first.startswith(b"\x89PNG")
    forecasts.value = False  # hide the forecast: the chart changes
    assert bytes(image.value).startswith(b"\x89PNG") and bytes(image.value) != first
    forecasts.value = True
    assert bytes(image.value) == first
    side_box.value = ("ukraine",)
    assert bytes(image.value).startswith(b"\x89PNG") and bytes(image.value) != first
    side_box.value = ()  # nothing selected: an empty chart, no error
    empty = bytes(image.value)
    assert empty not in (first, b"")
    dates.index = (5, 6)
    assert bytes(image.value) != empty


def test_titles_of_the_real_data_charts_fit_the_figure() -> None:
    claims, events = combine_claims(kd.load_claims()), kd.load_events()
    for fig in (tl.estimates_by_metric(claims, spread_table=estimates.spread(claims)),
                tl.estimates_timeline(claims, events)):  # fmt: skip
        renderer = fig.canvas.get_renderer()
        for t in fig.texts:
            box = t.get_window_extent(renderer)
            assert 0 <= box.x0 and box.x1 <= fig.bbox.width, t.get_text()


def test_small_multiples_say_their_unit() -> None:
    """The first panel of each row names the unit; the others share it."""
    fig = tl.estimates_by_metric(claims_fixture())
    panels = [ax for ax in fig.axes if ax.axison]  # five metrics in the fixture, three a row
    assert [ax.get_ylabel() for ax in panels] == ["soldiers", "", "", "soldiers", ""]


def test_source_line_names_who_made_the_claims() -> None:
    """The default source line names the claimants' sides and the number of outlets, not only a
    file."""
    claims = claims_fixture().assign(outlet=["Fixture A", "Fixture A", "Fixture B", "Fixture C",
                                             "Fixture A", "Fixture B", "Fixture C"])
    line = tl.source_line(claims)
    assert line == ("Statements by Ukraine, South Korea and United States, as reported by 3 "
                    "outlets; every figure's link and date in data/claims.csv")
    fig = tl.estimates_timeline(claims, start="2024-10-01", end="2025-03-31")
    assert any(line in t for t in texts(fig))
    assert tl.source_line(claims.iloc[:1]).startswith("Statements by South Korea, as reported by 1 outlet;")


def test_a_far_off_forecast_goes_off_scale_on_the_small_multiples() -> None:
    """The made-up 60,000 forecast is over 3x the highest count (9,000): the panel is scaled to
    the counts, and a label with an arrow at its top gives the forecast."""
    fig = tl.estimates_by_metric(with_forecast())
    sent = next(ax for ax in fig.axes if ax.get_title(loc="left") == "Sent to Russia")
    assert sent.get_ylim()[1] == pytest.approx(9000 * 1.15)
    texts = [t.get_text() for t in sent.texts]
    assert "↑" in texts and "▼60,000 forecast" in texts
    assert "^" not in {ln.get_marker() for ln in sent.get_lines()}  # ▲ means "more than"
    # the label stays inside its panel, and the legend says what the arrow means
    label = next(t for t in sent.texts if t.get_text() == "▼60,000 forecast")
    renderer = fig.canvas.get_renderer()
    box, extent = sent.get_window_extent(renderer), label.get_window_extent(renderer)
    assert box.x0 <= extent.x0 and extent.x1 <= box.x1
    assert any("off scale" in t.get_text() for ax in fig.axes for t in ax.texts)
    # without the forecast, nothing is off scale
    plain = tl.estimates_by_metric(claims_fixture())
    sent = next(ax for ax in plain.axes if ax.get_title(loc="left") == "Sent to Russia")
    assert "↑" not in [t.get_text() for t in sent.texts]
    assert not any("off scale" in t.get_text() for ax in plain.axes for t in ax.texts)


def test_an_off_scale_label_too_wide_for_either_side_goes_below_its_arrow() -> None:
    """# fixture: two made-up forecasts a day apart (one a range, one "up to"), mid-panel on a
    narrow span: their label fits on neither side of the arrow, so it goes on the line below,
    inside the panel and clear of the other date's label."""
    claims = with_forecast()
    wide = claims[claims["claim_id"] == "f008"].assign(
        claim_id="f009", claimed_on=pd.Timestamp("2024-11-21"), low=250000.0, high=300000.0,
        qualifier="exact")
    wider = wide.assign(claim_id="f010", low=310000.0, high=310000.0, qualifier="up_to")
    fig = tl.estimates_by_metric(pd.concat([claims, wide, wider], ignore_index=True),
                                 start="2024-10-15", end="2024-12-31")
    sent = next(ax for ax in fig.axes if ax.get_title(loc="left") == "Sent to Russia")
    renderer = fig.canvas.get_renderer()
    box = sent.get_window_extent(renderer)
    labels = {t.get_text(): t for t in sent.texts if "forecast" in t.get_text()}
    assert set(labels) == {"▼60,000 forecast", "250,000–300,000 / ▼310,000 forecasts"}
    wide_label = labels["250,000–300,000 / ▼310,000 forecasts"]
    extents = [t.get_window_extent(renderer) for t in labels.values()]
    arrows = [t.get_window_extent(renderer) for t in sent.texts if t.get_text() == "↑"]
    assert len(arrows) == 2
    for extent in extents:
        assert box.x0 <= extent.x0 and extent.x1 <= box.x1
        assert not any(extent.overlaps(other) for other in extents + arrows if other is not extent)
    assert wide_label.get_horizontalalignment() == "center"
    assert wide_label.xyann[1] < max(a.xyann[1] for a in sent.texts if a.get_text() == "↑")


def test_spread_table_dates_each_tied_side() -> None:
    """# fixture: Ukraine's made-up 9,000 raised to 10,000 on another day than a made-up US
    10,000 count: where two sides tie for the highest figure, each side's own date is shown."""
    claims = claims_fixture()
    claims.loc[claims["claim_id"] == "f003", ["low", "high"]] = 10000.0
    us = claims[claims["claim_id"] == "f004"].assign(
        claim_id="f010", metric="deployed", low=10000.0, high=10000.0, qualifier="exact",
        claimed_on=pd.Timestamp("2024-12-01"))
    spread = estimates.spread(pd.concat([claims, us], ignore_index=True))
    row = spread.set_index("metric").loc["deployed"]
    assert row["highest_side"] == "ukraine, us" and row["highest_dates"] == "2024-11-05, 2024-12-01"
    shown = tl.spread_table(spread).loc["sent to Russia"]
    assert shown["highest by"] == "Ukraine, United States"
    assert shown["highest on"] == "5 Nov 2024, 1 Dec 2024"
    assert shown["lowest on"] == "20 Oct 2024"  # one side: its date
