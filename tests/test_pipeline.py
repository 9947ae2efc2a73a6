"""The orchestrator: idempotent ingest, bad input, interruption safety."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sayso.errors import SourceError
from sayso.ledger import Ledger
from sayso.pipeline import extract_files, extractor_versions, ingest

from tests import EXAMPLES
N_EXAMPLES = len(list(EXAMPLES.glob("*.txt")))


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
        assert (first.new, first.failed) == (N_EXAMPLES, 0)
        assert (second.new, second.unchanged) == (0, N_EXAMPLES)
        assert ledger.counts() == counts
        assert counts["claims"] == first.claims > 0


def test_same_content_under_two_names_is_one_article(corpus, tmp_path, nlp):
    shutil.copy(corpus / "001_port_strike_union.txt", corpus / "copy.txt")
    with Ledger(tmp_path / "l.db") as ledger:
        summary = ingest([corpus], ledger)
        assert (summary.new, summary.unchanged) == (N_EXAMPLES, 1)
        assert ledger.counts()["articles"] == N_EXAMPLES


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
        assert (resumed.new, resumed.unchanged) == (N_EXAMPLES - 1, 1)
        assert ledger.counts()["articles"] == N_EXAMPLES


def test_extract_files_reports_bad_files_and_extracts_good_ones(corpus, nlp):
    (corpus / "empty.txt").write_bytes(b"")
    items = list(extract_files([corpus]))
    errors = [i for i in items if isinstance(i, SourceError)]
    assert [Path(e.path).name for e in errors] == ["empty.txt"]
    extractions = [i for i in items if not isinstance(i, SourceError)]
    assert len(extractions) == N_EXAMPLES
    for ex in extractions:
        assert ex.extractors == extractor_versions()
        for claim in ex.claims:
            for span in claim.content:
                assert ex.article.text[span.start:span.end] == span.text


def test_name_variants_across_articles_are_one_speaker(corpus, tmp_path, nlp):
    """Oleksii Marchenko (article 1) and Oleksiy Marchenko (article 2) are one entity."""
    with Ledger(tmp_path / "l.db") as ledger:
        ingest([corpus], ledger)
        marchenkos = [s for s in ledger.speakers() if "Marchenko" in s["name"]]
        assert len(marchenkos) == 1
        assert marchenkos[0]["articles"] == 2
        duarte = [s for s in ledger.speakers() if "Duarte" in s["name"]]
        assert len(duarte) == 1


def _many_articles(folder: Path, n: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for i in range(n):
        base = texts[i % len(texts)]
        (folder / f"a{i:03d}.txt").write_text(f"{base}\nCorrection number {i} was made.\n", encoding="utf-8")


@pytest.mark.slow
def test_killed_ingest_resumes_without_duplicates_or_half_articles(tmp_path, ledger_url, nlp):
    """SIGKILL a real `sayso ingest` mid-run; the next run completes to the same ledger as a clean run."""
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    corpus = tmp_path / "in"
    corpus.mkdir()
    _many_articles(corpus, 60)
    killed_db, clean_db = ledger_url("killed"), ledger_url("clean")
    cmd = [sys.executable, "-m", "sayso.views.cli", "ingest", str(corpus), "--quiet", "--db"]
    proc = subprocess.Popen([*cmd, str(killed_db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if _stored(killed_db) >= 5:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored_before = _stored(killed_db)
    assert 0 < stored_before < 60, "the kill should land mid-run"
    with Ledger(killed_db) as ledger:
        resumed = ingest([corpus], ledger)
        killed_counts = ledger.counts()
    assert resumed.unchanged == stored_before and resumed.new == 60 - stored_before
    with Ledger(clean_db) as ledger:
        ingest([corpus], ledger)
        clean_counts = ledger.counts()
    assert killed_counts == clean_counts
    if "://" not in killed_db:
        assert sqlite3.connect(killed_db).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _stored(db: Path | str) -> int:
    """Articles stored so far in the ledger ``db`` (a file or a PostgreSQL URL); 0 if not there yet."""
    import sqlite3

    if "://" in str(db):
        import psycopg

        try:
            with psycopg.connect(str(db), connect_timeout=5) as con:
                return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        except psycopg.Error:
            return 0
    if not Path(db).exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_an_extractor_crash_fails_only_that_article(corpus, tmp_path, nlp, monkeypatch):
    from sayso import pipeline

    real = pipeline.extract_figures

    def crash_on_harvest(doc, article, claims):
        if "harvest" in article.title:
            raise RuntimeError("boom")
        return real(doc, article, claims)

    monkeypatch.setattr(pipeline, "extract_figures", crash_on_harvest)
    with Ledger(tmp_path / "l.db") as ledger:
        summary = ingest([corpus], ledger)
        assert (summary.new, summary.failed) == (N_EXAMPLES - 1, 1)
        (error,) = summary.errors
        assert error.path.endswith("003_harvest_outlook.txt") and "RuntimeError: boom" in error.reason
        assert ledger.counts()["failures"] == 1


@pytest.mark.parametrize("text", [
    'Prime Minister Jane Okafor said on Monday that 3,000 jobs "will go by March", the ministry said.',
    "Talks in Lagos and Geneva ended. Nobody said anything.",
    "",
])
def test_a_doc_is_freed_once_extracted_without_waiting_for_a_full_collection(text, nlp):
    """Kept entity Spans would make a cycle (doc -> user_data -> Span -> doc) that only a full
    collection frees, and a process holding the model runs none for thousands of articles."""
    import gc
    import weakref

    from sayso.pipeline import extract
    from sayso.records import Article

    article = Article(text=text, published="2024-03-04")
    gc.collect()
    gc.disable()
    try:
        doc = nlp(text)
        extract(doc, article)
        alive = weakref.ref(doc)
        del doc
        assert alive() is None
    finally:
        gc.enable()
