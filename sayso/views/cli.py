"""The command line: a thin layer, each command calls one library function.

``sayso eval ...`` lives in :mod:`.cli_eval` (the only view of :mod:`sayso.evaluate`).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from .. import __version__
from ..errors import SaysoError
from . import tables
from .article import article_view
from .cli_eval import eval_app
from .common import AS_JSON, DB_OPTION, FORMAT_OPTION, err, fail, friendly, out

app = typer.Typer(
    help="sayso: a ledger of who said what, when, from dated news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(eval_app, name="eval")

OUTPUT_FORMATS = ("table", "json", "csv")
SPEAKER_OPTION = typer.Option(None, "--speaker", help="Only this speaker or predictor (name or alias).")
AS_OF_OPTION = typer.Option(None, "--as-of", help="The day statuses are computed for (default: today).")
STALE_AFTER_OPTION = typer.Option(None, "--stale-after", metavar="DAYS",
                                  help="The horizon: a deadline passed longer ago is overdue, a forecast without "
                                       "deadline made longer ago is stale (default 365).")


def command(name: str | None = None, parent: typer.Typer = app):
    """``@app.command()`` with friendly errors."""
    return lambda fn: parent.command(name)(friendly(fn))


def open_ledger(db: Path):
    from ..ledger import Ledger

    try:
        return Ledger(db)
    except Exception as exc:  # sqlite3.DatabaseError and friends: not a ledger file
        fail(f"{db}: cannot open the ledger ({exc})")


def emit(rows: list[dict], fmt: str, columns, title: str) -> None:
    """Print rows as a table, JSON or CSV."""
    if fmt not in OUTPUT_FORMATS:
        fail(f"unknown format {fmt!r} (choose from {', '.join(OUTPUT_FORMATS)})", 2)
    from .formats import as_csv, as_json

    if fmt == "json":
        sys.stdout.write(as_json(rows) + "\n")
    elif fmt == "csv":
        sys.stdout.write(as_csv(rows))
    else:
        out.print(tables.table(rows, columns, title=title))


def parse_fields(pairs: list[str]) -> dict[str, str]:
    """``--field text=body`` options -> {"text": "body"}."""
    fields = {}
    for pair in pairs:
        key, sep, name = pair.partition("=")
        if not sep or not key or not name:
            fail(f"--field expects NAME=FIELD (e.g. text=body), got {pair!r}", 2)
        fields[key.strip()] = name.strip()
    from ..sources import check_fields

    try:
        return check_fields(fields)
    except ValueError as exc:
        fail(f"--field: {exc}", 2)


def check_date(date: Optional[str], option: str = "--date") -> Optional[str]:
    """A date option as given, after checking it (YYYY-MM-DD, YYYY-MM or YYYY); exit 2 if invalid."""
    if date is None:
        return None
    from ..sources import parse_date

    try:
        parse_date(date)
    except ValueError as exc:
        fail(f"{option}: {exc}", 2)
    return date


@app.callback(invoke_without_command=True)
def main(version: bool = typer.Option(False, "--version", help="Print the version and exit.")) -> None:
    if version:
        out.print(f"sayso {__version__}")
        raise typer.Exit()


@command()
def ingest(
    paths: Optional[list[Path]] = typer.Argument(None, help="Files or folders (.txt, .jsonl, .html), walked recursively."),
    db: Path = DB_OPTION,
    date: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD or YYYY-MM) for files that have none."),
    undated: bool = typer.Option(False, "--undated", help="Accept articles with no date at all (stored as undated)."),
    field: list[str] = typer.Option([], "--field", help="JSONL field mapping NAME=FIELD, e.g. --field text=body."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    reextract: bool = typer.Option(False, "--reextract", help="Extract again the stored articles whose stage "
                                   "versions or model files changed (no files needed)."),
) -> None:
    """Extract claims from articles and store them in the ledger.

    Re-ingesting the same content changes nothing unless a stage's version or model changed (then
    the article is extracted again); a bad file is reported and skipped.

    Example: sayso ingest sayso/examples/ --db news.db; sayso ingest --reextract --db news.db
    """
    if not paths and not reextract:
        fail("give files or folders to ingest (or --reextract)", 2)
    if not paths:
        return _reextract(db, quiet)
    from ..pipeline import ingest as run_ingest
    from ..sources import count_inputs

    fields, date = parse_fields(field), check_date(date)
    with open_ledger(db) as ledger, _progress(quiet) as bar:
        task = bar.add_task("ingesting", total=count_inputs(paths) if bar.live.is_started else None)
        try:
            summary = run_ingest(paths, ledger, date=date, fields=fields, allow_undated=undated,
                                 progress=lambda outcome: bar.advance(task))
        except KeyboardInterrupt:
            fail("interrupted: every article stored so far is complete; run again to continue", 130)
        except SaysoError as exc:
            fail(str(exc))
    for error in summary.errors:
        err.print(Text(f"failed: {error}", style="red"))
    out.print(Text(f"{summary.new} new, {summary.updated} updated, {summary.unchanged} unchanged, "
                   f"{summary.failed} failed articles; {summary.claims} claims stored in {db}"))
    if reextract:
        _reextract(db, quiet)
    if summary.ingested == 0:
        raise typer.Exit(1)


def _reextract(db: Path, quiet: bool) -> None:
    """Extract again the ledger's stale articles; print what was done."""
    from ..pipeline import reextract as run_reextract

    with open_ledger(db) as ledger, _progress(quiet) as bar:
        task = bar.add_task("re-extracting", total=None)
        try:
            summary = run_reextract(ledger, progress=lambda outcome: bar.advance(task))
        except KeyboardInterrupt:
            fail("interrupted: every article stored so far is complete; run again to continue", 130)
    for error in summary.errors:
        err.print(Text(f"failed: {error}", style="red"))
    out.print(Text(f"{summary.updated} stale articles extracted again, {summary.failed} failed; "
                   f"{summary.claims} claims stored in {db}"))


