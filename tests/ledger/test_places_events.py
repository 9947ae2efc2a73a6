"""Places and events in the ledger: place entities shared by gazetteer key, mentions, events with
their place, links between reports of one event, re-stores that leave no orphans, the listings.

Records are built by hand (no spaCy): spans are found in the text by substring.
"""
from __future__ import annotations

import pytest

from sayso.ledger import Ledger
from sayso.records import Article, Event, Extraction, Place, Span

V1 = {"places": "places.v2", "events": "events.v2"}
KRAMATORSK = dict(key="gn:704508", geonameid=704508, name="Kramatorsk", feature="city", country_code="UA",
                  admin1="Donetsk", latitude=48.72305, longitude=37.55630, population=157884, score=9.0)
DONETSK_REGION = dict(key="adm1:UA.05", geonameid=None, name="Donetsk", feature="admin1", country_code="UA",
                      admin1="Donetsk", latitude=48.13, longitude=37.75, population=6575047, score=8.0)
LISBON = dict(key="gn:2267057", geonameid=2267057, name="Lisbon", feature="city", country_code="PT",
              admin1="Lisbon", latitude=38.71667, longitude=-9.13333, population=517802, score=9.0)


def span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span.of(text, start, start + len(piece))


def place(text: str, piece: str, entry: dict, kind: str = "name") -> Place:
    s = span(text, piece)
    return Place(s.start, s.end, s.text, kind=kind, **entry)


def event(text: str, trigger: str, kind: str, acled: str | None, *, actor=None, place_piece=None, ref=None,
          day=None, killed=None, civilian=False) -> Event:
    pieces = [span(text, p) for p in (trigger, actor, place_piece) if p]
    start, end = min(p.start for p in pieces), max(p.end for p in pieces)
    return Event(start, end, text[start:end], span(text, trigger), kind, "FIGHT" if acled else None,
                 "Explosions/Remote violence" if acled else None, acled,
                 actor=span(text, actor) if actor else None,
                 place=span(text, place_piece) if place_piece else None, place_ref=ref,
                 earliest=day, latest=day, date_source="text" if day else None, killed=killed, civilian=civilian)


def strike_report(text: str, published: str, day: str, actor: str = "Russian forces") -> Extraction:
    """One article reporting a missile strike on Kramatorsk (and naming Kramatorsk once more)."""
    k1 = place(text, "Kramatorsk", KRAMATORSK)
    places = [k1, place(text, "Ukrainian", {**KRAMATORSK, "key": "gn:690791", "geonameid": 690791,
                                           "name": "Ukraine", "feature": "country"}, kind="adjective")]
    ev = event(text, "struck", "shelling", "Shelling/artillery/missile attack", actor=actor,
               place_piece="Kramatorsk", ref=k1, day=day, killed=2, civilian=True)
    return Extraction(Article(text, title=text[:30], published=published, date_precision="day"),
                      extractors=dict(V1), places=places, events=[ev])


A = "Russian forces struck Kramatorsk with missiles on Tuesday, the Ukrainian army said. Two civilians died."
B = "Missiles from Russian forces struck central Kramatorsk overnight, Ukrainian police said, killing two residents."
C = "Farmers struck a deal in Lisbon on Tuesday."


@pytest.fixture
def ledger(ledger_url):
    with Ledger(ledger_url("ledger")) as ledger:
        yield ledger


def test_a_place_is_one_entity_of_kind_place_whatever_the_article(ledger):
    ledger.store(strike_report(A, "2023-02-14", "2023-02-14"))
    ledger.store(strike_report(B, "2023-02-15", "2023-02-14"))
    places = ledger.places()
    assert [(p["name"], p["feature"], p["country_code"], p["admin1"]) for p in places] == \
        [("Kramatorsk", "city", "UA", "Donetsk")]
    (k,) = places
    assert (k["geonameid"], k["mentions"], k["articles"], k["events"]) == (704508, 2, 2, 2)
    assert k["latitude"] == pytest.approx(48.72305)
    kinds = {r[0] for r in ledger._conn.execute("SELECT kind FROM entities")}
    assert kinds == {"place"}  # the adjective "Ukrainian" is no place mention; no org, no person


