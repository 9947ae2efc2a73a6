"""Claims: who (speaker) said (cue) what (content), with spans (``docs/claims.md``).

Works on the spaCy parse of ``Article.text``, in three steps:

1. the rules propose candidates (:mod:`.candidates`: quotations, verb, "according to",
   noun and adjective cues, headline and floating quotes);
2. the CRF tagger revises them and adds the attributions the rules missed
   (:mod:`.learned.combine`);
3. a trained filter (:mod:`.learned.filter`) drops unlikely claims, picks each speaker's
   form (or leaves a doubtful one blank) and keeps one claim per content.

The trained models come in as one value (:class:`sayso.extract.models.Models`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ...records import Article, Claim
from .candidates import settle_speakers, rule_candidates
from .attribution import is_attribution, with_speaker
from .kinds import cue_class, is_quote_like
from .learned.combine import combine, tag
from .learned.filter import filter_claims

if TYPE_CHECKING:
    from ..models import Models

__all__ = ["extract_claims", "cue_class", "is_quote_like"]


def extract_claims(doc, article: Article, models: Models, attributions_only: bool = True) -> Iterator[Claim]:
    """Every attribution in ``article`` (``doc`` is the spaCy Doc of ``article.text``), in text order.

    ``attributions_only`` (the ledger's claims) keeps the claims :func:`.attribution.is_attribution`
    accepts that have a speaker ("is expected to", "it is believed" name nobody), each with its
    speaker as found even where the filter doubts the form; False gives
    PolNeAR's broad notion (acts, polls, sourceless passives; doubtful speakers blank), which
    ``sayso eval claims`` scores next to it.
    """
    ctx, found = rule_candidates(doc, article.text, models)
    tagging = tag(doc, models)
    found = settle_speakers(ctx, combine(doc, article.text, found, tagging, models.extractor("claims")))
    claims = filter_claims(doc, article.text, found, tagging, ctx.cue_probs, models.claim_filter,
                           blank_doubtful=not attributions_only)
    if attributions_only:
        claims = [c for c in (with_speaker(doc, article.text, c) for c in claims)
                  if c.speaker is not None and is_attribution(doc, article.text, c)]
    yield from sorted(claims, key=lambda c: (c.start, c.end))
