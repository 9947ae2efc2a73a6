"""Killed and injured counts of an event, and whether civilians were harmed.

Counts come from the figures stage when it ran (a ``Figure`` whose ``event`` is "killing" / "death"
counts the dead, "injury" the injured: "killing 6 civilians", "2 civilians died and 11 were wounded"),
else from this module's own reading of the same sentences (``KILLED_RE`` / ``INJURED_RE``: "at least two
dead", "left 15 dead", "death toll rose to 66", "wounding eight soldiers"). Several counts in one
sentence are usually a total and its parts ("killing 6 civilians, including 2 women"), so the largest is
kept, never the sum. A range or a vague amount ("dozens") counts its low end; "no casualties" is 0.

``civilian`` is True when the event's sentences name civilians as harmed or targeted (civilian,
resident, child, home, hospital, ... in ``lexicon.CIVILIAN_WORDS``; "people" alone does not count).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from . import lexicon as L

NUMBER_WORDS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12, "dozens": 24,
                "scores": 40, "hundreds": 200, "thousands": 2000}
NUM = r"(\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
NOUNS = r"(?:[\w-]+\s+){0,3}?"
KILLED_RE = re.compile(
    rf"\b{NUM}\s+{NOUNS}(?:(?:were|was|have been|had been|are|is|been)\s+)?(?:reportedly\s+|confirmed\s+)?"
    rf"(?:killed|dead|died|slain|perished|executed)\b"
    rf"|\b(?:killing|killed|left|leaving|kills|killing\s+at\s+least)\s+(?:at least\s+|some\s+|about\s+|around\s+)?"
    rf"{NUM}\b(?!\s*(?:%|per|km|kilomet|miles?|years?|months?|days?|hours?))"
    rf"|\bdeath toll\s+(?:\w+\s+){{0,3}}?(?:to|of|at|reached|hit)\s+(?:at least\s+)?{NUM}\b",
    re.I)
INJURED_RE = re.compile(
    rf"\b{NUM}\s+{NOUNS}(?:(?:were|was|have been|had been|are|is|been)\s+)?(?:reportedly\s+)?"
    rf"(?:injured|wounded|hurt)\b"
    rf"|\b(?:injuring|wounding|injured|wounded|hurting)\s+(?:at least\s+|some\s+|about\s+|around\s+)?{NUM}\b",
    re.I)
NONE_RE = re.compile(r"\bno\s+(?:casualties|deaths|fatalities|victims|one\s+was\s+(?:killed|hurt|injured))\b"
                     r"|\bno\s+(?:reports?\s+of\s+)?(?:casualties|injuries)\b", re.I)
KILLED_EVENTS = frozenset({"killing", "death"})
INJURED_EVENTS = frozenset({"injury"})
LEFT_DEAD = re.compile(r"^(?:left|leaving)\b", re.I)
LEFT_DEAD_AFTER = re.compile(r"^\s+(?:\w+\s+){0,3}?(?:dead|killed)\b", re.I)


def _number(word: str) -> int | None:
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    return NUMBER_WORDS.get(w)


def _read(regex, text: str) -> list[int]:
    out = []
    for m in regex.finditer(text):
        if LEFT_DEAD.match(m.group(0)) and not LEFT_DEAD_AFTER.match(text[m.end():]):
            continue  # "left 15 dead" counts; "left 15 homes" does not
        word = next(g for g in m.groups() if g)
        n = _number(word)
        if n is not None and n < 1_000_000:
            out.append(n)
    return out


def _figure_value(fig) -> int | None:
    value = fig.value if fig.value is not None else fig.low
    if value is None or value < 0:
        return None
    return int(value)


def counts(text: str, spans: Iterable[tuple[int, int]], figures=()) -> tuple[int | None, int | None]:
    """(killed, injured) reported in the character ``spans`` of ``text`` (see the module docstring)."""
    spans = list(spans)
    killed: list[int] = []
    injured: list[int] = []
    for fig in figures:
        if not any(lo <= fig.start < hi for lo, hi in spans):
            continue
        value = _figure_value(fig)
        if value is None:
            continue
        if fig.event in KILLED_EVENTS:
            killed.append(value)
        elif fig.event in INJURED_EVENTS:
            injured.append(value)
    for lo, hi in spans:
        chunk = text[lo:hi]
        if not killed:
            killed.extend(_read(KILLED_RE, chunk))
        if not injured:
            injured.extend(_read(INJURED_RE, chunk))
        if NONE_RE.search(chunk):
            killed.append(0)
            injured.append(0)
    return (max(killed) if killed else None), (max(injured) if injured else None)


def civilian(lemmas: frozenset[str]) -> bool:
    return not lemmas.isdisjoint(L.CIVILIAN_WORDS - {"people"})
