"""Ledger writes: one transaction per article, the canonical entities link/ decided, failures.

Everything here runs inside :func:`~sayso.ledger.sql.transaction` (``BEGIN IMMEDIATE`` ...
``COMMIT``, ``ROLLBACK`` on any error), so a crash or kill never leaves a half-written
article. Which canonical entity an article's entity is, is decided by
:func:`sayso.link.entities.link_entity`; this module fetches its candidates and stores the
decision. Values are always bound as parameters.
"""
from __future__ import annotations

import bisect
import itertools
import json
import math
import sqlite3

from sayso.ledger import identity
from sayso.ledger.events import insert_events
from sayso.ledger.places import delete_article_places, insert_places
from sayso.ledger.schema import now_iso
from sayso.ledger.sql import transaction
from sayso.link.entities import Canonical, Link, block_key, holder_at, link_entity, lookup_keys, name_key
from sayso.records import Article, Claim, Entity, Extraction, Figure, Forecast, Mention, TimeExpr

NEW, UNCHANGED, UPDATED = "new", "unchanged", "updated"


def stored_extractors(conn: sqlite3.Connection, article_id: str) -> dict[str, str] | None:
    """Extractor versions stored with an article, or None when the article is absent."""
    row = conn.execute("SELECT extractors FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else json.loads(row[0])


def store_extraction(conn: sqlite3.Connection, ex: Extraction) -> str:
    """Store one article's extraction atomically; return 'new', 'unchanged' or 'updated'."""
    with transaction(conn):
        stored = stored_extractors(conn, ex.article.id)
        if stored is not None and stored == ex.extractors:
            return UNCHANGED
        if stored is None:
            _insert_article(conn, ex)
        else:
            _delete_article_rows(conn, ex.article.id)
            _update_article(conn, ex)
        _insert_records(conn, ex)
        return NEW if stored is None else UPDATED


def _insert_records(conn: sqlite3.Connection, ex: Extraction) -> None:
    """Link entities, then insert mentions, claims, time expressions, figures and forecasts."""
    entity_ids = _link_entities(conn, ex)
    mention_ids = _insert_mentions(conn, ex.article.id, ex.mentions, entity_ids)
    claim_ids = _insert_claims(conn, ex.article.id, ex.claims, entity_ids, mention_ids)
    time_ids = _insert_times(conn, ex.article.id, ex.times, _claim_at(ex.claims, claim_ids))
    _insert_figures(conn, ex.article.id, ex.figures, claim_ids)
    _insert_forecasts(conn, ex.article.id, ex.forecasts, claim_ids, time_ids, entity_ids)
    insert_places(conn, ex.article.id, ex.places)
    insert_events(conn, ex.article.id, ex.events, _claim_at(ex.claims, claim_ids), time_ids)


def record_failure(conn: sqlite3.Connection, path: str, reason: str, line: int | None = None) -> None:
    """Record that an input could not be read; the same (path, line, reason) is kept once."""
    with transaction(conn):
        conn.execute(
            "DELETE FROM failures WHERE path = ? AND reason = ? AND (line = ? OR (line IS NULL AND ? IS NULL))",
            (path, reason, line, line),
        )
        conn.execute(
            "INSERT INTO failures (path, line, reason, at) VALUES (?, ?, ?, ?)",
            (path, line, reason, now_iso()),
        )


# -- articles ----------------------------------------------------------------------------

_ARTICLE_COLUMNS = "title, text, published, date_precision, url, source, author, speaker, extractors, ingested_at"
_METADATA = ("title", "published", "date_precision", "url", "source", "author")
"""What may differ between copies of one text (the article's identity): recorded as versions."""


def _article_values(article: Article, extractors: dict[str, str]) -> tuple:
    return (
        article.title, article.text, article.published, article.date_precision,
        article.url, article.source, article.author, article.speaker,
        json.dumps(extractors, sort_keys=True), now_iso(),
    )


def _insert_article(conn: sqlite3.Connection, ex: Extraction) -> None:
    conn.execute(
        f"INSERT INTO articles (id, {_ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (ex.article.id, *_article_values(ex.article, ex.extractors)),
    )


def record_metadata(conn: sqlite3.Connection, article: Article) -> str:
    """A copy of a stored text: 'same' (nothing new), 'recorded' (its other title, date, URL,
    source or author kept in ``article_versions``, once) or 'dated' (the stored article has no
    date and the copy has one: the copy's metadata becomes the article's, the old is kept as a
    version, and the article is marked stale to be extracted again against the date)."""
    with transaction(conn):
        row = conn.execute(f"SELECT {', '.join(_METADATA)} FROM articles WHERE id = ?", (article.id,)).fetchone()
        if row is None:
            return "same"
        copy = tuple(getattr(article, name) for name in _METADATA)
        if tuple(row) == copy:
            return "same"
        if row["published"] is None and article.published is not None:
            _add_version(conn, article.id, tuple(row))
            assignments = ", ".join(f"{name} = ?" for name in _METADATA)
            conn.execute(f"UPDATE articles SET {assignments}, extractors = '{{}}' WHERE id = ?", (*copy, article.id))
            return "dated"
        known = conn.execute(
            f"SELECT 1 FROM article_versions WHERE article_id = ? AND "
            f"{' AND '.join(f'{name} IS ?' for name in _METADATA)}", (article.id, *copy)).fetchone()
        if known is None:
            _add_version(conn, article.id, copy)
        return "recorded"


def _add_version(conn: sqlite3.Connection, article_id: str, values: tuple) -> None:
    conn.execute(f"INSERT INTO article_versions (article_id, {', '.join(_METADATA)}, seen_at) "
                 f"VALUES (?, {', '.join('?' * len(_METADATA))}, ?)", (article_id, *values, now_iso()))


def _update_article(conn: sqlite3.Connection, ex: Extraction) -> None:
    assignments = ", ".join(f"{col.strip()} = ?" for col in _ARTICLE_COLUMNS.split(","))
    conn.execute(
        f"UPDATE articles SET {assignments} WHERE id = ?",
        (*_article_values(ex.article, ex.extractors), ex.article.id),
    )


def _delete_article_rows(conn: sqlite3.Connection, article_id: str) -> None:
    """Delete exactly one article's extracted rows, then entities nothing refers to any more."""
    touched = _entities_of_article(conn, article_id)
    delete_article_places(conn, article_id)  # its events and place mentions first (they point at the rest)
    for table in ("forecasts", "figures", "time_exprs", "claims", "mentions", "entity_roles"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    for entity_id in touched:
        _delete_if_orphan(conn, entity_id)


def _entities_of_article(conn: sqlite3.Connection, article_id: str) -> set[int]:
    rows = conn.execute(
        """SELECT entity_id FROM mentions WHERE article_id = ? AND entity_id IS NOT NULL
           UNION SELECT speaker_entity_id FROM claims WHERE article_id = ? AND speaker_entity_id IS NOT NULL
           UNION SELECT entity_id FROM entity_roles WHERE article_id = ?
           UNION SELECT predictor_entity_id FROM forecasts
                  WHERE article_id = ? AND predictor_entity_id IS NOT NULL""",
        (article_id, article_id, article_id, article_id),
    )
    return {row[0] for row in rows}


def _delete_if_orphan(conn: sqlite3.Connection, entity_id: int) -> None:
    refs = conn.execute(
        """SELECT (SELECT COUNT(*) FROM mentions WHERE entity_id = ?)
                + (SELECT COUNT(*) FROM claims WHERE speaker_entity_id = ?)
                + (SELECT COUNT(*) FROM entity_roles WHERE entity_id = ?)
                + (SELECT COUNT(*) FROM forecasts WHERE predictor_entity_id = ?)""",
        (entity_id, entity_id, entity_id, entity_id),
    ).fetchone()[0]
    if refs == 0:
        conn.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (entity_id,))
        conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))


