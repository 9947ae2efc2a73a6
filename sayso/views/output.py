"""Printing records (table, JSON, JSON Lines, CSV), opening the ledger, the progress bar."""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from contextlib import contextmanager

from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from . import safe, tables
from .common import Format, err, fail, out, warn


def open_ledger(db: str, create: bool = False):
    """The ledger at ``db``; a read command (``create=False``) never creates one. One line on error."""
    from ..ledger import Ledger, LedgerError

    try:
        return Ledger(db, create=create)
    except LedgerError as exc:
        fail(str(exc))
    except Exception as exc:  # sqlite3.DatabaseError and friends: not a ledger file
        fail(f"{safe.plain(db)}: cannot open the ledger ({exc})")


def emit(rows: Sequence[dict], fmt: Format | str, columns: Sequence[str], title: str, single: bool = False) -> None:
    """Print rows as a table, JSON (a list, or the one object when ``single``), JSON Lines or CSV."""
    from .formats import as_csv, as_json, as_jsonl

    fmt = Format(fmt)
    if fmt == Format.json:
        sys.stdout.write((as_json(rows)[1:-1].strip() if single and len(rows) == 1 else as_json(rows)) + "\n")
    elif fmt == Format.jsonl:
        sys.stdout.write(as_jsonl(rows))
    elif fmt == Format.csv:
        sys.stdout.write(as_csv(rows))
    else:
        out.print(tables.table(rows, columns, title=title))


class RateColumn(ProgressColumn):
    """Articles per second so far."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- articles/s" if speed is None else f"{speed:.1f} articles/s", style="progress.data.speed")


@contextmanager
def progress(quiet: bool, description: str):
    """A progress bar on standard error (only on a terminal): done/total, rate, time left, time spent."""
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   RateColumn(), TextColumn("left"), TimeRemainingColumn(), TextColumn("spent"), TimeElapsedColumn(),
                   console=err, disable=quiet or not err.is_terminal)
    with bar:
        yield bar, bar.add_task(description, total=None)


def stored_line(summary, db: str) -> str:
    """The one-line summary of an ingest or a load: what was new, updated, unchanged, failed, stored."""
    metadata = f" ({summary.metadata} with other metadata, recorded)" if summary.metadata else ""
    return (f"{summary.new} new, {summary.updated} updated, {summary.unchanged} unchanged{metadata}, "
            f"{summary.failed} failed articles; {summary.claims} claims stored in {db}")


def report_summary(summary, db: str, as_json: bool, line: str) -> None:
    """Failures and warnings on standard error; the summary ``line`` (or one JSON object) on standard output."""
    for error in summary.errors:
        err.print(safe.text(f"failed: {error}", style="red"))
    for note in summary.warnings:
        warn(note)
    if as_json:
        keys = ("new", "updated", "unchanged", "failed", "metadata", "claims")
        record = {**{k: getattr(summary, k) for k in keys}, "db": db, "warnings": summary.warnings,
                  "errors": [{"path": e.path, "line": e.line, "reason": e.reason} for e in summary.errors]}
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.print(safe.text(line), soft_wrap=True)
