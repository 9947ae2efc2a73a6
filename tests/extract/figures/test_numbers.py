"""Number candidates (sayso/extract/figures/numbers.py): the cheap checks that skip a sentence
never skip one that holds a number, and remembered quantulum3 parses give fresh candidates."""
from __future__ import annotations

import re

import pytest

from sayso.extract.figures import numbers
from sayso.extract.figures.numbers import find_numbers, may_hold_numbers, number_trigger

# (text, whether it holds a number)
TEXTS = [
    ("The talks ended without a deal.", False),
    ("Nobody said when the port would reopen.", False),
    ("Prices rose in the spring, officials said.", False),
    ("Somebody, someone and everyone else left.", False),
    ("He left the company with 12 others.", True),
    ("Output fell to three tonnes.", True),
    ("They walked a mile to the border.", True),
    ("Dozens of boats left the harbour.", True),
    ("A couple of ministers resigned.", True),
    ("Scores of people were hurt.", True),
    ("Several dozen trucks waited.", True),
    ("It rose by ½ point.", True),
    ("The index gained 1.2bn.", True),
    ("Tens of thousands marched.", True),
]


@pytest.mark.parametrize("text,holds", TEXTS)
def test_a_sentence_is_skipped_only_when_it_holds_no_number(text, holds):
    assert may_hold_numbers(text) is holds
    assert bool(find_numbers(text)) is holds


def _every_rule_word():
    table, vague = numbers.word_tables()
    return sorted({*table, *vague})


@pytest.mark.parametrize("word", _every_rule_word())
@pytest.mark.parametrize("frame", ["{} people came.", "They counted {}.", "About {}, she said.", "{}"])
def test_every_number_word_of_the_rules_is_never_skipped(word, frame):
    text = frame.format(word)
    found = find_numbers(text)
    assert found, text
    assert may_hold_numbers(text)


def _one_pattern_trigger() -> re.Pattern:
    """The trigger as one pattern of plain alternations, as sayso first wrote it."""
    from quantulum3 import load
    from quantulum3._lang.en_US import regex as words_en

    stems = {w for w in (*words_en.UNITS, *words_en.TENS, *words_en.SCALES, *words_en.DECIMALS) if w}
    units = {u for u in load.units("en_US").surfaces if u.isalpha() and len(u) > 1}
    words = "|".join(sorted(stems, key=len, reverse=True))
    unit_words = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    return re.compile(rf"\d|[\u00bc-\u00be\u2150-\u215e]|\b(?:{words})|\ban?\s+(?:{unit_words})\b", re.IGNORECASE)


@pytest.mark.parametrize("text", [t for t, _ in TEXTS] + [
    "An hour later", "a  METRE", "an Xmile", "xhalf", "sixteenth", "SEVENTY", "a", "an inch.", "",
    "a kilogramme", "halfway", "athird", "Someone", "nothing at all"])
def test_the_two_scan_trigger_finds_what_one_pattern_finds(text):
    assert number_trigger(text) is bool(_one_pattern_trigger().search(text))


def test_a_remembered_parse_gives_new_candidates():
    text = "Profits were 5.4 mln dlrs against 3.2 mln dlrs, up 4 pct."
    first = find_numbers(text)
    expected = [(c.start, c.end, c.value, c.unit) for c in first]
    for cand in first:
        cand.start, cand.unit = cand.start + 100, "changed"
    assert [(c.start, c.end, c.value, c.unit) for c in find_numbers(text)] == expected
