"""Figures: groups of figures that measure the same thing, disputed ones side by side (``/figures``)."""
from __future__ import annotations

from fastapi import APIRouter, Query, Request
from typing import Annotated

from .charts import value_strip
from .context import PageNo, PerPage, Text, as_json, blank, ledger, render

router = APIRouter(tags=["figures"])
AllGroups = Annotated[bool, Query(description="Every group, not only the disputed ones.")]


def figures_data(request: Request, q: str | None, all_groups: bool, page: int, per_page: int) -> dict:
    return ledger(request).browse.figure_groups(q=blank(q), disputed=not all_groups, page=page, per_page=per_page)


@router.get("/api/figures", summary="Figure groups, disputed first")
def api_figures(request: Request, q: Text = None, all: AllGroups = False, page: PageNo = 1,
                per_page: PerPage = 10):
    """Groups of figures that measure the same thing (``q``: words of the counted thing, subject or
    text), disputed groups only unless ``all``; each group: measure, unit, disputed, min, max and its
    members with value, text, speaker, owner, source, date and article."""
    return as_json(figures_data(request, q, all, page, per_page))


@router.get("/figures", include_in_schema=False)
def page_figures(request: Request, q: Text = None, all: AllGroups = False, page: PageNo = 1,
                 per_page: PerPage = 10):
    data = figures_data(request, q, all, page, per_page)
    charts = {g["group"]: value_strip(g["members"]) for g in data["results"]["items"]}
    return render(request, "figures.html", active="figures", data=data, charts=charts,
                  form={"q": q or "", "all": all})
