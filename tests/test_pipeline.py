"""The orchestrator: idempotent ingest, bad input, interruption safety."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sayso.errors import SourceError
from sayso.ledger import Ledger
from sayso.pipeline import extract_files, extractor_versions, ingest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(EXAMPLES, folder)
    return folder


def test_reingest_changes_nothing(corpus, tmp_path, nlp):
    with Ledger(tmp_path / "l.db") as ledger:
        first = ingest([corpus], ledger)
        counts = ledger.counts()
        second = ingest([corpus], ledger)
        assert (first.new, first.failed) == (3, 0)
        assert (second.new, second.unchanged) == (0, 3)
        assert ledger.counts() == counts
        assert counts["claims"] == first.claims > 0


def test_same_content_under_two_names_is_one_article(corpus, tmp_path, nlp):
    shutil.copy(corpus / "001_port_strike_union.txt", corpus / "copy.txt")
    with Ledger(tmp_path / "l.db") as ledger:
        summary = ingest([corpus], ledger)
        assert (summary.new, summary.unchanged) == (3, 1)
        assert ledger.counts()["articles"] == 3


def test_interrupted_ingest_leaves_whole_articles_and_resumes(corpus, tmp_path, nlp, monkeypatch):
    db = tmp_path / "l.db"
    calls = {"n": 0}
    real_store = Ledger.store

    def store_then_die(self, ex):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real_store(self, ex)

    monkeypatch.setattr(Ledger, "store", store_then_die)
    with Ledger(db) as ledger, pytest.raises(KeyboardInterrupt):
        ingest([corpus], ledger)
    monkeypatch.setattr(Ledger, "store", real_store)
    with Ledger(db) as ledger:
        assert ledger.counts()["articles"] == 1
        resumed = ingest([corpus], ledger)
        assert (resumed.new, resumed.unchanged) == (2, 1)
        assert ledger.counts()["articles"] == 3


def test_extract_files_reports_bad_files_and_extracts_good_ones(corpus, nlp):
    (corpus / "empty.txt").write_bytes(b"")
    items = list(extract_files([corpus]))
    errors = [i for i in items if isinstance(i, SourceError)]
    assert [Path(e.path).name for e in errors] == ["empty.txt"]
    extractions = [i for i in items if not isinstance(i, SourceError)]
    assert len(extractions) == 3
    for ex in extractions:
        assert ex.extractors == extractor_versions()
        for claim in ex.claims:
            for span in claim.content:
                assert ex.article.text[span.start:span.end] == span.text
