"""Places in the ledger: one entity of kind ``place`` per gazetteer entry, and each article's mentions.

A place entity is keyed by its gazetteer key (``gn:704508`` for Kramatorsk, ``adm1:UA.05`` for the
Donetsk region, ``area:donbas``), never by fuzzy name matching: the same Kramatorsk in every
article, and a place never joins a person or organisation (its ``block_key`` is ``place:<key>``,
which no speaker's key can equal). Only ``name`` mentions are stored as place mentions ("Ukrainian
troops" names a people, not a place; ``adjective`` and ``embedded`` places exist for the gold
corpora); an event's place is stored whatever its kind. Writes run inside the article's transaction
(:mod:`sayso.ledger.store`).
"""
from __future__ import annotations

import sqlite3

from sayso import shapes
from sayso.ledger.sql import Where, like
from sayso.link.entities import name_key
from sayso.records import Place

PLACE_KIND = "place"
MENTION_KINDS = frozenset({"name"})
"""Place records stored as place mentions (see the module docstring)."""

_PLACE_FIELDS = """p.entity_id AS id, p.place_key, p.geonameid, p.name, p.feature, p.country_code, p.admin1,
    p.latitude, p.longitude, p.population"""


def place_entity(conn: sqlite3.Connection, place: Place) -> int:
    """The entity id of the gazetteer entry ``place`` resolved to (created on first use)."""
    row = conn.execute("SELECT entity_id FROM places WHERE place_key = ?", (place.key,)).fetchone()
    if row is not None:
        return int(row[0])
    cursor = conn.execute(
        "INSERT INTO entities (name, kind, name_key, block_key) VALUES (?, ?, ?, ?)",
        (place.name, PLACE_KIND, name_key(place.name, PLACE_KIND), f"place:{place.key}"),
    )
    entity_id = int(cursor.lastrowid)
    conn.execute(
        """INSERT INTO places (entity_id, place_key, geonameid, name, feature, country_code, admin1,
               latitude, longitude, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (entity_id, place.key, place.geonameid, place.name, place.feature, place.country_code,
         place.admin1, place.latitude, place.longitude, place.population),
    )
    return entity_id


def insert_places(conn: sqlite3.Connection, article_id: str, places: list[Place]) -> None:
    """Store an article's place mentions (``name`` kind only), each linked to its place entity (each
    entity looked up once per article, the mentions written in one statement)."""
    ids: dict[str, int] = {}
    rows = []
    for p in places:
        if p.kind not in MENTION_KINDS:
            continue
        if p.key not in ids:
            ids[p.key] = place_entity(conn, p)
        rows.append((article_id, ids[p.key], p.start, p.end, p.text, p.kind, p.score, p.extractor))
    if rows:
        conn.executemany(
            """INSERT INTO place_mentions (article_id, place_id, span_start, span_end, text, kind, score, extractor)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows)


def delete_article_places(conn: sqlite3.Connection, article_id: str) -> None:
    """Delete one article's place mentions and events, then the place entities nothing refers to."""
    touched = {row[0] for row in conn.execute(
        """SELECT place_id FROM place_mentions WHERE article_id = ?
           UNION SELECT place_id FROM events WHERE article_id = ? AND place_id IS NOT NULL""",
        (article_id, article_id))}
    conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM place_mentions WHERE article_id = ?", (article_id,))
    for entity_id in touched:
        used = conn.execute(
            """SELECT EXISTS (SELECT 1 FROM place_mentions WHERE place_id = ?)
                   OR EXISTS (SELECT 1 FROM events WHERE place_id = ?)""", (entity_id, entity_id)).fetchone()[0]
        if not used:
            conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))  # places row: ON DELETE CASCADE


_PLACES_SQL = f"""SELECT {_PLACE_FIELDS},
    (SELECT COUNT(*) FROM place_mentions m WHERE m.place_id = p.entity_id) AS mentions,
    (SELECT COUNT(DISTINCT m.article_id) FROM place_mentions m WHERE m.place_id = p.entity_id) AS articles,
    (SELECT COUNT(*) FROM events e WHERE e.place_id = p.entity_id) AS events
  FROM places p"""


def places(conn: sqlite3.Connection, search: str | None = None, country: str | None = None,
           limit: int | None = None, offset: int = 0) -> list[dict]:
    """Place entities (name, feature, country, admin-1 region, point, GeoNames id), most mentioned
    first, with their mention, article and event counts. ``search`` matches the name or a mention's
    text; ``country`` the ISO code ("UA")."""
    where = Where()
    if search:
        pattern = like(search.strip().lower())
        where.add("""(lower(p.name) LIKE ? ESCAPE '\\' OR p.entity_id IN
                       (SELECT place_id FROM place_mentions WHERE lower(text) LIKE ? ESCAPE '\\'))""",
                  pattern, pattern)
    if country:
        where.add("p.country_code = ?", country.strip().upper())
    sql = _PLACES_SQL + where.sql() + " ORDER BY mentions DESC, events DESC, p.name, p.entity_id"
    params = list(where.params)
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"
        params += [-1 if limit is None else int(limit), int(offset)]
    return [shapes.place(**r) for r in conn.execute(sql, params)]


def article_places(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    """An article's place mentions in text order, each with its place's gazetteer fields."""
    rows = conn.execute(
        """SELECT m.id, m.article_id, m.place_id, m.span_start AS start, m.span_end AS "end", m.text, m.kind,
                  p.place_key, p.geonameid, p.name, p.feature, p.country_code, p.admin1, p.latitude, p.longitude,
                  p.population, m.score, m.extractor
             FROM place_mentions m JOIN places p ON p.entity_id = m.place_id
            WHERE m.article_id = ? ORDER BY m.span_start, m.id""", (article_id,))
    return [shapes.place_mention(**r) for r in rows]


def places_in_span(conn: sqlite3.Connection, article_id: str, start: int, end: int) -> list[dict]:
    """The places an article names inside [start, end) (a forecast's span), in text order."""
    return [p for p in article_places(conn, article_id) if start <= p["start"] and p["end"] <= end]
