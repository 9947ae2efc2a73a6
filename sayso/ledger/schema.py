"""Ledger schema: numbered migrations, the connection set-up that runs them.

Every change to the schema is a new :class:`Migration` appended to
:data:`MIGRATIONS` (never edit a released one).  ``meta.schema_version`` holds
the number of the last migration applied; each migration runs in its own
transaction together with the version bump, so a crash leaves the schema at
a whole version.  SQL stays close to the portable subset (no ``AUTOINCREMENT``,
no ``INSERT OR ...``); the FTS5 table and its triggers are the SQLite-only
part (PostgreSQL would use a ``tsvector`` column instead).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sayso.ledger.schema_v3 import V3_DESCRIPTION, V3_STATEMENTS, v3_rehash
from sayso.ledger.sql import Connection, LedgerError, transaction

__all__ = ["LATEST_VERSION", "LedgerError", "MIGRATIONS", "Migration", "connect", "migrate"]

BUSY_TIMEOUT_MS = 10_000
WAL_AUTOCHECKPOINT_PAGES = 4000
"""WAL pages between checkpoints (SQLite: 1,000). An article's transaction writes ~10 pages (five
full-text indexes flush at each commit: 42 MB of WAL for 1,000 Reuters stories, an 8.8 MB file); at
4,000 its COMMIT cost 0.55 instead of 0.75 ms (alternating runs). The WAL stays under ~16 MB."""
SCHEMA_VERSION_KEY = "schema_version"
CREATED_AT_KEY = "created_at"


@dataclass(frozen=True)
class Migration:
    """One schema step: applied once, in order, inside one transaction."""

    version: int
    description: str
    statements: tuple[str, ...]
    run: Callable[[sqlite3.Connection], None] | None = None  # a data step after the statements


META_DDL = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"

_V1_TABLES = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        published TEXT,
        date_precision TEXT NOT NULL DEFAULT 'unknown',
        url TEXT,
        source TEXT,
        extractors TEXT NOT NULL DEFAULT '{}',
        ingested_at TEXT NOT NULL)""",
    """CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        name_key TEXT NOT NULL,
        block_key TEXT NOT NULL)""",
    """CREATE TABLE entity_aliases (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        alias_key TEXT NOT NULL,
        UNIQUE (entity_id, alias))""",
    """CREATE TABLE entity_roles (
        id INTEGER PRIMARY KEY,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        role TEXT,
        affiliation TEXT,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        published TEXT)""",
    """CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER REFERENCES entities(id),
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        extractor TEXT NOT NULL)""",
    """CREATE TABLE claims (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        speaker_mention_id INTEGER REFERENCES mentions(id) ON DELETE SET NULL,
        speaker_entity_id INTEGER REFERENCES entities(id),
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_text TEXT,
        cue_start INTEGER,
        cue_end INTEGER,
        cue_text TEXT,
        content_start INTEGER NOT NULL,
        content_end INTEGER NOT NULL,
        content_text TEXT NOT NULL,
        parts TEXT NOT NULL,
        kind TEXT NOT NULL,
        channel TEXT,
        extractor TEXT NOT NULL)""",
    """CREATE TABLE failures (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        line INTEGER,
        reason TEXT NOT NULL,
        at TEXT NOT NULL)""",
)

_V1_INDEXES = (
    "CREATE INDEX idx_articles_published ON articles(published)",
    "CREATE INDEX idx_articles_url ON articles(url)",
    "CREATE INDEX idx_entities_block ON entities(block_key)",
    "CREATE INDEX idx_entities_name_key ON entities(name_key)",
    "CREATE INDEX idx_aliases_key ON entity_aliases(alias_key)",
    "CREATE INDEX idx_roles_entity ON entity_roles(entity_id)",
    "CREATE INDEX idx_roles_article ON entity_roles(article_id)",
    "CREATE INDEX idx_mentions_article ON mentions(article_id)",
    "CREATE INDEX idx_mentions_entity ON mentions(entity_id)",
    "CREATE INDEX idx_claims_article ON claims(article_id)",
    "CREATE INDEX idx_claims_speaker ON claims(speaker_entity_id)",
    "CREATE INDEX idx_failures_path ON failures(path)",
)

