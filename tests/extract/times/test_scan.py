"""Rule scanners (sayso/extract/times/scan.py): the same matches as ``finditer``, for every rule."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.extract.times.rules import COMPILED
from sayso.extract.times.scan import first_chars, matches, scanner


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"(?-i:May|June)\s+\d+", re.I, "[JM]"),
    (r"\d{4}|(?-i:Q)\d", 0, r"[Q\d]"),
    (r"(?:the\s+)?(?-i:May)", re.I, "[MT\\u0080-\\U0010fffft]"),  # "the" in any case: non-ASCII too (ſ, K...)
    (r"x?y?z", 0, "[xyz]"),  # optional parts add their first characters
    (r"(?<![\w-])(?=a)ab|\bc", 0, "[ac]"),  # look-arounds and anchors are skipped
    (r"[0-3]?\d", 0, r"[0-3\d]"),
    (r"x*", 0, None),  # can match the empty string
    (r"(?:a|)", 0, None),
    (r".x", 0, None),  # any character
    (r"[^a]x", 0, None),  # a negated class
    (r"(a)\1", 0, "[a]"),
    (r"\1(a)", 0, None),  # a back-reference first
    (r"(", 0, None),  # not a pattern
])
def test_first_chars(pattern, flags, expected):
    assert first_chars(pattern, flags) == expected


def test_every_time_rule_has_a_scanner():
    assert [name for name, pattern, _ in COMPILED if scanner(pattern) is None] == []


def test_a_pattern_without_first_characters_is_read_by_finditer():
    pattern = re.compile(r"x*")
    assert scanner(pattern) is None
    assert [m.span() for m in matches(pattern, None, "axxb")] == [m.span() for m in pattern.finditer("axxb")]


def _found(pattern, found):
    return [(m.span(), m.groupdict(), m.re is pattern) for m in found]


TEXTS = [
    "May 3 was a Monday; by May, 10 a.m. GMT on Jan. 5, 1987, three weeks ago.",
    "Monday Tuesday next week last year this month the year-end, every day, daily",
    "1987-03-04 and 3/4/87; the 1990s; mid-1980s; the third quarter of 1986",
    "ſeven DAYS later, in the ınterim, FISCAL 1987 ended; ſpring 1988; KELVIN",
    "-May 5, non-March, week-long two-week four-year-old,\nApril\n\n1987",
    "",
    "May",
    "Christmas Eve and New Year's Day, the coming weeks, recent months, a year",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_rule_scanned_finds_what_finditer_finds(text):
    for _, pattern, _ in COMPILED:
        assert _found(pattern, matches(pattern, scanner(pattern), text)) == _found(pattern, pattern.finditer(text))


ALPHABET = st.sampled_from(list("aeiosmdyrgnt ,.-'/:0123456789") + [
    "ſ", "ı", "K", "İ", "é", "\n", "day", "year", "ago", "week", "May", "March", "Jan.", "Monday", "the ", "early ",
    "late", "mid-", "a.m.", "GMT", "1987", "fiscal", "quarter", "next", "last", "Spring", "every", "Christmas"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_scanned_matches_are_finditers_on_any_text(text):
    for _, pattern, _ in COMPILED:
        assert _found(pattern, matches(pattern, scanner(pattern), text)) == _found(pattern, pattern.finditer(text))