def _progress(quiet: bool) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, disable=quiet or not err.is_terminal)


@command()
def claims(
    db: Path = DB_OPTION,
    speaker: Optional[str] = SPEAKER_OPTION,
    search: Optional[str] = typer.Option(None, "--search", help="Full-text search in the claim content."),
    since: Optional[str] = typer.Option(None, "--since", help="Only articles published on or after this date."),
    until: Optional[str] = typer.Option(None, "--until", help="Only articles published on or before this date."),
    article: Optional[str] = typer.Option(None, "--article", help="Only this article (id or id prefix)."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many claims."),
    fmt: str = FORMAT_OPTION,
) -> None:
    """List claims: who said what, when.

    Example: sayso claims --speaker Reznikov --since 2023-01-01 --format json
    """
    for value, name in ((since, "--since"), (until, "--until")):
        check_date(value, name)
    with open_ledger(db) as ledger:
        rows = ledger.claims(speaker=speaker, search=search, since=since, until=until,
                             article=article, limit=limit)
    emit(rows, fmt, tables.CLAIM_COLUMNS, f"{len(rows)} claims")


@command()
def speakers(
    db: Path = DB_OPTION,
    fmt: str = FORMAT_OPTION,
) -> None:
    """List the people and organisations quoted in the ledger, with their roles.

    Example: sayso speakers --format csv
    """
    with open_ledger(db) as ledger:
        rows = ledger.speakers()
    emit(rows, fmt, ("name", "kind", "roles", "claims", "articles", "aliases"), f"{len(rows)} speakers")


@command()
def show(
    article: str = typer.Argument(..., help="Article id, id prefix, or the path/URL it was read from."),
    db: Path = DB_OPTION,
    as_json: bool = AS_JSON,
) -> None:
    """Show one article with its claims marked (speaker, cue, content).

    Example: sayso show 3f2a9c
    """
    with open_ledger(db) as ledger:
        found = ledger.article(article)
    if found is None:
        fail(f"no article matches {article!r} (see `sayso claims` for ids)")
    if as_json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(article_view(found))


@command()
def extract(
    files: list[Path] = typer.Argument(..., help="Files or folders to read."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per article (text and records with offsets)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date for files that have none."),
) -> None:
    """Extract claims without a database and print them.

    Example: sayso extract article.txt --json
    """
    from ..pipeline import extract_files
    from ..shapes import extraction as to_dict

    failed = done = 0
    for item in extract_files(files, date=check_date(date)):
        if isinstance(item, SaysoError):
            failed += 1
            err.print(Text(f"failed: {item}", style="red"))
        elif as_json:
            done += 1
            sys.stdout.write(json.dumps(to_dict(item), ensure_ascii=False) + "\n")
        else:
            done += 1
            rows = to_dict(item)["claims"]
            out.print(tables.table(rows, ("speaker", "cue", "content", "kind"), title=item.article.title))
    if done == 0 and failed:
        raise typer.Exit(1)


@command()
def export(
    db: Path = DB_OPTION,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl or csv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    records: str = typer.Option("claims", "--records", "-r", help="claims, forecasts, figures or times."),
) -> None:
    """Export every claim (or forecast, figure, time expression) with its article and offsets.

    Example: sayso export --format csv -o claims.csv; sayso export --records forecasts
    """
    from .formats import FORMATS, RECORDS, export as run_export

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})", 2)
    if records not in RECORDS:
        fail(f"unknown records {records!r} (choose from {', '.join(RECORDS)})", 2)
    with open_ledger(db) as ledger:
        if output is None:
            n = run_export(ledger, fmt, sys.stdout, records)
        else:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = run_export(ledger, fmt, fh, records)
    err.print(f"{n} {records} exported")


