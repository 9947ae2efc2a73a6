"""What the paginated reads share: page bounds, the page dict, search hits as pieces, date and
speaker filters, the two-step read (the ids of one page, then those rows). See :mod:`.browse`."""
from __future__ import annotations

import math
import sqlite3

from sayso.ledger.queries import DATE_HIGH_PAD, DATE_LOW_PAD, ISO_DAY_LENGTH, date_high, date_low, name_filter
from sayso.ledger.schema import LedgerError
from sayso.ledger.sql import Where, like

PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 100_000
"""Pages past this are refused (the offset stays far inside SQLite's integers)."""
HIT_START, HIT_END = "\ue000", "\ue001"
"""FTS5 highlight markers (Unicode private use): the marked text is split on them into pieces."""
MAX_ENTITIES = 5000
"""A speaker filter matching more entities than this keeps the first ones (a name of one or two letters)."""


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


def entity_ids(conn: sqlite3.Connection, name: str) -> list[int]:
    """The entities a name or alias matches (as every ``--speaker`` filter matches them), looked up once."""
    where = name_filter(Where(), name, "e.id", "NULL")
    return [r[0] for r in conn.execute("SELECT e.id FROM entities e" + where.sql(), where.params)]


def speaker_filter(conn: sqlite3.Connection, where: Where, name: str, entity_column: str, text_column: str,
                    ids: list[int] | None = None) -> Where:
    """``where`` also matching a speaker by name or alias: the entities found once (``ids``, else looked
    up), or the words of an unresolved speaker (the rule of :func:`sayso.ledger.queries.name_filter`,
    cheaper on a big ledger)."""
    ids = (entity_ids(conn, name) if ids is None else ids)[:MAX_ENTITIES]
    marks = ", ".join("?" * len(ids)) or "NULL"
    return where.add(f"({entity_column} IN ({marks}) OR ({entity_column} IS NULL AND "
                     f"lower(COALESCE({text_column}, '')) LIKE ? ESCAPE '\\'))", *ids, like(name.strip().lower()))
