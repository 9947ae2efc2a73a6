"""Figures: every quantity in an article, with its value, unit, the thing counted, the qualifier,
the claim it belongs to and whose figure it is.

:func:`extract_figures` reads one sentence at a time:

1. numbers -> candidates (:mod:`.numbers`: quantulum3 plus sayso's rules for news numbers);
2. drop what is not a figure: dates, times, durations, ordinals, list numbers, numbers in names,
   ages in names (the reason goes to the debug log);
3. read the context (:mod:`.context`): qualifier, counted noun phrase, the act counted
   ("mobilised"), the subject (what the count is of: "Russia") and the owner (whose figure);
4. attach it to the claim whose content holds it (its speaker states it), else to the article.

See docs/figures.md for the rules and their measured quality.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator

from ... import stages
from ...records import Article, Claim, Figure
from ..spans import doc_text
from . import context as ctx
from .numbers import Candidate, find_numbers

__all__ = ["extract_figures"]
PEOPLE = "people"
# Cues of intent or order, not of statement: "Russia plans a mobilisation of 300,000 conscripts" is the
# publication reporting a plan, so a figure in such a claim is attached to the article.
INTENT_CUES = frozenset({"plan", "plans", "planned", "intend", "intends", "aim", "aims", "order", "ordered",
                         "orders", "urge", "urged", "urges", "call for", "called for", "calls for"})
log = logging.getLogger(__name__)


def claim_index_of(claims: list[Claim], start: int, end: int) -> int | None:
    """Index of the claim whose content span holds [start, end) (the tightest if several)."""
    best, best_len = None, None
    for i, claim in enumerate(claims):
        if claim.cue is not None and claim.cue.text.lower() in INTENT_CUES:
            continue
        for part in claim.content:
            if part.start <= start and end <= part.end and (best_len is None or part.end - part.start < best_len):
                best, best_len = i, part.end - part.start
    return best


def candidates(doc, text: str | None = None) -> Iterator[Candidate]:
    """Candidates of every sentence, with offsets into the whole text (``text``: ``doc.text``).

    A sentence's text is cut from the whole text by its offsets: ``Span.text`` joins its tokens'
    texts again (0.1 ms of CPU a Reuters story)."""
    text = doc_text(doc) if text is None else text
    for sent in doc.sents:
        base = sent.start_char
        try:
            found = find_numbers(text[base:sent.end_char])
        except Exception:  # noqa: BLE001 - odd text in one sentence must not stop the article
            log.debug("numbers skipped in sentence at %d", base, exc_info=True)
            continue
        for cand in found:
            cand.start += base
            cand.end += base
            yield cand


def _counted(cand: Candidate, tokens, skip: set[int]):
    """(counted phrase, event, head noun) for a candidate."""
    noun = ctx.counted_head(tokens)
    if noun is None:  # "64 were wounded", "killing 15": the governing verb names what is counted
        return None, (ctx.bare_event(ctx.root_token(tokens)) if cand.unit is None else None), None
    event, verbal = ctx.event_of(noun, ctx.root_token(tokens))
    phrase = ctx.counted_phrase(noun, skip)
    if verbal and event:
        phrase = f"{ctx.participle(event, noun)} {phrase}"
    return phrase, event, noun


def _unit(cand: Candidate, counted: str | None, event: str | None = None) -> str | None:
    """A bare count of people ("500,000 soldiers", "64 were wounded") gets the unit "people"."""
    if cand.unit is None and counted and counted.split()[-1] in ctx.words()["person_nouns"]:
        return PEOPLE
    if cand.unit is None and counted is None and event:  # "64 were wounded": only acts on people give an event here
        return PEOPLE
    return cand.unit


def build_figure(doc, cand: Candidate, claims: list[Claim], text: str) -> Figure | None:
    """A Figure for one candidate, or None (with the reason at debug level) when it is not one.

    ``text`` is ``doc.text`` (spaCy rebuilds that string on every access)."""
    tokens = ctx.span_tokens(doc, cand)
    reason = ctx.not_a_figure(cand, tokens, text)
    if reason:
        log.debug("not a figure: %r (%s)", text[cand.start:cand.end], reason)
        return None
    qual, qual_start = ctx.qualifier(cand, text)
    qual_span = doc.char_span(qual_start, cand.start, alignment_mode="expand") if qual_start < cand.start else None
    skip = {t.i for t in tokens} | {t.i for t in (qual_span or [])}
    counted, event, noun = _counted(cand, tokens, skip)
    anchor = ctx.root_token(tokens)
    index = claim_index_of(claims, cand.start, cand.end)
    speaker = claims[index].speaker.text if index is not None and claims[index].speaker else None
    return Figure(
        cand.start, cand.end, text[cand.start:cand.end], cand.value, cand.low, cand.high,
        unit=_unit(cand, counted, event), counted=counted, qualifier=qual, claim_index=index,
        owner=ctx.owner_of(noun if noun is not None else anchor, speaker, text),
        subject=ctx.subject_of(noun, anchor), event=event, extractor=stages.extractor("figures"),
    )


def extract_figures(doc, article: Article, claims: list[Claim] | None = None) -> Iterator[Figure]:
    """Every figure of one parsed article, in text order; bad input is skipped, never raised."""
    claims, text = claims or [], doc_text(doc)
    for cand in candidates(doc, text):
        try:
            figure = build_figure(doc, cand, claims, text)
        except (ValueError, IndexError, KeyError, AttributeError, StopIteration):
            log.debug("figure skipped at %d in %s", cand.start, article.id, exc_info=True)
            continue
        if figure is not None:
            yield figure
