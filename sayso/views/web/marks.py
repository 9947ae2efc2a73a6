"""An article's text cut into segments, each knowing which records cover it, for marking in place.

Records overlap (a figure inside a claim's content inside a forecast), so the text is cut at every
record boundary: each segment is a run of text covered by the same records. The template prints
each segment's text escaped inside one ``<span>`` whose classes say what covers it (``speaker``,
``cue``, ``content``, ``figure``, ``time``, ``forecast``) and whose ``data-recs`` names the records
(``claim-12 figure-3``); a time expression's value and a forecast's window follow the segment where
the record ends, as a small tag. Nothing here builds HTML.

>>> article = {"text": "Ana said prices will rise by May.", "claims": [{"id": 1, "speaker_start": 0,
...     "speaker_end": 3, "cue_start": 4, "cue_end": 8, "parts": [[9, 32]], "speaker": "Ana", "cue": "said",
...     "kind": "indirect", "extractor": "claims.v1"}], "figures": [], "times": [], "forecasts": []}
>>> [(s["text"], s["classes"]) for s in segments(article)]
[('Ana', ['speaker']), (' ', []), ('said', ['cue']), (' ', []), ('prices will rise by May', ['content']), ('.', [])]
"""
from __future__ import annotations

from dataclasses import dataclass

ROLES = ("speaker", "cue", "content", "figure", "time", "forecast")
LEGEND = (("speaker", "speaker"), ("cue", "cue (said, told, warned …)"), ("content", "what was said"),
          ("figure", "figure"), ("time", "time expression, with its value"),
          ("forecast", "forecast, with its window"))


@dataclass(frozen=True)
class Mark:
    """One span of one record: its key (``claim-12``), role (a :data:`ROLES` class), offsets, hover text,
    and the tag shown where it ends (a time value, a forecast window) or the claim number at its start."""

    key: str
    role: str
    start: int
    end: int
    title: str
    tag: str | None = None
    number: int | None = None


def _span(start, end, length: int) -> tuple[int, int] | None:
    if start is None or end is None:
        return None
    start, end = max(0, int(start)), min(length, int(end))
    return (start, end) if start < end else None


def window(row: dict) -> str:
    """A forecast's window in words: "by 2024-03-31", "2024-03-01 to 2024-03-31", "no deadline"."""
    earliest, latest = row.get("earliest"), row.get("latest")
    if latest and earliest and earliest != latest:
        return f"{earliest} to {latest}"
    return f"by {latest}" if latest else "no deadline"


def claim_marks(claims: list[dict], length: int) -> list[Mark]:
    out = []
    for number, c in enumerate(claims, 1):
        key = f"claim-{c['id']}"
        title = (f"claim {number}: {c.get('speaker') or 'unknown speaker'} · {c.get('cue') or 'no cue'} · "
                 f"{c.get('kind')} ({c.get('extractor')})")
        parts = c.get("parts") or [[c.get("content_start"), c.get("content_end")]]
        first = True
        for start, end in sorted(p for p in parts if p):
            if span := _span(start, end, length):
                out.append(Mark(key, "content", *span, title, number=number if first else None))
                first = False
        for role in ("speaker", "cue"):
            if span := _span(c.get(f"{role}_start"), c.get(f"{role}_end"), length):
                out.append(Mark(key, role, *span, title))
    return out


def record_marks(article: dict) -> list[Mark]:
    """Every mark of the article's claims, figures, time expressions and forecasts."""
    length = len(article["text"])
    out = claim_marks(article.get("claims") or [], length)
    for f in article.get("figures") or []:
        if span := _span(f.get("start"), f.get("end"), length):
            unit = f" {f['unit']}" if f.get("unit") else ""
            out.append(Mark(f"figure-{f['id']}", "figure", *span,
                            f"figure: {f.get('value')}{unit} {f.get('counted') or ''} ({f.get('extractor')})".strip()))
    for t in article.get("times") or []:
        if span := _span(t.get("start"), t.get("end"), length):
            value = t.get("value") or "?"
            out.append(Mark(f"time-{t['id']}", "time", *span,
                            f"time: {t.get('type')} {value} ({t.get('extractor')})", tag=value))
    for f in article.get("forecasts") or []:
        if span := _span(f.get("span_start"), f.get("span_end"), length):
            label = f"{f.get('hedging')} · {window(f)}"
            out.append(Mark(f"forecast-{f['id']}", "forecast", *span,
                            f"forecast by {f.get('predictor')}: {label} ({f.get('extractor')})", tag=label))
    return out


def segments(article: dict) -> list[dict]:
    """The text as consecutive segments: ``text``, ``classes`` (roles covering it, in :data:`ROLES`
    order), ``recs`` (record keys), ``title`` (hover text), ``number`` (a claim starting here),
    ``tags`` (values of the records ending here). Joined, the texts are the article text."""
    text = article["text"]
    marks = record_marks(article)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starting: dict[int, list[Mark]] = {}
    for m in marks:
        starting.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    out = []
    for start, end in zip(cuts, cuts[1:]):
        active = [m for m in active if m.end > start] + starting.get(start, [])
        roles = {m.role for m in active}
        keys = list(dict.fromkeys(m.key for m in active))
        out.append({
            "text": text[start:end], "classes": [r for r in ROLES if r in roles], "recs": keys,
            "title": " | ".join(dict.fromkeys(m.title for m in active)),
            "number": next((m.number for m in starting.get(start, []) if m.number), None),
            "claim": next((m.key for m in starting.get(start, []) if m.number), None),
            "tags": [{"role": m.role, "text": m.tag, "key": m.key}  # the inner record's first
                     for m in sorted(active, key=lambda m: -m.start) if m.end == end and m.tag],
        })
    return out
