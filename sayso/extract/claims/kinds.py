"""What a claim's cue says: speech, thought, stance, or a source phrase (docs/claims.md, "Attributions only").

>>> cue_class(doc, claim)    # "said" -> "speech", "believes" -> "thought", "expects" -> "stance"
'speech'

A cue outside these ("showed", "voted", "was found") reports an act, not words or a view: such a
claim is no attribution. :func:`is_quote_like` is what the Gender Gap Tracker annotates: quotation
marks, or a speech cue (it leaves stance verbs such as "expects" out).
"""
from __future__ import annotations

from ...records import Claim
from . import lexicon as cues

SPEECH, THOUGHT, STANCE, SOURCE = "speech", "thought", "stance", "source"
QUOTING_KINDS = frozenset({"direct", "mixed"})


def _cue_tokens(doc, claim: Claim):
    if claim.cue is None:
        return []
    span = doc.char_span(claim.cue.start, claim.cue.end, alignment_mode="expand")
    return list(span) if span is not None else []


def cue_head(doc, claim: Claim):
    """The cue's content word: its last verb (else noun, else adjective), or None."""
    toks = _cue_tokens(doc, claim)
    for pos in ("VERB", "NOUN", "ADJ", "AUX"):
        found = [t for t in toks if t.pos_ == pos]
        if found:
            return found[-1]
    return toks[-1] if toks else None


def cue_class(doc, claim: Claim) -> str | None:
    """speech / thought / stance / source for the claim's cue; None for a cue that is none of them
    (and for a claim without a cue)."""
    if claim.cue is None:
        return None
    if claim.cue.text.strip().lower() in cues.SOURCE_CUES:
        return SOURCE
    head = cue_head(doc, claim)
    if head is None:
        return None
    lemma = cues.LEMMA_FIXES.get(head.lemma_.lower(), head.lemma_.lower())
    if head.pos_ == "NOUN":
        return SPEECH if lemma in cues.CUE_NOUNS else None
    if head.pos_ == "ADJ":
        return STANCE if lemma in cues.STANCE_ADJECTIVES else None
    if lemma in cues.SPEECH_VERBS:
        return SPEECH
    if lemma in cues.THOUGHT_VERBS:
        return THOUGHT
    if lemma in cues.STANCE_VERBS or lemma in cues.STANCE_VERBS_ALL:
        return STANCE
    return None


def is_quote_like(doc, claim: Claim) -> bool:
    """Quotation marks in the content, a speech cue, or a headline's separator."""
    if claim.kind in QUOTING_KINDS:
        return True
    return cue_class(doc, claim) == SPEECH or (claim.cue is not None and claim.cue.text.strip() in ":-–—")
