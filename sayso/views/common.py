"""What the command-line modules share: the consoles, the repeated options, one-line errors."""
from __future__ import annotations

import functools

import typer
from rich.console import Console
from rich.text import Text

from ..errors import SaysoError

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

DB_OPTION = typer.Option("sayso.db", "--db", help="The ledger (an SQLite file; created if missing).")
FORMAT_OPTION = typer.Option("table", "--format", "-f", help="Output format: table, json or csv.")
AS_JSON = typer.Option(False, "--json", help="Print JSON.")
LIMIT_OPTION = typer.Option(None, "--limit", help="At most this many (documents, claims).")


def fail(message: str, code: int = 1) -> None:
    """Print one clear line (never a traceback) and exit non-zero."""
    err.print(Text(f"error: {message}", style="bold red"))
    raise typer.Exit(code)


def friendly(fn):
    """Turn sayso's own errors (bad input, unusable ledger) into one line and exit 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except SaysoError as exc:
            fail(str(exc))

    return wrapper
