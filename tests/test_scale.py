"""kursk.scale: the Dask path gives the pandas path's articles, report and claims.

Runs on one LocalCluster (two single-threaded worker processes, as ``scale.local_cluster`` starts
them) shared by the session.
Every article written here is a fixture in the project's own words; its figures are made up.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pandas as pd
import pytest

from kursk import articles as A
from kursk import scale

pytestmark = pytest.mark.dask

SORT = ["published", "article_id"]


@pytest.fixture(scope="session")
def client():
    from distributed import Client

    cluster = scale.local_cluster(2)  # the cluster get_client() starts for users
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def fm(title: str, body: str, *, outlet="Fixture Wire", day="2024-11-07", lang="en") -> str:
    # fixture: a front-matter article written for the tests
    lang_line = f"language: {lang}\n" if lang else ""
    return (
        f"---\ntitle: {title}\noutlet: {outlet}\npublished: {day}T08:00:00Z\n{lang_line}---\n"
        f"{body}\n"
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A folder of fixture files: good ones, duplicates across and within files, bad ones."""
    root = tmp_path_factory.mktemp("corpus")
    for i in range(12):
        (root / f"a{i:02d}.md").write_text(
            fm(
                f"Fixture wire report {i}",
                f"Fixture paragraph {i}: the test suite says {i} units moved near the border.",
                day=f"2024-11-{i + 1:02d}",
            ),
            encoding="utf-8",
        )
    # same text as a03 with other spacing and another title: a duplicate by text
    (root / "b_dupe_text.md").write_text(
        fm(
            "Fixture wire report three again",
            "Fixture  paragraph 3:\nthe test suite says 3 units   moved near the border.",
            day="2024-11-04",
        ),
        encoding="utf-8",
    )
    # same outlet, day and title as a05, new text: a duplicate by article_id
    (root / "c_dupe_id.md").write_text(
        fm("Fixture wire report 5", "A different fixture body for the same id.", day="2024-11-06"),
        encoding="utf-8",
    )
    # a JSON Lines file with one new article and one repeated inside the file
    line = {
        "title": "Fixture lines one",
        "text": "Fixture lines body one, written for the test.",
        "source": "Fixture Lines",
        "date": "2025-01-02T10:00:00Z",
        "lang": "en",
    }
    (root / "d_lines.jsonl").write_text(
        json.dumps(line) + "\n" + json.dumps(line) + "\n", encoding="utf-8"
    )
    # language left to the detector; no date (loads with a warning)
    (root / "e_nodate.md").write_text(
        "---\ntitle: Fixture ohne Datum\noutlet: Fixture Zeitung\n---\n"
        "Dieser Absatz wurde für die Testsammlung geschrieben und nennt keine Zahl.\n",
        encoding="utf-8",
    )
    (root / "f_empty.txt").write_text("", encoding="utf-8")
    (root / "g_bad.json").write_text("{fixture", encoding="utf-8")
    (root / "h_binary.txt").write_bytes(b"\x00\x01fixture\x00" * 10)
    return root


def pandas_result(*paths, **kw) -> pd.DataFrame:
    return A.load_articles(*paths, **kw)


def assert_same(ddf, report, expected: pd.DataFrame) -> None:
    got = ddf.compute().sort_values(SORT, na_position="last").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected.reset_index(drop=True))
    pd.testing.assert_frame_equal(report, expected.attrs["load_report"])


@pytest.mark.parametrize("npartitions", [2, 7])
def test_dask_equals_pandas_across_partitions(client, corpus, npartitions):
    expected = pandas_result(corpus)
    ddf, report = scale.load_articles(corpus, client=client, npartitions=npartitions)
    assert ddf.npartitions == npartitions
    assert_same(ddf, report, expected)
    status = report["status"].value_counts().to_dict()
    assert status == {"loaded": 14, "skipped": 3, "duplicate": 2}
    assert len(report) == len(list(A.discover(corpus)))


def test_dask_streaming_mode_equals_pandas(client, corpus):
    expected = pandas_result(corpus)
    ddf, report = scale.load_articles(corpus, client=client, npartitions=4, persist=False)
    assert_same(ddf, report, expected)


