"""Paginated reads for the web pages and their JSON API (:mod:`sayso.views.web`): one function per page.

Every function takes an open connection and returns JSON-ready dicts; a list comes as a page,
``{"items": [...], "total": N, "page": p, "per_page": k, "pages": P}``. A list is read in two
steps, the ids of one page by a light query, then those rows in full, so a page costs about the
same on 20,000 articles as on five (``bench/web_latency.py``). Search hits come back as
``pieces`` (``[{"text": ..., "hit": bool}]``) so that a view escapes every piece and never has
to trust markup. What the lists share lives in :mod:`.pages`; the forecast board and the figure
groups in :mod:`.board`.

>>> page = articles(conn, page=2, per_page=20)              # doctest: +SKIP
>>> search(conn, "strike", speaker="Marchenko", kind="direct")["claims"]["items"][0]["pieces"]  # doctest: +SKIP
[{'text': 'the ', 'hit': False}, {'text': 'strike', 'hit': True}, ...]
"""
from __future__ import annotations

import sqlite3
from collections import Counter

from sayso.ledger import forecasts as forecast_book
from sayso.ledger.board import (
    BOARD_ORDER, NO_DEADLINE, board_columns, board_counts, board_page, board_status, board_where, figure_groups,
    forecast, forecast_board,
)
from sayso.ledger.pages import (
    HIT_END, HIT_START, MAX_PAGE, MAX_PER_PAGE, PER_PAGE, check_page, count, dates, match_speaker, page_ids, page_of,
    pieces, speaker_filter,
)
from sayso.ledger.queries import claims_by_id, counts, fts_query, name_filter
from sayso.ledger.schema import LedgerError
from sayso.ledger.sql import Where, fts

__all__ = ["BOARD_ORDER", "Browse", "CLAIM_KINDS", "HIT_END", "HIT_START", "MAX_PAGE", "MAX_PER_PAGE", "NO_DEADLINE",
           "PER_PAGE", "SEARCH_SCOPES", "articles", "board_columns", "board_status", "check_page", "figure_groups",
           "forecast", "forecast_board", "home", "pieces", "search", "speaker", "speakers"]

SNIPPET_TOKENS = 40
LEAD_CHARS = 240
CLAIM_KINDS = ("direct", "indirect", "mixed")
SEARCH_SCOPES = ("claims", "articles")
MAX_FORECASTS = 1000
"""A speaker's track record scores at most this many forecasts, soonest deadline first."""
SPEAKER_FORECASTS = 20
"""A speaker page lists this many of them (the board lists them all)."""


# -- articles ---------------------------------------------------------------------------------

_ARTICLE_ROWS = f"""SELECT a.rowid AS rowid, a.id, a.title, a.published, a.url, a.source,
    substr(a.text, 1, {LEAD_CHARS}) AS lead, length(a.text) AS length,
    (SELECT COUNT(*) FROM claims c WHERE c.article_id = a.id) AS claims,
    (SELECT COUNT(*) FROM forecasts f WHERE f.article_id = a.id) AS forecasts,
    (SELECT COUNT(*) FROM figures x WHERE x.article_id = a.id) AS figures
  FROM articles a WHERE a.rowid IN ({{marks}})"""
_ARTICLE_ORDER = " ORDER BY a.published DESC NULLS LAST, a.rowid DESC"  # undated last; the index serves it


def _article_rows(conn: sqlite3.Connection, rowids: list[int]) -> list[dict]:
    """The listed fields of these articles, in the order of ``rowids``."""
    if not rowids:
        return []
    rows = conn.execute(_ARTICLE_ROWS.format(marks=", ".join("?" * len(rowids))), rowids)
    by_rowid = {r["rowid"]: dict(r) for r in rows}
    for row in by_rowid.values():  # a text that opens with its title: the lead starts after it
        row["more"] = row["length"] > LEAD_CHARS
        if row["title"] and row["lead"].startswith(row["title"]):
            row["lead"] = row["lead"][len(row["title"]):].lstrip()
    return [by_rowid[i] for i in rowids if i in by_rowid]


