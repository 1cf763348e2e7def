"""Numbers, ranges and vague quantities as kursk.claims.numbers reads them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursk.claims.numbers import find_figures


def values(text: str, lang: str) -> list[tuple[str, float, float]]:
    return [(text[f.start : f.end], f.low, f.high) for f in find_figures(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "written", "low", "high"),
    [
        ("Bis zu 15.000 Soldaten", "de", "15.000", 15000, 15000),
        ("up to 15,000 troops", "en", "15,000", 15000, 15000),
        ("rund 11 000 Soldaten", "de", "11 000", 11000, 11000),
        ("some 11, 000 troops", "en", "11, 000", 11000, 11000),
        ("12K troops", "en", "12K", 12000, 12000),
        ("1,5 Tausend Soldaten", "de", "1,5 Tausend", 1500, 1500),
        ("the 15-hundred soldiers", "en", "15-hundred", 1500, 1500),
        ("zehntausend Soldaten", "de", "zehntausend", 10000, 10000),
        ("ten thousand troops", "en", "ten thousand", 10000, 10000),
        ("Fifteen hundred troops", "en", "Fifteen hundred", 1500, 1500),
        ("dreitausend weitere Soldaten", "de", "dreitausend", 3000, 3000),
        ("a couple thousand troops", "en", "a couple thousand", 2000, 2000),
        ("1.500 Soldaten", "de", "1.500", 1500, 1500),
        ("3.000 Soldaten", "de", "3.000", 3000, 3000),
        ("10.000 bis 12.000 Soldaten", "de", "10.000 bis 12.000", 10000, 12000),
        ("zwischen 10.000 und 12.000 Soldaten", "de", "10.000 und 12.000", 10000, 12000),
        ("between 10,000 and 12,000 troops", "en", "10,000 and 12,000", 10000, 12000),
        ("10,000-12,000 troops", "en", "10,000-12,000", 10000, 12000),
        ("11.000 bis 12.000 Soldaten", "de", "11.000 bis 12.000", 11000, 12000),
        ("10 bis 12 Tausend Soldaten", "de", "10 bis 12 Tausend", 10000, 12000),
        ("several hundred troops", "en", "several hundred", 200, 900),
        ("mehrere hundert Soldaten", "de", "mehrere hundert", 200, 900),
        ("Hunderte Soldaten", "de", "Hunderte", 200, 900),
        ("several thousand troops", "en", "several thousand", 2000, 9000),
        ("mehrere tausend Soldaten", "de", "mehrere tausend", 2000, 9000),
        ("Tausende Soldaten", "de", "Tausende", 2000, 9000),
        ("dozens of soldiers", "en", "dozens", 20, 90),
        ("Dutzende Soldaten", "de", "Dutzende", 20, 90),
        ("tens of thousands of troops", "en", "tens of thousands", 20000, 90000),
    ],
)
def test_number_forms(text: str, lang: str, written: str, low: float, high: float) -> None:
    assert values(text, lang) == [(written, low, high)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Stand: 06.11.2024 12:01 Uhr", "de"),
        ("date 2024-11", "de"),
        ("am 19. Juni 2024", "de"),
        ("at 10:30 local time", "en"),
        ("um 10.30 Uhr", "de"),
    ],
)
def test_dates_and_times_are_not_numbers(text: str, lang: str) -> None:
    assert values(text, lang) == []


def test_one_alone_is_not_a_figure() -> None:
    assert values("one of them said", "en") == []
    assert values("ein Soldat und eine Frau", "de") == []


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1000, max_value=999_999), st.sampled_from([",", ".", " ", ", "]))
def test_grouped_thousands_round_trip(n: int, sep: str) -> None:
    written = f"{n:,}".replace(",", sep)
    lang = "en" if sep == "," else "de"
    assert values(f"rund {written} Soldaten", lang) == [(written, n, n)]
