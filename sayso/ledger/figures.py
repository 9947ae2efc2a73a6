"""Figures across the ledger: rows grouped by what they measure, disputed groups flagged.

The grouping itself (same counted thing, subject and time; the tolerance) is
:mod:`sayso.link.figures`; this module feeds it ledger rows and flattens the
groups for the CLI and exports: one dict per figure, carrying its group.
"""
from __future__ import annotations

import sqlite3

from sayso.ledger.queries import figures as figure_rows
from sayso.link.figures import FigureGroup, FigureRow, group_figures


def _row(r: dict) -> FigureRow:
    return FigureRow(
        str(r["id"]), r["article_id"], r["value"], r["low"], r["high"], r["unit"], r["counted"],
        r["subject"], r["speaker"], r["owner"], r["published"], r["event"], r["qualifier"], r["text"],
        r["source"] or r["title"],
    )


def _flat(number: int, group: FigureGroup, member: FigureRow) -> dict:
    return {
        "group": number, "measure": group.label, "disputed": group.disputed, "unit": group.unit,
        "value": member.value, "low": member.low, "high": member.high, "text": member.text,
        "qualifier": member.qualifier, "speaker": member.speaker or "(the publication)",
        "owner": member.owner, "published": member.published, "source": member.source,
        "article_id": member.article_id, "figure_id": int(member.figure_id),
    }


def figure_groups(conn: sqlite3.Connection, search: str | None = None, disputed_only: bool = False) -> list[dict]:
    """Every figure (matching ``search``) with its group; disputed groups first."""
    groups = group_figures(_row(r) for r in figure_rows(conn, search=search))
    out = []
    for number, group in enumerate(groups, 1):
        if disputed_only and not group.disputed:
            continue
        out += [_flat(number, group, member) for member in group.rows]
    return out
