"""Claims without a verb cue: headline quotes ("'quote': Speaker"), "Speaker: content" lines, and
floating quotes (a long quote opening its paragraph continues the previous speaker).

Short uncued quotes are scare quotes and yield nothing.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Iterator

from ....records import Claim, Span
from ...spans import span, token_table, tokens_span
from .. import lexicon as cues
from ..context import Context, paragraph_bounds
from ..attribution import LABEL_WORDS
from ..quotes import Quote
from .content import quote_span


def quote_claims(ctx: Context, claims: list[Claim]) -> tuple[list[Claim], list[Claim]]:
    """Headline quotes, and floating quotes continuing the previous speaker.

    Returns ``claims`` (a floating quote that continues one of them makes a new, longer copy of
    it in its place) and the new claims."""
    covered = [(s.start, s.end) for c in claims for s in c.content]
    claims, found = list(claims), []
    for q in ctx.quotes:
        if _is_used(q, covered):
            continue
        claim = headline_claim(ctx, q)
        if claim is None:
            claim = _floating(ctx, q, claims, found)
        if claim is not None:
            found.append(claim)
    return claims, found


def _floating(ctx: Context, q: Quote, claims: list[Claim], found: list[Claim]) -> Claim | None:
    """A floating quote's new claim; one that continues a claim replaces it in ``claims`` or ``found``."""
    floating = floating_claim(ctx, q, claims + found)
    if floating is None:
        return None
    at, claim = floating
    if at is None:
        return claim
    if at < len(claims):
        claims[at] = claim
    else:
        found[at - len(claims)] = claim
    return None


def _is_used(q: Quote, covered) -> bool:
    """Some claim's content already overlaps the quotation."""
    return any(a < q.end and q.start < b for a, b in covered)


def headline_claim(ctx: Context, q: Quote) -> Claim | None:
    """A short line "'quote': Speaker" or "Speaker: 'quote'"; or a quotation of any length that a
    dash and a name end ("“… our greatest shame.” ― Jane Doe": reader voices, epigraphs)."""
    lo, hi = paragraph_bounds(ctx.text, q.outer_start)
    trailing = trailing_name_claim(ctx, q, hi)
    if trailing is not None:
        return trailing
    if len(ctx.text[lo:hi].split()) > cues.HEADLINE_MAX_WORDS:
        return None
    after, before = ctx.text[q.outer_end:hi], ctx.text[lo:q.outer_start]
    if not before.strip() and _headline_sep(after):
        return _headline(ctx, q, q.outer_end, hi)
    if not after.strip(" .") and _headline_sep(before[::-1]):
        return _headline(ctx, q, lo, q.outer_start)
    return None


def trailing_name_claim(ctx: Context, q: Quote, hi: int) -> Claim | None:
    """The quotation is followed by a dash and a name (≤ ``HEADLINE_SPEAKER_MAX_WORDS`` capitalised
    words) that end its line: that name speaks, the dash is the cue."""
    match = cues.TRAILING_NAME_RE.match(ctx.text, q.outer_end, hi)
    if match is None or len(match.group(1).split()) > cues.HEADLINE_SPEAKER_MAX_WORDS:
        return None
    name = match.group(1).rstrip(".")
    dash = next(i for i in range(q.outer_end, hi) if ctx.text[i] in "—–―-")
    end = match.start(1) + len(name)
    speaker = span(ctx.text, match.start(1), end)
    if speaker is None:
        return None
    cue = Span.of(ctx.text, dash, dash + (2 if ctx.text.startswith("--", dash) else 1))
    return Claim([quote_span(ctx, q)], cue, speaker, "direct", extractor=ctx.extractor)


def _headline_sep(side: str) -> bool:
    stripped = side.lstrip()
    return bool(stripped) and stripped[0] in cues.HEADLINE_SEPARATORS


def _headline(ctx: Context, q: Quote, lo: int, hi: int) -> Claim | None:
    """Speaker in text[lo:hi], on the far side of the separator from the quote."""
    speaker_after = lo == q.outer_end
    seps = [i for i in range(lo, hi) if ctx.text[i] in cues.HEADLINE_SEPARATORS]
    sep = seps[0] if speaker_after else seps[-1]
    speaker = span(ctx.text, sep + 1, hi) if speaker_after else span(ctx.text, lo, sep)
    if speaker is None or len(speaker.text.split()) > cues.HEADLINE_SPEAKER_MAX_WORDS:
        return None
    cue = Span.of(ctx.text, sep, sep + 1)
    return Claim([quote_span(ctx, q)], cue, speaker, "direct", extractor=ctx.extractor)


