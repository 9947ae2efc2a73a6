"""How many first-person claims of a speaker's own documents stay unresolved (issue 10).

Ingests the bundled Zelenskyy speeches (../shared/evaldata/zelenskyy-speeches, read directly as CSV)
into a temporary ledger with the speaker named, as ``sayso ingest --speaker`` does, then counts the
claims whose speaker is "I", "we", "me", "my", "us" or "our" and how many of them have no entity.

    python bench/first_person.py [--limit N] [--speaker NAME] [PATH ...]

Prints one JSON object: articles, first-person claims, unresolved, share unresolved.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT = REPO.parent / "shared" / "evaldata" / "zelenskyy-speeches"
FIRST_PERSON = {"i", "we", "me", "my", "us", "our"}


def measure(paths, speaker: str, limit: int | None) -> dict:
    from sayso.ledger import Ledger
    from sayso.pipeline import _store_each, IngestSummary, extract_articles
    from sayso.sources import read_articles
    from sayso.errors import SourceError

    articles = (a for a in read_articles(paths, speaker=speaker, allow_undated=True) if not isinstance(a, SourceError))
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "fp.db") as ledger:
        summary = IngestSummary()
        _store_each(ledger, extract_articles(itertools.islice(articles, limit)), summary, lambda o: None)
        rows = [c for c in ledger.claims() if (c["speaker_text"] or "").strip().lower() in FIRST_PERSON]
        unresolved = [c for c in rows if c["speaker_id"] is None]
        named = [c for c in rows if c["speaker_id"] is not None and c["speaker"] != speaker]
        all_unresolved = sum(1 for c in ledger.claims() if c["speaker_id"] is None)
    return {"articles": summary.new, "claims": summary.claims, "first_person_claims": len(rows),
            "unresolved": len(unresolved), "share_unresolved": round(len(unresolved) / len(rows), 4) if rows else 0.0,
            "resolved_to_someone_else": len(named), "claims_without_entity": all_unresolved}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    parser.add_argument("--speaker", default="Volodymyr Zelenskyy")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    json.dump(measure(args.paths, args.speaker, args.limit), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
