"""Adjective cues: "she was adamant that ...", "Viguerie is upbeat about ...",
"aides, confident that ...", "operatives have been supportive of her bid".

A stance adjective (``lexicon.STANCE_ADJECTIVES``) with a content — a clause
("adamant that ...", "eager to ...", on the adjective or on its copula) or the
object of a content preposition ("critical of", "upbeat about") — and a speaker:
the subject of its copula, or of the clause it hangs on ("X ..., confident that").
The cue runs from the copula to the adjective (and the preposition).
"""
from __future__ import annotations

from typing import Iterator

from ....records import Claim
from ...spans import tokens_span
from .. import lexicon as cues
from ..context import Context, cue_words
from .content import shape_content
from .verbs import find_subject, speaker_span


def adjective_claims(ctx: Context) -> Iterator[Claim]:
    found = (adjective_claim(ctx, tok) for tok in cue_words(ctx, "ADJ", cues.STANCE_ADJECTIVES))
    return (claim for claim in found if claim is not None)


def adjective_claim(ctx: Context, adj) -> Claim | None:
    head = adj.head
    if adj.dep_ not in cues.ADJECTIVE_DEPS or head.pos_ not in cues.CLAUSE_LIKE_POS:
        return None
    subject = find_subject(head)
    content_idx, prep = adjective_content(adj)
    if subject is None or not content_idx or subject.i in content_idx:
        return None
    speaker = speaker_span(ctx, subject, head)
    content, kind = shape_content(ctx, content_idx, adj, speaker)
    cue = tokens_span(ctx.doc, ctx.text, _cue_tokens(adj, head, prep))
    if speaker is None or not content or cue is None:
        return None
    return Claim(content, cue, speaker, kind, extractor=ctx.extractor)


def adjective_content(adj) -> tuple[set[int], object]:
    """The clause of the adjective (or of its copula, after it), else a preposition's object."""
    clauses = [c for c in adj.children if c.dep_ in cues.ADJECTIVE_CLAUSE_DEPS]
    if adj.dep_ == "acomp":
        clauses += [c for c in adj.head.children if c.dep_ in cues.ADJECTIVE_CLAUSE_DEPS and c.i > adj.i]
    if clauses:
        return {t.i for c in clauses for t in c.subtree}, None
    for prep in (c for c in adj.children if c.dep_ == "prep" and c.lower_ in cues.ADJECTIVE_PREPS):
        objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if objs:
            return {t.i for c in objs for t in c.subtree}, prep
    return set(), None


def _cue_tokens(adj, head, prep) -> list:
    """"was adamant", "have been generally supportive of"."""
    tokens = [adj] + ([prep] if prep is not None else [])
    if adj.dep_ == "acomp" and head.i < adj.i:
        aux = [c for c in head.children if c.dep_ in ("aux", "neg") and c.i < head.i]
        first = min([head.i] + [a.i for a in aux])
        tokens += list(adj.doc[first:adj.i])
    return sorted(set(tokens), key=lambda t: t.i)
