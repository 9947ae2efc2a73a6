"""One article in the terminal: its text with every claim's speaker, cue and content marked,
then its claims, forecasts, figures, time expressions, events and places. The text is ``rich.text.Text``,
never parsed as markup: articles are untrusted."""
from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.text import Text

from .tables import (ARTICLE_EVENT_COLUMNS, ARTICLE_PLACE_COLUMNS, FIGURE_COLUMNS, FORECAST_COLUMNS, TIME_COLUMNS,
                     table)

STYLES = {"speaker": "bold cyan", "cue": "bold yellow", "content": "green"}


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
                                ("figures", FIGURE_COLUMNS, "figures"), ("times", TIME_COLUMNS, "time expressions"),
                                ("events", ARTICLE_EVENT_COLUMNS, "events"), ("places", ARTICLE_PLACE_COLUMNS, "places")):
        rows = article.get(key) or []
        if rows:
            parts.append(table(rows, columns, title=f"{len(rows)} {title}"))
    return Group(*parts)
