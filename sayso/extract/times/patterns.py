"""The building blocks of the time patterns: months, weekdays, numbers, units, clock times.

Pieces of regular expressions (compiled case-insensitive by :mod:`.rules`; month and
weekday names must be capitalised, hence :func:`caps`), built from the word lists of
:mod:`.lexicon`.
"""
from __future__ import annotations

import re

from . import lexicon as W


def alt(words) -> str:
    """A non-capturing alternation of ``words``, longest first, whitespace-tolerant."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    return "(?:" + "|".join(escaped) + ")"


def caps(words) -> str:
    """Capitalised forms only (case-sensitive inside a case-insensitive pattern)."""
    return "(?-i:" + "|".join(sorted({w.capitalize() for w in words}, key=len, reverse=True)) + ")"


_MONTH_FULL = [w for w in W.MONTHS if len(w) > 3 and w not in ("sept",)]
_MONTH_ABBR = [w for w in W.MONTHS if len(w) <= 4 and w not in _MONTH_FULL or w == "sept"]
MONTH = rf"(?:{caps([w for w in _MONTH_FULL if w != 'may'])}\b|{caps(_MONTH_ABBR)}\.|{caps(_MONTH_ABBR)}\b(?=\s+\d)|(?-i:May)\b(?=\s+\d))"
MONTH_ANY = rf"(?:{MONTH}|(?-i:May)\b)"
WEEKDAY = rf"(?:{caps([w for w in W.WEEKDAYS if len(w) > 4])}\b)"
WEEKDAY_ABBR = rf"(?:{caps([w for w in W.WEEKDAYS if len(w) <= 4])}\.)"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d,.]\d)"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?\b"
NUMWORD = alt([w for w in W.NUMBERS if " " not in w and w not in ("a", "an", "dozen")])
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}}){{0,4}}(?:\.\d+)?(?:\s+\d/\d)?|{NUMWORD}(?:[-\s]{NUMWORD})?|a\s+couple\s+of|a\s+dozen|half\s+a|an?)"
VAGUE = alt(W.VAGUE_NUMBERS)
UNIT = alt(W.UNITS)
UNIT_SING = alt([u for u in W.UNITS if u == W.UNITS[u]])
DMOD = alt(W.DURATION_MODS)
DATEMOD = "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") + (r"\s*" if w.endswith("-") else r"\s+")
                           for w in sorted(W.DATE_MODS, key=len, reverse=True)) + ")"
SEASON = alt(W.SEASONS)
PART = alt(W.DAY_PARTS)
REL = alt(W.RELATIVE)
ORD = alt(W.ORDINALS)
TZ = r"(?:\s+(?-i:EST|EDT|CST|CDT|PST|PDT|MST|MDT|ET|PT|CT|GMT|UTC|BST|CET|CEST)\b|\s+local\s+time)?"
TZ_24 = r"\s+(?-i:UTC|GMT|EST|EDT|ET|CET|CEST|BST|PST|PDT|Z)\b"
CLOCK = (rf"(?:\d{{1,2}}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock){TZ}|[0-2]?\d:?[0-5]\d{TZ_24}|"
         r"noon|midday|midnight)")
UTC_RE = re.compile(r"\b(?-i:UTC|GMT|Z)\b")
DECADE = r"(?:1[0-9]|20)\d0s\b|'\d0s\b"
TENS = alt(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
ONES = alt(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
SPOKEN_YEAR = rf"(?:nineteen\s+(?:{TENS}(?:[-\s]{ONES})?|hundred)|two\s+thousand(?:\s+(?:and\s+)?{ONES})?)\b"
QUARTER_CONTEXT = re.compile(r"\b(?:third|second|first|fourth)[-\s]quarter\b", re.I)
HOLIDAY = "(?-i:" + "|".join(re.escape(h.title().replace("'S", "'s")).replace(r"\ ", r"\s+")
                            for h in sorted(W.HOLIDAYS, key=len, reverse=True)) + ")"
SEASON_CAPS = ("Spring", "Summer", "Autumn", "Winter")
