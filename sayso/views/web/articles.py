"""Articles: the list, and one article with every record marked in place (``/articles``, ``/api/articles``)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from .context import DateText, PageNo, PerPage, WebError, as_json, blank, ledger, render
from .marks import LEGEND, segments, window

router = APIRouter(tags=["articles"])
ArticleRef = Annotated[str, Path(max_length=200, description="An article id or a unique id prefix.")]


@router.get("/api/articles", summary="Articles, newest first")
def api_articles(request: Request, since: DateText = None, until: DateText = None, page: PageNo = 1,
                 per_page: PerPage = 20):
    """One page of articles (published in [since, until]): id, title, published, url, source, the
    first lines (``lead``), its length and how many claims, forecasts and figures it has."""
    return as_json(ledger(request).browse.articles(page=page, per_page=per_page, since=blank(since),
                                                   until=blank(until)))


@router.get("/articles", include_in_schema=False)
def page_articles(request: Request, since: DateText = None, until: DateText = None, page: PageNo = 1,
                  per_page: PerPage = 20):
    data = ledger(request).browse.articles(page=page, per_page=per_page, since=blank(since), until=blank(until))
    return render(request, "articles.html", active="articles", data=data,
                  form={"since": since or "", "until": until or ""})


def article_data(request: Request, ref: str) -> dict:
    found = ledger(request).article(ref.strip())
    if found is None:
        raise WebError(404, f"no article matches {ref!r} (an id or a unique id prefix)")
    return found


@router.get("/api/articles/{ref}", summary="One article with every record")
def api_article(request: Request, ref: ArticleRef):
    """The article's text and fields, its extractor versions, and every record with offsets into the
    text: claims (speaker, cue, content parts), mentions, time expressions, figures, forecasts."""
    return as_json(article_data(request, ref))


@router.get("/articles/{ref}", include_in_schema=False)
def page_article(request: Request, ref: ArticleRef):
    found = article_data(request, ref)
    numbers = {c["id"]: n for n, c in enumerate(found["claims"], 1)}
    return render(request, "article.html", active="articles", article=found, segments=segments(found),
                  legend=LEGEND, numbers=numbers, window=window)
