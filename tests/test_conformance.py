"""Conformance: the article loaders against test suites and pages that other projects wrote.

Reads ``../shared/external/`` (the folder ``shared/external`` beside the checkout; see its
README) where it exists, and skips with a plain reason where it does not: a fresh clone has no
``../shared``. Nothing from there is copied into the repository; the loaders' own fixtures for
the same cases are in ``tests/fixtures/loaders`` (tested in test_articles.py and test_hostile.py).

* feedparser's suite (2,106 feeds): a lenient load never aborts and accounts for every file,
  entity-declaring feeds are refused, and the encodings its tests expect are the ones the loader
  decodes with.
* trafilatura's 47 news pages with their expected snippets: wanted snippets found and unwanted
  ones kept out (title, lead and text), no lead repeated inside the text, paragraphs, the time of
  day kept where the page gives one, tagesschau's stamp, kicker and title.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from kursk import articles as A
from kursk.articles.decode import codec_name, decode
from kursk.paths import project_root

EXTERNAL = Path(project_root()).parent / "shared" / "external"
SUITES = {
    "feedparser-tests": "feedparser's suite",
    "trafilatura-news": "trafilatura's news pages",
}


def external(name: str) -> Path:
    folder = EXTERNAL / name
    if not folder.is_dir():
        pytest.skip(f"../shared/external/{name} not found: conformance against {SUITES[name]} skipped")
    return folder


def flat(s: str) -> str:
    return " ".join(str(s).split())


# --------------------------------------------------------------------------- feedparser's suite


@pytest.fixture(scope="module")
def feeds() -> tuple[Path, pd.DataFrame]:
    folder = external("feedparser-tests")
    return folder, A.load_articles(folder, progress=False)


def test_a_lenient_load_of_every_feed_never_aborts_and_accounts_for_every_file(feeds):
    folder, df = feeds
    rep = df.attrs["load_report"]
    files = list(A.discover(folder))
    assert len(files) > 2000
    assert len(rep) == len(files)
    counts = rep["status"].value_counts()
    assert set(counts.index) <= {"loaded", "skipped", "duplicate"}
    assert counts.get("loaded", 0) + counts.get("skipped", 0) + counts.get("duplicate", 0) == len(files)
    assert rep.loc[rep["status"] == "loaded", "articles"].sum() == len(df)
    assert counts.get("loaded", 0) >= 15
    # every file is read by the loader's own rules: no library error is left to the catch-all
    assert not rep["reason"].str.startswith("the parser failed").any()


def test_feeds_that_declare_entities_are_refused(feeds):
    folder, df = feeds
    rep = df.attrs["load_report"].set_index("path")
    declaring = [f for f in A.discover(folder) if b"<!ENTITY" in f.read_bytes().upper()]
    assert len(declaring) >= 2
    for f in declaring:
        row = rep.loc[A.display_path(f)]
        assert row["status"] == "skipped" and "unsafe XML refused" in row["reason"], f.name


def test_a_strict_load_raises_an_article_error_naming_the_file(feeds):
    folder, _ = feeds
    with pytest.raises(A.ArticleError) as err:
        A.load_articles(folder / "tests" / "encoding", strict=True, progress=False)
    assert Path(err.value.path).is_relative_to(A.display_path(folder)) or folder.name in err.value.path


# a test's expected encoding, where it does not depend on an HTTP header the files do not carry
_EXPECT = re.compile(r"Expect:.*\bencoding == '([^']+)'")


def test_the_encodings_feedparsers_tests_expect_are_the_ones_decoded(feeds):
    folder, df = feeds
    checked = 0
    for f in sorted([*(folder / "tests" / "encoding").glob("*.xml"),
                     *(folder / "tests" / "illformed" / "chardet").glob("*.xml")]):
        if f.name.startswith(("http_", "bozo_http")):
            continue
        got = decode(f.read_bytes(), markup="xml")
        m = _EXPECT.search(got.text)
        if m is None:
            continue
        assert codec_name(got.encoding) == codec_name(m.group(1)), f.name
        checked += 1
    assert checked >= 28
    # the feeds in KOI8-R, EUC-JP, EUC-KR and Shift_JIS without a declaration load readable
    loaded = df.set_index("path")
    for name, word in [("koi8r", "Как"), ("eucjp", "正月"), ("euckr", "한글"), ("shiftjis", "記事")]:
        rows = loaded[loaded.index.str.endswith(f"chardet/{name}.xml")]
        assert len(rows) == 1 and word in rows["title"].iloc[0], name


# --------------------------------------------------------------------------- trafilatura's pages


@pytest.fixture(scope="module")
def pages() -> dict[str, tuple[dict, dict, dict, str]]:
    """Each page: its record, its report row, its expected snippets, its raw HTML."""
    folder = external("trafilatura-news")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    out = {}
    for name, want in sorted(expected.items()):
        path = folder / "pages" / name
        recs, row = A.parse_file(path)
        assert row["status"] == "loaded", (name, row)
        out[name] = (recs[0], row, want, path.read_text(encoding="utf-8", errors="replace"))
    assert len(out) == 47
    return out


def test_wanted_snippets_found_and_unwanted_kept_out(pages):
    found = kept_out = n_with = n_without = 0
    for rec, _, want, _ in pages.values():
        blob = flat(" ".join([rec["title"], rec["lead"], rec["text"]]))
        n_with += len(want.get("with", []))
        n_without += len(want.get("without", []))
        found += sum(flat(s) in blob for s in want.get("with", []))
        kept_out += sum(flat(s) not in blob for s in want.get("without", []))
    assert (n_with, n_without) == (138, 149)
    assert found >= 132, found  # trafilatura's own defaults: 132
    assert kept_out >= 142, kept_out  # trafilatura's own defaults: 135


def test_no_lead_inside_the_text(pages):
    # a lead from the page's description is taken out of the text; without one, the lead is the
    # text's first paragraph, which the extractor's article_text drops (it starts the text)
    inside = [name for name, (rec, *_rest) in pages.items()
              if flat(rec["lead"]) and flat(rec["lead"]) in flat(rec["text"])
              and not flat(rec["text"]).startswith(flat(rec["lead"]))]  # fmt: skip
    assert inside == []


def test_text_comes_in_paragraphs(pages):
    df = A.to_frame([rec for rec, *_ in pages.values()])
    per_page = A.paragraphs(df).groupby("article_id").size().reindex(df["article_id"]).fillna(0)
    assert (per_page > 1).mean() >= 0.8


# publication times with a time of day in a page's metadata, found without the loader's code
_DATE_TAG = re.compile(
    r"<(?:meta|span|time)\b[^>]*(?:article:published_time|og:pubdate|datePublished|pubdate|"
    r"DC\.date\.issued|name=\"date\"|uploadDate)[^>]*>", re.I
)  # fmt: skip
_DATE_VALUE = re.compile(r"(?:content|datetime)=[\"']\s*(\d{4}-\d\d-\d\d[T ]\d\d:\d\d[^\"']*)", re.I)
_JSON_DATE = re.compile(r"\"(?:datePublished|uploadDate)\"\s*:\s*\"(\d{4}-\d\d-\d\d[T ]\d\d:\d\d[^\"]*)\"")
_STAMP = re.compile(r"Stand:\s*(\d\d)\.(\d\d)\.(\d{4}),?\s+(\d\d):(\d\d)\s*Uhr")


def _minute(value: str | pd.Timestamp) -> pd.Timestamp | None:
    try:
        t = pd.Timestamp(str(value).strip())
    except ValueError:
        return None
    t = t.tz_localize("UTC") if t.tzinfo is None else t.tz_convert("UTC")
    return t.floor("min")


def test_time_of_day_kept_where_the_page_gives_one(pages):
    timed = missed = 0
    for name, (rec, _, _, raw) in pages.items():
        given = [m.group(1) for tag in _DATE_TAG.finditer(raw) for m in [_DATE_VALUE.search(tag.group(0))] if m]
        given += _JSON_DATE.findall(raw)
        if not given:
            continue
        timed += 1
        times = {_minute(v) for v in given}
        if name.startswith("tagesschau"):  # the stamp is the page's time (Europe/Berlin)
            d, m, y, hh, mm = _STAMP.search(raw).groups()
            times = {pd.Timestamp(f"{y}-{m}-{d} {hh}:{mm}", tz="Europe/Berlin").tz_convert("UTC")}
        if rec["published"] is None or _minute(rec["published"]) not in times:
            missed += 1
    assert timed >= 29
    assert missed == 0


def test_tagesschau_page_stamp_kicker_and_title(pages):
    (rec, row, _, raw), = [v for k, v in pages.items() if k.startswith("tagesschau")]
    d, m, y, hh, mm = _STAMP.search(raw).groups()
    assert rec["outlet"] == "tagesschau"
    assert rec["published"] == pd.Timestamp(f"{y}-{m}-{d} {hh}:{mm}", tz="Europe/Berlin")
    assert rec["kicker"] and rec["kicker"] in raw
    assert rec["title"] and rec["title"] in raw and rec["kicker"] not in rec["title"]
    for line in (rec["kicker"], rec["title"], "Stand:"):
        assert line not in rec["text"]


def test_titles_and_outlets_come_from_the_page(pages):
    by_name = {k.split(".")[0]: v[0] for k, v in pages.items()}
    assert by_name["telegraph"]["title"] != "escenic"
    assert by_name["telegraph"]["title"] in pages["telegraph.co.uk.plumber.html"][3]
    for rec, *_ in pages.values():
        assert rec["outlet"] and not rec["outlet"].startswith("http"), rec["url"]
        assert not rec["title"].endswith((" | DW | 23.05.2011", "| The Japan Times"))
