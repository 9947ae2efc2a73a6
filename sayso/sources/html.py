"""Saved web pages: the main article text, title and date, extracted with trafilatura."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, make_title, resolve_date
from sayso.sources.dates import ParsedDate, normalise_date

if TYPE_CHECKING:  # trafilatura is imported on first use: it costs ~0.15 s
    from trafilatura.settings import Document

# htmldate settings: trust the page's metadata and original (not "updated") date; no guessing
# from arbitrary text such as a footer's copyright year.
DATE_EXTRACTION = {"extensive_search": False, "original_date": True}
# Extracted text with no line of at least this many words is navigation, not an article.
MIN_PARAGRAPH_WORDS = 12
HTML_DATE_HINT = "the page has no date metadata"
NO_TEXT = "no article text found in HTML"


def read_html_article(path: str, html: str, options: Options) -> Iterator[Article | SourceError]:
    """One article from a saved page: ``Article.text`` is trafilatura's main text (offsets index it).

    The title and date come from the page metadata; ``url`` is the page's canonical URL when it
    declares one, else the file path; ``source`` is the site name.
    """
    try:
        document = _extract(html)
    except Exception as error:  # a parser bug on odd input must not stop a whole run
        yield SourceError(path, f"could not parse HTML ({type(error).__name__}: {error})")
        return
    if document is None or not _looks_like_article(document.text or ""):
        yield SourceError(path, NO_TEXT)
        return
    try:
        own_date = _page_date(document.date)
    except ValueError as error:
        yield SourceError(path, f"{error} in the page metadata")
        return
    yield _page_article(path, document, resolve_date(own_date, options, path, HTML_DATE_HINT))


def _extract(html: str) -> Document | None:
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=DATE_EXTRACTION,
    )


def _looks_like_article(text: str) -> bool:
    return any(len(line.split()) >= MIN_PARAGRAPH_WORDS for line in text.splitlines())


def _page_date(value: str | None) -> ParsedDate | None:
    return normalise_date(value) if value else None


def _page_article(path: str, document: Document, dated: ParsedDate | SourceError) -> Article | SourceError:
    if isinstance(dated, SourceError):
        return dated
    text = document.text
    title = make_title(document.title or "") or make_title(text)
    return Article(text, title, dated[0], dated[1], url=document.url or path, source=document.sitename or None)
