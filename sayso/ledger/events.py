"""Events in the ledger: writes (inside the article's transaction), links across articles, reads.

Each event row keeps its spans, kinds (sayso kind, PLOVER, ACLED type and sub-event type), actor,
target, place (the place entity it resolved to), window, toll, the time expression its date came
from and the claim whose content reports it. When an article is stored its events are compared with
the events of other articles whose windows come near theirs; every pair
:func:`sayso.link.events.same_event` calls one event is kept in ``event_links`` with its similarity.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from sayso import shapes
from sayso.ledger.places import place_entity
from sayso.ledger.queries import DATE_HIGH_PAD, DATE_LOW_PAD, ISO_DAY_LENGTH, date_high, date_low
from sayso.ledger.sql import Where, like
from sayso.link.events import DATE_SLACK_DAYS, actor_key, related_kinds, same_event_similarity
from sayso.records import Event, Place, Span

_EVENT_COLUMNS = """article_id, claim_id, time_expr_id, place_id, span_start, span_end, text,
    trigger_start, trigger_end, trigger_text, kind, plover, acled_type, acled_subtype,
    actor_start, actor_end, actor_text, actor_key, target_start, target_end, target_text,
    place_start, place_end, place_text, earliest, latest, date_source, killed, injured, civilian, extractor"""


def _span_values(span: Span | None) -> tuple:
    return (span.start, span.end, span.text) if span is not None else (None, None, None)


def insert_events(conn: sqlite3.Connection, article_id: str, events: list[Event],
                  claim_at: Callable[[int, int], int | None], time_ids: list[int]) -> list[int]:
    """Store an article's events (ids in order), then link them to reports of the same events."""
    ids = []
    marks = ", ".join("?" * len(_EVENT_COLUMNS.split(",")))
    for e in events:
        time_id = time_ids[e.time_index] if e.time_index is not None and 0 <= e.time_index < len(time_ids) else None
        place_id = place_entity(conn, e.place_ref) if e.place_ref is not None else None
        cursor = conn.execute(
            f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({marks})",
            (article_id, claim_at(e.trigger.start, e.trigger.end), time_id, place_id, e.start, e.end, e.text,
             *_span_values(e.trigger), e.kind, e.plover, e.acled_type, e.acled_subtype,
             *_span_values(e.actor), actor_key(e.actor.text) if e.actor else None, *_span_values(e.target),
             *_span_values(e.place), e.earliest, e.latest, e.date_source, e.killed, e.injured, int(e.civilian),
             e.extractor),
        )
        ids.append(int(cursor.lastrowid))
    link_article_events(conn, article_id)
    return ids


# -- rows as records, for linking and evidence ------------------------------------------------

_EVENT_SELECT = """SELECT e.id, e.article_id, a.title, a.published, a.url, a.source, e.claim_id,
    e.span_start AS start, e.span_end AS "end", e.text, e.trigger_start, e.trigger_end, e.trigger_text AS "trigger",
    e.kind, e.plover, e.acled_type, e.acled_subtype, e.actor_start, e.actor_end, e.actor_text AS actor,
    e.actor_key, e.target_start, e.target_end, e.target_text AS target, e.place_start, e.place_end,
    e.place_text AS place, e.place_id, p.place_key, p.geonameid, p.name AS place_name, p.feature AS place_feature,
    p.country_code, p.admin1, p.latitude, p.longitude, p.population AS place_population,
    e.earliest, e.latest, e.date_source, e.killed, e.injured, e.civilian, e.extractor
  FROM events e JOIN articles a ON a.id = e.article_id
  LEFT JOIN places p ON p.entity_id = e.place_id"""


def _span(row, role: str, text_key: str | None = None) -> Span | None:
    start = row[f"{role}_start"]
    return None if start is None else Span(start, row[f"{role}_end"], row[text_key or role])


