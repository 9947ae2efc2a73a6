"""Preposition cues: "according to X", "in a CNN poll", "To Ms. Gil, skateboarding is ..."."""
from __future__ import annotations

from typing import Iterator

from ....records import Claim
from ...spans import span, token_table, tokens_span
from .. import lexicon as cues
from ..context import Context
from .content import shape_content


def according_claims(ctx: Context) -> Iterator[Claim]:
    """"according to X", "in a CNN poll", "To Ms. Gil, skateboarding is ..."."""
    table = token_table(ctx.doc)
    for i in [i for i, (low, dep) in enumerate(zip(table.lower, table.dep))
              if low == cues.ACCORDING_WORD or dep == "prep"]:
        tok, claim = ctx.doc[i], None
        if tok.lower_ == cues.ACCORDING_WORD and tok.i + 1 < len(ctx.doc):
            claim = according_claim(ctx, tok, ctx.doc[tok.i + 1])
        elif tok.dep_ == "prep" and _is_source_prep(tok):
            claim = source_prep_claim(ctx, tok)
        if claim is not None:
            yield claim


def _is_source_prep(prep) -> bool:
    """"in a poll" / "in most surveys"; a sentence-opening "To X," ("To them, it signals ...")."""
    pobjs = [c for c in prep.children if c.dep_ == "pobj"]
    if not pobjs or prep.head.pos_ not in cues.CLAUSE_LIKE_POS:
        return False
    if prep.lower_ == cues.SOURCE_IN_PREP:
        return pobjs[0].lemma_.lower() in cues.SURVEY_NOUNS and pobjs[0].tag_ in cues.SINGULAR_NOUN_TAGS
    last = max(t.i for t in prep.subtree)
    return (
        prep.lower_ == cues.SOURCE_TO_PREP and prep.i == prep.sent.start
        and last + 1 < len(prep.doc) and prep.doc[last + 1].text == ","
        and pobjs[0].pos_ in cues.PERSON_POS and pobjs[0].ent_type_ not in cues.NON_SOURCE_ENTS
    )


def source_prep_claim(ctx: Context, prep) -> Claim | None:
    if ctx.quote_at(prep) is not None:
        return None
    phrase = {t.i for t in prep.subtree}
    content_idx = _same_sentence(ctx, prep, {t.i for t in prep.head.subtree} - phrase)
    content, kind = shape_content(ctx, content_idx, prep, None)
    pobj = next(c for c in prep.children if c.dep_ == "pobj")
    speaker = tokens_span(ctx.doc, ctx.text, list(pobj.subtree))
    cue = span(ctx.text, prep.idx, prep.idx + len(prep))
    if not content or speaker is None or cue is None:
        return None
    return Claim(content, cue, speaker, kind, extractor=ctx.extractor)


def according_claim(ctx: Context, tok, to) -> Claim | None:
    if to.lower_ != cues.ACCORDING_PREP:
        return None
    pobjs = [c for c in to.children if c.dep_ == "pobj"]
    if not pobjs or ctx.quote_at(tok) is not None:
        return None
    phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
    head = tok.head if tok.head.i not in phrase else tok
    content_idx = {t.i for t in head.subtree} - phrase if head.i != tok.i else set()
    content_idx = _same_sentence(ctx, tok, content_idx)
    content, kind = shape_content(ctx, content_idx, tok, None)
    speaker = tokens_span(ctx.doc, ctx.text, list(pobjs[0].subtree))
    cue = span(ctx.text, tok.idx, to.idx + len(to))
    if not content or speaker is None:
        return None
    return Claim(content, cue, speaker, kind, extractor=ctx.extractor)


def _same_sentence(ctx: Context, tok, idx: set[int]) -> set[int]:
    sent = tok.sent
    return {i for i in idx if sent.start <= i < sent.end}
