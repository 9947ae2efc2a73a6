"""``sayso spark`` (extraction on Apache Spark, written as Parquet) and ``sayso load`` (that output
into a ledger). Each calls one library function: :func:`sayso.scale.spark.run`, :func:`sayso.scale.load.load`."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from . import safe
from .app import command
from .common import DB_OPTION, FAILED, USAGE, check_date, check_speaker, err, fail, out, parse_fields, warn
from .output import open_ledger, progress, report_summary, stored_line

SPARK_PATHS_HELP = ("Input files or folders (.jsonl, .parquet, .warc[.gz] and the other file types of "
                    "sayso ingest), then the OUTPUT folder.")


@command()
def spark(
    paths: list[str] = typer.Argument(..., help=SPARK_PATHS_HELP, show_default=False),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master (default: local[*], all cores; "
                                         "under spark-submit, its --master)."),
    chunk: int = typer.Option(200, "--chunk", min=1, help="JSONL lines or Parquet rows per Spark task."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an earlier sayso spark OUTPUT."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date for inputs that have none."),
    undated: bool = typer.Option(False, "--undated", help="Accept articles with no date at all."),
    field: list[str] = typer.Option([], "--field", help="JSONL field or Parquet column for a sayso field, NAME=FIELD."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Whose first-person words the documents are."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
) -> None:
    """Extract every article on Apache Spark and write each record type as Parquet under OUTPUT.

    The tables (articles, claims, entities, mentions, times, figures, forecasts, places, events,
    failures) carry the article id and character offsets; store them with `sayso load OUTPUT`.
    A bad record is reported and written to the failures table. Exit 0: every input extracted;
    1: some failed; 2: bad options. Needs PySpark (pip install 'sayso[spark]') and Java 17.

    Example: sayso spark news.jsonl archive.warc.gz out/ --master local[2]; sayso load out/ --db news.db
    """
    from ..scale.spark import SparkJobError, run

    if len(paths) < 2:
        fail("give the input files or folders, then the OUTPUT folder", USAGE)
    inputs, output = paths[:-1], paths[-1]
    try:
        summary = run(inputs, output, date=check_date(date), fields=parse_fields(field), allow_undated=undated,
                      speaker=check_speaker(speaker), chunk=chunk, overwrite=overwrite, master=master)
    except (ValueError, SparkJobError) as exc:
        fail(str(exc), USAGE if isinstance(exc, ValueError) else FAILED)
    for error in summary.failures:
        err.print(safe.text(f"failed: {error}", style="red"))
    for note in summary.warnings:
        warn(note)
    if as_json:
        record = {"output": summary.output, "units": summary.units, "counts": summary.counts,
                  "errors": [{"path": e.path, "line": e.line, "reason": e.reason} for e in summary.failures]}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        c = summary.counts
        out.print(safe.text(f"{c['articles']} articles, {c['claims']} claims, {c['forecasts']} forecasts, "
                            f"{c['failures']} failed, in {summary.units} tasks -> {output} "
                            f"(store them: sayso load {output} --db LEDGER)"), soft_wrap=True)
    if summary.counts["failures"] or summary.articles == 0:
        raise typer.Exit(FAILED)


@command()
def load(
    output: str = typer.Argument(..., help="The OUTPUT folder of sayso spark."),
    db: str = DB_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as one JSON object."),
) -> None:
    """Store a sayso spark output in the ledger, as sayso ingest would have stored the same input.

    Loading again changes nothing (the same counts); a record failure is stored once. Exit 0:
    every article stored; 1: the output holds failures, or cannot be read.

    Example: sayso load out/ --db news.db
    """
    from ..scale.load import count, load as run_load
    from ..scale.spark import SparkJobError

    try:
        total = count(output)
    except SparkJobError as exc:
        fail(str(exc))
    with open_ledger(db, create=True) as ledger, progress(quiet, "loading") as (bar, task):
        bar.update(task, total=total)
        summary = run_load(output, ledger, progress=lambda outcome: bar.advance(task))
    report_summary(summary, db, as_json, stored_line(summary, db))
    if summary.failed:
        raise typer.Exit(FAILED)
