"""Trigger detection: the words that report an event, each with a first kind.

One left-to-right pass over the tokens: a multi-word trigger (``lexicon.MULTI``, longest first,
hyphens skipped: "air-strike", "cease-fire") wins over a single word (``lexicon.SINGLE``); a word
whose part of speech does not fit its entry is skipped ("offensive remarks" is an adjective). An
ambiguous word runs its check (``checks.CHECKS``), which may refuse it or change its kind. Cost:
one dictionary look-up per token plus a bounded walk over the neighbours of the few hits.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..spans import token_table
from . import lexicon as L
from .checks import CHECKS
from .syntax import Context, lem

VERB_POS = ("VERB",)
NOUN_POS = ("NOUN", "PROPN")
MULTI_EXTRA = {("cease", "fire"): ("ceasefire", 0, None), ("sit", "in"): ("protest", 0, None),
               ("counter", "offensive"): ("offensive", 1, None), ("air", "raid"): ("air_strike", 1, None)}


@dataclass(frozen=True)
class Trigger:
    head: int  # token index of the word the trigger hangs on
    first: int  # first token index
    last: int  # last token index (inclusive)
    kind: str
    weak: bool = False  # a bare 'killed': only an event when no stronger trigger shares its sentence


def _pos_class(tok) -> str | None:
    if tok.pos_ in VERB_POS:
        return L.VERB
    if tok.pos_ in NOUN_POS:
        return L.NOUN
    return None


def _next_words(doc, start: int, n: int) -> list[tuple[int, str, str]]:
    """Up to ``n`` tokens from ``start`` as (index, lemma, lower form), hyphens skipped."""
    out = []
    i = start
    while i < len(doc) and len(out) < n:
        tok = doc[i]
        if tok.text not in ("-", "–"):
            out.append((i, lem(tok), tok.lower_))
        elif out and i + 1 < len(doc) and doc[i + 1].whitespace_ == "" and tok.whitespace_:
            break
        i += 1
    return out


def _match_multi(ctx: Context, tok) -> Trigger | None:
    first = lem(tok)
    candidates = L.MULTI_BY_FIRST.get(first, []) + L.MULTI_BY_FIRST.get(tok.lower_, []) + \
        [(w, e) for w, e in MULTI_EXTRA.items() if w[0] in (first, tok.lower_)]
    if not candidates:
        return None
    longest = max(len(w) for w, _ in candidates)
    words = _next_words(ctx.doc, tok.i, longest)
    for pattern, (kind, head_at, check) in sorted(candidates, key=lambda c: -len(c[0])):
        if len(words) < len(pattern):
            continue
        if all(p in (w[1], w[2]) for p, w in zip(pattern, words)):
            head = ctx.doc[words[head_at][0]]
            if check is not None:
                kind = CHECKS[check](ctx, head, kind)
                if kind is None:
                    continue
            return Trigger(head.i, words[0][0], words[len(pattern) - 1][0], kind)
    return None


VERB_LIKE_DEPS = ("conj", "ROOT", "ccomp", "advcl", "relcl", "xcomp")


def _participle_lemma(tok) -> str | None:
    """'torched' tagged as an adjective in a verb's place: the verb it is the past form of."""
    low = tok.lower_
    if tok.pos_ != "ADJ" or not low.endswith("ed") or tok.dep_ not in VERB_LIKE_DEPS:
        return None
    for stem in (low[:-1], low[:-2], low[:-3]):
        entry = L.SINGLE.get(stem)
        if entry is not None and L.VERB in entry[1]:
            return stem
    return None


def _match_single(ctx: Context, tok) -> Trigger | None:
    entry = L.SINGLE.get(lem(tok)) or L.SINGLE.get(tok.lower_)
    pos_class = _pos_class(tok)
    if entry is None or pos_class is None:
        stem = _participle_lemma(tok)
        if stem is None:
            return None
        entry, pos_class = L.SINGLE[stem], L.VERB
    kind, pos, check = entry
    if pos_class not in pos:
        return None
    if check is not None:
        kind = CHECKS[check](ctx, tok, kind)
        if kind is None:
            return None
    weak = lem(tok) in L.WEAK_TRIGGERS and kind == "attack"
    return Trigger(tok.i, tok.i, tok.i, kind, weak)


_ENTRY_WORDS = frozenset(L.MULTI_BY_FIRST) | {w[0] for w in MULTI_EXTRA} | frozenset(L.SINGLE)
"""Every word a trigger can start with (lemma or lower-cased form)."""


def possible_triggers(doc) -> list[int]:
    """Indices of the tokens that may start a trigger: lemma or form in ``_ENTRY_WORDS``, or an
    adjective ending in "-ed" (a participle in a verb's place). Read from the token table: testing
    every token as a Token was two thirds of the events stage; no other token can match."""
    t = token_table(doc)
    words = _ENTRY_WORDS
    return [i for i, (low, lemma, pos) in enumerate(zip(t.lower, t.lemma, t.pos))
            if low in words or L.SURFACE_LEMMAS.get(low, lemma) in words or (pos == "ADJ" and low.endswith("ed"))]


def find_triggers(ctx: Context) -> list[Trigger]:
    """Every trigger in the document, in text order, no two sharing a token."""
    found: list[Trigger] = []
    skip_to = -1
    for i in possible_triggers(ctx.doc):
        tok = ctx.doc[i]
        if tok.i <= skip_to or tok.is_punct or tok.like_num:
            continue
        trig = _match_multi(ctx, tok) or _match_single(ctx, tok)
        if trig is None:
            continue
        found.append(trig)
        skip_to = trig.last
    return found
