"""Terminal tables of ledger rows (Rich). Every cell and title goes through :mod:`.safe`
(controls escaped, never parsed as markup): article text is untrusted. Every table shows ids."""
from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from . import safe

CLAIM_COLUMNS = ("id", "published", "speaker", "cue", "content", "kind")
SPEAKER_COLUMNS = ("id", "name", "kind", "roles", "claims", "articles", "aliases")
ARTICLE_COLUMNS = ("id", "published", "title", "source", "claims")
FORECAST_COLUMNS = ("id", "published", "predictor", "polarity", "event", "hedging", "latest", "status", "outcome")
TRACK_RECORD_COLUMNS = ("predictor_id", "predictor", "forecasts", "open", "due", "overdue", "no_deadline", "resolved",
                        "hit_rate", "brier")
TIME_COLUMNS = ("id", "text", "type", "value", "earliest", "latest")
FIGURE_COLUMNS = ("id", "text", "value", "unit", "counted", "qualifier", "speaker", "owner")
FIGURE_GROUP_COLUMNS = ("figure_id", "group", "measure", "disputed", "value", "text", "speaker", "owner", "published")
PLACE_COLUMNS = ("id", "name", "feature", "country_code", "admin1", "latitude", "longitude", "geonameid",
                 "mentions", "articles", "events")
EVENT_COLUMNS = ("id", "earliest", "latest", "kind", "acled_subtype", "actor", "target", "place_name", "killed",
                 "injured", "text", "same_as")
ARTICLE_PLACE_COLUMNS = ("text", "name", "feature", "country_code", "admin1", "latitude", "longitude")
ARTICLE_EVENT_COLUMNS = ("id", "kind", "acled_subtype", "actor", "target", "place_name", "earliest", "latest",
                         "killed", "injured", "civilian")
EVIDENCE_COLUMNS = ("rank", "stance", "score", "record", "published", "text", "reasons")
CONTENT_WIDTH = 90


def shorten(text: str | None, width: int = CONTENT_WIDTH) -> str:
    """One line, at most ``width`` characters."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: Sequence[dict], columns: Sequence[str], title: str | None = None) -> Table:
    """A Rich table of ``rows``; every cell is plain Text (no markup)."""
    out = Table(title=safe.text(title) if title is not None else None, show_lines=False, expand=False)
    for col in columns:
        out.add_column(col, overflow="fold")
    for row in rows:
        out.add_row(*(safe.text(shorten(cell(row.get(col)))) for col in columns))
    return out


def cell(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return "" if value is None else str(value)


SCORE_ROLES = ("source", "cue", "content")
MATCHES = ("exact", "overlap")


def score_table(result: dict) -> Table:
    """Precision / recall / F1 per role and match rule, system next to the baseline."""
    out = Table(title=f"claims on {result['docs']} documents (P / R / F1)")
    out.add_column("role")
    out.add_column("match")
    columns = [who for who in ("system", "ledger", "baseline") if who in result]
    for who in columns:
        out.add_column(who, justify="right")
    for role in SCORE_ROLES:
        for match in MATCHES:
            cells = [_prf(result[who][role][match]) for who in columns]
            out.add_row(role, match, *cells)
    return out


def _prf(s: dict) -> str:
    return f"{s['p']:.3f} / {s['r']:.3f} / {s['f1']:.3f}"
