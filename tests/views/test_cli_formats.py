"""Every command's exit codes and --format outputs (table, json, jsonl, csv), on the bundled examples."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sayso.views.cli import app

from tests import EXAMPLES

runner = CliRunner()
LISTINGS = ["claims", "speakers", "articles", "figures", "forecasts", "track-record"]


def run(*args, **kwargs):
    result = runner.invoke(app, [str(a) for a in args], **kwargs)
    assert "Traceback" not in result.output, result.output
    return result


@pytest.fixture(scope="module")
def db(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("formats") / "ledger.db"
    assert run("ingest", EXAMPLES, "--db", path, "--quiet").exit_code == 0
    return path


def parsed(output: str, fmt: str) -> list[dict]:
    if fmt == "json":
        value = json.loads(output)
        return value if isinstance(value, list) else [value]
    if fmt == "jsonl":
        return [json.loads(line) for line in output.splitlines()]
    return list(csv.DictReader(io.StringIO(output)))


@pytest.mark.parametrize("command", LISTINGS)
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_listing_formats_hold_the_same_records_with_ids(db, command, fmt):
    result = run(command, "--db", db, "--format", fmt)
    assert result.exit_code == 0, result.output
    rows = parsed(result.stdout, fmt)
    reference = json.loads(run(command, "--db", db, "--format", "json").stdout)
    assert rows and len(rows) == len(reference)
    key = next(k for k in ("id", "figure_id", "predictor") if k in rows[0])
    assert [str(r[key]) for r in rows] == [str(r[key]) for r in reference]


@pytest.mark.parametrize("command", LISTINGS)
def test_tables_show_ids_and_limit_offset_page_through(db, command):
    table = run(command, "--db", db)
    header = "".join(table.output.splitlines()[1:6])  # the header rows (a narrow column wraps its name)
    assert table.exit_code == 0 and "id" in header
    everything = json.loads(run(command, "--db", db, "--format", "json").stdout)
    page = json.loads(run(command, "--db", db, "--format", "json", "--limit", "2", "--offset", "1").stdout)
    assert page == everything[1:3]
    assert json.loads(run(command, "--db", db, "--format", "json", "--limit", "0").stdout) == []


@pytest.mark.parametrize("command", LISTINGS + ["export", "show x"])
def test_a_bad_format_is_a_usage_error_and_a_missing_ledger_a_failure(tmp_path, command):
    args = command.split()
    assert run(*args, "--db", tmp_path / "none.db", "--format", "yaml").exit_code == 2
    assert run(*args, "--db", tmp_path / "none.db").exit_code == 1


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_show_formats(db, fmt):
    article_id = json.loads(run("articles", "--db", db, "--format", "json", "--limit", "1").stdout)[0]["id"]
    result = run("show", article_id[:8], "--db", db, "--format", fmt)
    assert result.exit_code == 0
    if fmt == "table":
        assert "[[" in result.output and "{{" in result.output  # plain brackets when not a terminal
    elif fmt == "csv":
        assert parsed(result.stdout, fmt)[0]["article_id"] == article_id
    else:
        (article,) = parsed(result.stdout, fmt)
        assert article["id"] == article_id and article["claims"]


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_extract_formats_and_exit_codes(tmp_path, nlp, fmt):
    path = EXAMPLES / "003_harvest_outlook.txt"
    result = run("extract", path, "--format", fmt)
    assert result.exit_code == 0
    if fmt in ("json", "jsonl"):
        (record,) = parsed(result.stdout, fmt)
        assert record["claims"] and record["article"]["text"]
    elif fmt == "csv":
        assert parsed(result.stdout, fmt)[0]["content"]
    (tmp_path / "empty.txt").write_bytes(b"")
    assert run("extract", path, tmp_path / "empty.txt", "--format", fmt).exit_code == 1


def test_ingest_and_resolve_json_summaries(db, tmp_path):
    again = run("ingest", EXAMPLES, "--db", db, "--json")
    summary = json.loads(again.stdout)
    assert again.exit_code == 0 and summary["unchanged"] == len(list(EXAMPLES.glob("*.txt")))
    assert summary["new"] == summary["failed"] == 0 and summary["errors"] == []
    forecast = json.loads(run("forecasts", "--db", db, "--format", "json", "--limit", "1").stdout)[0]
    done = run("resolve", forecast["id"], "--outcome", "unclear", "--evidence", "https://e.org/x", "--db", db, "--json")
    result = json.loads(done.stdout)
    assert done.exit_code == 0 and result["forecast_id"] == forecast["id"] and result["history"]
    assert run("resolve", forecast["id"], "--outcome", "maybe", "--evidence", "https://e.org", "--db", db).exit_code == 1


def test_ingest_reads_standard_input(tmp_path, nlp):
    text = (EXAMPLES / "003_harvest_outlook.txt").read_text(encoding="utf-8")
    result = run("ingest", "-", "--db", tmp_path / "l.db", "--quiet", input=text)
    assert result.exit_code == 0 and "1 new" in result.output


def test_version_and_help_choices():
    from sayso import __version__

    for flag in ("-V", "--version"):
        assert run(flag).output.strip() == f"sayso {__version__}"
    assert "[table|json|jsonl|csv]" in run("claims", "--help").output.replace("<", "[").replace(">", "]")
    assert "jsonl|csv|parquet|jsonld" in run("export", "--help").output
    assert "--install-completion" in run("--help").output


def test_ingest_takes_a_url_as_given(tmp_path, nlp):
    """A URL argument reaches the reader as typed (a Path would have made 'http:/127.0.0.1...')."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            from tests.sources.test_web import PAGE

            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story"
        env = {"NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
        result = runner.invoke(app, ["ingest", url, "--db", str(tmp_path / "l.db"), "--quiet", "--json"], env=env)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["new"] == 1
    finally:
        server.shutdown()
        server.server_close()
