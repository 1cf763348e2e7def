"""extract_claims on the seed, on single sentences and on an articles frame."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from kursk.claims import allowed, claims_from_articles, empty_claims, extract_claims
from kursk.claims.attribution import mentions
from kursk.claims.extract import CLAIM_COLUMNS, article_text, sentence_starts
from kursk.claims.metrics import _TROOP, TROOP_STEMS
from kursk.entities import find_mentions
from kursk.paths import seeds_dir

SEED = seeds_dir() / "000_6345d31efac55afa.txt"


def test_seed_gives_exactly_the_two_figures() -> None:
    text = SEED.read_text(encoding="utf-8")
    df = extract_claims(text)
    got = df[["value_low", "value_high", "qualifier", "metric", "claimant", "hedged"]]
    assert got.astype(str).values.tolist() == [
        ["15000.0", "15000.0", "up_to", "deployed", "Government of Ukraine", "True"],
        ["15000.0", "15000.0", "up_to", "in_kursk", "Rustem Umerov", "True"],
    ]
    assert [text[s:e] for s, e in zip(df["start"], df["end"], strict=True)] == ["15.000", "15.000"]
    assert set(df["lang"]) == {"de"}
    assert "24 Jahren" in text and "12:01" in text  # the negatives are there, and not reported
    # "könnten sich in Russland befinden" is a hedged count; "könnten eingesetzt werden" a
    # possible deployment, as data/claims.csv files Umerov's 15,000 (c018)
    assert list(df["kind"].astype(str)) == ["count", "forecast"]


def test_schreibt_attributes_a_figure() -> None:
    # fixture: "schreibt" introduces the claimant as "sagte" does
    df = extract_claims("Mehr als 600 nordkoreanische Soldaten fielen im ersten Monat, schreibt "
                        "das britische Verteidigungsministerium.", lang="de")
    assert list(df["claimant"]) == ["Ministry of Defence (United Kingdom)"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [  # fixtures, written for this test
        ("A second contingent of 3,000 North Korean soldiers reached Kursk, Zelensky said.", "en"),
        ("Ein zweites Kontingent von 3.000 nordkoreanischen Soldaten traf in Kursk ein.", "de"),
    ],
)
def test_a_second_contingent_is_a_further_batch(text: str, lang: str) -> None:
    assert list(extract_claims(text, lang=lang)["metric"].astype(str)) == ["additional_deployed"]


def test_will_names_a_claimant_only_with_a_perfect_infinitive() -> None:
    # fixtures: "will ... haben" is a claim by the subject; "will ... entsenden" is a plan
    claim = extract_claims("Eine ukrainische Drohneneinheit will 14 nordkoreanische Soldaten "
                           "verwundet haben.", lang="de")
    assert list(claim["claimant"]) == ["Government of Ukraine"]
    plan = extract_claims("Nordkorea will nach Angaben aus Kiew weitere 8.000 Soldaten "
                          "entsenden.", lang="de")
    assert list(plan["claimant"]) == ["Government of Ukraine"]
    assert list(plan["kind"].astype(str)) == ["forecast"]


@pytest.mark.parametrize(
    ("text", "lang", "kinds"),
    [  # fixtures, written for this test
        ("North Korea could send 5,000 more soldiers, Kyiv said.", "en", ["forecast"]),
        ("About 3,000 North Korean troops are expected to reach Kursk soon.", "en", ["forecast"]),
        ("North Korean soldiers may already number 11,000 in Russia.", "en", ["count"]),
        ("At least 500 North Korean soldiers were killed in a single day.", "en", ["period"]),
        ("Dozens of North Korean soldiers died in one failed assault.", "en", ["period"]),
        ("North Korea has sent 3,000 soldiers and 10,000 more North Korean troops are expected "
         "by December.", "en", ["count", "forecast"]),
        ("Nordkorea soll 3.000 Soldaten nach Russland geschickt haben.", "de", ["count"]),
        ("Weitere 2.000 nordkoreanische Soldaten sollen im Frühjahr folgen.", "de", ["forecast"]),
        ("Binnen eines Tages fielen 200 nordkoreanische Soldaten.", "de", ["period"]),
        ("Eine Einheit will 30 nordkoreanische Soldaten getötet haben.", "de", ["count"]),
        # "by the end of the year" ends the figure's noun phrase: the figure is still found
        ("The North Korean forces could number 9,000 by the end of the year, Kyiv said.", "en",
         ["forecast"]),
    ],
)
def test_kind_tells_counts_forecasts_and_periods(text: str, lang: str, kinds: list[str]) -> None:
    assert list(extract_claims(text, lang=lang)["kind"].astype(str)) == kinds


def test_frame_types_come_from_the_schema() -> None:
    df = empty_claims()
    assert list(df.columns) == CLAIM_COLUMNS
    assert list(df["qualifier"].cat.categories) == list(allowed("qualifier"))
    assert list(df["metric"].cat.categories) == list(allowed("metric"))
    assert list(df["kind"].cat.categories) == list(allowed("kind"))
    df = extract_claims("Up to 15,000 North Korean soldiers are in Russia, Zelensky said.")
    assert df["qualifier"].dtype == empty_claims()["qualifier"].dtype
    assert df["hedged"].dtype == bool and df["start"].dtype == "int64"


def test_nothing_found_is_an_empty_frame_with_the_columns() -> None:
    df = extract_claims("Putin traf Kim Jong Un am 19. Juni 2024 in Pjöngjang.", lang="de")
    assert df.empty and list(df.columns) == CLAIM_COLUMNS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The 26-year-old North Korean soldier was captured in Kursk.", "en"),
        ("Es war Putins erste Reise nach Nordkorea seit 24 Jahren.", "de"),
        ("North Korea was paid $20 billion, and 8 ships carried North Korean soldiers.", "en"),
        ("Russland hat 50.000 russische Soldaten gegen Nordkoreas Feinde eingesetzt.", "de"),
        ("A significant number of North Korean soldiers were killed.", "en"),
        ("Eine beträchtliche Anzahl nordkoreanischer Soldaten wurde getötet.", "de"),
        ("The North Korean troops marched 30 kilometres on 4 November 2024.", "en"),
    ],
)
def test_negatives(text: str, lang: str) -> None:
    assert extract_claims(text, lang=lang).empty


def test_qualifiers_metrics_and_attribution_in_one_sentence() -> None:
    text = (
        "About 300 North Korean soldiers have been killed and 2,700 wounded, "
        "lawmaker Lee Seong-kweun said, citing the NIS."
    )
    df = extract_claims(text, lang="en")
    assert df["value_low"].tolist() == [300.0, 2700.0]
    assert df["metric"].astype(str).tolist() == ["killed", "wounded"]
    assert set(df["claimant"]) == {"National Intelligence Service (South Korea)"}
    assert df["qualifier"].astype(str).tolist()[0] == "about"


def test_anaphor_reaches_back_to_the_last_attribution() -> None:
    # fixture: two sentences written for this test
    text = (
        "Laut dem ukrainischen Militärgeheimdienst HUR kämpfen Nordkoreaner in Kursk. "
        "Demnach sollen 11.000 nordkoreanische Soldaten dort sein."
    )
    df = extract_claims(text, lang="de")
    assert df["claimant"].tolist() == ["Defence Intelligence of Ukraine"]
    assert df["hedged"].tolist() == [True]
    assert df["metric"].astype(str).tolist() == ["deployed"]


def test_language_is_detected() -> None:
    de = extract_claims("Bis zu 15.000 nordkoreanische Soldaten sind in Russland.")
    en = extract_claims("Up to 15,000 North Korean soldiers are in Russia.")
    assert de["lang"].tolist() == ["de"] and en["lang"].tolist() == ["en"]


def test_bad_input_is_refused_clearly() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        extract_claims(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="lang must be one of"):
        extract_claims("text", lang="fr")
    with pytest.raises(ValueError, match="lacks columns"):
        claims_from_articles(pd.DataFrame({"title": ["x"]}))


def test_claims_from_articles_adds_article_columns_and_stable_ids() -> None:
    # fixture: a two-article frame made for this test (text written for it, url marked fixture)
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "outlet": ["fixture outlet", "fixture outlet"],
            "url": ["https://example.org/fixture-1", "https://example.org/fixture-2"],
            "language": ["en", "de"],
            "published": pd.to_datetime(["2024-11-06 10:00", "2024-11-07 10:00"], utc=True),
            "title": ["Fixture title", "Fixture-Titel"],
            "lead": ["", ""],
            "text": [
                "About 11,000 North Korean troops are in Kursk, the Pentagon said.",
                "Das Wetter war gut.",
            ],
        }
    )
    df = claims_from_articles(articles)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["article_id"] == "a1" and row["outlet"] == "fixture outlet"
    assert row["claimant"] == "US Department of Defense" and row["metric"] == "in_kursk"
    assert re.fullmatch(r"x[0-9a-f]{10}", row["claim_id"])
    assert str(df["published"].dt.tz) == "UTC"
    assert article_text(articles.iloc[0])[row["start"] : row["end"]] == "11,000"
    assert claims_from_articles(articles)["claim_id"].tolist() == df["claim_id"].tolist()
    assert claims_from_articles(articles.iloc[1:]).empty


def test_fast_mentions_agree_with_find_mentions() -> None:
    text = SEED.read_text(encoding="utf-8")
    starts = sentence_starts(text) + [len(text)]
    for a, b in zip(starts, starts[1:], strict=False):
        s = text[a:b]
        want = [(r.start, r.end, r.name) for r in find_mentions(s, fuzzy=False).itertuples()]
        assert [(m[0], m[1], m[2]) for m in mentions(s)] == want, s


def test_troop_stems_cover_every_troop_word() -> None:
    for alt in _TROOP.pattern.split("|"):
        literal = re.sub(r"\\w\*|\[n\]\?|\?|\\b", "", alt)
        literal = literal.replace("s?", "")
        assert any(stem in literal for stem in TROOP_STEMS), alt


@pytest.mark.parametrize(
    ("text", "lang", "qualifiers", "metrics"),
    [  # fixtures, written for this test
        ("About 500 North Korean soldiers were killed and 1,200 were injured near Sudzha.", "en",
         ["about", "about"], ["killed", "wounded"]),
        ("Etwa 250 nordkoreanische Soldaten wurden getötet und 900 verwundet.", "de",
         ["about", "about"], ["killed", "wounded"]),
        # only "about" is shared, and only between two different losses
        ("More than 500 North Korean soldiers were killed and 1,200 were injured.", "en",
         ["more_than", "exact"], ["killed", "wounded"]),
        ("About 9,000 North Korean troops reached Kursk in November, and 2,000 more arrived "
         "later.", "en", ["about", "exact"], ["in_kursk", "additional_deployed"]),
        ("About 500 North Korean soldiers were killed; 1,200 were injured.", "en",
         ["about", "exact"], ["killed", "wounded"]),
    ],
)
def test_about_covers_both_figures_of_a_list_of_losses(
    text: str, lang: str, qualifiers: list[str], metrics: list[str]
) -> None:
    df = extract_claims(text, lang=lang)
    assert list(df["qualifier"].astype(str)) == qualifiers
    assert list(df["metric"].astype(str)) == metrics


def test_killed_and_wounded_adjectives_before_the_noun_are_casualties() -> None:
    # fixture: the claimant is Ukrainian, the figure's noun phrase names the North Koreans
    df = extract_claims("Kiew meldete 2.500 getötete und verwundete Nordkoreaner.", lang="de")
    assert list(df["metric"].astype(str)) == ["casualties"]


@pytest.mark.parametrize(
    ("text", "lang", "claimant"),
    [  # fixtures, written for this test
        ("Nach Angaben des ukrainischen Präsidenten sind 11.000 Nordkoreaner in Kursk.", "de",
         "Volodymyr Zelensky"),
        ("Russia's president said 2,000 North Korean engineers were rebuilding Kursk.", "en",
         "Vladimir Putin"),
        # the office changed hands in 2025: the government, not a person
        ("Some 10,000 North Korean troops are in Russia, the US president told reporters.", "en",
         "Government of the United States"),
    ],
)
def test_an_office_names_its_holder_as_claimant(text: str, lang: str, claimant: str) -> None:
    assert list(extract_claims(text, lang=lang)["claimant"]) == [claimant]


def test_offices_are_not_entity_mentions() -> None:
    # a role phrase names a claimant but is not counted as a mention of the person
    assert find_mentions("Der ukrainische Präsident sprach in Kiew.", fuzzy=False)[
        "name"
    ].tolist() == ["Kyiv"]


@pytest.mark.parametrize(
    ("text", "values"),
    [  # fixtures, written for this test
        ("Kim Jong Un sent a 3,000-strong brigade of North Korean soldiers to Kursk.", [3000.0]),
        ("A 45,000-strong Russian force, North Korean units among them, attacked near Sudzha.", []),
        ("A task force of 30 analysts follows the North Korean deployment.", []),
        # "force" counts only as the North Korean one
        ("The North Korean expeditionary force numbers about 12,000.", [12000.0]),
        ("The Russian air force flew 300 sorties against North Korean positions' attackers.", []),
    ],
)
def test_strength_of_a_body_of_troops(text: str, values: list[float]) -> None:
    assert extract_claims(text, lang="en")["value_low"].tolist() == values


@pytest.mark.parametrize(
    ("text", "lang", "qualifier", "claimant"),
    [  # fixtures, written for this test
        ("Weniger als 500 nordkoreanische Soldaten sind noch in Kursk, sagte Selenskyj.", "de",
         "up_to", "Volodymyr Zelensky"),
        ("Less than 500 North Korean soldiers are still in Kursk, Zelensky said.", "en",
         "up_to", "Volodymyr Zelensky"),
        ("Nach Schätzungen des NIS sind 11.000 Nordkoreaner in Russland.", "de",
         "exact", "National Intelligence Service (South Korea)"),
        ("Some 11,000 North Korean soldiers are in Russia, Ukrainian commanders said.", "en",
         "about", "Government of Ukraine"),
    ],
)  # fmt: skip
def test_fewer_than_estimates_and_commanders(text: str, lang: str, qualifier: str, claimant: str) -> None:
    df = extract_claims(text, lang=lang)
    assert list(df["qualifier"].astype(str)) == [qualifier]
    assert list(df["claimant"]) == [claimant]
