"""The forecast board and the figure groups of the web view (see :mod:`.browse`).

A forecast's column is the ledger's status on the as-of day (:func:`sayso.ledger.forecasts.status`),
an open one without a deadline apart; a board page reads one page of rows, the status also being
written in SQL (:data:`BOARD_SQL`, :data:`BOARD_WHERE`; a test checks that they agree). Figure
groups are computed across all figures by :mod:`sayso.ledger.figures` and kept while the
ledger's figures and articles do not change.
"""
from __future__ import annotations

import sqlite3

from sayso.ledger import figures as figure_book, forecasts as forecast_book
from sayso.ledger.pages import PER_PAGE, check_page, match_speaker, page_ids, page_of, speaker_filter
from sayso.ledger.schema import LedgerError
from sayso.ledger.sql import Where, dialect, like

BOARD_ORDER = ("due", "overdue", "open", "no-deadline", "resolved")
"""The forecast board's columns, in order; a column shows when the ledger knows its status."""
NO_DEADLINE = "no-deadline"
CONTEXT_CHARS = 280


def board_status(row: dict) -> str:
    """The forecast's column on the board: the ledger's status, an open one without a deadline apart.

    (When the ledger gives its own "no-deadline" and "overdue" statuses, they pass through as they are.)
    """
    if row["status"] == "open" and not row.get("latest"):
        return NO_DEADLINE
    return row["status"]


def board_columns() -> tuple[str, ...]:
    """The board's columns the ledger can fill: :data:`BOARD_ORDER` among its statuses (and no-deadline)."""
    known = set(forecast_book.STATUSES) | {NO_DEADLINE}
    return tuple(s for s in BOARD_ORDER if s in known) + tuple(s for s in forecast_book.STATUSES
                                                               if s not in BOARD_ORDER)


RESOLVED = "f.forecast_key IN (SELECT forecast_key FROM resolutions)"
STALE = f"date(?, '-{forecast_book.DEFAULT_STALE_AFTER_DAYS} days')"  # the as-of day less the horizon
BOARD_SQL = f"""CASE WHEN {RESOLVED} THEN 'resolved' WHEN f.latest IS NULL THEN 'no-deadline'
     WHEN f.latest < {STALE} THEN 'overdue' WHEN f.latest < ? THEN 'due' ELSE 'open' END"""
""":func:`board_status` of :func:`sayso.ledger.forecasts.status` in SQL (two parameters: the as-of day),
so that a board page reads one page of rows, not every forecast; :data:`BOARD_WHERE` says the same
per column in a form the index on ``latest`` serves. A test checks that they agree with the ledger's
own status on every forecast and day."""
BOARD_WHERE = {
    "resolved": (RESOLVED, 0),
    "no-deadline": (f"f.latest IS NULL AND NOT {RESOLVED}", 0),
    "overdue": (f"f.latest < {STALE} AND NOT {RESOLVED}", 1),
    "due": (f"f.latest < ? AND f.latest >= {STALE} AND NOT {RESOLVED}", 2),
    "open": (f"f.latest >= ? AND NOT {RESOLVED}", 1),
}
_SOONEST = " ORDER BY f.latest IS NULL, f.latest, f.id"
_LATEST_FIRST = " ORDER BY f.latest IS NULL, f.latest DESC, f.id DESC"


def board_where(conn, speaker, due_before, hedging, q, predictor_id=None) -> tuple[str, Where]:
    """The FROM clause and the filters of a board query."""
    where = Where()
    source = "FROM forecasts f"
    if speaker:
        speaker_filter(where, match_speaker(conn, speaker), "f.predictor_entity_id", "f.claim_id")
    if predictor_id is not None:
        where.add("f.predictor_entity_id = ?", int(predictor_id))
    if due_before:
        where.add("f.latest IS NOT NULL AND f.latest < ?", forecast_book.first_day(due_before))
    if hedging:
        where.add("f.hedging = ?", hedging)
    for word in (q or "").lower().split():
        where.add("lower(f.text) LIKE ? ESCAPE '\\'", like(word))
    return source, where


def board_counts(conn: sqlite3.Connection, source: str, where: Where, day: str) -> dict[str, int]:
    rows = conn.execute(f"SELECT {BOARD_SQL} AS board, COUNT(*) {source}{where.sql()} GROUP BY board",
                        [day, day, *where.params])
    found = dict(rows.fetchall())
    return {column: found.get(column, 0) for column in board_columns()}


def board_page(conn: sqlite3.Connection, source: str, where: Where, day: str, status: str | None, limit: int,
                offset: int) -> list[dict]:
    chosen = Where()
    chosen.clauses, chosen.params = list(where.clauses), list(where.params)
    if status:
        clause, days = BOARD_WHERE[status]
        chosen.add(clause, *[day] * days)
    order = _LATEST_FIRST if status in ("due", "overdue", "resolved") else _SOONEST
    ids = page_ids(conn, f"SELECT f.id {source}", chosen, order, limit, offset)
    return [{**f, "board": board_status(f)} for f in forecast_book.forecasts_by_id(conn, ids, day)]


