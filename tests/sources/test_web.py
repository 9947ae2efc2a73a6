"""URLs and files of URLs, fetched from a local HTTP server on 127.0.0.1 (never the internet)."""
from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources import count_inputs, read_articles
from sayso.sources import web
from .sources_util import ARTICLE_PAGE, PAGE_DATE_META, PARAGRAPHS, RSS, only, write

PAGE = ARTICLE_PAGE.format(date_meta=PAGE_DATE_META)
NO_CANONICAL = PAGE.replace('<link rel="canonical" href="https://news.example.com/2016/09/minister-warns">', "")


class Site:
    """Routes: path -> (status, headers, body, seconds to wait before the body)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
        self.agents: list[str] = []

    def add(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8", status: int = 200,
            headers: dict[str, str] | None = None, delay: float = 0.0) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = (status, {"Content-Type": content_type, **(headers or {})}, data, delay)


@pytest.fixture
def site(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            state.agents.append(self.headers.get("User-Agent", ""))
            status, headers, body, delay = state.routes.get(self.path, (404, {"Content-Type": "text/html"}, b"nope", 0.0))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if "Content-Length" not in headers and "Transfer-Encoding" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            time.sleep(delay)
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):  # keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


def test_html_page_by_url(site):
    site.add("/article", PAGE)
    article = only(list(read_articles([f"{site.base}/article"])))
    assert isinstance(article, Article), article
    assert (article.url, article.published, article.source) == (
        "https://news.example.com/2016/09/minister-warns", "2016-09-12", "Example News")
    assert all(paragraph in article.text for paragraph in PARAGRAPHS)
    assert site.agents == [web.USER_AGENT] and web.USER_AGENT.startswith("sayso/")


def test_redirect_is_followed_and_the_final_url_kept(site):
    site.add("/old", "", status=301, headers={"Location": "/new"})
    site.add("/new", NO_CANONICAL)
    assert only(list(read_articles([f"{site.base}/old"]))).url == f"{site.base}/new"


def test_legacy_charset_from_the_http_header(site):
    site.add("/latin", NO_CANONICAL.replace('<meta charset="utf-8">', "").replace("defence", "défence").encode("latin-1"),
             content_type="text/html; charset=ISO-8859-1")
    assert "défence" in only(list(read_articles([f"{site.base}/latin"]))).text


def test_feed_by_url(site):
    site.add("/feed", RSS, content_type="application/rss+xml")
    items = list(read_articles([f"{site.base}/feed"]))
    assert len(items) == 4 and items[0].url == "https://news.example.com/2016/09/minister-warns"


def test_plain_text_by_url_follows_the_text_rules(site):
    site.add("/notes.txt", " date 2023-02-02 Title\nBody.", content_type="text/plain; charset=utf-8")
    article = only(list(read_articles([f"{site.base}/notes.txt"])))
    assert (article.text, article.published, article.url) == ("Title\nBody.", "2023-02-02", f"{site.base}/notes.txt")


@pytest.mark.parametrize("path, route, reason", [
    ("/missing", None, "HTTP 404 Not Found"),
    ("/error", ("boom", "text/html", 500), "HTTP 500 Internal Server Error"),
    ("/logo.png", (b"\x89PNG\r\n", "image/png", 200), "unsupported content type 'image/png' (expected HTML, a feed or plain text)"),
    ("/nav", ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "text/html", 200), "no article text found in HTML"),
])
def test_bad_pages_are_one_error_naming_the_url(site, path, route, reason):
    if route:
        site.add(path, route[0], content_type=route[1], status=route[2])
    url = f"{site.base}{path}"
    assert list(read_articles([url])) == [SourceError(url, reason)]


def test_page_over_the_size_limit(site, monkeypatch):
    from sayso.sources import files

    monkeypatch.setattr(files, "MAX_DOCUMENT_BYTES", 5000)
    site.add("/big", "x" * 6000)
    site.add("/chunked", "y" * 6000, headers={"Content-Length": "100000000"})
    items = list(read_articles([f"{site.base}/big", f"{site.base}/chunked"]))
    assert [item.reason for item in items] == ["page too large (over 5000 bytes, the limit for one page)"] * 2


def test_slow_server_times_out(site, monkeypatch):
    monkeypatch.setattr(web, "READ_TIMEOUT", 0.3)
    site.add("/slow", PAGE, delay=2.0)
    started = time.monotonic()
    assert list(read_articles([f"{site.base}/slow"])) == [SourceError(f"{site.base}/slow", "timed out (no answer within 0.3 s)")]
    assert time.monotonic() - started < 2.0


def test_redirect_loop(site):
    site.add("/loop", "", status=302, headers={"Location": "/loop"})
    assert only(list(read_articles([f"{site.base}/loop"]))).reason == "more than 5 redirects"


def test_connection_refused_is_one_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the request: nothing listens
    url = f"http://127.0.0.1:{port}/x"
    error = only(list(read_articles([url])))
    assert error.path == url and error.reason.startswith("cannot fetch (ConnectionError:")


@pytest.mark.parametrize("url, scheme", [("ftp://example.com/a.txt", "ftp"), ("postgresql://user@host/db", "postgresql"),
                                         ("file:///etc/passwd", "file")])
def test_other_schemes_are_refused_never_mangled_into_paths(tmp_path, monkeypatch, url, scheme):
    monkeypatch.chdir(tmp_path)
    assert list(read_articles([url])) == [SourceError(url, f"unsupported URL scheme {scheme!r} (expected http or https)")]
    assert list(tmp_path.iterdir()) == []  # nothing created or looked up as a path


@pytest.mark.parametrize("name", ["list.urls", "list.txt"])
def test_file_of_urls(site, tmp_path, name):
    site.add("/a", NO_CANONICAL)
    site.add("/feed", RSS, content_type="application/rss+xml")
    path = write(tmp_path, name, f"# today's reading\n{site.base}/a\n\n{site.base}/missing\n{site.base}/feed\n")
    items = list(read_articles([path]))
    assert items[0].url == f"{site.base}/a"
    assert items[1] == SourceError(f"{site.base}/missing", "HTTP 404 Not Found")
    assert len(items) == 2 + 4
    assert count_inputs(path) == 3


def test_urls_file_that_is_not_a_list(tmp_path):
    path = write(tmp_path, "list.urls", "https://x.test/a\nnot a url\n")
    assert only(list(read_articles([path]))) == SourceError(
        str(path), "not a list of URLs (one http:// or https:// URL a line, # for comments)")


def test_text_file_mentioning_urls_is_still_an_article(tmp_path):
    path = write(tmp_path, "notes.txt", " date 2023-02-02 See https://x.test/a\nThe minister said so.")
    assert only(list(read_articles([path]))).text == "See https://x.test/a\nThe minister said so."
