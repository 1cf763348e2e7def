"""The prefilters and fast scans of kursk.claims agree with the precise patterns they stand in for."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursk.claims import extract_claims
from kursk.claims.attribution import _cue_patterns, claimant_in, has_anaphor, sentence_claimant
from kursk.claims.evaluate import load_gold
from kursk.claims.extract import (
    _NK_MARKS,
    _ZONE_AFTER,
    _ZONE_BEFORE,
    _merge,
    _sentence_starts_near,
    near_troop_word,
    near_troop_words,
    nk_zones,
    sentence_starts,
)
from kursk.claims.kinds import _FORECAST, _PERIOD, kind
from kursk.claims.metrics import _CAPTURED, _KILLED, _LOWERED, metric
from kursk.claims.numbers import _DE_MORPH, _EN_MULT, _EN_UNITS, WORD_CUES, find_figures, fold
from kursk.claims.prefilter import Literals
from kursk.paths import seeds_dir

SEED = seeds_dir() / "000_6345d31efac55afa.txt"
GOLD = load_gold()


def test_fold_keeps_offsets_and_marks_digits() -> None:
    # fixture: a sentence made for this test, with characters outside Latin-1
    text = "Fixture: „Rund 1.500“ — ÜBER 2 Mann… 한국 İ"
    folded = fold(text)
    assert len(folded) == len(text)
    assert [i for i, b in enumerate(folded) if b == ord("0")] == [
        i for i, c in enumerate(text) if c.isascii() and c.isdigit()
    ]
    assert folded[text.index("ÜBER") : text.index("ÜBER") + 4] == "über".encode("latin-1")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_fold_has_one_byte_per_character(text: str) -> None:
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_number_word_begins_with_a_cue(lang: str) -> None:
    words = (_DE_MORPH if lang == "de" else f"{_EN_UNITS}|{_EN_MULT}|dozen").split("|")
    for w in words:
        if w in ("ein", "eins", "und"):  # never a figure alone; read after "ein"/"einund"
            continue
        assert any(w.startswith(c) for c in WORD_CUES[lang]), w


def test_word_figure_after_the_last_digit_figure_is_kept() -> None:
    # fixture: sentence written for this test (regression: the old scan dropped "Tausende")
    text = "Fixture: rund 3.000 Soldaten, dann mehrere hundert Soldaten und Tausende Soldaten."
    got = [(text[f.start : f.end], f.low, f.high) for f in find_figures(text, "de")]
    assert got == [("3.000", 3000, 3000), ("mehrere hundert", 200, 900), ("Tausende", 2000, 9000)]


def test_number_words_inside_other_words_are_not_figures() -> None:
    # fixture: sentences written for this test
    assert find_figures("Fixture: the tension was often written about.", "en") == []
    assert find_figures("Fixture: Die Schlacht zweifelte niemand an.", "de") == []
    got = find_figures("Fixture: einhundert und einundzwanzig Soldaten", "de")
    assert [(f.low, f.kind) for f in got] == [(100, "words"), (21, "words")]


def _texts() -> list[str]:
    seed = SEED.read_text(encoding="utf-8")
    gold = "\n\n".join(i["text"] for i in GOLD)
    return [seed, gold, gold.replace("\n\n", " "), seed.replace("\n\n", "\n")]


def test_sentence_starts_near_figures_equal_the_full_split() -> None:
    for text in _texts():
        full = sentence_starts(text)
        near = _sentence_starts_near(text, fold(text), [(0, len(text))])
        assert near == full


def test_nk_zones_cover_every_mark_of_north_korea() -> None:
    for text in _texts():
        zones = nk_zones(text)
        for m in re.finditer(r"(?i)korea|dprk|pjöngjang|pyongyang|kim jong", text):
            assert any(a <= m.start() < b for a, b in zones), m.group(0)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_lowered_cue_patterns_find_what_the_case_blind_ones_find(lang: str) -> None:
    low, blind = _cue_patterns(lang, True), _cue_patterns(lang)
    for item in GOLD:
        s = item["text"]
        for k in ("pre", "post", "origin", "anaphor"):
            want = [m.span() for m in blind[k].finditer(s)]
            assert [m.span() for m in low[k].finditer(s.lower())] == want, (k, s)
        assert (low["any"].search(s.lower()) is not None) == any(
            blind[k].search(s) for k in ("pre", "post", "origin")
        )


def test_lowered_metric_patterns_agree() -> None:
    for pat in (_KILLED, _CAPTURED):
        for item in GOLD:
            s = item["text"]
            want = [m.span() for m in pat.finditer(s)]
            assert [m.span() for m in _LOWERED[id(pat)].finditer(s.lower())] == want
    # fixture: sentence written for this test; upper case does not change the metric
    s = "Fixture: 300 NORTH KOREAN SOLDIERS WERE KILLED"
    assert metric(s, 9, 12) == metric(s.lower(), 9, 12) == "killed"
    # fixture: loss words at the same distance on both sides; killed ranks first, as it always did
    s = "casualties 300 killed"
    assert s[11:14] == "300" and metric(s, 11, 14) == "killed"


def test_lowered_kind_patterns_agree() -> None:
    def case_blind(window: str, lang: str) -> str:
        if _FORECAST[lang].search(window):
            return "forecast"
        return "period" if _PERIOD[lang].search(window) else "count"

    kinds = set()
    for item in GOLD:
        s, lang = item["text"], item["lang"]
        for variant in (s, s.upper(), s.replace("ß", "ẞ")):  # "ẞ".lower() keeps the length
            assert kind(variant, lang) == case_blind(variant, lang), variant
        kinds.add(kind(s, lang))
    assert kinds == {"count", "forecast", "period"}


def test_claimant_and_anaphor_split_agrees_with_sentence_claimant() -> None:
    for item in GOLD:
        s, lang = item["text"], item["lang"]
        assert sentence_claimant(s, lang) == (claimant_in(s, lang), has_anaphor(s, lang))


def test_text_with_no_mark_of_north_korea_gives_nothing() -> None:
    # fixture: the seed with every mark of North Korea blanked (the benchmark's "plain" text)
    plain = re.sub(r"(?i)\w*korea\w*|pjöngjang|kim jong un", "Xland", SEED.read_text("utf-8"))
    assert extract_claims(plain, lang="de").empty


# --- one-pass literal search (kursk.claims.prefilter.Literals) against bytes.find loops


def _find_all(data: bytes, literals, a: int = 0, b: int | None = None) -> list[tuple[int, int]]:
    """Every (start, end) of every literal in data[a:b], by a bytes.find loop per literal."""
    b = len(data) if b is None else b
    out = []
    for lit in literals:
        i = data.find(lit, a, b)
        while i >= 0:
            out.append((i, i + len(lit)))
            i = data.find(lit, i + 1, b)
    return sorted(out)


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=200) | st.text(alphabet="aens", max_size=200).map(str.encode),
    st.lists(st.text(alphabet="aens", min_size=1, max_size=3).map(str.encode), min_size=1,
             max_size=6, unique=True),
    st.integers(-3, 20),
    st.none() | st.integers(0, 220),
)  # fmt: skip
def test_literals_find_what_find_loops_find(data: bytes, lits, a: int, b: int | None) -> None:
    # overlapping occurrences and literals inside others ("ee" in "eee", "a" in "an") included
    got = Literals(lits).spans(data, a, b)
    assert got == _find_all(data, lits, max(0, a), len(data) if b is None else min(b, len(data)))


def test_literals_keep_overlaps() -> None:
    assert Literals([b"a", b"aa"]).spans(b"aaa") == [(0, 1), (0, 2), (1, 2), (1, 3), (2, 3)]
    assert Literals([b"ab"]).spans(b"xabab", 2) == [(3, 5)]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Soldaten", "men", "troop", "forces", "x", "y" * 7, "z" * 60, " ", "15"]),
        max_size=60,
    ).map("".join)
)
def test_near_troop_words_equal_near_troop_word(text: str) -> None:
    folded = fold(text)
    starts = list(range(len(text) + 1))  # every window edge meets every stem somewhere
    assert near_troop_words(folded, starts) == [near_troop_word(folded, s) for s in starts]


def _nk_zones_by_find(text: str) -> list[tuple[int, int]]:
    """nk_zones as it was written with one str.find loop per mark (the reference)."""
    spans = []
    for mark in _NK_MARKS:
        i = text.find(mark)
        while i >= 0:
            spans.append((max(0, i - _ZONE_BEFORE), min(len(text), i + _ZONE_AFTER)))
            i = text.find(mark, i + _ZONE_AFTER // 2)
    return _merge(spans)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Korea ", "KOREA", "DPRK", "KPA ", "Pjöngjang", "Kim Jong", "x" * 300, "y" * 900,
                         "한국", "ſ", " Nordkoreaner", "\n", "Koreans " * 40]),
        max_size=40,
    ).map("".join)
)  # fmt: skip
def test_nk_zones_equal_the_find_loops(text: str) -> None:
    assert nk_zones(text) == _nk_zones_by_find(text)


def test_nk_zones_on_real_text_equal_the_find_loops() -> None:
    for text in _texts():
        assert nk_zones(text) == _nk_zones_by_find(text)
