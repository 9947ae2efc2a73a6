"""What the paginated reads share: page bounds, the page dict, search hits as pieces, date and
speaker filters, the two-step read (the ids of one page, then those rows). See :mod:`.browse`."""
from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass

from sayso.ledger.queries import DATE_HIGH_PAD, DATE_LOW_PAD, ISO_DAY_LENGTH, date_high, date_low
from sayso.ledger.schema import LedgerError
from sayso.ledger.sql import Where, like
from sayso.link.entities import ascii_fold, name_key

PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 100_000
"""Pages past this are refused (the offset stays far inside SQLite's integers)."""
HIT_START, HIT_END = "\ue000", "\ue001"
"""FTS5 highlight markers (Unicode private use): the marked text is split on them into pieces."""
MAX_IDS = 5000
"""A speaker filter lists at most this many entities or claims as ids; past that it matches them in SQL."""


def check_page(page: int, per_page: int) -> tuple[int, int]:
    """``(limit, offset)`` of a page, or LedgerError for a page or size out of range."""
    if not 1 <= int(page) <= MAX_PAGE:
        raise LedgerError(f"page must be between 1 and {MAX_PAGE}, got {page}")
    if not 1 <= int(per_page) <= MAX_PER_PAGE:
        raise LedgerError(f"per_page must be between 1 and {MAX_PER_PAGE}, got {per_page}")
    return int(per_page), (int(page) - 1) * int(per_page)


def page_of(items: list, total: int, page: int, per_page: int) -> dict:
    """The page dict every list returns."""
    return {"items": items, "total": total, "page": page, "per_page": per_page,
            "pages": max(1, math.ceil(total / per_page))}


def pieces(marked: str | None) -> list[dict]:
    """Text marked with :data:`HIT_START` / :data:`HIT_END` as ``[{"text", "hit"}]`` pieces (empty ones dropped)."""
    out, hit, buf = [], False, []
    for ch in marked or "":
        if ch in (HIT_START, HIT_END):
            if buf:
                out.append({"text": "".join(buf), "hit": hit})
            buf, hit = [], ch == HIT_START
        else:
            buf.append(ch)
    if buf:
        out.append({"text": "".join(buf), "hit": hit})
    return out


def dates(where: Where, since: str | None, until: str | None, column: str = "a.published") -> Where:
    """``where`` also limited to articles published in [since, until] (prefix dates, as the CLI reads them)."""
    if since:
        where.add(f"substr({column} || '{DATE_HIGH_PAD}', 1, {ISO_DAY_LENGTH}) >= ?", date_low(since))
    if until:
        where.add(f"substr({column} || '{DATE_LOW_PAD}', 1, {ISO_DAY_LENGTH}) <= ?", date_high(until))
    return where


def page_ids(conn: sqlite3.Connection, sql: str, where: Where, order: str, limit: int, offset: int) -> list:
    return [r[0] for r in conn.execute(sql + where.sql() + order + " LIMIT ? OFFSET ?",
                                       [*where.params, limit, offset])]


def count(conn: sqlite3.Connection, sql: str, where: Where) -> int:
    return conn.execute(sql + where.sql(), where.params).fetchone()[0]


@dataclass(frozen=True)
class SpeakerMatch:
    """Who a speaker filter matches, looked up once per request: the entities whose name or alias
    matches, and the claims without an entity whose speaker words do (each None when too many to
    list: the filter then says it in SQL)."""

    pattern: str
    key_pattern: str
    entities: tuple[int, ...] | None
    claims: tuple[int, ...] | None


_ENTITY_MATCH = """SELECT id FROM entities WHERE name LIKE ? ESCAPE '\\' OR name_key LIKE ? ESCAPE '\\'
    UNION SELECT entity_id FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\' OR alias_key LIKE ? ESCAPE '\\'"""
"""Four parameters: pattern, key pattern, pattern, key pattern."""
_UNRESOLVED_MATCH = """SELECT id FROM claims WHERE speaker_entity_id IS NULL
    AND COALESCE(speaker_text, '') LIKE ? ESCAPE '\\'"""


def match_speaker(conn: sqlite3.Connection, name: str) -> SpeakerMatch:
    """The rule of :func:`sayso.ledger.queries.name_filter` (a name or alias containing the words, or its
    key containing the name's key; else an unresolved speaker's words containing them), run once.

    SQLite's LIKE ignores ASCII case as its ``lower()`` does, so ``name LIKE pattern`` matches what
    ``lower(name) LIKE lower(pattern)`` matches, at half the cost (a test checks the two agree).
    """
    pattern, key_pattern = like(name.strip().lower()), like(name_key(name) or ascii_fold(name))
    entities = [r[0] for r in conn.execute(_ENTITY_MATCH + f" LIMIT {MAX_IDS + 1}", (pattern, key_pattern) * 2)]
    claims = [r[0] for r in conn.execute(_UNRESOLVED_MATCH + f" LIMIT {MAX_IDS + 1}", (pattern,))]
    return SpeakerMatch(pattern, key_pattern, tuple(entities) if len(entities) <= MAX_IDS else None,
                        tuple(claims) if len(claims) <= MAX_IDS else None)


def speaker_filter(where: Where, match: SpeakerMatch, entity_column: str, claim_column: str) -> Where:
    """``where`` also requiring the row's speaker to be one ``match`` found: its entity (``entity_column``)
    among the entities, or no entity and its claim (``claim_column``) among the unresolved claims."""
    if match.entities is None:
        where.add(f"({entity_column} IN ({_ENTITY_MATCH})", *(match.pattern, match.key_pattern) * 2)
    else:
        where.add(f"({entity_column} IN ({', '.join('?' * len(match.entities)) or 'NULL'})", *match.entities)
    if match.claims is None:
        where.clauses[-1] += f" OR ({entity_column} IS NULL AND {claim_column} IN ({_UNRESOLVED_MATCH})))"
        where.params.append(match.pattern)
    else:
        marks = ", ".join("?" * len(match.claims)) or "NULL"
        where.clauses[-1] += f" OR ({entity_column} IS NULL AND {claim_column} IN ({marks})))"
        where.params.extend(match.claims)
    return where