def event_record(row) -> Event:
    """The :class:`~sayso.records.Event` a stored row describes (its place as a Place record)."""
    place = _span(row, "place")
    ref = None
    if row["place_key"] is not None:
        span = place or Span(row["start"], row["end"], row["text"])
        ref = Place(span.start, span.end, span.text, row["place_key"], row["geonameid"], row["place_name"],
                    row["place_feature"], row["country_code"], row["admin1"], row["latitude"], row["longitude"],
                    row["place_population"], 0.0)
    return Event(
        start=row["start"], end=row["end"], text=row["text"], trigger=_span(row, "trigger"),
        kind=row["kind"], plover=row["plover"], acled_type=row["acled_type"], acled_subtype=row["acled_subtype"],
        actor=_span(row, "actor"), target=_span(row, "target"), place=place, place_ref=ref,
        earliest=row["earliest"], latest=row["latest"], date_source=row["date_source"], killed=row["killed"],
        injured=row["injured"], civilian=bool(row["civilian"]), extractor=row["extractor"])


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


class _Text(NamedTuple):
    text: str


class _Point(NamedTuple):
    geonameid: int | None
    latitude: float | None
    longitude: float | None


class _Linkable(NamedTuple):
    """What :func:`~sayso.link.events.same_event_similarity` reads of an event, and its id."""

    id: int
    kind: str
    plover: str | None
    acled_type: str | None
    acled_subtype: str | None
    earliest: str | None
    latest: str | None
    place_ref: _Point | None
    place: _Text | None
    actor: _Text | None


_LINK_SELECT = """SELECT e.id, e.kind, e.plover, e.acled_type, e.acled_subtype, e.earliest, e.latest,
    p.place_key, p.geonameid, p.latitude, p.longitude, e.place_text, e.actor_text
  FROM events e LEFT JOIN places p ON p.entity_id = e.place_id"""
"""Only the columns the same-event test reads: the full event rows (spans, the article's title, URL
and source) cost 0.9 ms a Reuters story when 1,000 stories were stored, more with every story."""


def _linkable(row) -> _Linkable:
    (id_, kind, plover, acled_type, acled_subtype, earliest, latest, place_key, geonameid, lat, lon,
     place_text, actor_text) = tuple(row)
    return _Linkable(id_, kind, plover, acled_type, acled_subtype, earliest, latest,
                     _Point(geonameid, lat, lon) if place_key is not None else None,
                     _Text(place_text) if place_text is not None else None,
                     _Text(actor_text) if actor_text is not None else None)


def link_article_events(conn: sqlite3.Connection, article_id: str) -> int:
    """Link each dated event of the article to the events of other articles that report the same event
    (:func:`~sayso.link.events.same_event`); returns the number of links made."""
    mine = [_linkable(r) for r in conn.execute(
        _LINK_SELECT + " WHERE e.article_id = ? AND e.earliest IS NOT NULL ORDER BY e.id", (article_id,))]
    links: list[tuple[int, int, float]] = []
    records: dict[int, _Linkable] = {}  # another article's event, read once however many of these it is near
    for a in mine:
        low = _shift(a.earliest, -DATE_SLACK_DAYS)
        high = _shift(a.latest or a.earliest, DATE_SLACK_DAYS)
        kinds = sorted(related_kinds(a.kind))
        others = conn.execute(
            _LINK_SELECT + f""" WHERE e.article_id != ? AND e.earliest IS NOT NULL AND e.earliest <= ?
                                AND COALESCE(e.latest, e.earliest) >= ?
                                AND (e.kind IN ({", ".join("?" * len(kinds))}) OR e.acled_subtype = ?
                                     OR e.acled_type = ? OR e.plover = ?)""",
            (article_id, high, low, *kinds, a.acled_subtype, a.acled_type, a.plover))
        for other in others:
            b = records.get(other[0])
            if b is None:
                b = records[other[0]] = _linkable(other)
            similarity = same_event_similarity(a, b)
            if similarity is not None:
                links.append((*sorted((a.id, b.id)), round(similarity, 3)))
    if links:
        conn.executemany("""INSERT INTO event_links (event_id, other_id, similarity) VALUES (?, ?, ?)
                            ON CONFLICT (event_id, other_id) DO NOTHING""", links)
    return len(links)


