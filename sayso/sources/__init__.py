"""Turn input files into ``Article`` records.

Formats, by extension: ``.txt``/``.text``/none (seed format `` date YYYY-MM-DD Title…``, or
plain text), ``.jsonl``/``.ndjson`` (one JSON object per line), ``.html``/``.htm`` (saved pages).
Bad input never raises: it is yielded as a ``SourceError`` naming the file (and line), and
reading goes on. See docs/sources.md.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options
from sayso.sources.dates import normalise_date, parse_date
from sayso.sources.files import kind_of, read_text, walk
from sayso.sources.html import read_html_article
from sayso.sources.jsonl import check_fields, read_jsonl_articles
from sayso.sources.text import read_text_article

__all__ = ["read_articles", "count_inputs", "parse_date", "normalise_date", "check_fields"]

PathArg = str | os.PathLike[str]
READERS = {"text": read_text_article, "jsonl": read_jsonl_articles, "html": read_html_article}


def read_articles(
    paths: PathArg | Iterable[PathArg],
    *,
    date: str | None = None,
    fields: dict[str, str] | None = None,
    allow_undated: bool = False,
) -> Iterator[Article | SourceError]:
    """Yield an ``Article`` or a ``SourceError`` for every input found under ``paths``, in order.

    ``paths``: files and/or directories (walked recursively, sorted, hidden entries and
    unsupported types skipped); a single path is accepted too.
    ``date``: "YYYY-MM-DD", "YYYY-MM" or "YYYY", used only for inputs with no date of their own.
    ``fields``: JSONL field names, sayso name -> record field (``{"text": "article_body"}``;
    dotted paths such as ``"meta.date"`` reach into nested objects).
    ``allow_undated``: yield undated articles (``published=None``, precision "unknown")
    instead of a ``SourceError``.

    Raises ``ValueError`` at call time (not on iteration) for an invalid ``date`` or ``fields``
    — those are the caller's mistakes, not the input's; call ``parse_date`` / ``check_fields``
    to check them first.
    """
    options = Options(
        date=parse_date(date) if date is not None else None,
        fields=check_fields(fields),
        allow_undated=allow_undated,
    )
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _read_all(list(paths), options)


def count_inputs(paths: PathArg | Iterable[PathArg]) -> int:
    """How many items ``read_articles`` will yield at most (a progress bar's total), cheaply:
    one per file or error, one per non-blank line of a JSONL file. Nothing is parsed."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return sum(_count(found) for found in walk(list(paths)))


def _count(found: str | SourceError) -> int:
    if isinstance(found, SourceError) or kind_of(found) != "jsonl":
        return 1
    try:
        with open(found, "rb") as fh:
            return max(1, sum(1 for line in fh if line.strip()))
    except OSError:
        return 1


def _read_all(paths: list[PathArg], options: Options) -> Iterator[Article | SourceError]:
    for found in walk(paths):
        if isinstance(found, SourceError):
            yield found
        else:
            yield from _read_file(found, options)


def _read_file(path: str, options: Options) -> Iterator[Article | SourceError]:
    try:
        text = read_text(path)
    except SourceError as error:
        yield error
        return
    reader = READERS[kind_of(path)]
    yield from reader(path, text, options)
