"""The batch path of load_articles (plain front-matter files read in bulk, with Arrow compute)
against the per-file path it stands in for, on generated files: the frames, load reports and
errors must be the same, on both engines' batch function."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursk import articles as A
from kursk import scale


def _per_file_only(monkeypatch):
    monkeypatch.setattr(A, "_plain_rows", lambda paths, **_: (np.full(len(paths), -1), {}))


def test_plain_class_is_what_is_derived():
    assert A._plain_class() == A._PLAIN_CLASS


def test_plain_class_holds_only_characters_normalisation_leaves_alone():
    body = re.sub(r"\\x\{([0-9a-f]+)\}", lambda m: f"\\U{int(m[1], 16):08x}", A._PLAIN_CLASS)
    allowed = re.compile(f"[{body}]")
    seconds = set()
    for cp in range(0x110000):
        dec = unicodedata.decomposition(chr(cp))
        if dec and not dec.startswith("<") and len(dec.split()) == 2:
            seconds.add(chr(int(dec.split()[1], 16)))
    seconds |= {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}
    for cp in range(0x30000):
        ch = chr(cp)
        if not allowed.fullmatch(ch):
            continue
        assert unicodedata.combining(ch) == 0 and not ch.isspace(), hex(cp)
        assert unicodedata.normalize("NFKC", ch) == ch and ch not in seconds, hex(cp)


def _plain_chars() -> list[str]:
    body = re.sub(r"\\x\{([0-9a-f]+)\}", lambda m: f"\\U{int(m[1], 16):08x}", A._PLAIN_CLASS)
    allowed = re.compile(f"[{body}]")
    return [chr(c) for c in range(0x2150) if allowed.fullmatch(chr(c))]


_WORD = st.text(st.sampled_from(_plain_chars()), min_size=1, max_size=8)
_PLAIN_TEXT = st.lists(st.tuples(_WORD, st.sampled_from([" ", "\n", "\n\n"])), min_size=1).map(
    lambda parts: "".join(w + sep for w, sep in parts).rstrip()
)


@settings(max_examples=300, deadline=None)
@given(_PLAIN_TEXT | st.text(st.sampled_from("aAßẞSsÄäΣσςİı \n"), min_size=1).map(str.strip))
def test_bulk_word_count_and_key_equal_the_per_file_ones(text):
    if not text or "  " in text or " \n" in text or "\n " in text or "\n\n\n" in text:
        return  # not a text the bulk path reads
    assert A._bulk_count_and_key(text.encode("utf-8")) == (A.count_words(text), A.text_key(text))


@pytest.mark.parametrize("seed", range(6))
def test_batch_path_equals_per_file_path(tmp_path, monkeypatch, seed):
    rng = random.Random(seed)
    _corpus(tmp_path, rng, 120)
    options = [{}, {"strict": True}, {"outlet": "Other"}, {"language": "en"}]
    bulk = [_load(tmp_path, **o) for o in options]
    _per_file_only(monkeypatch)
    for o, got in zip(options, bulk, strict=True):
        want = _load(tmp_path, **o)
        assert got[0] == want[0], o
        if got[0] == "ok":
            pd.testing.assert_frame_equal(got[1], want[1], check_exact=True)
            pd.testing.assert_frame_equal(got[2], want[2], check_exact=True)
        else:
            assert got[1:] == want[1:]


def test_bulk_path_takes_the_plain_files(tmp_path):
    _corpus(tmp_path, random.Random(0), 60, tricky=0.0)
    rows, _ = A._plain_rows([p for p, _ in A._discover_shown(tmp_path)], outlet=None, language=None)
    assert (rows >= 0).mean() > 0.5


@pytest.mark.parametrize("seed", range(2))
def test_dask_batch_records_equal_parse_file(tmp_path, seed):
    _corpus(tmp_path, random.Random(seed), 80)
    files = [str(p) for p in A.discover(tmp_path)]
    for options in ({}, {"outlet": "Other", "language": "en"}):
        records, keys, reports = scale.parse_batch(files, **options)
        want = [A.parse_file(f, **options) for f in files]
        assert reports == [rep for _, rep in want]
        assert records == [rec for recs, _ in want for rec in recs]
        assert [len(k) for k in keys] == [len(recs) for recs, _ in want]


def _load(folder, **options):
    try:
        df = A.load_articles(folder, progress=False, **options)
    except Exception as e:  # noqa: BLE001 - compared with the other path's
        return ("error", type(e).__name__, str(e))
    return ("ok", df, df.attrs["load_report"])


# Fixture sentences and values, written for these tests (not news; no figure here is a claim).
_NORMAL = [
    "Die Truppen kamen im Oktober an.",
    "Südkorea schätzt 11.000 Mann.",
    "STRASSE und straße.",
    "Ärger über Übergriffe.",
    "Er sagte: „Wir wissen es nicht.“",
    "Пхеньян отправил войска.",
    "ΣΟΦΙΑ σοφια.",
    "# Heading",
    "Kurz",
    "x" * 50,
]
_TRICKY = [
    "İstanbul ı",
    "ﬁne",
    "Kelvin \u212a",
    "a\u00a0b",
    "Tab\tin",
    "e\u0301",
    "🙂",
    "북한",
    "Line\u2028sep",
    "Ctl\x07",
    "ẞ ſ µ ς",
    "Ǆ ǅ",
    "ŉ ǰ ΐ",
]
_VALUES = [
    "Straße",
    "ẞ",
    "İ",
    "2024-10-05T10:00:00Z",
    "2023-05-05T10:00:00Z",
    "2099-01-01T00:00:00Z",
    "2024-02-30T10:00:00Z",
    "0000-01-01T00:00:00Z",
    "2024-10-05",
    "yes",
    "null",
    "~",
    "12",
    "a: b",
    "a #b",
    "ends:",
    "'q'",
    "- d",
    "tagesschau",
    "EN",
    "cafe\u0301",
    "ﬁ",
    "x  y",
]
_KEYS = [
    "title",
    "Title",
    "headline",
    "outlet",
    "source",
    "url",
    "published",
    "date",
    "language",
    "lang",
    "kicker",
    "lead",
    "summary",
    "note",
    "text",
    "yes",
]


def _corpus(folder: Path, rng: random.Random, n: int, tricky: float = 0.05) -> None:
    made: list[str] = []
    for i in range(n):
        if made and rng.random() < 0.08:
            text = rng.choice(made)
            text = text.upper() if rng.random() < 0.5 else text
        else:
            lines = [
                f"title: Artikel {rng.randint(0, 40)}",
                "outlet: synthetic",
                f"published: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:00:00Z",
                "language: de",
            ]
            lines = [x for x in lines if rng.random() > tricky]
            lines += [
                f"{rng.choice(_KEYS)}: {rng.choice(_VALUES)}"
                for _ in range(rng.random() < tricky * 4)
            ]
            rng.shuffle(lines)
            paras = [
                " ".join(
                    rng.choice(_TRICKY if rng.random() < tricky else _NORMAL)
                    for _ in range(rng.randint(1, 4))
                )
                for _ in range(rng.randint(0, 4))
            ]
            sep = rng.choice(["\n\n"] * 20 + ["\n", "\n\n\n", "\n \n", " \n\n"])
            end = rng.choice(["\n"] * 20 + ["", "\n\n", "\n\n\n", " \n"])
            text = "---\n" + "\n".join(lines) + "\n---\n" + sep.join(paras) + end
        made.append(text)
        data = text.encode("utf-8")
        if rng.random() < tricky:
            data = rng.choice(
                [b"\xef\xbb\xbf" + data, data.replace(b"\n", b"\r\n"), data + b"\xc3"]
            )
        (folder / f"f{i:04d}{rng.choice(['.md'] * 6 + ['.txt', '.MD'])}").write_bytes(data)


def test_dask_partition_of_several_batches_equals_pandas(tmp_path, monkeypatch):
    # the Dask path's per-partition functions, run here: several batches in one partition, with
    # duplicates (so the partition's frame drops rows)
    _corpus(tmp_path, random.Random(3), 60)
    monkeypatch.setattr(A, "BATCH_FILES", 7)
    want = A.load_articles(tmp_path, progress=False)
    files = [str(p) for p in A.discover(tmp_path)]
    options = {"strict": False, "outlet": None, "language": None, "kickers": ()}
    calls = []
    parse_batch = A._parse_batch
    monkeypatch.setattr(
        A, "_parse_batch", lambda part, **o: calls.append(1) or parse_batch(part, **o)
    )
    part = scale._parse_part(scale._Files(scale._pairs(files)), options)
    assert len(calls) == 9
    rows: list = []
    (keep,) = scale._keeps([scale._scan_of(part)], False, rows)
    assert len(keep) == len(want) < len(part.frame)
    pd.testing.assert_frame_equal(scale._take(part, keep), want, check_exact=True)
    pd.testing.assert_frame_equal(scale._report(rows), want.attrs["load_report"], check_exact=True)
    # keeping every article gives the partition's frame itself
    assert scale._take(part, list(range(len(part.frame)))) is part.frame


def test_files_read_without_readv_give_the_same_frame(tmp_path, monkeypatch):
    _corpus(tmp_path, random.Random(4), 40)
    want = A.load_articles(tmp_path, progress=False)
    monkeypatch.setattr(A, "_READV", None)
    got = A.load_articles(tmp_path, progress=False)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    pd.testing.assert_frame_equal(got.attrs["load_report"], want.attrs["load_report"])


def test_a_read_buffer_still_referenced_elsewhere_does_no_harm(tmp_path, monkeypatch):
    # A Dask worker's sampling profiler may hold a finished frame, and so the memoryview slice it
    # read into, for a moment; the loader must not then resize the buffer behind it (once an
    # intermittent BufferError on the Dask path). Here every slice is held on purpose, and three
    # long files make the buffer grow.
    _corpus(tmp_path, random.Random(5), 40)
    for i in range(3):
        body = f"Fixture filler sentence {i} for a long article.\n\n" * 4000  # about 180 kB
        (tmp_path / f"long{i}.md").write_text(
            f"---\ntitle: Fixture long {i}\noutlet: Fixture\nlanguage: en\n"
            f"date: 2024-11-0{i + 1}T00:00:00Z\n---\n{body}"
        )
    want = A.load_articles(tmp_path, progress=False)
    held = []
    read_into = A._read_into

    def holding(fd, into):
        held.append(into)
        return read_into(fd, into)

    monkeypatch.setattr(A, "_read_into", holding)
    got = A.load_articles(tmp_path, progress=False)
    assert len(held) >= 30
    assert got["title"].str.startswith("Fixture long").sum() == 3
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    pd.testing.assert_frame_equal(got.attrs["load_report"], want.attrs["load_report"])


def test_gc_paused_restores_the_collector(tmp_path):
    import gc

    assert gc.isenabled()
    with A.gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), A.gc_paused():
        raise RuntimeError("fixture")
    assert gc.isenabled()
    gc.disable()
    try:
        with A.gc_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(A.ArticleError):
        A.load_articles(tmp_path, strict=True, progress=False)
    assert gc.isenabled()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(st.sampled_from("abcdefgh"), st.sampled_from("pqrstuvw"), st.booleans()),
            max_size=12,
        ),
        max_size=5,
    )
)
def test_add_files_equals_adding_file_by_file(batches):
    # fixture keys: (article_id, text key, whether the file's report row is given in full);
    # few distinct values, so ids and texts collide within and across batches (or, often, not:
    # then add_files takes its all-kept shortcut)
    fast, slow = A.Deduplicator(), A.Deduplicator()
    for batch in batches:
        keys = [[(aid, tkey)] for aid, tkey, _ in batch]
        reports = [
            {**A._loaded_row(f"f{i}.md"), "warnings": "w"} if full else f"f{i}.md"
            for i, (_, _, full) in enumerate(batch)
        ]
        keep, rows = fast.add_files(keys, reports)
        want_keep, want_rows = [], []
        for i, (k, rep) in enumerate(zip(keys, reports, strict=True)):
            kept, row = slow.add(A._loaded_row(rep) if type(rep) is str else rep, k)
            want_keep += [i] if kept else []
            want_rows.append(tuple(row[c] for c in A.REPORT_COLUMNS))
        assert (keep, rows) == (want_keep, want_rows)
        assert (fast.ids, fast.texts) == (slow.ids, slow.texts)
