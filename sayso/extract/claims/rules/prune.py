"""Pruning the rules' claims: one claim per content, no claims by a poll's respondents."""
from __future__ import annotations

from ....records import Span
from .. import lexicon as cues
from ..context import Candidate


def drop_poll_respondents(found: list[Candidate]) -> list[Candidate]:
    """"In a CNN poll, 37 percent of Americans say ...": the poll is the source (PolNeAR leaves
    the respondents' "say" inside the poll's content unannotated; measured: any speaker)."""
    polls = [s for f in found if _is_poll(f.claim.speaker) for s in f.claim.content]
    return [f for f in found if _is_poll(f.claim.speaker) or f.claim.speaker is None or f.claim.cue is None
            or not any(s.start <= f.claim.cue.start and f.claim.cue.end <= s.end for s in polls)]


def _is_poll(speaker: Span | None) -> bool:
    return speaker is not None and any(w.lower().rstrip("s") in cues.SURVEY_NOUNS for w in speaker.text.split())


def dedupe(found: list[Candidate]) -> list[Candidate]:
    """One claim per content: when two cues took the same content (a cue with no clause of
    its own falls back to an adjacent quote another cue reports), the nearer cue keeps it."""
    best: dict[tuple, int] = {}
    for i, f in enumerate(found):
        key = tuple((s.start, s.end) for s in f.claim.content)
        if key not in best or _cue_distance(f.claim) < _cue_distance(found[best[key]].claim):
            best[key] = i
    kept = set(best.values())
    return [f for i, f in enumerate(found) if i in kept]


def _cue_distance(claim) -> int:
    """Characters between the cue and the content (0 when they touch or overlap)."""
    if claim.cue is None:
        return cues.NO_CUE_DISTANCE
    lo, hi = claim.content[0].start, claim.content[-1].end
    return max(0, lo - claim.cue.end, claim.cue.start - hi)