_V1_FTS = (
    """CREATE VIRTUAL TABLE claims_fts USING fts5(
        content_text, content='claims', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts(rowid, content_text) VALUES (new.id, new.content_text);
    END""",
    """CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, content_text)
        VALUES ('delete', old.id, old.content_text);
    END""",
    """CREATE TRIGGER claims_fts_update AFTER UPDATE OF content_text ON claims BEGIN
        INSERT INTO claims_fts(claims_fts, rowid, content_text)
        VALUES ('delete', old.id, old.content_text);
        INSERT INTO claims_fts(rowid, content_text) VALUES (new.id, new.content_text);
    END""",
)

_V2_TABLES = (
    """CREATE TABLE time_exprs (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT,
        earliest TEXT,
        latest TEXT,
        mod TEXT,
        anchored INTEGER NOT NULL DEFAULT 1,
        extractor TEXT NOT NULL)""",
    """CREATE TABLE figures (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        value REAL,
        low REAL,
        high REAL,
        unit TEXT,
        counted TEXT,
        qualifier TEXT,
        subject TEXT,
        event TEXT,
        owner TEXT,
        extractor TEXT NOT NULL)""",
    """CREATE TABLE forecasts (
        id INTEGER PRIMARY KEY,
        forecast_key TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
        predictor_entity_id INTEGER REFERENCES entities(id),
        time_expr_id INTEGER REFERENCES time_exprs(id) ON DELETE SET NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        cue_start INTEGER,
        cue_end INTEGER,
        cue_text TEXT,
        hedging TEXT NOT NULL,
        earliest TEXT,
        latest TEXT,
        condition_start INTEGER,
        condition_end INTEGER,
        condition_text TEXT,
        status TEXT NOT NULL,
        extractor TEXT NOT NULL)""",
    # Resolutions point at a forecast's stable key (article id + span), not its row id, so
    # they survive a re-extraction that replaces the article's forecast rows.  Never deleted:
    # resolving again adds a row, and the newest row is the forecast's current outcome.
    """CREATE TABLE resolutions (
        id INTEGER PRIMARY KEY,
        forecast_key TEXT NOT NULL,
        outcome TEXT NOT NULL,
        evidence TEXT NOT NULL,
        note TEXT,
        resolved_by TEXT NOT NULL,
        resolved_at TEXT NOT NULL)""",
)

_V2_INDEXES = (
    "CREATE INDEX idx_times_article ON time_exprs(article_id)",
    "CREATE INDEX idx_times_claim ON time_exprs(claim_id)",
    "CREATE INDEX idx_figures_article ON figures(article_id)",
    "CREATE INDEX idx_figures_counted ON figures(counted)",
    "CREATE INDEX idx_forecasts_article ON forecasts(article_id)",
    "CREATE INDEX idx_forecasts_key ON forecasts(forecast_key)",
    "CREATE INDEX idx_forecasts_predictor ON forecasts(predictor_entity_id)",
    "CREATE INDEX idx_forecasts_latest ON forecasts(latest)",
    "CREATE INDEX idx_resolutions_key ON resolutions(forecast_key)",
)

