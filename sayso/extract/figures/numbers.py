"""Numbers in a piece of text -> candidate quantities (value or low/high, unit), before context is read.

quantulum3 reads numerals, number words, fractions, ranges and about a thousand units; sayso runs it
without its unit classifier (the pickle it ships does not load under the scikit-learn sayso pins, see
docs/figures.md) and adds rules for what news needs and quantulum3 reads wrongly or not at all:

- magnitude suffixes: "1.2bn", "$10m", "£1.1bn" (quantulum3 reads "bn" as barn-newton);
- fixed number words: "half a million" (quantulum3: 1.5 million), "a dozen" (12, not one dozen);
- vague amounts: "millions", "tens of thousands" (low/high from ``vague_amounts``);
- odd digit grouping: "1,00,000" (Indian), "5.000.000" (European), "1.234.567,8".

A rule candidate wins over a quantulum3 one it overlaps. A value that is not finite ("1e999") is
dropped with the reason at debug level; nothing here raises on odd input.
"""
from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Iterator

from .quantulum import quantulum_parser, trie_pattern

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def words() -> dict:
    """The word lists in sayso/data/figures.json."""
    return json.loads(resources.files("sayso.data").joinpath("figures.json").read_text("utf-8"))


@dataclass
class Candidate:
    """A quantity found in a text: offsets into that text, value or range, sayso unit."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # None: a count; "percent"; ISO currency code; else quantulum3's unit name
    source: str = "rule"  # "rule" or "quantulum3"
    vague: bool = False  # "millions", "thousands": only low/high are known

    def overlaps(self, other: "Candidate") -> bool:
        return self.start < other.end and other.start < self.end


# --------------------------------------------------------------------------- rules

CURRENCY_PREFIX = r"(?P<cur>US\$|[$€£¥₴₽]|(?:USD|EUR|GBP|UAH|RUB)\s?)"
SUFFIX_ANY = r"bn|bln|mn|mln|tn|trn"
SUFFIX_MONEY = r"bn|bln|mn|mln|tn|trn|m|b|k"
NOT_INSIDE_WORD = r"(?<![\w.])"  # "$1e400bn" is no "400bn": a number starts a word
MAGNITUDE_RE = re.compile(
    rf"(?:{NOT_INSIDE_WORD}{CURRENCY_PREFIX}(?P<num>\d+(?:\.\d+)?)\s?(?P<mult>{SUFFIX_MONEY})"
    rf"|{NOT_INSIDE_WORD}(?P<num2>\d+(?:\.\d+)?)\s?(?P<mult2>{SUFFIX_ANY}))\b",
    re.IGNORECASE,
)
INDIAN_RE = re.compile(r"(?<![\d.,])\d{1,2}(?:,\d{2})+,\d{3}(?![\d,]*\d)")
EUROPEAN_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.]*\d)|(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?![\d.,]*\d)")
CURRENCY_WORD_RE = re.compile(r"^\s?([A-Za-z]+)")
CURRENCY_WORD_AHEAD = 20  # characters read after a number for its currency or unit word ("5 billion hryvnias")
CURRENCY_BEFORE_RE = re.compile(r"(?:\b(USD|EUR|GBP|UAH|RUB)|(US\$|[$€£¥₴₽]))\s?$")
CURRENCY_BEFORE = 5  # characters read before a number for its currency code or sign ("UAH 5 billion")


def _phrase_re(phrases) -> re.Pattern:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def number_words_re() -> re.Pattern:
    return _phrase_re(words()["number_words"])


@lru_cache(maxsize=1)
def vague_re() -> re.Pattern:
    return _phrase_re(k for k in words()["vague_amounts"] if not k.startswith("_"))


def finite(*values: float | None) -> bool:
    return all(v is None or math.isfinite(v) for v in values)


def currency_after(text: str, end: int) -> tuple[str, int] | None:
    """A currency or unit word right after ``end`` ("5 billion hryvnias", "3.5 pct") -> (unit, new end)."""
    match = CURRENCY_WORD_RE.match(text[end:end + CURRENCY_WORD_AHEAD])
    if match is None:
        return None
    word = match.group(1).lower()
    if word in AMBIGUOUS_CURRENCY and WEIGHT_CUES_RE.search(text):
        return None
    unit = words()["currency_words"].get(word) or words()["unit_words"].get(word)
    return (unit, end + match.end()) if unit else None


def _currency_code(symbol: str | None) -> str | None:
    if not symbol:
        return None
    symbol = symbol.strip()
    return words()["currency_symbols"].get(symbol, symbol.upper())


def magnitude_candidates(text: str) -> Iterator[Candidate]:
    """ "1.2bn", "$10m", "€10B", "£1.1bn" (+ a currency word after: "1.2bn dollars")."""
    for m in MAGNITUDE_RE.finditer(text):
        number, mult = (m.group("num"), m.group("mult")) if m.group("num") else (m.group("num2"), m.group("mult2"))
        value = float(Decimal(number) * Decimal(str(words()["multipliers"][mult.lower()])))
        unit, end = _currency_code(m.group("cur")), m.end()
        if unit is None and (after := currency_after(text, end)):
            unit, end = after
        yield Candidate(m.start(), end, value, unit=unit)


def grouping_candidates(text: str) -> Iterator[Candidate]:
    """ "1,00,000" (Indian lakh grouping) and "5.000.000" / "1.234,5" (European)."""
    for m in INDIAN_RE.finditer(text):
        yield Candidate(m.start(), m.end(), float(m.group().replace(",", "")))
    for m in EUROPEAN_RE.finditer(text):
        yield Candidate(m.start(), m.end(), float(m.group().replace(".", "").replace(",", ".")))


@lru_cache(maxsize=1)
def word_tables() -> tuple[dict, dict]:
    """Lower-cased number words -> value and vague amounts -> (low, high), built once."""
    table = {k.lower(): v for k, v in words()["number_words"].items()}
    vague = {k.lower(): v for k, v in words()["vague_amounts"].items() if not k.startswith("_")}
    return table, vague


def word_candidates(text: str) -> Iterator[Candidate]:
    """Fixed number words ("half a million", "a dozen") and vague amounts ("millions")."""
    table, vague = word_tables()
    for m in number_words_re().finditer(text):
        yield Candidate(m.start(), m.end(), float(table[m.group().lower()]))
    for m in vague_re().finditer(text):
        low, high = vague[m.group().lower()]
        yield Candidate(m.start(), m.end(), None, float(low), float(high), vague=True)


def rule_candidates(text: str) -> list[Candidate]:
    """All rule candidates, longest first where two overlap."""
    found = [*magnitude_candidates(text), *grouping_candidates(text), *word_candidates(text)]
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Candidate] = []
    for cand in found:
        if not any(cand.overlaps(k) for k in kept):
            kept.append(cand)
    return kept


# --------------------------------------------------------------------------- quantulum3

RANGE_SURFACE_RE = re.compile(r"\d\s*(?:-|–|to|and)\s*-?\d|\bbetween\b|-to-|\d-\s*(?:to|and)\b", re.IGNORECASE)
DIMENSIONLESS = "dimensionless"
UNIT_RENAMES = {"percentage": "percent", DIMENSIONLESS: None}
DOZEN_UNITS = {"dozen": 12.0}
TRAILING_JUNK = " /"
# Words quantulum3 reads as unit symbols that, after a number in running text, are almost always
# ordinary words: "24 hours at the station" (ampere-turn), "2012," (a closing quote read as inches/feet).
SPURIOUS_UNIT_RE = re.compile(r"""\s+(?:at|as|a|on|by|of|or|is|it)$""", re.IGNORECASE)
# A quote mark after a number is a unit (9" = inches, 2½' = arc minutes) unless it closes a quotation.
QUOTE_UNIT_RE = re.compile(r"""\s*(["'“”‘’″′])$""")
CLOSING_QUOTES = "”’"
POSSESSIVE_UNIT_RE = re.compile(r"""\s*['’]\s?s$""")  # "Radio 4 's": a possessive, not arc minutes and seconds
# "pounds" is money unless the sentence speaks of weight.
WEIGHT_CUES_RE = re.compile(r"\b(?:weigh\w*|weight\w*|heavy|heavier|bag|lbs?|kg|kilos?|tons?|tonnes?)\b", re.IGNORECASE)
AMBIGUOUS_CURRENCY = frozenset({"pound", "pounds"})
# "up from 14 a week earlier": "a week" is a time point here, not a rate.
TIME_POINT_RATE_RE = re.compile(r"\s+a\s+(?:day|week|month|year)$", re.IGNORECASE)
ABBREVIATION_AFTER_RE = re.compile(r"^\.[A-Za-z]")  # "3 U.S. strikes": "U" is not a unit
ARTICLE_NUMBER_RE = re.compile(r"^an?\s", re.IGNORECASE)
UNIT_COMPOUND_WORDS = ("per ", "square ", "cubic ")
# Words quantulum3 reads as a unit after "a"/"an" that in news are ordinary words ("a real situation").
ARTICLE_UNIT_STOPWORDS = frozenset({"real", "piece", "set", "mark", "point", "line", "stone", "grain", "bar",
                                    "hand", "block", "rand", "lot", "pace", "span", "bolt", "case", "ream", "bit",
                                    "time", "key", "mix", "little"})
SIGN_WORDS = frozenset({"negative", "positive", "minus", "plus"})  # a sign alone is no number
UNIT_WORD_RE = re.compile(r"^(?P<num>.*?(?:\d|\b[a-z]+))\s?(?P<word>[A-Za-z]+)\.?$", re.IGNORECASE)
MIN_WORD_AS_UNITS = 4  # "dlrs" -> decilitre roentgen second, "Boeing" -> oersted inch gram
MIN_ACRONYM_AS_UNITS = 3  # "four UAV" -> astronomical unit volt, "64 UHF" -> atomic mass unit henry farad
MODEL_NAME_RE = re.compile(r"(?<![\d.])\b[A-Z][A-Za-z]*-\d")  # "An-26", "Mi-8", "COVID-19": names, not units
MONTH_BEFORE_RE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE)
RANGE_SEPARATOR_RE = re.compile(r"\s*(?:-|–|\bto\b|\band\b)\s*", re.IGNORECASE)
TIME_POINT_AFTER_RE = re.compile(r"^\s+(?:earlier|later|ago|before|after|previously)\b", re.IGNORECASE)


