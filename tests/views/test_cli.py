"""The command line, end to end on the bundled examples (no network)."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from sayso.views.cli import app

from tests import EXAMPLES, REPO
DOCS = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
runner = CliRunner()


def command_names() -> list[str]:
    """Every leaf command as typed: 'ingest', 'eval claims', ..."""
    root = typer.main.get_command(app)
    names = []
    for name, cmd in root.commands.items():
        subs = getattr(cmd, "commands", None)
        names += [f"{name} {sub}" for sub in subs] if subs else [name]
    return sorted(names)


def leaf(name: str):
    cmd = typer.main.get_command(app)
    for part in name.split():
        cmd = cmd.commands[part]
    return cmd


N_EXAMPLES = len(list(EXAMPLES.glob("*.txt")))


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def ledger_db(tmp_path_factory, nlp) -> Path:
    db = tmp_path_factory.mktemp("cli") / "ledger.db"
    result = run("ingest", EXAMPLES, "--db", db)
    assert result.exit_code == 0, result.output
    return db


def test_every_command_is_listed():
    assert {"ingest", "claims", "speakers", "show", "extract", "export", "demo", "eval claims"} <= set(command_names())


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_and_a_documented_example(name):
    cmd = leaf(name)
    assert cmd.help and len(cmd.help.split()) >= 5, f"sayso {name} needs help text"
    assert f"Example: sayso {name}" in " ".join(cmd.help.split()), f"sayso {name} help has no example"
    assert f"## sayso {name}\n" in DOCS, f"docs/cli.md has no section for sayso {name}"
    section = DOCS.split(f"## sayso {name}\n", 1)[1].split("\n## ", 1)[0]
    assert f"$ sayso {name}" in section, f"docs/cli.md shows no example of sayso {name}"


def test_ingest_summary_then_idempotent(ledger_db):
    again = run("ingest", EXAMPLES, "--db", ledger_db)
    assert again.exit_code == 0, again.output
    assert re.search(rf"0 new, 0 updated, {N_EXAMPLES} unchanged, 0 failed", again.output)


def test_claims_json_and_speaker_filter(ledger_db):
    rows = json.loads(run("claims", "--db", ledger_db, "--format", "json").output)
    assert rows and all({"speaker", "content", "cue", "published"} <= set(r) for r in rows)
    mine = json.loads(run("claims", "--db", ledger_db, "--speaker", "marchenko", "--format", "json").output)
    assert mine and all("Marchenko" in r["speaker"] for r in mine)
    assert len(mine) < len(rows)


def test_claims_csv_has_a_header(ledger_db):
    output = run("claims", "--db", ledger_db, "--format", "csv").output
    header = next(csv.reader(io.StringIO(output)))
    assert "speaker" in header and "content" in header


@pytest.mark.parametrize("args, code, message", [
    (("claims", "--format", "xml"), 2, "'xml' is not one of 'table', 'json', 'jsonl', 'csv'"),
    (("claims", "--since", "2023-02-30"), 2, "--since"),
    (("show", "ffffffffffffffff"), 1, "no article matches"),
    (("export", "--format", "xlsx"), 2, "'xlsx' is not one of"),
    (("export", "--format", "parquet"), 2, "needs an output file"),
])
def test_bad_options_give_one_clear_line(ledger_db, args, code, message):
    result = run(*args, "--db", ledger_db)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def test_show_by_path_marks_claims(ledger_db):
    result = run("show", "--db", ledger_db, EXAMPLES / "002_port_strike_ministry.txt")
    assert result.exit_code == 0, result.output
    assert "Ministry says 12,000 dockworkers" in result.output
    assert "claims" in result.output
    assert "Helena Duarte" in result.output  # a resolved speaker in the claim list


def test_export_jsonl_rows_match_claims(ledger_db, tmp_path):
    out = tmp_path / "claims.jsonl"
    assert run("export", "--db", ledger_db, "--format", "jsonl", "-o", out).exit_code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    claims = json.loads(run("claims", "--db", ledger_db, "--format", "json").output)
    assert len(rows) == len(claims)
    assert len({r["article_id"] for r in rows}) == N_EXAMPLES


def test_extract_json_offsets_index_the_text(nlp):
    result = run("extract", EXAMPLES / "001_port_strike_union.txt", "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    text = record["article"]["text"]
    assert record["claims"]
    for claim in record["claims"]:
        for start, end in claim["parts"]:
            assert text[start:end].strip()
        if claim["speaker_start"] is not None:
            assert text[claim["speaker_start"]:claim["speaker_end"]] == claim["speaker_text"]
    assert record["times"] and record["figures"] and record["forecasts"]
    for kind in ("times", "figures", "forecasts"):
        for item in record[kind]:
            assert text[item["start"]:item["end"]] == item["text"], (kind, item)


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path, nlp):
    shutil.copy(EXAMPLES / "003_harvest_outlook.txt", tmp_path / "good.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 date 2024-01-01")
    (tmp_path / "bad.jsonl").write_text('{"text": "x", "date": "2024-01-01"}\nnot json\n', encoding="utf-8")
    result = run("ingest", tmp_path, "--db", tmp_path / "l.db")
    assert result.exit_code == 1  # some inputs failed (the good ones are stored)
    for name in ("empty.txt", "binary.txt", "bad.jsonl:2"):
        assert name in result.output
    assert re.search(r"2 new, 0 updated, 0 unchanged, 3 failed", result.output)


def test_nothing_ingested_exits_non_zero(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("ingest", tmp_path / "empty.txt", "--db", tmp_path / "l.db")
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "Traceback" not in result.output


def test_article_text_is_never_read_as_markup(tmp_path, nlp):
    text = ' date 2024-01-02 [bold red]Injected[/bold red] headline\n"It works," [link=x]Smith[/link] said.\n'
    (tmp_path / "markup.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "l.db"
    assert run("ingest", tmp_path, "--db", db).exit_code == 0
    shown = run("show", "--db", db, tmp_path / "markup.txt").output
    assert "[bold red]Injected[/bold red]" in shown
    assert "link=x]" in shown and "Smith[/link]" in shown  # printed as written (brackets mark spans off a terminal)
    assert "{{" in shown and "[[" in shown


def test_demo_builds_a_fresh_ledger(tmp_path, nlp):
    db = tmp_path / "demo.db"
    first = run("demo", "--db", db)
    second = run("demo", "--db", db)
    assert first.exit_code == 0 and second.exit_code == 0, first.output
    assert f"{N_EXAMPLES} new articles" in second.output


# -- forecasts, resolve, track-record (a hand-built ledger: no extractor involved) -----------

@pytest.fixture
def forecast_db(tmp_path) -> Path:
    from tests.ledger.test_forecasts import extraction

    from sayso.ledger import Ledger

    db = tmp_path / "forecasts.db"
    with Ledger(db) as ledger:
        ledger.store(extraction())
    return db


def test_forecasts_resolve_and_track_record(forecast_db):
    rows = json.loads(run("forecasts", "--db", forecast_db, "--as-of", "2023-03-15", "--format", "json").output)
    assert [r["status"] for r in rows] == ["due", "open", "open"]
    done = run("resolve", rows[0]["id"], "--outcome", "false", "--evidence", "https://example.org/x",
               "--by", "tester", "--db", forecast_db)
    assert done.exit_code == 0 and "1 resolution(s)" in done.output
    resolved = json.loads(run("forecasts", "--db", forecast_db, "--status", "resolved", "--format", "json").output)
    assert [r["outcome"] for r in resolved] == ["false"]
    record = json.loads(run("track-record", "--db", forecast_db, "--speaker", "reznikov", "--format", "json").output)
    assert [(r["predictor"], r["forecasts"], r["resolved"], r["hit_rate"]) for r in record] == [
        ("Oleksii Reznikov", 2, 1, 0.0)]


@pytest.mark.parametrize("args, message, code", [
    (("resolve", "99", "--outcome", "true", "--evidence", "https://e.org"), "no forecast with id 99", 1),
    (("resolve", "1", "--outcome", "yes", "--evidence", "https://e.org"), "unknown outcome", 1),
    (("resolve", "1", "--outcome", "true", "--evidence", "nowhere"), "neither an http", 1),
    (("forecasts", "--as-of", "2023-02-30"), "--as-of", 2),
    (("forecasts", "--status", "late"), "unknown status", 1),
    (("export", "--records", "poems"), "'poems' is not one of", 2),
])
def test_forecast_commands_reject_bad_input_in_one_line(forecast_db, args, message, code):
    result = run(*args, "--db", forecast_db)
    assert result.exit_code == code and message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("records, n", [("forecasts", 3), ("figures", 1), ("times", 3)])
def test_export_other_records(forecast_db, records, n):
    result = run("export", "--records", records, "--db", forecast_db)
    assert result.exit_code == 0 and len(result.stdout.strip().splitlines()) == n


def test_show_lists_forecasts_figures_and_times(forecast_db):
    from tests.ledger.test_forecasts import extraction

    result = run("show", extraction().article.id[:6], "--db", forecast_db)
    assert result.exit_code == 0
    assert "3 forecasts" in result.output and "1 figures" in result.output and "3 time expressions" in result.output


def test_figures_disputed(tmp_path):
    from tests.ledger.test_figures import article

    from sayso.ledger import Ledger

    db = tmp_path / "figures.db"
    with Ledger(db) as ledger:
        ledger.store(article("Officials said 40,000 workers struck.", "2024-03-01",
                             [("40,000 workers", 40000, "worker", "strike")], speaker="Officials"))
        ledger.store(article("Only 12,000 workers struck, the ministry says.", "2024-03-02",
                             [("12,000 workers", 12000, "worker", "strike")]))
    rows = json.loads(run("figures", "--disputed", "--db", db, "--format", "json").output)
    assert sorted(r["value"] for r in rows) == [12000, 40000] and all(r["disputed"] for r in rows)
    assert "2 figures in 1 groups" in run("figures", "--db", db).output
