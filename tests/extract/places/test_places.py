"""Places: gazetteer, recognition, disambiguation, the seed article, is_place_name."""
from __future__ import annotations

import dataclasses

import pytest

from sayso.evaluate.places import distance_km
from sayso.extract.places import Place, extract_places, is_place_name, resolve_spans
from sayso.extract.places.gazetteer import gazetteer, norm
from sayso.extract.places.resolve import contains
from sayso.records import Article
from sayso.stages import BY_NAME


def places_of(nlp, text: str) -> list[Place]:
    return list(extract_places(nlp(text), Article(text=text)))


def named(places: list[Place], text: str) -> list[Place]:
    return [p for p in places if p.text == text]


@pytest.mark.parametrize("raw, want", [
    ("St. Petersburg", "saint petersburg"),
    ("Ivano-Frankivsk", "ivano frankivsk"),
    ("Kharkivs’ka", "kharkivs'ka"),
    ("  Zürich ", "zurich"),
    ("U.S.", "u s"),
])
def test_norm(raw, want):
    assert norm(raw) == want


def test_gazetteer_knows_every_feature_type():
    gaz = gazetteer()
    kinds = {name: {e.feature for e, _ in gaz.lookup(name)} for name in
             ("Ukraine", "Donetsk", "Kramatorsk", "Europe", "Donbass", "Black Sea", "Dnieper", "Middle East")}
    assert "country" in kinds["Ukraine"]
    assert {"admin1", "city"} <= kinds["Donetsk"]
    assert kinds["Kramatorsk"] == {"city"}
    assert "continent" in kinds["Europe"]
    assert kinds["Donbass"] == {"area"}
    assert kinds["Black Sea"] == {"water"}
    assert kinds["Dnieper"] == {"river"}
    assert "region" in kinds["Middle East"]  # and a Baltimore neighbourhood (cities1000)


def test_gazetteer_unknown_name_and_demonyms():
    gaz = gazetteer()
    assert gaz.lookup("Qwertyzxcvbnm") == []
    assert gaz.demonym("Ukrainian").name == "Ukraine"
    assert gaz.demonym("ukrainian") is None  # case-sensitive: adjectives are capitalised
    assert gaz.demonym("Ukraine") is None


def test_contains():
    gaz = gazetteer()
    ukraine = gaz.countries["UA"]
    donetsk_region = gaz.by_key["adm1:UA.05"]
    kramatorsk = next(e for e, _ in gaz.lookup("Kramatorsk"))
    moscow = next(e for e, _ in gaz.lookup("Moscow") if e.feature == "city" and e.country_code == "RU")
    assert contains(ukraine, kramatorsk) and contains(donetsk_region, kramatorsk)
    assert not contains(donetsk_region, moscow) and not contains(ukraine, moscow)
    assert not contains(kramatorsk, ukraine) and not contains(ukraine, ukraine)


