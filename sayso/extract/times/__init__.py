"""Time expressions: find every temporal expression and normalise it against the DCT.

``extract_times(doc, article)`` runs the rules of :mod:`.rules` (regular
expressions over the article text, extents as TimeBank / TempEval-3 mark
them), keeps the longest non-overlapping matches, decides the direction of
underspecified dates ("Friday", "March") from the tense of the governing verb
in the spaCy parse, and resolves each against ``article.published`` (the
document creation time, DCT) with :mod:`.calendar`. Anaphoric expressions
("that year", "the following month", "at 10 p.m." with no day) resolve against
the reference time instead: the last date the text mentioned (DCT when none).

Deadlines and windows: TimeML extents exclude the preposition, so "by March"
is the expression "March" (value 2023-03); the preposition sets ``mod`` and
the window:

- "by / until / before March" -> mod ``ON_OR_BEFORE`` ("BEFORE" for before),
  earliest = the DCT, latest = the end of March;
- "within a month", "in the next two weeks" -> the duration keeps its value
  (P1M), mod ``ON_OR_BEFORE``, earliest = the DCT, latest = DCT + the duration;
- "in the coming weeks" and other vague futures -> FUTURE_REF, earliest = DCT,
  latest = DCT + an estimate (``FUTURE_WINDOWS``);
- "since March" -> mod ``ON_OR_AFTER``, earliest = start of March, latest = DCT;
  "after March" -> ``AFTER``, earliest = the day after March, latest open (None);
  "before March" -> ``BEFORE``, latest = the day before March.

Forecasts read the window from ``TimeExpr.earliest`` / ``latest``.
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import lru_cache
from datetime import date, timedelta
from typing import Iterator

from ... import stages
from ..needs import lowered, may_match, pattern_needs
from ...records import Article, TimeExpr
from . import lexicon as W
from .calendar import Anaphor, Named, add_months, parse_dct, reference_date, resolve, resolve_anaphor
from .normalise import NEAREST, Found
from .rules import COMPILED
from .scan import matches, scanner

log = logging.getLogger(__name__)

PAST_TAGS = ("VBD", "VBN")
PRESENT_TAGS = ("VBZ", "VBP", "VBG", "VB")
MAX_HEAD_STEPS = 4
LOOKBACK_CHARS = 24
DEADLINE_MODS = {"by": "ON_OR_BEFORE", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE",
                 "through": "ON_OR_BEFORE", "no later than": "ON_OR_BEFORE", "before": "BEFORE",
                 "ahead of": "BEFORE", "since": "ON_OR_AFTER", "after": "AFTER", "from": "ON_OR_AFTER",
                 "starting": "ON_OR_AFTER"}
WITHIN_RE = re.compile(r"\b(within|in\s+the\s+next|over\s+the\s+next|in\s+the\s+coming|in\s+the\s+following|"
                       r"in)\s+$", re.I)
PREP_RE = re.compile(r"\b(by|until|till|through|no\s+later\s+than|before|ahead\s+of|since|after|from|"
                     r"starting)\s+$", re.I)
DURATION_RE = re.compile(r"P(T)?(\d+(?:\.\d+)?)(Y|M|W|D|H|S|DE|CE|Q)")
BACKWARD_START = re.compile(rf"(?:the\s+)?(?:{'|'.join(W.BACKWARD_WORDS)})\b", re.I)
DURATION_DAYS = {"Y": 365, "M": 30, "W": 7, "D": 1, "DE": 3650, "CE": 36500, "Q": 91}


# ---------------------------------------------------------------- candidates


@lru_cache(maxsize=1)
def _rule_needs() -> tuple[frozenset[str] | None, ...]:
    """For each rule, the words one of which every match holds (sayso.extract.needs)."""
    return tuple(pattern_needs(pattern) for _, pattern, _ in COMPILED)


@lru_cache(maxsize=1)
def _rule_scanners() -> tuple[re.Pattern | None, ...]:
    """For each rule, its scanner (:mod:`.scan`: the rule found only where a match can start)."""
    return tuple(scanner(pattern) for _, pattern, _ in COMPILED)


def candidates(text: str) -> list[tuple[int, int, str, re.Match]]:
    """Every rule match in ``text`` as (start, end, rule, match); a rule whose needed words are all
    absent is not run (it could match nothing), the others only where a match can start (:mod:`.scan`)."""
    found = []
    low = lowered(text)
    for (name, pattern, _), needs, scan in zip(COMPILED, _rule_needs(), _rule_scanners()):
        if not may_match(needs, low):
            continue
        for m in matches(pattern, scan, text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), name, m))
    return found


def select(cands: list) -> list:
    """Longest matches first, then leftmost; no two kept matches overlap."""
    kept: list = []
    taken = bytearray(max((c[1] for c in cands), default=0))
    for cand in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):
        if not any(taken[cand[0]:cand[1]]):
            kept.append(cand)
            taken[cand[0]:cand[1]] = b"\x01" * (cand[1] - cand[0])
    return sorted(kept, key=lambda c: c[0])


# ---------------------------------------------------------------- tense


def governing_verb(doc, start: int, end: int):
    """The verb the expression at ``start:end`` hangs from (up to MAX_HEAD_STEPS heads), or None."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(MAX_HEAD_STEPS):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            return tok
        if tok.head is tok:
            break
        tok = tok.head
    return None


