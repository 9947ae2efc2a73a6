"""Terminal views of ledger rows (Rich). Article text is always passed as
``rich.text.Text`` or escaped, never parsed as markup: articles are untrusted."""
from __future__ import annotations

import io
import json
from collections.abc import Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .export import write_csv

CLAIM_COLUMNS = ("published", "speaker", "cue", "content", "kind")
FORECAST_COLUMNS = ("id", "published", "predictor", "text", "hedging", "latest", "status", "outcome")
TRACK_RECORD_COLUMNS = ("predictor", "forecasts", "open", "due", "resolved", "hit_rate", "brier")
TIME_COLUMNS = ("text", "type", "value", "earliest", "latest")
FIGURE_COLUMNS = ("text", "value", "unit", "counted", "qualifier", "speaker", "owner")
FIGURE_GROUP_COLUMNS = ("group", "measure", "disputed", "value", "text", "speaker", "owner", "published")
CONTENT_WIDTH = 90
STYLES = {"speaker": "bold cyan", "cue": "bold yellow", "content": "green"}


def shorten(text: str | None, width: int = CONTENT_WIDTH) -> str:
    """One line, at most ``width`` characters."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: Sequence[dict], columns: Sequence[str], title: str | None = None) -> Table:
    """A Rich table of ``rows``; every cell is plain Text (no markup)."""
    out = Table(title=title, show_lines=False, expand=False)
    for col in columns:
        out.add_column(col, overflow="fold")
    for row in rows:
        out.add_row(*(Text(shorten(_cell(row.get(col)))) for col in columns))
    return out


def _cell(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    return "" if value is None else str(value)


def as_json(rows: Sequence[dict]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2)


def as_csv(rows: Sequence[dict]) -> str:
    buf = io.StringIO()
    write_csv(rows, buf)
    return buf.getvalue()


def marked_text(text: str, claims: Sequence[dict]) -> Text:
    """The article text with each claim's speaker, cue and content spans styled."""
    out = Text(text)
    for claim in claims:
        for start, end in claim.get("parts") or [(claim["content_start"], claim["content_end"])]:
            out.stylize(STYLES["content"], start, end)
        for role in ("speaker", "cue"):
            start, end = claim.get(f"{role}_start"), claim.get(f"{role}_end")
            if start is not None and end is not None:
                out.stylize(STYLES[role], start, end)
    return out


def article_view(article: dict) -> Group:
    """Header, marked text and the claim list of one article."""
    head = Text(f"{article.get('title') or '(untitled)'}\n", style="bold")
    head.append(f"{article['id']}  {article.get('published') or 'undated'}  "
                f"{article.get('url') or ''}\n", style="dim")
    legend = Text.assemble(("speaker", STYLES["speaker"]), "  ", ("cue", STYLES["cue"]), "  ",
                           ("content", STYLES["content"]), "\n")
    claims = article.get("claims", [])
    parts = [head, legend, marked_text(article["text"], claims), Text(""),
             table(claims, ("speaker", "cue", "content", "kind", "channel"), title=f"{len(claims)} claims")]
    for key, columns, title in (("forecasts", FORECAST_COLUMNS, "forecasts"),
                                ("figures", FIGURE_COLUMNS, "figures"), ("times", TIME_COLUMNS, "time expressions")):
        rows = article.get(key) or []
        if rows:
            parts.append(table(rows, columns, title=f"{len(rows)} {title}"))
    return Group(*parts)


SCORE_ROLES = ("source", "cue", "content")
MATCHES = ("exact", "overlap")


def score_table(result: dict) -> Table:
    """Precision / recall / F1 per role and match rule, system next to the baseline."""
    out = Table(title=f"claims on {result['docs']} documents (P / R / F1)")
    out.add_column("role")
    out.add_column("match")
    for who in ("system", "baseline"):
        out.add_column(who, justify="right")
    for role in SCORE_ROLES:
        for match in MATCHES:
            cells = [_prf(result[who][role][match]) for who in ("system", "baseline")]
            out.add_row(role, match, *cells)
    return out


def _prf(s: dict) -> str:
    return f"{s['p']:.3f} / {s['r']:.3f} / {s['f1']:.3f}"
