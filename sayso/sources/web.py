"""URLs and files of URLs: each page fetched (bounded in time and size) and read like a file.

A command-line argument with a scheme (``https://…``) is a URL, never a path. Only http and https
are fetched; other schemes are refused by name. A page is read by its content type: HTML through
trafilatura (html.py), RSS/Atom through feedparser (feeds.py), plain text like a ``.txt`` file.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

from sayso import __version__
from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, Where
from sayso.sources.feeds import feed_articles, looks_like_feed
from sayso.sources import files
from sayso.sources.files import Found, decode_text, read_text, too_large
from sayso.sources.html import html_article
from sayso.sources.text import text_article

URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
HTTP_URL = re.compile(r"https?://\S+", re.IGNORECASE)
FETCHED_SCHEMES = frozenset({"http", "https"})
USER_AGENT = f"sayso/{__version__} (news ledger; reads one page per article)"
CONNECT_TIMEOUT = 10.0  # seconds to connect
READ_TIMEOUT = 30.0  # seconds without a byte
TOTAL_TIMEOUT = 60.0  # seconds for the whole page
MAX_REDIRECTS = 5
ACCEPT = "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, text/xml;q=0.9, text/plain;q=0.8"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/xml", "text/xml", "application/feed+xml"})


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    content_type: str  # "text/html", lower case, no parameters
    charset: str | None
    data: bytes


def is_url(argument: str) -> bool:
    """True for an argument with a URL scheme (``https://``, ``ftp://``, ``postgresql://``)."""
    return URL_SCHEME.match(argument) is not None


def read_url(url: str, options: Options) -> Iterator[Article | SourceError]:
    """The article(s) at a URL: one for a page, one per entry for a feed; or why there are none."""
    scheme = URL_SCHEME.match(url)
    if scheme is None or scheme.group(1).lower() not in FETCHED_SCHEMES:
        name = scheme.group(1) if scheme else ""
        yield SourceError(url, f"unsupported URL scheme {name!r} (expected http or https)")
        return
    try:
        page = fetch(url)
    except SourceError as error:
        yield error
        return
    yield from _page_articles(url, page, options)


def fetch(url: str) -> Page:
    """GET ``url`` with sayso's user agent, at most ``MAX_DOCUMENT_BYTES`` and ``TOTAL_TIMEOUT`` s.

    Raises ``SourceError`` (naming the URL) for an HTTP error status, a timeout, a page too
    large, too many redirects or a network failure.
    """
    import requests

    session = requests.Session()
    session.max_redirects = MAX_REDIRECTS
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    try:
        with session.get(url, headers=headers, timeout=(CONNECT_TIMEOUT, READ_TIMEOUT), stream=True) as response:
            if response.status_code >= 400:
                raise SourceError(url, f"HTTP {response.status_code} {response.reason or ''}".rstrip())
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > files.MAX_DOCUMENT_BYTES:
                raise too_large(url, files.MAX_DOCUMENT_BYTES, what="page")
            data = _bounded_body(url, response)
            ctype, charset = _content_type(response.headers.get("Content-Type", ""))
            return Page(response.url or url, ctype, charset, data)
    except requests.exceptions.Timeout:
        raise SourceError(url, f"timed out (no answer within {READ_TIMEOUT:g} s)") from None
    except requests.exceptions.ConnectionError as error:
        if _timed_out(error):  # a read timeout while streaming the body comes wrapped
            raise SourceError(url, f"timed out (no answer within {READ_TIMEOUT:g} s)") from None
        raise SourceError(url, f"cannot fetch (ConnectionError: {_short(error)})") from None
    except requests.exceptions.TooManyRedirects:
        raise SourceError(url, f"more than {MAX_REDIRECTS} redirects") from None
    except requests.exceptions.RequestException as error:
        raise SourceError(url, f"cannot fetch ({type(error).__name__}: {_short(error)})") from None
    finally:
        session.close()


def _timed_out(error: Exception) -> bool:
    from urllib3.exceptions import ReadTimeoutError

    return any(isinstance(arg, ReadTimeoutError) for arg in error.args)


def _bounded_body(url: str, response) -> bytes:
    deadline = time.monotonic() + TOTAL_TIMEOUT
    data = bytearray()
    for chunk in response.iter_content(64 * 1024):
        data += chunk
        if len(data) > files.MAX_DOCUMENT_BYTES:
            raise too_large(url, files.MAX_DOCUMENT_BYTES, what="page")
        if time.monotonic() > deadline:
            raise SourceError(url, f"took longer than {TOTAL_TIMEOUT:g} s to download")
    return bytes(data)


def _content_type(header: str) -> tuple[str, str | None]:
    kind, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return kind.strip().lower(), charset


def _page_articles(url: str, page: Page, options: Options) -> Iterator[Article | SourceError]:
    kind = page.content_type
    try:
        if kind in FEED_TYPES or (kind.endswith("+xml") and kind not in HTML_TYPES) or looks_like_feed(page.data):
            yield from feed_articles(url, page.data, options, base_url=page.url)
        elif kind in HTML_TYPES or not kind:
            html = decode_text(url, page.data, html=True, declared=page.charset)
            yield html_article(Where(url), html, options, url=page.url)
        elif kind == "text/plain":
            yield text_article(url, decode_text(url, page.data, declared=page.charset), options)
        else:
            yield SourceError(url, f"unsupported content type {kind!r} (expected HTML, a feed or plain text)")
    except SourceError as error:
        yield error


def _short(error: Exception, most: int = 200) -> str:
    text = str(error)
    return text if len(text) <= most else text[: most - 1] + "…"


# --- files of URLs ---------------------------------------------------------------------------------


def url_list(text: str) -> list[str] | None:
    """The URLs of a URL list (one http(s) URL a line; blank lines and ``#`` comments allowed), else None."""
    lines = [line.strip() for line in text.splitlines()]
    urls = [line for line in lines if line and not line.startswith("#")]
    if urls and all(HTTP_URL.fullmatch(line) for line in urls):
        return urls
    return None


def read_url_list_file(found: Found, options: Options) -> Iterator[Article | SourceError]:
    """The articles of every URL in a ``.urls`` file (one URL a line, ``#`` comments)."""
    try:
        text = read_text(found)
    except SourceError as error:
        yield error
        return
    urls = url_list(text)
    if urls is None:
        yield SourceError(found.shown, "not a list of URLs (one http:// or https:// URL a line, # for comments)")
        return
    yield from read_urls(urls, options)


def read_urls(urls: list[str], options: Options) -> Iterator[Article | SourceError]:
    for url in urls:
        yield from read_url(url, options)
