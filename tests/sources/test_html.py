"""Saved web pages: trafilatura's main text, the page's own metadata, dates read as strictly as elsewhere."""
from __future__ import annotations

import pytest

from sayso.errors import SourceError
from sayso.records import Article, content_hash
from sayso.sources import read_articles
from .sources_util import ARTICLE_PAGE, PAGE_DATE_META, PARAGRAPHS, only, write


def test_html_article(tmp_path):
    path = write(tmp_path, "page.html", ARTICLE_PAGE.format(date_meta=PAGE_DATE_META))
    article = only(list(read_articles([path], date="1999-01-01")))
    assert isinstance(article, Article), article
    assert (article.published, article.date_precision) == ("2016-09-12", "day")
    assert article.title == "Minister warns of new offensive"
    assert article.url == "https://news.example.com/2016/09/minister-warns"
    assert article.source == "Example News"
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for boilerplate in ("Home", "Subscribe", "Copyright"):
        assert boilerplate not in article.text
    assert article.id == content_hash(article.text)


def test_html_without_date(tmp_path):
    path = write(tmp_path, "page.htm", ARTICLE_PAGE.format(date_meta=""))
    no_date = "no publication date (the page has no date metadata, or pass --date, or --undated)"
    assert only(list(read_articles([path]))) == SourceError(str(path), no_date)
    assert only(list(read_articles([path], date="2016-09"))).published == "2016-09"
    assert only(list(read_articles([path], allow_undated=True))).date_precision == "unknown"


def test_html_with_declared_legacy_charset(tmp_path):
    page = ARTICLE_PAGE.format(date_meta=PAGE_DATE_META).replace("utf-8", "iso-8859-1").replace("defence", "défence")
    path = write(tmp_path, "page.html", page.encode("iso-8859-1"))
    assert "défence" in only(list(read_articles([path]))).text


def test_html_parser_crash_becomes_a_source_error(tmp_path, monkeypatch):
    import trafilatura

    def explode(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    path = write(tmp_path, "page.html", ARTICLE_PAGE.format(date_meta=PAGE_DATE_META))
    error = only(list(read_articles([path])))
    assert error == SourceError(str(path), "could not parse HTML (RecursionError: maximum recursion depth exceeded)")


@pytest.mark.parametrize("date_meta, value", [
    ('<meta property="article:published_time" content="2023-02-30T10:00:00Z">', "2023-02-30T10:00:00Z"),
    ('<meta name="date" content="2023-02-30">', "2023-02-30"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-02-30"}</script>', "2023-02-30"),
])
def test_html_impossible_date_is_warned_and_undated_not_moved(tmp_path, date_meta, value):
    """htmldate turns 2023-02-30 into 2023-02-01; sayso reads the raw metadata and refuses it as elsewhere."""
    path = write(tmp_path, "page.html", ARTICLE_PAGE.format(date_meta=date_meta))
    article = only(list(read_articles([path], date="2020-01-01")))
    assert (article.published, article.date_precision) == (None, "unknown")
    assert article.warnings == (f"{path}: impossible date '{value[:10]}' in the page metadata; stored undated",)


@pytest.mark.parametrize("date_meta, published", [
    ('<meta property="article:published_time" content="2023-02-28T23:30:00-05:00">', "2023-02-28"),
    ('<meta name="date" content="12 May 2023 - 18:19">', "2023-05-12"),
])
def test_html_metadata_dates_read_as_written(tmp_path, date_meta, published):
    path = write(tmp_path, "page.html", ARTICLE_PAGE.format(date_meta=date_meta))
    article = only(list(read_articles([path])))
    assert (article.published, article.warnings) == (published, ())


def test_html_author_is_the_byline_and_the_default_speaker(tmp_path):
    meta = PAGE_DATE_META + '<meta name="author" content="Jane Roe">'
    path = write(tmp_path, "page.html", ARTICLE_PAGE.format(date_meta=meta))
    article = only(list(read_articles([path])))
    assert (article.author, article.speaker) == ("Jane Roe", "Jane Roe")
    assert only(list(read_articles([path], speaker="Press Office"))).speaker == "Press Office"


def test_html_utf16_page_is_decoded(tmp_path):
    page = ARTICLE_PAGE.format(date_meta=PAGE_DATE_META).replace("defence", "défence")
    path = write(tmp_path, "page.html", "\ufeff".encode("utf-16-be") + page.encode("utf-16-be"))
    assert "défence" in only(list(read_articles([path]))).text
