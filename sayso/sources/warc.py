"""Web archives (WARC, WARC.gz, and ARC via warcio): every HTML response through the HTML reader.

Only records that hold a page are read: ``response`` records with HTTP status 2xx and
``resource`` records, whose content type is HTML. Other records (requests, metadata, revisits,
images, redirects, error pages) are skipped without a word: they are not articles. Each page gets
the record's URL (unless it declares a canonical one) and, when its metadata has no date, the
record's ``WARC-Date`` (the day it was captured).
"""
from __future__ import annotations

import contextlib
import gzip
import io
import logging
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, Where
from sayso.sources.dates import ParsedDate, parse_date
from sayso.sources.files import Found, decode_text, open_regular, read_bounded
from sayso.sources.html import html_article

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAGIC = (b"WARC/", b"filedesc://")  # how a WARC and an ARC file begin (after gunzipping)
# warcio logs odd records through logging; with no handler anywhere Python would print them raw.
logging.getLogger("warcio").addHandler(logging.NullHandler())


def read_warc_file(found: Found, options: Options) -> Iterator[Article | SourceError]:
    """One article (or a ``SourceError`` naming the record's URL) per HTML page in the archive."""
    try:
        stream = open_regular(found)
    except SourceError as error:
        yield error
        return
    pages = 0
    with stream:
        if not _starts_like_an_archive(stream):
            yield SourceError(found.shown, "not a WARC file (it does not start with 'WARC/')")
            return
        try:
            for record in _QuietIterator(stream, arc2warc=True, check_digests=False):
                if _is_page(record):
                    pages += 1
                    yield _record_article(found.shown, record, options)
        except Exception as error:  # warcio: ArchiveLoadFailed, EOFError, bad gzip, bad headers
            yield SourceError(found.shown, f"not a readable WARC file ({type(error).__name__}: {error}); stopped reading")
            return
        if not _gzip_members_complete(stream):
            yield SourceError(found.shown, "the archive ends inside a record (truncated); the pages before the cut were read")
            return
    if pages == 0:
        yield SourceError(found.shown, "no HTML pages in this archive")


def _starts_like_an_archive(stream: BinaryIO) -> bool:
    head = stream.read(4096)
    stream.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(head)).read(16)
        except EOFError:  # a first gzip member longer than 4 KB: its start is all we need
            head = _gunzip_start(head)
        except Exception:  # zlib.error, BadGzipFile: not gzip after all
            return False
    return head.startswith(MAGIC)


def _gzip_members_complete(stream: BinaryIO, block: int = 1 << 20) -> bool:
    """False when a gzipped archive stops inside a gzip member (a cut download).

    warcio stops quietly at some cuts (measured: 8 of 200 archives cut at 80 % gave no error),
    so the members are checked apart, in one streaming pass; a plain WARC is not checked here.
    """
    stream.seek(0)
    if stream.read(2) != b"\x1f\x8b":
        return True
    stream.seek(0)
    member = zlib.decompressobj(wbits=31)
    try:
        while chunk := stream.read(block):
            data = chunk
            while data:
                if member.eof:  # the next member starts
                    member = zlib.decompressobj(wbits=31)
                member.decompress(data, block)  # output bounded: no bomb in memory
                data = member.unused_data if member.eof else member.unconsumed_tail
    except zlib.error:
        return False
    return member.eof


def _gunzip_start(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(wbits=31).decompress(data, 16)
    except zlib.error:
        return b""


class _QuietIterator:
    """warcio's ArchiveIterator, without its raw warnings on stderr about odd record ends."""

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        from warcio.archiveiterator import ArchiveIterator

        class Quiet(ArchiveIterator):
            def _consume_blanklines(self):  # type: ignore[no-untyped-def]
                with contextlib.redirect_stderr(io.StringIO()):  # synchronous: no yield inside
                    return super()._consume_blanklines()

        return Quiet(*args, **kwargs)


def count_pages(found: Found) -> int:
    """How many page records the archive holds (headers only; payloads are skipped)."""
    try:
        with open_regular(found) as stream:
            if not _starts_like_an_archive(stream):
                return 1
            return sum(1 for record in _QuietIterator(stream, arc2warc=True) if _is_page(record))
    except Exception:
        return 1


def _is_page(record: Any) -> bool:
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        ctype = record.http_headers.get_header("Content-Type") or ""
        return status.startswith("2") and _is_html(ctype)
    if record.rec_type == "resource":
        return _is_html(record.rec_headers.get_header("Content-Type") or "")
    return False


def _is_html(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def _record_article(shown: str, record: Any, options: Options) -> Article | SourceError:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = Where(shown, label=f"record {uri}" if uri else "record")
    try:
        data = read_bounded(record.content_stream(), shown)
        html = decode_text(shown, data, html=True, declared=_charset(record))
    except SourceError as error:
        return where.error(error.reason)
    return html_article(where, html, options, url=uri or shown, fallback_date=_capture_date(record))


def _charset(record: Any) -> str | None:
    headers = record.http_headers or record.rec_headers
    for part in (headers.get_header("Content-Type") or "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _capture_date(record: Any) -> ParsedDate | None:
    """The record's WARC-Date as a day ("2023-05-12T18:19:00Z" -> 2023-05-12), else None."""
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return parse_date(value[:10])
    except ValueError:
        return None

