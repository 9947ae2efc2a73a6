"""Web pages: the main article text, title, date and author, extracted with trafilatura.

Used for saved pages (``.html``), fetched URLs (web.py) and WARC records (warc.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, Where, make_article, make_title, own_date, resolve_date
from sayso.sources.dates import ParsedDate, normalise_date
from sayso.sources.files import Found, read_text

if TYPE_CHECKING:  # trafilatura is imported on first use: it costs ~0.15 s
    from trafilatura.settings import Document

# htmldate settings: trust the page's metadata and original (not "updated") date; no guessing
# from arbitrary text such as a footer's copyright year.
DATE_EXTRACTION = {"extensive_search": False, "original_date": True}
# Extracted text with no line of at least this many words is navigation, not an article.
MIN_PARAGRAPH_WORDS = 12
HTML_DATE_HINT = "the page has no date metadata"
NO_TEXT = "no article text found in HTML"
# Metadata that states a page's publication date. htmldate reads these but turns an impossible
# "2023-02-30" into "2023-02-01"; sayso reads their raw values itself to catch that.
PUBLISHED_KEYS = frozenset(
    "article:published_time og:published_time datepublished date pubdate publishdate publish-date "
    "publish_date dc.date dc.date.issued dcterms.created dcterms.issued sailthru.date parsely-pub-date "
    "publication_date citation_publication_date".split()
)
META_TAG = re.compile(r"<meta\b[^>]{0,2000}>", re.IGNORECASE)
META_ATTRIBUTE = re.compile(r"""\b(property|name|itemprop|content)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
JSON_LD_PUBLISHED = re.compile(r""""datePublished"\s*:\s*"([^"]{0,200})\"""")
HAS_YEAR = re.compile(r"\d{4}")


def read_html_file(found: Found, options: Options) -> Iterator[Article | SourceError]:
    """One article from a saved page; ``url`` is the page's canonical URL, else the file path."""
    try:
        html = read_text(found)
    except SourceError as error:
        yield error
        return
    yield html_article(Where(found.shown), html, options, url=found.shown)


def html_article(
    where: Where, html: str, options: Options, *, url: str, fallback_date: ParsedDate | None = None
) -> Article | SourceError:
    """The article in a page: ``Article.text`` is trafilatura's main text (offsets index it).

    Title, date, author and site name come from the page metadata; ``url`` is the page's canonical
    URL when it declares one, else ``url``. The date is the page's own, else ``fallback_date``
    (a WARC record's capture date), else the caller's ``date=``.
    """
    try:
        document = _extract(html)
    except Exception as error:  # a parser bug on odd input must not stop a whole run
        return where.error(f"could not parse HTML ({type(error).__name__}: {error})")
    if document is None or not _looks_like_article(document.text or ""):
        return where.error(NO_TEXT)
    own, warnings = _page_date(html, document.date, where)
    dated = resolve_date(own or fallback_date, options, where, HTML_DATE_HINT)
    return make_article(
        where, document.text, dated, options, title=make_title(document.title or "") or None,
        url=document.url or url, source=document.sitename, author=document.author, warnings=warnings,
    )


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


def _page_date(html: str, found: str | None, where: Where) -> tuple[ParsedDate | None, tuple[str, ...]]:
    """htmldate's date, unless the page states a publication date sayso cannot read (then a warning)."""
    for value in declared_dates(html):
        try:
            normalise_date(value)
        except ValueError:
            return own_date(value, where, "the page metadata")
    return own_date(found, where, "the page metadata")


def declared_dates(html: str) -> list[str]:
    """The raw publication dates a page declares in ``<meta>`` tags and JSON-LD (those with a year)."""
    values = []
    for tag in META_TAG.finditer(html):
        attributes = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
                      for m in META_ATTRIBUTE.finditer(tag.group(0))}
        keys = {attributes.get(k, "").strip().lower() for k in ("property", "name", "itemprop")}
        if keys & PUBLISHED_KEYS and attributes.get("content"):
            values.append(attributes["content"])
    values += JSON_LD_PUBLISHED.findall(html)
    return [value for value in values if HAS_YEAR.search(value)]
