"""What every page module shares: the ledger of this thread, the templates, query parameters, errors.

Templates are rendered with autoescape on for every file (HTML and SVG alike): article text is
untrusted and reaches the page only as escaped text; no template uses ``|safe``.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from ...ledger import Ledger
from ...ledger.browse import MAX_PAGE, MAX_PER_PAGE, PER_PAGE
from .marks import window
from .security import SESSION_COOKIE, Guard

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
MAX_TEXT = 200
"""Longest search words, speaker name or filter accepted in a query (longer: 422 with the reason)."""
SAFE_SCHEMES = ("http", "https")

NAV = (("home", "/", "Home"), ("search", "/search", "Search"), ("forecasts", "/forecasts", "Forecasts"),
       ("figures", "/figures", "Figures"), ("speakers", "/speakers", "Speakers"),
       ("articles", "/articles", "Articles"), ("api", "/api", "API"))


class WebError(Exception):
    """A request the ledger cannot answer: its HTTP status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


@dataclass
class Site:
    """One running app: its ledger file, write rules, default as-of day and open connections."""

    db: str
    guard: Guard
    as_of: str | None = None
    local: threading.local = field(default_factory=threading.local)

    def ledger(self) -> Ledger:
        """This thread's open ledger (one connection per server thread; SQLite WAL lets them read at once)."""
        opened = getattr(self.local, "ledger", None)
        if opened is None:
            opened = self.local.ledger = Ledger(self.db)
        return opened


def site(request: Request) -> Site:
    return request.app.state.site


def ledger(request: Request) -> Ledger:
    return site(request).ledger()


# -- query parameters ---------------------------------------------------------------------------

PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1.")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description=f"Items per page (1-{MAX_PER_PAGE}).")]
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
DateText = Annotated[str | None, Query(max_length=10, pattern=DATE_PATTERN,
                                       description="A date: YYYY, YYYY-MM or YYYY-MM-DD.")]
AsOf = Annotated[str | None, Query(max_length=10, pattern=DATE_PATTERN,
                                   description="The day forecast statuses are computed for (default: the "
                                               "server's --as-of, else today).")]
DEFAULT_PER_PAGE = PER_PAGE


def blank(value: str | None) -> str | None:
    """None for a missing or blank form field (an empty filter means no filter)."""
    return value.strip() if value and value.strip() else None


def when(request: Request, value: str | None) -> str | None:
    """The as-of day a request asks for, else the server's default (None: today)."""
    return blank(value) or site(request).as_of


# -- rendering ------------------------------------------------------------------------------------

def safe_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) URL (then a link may point at it), else None: never ``javascript:``."""
    if not value:
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in SAFE_SCHEMES else None


def number(value) -> str:
    """1234567.0 -> "1,234,567"; 0.125 -> "0.125"; None -> ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(safe_url=safe_url, number=number)
    env.globals.update(window=window)
    return env


ENV = environment()


def page_url(request: Request, **params) -> str:
    """This page's path with some query parameters replaced (None: removed), e.g. the next page."""
    query = dict(request.query_params)
    for key, value in params.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = str(value)
    return request.url.path + ("?" + urlencode(query) if query else "")


def render(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
    """The page ``template`` with ``context``, the navigation and the session's write state."""
    here = site(request)
    session = request.cookies.get(SESSION_COOKIE) or getattr(request.state, "new_session", None)
    html = ENV.get_template(template).render(
        request=request, nav=NAV, writable=here.guard.writable, signed_in=here.guard.signed_in(request),
        csrf=here.guard.csrf_token(session), page_url=lambda **kw: page_url(request, **kw),
        default_as_of=here.as_of, **context)
    return HTMLResponse(html, status_code=status)


def as_json(data, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)
