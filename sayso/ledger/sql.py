"""The two SQL helpers every ledger module uses: one transaction, one WHERE builder.

SQL lives in ``sayso/ledger/`` only; a second backend (PostgreSQL) implements these two
and the statements of :mod:`.schema`, :mod:`.store` and the read modules.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; ``ROLLBACK`` and re-raise on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class Where:
    """WHERE clauses joined by AND, with their parameters in order.

    >>> where = Where().add("a.published >= ?", "2023-02").add("x.kind = ?", "direct")
    >>> where.sql(), where.params
    (' WHERE a.published >= ? AND x.kind = ?', ['2023-02', 'direct'])
    """

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list = []

    def add(self, clause: str, *params) -> "Where":
        """Require ``clause`` (its ``?`` bound to ``params``, in order)."""
        self.clauses.append(clause)
        self.params.extend(params)
        return self

    def sql(self) -> str:
        """`` WHERE c1 AND c2 ...``, or "" without clauses."""
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""

    def prefix(self, column: str, value: str) -> "Where":
        """``column`` starts with ``value`` (an id prefix)."""
        return self.add(f"substr({column}, 1, ?) = ?", len(value), value)


def like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere (wildcards in it escaped; use ``ESCAPE '\\'``)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