def sayso_unit(unit) -> str | None:
    """quantulum3 Unit -> sayso unit: None for a count, ISO code for money, else its name."""
    if unit.entity.name == "currency" and unit.currency_code:
        return unit.currency_code
    return UNIT_RENAMES.get(unit.name, unit.name)


def from_quantity(q, text: str) -> Candidate | None:
    """One quantulum3 Quantity -> Candidate (None if its value is not a finite number).

    Offsets are clamped to the text: quantulum3 gives (-1, 17) for a sentence-initial "Between 20 and 30"."""
    start, end = max(0, q.span[0]), min(len(text), q.span[1])
    while end > start + 1 and text[end - 1] in TRAILING_JUNK:  # "5 / 6": quantulum3 gives "5 /"
        end -= 1
    value, unit = float(q.value), sayso_unit(q.unit)
    if unit in DOZEN_UNITS:
        value, unit = value * DOZEN_UNITS[unit], None
    cand = Candidate(start, end, value, unit=unit, source="quantulum3")
    if q.uncertainty and RANGE_SURFACE_RE.search(text[start:end]):
        cand.value, cand.low, cand.high = None, value - q.uncertainty, value + q.uncertainty
    if not finite(cand.value, cand.low, cand.high):
        log.debug("figure skipped: %r is not a finite number", text[start:end])
        return None
    return cand


