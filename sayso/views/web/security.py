"""Who may write, and how a write is protected: the token, sessions, CSRF, the origin, the headers.

- **Read-only** unless a token is configured (``SAYSO_TOKEN`` or ``sayso serve --token``): then
  every write (resolving a forecast, later merges) answers 403 with the reason.
- **The API** takes the token as ``Authorization: Bearer TOKEN`` only, never from a cookie, so a
  page on another site cannot make a browser send it (no CORS is configured).
- **Forms** carry a CSRF token tied to the browser's session cookie (``HMAC(key, session)``, the
  synchronizer-token pattern), the cookies are ``HttpOnly`` and ``SameSite=Strict``, and a POST whose
  ``Origin`` (or ``Referer``) names another host is refused. Signing in (the token typed once, or
  in the form itself) sets a cookie holding ``HMAC(token, session)``: a new token signs everyone out.
- **Headers** on every response: a Content-Security-Policy that allows scripts, styles and
  images from this server only (no inline script, no ``eval``, no plugins, no framing, forms
  posted here only), ``nosniff``, ``Referrer-Policy: same-origin``.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import Request

SESSION_COOKIE = "sayso_session"
AUTH_COOKIE = "sayso_auth"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
READ_ONLY = "this ledger is read-only: start `sayso serve` with SAYSO_TOKEN (or --token) to allow changes"
COOKIE_OPTIONS = {"httponly": True, "samesite": "strict", "path": "/"}


class Guard:
    """The write rules of one running app (``token`` None: read-only)."""

    def __init__(self, token: str | None) -> None:
        self.token = token or None
        self._key = secrets.token_bytes(32)

    @property
    def writable(self) -> bool:
        return self.token is not None

    def _mac(self, key: bytes, message: str) -> str:
        return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()

    def new_session(self) -> str:
        return secrets.token_urlsafe(24)

    def csrf_token(self, session: str | None) -> str:
        """The CSRF token forms of this session carry ("" without a session)."""
        return self._mac(self._key, f"csrf:{session}") if session else ""

    def check_csrf(self, session: str | None, sent: str | None) -> bool:
        expected = self.csrf_token(session)
        return bool(expected and sent) and hmac.compare_digest(expected, sent)

    def token_matches(self, sent: str | None) -> bool:
        return self.token is not None and bool(sent) and hmac.compare_digest(
            sent.encode("utf-8", "surrogatepass"), self.token.encode("utf-8", "surrogatepass"))

    def auth_cookie(self, session: str) -> str:
        """The signed-in cookie's value for this session (only with a token)."""
        return self._mac(self.token.encode("utf-8", "surrogatepass"), f"auth:{session}")

    def signed_in(self, request: Request) -> bool:
        session, sent = request.cookies.get(SESSION_COOKIE), request.cookies.get(AUTH_COOKIE)
        return bool(self.token and session and sent) and hmac.compare_digest(self.auth_cookie(session), sent)

    def bearer_ok(self, request: Request) -> bool:
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        return scheme.lower() == "bearer" and self.token_matches(value.strip())


def same_origin(request: Request) -> bool:
    """False when the POST says it comes from another host (``Origin``, else ``Referer``); absent: True."""
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not claimed:
        return True
    if claimed == "null":
        return False
    return urlsplit(claimed).netloc.lower() == request.headers.get("host", "").lower()
