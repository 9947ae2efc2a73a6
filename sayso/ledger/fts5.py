"""Full-text search on SQLite: the FTS5 tables ``claims_fts`` and ``articles_fts`` (schema migrations
1, 3 and 4), their MATCH syntax, ``highlight`` and ``snippet``. The PostgreSQL twin of this module is
:mod:`sayso.ledger.tsearch`; :func:`sayso.ledger.sql.fts` picks one for a connection.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def all_words(text: str) -> str | None:
    """A safe MATCH expression: every word quoted, all required, the last one a prefix (None: no word).

    >>> all_words('rates -cut "AND" infl')
    '"rates" "cut" "AND" "infl"*'
    """
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def any_word(words) -> str:
    """A MATCH expression for any of ``words`` (each a prefix): ``"seize"* OR "capture"*``."""
    return " OR ".join(f'"{w}"*' for w in words)


def claims_matching(column: str) -> str:
    """SQL: the claim id in ``column`` matches the query bound to its one ``?``."""
    return f"{column} IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)"


def articles_matching(column: str) -> str:
    """SQL: the article rowid in ``column`` matches the query bound to its one ``?``."""
    return f"{column} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"


def claim_marks(conn, ids: list[int], query: str, start: str, end: str) -> dict[int, str]:
    """Claim id -> its content with every matched word between ``start`` and ``end``."""
    return dict(conn.execute(
        f"SELECT rowid, highlight(claims_fts, 0, ?, ?) FROM claims_fts WHERE claims_fts MATCH ? "
        f"AND rowid IN ({', '.join('?' * len(ids))})", [start, end, query, *ids]).fetchall())


def article_marks(conn, rowids: list[int], query: str, start: str, end: str,
                  tokens: int) -> dict[int, tuple[str, str]]:
    """Article rowid -> (title with matches marked, a snippet of about ``tokens`` words around them)."""
    return {r[0]: (r[1], r[2]) for r in conn.execute(
        f"SELECT rowid, highlight(articles_fts, 0, ?, ?), snippet(articles_fts, 1, ?, ?, '…', ?) "
        f"FROM articles_fts WHERE articles_fts MATCH ? AND rowid IN ({', '.join('?' * len(rowids))})",
        [start, end, start, end, tokens, query, *rowids])}