def test_place_is_frozen():
    p = Place(0, 4, "Kyiv", "gn:703448", 703448, "Kyiv", "city", "UA", "Kyiv City", 50.45, 30.52, 2952301, 9.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.name = "Kiev"


# sentence, mention text, (feature, country code) it must resolve to
POSITIVE = [
    ("Protesters gathered in Austin, Texas, on Sunday.", "Austin", ("city", "US")),
    ("Protesters gathered in Austin, Texas, on Sunday.", "Texas", ("admin1", "US")),
    ("The talks took place in Washington on Tuesday.", "Washington", ("city", "US")),
    ("Shelling hit the city of Kharkiv overnight, officials said.", "Kharkiv", ("city", "UA")),
    ("Troops moved deeper into the Kharkiv region after the retreat.", "Kharkiv", ("admin1", "UA")),
    ("Amman is the capital of Jordan, where the summit opened.", "Jordan", ("country", "JO")),
    ("Grain ships crossed the Black Sea despite the blockade.", "Black Sea", ("water", "")),
    ("Separatists hold parts of the Donbas since 2014.", "Donbas", ("area", "UA")),
    ("Ukrainian troops repelled the attack near the border.", "Ukrainian", ("country", "UA")),
    ("The delegation flew from Paris to Berlin on Monday.", "Paris", ("city", "FR")),
    ("Floods hit Georgia's capital Tbilisi this week.", "Tbilisi", ("city", "GE")),
    # second-order regions (places_admin2.tsv), abbreviations, old names
    ("Deputies in Orange County, California, arrested two men on Friday.", "Orange County", ("admin2", "US")),
    ("Flooding closed roads across Norfolk and Suffolk, the Environment Agency said.", "Norfolk", ("admin2", "GB")),
    ("Police in Miami-Dade said the suspect was detained.", "Miami-Dade", ("admin2", "US")),
    ("Schools in Suffolk and Nassau counties closed early.", "Nassau", ("admin2", "US")),
    ("Schools in Suffolk and Nassau counties closed early.", "Suffolk", ("admin2", "US")),
    ("The fire spread near Kamloops, B.C., on Sunday.", "B.C.", ("admin1", "CA")),
    ("Firefighters battled a blaze in Kent, Washington, overnight.", "Kent", ("city", "US")),
    ("Voters in Reading went to the polls on Thursday.", "Reading", ("city", "GB")),
    ("The Soviet Union collapsed in 1991.", "Soviet Union", ("country", "RU")),
    ("Wildfires burned across New South Wales and Queensland.", "Queensland", ("admin1", "AU")),
]


@pytest.mark.parametrize("sentence, mention, want", POSITIVE)
def test_places_in_sentences(nlp, sentence, mention, want):
    found = named(places_of(nlp, sentence), mention)
    assert found, f"{mention!r} not found in {sentence!r}"
    assert (found[0].feature, found[0].country_code) == want


# sentence, a word that must yield no place
NEGATIVE = [
    ("Austin Reed said the company would appeal the ruling.", "Austin"),
    ("Paris Hilton arrived late to the premiere on Friday.", "Paris"),
    ("Jordan said he would not run for office again.", "Jordan"),
    ("Denzel Washington won the award for best actor.", "Washington"),
    ("The vote is expected in May, a spokesman said.", "May"),
    ("Russians queued at the border crossing for hours.", "Russians"),
    ("The interview was conducted in English and French.", "English"),
]


@pytest.mark.parametrize("sentence, word", NEGATIVE)
def test_no_place(nlp, sentence, word):
    found = places_of(nlp, sentence)
    assert not any(word in p.text for p in found), found


def test_offsets_index_the_text(nlp):
    text = "Kyiv said Russian missiles struck Odesa and Lviv overnight."
    for p in places_of(nlp, text):
        assert text[p.start:p.end] == p.text
        assert p.extractor == BY_NAME["places"].version


def test_resolve_spans_given_gold(nlp):
    text = "Shelling in Kramatorsk, Ukraine, killed two people."
    spans = [(12, 22), (24, 31), (0, 8)]
    got = resolve_spans(nlp(text), spans)
    assert got[0].name == "Kramatorsk" and got[1].feature == "country"
    assert got[2] is None  # "Shelling" is no place in the gazetteer


@pytest.mark.parametrize("text, want", [
    ("Ukraine", True), ("Kramatorsk", True), ("Moscow", True), ("Donbas", True), ("Orange County", True),
    ("Devon", False),  # a county and a given name: a one-word county does not block a speaker
    ("European Union", False), ("EU", False),  # a place that acts and speaks as an organisation
    ("Oleksii Reznikov", False), ("Ukrainian", False), ("", False), ("   ", False),
    ("the ministry", False),
])
def test_is_place_name(text, want):
    assert is_place_name(text) is want


def test_seed_article(nlp, seed_path):
    text = seed_path.read_text("utf-8")
    places = places_of(nlp, text)
    kram = named(places, "Kramatorsk")
    assert kram and all(distance_km(p.latitude, p.longitude, 48.72, 37.56) < 10 for p in kram)
    assert all(p.feature == "city" and p.country_code == "UA" for p in kram)
    for region in ("Donetsk", "Luhansk"):
        found = named(places, region)
        assert found, region
        assert all(p.feature == "admin1" and p.country_code == "UA" and p.admin1 == region for p in found)
    belarus = named(places, "Belarus")
    assert belarus and belarus[0].feature == "country" and belarus[0].geonameid == 630336
    moscow = named(places, "Moscow")
    assert moscow and moscow[0].feature == "city" and moscow[0].country_code == "RU"
    assert distance_km(moscow[0].latitude, moscow[0].longitude, 55.75, 37.62) < 20
    spb = named(places, "St. Petersburg")
    assert spb and spb[0].country_code == "RU"
    assert distance_km(spb[0].latitude, spb[0].longitude, 59.94, 30.31) < 20
    assert not named(places, "Reznikov") and not named(places, "Zelenskyy")


def test_gazetteer_admin2_names_and_variants():
    gaz = gazetteer()
    leeds = [e for e, _ in gaz.lookup("Leeds") if e.feature == "admin2"]
    assert leeds and leeds[0].name == "City and Borough of Leeds"  # "City and Borough of" dropped
    assert any(e.feature == "admin2" for e, _ in gaz.lookup("Donegal"))  # "County Donegal"
    assert not any(e.feature == "admin2" for e, _ in gaz.lookup("Gulf"))  # a one-word short name is not indexed
    assert not any(e.feature == "admin2" for e, _ in gaz.lookup("Orange"))  # nor one another place has


def test_an_unknown_town_written_with_its_region_makes_that_the_region(nlp):
    text = "Fighting was reported in Zhovtneve-Krasne, Kherson, where Ukrainian forces advanced."
    spans = [(text.index("Zhovtneve"), text.index(",")), (text.index("Kherson"), text.index("Kherson") + 7)]
    unknown, region = resolve_spans(nlp(text), spans)
    assert unknown is None and (region.feature, region.country_code) == ("admin1", "UA")