# -- entities ----------------------------------------------------------------------------

def _link_entities(conn: sqlite3.Connection, ex: Extraction) -> dict[str, int]:
    """Map each article-local entity key to a canonical entity id (as link/ decides: matched or new)."""
    ids: dict[str, int] = {}
    decisions = identity.any_decisions(conn)  # none written while an article is stored
    for entity in ex.entities:
        link = _described(conn, entity, ex.article) if entity.described else _decide(conn, entity, decisions)
        entity_id = ids.get(entity.key) or _store_link(conn, entity, link)
        ids[entity.key] = entity_id
        if entity.described and link.id is None:
            continue  # a description's words are no name, and its role no evidence of a holder
        _add_aliases(conn, entity_id, [n for n in (entity.name, *entity.aliases) if not entity.described], entity.kind,
                     decisions)
        _add_role(conn, entity_id, entity, ex.article)
    return ids


def _decide(conn: sqlite3.Connection, entity: Entity, decisions: bool = True) -> Link:
    """A person's merge decision first (:mod:`.identity`), else the candidates of each of the
    entity's names (those a split refused left out) and link/'s decision over them. ``decisions``:
    whether the ledger holds any (:func:`identity.any_decisions`; without, none is looked up)."""
    keys = lookup_keys(entity.name, entity.aliases, entity.kind)
    refused: set[str] = set()
    if decisions:
        decided = identity.decided_link(conn, [k.alias_key for k in keys], entity.kind)
        if decided is not None:
            return Link(decided)
        refused = identity.refused(conn, [k.alias_key for k in keys[:1]], entity.kind)
    by_alias = {k.alias_key: _allowed(_by_alias(conn, k.alias_key), refused) for k in keys}
    by_block = {k.block_key: _allowed(_by_block(conn, k.block_key), refused) for k in keys}
    return link_entity(entity.name, entity.kind, keys, by_alias, by_block, entity.role, entity.affiliation)


