"""The Typer application every command module registers on (``sayso`` is :data:`app`)."""
from __future__ import annotations

import typer

from .cli_entities import entities_app
from .cli_eval import eval_app
from .common import friendly

app = typer.Typer(
    help="sayso: a ledger of who said what, when, from dated news.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and plain usage errors ("Error: Invalid value ..."), no boxes
)
app.add_typer(eval_app, name="eval")
app.add_typer(entities_app, name="entities")


def command(name: str | None = None, parent: typer.Typer = app):
    """``@app.command()`` with friendly errors (one line, never a traceback)."""
    return lambda fn: parent.command(name)(friendly(fn))
