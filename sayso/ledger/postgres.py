"""The PostgreSQL backend: a psycopg 3 connection that runs the ledger's SQLite-flavoured SQL.

Every ledger module writes one SQL text (``?`` parameters, ``conn.execute(...)``, ``row["name"]``,
``cursor.lastrowid``); :func:`connect` returns a :class:`PgConnection` that takes that text as it is
and rewrites what differs, once per statement text (cached):

- ``?`` becomes ``%s`` (and a literal ``%`` becomes ``%%``), outside quoted strings and names;
- ``LIKE`` becomes ``ILIKE``: SQLite's LIKE ignores ASCII case (the ledger's name filters rely on it);
- ``date(x, '-365 days')`` becomes ``to_char(CAST(x AS date) + (-365), 'YYYY-MM-DD')``;
- ``x IS ?`` becomes ``x IS NOT DISTINCT FROM %s`` (SQLite's ``IS`` compares any two values);
- an ``INSERT`` into a table with an ``id`` identity column gains ``RETURNING id``, which fills
  :attr:`PgCursor.lastrowid` as sqlite3 does;
- ``LIMIT ?`` bound to a negative number (SQLite's "no limit") is bound to NULL (PostgreSQL's);
- ``BEGIN IMMEDIATE`` becomes ``BEGIN`` and a transaction-wide advisory lock, so writers take
  turns as they do on one SQLite file (entity linking reads, then writes: two writers at once
  could each create the same new entity);
- bound text loses NUL characters (PostgreSQL text cannot hold them; each becomes U+FFFD, so
  offsets stay valid) and lone surrogates, as :class:`sayso.ledger.sql.Connection` does.

Parameters are bound client-side (:class:`psycopg.ClientCursor`): a value is typed by where it
stands, as in SQLite (``? IS NULL``, ``LIMIT ?``, ``substr(x, 1, ?)`` need no casts).
Full-text search differs in more than syntax and lives in :mod:`sayso.ledger.tsearch` (FTS5:
:mod:`sayso.ledger.fts5`); the schema is :mod:`sayso.ledger.schema_pg`.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.rows import RowMaker

from sayso.ledger import tsearch
from sayso.ledger.sql import LedgerError

DIALECT = "postgresql"
SCHEMES = ("postgresql", "postgres")
WRITER_LOCK = 0x5A7505  # pg_advisory_xact_lock key: one writing transaction at a time per database
IDENTITY_TABLES = frozenset({
    "entities", "entity_roles", "mentions", "claims", "failures", "time_exprs", "figures", "forecasts",
    "resolutions", "article_versions", "place_mentions", "events", "entity_decisions"})
"""Tables whose ``id`` is an identity column (``INTEGER PRIMARY KEY`` in SQLite): their INSERTs return it."""

_TOKEN = re.compile(r"""('(?:[^']|'')*')|("(?:[^"]|"")*")|(\?)|(%)|\b(LIKE)\b|\b(IS)(\s+)(?=\?)|\b(LIMIT\s+)\?""",
                    re.IGNORECASE)
_DAYS = re.compile(r"\bdate\(\s*(\?|'[^']*'|[\w.]+)\s*,\s*'([+-]?\d+) days?'\s*\)", re.IGNORECASE)
"""SQLite's ``date(x, '-365 days')`` (a day shifted), as in the forecast board's horizon."""
_INSERT = re.compile(r"\s*INSERT\s+INTO\s+(\w+)", re.IGNORECASE)
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def is_url(path: str) -> bool:
    """``postgresql://…`` or ``postgres://…``: a PostgreSQL ledger (else an SQLite file path)."""
    return str(path).split("://", 1)[0].lower() in SCHEMES if "://" in str(path) else False


