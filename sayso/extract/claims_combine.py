"""Combine the rules' claims with the CRF tagger (``claims_tagger``).

The rules find more attributions; the tagger is more precise. For one doc:

1. a rule cue inside a longer confident tagged CUE run ending in the preposition
   that introduces the content takes the run ("spoke" -> "spoke about",
   "railing" -> "railing against"); other runs ("said on CNN", "said Friday")
   were measured worse on dev;
2. the tagger adds claims for the cues the rules missed
   (``claims_tagger.claims_from_runs``), nested attributions included.

Rule claims the tagger sees nested in someone else's content ("Fields said she
... **to show** that ...") used to be dropped here; that is now one feature of
the trained filter (``claims_filter``), which decides what is kept. Rule
speakers and contents are kept: the tagger's were measured worse where they
differ. Without the tagger model, the rule claims come back unchanged.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Claim, Span
from .claims_tagger import CUE, Run, Tagging, claims_from_runs, load_tagger, run_confidence, run_span, tag_doc

CUE_EXTEND_MIN = 0.6      # mean CUE marginal a tagged run needs to replace a rule cue inside it ...
CUE_EXTEND_LAST_POS = frozenset({"ADP"})  # ... ending in a preposition that introduces the content


def tag(doc) -> Tagging | None:
    """The tagger's view of ``doc`` (None without the model, or for an empty doc)."""
    tagger = load_tagger()
    return None if tagger is None or len(doc) == 0 else tag_doc(doc, tagger)


def combine(doc, text: str, claims: list[Claim], tagging: Tagging | None = None) -> list[Claim]:
    """The rule ``claims`` revised by the tagger, plus the tagger's own claims."""
    tagging = tagging if tagging is not None else tag(doc)
    if tagging is None:
        return claims
    return combine_tagged(doc, text, claims, tagging)


def combine_tagged(doc, text: str, claims: list[Claim], tagging: Tagging) -> list[Claim]:
    sent_of = _sentence_index(doc)
    kept = [extend_cue(doc, text, claim, cue_run(doc, claim.cue, sent_of), tagging) for claim in claims]
    return kept + claims_from_runs(doc, text, tagging, kept)


def _sentence_index(doc) -> list[int]:
    out = [0] * len(doc)
    for k, sent in enumerate(doc.sents):
        out[sent.start:sent.end] = [k] * (sent.end - sent.start)
    return out


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
