"""Publication dates: strict parsing of sayso's own forms, lenient normalisation of metadata.

sayso stores a date as ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"`` with a
precision ("day", "month", "year"). Dates typed by a user (the seed header,
``--date``) must already be in one of those forms; dates found in JSONL
records or HTML metadata may also be ISO 8601 datetimes, RFC 2822 dates or
"12 September 2016"-style dates, and are cut to the calendar day *as written*
(no conversion to UTC: "2016-09-12T23:30:00-05:00" is 2016-09-12).

Where those fixed forms fail, dateparser reads the date leniently ("12 May 2023 - 18:19",
"31.05.2023", "May 2023"), under rules that keep a wrong date out of the ledger: English only,
absolute dates only (never "yesterday" or "Friday", which depend on today), a year required
(never filled in from today), and a numeric date whose day and month could be swapped
("02/03/2023") refused as ambiguous.
"""
from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

from sayso.records import DatePrecision

ParsedDate = tuple[str | None, DatePrecision]
UNDATED: ParsedDate = (None, "unknown")

STRICT_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
DAY_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")
PRECISION_BY_PARTS: dict[int, DatePrecision] = {1: "year", 2: "month", 3: "day"}
EXPECTED_STRICT = "expected YYYY-MM-DD, YYYY-MM or YYYY"
EXPECTED_LENIENT = "expected a calendar date with a year, such as 2023-05-12 or 12 May 2023"
# English month-name forms accepted in metadata (strptime, C locale).
NAMED_MONTH_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%b. %d, %Y")
# A metadata date longer than this is not a date (and would cost dateparser time to say so).
DATE_MAX_CHARS = 100
# "02/03/2023", "1.2.23": day and month both <= 12 and different, so either order is a real date.
NUMERIC_DAY_MONTH = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}\b")
# dateparser: English, absolute dates only, a year required, nothing taken from today.
DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["year"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": False,
}
PRECISION_BY_PERIOD: dict[str, DatePrecision] = {"year": "year", "month": "month"}  # anything finer: "day"


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
    ("12 September 2016", "September 12, 2016"); datetimes become days. Anything else
    goes to dateparser under the rules in the module docstring ("12 May 2023 - 18:19"
    is 2023-05-12, "May 2023" is 2023-05 with precision "month").
    Raises ``ValueError`` with a user-facing message otherwise.
    """
    text = value.strip()
    if len(text) > DATE_MAX_CHARS:
        raise ValueError(f"unrecognised date {value[:DATE_MAX_CHARS]!r}... (longer than {DATE_MAX_CHARS} characters)")
    if STRICT_DATE.fullmatch(text):
        return parse_date(text)
    if DAY_PREFIX.match(text):
        parse_date(text[:10])  # "impossible date '2023-02-30'" beats "unrecognised"
    for parser in (_iso_datetime, _rfc2822, _named_month):
        day = parser(text)
        if day is not None:
            return day.isoformat(), "day"
    _refuse_ambiguous(text)
    lenient = _dateparser(text)
    if lenient is None:
        raise ValueError(f"unrecognised date {value!r} ({EXPECTED_LENIENT})")
    return lenient


def _refuse_ambiguous(text: str) -> None:
    match = NUMERIC_DAY_MONTH.match(text)
    if match:
        first, second = int(match.group(1)), int(match.group(2))
        if first != second and 1 <= first <= 12 and 1 <= second <= 12:
            raise ValueError(f"ambiguous date {text!r} (day and month could be either way round)")


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> tuple[str, DatePrecision] | None:
    try:
        data = _date_data_parser().get_date_data(text)
    except Exception:  # dateparser on odd input: unreadable, not a crash
        return None
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    precision = PRECISION_BY_PERIOD.get(data.period or "day", "day")
    return day.isoformat()[: {"year": 4, "month": 7}.get(precision, 10)], precision


@lru_cache(maxsize=1)
def _date_data_parser() -> Any:
    from dateparser.date import DateDataParser  # imported on first use: ~0.3 s

    return DateDataParser(languages=["en"], settings=DATEPARSER_SETTINGS)


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