@command()
def demo(
    db: Path = typer.Option("sayso-demo.db", "--db", help="Where to build the demo ledger (replaced)."),
) -> None:
    """Ingest the bundled example articles into a fresh ledger; show claims, forecasts, disputed figures.

    Example: sayso demo
    """
    from .demo import run_demo

    summary, records = run_demo(db)
    out.print(Text(f"{summary.new} new articles, {summary.failed} failed, {summary.claims} claims -> {db}"))
    columns = {"claims": tables.CLAIM_COLUMNS, "forecasts": ("predictor", "polarity", "event", "hedging", "latest", "status"),
               "disputed figures": ("measure", "value", "speaker", "published")}
    for name, rows in records.items():
        out.print(tables.table(rows, columns[name], title=f"{len(rows)} {name}"))
    from .demo import DEMO_AS_OF

    out.print(Text(f"Browse it in a web browser: sayso serve --db {db} --as-of {DEMO_AS_OF}, "
                   "then open http://127.0.0.1:8000/"), soft_wrap=True)


@command()
def figures(
    db: Path = DB_OPTION,
    search: Optional[str] = typer.Option(None, "--search", help="Only figures whose counted thing, subject or text contains this."),
    disputed: bool = typer.Option(False, "--disputed", help="Only groups whose values disagree beyond the tolerance."),
    fmt: str = FORMAT_OPTION,
) -> None:
    """List figures grouped by what they measure, with each source; disputed groups first.

    Example: sayso figures --disputed --search soldiers
    """
    with open_ledger(db) as ledger:
        rows = ledger.figures(search=search, disputed=disputed)
    groups = len({r["group"] for r in rows})
    emit(rows, fmt, tables.FIGURE_GROUP_COLUMNS, f"{len(rows)} figures in {groups} groups")


