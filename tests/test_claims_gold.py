"""The gold set (tests/gold/<split>/<lang>.jsonl, labelled by tests/gold/GUIDE.md): its form, and
the extractor's scores on the dev split held at a floor."""

from __future__ import annotations

import re

import pytest

from kursk.claims import CURATED_ONLY_METRICS, DEFAULT_THRESHOLD
from kursk.claims.evaluate import (
    CLAIM_KEYS,
    ITEM_KEYS,
    VALIDATION,
    compare,
    confidence_table,
    gold_dir,
    load_gold,
    predictions,
    scores,
)
from kursk.data import load_entities
from kursk.schema import allowed
from kursk.text import LANGUAGES

#: Ids of the items that came from the first (English and German) gold set, kept as they were.
LEGACY_ID = re.compile(r"(?:en|de|ho_en|ho_de|seed)\d{3}")
#: Ids of the validation items (tests/gold/dev/<lang>-validation.jsonl, part of dev) and of the
#: fresh items (tests/gold/dev/<lang>-fresh.jsonl, part of dev).
VALIDATION_ID = re.compile(r"[vf]-(?:en|de|ru|uk|ko|fr)-\d{3}")


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return load_gold("all")


def test_every_item_follows_the_guide(items: list[dict]) -> None:
    names = set(load_entities()["name"]) | {""}
    enums = {k: set(allowed("claims", k)) for k in ("qualifier", "metric", "kind")}
    seen = set()
    for item in items:
        iid = item["id"]
        assert iid not in seen, f"duplicate id {iid}"
        seen.add(iid)
        assert set(ITEM_KEYS) <= set(item) <= set(ITEM_KEYS) | {"note", "split"}, iid
        assert item["lang"] in LANGUAGES and item["fixture"] is True, iid
        prefix = {"dev": "d", "calibration": "c", "blind": "b"}[item["split"]]
        assert re.fullmatch(rf"{prefix}-{item['lang']}-\d{{3}}", iid) or (
            prefix == "d" and (LEGACY_ID.fullmatch(iid) or (VALIDATION_ID.fullmatch(iid)
                                                            and iid[2:4] == item["lang"]))), iid
        assert all(isinstance(item[k], str) for k in ("title", "text", "models")), iid
        assert item["text"].strip(), iid
        for c in item["claims"]:
            assert set(c) == set(CLAIM_KEYS), iid
            assert isinstance(c["value_low"], int) and isinstance(c["value_high"], int), iid
            assert 2 <= c["value_low"] <= c["value_high"], iid
            for k, allowed_values in enums.items():
                assert c[k] in allowed_values, (iid, k, c[k])
            assert c["metric"] not in CURATED_ONLY_METRICS, iid
            assert c["claimant"] in names, (iid, c["claimant"])
            assert isinstance(c["hedged"], bool), iid


def test_the_dev_split_covers_every_language_and_rule(items: list[dict]) -> None:
    dev = [i for i in items if i["split"] == "dev"]
    for lang in LANGUAGES:
        mine = [i for i in dev if i["lang"] == lang]
        assert len(mine) >= 35, lang
        assert sum(1 for i in mine if not i["claims"]) >= 5, lang  # negatives
    claims = [c for i in dev for c in i["claims"]]
    assert {c["qualifier"] for c in claims} == set(allowed("claims", "qualifier"))
    assert {c["metric"] for c in claims} == set(allowed("claims", "metric")) - set(
        CURATED_ONLY_METRICS) - {"at_border"}
    assert {c["kind"] for c in claims} >= {"count", "forecast", "period"}
    assert sum(1 for c in claims if c["value_low"] < c["value_high"]) >= 20  # ranges, vague


def test_blind_split_is_kept_apart() -> None:
    folder = gold_dir() / "blind"
    if not folder.is_dir():
        pytest.skip("tests/gold/blind/ is not here (the blind split is added by the lead)")
    blind, dev, calibration = load_gold("blind"), load_gold("dev"), load_gold("calibration")
    for one, other in ((blind, dev), (calibration, dev), (calibration, blind)):
        assert not {i["id"] for i in one} & {i["id"] for i in other}
        assert not {i["text"] for i in one} & {i["text"] for i in other}
    for lang in LANGUAGES:  # issue #18: the blind part is at least 40 % of each language's blind and
        # dev items (the calibration items, never tuned on either, count apart)
        b = sum(i["lang"] == lang for i in blind)
        assert b >= 0.4 * (b + sum(i["lang"] == lang for i in dev)), lang


