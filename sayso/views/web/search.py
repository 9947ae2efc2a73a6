"""Search: full-text over claims and articles with the matched words marked (``/search``, ``/api/search``)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ...ledger.browse import CLAIM_KINDS, SEARCH_SCOPES
from .context import MAX_TEXT, DateText, PageNo, PerPage, as_json, blank, ledger, render

router = APIRouter(tags=["search"])
Kind = Annotated[str | None, Query(max_length=20, description=f"Claims of this kind only: {', '.join(CLAIM_KINDS)}.")]
Scope = Annotated[str, Query(max_length=20, description=f"What to list: {' or '.join(SEARCH_SCOPES)}.")]
Words = Annotated[str | None, Query(max_length=MAX_TEXT, description="Words, all required; the last one may be "
                                                                     "a prefix. Operators and quotes are plain words.")]
SpeakerName = Annotated[str | None, Query(max_length=MAX_TEXT, description="A speaker's name or alias.")]


def search_data(request: Request, q, speaker, since, until, kind, scope, page, per_page) -> dict:
    return ledger(request).browse.search(q=blank(q), speaker=blank(speaker), since=blank(since), until=blank(until),
                                         kind=blank(kind), scope=blank(scope) or "claims", page=page,
                                         per_page=per_page)


@router.get("/api/search", summary="Full-text search over claims and articles")
def api_search(request: Request, q: Words = None, speaker: SpeakerName = None, since: DateText = None,
               until: DateText = None, kind: Kind = None, scope: Scope = "claims", page: PageNo = 1,
               per_page: PerPage = 20):
    """Claims (``scope=claims``) or articles (``scope=articles``) matching every filter, newest first.
    ``claims`` and ``articles`` give both totals; each result carries ``pieces``, its text as
    ``[{"text", "hit"}]`` with the matched words marked (an article's: a snippet; its title: ``title_pieces``)."""
    return as_json(search_data(request, q, speaker, since, until, kind, scope, page, per_page))


@router.get("/search", include_in_schema=False)
def page_search(request: Request, q: Words = None, speaker: SpeakerName = None, since: DateText = None,
                until: DateText = None, kind: Kind = None, scope: Scope = "claims", page: PageNo = 1,
                per_page: PerPage = 20):
    data = search_data(request, q, speaker, since, until, kind, scope, page, per_page)
    return render(request, "search.html", active="search", data=data, kinds=CLAIM_KINDS,
                  scope=blank(scope) or "claims",
                  form={"q": q or "", "speaker": speaker or "", "since": since or "", "until": until or "",
                        "kind": kind or ""})
