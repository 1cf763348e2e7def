"""Numbers, ranges and vague quantities as kursk.claims.numbers reads them, in the six languages;
and the Recognizers-Text number specs (../shared/external/number-specs) where they are present."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursk.claims.numbers import changes, find_figures
from kursk.paths import project_root

FORMS = [  # (text, lang, the number as written, low, high); fixtures
    ("about 15,000 troops", "en", "15,000", 15000, 15000),
    ("some ten-thousand soldiers", "en", "ten-thousand", 10000, 10000),
    ("the 15-hundred men", "en", "15-hundred", 1500, 1500),
    ("6K troops", "en", "6K", 6000, 6000),
    ("11, 000 soldiers", "en", "11, 000", 11000, 11000),
    ("10'000 men", "en", "10'000", 10000, 10000),
    ("15\u00a0000 soldiers", "en", "15\u00a0000", 15000, 15000),
    ("15\u202f000 soldats", "fr", "15\u202f000", 15000, 15000),
    ("ten to twelve thousand troops", "en", "ten to twelve thousand", 10000, 12000),
    ("between ten and twelve thousand troops", "en", "ten and twelve thousand", 10000, 12000),
    ("10,000-12,000 troops", "en", "10,000-12,000", 10000, 12000),
    ("10 to 12 thousand troops", "en", "10 to 12 thousand", 10000, 12000),
    ("two and a half thousand men", "en", "two and a half thousand", 2500, 2500),
    ("half a million men", "en", "half a million", 500000, 500000),
    ("a dozen soldiers", "en", "a dozen", 12, 12),
    ("two dozen soldiers", "en", "two dozen", 24, 24),
    ("hundreds of thousands of men", "en", "hundreds of thousands", 200000, 900000),
    ("tens of thousands of men", "en", "tens of thousands", 20000, 90000),
    ("several thousand soldiers", "en", "several thousand", 2000, 9000),
    ("a couple of thousand soldiers", "en", "a couple of thousand", 2000, 2000),
    ("dozens of soldiers", "en", "dozens", 20, 90),
    ("zehn- bis zwölftausend Soldaten", "de", "zehn- bis zwölftausend", 10000, 12000),
    ("zwei- bis dreitausend Mann", "de", "zwei- bis dreitausend", 2000, 3000),
    ("zweieinhalbtausend Soldaten", "de", "zweieinhalbtausend", 2500, 2500),
    ("ein Dutzend Soldaten", "de", "ein Dutzend", 12, 12),
    ("1,5 Tausend Soldaten", "de", "1,5 Tausend", 1500, 1500),
    ("15.000 Soldaten", "de", "15.000", 15000, 15000),
    ("zwischen 10.000 und 12.000 Soldaten", "de", "10.000 und 12.000", 10000, 12000),
    ("mehrere tausend Soldaten", "de", "mehrere tausend", 2000, 9000),
    ("Zehntausende Soldaten", "de", "Zehntausende", 20000, 90000),
    ("eine halbe Million Soldaten", "de", "eine halbe Million", 500000, 500000),
    ("двенадцать тысяч военных", "ru", "двенадцать тысяч", 12000, 12000),
    ("около трёх тысяч военных", "ru", "трёх тысяч", 3000, 3000),
    ("полторы тысячи военных", "ru", "полторы тысячи", 1500, 1500),
    ("две с половиной тысячи военных", "ru", "две с половиной тысячи", 2500, 2500),
    ("1,1 тыс. военных", "ru", "1,1 тыс.", 1100, 1100),
    ("от 10 до 12 тысяч военных", "ru", "10 до 12 тысяч", 10000, 12000),
    ("около тысячи военных", "ru", "тысячи", 1000, 1000),
    ("тысячи военных", "ru", "тысячи", 2000, 9000),
    ("несколько сотен военных", "ru", "несколько сотен", 200, 900),
    ("дванадцяти тисяч військових", "uk", "дванадцяти тисяч", 12000, 12000),
    ("півтори тисячі військових", "uk", "півтори тисячі", 1500, 1500),
    ("1,1 тис. військових", "uk", "1,1 тис.", 1100, 1100),
    ("п’ять тисяч військових", "uk", "п’ять тисяч", 5000, 5000),
    ("десятки тисяч військових", "uk", "десятки тисяч", 20000, 90000),
    ("병력 1만1000명", "ko", "1만1000", 11000, 11000),
    ("병력 1만 1천 명", "ko", "1만 1천", 11000, 11000),
    ("북한군 1만~1만2000명", "ko", "1만~1만2000", 10000, 12000),
    ("북한군 만 명", "ko", "만", 10000, 10000),
    ("북한군 수천 명", "ko", "수천", 2000, 9000),
    ("북한군 2~3천 명", "ko", "2~3천", 2000, 3000),
    ("북한군 만2천 명", "ko", "만2천", 12000, 12000),
    ("만 명에서 만2천 명 사이", "ko", "만 명에서 만2천", 10000, 12000),
    ("北 병력 만∼만2천 명", "ko", "만∼만2천", 10000, 12000),
    ("북한 병사 세 명을 생포", "ko", "세", 3, 3),
    ("열네 명의 전투원", "ko", "열네", 14, 14),
    ("마흔 명 남짓이 다쳤다", "ko", "마흔", 40, 40),
    ("병력 이삼천 명을", "ko", "이삼천", 2000, 3000),
    ("포로 두세 명", "ko", "두세", 2, 3),
    ("이천오백 명의 군인건설자", "ko", "이천오백", 2500, 2500),
    ("삼백 명", "ko", "삼백", 300, 300),
    ("douze mille soldats", "fr", "douze mille", 12000, 12000),
    ("entre 10 000 et 12 000 soldats", "fr", "10 000 et 12 000", 10000, 12000),
    ("une dizaine de soldats", "fr", "une dizaine", 10, 10),
    ("un millier de soldats", "fr", "un millier", 1000, 1000),
    ("des milliers de soldats", "fr", "des milliers", 2000, 9000),
    ("quatre-vingt-dix soldats", "fr", "quatre-vingt-dix", 90, 90),
]


@pytest.mark.parametrize(("text", "lang", "written", "low", "high"), FORMS)
def test_number_forms(text: str, lang: str, written: str, low: float, high: float) -> None:
    figs = [f for f in find_figures(text, lang) if text[f.start : f.end] == written]
    assert len(figs) == 1, [(text[f.start : f.end], f.low) for f in find_figures(text, lang)]
    assert (figs[0].low, figs[0].high) == (low, high)


def test_korean_full_age_is_no_ten_thousand() -> None:
    assert [f.low for f in find_figures("만 18세 이상 성인 1천5명", "ko")] == [18, 1005]


def test_korean_yeo_is_more_than() -> None:
    (fig,) = find_figures("북한군 1만여 명", "ko")
    assert fig.low == 10000 and fig.qual == "more_than"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("on 06.11.2024 at 12:01", "en"), ("am 2024-11-06", "de"), ("192.168.1.2", "en"),
     ("Claudia Tausend", "de"), ("rose by one", "en")],
)
def test_dates_times_and_surnames_are_not_numbers(text: str, lang: str) -> None:
    assert [f for f in find_figures(text, lang) if f.low >= 2] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [("the number rose from 3,000 to 11,000", "en"), ("die Zahl stieg von 3.000 auf 11.000", "de"),
     ("기존 3천 명에서 1만1천 명으로", "ko"), ("3천 명에서 1만1천 명으로 늘었다", "ko")],
)
def test_a_change_is_two_figures_not_a_range(text: str, lang: str) -> None:
    figs = find_figures(text, lang)
    assert [(f.low, f.high) for f in figs] == [(3000, 3000), (11000, 11000)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("le chiffre de 3 000 morts, porté à 11 000", "fr"),
     ("an estimate of 3,000 dead, later raised to 11,000", "en"),
     ("оценка в 3 тыс. погибших, затем повышенная до 11 тыс.", "ru"),
     ("the estimate rose from 3,000 to about 11,000", "en")],
)
def test_a_verb_of_change_between_two_figures_makes_a_change(text: str, lang: str) -> None:
    figs = find_figures(text, lang)
    assert len(figs) == 2 and changes(text, lang, *figs)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(n=st.integers(min_value=1000, max_value=999_999_999),
       sep=st.sampled_from([",", ".", " ", "\u00a0", "\u202f", "'"]))  # fmt: skip
def test_grouped_thousands_round_trip(n: int, sep: str) -> None:
    written = f"{n:,}".replace(",", sep)
    figs = find_figures(f"Fixture: {written} soldiers", "en")
    assert [(f.low, f.high) for f in figs] == [(n, n)]


# --------------------------------------------------------------------------- number specs

SPECS = Path(project_root()).parent / "shared" / "external" / "number-specs"


def _spec_value(value: str, lang: str) -> float | None:
    value = value.strip()
    if lang == "de":
        value = value.replace(".", "").replace(",", ".")
    try:
        return float(value)
    except ValueError:
        return None


def spec_pass_rate(lang: str, name: str) -> tuple[int, int]:
    """(found, expected) for the integers >= 10 of a Recognizers-Text number spec file."""
    items = json.loads((SPECS / f"rt_{name}_NumberModel.json").read_text(encoding="utf-8"))
    found = total = 0
    for item in items:
        figs = None
        for r in item["Results"]:
            v = _spec_value(r["Resolution"].get("value", ""), lang)
            if v is None or v < 10 or v != int(v):
                continue
            figs = find_figures(item["Input"], lang) if figs is None else figs
            total += 1
            found += any(f.low == v == f.high for f in figs)
    return found, total


@pytest.mark.parametrize(("lang", "name", "floor"), [("en", "English", 0.44), ("de", "German", 0.75)])
def test_number_specs_of_recognizers_text(lang: str, name: str, floor: float) -> None:
    if not SPECS.is_dir():
        pytest.skip(f"../shared/external/number-specs not found: {SPECS} (Recognizers-Text "
                    "number specs, kept outside the repository)")
    found, total = spec_pass_rate(lang, name)
    print(f"number specs, {lang}: {found} of {total} integers >= 10 read ({found / total:.0%})")
    assert found / total >= floor