def _described(conn: sqlite3.Connection, entity: Entity, article: Article) -> Link:
    """An entity known only by a description never links by its words ("the ministry" of one
    article is not another's); a person described by a role links to the one holder of that role
    and affiliation the ledger knows at the article's date (:func:`sayso.link.entities.holder_at`)."""
    if entity.kind != "person" or not entity.role or not article.published:
        return Link(None)
    rows = conn.execute(
        """SELECT r.entity_id, r.published FROM entity_roles r JOIN entities e ON e.id = r.entity_id
            WHERE e.kind = 'person' AND lower(r.role) = lower(?) AND COALESCE(lower(r.affiliation), '') = ?
              AND e.id NOT IN (SELECT id FROM entities WHERE name_key = ?)""",
        (entity.role, (entity.affiliation or "").lower(), name_key(entity.name))).fetchall()
    return Link(holder_at([(r[0], r[1]) for r in rows], article.published) if entity.affiliation else None)


def _allowed(candidates: list[Canonical], refused: set[str]) -> list[Canonical]:
    return [c for c in candidates if name_key(c.name, c.kind) not in refused]


def _roles(conn: sqlite3.Connection, entity_id: int) -> tuple:
    return tuple(conn.execute("SELECT DISTINCT role, affiliation FROM entity_roles WHERE entity_id = ?",
                              (entity_id,)).fetchall())


def _by_alias(conn: sqlite3.Connection, alias_key: str) -> list[Canonical]:
    rows = conn.execute(
        """SELECT DISTINCT e.name, e.kind, e.id FROM entity_aliases a
           JOIN entities e ON e.id = a.entity_id WHERE a.alias_key = ?""", (alias_key,))
    return [Canonical(*row, roles=_roles(conn, row[2])) for row in rows]


def _by_block(conn: sqlite3.Connection, key: str) -> list[Canonical]:
    rows = conn.execute("SELECT name, kind, id FROM entities WHERE block_key = ? ORDER BY id", (key,))
    return [Canonical(*row, roles=_roles(conn, row[2])) for row in rows]


def _store_link(conn: sqlite3.Connection, entity: Entity, link: Link) -> int:
    """The canonical entity's id: a new row, or the matched one (renamed when link/ says so)."""
    if link.id is None:
        return _insert_entity(conn, entity.name, entity.kind)
    if link.rename is not None:
        conn.execute("UPDATE entities SET name = ?, name_key = ? WHERE id = ?",
                     (link.rename, name_key(link.rename), link.id))
    return link.id


