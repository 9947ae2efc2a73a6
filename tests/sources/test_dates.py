"""Dates: strict for what users type, lenient (with rules that keep wrong dates out) for metadata."""
from __future__ import annotations

import pytest

from sayso.sources import normalise_date, parse_date
from sayso.sources.dates import EXPECTED_LENIENT as EXPECTED


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-02-02", ("2023-02-02", "day")),
        ("2023-02", ("2023-02", "month")),
        ("2023", ("2023", "year")),
        (" 2024-02-29 ", ("2024-02-29", "day")),
    ],
)
def test_parse_date_valid(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value, message",
    [
        ("2023-02-30", "impossible date '2023-02-30'"),
        ("2023-02-29", "impossible date '2023-02-29'"),
        ("2023-00", "impossible date '2023-00'"),
        ("2023-2-2", "invalid date '2023-2-2' (expected YYYY-MM-DD, YYYY-MM or YYYY)"),
        ("02/02/2023", "invalid date '02/02/2023' (expected YYYY-MM-DD, YYYY-MM or YYYY)"),
        ("", "invalid date '' (expected YYYY-MM-DD, YYYY-MM or YYYY)"),
        ("2016-09-12T10:00:00Z", "invalid date '2016-09-12T10:00:00Z' (expected YYYY-MM-DD, YYYY-MM or YYYY)"),
    ],
)
def test_parse_date_invalid(value, message):
    with pytest.raises(ValueError) as raised:
        parse_date(value)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2016-09-12", ("2016-09-12", "day")),
        ("2016-09", ("2016-09", "month")),
        ("2016-09-12T10:00:00Z", ("2016-09-12", "day")),
        ("2016-09-12T23:30:00-05:00", ("2016-09-12", "day")),
        ("2016-09-12 10:00", ("2016-09-12", "day")),
        ("Mon, 12 Sep 2016 10:00:00 GMT", ("2016-09-12", "day")),
        ("Mon, 12 Sep 2016 10:00:00 +0200", ("2016-09-12", "day")),
        ("September 12, 2016", ("2016-09-12", "day")),
        ("12 Sep 2016", ("2016-09-12", "day")),
        # lenient (dateparser): the bundled collections' "12 May 2023 - 18:19" and friends
        ("12 May 2023 - 18:19", ("2023-05-12", "day")),
        ("31 May 2023  - 22:53 ", ("2023-05-31", "day")),
        ("Tuesday, 14 March 2023 - 10:00", ("2023-03-14", "day")),
        ("May 31st, 2023, 10:00 a.m. EDT", ("2023-05-31", "day")),
        ("5 March 2023 23:30 -0500", ("2023-03-05", "day")),  # as written, not converted to UTC
        ("31.05.2023", ("2023-05-31", "day")),  # 31 cannot be a month: not ambiguous
        ("05/13/2023", ("2023-05-13", "day")),
        ("3/3/2023", ("2023-03-03", "day")),  # same either way round
        ("May 2023", ("2023-05", "month")),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    "value, message",
    [
        ("2023-02-30T10:00:00Z", "impossible date '2023-02-30'"),
        ("yesterday", f"unrecognised date 'yesterday' ({EXPECTED})"),
        ("Friday", f"unrecognised date 'Friday' ({EXPECTED})"),  # relative to today: never guessed
        ("March 5", f"unrecognised date 'March 5' ({EXPECTED})"),  # no year: never taken from today
        ("in 3 days", f"unrecognised date 'in 3 days' ({EXPECTED})"),
        ("12 mai 2023", f"unrecognised date '12 mai 2023' ({EXPECTED})"),  # English only
        ("Thu, 31 Feb 2023", f"unrecognised date 'Thu, 31 Feb 2023' ({EXPECTED})"),
        ("02/03/2023", "ambiguous date '02/03/2023' (day and month could be either way round)"),
        ("1.2.23", "ambiguous date '1.2.23' (day and month could be either way round)"),
        ("x" * 101, f"unrecognised date '{'x' * 100}'... (longer than 100 characters)"),
    ],
)
def test_normalise_date_invalid(value, message):
    with pytest.raises(ValueError) as raised:
        normalise_date(value)
    assert str(raised.value) == message
