"""The app factory: routes of every page group, the security headers, one clear message per error.

Every error is a 4xx with a one-line message (JSON ``{"error": ..., "status": ...}`` under
``/api``, an error page elsewhere); a 500 means a bug and says so without a traceback.
"""
from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ... import __version__
from ...errors import SaysoError
from ...ledger import Ledger
from . import apidocs, articles, figures, forecasts, home, search, signin, speakers
from .context import STATIC, Site, WebError, as_json, render
from .security import COOKIE_OPTIONS, SECURITY_HEADERS, SESSION_COOKIE, Guard

log = logging.getLogger(__name__)
PAGE_GROUPS = (home, search, articles, speakers, forecasts, figures, signin, apidocs)
API_DESCRIPTION = """Read the ledger as JSON: every page of the web view has its twin under `/api/...`,
paginated with `page` and `per_page`. Writes (resolving a forecast) need the server's token as
`Authorization: Bearer TOKEN`; without a configured token the server is read-only."""


def create_app(db: str | Path, token: str | None = None, as_of: str | None = None) -> FastAPI:
    """The web app over the ledger file ``db`` (which must exist); writes need ``token`` (None: read-only).

    ``as_of`` is the day forecast statuses are computed for when a page does not say (None: today).
    """
    db = str(db)
    if db != ":memory:" and "://" not in db and not Path(db).is_file():
        raise SaysoError(f"{db}: no ledger there (create one with `sayso ingest FILES --db {db}` or `sayso demo`)")
    try:
        with Ledger(db, create="://" not in db):  # migrations run once here, not in the request threads
            pass
    except SaysoError:
        raise
    except Exception as exc:  # sqlite3.DatabaseError: not a ledger file
        raise SaysoError(f"{db}: cannot open the ledger ({exc})") from None
    app = FastAPI(title="sayso", version=__version__, description=API_DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json")
    app.state.site = Site(db=db, guard=Guard(token), as_of=as_of)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for group in PAGE_GROUPS:
        app.include_router(group.router)
    _errors(app)
    _headers(app)
    return app


def _headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        session = request.cookies.get(SESSION_COOKIE)
        request.state.new_session = None if session else app.state.site.guard.new_session()
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        if request.state.new_session and response.headers.get("content-type", "").startswith("text/html"):
            response.set_cookie(SESSION_COOKIE, request.state.new_session, **COOKIE_OPTIONS)
        return response


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str):
    if _wants_json(request):
        return as_json({"error": message, "status": status}, status)
    return render(request, "error.html", status=status, status_code=status, message=message)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")) or "request"
        if error.get("type") == "string_pattern_mismatch":  # the only patterned parameters are dates
            parts.append(f"{where}: not a date {error.get('input')!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        else:
            parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(WebError)
    async def refused(request: Request, exc: WebError):
        return error_response(request, exc.status, exc.message)

    @app.exception_handler(SaysoError)
    async def bad_input(request: Request, exc: SaysoError):
        return error_response(request, 400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, f"internal error ({type(exc).__name__}); this is a bug in sayso")
