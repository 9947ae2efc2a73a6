"""RSS and Atom feeds (feedparser): one article per entry.

The text is the entry's full content where the feed has it (``content:encoded``, Atom ``<content>``),
else its summary; HTML is turned into text with lxml (paragraphs kept, see html_to_text). The date is the
entry's ``published``, else ``updated``, as written (read like any metadata date); the URL its
link; the author its author; the source the feed's title.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, Where, make_article, own_date, resolve_date
from sayso.sources import files
from sayso.sources.files import Found, read_file_bytes

FEED_DATE_HINT = "the entry has no date"
HTML_TYPES = ("text/html", "application/xhtml+xml")
BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
              "pre", "table", "tr", "section", "article", "header", "footer", "aside", "figure", "figcaption", "hr")
# The start of a feed document, for telling a feed from a page when fetching a URL.
FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL)


def read_feed_file(found: Found, options: Options) -> Iterator[Article | SourceError]:
    """The articles of a feed file (``.rss``, ``.atom``, ``.xml``)."""
    try:
        data = read_file_bytes(found, files.MAX_FEED_BYTES)
    except SourceError as error:
        yield error
        return
    yield from feed_articles(found.shown, data, options)


def looks_like_feed(data: bytes) -> bool:
    """True when a document starts like RSS, Atom or RSS 1.0 (RDF)."""
    return FEED_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")) is not None


def feed_articles(shown: str, data: bytes, options: Options, *, base_url: str | None = None) -> Iterator[Article | SourceError]:
    """One article (or a ``SourceError`` naming the entry) per entry of a feed document."""
    import feedparser

    headers = {"content-location": base_url} if base_url else None
    try:  # bytes in a stream: a str would make feedparser fetch a URL or open a file
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=True)
    except Exception as error:  # a parser bug on odd input must not stop a whole run
        yield SourceError(shown, f"could not parse feed ({type(error).__name__}: {error})")
        return
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield SourceError(shown, "not an RSS or Atom feed" + (f" ({problem})" if problem else ""))
        return
    if not parsed.entries:
        yield SourceError(shown, "feed has no entries")
        return
    source = _text(parsed.feed.get("title_detail"), parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_article(Where(shown, label=f"entry {number}"), entry, source, options)


def _entry_article(where: Where, entry: Any, source: str | None, options: Options) -> Article | SourceError:
    text = _entry_text(entry)
    if not text or not text.strip():
        return where.error("no text (neither content nor summary)")
    date_field = "published" if dict.get(entry, "published") else "updated"  # dict.get: no feedparser key mapping
    own, warnings = own_date(dict.get(entry, date_field), where, f"the entry's {date_field} date")
    return make_article(
        where, text, resolve_date(own, options, where, FEED_DATE_HINT), options,
        title=_text(entry.get("title_detail"), entry.get("title")), url=entry.get("link") or None,
        source=source, author=entry.get("author") or None, warnings=warnings,
    )


def _entry_text(entry: Any) -> str | None:
    """The longest full content of the entry, else its summary, as text."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        return _text(best, best.get("value"))
    return _text(entry.get("summary_detail"), entry.get("summary"))


def _text(detail: Any, value: str | None) -> str | None:
    """A feed value as plain text: HTML (by its declared type) through trafilatura."""
    if not value:
        return None
    kind = (detail or {}).get("type") or "text/html"
    return html_to_text(value) if kind in HTML_TYPES else value


def html_to_text(fragment: str) -> str:
    """An HTML fragment as text: one line per paragraph, list item or line break, spaces collapsed.

    Not trafilatura: on a fragment as short as a feed summary it falls back to a baseline that
    breaks the line at every inline element ("resume\\nnext week\\n." for "resume <b>next week</b>.").
    lxml parses the fragment; block elements start new lines; scripts and styles are dropped
    (feedparser's sanitiser removes them first).
    """
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml on odd input (empty, only a comment, ...): no text rather than a crash
        return ""
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter(*BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
