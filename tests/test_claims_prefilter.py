"""Literal prefilters and word-anchored scans in kursk.claims find exactly what the patterns find."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursk.claims import attribution as AT
from kursk.claims import metrics as M
from kursk.claims.evaluate import load_gold
from kursk.claims.extract import claims_for_article, claims_from_articles
from kursk.claims.prefilter import necessary_literals
from kursk.entities import find_mentions
from kursk.paths import seeds_dir

GOLD = load_gold()
SEED = (seeds_dir() / "000_6345d31efac55afa.txt").read_text(encoding="utf-8")
SENTENCES = [g["text"] for g in GOLD] + [p for p in SEED.split("\n") if p.strip()]
GATED = {**M._GATED, **M._LC_GATED}


def test_necessary_literals_of_simple_patterns() -> None:
    assert necessary_literals(re.compile(r"\b(?:killed|dead)\b")) == ("dead", "killed")
    assert necessary_literals(re.compile(r"(?<!or\s)more(?!\s+than)")) == ("more",)
    assert necessary_literals(re.compile(r"nord-?korea|kpa\b")) == ("kpa", "nord")
    assert necessary_literals(re.compile(r"x(?:ab|cd)y")) == ("x",)
    assert necessary_literals(re.compile(r"a|b?c")) is None  # "c" alone can match
    assert necessary_literals(re.compile(r"[$€]\d")) is None
    assert necessary_literals(re.compile(r"killed", re.IGNORECASE)) is None
    assert necessary_literals(re.compile(r"(?i:killed)|dead")) is None


def test_every_gated_pattern_has_literals() -> None:
    for g in GATED.values():
        assert g.literals, g.pattern.pattern


def _vocabulary() -> list[str]:
    words = set()
    for g in GATED.values():
        words.update(g.literals or ())
    words.update(w.lower() for s in SENTENCES for w in re.findall(r"\w+", s)[:12])
    return sorted(words)


VOCAB = _vocabulary()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCAB) | st.text(max_size=4), max_size=12),
       st.sampled_from([" ", "", "-", " or ", " and ", " oder "]))  # fmt: skip
def test_gate_never_hides_a_match(parts: list[str], sep: str) -> None:
    text = sep.join(parts)
    for g in GATED.values():
        if g.pattern.search(text) is not None:
            assert g.possible(text), (g.pattern.pattern[:40], text)
        assert g.search(text) == g.pattern.search(text) or (
            g.search(text).span() == g.pattern.search(text).span()
        )


def test_gate_agrees_on_the_gold_sentences() -> None:
    for s in SENTENCES:
        low = s.lower()
        for g in GATED.values():
            expect = [m.span() for m in g.pattern.finditer(low)]
            assert [m.span() for m in g.finditer(low)] == expect


def _cue_spans_reference(sentence: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    cues, s = AT._cue_text(sentence, lang)
    return {k: [m.span() for m in cues[k].finditer(s)] for k in ("pre", "post", "origin")}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_word_anchored_cue_spans_equal_finditer(lang: str) -> None:
    for s in SENTENCES:
        assert AT.cue_spans(s, lang) == _cue_spans_reference(s, lang), s
    # fixture: made-up sentences with cues inside words, at the ends, and with İ (lower() grows)
    for s in ["Fixture: nach den Angaben des Ministeriums sagte er, laut", "Laut. Fixture zufolge",
              "Fixture İstanbul: according to the ministry, officials said", "soso sagtest laute"]:  # fmt: skip
        assert AT.cue_spans(s, lang) == _cue_spans_reference(s, lang), s


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(sorted(AT.cue_first_words("de") | AT.cue_first_words("en")))
                | st.sampled_from(["den", "Angaben", "des", "to", "the", "İ", ",", "x"]),
                max_size=10), st.sampled_from(["de", "en"]))  # fmt: skip
def test_word_anchored_cue_spans_on_generated_text(words: list[str], lang: str) -> None:
    s = " ".join(words)
    assert AT.cue_spans(s, lang) == _cue_spans_reference(s, lang)


def test_mentions_with_sharp_s_agree_with_find_mentions() -> None:
    # fixture: sentences made for this test; ß makes casefold() longer than the sentence
    for s in [
        "Fixture: Der Außenminister sagte laut Selenskyj, der Spiegel berichtet über Größe.",
        "Fixture ßß: the New York Times und Selenskyjs Büro, Straße nach Kyjiw, Umerow.",
        "Fixture: Grüße aus Seoul; der südkoreanische Geheimdienst NIS schätzt, ß.",
    ]:
        got = [(a, b, name) for a, b, name, *_ in AT.mentions(s)]
        ref = find_mentions(s, fuzzy=False)
        assert got == list(zip(ref["start"], ref["end"], ref["name"], strict=True)), s


def test_claims_from_articles_equals_one_article_at_a_time() -> None:
    # fixture: two made-up articles (one with lead repeated in the text, one with no url)
    arts = pd.DataFrame({
        "article_id": ["fx1", "fx2"],
        "outlet": ["fixture-outlet", None],
        "url": ["https://example.org/fixture", None],
        "published": pd.to_datetime(["2024-11-05T10:00:00Z", None], utc=True),
        "language": ["de", "en"],
        "title": ["Fixture: bis zu 15.000 nordkoreanische Soldaten", "Fixture"],
        "lead": ["", "Some 11,000 North Korean troops are in Kursk, officials said."],
        "text": ["Laut der Ukraine sind rund 12.000 nordkoreanische Soldaten in Russland.",
                 "Some 11,000 North Korean troops are in Kursk, officials said. More text."],
    })  # fmt: skip
    whole = claims_from_articles(arts)
    one_by_one = pd.concat([claims_for_article(r) for r in arts.to_dict("records")],
                           ignore_index=True)  # fmt: skip
    assert len(whole) == 3
    pd.testing.assert_frame_equal(whole, one_by_one, check_exact=True)
