"""A synthetic ledger of 1,000,000 claims for the query benchmark (bench/query_latency.py).

    python bench/ledger_1m.py [--claims 1000000] [--out /tmp/sayso-bench/ledger-1m-v3.db]

The schema is sayso's own (a :class:`sayso.ledger.Ledger` creates the file and runs every
migration, the full-text triggers included); the rows are written straight into its tables in
large transactions, shaped like an ingest's: about 8 claims an article over 2015-2024; speakers
drawn from 30,000 made-up people and organisations with a Zipf-like law (a few speak in tens
of thousands of claims, most in a handful); a quarter of the claims have no linked speaker
("officials said"); claim texts are real sentences of Reuters-21578 stories (so words have real
frequencies for the search); one time expression per 3 claims, one figure per 4, one forecast
per 12 with a deadline, a resolution for one forecast in 20. Deterministic (seeded). Takes a
few minutes; the file is kept and reused (delete it to build again).
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_reuters import DEFAULT_CORPUS, read_stories  # noqa: E402

GENERATOR_VERSION = "v3"  # v3: schema with migrations 8 (page and role indexes) and 9 (scale indexes)
DEFAULT_OUT = Path("/tmp/sayso-bench") / f"ledger-1m-{GENERATOR_VERSION}.db"
CLAIMS_PER_ARTICLE = 8
SPEAKERS = 30_000
UNLINKED_SHARE = 0.25
ZIPF = 1.1
FIRST_DAY, DAYS = date(2015, 1, 1), 3650
GIVEN = ("Anna Olena Petro Ivan John Mary James Linda Robert Maria David Sarah Michael Elena Oleksii Yulia "
         "Andriy Sergei Kateryna Thomas Nadia Pavel Irina Mark Laura Daniel Sofia Peter Hanna Viktor").split()
FAMILY = ("Kovalenko Shevchenko Bondarenko Tkachenko Smith Jones Brown Miller Davis Garcia Wilson Moore Taylor "
          "Anderson Martin Lee Walker Hall Allen Young King Wright Lopez Hill Scott Green Adams Baker Nelson "
          "Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Rogers "
          "Reed Cook Morgan Bell Murphy Bailey Rivera Cooper Richardson Cox Howard Ward Torres Peterson Gray "
          "Ramirez James Watson Brooks Kelly Sanders Price Bennett Wood Barnes Ross Henderson Coleman Jenkins "
          "Perry Powell Long Patterson Hughes Flores Washington Butler Simmons Foster Gonzales Bryant Alexander "
          "Russell Griffin Diaz Hayes Myers Ford Hamilton Graham Sullivan Wallace Woods Cole West Jordan Owens "
          "Reynolds Fisher Ellis Harrison Gibson McDonald Cruz Marshall Ortiz Gomez Murray Freeman Wells Webb "
          "Simpson Stevens Tucker Porter Hunter Hicks Crawford Henry Boyd Mason Morales Kennedy Warren Dixon "
          "Ramos Reyes Burns Gordon Shaw Holmes Rice Robertson Hunt Black Daniels Palmer Mills Nichols Grant "
          "Knight Ferguson Rose Stone Hawkins Dunn Perkins Hudson Spencer Gardner Stephens Payne Pierce Berry "
          "Matthews Arnold Wagner Willis Ray Watkins Olson Carroll Duncan Snyder Hart Cunningham Bradley Lane").split()
ROLES = ("minister", "spokesman", "chief executive", "governor", "analyst", "president", "economist", "chairman")
UNLINKED = ("officials", "a spokesman", "analysts", "traders", "the company", "sources", "dealers", "the ministry")
CUES = ("said", "told reporters", "added", "warned", "expects", "predicted", "announced", "denied")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def sentences(corpus: Path) -> list[str]:
    """Every sentence of 6 to 60 words of the Reuters-21578 stories."""
    found = []
    for story in read_stories(corpus, 100_000):
        for s in SENTENCE.split(" ".join(story["text"].split())):
            if 6 <= len(s.split()) <= 60:
                found.append(s)
    return found


def speakers(rng: random.Random) -> list[tuple[str, str]]:
    """(name, kind) of every made-up speaker: people, then a tenth organisations."""
    names = []
    for i in range(SPEAKERS):
        if i % 10 == 9:
            names.append((f"{rng.choice(FAMILY)} {rng.choice(('Bank', 'Group', 'Ministry', 'Union', 'Fund'))} {i}", "org"))
        else:
            names.append((f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}-{i}", "person"))
    return names


def build(out: Path, n_claims: int, corpus: Path) -> None:
    from sayso.ledger import Ledger
    from sayso.link.entities import block_key, name_key
    from sayso.pipeline import extractor_versions

    rng = random.Random(15)
    texts = sentences(corpus)
    if not texts:
        raise SystemExit(f"no Reuters sentences found under {corpus}")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    Ledger(partial).close()  # the schema: every migration
    conn = sqlite3.connect(partial, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -400000")
    extractors = json.dumps(extractor_versions(), sort_keys=True)
    people = speakers(rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) ** ZIPF for rank in range(SPEAKERS)))
    ranks = range(SPEAKERS)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO entities (id, name, kind, name_key, block_key) VALUES (?, ?, ?, ?, ?)",
                     [(i + 1, name, kind, name_key(name, kind), block_key(name, kind))
                      for i, (name, kind) in enumerate(people)])
    conn.executemany("INSERT INTO entity_aliases (entity_id, alias, alias_key) VALUES (?, ?, ?)",
                     [(i + 1, alias, name_key(alias, kind)) for i, (name, kind) in enumerate(people)
                      for alias in {name, name.split()[-1]}])
    conn.execute("COMMIT")
    n_articles = (n_claims + CLAIMS_PER_ARTICLE - 1) // CLAIMS_PER_ARTICLE
    claim_id = mention_id = time_id = 0
    started = time.perf_counter()
    for first in range(0, n_articles, 5000):
        rows = {k: [] for k in ("articles", "mentions", "claims", "roles", "times", "figures", "forecasts",
                                "resolutions")}
        for a in range(first, min(first + 5000, n_articles)):
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            said = [rng.choice(texts) for _ in range(min(CLAIMS_PER_ARTICLE, n_claims - claim_id))]
            text = " ".join(said)
            article_id = f"{a:016x}"
            rows["articles"].append((article_id, said[0][:80], text, day.isoformat(), "day",
                                     f"https://example.org/{a}", "Synthetic", extractors, "2025-01-01T00:00:00+00:00"))
            offset = 0
            for sentence in said:
                claim_id += 1
                start, end = offset, offset + len(sentence)
                offset = end + 1
                speaker = None if rng.random() < UNLINKED_SHARE else rng.choices(ranks, cum_weights=cumulative)[0]
                if speaker is None:
                    entity, mention, speaker_text = None, None, rng.choice(UNLINKED)
                else:
                    mention_id += 1
                    entity, mention, speaker_text = speaker + 1, mention_id, people[speaker][0]
                    rows["mentions"].append((mention, article_id, entity, start, start + 5, speaker_text,
                                             people[speaker][1], "speakers.v2"))
                    if rng.random() < 0.3:
                        rows["roles"].append((entity, rng.choice(ROLES), "Synthetic", article_id, day.isoformat()))
                rows["claims"].append((claim_id, article_id, mention, entity, start, start + 5, speaker_text,
                                       None, None, rng.choice(CUES), start, end, sentence,
                                       json.dumps([[start, end]]), "statement", None, "claims.v4"))
                if claim_id % 3 == 0:
                    time_id += 1
                    latest = day + timedelta(days=rng.randrange(-30, 720))
                    rows["times"].append((time_id, article_id, claim_id, start, start + 4, "next year", "DATE",
                                          latest.isoformat()[:7], day.isoformat(), latest.isoformat(), None, 1,
                                          "times.v4"))
                    if claim_id % 12 == 0:
                        key = f"{article_id}:{start}-{end}"
                        rows["forecasts"].append((key, article_id, claim_id, entity, time_id, start, end, sentence,
                                                  rng.choice(("certain", "likely", "possible")), day.isoformat(),
                                                  latest.isoformat(), "open", "forecasts.v3"))
                        if claim_id % 240 == 0:
                            rows["resolutions"].append((key, rng.choice(("true", "false", "partly")),
                                                        f"https://example.org/r{claim_id}", "bench", "2025-06-01"))
                if claim_id % 4 == 0:
                    value = rng.randrange(1, 100_000)
                    rows["figures"].append((article_id, claim_id, start, start + 6, str(value), value, value, value,
                                            rng.choice(("", "%", "dlrs", "tonnes")), rng.choice(("jobs", "barrels", "")),
                                            "figures.v3"))
        _write(conn, rows)
        print(f"  {claim_id:,} claims ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    conn.execute("ANALYZE")
    conn.close()
    Ledger(partial).close()  # back in sayso's own settings: a ledger that opens
    partial.rename(out)


def _write(conn: sqlite3.Connection, rows: dict) -> None:
    conn.execute("BEGIN")
    conn.executemany("""INSERT INTO articles (id, title, text, published, date_precision, url, source, extractors,
                        ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows["articles"])
    conn.executemany("""INSERT INTO mentions (id, article_id, entity_id, span_start, span_end, text, kind, extractor)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", rows["mentions"])
    conn.executemany("""INSERT INTO entity_roles (entity_id, role, affiliation, article_id, published)
                        VALUES (?, ?, ?, ?, ?)""", rows["roles"])
    conn.executemany("""INSERT INTO claims (id, article_id, speaker_mention_id, speaker_entity_id, speaker_start,
                        speaker_end, speaker_text, cue_start, cue_end, cue_text, content_start, content_end,
                        content_text, parts, kind, channel, extractor)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows["claims"])
    conn.executemany("""INSERT INTO time_exprs (id, article_id, claim_id, span_start, span_end, text, type, value,
                        earliest, latest, mod, anchored, extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                     rows["times"])
    conn.executemany("""INSERT INTO figures (article_id, claim_id, span_start, span_end, text, value, low, high, unit,
                        counted, extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows["figures"])
    conn.executemany("""INSERT INTO forecasts (forecast_key, article_id, claim_id, predictor_entity_id, time_expr_id,
                        span_start, span_end, text, hedging, earliest, latest, status, extractor)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows["forecasts"])
    conn.executemany("""INSERT INTO resolutions (forecast_key, outcome, evidence, resolved_by, resolved_at)
                        VALUES (?, ?, ?, ?, ?)""", rows["resolutions"])
    conn.execute("COMMIT")


def ensure(out: Path = DEFAULT_OUT, n_claims: int = 1_000_000, corpus: Path = DEFAULT_CORPUS) -> Path:
    """The cached ledger at ``out``, built first when it is not there."""
    if not out.exists():
        print(f"building {out} ({n_claims:,} claims; a few minutes, kept for the next run)", file=sys.stderr)
        build(out, n_claims, corpus)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    print(ensure(args.out, args.claims, args.corpus))
    return 0


if __name__ == "__main__":
    sys.exit(main())
