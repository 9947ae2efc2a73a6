"""When an event happened: a window (earliest, latest) of ISO dates.

1. A dated time expression of the event's own sentence (``sayso.extract.times`` output), the one in
   the trigger's clause first, then the nearest: "On 31 March 2022, Russian forces shelled ..." ->
   2022-03-31; "yesterday" -> the day before the article's date. An expression that would put a
   reported event after the article's date is skipped (it belongs to something else in the sentence).
2. Else the article's date: a report with no date of its own tells of the last days, so the window is
   the ``UNDATED_LOOKBACK_DAYS`` days up to the article's date (``date_source`` "article").
3. Else (an undated article): no window.
"""
from __future__ import annotations

from datetime import date, timedelta

from .syntax import governing_verb

UNDATED_LOOKBACK_DAYS = 2
"""News reports an undated event from the day of publication or the one or two before it."""
DATED_TYPES = ("DATE", "TIME")


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _clause_range(tok) -> tuple[int, int]:
    verb = governing_verb(tok) or tok
    toks = list(verb.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def window(text: str, tok, times, article) -> tuple[str | None, str | None, str | None, int | None]:
    """(earliest, latest, date_source, index into ``times``) for the event at ``tok``."""
    sent = tok.sent
    published = _iso(article.published) if article.date_precision in ("day", "unknown") else None
    lo, hi = _clause_range(tok)
    best = None
    for i, t in enumerate(times):
        if t.type not in DATED_TYPES or not t.earliest or not (sent.start_char <= t.start < sent.end_char):
            continue
        start = _iso(t.earliest)
        if published is not None and start is not None and start > published:
            continue
        key = (not (lo <= t.start < hi), abs(t.start - tok.idx))
        if best is None or key < best[0]:
            best = (key, i, t)
    if best is not None:
        _, i, t = best
        return t.earliest, t.latest or t.earliest, "text", i
    if published is not None:
        return (published - timedelta(days=UNDATED_LOOKBACK_DAYS)).isoformat(), published.isoformat(), \
            "article", None
    return None, None, None, None
