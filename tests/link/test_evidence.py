"""rank_evidence: a pure ranking of later events and claims for one forecast (sentences of our own)."""
from __future__ import annotations

import pytest

from sayso.link.evidence import actors_named, expectation, kinds_named, rank_evidence

DONETSK = {"place_key": "adm1:UA.05", "name": "Donetsk", "feature": "admin1", "country_code": "UA",
           "admin1": "Donetsk", "latitude": 48.13, "longitude": 37.75}
KRAMATORSK = {"place_key": "gn:704508", "name": "Kramatorsk", "feature": "city", "country_code": "UA",
              "admin1": "Donetsk", "latitude": 48.72, "longitude": 37.56}
LVIV = {"place_key": "gn:702550", "name": "Lviv", "feature": "city", "country_code": "UA", "admin1": "Lviv",
        "latitude": 49.84, "longitude": 24.02}
RUSSIA = {"place_key": "gn:2017370", "name": "Russia", "feature": "country", "country_code": "RU", "admin1": "",
          "latitude": 60.0, "longitude": 100.0}

FORECAST = {"id": 1, "article_id": "seed", "published": "2023-02-02", "earliest": "2023-02-02",
            "latest": "2023-03-31", "text": "Russian forces will seize the Donetsk region by March"}


def ev(id_, kind, place=None, actor="Russian forces", day="2023-03-10", published="2023-03-11", article=None):
    row = {"record": "event", "id": id_, "article_id": article or f"a{id_}", "published": published,
           "text": f"{kind} event", "kind": kind, "actor": actor, "earliest": day, "latest": day}
    if place:
        row.update({"place_key": place["place_key"], "place_name": place["name"], "place_feature": place["feature"],
                    "country_code": place["country_code"], "admin1": place["admin1"],
                    "latitude": place["latitude"], "longitude": place["longitude"]})
    return row


def claim(id_, content, places=(), published="2023-04-02", article=None):
    return {"record": "claim", "id": id_, "article_id": article or f"c{id_}", "published": published,
            "content": content, "places": list(places), "speaker": "a spokesman"}




@pytest.mark.parametrize("text, kinds", [
    ("Russian forces will seize the Donetsk region by March", {"capture"}),
    ("will launch a massive offensive and seize the east", {"offensive", "capture"}),
    ("Mobilisation will take place in Moscow", {"mobilisation"}),
    ("they will try something around February 24", set()),  # no kind of event named
    ("Putin will order newly mobilised soldiers into the war", set()),  # a participle describes
    ("the ceasefire will hold", {"ceasefire"}),
])
def test_kinds_a_forecast_names(text, kinds):
    assert {k for k, _, _ in kinds_named(text)} == kinds


@pytest.mark.parametrize("text, actors", [
    ("Russia's invading troops will use Belarus", ["russia", "belarus"]),
    ("they [Russians] live by symbols", ["russia"]),
    ("Ukrainian forces retook the village", ["ukraine"]),
    ("the weather will improve", []),
])
def test_actors_in_order_of_mention(text, actors):
    assert actors_named(text) == actors


def test_the_doer_is_the_first_actor_and_its_own_country_is_no_place():
    exp = expectation({"text": "Russia's troops will seize the east of Ukraine", "published": "2023-02-02"},
                      [RUSSIA, DONETSK])
    assert exp.actors == {"russia"} and exp.places == (DONETSK,) and exp.kinds == {"capture"}


def test_a_capture_in_the_region_supports_and_a_negated_claim_contradicts():
    capture = ev(1, "capture", KRAMATORSK, day="2023-03-10")
    denial = claim(2, "Russia has failed to seize the Donetsk region", [DONETSK])
    ranked = rank_evidence(FORECAST, [capture, denial], [DONETSK])
    stances = {r["id"]: r["stance"] for r in ranked}
    assert stances == {1: "supporting", 2: "contradicting"}
    assert any("Kramatorsk, in Donetsk" in why for why in next(r for r in ranked if r["id"] == 1)["reasons"])
    assert any("negated" in why for why in next(r for r in ranked if r["id"] == 2)["reasons"])


def test_polarity_negative_turns_the_stances_round():
    negative = {**FORECAST, "text": "Russian forces will not seize the Donetsk region by March",
                "polarity": "negative"}
    capture = ev(1, "capture", KRAMATORSK)
    denial = claim(2, "Russia has failed to seize the Donetsk region", [DONETSK])
    stances = {r["id"]: r["stance"] for r in rank_evidence(negative, [capture, denial], [DONETSK])}
    assert stances == {1: "contradicting", 2: "supporting"}


@pytest.mark.parametrize("candidate, why", [
    (ev(1, "capture", KRAMATORSK, published="2023-01-30", day="2023-01-29"), "an earlier article"),
    (ev(1, "capture", KRAMATORSK, published="2023-03-01", day="2023-01-10"), "an event before the forecast"),
    (ev(1, "capture", KRAMATORSK, article="seed"), "the forecast's own article"),
    (ev(1, "protest", KRAMATORSK), "another kind of event"),
    (claim(1, "Russia will seize the Donetsk region in April", [DONETSK]), "a prediction, not a report"),
    (claim(1, "Prices of bread rose in Donetsk", [DONETSK]), "no kind named"),
])
def test_what_is_no_evidence(candidate, why):
    assert rank_evidence(FORECAST, [candidate], [DONETSK]) == [], why


def test_a_forecast_that_names_no_kind_of_event_gets_no_evidence():
    vague = {**FORECAST, "text": "they will try something around February 24"}
    assert rank_evidence(vague, [ev(1, "offensive", DONETSK)]) == []


def test_the_place_decides_between_two_captures():
    here, far = ev(1, "capture", KRAMATORSK), ev(2, "capture", LVIV)
    ranked = rank_evidence(FORECAST, [far, here], [DONETSK])
    assert [r["id"] for r in ranked] == [1, 2] and ranked[0]["score"] > ranked[1]["score"]


def test_a_retaking_by_the_other_side_answers_a_capture_and_one_by_the_actor_is_a_capture():
    ukraine = ev(1, "retake", KRAMATORSK, actor="Ukrainian troops")
    russia = ev(2, "retake", KRAMATORSK, actor="Russian forces")
    stances = {r["id"]: r["stance"] for r in rank_evidence(FORECAST, [ukraine, russia], [DONETSK])}
    assert stances == {1: "contradicting", 2: "supporting"}


def test_inside_the_window_beats_after_it():
    inside = ev(1, "capture", KRAMATORSK, day="2023-03-20", published="2023-03-21")
    late = ev(2, "capture", KRAMATORSK, day="2023-05-20", published="2023-05-21")
    ranked = rank_evidence(FORECAST, [late, inside], [DONETSK])
    assert [r["id"] for r in ranked] == [1, 2]
    assert "after the window" in " ".join(ranked[1]["reasons"])


def test_one_item_per_article_and_stance_the_rest_listed_under_also():
    a = ev(1, "capture", KRAMATORSK, article="x")
    b = ev(2, "capture", DONETSK, article="x")
    (item,) = rank_evidence(FORECAST, [a, b], [DONETSK])
    assert item["id"] == 2 and item["also"] == [{"record": "event", "id": 1}]
