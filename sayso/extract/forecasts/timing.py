"""Which time expression dates a predicted event, and keeping a forward-looking window ahead.

A window comes only from a time expression **attached to the predicted event**: walking up the
parse from the expression, the first word of the event's predicate (the anchor, the cue and the
verbs it governs) must be reached without crossing

- another clause: a verb that is not part of the predicted event ("will sign the bill before he
  **leaves** office next week", "will beat the record **set** in 2019", "the plane, which **flew**
  on Monday, will ...": the time dates that other event);
- a comparison or a reference point: "than", "as", "like", "compared with", "versus" ("higher
  **than** in 2021", "a decade earlier **than** 2040");
- a name: an expression inside a named event, organisation, building or work ("before the
  **Winter Olympics**", "for the **2008 Beijing Olympic Games**"), or one that modifies a noun other
  than the event's own subject or object ("**next week's** elections").

Verbs of the event itself stay crossable: infinitives ("attempt **to launch** ... within a month"),
conjoined verbs ("launch a massive offensive and **seize** the east within a month") and gerunds.

A forecast that looks forward never gets a window that closed before its article's date
(:func:`keep_ahead`): a weekday or a yearless date the times stage put in the past is the next one
("will look at sanctions on Monday" in a Saturday article is the coming Monday); any other past
expression ("in 2021") dates something else and sets no window. Only a report in the past perfect
("had warned that ... in January") may be due on the day it is published.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ...records import TimeExpr
from .lexicon import (RECORD_WORDS, REFERENCE_PREPS, SAME_TIME_MARKS, COMPARISON_WORDS, EVENT_CLAUSE_DEPS, INFINITIVE_CLAUSE_DEPS, LOOKING_BACK,
    NAME_ENTITY_TYPES, NEXT_OCCURRENCE, NOUN_MODIFIER_DEPS)
from .windows import YEAR_IN_TEXT, article_day, has_window, shift_forward_year

MAX_STEPS = 12
WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
PAST_TAG = "VBD"
RECORD_LOOKBACK = 10  # tokens before "in" searched for "first", "lowest", ...
REPORT_RULES = frozenset({"object", "request", "warning", "directive", "passive"})  # the anchor is the act
ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d$")
VERB_POS = frozenset({"VERB", "AUX"})
OWN_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})


def attached(doc, time: TimeExpr, predicate: set[int], reports: frozenset[int] = frozenset()) -> bool:
    """Whether ``time`` hangs from the predicate (token indices) without crossing another clause,
    a comparison or a name (see the module doc). A time on a verb of ``reports`` in the simple past
    dates the report, not the event ("**demanded** clarification **this week**", "**predicted** in
    March that ...")."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.ent_type_ in NAME_ENTITY_TYPES or _before_comparison(span) or _after_record(span):
        return False
    tok = root
    for _ in range(MAX_STEPS):
        if tok.i in predicate:
            return not (tok.tag_ == PAST_TAG and tok.i in reports)  # "demanded clarification this week"
        if tok.lower_ in COMPARISON_WORDS or tok.lemma_.lower() in COMPARISON_WORDS:
            return False
        if tok.i != root.i and tok.pos_ in VERB_POS and not _part_of_event(tok):
            return False  # the head of another clause: the time dates that event
        if tok.dep_ in NOUN_MODIFIER_DEPS and tok.head.pos_ in ("NOUN", "PROPN", "NUM") and tok.i == root.i:
            if not _argument_of(tok.head, predicate) or tok.head.ent_type_ in NAME_ENTITY_TYPES:
                return False  # "next week's elections", "the 2024 Paris Olympic Games"
        if tok.pos_ in ("NOUN", "PROPN") and tok.i != root.i and tok.head.lower_ in REFERENCE_PREPS:
            return False  # "will resign after the vote on Tuesday": the time dates the vote
        if tok.pos_ in ("NOUN", "PROPN") and tok.i != root.i and _record(tok):
            return False  # "the first rate decrease in more than 20 years": a record's span, not a date
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _record(noun) -> bool:
    """A noun with an ordinal or a superlative: "the first cut", "the first rate cut", "the lowest level"."""
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "advmod", "compound")]
    modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ == "amod"]
    return any(c.lower_ in RECORD_WORDS or c.tag_ == "JJS" for c in modifiers if c.dep_ != "compound")


