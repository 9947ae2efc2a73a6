"""Calendar arithmetic for time expressions: resolve a rule's result against the DCT.

A rule does not compute a value itself; it returns a *spec* saying what the
expression means relative to the document creation time (DCT):

- ``Fixed("1998-02-24")``: the value needs no anchor;
- ``Shift(unit, n, gran)``: the DCT moved by ``n`` ``unit``s, written at
  granularity ``gran`` ("last year" = Shift("year", -1, "year"));
- ``Weekday(dow, direction)``: the nearest such weekday before (-1) / after
  (+1) the DCT, or the DCT itself when it is that weekday;
- ``Named(month=, day=, season=, quarter=, year_shift=, direction=)``: a month /
  day / season / quarter whose year comes from the DCT (shifted by
  ``year_shift``, or chosen by tense ``direction`` when 0 shift is unknown).
- ``Anaphor(unit, n)``: ``n`` ``unit``s from the last date the text mentioned
  ("the following month"), resolved by ``resolve_anaphor``; the DCT when the
  text has mentioned no date precise enough.

``resolve(spec, dct)`` turns a spec into a TIMEX3 value. The DCT may be a day,
a month or a year: the spec is resolved against the first and the last day
the DCT can be; when both agree that is the value, otherwise the value is
unknown (None) and only the window (earliest / latest) is kept. Without a DCT
the value stays relative: "DCT-P1Y" (last year), "DCT+P1D" (tomorrow), "DCT"
(today), "XXXX-WXX-5" (Friday), "XXXX-03" (March).

``window(value)`` gives the first and last ISO day a TIMEX3 value covers.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

# first and last month of each season (northern hemisphere; winter runs into the next year)
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
# a month / day the tense puts this many months or more from the DCT is taken as the nearest one:
# news gives the year of a date that far away ("extended to Nov. 20" in a Nov. 2 paper is ahead)
FAR_MONTHS = 10
FAR_MONTHS_MONTH = 11  # a month without a day: only the DCT's neighbours ("mid-November" on Oct. 30)
# duration letters of unanchored shifts ("last year" with no DCT -> "DCT-P1Y")
UNIT_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D", "quarter": "Q", "decade": "DE",
              "century": "CE", "hour": "H", "minute": "M", "second": "S", "weekend": "WE"}


@dataclass(frozen=True)
class Fixed:
    value: str


@dataclass(frozen=True)
class Shift:
    unit: str  # year, quarter, month, week, weekend, day, decade, century, half
    n: int
    gran: str = ""  # granularity of the written value (default: unit)
    part: str | None = None  # day part: MO, AF, EV, NI (a TIME value)


@dataclass(frozen=True)
class Weekday:
    dow: int  # 1 = Monday ... 7 = Sunday
    direction: int  # -1 past, +1 future, 0 nearest
    part: str | None = None
    strict: bool = False  # "last Friday" on a Friday is a week back


@dataclass(frozen=True)
class Named:
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    year_shift: int | None = None  # 0 this year, -1 last year; None: by direction
    direction: int = 0  # -1 past, +1 future, 0 nearest
    part: str | None = None  # clock time or day part of a day ("5 p.m. EST Nov. 9" -> T17:00)
    nth: tuple[int, int] | None = None  # the day is the n-th ISO weekday of the month (Thanksgiving: (4, 4))
    by_tense: bool = True  # direction from the verb's tense (FAR_MONTHS applies), not from "last" / "next"


@dataclass(frozen=True)
class Anaphor:
    """A date told from the last date the text mentioned ("that year", "the following month",
    "later that day"); the DCT when the text has mentioned none precise enough."""

    unit: str  # year, quarter, month, week, day
    n: int = 0
    part: str | None = None  # day part (TIME): "the next morning"

    def as_shift(self) -> "Shift":
        return Shift(self.unit, self.n, self.unit, self.part)


Spec = Fixed | Shift | Weekday | Named | Anaphor
# how precise a reference date must be for each unit of an anaphoric expression
GRANULARITY = {"year": 0, "quarter": 1, "month": 2, "week": 3, "day": 3}
REFERENCE_PATTERNS = (
    (r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", "day"),
    (r"(\d{4})-Q([1-4])", "quarter"),
    (r"(\d{4})-(\d\d)", "month"),
    (r"(\d{4})", "year"),
)


# ---------------------------------------------------------------- dates


def parse_dct(published: str | None) -> tuple[date, date] | None:
    """The first and last day a DCT ("YYYY-MM-DD", "YYYY-MM", "YYYY") can be."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", (published or "").strip()[:10])
    if not m:
        return None
    try:
        y, mo, d = int(m[1]), int(m[2] or 0), int(m[3] or 0)
        if d:
            return date(y, mo, d), date(y, mo, d)
        if mo:
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift_date(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "weekend" and n < 0 and d.isoweekday() >= 6:
        n += 1  # on a Saturday or Sunday, "the weekend" just past is this one
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(d, months * n)


def render(d: date, gran: str, part: str | None = None) -> str:
    """``d`` written at granularity ``gran`` as a TIMEX3 value."""
    if gran == "day":
        return d.isoformat() + (f"T{part}" if part else "")
    if gran in ("week", "weekend"):
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}" + ("-WE" if gran == "weekend" else "")
    return {
        "month": f"{d.year}-{d.month:02d}",
        "quarter": f"{d.year}-Q{(d.month - 1) // 3 + 1}",
        "half": f"{d.year}-H{(d.month - 1) // 6 + 1}",
        "year": f"{d.year}",
        "decade": f"{d.year // 10}",
        "century": f"{d.year // 100}",
    }[gran]