# Full-text search over articles (the web's search page): external content keyed by the
# articles' rowid, the layout datasette and sqlite-utils recognise. A VACUUM may renumber the
# rowids of a table without an INTEGER PRIMARY KEY; run
# ``INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`` after one.
_V3_ARTICLES_FTS = (
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END""",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
)

# Places are entities of kind 'place' (one per gazetteer entry, keyed by ``place_key``: the same
# Kramatorsk in every article); ``places`` holds the gazetteer's fields, ``place_mentions`` the
# spans. Events point at their place entity, time expression and the claim that reports them;
# ``event_links`` pairs reports of one event across articles (sayso.link.events.same_event),
# stored once with event_id < other_id.
_PLACES_EVENTS_TABLES = (
    """CREATE TABLE places (
        entity_id INTEGER PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
        place_key TEXT NOT NULL UNIQUE,
        geonameid INTEGER,
        name TEXT NOT NULL,
        feature TEXT NOT NULL,
        country_code TEXT NOT NULL DEFAULT '',
        admin1 TEXT NOT NULL DEFAULT '',
        latitude REAL NOT NULL,
        longitude REAL NOT NULL,
        population INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE place_mentions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        place_id INTEGER NOT NULL REFERENCES entities(id),
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        score REAL,
        extractor TEXT NOT NULL)""",
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        claim_id INTEGER REFERENCES claims(id) ON DELETE SET NULL,
        time_expr_id INTEGER REFERENCES time_exprs(id) ON DELETE SET NULL,
        place_id INTEGER REFERENCES entities(id),
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        trigger_text TEXT NOT NULL,
        kind TEXT NOT NULL,
        plover TEXT,
        acled_type TEXT,
        acled_subtype TEXT,
        actor_start INTEGER,
        actor_end INTEGER,
        actor_text TEXT,
        actor_key TEXT,
        target_start INTEGER,
        target_end INTEGER,
        target_text TEXT,
        place_start INTEGER,
        place_end INTEGER,
        place_text TEXT,
        earliest TEXT,
        latest TEXT,
        date_source TEXT,
        killed INTEGER,
        injured INTEGER,
        civilian INTEGER NOT NULL DEFAULT 0,
        extractor TEXT NOT NULL)""",
    """CREATE TABLE event_links (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        similarity REAL NOT NULL,
        PRIMARY KEY (event_id, other_id))""",
)

_PLACES_EVENTS_INDEXES = (
    "CREATE INDEX idx_places_geonameid ON places(geonameid)",
    "CREATE INDEX idx_place_mentions_article ON place_mentions(article_id)",
    "CREATE INDEX idx_place_mentions_place ON place_mentions(place_id)",
    "CREATE INDEX idx_events_article ON events(article_id)",
    "CREATE INDEX idx_events_claim ON events(claim_id)",
    "CREATE INDEX idx_events_time ON events(time_expr_id)",
    "CREATE INDEX idx_events_place ON events(place_id)",
    "CREATE INDEX idx_events_kind ON events(kind)",
    "CREATE INDEX idx_events_latest ON events(latest)",
    "CREATE INDEX idx_event_links_other ON event_links(other_id)",
)

_V6_DECISIONS = (
    # A person's identity decisions (sayso entities merge / split), by name keys: entity rows come
    # and go with re-extraction, the decisions stay and are applied whenever an entity is linked.
    """CREATE TABLE IF NOT EXISTS entity_decisions (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,
        kind TEXT NOT NULL,
        keep_key TEXT NOT NULL,
        other_key TEXT NOT NULL,
        other_name TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        note TEXT)""",
    "CREATE INDEX IF NOT EXISTS idx_decisions_keep ON entity_decisions(keep_key)",
    "CREATE INDEX IF NOT EXISTS idx_decisions_other ON entity_decisions(other_key)",
)

# Migration 9 (issue 15, scale): what a speaker filter and a page of a big speaker's claims need on a
# ledger of 1,000,000 claims (bench/query_latency.py). A name filter matches any part of a name
# (LIKE '%name%'), which no B-tree index serves: trigram full-text indexes give the candidate rows and
# the LIKE conditions then decide as before (sayso.ledger.queries.name_filter), so the same rows
# match. Unresolved speakers' words are indexed only for claims without an entity (contentless, the
# rowid is the claim id). A claim's role is the speaker's role in that article, else the latest one
# before its date: both lookups get an index that answers them in one seek.
def _trigram(table: str, source: str, columns: tuple[str, ...], rowid: str) -> tuple[str, ...]:
    """An external-content trigram FTS5 table over ``source`` and the triggers that keep it in sync."""
    cols = ", ".join(columns)
    new_values, old_values = (", ".join(f"{side}.{c}" for c in columns) for side in ("new", "old"))
    delete = f"INSERT INTO {table}({table}, rowid, {cols}) VALUES ('delete', old.{rowid}, {old_values});"
    insert = f"INSERT INTO {table}(rowid, {cols}) VALUES (new.{rowid}, {new_values});"
    return (
        *_drop(table),
        f"""CREATE VIRTUAL TABLE {table} USING fts5({cols}, content="{source}", content_rowid="{rowid}",
            tokenize='trigram')""",
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {source} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {source} BEGIN {delete} END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE OF {cols} ON {source} BEGIN {delete} {insert} END",
        f"INSERT INTO {table}({table}) VALUES ('rebuild')",
    )


