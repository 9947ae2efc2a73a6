"""Forecasts: the board (due, overdue, open, no deadline, resolved), one forecast with its history,
and resolving it with an outcome, evidence and a note (a write: needs the token, see :mod:`.security`)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, Field

from ...errors import SaysoError
from ...ledger.browse import board_columns
from ...ledger.forecasts import HEDGING_PROBABILITY, OUTCOMES
from .context import AsOf, DateText, PageNo, PerPage, Text, WebError, as_json, blank, ledger, render, when
from .marks import window
from .security import READ_ONLY, SESSION_COOKIE, same_origin
from .signin import sign_in

router = APIRouter(tags=["forecasts"])
ForecastId = Annotated[int, Path(ge=1, le=2**62, description="The forecast's id.")]
Status = Annotated[str | None, Query(max_length=20, description="One column: due, overdue, open, no-deadline, resolved "
                                                               "(those the ledger knows).")]
Hedging = Annotated[str | None, Query(max_length=20, description=f"Only {', '.join(HEDGING_PROBABILITY)} forecasts.")]
MAX_EVIDENCE, MAX_NOTE, MAX_NAME = 2000, 4000, 100


def board_data(request, status, speaker, as_of, due_before, hedging, q, page, per_page) -> dict:
    return ledger(request).browse.forecast_board(
        status=blank(status), speaker=blank(speaker), as_of=when(request, as_of), due_before=blank(due_before),
        hedging=blank(hedging), q=blank(q), page=page, per_page=per_page)


@router.get("/api/forecasts", summary="The forecast board")
def api_forecasts(request: Request, status: Status = None, speaker: Text = None, as_of: AsOf = None,
                  due_before: DateText = None, hedging: Hedging = None, q: Text = None, page: PageNo = 1,
                  per_page: PerPage = 20):
    """Forecasts with their status on ``as_of`` (``columns``: how many in each column of the board),
    filtered by predictor, deadline before a date, hedging and words; one page of one column
    (``status``) or of all, soonest deadline first."""
    return as_json(board_data(request, status, speaker, as_of, due_before, hedging, q, page, per_page))


@router.get("/forecasts", include_in_schema=False)
def page_forecasts(request: Request, status: Status = None, speaker: Text = None, as_of: AsOf = None,
                   due_before: DateText = None, hedging: Hedging = None, q: Text = None, page: PageNo = 1,
                   per_page: PerPage = 20):
    data = board_data(request, status, speaker, as_of, due_before, hedging, q, page, per_page)
    form = {"status": status or "", "speaker": speaker or "", "as_of": as_of or "", "due_before": due_before or "",
            "hedging": hedging or "", "q": q or ""}
    return render(request, "forecasts.html", active="forecasts", data=data, form=form, window=window,
                  columns=board_columns(), hedgings=tuple(HEDGING_PROBABILITY))


def forecast_data(request: Request, forecast_id: int, as_of: str | None) -> dict:
    found = ledger(request).browse.forecast(forecast_id, as_of=when(request, as_of))
    if found is None:
        raise WebError(404, f"no forecast with id {forecast_id}")
    return found


@router.get("/api/forecasts/{forecast_id}", summary="One forecast with its resolution history")
def api_forecast(request: Request, forecast_id: ForecastId, as_of: AsOf = None):
    """The forecast (predictor, words, hedging, window, status on ``as_of``), its words in context, and
    every resolution recorded for it, oldest first (the last one is current)."""
    return as_json(forecast_data(request, forecast_id, as_of))


EVIDENCE_SHOWN = 10
"""Items of evidence on a forecast's page: the test articles rank the settling report first, and a
person reads the first few before resolving; the API gives more with ``limit``."""


def evidence_data(request: Request, forecast_id: int, limit: int = EVIDENCE_SHOWN) -> list[dict]:
    """The ranked evidence for one forecast (404 for an unknown forecast); it resolves nothing."""
    try:
        return ledger(request).evidence(forecast_id, limit)
    except SaysoError as exc:
        raise WebError(404, str(exc)) from None


@router.get("/api/forecasts/{forecast_id}/evidence", summary="Evidence that bears on one forecast")
def api_evidence(request: Request, forecast_id: ForecastId,
                 limit: Annotated[int, Query(ge=0, le=100, description="At most this many items.")] = EVIDENCE_SHOWN):
    """Events and claims of later articles that bear on the forecast, best first, each `supporting` or
    `contradicting` it with a score (0..1) and the reasons; a person confirms with a resolution."""
    return as_json({"forecast_id": forecast_id, "items": evidence_data(request, forecast_id, limit)})


def forecast_page(request: Request, forecast_id: int, as_of: str | None, status: int = 200, **extra):
    found = forecast_data(request, forecast_id, as_of)
    return render(request, "forecast.html", status=status, active="forecasts", f=found, window=window,
                  outcomes=OUTCOMES, evidence=evidence_data(request, forecast_id), **extra)


@router.get("/forecasts/{forecast_id}", include_in_schema=False)
def page_forecast(request: Request, forecast_id: ForecastId, as_of: AsOf = None, resolved: bool = False,
                  evidence: Annotated[str | None, Query(max_length=200)] = None):
    """One forecast; ``evidence`` (an article id picked from the evidence panel) fills the form's field."""
    form = {"evidence": evidence} if evidence else None
    return forecast_page(request, forecast_id, as_of, notice="Resolution recorded." if resolved else None,
                         form=form)


