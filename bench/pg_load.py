"""Copy an SQLite ledger into a PostgreSQL one (for the benchmarks: the same rows on both backends).

    python bench/pg_load.py LEDGER.db --db postgresql://USER@HOST/DB [--fresh]

The PostgreSQL ledger must be empty (``--fresh`` drops and re-creates the sayso tables of the URL's
schema first). Every table is copied with COPY in foreign-key order, ids kept (so the same query
finds the same rows), the search columns computed by PostgreSQL as it stores the rows; then the
identity sequences continue after the copied ids and the tables are analysed. A 1,000,000-claim
ledger (bench/ledger_1m.py, if present, builds one) takes a few minutes.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TABLES = ("articles", "entities", "entity_aliases", "entity_roles", "mentions", "claims", "failures", "time_exprs",
          "figures", "forecasts", "resolutions", "article_versions", "places", "place_mentions", "events",
          "event_links", "entity_decisions")
"""Every table of the ledger, each after the tables it refers to."""
GENERATED = {"search"}


def pg_columns(pg, table: str) -> list[str]:
    rows = pg.execute("""SELECT column_name FROM information_schema.columns
                          WHERE table_name = %s AND table_schema = current_schema() AND is_generated = 'NEVER'
                          ORDER BY ordinal_position""", (table,)).fetchall()
    return [r[0] for r in rows if r[0] not in GENERATED]


def copy_table(src: sqlite3.Connection, pg, table: str) -> int:
    theirs = {r[1] for r in src.execute(f"PRAGMA table_info({table})")}
    columns = [c for c in pg_columns(pg, table) if c in theirs or c == "rowid"]
    select = ", ".join(columns)
    n = 0
    with pg.cursor() as cur, cur.copy(f"COPY {table} ({select}) FROM STDIN") as copy:
        for row in src.execute(f"SELECT {select} FROM {table}"):
            copy.write_row(tuple(v.replace("\x00", "\ufffd") if isinstance(v, str) else v for v in row))
            n += 1
    return n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ledger", type=Path)
    parser.add_argument("--db", default=os.environ.get("SAYSO_DB"), help="postgresql:// URL (default $SAYSO_DB)")
    parser.add_argument("--fresh", action="store_true", help="drop the sayso tables at --db first")
    args = parser.parse_args()
    if not args.db or "://" not in args.db:
        parser.error("--db must be a postgresql:// URL")
    from sayso.ledger import Ledger
    from sayso.ledger.postgres import IDENTITY_TABLES

    if args.fresh:
        import psycopg

        with psycopg.connect(args.db, autocommit=True) as pg:
            for table in (*reversed(TABLES), "meta"):
                pg.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
            pg.execute("DROP VIEW IF EXISTS claims_with_speakers, forecasts_with_status")
            pg.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS sayso_english")
            pg.execute("DROP TEXT SEARCH DICTIONARY IF EXISTS sayso_english_stem")
    with Ledger(args.db) as ledger:
        if any(ledger.counts().values()):
            raise SystemExit(f"{args.db}: not an empty ledger (use --fresh)")
        pg = ledger._conn._pg
    src = sqlite3.connect(f"file:{args.ledger}?mode=ro", uri=True)
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(args.db) as pg:  # one transaction: all or nothing
        for table in TABLES:
            t = time.perf_counter()
            n = copy_table(src, pg, table)
            print(f"  {table}: {n:,} rows ({time.perf_counter() - t:.0f} s)", file=sys.stderr)
        for table in sorted(IDENTITY_TABLES) + ["articles"]:
            column = "rowid" if table == "articles" else "id"
            pg.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                       f"COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)")
    with psycopg.connect(args.db, autocommit=True) as pg:
        pg.execute("VACUUM ANALYZE")
    print(f"copied {args.ledger} into the PostgreSQL ledger in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