def floating_claim(ctx: Context, q: Quote, claims: list[Claim]) -> tuple[int | None, Claim] | None:
    """A long quote opening its paragraph, with no cue: the previous speaker goes on. Right after
    a quoting claim it extends that claim's content (PolNeAR annotates a speech running over
    several paragraphs as one attribution): (its index, the longer claim); otherwise it is a
    claim of its own: (None, the claim)."""
    lo, _ = paragraph_bounds(ctx.text, q.outer_start)
    previous = [i for i, c in enumerate(claims) if c.start < q.start and c.speaker is not None]
    opens = not ctx.text[lo:q.outer_start].strip()
    if not opens or not previous or q.words(ctx.text) < cues.FLOATING_QUOTE_MIN_WORDS:
        return None
    at = max(previous, key=lambda i: claims[i].start)
    last = claims[at]
    if last.kind in cues.QUOTING_KINDS and _next_paragraph(ctx.text, last.end, lo):
        return at, replace(last, content=[*last.content, quote_span(ctx, q)])
    return None, Claim([quote_span(ctx, q)], None, last.speaker, "direct", extractor=ctx.extractor)


def _next_paragraph(text: str, end: int, lo: int) -> bool:
    """``lo`` starts the paragraph right after the one holding ``end`` (or the same one)."""
    _, hi = paragraph_bounds(text, max(end - 1, 0))
    return hi >= lo or not text[hi:lo].strip()


def colon_claims(ctx: Context) -> Iterator[Claim]:
    """Title-like lines "Clinton: Trump will reverse Roe v. Wade" (a short name, a colon, a claim),
    and transcript turns inside a quoted transcript ('"WALLACE: Let's start …', each paragraph
    reopening the quotation as a quote running over several paragraphs does)."""
    for i in token_table(ctx.doc).where("text", (cues.COLON,)):
        tok = ctx.doc[i]
        if ctx.quote_at(tok) is None or _opens_turn(ctx, tok):
            claim = colon_claim(ctx, tok)
            if claim is not None:
                yield claim


def _opens_turn(ctx: Context, sep) -> bool:
    """The colon follows the name that opens a quoted paragraph ('"PENCE: Well, look, …')."""
    q = ctx.quote_at(sep)
    lo, _ = paragraph_bounds(ctx.text, sep.idx)
    return not ctx.text[lo:q.outer_start].strip() and cues.QUOTE_MARKS_ALL.isdisjoint(ctx.text[q.start:sep.idx])


def colon_claim(ctx: Context, sep) -> Claim | None:
    lo, hi = paragraph_bounds(ctx.text, sep.idx)
    starts = token_table(ctx.doc).idx  # ascending: the tokens starting in [lo, sep) are one slice
    before = list(ctx.doc[bisect_left(starts, lo):bisect_left(starts, sep.idx)])
    while before and (before[0].is_punct or before[0].is_space):  # the mark reopening a quoted turn
        before = before[1:]
    if not _is_name_phrase(before) or len(ctx.text[sep.idx + 1:hi].split()) < cues.COLON_CONTENT_MIN_WORDS:
        return None
    speaker = tokens_span(ctx.doc, ctx.text, before)
    content = span(ctx.text, sep.idx + 1, hi)
    if speaker is None or content is None:
        return None
    quoted = any(q.start <= content.start + 1 and content.end <= q.outer_end for q in ctx.quotes)
    cue = Span.of(ctx.text, sep.idx, sep.idx + 1)
    return Claim([content], cue, speaker, "direct" if quoted else "indirect", extractor=ctx.extractor)


def _is_name_phrase(tokens) -> bool:
    """A short capitalised phrase with a name in it and no verb: a speaker label. A lone source
    noun is one too ("Poll: Clinton and Trump in dead heat", "Report: …"; PolNeAR train marks
    them as sources; the ledger keeps only named speakers of such lines)."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words or len(words) > cues.COLON_SPEAKER_MAX_WORDS or not words[0].text[:1].isupper():
        return False
    if len(words) == 1 and words[0].lower_ in cues.COLON_SOURCE_NOUNS:
        return True
    if len(words) == 1 and words[0].lower_ in LABEL_WORDS:  # "Correction: …", "Update: …"
        return False
    if len(words) == 1 and words[0].pos_ in ("NOUN", "PROPN") and not words[0].is_upper \
            and words[0].ent_type_ not in cues.NOT_SPEAKER_ENTS:
        return True  # "Sanders: Clinton needs to …" (the tagger reads "Sanders" as a plural noun)
    if any((t.pos_ == "ADP" or t.lower_ in cues.TITLE_PREPOSITIONS) and t.lower_ not in cues.NAME_PREPOSITIONS
           for t in words[1:]):
        return False  # a title or section heading ("Obama on Climate Change: …", "Stealth Over Health: …")
    has_name = any(t.pos_ == "PROPN" for t in words)
    return has_name and not any(t.pos_ in cues.CLAUSE_LIKE_POS or t.like_num for t in words)
