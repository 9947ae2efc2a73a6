"""Combine the rules' claims with the CRF tagger (:mod:`.tagger`).

The rules find more attributions; the tagger is more precise. For one doc:

1. a rule cue inside a longer confident tagged CUE run ending in the preposition
   that introduces the content takes the run ("spoke" -> "spoke about",
   "railing" -> "railing against"); other runs ("said on CNN", "said Friday")
   were measured worse on dev;
2. the tagger adds claims for the cues the rules missed
   (:func:`.tagger.claims_from_runs`), nested attributions included.

Rule claims the tagger sees nested in someone else's content ("Fields said she
... **to show** that ...") used to be dropped here; that is now one feature of
the trained filter (:mod:`.filter`), which decides what is kept. Rule
speakers and contents are kept: the tagger's were measured worse where they
differ. Without the tagger model, the rule claims come back unchanged.
"""
from __future__ import annotations

from dataclasses import replace

from typing import TYPE_CHECKING

from ....records import Claim, Span
from ...spans import sentence_index
from ..context import TAGGER, Candidate
from .tagger import CUE, Run, Tagging, claims_from_runs, run_confidence, run_span, tag_doc

if TYPE_CHECKING:
    from ...models import Models

CUE_EXTEND_MIN = 0.6      # mean CUE marginal a tagged run needs to replace a rule cue inside it ...
CUE_EXTEND_LAST_POS = frozenset({"ADP"})  # ... ending in a preposition that introduces the content


def tag(doc, models: Models) -> Tagging | None:
    """The tagger's view of ``doc`` (None without the model, or for an empty doc)."""
    tagger = models.tagger
    return None if tagger is None or len(doc) == 0 else tag_doc(doc, tagger, models.cue_model.lexicon)


def combine(doc, text: str, found: list[Candidate], tagging: Tagging | None, extractor: str) -> list[Candidate]:
    """The rules' candidates revised by the tagger, plus the tagger's own claims (``extractor``:
    the claims stage's version); without a tagging, ``found`` as it is."""
    if tagging is None:
        return found
    return combine_tagged(doc, text, found, tagging, extractor)


def combine_tagged(doc, text: str, found: list[Candidate], tagging: Tagging, extractor: str) -> list[Candidate]:
    sent_of = sentence_index(doc)
    kept = [replace(f, claim=extend_cue(doc, text, f.claim, cue_run(doc, f.claim.cue, sent_of), tagging))
            for f in found]
    tagged = claims_from_runs(doc, text, tagging, [f.claim for f in kept], extractor)
    return kept + [Candidate(claim, TAGGER) for claim in tagged]


def cue_run(doc, cue: Span | None, sent_of: list[int]) -> Run | None:
    """The tokens of a rule cue as a CUE run (None for a claim without a cue)."""
    if cue is None:
        return None
    toks = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if toks is None or len(toks) == 0:
        return None
    first, last = toks.start, toks.end - 1
    return Run(CUE, first, last, sent_of[first], sent_of[last])


def _introduces_content(tok, claim: Claim) -> bool:
    """``tok`` is a preposition whose object starts in the claim's content ("spoke about **it**")."""
    return tok.pos_ in CUE_EXTEND_LAST_POS and any(
        s.start <= child.idx < s.end for child in tok.children for s in claim.content)


def extend_cue(doc, text: str, claim: Claim, run: Run | None, tagging: Tagging) -> Claim:
    """The claim with the one confident tagged CUE run holding its cue, when that run is longer
    and ends in the preposition of the content."""
    if run is None:
        return claim
    tagged = [r for r in tagging.runs if r.label == CUE and r.first <= run.last and run.first <= r.last
              and run_confidence(r, tagging) >= CUE_EXTEND_MIN]
    if len(tagged) != 1:
        return claim
    if not _introduces_content(doc[tagged[0].last], claim):
        return claim
    cue = run_span(doc, text, tagged[0])
    if cue is None or not (cue.start <= claim.cue.start and claim.cue.end <= cue.end) or cue == claim.cue:
        return claim
    return replace(claim, cue=cue)
