"""kursk.articles: every format, the seed, companion frames and bad input.

All articles written here are fixtures in the project's own words (not copied from outlets);
their figures are made up for the test and say so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, settings

from kursk import articles as A
from kursk.articles.files import IGNORED_NAMES
from kursk.articles.load import TQDM_THRESHOLD
from kursk.paths import seeds_dir

SEED = seeds_dir() / "000_6345d31efac55afa.txt"

FM_ARTICLE = """---
title: Fixture report on troops near Kursk
outlet: Fixture Daily
url: https://example.org/fixture-1
published: 2024-11-08T09:30:00+01:00
language: en
---
This fixture paragraph says officials in Kyiv spoke about North Korean units.

A heading line

A second fixture paragraph, written for the test suite, mentions Pyongyang and Moscow.
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def report(df: pd.DataFrame) -> pd.DataFrame:
    return df.attrs["load_report"]


def assert_balanced(df: pd.DataFrame, n_files: int) -> None:
    rep = report(df)
    assert len(rep) == n_files
    assert set(rep["status"]) <= {"loaded", "skipped", "duplicate"}
    assert (rep["status"] == "loaded").sum() + (rep["status"] == "skipped").sum() + (
        rep["status"] == "duplicate"
    ).sum() == n_files


# ----------------------------------------------------------------------------- the seed


def test_seed_loads_with_expected_fields():
    df = A.load_articles(SEED)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["outlet"] == "tagesschau"
    assert row["kicker"] == "Krieg gegen die Ukraine"
    assert row["title"] == "Offenbar erste Gefechte mit Truppen Nordkoreas"
    assert row["published"] == pd.Timestamp("2024-11-06 12:01", tz="Europe/Berlin")
    assert str(df["published"].dtype) == "datetime64[ns, UTC]"
    assert row["language"] == "de"
    assert row["lead"].startswith("In der russischen Grenzregion Kursk")
    assert row["text"].startswith("In der russischen Grenzregion Kursk")
    assert "Stand:" not in row["text"]
    assert row["n_words"] == len(row["text"].split())
    assert row["path"] == "seeds/000_6345d31efac55afa.txt"
    assert row["format"] == "seed"
    assert len(row["article_id"]) == 16
    assert report(df)["status"].tolist() == ["loaded"]


def test_seed_file_is_byte_identical_to_shared_copy():
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds" / SEED.name
    if not shared.exists():
        pytest.skip(f"no copy of the seed to compare with: {shared} does not exist "
                    "(the folder ../shared/seeds is not beside this checkout)")
    assert SEED.read_bytes() == shared.read_bytes()


def test_article_id_is_stable_and_ignores_case_and_spacing():
    ts = pd.Timestamp("2024-11-06 12:01", tz="Europe/Berlin")
    a = A.article_id("tagesschau", ts, "Offenbar erste  Gefechte")
    assert a == A.article_id("Tagesschau", ts, "offenbar erste gefechte")
    assert a != A.article_id("tagesschau", ts + pd.Timedelta(days=1), "Offenbar erste Gefechte")


def test_outlet_override(tmp_path):
    df = A.load_articles(SEED, outlet="ARD")
    assert df["outlet"].iloc[0] == "ARD"


def test_seed_paragraphs_and_sections():
    df = A.load_articles(SEED)
    paras = A.paragraphs(df)
    assert paras["position"].tolist() == list(range(1, len(paras) + 1))
    assert paras["section"].iloc[0] == ""
    sections = list(dict.fromkeys(paras["section"]))
    assert sections == [
        "",
        "Forderung nach mehr Unterstützung",
        "Unklarheiten bleiben",
        "Militärischer Beistandspakt zwischen Russland und Nordkorea",
        "Sofortige militärische Hilfe",
    ]
    text = df["text"].iloc[0]
    for _, p in paras.iterrows():
        assert text[p["start"] : p["end"]] == p["text"]


