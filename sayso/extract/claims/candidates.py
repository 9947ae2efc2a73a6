"""The rules' candidate claims of one article, each with the rule that made it.

1. quotations are found in the raw text (:mod:`.quotes`);
2. verb cues (:mod:`.rules.verbs`), "according to X" (:mod:`.rules.according`), "Speaker:"
   lines, cue nouns and stance adjectives each yield claims;
3. one claim per content is kept (:mod:`.rules.prune`), none by a poll's respondents;
4. quotations still unattributed are attributed by a headline pattern or, when they open a
   paragraph and are long enough, to the previous claim's speaker (:mod:`.rules.uncued`).
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...records import Claim
from ..datelines import dateline_spans
from ..spans import span
from .context import Candidate, Context
from .quotes import find_quotes
from .rules.according import according_claims
from .rules.adjectives import adjective_claims
from .rules.nouns import noun_claims
from .rules.prune import dedupe, drop_poll_respondents
from .rules.uncued import colon_claims, quote_claims
from .rules.verbs import verb_claims

if TYPE_CHECKING:
    from ..models import Models


def rule_candidates(doc, text: str, models: Models) -> tuple[Context, list[Candidate]]:
    """The rules' candidates; ``ctx.cue_probs`` holds the cue model's probability of each cue verb."""
    ctx = Context(doc, text, find_quotes(text), models.cue_model, models.extractor("claims"))
    found = [*_made("verb", verb_claims(ctx)), *_made("according", according_claims(ctx)),
             *_made("colon", colon_claims(ctx))]
    found += _made("noun", noun_claims(ctx))
    found += _made("adj", adjective_claims(ctx))
    found = drop_poll_respondents(dedupe(found))
    claims, quoted = quote_claims(ctx, [f.claim for f in found])
    found = [replace(f, claim=c) for f, c in zip(found, claims)] + _made("quote", quoted)
    return ctx, found


def _made(origin: str, claims) -> list[Candidate]:
    return [Candidate(claim, origin) for claim in claims]


def settle_speakers(ctx: Context, found: list[Candidate]) -> list[Candidate]:
    """Speakers never start in a dateline ("WASHINGTON -- President Obama, dedicating …, said":
    the parser makes WASHINGTON the subject; such a speaker starts after it, or is blank), and
    never lie inside a quotation their cue is outside of ("… on Fox News’s “**Fox** and Friends”":
    blank)."""
    lines = dateline_spans(ctx.text)
    return [replace(f, claim=_unquoted(ctx, _trimmed(ctx.text, f.claim, lines))) for f in found]


def _unquoted(ctx: Context, claim: Claim) -> Claim:
    s, cue = claim.speaker, claim.cue
    q = ctx.quote_of_char.get(s.start) if s is not None else None
    if q is None or cue is None or not (q.start <= s.start and s.end <= q.end):
        return claim
    return claim if q.start <= cue.start < q.end else replace(claim, speaker=None)


def _trimmed(text: str, claim: Claim, lines: list[tuple[int, int]]) -> Claim:
    s = claim.speaker
    line = next(((a, b) for a, b in lines if s is not None and a <= s.start < b), None)
    if line is None:
        return claim
    return replace(claim, speaker=span(text, line[1], s.end) if s.end > line[1] else None)
