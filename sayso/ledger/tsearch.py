"""Full-text search on PostgreSQL: the generated ``tsvector`` columns ``claims.search`` and
``articles.search`` with their GIN indexes (:mod:`sayso.ledger.schema_pg`), ``to_tsquery`` and
``ts_headline``. Same functions as :mod:`sayso.ledger.fts5` (the SQLite twin), same meaning: every
word required, the last one a prefix; words stemmed (Snowball English here, Porter in FTS5).

What differs (docs/postgresql.md): English stop words ("the", "of") are dropped from the query,
where FTS5 requires them; diacritics are not folded; a snippet is cut by words, not FTS5 tokens.
"""
from __future__ import annotations

import re

from sayso.ledger.schema_pg import MAX_INDEXED_CHARS, TSCONFIG

_WORD = re.compile(r"\w+", re.UNICODE)
HEADLINE_CHARS = 100_000
"""ts_headline reads at most this much of an article for its snippet (the page shows ~40 words)."""


def all_words(text: str) -> str | None:
    """A safe to_tsquery expression: every word quoted, all required, the last one a prefix.

    >>> all_words("rates -cut 'AND' infl")
    "'rates' & 'cut' & 'AND' & 'infl':*"
    """
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f"'{w}'" for w in words]
    quoted[-1] += ":*"
    return " & ".join(quoted)


def any_word(words) -> str:
    """A to_tsquery expression for any of ``words`` (each a prefix)."""
    return " | ".join(f"'{w}':*" for w in words)


_QUERY = f"to_tsquery('{TSCONFIG}', ?)"


def _search_column(column: str) -> str:
    """``c.id`` -> ``c.search``: the row's own search column (no second read of the table: on
    1,000,000 claims a search for "central bank" spent 40 ms of 300 reading its 9,088 matches again)."""
    alias = column.rsplit(".", 1)[0] + "." if "." in column else ""
    return f"{alias}search"


def claims_matching(column: str) -> str:
    """SQL: the claim whose id is ``column`` (``c.id``) matches the query bound to its one ``?``."""
    return f"{_search_column(column)} @@ {_QUERY}"


def articles_matching(column: str) -> str:
    """SQL: the article whose rowid is ``column`` (``a.rowid``) matches the query bound to its one ``?``."""
    return f"{_search_column(column)} @@ {_QUERY}"


def _options(start: str, end: str, extra: str = "") -> str:
    return f'StartSel="{start}", StopSel="{end}"' + (f", {extra}" if extra else "")


def claim_marks(conn, ids: list[int], query: str, start: str, end: str) -> dict[int, str]:
    """Claim id -> its content with every matched word between ``start`` and ``end``."""
    return dict(conn.execute(
        f"SELECT id, ts_headline('{TSCONFIG}', content_text, {_QUERY}, ?) FROM claims "
        f"WHERE search @@ {_QUERY} AND id IN ({', '.join('?' * len(ids))})",
        [query, _options(start, end, "HighlightAll=true"), query, *ids]).fetchall())


def article_marks(conn, rowids: list[int], query: str, start: str, end: str,
                  tokens: int) -> dict[int, tuple[str, str]]:
    """Article rowid -> (title with matches marked, a snippet of about ``tokens`` words around them)."""
    rows = conn.execute(
        f"""SELECT rowid, ts_headline('{TSCONFIG}', title, {_QUERY}, ?),
                   ts_headline('{TSCONFIG}', left(text, {min(HEADLINE_CHARS, MAX_INDEXED_CHARS)}), {_QUERY}, ?),
                   text
              FROM articles WHERE search @@ {_QUERY} AND rowid IN ({', '.join('?' * len(rowids))})""",
        [query, _options(start, end, "HighlightAll=true"), query,
         _options(start, end, f"MaxWords={tokens}, MinWords={tokens - 1}, ShortWord=0"), query, *rowids])
    return {r[0]: (r[1], _ellipsis(r[2], r[3], start, end)) for r in rows}


def _ellipsis(snippet: str, text: str, start: str, end: str) -> str:
    """The snippet with "…" where it cuts the text (as FTS5's snippet marks it)."""
    plain = snippet.replace(start, "").replace(end, "").strip()
    head = "" if text.lstrip().startswith(plain[:20]) else "…"
    tail = "" if text.rstrip().endswith(plain[-20:]) else "…"
    return head + snippet.strip() + tail