def test_seed_quotes_have_speakers():
    q = A.quotes(A.load_articles(SEED))
    by_quote = dict(zip(q["quote"].str[:20], q["speaker"], strict=True))
    assert by_quote["Mit den ersten Kämpf"] == "Volodymyr Zelensky"
    # the seed misspells the name once ("Seleskyj"): still resolved
    assert by_quote["Gemeinsam mit der We"] == "Volodymyr Zelensky"
    assert set(q.loc[q["speaker"] == "Volodymyr Zelensky", "speaker_as_written"]) == {
        "Selenskyj",
        "Seleskyj",
    }
    assert by_quote["bis zum Sieg"] == "Choe Son Hui"
    # a quoted section heading is not a quote
    assert (q["quote"] == "Sofortige militärische Hilfe").sum() == 0


def test_seed_mentions_resolve_aliases():
    m = A.mentions(A.load_articles(SEED))
    names = set(m["name"])
    assert {
        "Volodymyr Zelensky",
        "Pyongyang",
        "Rustem Umerov",
        "KBS",
        "The New York Times",
    } <= names
    written = dict(zip(m["matched"], m["name"], strict=False))
    assert written["Seleskyj"] == "Volodymyr Zelensky"
    assert written["Pjöngjang"] == "Pyongyang"
    assert written["Rustem Umjerow"] == "Rustem Umerov"


def test_sentences_do_not_break_on_dates_abbreviations_or_quotes(tmp_path):
    body = (
        "Am 06.11.2024 meldete die Fixture-Zeitung, dass z. B. Dr. Beispiel anwesend war. "
        'Er sagte: "Das ist ein Satz. Und noch einer." Danach endete die Sitzung.\n'
    )
    p = write(
        tmp_path,
        "a.md",
        "---\ntitle: Fixture Satztest\noutlet: Fixture Zeitung\npublished: 2024-11-06\n"
        f"language: de\n---\n{body}",
    )
    s = A.sentences(A.load_articles(p))
    assert s["text"].iloc[0].startswith("Am 06.11.2024 meldete")
    assert s["text"].iloc[0].endswith("anwesend war.")
    assert any("Das ist ein Satz." in t and "noch einer" in t for t in s["text"])
    text = A.load_articles(p)["text"].iloc[0]
    for _, r in s.iterrows():
        assert text[r["start"] : r["end"]] == r["text"]


def test_an_abbreviated_number_word_ends_a_sentence_before_a_capital() -> None:
    from kursk.text import split_sentences

    text = "Втрати сягнули 6 тис. Того ж місяця до полону потрапили четверо. Їх 11 тис. військових."
    assert [text[a:b] for a, b in split_sentences(text, "uk")] == [
        "Втрати сягнули 6 тис.", "Того ж місяця до полону потрапили четверо.",
        "Їх 11 тис. військових."]
    german = "Es sind 11 Tsd. Soldaten."  # German nouns are capitalised: no new sentence
    assert len(split_sentences(german, "de")) == 1


def test_a_french_quote_opened_with_a_space_begins_a_sentence() -> None:
    from kursk.text import split_sentences

    text = "Il a parlé lundi. « Nous tenons la ligne », a-t-il dit. «\u202fRien\u202f», a-t-il ajouté."
    assert [text[a:b] for a, b in split_sentences(text, "fr")] == [
        "Il a parlé lundi.", "« Nous tenons la ligne », a-t-il dit.", "«\u202fRien\u202f», a-t-il ajouté."]


# ----------------------------------------------------------------------------- formats


def test_front_matter_markdown(tmp_path):
    df = A.load_articles(write(tmp_path, "one.md", FM_ARTICLE))
    row = df.iloc[0]
    assert row["title"] == "Fixture report on troops near Kursk"
    assert row["outlet"] == "Fixture Daily"
    assert row["url"] == "https://example.org/fixture-1"
    assert row["published"] == pd.Timestamp("2024-11-08 08:30", tz="UTC")
    assert row["language"] == "en"
    assert row["format"] == "front_matter"
    paras = A.paragraphs(df)
    assert paras["section"].tolist() == ["", "A heading line"]


def test_language_is_detected_when_not_given(tmp_path):
    en = FM_ARTICLE.replace("language: en\n", "")
    de = (
        "---\ntitle: Fixture Bericht\noutlet: Fixture Zeitung\npublished: 2024-11-08\n---\n"
        "Dieser Testabsatz wurde für die Testsammlung geschrieben und berichtet über Soldaten.\n"
    )
    df = A.load_articles(write(tmp_path, "en.md", en), write(tmp_path, "de.md", de))
    assert dict(zip(df["outlet"], df["language"], strict=True)) == {
        "Fixture Daily": "en",
        "Fixture Zeitung": "de",
    }


