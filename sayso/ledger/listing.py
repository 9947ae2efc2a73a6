"""Whole-ledger listings for exports and the listing commands: articles, their metadata versions,
resolutions. (Claims, speakers, figures and time expressions: :mod:`.queries`; forecasts:
:mod:`.forecasts`.) Every dict has the shape :mod:`sayso.shapes` gives its record type."""
from __future__ import annotations

import json
import sqlite3
from typing import Iterator

from sayso import shapes
from sayso.ledger.sql import Where

_ARTICLE_SELECT = """SELECT a.id, a.title, a.published, a.date_precision, a.url, a.source, a.author, a.speaker,
       a.ingested_at, a.extractors, a.text,
       (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) AS claims
  FROM articles a"""


def articles(conn: sqlite3.Connection, with_text: bool = True, limit: int | None = None,
             offset: int = 0) -> Iterator[dict]:
    """Every article (oldest ingested first): its metadata, extractor strings, claim count, text."""
    sql = _ARTICLE_SELECT + " ORDER BY a.published IS NULL, a.published, a.id LIMIT ? OFFSET ?"
    for row in conn.execute(sql, (-1 if limit is None else limit, offset)):
        out = dict(row)
        out["extractors"] = json.loads(out["extractors"])
        if not with_text:
            out.pop("text")
        yield shapes.article(**out)


def versions(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    """Other metadata a copy of the article's text was seen with, oldest first."""
    rows = conn.execute(
        """SELECT id, article_id, title, published, date_precision, url, source, author, seen_at
             FROM article_versions WHERE article_id = ? ORDER BY id""", (article_id,))
    return [dict(r) for r in rows]


def resolutions(conn: sqlite3.Connection, limit: int | None = None, offset: int = 0) -> Iterator[dict]:
    """Every resolution (the history included), oldest first, with the forecast it settles."""
    where = Where()
    sql = f"""SELECT r.id, (SELECT MAX(f.id) FROM forecasts f WHERE f.forecast_key = r.forecast_key) AS forecast_id,
                     r.forecast_key, r.outcome, r.evidence, r.note, r.resolved_by, r.resolved_at
                FROM resolutions r{where.sql()} ORDER BY r.id LIMIT ? OFFSET ?"""
    for row in conn.execute(sql, (*where.params, -1 if limit is None else limit, offset)):
        yield shapes.resolution(**dict(row))