@command()
def forecasts(
    db: Path = DB_OPTION,
    speaker: Optional[str] = SPEAKER_OPTION,
    due_before: Optional[str] = typer.Option(None, "--due-before", help="Only forecasts whose deadline is before this date."),
    status: Optional[str] = typer.Option(None, "--status", help="open, due, overdue, no-deadline or resolved (on the --as-of date)."),
    as_of: Optional[str] = AS_OF_OPTION,
    stale_after: Optional[int] = STALE_AFTER_OPTION,
    stale: bool = typer.Option(False, "--stale", help="Only stale forecasts: overdue, or without deadline past the horizon."),
    counts: bool = typer.Option(False, "--counts", help="Only how many have each status (and how many are stale)."),
    fmt: str = FORMAT_OPTION,
) -> None:
    """List forecasts: who predicted what would (or would not) happen, by when, how surely, and its status.

    Example: sayso forecasts --speaker Reznikov --status due --as-of 2023-04-01; sayso forecasts --counts
    """
    from ..ledger.forecasts import status_counts

    for value, name in ((due_before, "--due-before"), (as_of, "--as-of")):
        check_date(value, name)
    with open_ledger(db) as ledger:
        rows = ledger.forecasts(speaker=speaker, due_before=due_before, status=status, as_of=as_of,
                                stale_after=stale_after, stale=True if stale else None)
    tally = status_counts(rows)
    summary = ", ".join(f"{n} {name}" for name, n in tally.items())
    if counts:
        emit([tally], fmt, tuple(tally), f"{len(rows)} forecasts")
    else:
        emit(rows, fmt, tables.FORECAST_COLUMNS, f"{len(rows)} forecasts: {summary}")


@command()
def resolve(
    forecast_id: int = typer.Argument(..., help="The forecast's id (see `sayso forecasts`)."),
    outcome: str = typer.Option(..., "--outcome", help="Did the predicted event happen? true, false, partly or "
                                                       "unclear (a negative forecast is right when it did not)."),
    evidence: str = typer.Option(..., "--evidence", help="An http(s) URL, or the id of an article in the ledger."),
    note: Optional[str] = typer.Option(None, "--note", help="A short note on how it was settled."),
    by: Optional[str] = typer.Option(None, "--by", help="Who resolves it (default: the login name)."),
    db: Path = DB_OPTION,
) -> None:
    """Record whether a forecast came true, with evidence; resolving again keeps the history.

    Example: sayso resolve 12 --outcome false --evidence https://example.org/report --note "no offensive by March"
    """
    with open_ledger(db) as ledger:
        result = ledger.resolve(forecast_id, outcome, evidence, note=note, who=by)
    out.print(Text(f"forecast {forecast_id}: {outcome} (evidence {result['evidence']}); "
                   f"{len(result['history'])} resolution(s) on record"))


@command("track-record")
def track_record(
    db: Path = DB_OPTION,
    speaker: Optional[str] = SPEAKER_OPTION,
    as_of: Optional[str] = AS_OF_OPTION,
    stale_after: Optional[int] = STALE_AFTER_OPTION,
    fmt: str = FORMAT_OPTION,
) -> None:
    """Per predictor: forecasts by status, hit rate and Brier score (hedging as probability; a negative
    forecast is right when the event did not happen).

    Example: sayso track-record --speaker Reznikov
    """
    check_date(as_of, "--as-of")
    with open_ledger(db) as ledger:
        rows = ledger.track_record(speaker=speaker, as_of=as_of, stale_after=stale_after)
    emit(rows, fmt, tables.TRACK_RECORD_COLUMNS, f"{len(rows)} predictors")


@command()
def serve(
    db: Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="SAYSO_TOKEN", show_envvar=True,
                                        help="Allow writes (resolving forecasts) with this token; without one the "
                                             "server is read-only. Prefer SAYSO_TOKEN: other users can see a command line."),
    as_of: Optional[str] = AS_OF_OPTION,
) -> None:
    """Browse the ledger in a web browser (and as JSON under /api): articles with their records marked,
    search, speakers, the forecast board, disputed figures.

    Example: sayso serve --db sayso-demo.db --as-of 2024-06-30 (writes: SAYSO_TOKEN=secret sayso serve ...)
    """
    from .web.serve import serve as run_server

    check_date(as_of, "--as-of")
    if not db.is_file():
        fail(f"{db}: no ledger there (create one with `sayso ingest FILES --db {db}` or `sayso demo`)")
    run_server(db, host, port, token or None, as_of, say=lambda line: print(line, file=sys.stderr, flush=True))


if __name__ == "__main__":  # pragma: no cover
    app()
