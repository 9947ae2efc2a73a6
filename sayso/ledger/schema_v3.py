"""Migration 4 (the file keeps its first name, schema_v3): the ledger as data (datasette finds its search and views), scale and identity.

- **Foreign-key indexes**: every foreign-key column has an index (``sqlite3 LEDGER ".lint
  fkey-indexes"`` reports nothing). Without ``figures(claim_id)`` re-extracting one article in
  a ledger of 464,000 figures took 1.6 s (each deleted claim scanned ``figures``), 0.7 ms with it.
- **Authors, speakers and metadata versions**: ``articles.author`` and ``articles.speaker``
  (the byline and whose first-person words the text is), and ``article_versions``: every other
  title, date, URL, source or author a copy of the same text was seen with.
- **Full-text search declared as datasette and sqlite-utils look for it**: ``claims_fts`` and
  ``articles_fts`` (migration 3's, same columns) are FTS5 tables with ``content="<table>"``
  (double-quoted: that is the pattern their ``detect_fts`` matches) and ``<table>_ai/_ad/_au``
  triggers, as ``sqlite-utils enable-fts --create-triggers`` makes them.
- **Views with readable joins**: ``claims_with_speakers`` and ``forecasts_with_status``.
- **Article ids re-hashed**: the id is now the hash of the normalised text
  (:func:`sayso.records.content_hash`); ids of the raw text are rewritten everywhere they occur
  (children, forecast keys, resolutions, evidence). Two stored articles that are now one (a copy
  with Windows line endings) keep the first; the other's metadata becomes a version of it and
  its records are dropped (they were duplicates). Resolutions follow the kept article.
"""
from __future__ import annotations

import sqlite3

from sayso.records import content_hash

V3_DESCRIPTION = "foreign-key indexes, author/speaker, article_versions, datasette-style FTS, views, ids re-hashed"

_INDEXES = (
    "CREATE INDEX idx_claims_speaker_mention ON claims(speaker_mention_id)",
    "CREATE INDEX idx_figures_claim ON figures(claim_id)",
    "CREATE INDEX idx_forecasts_claim ON forecasts(claim_id)",
    "CREATE INDEX idx_forecasts_time ON forecasts(time_expr_id)",
)

_ARTICLES = (
    "ALTER TABLE articles ADD COLUMN author TEXT",
    "ALTER TABLE articles ADD COLUMN speaker TEXT",
    """CREATE TABLE article_versions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        title TEXT NOT NULL DEFAULT '',
        published TEXT,
        date_precision TEXT NOT NULL DEFAULT 'unknown',
        url TEXT,
        source TEXT,
        author TEXT,
        seen_at TEXT NOT NULL)""",
    "CREATE INDEX idx_article_versions_article ON article_versions(article_id)",
)


