"""Turn inputs into ``Article`` records: files, folders, URLs and standard input.

Formats, by extension (docs/sources.md has the whole table): ``.txt``/``.text``/none (seed format,
plain text, or a list of URLs), ``.jsonl``/``.ndjson``, ``.html``/``.htm``, ``.csv``, ``.tsv``,
``.rss``/``.atom``/``.xml`` (feeds), ``.warc``/``.warc.gz`` (web archives), ``.urls``, ``.parquet``
(one article per row, fields as in JSONL). An argument
with a scheme (``https://…``) is a URL; ``-`` is standard input.
Bad input never raises: it is yielded as a ``SourceError`` naming the file (and line), and
reading goes on.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options
from sayso.sources.dates import normalise_date, parse_date
from sayso.sources.delimited import read_delimited_file
from sayso.sources.feeds import read_feed_file
from sayso.sources.fields import check_fields
from sayso.sources.files import MAX_DOCUMENT_BYTES, Found, open_regular, read_text, shown_name, walk
from sayso.sources.html import read_html_file
from sayso.sources.jsonl import read_jsonl_file
from sayso.sources.parquet import count_rows, read_parquet_file
from sayso.sources.stdin import STDIN, SHOWN as STDIN_SHOWN, read_stdin
from sayso.sources.text import text_article
from sayso.sources.warc import count_pages, read_warc_file
from sayso.sources.web import is_url, read_url, read_url_list_file, read_urls, url_list

__all__ = ["read_articles", "count_inputs", "parse_date", "normalise_date", "check_fields", "MAX_DOCUMENT_BYTES"]

PathArg = str | os.PathLike[str]
Reader = Callable[[Found, Options], Iterator[Article | SourceError]]


def read_articles(
    paths: PathArg | Iterable[PathArg],
    *,
    date: str | None = None,
    fields: dict[str, str] | None = None,
    allow_undated: bool = False,
    speaker: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | SourceError]:
    """Yield an ``Article`` or a ``SourceError`` for every input found under ``paths``, in order.

    ``paths``: files and/or directories (walked recursively, sorted, hidden entries and
    unsupported types skipped), URLs (``http(s)://…``, fetched) and ``"-"`` (standard input,
    read once); a single path is accepted too.
    ``date``: "YYYY-MM-DD", "YYYY-MM" or "YYYY", used only for inputs with no date of their own.
    ``fields``: JSONL/CSV field names, sayso name -> record field (``{"text": "article_body"}``;
    dotted paths such as ``"meta.date"`` reach into nested JSON objects).
    ``allow_undated``: yield undated articles (``published=None``, precision "unknown")
    instead of a ``SourceError``.
    ``speaker``: whose first-person words the documents are, for records that name no speaker.
    ``stdin``: the binary stream ``"-"`` reads (default ``sys.stdin.buffer``).

    Raises ``ValueError`` at call time (not on iteration) for an invalid ``date``, ``fields`` or
    ``speaker`` — those are the caller's mistakes, not the input's; call ``parse_date`` /
    ``check_fields`` to check them first.
    """
    options = Options(
        date=parse_date(date) if date is not None else None,
        fields=check_fields(fields),
        allow_undated=allow_undated,
        speaker=_check_speaker(speaker),
        stdin=stdin,
    )
    return _read_all(_as_list(paths), options)


def count_inputs(paths: PathArg | Iterable[PathArg]) -> int:
    """About how many items ``read_articles`` will yield (a progress bar's total), cheaply.

    One per file, URL or error; one per non-blank line of a JSONL, CSV/TSV or URL-list file; one
    per ``<item``/``<entry`` of a feed; one per page record of a WARC file (headers only). Nothing
    is parsed or fetched; standard input counts as one.
    """
    total = 0
    for given in _as_list(paths):
        if given in (STDIN,) or is_url(given):
            total += 1
        else:
            total += sum(_count(found) for found in walk([given]))
    return total


def _as_list(paths: PathArg | Iterable[PathArg]) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return [os.fspath(path) for path in paths]


def _check_speaker(speaker: str | None) -> str | None:
    if speaker is None:
        return None
    if not isinstance(speaker, str) or not speaker.strip():
        raise ValueError(f"speaker must be a non-empty name, got {speaker!r}")
    return speaker.strip()


def _read_all(paths: list[str], options: Options) -> Iterator[Article | SourceError]:
    stdin_read = False
    for given in paths:
        if given == STDIN:
            if stdin_read:
                yield SourceError(STDIN_SHOWN, "standard input already read (give '-' once)")
            else:
                stdin_read = True
                yield from _guarded(STDIN_SHOWN, read_stdin(options))
        elif is_url(given):
            yield from _guarded(shown_name(given), read_url(given, options))
        else:
            for found in walk([given]):
                if isinstance(found, SourceError):
                    yield found
                else:
                    yield from _guarded(found.shown, READERS[found.kind](found, options))


def _guarded(shown: str, items: Iterator[Article | SourceError]) -> Iterator[Article | SourceError]:
    """The items of one input; a reader's unexpected exception ends that input with one error line."""
    try:
        yield from items
    except Exception as error:  # a bug on odd input must not stop the batch: report and go on
        yield SourceError(shown, f"could not read ({type(error).__name__}: {error})")


def _read_text_or_urls(found: Found, options: Options) -> Iterator[Article | SourceError]:
    """A ``.txt`` file: a list of URLs when every line is one, else the seed format or plain text."""
    try:
        text = read_text(found)
    except SourceError as error:
        yield error
        return
    urls = url_list(text)
    if urls is not None:
        yield from read_urls(urls, options)
    else:
        yield text_article(found.shown, text, options)


READERS: dict[str, Reader] = {
    "text": _read_text_or_urls,
    "jsonl": read_jsonl_file,
    "html": read_html_file,
    "csv": read_delimited_file,
    "tsv": read_delimited_file,
    "feed": read_feed_file,
    "warc": read_warc_file,
    "urls": read_url_list_file,
    "parquet": read_parquet_file,
}


def _count(found: Found | SourceError) -> int:
    if isinstance(found, SourceError):
        return 1
    if found.kind == "warc":
        return max(1, count_pages(found))
    if found.kind == "parquet":
        try:
            return max(1, count_rows(found))
        except Exception:  # noqa: BLE001 - not Parquet: the reader reports it
            return 1
    counters = {"jsonl": _count_lines, "csv": _count_rows, "tsv": _count_rows, "urls": _count_urls,
                "text": _count_urls, "feed": _count_entries}
    counter = counters.get(found.kind)
    if counter is None:
        return 1
    try:
        with open_regular(found) as stream:
            return max(1, counter(stream))
    except (SourceError, OSError):
        return 1


def _count_lines(stream: BinaryIO) -> int:
    return sum(1 for line in stream if line.strip())


def _count_rows(stream: BinaryIO) -> int:
    return _count_lines(stream) - 1


def _count_urls(stream: BinaryIO) -> int:
    head = stream.read(MAX_DOCUMENT_BYTES)
    urls = url_list(head.decode("utf-8", "replace"))
    return len(urls) if urls else 1


def _count_entries(stream: BinaryIO) -> int:
    data = stream.read(MAX_DOCUMENT_BYTES * 5)
    return data.count(b"<item") + data.count(b"<entry")