def test_json_object_list_and_jsonl(tmp_path):
    one = {
        "title": "Fixture JSON one",
        "body": "A fixture body about troops.",
        "source": "Fixture Wire",
        "date": "2024-12-01T10:00:00Z",
        "lang": "en",
        "link": "https://example.org/j1",
    }
    two = dict(one, title="Fixture JSON two", body="Another fixture body.")
    three = dict(one, title="Fixture JSON three", body="Third fixture body.")
    p1 = write(tmp_path, "one.json", json.dumps(one))
    p2 = write(tmp_path, "list.json", json.dumps([two]))
    p3 = write(
        tmp_path,
        "lines.jsonl",
        json.dumps(three)
        + "\n\n"
        + json.dumps(dict(three, title="Fixture JSON four", body="Fourth fixture body."))
        + "\n",
    )
    df = A.load_articles(p1, p2, p3)
    assert sorted(df["title"]) == [
        "Fixture JSON four",
        "Fixture JSON one",
        "Fixture JSON three",
        "Fixture JSON two",
    ]
    assert set(df["outlet"]) == {"Fixture Wire"}
    assert set(df["format"]) == {"json", "jsonl"}
    rep = report(df).set_index("path")
    assert rep["articles"].sum() == 4


def test_html_page_main_text_without_scripts(tmp_path):
    page = """<!doctype html><html lang="en"><head><title>Fixture page title</title>
    <meta property="og:site_name" content="Fixture Herald">
    <meta property="article:published_time" content="2025-01-12T08:00:00Z">
    <script>document.write('EVIL SCRIPT TEXT')</script></head>
    <body><nav>Home | World | Sport</nav><article><h1>Fixture page title</h1>
    <p>This fixture paragraph was written for the test suite and talks about soldiers who were
    reported near the border region during the winter of that year, according to officials.</p>
    <p>A second fixture paragraph adds more words so that the extractor treats this block as the
    main text of the page rather than as boilerplate navigation or a footer.</p>
    </article><footer>Fixture footer</footer></body></html>"""
    df = A.load_articles(write(tmp_path, "page.html", page))
    row = df.iloc[0]
    assert row["title"] == "Fixture page title"
    assert "fixture paragraph was written" in row["text"]
    assert "EVIL SCRIPT TEXT" not in row["text"]
    assert row["format"] == "html"


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Fixture Feed</title><link>https://example.org</link>
<description>fixture</description>
<item><title>Fixture item one</title><link>https://example.org/1</link>
<pubDate>Tue, 05 Nov 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;First fixture item text about troops.&lt;/p&gt;</description></item>
<item><title>Fixture item two</title><link>https://example.org/2</link>
<pubDate>Wed, 06 Nov 2024 10:00:00 GMT</pubDate>
<description>Second fixture item text.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Fixture Atom</title>
<id>urn:fixture</id><updated>2025-01-01T00:00:00Z</updated>
<entry><title>Fixture atom entry</title><id>urn:fixture:1</id>
<link href="https://example.org/a1"/><updated>2025-01-02T12:00:00Z</updated>
<content type="html">&lt;p&gt;Atom fixture content.&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom_feeds(tmp_path):
    df = A.load_articles(write(tmp_path, "f.rss", RSS), write(tmp_path, "a.atom", ATOM))
    assert sorted(df["title"]) == ["Fixture atom entry", "Fixture item one", "Fixture item two"]
    one = df[df["title"] == "Fixture item one"].iloc[0]
    assert one["outlet"] == "Fixture Feed"
    assert one["text"] == "First fixture item text about troops."
    assert one["published"] == pd.Timestamp("2024-11-05 10:00", tz="UTC")
    assert set(df["format"]) == {"feed"}


# ----------------------------------------------------------------------------- bad input


