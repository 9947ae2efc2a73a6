"""Speakers: who is quoted, and one person or organisation with claims, forecasts and track record."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from .charts import bars, outcome_bars, timeline
from .context import AsOf, PageNo, PerPage, Text, WebError, as_json, blank, ledger, render, when

router = APIRouter(tags=["speakers"])
EntityId = Annotated[int, Path(ge=1, le=2**62, description="The speaker's entity id.")]


@router.get("/api/speakers", summary="People and organisations quoted, most claims first")
def api_speakers(request: Request, q: Text = None, page: PageNo = 1, per_page: PerPage = 20):
    """One page of speakers (``q``: a name or alias): id, name, kind, claims, forecasts, roles, aliases."""
    return as_json(ledger(request).browse.speakers(q=blank(q), page=page, per_page=per_page))


@router.get("/speakers", include_in_schema=False)
def page_speakers(request: Request, q: Text = None, page: PageNo = 1, per_page: PerPage = 20):
    data = ledger(request).browse.speakers(q=blank(q), page=page, per_page=per_page)
    return render(request, "speakers.html", active="speakers", data=data, form={"q": q or ""})


def speaker_data(request: Request, entity_id: int, page: int, per_page: int, day: str | None) -> dict:
    found = ledger(request).browse.speaker(entity_id, page=page, per_page=per_page, as_of=when(request, day))
    if found is None:
        raise WebError(404, f"no speaker with id {entity_id}")
    return found


@router.get("/api/speakers/{entity_id}", summary="One speaker: roles, claims, forecasts, track record")
def api_speaker(request: Request, entity_id: EntityId, page: PageNo = 1, per_page: PerPage = 20,
                as_of: AsOf = None):
    """Name, kind, aliases, roles with the first and last dates they were reported, claims per month,
    one page of claims (newest first), every forecast with its status on ``as_of``, the track record
    (hit rate, Brier score) and outcomes per hedging level."""
    return as_json(speaker_data(request, entity_id, page, per_page, as_of))


@router.get("/speakers/{entity_id}", include_in_schema=False)
def page_speaker(request: Request, entity_id: EntityId, page: PageNo = 1, per_page: PerPage = 20,
                 as_of: AsOf = None):
    data = speaker_data(request, entity_id, page, per_page, as_of)
    return render(request, "speaker.html", active="speakers", person=data,
                  timeline=bars(timeline(data["claims_by_month"])),
                  outcomes=outcome_bars(data["outcomes_by_hedging"]))