DIGIT_OR_FRACTION_RE = re.compile(r"[\d\u00bc-\u00be\u2150-\u215e]")


@lru_cache(maxsize=1)
def number_words_trigger_re() -> re.Pattern:
    """The start of one of quantulum3's number words ("two", "forty", "million", "half", "third"...)
    or "a"/"an" before one of its unit words (it reads "a mile" as 1 mile); both word lists as tries
    (:func:`~sayso.extract.figures.quantulum.trie_pattern`), which find a match where one of the
    words matches, trying a few branches at each word start instead of 42 words one after another."""
    from quantulum3 import load
    from quantulum3._lang.en_US import regex as words_en

    quantulum_parser()  # quantulum3 set up (deterministic) before its unit tables are read
    stems = {w for w in (*words_en.UNITS, *words_en.TENS, *words_en.SCALES, *words_en.DECIMALS) if w}
    units = {u for u in load.units("en_US").surfaces if u.isalpha() and len(u) > 1}
    return re.compile(rf"\b(?:{trie_pattern(sorted(stems))})|\ban?\s+(?:{trie_pattern(sorted(units))})\b",
                      re.IGNORECASE)


def number_trigger(text: str) -> bool:
    """Whether quantulum3 could read a number in ``text``: a digit, a vulgar fraction, or a match of
    :func:`number_words_trigger_re`. A sentence with none of these is not handed to quantulum3 at
    all: that is most sentences of news, and quantulum3 was most of the figures stage's time. The
    digit scan runs first (a character set: re's fast scan); on 400 Reuters stories the two scans
    cost 0.06 ms of CPU a story, one pattern with all four alternatives 0.19 ms. The word pattern is
    built on the first call (7 ms), whatever the text: the pipeline's warm-up sentence has a digit."""
    words = number_words_trigger_re()
    return DIGIT_OR_FRACTION_RE.search(text) is not None or words.search(text) is not None


