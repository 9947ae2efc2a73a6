"""Every core (sayso.parallel, ``ingest --jobs``): the same ledger with one job or two, and a kill -9
of a two-job ingest at random moments loses and duplicates nothing.

The ledger is named by the ``ledger_url`` fixture (tests/conftest.py: an SQLite file, and a PostgreSQL
schema when $SAYSO_TEST_PG names a server): every test below runs on both backends.
"""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sayso import shapes
from sayso.errors import SourceError
from sayso.ledger import Ledger
from sayso.parallel import batches, extract_parallel
from sayso.pipeline import extract_articles, extract_batch, ingest, reextract
from sayso.records import Article
from sayso.sources import read_articles

from tests import EXAMPLES, REPO

VOLATILE = {"ingested_at", "at", "resolved_at"}
"""Fields that hold the moment a row was written: they differ between any two runs."""


def _corpus(folder: Path) -> Path:
    """The five examples; one under a second name (the same id), one copy with another title and
    date in a JSONL file (the same id, other metadata), an empty file (fails), a JSONL line with
    no text (fails) and an article that says nothing."""
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    shutil.copy(EXAMPLES / "002_port_strike_ministry.txt", folder / "002_copy.txt")
    (folder / "empty.txt").write_bytes(b"")
    (article,) = read_articles([EXAMPLES / "004_river_floods_governor.txt"])
    text = article.text
    lines = [{"title": "Floods again", "text": text, "date": "2024-05-02"},
             {"title": "No text here", "date": "2024-05-02"},
             {"title": "Quiet", "text": "The river rose slowly. Nothing else happened.", "date": "2024-05-03"}]
    (folder / "more.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return folder


def _records(url: str) -> dict:
    """Every record type of a ledger as lists of dicts, without the moments rows were written."""
    with Ledger(url) as ledger:
        found = {kind: [{k: v for k, v in row.items() if k not in VOLATILE} for row in ledger.rows(kind)]
                 for kind in shapes.RECORD_FIELDS}
        found["counts"] = ledger.counts()
        found["failures"] = sorted((f["path"], f["line"], f["reason"]) for f in ledger.failures())
    return found


def _summary(summary) -> tuple:
    return (summary.new, summary.updated, summary.unchanged, summary.failed, summary.claims, summary.metadata)


def test_two_jobs_store_the_same_records_as_one(tmp_path, ledger_url, nlp):
    corpus = _corpus(tmp_path / "in")
    results = {}
    for jobs in (1, 2):
        url = ledger_url(f"jobs{jobs}")
        with Ledger(url) as ledger:
            summary = ingest([corpus], ledger, jobs=jobs)
        results[jobs] = (_summary(summary), sorted(str(e) for e in summary.errors), _records(url))
    assert results[1] == results[2]
    (new, updated, unchanged, failed, claims, metadata), errors, records = results[2]
    assert (new, updated, unchanged, failed, metadata) == (6, 0, 2, 2, 2)  # copies: another path, another title
    assert claims == records["counts"]["claims"] > 0
    assert len(records["articles"]) == 6 and len(errors) == 2


def test_two_jobs_again_change_nothing(tmp_path, ledger_url, nlp):
    corpus = _corpus(tmp_path / "in")
    url = ledger_url("again")
    with Ledger(url) as ledger:
        ingest([corpus], ledger, jobs=2)
    before = _records(url)
    with Ledger(url) as ledger:
        second = ingest([corpus], ledger, jobs=2)
    assert (second.new, second.updated, second.unchanged, second.failed) == (0, 0, 8, 2)
    assert _records(url) == before


def test_reextract_with_two_jobs_stores_what_one_job_does(tmp_path, ledger_url, nlp):
    from sayso.pipeline import extractor_versions

    stale = json.dumps({**extractor_versions(), "figures": "figures.v0"})  # as if the figures stage changed
    results = {}
    for jobs in (1, 2):
        url = ledger_url(f"re{jobs}")
        with Ledger(url) as ledger:
            ingest([EXAMPLES], ledger)
            # stale, and one ingest moment: stale articles are re-extracted in (ingested_at, id) order
            ledger._conn.execute("UPDATE articles SET extractors = ?, ingested_at = '2024-01-01T00:00:00+00:00'",
                                 (stale,))
            redone = reextract(ledger, jobs=jobs)
        results[jobs] = (_summary(redone), _records(url))
    assert results[1] == results[2]
    assert results[2][0][:4] == (0, 5, 0, 0)


def test_an_article_that_fails_in_a_worker_fails_alone(tmp_path, ledger_url, nlp, monkeypatch):
    """The workers are forks: an extractor that raises on one article makes that article a failure."""
    from sayso import pipeline

    real = pipeline.extract_figures

    def crash_on_harvest(doc, article, claims):
        if "harvest" in article.title:
            raise RuntimeError("boom")
        return real(doc, article, claims)

    monkeypatch.setattr(pipeline, "extract_figures", crash_on_harvest)
    with Ledger(ledger_url("crash")) as ledger:
        summary = ingest([EXAMPLES], ledger, jobs=2)
        assert (summary.new, summary.failed) == (4, 1)
        (error,) = summary.errors
        assert error.path.endswith("003_harvest_outlook.txt") and "RuntimeError: boom" in error.reason


def test_extract_parallel_keeps_input_order(nlp):
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    articles = [Article(text=f"{texts[i % 5]}\nNote {i}.", published="2024-05-01") for i in range(40)]
    parallel = list(extract_parallel(iter(articles), 2, extract_batch))
    assert [ex.article.id for ex in parallel] == [a.id for a in articles]
    one = {ex.article.id: ex for ex in extract_articles(articles[:5])}
    for ex in parallel[:5]:
        assert ex.claims == one[ex.article.id].claims and ex.figures == one[ex.article.id].figures


@pytest.mark.parametrize("sizes, expected", [
    ([10] * 70, [32, 32, 6]),
    ([150_000, 10, 60_000, 5], [3, 1]),  # a batch closes once it holds 200,000 characters
    ([], []),
    ([250_000], [1]),
])
def test_batches_close_on_articles_or_characters(sizes, expected):
    articles = [Article(text="x" * n, published="2024-01-01") for n in sizes]
    assert [len(b) for b in batches(articles)] == expected


def test_jobs_with_other_models_is_refused(tmp_path):
    from sayso.extract.models import Models

    with Ledger(tmp_path / "l.db") as ledger, pytest.raises(ValueError, match="shipped models"):
        ingest([EXAMPLES], ledger, jobs=2, models=Models())


def test_cli_jobs_option(tmp_path, ledger_url, nlp):
    url = ledger_url("cli")
    done = subprocess.run([sys.executable, "-m", "sayso.views.cli", "ingest", str(EXAMPLES), "--db", url,
                           "--jobs", "2", "--json"], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["new"] == 5
    bad = subprocess.run([sys.executable, "-m", "sayso.views.cli", "ingest", str(EXAMPLES), "--db", url,
                          "--jobs", "0"], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


# -- kill -9 ---------------------------------------------------------------------------------

KILL_ARTICLES = 40
KILL_ROUNDS = 3
STORED_BURST_S = 0.05
"""A kill lands at most this long after the first article of a round is stored: the writer stores a
worker's batch in a burst, and the 40 articles took under 0.5 s once storing got faster (every
article stored before the kill, none left to kill mid-run)."""


def _kill_corpus(folder: Path) -> None:
    """40 short articles of our own: each example with a numbered note, so every one is new."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for i in range(KILL_ARTICLES):
        (folder / f"a{i:03d}.txt").write_text(f"{texts[i % len(texts)]}\nA note numbered {i} was added on "
                                              f"May {1 + i % 28}.\n", encoding="utf-8")


def _stored_articles(url: str) -> int:
    """Articles stored so far (0 while the ledger is not there yet)."""
    try:
        with Ledger(url, create=False) as ledger:
            return ledger.counts()["articles"]
    except Exception:  # noqa: BLE001 - not created yet, or busy: ask again
        return 0


def _ingest_command(corpus: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "sayso.views.cli", "ingest", str(corpus), "--db", url, "--jobs", "2", "--quiet"]


@pytest.mark.slow
def test_kill_9_of_two_jobs_then_rerun_matches_one_clean_run(tmp_path, ledger_url, nlp):
    """SIGKILL `sayso ingest --jobs 2` at random moments (a few rounds), run it to the end; the
    counts of every table and every record equal those of one clean run, and no worker is left."""
    corpus = tmp_path / "in"
    _kill_corpus(corpus)
    url, clean = ledger_url("killed"), ledger_url("clean")
    rng = random.Random(int(os.environ.get("SAYSO_KILL_SEED", "15")))
    kills = []
    for round_ in range(KILL_ROUNDS):
        before = _stored_articles(url)
        proc = subprocess.Popen(_ingest_command(corpus, url), cwd=REPO, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        if round_ == 0:  # anywhere in the start (the model loading, the fork) up to the first article
            # stored: a fixed wait outlasted a whole run once the start got faster (all 40 stored, no
            # kill left mid-run)
            _wait(proc, lambda: _stored_articles(url) > before, rng.uniform(1.0, 10.0))
        else:  # while articles are being stored (the writer stores a worker's batch in a burst)
            _wait(proc, lambda: _stored_articles(url) > before, 300)
            time.sleep(rng.uniform(0.0, STORED_BURST_S))
        workers = _children(proc.pid)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills.append(_stored_articles(url))
        proc.wait()
        _wait_gone(workers)
    # and Ctrl-C while articles are being stored: a one-line message, exit 130, the workers end
    before = _stored_articles(url)
    proc = subprocess.Popen(_ingest_command(corpus, url), cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    _wait(proc, lambda: _stored_articles(url) > before, 300)
    workers = _children(proc.pid)
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode in (0, 130) and "Traceback" not in stderr, stderr
    assert proc.returncode == 0 or "interrupted" in stderr
    _wait_gone(workers)
    assert any(0 < n < KILL_ARTICLES for n in kills), f"no kill landed mid-run: {kills}"
    done = subprocess.run(_ingest_command(corpus, url), cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    subprocess.run(_ingest_command(corpus, clean), cwd=REPO, check=True, capture_output=True, timeout=600)
    killed, once = _records(url), _records(clean)
    assert killed["counts"]["articles"] == KILL_ARTICLES
    assert killed["counts"] == once["counts"]
    assert {k: len(v) for k, v in killed.items() if k != "counts"} == \
        {k: len(v) for k, v in once.items() if k != "counts"}
    if url.endswith(".db"):
        import sqlite3

        assert sqlite3.connect(url).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def _wait(proc, done, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None and not done():
        time.sleep(0.02)


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                found += [int(p) for p in fh.read().split()]
    except OSError:
        pass
    return found


def _wait_gone(pids: list[int], seconds: float = 30) -> None:
    """The workers of a killed ingest end by themselves (they are told when their parent dies)."""
    deadline = time.monotonic() + seconds
    alive = list(pids)
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if _alive(p)]
        time.sleep(0.1)
    assert not alive, f"workers {alive} outlived their killed parent"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False