def _fts(table: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """An external-content FTS5 table ``<table>_fts`` and the three triggers that keep it in sync."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return (
        f"""CREATE VIRTUAL TABLE {table}_fts USING fts5({cols}, content="{table}", content_rowid="rowid",
            tokenize='porter unicode61 remove_diacritics 2')""",
        f"""CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.rowid, {new});
        END""",
        f"""CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
            INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old});
        END""",
        f"""CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN
            INSERT INTO {table}_fts({table}_fts, rowid, {cols}) VALUES ('delete', old.rowid, {old});
            INSERT INTO {table}_fts(rowid, {cols}) VALUES (new.rowid, {new});
        END""",
        f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')",
    )


_SEARCH = (
    "DROP TRIGGER claims_fts_insert",
    "DROP TRIGGER claims_fts_delete",
    "DROP TRIGGER claims_fts_update",
    "DROP TABLE claims_fts",
    *_fts("claims", ("content_text",)),
    "DROP TRIGGER articles_fts_insert",
    "DROP TRIGGER articles_fts_delete",
    "DROP TRIGGER articles_fts_update",
    "DROP TABLE articles_fts",
    *_fts("articles", ("title", "text")),
)

_VIEWS = (
    """CREATE VIEW claims_with_speakers AS
    SELECT c.id AS claim_id, c.article_id, a.published, a.title, a.url,
           COALESCE(e.name, c.speaker_text) AS speaker, c.speaker_entity_id AS speaker_id, e.kind AS speaker_kind,
           c.speaker_text, c.cue_text AS cue, c.content_text AS content, c.kind, c.channel,
           c.content_start, c.content_end, c.extractor
      FROM claims c JOIN articles a ON a.id = c.article_id
      LEFT JOIN entities e ON e.id = c.speaker_entity_id""",
    """CREATE VIEW forecasts_with_status AS
    SELECT f.id AS forecast_id, f.article_id, a.published, a.title,
           COALESCE(e.name, CASE WHEN f.claim_id IS NOT NULL THEN c.speaker_text END, a.source,
                    '(the publication)') AS predictor,
           f.text, f.hedging, f.earliest, f.latest, r.outcome, r.evidence,
           CASE WHEN r.outcome IS NOT NULL THEN 'resolved'
                WHEN f.latest IS NOT NULL AND f.latest < date('now') THEN 'due'
                ELSE 'open' END AS status,
           f.extractor
      FROM forecasts f JOIN articles a ON a.id = f.article_id
      LEFT JOIN entities e ON e.id = f.predictor_entity_id
      LEFT JOIN claims c ON c.id = f.claim_id
      LEFT JOIN resolutions r ON r.id = (SELECT MAX(id) FROM resolutions WHERE forecast_key = f.forecast_key)""",
)

V3_STATEMENTS = _INDEXES + _ARTICLES + _SEARCH + _VIEWS

_ARTICLE_CHILDREN = ("mentions", "claims", "entity_roles", "time_exprs", "figures", "forecasts", "article_versions")


def v3_rehash(conn: sqlite3.Connection) -> None:
    """Rewrite every article id as the hash of its normalised text (inside the migration's transaction)."""
    if getattr(conn, "dialect", "sqlite") == "sqlite":
        conn.execute("PRAGMA defer_foreign_keys = ON")
    else:  # PostgreSQL: its foreign keys are DEFERRABLE (sayso.ledger.schema_pg)
        conn.execute("SET CONSTRAINTS ALL DEFERRED")
    rows = conn.execute("SELECT id, text FROM articles ORDER BY ingested_at, id").fetchall()
    kept = {row[0] for row in rows}
    for old, text in rows:
        new = content_hash(text)
        if new == old:
            continue
        if new in kept:
            _fold_duplicate(conn, old, new)
        else:
            _rename(conn, old, new)
            kept.add(new)
        kept.discard(old)


def _rename(conn: sqlite3.Connection, old: str, new: str) -> None:
    conn.execute("UPDATE articles SET id = ? WHERE id = ?", (new, old))
    for table in _ARTICLE_CHILDREN:
        conn.execute(f"UPDATE {table} SET article_id = ? WHERE article_id = ?", (new, old))
    _rekey(conn, old, new)


def _rekey(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Forecast keys ("<id>:<start>-<end>") and evidence ("article:<id>") of article ``old``."""
    prefix = f"{old}:"
    for table in ("forecasts", "resolutions"):
        conn.execute(f"UPDATE {table} SET forecast_key = ? || substr(forecast_key, ?) "
                     f"WHERE substr(forecast_key, 1, ?) = ?", (f"{new}:", len(prefix) + 1, len(prefix), prefix))
    conn.execute("UPDATE resolutions SET evidence = ? WHERE evidence = ?", (f"article:{new}", f"article:{old}"))


def _fold_duplicate(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Article ``old`` is a copy of ``new``: keep its metadata as a version, drop its records."""
    conn.execute(
        """INSERT INTO article_versions (article_id, title, published, date_precision, url, source, author, seen_at)
           SELECT ?, title, published, date_precision, url, source, author, ingested_at FROM articles WHERE id = ?""",
        (new, old))
    for table in ("forecasts", "figures", "time_exprs", "claims", "mentions", "entity_roles", "article_versions"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (old,))
    conn.execute("DELETE FROM articles WHERE id = ?", (old,))
    conn.execute("""DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM mentions WHERE entity_id IS NOT NULL)
                    AND id NOT IN (SELECT speaker_entity_id FROM claims WHERE speaker_entity_id IS NOT NULL)
                    AND id NOT IN (SELECT entity_id FROM entity_roles)
                    AND id NOT IN (SELECT predictor_entity_id FROM forecasts WHERE predictor_entity_id IS NOT NULL)""")
    _rekey(conn, old, new)
