"""Hostile input for kursk.articles: every file gets a clear outcome and the books balance.

All files are made here, in tmp_path; every article in them is a fixture in the project's own
words (the word "fixture" is in each), with no real reporting in it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from kursk import articles as A

# fixture: a front-matter article; placeholders for title, date and body
FM = (
    "---\ntitle: {title}\noutlet: Fixture Wire\npublished: {day}\nlanguage: {lang}\n---\n{body}\n"
)


def fm(title="Fixture hostile article", day="2024-11-07T08:00:00Z", body=None, lang="de") -> str:
    body = body or f"Ein Absatz für die Testsammlung über Grüße und Maße ({title}, fixture)."
    return FM.format(title=title, day=day, body=body, lang=lang)


def rss(items: str, prolog: str = "") -> str:
    # fixture: a minimal RSS 2.0 feed around the given items
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<rss version="2.0"><channel>'
        f"<title>Fixture Feed</title><link>https://example.org/</link>"
        f"<description>fixture</description>{items}</channel></rss>"
    )


ITEM = (
    "<item><title>Fixture item {i}</title><link>https://example.org/{i}</link>"
    "<pubDate>Tue, 05 Nov 2024 10:00:00 GMT</pubDate>"
    "<description>Fixture entry {i}: a sentence written for the tests.</description></item>"
)

# fixture: an item in Chinese and one in Korean, in our own words
GB_ITEM = (
    "<item><title>测试用的条目（fixture）</title><link>https://example.org/gb</link>"
    "<pubDate>Tue, 05 Nov 2024 10:00:00 GMT</pubDate>"
    "<description>这段文字是为加载器的测试而写的，没有真实的新闻。</description></item>"
)
KO_ITEM = (
    "<item><title>시험용 항목 (fixture)</title><link>https://example.org/ko</link>"
    "<pubDate>Tue, 05 Nov 2024 11:00:00 GMT</pubDate>"
    "<description>이 글은 로더 시험을 위해 작성되었으며 실제 뉴스가 아닙니다.</description></item>"
)


def deep_page(n: int) -> str:
    """fixture: a page whose second paragraph sits ``n`` elements deep, then one more after it."""
    return (
        "<html><head><title>Fixture deep page</title></head><body><article>"
        "<h1>Fixture deep page</h1><p>A first fixture paragraph, written for the tests, long "
        "enough to count as main text for the extractor of the page.</p>" + "<div>" * n
        + "<p>DEEP_TEXT: a fixture paragraph far down in the nesting, long enough to be kept by "
        "the extractor.</p>" + "</div>" * n + "<p>AFTER_TEXT: a closing fixture paragraph with "
        "plenty of words for the extractor.</p></article></body></html>"
    )


LAUGHS = (
    '<!DOCTYPE rss [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
)
XXE = '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
PASSWD_MARK = "root:x:0:0"

HTML_PAGE = """<!doctype html><html lang="en"><head><title>Fixture page with scripts</title>
<meta property="og:site_name" content="Fixture Herald">
<meta property="article:published_time" content="2025-01-12T08:00:00Z">
<script>var planted = "SCRIPT_IN_HEAD";</script>{prolog}</head>
<body onload="alert('HANDLER_TEXT')"><article><h1>Fixture page with scripts</h1>
<p>This fixture paragraph was written for the hostile-input tests and describes nothing real;
it only needs enough words to be taken for the main text of the page by the extractor.</p>
<script>document.write("SCRIPT_IN_BODY")</script>
<noscript>NOSCRIPT_TEXT</noscript>
<p>A second fixture paragraph, again in our own words, so that the article body is long enough
to be kept rather than thrown away as boilerplate around the navigation.</p>
<img src="x" onerror="alert('IMG_HANDLER')"></article></body></html>"""

HTML_LAUGHS = (
    '<!DOCTYPE html [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    "<html><head><title>Fixture &lol2;</title></head><body><article><p>Fixture &lol2; text "
    "written for the tests, long enough to count as an article body for the extractor.</p>"
    "</article></body></html>"
)
HTML_XXE = HTML_LAUGHS.replace(
    '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">',
    '<!ENTITY lol2 SYSTEM "file:///etc/passwd">',
)


def _ws_variant(text: str) -> str:
    """The same article with CRLF line ends, tabs, doubled and non-breaking spaces."""
    return text.replace("Absatz für", "Absatz\u00a0 für\t").replace("\n", "  \r\n")


# name -> (content, lenient status, reason or warning substring, strict outcome)
# strict outcome: "error" (ArticleError naming the file) or "loads"
CASES: dict[str, tuple[str | bytes, str, str, str]] = {
    "empty.md": ("", "skipped", "empty", "error"),
    "blank.txt": ("  \n\t\n", "skipped", "empty", "error"),
    "binary.json": (bytes(range(256)) * 16, "skipped", "binary", "error"),
    "noise.txt": (bytes((i * 97 + 13) % 256 for i in range(4096)), "skipped", "", "error"),
    "truncated_utf8.md": (
        fm(title="Fixture gekürzt").encode("utf-8") + "ü".encode()[:1],
        "loaded",
        "ends inside a UTF-8 character",
        "error",
    ),
    "cp1252.md": (
        fm(title="Fixture „Grüße“ für 5 €").encode("cp1252"),
        "loaded",
        "",
        "loads",
    ),
    # no byte-order mark: the NUL bytes make it binary, which is the honest outcome
    "utf16le_no_bom.md": (fm(title="Fixture UTF-16 LE").encode("utf-16-le"), "skipped", "binary", "error"),
    "utf16_bom.md": (fm(title="Fixture UTF-16").encode("utf-16"), "loaded", "", "loads"),
    "utf16be_bom.md": (
        b"\xfe\xff" + fm(title="Fixture UTF-16 BE").encode("utf-16-be"),
        "loaded",
        "",
        "loads",
    ),
    "scripts.html": (HTML_PAGE.format(prolog=""), "loaded", "", "loads"),
    "laughs.xml": (rss(ITEM.format(i=1), LAUGHS), "skipped", "unsafe XML", "error"),
    "xxe.rss": (
        rss("<item><title>Fixture xxe</title><description>&xxe;</description></item>", XXE),
        "skipped",
        "unsafe XML",
        "error",
    ),
    "laughs.html": (HTML_LAUGHS, "skipped", "unsafe HTML", "error"),
    "xxe.html": (HTML_XXE, "skipped", "unsafe HTML", "error"),
    "wrong_types.json": (
        json.dumps([{"title": ["fixture"], "text": {"a": 1}, "outlet": 3}]),
        "skipped",
        "must be text",
        "error",
    ),
    "date_as_list.json": (
        json.dumps(
            {"title": "Fixture list date", "text": "Fixture body.", "source": "Fixture Wire",
             "date": [2024, 11, 7], "lang": "en"}
        ),
        "loaded",
        "does not parse",
        "error",
    ),
    "null.json": ("null", "skipped", "not an object", "error"),
    "deep.json": ("[" * 50_000 + "]" * 50_000, "skipped", "JSON not accepted", "error"),
    "long_number.json": (
        '{"title": "Fixture", "text": "fixture", "count": ' + "7" * 5000 + "}",
        "skipped",
        "JSON not accepted",
        "error",
    ),
    "bad_lines.jsonl": ("{fixture\n[1, 2\n", "skipped", "not valid JSON", "error"),
    "bad_yaml.md": ("---\ntitle: [fixture\noutlet: x\n---\nbody\n", "skipped", "YAML", "error"),
    "yaml_tag.md": (
        "---\ntitle: !!python/object/apply:os.system ['echo fixture']\n---\nfixture body\n",
        "skipped",
        "YAML",
        "error",
    ),
    "yaml_list.md": ("---\n- fixture\n- list\n---\nfixture body\n", "skipped", "mapping", "error"),
    "future.md": (
        fm(title="Fixture future", day="2099-01-01"),
        "loaded",
        "implausible",
        "error",
    ),
    "ancient.md": (
        fm(title="Fixture ancient", day="0001-01-01"),
        "loaded",
        "",
        "error",
    ),
    "before_2024.md": (
        fm(title="Fixture 2019", day="2019-05-01T10:00:00Z", body="Fixture body from 2019."),
        "loaded",
        "before the study period",
        "loads",
    ),
    "future_feed.rss": (
        rss(
            "<item><title>Fixture future item</title><pubDate>Fri, 01 Jan 2100 10:00:00 GMT"
            "</pubDate><description>Fixture body from the future.</description></item>"
        ),
        "loaded",
        "implausible",
        "error",
    ),
    "z_whitespace_dupe.md": (
        _ws_variant(fm()).encode("utf-8"),
        "duplicate",
        "duplicate",
        "error",
    ),
    "unknown.docx": (b"PK\x03\x04 fixture", "skipped", "unknown format", "error"),
    # feeds that aborted a whole lenient load before (issue #20): a declared multi-byte or
    # unknown encoding, a UTF-32 byte-order mark
    "declared_gb2312.xml": (
        rss(GB_ITEM).replace("UTF-8", "gb2312").encode("gb18030"), "loaded", "", "loads",
    ),
    "declared_euc_kr.xml": (
        rss(KO_ITEM).replace("UTF-8", "euc-kr").encode("euc_kr"), "loaded", "", "loads",
    ),
    "declared_bogus.xml": (
        rss(ITEM.format(i="bogus")).replace("UTF-8", "fixture-bogus"), "loaded",
        "declared encoding 'fixture-bogus' (XML declaration) is unknown", "error",
    ),
    "utf32le_bom.xml": (
        rss(ITEM.format(i="utf-32")).replace("UTF-8", "utf-32").encode("utf-32"), "loaded", "",
        "loads",
    ),
    "svg_empty_subset.html": (
        HTML_PAGE.format(prolog="").replace("with scripts", "with an SVG icon")
        .replace("hostile-input tests", "hostile-input tests (SVG variant)")
        .replace("<noscript>", "<svg><!DOCTYPE svg [ ]><rect/></svg><noscript>"),
        "loaded", "", "loads",
    ),
    "local_dtd.html": (
        '<!DOCTYPE html SYSTEM "file:///etc/passwd">' + HTML_PAGE.format(prolog=""),
        "skipped", "local external DTD", "error",
    ),
    "deep_nesting.html": (deep_page(3000), "loaded", "nested deeper than 2048", "error"),
}
BASE = "a_original.md"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    p = folder / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def assert_balanced(df: pd.DataFrame, n_files: int) -> None:
    rep = df.attrs["load_report"]
    counts = rep["status"].value_counts()
    assert len(rep) == n_files
    assert counts.get("loaded", 0) + counts.get("skipped", 0) + counts.get("duplicate", 0) == n_files
    assert rep.loc[rep["status"] != "loaded", "reason"].str.len().gt(0).all()
    assert rep.loc[rep["status"] == "loaded", "articles"].sum() == len(df)


@pytest.fixture
def hostile(tmp_path) -> Path:
    write(tmp_path, BASE, fm())
    for name, (content, *_rest) in CASES.items():
        write(tmp_path, name, content)
    return tmp_path


def test_every_hostile_file_gets_its_outcome_and_the_books_balance(hostile):
    df = A.load_articles(hostile)
    assert_balanced(df, len(CASES) + 1)
    rep = df.attrs["load_report"].assign(name=lambda r: r["path"].map(lambda p: Path(p).name))
    rep = rep.set_index("name")
    assert rep.loc[BASE, "status"] == "loaded"
    for name, (_, status, text, _) in CASES.items():
        row = rep.loc[name]
        assert row["status"] == status, (name, row.to_dict())
        assert text in row["reason"] + " " + row["warnings"], (name, row.to_dict())
    assert not df["text"].str.contains(PASSWD_MARK, regex=False).any()


@pytest.mark.parametrize("name", sorted(CASES))
def test_strict_mode_raises_naming_file_and_reason_or_loads(tmp_path, name):
    content, status, text, strict = CASES[name]
    files = [write(tmp_path, BASE, fm())] if status == "duplicate" else []
    files.append(write(tmp_path, name, content))
    if strict == "loads":
        df = A.load_articles(*files, strict=True)
        assert len(df) == 1
        return
    with pytest.raises(A.ArticleError) as err:
        A.load_articles(*files, strict=True)
    assert err.value.path.endswith(name)
    assert name in str(err.value) and err.value.reason
    if text:
        assert text in err.value.reason


def test_cp1252_and_utf16_text_comes_out_right(hostile):
    df = A.load_articles(hostile).set_index("title")
    assert "Fixture „Grüße“ für 5 €" in df.index
    assert {"Fixture UTF-16", "Fixture UTF-16 BE", "Fixture gekürzt"} <= set(df.index)
    assert df.loc["Fixture gekürzt", "text"].endswith("fixture).")


def test_script_text_never_reaches_the_frame(tmp_path):
    page = write(tmp_path, "page.html", HTML_PAGE.format(prolog=""))
    feed = write(
        tmp_path,
        "feed.rss",
        rss(
            "<item><title>Fixture scripted item</title><pubDate>Tue, 05 Nov 2024 10:00:00 GMT"
            "</pubDate><description><![CDATA[<p>Fixture item body.</p>"
            '<script>alert("SCRIPT_IN_FEED")</script><img src=x onerror="IMG_HANDLER">]]>'
            "</description></item>"
        ),
    )
    df = A.load_articles(page, feed)
    assert len(df) == 2
    everything = " ".join(" ".join(map(str, row)) for row in df.itertuples())
    for planted in (
        "SCRIPT_IN_HEAD",
        "SCRIPT_IN_BODY",
        "HANDLER_TEXT",
        "IMG_HANDLER",
        "SCRIPT_IN_FEED",
        "<script",
    ):
        assert planted not in everything
    assert "fixture paragraph was written" in df.set_index("format").loc["html", "text"]


@pytest.mark.parametrize(
    "prolog",
    [
        XXE,
        '<!DOCTYPE rss SYSTEM "file:///etc/passwd">',
        '<!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    ],
)
def test_external_entities_never_read_local_files(tmp_path, prolog):
    item = "<item><title>Fixture ext</title><description>Fixture body &amp; more.</description></item>"
    p = write(tmp_path, "ext.xml", rss(item, prolog))
    df = A.load_articles(p)
    assert_balanced(df, 1)
    assert not any(PASSWD_MARK in str(v) for v in df.to_numpy().ravel())
    with pytest.raises(A.ArticleError, match="ext.xml"):
        A.load_articles(p, strict=True)


def test_text_below_the_old_depth_limit_is_kept_and_past_the_parsers_limit_reported(tmp_path):
    # before: everything from nesting depth 254 on was dropped without a word
    recs, row = A.parse_file(write(tmp_path, "deep.html", deep_page(300)))
    assert "DEEP_TEXT" in recs[0]["text"] and "AFTER_TEXT" in recs[0]["text"]
    assert "nested deeper" not in row["warnings"]
    assert "DEEP_TEXT" in A.html_to_text("<div>" * 300 + "DEEP_TEXT" + "</div>" * 300)
    notes: list[str] = []
    A.html_to_text("<div>" * 3000 + "x" + "</div>" * 3000, notes)
    assert notes and "2048" in notes[0]


def test_any_exception_of_a_parser_becomes_a_skip_naming_the_file(tmp_path, monkeypatch):
    from kursk.articles import load

    def broken(text):
        raise LookupError("fixture: a library failed in a way nobody foresaw")

    monkeypatch.setattr(load, "parse_json", broken)
    p = write(tmp_path, "broken.json", '{"title": "Fixture", "text": "fixture"}')
    ok = write(tmp_path, "ok.md", fm())
    df = A.load_articles(p, ok)
    rep = df.attrs["load_report"].set_index("path")["reason"]
    assert len(df) == 1
    assert rep.str.contains("the parser failed: LookupError: fixture: a library failed").any()
    with pytest.raises(A.ArticleError, match=r"broken\.json: the parser failed: LookupError"):
        A.load_articles(p, ok, strict=True)


def test_duplicates_with_other_whitespace_are_reported_not_loaded(tmp_path):
    a = write(tmp_path, "a.md", fm())
    b = write(tmp_path, "b.md", _ws_variant(fm()).encode("utf-8"))
    c = write(tmp_path, "c.md", fm().replace("\n", "\n\n\n"))
    df = A.load_articles(a, b, c)
    assert len(df) == 1
    assert df.attrs["load_report"]["status"].tolist() == ["loaded", "duplicate", "duplicate"]


@pytest.mark.slow
def test_a_feed_of_ten_thousand_entries_loads(tmp_path):
    n = 10_000
    p = write(tmp_path, "many.rss", rss("\n".join(ITEM.format(i=i) for i in range(n))))
    df = A.load_articles(p, language="en")
    assert_balanced(df, 1)
    assert len(df) == n
    assert df["title"].nunique() == n


@pytest.mark.slow
def test_a_fifty_megabyte_article_loads(tmp_path):
    sentence = "Fixture sentence {i} of a generated long article for the robustness test. "
    parts = [fm(title="Fixture very long article", body="Erster Absatz der Fixture.") + "\n"]
    size, i = 0, 0
    while size < 50 * 1024 * 1024:
        block = "".join(sentence.format(i=i + k) for k in range(40)) + "\n\n"
        parts.append(block)
        size += len(block)
        i += 40
    p = write(tmp_path, "long.md", "".join(parts))
    del parts
    assert p.stat().st_size > 50 * 1024 * 1024
    df = A.load_articles(p)
    assert_balanced(df, 1)
    row = df.iloc[0]
    assert row["lead"] == "Erster Absatz der Fixture."
    assert row["n_words"] == 4 + i * 12
    assert len(row["text"]) > 50_000_000


# --------------------------------------------------------------------------- text that reaches HTML

SCRIPT = "<script>alert(1)</script>"


def test_article_text_is_escaped_in_notebook_html_exports(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    report = pytest.importorskip("kursk.report")
    # fixture: an article whose title and text carry a script tag as literal text
    p = write(
        tmp_path,
        "script_title.json",
        json.dumps(
            {
                "title": f"Fixture title {SCRIPT}",
                "text": f"Fixture text that quotes {SCRIPT} as words.",
                "source": "Fixture Wire",
                "date": "2024-11-07T08:00:00Z",
                "lang": "en",
            }
        ),
    )
    df = A.load_articles(p)
    assert SCRIPT in df["title"].iloc[0]  # kept as text in the frame; escaping is the output's job
    shown = df[["title", "text"]]
    cell = nbformat.v4.new_code_cell(
        "df",
        outputs=[
            nbformat.v4.new_output(
                "execute_result",
                data={"text/html": shown._repr_html_(), "text/plain": repr(shown)},
                execution_count=1,
            )
        ],
    )
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Fixture"), cell])
    page = report.export_html(nb, "Fixture")
    assert SCRIPT not in page
    assert "alert(1)" in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_titles_and_parameters_are_escaped_in_the_report_index(tmp_path):
    report = pytest.importorskip("kursk.report")
    # fixture: a notebook title and a parameter value carrying a script tag
    path = report.write_index(
        tmp_path, [("01_fixture", f"Fixture {SCRIPT}")], {"ARTICLES": f"data/{SCRIPT}"}
    )
    page = path.read_text(encoding="utf-8")
    assert SCRIPT not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2