def articles(conn: sqlite3.Connection, page: int = 1, per_page: int = PER_PAGE,
             since: str | None = None, until: str | None = None) -> dict:
    """Articles, newest first: id, title, published, url, source, lead (the first lines after the title),
    more (the text goes on), length, claims, forecasts, figures."""
    limit, offset = check_page(page, per_page)
    where = dates(Where(), since, until)
    ids = page_ids(conn, "SELECT a.rowid FROM articles a", where, _ARTICLE_ORDER, limit, offset)
    return page_of(_article_rows(conn, ids), count(conn, "SELECT COUNT(*) FROM articles a", where), page, per_page)


# -- search -----------------------------------------------------------------------------------

def _claim_where(conn, q, speaker, speaker_id, since, until, kind, matched=None) -> Where:
    where = Where()
    if q:
        where.add(fts(conn).claims_matching("c.id"), fts(conn).all_words(q))
    if speaker:
        speaker_filter(where, matched or match_speaker(conn, speaker), "c.speaker_entity_id", "c.id")
    if speaker_id is not None:
        where.add("c.speaker_entity_id = ?", int(speaker_id))
    if kind:
        where.add("c.kind = ?", kind)
    return dates(where, since, until)


def _article_where(conn, q, speaker, speaker_id, since, until, matched=None) -> Where:
    where = Where()
    if q:
        where.add(fts(conn).articles_matching("a.rowid"), fts(conn).all_words(q))
    if speaker or speaker_id is not None:
        quoted = _claim_where(conn, None, speaker, speaker_id, None, None, None, matched)
        where.add(f"a.id IN (SELECT c.article_id FROM claims c{quoted.sql()})", *quoted.params)
    return dates(where, since, until)


_CLAIM_IDS = "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id"
_CLAIM_COUNT = "SELECT COUNT(*) FROM claims c JOIN articles a ON a.id = c.article_id"
_CLAIM_NEWEST = " ORDER BY a.published IS NULL, a.published DESC, c.article_id, c.content_start, c.id"


def search(conn: sqlite3.Connection, q: str | None = None, speaker: str | None = None, since: str | None = None,
           until: str | None = None, kind: str | None = None, scope: str = "claims", page: int = 1,
           per_page: int = PER_PAGE, speaker_id: int | None = None) -> dict:
    """Full-text search over claims or articles (``scope``), newest first, with every filter applied.

    ``q``: words, all required, the last one a prefix (operators are plain words); ``speaker``: a name
    or alias (the claims of that speaker; the articles that quote them); ``kind``: direct, indirect or
    mixed (claims only). Returns ``{"claims": total, "articles": total, "results": page}``; claims carry
    their content and articles a snippet as ``pieces`` with the matched words marked.
    """
    if scope not in SEARCH_SCOPES:
        raise LedgerError(f"unknown scope {scope!r} (choose from {', '.join(SEARCH_SCOPES)})")
    if kind and kind not in CLAIM_KINDS:
        raise LedgerError(f"unknown kind {kind!r} (choose from {', '.join(CLAIM_KINDS)})")
    limit, offset = check_page(page, per_page)
    q = (q or "").strip() or None
    if q and fts_query(q) is None:
        return {"claims": 0, "articles": 0, "results": page_of([], 0, page, per_page)}
    matched = match_speaker(conn, speaker) if speaker else None  # looked up once for both lists
    c_where = _claim_where(conn, q, speaker, speaker_id, since, until, kind, matched)
    a_where = _article_where(conn, q, speaker, speaker_id, since, until, matched)
    totals = {"claims": count(conn, _CLAIM_COUNT, c_where),
              "articles": count(conn, "SELECT COUNT(*) FROM articles a", a_where)}
    if scope == "claims":
        ids = page_ids(conn, _CLAIM_IDS, c_where, _CLAIM_NEWEST, limit, offset)
        items = _claim_hits(conn, ids, q)
    else:
        ids = page_ids(conn, "SELECT a.rowid FROM articles a", a_where, _ARTICLE_ORDER, limit, offset)
        items = _article_hits(conn, ids, q)
    return {**totals, "results": page_of(items, totals[scope], page, per_page)}