def test_bad_inputs_lenient_are_reported_not_dropped(tmp_path):
    files = [
        write(tmp_path, "empty.txt", ""),
        write(tmp_path, "binary.txt", bytes(range(256)) * 4),
        write(tmp_path, "unknown.docx", b"PK\x03\x04 fixture"),
        write(tmp_path, "bad.json", "{not json"),
        write(tmp_path, "badyaml.md", "---\ntitle: [unclosed\n---\nfixture body\n"),
        write(tmp_path, "ok.md", FM_ARTICLE),
        write(tmp_path, "zz_dupe.md", FM_ARTICLE.replace("\n\n", "\n\n\n")),
    ]
    df = A.load_articles(tmp_path)
    assert_balanced(df, len(files))
    rep = report(df).set_index("path")
    status = {Path(p).name: s for p, s in rep["status"].items()}
    assert status == {
        "empty.txt": "skipped",
        "binary.txt": "skipped",
        "unknown.docx": "skipped",
        "bad.json": "skipped",
        "badyaml.md": "skipped",
        "ok.md": "loaded",
        "zz_dupe.md": "duplicate",
    }
    reasons = {Path(p).name: r for p, r in rep["reason"].items()}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "unknown format" in reasons["unknown.docx"]
    assert "not valid JSON" in reasons["bad.json"]
    assert "YAML" in reasons["badyaml.md"]
    assert len(df) == 1


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("empty.txt", "", "empty"),
        ("binary.txt", b"\x00\x01\x02fixture\x00", "binary"),
        ("unknown.pdf", b"%PDF-1.4 fixture", "unknown format"),
        (
            "nodate.md",
            "---\ntitle: Fixture\noutlet: Fixture Daily\n---\nfixture body\n",
            "no publication date",
        ),
        (
            "baddate.md",
            "---\ntitle: Fixture\noutlet: Fixture Daily\npublished: 31.02.2024x\n---\nbody\n",
            "does not parse",
        ),
    ],
)
def test_strict_mode_raises_naming_file_and_reason(tmp_path, name, content, reason):
    p = write(tmp_path, name, content)
    with pytest.raises(A.ArticleError) as err:
        A.load_articles(p, strict=True)
    assert name in str(err.value)
    assert reason in str(err.value)


def test_strict_mode_raises_on_duplicates(tmp_path):
    write(tmp_path, "a.md", FM_ARTICLE)
    write(tmp_path, "b.md", FM_ARTICLE)
    with pytest.raises(A.ArticleError, match="duplicate"):
        A.load_articles(tmp_path, strict=True)


def test_missing_or_malformed_date_loads_in_lenient_mode_with_warning(tmp_path):
    p = write(
        tmp_path,
        "nodate.md",
        "---\ntitle: Fixture no date\noutlet: Fixture Daily\npublished: someday\n---\n"
        "A fixture body.\n",
    )
    df = A.load_articles(p)
    assert len(df) == 1
    assert pd.isna(df["published"].iloc[0])
    assert "does not parse" in report(df)["warnings"].iloc[0]


def test_future_and_old_dates(tmp_path):
    fut = write(
        tmp_path, "future.md", FM_ARTICLE.replace("2024-11-08T09:30:00+01:00", "2099-01-01")
    )
    old = write(
        tmp_path,
        "old.md",
        FM_ARTICLE.replace("2024-11-08T09:30:00+01:00", "2019-05-01").replace(
            "Fixture report", "Old fixture"
        ),
    )
    df = A.load_articles(fut, old)
    rep = report(df).set_index("path")
    warn = {Path(p).name: w for p, w in rep["warnings"].items()}
    assert "implausible" in warn["future.md"]
    assert "before the study period" in warn["old.md"]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_keep_umlauts(tmp_path, encoding):
    text = (
        "---\ntitle: Fixture Grüße aus Köln\noutlet: Fixture Zeitung\npublished: 2024-11-06\n"
        "language: de\n---\nFür die Prüfung geschriebener Absatz über Größe und Maß.\n"
    )
    p = write(tmp_path, f"{encoding}.md", text.encode(encoding))
    df = A.load_articles(p)
    assert df["title"].iloc[0] == "Fixture Grüße aus Köln"
    assert "Prüfung" in df["text"].iloc[0] and "Größe" in df["text"].iloc[0]


def test_utf16_with_bom(tmp_path):
    p = write(tmp_path, "u16.md", FM_ARTICLE.encode("utf-16"))
    assert A.load_articles(p)["title"].iloc[0] == "Fixture report on troops near Kursk"


