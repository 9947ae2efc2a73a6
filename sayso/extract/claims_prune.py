"""Pruning the rules' claims: one claim per content, no claims by a poll's respondents."""
from __future__ import annotations

from ..records import Claim, Span
from . import cues


def drop_poll_respondents(claims: list[Claim]) -> list[Claim]:
    """"In a CNN poll, 37 percent of Americans say ...": the poll is the source (PolNeAR leaves
    the respondents' "say" inside the poll's content unannotated; measured: any speaker)."""
    polls = [s for c in claims if _is_poll(c.speaker) for s in c.content]
    return [c for c in claims if _is_poll(c.speaker) or c.speaker is None or c.cue is None
            or not any(s.start <= c.cue.start and c.cue.end <= s.end for s in polls)]


def _is_poll(speaker: Span | None) -> bool:
    return speaker is not None and any(w.lower().rstrip("s") in cues.SURVEY_NOUNS for w in speaker.text.split())


def dedupe(claims: list[Claim]) -> list[Claim]:
    """One claim per content: when two cues took the same content (a cue with no clause of
    its own falls back to an adjacent quote another cue reports), the nearer cue keeps it."""
    best: dict[tuple, Claim] = {}
    for c in claims:
        key = tuple((s.start, s.end) for s in c.content)
        if key not in best or _cue_distance(c) < _cue_distance(best[key]):
            best[key] = c
    kept = {id(c) for c in best.values()}
    return [c for c in claims if id(c) in kept]


def _cue_distance(claim: Claim) -> int:
    """Characters between the cue and the content (0 when they touch or overlap)."""
    if claim.cue is None:
        return cues.NO_CUE_DISTANCE
    lo, hi = claim.content[0].start, claim.content[-1].end
    return max(0, lo - claim.cue.end, claim.cue.start - hi)
