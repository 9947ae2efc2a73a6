"""Ledger reads: claims with filters, speakers, one article, export rows, counts.

Every function takes an open connection and returns plain dicts (JSON-ready:
``parts`` is a list of ``[start, end]`` pairs, ``extractors`` a dict).
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
from typing import Iterator

from sayso import shapes
from sayso.ledger.schema import LedgerError
from sayso.ledger.sql import Where, fts, like
from sayso.link.entities import ascii_fold, name_key
from sayso.records import Article

DATE_LOW_PAD = "-00-00"
"""Padding that turns "2023" / "2023-02" into the lowest sortable day of that year/month."""
DATE_HIGH_PAD = "-99-99"
"""Padding that turns "2023" / "2023-02" into the highest sortable day of that year/month."""
ISO_DAY_LENGTH = len("YYYY-MM-DD")
_SEARCH_WORD = re.compile(r"\w+", re.UNICODE)
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")

_ROLE_ID = """COALESCE(
    (SELECT MIN(r1.id) FROM entity_roles r1
      WHERE r1.entity_id = c.speaker_entity_id AND r1.article_id = c.article_id),
    (SELECT r2.id FROM entity_roles r2
      WHERE r2.entity_id = c.speaker_entity_id AND r2.published <= a.published
      ORDER BY r2.published DESC, r2.id DESC LIMIT 1))"""
"""The speaker's role row in this article, else the latest one known on or before its date."""

_CLAIM_SELECT = f"""SELECT c.id, c.article_id, a.title, a.published, a.date_precision, a.url, a.source,
    e.name AS entity_name, e.kind AS entity_kind, c.speaker_entity_id, c.speaker_mention_id,
    c.speaker_start, c.speaker_end, c.speaker_text, c.cue_start, c.cue_end, c.cue_text,
    c.content_start, c.content_end, c.content_text, c.parts, c.kind, c.channel, c.extractor,
    r.role, r.affiliation
  FROM claims c JOIN articles a ON a.id = c.article_id
  LEFT JOIN entities e ON e.id = c.speaker_entity_id
  LEFT JOIN entity_roles r ON r.id = {_ROLE_ID}"""

PAGE_BY_IDS = 1000
"""A page of at most this many claims is read in two steps: the ids of the page (filters and order
only), then those rows with their speaker's role. On 1,000,000 claims a search for "trade deficit"
took 29 s on PostgreSQL when each of its 4,248 matches looked up its role before the page was cut."""

_CLAIM_ORDER = " ORDER BY a.published IS NULL, a.published, c.article_id, c.content_start, c.id"
_PG_CLAIM_IDS = "SELECT c.id FROM claims c"
_PG_CLAIM_ORDER = " ORDER BY c.published IS NULL, c.published, c.article_id, c.content_start, c.id"
"""PostgreSQL pages claims by their own copy of the article's date (migration 10, :data:`sayso.ledger.
schema_pg.PG_ONLY`): the same order, from the indexes of claims alone."""


def entity_match(entity_column: str, text_column: str) -> str:
    """SQL: the row's entity has a name or alias like the pattern, or (no entity) its words are.

    Takes five parameters: lowered pattern, key pattern, lowered, key, lowered (see :func:`name_filter`).
    """
    return f"""({entity_column} IN (
      SELECT id FROM entities WHERE lower(name) LIKE ? ESCAPE '\\' OR name_key LIKE ? ESCAPE '\\'
      UNION SELECT entity_id FROM entity_aliases WHERE lower(alias) LIKE ? ESCAPE '\\'
                                                 OR alias_key LIKE ? ESCAPE '\\')
    OR ({entity_column} IS NULL AND lower(COALESCE({text_column}, '')) LIKE ? ESCAPE '\\'))"""


TRIGRAM = 3
"""A trigram index finds only strings of at least 3 characters: shorter names are matched by a scan."""


