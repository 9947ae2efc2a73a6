"""Issue 12, end to end through the command line: every defect and lesser finding ends in a clear
line, a stored article or a documented refusal, never a traceback, and the rest of the batch is stored.

(The input side, FIFOs, /dev/zero, unreadable folders, deep JSONL, lone surrogates, UTF-16, NUL
bytes and 2023-02-30 in HTML, is tested reader by reader in tests/sources/.)
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sayso.ledger import Ledger
from sayso.views.cli import app

from tests import EXAMPLES

runner = CliRunner()
BIG = 2**63


def run(*args, input=None):
    result = runner.invoke(app, [str(a) for a in args], input=input)
    assert "Traceback" not in result.output and not isinstance(result.exception, (AssertionError, TypeError)), \
        result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.fixture
def db(tmp_path):
    """A ledger of hand-made records (no model needed)."""
    from tests.ledger.test_forecasts import extraction

    path = tmp_path / "ledger.db"
    with Ledger(path) as ledger:
        ledger.store(extraction())
    return path


def article_file(folder, name, text, date="2024-03-04"):
    path = folder / name
    path.write_text(f" date {date} {text}", encoding="utf-8")
    return path


# -- 1. an export never writes over the ledger or another SQLite file ------------------------

@pytest.mark.parametrize("target", ["ledger", "ledger-wal", "other-sqlite"])
def test_export_refuses_the_ledger_and_any_sqlite_file(db, tmp_path, target):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    path = {"ledger": db, "ledger-wal": f"{db}-wal", "other-sqlite": other}[target]
    reader = sqlite3.connect(db)  # an open reader keeps the WAL file (closing the last one removes it)
    reader.execute("SELECT count(*) FROM claims").fetchone()
    assert os.path.exists(path)
    size = os.path.getsize(path)
    result = run("export", "--db", db, "-o", path)
    assert result.exit_code == 1 and "never writes over" in result.output
    assert os.path.getsize(path) == size
    reader.close()
    with Ledger(db, create=False) as ledger:
        assert ledger.counts()["claims"] == 2


# -- 2. an article the model would refuse, and a failing parse, fail alone ---------------------

def test_an_article_over_the_models_max_length_is_stored_in_parts(tmp_path, nlp, monkeypatch):
    from sayso import parts

    monkeypatch.setattr(nlp, "max_length", 6000)
    monkeypatch.setattr(parts.split_text, "__defaults__", (4000,))
    body = (EXAMPLES / "001_port_strike_union.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    article_file(tmp_path, "long.txt", "Long\n" + "\n\n".join([body] * 8))
    shutil.copy(EXAMPLES / "003_harvest_outlook.txt", tmp_path / "short.txt")
    result = run("ingest", tmp_path, "--db", tmp_path / "l.db", "--quiet")
    assert result.exit_code == 0 and "2 new" in result.output


def test_e088_fails_only_its_article_and_the_batch_goes_on(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 6000)  # parts stay at 50,000: the parser refuses the long one
    body = (EXAMPLES / "001_port_strike_union.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    article_file(tmp_path, "a_long.txt", "Long\n" + "\n\n".join([body] * 8))
    for name in ("002_port_strike_ministry.txt", "003_harvest_outlook.txt"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    result = run("ingest", tmp_path, "--db", tmp_path / "l.db", "--quiet")
    assert result.exit_code == 1
    assert "a_long.txt: parsing failed (ValueError: [E088]" in result.output
    assert "2 new" in result.output and "1 failed" in result.output


# -- 3. numbers handed to quantulum3 are bounded -----------------------------------------------

def test_quantulum3_never_sees_a_400_digit_number(monkeypatch):
    from sayso.extract.figures import numbers

    seen = []
    parser = numbers.quantulum_parser()
    real = parser.parse
    monkeypatch.setattr(parser, "parse", lambda text, *a, **k: seen.append(text) or real(text, *a, **k))
    found = numbers.find_numbers("The code was " + "7" * 400 + " and 5 people came.")
    assert [c.value for c in found] == [5.0]
    import re
    assert seen and max(len(m) for t in seen for m in re.findall(r"\d[\d,.]*", t)) <= numbers.MAX_NUMBER_CHARS


# -- 4. bytes that are not UTF-8 on the command line ------------------------------------------

def test_non_utf8_arguments_are_one_line_not_a_crash(db, tmp_path):
    bad = "caf\udce9"  # how Python hands over the byte 0xe9 of a Latin-1 argument
    assert run("claims", "--db", db, "--speaker", bad).exit_code == 0
    assert run("claims", "--db", db, "--search", bad).exit_code == 0
    result = run("ingest", tmp_path / f"{bad}.txt", "--db", db, "--quiet")
    assert result.exit_code == 1 and "caf\\xe9.txt" in result.output


# -- 6. silent loss: a mistyped --db, a URL as --db --------------------------------------------

@pytest.mark.parametrize("command", ["claims", "speakers", "articles", "figures", "forecasts", "track-record",
                                     "export"])
def test_read_commands_never_create_a_ledger(tmp_path, command):
    missing = tmp_path / "typo" / "sayso.db"
    result = run(command, "--db", missing)
    assert result.exit_code == 1 and "no such ledger" in result.output
    assert not missing.parent.exists()


def test_show_and_resolve_never_create_a_ledger(tmp_path):
    missing = tmp_path / "nope.db"
    assert run("show", "abc", "--db", missing).exit_code == 1
    assert run("resolve", "1", "--outcome", "true", "--evidence", "https://e.org", "--db", missing).exit_code == 1
    assert not missing.exists()


@pytest.mark.parametrize("command", [("claims",), ("ingest", str(EXAMPLES))])
@pytest.mark.parametrize("url, message", [
    ("mysql://user@host/news", "mysql:// ledgers are not supported"),
    ("postgresql://user:hunter2@127.0.0.1:1/news?connect_timeout=2", "cannot connect to PostgreSQL"),
])
def test_a_url_as_db_is_never_a_file(tmp_path, monkeypatch, command, url, message):
    monkeypatch.chdir(tmp_path)
    result = run(*command, "--db", url)
    assert result.exit_code == 1 and message in result.output and "hunter2" not in result.output
    assert "Traceback" not in result.output and not list(tmp_path.iterdir())


def test_sayso_db_names_the_default_ledger(db, monkeypatch):
    monkeypatch.setenv("SAYSO_DB", str(db))
    rows = json.loads(runner.invoke(app, ["claims", "--format", "json"]).output)
    assert len(rows) == 2


# -- 7. identity: normalised text; other metadata recorded --------------------------------------

def test_copies_are_one_article_and_new_metadata_is_recorded(tmp_path, nlp):
    text = (EXAMPLES / "003_harvest_outlook.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2024-03-04 Harvest\n" + text, encoding="utf-8")
    (folder / "b.txt").write_bytes((" date 2024-03-04 Harvest\n" + text).replace("\n", "\r\n").encode() + b"\r\n")
    db = tmp_path / "l.db"
    summary = json.loads(run("ingest", folder, "--db", db, "--quiet", "--json").output)
    assert (summary["new"], summary["unchanged"]) == (1, 1)
    record = {"text": "Harvest\n" + text, "title": "The same story, retitled", "date": "2024-03-09",
              "url": "https://example.org/harvest"}
    (tmp_path / "copy.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    again = json.loads(run("ingest", tmp_path / "copy.jsonl", "--db", db, "--quiet", "--json").output)
    assert (again["new"], again["unchanged"], again["metadata"]) == (0, 1, 1)
    run("ingest", tmp_path / "copy.jsonl", "--db", db, "--quiet")  # seen again: recorded once
    with Ledger(db) as ledger:
        (article,) = ledger.articles()
        versions = ledger.article(article["id"])["versions"]
    assert article["published"] == "2024-03-04"  # the first metadata stays the article's
    # b.txt's path is another URL: recorded whether b.txt was read in the same run as a.txt or later
    # (a copy's metadata is decided when its first copy is stored, however far apart the two were read)
    assert [(v["published"], v["title"], Path(v["url"]).name if v["url"].startswith("/") else v["url"])
            for v in versions] == [("2024-03-04", "Harvest", "b.txt"),
                                   ("2024-03-09", "The same story, retitled", "https://example.org/harvest")]


def test_an_undated_article_takes_the_date_of_a_dated_copy(tmp_path, nlp):
    text = (EXAMPLES / "003_harvest_outlook.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    (tmp_path / "undated.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "l.db"
    assert run("ingest", tmp_path / "undated.txt", "--undated", "--db", db, "--quiet").exit_code == 0
    (tmp_path / "dated.jsonl").write_text(json.dumps({"text": text, "date": "2024-03-04"}) + "\n", encoding="utf-8")
    summary = json.loads(run("ingest", tmp_path / "dated.jsonl", "--db", db, "--quiet", "--json").output)
    assert (summary["updated"], summary["metadata"]) == (1, 1)  # extracted again against its date
    with Ledger(db) as ledger:
        (article,) = ledger.articles()
    assert article["published"] == "2024-03-04"


# -- 8. output injection ------------------------------------------------------------------------

ESCAPES = "\x1b[2J\x1b[H\x1b]0;owned\x07\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\"


def test_escape_sequences_never_reach_the_terminal(tmp_path, nlp):
    path = article_file(tmp_path, "esc.txt", f"Title [/bold] [link=http://x]t[/link]\n"
                        f'"We will strike {ESCAPES} tomorrow," the union leader Ana Ruiz said.\n')
    db = tmp_path / "l.db"
    assert run("ingest", path, "--db", db, "--quiet").exit_code == 0
    for args in (("show", path), ("claims",)):
        output = run(*args, "--db", db).output
        assert "\x1b" not in output and "\x07" not in output and "\\x1b" in output
    extracted = run("extract", path)
    assert extracted.exit_code == 0 and "\x1b" not in extracted.output
    assert "[/bold]" in extracted.output and "[link=http://x]" in extracted.output  # titles are never markup


def test_resolve_echoes_escapes_as_text(db):
    result = run("resolve", "1", "--outcome", "true", "--evidence", "https://e.org", "--note", f"ok{ESCAPES}",
                 "--by", "t\x1b[31m", "--db", db)
    assert result.exit_code == 0 and "\x1b" not in result.output


@pytest.mark.parametrize("records", ["claims", "forecasts", "articles"])
def test_csv_cells_that_would_be_formulas_are_neutralised(tmp_path, records):
    from sayso.records import Article, Claim, Extraction, Forecast, Span

    text = '=HYPERLINK("http://evil")+1 said -2+3 and @SUM(A1) will rise.'
    art = Article(text=text, title="=cmd|' /C calc'!A0", published="2024-01-01", date_precision="day")
    claim = Claim([Span.of(text, 0, 27)], Span.of(text, 28, 32), Span.of(text, 33, 37), "indirect")
    at, will = text.index("@"), text.index("will")
    forecast = Forecast(at, len(text), text[at:], Span.of(text, will, will + 4), "certain", claim_index=0)
    db = tmp_path / "l.db"
    with Ledger(db) as ledger:
        ledger.store(Extraction(art, [claim], extractors={"x": "1"}, forecasts=[forecast]))
    out = tmp_path / "x.csv"
    assert run("export", "--db", db, "--records", records, "--format", "csv", "-o", out).exit_code == 0
    import csv

    cells = [c for row in csv.reader(out.open(encoding="utf-8")) for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@") and not c.lstrip("+-").replace(".", "").isdigit()]
    assert any(c.startswith("'=") or c.startswith("'@") for c in cells)


# -- 9. tracebacks on user input ----------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ("claims", "--limit", str(BIG)), ("claims", "--offset", str(BIG)), ("speakers", "--limit", "-1"),
    ("resolve", str(BIG), "--outcome", "true", "--evidence", "https://e.org"),
    ("claims", "--speaker", "x" * 50_001), ("claims", "--search", "y" * 50_001),
    ("figures", "--search", "z" * 50_001), ("forecasts", "--speaker", "s" * 50_001),
    ("claims", "--search", ""), ("claims", "--search", " "), ("claims", "--search", "--"),
])
def test_out_of_range_and_huge_options_are_usage_errors(db, args):
    result = run(*args, "--db", db)
    assert result.exit_code == 2, result.output


def test_the_largest_limit_and_id_still_work(db):
    assert run("claims", "--limit", str(BIG - 1), "--db", db).exit_code == 0
    result = run("resolve", str(BIG - 1), "--outcome", "true", "--evidence", "https://e.org", "--db", db)
    assert result.exit_code == 1 and "no forecast with id" in result.output


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_export_to_a_missing_folder_or_a_folder_is_one_line(db, tmp_path, where):
    target = tmp_path / "no" / "such" / "x.jsonl" if where == "missing folder" else tmp_path
    result = run("export", "--db", db, "-o", target)
    assert result.exit_code == 1 and ("does not exist" in result.output or "is a folder" in result.output)


def test_a_full_disk_leaves_the_previous_export_untouched(db, tmp_path, monkeypatch):
    from sayso.views import formats

    out = tmp_path / "claims.jsonl"
    out.write_text("previous export\n", encoding="utf-8")

    def full(rows, stream):
        stream.write("partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(formats, "write_jsonl", full)
    result = run("export", "--db", db, "-o", out)
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_export_to_dev_full_is_one_line(db):
    before = os.stat("/dev/full")
    result = run("export", "--db", db, "-o", "/dev/full")
    assert result.exit_code == 1 and "not a regular file" in result.output
    assert os.stat("/dev/full").st_rdev == before.st_rdev  # the device is still there


# -- 10. foreign keys have indexes ----------------------------------------------------------------

def unindexed_foreign_keys(conn: sqlite3.Connection) -> list[str]:
    """What ``.lint fkey-indexes`` reports: foreign-key columns that no index starts with."""
    missing = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        indexed = set()
        for index in conn.execute(f"PRAGMA index_list('{table}')"):
            first = conn.execute(f"PRAGMA index_info('{index[1]}')").fetchone()
            if first is not None:
                indexed.add(first[2])
        pk = [r[1] for r in conn.execute(f"PRAGMA table_info('{table}')") if r[5] == 1]
        indexed.update(pk[:1])
        for fk in conn.execute(f"PRAGMA foreign_key_list('{table}')"):
            if fk[3] not in indexed:
                missing.append(f"{table}({fk[3]})")
    return missing


def test_every_foreign_key_column_has_an_index(db):
    conn = sqlite3.connect(db)
    assert unindexed_foreign_keys(conn) == []
    conn.execute("CREATE TABLE probe (x INTEGER REFERENCES claims(id))")
    assert unindexed_foreign_keys(conn) == ["probe(x)"]  # the check can fail


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 command-line tool is not installed")
def test_sqlite3_lint_reports_nothing(db):
    done = subprocess.run(["sqlite3", str(db), ".lint fkey-indexes"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == ""


# -- lesser findings ------------------------------------------------------------------------------

def test_error_lines_are_not_wrapped_when_stderr_is_not_a_terminal(tmp_path):
    long_name = "n" * 150 + ".txt"
    (tmp_path / long_name).write_bytes(b"")
    result = run("ingest", tmp_path / long_name, "--db", tmp_path / "l.db", "--quiet")
    assert result.exit_code == 1
    assert any(long_name in line and "empty file" in line for line in result.output.splitlines())


def test_exit_codes_all_stored_some_failed_usage(tmp_path, nlp):
    good = tmp_path / "good.txt"
    shutil.copy(EXAMPLES / "003_harvest_outlook.txt", good)
    (tmp_path / "bad.txt").write_bytes(b"")
    assert run("ingest", good, "--db", tmp_path / "a.db", "--quiet").exit_code == 0
    assert run("ingest", good, tmp_path / "bad.txt", "--db", tmp_path / "b.db", "--quiet").exit_code == 1
    assert run("ingest", good, "--db", tmp_path / "c.db", "--date", "2023-02-30").exit_code == 2