def test_paths_given_one_by_one_load_as_the_folder_does(client, corpus):
    expected = pandas_result(corpus)
    ddf, report = scale.load_articles(*A.discover(corpus), client=client, npartitions=3)
    assert_same(ddf, report, expected)


def test_dedup_rule_is_the_same_when_ids_and_texts_chain(client, tmp_path):
    # fixture: x and y share a text, y and z share an id; the first-seen rule keeps x and z
    (tmp_path / "x.md").write_text(fm("Fixture chain x", "Fixture chain text one."))
    (tmp_path / "y.md").write_text(fm("Fixture chain y", "Fixture chain text one."))
    (tmp_path / "z.md").write_text(fm("Fixture chain y", "Fixture chain text two."))
    expected = pandas_result(tmp_path)
    assert sorted(expected["title"]) == ["Fixture chain x", "Fixture chain y"]
    ddf, report = scale.load_articles(tmp_path, client=client, npartitions=3)
    assert_same(ddf, report, expected)


def test_strict_error_crosses_the_process_boundary(client, corpus):
    with pytest.raises(A.ArticleError) as err:
        scale.load_articles(corpus, client=client, strict=True, npartitions=2)
    assert err.value.path.endswith(".md") or err.value.path.endswith(".jsonl")
    assert err.value.reason


def test_strict_duplicate_is_an_error_on_dask_too(client, tmp_path):
    (tmp_path / "a.md").write_text(fm("Fixture strict", "Fixture strict body."))
    (tmp_path / "b.md").write_text(fm("Fixture strict", "Fixture strict body."))
    with pytest.raises(A.ArticleError, match="b.md: duplicate"):
        scale.load_articles(tmp_path, client=client, strict=True, npartitions=2)


def test_without_a_client_the_current_default_client_is_used(client, corpus):
    assert scale.get_client() is client
    ddf, report = scale.load_articles(corpus, npartitions=2, persist=False)
    assert_same(ddf, report, pandas_result(corpus))


def test_no_files_gives_an_empty_typed_frame(client, tmp_path):
    ddf, report = scale.load_articles(tmp_path, client=client)
    assert len(report) == 0
    pd.testing.assert_frame_equal(ddf.compute(), A.to_frame([]))


def test_parquet_round_trip_pandas_and_dask(client, corpus, tmp_path):
    df = pandas_result(corpus)
    path = A.to_parquet(df, tmp_path / "articles.parquet")
    back = A.read_parquet(path)
    pd.testing.assert_frame_equal(back, df)
    pd.testing.assert_frame_equal(back.attrs["load_report"], df.attrs["load_report"])
    assert str(back["published"].dtype) == "datetime64[ns, UTC]"
    assert str(back["text"].dtype) == "string"
    assert back["text"].dtype.storage == "pyarrow"

    lazy = scale.read_parquet(path)
    pd.testing.assert_frame_equal(lazy.compute().reset_index(drop=True), df)

    ddf, _ = scale.load_articles(corpus, client=client, npartitions=3)
    folder = A.to_parquet(ddf, tmp_path / "parts")
    assert len(list(folder.glob("*.parquet"))) == 3
    again = scale.read_parquet(folder).compute()
    got = again.sort_values(SORT, na_position="last").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, df)


def test_claims_on_dask_equal_claims_on_pandas(client, corpus):
    from kursk import claims

    df = pandas_result(corpus)
    expected = claims.claims_from_articles(df)
    ddf, _ = scale.load_articles(corpus, client=client, npartitions=3)
    got = scale.claims(ddf).compute()
    keys = [c for c in ("article_id", "start", "end") if c in expected.columns]
    pd.testing.assert_frame_equal(
        got.sort_values(keys).reset_index(drop=True),
        expected.sort_values(keys).reset_index(drop=True),
    )


# --------------------------------------------------------------------------- no cluster needed


def test_article_error_pickles_with_path_and_reason():
    err = pickle.loads(pickle.dumps(A.ArticleError("data/x.md", "fixture reason")))
    assert (err.path, err.reason, str(err)) == ("data/x.md", "fixture reason", "data/x.md: fixture reason")


def test_local_cluster_workers_are_single_threaded(client):
    assert {w["nthreads"] for w in client.scheduler_info()["workers"].values()} == {1}
    assert len(client.scheduler_info()["workers"]) == 2
