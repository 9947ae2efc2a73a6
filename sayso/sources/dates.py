"""Publication dates: strict parsing of sayso's own forms, lenient normalisation of metadata.

sayso stores a date as ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"`` with a
precision ("day", "month", "year"). Dates typed by a user (the seed header,
``--date``) must already be in one of those forms; dates found in JSONL
records or HTML metadata may also be ISO 8601 datetimes, RFC 2822 dates or
"12 September 2016"-style dates, and are cut to the calendar day *as written*
(no conversion to UTC: "2016-09-12T23:30:00-05:00" is 2016-09-12).
"""
from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from sayso.records import DatePrecision

ParsedDate = tuple[str | None, DatePrecision]
UNDATED: ParsedDate = (None, "unknown")

STRICT_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
DAY_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")
PRECISION_BY_PARTS: dict[int, DatePrecision] = {1: "year", 2: "month", 3: "day"}
EXPECTED_STRICT = "expected YYYY-MM-DD, YYYY-MM or YYYY"
EXPECTED_LENIENT = "expected YYYY-MM-DD, an ISO 8601 datetime or an RFC 2822 date"
# English month-name forms accepted in metadata (strptime, C locale).
NAMED_MONTH_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%b. %d, %Y")


def parse_date(value: str) -> tuple[str, DatePrecision]:
    """Parse a strict ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` date and return it with its precision.

    Raises ``ValueError`` with a user-facing message: "invalid date 'x' (expected …)"
    when the form is wrong, "impossible date '2023-02-30'" when no such day exists.
    Surrounding whitespace is ignored.
    """
    text = value.strip()
    match = STRICT_DATE.fullmatch(text)
    if not match:
        raise ValueError(f"invalid date {value!r} ({EXPECTED_STRICT})")
    parts = [int(group) for group in match.groups() if group is not None]
    year, month, day = (parts + [1, 1])[:3]
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"impossible date {text!r}") from None
    return text, PRECISION_BY_PARTS[len(parts)]


def normalise_date(value: str) -> tuple[str, DatePrecision]:
    """Turn a date from a JSONL record or page metadata into sayso's form.

    Accepts the strict forms, ISO 8601 datetimes ("2016-09-12T10:00:00Z"),
    RFC 2822 ("Mon, 12 Sep 2016 10:00:00 GMT") and English month names
    ("12 September 2016", "September 12, 2016"); datetimes become days.
    Raises ``ValueError`` with a user-facing message otherwise.
    """
    text = value.strip()
    if STRICT_DATE.fullmatch(text):
        return parse_date(text)
    if DAY_PREFIX.match(text):
        parse_date(text[:10])  # "impossible date '2023-02-30'" beats "unrecognised"
    for parser in (_iso_datetime, _rfc2822, _named_month):
        day = parser(text)
        if day is not None:
            return day.isoformat(), "day"
    raise ValueError(f"unrecognised date {value!r} ({EXPECTED_LENIENT})")


def _iso_datetime(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _rfc2822(text: str) -> dt.date | None:
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _named_month(text: str) -> dt.date | None:
    for fmt in NAMED_MONTH_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