#: Floors the dev scores are held at (raise them, never lower them): the items of
#: ``<lang>.jsonl``; apart, the validation items of ``<lang>-validation.jsonl`` (added to dev on
#: 7 Dec 2026 after their first reading) and the fresh items of ``<lang>-fresh*.jsonl`` (de, ru,
#: uk, ko: added to dev on 7 Dec 2026 after their first reading; tests/gold/README.md). The uk fresh
#: floors were set anew when uk-fresh-4 and -5 (80 harder items) joined the part, the de ones
#: when de-fresh-2 (40 items weighted towards claimants) did; ko-fresh and ko-fresh-2 came with
#: them; the ko ones were raised when ko-fresh-3 had been read and tuned on, and held (uk, ko) or
#: raised (ru) when uk-fresh-6 and ko-fresh-4 joined; uk kind set anew (0.89) when uk-fresh-7 did;
#: en and fr first set, de set anew, when en-fresh, fr-fresh and de-fresh-3 (120 items on the hardest
#: structures, BRIEF-13.md) joined on 7 Dec 2026; en, fr raised after en-fresh-2 and fr-fresh-2
#: (BRIEF-14.md) were tuned on; de, ko set anew when de-fresh-4 and ko-fresh-5 (BRIEF-15.md,
#: claimants) joined; en and fr raised when en-fresh-3 and fr-fresh-3 (BRIEF-16.md, metrics and
#: kinds) joined and had been tuned on; de and uk raised, ko metric and claimant set anew (kind
#: raised), when de-fresh-5, uk-fresh-9 and ko-fresh-6 (BRIEF-17.md, kinds) joined and were tuned on;
#: en and ru set anew (en kind raised), fr raised, when en-fresh-4, ru-fresh-2 and fr-fresh-4
#: (BRIEF-18.md, metrics and claimants) joined and were tuned on; de and ko set anew (de kind and ko
#: claimant raised), uk held, when de-fresh-6, uk-fresh-10 and ko-fresh-7 (BRIEF-19.md) joined;
#: en and fr set anew (fr claimant raised) when en-fresh-5 and fr-fresh-5 (BRIEF-20.md) joined;
#: de, ru, uk and ko set anew when de-fresh-7, ru-fresh-3, uk-fresh-11 and ko-fresh-8
#: (BRIEF-21.md, claimants and kinds) joined and were tuned on; en, fr and ru set anew (de kind,
#: uk kind, ko claimant and kind raised) when en-fresh-6, fr-fresh-6 and ru-fresh-4 (BRIEF-22.md)
#: joined and all seven sets of the two rounds had been tuned on; de, uk and ko set anew when
#: de-fresh-8, uk-fresh-12 and ko-fresh-9 (BRIEF-23.md) joined and were tuned on; en held, de
#: and fr set anew (fr metric and qualifier raised), ru and uk kind raised (dev, validation and
#: fresh) and ko validation kind raised, when en-fresh-7, fr-fresh-7 and de-fresh-9 (BRIEF-24.md)
#: joined and were tuned on; ru and ko set anew (ru claimant raised), uk held, when ru-fresh-5,
#: uk-fresh-13 and ko-fresh-10 (BRIEF-25.md) joined and were tuned on; en and fr set anew (en
#: kind raised), de, uk and ko fresh kind raised, when en-fresh-8 and fr-fresh-8 (BRIEF-26.md)
#: joined and were tuned on; de, fr and ko fresh set anew, and every floor below its score raised
#: to it (at most 0.99), when de-fresh-10, fr-fresh-9 and ko-fresh-11 (BRIEF-27.md, claimants)
#: joined and were tuned on; en, ru and uk fresh set anew when en-fresh-9, ru-fresh-6 and
#: uk-fresh-14 (BRIEF-28.md) joined and were tuned on.
FLOORS = {
    "en": {"f1": 0.99, "metric": 0.98, "qualifier": 0.99, "claimant": 0.98, "kind": 0.98, "hedged": 0.99},
    "de": {"f1": 0.99, "metric": 0.99, "qualifier": 0.99, "claimant": 0.97, "kind": 0.98, "hedged": 0.99},
    "ru": {"f1": 0.97, "metric": 0.97, "qualifier": 0.99, "claimant": 0.93, "kind": 0.98, "hedged": 0.95},
    "uk": {"f1": 0.99, "metric": 0.96, "qualifier": 0.99, "claimant": 0.92, "kind": 0.95, "hedged": 0.98},
    "ko": {"f1": 0.99, "metric": 0.98, "qualifier": 0.99, "claimant": 0.94, "kind": 0.97, "hedged": 0.99},
    "fr": {"f1": 0.98, "metric": 0.97, "qualifier": 0.97, "claimant": 0.95, "kind": 0.96, "hedged": 0.96},
}
VALIDATION_FLOORS = {
    "en": {"f1": 0.99, "metric": 0.99, "qualifier": 0.98, "claimant": 0.97, "kind": 0.97, "hedged": 0.98},
    "de": {"f1": 0.99, "metric": 0.99, "qualifier": 0.99, "claimant": 0.93, "kind": 0.98, "hedged": 0.94},
    "ru": {"f1": 0.99, "metric": 0.97, "qualifier": 0.97, "claimant": 0.91, "kind": 0.95, "hedged": 0.98},
    "uk": {"f1": 0.99, "metric": 0.98, "qualifier": 0.99, "claimant": 0.91, "kind": 0.97, "hedged": 0.98},
    "ko": {"f1": 0.99, "metric": 0.97, "qualifier": 0.99, "claimant": 0.92, "kind": 0.93, "hedged": 0.92},
    "fr": {"f1": 0.99, "metric": 0.99, "qualifier": 0.97, "claimant": 0.90, "kind": 0.98, "hedged": 0.97},
}
FRESH_FLOORS = {
    "en": {"f1": 0.93, "metric": 0.91, "qualifier": 0.98, "claimant": 0.91, "kind": 0.93, "hedged": 0.97},
    "de": {"f1": 0.95, "metric": 0.91, "qualifier": 0.99, "claimant": 0.88, "kind": 0.92, "hedged": 0.97},
    "ru": {"f1": 0.94, "metric": 0.89, "qualifier": 0.97, "claimant": 0.89, "kind": 0.93, "hedged": 0.98},
    "uk": {"f1": 0.95, "metric": 0.91, "qualifier": 0.98, "claimant": 0.92, "kind": 0.94, "hedged": 0.97},
    "ko": {"f1": 0.95, "metric": 0.91, "qualifier": 0.98, "claimant": 0.90, "kind": 0.93, "hedged": 0.96},
    "fr": {"f1": 0.94, "metric": 0.87, "qualifier": 0.98, "claimant": 0.89, "kind": 0.92, "hedged": 0.96},
}