def redacted(url: str) -> str:
    """The URL without its password (for messages)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def translate(sql: str) -> str:
    """The PostgreSQL text of one ledger statement (see the module docstring).

    >>> translate("SELECT id FROM t WHERE name LIKE ? ESCAPE '\\\\' AND note IS ? AND x = '50%'")
    "SELECT id FROM t WHERE name ILIKE %s ESCAPE '\\\\' AND note IS NOT DISTINCT FROM %s AND x = '50%%'"
    """
    return _translated(sql)[0]


@functools.lru_cache(maxsize=4096)
def _translated(sql: str) -> tuple[str, tuple[int, ...]]:
    """The PostgreSQL text and the positions of the parameters bound to ``LIMIT ?``."""
    limits, seen = [], [0]

    def swap(m: re.Match) -> str:
        if m.group(8) is not None:
            limits.append(seen[0])
            seen[0] += 1
            return m.group(8) + "%s"
        if m.group(3):
            seen[0] += 1
        if m.group(1) is not None:
            return m.group(1).replace("%", "%%")
        if m.group(2) is not None:
            return m.group(2)
        if m.group(3):
            return "%s"
        if m.group(4):
            return "%%"
        if m.group(5):
            return "ILIKE"
        return "IS NOT DISTINCT FROM" + m.group(7)

    out = _TOKEN.sub(swap, _DAYS.sub(r"to_char(CAST(\1 AS date) + (\2), 'YYYY-MM-DD')", sql))
    insert = _INSERT.match(out)
    if insert and insert.group(1).lower() in IDENTITY_TABLES and not re.search(r"\bRETURNING\b", out, re.I):
        out = out.rstrip().rstrip(";") + " RETURNING id"
    return out, tuple(limits)


def _storable(value):
    if isinstance(value, str) and _UNSTORABLE.search(value):
        return _UNSTORABLE.sub("\ufffd", value)
    return value


class Row(tuple):
    """A result row read by position or by column name, like :class:`sqlite3.Row`."""

    __slots__ = ()
    _index: dict[str, int] = {}

    def __getitem__(self, key):
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor) -> RowMaker:
    if cursor.description is None:
        return tuple
    names = {c.name: i for i, c in enumerate(cursor.description)}
    cls = type("Row", (Row,), {"__slots__": (), "_index": names})
    return cls


class PgCursor(psycopg.ClientCursor):
    """A client-side cursor with :attr:`lastrowid` (the ``id`` an INSERT returned)."""

    lastrowid: int | None = None


class PgConnection:
    """The part of :class:`sqlite3.Connection` the ledger uses, on a psycopg 3 connection."""

    dialect = DIALECT
    fts = tsearch

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self._pg = psycopg.connect(url, autocommit=True, cursor_factory=PgCursor, row_factory=_row_factory)
        except psycopg.Error as exc:
            raise LedgerError(f"{redacted(url)}: cannot connect to PostgreSQL ({_first_line(exc)})") from None
        self._pg.execute("SET client_min_messages = warning")  # no NOTICE for "IF NOT EXISTS" statements
        # sayso reads pages of rows: starting parallel workers cost more than they save (on 1,000,000
        # claims a page of a search took 134 ms with two workers, 18 ms without; bench/pg_query_latency.py)
        self._pg.execute("SET max_parallel_workers_per_gather = 0")

    def execute(self, sql: str, parameters=()) -> PgCursor:
        cursor = self._pg.cursor()
        if sql.strip().upper() == "BEGIN IMMEDIATE":
            self._run(cursor, "BEGIN", ())
            self._run(cursor, "SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            return cursor
        text, limits = _translated(sql)
        self._run(cursor, text, _bound(parameters, limits))
        if text.endswith(" RETURNING id") and cursor.description is not None:
            row = cursor.fetchone()
            cursor.lastrowid = row[0] if row else None
        return cursor

    def executemany(self, sql: str, seq_of_parameters) -> PgCursor:
        cursor = self._pg.cursor()
        try:
            text, limits = _translated(sql)
            cursor.executemany(text, [_bound(p, limits) for p in seq_of_parameters])
        except psycopg.Error as exc:
            raise LedgerError(f"the ledger refused the request ({_first_line(exc)})") from exc
        return cursor

    @staticmethod
    def _run(cursor: PgCursor, sql: str, params) -> None:
        try:
            cursor.execute(sql, params)
        except psycopg.Error as exc:
            raise LedgerError(f"the ledger refused the request ({_first_line(exc)})") from exc

    def close(self) -> None:
        self._pg.close()

    @property
    def in_transaction(self) -> bool:
        return self._pg.info.transaction_status != psycopg.pq.TransactionStatus.IDLE


def _bound(parameters, limits: tuple[int, ...] = ()):
    """Parameters as PostgreSQL takes them: text storable, a negative ``LIMIT`` (SQLite's "no
    limit") NULL, which is PostgreSQL's."""
    if isinstance(parameters, dict):
        return {k: _storable(v) for k, v in parameters.items()}
    values = [_storable(v) for v in parameters]
    for i in limits:
        if i < len(values) and isinstance(values[i], int) and values[i] < 0:
            values[i] = None
    return tuple(values)


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def connect(url: str) -> PgConnection:
    """Open a PostgreSQL ledger (the schema is migrated by :func:`sayso.ledger.schema.migrate`)."""
    return PgConnection(url)
