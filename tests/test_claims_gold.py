"""The gold set tests/gold/claims.jsonl and the extractor's scores on it."""

from __future__ import annotations

import pytest

from kursk.claims import allowed
from kursk.claims.evaluate import evaluate, load_gold
from kursk.claims.metrics import CURATED_ONLY_METRICS
from kursk.entities import load_entities


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return load_gold()


def test_gold_set_is_well_formed(gold: list[dict]) -> None:
    assert len(gold) >= 150
    names = set(load_entities()["name"]) | {""}
    for item in gold:
        assert item["fixture"] is True and item["source"], item["id"]
        assert item["lang"] in ("de", "en"), item["id"]
        for c in item["claims"]:
            assert c["qualifier"] in allowed("qualifier"), item["id"]
            assert c["metric"] in allowed("metric"), item["id"]
            assert c["kind"] in allowed("kind"), item["id"]
            assert c["claimant"] in names, item["id"]
            assert c["value_low"] <= c["value_high"], item["id"]
            assert isinstance(c["hedged"], bool), item["id"]
    assert len({i["id"] for i in gold}) == len(gold)


def test_gold_set_covers_the_rules(gold: list[dict]) -> None:
    claims = [c for i in gold for c in i["claims"]]
    assert {c["qualifier"] for c in claims} == set(allowed("qualifier"))
    assert {c["metric"] for c in claims} == set(allowed("metric")) - set(CURATED_ONLY_METRICS)
    assert {c["kind"] for c in claims} == set(allowed("kind"))
    assert sum(1 for c in claims if c["value_low"] < c["value_high"]) >= 10  # ranges, vague
    assert sum(1 for i in gold if not i["claims"]) >= 30  # negatives
    n_de = sum(1 for i in gold if i["lang"] == "de")
    assert 0.4 <= n_de / len(gold) <= 0.6
    seed = [i for i in gold if i["source"].startswith("seeds/")]
    assert sum(len(i["claims"]) for i in seed) == 2


def test_scores_on_the_gold_set() -> None:
    s = evaluate()
    assert s["f1"] >= 0.95, s
    assert s["qualifier_accuracy"] >= 0.9, s
    assert s["metric_accuracy"] >= 0.9, s
    assert s["kind_accuracy"] >= 0.9, s
