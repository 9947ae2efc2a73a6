"""WARC and WARC.gz: every HTML page record through the HTML reader, with the record's URL and date."""
from __future__ import annotations

import gzip
from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sayso.errors import SourceError
from sayso.sources import count_inputs, read_articles
from .sources_util import ARTICLE_PAGE, NAV_ONLY_PAGE, PAGE_DATE_META, PARAGRAPHS, write

CAPTURED = "2024-03-05T10:11:12Z"


def response(writer: WARCWriter, url: str, body: bytes, content_type: str = "text/html; charset=utf-8",
             status: str = "200 OK", date: str = CAPTURED) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def archive(gzipped: bool) -> bytes:
    out = BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "test"}))
    dated = ARTICLE_PAGE.format(date_meta=PAGE_DATE_META).replace('<link rel="canonical" href="https://news.example.com/2016/09/minister-warns">', "")
    response(writer, "https://news.example.com/dated", dated.encode())
    undated = ARTICLE_PAGE.format(date_meta="").replace("defence", "défence").replace("utf-8", "iso-8859-1")
    response(writer, "https://news.example.com/undated", undated.encode("iso-8859-1"), "text/html; charset=iso-8859-1")
    response(writer, "https://news.example.com/missing", b"<html><body>Not found</body></html>", status="404 Not Found")
    response(writer, "https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
    response(writer, "https://news.example.com/", NAV_ONLY_PAGE.encode())
    request = writer.create_warc_record("https://news.example.com/dated", "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
    writer.write_record(request)
    return out.getvalue()


@pytest.mark.parametrize("name, gzipped", [("crawl.warc", False), ("crawl.warc.gz", True), ("CRAWL.WARC.GZ", True)])
def test_warc_pages(tmp_path, name, gzipped):
    path = write(tmp_path, name, archive(gzipped))
    p = str(path)
    items = list(read_articles([path]))
    assert len(items) == 3, items  # two articles, one navigation page; 404, image, request skipped
    dated, undated, nav = items
    assert (dated.url, dated.published, dated.source) == ("https://news.example.com/dated", "2016-09-12", "Example News")
    assert all(paragraph in dated.text for paragraph in PARAGRAPHS)
    # No date in the page: the day it was captured; its declared charset is used; its canonical URL kept.
    assert (undated.url, undated.published, undated.date_precision) == (
        "https://news.example.com/2016/09/minister-warns", "2024-03-05", "day")
    assert "défence" in undated.text
    assert nav == SourceError(p, "record https://news.example.com/: no article text found in HTML")
    assert count_inputs(path) == 3


@pytest.mark.parametrize("content, reason", [
    (b"this is not an archive at all\n" * 10, "not a WARC file (it does not start with 'WARC/')"),
    (gzip.compress(b"<html><body>a page</body></html>"), "not a WARC file (it does not start with 'WARC/')"),
    (b"", "not a WARC file (it does not start with 'WARC/')"),
    (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort"),
     "not a readable WARC file"),
])
def test_not_a_warc(tmp_path, content, reason, capfd):
    path = write(tmp_path, "bad.warc.gz", content)
    items = list(read_articles([path]))
    assert len(items) == 1 and items[0].reason.startswith(reason), items
    assert capfd.readouterr().err == ""  # nothing printed raw by warcio


@pytest.mark.parametrize("keep", [lambda n: int(n * 0.8), lambda n: n - 40], ids=["80 percent", "inside the last record"])
def test_truncated_archive_keeps_the_pages_before_the_cut(tmp_path, keep):
    data = archive(gzipped=True)  # record ids differ each time: the 80 % cut lands in varied places
    path = write(tmp_path, "cut.warc.gz", data[: keep(len(data))])
    items = list(read_articles([path]))
    assert items[0].url == "https://news.example.com/dated"
    assert isinstance(items[-1], SourceError)


def test_archive_without_pages(tmp_path):
    out = BytesIO()
    writer = WARCWriter(out, gzip=True)
    response(writer, "https://news.example.com/logo.png", b"\x89PNG", "image/png")
    path = write(tmp_path, "images.warc.gz", out.getvalue())
    assert list(read_articles([path])) == [SourceError(str(path), "no HTML pages in this archive")]