class Resolution(BaseModel):
    """An outcome for one forecast, with the evidence that settles it."""

    outcome: str = Field(max_length=20, description=f"One of {', '.join(OUTCOMES)}.")
    evidence: str = Field(max_length=MAX_EVIDENCE, description="An http(s) URL, or the id of an article in the ledger.")
    note: str | None = Field(None, max_length=MAX_NOTE)
    by: str | None = Field(None, max_length=MAX_NAME, description="Who resolves (recorded as web:NAME).")


def resolve(request: Request, forecast_id: int, body: Resolution) -> dict:
    """Record the resolution (LedgerError: 400 with the reason; an unknown forecast: 404)."""
    who = f"web:{body.by.strip()}" if body.by and body.by.strip() else "web"
    try:
        return ledger(request).resolve(forecast_id, body.outcome.strip(), body.evidence, blank(body.note), who=who)
    except SaysoError as exc:
        status = 404 if str(exc).startswith("no forecast") else 400
        raise WebError(status, str(exc)) from None


@router.post("/api/forecasts/{forecast_id}/resolve", summary="Resolve a forecast (needs the token)",
             responses={401: {"description": "no token sent"}, 403: {"description": "wrong token, or read-only"}})
def api_resolve(request: Request, forecast_id: ForecastId, body: Resolution):
    """Record an outcome with evidence for one forecast; earlier resolutions stay as its history.
    Send the server's token as ``Authorization: Bearer TOKEN`` (cookies are not accepted here)."""
    guard = request.app.state.site.guard
    if not guard.writable:
        raise WebError(403, READ_ONLY)
    if not request.headers.get("authorization"):
        raise WebError(401, "send the token as 'Authorization: Bearer TOKEN'")
    if not guard.bearer_ok(request):
        raise WebError(403, "wrong token")
    return as_json(resolve(request, forecast_id, body))


@router.post("/forecasts/{forecast_id}/resolve", include_in_schema=False)
def form_resolve(request: Request, forecast_id: ForecastId, outcome: Annotated[str, Form(max_length=20)] = "",
                 evidence: Annotated[str, Form(max_length=MAX_EVIDENCE)] = "",
                 note: Annotated[str, Form(max_length=MAX_NOTE)] = "", by: Annotated[str, Form(max_length=MAX_NAME)] = "",
                 csrf: Annotated[str, Form(max_length=200)] = "", token: Annotated[str, Form(max_length=500)] = ""):
    guard = request.app.state.site.guard
    session = request.cookies.get(SESSION_COOKIE)
    if not guard.writable:
        raise WebError(403, READ_ONLY)
    if not same_origin(request) or not guard.check_csrf(session, csrf):
        raise WebError(403, "the form expired or came from another site (CSRF check failed): reload the page")
    if not (guard.signed_in(request) or guard.token_matches(token)):
        raise WebError(403, "wrong or missing token: type the server's token to resolve")
    form = {"outcome": outcome, "evidence": evidence, "note": note, "by": by}
    try:
        resolve(request, forecast_id, Resolution(**form))
    except WebError as exc:
        if exc.status == 404:
            raise
        return forecast_page(request, forecast_id, None, status=exc.status, error=exc.message, form=form)
    response = RedirectResponse(f"/forecasts/{forecast_id}?resolved=1", status_code=303)
    if token and not guard.signed_in(request):
        sign_in(response, guard, session)
    return response
