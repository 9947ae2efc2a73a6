"""The command line: a thin layer, each command calls one library function.

Reading and writing commands live here; the listings (claims, speakers, articles, figures,
forecasts, track-record) in :mod:`.cli_records`; ``sayso eval ...`` in :mod:`.cli_eval` (the
only view of :mod:`sayso.evaluate`). Exit codes: :mod:`.common`.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .. import __version__
from ..errors import SaysoError
from . import safe, tables
from .app import app, command
from .article import article_view
from .common import (
    check_date, check_speaker, parse_fields, AS_JSON, DB_OPTION, FAILED, FORMAT_OPTION, INTERRUPTED, MAX_INT, USAGE, Format, err, fail, out, warn,
)
from .formats import FORMATS as EXPORT_FORMATS, RECORDS
from .output import emit, open_ledger, progress, report_summary, stored_line

ExportFormat = Enum("ExportFormat", {f: f for f in EXPORT_FORMATS}, type=str)
Records = Enum("Records", {r: r for r in RECORDS}, type=str)
PATHS_HELP = ("Files or folders (walked recursively), http(s) URLs, or - for standard input "
              "(.txt, .jsonl, .csv, .tsv, .html, .rss/.atom/.xml, .warc[.gz], .urls).")
FIELD_OPTION = typer.Option([], "--field", help="JSONL field or CSV column for a sayso field, NAME=FIELD "
                            "(NAME: text, title, date, url, source, author, speaker), e.g. --field text=body.")
SPEAKER_DOC_OPTION = typer.Option(None, "--speaker", help="Whose first-person words the documents are "
                                  "(speeches, statements), for records that name no speaker.")


def _version(value: bool) -> None:
    if value:
        out.print(f"sayso {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """sayso: a ledger of who said what, when, from dated news."""


@command()
def ingest(
    paths: Optional[list[str]] = typer.Argument(None, help=PATHS_HELP, show_default=False),
    db: str = DB_OPTION,
    date: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY) for inputs that have none."),
    undated: bool = typer.Option(False, "--undated", help="Accept articles with no date at all (stored as undated)."),
    field: list[str] = FIELD_OPTION,
    speaker: Optional[str] = SPEAKER_DOC_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    reextract: bool = typer.Option(False, "--reextract", help="Extract again the stored articles whose stage "
                                   "versions or model files changed (no inputs needed)."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes that parse and "
                                       "extract (default: the machine's cores); this one stores, in input order."),
) -> None:
    """Extract claims, speakers, times, figures and forecasts from articles and store them in the ledger.

    Re-ingesting the same text changes nothing (other metadata is recorded as a version) unless a
    stage's version or model changed (then the article is extracted again); a bad input is reported
    and skipped. Exit 0: every input stored; 1: some failed; 2: bad options.

    Example: sayso ingest sayso/examples/ --db news.db; sayso ingest --reextract --db news.db
    """
    if not paths and not reextract:
        fail("give files, folders, URLs or - to ingest (or --reextract)", USAGE)
    jobs = jobs or _default_jobs()
    if not paths:
        return _reextract(db, quiet, as_json, jobs)
    from ..pipeline import ingest as run_ingest
    from ..sources import count_inputs

    fields, date, speaker = parse_fields(field), check_date(date), check_speaker(speaker)
    with open_ledger(db, create=True) as ledger, progress(quiet, "ingesting") as (bar, task):
        if bar.live.is_started:
            bar.update(task, total=count_inputs(paths))
        summary = run_ingest(paths, ledger, date=date, fields=fields, allow_undated=undated, speaker=speaker,
                             progress=lambda outcome: bar.advance(task), jobs=jobs)
    report_summary(summary, db, as_json, stored_line(summary, db))
    if reextract:
        _reextract(db, quiet, as_json, jobs)
    if summary.failed or summary.ingested == 0:
        raise typer.Exit(FAILED)


def _default_jobs() -> int:
    from ..parallel import default_jobs

    return default_jobs()


def _reextract(db: str, quiet: bool, as_json: bool, jobs: int = 1) -> None:
    """Extract again the ledger's stale articles; print what was done."""
    from ..pipeline import reextract as run_reextract

    with open_ledger(db) as ledger, progress(quiet, "re-extracting") as (bar, task):
        summary = run_reextract(ledger, progress=lambda outcome: bar.advance(task), jobs=jobs)
    report_summary(summary, db, as_json, f"{summary.updated} stale articles extracted again, {summary.failed} failed; "
            f"{summary.claims} claims stored in {db}")
    if summary.failed:
        raise typer.Exit(FAILED)


