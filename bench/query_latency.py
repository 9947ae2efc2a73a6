"""Query latency on a ledger of 1,000,000 claims: p50 and p95 of the standard queries.

    python bench/query_latency.py [--db /tmp/sayso-bench/ledger-1m-v3.db | --db postgresql://...] [--runs 200]

The standard queries, each for one page of 50 rows as ``sayso claims --limit 50`` and
``sayso forecasts --limit 50`` read it, through the ledger's public functions:

- **a speaker's claims**: ``ledger.claims(speaker=NAME)``, NAME a speaker's surname drawn with
  the speakers' own frequencies (most runs ask for someone who speaks a lot) and the five most
  frequent speakers always included;
- **a search**: ``ledger.claims(search=WORDS)``, words common and rare in the claims;
- **forecasts due**: ``ledger.forecasts(status="due", as_of=DAY)`` for days over the ledger's years.

Without ``--db`` the synthetic SQLite ledger of bench/ledger_1m.py is used (built on first use,
a few minutes, cached under /tmp). Any ledger URL the ledger opens works (a PostgreSQL one once
that backend is installed) if it holds that synthetic data (the names and words asked for).
Each query runs once unmeasured (the cache warm), then ``--runs`` times with changing
parameters. Prints p50, p95 and max in ms per query and the target (p95 <= 50 ms), and the same for
the CPU time of this process (what a busy, shared machine disturbs less: wall time there includes
waiting for a core); asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ledger_1m  # noqa: E402

PAGE = 50
TARGET_P95_MS = 50
SEARCHES = ("oil", "trade deficit", "interest rates", "opec", "wheat", "dividend", "merger", "inflation",
            "coffee", "yen", "strike", "central bank", "crude output", "tax", "election", "profit forecast")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def speaker_names(ledger, rng: random.Random, n: int) -> list[str]:
    """Surnames of speakers drawn by how often they speak (the top five first)."""
    rows = ledger._conn.execute("""SELECT e.name, COUNT(*) AS n FROM claims c JOIN entities e ON e.id = c.speaker_entity_id
                                   GROUP BY e.id, e.name ORDER BY n DESC, e.name""").fetchall()
    names, weights = [r[0].split()[-1] for r in rows], [r[1] for r in rows]
    return names[:5] + rng.choices(names, weights, k=max(0, n - 5))


def measure(call, params: list) -> dict:
    call(params[0])  # warm
    times, cpu, rows = [], [], 0
    for p in params:
        start, start_cpu = time.perf_counter(), time.process_time()
        found = call(p)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        rows += len(found)
    return {"p50_ms": round(percentile(times, 0.5), 1), "p95_ms": round(percentile(times, 0.95), 1),
            "max_ms": round(max(times), 1), "cpu_p50_ms": round(percentile(cpu, 0.5), 1),
            "cpu_p95_ms": round(percentile(cpu, 0.95), 1), "runs": len(times), "rows_per_page": round(rows / len(times), 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="a ledger URL or file (default: the synthetic 1M-claim ledger)")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    db = args.db or str(ledger_1m.ensure())

    from sayso.ledger import Ledger

    rng = random.Random(15)
    with Ledger(db, create=False) as ledger:
        counts = ledger.counts()
        names = speaker_names(ledger, rng, args.runs)
        searches = [SEARCHES[i % len(SEARCHES)] for i in range(args.runs)]
        days = [f"{rng.randrange(2015, 2026)}-{rng.randrange(1, 13):02d}-15" for _ in range(args.runs)]
        result = {
            "db": db if "://" not in db else db.split("@")[-1], "claims": counts["claims"],
            "forecasts": counts["forecasts"], "machine_load": round(os.getloadavg()[0], 2),
            "speaker_claims": measure(lambda n: ledger.claims(speaker=n, limit=PAGE), names),
            "search": measure(lambda q: ledger.claims(search=q, limit=PAGE), searches),
            "forecasts_due": measure(lambda d: ledger.forecasts(status="due", as_of=d, limit=PAGE), days),
        }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['db']}: {result['claims']:,} claims, {result['forecasts']:,} forecasts "
          f"(load average {result['machine_load']}); one page of {PAGE}; target p95 <= {TARGET_P95_MS} ms")
    for name in ("speaker_claims", "search", "forecasts_due"):
        r = result[name]
        print(f"  {name:15s} p50 {r['p50_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  max {r['max_ms']:7.1f} ms  "
              f"(CPU p50 {r['cpu_p50_ms']} ms, p95 {r['cpu_p95_ms']} ms; {r['runs']} runs, {r['rows_per_page']} rows a page)"
              f"  {'ok' if r['p95_ms'] <= TARGET_P95_MS else 'OVER'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