# ---------------------------------------------------------------- specs


def _weekday(anchor: date, spec: Weekday) -> date:
    delta = spec.dow - anchor.isoweekday()
    if delta == 0:
        return anchor + timedelta(days=7 * spec.direction if spec.strict else 0)
    if spec.direction > 0:
        return anchor + timedelta(days=delta % 7)
    if spec.direction < 0:
        return anchor - timedelta(days=(-delta) % 7)
    return anchor + timedelta(days=delta if abs(delta) <= 3 else delta - 7 * (delta // abs(delta)))


def _named_year(anchor: date, spec: Named) -> int:
    if spec.year_shift is not None:
        return anchor.year + spec.year_shift
    month = spec.month or (3 * spec.quarter - 2 if spec.quarter else None) or (6 * spec.half - 5 if spec.half else None)
    if month is None:
        return anchor.year
    if spec.direction == 0:
        return _nearest_year(anchor, month)
    if spec.quarter or spec.half:
        here, now = (month, 0), (anchor.month, 0)
        if spec.direction < 0:
            return anchor.year if here <= now else anchor.year - 1
        return anchor.year if month >= (anchor.month - 1) // 3 * 3 + 1 - 3 else anchor.year + 1
    here = (spec.month, spec.day or 0)
    now = (anchor.month, anchor.day if spec.day else 0)
    if spec.direction < 0:
        year = anchor.year if here <= now else anchor.year - 1
    else:
        year = anchor.year if here >= now else anchor.year + 1
    far = FAR_MONTHS if spec.day else FAR_MONTHS_MONTH
    if spec.by_tense and abs((anchor.year - year) * 12 + anchor.month - month) >= far:
        return _nearest_year(anchor, month)
    return year


def _nearest_year(anchor: date, month: int) -> int:
    """The year that puts ``month`` within six months of the anchor."""
    delta = month - anchor.month
    if delta > 6:
        return anchor.year - 1
    if delta < -6:
        return anchor.year + 1
    return anchor.year


def nth_weekday(year: int, month: int, n: int, dow: int) -> date:
    """The ``n``-th ISO weekday ``dow`` of a month (n = -1: the last): Thanksgiving 1999 = (1999, 11, 4, 4)."""
    if n < 0:
        last = _month_end(year, month)
        return last - timedelta(days=(last.isoweekday() - dow) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(dow - first.isoweekday()) % 7 + 7 * (n - 1))


def _render_named(anchor: date, spec: Named) -> str:
    year = _named_year(anchor, spec)
    if spec.season:
        return f"{year}-{spec.season}"
    if spec.quarter:
        return f"{year}-Q{spec.quarter}"
    if spec.half:
        return f"{year}-H{spec.half}"
    if spec.month is None:
        return f"{year}"
    if spec.nth:
        return nth_weekday(year, spec.month, *spec.nth).isoformat()
    if spec.day is None:
        return f"{year}-{spec.month:02d}"
    try:
        return date(year, spec.month, spec.day).isoformat() + (f"T{spec.part}" if spec.part else "")
    except ValueError:
        return f"{year}-{spec.month:02d}"


def resolve_at(spec: Spec, anchor: date) -> str:
    """The TIMEX3 value of ``spec`` with the DCT ``anchor``."""
    if isinstance(spec, Fixed):
        return spec.value
    if isinstance(spec, Shift):
        gran = spec.gran or spec.unit
        return render(shift_date(anchor, spec.unit, spec.n), gran, spec.part)
    if isinstance(spec, Weekday):
        return render(_weekday(anchor, spec), "day", spec.part)
    return _render_named(anchor, spec)


def relative(spec: Spec) -> str:
    """The value of ``spec`` with no DCT: kept relative to it."""
    if isinstance(spec, Fixed):
        return spec.value
    if isinstance(spec, Shift):
        if spec.n == 0:
            return "DCT"
        sign = "+" if spec.n > 0 else "-"
        return f"DCT{sign}P{abs(spec.n)}{UNIT_CODES.get(spec.unit, 'X')}"
    if isinstance(spec, Weekday):
        return f"XXXX-WXX-{spec.dow}"
    if spec.season:
        return f"XXXX-{spec.season}"
    if spec.quarter:
        return f"XXXX-Q{spec.quarter}"
    if spec.month is None:
        return "XXXX"
    return f"XXXX-{spec.month:02d}" + (f"-{spec.day:02d}" if spec.day else "")


def reference_date(value: str | None) -> tuple[date, str] | None:
    """A TIMEX3 value as a reference for anaphoric expressions: (its first day, its granularity)."""
    for pattern, gran in REFERENCE_PATTERNS:
        m = re.fullmatch(pattern, value or "")
        if not m:
            continue
        try:
            if gran == "quarter":
                return date(int(m[1]), 3 * int(m[2]) - 2, 1), gran
            return date(*(int(g) for g in m.groups()), *([1] * (3 - len(m.groups())))), gran
        except ValueError:
            return None
    return None


def resolve_anaphor(spec: Anaphor, reference: str | None, published: str | None):
    """(value, earliest, latest, anchored) of ``spec`` told from ``reference`` (else from the DCT)."""
    ref = reference_date(reference)
    if ref is None or GRANULARITY[ref[1]] < GRANULARITY[spec.unit]:
        return resolve(spec.as_shift(), published)
    value = render(shift_date(ref[0], spec.unit, spec.n), spec.unit, spec.part)
    lo, hi = window(value)
    return value, lo, hi, True


def needs_anchor(spec: Spec) -> bool:
    return not isinstance(spec, Fixed)


def resolve(spec: Spec, published: str | None) -> tuple[str | None, str | None, str | None, bool]:
    """(value, earliest, latest, anchored) of ``spec`` against the DCT ``published``."""
    if not needs_anchor(spec):
        lo, hi = window(spec.value)
        return spec.value, lo, hi, True
    if isinstance(spec, Anaphor):
        spec = spec.as_shift()
    dct = parse_dct(published)
    if dct is None:
        return relative(spec), None, None, False
    if isinstance(spec, Named) and dct[0] != dct[1]:
        # a named month / day against a month-only DCT: the DCT's first day looking forward, its last looking back
        dct = (dct[1], dct[1]) if spec.direction < 0 else (dct[0], dct[0])
    try:
        first, last = resolve_at(spec, dct[0]), resolve_at(spec, dct[1])
    except (ValueError, OverflowError, KeyError):
        return None, None, None, True
    lo, _ = window(first)
    _, hi = window(last)
    return (first if first == last else None), lo, hi, True


# ---------------------------------------------------------------- windows


def _season_window(year: int, season: str) -> tuple[date, date]:
    first, last = SEASON_MONTHS[season]
    end = add_months(date(year, 1, 1), last - 1)
    return date(year, first, 1), date(end.year, end.month, calendar.monthrange(end.year, end.month)[1])


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


WINDOW_PATTERNS = (
    (r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?", lambda y, m, d: (date(y, m, d), date(y, m, d))),
    (r"(\d{4})-(\d\d)", lambda y, m: (date(y, m, 1), _month_end(y, m))),
    (r"(\d{4})-W(\d\d)-WE", lambda y, w: (date.fromisocalendar(y, w, 6), date.fromisocalendar(y, w, 7))),
    (r"(\d{4})-W(\d\d)", lambda y, w: (date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7))),
    (r"(\d{4})-Q([1-4])", lambda y, q: (date(y, 3 * q - 2, 1), _month_end(y, 3 * q))),
    (r"(\d{4})-H([12])", lambda y, h: (date(y, 6 * h - 5, 1), _month_end(y, 6 * h))),
    (r"(\d{4})", lambda y: (date(y, 1, 1), date(y, 12, 31))),
    (r"(\d{3})", lambda d: (date(max(1, d * 10), 1, 1), date(d * 10 + 9, 12, 31))),
    (r"(\d{2})", lambda c: (date(max(1, c * 100), 1, 1), date(c * 100 + 99, 12, 31))),
)


def window(value: str | None) -> tuple[str | None, str | None]:
    """First and last ISO day (inclusive) a TIMEX3 date value covers; (None, None) when it is none."""
    if not value:
        return None, None
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    try:
        if m:
            lo, hi = _season_window(int(m[1]), m[2])
            return lo.isoformat(), hi.isoformat()
        for pattern, make in WINDOW_PATTERNS:
            m = re.fullmatch(pattern, value)
            if m:
                lo, hi = make(*(int(g) for g in m.groups()))
                return lo.isoformat(), hi.isoformat()
    except (ValueError, OverflowError):
        pass
    return None, None