def _claim_hits(conn: sqlite3.Connection, ids: list[int], q: str | None) -> list[dict]:
    rows = claims_by_id(conn, ids)
    marked = {}
    if q and ids:
        marked = fts(conn).claim_marks(conn, ids, fts(conn).all_words(q), HIT_START, HIT_END)
    return [{**row, "pieces": pieces(marked.get(row["id"], row["content"]))} for row in rows]


def _article_hits(conn: sqlite3.Connection, rowids: list[int], q: str | None) -> list[dict]:
    rows = _article_rows(conn, rowids)
    marked = {}
    if q and rowids:
        marked = fts(conn).article_marks(conn, rowids, fts(conn).all_words(q), HIT_START, HIT_END, SNIPPET_TOKENS)
    out = []
    for row in rows:
        title, snippet = marked.get(row["rowid"], (row["title"], row["lead"]))
        out.append({**row, "title_pieces": pieces(title), "pieces": pieces(snippet)})
    return out


# -- speakers ---------------------------------------------------------------------------------

_SAID = """SELECT c.speaker_entity_id AS id, COUNT(*) AS claims FROM claims c
            WHERE c.speaker_entity_id IS NOT NULL GROUP BY c.speaker_entity_id"""


def speakers(conn: sqlite3.Connection, q: str | None = None, page: int = 1, per_page: int = PER_PAGE) -> dict:
    """People and organisations quoted, most claims first (``q``: a name or alias): id, name, kind,
    claims, forecasts, roles (labels, newest first), aliases."""
    limit, offset = check_page(page, per_page)
    where = Where()
    if q and q.strip():
        name_filter(where, q, "e.id", "NULL")
    base = f"FROM ({_SAID}) said JOIN entities e ON e.id = said.id"
    ids = page_ids(conn, f"SELECT e.id {base}", where, " ORDER BY said.claims DESC, e.name, e.id", limit, offset)
    return page_of(_speaker_rows(conn, ids), count(conn, f"SELECT COUNT(*) {base}", where), page, per_page)


def _speaker_rows(conn: sqlite3.Connection, ids: list[int]) -> list[dict]:
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = {r["id"]: dict(r) for r in conn.execute(
        f"""SELECT e.id, e.name, e.kind,
                   (SELECT COUNT(*) FROM claims c WHERE c.speaker_entity_id = e.id) AS claims,
                   (SELECT COUNT(*) FROM forecasts f WHERE f.predictor_entity_id = e.id) AS forecasts
              FROM entities e WHERE e.id IN ({marks})""", ids)}
    roles, aliases = role_history(conn, ids), _aliases(conn, ids)
    for entity_id, row in rows.items():
        row["roles"] = list(dict.fromkeys(_role_label(h) for h in reversed(roles.get(entity_id, []))))
        row["aliases"] = [a for a in aliases.get(entity_id, []) if a != row["name"]]
    return [rows[i] for i in ids if i in rows]


def _role_label(history: dict) -> str:
    role, affiliation = history["role"], history["affiliation"]
    return f"{role} ({affiliation})" if role and affiliation else role or f"({affiliation})"


def role_history(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[dict]]:
    """Entity id -> its roles: ``{role, affiliation, first, last, articles}``, first seen first."""
    rows = conn.execute(
        f"""SELECT entity_id, role, affiliation, MIN(published) AS first, MAX(published) AS last,
                   COUNT(DISTINCT article_id) AS articles
              FROM entity_roles WHERE entity_id IN ({', '.join('?' * len(ids))})
             GROUP BY entity_id, role, affiliation
             ORDER BY entity_id, MIN(published) IS NULL, MIN(published), role""", ids)
    out: dict[int, list[dict]] = {}
    for r in rows:
        out.setdefault(r["entity_id"], []).append({k: r[k] for k in ("role", "affiliation", "first", "last",
                                                                     "articles")})
    return out


