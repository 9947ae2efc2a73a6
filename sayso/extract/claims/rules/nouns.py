"""Noun cues: "his claim that ...", "Turkey's refusal to ...".

A cue noun (``lexicon.CUE_NOUNS``) with a speaker — a possessive ("his", "Turkey's")
or a "by X" phrase — and a content — a "that"/"to" clause ("claim that ...",
"refusal to ..."). Without both, nothing is yielded. ("attacks on Curiel" /
"a call for a ban" were measured on PolNeAR train: mostly not annotated, so left out.)
"""
from __future__ import annotations

from typing import Iterator

from ....records import Claim
from ...spans import tokens_span
from .. import lexicon as cues
from ..context import Context, cue_words
from .content import shape_content


def noun_claims(ctx: Context) -> Iterator[Claim]:
    found = (noun_claim(ctx, tok) for tok in cue_words(ctx, "NOUN", cues.CUE_NOUNS))
    return (claim for claim in found if claim is not None)


def noun_claim(ctx: Context, noun) -> Claim | None:
    speaker_tok = noun_speaker(noun)
    if speaker_tok is None:
        return None
    content_idx = noun_content(noun)
    if not content_idx:
        return None
    speaker = tokens_span(ctx.doc, ctx.text, list(speaker_tok.subtree))
    content, kind = shape_content(ctx, content_idx, noun, speaker)
    cue = tokens_span(ctx.doc, ctx.text, [noun])
    if speaker is None or not content or cue is None:
        return None
    return Claim(content, cue, speaker, kind, extractor=ctx.extractor)


def noun_speaker(noun):
    """"his claim" -> his; "a demand by Pelosi" -> Pelosi."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in cues.NON_SPEAKER_WORDS:
            return child
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == cues.NOUN_AGENT_PREP):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            return pobj
    return None


def noun_content(noun) -> set[int]:
    """A "that"/"to"/"whether" clause of the noun (a "call for X" object is too often no claim)."""
    for child in noun.children:
        if child.dep_ in cues.NOUN_CLAUSE_DEPS and _is_complement(child):
            return {t.i for t in child.subtree}
    return set()


def _is_complement(clause) -> bool:
    """"that he had done so" / "to deport ...", not a relative clause ("the claim he made")."""
    first = clause.doc[min(t.i for t in clause.subtree)]
    return first.lower_ in cues.NOUN_COMPLEMENT_MARKERS
