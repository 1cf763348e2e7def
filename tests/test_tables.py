"""kursk.charts.tables: frames formatted for readers, sortable and searchable where scripts run."""

from __future__ import annotations

import re
import subprocess

import numpy as np
import pandas as pd
import pytest
from _browser import chromium_binary

from kursk.charts.tables import SEARCH_FROM, for_readers


def raw_fixture() -> pd.DataFrame:
    """# fixture: a made-up frame with every kind of value the notebooks show, raw."""
    return pd.DataFrame({
        "claimed_on": pd.to_datetime(["2024-11-06", None, "2025-01-02"]),
        "published": pd.to_datetime(["2024-11-06T12:01:00+01:00", None,
                                     "2025-01-02T08:00:00+00:00"], utc=True),
        "value_low": [15000.0, np.nan, 200.0],
        "value_high": [15000.0, np.nan, 900.0],
        "qualifier": ["up_to", None, "about/up_to"],
        "metric": pd.Categorical(["in_kursk", "deployed", "at_border"]),
        "claimant_side": ["south_korea", "ukraine", ""],
        "share_hedged": [0.703125, 0.5, np.nan],
        "hedged": [True, False, True],
        "n_words": pd.array([1200, None, 3], dtype="Int64"),
        "note": ["fixture", pd.NA, None],
    })


def test_values_read_as_words_and_numbers_for_people() -> None:
    table = for_readers(raw_fixture(), ranges={"figure": ("value_low", "value_high")})
    frame = table.frame
    assert list(frame.columns) == [
        "claimed on", "published", "value low", "value high", "qualifier", "metric",
        "claimant side", "share hedged", "hedged", "words", "note", "figure"]
    assert list(frame["claimed on"]) == ["6 Nov 2024", "", "2 Jan 2025"]
    assert list(frame["published"]) == ["6 Nov 2024", "", "2 Jan 2025"]
    assert list(frame["value low"]) == ["15,000", "", "200"]
    assert list(frame["figure"]) == ["15,000", "", "200–900"]
    assert list(frame["qualifier"]) == ["up to", "", "about/up to"]
    assert list(frame["metric"]) == ["in Kursk region", "sent to Russia", "stationed at the border"]
    assert list(frame["claimant side"]) == ["South Korea", "Ukraine", ""]
    assert list(frame["share hedged"]) == ["70%", "50%", ""]
    assert list(frame["hedged"]) == ["yes", "no", "yes"]
    assert list(frame["words"]) == ["1,200", "", "3"]
    shown = re.sub(r"<[^>]+>", " ", table.to_html().split("<style>")[0]
                   + table.to_html().split("</style>")[1].split("<script>")[0])
    text = repr(table) + shown  # what a reader sees (sort keys in attributes stay raw)
    for raw in ("NaN", "NaT", "<NA>", "None", "nan", "0.703125", "15000.0", "up_to", "in_kursk"):
        assert raw not in text, raw


def test_columns_pick_order_and_rename_and_a_named_index_is_kept() -> None:
    df = raw_fixture().set_index("metric")
    table = for_readers(df, columns={"metric": "what", "n_words": "words"})
    assert list(table.frame.columns) == ["what", "words"]
    assert table.frame.iloc[0, 0] == "in Kursk region"
    with pytest.raises(KeyError, match="no column"):
        for_readers(raw_fixture(), columns=["fixture_missing"])
    assert "0" not in list(for_readers(raw_fixture(), columns=["note"]).frame["note"])


def test_html_sorts_by_raw_values_and_repeats_byte_for_byte() -> None:
    html = for_readers(raw_fixture()).to_html()
    assert html == for_readers(raw_fixture()).to_html()
    assert not re.search(r'\bid="', html), "no ids (random or not) in the output"
    assert 'data-sort="15000.0"' in html and 'data-sort="2024-11-06T00:00:00"' in html
    assert "<script>" in html and "http" not in html  # nothing loaded from the network
    assert '<th class="num">value low</th>' in html


@pytest.mark.browser
def test_sorting_and_search_work_in_a_browser(tmp_path) -> None:
    """In a real (headless) browser: a click on a heading sorts numbers as numbers, and a long
    table gets a search box."""
    # fixture: a made-up table long enough for a search box, figures out of order as text
    df = pd.DataFrame({"outlet": [f"Fixture {i:02d}" for i in range(SEARCH_FROM + 3)],
                       "figure": [float(v) for v in [900, 15000, 80, *range(SEARCH_FROM)]]})
    page = tmp_path / "table.html"
    probe = ("<script>const box=document.querySelector('.kursk-table');"
             "box.querySelectorAll('th')[1].click();"
             "const first=box.querySelector('tbody tr td:nth-child(2)').textContent;"
             "box.querySelectorAll('th')[1].click();"
             "const high=box.querySelector('tbody tr td:nth-child(2)').textContent;"
             "const input=box.querySelector('input[type=search]');"
             "input.value='Fixture 01';input.dispatchEvent(new Event('input'));"
             "const shown=[...box.querySelectorAll('tbody tr')].filter(r=>r.style.display!=='none')"
             ".length;document.title=[first,high,shown].join('|');</script>")
    page.write_text(f"<html><body>{for_readers(df).to_html()}{probe}</body></html>",
                    encoding="utf-8")
    done = subprocess.run(
        [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True)
    title = re.search(r"<title>(.*?)</title>", done.stdout).group(1)
    assert title == "0|15,000|1", title


def test_a_confidence_shows_three_decimals() -> None:
    """0.987 is below a threshold of 0.99: the table must not round it up to 0.99; the numbers
    of a column have as many decimals as the one that needs most, so that they line up."""
    shown = for_readers(pd.DataFrame({"confidence": [0.987, 0.99, 0.5]})).frame["confidence"]
    assert list(shown) == ["0.987", "0.990", "0.500"]
    shown = for_readers(pd.DataFrame({"mean": [1.5, 2.25, -0.001]})).frame["mean"]
    assert list(shown) == ["1.50", "2.25", "0.00"]


def test_an_empty_table_says_so() -> None:
    """A table with no rows shows its header and a "(no rows)" line, not a bare header."""
    table = for_readers(pd.DataFrame({"outlet": pd.Series([], dtype=str)}))
    assert '<td colspan="1" style="text-align:left">(no rows)</td>' in table.to_html() and repr(table) == "(no rows)"