# -- reads ---------------------------------------------------------------------------------

def _linked(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {i: [] for i in ids}
    if not ids:
        return out
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(f"""SELECT event_id, other_id FROM event_links
                            WHERE event_id IN ({marks}) OR other_id IN ({marks})""", (*ids, *ids))
    for a, b in rows:
        if a in out:
            out[a].append(b)
        if b in out:
            out[b].append(a)
    return {i: sorted(set(v)) for i, v in out.items()}


def event_dict(row, same_as: list[int]) -> dict:
    """One stored event in the event shape (:data:`sayso.shapes.EVENT_FIELDS`), then its article's
    title, date, URL and source."""
    values = {key: row[key] for key in row.keys()}
    values["civilian"] = bool(values["civilian"])
    return shapes.event(**values, same_as=same_as)


def events(conn: sqlite3.Connection, kind: str | None = None, place: str | None = None,
           since: str | None = None, until: str | None = None, article: str | None = None,
           limit: int | None = None, offset: int = 0) -> list[dict]:
    """Events matching every filter, by date: ``kind`` is a sayso kind, PLOVER category or ACLED
    (sub-)type ("shelling", "FIGHT", "Battles"); ``place`` a place's name or the words naming it;
    ``since``/``until`` bound the event's window; ``article`` an article id or id prefix."""
    where = Where()
    if kind:
        where.add("(e.kind = ? OR e.plover = ? OR lower(e.acled_type) = ? OR lower(e.acled_subtype) = ?)",
                  kind, kind.upper(), kind.lower(), kind.lower())
    if place:
        pattern = like(place.strip().lower())
        where.add("(lower(COALESCE(p.name, '')) LIKE ? ESCAPE '\\' OR lower(COALESCE(e.place_text, '')) LIKE ? "
                  "ESCAPE '\\' OR lower(COALESCE(p.admin1, '')) LIKE ? ESCAPE '\\')", pattern, pattern, pattern)
    if since:
        where.add(f"substr(COALESCE(e.latest, e.earliest, a.published) || '{DATE_HIGH_PAD}', 1, "
                  f"{ISO_DAY_LENGTH}) >= ?", date_low(since))
    if until:
        where.add(f"substr(COALESCE(e.earliest, a.published) || '{DATE_LOW_PAD}', 1, {ISO_DAY_LENGTH}) <= ?",
                  date_high(until))
    if article:
        where.prefix("e.article_id", article)
    sql = (_EVENT_SELECT + where.sql() +
           " ORDER BY COALESCE(e.earliest, a.published) IS NULL, COALESCE(e.earliest, a.published), e.article_id,"
           " e.span_start, e.id")
    params = list(where.params)
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else int(limit), int(offset)]
    rows = conn.execute(sql, params).fetchall()
    links = _linked(conn, [r["id"] for r in rows])
    return [event_dict(r, links[r["id"]]) for r in rows]


def later_events(conn: sqlite3.Connection, after: str, article_id: str, kinds: frozenset[str]) -> list[dict]:
    """Events of other articles published on or after ``after`` whose kind is one of ``kinds``."""
    if not kinds:
        return []
    marks = ", ".join("?" * len(kinds))
    rows = conn.execute(
        _EVENT_SELECT + f""" WHERE e.article_id != ? AND a.published IS NOT NULL
            AND substr(a.published || '{DATE_HIGH_PAD}', 1, {ISO_DAY_LENGTH}) >= ? AND e.kind IN ({marks})
            ORDER BY a.published, e.id""", (article_id, after, *sorted(kinds))).fetchall()
    links = _linked(conn, [r["id"] for r in rows])
    return [event_dict(r, links[r["id"]]) for r in rows]
