"""Needed words of a pattern (sayso/extract/needs.py): a scan it skips could never have matched."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sayso.extract.needs import lowered, may_match, needed_strings, pattern_needs
from sayso.extract.times import candidates
from sayso.extract.times.rules import COMPILED


@pytest.mark.parametrize("pattern, flags, needs", [
    (r"(?:\d+|a few)\s+(?:days?|weeks?)", re.I, {"day", "week"}),
    (r"(?:\d+)\s+years?\s+ago", re.I, {"year"}),  # the longest needed literal is kept
    (r"(?P<mon>(?-i:May))\b(?!\s+\d)", re.I, {"may"}),
    (r"the\s+(?:past|next)?\s*year", 0, {"year"}),
    (r"(?:foo|bar|)baz", 0, {"baz"}),
    (r"(?:foo|\w+)", 0, None),  # one branch needs nothing
    (r"x?y*", 0, None),  # everything optional
    (r"Straße", re.I, {"stra"}),  # only ASCII literals are trusted with IGNORECASE
    (r"(?:days|day|daily)", 0, {"da"}),  # re factors the common prefix out of the branches
])
def test_needed_strings(pattern, flags, needs):
    found = needed_strings(pattern, flags)
    assert (None if found is None else set(found)) == needs


@pytest.mark.parametrize("text", [
    "He spoke on Monday, three days ago, about next year's budget.",
    "Nothing about when.",
    "ſeven DAYS later, in the ınterim, FISCAL 1987 ended; the 1990s; mid-1980s",
    "KELVIN Kalendar: the coming weeks, each month, 10 a.m. GMT, year-end, Christmas",
])
def test_time_candidates_are_those_of_every_rule_run(text):
    everything = sorted((m.start(), m.end(), name) for name, pattern, _ in COMPILED
                        for m in pattern.finditer(text) if m.end() > m.start())
    assert sorted((s, e, name) for s, e, name, _ in candidates(text)) == everything


ALPHABET = st.sampled_from(list("aeiosmdyrgnt ,.-0123456789") + ["ſ", "ı", "K", "İ", "\n", "day", "year",
                                                                  "ago", "week", "may", "May", "fiscal"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_no_rule_skipped_could_have_matched(text):
    low = lowered(text)
    for _, pattern, _ in COMPILED:
        if not may_match(pattern_needs(pattern), low):
            assert pattern.search(text) is None
