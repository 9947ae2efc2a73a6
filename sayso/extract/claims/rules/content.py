"""A claim's content: token indices -> spans, quotations that make it direct, quotes beside the cue."""
from __future__ import annotations

from ....records import Span
from ...spans import span, token_spans
from .. import lexicon as cues
from ..context import Context, paragraph_bounds
from ..quotes import Quote


def shape_content(ctx: Context, idx: set[int], cue_tok, speaker: Span | None):
    """Content spans and kind; a complement that is mostly a quotation becomes the quotation."""
    quotes = _quotes_over(ctx, idx) if idx else []
    if quotes:
        return [quote_span(ctx, q) for q in _with_split_half(ctx, quotes, cue_tok)], "direct"
    if not idx:
        near = adjacent_quotes(ctx, cue_tok, speaker)
        if not near:
            block = next_paragraph_block(ctx, cue_tok)
            if block is not None:
                return [block], "direct" if ctx.quote_of_char.get(block.start) is not None else "indirect"
        return [quote_span(ctx, q) for q in near], "direct"
    content = token_spans(ctx.doc, ctx.text, idx)
    inside = [q for q in ctx.quotes if any(s.start <= q.start and q.end <= s.end for s in content)]
    return _merge_gaps(ctx, content), "mixed" if inside else "indirect"


def _merge_gaps(ctx: Context, content: list[Span]) -> list[Span]:
    """Fragments separated only by punctuation/space become one span."""
    merged: list[Span] = []
    for s in content:
        gap = ctx.text[merged[-1].end:s.start] if merged else None
        if gap is not None and all(ch in cues.QUOTE_GLUE for ch in gap):
            merged[-1] = Span.of(ctx.text, merged[-1].start, s.end)
        else:
            merged.append(s)
    return merged


def quote_span(ctx: Context, q: Quote) -> Span:
    """The quotation with its marks: PolNeAR's content of “A,” X said, “B” runs over ,” and “."""
    return Span.of(ctx.text, q.outer_start, _mark_end(ctx.text, q))


def _mark_end(text: str, q: Quote) -> int:
    """After the closing mark; a quote left open at the paragraph end stops at its last word."""
    end = q.outer_end
    while end > q.start and text[end - 1].isspace():
        end -= 1
    return end


def _quotes_over(ctx: Context, idx: set[int]) -> list[Quote]:
    """Quotations covering most of the content tokens."""
    doc = ctx.doc
    by_quote: dict[Quote, int] = {}
    for i in idx:
        q = ctx.quote_at(doc[i])
        if q is not None:
            by_quote[q] = by_quote.get(q, 0) + 1
    outside = [i for i in idx if ctx.quote_at(doc[i]) is None and not _is_punct(doc[i])]
    direct = by_quote and len(outside) <= cues.DIRECT_MAX_OUTSIDE_WORDS
    return sorted(by_quote, key=lambda q: q.start) if direct else []


def _is_punct(tok) -> bool:
    return tok.is_punct or tok.is_space


def _with_split_half(ctx: Context, quotes: list[Quote], cue_tok) -> list[Quote]:
    """“…,” X said, “…”: add the quotation right after the attribution clause."""
    last = quotes[-1]
    if last.outer_end > cue_tok.idx:
        return quotes
    clause_end = _clause_end(ctx, cue_tok)
    following = _quote_starting_at(ctx, clause_end, cues.SPLIT_SENTENCE_GLUE)
    return quotes + [following] if following and following not in quotes else quotes


def _clause_end(ctx: Context, cue_tok) -> int:
    """End of the attribution clause: the last token of the cue's subtree outside quotes."""
    lo, hi = paragraph_bounds(ctx.text, cue_tok.idx)
    ends = [
        t.idx + len(t) for t in cue_tok.subtree
        if ctx.quote_at(t) is None and not t.is_space and lo <= t.idx < hi
    ]
    return max(ends) if ends else cue_tok.idx + len(cue_tok)


def _quote_starting_at(ctx: Context, pos: int, glue=cues.SPLIT_GLUE) -> Quote | None:
    for q in ctx.quotes:
        gap = ctx.text[pos:q.outer_start]
        if q.outer_start >= pos and all(ch in glue for ch in gap):
            return q
    return None


def _quote_ending_at(ctx: Context, pos: int) -> Quote | None:
    for q in reversed(ctx.quotes):
        gap = ctx.text[q.outer_end:pos]
        if q.outer_end <= pos and all(ch in cues.QUOTE_GLUE for ch in gap):
            return q
    return None


def adjacent_quotes(ctx: Context, cue_tok, speaker: Span | None) -> list[Quote]:
    """Quotations right before and/or right after the attribution clause."""
    starts = [cue_tok.idx] + ([speaker.start] if speaker else [])
    before = _quote_ending_at(ctx, min(starts))
    glue = cues.SPLIT_SENTENCE_GLUE if before else cues.SPLIT_GLUE
    after = _quote_starting_at(ctx, _clause_end(ctx, cue_tok), glue)
    return [q for q in (before, after) if q is not None]


def next_paragraph_block(ctx: Context, cue_tok) -> Span | None:
    """"Limbaugh added:" ending its line: what is said is the next paragraph (a block quotation,
    with or without marks)."""
    lo, hi = paragraph_bounds(ctx.text, cue_tok.idx)
    if not ctx.text[lo:hi].rstrip().endswith(cues.COLON) or ctx.text[_clause_end(ctx, cue_tok):hi].strip() not in ("", cues.COLON):
        return None
    start = hi
    while start < len(ctx.text) and ctx.text[start].isspace():
        start += 1
    if start >= len(ctx.text):
        return None
    q = ctx.quote_of_char.get(start)
    if q is not None and q.outer_start == start:
        return quote_span(ctx, q)
    _, end = paragraph_bounds(ctx.text, start)
    return span(ctx.text, start, end)