def _aliases(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for r in conn.execute(f"SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN "
                          f"({', '.join('?' * len(ids))}) ORDER BY entity_id, alias", ids):
        out.setdefault(r["entity_id"], []).append(r["alias"])
    return out


def speaker(conn: sqlite3.Connection, entity_id: int, page: int = 1, per_page: int = PER_PAGE,
            as_of: str | None = None) -> dict | None:
    """One person or organisation: name, kind, aliases, roles with dates, claims per month, one page of
    claims (newest first), the first forecasts (soonest deadline first) with their status on ``as_of``
    and how many there are, track record, outcomes per hedging level; None if unknown."""
    limit, offset = check_page(page, per_page)
    row = conn.execute("SELECT id, name, kind FROM entities WHERE id = ?", (int(entity_id),)).fetchone()
    if row is None:
        return None
    out = dict(row)
    out["aliases"] = [a for a in _aliases(conn, [out["id"]]).get(out["id"], []) if a != out["name"]]
    out["roles"] = role_history(conn, [out["id"]]).get(out["id"], [])
    out["claims_by_month"] = [dict(r) for r in conn.execute(
        """SELECT substr(a.published, 1, 7) AS month, COUNT(*) AS claims
             FROM claims c JOIN articles a ON a.id = c.article_id
            WHERE c.speaker_entity_id = ? AND a.published IS NOT NULL GROUP BY month ORDER BY month""",
        (out["id"],))]
    where = Where().add("c.speaker_entity_id = ?", out["id"])
    ids = page_ids(conn, _CLAIM_IDS, where, _CLAIM_NEWEST, limit, offset)
    out["claims"] = page_of(claims_by_id(conn, ids), count(conn, _CLAIM_COUNT, where), page, per_page)
    day = forecast_book.as_of_day(as_of)
    source, mine = board_where(conn, None, None, None, None, predictor_id=out["id"])
    forecasts = board_page(conn, source, mine, day, None, MAX_FORECASTS, 0)
    out["forecasts"] = forecasts[:SPEAKER_FORECASTS]
    out["forecast_count"] = count(conn, f"SELECT COUNT(*) {source}", mine)
    out["track_record"] = forecast_book.record_of(forecasts) if forecasts else None
    out["outcomes_by_hedging"] = _outcomes_by_hedging(forecasts)
    return out


def _outcomes_by_hedging(forecasts: list[dict]) -> list[dict]:
    """Per hedging level (certain, likely, possible): how many forecasts ended with each outcome."""
    out = []
    for level in forecast_book.HEDGING_PROBABILITY:
        done = Counter(f["outcome"] for f in forecasts if f["hedging"] == level and f["outcome"])
        out.append({"hedging": level, "stated": forecast_book.HEDGING_PROBABILITY[level],
                    "outcomes": {o: done.get(o, 0) for o in forecast_book.OUTCOMES},
                    "forecasts": sum(f["hedging"] == level for f in forecasts)})
    return out


# -- home -------------------------------------------------------------------------------------

def home(conn: sqlite3.Connection, as_of: str | None = None, n: int = 6) -> dict:
    """The front page: row counts, the latest articles, forecasts falling due (the ones past their
    deadline awaiting a verdict, latest first; the next deadlines), the first disputed figure groups."""
    day = forecast_book.as_of_day(as_of)
    source, everything = "FROM forecasts f", Where()
    upcoming = Where().add("f.latest >= ?", day)
    return {"as_of": day, "counts": counts(conn), "columns": board_counts(conn, source, everything, day),
            "latest_articles": articles(conn, 1, n)["items"],
            "due": board_page(conn, source, everything, day, "due", n, 0),
            "upcoming": board_page(conn, source, upcoming, day, "open", n, 0),
            "disputed": figure_groups(conn, disputed=True, per_page=3)}


class Browse:
    """These reads bound to one open ledger: ``ledger.browse.search("strike", kind="direct")``."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def home(self, **kw) -> dict:
        return home(self._conn, **kw)

    def articles(self, **kw) -> dict:
        return articles(self._conn, **kw)

    def search(self, **kw) -> dict:
        return search(self._conn, **kw)

    def speakers(self, **kw) -> dict:
        return speakers(self._conn, **kw)

    def speaker(self, entity_id: int, **kw) -> dict | None:
        return speaker(self._conn, entity_id, **kw)

    def forecast_board(self, **kw) -> dict:
        return forecast_board(self._conn, **kw)

    def forecast(self, forecast_id: int, **kw) -> dict | None:
        return forecast(self._conn, forecast_id, **kw)

    def figure_groups(self, **kw) -> dict:
        return figure_groups(self._conn, **kw)