def _scores(items: list[dict], lang: str) -> dict[str, float]:
    s = scores(compare(items, lang=lang))
    return {"f1": s["f1"], "metric": s["metric_accuracy"], "qualifier": s["qualifier_accuracy"],
            "claimant": s["claimant_accuracy"], "kind": s["kind_accuracy"],
            "hedged": s["hedged_accuracy"]}  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dev_scores_hold_their_floor(lang: str) -> None:
    dev = load_gold("dev")
    parts = {"dev": [i for i in dev if not VALIDATION_ID.fullmatch(i["id"])],
             VALIDATION: [i for i in dev if i["id"].startswith("v-")],
             "fresh": [i for i in dev if i["id"].startswith("f-")]}  # fmt: skip
    for part, floors in (("dev", FLOORS), (VALIDATION, VALIDATION_FLOORS), ("fresh", FRESH_FLOORS)):
        if lang not in floors:
            continue
        got = _scores(parts[part], lang)
        low = {k: (round(got[k], 3), v) for k, v in floors[lang].items() if got[k] < v}
        assert not low, f"{lang}, {part}: below the floor (got, floor): {low}"


def test_confidence_is_calibrated_on_the_calibration_split() -> None:
    """On the calibration split, where the weights were fitted (issue #19): the mean confidence
    is the share of figures right (value and metric), the more confident half is right more
    often than all, and DEFAULT_THRESHOLD keeps no figure unless 97 % of those it keeps are right;
    on dev too, the more confident half is right more often."""
    cmp = compare(load_gold("calibration"))
    if cmp.empty:
        pytest.skip("tests/gold/calibration/ is not here")
    pred = predictions(cmp)
    assert abs(pred["confidence"].mean() - pred["right"].mean()) <= 0.02
    top = confidence_table(cmp, thresholds=(0.0, pred["confidence"].median(), DEFAULT_THRESHOLD))
    assert top["precision"][1] >= top["precision"][0] + 0.05, top
    assert top["kept"][2] == 0 or top["precision"][2] >= 0.97, top
    dev = predictions(compare(load_gold("dev")))
    high = dev[dev["confidence"] >= dev["confidence"].median()]
    assert high["right"].mean() >= dev["right"].mean() + 0.02