@command()
def show(
    article: str = typer.Argument(..., help="Article id, id prefix, or the path/URL it was read from."),
    db: str = DB_OPTION,
    fmt: Format = FORMAT_OPTION,
    as_json: bool = AS_JSON,
) -> None:
    """Show one article with its claims marked (speaker, cue, content) and its records.

    On a terminal the marks are colours; in a pipe or file they are brackets:
    {{speaker}} <<cue>> [[content]]. --format json (or --json) prints the article and every
    record; jsonl one line; csv its claims.

    Example: sayso show 3f2a9c
    """
    with open_ledger(db) as ledger:
        found = ledger.article(article)
    if found is None:
        fail(f"no article matches {article!r} (see `sayso articles` for ids)")
    fmt = Format.json if as_json else fmt
    if fmt == Format.table:
        out.print(article_view(found, plain=not out.is_terminal))
    elif fmt == Format.csv:
        emit(found["claims"], fmt, tables.CLAIM_COLUMNS, "claims")
    else:
        emit([found], fmt, (), "article", single=fmt == Format.json)


@command()
def extract(
    files: list[str] = typer.Argument(..., help=PATHS_HELP),
    fmt: Format = FORMAT_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Same as --format jsonl: one JSON object per article "
                                 "(text and every record with offsets)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date for inputs that have none."),
    field: list[str] = FIELD_OPTION,
    speaker: Optional[str] = SPEAKER_DOC_OPTION,
) -> None:
    """Extract records without a database and print them.

    Table and CSV list the claims; json and jsonl give each article's text and every record with
    offsets. Exit 0: every input extracted; 1: some failed.

    Example: sayso extract article.txt --json
    """
    from ..pipeline import extract_files
    from ..shapes import extraction as to_dict

    fmt = Format.jsonl if as_json else fmt
    failed = 0
    everything = []
    for item in extract_files(files, date=check_date(date), fields=parse_fields(field), speaker=check_speaker(speaker)):
        if isinstance(item, SaysoError):
            failed += 1
            err.print(safe.text(f"failed: {item}", style="red"))
            continue
        for note in item.article.warnings:
            warn(note)
        record = to_dict(item)
        if fmt == Format.jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == Format.table:
            emit(record["claims"], fmt, ("speaker", "cue", "content", "kind"), item.article.title or "(untitled)")
        else:
            everything.append(record)
    if fmt == Format.json:
        emit(everything, fmt, (), "", single=False)
    elif fmt == Format.csv:
        emit([{"article_id": r["article"]["id"], **c} for r in everything for c in r["claims"]], fmt, (), "")
    if failed:
        raise typer.Exit(FAILED)


@command()
def export(
    db: str = DB_OPTION,
    fmt: ExportFormat = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, parquet (needs -o) or "
                                     "jsonld (schema.org Claim / ClaimReview; claims or forecasts)."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write this file (replaced only when the "
                                         "export is complete; never the ledger) instead of standard output."),
    records: Records = typer.Option("claims", "--records", "-r", help="Which records."),
) -> None:
    """Export every record of one type with its ids and offsets (same columns in every format).

    Example: sayso export --format csv -o claims.csv; sayso export --records forecasts --format jsonld
    """
    from .formats import export as run_export

    fmt, records = ExportFormat(fmt).value, Records(records).value
    if fmt == "parquet" and output is None:
        fail("--format parquet needs an output file (-o FILE)", USAGE)
    if fmt == "jsonld" and records not in ("claims", "forecasts"):
        fail("--format jsonld exports --records claims or forecasts", USAGE)
    with open_ledger(db) as ledger:
        n = run_export(ledger, fmt, sys.stdout if output is None else output, records)
    err.print(safe.text(f"{n} {records} exported" + (f" to {output}" if output else "")))


