"""The SQL helpers every ledger module uses: one transaction, one WHERE builder, the backend's
full-text search.

SQL lives in ``sayso/ledger/`` only, written once for both backends: a PostgreSQL connection
(:mod:`.postgres`) runs the same statements; full-text search is one module per backend
(:mod:`.fts5`, :mod:`.tsearch`), chosen by :func:`fts`.
"""
from __future__ import annotations

import contextlib
import re
import sqlite3
from contextlib import contextmanager
from types import ModuleType
from typing import Iterator

from sayso.errors import SaysoError
from sayso.ledger import fts5


class LedgerError(SaysoError):
    """The ledger cannot be used (newer schema, no FTS5, no server, ...)."""


def dialect(conn) -> str:
    """"sqlite" or "postgresql"."""
    return getattr(conn, "dialect", "sqlite")


def fts(conn) -> ModuleType:
    """The full-text search module of ``conn``'s backend: :mod:`.fts5`, or the one the connection
    names (:mod:`.tsearch` for PostgreSQL)."""
    return getattr(conn, "fts", None) or fts5


def has_table(conn, name: str) -> bool:
    """Whether the ledger has table ``name`` (an older schema may not)."""
    if dialect(conn) == "postgresql":
        return conn.execute("SELECT to_regclass(?) IS NOT NULL", (name,)).fetchone()[0]
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; ``ROLLBACK`` and re-raise on any exception.

    The first exception is the one raised: a Ctrl-C that cuts a PostgreSQL query leaves the
    connection busy, so its ``ROLLBACK`` fails with "another command is already in progress"; that
    error must not hide the interrupt (the server rolls the transaction back when the connection
    closes, and SQLite when the process ends), or the user reads "the ledger refused the request"
    and exit 1 instead of "interrupted" and exit 130 (seen in CI, tests/test_parallel.py).
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        with contextlib.suppress(Exception):
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


class Connection(sqlite3.Connection):
    """An SQLite connection whose bound text can always be stored: a lone surrogate (what Python makes of
    non-UTF-8 bytes on a command line, or of a ``"\\ud800"`` JSON escape) becomes U+FFFD, not a UnicodeEncodeError."""

    dialect = "sqlite"

    def execute(self, sql: str, parameters=(), /):
        return super().execute(sql, _storable_all(parameters))

    def executemany(self, sql: str, seq_of_parameters, /):
        return super().executemany(sql, [_storable_all(p) for p in seq_of_parameters])


def _storable_all(parameters):
    """The parameters, lone surrogates replaced (one plain loop: a call per value was 10% of a store)."""
    if isinstance(parameters, dict):
        return {k: _storable(v) for k, v in parameters.items()}
    parameters = parameters if isinstance(parameters, (tuple, list)) else tuple(parameters)
    for value in parameters:
        if isinstance(value, str) and not value.isascii() and _SURROGATE.search(value):
            return tuple(_storable(v) for v in parameters)
    return parameters


_SURROGATE = re.compile("[\ud800-\udfff]")


def _storable(value):
    return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value
