"""One article in the terminal: its text with every claim's speaker, cue and content marked,
then its claims, forecasts, figures, time expressions, events and places. All article text goes through
:mod:`.safe` (never markup, controls escaped).

On a terminal the marks are colours; elsewhere (a pipe, a file) they are brackets in the text,
so they survive: ``{{speaker}}``, ``<<cue>>``, ``[[content]]``.
"""
from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.text import Text

from . import safe
from .tables import (ARTICLE_EVENT_COLUMNS, ARTICLE_PLACE_COLUMNS, FIGURE_COLUMNS, FORECAST_COLUMNS, TIME_COLUMNS,
                     table)

STYLES = {"speaker": "bold cyan", "cue": "bold yellow", "content": "green"}
BRACKETS = {"speaker": ("{{", "}}"), "cue": ("<<", ">>"), "content": ("[[", "]]")}
"""Plain-text marks (when not on a terminal): opening and closing bracket of each role."""


def _spans(claims: Sequence[dict]) -> list[tuple[int, int, str]]:
    """(start, end, role) of every marked span."""
    out = []
    for claim in claims:
        for start, end in claim.get("parts") or [(claim["content_start"], claim["content_end"])]:
            out.append((start, end, "content"))
        for role in ("speaker", "cue"):
            start, end = claim.get(f"{role}_start"), claim.get(f"{role}_end")
            if start is not None and end is not None:
                out.append((start, end, role))
    return out


def marked_text(text: str, claims: Sequence[dict]) -> Text:
    """The article text with each claim's speaker, cue and content spans styled."""
    out = safe.text(text)
    if len(out.plain) != len(text):  # escapes changed the offsets: mark by the escaped positions
        return bracketed_text(text, claims)
    for start, end, role in sorted(_spans(claims), key=lambda s: s[2] != "content"):
        out.stylize(STYLES[role], start, end)
    return out


def bracketed_text(text: str, claims: Sequence[dict]) -> Text:
    """The article text with brackets around each span (:data:`BRACKETS`), controls escaped."""
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for start, end, role in _spans(claims):
        opens.setdefault(start, []).append(BRACKETS[role][0])
        closes.setdefault(end, []).insert(0, BRACKETS[role][1])
    pieces, last = [], 0
    for pos in sorted(set(opens) | set(closes)):
        pieces.append(safe.plain(text[last:pos]))
        pieces += closes.get(pos, []) + opens.get(pos, [])
        last = pos
    pieces.append(safe.plain(text[last:]))
    return Text("".join(pieces))


def article_view(article: dict, plain: bool = False) -> Group:
    """Header, marked text (colours, or brackets when ``plain``) and the record lists of one article."""
    head = safe.text(f"{article.get('title') or '(untitled)'}\n", style="bold")
    head.append(safe.text(f"{article['id']}  {article.get('published') or 'undated'}  "
                          f"{article.get('url') or ''}\n", style="dim"))
    claims = article.get("claims", [])
    if plain:
        legend = Text("  ".join(f"{o}{role}{c}" for role, (o, c) in BRACKETS.items()) + "\n")
        body = bracketed_text(article["text"], claims)
    else:
        legend = Text("  ").join(Text(role, style) for role, style in STYLES.items()) + Text("\n")
        body = marked_text(article["text"], claims)
    parts = [head, legend, body, Text(""),
             table(claims, ("id", "speaker", "cue", "content", "kind", "channel"), title=f"{len(claims)} claims")]
    for key, columns, title in (("forecasts", FORECAST_COLUMNS, "forecasts"),
                                ("figures", FIGURE_COLUMNS, "figures"), ("times", TIME_COLUMNS, "time expressions"),
                                ("events", ARTICLE_EVENT_COLUMNS, "events"), ("places", ARTICLE_PLACE_COLUMNS, "places"),
                                ("versions", ("published", "title", "url", "source", "seen_at"), "other versions")):
        rows = article.get(key) or []
        if rows:
            parts.append(table(rows, columns, title=f"{len(rows)} {title}"))
    return Group(*parts)