@command()
def demo(
    db: str = typer.Option("sayso-demo.db", "--db", help="Where to build the demo ledger (replaced)."),
) -> None:
    """Ingest the bundled example articles into a fresh ledger; show claims, forecasts, disputed figures.

    Example: sayso demo
    """
    from .demo import run_demo

    summary, records = run_demo(db)
    out.print(safe.text(f"{summary.new} new articles, {summary.failed} failed, {summary.claims} claims -> {db}"))
    columns = {"claims": tables.CLAIM_COLUMNS, "forecasts": ("id", "predictor", "polarity", "event", "hedging", "latest",
                                                             "status"),
               "disputed figures": ("figure_id", "measure", "value", "speaker", "published")}
    for name, rows in records.items():
        out.print(tables.table(rows, columns[name], title=f"{len(rows)} {name}"))
    from .demo import DEMO_AS_OF

    out.print(safe.text(f"Browse it in a web browser: sayso serve --db {db} --as-of {DEMO_AS_OF}, "
                        "then open http://127.0.0.1:8000/"), soft_wrap=True)


@command()
def resolve(
    forecast_id: int = typer.Argument(..., min=0, max=MAX_INT, help="The forecast's id (see `sayso forecasts`)."),
    outcome: str = typer.Option(..., "--outcome", help="Did the predicted event happen? true, false, partly or "
                                                       "unclear (a negative forecast is right when it did not)."),
    evidence: str = typer.Option(..., "--evidence", help="An http(s) URL, or the id of an article in the ledger."),
    note: Optional[str] = typer.Option(None, "--note", help="A short note on how it was settled."),
    by: Optional[str] = typer.Option(None, "--by", help="Who resolves it (default: the login name)."),
    db: str = DB_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the resolution and its history as JSON."),
) -> None:
    """Record whether a forecast came true, with evidence; resolving again keeps the history.

    Example: sayso resolve 12 --outcome false --evidence https://example.org/report --note "no offensive by March"
    """
    from .common import text_option

    note, by, evidence = (text_option(v, name) for v, name in ((note, "--note"), (by, "--by"), (evidence, "--evidence")))
    with open_ledger(db) as ledger:
        result = ledger.resolve(forecast_id, outcome, evidence, note=note, who=by)
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        out.print(safe.text(f"forecast {forecast_id}: {outcome} (evidence {result['evidence']}); "
                            f"{len(result['history'])} resolution(s) on record"), soft_wrap=True)


@command()
def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="SAYSO_TOKEN", show_envvar=True,
                                        help="Allow writes (resolving forecasts) with this token; without one the "
                                             "server is read-only. Prefer SAYSO_TOKEN: other users can see a command line."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="The day statuses are computed for (default: today)."),
) -> None:
    """Browse the ledger in a web browser (and as JSON under /api): articles with their records marked,
    search, speakers, the forecast board, disputed figures.

    Example: sayso serve --db sayso-demo.db --as-of 2024-06-30 (writes: SAYSO_TOKEN=secret sayso serve ...)
    """
    from .web.serve import serve as run_server

    check_date(as_of, "--as-of")
    if "://" not in db and not Path(db).is_file():
        fail(f"{db}: no ledger there (create one with `sayso ingest FILES --db {db}` or `sayso demo`)")
    run_server(db if "://" in db else Path(db), host, port, token or None, as_of, say=lambda line: print(line, file=sys.stderr, flush=True))


from . import cli_records  # noqa: E402,F401 - registers the listing commands on ``app``
from . import cli_scale  # noqa: E402,F401 - sayso spark, sayso load

__all__ = ["app", "INTERRUPTED"]

if __name__ == "__main__":  # pragma: no cover
    app()