PARSE_CACHE = 4096
"""quantulum3's results are remembered for this many texts: on 400 Reuters stories one parse in
eleven was of a text parsed before, mostly a number read again alone by :func:`_reread_unit_word`
("200", "one", "1.5") or a short table line ("12 mths"); a parse costs about 0.2 ms of CPU."""


@lru_cache(maxsize=PARSE_CACHE)
def _parse(text: str) -> tuple:
    """quantulum3's quantities in ``text`` (a tuple, shared by every caller: read, never changed)."""
    if not number_trigger(text):
        return ()
    try:
        return tuple(quantulum_parser().parse(text))
    except Exception:  # noqa: BLE001 - a third-party parser must not stop an article
        log.debug("quantulum3 failed on %r", text[:80], exc_info=True)
        return ()


def _closing_quote(text: str, cand: Candidate):
    """The quote mark read as a unit when it closes a quotation ("since 2012," she said)."""
    match = QUOTE_UNIT_RE.search(text[cand.start:cand.end])
    if match is None:
        return None
    mark = match.group(1)
    if mark in CLOSING_QUOTES or text[:cand.start].count(mark) % 2 == 1:
        return match
    return None


def _trimmed_unit(text: str, cand: Candidate) -> Candidate | None:
    """Re-read a candidate whose unit is a spurious word ("24 hours at" -> "24 hours")."""
    surface = text[cand.start:cand.end]
    cut = SPURIOUS_UNIT_RE.search(surface) or POSSESSIVE_UNIT_RE.search(surface) or _closing_quote(text, cand)
    if cut is None and TIME_POINT_RATE_RE.search(surface) and TIME_POINT_AFTER_RE.match(text[cand.end:]):
        cut = TIME_POINT_RATE_RE.search(surface)
    if cut is None and ABBREVIATION_AFTER_RE.match(text[cand.end:]):
        cut = re.search(r"(?<=\d)\D*$", surface)
    if cut is None or cand.unit is None:
        return cand
    shorter = surface[:cut.start()]
    again = [c for c in (_candidate(q, shorter) for q in _parse(shorter)) if c is not None]
    if len(again) != 1:
        return None
    again[0].start, again[0].end = cand.start + again[0].start, cand.start + again[0].end
    return again[0]