def _insert_entity(conn: sqlite3.Connection, name: str, kind: str) -> int:
    cursor = conn.execute(
        "INSERT INTO entities (name, kind, name_key, block_key) VALUES (?, ?, ?, ?)",
        (name, kind, name_key(name, kind), block_key(name, kind)),
    )
    return int(cursor.lastrowid)


def _add_aliases(conn: sqlite3.Connection, entity_id: int, names: list[str], kind: str,
                 decisions: bool = True) -> None:
    refused = identity.split_off(conn, entity_id, kind) if decisions else set()
    for alias in dict.fromkeys(n.strip() for n in names if n and n.strip()):
        if name_key(alias, kind) in refused:
            continue
        conn.execute(
            """INSERT INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)
               ON CONFLICT (entity_id, alias) DO NOTHING""",
            (entity_id, alias, name_key(alias, kind)),
        )


def _add_role(conn: sqlite3.Connection, entity_id: int, entity: Entity, article: Article) -> None:
    if entity.role is None and entity.affiliation is None:
        return
    conn.execute(
        """INSERT INTO entity_roles (entity_id, role, affiliation, article_id, published)
           VALUES (?, ?, ?, ?, ?)""",
        (entity_id, entity.role, entity.affiliation, article.id, article.published),
    )


# -- mentions and claims -----------------------------------------------------------------

def _insert_mentions(
    conn: sqlite3.Connection, article_id: str, mentions: list[Mention], entity_ids: dict[str, int]
) -> dict[tuple[int, int], int]:
    """Insert mentions (entity_id NULL for an unknown key); return {(start, end): mention id}."""
    ids: dict[tuple[int, int], int] = {}
    for m in mentions:
        cursor = conn.execute(
            """INSERT INTO mentions (article_id, entity_id, span_start, span_end, text, kind, extractor)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (article_id, entity_ids.get(m.entity_key), m.start, m.end, m.text, m.kind, m.extractor),
        )
        ids.setdefault((m.start, m.end), int(cursor.lastrowid))
    return ids


def _insert_claims(
    conn: sqlite3.Connection, article_id: str, claims: list[Claim],
    entity_ids: dict[str, int], mention_ids: dict[tuple[int, int], int],
) -> list[int]:
    """Insert claims (their ids in order); the speaker links to its mention and canonical entity."""
    ids = []
    for claim in claims:
        cursor = conn.execute(
            """INSERT INTO claims (article_id, speaker_mention_id, speaker_entity_id,
                   speaker_start, speaker_end, speaker_text, cue_start, cue_end, cue_text,
                   content_start, content_end, content_text, parts, kind, channel, extractor)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (article_id, *_claim_values(claim, entity_ids, mention_ids)),
        )
        ids.append(int(cursor.lastrowid))
    return ids


def _claim_values(claim: Claim, entity_ids: dict[str, int], mention_ids: dict[tuple[int, int], int]) -> tuple:
    if not claim.content:
        raise ValueError("a claim needs at least one content span")
    speaker, cue = claim.speaker, claim.cue
    mention_id = mention_ids.get((speaker.start, speaker.end)) if speaker else None
    entity_id = entity_ids.get(claim.speaker_key) if claim.speaker_key else None
    parts = [[s.start, s.end] for s in claim.content]
    return (
        mention_id, entity_id,
        *_span_values(speaker), *_span_values(cue),
        min(s.start for s in claim.content), max(s.end for s in claim.content),
        claim.content_text, json.dumps(parts), claim.kind, claim.channel, claim.extractor,
    )


def _span_values(span) -> tuple:
    return (span.start, span.end, span.text) if span is not None else (None, None, None)


# -- time expressions, figures, forecasts --------------------------------------------------

def forecast_key(article_id: str, forecast: Forecast) -> str:
    """A forecast's stable key (article + span): resolutions survive a re-extraction."""
    return f"{article_id}:{forecast.start}-{forecast.end}"


