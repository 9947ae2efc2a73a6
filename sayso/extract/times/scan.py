"""Scanning for a rule only where a match can start: the same matches as ``finditer``, found faster.

Every time rule is ``(?<![\\w-])(?:...)(?![\\w])``, compiled case-insensitive. Python's ``re`` tries
such a pattern at every character of the text (the look-behind first), and that per-position work
was nearly all of the rules' cost: 38 scans of ``(?<![\\w-])(?=[Q])x``, which matches nothing, cost
1.0 ms of CPU a Reuters story, the real rules 1.3 ms. A pattern that starts with a case-exact
character class is scanned by ``re`` itself, in C, for the characters of that class only. So each
rule gets a *scanner*: the characters a match can start with (:func:`first_chars`, read from the
pattern's syntax tree, upper and lower case written out), then the whole rule in a look-around at
the same position::

    (?-i:[first characters])(?<=(?=(?:RULE))(?s:.))

The scanner matches one character exactly where the rule matches; :func:`matches` then takes the
rule's own match there and goes on after it, as ``finditer`` does. The first characters are a
superset (optional parts, every branch, the look-arounds skipped), so no match is missed, and the
rule itself decides each one; ``tests/extract/times/test_scan.py`` compares with ``finditer``.
On 400 Reuters stories the time rules cost 0.8 ms a story this way, 1.3 ms before.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre  # the syntax tree of Python's own re (3.11: re._parser), as sayso.extract.needs
from re import _parser

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
               sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_ASCII_LETTERS = "A-Za-z"
_NON_ASCII = "\\u0080-\\U0010ffff"
"""Under ``re.IGNORECASE`` an ASCII letter matches its two cases and some non-ASCII characters
("k": the Kelvin sign, "s": long s), and a non-ASCII letter may match ASCII ones: a letter read
case-insensitively adds its two cases and every non-ASCII character (a superset, rarely met in news)."""


class _Unknown(Exception):
    """A part of the pattern whose first character cannot be told (any character, a back-reference)."""


def first_chars(pattern: str, flags: int = 0) -> str | None:
    r"""A case-exact character class holding the first character of every match of ``pattern``,
    or None when that cannot be told or the pattern can match the empty string.

    >>> first_chars(r"(?-i:May|June)\s+\d+", re.IGNORECASE)
    '[JM]'
    >>> first_chars(r"\d*", 0) is None  # it can match nothing
    True
    """
    try:
        items, nullable = _sequence(list(_parser.parse(pattern, flags)), bool(flags & re.IGNORECASE))
    except (_Unknown, re.error):
        return None
    if nullable or not items:
        return None
    return "[" + "".join(sorted(_exact(items))) + "]"


def _exact(items: set[tuple[bool, str, int, int]]) -> set[str]:
    """Class parts with every case-insensitive letter written in both cases (see ``_NON_ASCII``)."""
    parts: set[str] = set()
    for ignorecase, kind, low, high in items:
        if kind == "category":
            parts.add(_CATEGORIES[low])
            continue
        chars = [chr(c) for c in range(low, high + 1)] if high - low < 128 else None
        cased = chars is None or any(c.lower() != c.upper() for c in chars)
        parts.add(re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}")
        if ignorecase and cased:
            ascii_only = chars is not None and all(c.isascii() for c in chars)
            parts.update(re.escape(v) for c in (chars if ascii_only else ()) for v in (c.lower(), c.upper()))
            parts.add(_NON_ASCII)
            if not ascii_only:
                parts.add(_ASCII_LETTERS)
    return parts


def _sequence(items, ignorecase: bool) -> tuple[set, bool]:
    """(first-character items, whether the sequence can match the empty string)."""
    found: set = set()
    for op, arg in items:
        first, nullable = _item(op, arg, ignorecase)
        found |= first
        if not nullable:
            return found, False
    return found, True


def _item(op, arg, ignorecase: bool) -> tuple[set, bool]:
    if op is sre.LITERAL:
        return {(ignorecase, "char", arg, arg)}, False
    if op is sre.IN:
        return _charset(arg, ignorecase), False
    if op is sre.SUBPATTERN:
        _group, add, remove, body = arg
        ignorecase = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _sequence(list(body), ignorecase)
    if op is sre.BRANCH:
        found, nullable = set(), False
        for branch in arg[1]:
            first, empty = _sequence(list(branch), ignorecase)
            found, nullable = found | first, nullable or empty
        return found, nullable
    if op in _REPEATS:
        low, _high, body = arg
        first, empty = _sequence(list(body), ignorecase)
        return first, empty or low == 0
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(list(arg), ignorecase)
    if op in _ZERO_WIDTH:
        return set(), True
    raise _Unknown(op)


def _charset(arg, ignorecase: bool) -> set:
    found = set()
    for op, value in arg:
        if op is sre.LITERAL:
            found.add((ignorecase, "char", value, value))
        elif op is sre.RANGE:
            found.add((ignorecase, "char", *value))
        elif op is sre.CATEGORY and value in _CATEGORIES:
            found.add((False, "category", value, value))
        else:  # a negated class, an unusual category
            raise _Unknown(op)
    return found


def scanner(pattern: re.Pattern) -> re.Pattern | None:
    """The scanner of a compiled rule (module docstring), or None when it has none (then
    ``finditer`` is used): no first characters, or a pattern that cannot be nested."""
    first = first_chars(pattern.pattern, pattern.flags)
    if first is None:
        return None
    try:
        return re.compile(rf"(?-i:{first})(?<=(?=(?:{pattern.pattern}))(?s:.))", pattern.flags)
    except re.error:
        return None


def matches(pattern: re.Pattern, scan: re.Pattern | None, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, found with ``scan`` (:func:`scanner`) when it has one. A pattern
    with a scanner never matches the empty string, so each search starts where the last match ended."""
    if scan is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    while (hit := scan.search(text, pos)) is not None:
        match = pattern.match(text, hit.start())
        yield match
        pos = match.end()