def indexed_entity_match(entity_column: str, text_column: str, id_column: str) -> str:
    """:func:`entity_match` with the candidate rows found by the trigram indexes of migration 9 (SQLite);
    the LIKE conditions then decide as there, so exactly the same rows match.

    Takes eight parameters: MATCH, lowered, key, MATCH, lowered, key, MATCH (lowered), lowered.
    On 1,000,000 claims a surname took 1.5 s (a LIKE over every claim without an entity), 1-5 ms so.
    """
    return f"""({entity_column} IN (
      SELECT id FROM entities WHERE id IN (SELECT rowid FROM entity_names_fts WHERE entity_names_fts MATCH ?)
                                AND (lower(name) LIKE ? ESCAPE '\\' OR name_key LIKE ? ESCAPE '\\')
      UNION SELECT entity_id FROM entity_aliases
             WHERE rowid IN (SELECT rowid FROM entity_aliases_fts WHERE entity_aliases_fts MATCH ?)
               AND (lower(alias) LIKE ? ESCAPE '\\' OR alias_key LIKE ? ESCAPE '\\'))
    OR ({entity_column} IS NULL
        AND {id_column} IN (SELECT rowid FROM claims_speaker_fts WHERE claims_speaker_fts MATCH ?)
        AND lower(COALESCE({text_column}, '')) LIKE ? ESCAPE '\\'))"""


def phrase(text: str) -> str:
    """An FTS5 phrase matching ``text`` as it is (quotes doubled)."""
    return '"' + text.replace('"', '""') + '"'


def name_filter(where: Where, name: str, entity_column: str, text_column: str, conn=None,
                id_column: str | None = None) -> Where:
    """``where`` also matching a person or organisation by name, alias or key.

    Given an SQLite ``conn`` and the column of the claim's id, the trigram indexes find the candidates
    (:func:`indexed_entity_match`); other backends run the plain conditions (PostgreSQL's own
    trigram index serves them)."""
    words, key = name.strip().lower(), name_key(name) or ascii_fold(name)
    lowered, keyed = like(words), like(key)
    if isinstance(conn, sqlite3.Connection) and id_column and min(len(words), len(key)) >= TRIGRAM:
        names = f"{phrase(words)} OR {phrase(key)}"
        return where.add(indexed_entity_match(entity_column, text_column, id_column),
                         names, lowered, keyed, names, lowered, keyed, phrase(words), lowered)
    return where.add(entity_match(entity_column, text_column), lowered, keyed, lowered, keyed, lowered)


MAX_LISTED = 5000
"""A speaker filter lists at most this many entities or speaker words; past that it matches in SQL."""
_ENTITY_IDS = """SELECT id FROM entities WHERE lower(name) LIKE ? ESCAPE '\\' OR name_key LIKE ? ESCAPE '\\'
    UNION SELECT entity_id FROM entity_aliases WHERE lower(alias) LIKE ? ESCAPE '\\' OR alias_key LIKE ? ESCAPE '\\'"""
_UNLINKED_SPEAKERS = """WITH RECURSIVE words(w) AS (
      SELECT MIN(speaker_text) FROM claims WHERE speaker_entity_id IS NULL
      UNION ALL
      SELECT (SELECT MIN(speaker_text) FROM claims WHERE speaker_entity_id IS NULL AND speaker_text > words.w)
        FROM words WHERE words.w IS NOT NULL)
    SELECT w FROM words WHERE w IS NOT NULL AND lower(w) LIKE ? ESCAPE '\\'"""
"""The distinct speaker words of claims without an entity that match a pattern, read by skipping
through an index from one value to the next (a few index seeks, not a scan of every such claim)."""


def speaker_filter(conn, where: Where, name: str) -> Where:
    """``where`` also matching the claims of a speaker, as :func:`name_filter` matches them, with the
    matching entities and unlinked speaker words looked up first, so that the claims are found
    through their indexes. On 1,000,000 claims the page of a speaker with few claims took 0.8 to
    2.4 s when every claim without an entity was tested against the pattern."""
    lowered, keyed = like(name.strip().lower()), like(name_key(name) or ascii_fold(name))
    if not name.strip():
        return name_filter(where, name, "c.speaker_entity_id", "c.speaker_text")
    ids = [r[0] for r in conn.execute(_ENTITY_IDS + f" LIMIT {MAX_LISTED + 1}", (lowered, keyed, lowered, keyed))]
    words = [r[0] for r in conn.execute(_UNLINKED_SPEAKERS + f" LIMIT {MAX_LISTED + 1}", (lowered,))]
    if len(ids) > MAX_LISTED or len(words) > MAX_LISTED:
        return name_filter(where, name, "c.speaker_entity_id", "c.speaker_text")
    return where.add(f"(c.speaker_entity_id IN ({', '.join('?' * len(ids)) or 'NULL'}) OR (c.speaker_entity_id IS NULL"
                     f" AND c.speaker_text IN ({', '.join('?' * len(words)) or 'NULL'})))", *ids, *words)


def fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH expression: every word quoted, all required, the last one a prefix.

    Operators and quotes in user input (``"``, ``-``, ``*``, ``AND``) become
    plain words; None when the input has no word at all.
    """
    words = _SEARCH_WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _date_prefix(value: str) -> str:
    """The ISO date part of ``value`` ("2023", "2023-02", "2023-02-10", time ignored) or LedgerError."""
    match = _ISO_DATE.match(str(value).strip())
    if not match:
        raise LedgerError(f"not a date: {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    return match.group(0)


def date_low(value: str) -> str:
    """Lowest sortable day of an ISO date prefix ("2023-02" -> "2023-02-00")."""
    return (_date_prefix(value) + DATE_LOW_PAD)[:ISO_DAY_LENGTH]


def date_high(value: str) -> str:
    """Highest sortable day of an ISO date prefix ("2023-02" -> "2023-02-99")."""
    return (_date_prefix(value) + DATE_HIGH_PAD)[:ISO_DAY_LENGTH]


def _filters(speaker, search, since, until, article, conn=None, published: str = "a.published") -> Where:
    """The WHERE clauses of :func:`claims` (``published``: the column holding the article's date)."""
    where = Where()
    if speaker:
        if isinstance(conn, sqlite3.Connection):  # trigram full-text candidates (migration 9)
            name_filter(where, speaker, "c.speaker_entity_id", "c.speaker_text", conn, "c.id")
        else:  # PostgreSQL: entities and unlinked speaker words looked up first
            speaker_filter(conn, where, speaker)
    if search is not None:
        where.add(fts(conn).claims_matching("c.id"), fts(conn).all_words(search))
    if since:
        where.add(f"substr({published} || '{DATE_HIGH_PAD}', 1, {ISO_DAY_LENGTH}) >= ?", date_low(since))
    if until:
        where.add(f"substr({published} || '{DATE_LOW_PAD}', 1, {ISO_DAY_LENGTH}) <= ?", date_high(until))
    if article:
        where.prefix("c.article_id", article)
    return where


def claims(conn: sqlite3.Connection, speaker=None, search=None, since=None, until=None,
           article=None, limit=None, offset=0) -> list[dict]:
    """Claims matching every given filter, ordered by published date, article, position.

    ``search`` None is no filter; a search with no word in it ("", " ", "--") finds nothing."""
    if search is not None and fts_query(search) is None:
        return []
    sqlite = isinstance(conn, sqlite3.Connection)
    if limit is not None and int(limit) <= PAGE_BY_IDS and not sqlite:  # PostgreSQL: ids, then rows with roles
        where = _filters(speaker, None, since, until, article, conn, published="c.published")
        return claims_by_id(conn, pg_page_of_claims(conn, where, search, int(limit), int(offset or 0)))
    where = _filters(speaker, search, since, until, article, conn)
    params = [*where.params, -1 if limit is None else int(limit), int(offset or 0)]
    if limit is not None and where.clauses and sqlite:
        ids = page_of_claims(conn, where.sql() + _CLAIM_ORDER + " LIMIT ? OFFSET ?", params)
        sql = _CLAIM_SELECT + f" WHERE c.id IN ({', '.join('?' * len(ids))})" + _CLAIM_ORDER
        return [claim_dict(row) for row in conn.execute(sql, ids)] if ids else []
    sql = _CLAIM_SELECT + where.sql() + _CLAIM_ORDER + " LIMIT ? OFFSET ?"
    return [claim_dict(row) for row in conn.execute(sql, params)]


SORTED_FIRST_STEPS = 150_000
"""SQLite VM steps a page of claims is looked for by sorting the matches, before walking the ledger in
date order instead (:func:`page_of_claims`): about 4,000 matches sorted (steps count the same on a
busy machine as on an idle one, unlike a time limit)."""
_SORTED_IDS = "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id"
_WALKED_IDS = "SELECT c.id FROM articles a CROSS JOIN claims c ON a.id = c.article_id"


def page_of_claims(conn: sqlite3.Connection, tail: str, params: list) -> list[int]:
    """The claim ids of one page (``tail``: WHERE, ORDER BY, LIMIT and OFFSET), in SQLite.

    Two plans give the same ids: sort every match by date (cheap when few claims match: a rare name),
    or walk the articles in date order (the indexes of migrations 8 and 9) until the page is full (cheap when
    many match: the most quoted speaker, 107,000 of 1,000,000 claims, 17,000 steps against 3,400,000
    sorted). SQLite's planner cannot tell which from its statistics, so the sort gets
    :data:`SORTED_FIRST_STEPS` and the walk takes over when they run out."""
    steps = [0]

    def spent() -> bool:
        steps[0] += 1000
        return steps[0] > SORTED_FIRST_STEPS

    conn.set_progress_handler(spent, 1000)
    try:
        return [row[0] for row in conn.execute(_SORTED_IDS + tail, params)]
    except sqlite3.OperationalError as exc:
        if "interrupt" not in str(exc):
            raise
    finally:
        conn.set_progress_handler(None, 0)
    return [row[0] for row in conn.execute(_WALKED_IDS + tail, params)]


PG_WALK_ROWS = 10_000
"""Claims a search page on PostgreSQL is first looked for among, walking the ledger in date order
(:func:`pg_page_of_claims`)."""
_PG_WALKED = ("SELECT c.id FROM (SELECT c.id, c.search, c.published IS NULL AS undated, c.published, c.article_id,"
              " c.content_start FROM claims c{where}" + _PG_CLAIM_ORDER + " LIMIT ?) c WHERE {match}"
              " ORDER BY c.undated, c.published, c.article_id, c.content_start, c.id LIMIT ? OFFSET ?")
"""The walk: the outer query sorts by the inner one's own output columns, so PostgreSQL sees them in
order already and stops at a full page (sorting by ``c.published IS NULL`` again read all 10,000:
7.7 ms against 0.8 for "oil")."""


def pg_page_of_claims(conn, where: Where, search: str | None, limit: int, offset: int) -> list[int]:
    """The claim ids of one page on PostgreSQL: those matching ``where`` (and ``search``), in date order.

    A search is first looked for in the first :data:`PG_WALK_ROWS` claims in date order (an index
    walk that stops at a full page); only when they hold no full page does the planner choose. It
    estimates two words as independent, so on 1,000,000 claims it sorted all 9,894 matches of
    "interest rates" (27 ms) where 5,000 claims walked hold the page (3 ms); the walk's cost when it
    fails is at most about 6 ms (a rare phrase, then found through the GIN index in 2 to 13 ms).
    Both give the same ids: the walked claims are the first ones of the exact query's order."""
    def ids(sql: str, params: list) -> list[int]:
        return [row[0] for row in conn.execute(sql, [*params, limit, offset])]

    if search is not None:
        match, words = fts(conn).claims_matching("c.id"), fts(conn).all_words(search)
        if offset + limit <= PG_WALK_ROWS:
            walked = ids(_PG_WALKED.format(where=where.sql(), match=match), [*where.params, PG_WALK_ROWS, words])
            if len(walked) == limit:
                return walked
        where.add(match, words)
    return ids(_PG_CLAIM_IDS + where.sql() + _PG_CLAIM_ORDER + " LIMIT ? OFFSET ?", where.params)


def claim_dict(row: sqlite3.Row) -> dict:
    """The claim dict (:func:`sayso.shapes.claim`, docs/ledger.md) of a :data:`_CLAIM_SELECT` row."""
    return shapes.claim(
        speaker=row["entity_name"] or row["speaker_text"], speaker_text=row["speaker_text"],
        speaker_start=row["speaker_start"], speaker_end=row["speaker_end"], cue=row["cue_text"],
        cue_start=row["cue_start"], cue_end=row["cue_end"], content=row["content_text"],
        parts=json.loads(row["parts"]), kind=row["kind"], channel=row["channel"], extractor=row["extractor"],
        id=row["id"], article_id=row["article_id"], title=row["title"], published=row["published"],
        date_precision=row["date_precision"], url=row["url"], source=row["source"],
        speaker_id=row["speaker_entity_id"], speaker_kind=row["entity_kind"], speaker_mention_id=row["speaker_mention_id"],
        role=row["role"], affiliation=row["affiliation"],
    )


def export_rows(conn: sqlite3.Connection) -> Iterator[dict]:
    """One claim dict per claim (:func:`claim_dict`), in claim order."""
    for row in conn.execute(_CLAIM_SELECT + _CLAIM_ORDER):
        yield claim_dict(row)


_SPEAKERS_SQL = """
WITH said AS (SELECT speaker_entity_id AS entity_id, COUNT(*) AS n FROM claims
              WHERE speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id),
     refs AS (SELECT entity_id, article_id FROM mentions WHERE entity_id IS NOT NULL
              UNION SELECT speaker_entity_id, article_id FROM claims WHERE speaker_entity_id IS NOT NULL),
     seen AS (SELECT entity_id, COUNT(*) AS n FROM refs GROUP BY entity_id)
SELECT e.id, e.name, e.kind, COALESCE(said.n, 0) AS claims, COALESCE(seen.n, 0) AS articles
  FROM entities e LEFT JOIN said ON said.entity_id = e.id LEFT JOIN seen ON seen.entity_id = e.id
 WHERE COALESCE(said.n, 0) >= ?
 ORDER BY claims DESC, articles DESC, e.name"""


def speakers(conn: sqlite3.Connection, min_claims: int = 1) -> list[dict]:
    """Canonical entities with at least ``min_claims`` claims, most claims first.

    Each dict: id, name, kind, roles (strings like "President (Ukraine)", first seen first),
    role_history (list of {role, affiliation, first, last} published dates),
    aliases (other names seen), claims, articles.
    """
    rows = conn.execute(_SPEAKERS_SQL, (min_claims,)).fetchall()
    roles, aliases = _roles_by_entity(conn), _aliases_by_entity(conn)
    return [
        {"id": r["id"], "name": r["name"], "kind": r["kind"],
         "roles": list(dict.fromkeys(role_label(h) for h in roles.get(r["id"], []))),
         "role_history": roles.get(r["id"], []),
         "aliases": [a for a in aliases.get(r["id"], []) if a != r["name"]],
         "claims": r["claims"], "articles": r["articles"]}
        for r in rows
    ]


def role_label(history: dict) -> str:
    """"President (Ukraine)", "President" or "(Ukraine)" from a role_history item."""
    role, affiliation = history["role"], history["affiliation"]
    if role and affiliation:
        return f"{role} ({affiliation})"
    return role or f"({affiliation})"


def _roles_by_entity(conn: sqlite3.Connection) -> dict[int, list[dict]]:
    rows = conn.execute(
        """SELECT entity_id, role, affiliation, MIN(published) AS first, MAX(published) AS last
             FROM entity_roles GROUP BY entity_id, role, affiliation
            ORDER BY entity_id, MIN(published) IS NULL, MIN(published), role"""
    )
    out: dict[int, list[dict]] = {}
    for r in rows:
        out.setdefault(r["entity_id"], []).append(
            {"role": r["role"], "affiliation": r["affiliation"], "first": r["first"], "last": r["last"]}
        )
    return out


def _aliases_by_entity(conn: sqlite3.Connection) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for r in conn.execute("SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, alias"):
        out.setdefault(r["entity_id"], []).append(r["alias"])
    return out


_ARTICLE_FIELDS = "id, title, text, published, date_precision, url, source, extractors, ingested_at"


def resolve_article(conn: sqlite3.Connection, ref: str) -> str | None:
    """The article id ``ref`` names: full id, unique id prefix, url, or path (as given or absolute)."""
    ref = ref.strip()
    if not ref:
        return None
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE id = ? OR substr(id, 1, ?) = ? LIMIT 2", (ref, len(ref), ref))]
    if len(ids) == 1:
        return ids[0]
    if ref in ids:
        return ref
    urls = (ref, os.path.abspath(ref))
    row = conn.execute("SELECT id FROM articles WHERE url IN (?, ?) ORDER BY id LIMIT 1", urls).fetchone()
    return row[0] if row else None


def article(conn: sqlite3.Connection, ref: str) -> dict | None:
    """One article (fields, extractors dict, claims, mentions) by id, id prefix, url or path."""
    article_id = resolve_article(conn, ref)
    if article_id is None:
        return None
    row = conn.execute(f"SELECT {_ARTICLE_FIELDS} FROM articles WHERE id = ?", (article_id,)).fetchone()
    out = dict(row)
    out["extractors"] = json.loads(out["extractors"])
    rows = conn.execute(_CLAIM_SELECT + " WHERE c.article_id = ?" + _CLAIM_ORDER, (article_id,))
    out["claims"] = [claim_dict(r) for r in rows]
    out["mentions"] = mentions(conn, article_id)
    out["times"] = time_exprs(conn, article_id)
    out["figures"] = figures(conn, article_id)
    return out


def stale_articles(conn: sqlite3.Connection, versions: dict[str, str]) -> Iterator[Article]:
    """Every article stored under other extractor strings than ``versions``, as it was read."""
    stale = [row["id"] for row in conn.execute("SELECT id, extractors FROM articles ORDER BY ingested_at, id")
             if json.loads(row["extractors"]) != versions]
    for article_id in stale:
        row = conn.execute("SELECT text, title, published, date_precision, url, source, id, author, speaker "
                           "FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None:
            yield Article(**dict(row))


def mentions(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    """An article's mentions in text order: id, entity_id, entity (canonical name), start, end, text, kind, extractor."""
    rows = conn.execute(
        """SELECT m.id, m.entity_id, e.name AS entity, m.span_start AS start, m.span_end AS "end",
                  m.text, m.kind, m.extractor
             FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id
            WHERE m.article_id = ? ORDER BY m.span_start, m.span_end, m.id""",
        (article_id,),
    )
    return [dict(r) for r in rows]


def counts(conn: sqlite3.Connection) -> dict:
    """Row counts: articles, claims, entities, mentions, time expressions, figures, forecasts, failures."""
    tables = ("articles", "claims", "entities", "mentions", "time_exprs", "figures", "forecasts",
              "resolutions", "failures")
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def failures(conn: sqlite3.Connection) -> list[dict]:
    """Recorded input failures, newest first: path, line, reason, at."""
    rows = conn.execute("SELECT path, line, reason, at FROM failures ORDER BY at DESC, id DESC")
    return [dict(r) for r in rows]


# -- time expressions and figures ----------------------------------------------------------

_SPEAKER_OF_CLAIM = """LEFT JOIN claims c ON c.id = x.claim_id
  LEFT JOIN entities e ON e.id = c.speaker_entity_id"""


def time_exprs(conn: sqlite3.Connection, article_id: str | None = None) -> list[dict]:
    """Time expressions in text order (one article's, or all): span, type, value, window, claim."""
    where = Where().add("x.article_id = ?", article_id) if article_id else Where()
    sql = f"""SELECT x.id, x.article_id, a.published, x.claim_id, x.span_start AS start, x.span_end AS "end",
                     x.text, x.type, x.value, x.earliest, x.latest, x.mod, x.anchored, x.extractor
                FROM time_exprs x JOIN articles a ON a.id = x.article_id{where.sql()}
               ORDER BY a.published IS NULL, a.published, x.article_id, x.span_start, x.id"""
    rows = conn.execute(sql, where.params)
    return [shapes.time(**{**dict(r), "anchored": bool(r["anchored"])}) for r in rows]


def figures(conn: sqlite3.Connection, article_id: str | None = None, search: str | None = None) -> list[dict]:
    """Figures (one article's, or all; ``search`` matches the counted thing, subject or text).

    Each dict: id, article_id, title, published, url, source, claim_id, speaker (canonical
    name or the claim's speaker words; None when the publication states it), owner,
    start, end, text, value, low, high, unit, counted, qualifier, subject, extractor.
    """
    where = Where()
    if article_id:
        where.add("x.article_id = ?", article_id)
    if search:
        where.add("(lower(COALESCE(x.counted, '')) LIKE ? ESCAPE '\\' OR lower(x.text) LIKE ? ESCAPE '\\'"
                  " OR lower(COALESCE(x.subject, '')) LIKE ? ESCAPE '\\')", *[like(search.strip().lower())] * 3)
    sql = f"""SELECT x.id, x.article_id, a.title, a.published, a.url, a.source, x.claim_id,
                     COALESCE(e.name, c.speaker_text) AS speaker, x.owner,
                     x.span_start AS start, x.span_end AS "end", x.text, x.value, x.low, x.high,
                     x.unit, x.counted, x.qualifier, x.subject, x.event, x.extractor
                FROM figures x JOIN articles a ON a.id = x.article_id {_SPEAKER_OF_CLAIM}{where.sql()}
               ORDER BY a.published IS NULL, a.published, x.article_id, x.span_start, x.id"""
    return [shapes.figure(**dict(r)) for r in conn.execute(sql, where.params)]


def claims_by_id(conn: sqlite3.Connection, ids: list[int]) -> list[dict]:
    """The claim dicts (:func:`claim_dict`) of these claim ids, in the order given (unknown ids skipped)."""
    if not ids:
        return []
    rows = conn.execute(_CLAIM_SELECT + f" WHERE c.id IN ({', '.join('?' * len(ids))})", list(ids))
    found = {row["id"]: claim_dict(row) for row in rows}
    return [found[i] for i in ids if i in found]