def _claim_at(claims: list[Claim], claim_ids: list[int]):
    """A function: (start, end) -> id of the first claim whose content holds that span, or None.

    Content spans are sorted once and searched by bisection, with the longest span reaching
    back from each position, so linking n time expressions to m claims costs about
    (n + m) log m, not n * m (a 2M-character article has thousands of each)."""
    pieces = sorted((s.start, s.end, order) for order, claim in enumerate(claims) for s in claim.content)
    starts = [p[0] for p in pieces]
    reach = list(itertools.accumulate((p[1] for p in pieces), max))  # furthest end among pieces[:i+1]

    def find(start: int, end: int) -> int | None:
        best = None
        i = bisect.bisect_right(starts, start) - 1
        while i >= 0 and reach[i] >= end:  # some piece at or before i may still hold the span
            s, e, order = pieces[i]
            if e >= end and (best is None or order < best):
                best = order
            i -= 1
        return claim_ids[best] if best is not None else None
    return find


def _index(ids: list[int], index: int | None) -> int | None:
    return ids[index] if index is not None and 0 <= index < len(ids) else None


def _insert_times(conn: sqlite3.Connection, article_id: str, times: list[TimeExpr], claim_at) -> list[int]:
    """Insert time expressions (each linked to the claim whose content holds it); their ids in order."""
    ids = []
    for t in times:
        cursor = conn.execute(
            """INSERT INTO time_exprs (article_id, claim_id, span_start, span_end, text, type, value,
                   earliest, latest, mod, anchored, extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (article_id, claim_at(t.start, t.end), t.start, t.end, t.text, t.type, t.value,
             t.earliest, t.latest, t.mod, int(t.anchored), t.extractor),
        )
        ids.append(int(cursor.lastrowid))
    return ids


def _insert_figures(conn: sqlite3.Connection, article_id: str, figures: list[Figure], claim_ids: list[int]) -> None:
    """One statement for all of an article's figures (no id is needed back; seven rows a Reuters story)."""
    if not figures:
        return
    conn.executemany(
        """INSERT INTO figures (article_id, claim_id, span_start, span_end, text, value, low, high,
               unit, counted, qualifier, subject, event, owner, extractor)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(article_id, _index(claim_ids, f.claim_index), f.start, f.end, f.text,
          _finite(f.value), _finite(f.low), _finite(f.high), f.unit, f.counted, f.qualifier,
          f.subject, f.event, f.owner, f.extractor) for f in figures],
    )


def _finite(value: float | None) -> float | None:
    """A number the ledger can hold: infinities and NaN become NULL."""
    return float(value) if value is not None and math.isfinite(value) else None


def _insert_forecasts(
    conn: sqlite3.Connection, article_id: str, forecasts: list[Forecast],
    claim_ids: list[int], time_ids: list[int], entity_ids: dict[str, int],
) -> None:
    if not forecasts:
        return
    conn.executemany(
        """INSERT INTO forecasts (forecast_key, article_id, claim_id, predictor_entity_id, time_expr_id,
               span_start, span_end, text, cue_start, cue_end, cue_text, hedging, polarity, event, earliest,
               latest, condition_start, condition_end, condition_text, status, extractor)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(forecast_key(article_id, f), article_id, _index(claim_ids, f.claim_index),
          entity_ids.get(f.predictor_key) if f.predictor_key else None, _index(time_ids, f.time_index),
          f.start, f.end, f.text, *_span_values(f.cue), f.hedging, f.polarity, f.event or f.text,
          f.earliest, f.latest, *_span_values(f.condition), f.status, f.extractor) for f in forecasts],
    )


def add_resolution(conn: sqlite3.Connection, key: str, outcome: str, evidence: str,
                   note: str | None, who: str) -> int:
    """Record one resolution of the forecast with ``key`` (earlier ones are kept as history)."""
    with transaction(conn):
        cursor = conn.execute(
            """INSERT INTO resolutions (forecast_key, outcome, evidence, note, resolved_by, resolved_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            (key, outcome, evidence, note, who, now_iso()),
        )
        return int(cursor.lastrowid)
