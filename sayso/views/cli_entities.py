"""``sayso entities merge|split``: a person's identity decisions (a thin view of :mod:`sayso.ledger.identity`),
and the one-speaker view of ``sayso speakers NAME``."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.text import Text

from . import tables
from .common import DB_OPTION, friendly, out

entities_app = typer.Typer(help="Merge or split entities; the decisions survive re-ingest.", no_args_is_help=True)
NOTE_OPTION = typer.Option(None, "--note", help="Why (kept with the decision).")


def _ledger(db):
    from .output import open_ledger

    return open_ledger(str(db))


@entities_app.command("merge")
@friendly
def merge(
    keep: str = typer.Argument(..., help="The entity kept: id, name or alias."),
    other: str = typer.Argument(..., help="The entity merged into it: id, name or alias."),
    db: Path = DB_OPTION,
    note: Optional[str] = NOTE_OPTION,
) -> None:
    """Merge two entities that are one person or organisation; later articles naming either link to it.

    Example: sayso entities merge "Volodymyr Zelenskyy" "V. Zelensky" --db news.db
    """
    with _ledger(db) as ledger:
        done = ledger.merge_entities(keep, other, note)
    out.print(Text(f"merged {done['merged']!r} into {done['name']!r} (entity {done['id']})"))


@entities_app.command("split")
@friendly
def split(
    entity: str = typer.Argument(..., help="The entity: id, name or alias."),
    alias: str = typer.Argument(..., help="The name that is someone else."),
    db: Path = DB_OPTION,
    note: Optional[str] = NOTE_OPTION,
) -> None:
    """Split a name off an entity: its claims written with that name go to a new entity, for good.

    Example: sayso entities split "Steve King" "Larry King" --db news.db
    """
    with _ledger(db) as ledger:
        done = ledger.split_entity(entity, alias, note)
    out.print(Text(f"split {done['new_name']!r} off {done['name']!r}: entity {done['new_id']}, "
                   f"{done['moved_claims']} claims moved"))


def show_speaker(db: Path, name: str, as_json: bool) -> None:
    """``sayso speakers NAME``: aliases, roles with their dates, articles, decisions."""
    with _ledger(db) as ledger:
        found = ledger.speaker(name)
    if as_json:
        sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(Text(f"{found['name']} ({found['kind']}, entity {found['id']}): {found['claims']} claims "
                   f"in {len(found['articles'])} articles"))
    out.print(Text("aliases: " + (", ".join(found["aliases"]) or "-")))
    out.print(tables.table(found["roles"], ("role", "affiliation", "first", "last", "articles"), title="roles"))
    out.print(tables.table(found["articles"], ("published", "title", "claims", "id"), title="articles"))
    if found["decisions"]:
        out.print(tables.table(found["decisions"], ("action", "other_name", "decided_by", "decided_at", "note"),
                               title="decisions"))
