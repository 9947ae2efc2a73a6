"""Read the Gender Gap Tracker's quote annotations (``ggt-quotes``: ``gold.jsonl`` + ``text/ID.txt``).

One article a line of ``gold.jsonl``: ``{"id", "outlet", "quotes": [{"quote", "start", "speaker",
"reference", "verb"}]}``; ``start`` is the character offset of ``quote`` in ``text/ID.txt`` (None where
the annotated quote was not found verbatim: such a quote cannot be matched and counts as missed,
as GGT's own scorer counts a quote without an index). ``speaker`` is the mention as written ("she"),
``reference`` the canonical person ("Darian Lonechild").
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

GOLD_FILE = "gold.jsonl"
TEXT_DIR = "text"


@dataclass(frozen=True)
class GoldQuote:
    """One annotated quote: its character range (None when unplaced), speaker as written, canonical person."""

    start: int | None
    end: int | None
    quote: str
    speaker: str
    reference: str
    verb: str


@dataclass(frozen=True)
class GoldArticle:
    id: str
    outlet: str
    text: str
    quotes: tuple[GoldQuote, ...]


def _quote(row: dict) -> GoldQuote:
    start = row.get("start")
    end = None if start is None else start + len(row["quote"])
    return GoldQuote(start, end, row["quote"], row.get("speaker") or "", row.get("reference") or "",
                     row.get("verb") or "")


def read_ggt(folder: str | Path, limit: int | None = None) -> list[GoldArticle]:
    """The articles of one GGT split folder (``.../ggt-quotes/dev``), in file order.

    Raises ValueError (file, line, reason) for a line that is not the format above, or a quote whose
    offset does not point at its text.
    """
    folder = Path(folder)
    gold = folder / GOLD_FILE
    if not gold.is_file():
        raise ValueError(f"{gold}: not found (a GGT folder holds {GOLD_FILE} and {TEXT_DIR}/)")
    articles = []
    with gold.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if limit is not None and len(articles) >= limit:
                break
            articles.append(_article(folder, gold, n, line))
    return articles


def _article(folder: Path, gold: Path, n: int, line: str) -> GoldArticle:
    try:
        row = json.loads(line)
        text = (folder / TEXT_DIR / f"{row['id']}.txt").read_text(encoding="utf-8")
        quotes = tuple(_quote(q) for q in row["quotes"])
    except (ValueError, KeyError, TypeError, OSError) as exc:
        raise ValueError(f"{gold}:{n}: {type(exc).__name__}: {exc}") from None
    for q in quotes:
        if q.start is not None and text[q.start:q.end] != q.quote:
            raise ValueError(f"{gold}:{n}: quote at {q.start} does not match the text of {row['id']}")
    return GoldArticle(row["id"], row.get("outlet", ""), text, quotes)
