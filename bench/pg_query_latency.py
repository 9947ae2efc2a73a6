"""Query latency of the standard queries on SQLite and PostgreSQL, the same ledger in both, one run.

    python bench/pg_query_latency.py --db LEDGER.db --db postgresql://USER@HOST/DB [--runs 200]

Each ``--db`` is a ledger holding the same rows (bench/pg_load.py copies an SQLite ledger, e.g. the
1,000,000-claim synthetic one of bench/ledger_1m.py, into PostgreSQL). The standard queries, one
page of 50 rows each, through the ledger's public functions (the parameters as bench/query_latency.py
draws them, so the figures compare):

- **a speaker's claims**: ``ledger.claims(speaker=SURNAME, limit=50)``, surnames drawn with the
  speakers' own frequencies, the five most frequent first;
- **a search**: ``ledger.claims(search=WORDS, limit=50)``, words common and rare;
- **forecasts due**: the page of due forecasts on a day as the web's board lists them
  (``sayso.ledger.board.board_page``, the board's column counts apart), days over the ledger's years.

Backends are measured in turns (each query kind: every ledger, then the next kind), after one
unmeasured call of every distinct query: the figures are those of a ledger in use, its pages in the
database's cache (on PostgreSQL that needs ``shared_buffers`` large enough for the claims table and
its indexes, about 1.5 GB a million claims; the default 128 MB re-reads a search's matches from the
operating system every time: 93 ms against about 10 for "interest rates"). The server's
``shared_buffers`` is printed with the figures. Prints p50, p95 and max in ms and the target (p95 <= 50 ms); asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from query_latency import PAGE, SEARCHES, TARGET_P95_MS, percentile, speaker_names  # noqa: E402,F401


def measure(call, params: list) -> dict:
    for p in dict.fromkeys(params):  # warm: every distinct query once, unmeasured (a ledger in use)
        call(p)
    times, rows = [], 0
    for p in params:
        start = time.perf_counter()
        found = call(p)
        times.append((time.perf_counter() - start) * 1000)
        rows += len(found)
    return {"p50_ms": round(percentile(times, 0.5), 1), "p95_ms": round(percentile(times, 0.95), 1),
            "max_ms": round(max(times), 1), "runs": len(times), "rows_per_page": round(rows / len(times), 1)}


from sayso.ledger.board import board_page  # noqa: E402
from sayso.ledger.sql import Where  # noqa: E402

QUERIES = {
    "speaker_claims": lambda ledger, name: ledger.claims(speaker=name, limit=PAGE),
    "search": lambda ledger, q: ledger.claims(search=q, limit=PAGE),
    "forecasts_due": lambda ledger, day: board_page(ledger._conn, "FROM forecasts f", Where(), day, "due", PAGE, 0),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", required=True, help="a ledger file or URL (give one per backend)")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from sayso.ledger import Ledger
    from sayso.ledger.postgres import redacted

    ledgers = {redacted(db): Ledger(db, create=False) for db in args.db}
    first = next(iter(ledgers.values()))
    rng = random.Random(15)
    params = {"speaker_claims": speaker_names(first, rng, args.runs),
              "search": [SEARCHES[i % len(SEARCHES)] for i in range(args.runs)],
              "forecasts_due": [f"{rng.randrange(2015, 2026)}-{rng.randrange(1, 13):02d}-15" for _ in range(args.runs)]}
    result = {db: {"claims": ledger.counts()["claims"], "dialect": ledger.dialect} for db, ledger in ledgers.items()}
    for db, ledger in ledgers.items():
        if ledger.dialect == "postgresql":
            result[db]["shared_buffers"] = ledger._conn.execute("SHOW shared_buffers").fetchone()[0]
    for name, call in QUERIES.items():
        for db, ledger in ledgers.items():
            result[db][name] = measure(lambda p: call(ledger, p), params[name])
    for ledger in ledgers.values():
        ledger.close()
    out = {"machine_load": round(os.getloadavg()[0], 2), "page": PAGE, "ledgers": result}
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    print(f"one page of {PAGE}; target p95 <= {TARGET_P95_MS} ms; load average {out['machine_load']}")
    for db, r in result.items():
        server = f", shared_buffers {r['shared_buffers']}" if "shared_buffers" in r else ""
        print(f"{r['dialect']} ({db}): {r['claims']:,} claims{server}")
        for name in QUERIES:
            q = r[name]
            print(f"  {name:15s} p50 {q['p50_ms']:7.1f} ms  p95 {q['p95_ms']:7.1f} ms  max {q['max_ms']:7.1f} ms  "
                  f"({q['runs']} runs, {q['rows_per_page']} rows a page)  "
                  f"{'ok' if q['p95_ms'] <= TARGET_P95_MS else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
