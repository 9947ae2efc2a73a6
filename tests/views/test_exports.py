"""Exports: every record type as JSONL, CSV and Parquet with the same columns; schema.org JSON-LD;
the ledger as datasette sees it (full-text search and views)."""
from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from sayso.shapes import RECORD_FIELDS
from sayso.views.cli import app

from tests import EXAMPLES, REPO

runner = CliRunner()


def run(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    """The bundled examples (their places are fictional: one article with real ones added), with one
    forecast resolved (twice: the history)."""
    path = tmp_path_factory.mktemp("exports") / "ledger.db"
    assert run("ingest", EXAMPLES, "--db", path, "--quiet").exit_code == 0
    assert run("ingest", REPO / "tests" / "data" / "evidence" / "104_mobilisation_moscow.txt", "--db", path,
               "--quiet").exit_code == 0
    forecast = json.loads(run("forecasts", "--db", path, "--format", "json", "--limit", "1").output)[0]
    for outcome in ("partly", "true"):
        assert run("resolve", forecast["id"], "--outcome", outcome, "--evidence", "https://example.org/r",
                   "--by", "tester", "--db", path).exit_code == 0
    return path


def read_back(path, fmt):
    if fmt == "jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return (list(rows[0]) if rows else []), len(rows)
    if fmt == "csv":
        rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
        return rows[0], len(rows) - 1
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    return table.column_names, table.num_rows


@pytest.mark.parametrize("records", list(RECORD_FIELDS))
def test_every_record_type_exports_to_every_format_with_the_same_columns(db, tmp_path, records):
    seen = {}
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"{records}.{fmt}"
        result = run("export", "--db", db, "--records", records, "--format", fmt, "-o", out)
        assert result.exit_code == 0, result.output
        seen[fmt] = read_back(out, fmt)
    (columns, n), *others = seen.values()
    assert n > 0, f"the examples give {records}"
    assert all(other == (columns, n) for other in others), seen
    assert columns[:len(RECORD_FIELDS[records])] == list(RECORD_FIELDS[records])
    assert f"{n} {records} exported" in result.output


def test_offsets_mean_the_same_in_every_record_type(db, tmp_path):
    out = tmp_path / "articles.jsonl"
    run("export", "--db", db, "--records", "articles", "-o", out)
    texts = {a["id"]: a["text"] for a in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    for records in ("times", "figures", "forecasts"):
        rows = [json.loads(line) for line in run("export", "--db", db, "--records", records).stdout.splitlines()]
        assert rows
        for row in rows:
            assert texts[row["article_id"]][row["start"]:row["end"]] == row["text"], (records, row)
    claims = [json.loads(line) for line in run("export", "--db", db).stdout.splitlines()]
    for claim in claims:
        if claim["speaker_start"] is not None:
            assert texts[claim["article_id"]][claim["speaker_start"]:claim["speaker_end"]] == claim["speaker_text"]


def test_resolutions_keep_their_history(db):
    rows = [json.loads(line) for line in run("export", "--db", db, "--records", "resolutions").stdout.splitlines()]
    assert [r["outcome"] for r in rows] == ["partly", "true"] and len({r["forecast_id"] for r in rows}) == 1


# -- schema.org ---------------------------------------------------------------------------------

THING = {"@type", "@id", "name", "url", "identifier", "description", "alternateName", "sameAs"}
CREATIVE_WORK = THING | {"author", "datePublished", "text", "headline", "citation", "about", "dateCreated"}
SCHEMA = {  # the properties each type has on schema.org (its own and inherited), and what it must carry
    "Claim": (CREATIVE_WORK | {"appearance", "firstAppearance", "claimInterpreter"}, {"text"}),
    "ClaimReview": (CREATIVE_WORK | {"claimReviewed", "reviewRating", "itemReviewed", "reviewBody"},
                    {"claimReviewed", "reviewRating", "itemReviewed"}),
    "Rating": (THING | {"ratingValue", "bestRating", "worstRating", "ratingExplanation", "author"}, {"alternateName"}),
    "NewsArticle": (CREATIVE_WORK, set()),
    "Person": (THING, {"name"}),
    "Organization": (THING, {"name"}),
}
RANGES = {"author": {"Person", "Organization", None}, "appearance": {"NewsArticle"},
          "itemReviewed": {"Claim"}, "reviewRating": {"Rating"}}


def check_node(node: dict, where: str = "") -> list[str]:
    """Problems of one JSON-LD node against the schema.org shapes above (recursively)."""
    kind = node.get("@type")
    if kind is None:  # an untyped author: a name only
        return [] if set(node) == {"name"} else [f"{where}: untyped node {node}"]
    allowed, required = SCHEMA[kind]
    problems = [f"{where}{kind}: unknown property {p}" for p in set(node) - allowed]
    problems += [f"{where}{kind}: missing {p}" for p in required - set(node)]
    for key, value in node.items():
        if isinstance(value, dict):
            if key in RANGES and value.get("@type") not in RANGES[key]:
                problems.append(f"{where}{kind}.{key}: a {value.get('@type')} is not allowed")
            problems += check_node(value, f"{where}{kind}.{key}.")
    return problems


def test_the_schema_check_can_fail():
    assert check_node({"@type": "Claim", "text": "x", "verdict": "y"}) == ["Claim: unknown property verdict"]
    assert check_node({"@type": "ClaimReview", "claimReviewed": "x", "itemReviewed": {"@type": "Rating",
                       "alternateName": "x"}, "reviewRating": {"@type": "Rating", "alternateName": "T"}})


@pytest.mark.parametrize("records, kind", [("claims", "Claim"), ("forecasts", "ClaimReview")])
def test_json_ld_validates_against_the_schema_org_shapes(db, records, kind):
    result = run("export", "--db", db, "--records", records, "--format", "jsonld")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["@context"] == "https://schema.org"
    nodes = document["@graph"]
    assert nodes and {n["@type"] for n in nodes} == {kind}
    assert [p for n in nodes for p in check_node(n)] == []
    if kind == "ClaimReview":  # only the resolved forecast, with its current outcome
        (review,) = nodes
        assert review["reviewRating"]["alternateName"] == "True" and review["reviewRating"]["ratingValue"] == 5


def test_json_ld_of_other_records_is_a_usage_error(db):
    assert run("export", "--db", db, "--records", "figures", "--format", "jsonld").exit_code == 2


# -- the ledger as data (datasette) --------------------------------------------------------------

def test_datasette_finds_full_text_search_and_views(db):
    utils = pytest.importorskip("datasette.utils", reason="datasette is a test extra (requirements-test.txt)")
    conn = sqlite3.connect(db)
    assert utils.detect_fts(conn, "claims") == "claims_fts"
    views = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert {"claims_with_speakers", "forecasts_with_status"} <= views
    speakers = conn.execute("SELECT speaker, content FROM claims_with_speakers WHERE speaker LIKE '%Marchenko%'").fetchall()
    assert speakers
    statuses = {r[0] for r in conn.execute("SELECT status FROM forecasts_with_status")}
    assert "resolved" in statuses and statuses <= {"open", "due", "overdue", "no-deadline", "resolved"}
    hits = conn.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'strike'").fetchall()
    assert hits


def test_datasette_serves_the_search_and_the_views(db):
    pytest.importorskip("datasette", reason="datasette is a test extra (requirements-test.txt)")
    import asyncio

    from datasette.app import Datasette

    async def fetch():
        ds = Datasette([str(db)], immutables=[])
        name = db.stem
        search = await ds.client.get(f"/{name}/claims.json?_search=strike&_shape=array")
        view = await ds.client.get(f"/{name}/claims_with_speakers.json?_shape=array&_size=5")
        return search, view

    search, view = asyncio.run(fetch())
    assert search.status_code == 200 and search.json() and all("strike" in r["content_text"].lower()
                                                                 for r in search.json())
    assert view.status_code == 200 and {"speaker", "content", "claim_id"} <= set(view.json()[0])
