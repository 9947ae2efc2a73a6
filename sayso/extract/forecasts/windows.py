"""A forecast's target window and its status, from the time expression it holds.

Pure functions over ``TimeExpr`` records and ISO date strings (no spaCy), so the
rules can be tested on hand-built expressions:

- ``window(text, time, published)``: (earliest, latest) of the predicted event;
  "by March" / "within a month" open the window at the article's date, "after
  2025" leaves its end open; a time with no calendar stretch gives (None, None).
- ``status(latest, published)``: "due" when the window closed before the article's date.
- ``shift_back_year``: a yearless month or day that a past-perfect report ("had
  warned that ... in January") puts in the speaker's past.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ...records import TimeExpr
from .lexicon import (
    CALENDAR_DURATION_MONTHS, DEADLINE_MODS, DEADLINE_WORDS, FORWARD_WORDS, FROM_MODS, FROM_WORDS,
    NO_WINDOW_VALUES, PREPOSITION_LOOKBACK,
)
from ..times import DURATION_RE, duration_days
from ..times.calendar import add_months, parse_dct

Window = tuple[str | None, str | None]
ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
YEAR_IN_TEXT = re.compile(r"\b\d{4}\b|'\d\d\b")
UNIT_WORD = re.compile(r"\b(?:hours?|days?|weeks?|months?|years?|decades?)\b", re.I)


def article_day(published: str | None, last: bool = False) -> str | None:
    """The first (or last) ISO day the article's date can be (:func:`sayso.extract.times.calendar.parse_dct`);
    None when undated or not a date."""
    dct = parse_dct(published)
    return dct[int(last)].isoformat() if dct else None


def has_window(time: TimeExpr, text: str = "") -> bool:
    """Whether ``time`` can set a window: a calendar stretch, or a duration counted
    forward from now ("within a month", "the next two weeks"; not "for the past two months")."""
    if time.value in NO_WINDOW_VALUES:
        return False
    if time.value == "FUTURE_REF" and not UNIT_WORD.search(time.text):
        return False  # "in the future": no horizon to hold anyone to
    if time.earliest or time.latest:
        return True
    return bool(duration_days(time.value)) and _forward(text, time)


def _forward(text: str, time: TimeExpr) -> bool:
    words = set(time.text.lower().split())
    return bool(words & FORWARD_WORDS) or preposition(text, time) in DEADLINE_WORDS


def preposition(text: str, time: TimeExpr) -> str:
    """The word right before the expression, or its own first word ("by March" either way)."""
    first = time.text.split()[0].lower() if time.text.split() else ""
    if first in DEADLINE_WORDS | FROM_WORDS:
        return first
    before = text[max(0, time.start - PREPOSITION_LOOKBACK):time.start].split()
    return before[-1].lower() if before else ""


def window(text: str, time: TimeExpr | None, published: str | None) -> Window:
    """(earliest, latest) ISO days of the event the expression dates; (None, None): open-ended."""
    if time is None or not has_window(time, text):
        return None, None
    today = article_day(published)
    earliest, latest = time.earliest, time.latest
    if not (earliest or latest):
        earliest, latest = _duration_window(time.value, today)
    word = preposition(text, time)
    if time.mod in DEADLINE_MODS:
        word = "before" if time.mod == "BEFORE" else "by"
    elif time.mod in FROM_MODS:
        word = "after"
    if word in DEADLINE_WORDS and today and (latest or "") >= today:
        earliest = today
        if word == "before" and time.earliest and time.earliest > today:
            latest = day_before(time.earliest)
    elif word in FROM_WORDS:
        latest = None
    return earliest, latest


def _duration_window(value: str | None, today: str | None) -> Window:
    """"within a month" (P1M) from the article's date: (today, today + 1 month); whole months,
    quarters and years by the calendar (:func:`sayso.extract.times.calendar.add_months`), the rest by
    ``times.duration_days``."""
    m, days = DURATION_RE.fullmatch(value or ""), duration_days(value)
    if not (m and days and today):
        return None, None
    start, n, unit = date.fromisoformat(today), float(m[2]), m[3]
    if not m[1] and unit in CALENDAR_DURATION_MONTHS and n.is_integer():
        return today, add_months(start, int(n) * CALENDAR_DURATION_MONTHS[unit]).isoformat()
    return today, (start + timedelta(days=round(days))).isoformat()


def day_before(iso: str) -> str:
    return (date.fromisoformat(iso[:10]) - timedelta(days=1)).isoformat()


def status(latest: str | None, published: str | None) -> str:
    """"due" when the window's latest day is before the article's date, else "open"."""
    today = article_day(published)
    if not (latest and today and ISO_DAY.match(latest)):
        return "open"
    return "due" if latest[:10] < today else "open"


def shift_back_year(time: TimeExpr, published: str | None) -> TimeExpr:
    """A yearless date resolved into the year after the article, moved back one year
    when that puts it nearer the article's date (the speaker spoke earlier)."""
    today = article_day(published)
    first, last = time.earliest or time.latest, time.latest or time.earliest
    if not (today and first) or YEAR_IN_TEXT.search(time.text) or first <= today:
        return time
    if _distance((_plus_years(first, -1), _plus_years(last, -1)), today) >= _distance((first, last), today):
        return time
    return _moved(time, -1)


def shift_forward_year(time: TimeExpr, published: str | None) -> TimeExpr:
    """A yearless date that ended before the article's date, moved one year on: an
    order's deadline ("has ordered the seizure ... by March") lies after the order."""
    today = article_day(published)
    last = time.latest or time.earliest
    if not (today and last) or YEAR_IN_TEXT.search(time.text) or last >= today:
        return time
    return _moved(time, 1)


def _moved(time: TimeExpr, years: int) -> TimeExpr:
    earliest, latest = (_plus_years(d, years) if d else None for d in (time.earliest, time.latest))
    value = time.value
    if ISO_DAY.fullmatch(value or ""):
        value = _plus_years(value, years)  # February 29 becomes the 28th, never a bad date
    elif re.match(r"\d{4}", value or ""):
        value = f"{int(value[:4]) + years}{value[4:]}"
    return TimeExpr(time.start, time.end, time.text, time.type, value, earliest, latest,
                    time.mod, time.anchored, time.extractor)


def _plus_years(iso: str, years: int) -> str:
    return add_months(date.fromisoformat(iso[:10]), 12 * years).isoformat()


def _distance(win: tuple[str, str], today: str) -> int:
    t = date.fromisoformat(today)
    lo, hi = date.fromisoformat(win[0][:10]), date.fromisoformat(win[1][:10])
    return 0 if lo <= t <= hi else min(abs((lo - t).days), abs((hi - t).days))
