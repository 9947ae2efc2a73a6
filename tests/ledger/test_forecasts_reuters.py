"""Stored forecasts on real news (Reuters-21578, 1987): no deadline before the article's date unless the
text says the forecast was already due (a past-perfect report, "had predicted ... in January")."""
from __future__ import annotations

import importlib.util
import json
import re

import pytest

from tests import gold_data

from tests.conftest import REPO

STORIES = 300
PAST_PERFECT = re.compile(r"\bhad\b|\w'd\b", re.I)
LOOKBACK = 400  # characters before the forecast searched for the report's verb


def read_stories(corpus, limit):
    spec = importlib.util.spec_from_file_location("ingest_reuters", REPO / "bench" / "ingest_reuters.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.read_stories(corpus, limit)


@pytest.mark.slow
def test_no_stored_forecast_is_due_before_its_article_unless_told_so(shared_dir, tmp_path):
    from sayso.ledger import Ledger
    from sayso.pipeline import ingest

    corpus = gold_data(shared_dir / "evaldata" / "reuters21578")
    sample = tmp_path / "reuters.jsonl"
    with sample.open("w", encoding="utf-8") as fh:
        for story in read_stories(corpus, STORIES):
            fh.write(json.dumps(story) + "\n")
    with Ledger(tmp_path / "reuters.db") as ledger:
        summary = ingest([sample], ledger)
        assert summary.failed == 0 and summary.ingested == STORIES  # (two stories repeat an earlier text)
        rows = ledger.forecasts()
        texts = {row["article_id"]: ledger.article(row["article_id"])["text"] for row in rows}
    assert len(rows) > 300 and sum(r["latest"] is not None for r in rows) > 30  # the sample has forecasts
    early = [r for r in rows if r["latest"] and r["latest"] < r["published"]]
    for row in early:
        before = texts[row["article_id"]][max(0, row["start"] - LOOKBACK):row["end"]]
        assert row["status_on_publication"] == "due" and PAST_PERFECT.search(before), row["text"]
