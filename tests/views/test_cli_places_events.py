"""`sayso places`, `sayso events`, `sayso evidence` and their evals on the command line."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sayso.views.cli import app
from tests import REPO

runner = CliRunner()
LATER = REPO / "tests" / "data" / "evidence"


@pytest.fixture(scope="module")
def db(nlp, tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "ledger.db"
    result = runner.invoke(app, ["ingest", str(LATER), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return str(path)


def run_json(*args) -> list[dict]:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_places_lists_gazetteer_entries_with_counts(db):
    rows = run_json("places", "--db", db)
    moscow = next(r for r in rows if r["name"] == "Moscow")
    assert (moscow["feature"], moscow["country_code"], moscow["geonameid"]) == ("city", "RU", 524901)
    assert moscow["mentions"] >= 2 and moscow["articles"] == 1
    assert [r["name"] for r in run_json("places", "--db", db, "--country", "PT")] == ["Lisbon"]
    first, second = run_json("places", "--db", db, "--limit", "1"), run_json("places", "--db", db, "--limit", "1",
                                                                            "--offset", "1")
    assert len(first) == len(second) == 1 and first != second


def test_events_filters_and_csv(db):
    in_lisbon = run_json("events", "--db", db, "--place", "Lisbon")
    assert in_lisbon and {r["acled_type"] for r in in_lisbon} == {"Protests"}
    protests = run_json("events", "--db", db, "--kind", "PROTEST")  # a PLOVER category
    assert protests and {r["title"] for r in protests} == {"Farmers protest in Lisbon over fuel prices"}
    assert run_json("events", "--db", db, "--place", "Lisbon", "--until", "2023-03-01") == []
    result = runner.invoke(app, ["events", "--db", db, "--place", "Moscow", "--format", "csv"])
    assert result.exit_code == 0 and result.stdout.splitlines()[0].startswith("id,")
    assert "mobilisation" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["events", "--since", "2023-13"], "--since"),
    (["evidence", "999"], "no forecast with id 999"),
    (["places", "--format", "xml"], "is not one of"),
])
def test_bad_input_is_one_line(db, args, message):
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code != 0 and message in result.output and "Traceback" not in result.output


def test_evidence_table_escapes_article_text(tmp_path, nlp):
    article = tmp_path / "a.txt"
    later = tmp_path / "b.txt"
    article.write_text(" date 2023-05-01 Officials said Russian forces will seize [bold]Bakhmut[/bold] "
                       "by June, the governor warned.\n", "utf-8")
    later.write_text(" date 2023-06-10 Russian forces seized [bold]Bakhmut[/bold] on June 5, the ministry said.\n",
                     "utf-8")
    db = str(tmp_path / "l.db")
    assert runner.invoke(app, ["ingest", str(article), str(later), "--db", db, "-q"]).exit_code == 0
    forecasts = run_json("forecasts", "--db", db, "--as-of", "2023-05-02")
    assert forecasts, "'will seize ... by June' is a forecast: without one there is no evidence table to check"
    result = runner.invoke(app, ["evidence", str(forecasts[0]["id"]), "--db", db])
    assert result.exit_code == 0 and "[bold]" in result.stdout  # shown as text, never as markup


@pytest.mark.parametrize("args", [["eval", "places"], ["eval", "events", "acled"]])
def test_eval_commands_report_a_missing_path_in_one_line(tmp_path, args):
    result = runner.invoke(app, [*args, str(tmp_path / "missing")])
    assert result.exit_code == 1 and "no such file" in result.output and "Traceback" not in result.output


def test_eval_events_unknown_corpus(tmp_path):
    result = runner.invoke(app, ["eval", "events", "gdelt", str(tmp_path)])
    assert result.exit_code == 2 and "unknown corpus" in result.output


@pytest.mark.parametrize("records, key", [("events", "kind"), ("places", "place_key")])
def test_export_places_and_events(db, records, key):
    result = runner.invoke(app, ["export", "--db", db, "--records", records, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(key in r for r in rows)