def _after_month_day(text: str, cand: Candidate) -> Candidate | None:
    """ "since Dec. 5 to 922": quantulum3's range starts with a day of the month; keep the number after "to"."""
    if cand.low is None or not MONTH_BEFORE_RE.search(text[max(0, cand.start - 12):cand.start]):
        return cand
    sep = RANGE_SEPARATOR_RE.search(text, cand.start, cand.end)
    if sep is None:
        return None
    right = text[sep.end():cand.end]
    again = [c for c in (_candidate(q, right) for q in _parse(right)) if c is not None]
    if len(again) != 1:
        return None
    again[0].start, again[0].end = sep.end() + again[0].start, sep.end() + again[0].end
    return again[0]


def _letters_as_units(text: str, cand: Candidate) -> bool:
    """Words misread as numbers or units: "a halt" (hectare litre tonne), "a real situation" (Brazilian
    real), "an An-26" (a model name), "negative" (a sign without a number)."""
    unit, surface = cand.unit or "", text[cand.start:cand.end]
    if surface.lower() in SIGN_WORDS or MODEL_NAME_RE.search(surface):
        return True
    if not ARTICLE_NUMBER_RE.match(surface):
        return False
    word = surface.split(None, 1)[-1].lower()
    if word in ARTICLE_UNIT_STOPWORDS:
        return True
    if " " in unit and not unit.startswith(UNIT_COMPOUND_WORDS) and " per " not in unit:
        return True
    return _unit_not_written(unit, word)


def _unit_not_written(unit: str, word: str) -> bool:
    """ "a key" (exayear), "a mix" (mile): after "a"/"an" only a unit written out by name counts
    ("a mile", "a tonne"); money and percent are read elsewhere."""
    if not unit or unit.isupper() or unit == "percent" or not word.isalpha() or len(word) < 3:
        return False
    stem = word[:-1] if word.endswith("s") else word
    return not unit.lower().startswith(stem[:3])


def _spelt(unit: str, surface: str) -> bool:
    """A unit quantulum3 composed from the letters of one word: several unit names, none written out."""
    names = unit.split()
    lower = surface.lower()
    return len(names) > 1 and not unit.startswith(UNIT_COMPOUND_WORDS) and " per " not in unit \
        and not any(len(n) >= 3 and n in lower for n in names)


def _reread_unit_word(text: str, cand: Candidate) -> Candidate | None:
    """A word after the number that quantulum3 spelt out as units: a currency word ("1.93 dlrs") gets
    its code; an ordinary word ("1986 shr", "15 Boeing") leaves the bare number."""
    match = UNIT_WORD_RE.match(text[cand.start:cand.end])
    if match is None or cand.unit is None:
        return cand
    word = match.group("word").lower()
    if word in AMBIGUOUS_CURRENCY and WEIGHT_CUES_RE.search(text):
        return cand
    if word in words()["currency_words"] or word in words()["unit_words"]:
        cand.unit = words()["currency_words"].get(word) or words()["unit_words"][word]
        return cand
    acronym = match.group("word").isupper() and len(word) >= MIN_ACRONYM_AS_UNITS
    long_enough = len(word) >= MIN_WORD_AS_UNITS or acronym
    if word not in words()["not_unit_words"] and not (_spelt(cand.unit, text[cand.start:cand.end]) and long_enough):
        return cand
    number = match.group("num")
    again = [c for c in (_candidate(q, number) for q in _parse(number)) if c is not None]
    if len(again) != 1:
        return None
    again[0].start, again[0].end = cand.start + again[0].start, cand.start + again[0].end
    return again[0]