def _after_record(span) -> bool:
    """"fall to its lowest level in five years": "in" + the time right after a noun phrase with a record."""
    doc = span.doc
    if span.start < 1 or doc[span.start - 1].lower_ != "in":
        return False
    for tok in reversed(doc[max(span.sent.start, span.start - RECORD_LOOKBACK):span.start - 1]):
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.lower_ in RECORD_WORDS or tok.tag_ == "JJS":
            return True
    return False


def _part_of_event(verb) -> bool:
    """A verb the event's clause goes on with: an infinitive, a conjoined verb, a gerund (not in the past)."""
    if verb.tag_ == PAST_TAG:
        return False
    if verb.dep_ in EVENT_CLAUSE_DEPS:
        return True
    if verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in SAME_TIME_MARKS
                                    for c in verb.children):
        return True  # "will look at sanctions when they meet on Monday": the event happens then
    return verb.dep_ in INFINITIVE_CLAUSE_DEPS and any(c.tag_ == "TO" for c in verb.children)


def _before_comparison(span) -> bool:
    """"a decade earlier than 2040": the expression is measured from a reference point."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    return (after is not None and after.lower_ in COMPARISON_WORDS) or (
        before is not None and before.lower_ in COMPARISON_WORDS)


def _argument_of(noun, predicate: set[int]) -> bool:
    """The noun is the subject or object of the predicate ("the March 5 vote will decide")."""
    return noun.dep_ in OWN_ARGUMENT_DEPS and noun.head.i in predicate


def predicate_tokens(cue) -> set[int]:
    """The token indices of the event's predicate: anchor, event root, the cue words and their heads."""
    tokens = {cue.anchor.i, cue.event_root.i}
    for tok in cue.tokens:
        tokens.add(tok.i)
        if tok.dep_ in ("aux", "auxpass", "neg"):
            tokens.add(tok.head.i)
    return tokens


def pick_time(ctx, cue, start: int, end: int, modifies_noun) -> int | None:
    """The time expression between ``start`` and ``end`` attached to the event: adverbials before
    noun modifiers ("in the coming weeks" before "a Spring offensive"), then the nearest to the anchor."""
    predicate = predicate_tokens(cue)
    reports = frozenset(t.i for t in cue.tokens if cue.rule not in ("modal", "headline")) - {cue.anchor.i}
    if cue.rule in REPORT_RULES:
        reports |= {cue.anchor.i}
    candidates = [i for i, t in enumerate(ctx.times)
                  if start <= t.start and t.end <= end and has_window(t, ctx.text)
                  and attached(ctx.doc, t, predicate, reports)]
    if not candidates:
        return None
    anchor = cue.anchor.idx
    return min(candidates, key=lambda i: (modifies_noun(ctx.doc, ctx.times[i]), abs(ctx.times[i].start - anchor)))


def keep_ahead(time: TimeExpr, published: str | None) -> TimeExpr | None:
    """``time`` moved to its next occurrence when it ended before the article's date: a weekday one
    week on, a yearless date one year on; None for any other past expression (it dates something else)."""
    today = article_day(published)
    last = time.latest or time.earliest
    if not (today and last) or last[:10] >= today:
        return time
    if YEAR_IN_TEXT.search(time.text) or LOOKING_BACK.search(time.text) or not NEXT_OCCURRENCE.search(time.text):
        return None
    if WEEKDAY.search(time.text) and ISO_DAY.match(last):
        return _days_on(time, 7)
    moved = shift_forward_year(time, published)
    if (moved.latest or moved.earliest or "")[:10] >= today:
        return moved
    return None


def _days_on(time: TimeExpr, days: int) -> TimeExpr:
    def on(iso: str | None) -> str | None:
        return (date.fromisoformat(iso[:10]) + timedelta(days=days)).isoformat() if iso else None

    value = on(time.value) if ISO_DAY.match(time.value or "") else time.value
    return TimeExpr(time.start, time.end, time.text, time.type, value, on(time.earliest), on(time.latest),
                    time.mod, time.anchored, time.extractor)