def _drop(table: str) -> tuple[str, ...]:
    """Statements that remove ``table`` and its triggers if there (migration 9 runs again on a ledger
    whose later migrations were undone by hand, as tests/ledger/test_migration_v3.py does)."""
    return (f"DROP TABLE IF EXISTS {table}",
            *(f"DROP TRIGGER IF EXISTS {table}_{suffix}" for suffix in ("ai", "ad", "au")))


_UNRESOLVED = "{side}.speaker_entity_id IS NULL AND {side}.speaker_text IS NOT NULL"
_SCALE_INDEXES = (
    *_trigram("entity_names_fts", "entities", ("name", "name_key"), "id"),
    *_trigram("entity_aliases_fts", "entity_aliases", ("alias", "alias_key"), "rowid"),
    *_drop("claims_speaker_fts"),
    "CREATE VIRTUAL TABLE claims_speaker_fts USING fts5(speaker_text, content='', tokenize='trigram')",
    f"""CREATE TRIGGER claims_speaker_fts_ai AFTER INSERT ON claims WHEN {_UNRESOLVED.format(side="new")} BEGIN
        INSERT INTO claims_speaker_fts(rowid, speaker_text) VALUES (new.id, new.speaker_text); END""",
    f"""CREATE TRIGGER claims_speaker_fts_ad AFTER DELETE ON claims WHEN {_UNRESOLVED.format(side="old")} BEGIN
        INSERT INTO claims_speaker_fts(claims_speaker_fts, rowid, speaker_text)
        VALUES ('delete', old.id, old.speaker_text); END""",
    f"""CREATE TRIGGER claims_speaker_fts_au AFTER UPDATE OF speaker_entity_id, speaker_text ON claims BEGIN
        INSERT INTO claims_speaker_fts(claims_speaker_fts, rowid, speaker_text)
        SELECT 'delete', old.id, old.speaker_text WHERE {_UNRESOLVED.format(side="old")};
        INSERT INTO claims_speaker_fts(rowid, speaker_text)
        SELECT new.id, new.speaker_text WHERE {_UNRESOLVED.format(side="new")}; END""",
    f"""INSERT INTO claims_speaker_fts(rowid, speaker_text)
        SELECT id, speaker_text FROM claims WHERE {_UNRESOLVED.format(side="claims")}""",
    "CREATE INDEX IF NOT EXISTS idx_roles_article_entity ON entity_roles(article_id, entity_id)",
    # pages in date order: the ledger walked by date until a page is full (sayso.ledger.queries.page_of_claims),
    # over migration 8's idx_articles_order
    "CREATE INDEX IF NOT EXISTS idx_claims_article_order ON claims(article_id, content_start, id, speaker_entity_id)",
    "CREATE INDEX IF NOT EXISTS idx_forecasts_order ON forecasts((latest IS NULL), latest)",
    # the sorted plan: a speaker's claims and their dates read from indexes alone
    "CREATE INDEX IF NOT EXISTS idx_claims_speaker_order ON claims(speaker_entity_id, article_id, content_start)",
    "CREATE INDEX IF NOT EXISTS idx_articles_id_published ON articles(id, published)",
)


