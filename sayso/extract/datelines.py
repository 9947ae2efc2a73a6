"""Datelines: "AUSTIN (KXAN) —", "KYIV, Feb 3 (Reuters) -", "OTTAWA —" open a story's first lines.

A dateline names where and by whom a story was filed; no word of it is a person, and nothing in it
speaks. :func:`dateline_spans` finds them (character ranges) so names and speakers keep out of them.
"""
from __future__ import annotations

import re

DATELINE_RE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?(?:,[ \t]*[A-Z][A-Za-z.]{1,20})?)"  # KYIV / WASHINGTON, D.C.
    r"(?:,[ \t]*(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?))?"  # , Feb 3
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\))?"  # (Reuters) / (KXAN)
    r"[ \t]*[—–-]{1,2}[ \t]",
    re.MULTILINE,
)
"""A line opening with a place (upper case, or any case when an agency in brackets follows), an
optional date and agency, and a dash."""
DATELINE_LINES = 4
"""Datelines are looked for in the first lines of a text only (a title may come first)."""


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each dateline in the first ``DATELINE_LINES`` lines (dash included)."""
    limit = 0
    for _ in range(DATELINE_LINES):
        nxt = text.find("\n", limit)
        if nxt < 0:
            limit = len(text)
            break
        limit = nxt + 1
    found = []
    for m in DATELINE_RE.finditer(text, 0, limit):
        place = m.group("place").strip()
        if place.upper() == place or m.group("agency"):
            found.append((m.start("place"), m.end()))
    return found