def forecast_board(conn: sqlite3.Connection, status: str | None = None, speaker: str | None = None,
                   as_of: str | None = None, due_before: str | None = None, hedging: str | None = None,
                   q: str | None = None, page: int = 1, per_page: int = PER_PAGE) -> dict:
    """Forecasts on ``as_of`` in board columns (:func:`board_columns`), soonest deadline first (due and
    resolved ones: latest deadline first).

    Returns ``{"as_of", "columns": {status: count}, "results": page}``; the counts ignore ``status``
    (so the board shows every column) and honour the other filters. ``q``: words of the forecast.
    """
    columns = board_columns()
    if status and status not in columns:
        raise LedgerError(f"unknown status {status!r} (choose from {', '.join(columns)})")
    if hedging and hedging not in forecast_book.HEDGING_PROBABILITY:
        raise LedgerError(f"unknown hedging {hedging!r} (choose from {', '.join(forecast_book.HEDGING_PROBABILITY)})")
    limit, offset = check_page(page, per_page)
    day = forecast_book.as_of_day(as_of)
    source, where = board_where(conn, speaker, due_before, hedging, q)
    per_column = board_counts(conn, source, where, day)
    total = per_column.get(status, 0) if status else sum(per_column.values())
    return {"as_of": day, "columns": per_column,
            "results": page_of(board_page(conn, source, where, day, status, limit, offset), total, page, per_page)}


def forecast(conn: sqlite3.Connection, forecast_id: int, as_of: str | None = None) -> dict | None:
    """One forecast with its status on ``as_of``, its words in context and its resolution history."""
    row = conn.execute("SELECT article_id, span_start, span_end FROM forecasts WHERE id = ?",
                       (int(forecast_id),)).fetchone()
    if row is None:
        return None
    found = forecast_book.forecasts_by_id(conn, [int(forecast_id)], as_of)
    if not found:
        return None
    start, end = row["span_start"], row["span_end"]
    text = conn.execute("SELECT substr(text, ?, ?), substr(text, ?, ?), substr(text, ?, ?) FROM articles "
                        "WHERE id = ?", (max(1, start + 1 - CONTEXT_CHARS), min(start, CONTEXT_CHARS),
                                         start + 1, end - start, end + 1, CONTEXT_CHARS, row["article_id"])).fetchone()
    before, after = text[0], text[2]
    if start > CONTEXT_CHARS:  # cut at a word boundary
        before = before.split(None, 1)[1] if len(before.split(None, 1)) == 2 else before
    if len(after) == CONTEXT_CHARS:
        after = after.rsplit(None, 1)[0]
    return {**found[0], "board": board_status(found[0]), "as_of": forecast_book.as_of_day(as_of),
            "context": {"before": before, "text": text[1], "after": after},
            "history": forecast_book.resolutions(conn, int(forecast_id)), "outcomes": list(forecast_book.OUTCOMES)}


# -- figures ----------------------------------------------------------------------------------

_GROUPS: dict[tuple, list[dict]] = {}
"""The grouped figures of a ledger, kept while its figures and articles do not change."""


def _ledger_stamp(conn: sqlite3.Connection) -> tuple:
    """What changes when figures or articles change: the file, counts and newest row ids."""
    files = (conn.url,) if dialect(conn) == "postgresql" else tuple(r[2] for r in conn.execute("PRAGMA database_list"))
    stamp = conn.execute("SELECT (SELECT MAX(id) FROM figures), (SELECT COUNT(*) FROM articles), "
                         "(SELECT MAX(rowid) FROM articles)").fetchone()
    return (files, tuple(stamp))


def _groups(conn: sqlite3.Connection, q: str | None) -> list[dict]:
    """Figure groups as dicts: group, measure, unit, disputed, members (each a flat figure dict)."""
    if q:
        return _as_groups(figure_book.figure_groups(conn, q, disputed_only=False))
    stamp = _ledger_stamp(conn)
    if not stamp[0][0] or stamp[0][0] == ":memory:" or stamp not in _GROUPS:
        groups = _as_groups(figure_book.figure_groups(conn, None, disputed_only=False))
        if stamp[0][0] and stamp[0][0] != ":memory:":
            _GROUPS.clear()
            _GROUPS[stamp] = groups
        return groups
    return _GROUPS[stamp]


def _as_groups(flat: list[dict]) -> list[dict]:
    groups: dict[int, dict] = {}
    for member in flat:
        group = groups.setdefault(member["group"], {k: member[k] for k in ("group", "measure", "unit", "disputed")}
                                  | {"members": []})
        group["members"].append(member)
    for group in groups.values():
        values = [v for m in group["members"] for v in (m["value"], m["low"], m["high"]) if v is not None]
        group["min"], group["max"] = (min(values), max(values)) if values else (None, None)
        group["articles"] = len({m["article_id"] for m in group["members"]})
    return list(groups.values())


def figure_groups(conn: sqlite3.Connection, q: str | None = None, disputed: bool = True, page: int = 1,
                  per_page: int = PER_PAGE) -> dict:
    """Figures grouped by what they measure, disputed groups first (``disputed``: only those), one page
    of groups; each group: measure, unit, disputed, min, max, articles, members (value, text, speaker,
    owner, source, published, article_id, figure_id)."""
    limit, offset = check_page(page, per_page)
    groups = [g for g in _groups(conn, (q or "").strip() or None) if g["disputed"] or not disputed]
    return {"disputed": sum(g["disputed"] for g in groups),
            "results": page_of(groups[offset:offset + limit], len(groups), page, per_page)}