def test_reports_of_one_strike_are_linked_and_another_event_is_not(ledger):
    ledger.store(strike_report(A, "2023-02-14", "2023-02-14"))
    ledger.store(strike_report(B, "2023-02-15", "2023-02-14"))
    later = strike_report(A.replace("Tuesday", "Friday"), "2023-03-04", "2023-03-03")
    ledger.store(later)  # the same kind at the same place, but two weeks later: another strike
    rows = ledger.events()
    assert [r["earliest"] for r in rows] == ["2023-02-14", "2023-02-14", "2023-03-03"]
    assert rows[0]["same_as"] == [rows[1]["id"]] and rows[1]["same_as"] == [rows[0]["id"]]
    assert rows[2]["same_as"] == []
    first = rows[0]
    assert (first["kind"], first["actor"], first["place"], first["place_name"], first["killed"], first["civilian"]) == \
        ("shelling", "Russian forces", "Kramatorsk", "Kramatorsk", 2, True)
    assert A[first["start"]:first["end"]] == first["text"]


def test_restoring_an_article_replaces_its_rows_and_drops_orphan_places(ledger):
    ledger.store(strike_report(A, "2023-02-14", "2023-02-14"))
    lisbon = Extraction(Article(C, published="2023-02-14"), extractors=dict(V1),
                        places=[place(C, "Lisbon", LISBON)])
    ledger.store(lisbon)
    assert {p["name"] for p in ledger.places()} == {"Kramatorsk", "Lisbon"}
    ledger.store(Extraction(Article(C, published="2023-02-14"), extractors={"places": "places.v3"}))
    assert {p["name"] for p in ledger.places()} == {"Kramatorsk"}
    assert ledger._conn.execute("SELECT COUNT(*) FROM places").fetchone()[0] == 1
    ledger.store(Extraction(Article(A, published="2023-02-14"), extractors={"events": "events.v3"}))
    assert ledger.events() == [] and ledger.places() == []


def test_an_event_keeps_the_claim_that_reports_it_and_the_time_expression(ledger):
    from sayso.records import Claim, TimeExpr

    ex = strike_report(A, "2023-02-14", "2023-02-14")
    content = span(A, "Russian forces struck Kramatorsk with missiles on Tuesday")
    ex.claims = [Claim([content], span(A, "said"), span(A, "the Ukrainian army"), "indirect")]
    tue = span(A, "Tuesday")
    ex.times = [TimeExpr(tue.start, tue.end, tue.text, "DATE", "2023-02-14", "2023-02-14", "2023-02-14")]
    ex.events = [Event(**{**ex.events[0].__dict__, "time_index": 0})]
    ledger.store(ex)
    (row,) = ledger._conn.execute("SELECT claim_id, time_expr_id, place_id FROM events").fetchall()
    assert all(v is not None for v in row)


@pytest.mark.parametrize("filters, want", [
    ({"kind": "shelling"}, 1), ({"kind": "FIGHT"}, 1), ({"kind": "Shelling/artillery/missile attack"}, 1),
    ({"kind": "protest"}, 0), ({"place": "kramatorsk"}, 1), ({"place": "Donetsk"}, 1),  # its region
    ({"place": "Lisbon"}, 0), ({"since": "2023-02-15"}, 0), ({"until": "2023-02"}, 1),
    ({"limit": 0}, 0), ({"offset": 1}, 0),
])
def test_event_filters(ledger, filters, want):
    ledger.store(strike_report(A, "2023-02-14", "2023-02-14"))
    assert len(ledger.events(**filters)) == want


@pytest.mark.parametrize("filters, want", [
    ({}, ["Kramatorsk", "Lisbon"]), ({"country": "pt"}, ["Lisbon"]), ({"search": "kram"}, ["Kramatorsk"]),
    ({"limit": 1}, ["Kramatorsk"]), ({"limit": 1, "offset": 1}, ["Lisbon"]), ({"search": "Paris"}, []),
])
def test_place_listing(ledger, filters, want):
    ledger.store(strike_report(A, "2023-02-14", "2023-02-14"))
    ledger.store(strike_report(B, "2023-02-15", "2023-02-14"))
    ledger.store(Extraction(Article(C, published="2023-02-14"), extractors=dict(V1),
                            places=[place(C, "Lisbon", LISBON)]))
    assert [p["name"] for p in ledger.places(**filters)] == want


def test_show_lists_an_articles_places_and_events(ledger):
    ex = strike_report(A, "2023-02-14", "2023-02-14")
    ledger.store(ex)
    found = ledger.article(ex.article.id)
    assert [(p["text"], p["name"], p["start"]) for p in found["places"]] == [("Kramatorsk", "Kramatorsk", A.index("Kramatorsk"))]
    assert [e["kind"] for e in found["events"]] == ["shelling"]
