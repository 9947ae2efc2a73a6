"""Find quotations in raw text: straight and curly marks, mismatched pairs.

A quotation is the text between an opening and a closing mark of the same
family (double: “ ” „ « » "; single: ‘ ’ '), within one paragraph. Curly and
straight marks of one family pair with each other ("…” and “…" both work).
Apostrophes (a letter on both sides) are never quote marks. A quote left open
at the end of a paragraph runs to the end of that paragraph (the newspaper
convention for quotes that continue in the next paragraph).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as cues

PARAGRAPH_BREAK = re.compile(r"\n")


@dataclass(frozen=True)
class Quote:
    start: int  # first character inside the marks
    end: int  # end of the text inside the marks (exclusive)
    outer_start: int  # the opening mark
    outer_end: int  # after the closing mark (or paragraph end)

    def words(self, text: str) -> int:
        return len(text[self.start:self.end].split())


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not _is_word_char(before) and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not _is_word_char(after)


def _mark_role(text: str, i: int, family: str) -> str | None:
    """'open', 'close', 'either' or None for the character at ``i``."""
    ch = text[i]
    opens, closes, straight = _family_marks(family)
    if ch in opens:
        return "open" if not _is_apostrophe(text, i) else None
    if ch in closes:
        return "close" if not _is_apostrophe(text, i) else None
    if ch == straight:
        can_open, can_close = _can_open(text, i), _can_close(text, i)
        if can_open and can_close:
            return "either"
        return "open" if can_open else "close" if can_close else None
    return None


def _family_marks(family: str) -> tuple[str, str, str]:
    if family == "double":
        return cues.DOUBLE_OPEN, cues.DOUBLE_CLOSE, cues.STRAIGHT_DOUBLE
    return cues.SINGLE_OPEN, cues.SINGLE_CLOSE, cues.STRAIGHT_SINGLE


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if _is_word_char(before) and _is_word_char(after):
        return True
    # closing single after s (plural possessive: "Russians’ troops") or "’90s"
    return text[i] in "’'" and (after.isdigit() and not _is_word_char(before))


def _quotes_in_paragraph(text: str, lo: int, hi: int, family: str, skip: list[Quote]) -> list[Quote]:
    found, open_at = [], None
    for match in _marks_re(family).finditer(text, lo, hi):  # only marks have a role: the rest is skipped
        i = match.start()
        if any(q.outer_start <= i < q.outer_end for q in skip):
            continue
        role = _mark_role(text, i, family)
        if role is None:
            continue
        if open_at is None and (role in ("open", "either") or (role == "close" and not text[lo:i].strip())):
            open_at = i  # a closing mark opening its paragraph can close nothing: it opens ("”Mr. …”")
        elif open_at is not None and role in ("close", "either"):
            found.append(Quote(open_at + 1, i, open_at, i + 1))
            open_at = None
        elif open_at is not None and role == "open" and family == "single":
            open_at = i
    if open_at is not None and family == "double":
        found.append(Quote(open_at + 1, hi, open_at, hi))
    return found


@lru_cache(maxsize=2)
def _marks_re(family: str) -> re.Pattern:
    """Any mark of ``family`` (the characters :func:`_mark_role` can give a role)."""
    return re.compile("[" + re.escape("".join(_family_marks(family))) + "]")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if b > a]


def _valid(text: str, q: Quote) -> bool:
    inner = text[q.start:q.end].strip()
    return bool(inner) and len(inner) <= cues.QUOTE_MAX_CHARS


def find_quotes(text: str) -> list[Quote]:
    """All quotations in ``text``, in order; single quotes only outside double ones."""
    marked = _mark_double_apostrophes(text)
    quotes: list[Quote] = []
    for lo, hi in _paragraphs(marked):
        doubles = [_widen(marked, q) for q in _quotes_in_paragraph(marked, lo, hi, "double", [])]
        singles = _quotes_in_paragraph(marked, lo, hi, "single", doubles)
        quotes.extend(q for q in doubles + singles if _valid(text, q))
    return sorted(quotes, key=lambda q: q.start)


def _mark_double_apostrophes(text: str) -> str:
    """''quote'' (two apostrophes, as some newspapers write it) -> a double mark and a filler
    character, so offsets stay those of ``text``."""
    return text.replace(cues.DOUBLE_APOSTROPHE, cues.STRAIGHT_DOUBLE + cues.QUOTE_FILLER)


def _widen(marked: str, q: Quote) -> Quote:
    """Put the filler half of a '' mark outside the quotation."""
    start = q.start + 1 if marked[q.start:q.start + 1] == cues.QUOTE_FILLER else q.start
    after = q.outer_end < len(marked) and marked[q.outer_end] == cues.QUOTE_FILLER
    return Quote(start, q.end, q.outer_start, q.outer_end + 1 if after else q.outer_end)
