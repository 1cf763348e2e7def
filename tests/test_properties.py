"""Property-based tests (hypothesis): the article parser, the number parser, the claim extractor.

Examples are bounded (max_examples) so the file runs in a few seconds; inputs are generated,
and the sentence templates below are the project's own fixture sentences.
"""

from __future__ import annotations

import hashlib
import unicodedata
import itertools
import json
import os
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kursk import articles as A

FAST = settings(
    max_examples=int(os.environ.get("KURSK_HYPOTHESIS_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize="KURSK_HYPOTHESIS_EXAMPLES" not in os.environ,
)
EXTS = [".md", ".txt", ".json", ".jsonl", ".html", ".xml"]
_counter = itertools.count()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("props")


def _write(folder: Path, ext: str, content: str | bytes) -> Path:
    p = folder / f"f{next(_counter)}{ext}"
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    p.write_bytes(content)
    return p


def _check_outcome(path: Path, strict: bool) -> None:
    """parse_file either loads, skips with a reason, or (strict) raises ArticleError only."""
    try:
        recs, rep = A.parse_file(path, strict=strict, language="en")
    except A.ArticleError as e:
        assert strict and e.reason and e.path.endswith(path.name)
        return
    assert rep["status"] in {"loaded", "skipped"}
    if rep["status"] == "skipped":
        assert rep["reason"] and not recs
    else:
        assert rep["articles"] == len(recs) > 0
        for r in recs:
            assert set(A.COLUMNS) <= set(r)
            assert r["text"] and r["n_words"] == len(r["text"].split())


# --------------------------------------------------------------------------- article parser


@FAST
@given(ext=st.sampled_from(EXTS), data=st.binary(max_size=600), strict=st.booleans())
def test_parser_on_arbitrary_bytes(folder, ext, data, strict):
    _check_outcome(_write(folder, ext, data), strict)


@FAST
@given(ext=st.sampled_from(EXTS), text=st.text(max_size=400), strict=st.booleans())
def test_parser_on_arbitrary_text(folder, ext, text, strict):
    _check_outcome(_write(folder, ext, text.encode("utf-8", "replace")), strict)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=12,
)
_keys = st.sampled_from(["title", "text", "body", "outlet", "source", "date", "published", "lang"])


@FAST
@given(
    obj=st.dictionaries(_keys, _json, max_size=6) | _json,
    lines=st.booleans(),
    strict=st.booleans(),
)
def test_parser_on_arbitrary_json(folder, obj, lines, strict):
    content = (json.dumps(obj) + "\n") * 2 if lines else json.dumps(obj)
    _check_outcome(_write(folder, ".jsonl" if lines else ".json", content), strict)


@FAST
@given(
    meta=st.dictionaries(_keys, st.text(max_size=30) | st.integers() | st.none(), max_size=5),
    yaml_noise=st.text(alphabet="-:[]{}!&*#|>'\"\n ab", max_size=40),
    body=st.text(max_size=200),
    strict=st.booleans(),
)
def test_parser_on_front_matter(folder, meta, yaml_noise, body, strict):
    head = "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items())
    content = f"---\n{head}{yaml_noise}\n---\n{body}"
    _check_outcome(_write(folder, ".md", content.encode("utf-8", "replace")), strict)


@FAST
@given(
    title=st.text(max_size=40),
    body=st.text(max_size=200),
    date=st.text(max_size=30) | st.sampled_from(["Tue, 05 Nov 2024 10:00:00 GMT", "2099-01-01"]),
    strict=st.booleans(),
)
def test_parser_on_feeds_with_arbitrary_fields(folder, title, body, date, strict):
    from xml.sax.saxutils import escape

    def esc(s: str) -> str:  # XML 1.0 cannot carry control characters at all
        return escape("".join(ch for ch in s if ch in "\t\n\r" or " " <= ch < "\ufffe"))

    item = (
        f"<item><title>{esc(title)}</title><pubDate>{esc(date)}</pubDate>"
        f"<description>{esc(body)}</description></item>"
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture</title>{item}</channel></rss>'
    _check_outcome(_write(folder, ".xml", feed.encode("utf-8", "replace")), strict)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(text=st.text(max_size=300))
def test_text_key_ignores_case_unicode_form_and_spacing(text):
    spaced = " \u00a0 ".join(unicodedata.normalize("NFD", text.upper()).split())
    if unicodedata.normalize("NFKC", spaced).casefold().split() == unicodedata.normalize(
            "NFKC", text).casefold().split():
        assert A.text_key(spaced) == A.text_key(text)
    assert A.count_words(text) == len(text.split())


# --------------------------------------------------------------------------- numbers and claims

claims = pytest.importorskip("kursk.claims")
numbers = pytest.importorskip("kursk.claims.numbers")

# fixture sentences in our own words; {n} is where the generated figure goes
TEMPLATES = {
    "de": [
        "Nordkorea hat nach Angaben aus der Fixture-Quelle {n} Soldaten nach Russland geschickt.",
        "Laut Fixture-Bericht sind {n} Soldaten aus Nordkorea in Kursk eingetroffen.",
    ],
    "en": [
        "North Korea has sent {n} troops to Russia, a fixture source said.",
        "A fixture report says {n} North Korean soldiers arrived in Kursk.",
    ],
}


def _fmt(n: int, lang: str, style: str) -> str:
    if style == "plain" or n < 1000:
        return str(n)
    grouped = f"{n:,}"
    return grouped.replace(",", ".") if lang == "de" else grouped


@FAST
@given(text=st.text(max_size=300), lang=st.sampled_from(["de", "en", None]))
def test_extract_claims_never_raises_and_offsets_are_inside(text, lang):
    out = claims.extract_claims(text, lang)
    for r in out.itertuples():
        assert 0 <= r.start < r.end <= len(text)
        assert text[r.start : r.end].strip() == text[r.start : r.end]
        assert r.value_low <= r.value_high


@FAST
@given(
    prefix=st.text(alphabet="abcdefghij ,.-\n", max_size=40),
    n=st.integers(min_value=2, max_value=200_000),
    lang=st.sampled_from(["de", "en"]),
    which=st.integers(min_value=0, max_value=1),
    style=st.sampled_from(["grouped", "plain"]),
)
def test_offsets_point_at_the_figure(prefix, n, lang, which, style):
    figure = _fmt(n, lang, style)
    sentence = TEMPLATES[lang][which].format(n=figure)
    text = f"{prefix.strip()}\n\n{sentence}" if prefix.strip() else sentence
    out = claims.extract_claims(text, lang)
    hits = [r for r in out.itertuples() if text[r.start : r.end] == figure]
    assert len(hits) == 1, (text, out[["start", "end", "value_low"]].to_dict("records"))
    assert hits[0].value_low == hits[0].value_high == n


@FAST
@given(text=st.text(max_size=300), lang=st.sampled_from(["de", "en"]))
def test_number_parser_never_raises_and_spans_are_sane(text, lang):
    for fig in numbers.find_figures(text, lang):
        assert 0 <= fig.start < fig.end <= len(text)
        assert fig.low <= fig.high


@FAST
@given(n=st.integers(min_value=1000, max_value=10**9), lang=st.sampled_from(["de", "en"]))
def test_number_parser_reads_grouped_digits(n, lang):
    figure = _fmt(n, lang, "grouped")
    text = f"Fixture: {figure} Soldaten" if lang == "de" else f"Fixture: {figure} soldiers"
    figs = [f for f in numbers.find_figures(text, lang) if text[f.start : f.end] == figure]
    assert len(figs) == 1 and figs[0].low == figs[0].high == n


_stamp = st.none() | st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2030, 1, 1)
).map(lambda d: pd.Timestamp(d, tz="UTC"))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    rows=st.lists(
        st.tuples(_stamp, st.text(alphabet="0123456789abcdef", min_size=1, max_size=3)),
        max_size=12,
    )
)
def test_to_frame_orders_records_like_a_frame_sort(rows):
    # fixture: minimal records with only the sort keys varying
    records = [
        dict(dict.fromkeys(A.COLUMNS, "fixture"), published=ts, article_id=aid, n_words=i)
        for i, (ts, aid) in enumerate(rows)
    ]
    frame = A.to_frame(records)
    expected = sorted(records, key=lambda r: (r["published"] is None, r["published"] or 0,
                                              r["article_id"]))
    assert list(frame["article_id"]) == [r["article_id"] for r in expected]
    assert list(frame["n_words"]) == [r["n_words"] for r in expected]
