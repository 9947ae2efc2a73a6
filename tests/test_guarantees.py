"""The ledger's guarantees, with real processes: Ctrl-C mid-run and two writers at once leave whole
articles only, and a later run ends identical to one clean run (an SQLite one), on SQLite and on
PostgreSQL (``ledger_url``). kill -9: tests/test_pipeline.py."""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sayso.ledger import Ledger
from sayso.pipeline import ingest

from tests.test_pipeline import _many_articles, _stored

CMD = [sys.executable, "-m", "sayso.views.cli", "ingest", "--quiet"]


def counts(db: Path) -> dict:
    with Ledger(db, create=False) as ledger:
        return ledger.counts()


@pytest.fixture(scope="module")
def corpus_and_clean(tmp_path_factory):
    folder = tmp_path_factory.mktemp("guarantees")
    corpus = folder / "in"
    corpus.mkdir()
    _many_articles(corpus, 40)
    clean = folder / "clean.db"
    subprocess.run([*CMD, str(corpus), "--db", str(clean)], check=True, capture_output=True)
    return corpus, counts(clean)


@pytest.mark.slow
def test_ctrl_c_stops_with_whole_articles_and_a_rerun_completes(corpus_and_clean, ledger_url):
    corpus, clean = corpus_and_clean
    db = ledger_url("interrupted")
    proc = subprocess.Popen([*CMD, str(corpus), "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and _stored(db) < 5:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in stderr and "Traceback" not in stderr
    stored = _stored(db)
    assert 0 < stored < 40
    if "://" not in db:
        assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    rerun = subprocess.run([*CMD, str(corpus), "--db", str(db), "--json"], capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert counts(db) == clean


@pytest.mark.slow
def test_two_writers_at_once_store_each_article_once(corpus_and_clean, ledger_url):
    corpus, clean = corpus_and_clean
    db = ledger_url("shared")
    procs = [subprocess.Popen([*CMD, str(corpus), "--db", str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert counts(db) == clean
    with Ledger(db) as ledger:  # and a third run finds nothing to do
        again = ingest([corpus], ledger)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 40)
