"""Issue 16 on the seed: its places and its event as the ledger holds them after `sayso ingest`."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from sayso.evaluate.places import distance_km
from sayso.ledger import Ledger
from sayso.views.cli import app

KRAMATORSK = (48.72, 37.56)


@pytest.fixture(scope="module")
def seed(seed_path, nlp, tmp_path_factory):
    db = tmp_path_factory.mktemp("seed") / "ledger.db"
    result = CliRunner().invoke(app, ["ingest", str(seed_path), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    with Ledger(db) as ledger:
        yield ledger, ledger.article(str(seed_path))


def place_named(ledger, name: str) -> dict:
    (found,) = [p for p in ledger.places() if p["name"] == name]
    return found


def test_kramatorsk_is_resolved_near_its_point(seed):
    ledger, _ = seed
    k = place_named(ledger, "Kramatorsk")
    assert (k["feature"], k["country_code"], k["admin1"]) == ("city", "UA", "Donetsk")
    assert distance_km(k["latitude"], k["longitude"], *KRAMATORSK) < 5


@pytest.mark.parametrize("name", ["Donetsk", "Luhansk"])
def test_donetsk_and_luhansk_are_regions_of_ukraine(seed, name):
    ledger, article = seed
    mentioned = {p["name"]: p for p in article["places"]}
    assert (mentioned[name]["feature"], mentioned[name]["country_code"]) == ("admin1", "UA")


@pytest.mark.parametrize("name, feature, country, point", [
    ("Belarus", "country", "BY", (53.0, 28.0)),
    ("Moscow", "city", "RU", (55.75, 37.62)),
    ("Saint Petersburg", "city", "RU", (59.94, 30.31)),
])
def test_belarus_moscow_and_st_petersburg(seed, name, feature, country, point):
    ledger, _ = seed
    p = place_named(ledger, name)
    assert (p["feature"], p["country_code"]) == (feature, country)
    assert distance_km(p["latitude"], p["longitude"], *point) < 50


def test_the_strike_on_kramatorsk(seed):
    ledger, article = seed
    strikes = [e for e in article["events"] if e["place_name"] == "Kramatorsk" and e["civilian"]]
    assert len(strikes) == 1
    (strike,) = strikes
    assert strike["acled_type"] == "Explosions/Remote violence" and strike["plover"] == "FIGHT"
    assert strike["actor"] == "Russian forces" and strike["actor_key"] == "russia"
    assert strike["earliest"] == strike["latest"] == article["published"] == "2023-02-02"
    assert article["text"][strike["start"]:strike["end"]] == strike["text"]


def test_places_never_speak_donbass_is_a_place_not_an_organisation(seed):
    ledger, article = seed
    kinds = {r["name"]: r["kind"] for r in ledger._conn.execute("SELECT name, kind FROM entities")}
    assert kinds.get("Donbas") == "place" and "Donbass" not in kinds
    assert not any(m["text"] == "Donbass" for m in article["mentions"])  # no speaker mention either
    assert any(p["text"] == "Donbass" and p["name"] == "Donbas" for p in article["places"])
