"""What the command-line modules share: the consoles, the repeated options, one-line errors, exit codes.

Exit codes (docs/cli.md): 0 everything done (every input stored); 1 some inputs failed, or the
command failed (no such article, unusable ledger); 2 usage (a bad option or value); 130
interrupted.
"""
from __future__ import annotations

import functools
import sqlite3
from enum import Enum
from typing import Optional

import typer
from rich.console import Console

from ..errors import SaysoError
from . import safe

OK, FAILED, USAGE, INTERRUPTED = 0, 1, 2, 130

out = Console(highlight=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # error lines are never hard-wrapped

MAX_INT = 2**63 - 1
"""The largest id, limit or offset SQLite stores: anything larger is a usage error, not a traceback."""
MAX_TEXT_OPTION = 1000
"""Longest --speaker or --search (characters): SQLite refuses LIKE patterns over 50,000 bytes."""


class Format(str, Enum):
    """How records are printed (``--format``): a table for people, JSON, JSON Lines or CSV for tools."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FORMATS = tuple(f.value for f in Format)

DB_OPTION = typer.Option("sayso.db", "--db", envvar="SAYSO_DB", show_envvar=True,
                         help="The ledger: an SQLite file or a postgresql:// URL (default: $SAYSO_DB, else ./sayso.db).")
FORMAT_OPTION = typer.Option(Format.table, "--format", "-f", help="Output format.")
AS_JSON = typer.Option(False, "--json", help="Print JSON.")
LIMIT_OPTION = typer.Option(None, "--limit", min=0, max=MAX_INT, help="At most this many records.")
OFFSET_OPTION = typer.Option(0, "--offset", min=0, max=MAX_INT, help="Skip this many records first.")


def fail(message: str, code: int = FAILED) -> None:
    """Print one clear line (never a traceback) and exit non-zero."""
    err.print(safe.text(f"error: {message}", style="bold red"))
    raise typer.Exit(code)


def warn(message: str) -> None:
    """One warning line on standard error (a warning is not a failure)."""
    err.print(safe.text(f"warning: {message}", style="yellow"))


def friendly(fn):
    """Turn sayso's own errors (bad input, unusable ledger) and failed writes into one line and exit 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except SaysoError as exc:
            fail(str(exc))
        except sqlite3.Error as exc:
            fail(f"the ledger refused the request ({exc})")
        except KeyboardInterrupt:
            fail("interrupted: every article stored so far is complete; run again to continue", INTERRUPTED)

    return wrapper


def text_option(value: str | None, name: str) -> str | None:
    """A free-text option (``--speaker``, ``--search``): at most :data:`MAX_TEXT_OPTION` characters,
    bytes that were not UTF-8 on the command line replaced; usage error (2) otherwise."""
    if value is None:
        return None
    value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    if len(value) > MAX_TEXT_OPTION:
        fail(f"{name} is {len(value):,} characters long (at most {MAX_TEXT_OPTION:,})", USAGE)
    return value


def page(rows: list, limit: int | None, offset: int = 0) -> list:
    """``rows`` after skipping ``offset``, at most ``limit`` of them."""
    return rows[offset:] if limit is None else rows[offset:offset + limit]


def parse_fields(pairs: list[str]) -> dict[str, str]:
    """``--field text=body`` options -> {"text": "body"}."""
    fields = {}
    for pair in pairs:
        key, sep, name = pair.partition("=")
        if not sep or not key or not name:
            fail(f"--field expects NAME=FIELD (e.g. text=body), got {pair!r}", USAGE)
        fields[key.strip()] = name.strip()
    from ..sources import check_fields

    try:
        return check_fields(fields)
    except ValueError as exc:
        fail(f"--field: {exc}", USAGE)


def check_date(date: Optional[str], option: str = "--date") -> Optional[str]:
    """A date option as given, after checking it (YYYY-MM-DD, YYYY-MM or YYYY); exit 2 if invalid."""
    if date is None:
        return None
    from ..sources import parse_date

    try:
        parse_date(date)
    except ValueError as exc:
        fail(f"{option}: {exc}", USAGE)
    return date


def check_speaker(speaker: Optional[str]) -> Optional[str]:
    speaker = text_option(speaker, "--speaker")
    if speaker is not None and not speaker.strip():
        fail("--speaker needs a name", USAGE)
    return speaker