def _plain_past(verb) -> bool:
    """Simple past or past perfect ("closed", "had called"), as opposed to present perfect."""
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ == "VBD" for a in auxes) or (verb.tag_ == "VBD" and not auxes)


def _verb_direction(verb, depth: int = 0) -> int:
    """-1 when ``verb`` is past or present perfect, +1 future (will, going to, plans to), NEAREST for
    "would" and past plans, 0 unknown."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ != "TO"]
    if any(a.lower_ in W.FUTURE_AUX for a in auxes) or verb.lower_ in W.FUTURE_AUX:
        return 1
    if any(a.lower_ in W.NEAREST_AUX for a in auxes):
        return NEAREST
    if any(a.lower_ in W.MODAL_AUX for a in auxes):
        return 1
    if verb.dep_ == "xcomp" and not auxes and depth < MAX_HEAD_STEPS:
        return _xcomp_direction(verb, depth)
    if verb.lemma_ == "be" and verb.tag_ in PRESENT_TAGS and not auxes and any(
            c.dep_ == "acomp" and c.lower_ in W.FUTURE_ADJECTIVES for c in verb.children):
        return 1  # "flooding is possible on Friday", "the vote is due on Tuesday"
    if verb.dep_ == "advcl" and verb.tag_ in PRESENT_TAGS and not auxes and depth < MAX_HEAD_STEPS and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in W.SAME_TENSE_MARKS for c in verb.children):
        head = verb.head  # "will look at sanctions when they meet on Monday": the main verb's tense
        return _verb_direction(head, depth + 1) if head.pos_ in ("VERB", "AUX") else 0
    if verb.lemma_ in W.PLAN_VERBS:
        return _plan_direction(verb, auxes)
    if any(a.tag_ in PAST_TAGS for a in auxes) or verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes):
        return -1
    if verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "have" for a in auxes):
        return -1
    if verb.tag_ in PRESENT_TAGS and verb.lemma_ in W.FUTURE_VERBS:
        return 1
    return 0


def _xcomp_direction(verb, depth: int) -> int:
    """"plans to open", "is to resume" are future; "agreed to buy" looks ahead from the past (nearest);
    "began raising" is past."""
    head = verb.head
    if (head.lemma_ in W.FUTURE_VERBS and head.tag_ in PRESENT_TAGS) or head.lemma_ == "be":
        return 1
    if head.pos_ == "ADJ" and head.lower_ in W.FUTURE_ADJECTIVES and head.head.tag_ in PRESENT_TAGS:
        return 1  # "are due to look at sanctions on Monday", "is likely to meet on Friday"
    tense = _verb_direction(head, depth + 1) if head.pos_ in ("VERB", "AUX") else 0
    if tense == -1 and head.lemma_ not in W.ASPECT_VERBS:
        return NEAREST
    if tense == 0 and verb.lemma_ in W.FUTURE_VERBS:
        return 1
    return tense


def _plan_direction(verb, auxes) -> int:
    """Plans point forward from when they were made: present -> future; past ("planned a rally
    Saturday", "has scheduled a news conference Thursday") -> the nearest date."""
    past = verb.tag_ == "VBD" or any(a.tag_ in PAST_TAGS or a.lemma_ == "have" for a in auxes)
    return NEAREST if past else 1


DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by|as\s+soon\s+as|no\s+later\s+than|ahead\s+of)\s+$", re.I)
UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+$", re.I)
SINCE_BEFORE = re.compile(r"\b(?:since|after|starting(?:\s+(?:in|on|from))?)\s+$", re.I)
WEEKDAY_WORD = re.compile(r"\b(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def deadline_direction(text: str, start: int, end: int, tense: int, plain_past: bool = False) -> int:
    """A date after "until", "by", "as soon as" lies ahead when the tense says nothing; a weekday
    after "until" does unless the verb is plainly past ("has extended its deadline until Tuesday",
    but "until Thursday, they had not called him a suspect")."""
    before = text[max(0, start - LOOKBACK_CHARS):start]
    if tense in (0, NEAREST) and DEADLINE_BEFORE.search(before):
        return 1
    if not plain_past and UNTIL_BEFORE.search(before) and WEEKDAY_WORD.search(text, start, end):
        return 1
    return tense


def since_past(found: Found | None, text: str, start: int, tense: int) -> Found | None:
    """A month after "since / after / starting" with a past or present-perfect verb is the last one
    before the DCT, however far ("Prices have risen since March" on Feb. 10 -> last March): the
    mirror of the "until" rule."""
    spec = found.spec if found else None
    before = text[max(0, start - LOOKBACK_CHARS):start]
    if tense != -1 or not isinstance(spec, Named) or not SINCE_BEFORE.search(before):
        return found
    return replace(found, spec=replace(spec, direction=-1, by_tense=False))


# ---------------------------------------------------------------- windows


def duration_days(value: str | None) -> float | None:
    """Approximate days of a TIMEX3 duration ("P2W" -> 14); None for vague ones."""
    m = DURATION_RE.fullmatch(value or "")
    if not m:
        return None
    if m[1]:
        return float(m[2]) / 24 if m[3] == "H" else 0.0
    return float(m[2]) * DURATION_DAYS[m[3]]


def _prep_before(text: str, start: int, pattern: re.Pattern) -> str | None:
    m = pattern.search(text[max(0, start - LOOKBACK_CHARS):start])
    return re.sub(r"\s+", " ", m[1].lower()) if m else None


def _deadline(timex: TimeExpr, text: str, dct: tuple[date, date] | None, doc=None) -> TimeExpr:
    """Set mod / earliest / latest from the preposition before the expression (see module doc)."""
    if timex.type == "DURATION":
        return _within(timex, text, dct, doc)
    if timex.value == "FUTURE_REF" and dct:
        days = next((d for w, d in W.FUTURE_WINDOWS.items() if w in timex.text.lower()), W.FUTURE_WINDOW_DEFAULT)
        timex.earliest, timex.latest = dct[0].isoformat(), (dct[1] + timedelta(days=days)).isoformat()
        return timex
    prep = _prep_before(text, timex.start, PREP_RE)
    if prep is None or timex.type not in ("DATE", "TIME"):
        return timex
    timex.mod = timex.mod or DEADLINE_MODS.get(prep)
    if dct and timex.earliest and timex.latest:
        timex.earliest, timex.latest = _bounded(timex.mod, timex.earliest, timex.latest, dct)
    return timex


def _bounded(mod: str | None, lo: str, hi: str, dct: tuple[date, date]) -> tuple[str | None, str | None]:
    """The window of "by / before / since / after X" given X's window [lo, hi] and the DCT."""
    start, end = dct[0].isoformat(), dct[1].isoformat()
    if mod == "BEFORE":
        hi = (date.fromisoformat(lo) - timedelta(days=1)).isoformat()
    if mod == "AFTER":
        lo = (date.fromisoformat(hi) + timedelta(days=1)).isoformat()
    if mod in ("ON_OR_BEFORE", "BEFORE"):
        return (min(lo, start) if hi >= start else None), hi
    if mod in ("ON_OR_AFTER", "AFTER"):
        return lo, (end if lo <= end and mod == "ON_OR_AFTER" else None)
    return lo, hi


def _within(timex: TimeExpr, text: str, dct: tuple[date, date] | None, doc=None) -> TimeExpr:
    """"within a month", "in the next two weeks": from the DCT forward; "in the past two months" and
    a bare "in" under a past-tense verb ("fell 5% in two weeks": how long it took) have no window."""
    prep = _prep_before(text, timex.start, WITHIN_RE)
    days = duration_days(timex.value)
    if prep is None or dct is None or days is None or BACKWARD_START.match(timex.text):
        return timex
    if prep == "in" and _told_in_past(doc, timex):
        return timex
    timex.mod = timex.mod or "ON_OR_BEFORE"
    timex.earliest = dct[0].isoformat()
    timex.latest = _add_duration(dct[1], timex.value, days).isoformat()
    return timex


def _told_in_past(doc, timex: TimeExpr) -> bool:
    """The verb governing ``timex`` is in the past tense (False without a parse)."""
    verb = governing_verb(doc, timex.start, timex.end) if doc is not None else None
    return verb is not None and _verb_direction(verb) == -1


def _add_duration(start: date, value: str, days: float) -> date:
    m = DURATION_RE.fullmatch(value)
    if m and not m[1] and m[3] in ("M", "Y", "Q") and float(m[2]).is_integer():
        months = int(float(m[2])) * {"M": 1, "Y": 12, "Q": 3}[m[3]]
        return add_months(start, months)
    return start + timedelta(days=round(days))


# ---------------------------------------------------------------- extraction


def _to_timex(text: str, start: int, end: int, found: Found, published: str | None,
              reference: str | None = None) -> TimeExpr:
    if found.spec is None:
        return _unnormalised(text, start, end, found)
    if isinstance(found.spec, Anaphor):
        value, earliest, latest, anchored = resolve_anaphor(found.spec, reference, published)
    else:
        value, earliest, latest, anchored = resolve(found.spec, published)
    if found.type in ("DURATION", "SET"):
        earliest = latest = None
    return TimeExpr(start, end, text[start:end], found.type, value, earliest, latest, found.mod, anchored,
                    stages.extractor("times"))


def _unnormalised(text: str, start: int, end: int, found: Found) -> TimeExpr:
    """An expression whose value cannot be worked out: its extent and type only."""
    return TimeExpr(start, end, text[start:end], found.type, None, mod=found.mod, extractor=stages.extractor("times"))


def _found(cand, doc) -> Found | None:
    start, end, name, m = cand
    fn = next(f for n, _, f in COMPILED if n == name)
    try:
        verb = governing_verb(doc, start, end)
        tense = 0 if verb is None else _verb_direction(verb)
        found = fn(m, deadline_direction(m.string, start, end, tense, _plain_past(verb)))
        return since_past(found, m.string, start, tense)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, OverflowError) as err:
        log.debug("time rule %s failed on %r: %s", name, m[0], err)
        return None


def _sets_reference(timex: TimeExpr) -> bool:
    """Whether ``timex`` becomes the reference time of the anaphoric expressions after it."""
    return timex.type in ("DATE", "TIME") and reference_date(timex.value) is not None


def extract_times(doc, article: Article) -> Iterator[TimeExpr]:
    """Every time expression of ``article`` (``doc``: its spaCy Doc, or None), in text order."""
    text = article.text
    dct = parse_dct(article.published)
    valid = []
    for cand in candidates(text):
        found = _found(cand, doc)
        if found is not None:
            valid.append((*cand[:3], found))
    reference = None  # the last date mentioned, for "that year", "the following month"
    for start, end, _, found in select(valid):
        try:
            timex = _to_timex(text, start, end, found, article.published, reference)
            if _sets_reference(timex):
                reference = timex.value
            yield _deadline(timex, text, dct, doc)
        except (ValueError, KeyError, TypeError, OverflowError) as err:
            log.debug("time expression %r not normalised: %s", text[start:end], err)
            yield _unnormalised(text, start, end, found)