def rekey_entities(conn: sqlite3.Connection) -> None:
    """Recompute every entity's name and block keys and every alias key with the current folding
    (anyascii since migration 6: a Cyrillic name had folded to an empty key before)."""
    from sayso.link.entities import block_key, name_key

    for eid, name, kind in conn.execute("SELECT id, name, kind FROM entities").fetchall():
        conn.execute("UPDATE entities SET name_key = ?, block_key = ? WHERE id = ?",
                     (name_key(name, kind), block_key(name, kind), eid))
    rows = conn.execute("SELECT a.entity_id, a.alias, e.kind FROM entity_aliases a JOIN entities e ON e.id = a.entity_id")
    for eid, alias, kind in rows.fetchall():
        conn.execute("UPDATE entity_aliases SET alias_key = ? WHERE entity_id = ? AND alias = ?",
                     (name_key(alias, kind), eid, alias))


_V7_FORECASTS = (
    "ALTER TABLE forecasts ADD COLUMN polarity TEXT NOT NULL DEFAULT 'positive'",
    "ALTER TABLE forecasts ADD COLUMN event TEXT",
    "DROP VIEW IF EXISTS forecasts_with_status",
    # the statuses of sayso.ledger.forecasts.status on today's date, with the default 365-day horizon
    """CREATE VIEW forecasts_with_status AS
    SELECT f.id AS forecast_id, f.article_id, a.published, a.title,
           COALESCE(e.name, CASE WHEN f.claim_id IS NOT NULL THEN c.speaker_text END, a.source,
                    '(the publication)') AS predictor,
           f.text, f.polarity, COALESCE(f.event, f.text) AS event, f.hedging, f.earliest, f.latest,
           r.outcome, r.evidence,
           CASE WHEN r.outcome IS NOT NULL THEN 'resolved'
                WHEN f.latest IS NULL THEN 'no-deadline'
                WHEN f.latest < date('now', '-365 days') THEN 'overdue'
                WHEN f.latest < date('now') THEN 'due'
                ELSE 'open' END AS status,
           f.extractor
      FROM forecasts f JOIN articles a ON a.id = f.article_id
      LEFT JOIN entities e ON e.id = f.predictor_entity_id
      LEFT JOIN claims c ON c.id = f.claim_id
      LEFT JOIN resolutions r ON r.id = (SELECT MAX(id) FROM resolutions WHERE forecast_key = f.forecast_key)""",
)

_V8_ORDER_INDEXES = (
    # The claim lists' order (undated last, then by date): a page of 50 claims of a speaker or a
    # search walks the articles in that order instead of sorting all of them (on 1,000,000 claims a
    # search for "oil" went from 450 ms to 18 ms on PostgreSQL; bench/pg_query_latency.py).
    "CREATE INDEX IF NOT EXISTS idx_articles_order ON articles((published IS NULL), published, id)",
    # A claim's role: the speaker's latest role on or before the article's date (queries._ROLE_ID).
    "CREATE INDEX IF NOT EXISTS idx_roles_entity_published ON entity_roles(entity_id, published, id)",
    # The distinct speaker words of claims without an entity, read by skipping from one to the next
    # (queries.unlinked_speakers): SQLite seeks with the first index, PostgreSQL with the second.
    "CREATE INDEX IF NOT EXISTS idx_claims_speaker_text ON claims(speaker_entity_id, speaker_text)",
    "CREATE INDEX IF NOT EXISTS idx_claims_unlinked_text ON claims(speaker_text) WHERE speaker_entity_id IS NULL",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, entities, aliases, roles, mentions, claims, failures, claims_fts",
              _V1_TABLES + _V1_INDEXES + _V1_FTS),
    Migration(2, "time expressions, figures, forecasts, resolutions", _V2_TABLES + _V2_INDEXES),
    Migration(3, "articles_fts: full-text search over article titles and texts", _V3_ARTICLES_FTS),
    Migration(4, V3_DESCRIPTION, V3_STATEMENTS, v3_rehash),
    Migration(5, "places (entities of kind place), place mentions, events, event links",
              _PLACES_EVENTS_TABLES + _PLACES_EVENTS_INDEXES),
    Migration(6, "entity decisions: merges and splits a person made; name keys folded with anyascii",
              _V6_DECISIONS, lambda conn: rekey_entities(conn)),
    Migration(7, "forecast polarity, the predicted event in positive form, the five statuses in the view",
              _V7_FORECASTS),
    Migration(8, "indexes for a page of claims in date order, a speaker's role at a date, unlinked speakers",
              _V8_ORDER_INDEXES),
    Migration(9, "scale (issue 15): trigram indexes for name filters (SQLite), role lookups in one seek, "
              "date-order indexes", _SCALE_INDEXES),
    Migration(10, "PostgreSQL: claims carry their article's date (claims.published, kept by triggers) and "
              "date-order indexes on claims alone; nothing on SQLite", ()),
)
"""Every schema step, in order; append new ones (figures, time expressions, ...) at the end."""

