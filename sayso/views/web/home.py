"""Home: counts, the latest articles, forecasts falling due, disputed figures (``/`` and ``/api/home``)."""
from __future__ import annotations

from fastapi import APIRouter, Request

from .context import AsOf, as_json, ledger, render, when

router = APIRouter(tags=["home"])


def home_data(request: Request, day: str | None) -> dict:
    return ledger(request).browse.home(as_of=when(request, day))


@router.get("/api/home", summary="Counts, latest articles, forecasts falling due, disputed figures")
def api_home(request: Request, as_of: AsOf = None):
    """Row counts of the ledger, the six latest articles, forecasts past their deadline awaiting a
    verdict (``due``) and the next deadlines (``upcoming``), the board's column counts on ``as_of``,
    and the first disputed figure groups."""
    return as_json(home_data(request, as_of))


@router.get("/", include_in_schema=False)
def page_home(request: Request, as_of: AsOf = None):
    return render(request, "home.html", active="home", data=home_data(request, as_of))
