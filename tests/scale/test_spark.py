"""sayso spark in local[2] mode, then sayso load: the same ledger as sayso ingest of the same input.

The input mixes JSON Lines (Reuters stories and two bad records), Parquet (other stories) and a
gzipped WARC (the bundled examples as pages). SAYSO_REQUIRE_SPARK=1 (CI) makes a missing PySpark
a failure instead of a skip.
"""
from __future__ import annotations

import json
import os

import pytest

from sayso.ledger import Ledger
from sayso.pipeline import ingest
from sayso.scale.load import load
from sayso.scale.spark import MANIFEST, SparkJobError, read_manifest, run

from .scale_util import BAD_LINES, reuters, write_jsonl, write_parquet, write_warc

pytestmark = pytest.mark.slow
RECORDS = ("articles", "entities", "claims", "figures", "times", "forecasts", "places", "events")


@pytest.fixture(scope="module")
def spark():
    if os.environ.get("SAYSO_REQUIRE_SPARK") != "1":
        pytest.importorskip("pyspark", reason="needs PySpark: pip install -r requirements-spark.txt")
    from sayso.scale.spark import session_for

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session, _ = session_for("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, shared_dir):
    folder = tmp_path_factory.mktemp("input")
    stories = reuters(shared_dir / "evaldata" / "reuters21578", 40)
    write_jsonl(folder / "stories.jsonl", stories[:30], bad_after=10)
    write_parquet(folder / "rows.parquet", stories[30:])
    write_warc(folder / "pages.warc.gz")
    return folder


@pytest.fixture(scope="module")
def output(spark, corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark") / "out"
    summary = run([corpus], out, chunk=7, spark=spark)
    return out, summary


@pytest.fixture(scope="module")
def ingested(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("ingest") / "ingest.db"
    with Ledger(path) as ledger:
        summary = ingest([corpus], ledger)
    return path, summary


def _records(path) -> dict[str, list[dict]]:
    with Ledger(path) as ledger:
        found = {r: [{k: v for k, v in row.items() if k != "ingested_at"} for row in ledger.rows(r)] for r in RECORDS}
        found["counts"] = ledger.counts()
        found["failures"] = sorted((f["path"], f["line"], f["reason"]) for f in ledger.failures())
    return found


def test_spark_and_load_give_the_records_of_ingest(output, ingested, tmp_path):
    out, summary = output
    db = tmp_path / "load.db"
    with Ledger(db) as ledger:
        loaded = load(out, ledger)
    ingest_db, ingest_summary = ingested
    assert summary.units > 3  # JSONL and Parquet cut into several tasks
    assert (loaded.new, loaded.failed, loaded.claims) == (ingest_summary.new, ingest_summary.failed, ingest_summary.claims)
    assert loaded.new >= 40 and loaded.claims > 20
    spark_records, ingest_records = _records(db), _records(ingest_db)
    for name in (*RECORDS, "counts", "failures"):
        assert spark_records[name] == ingest_records[name], name
    assert {a["url"] for a in spark_records["articles"]} >= {f"https://news.example.org/{n}" for n in range(5)}


def test_load_twice_gives_the_same_counts(output, tmp_path):
    out, _ = output
    db = tmp_path / "twice.db"
    with Ledger(db) as ledger:
        first = load(out, ledger)
        counts = ledger.counts()
        again = load(out, ledger)
        assert ledger.counts() == counts
    assert again.new == again.updated == again.claims == 0
    assert again.unchanged == first.new + first.unchanged and again.failed == first.failed


def test_bad_records_are_reported_not_fatal(output, corpus):
    out, summary = output
    manifest = read_manifest(out)
    bad = sorted((e.line, e.reason) for e in summary.failures if e.path.endswith("stories.jsonl"))
    assert [line for line, _ in bad] == [11, 12]  # the two lines written after the tenth story
    assert "not valid JSON" in bad[0][1] and "no article text" in bad[1][1]
    assert manifest["counts"]["failures"] == len(summary.failures) == 2
    assert manifest["counts"]["articles"] == 30 + 10 + 5
    assert len(BAD_LINES) == 2


def test_an_existing_output_is_kept_unless_overwritten(output, corpus, spark):
    out, _ = output
    with pytest.raises(SparkJobError, match="exists and is not empty"):
        run([corpus], out, spark=spark)
    (out.parent / "other").mkdir()
    (out.parent / "other" / "notes.txt").write_text("mine")
    with pytest.raises(SparkJobError, match="not a sayso spark output"):
        run([corpus], out.parent / "other", overwrite=True, spark=spark)
    assert (out.parent / "other" / "notes.txt").read_text() == "mine"


def test_an_incomplete_output_is_refused(output, tmp_path):
    out, _ = output
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "articles").mkdir()
    with pytest.raises(SparkJobError, match=f"no {MANIFEST}"):
        load(copy, Ledger(":memory:"))
    (copy / MANIFEST).write_text(json.dumps({"format": 99}))
    with pytest.raises(SparkJobError, match="another version"):
        load(copy, Ledger(":memory:"))


def test_the_commands(spark, output, tmp_path):
    from typer.testing import CliRunner

    from sayso.views.cli import app

    runner = CliRunner()
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"text": "The mayor said the bridge would reopen in May.", "date": "2024-04-02"})
                     + "\nnot json\n", encoding="utf-8")
    result = runner.invoke(app, ["spark", str(small), str(tmp_path / "out"), "--chunk", "1"])
    assert result.exit_code == 1, result.output
    assert "failed: " in result.output and "small.jsonl:2: not valid JSON" in result.output
    assert "1 articles, 1 claims" in result.output and "Traceback" not in result.output
    assert runner.invoke(app, ["spark", str(small)]).exit_code == 2  # no OUTPUT
    assert runner.invoke(app, ["spark", "https://example.org/", str(tmp_path / "o")]).exit_code == 2
    db = tmp_path / "cli.db"
    first = runner.invoke(app, ["load", str(output[0]), "--db", str(db), "--quiet", "--json"])
    again = runner.invoke(app, ["load", str(output[0]), "--db", str(db), "--quiet", "--json"])
    assert first.exit_code == again.exit_code == 1  # the output holds two failures
    first, again = (json.loads(r.stdout.strip().splitlines()[-1]) for r in (first, again))
    assert again["new"] == 0 and again["unchanged"] == first["new"] + first["unchanged"] and first["failed"] == 2
    missing = runner.invoke(app, ["load", str(tmp_path / "nothing"), "--db", str(db)])
    assert missing.exit_code == 1 and "no such folder" in missing.output