def _candidate(q, text: str) -> Candidate | None:
    try:
        return from_quantity(q, text)
    except (TypeError, ValueError, OverflowError, AttributeError):
        log.debug("figure skipped: cannot read %r", getattr(q, "surface", q))
        return None


def quantulum_candidates(text: str) -> list[Candidate]:
    """quantulum3's quantities in ``text``; a parse error drops them all (debug log)."""
    found = []
    for q in _parse(text):
        cand = _candidate(q, text)
        if cand is not None and _letters_as_units(text, cand):
            log.debug("figure skipped: %r reads a word as unit symbols", text[cand.start:cand.end])
            continue
        if cand is not None:
            cand = _after_month_day(text, cand)
        if cand is not None:
            cand = _trimmed_unit(text, cand)
        if cand is not None:
            cand = _reread_unit_word(text, cand)
        if cand and any(ch.isalnum() for ch in text[cand.start:cand.end]):
            found.append(cand)
    return found


def attach_currency(text: str, cand: Candidate) -> Candidate:
    """A bare number with a currency code or word beside it ("UAH 5 billion", "5 billion hryvnias")."""
    if cand.unit is not None:
        return cand
    before = CURRENCY_BEFORE_RE.search(text[max(0, cand.start - CURRENCY_BEFORE):cand.start])
    if before:
        cand.unit = _currency_code(before.group(1) or before.group(2))
        cand.start -= len(before.group(0))
    elif after := currency_after(text, cand.end):
        cand.unit, cand.end = after
    return cand


MAX_NUMBER_CHARS = 24
"""Longest run of digits (with their separators) read as a number: "1,234,567,890,123.45" is 20.
Longer runs (serial numbers, hashes, a 400-digit string) are not figures, and quantulum3's time
grows about with the cube of a number's digits (80 digits 0.5 s, 400 digits 48 s)."""
_DIGIT_RUN = re.compile(r"\d[\d,.]*")


def mask_long_numbers(text: str) -> str:
    """``text`` with every digit run over :data:`MAX_NUMBER_CHARS` blanked (same length: offsets hold)."""
    return _DIGIT_RUN.sub(lambda m: m.group(0) if len(m.group(0)) <= MAX_NUMBER_CHARS else " " * len(m.group(0)),
                          text)


@lru_cache(maxsize=1)
def _words_beyond_trigger() -> re.Pattern | None:
    """The fixed number words and vague amounts in which :func:`number_trigger` finds nothing
    ("a couple of", "dozens", "scores"), as one pattern (None when there are none)."""
    table, vague = word_tables()
    missed = [w for w in (*table, *vague) if not number_trigger(w)]
    return _phrase_re(missed) if missed else None


def may_hold_numbers(text: str) -> bool:
    """False only when :func:`find_numbers` can find nothing in ``text``: no digit, no vulgar
    fraction, none of quantulum3's number words or "a" + unit, none of sayso's number words.
    Exact: where a rule finds one of its words, :func:`number_trigger` finds its match inside the
    word as it does in the word alone (the rules' word boundaries are word boundaries for the
    trigger too), so only the words in which it finds nothing are looked for besides. 72% of the
    sentences of 400 Reuters stories hold no number; the seven scans of :func:`find_numbers` cost
    them 0.38 ms of CPU a story, these two 0.09 ms."""
    if number_trigger(text):
        return True
    beyond = _words_beyond_trigger()
    return beyond is not None and beyond.search(text) is not None


def find_numbers(text: str) -> list[Candidate]:
    """Every candidate quantity in ``text`` (rules first, then quantulum3 where no rule matched);
    digit runs too long to be a figure are skipped (:data:`MAX_NUMBER_CHARS`)."""
    if not may_hold_numbers(text):
        return []
    text = mask_long_numbers(text)
    own = rule_candidates(text)
    others = [c for c in quantulum_candidates(text) if not any(c.overlaps(o) for o in own)]
    found = [attach_currency(text, c) for c in own + others]
    return sorted((c for c in found if finite(c.value, c.low, c.high)), key=lambda c: c.start)
