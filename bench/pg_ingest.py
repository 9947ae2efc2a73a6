"""Ingest on SQLite against PostgreSQL: the same extractions stored in both, in one run.

    python bench/pg_ingest.py --db postgresql://USER@HOST/DB [--stories 1000] [--rounds 2]

The Reuters-21578 stories are parsed and extracted once (that part is the same for both backends
and is timed once); then each round stores every extraction into a fresh SQLite file and into a
fresh PostgreSQL ledger (a schema of its own in the database at ``--db``, dropped after), one
transaction per article as ``sayso ingest`` does, alternating which backend goes first. Prints
articles/s of each store, the ratio PostgreSQL/SQLite of the store throughput, and the ratio of
whole-ingest throughput (extraction + store). Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from ingest_reuters import DEFAULT_CORPUS, WARM_UP, read_stories  # noqa: E402


def fresh_pg(base: str) -> tuple[str, object]:
    """A URL naming a new, empty schema in the database at ``base``, and a function that drops it."""
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(base, autocommit=True)
    admin.execute(f'CREATE SCHEMA "{schema}"')

    def drop() -> None:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", drop


def store_all(url: str, extractions: list) -> tuple[float, dict]:
    from sayso.ledger import Ledger

    with Ledger(url) as ledger:
        start = time.perf_counter()
        for ex in extractions:
            ledger.store(ex)
        seconds = time.perf_counter() - start
        return seconds, ledger.counts()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("SAYSO_TEST_PG") or os.environ.get("SAYSO_DB"),
                        help="a postgresql:// URL (default: $SAYSO_TEST_PG, else $SAYSO_DB)")
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.db or "://" not in args.db:
        parser.error("--db must be a postgresql:// URL")
    from sayso.pipeline import extract_articles
    from sayso.records import Article

    stories = read_stories(args.corpus, args.stories)
    articles = [Article(text=s["text"], title=s["title"], published=s["date"], source=s["source"]) for s in stories]
    list(extract_articles([Article(text=WARM_UP, published="2024-01-02")]))  # the model and lexicons load untimed
    start = time.perf_counter()
    extractions = [ex for ex in extract_articles(articles) if not isinstance(ex, Exception)]
    extract_s = time.perf_counter() - start
    rounds = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.rounds):
            order = ("sqlite", "postgresql") if n % 2 == 0 else ("postgresql", "sqlite")
            seconds, counts = {}, {}
            for backend in order:
                if backend == "sqlite":
                    seconds[backend], counts[backend] = store_all(str(Path(tmp) / f"r{n}.db"), extractions)
                else:
                    url, drop = fresh_pg(args.db)
                    try:
                        seconds[backend], counts[backend] = store_all(url, extractions)
                    finally:
                        drop()
            assert counts["sqlite"] == counts["postgresql"], counts  # the same rows in both
            rounds.append({"sqlite_s": round(seconds["sqlite"], 2), "postgresql_s": round(seconds["postgresql"], 2),
                           "store_ratio_pg_over_sqlite": round(seconds["sqlite"] / seconds["postgresql"], 3),
                           "ingest_ratio_pg_over_sqlite": round((extract_s + seconds["sqlite"])
                                                                / (extract_s + seconds["postgresql"]), 3)})
    n = len(extractions)
    result = {"articles": n, "claims": counts["sqlite"]["claims"], "extract_s": round(extract_s, 1),
              "machine_load": round(os.getloadavg()[0], 2), "rounds": rounds}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{n} Reuters stories, {result['claims']} claims; extraction {extract_s:.1f} s "
          f"({n / extract_s:.1f} articles/s), load average {result['machine_load']}")
    for i, r in enumerate(rounds, 1):
        print(f"  round {i}: store SQLite {n / r['sqlite_s']:.0f} articles/s, PostgreSQL {n / r['postgresql_s']:.0f} "
              f"articles/s: store ratio PG/SQLite {r['store_ratio_pg_over_sqlite']:.2f}x, "
              f"whole ingest {r['ingest_ratio_pg_over_sqlite']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