def test_json_wrong_types_are_reported(tmp_path):
    p = write(
        tmp_path,
        "w.json",
        json.dumps([{"title": ["not", "text"], "text": "x", "outlet": "Fixture"}]),
    )
    df = A.load_articles(p)
    rep = report(df)
    assert rep["status"].tolist() == ["skipped"]
    assert "must be text" in rep["reason"].iloc[0]


def test_readme_in_articles_folder_is_not_an_article(tmp_path):
    write(tmp_path, "README.md", "# How to add articles\n")
    write(tmp_path, "one.md", FM_ARTICLE)
    df = A.load_articles(tmp_path)
    assert len(report(df)) == 1 and len(df) == 1


def test_missing_path_raises():
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        A.load_articles("no-such-folder")


def test_progress_bar_for_many_files(tmp_path, capsys):
    for i in range(TQDM_THRESHOLD + 1):
        body = FM_ARTICLE.replace("Fixture report", f"Fixture {i}")
        write(tmp_path, f"f{i:04d}.md", body.replace("This fixture", f"This fixture ({i})"))
    df = A.load_articles(tmp_path)
    assert len(df) == TQDM_THRESHOLD + 1
    assert "articles" in capsys.readouterr().err


def test_unsafe_feed_is_refused(tmp_path):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss version="2.0"><channel><title>&lol2;</title>'
        "</channel></rss>"
    )
    p = write(tmp_path, "bomb.xml", bomb)
    df = A.load_articles(p)
    assert report(df)["status"].tolist() == ["skipped"]
    assert "unsafe XML" in report(df)["reason"].iloc[0]


# ----------------------------------------------------------------------------- fast paths
# The loader reads common input by shorter routes (plain front matter, bytes-level word count and
# duplicate key, a folder walk); each must give exactly what the general route gives.

PROPS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# characters that YAML treats specially, or that end a line, or that it will not print

def test_front_matter_value_yaml_cannot_build_is_reported_not_raised(tmp_path):
    # before: PyYAML's ValueError (hour 25) escaped load_articles in lenient mode
    head = "---\ntitle: Fixture\noutlet: Fixture Daily\npublished: 2025-01-14T25:00:00Z\n---\n"
    write(tmp_path, "hour.md", head + "fixture body\n")
    df = A.load_articles(tmp_path)
    rep = report(df)
    assert len(df) == 0 and rep.loc[0, "status"] == "skipped"
    assert "front matter has a value YAML cannot read" in rep.loc[0, "reason"]
    with pytest.raises(A.ArticleError, match="hour.md"):
        A.load_articles(tmp_path, strict=True)


def test_discover_walk_equals_sorted_rglob(tmp_path):
    # fixture: names whose string order differs from their path order, hidden and README parts
    names = ["a/b.md", "a-c.md", "a.md", "a/.hidden.md", ".git/x.md", "README.md", "Z.md",
             "docs/readme.txt", "z/Y.json", "a/b/c/d.txt", "x/README/in.md"]  # fmt: skip
    for rel in names:
        write(tmp_path, rel, "---\ntitle: fixture\n---\nfixture\n")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    expected = [
        f for f in sorted(tmp_path.rglob("*"))
        if f.is_file() and not any(IGNORED_NAMES.match(p) for p in f.relative_to(tmp_path).parts)
    ]  # fmt: skip
    assert list(A.discover(tmp_path)) == expected


