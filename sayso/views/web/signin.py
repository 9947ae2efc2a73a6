"""Signing in with the server's token, once per browser, and out again (``/login``, ``/logout``)."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from .context import WebError, render
from .security import AUTH_COOKIE, COOKIE_OPTIONS, READ_ONLY, SESSION_COOKIE, Guard, same_origin

router = APIRouter()


def sign_in(response, guard: Guard, session: str) -> None:
    """Mark this browser's session as signed in (an HttpOnly, SameSite=Strict cookie)."""
    response.set_cookie(AUTH_COOKIE, guard.auth_cookie(session), **COOKIE_OPTIONS)


def _checked(request: Request, csrf: str) -> tuple[Guard, str]:
    guard = request.app.state.site.guard
    session = request.cookies.get(SESSION_COOKIE)
    if not guard.writable:
        raise WebError(403, READ_ONLY)
    if not same_origin(request) or not guard.check_csrf(session, csrf):
        raise WebError(403, "the form expired or came from another site (CSRF check failed): reload the page")
    return guard, session


def _local(path: str) -> str:
    """Where to go back to: a path on this site only (never another host)."""
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else "/"


@router.get("/login", include_in_schema=False)
def page_login(request: Request, next: str = "/"):
    return render(request, "login.html", next=_local(next[:500]))


@router.post("/login", include_in_schema=False)
def form_login(request: Request, token: Annotated[str, Form(max_length=500)] = "",
               csrf: Annotated[str, Form(max_length=200)] = "", next: Annotated[str, Form(max_length=500)] = "/"):
    guard, session = _checked(request, csrf)
    if not guard.token_matches(token):
        return render(request, "login.html", status=403, next=_local(next), error="wrong token")
    response = RedirectResponse(_local(next), status_code=303)
    sign_in(response, guard, session)
    return response


@router.post("/logout", include_in_schema=False)
def form_logout(request: Request, csrf: Annotated[str, Form(max_length=200)] = ""):
    _checked(request, csrf)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(AUTH_COOKIE, path="/")
    return response