LATEST_VERSION = MIGRATIONS[-1].version


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string (seconds)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def check_path(path: str, create: bool = True) -> None:
    """LedgerError for a path that cannot be a ledger: a URL, a folder, or (``create=False``) a
    file that does not exist."""
    if "://" in path:
        from sayso.ledger.postgres import SCHEMES

        scheme = path.split("://", 1)[0]
        if scheme.lower() in SCHEMES:
            return  # PostgreSQL (sayso.ledger.postgres); Ledger checks create=False once connected
        raise LedgerError(f"{scheme}:// ledgers are not supported: --db takes an SQLite file path "
                          "or a postgresql:// URL")
    if path == ":memory:":
        return
    if Path(path).is_dir():
        raise LedgerError(f"{path}: is a folder, not a ledger file")
    if not create and not Path(path).exists():
        raise LedgerError(f"{path}: no such ledger (check --db or SAYSO_DB; `sayso ingest` creates one)")


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating) a ledger file in autocommit mode with WAL, foreign keys and a busy timeout;
    a ``postgresql://`` URL opens a PostgreSQL ledger (:mod:`sayso.ledger.postgres`)."""
    if "://" in str(path):
        from sayso.ledger import postgres

        return postgres.connect(str(path))
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, factory=Connection)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")  # with WAL: kill-safe; power loss may drop last commits
    conn.execute(f"PRAGMA wal_autocheckpoint = {int(WAL_AUTOCHECKPOINT_PAGES)}")
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    """The last migration applied (0 for a fresh file)."""
    conn.execute(META_DDL)
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (SCHEMA_VERSION_KEY,)).fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """Apply every migration newer than the file's schema_version; return the resulting version.

    On PostgreSQL the same migrations run, translated (:func:`sayso.ledger.schema_pg.pg_migrations`)."""
    if getattr(conn, "dialect", "sqlite") == "postgresql":
        from sayso.ledger.schema_pg import pg_migrations

        migrations = pg_migrations(migrations)
        with transaction(conn):  # under the writer lock: two first opens must not race to create it
            conn.execute(META_DDL)
    else:
        _require_fts5()
    current = schema_version(conn)
    newest = migrations[-1].version if migrations else 0
    if current > newest:
        raise LedgerError(f"ledger schema v{current} is newer than this sayso (v{newest}); upgrade sayso")
    for migration in migrations:
        if migration.version > current:
            _apply(conn, migration)
            current = migration.version
    return current


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    """Run one migration and record its version, all in one transaction."""
    with transaction(conn):
        if schema_version(conn) >= migration.version:  # another process got there first
            return
        for statement in migration.statements:
            conn.execute(statement)
        if migration.run is not None:
            migration.run(conn)
        _set_meta(conn, SCHEMA_VERSION_KEY, str(migration.version))
        if migration.version == 1:
            _set_meta(conn, CREATED_AT_KEY, now_iso())


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _require_fts5() -> None:
    """Fail with a clear message when SQLite was built without FTS5."""
    try:
        probe = sqlite3.connect(":memory:")
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        probe.close()
    except sqlite3.OperationalError as exc:
        raise LedgerError(f"this Python's SQLite has no FTS5 ({exc}); sayso's ledger needs it for search") from exc