def test_load_articles_is_parse_file_then_deduplicator_then_to_frame(tmp_path):
    # the loader is the per-file parser, the de-duplication rule and the frame builder, in that
    # order, for a mix of formats, dates, duplicates and skips (the Dask engine relies on it)
    write(tmp_path, "a.md", FM_ARTICLE)
    undated = FM_ARTICLE.replace("published: 2024-11-08T09:30:00+01:00\n", "")
    write(tmp_path, "b.md", undated.replace("in Kyiv", "in Kyiv (fixture b)"))
    same_day = FM_ARTICLE.replace("2024-11-08T09:30:00+01:00", "2024-11-08")
    same_day = same_day.replace("Fixture report", "Second fixture report")
    write(tmp_path, "c.md", same_day.replace("in Kyiv", "in Kyiv (fixture c)"))
    write(tmp_path, "d.md", FM_ARTICLE.upper())  # a duplicate by text
    item = {"title": "Fixture JSON", "body": "Fixture body, Ärger.", "source": "Fixture Daily"}
    write(tmp_path, "e.json", json.dumps([{**item, "date": "2025-01-02T10:00"}]))
    write(tmp_path, "f.txt", SEED.read_text(encoding="utf-8"))
    write(tmp_path, "g.md", "---\ntitle: [broken\n---\nfixture\n")
    df = A.load_articles(tmp_path)
    dedup, records = A.Deduplicator(), []
    for f in A.discover(tmp_path):
        recs, rep = A.parse_file(f)
        keep, _ = dedup.add(rep, [(r["article_id"], A.text_key(r["text"])) for r in recs])
        records += [recs[i] for i in keep]
    pd.testing.assert_frame_equal(df, A.to_frame(records))
    statuses = ["loaded", "loaded", "loaded", "duplicate", "loaded", "loaded", "skipped"]
    assert list(report(df)["status"]) == statuses


# ----------------------------------------------------------------------------- real-file shapes
# tests/fixtures/loaders: files in the encodings and page layouts archives hold (our own words,
# each marked as a fixture; see its README), so that a clone without ../shared tests them too.

LOADERS = Path(__file__).parent / "fixtures" / "loaders"


def one(name: str, **options) -> tuple[dict, dict]:
    recs, row = A.parse_file(LOADERS / name, **options)
    assert row["status"] == "loaded", row
    return recs[0], row


@pytest.mark.parametrize(
    "name,title,language",
    [
        ("feed_cp1251.xml", "Фикстура: учения у границы [windows-1251]", "ru"),
        ("feed_koi8r.rss", "Фикстура: учения у границы [KOI8-R]", "ru"),
        ("feed_koi8u_undeclared.xml", "Фікстура: тестовий матеріал [KOI8-U]", "uk"),
        ("feed_utf16_bom.xml", "Fixture: Grüße aus der Testsammlung [UTF-16 littl]", "de"),
        ("feed_utf32_bom.xml", "Fixture: Grüße aus der Testsammlung [UTF-32 big-e]", "de"),
        ("feed_shift_jis.xml", "フィクスチャ：試験用の記事 [Shift_JIS]", "ja"),
        ("feed_euc_jp_undeclared.xml", "フィクスチャ：試験用の記事 [EUC-JP]", "ja"),
        ("feed_euc_kr.xml", "픽스처: 시험용 기사 제목 [EUC-KR]", "ko"),
    ],
)
def test_feeds_in_legacy_and_wide_encodings_read_right(name, title, language):
    # decoded once: no mojibake, no second decoding by feedparser from the old declaration
    rec, row = one(name)
    assert rec["title"] == title
    assert rec["language"] == language
    assert "\ufffd" not in rec["text"] and "Ð" not in rec["text"] and "Ã" not in rec["text"]
    assert "declared" not in row["warnings"]


def test_decode_reads_declarations_boms_and_detects_the_rest():
    from kursk.articles.decode import as_declared_utf8, decode

    text = '<?xml version="1.0" encoding="windows-1251"?><rss><title>Фикстура</title></rss>'
    d = decode(text.encode("cp1251"), markup="xml")
    assert (d.encoding, d.warnings) == ("cp1251", [])
    assert as_declared_utf8(d.text).startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert as_declared_utf8(d.text, "html").startswith("<rss>")
    for enc in ("utf-16", "utf-32"):  # byte-order marks, and markup without one
        assert decode(text.replace("windows-1251", enc).encode(enc), markup="xml").text.endswith("</rss>")
        plain = text.replace("windows-1251", enc).encode(enc + "-le")
        assert "Фикстура" in decode(plain, markup="xml").text
    bogus = decode(text.replace("windows-1251", "fixture-bogus").encode("utf-8"), markup="xml")
    assert bogus.encoding == "utf-8" and "unknown" in bogus.warnings[0]
    liar = decode(text.replace("windows-1251", "iso-8859-1").encode("utf-8"), markup="xml")
    assert "Фикстура" in liar.text and "bytes are UTF-8" in liar.warnings[0]
    meta = '<html><head><meta charset="koi8-r"><title>Фикстура</title></head></html>'
    assert "Фикстура" in decode(meta.encode("koi8_r"), markup="html").text


@pytest.mark.parametrize("name", ["page_xhtml_latin1.html", "page_cp1251_meta.html"])
def test_pages_declaring_their_encoding_read_right(name):
    rec, _ = one(name)
    assert "Ã" not in rec["text"] and "Ð" not in rec["text"]
    assert ("ß" in rec["text"]) if "latin1" in name else ("абзац" in rec["text"])


def test_tagesschau_page_gives_stamp_kicker_and_title_and_keeps_them_out_of_the_text():
    rec, row = one("page_tagesschau.html")
    assert rec["outlet"] == "tagesschau"  # the seed's outlet, named as the seed names it
    assert rec["kicker"] == "Krieg gegen die Ukraine"
    assert rec["title"] == "Fixture: Übung im Grenzgebiet endet nach zwei Tagen"
    # the "Stand:" stamp, date and time, in Europe/Berlin (not the page's <meta name=date>)
    assert rec["published"] == pd.Timestamp("2024-11-06 12:01", tz="Europe/Berlin")
    assert rec["lead"].startswith("Für die Testsammlung geschriebener Vorspann")
    for line in ("Krieg gegen die Ukraine", "Stand:", "Übung im Grenzgebiet endet", "Vorspann"):
        assert line not in rec["text"], line
    assert row["warnings"] == ""


def test_html_text_has_paragraphs_no_lead_and_the_time_of_day():
    rec, _ = one("page_svg_doctype.html")  # its inline SVG has an empty DTD subset: not refused
    assert rec["title"] == "Fixture herald reports a made-up exercise"  # no " | Fixture Herald"
    assert rec["outlet"] == "Fixture Herald"
    assert rec["published"] == pd.Timestamp("2024-11-08 13:30", tz="UTC")  # 14:30+01:00
    assert rec["lead"] == "A made-up exercise near a made-up border ended after two days, the fixture says."
    assert rec["lead"] not in rec["text"]
    df = A.to_frame([rec])
    assert len(A.paragraphs(df)) == 2
    assert rec["text"].count("\n\n") == 1


def test_split_lead_takes_the_lead_out_of_the_text_once():
    from kursk.articles.records import split_lead

    lead = "A fixture lead sentence that the page repeats in its text."
    body = f"{lead}\n\nA second fixture paragraph."
    assert split_lead(body, lead) == ("A second fixture paragraph.", lead)
    dated = f"FIXTURE CITY (Wire) - {lead}\n\nMore fixture text."
    assert split_lead(dated, lead) == ("More fixture text.", f"FIXTURE CITY (Wire) - {lead}")
    cut = "A fixture lead that the page cuts off in the middle of its ..."
    full = "A fixture lead that the page cuts off in the middle of its sentence, which goes on for a while longer than the slack allows."
    assert split_lead(f"{full}\n\nRest.", cut) == ("Rest.", full)
    long = f"{lead} It goes on with a second sentence that is long enough to stay where it is."
    assert split_lead(long, lead)[0].startswith("It goes on")
    assert split_lead(lead, lead) == (lead, "")  # a text that is only its lead keeps it
    assert split_lead(body, "Unrelated lead of some length") == (body, "Unrelated lead of some length")


def test_articles_outside_the_extractors_languages_are_reported_as_what_they_are():
    rec, row = one("article_polish.md")
    assert rec["language"] == "pl"
    assert "language 'pl' is not one the figure extractor reads" in row["warnings"]
    assert "no figures are extracted" in row["warnings"]
    _, de = one("page_tagesschau.html")
    assert "figure extractor" not in de["warnings"]


@pytest.mark.parametrize(
    "as_given,code", [("de-DE", "de"), ("pt_BR", "pt"), ("ger", "de"), ("English", "en"),
                   ("x-klingon", "other"), ("", "")],
)  # fmt: skip
def test_language_codes_as_files_give_them(as_given, code):
    from kursk.articles.records import language_code

    assert language_code(as_given) == code


def test_the_fixture_folder_loads_with_the_books_balanced():
    df = A.load_articles(LOADERS)
    files = list(A.discover(LOADERS))
    assert_balanced(df, len(files))
    assert set(report(df)["status"]) == {"loaded"}
