"""Parquet files: one article per row, with the same field names and mapping as JSON Lines.

A row is read as a JSON object would be (:func:`sayso.sources.jsonl.object_article`): the text,
title, date, url, source, author and speaker fields by their default names or ``--field``; a date
or timestamp column counts as its ISO date. Rows are read in batches (memory bounded by a batch,
not the file); ``start``/``stop`` read a range of rows (a Spark task's share of a big file).
"""
from __future__ import annotations

import datetime
from collections.abc import Iterator

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, Where
from sayso.sources.files import Found, open_regular
from sayso.sources.jsonl import object_article

BATCH_ROWS = 256
"""Rows turned into Python objects at a time."""
PARQUET_DATE_HINT = "add a 'date' column"


def read_parquet_file(found: Found, options: Options, start: int = 0,
                      stop: int | None = None) -> Iterator[Article | SourceError]:
    """One article (or a ``SourceError`` naming the row, counted from 1) per row of rows
    ``start`` to ``stop`` (0-based, ``stop`` excluded; None: to the end)."""
    for _, item in numbered_rows(found, options, start, stop):
        yield item


def numbered_rows(found: Found, options: Options, start: int = 0,
                  stop: int | None = None) -> Iterator[tuple[int, Article | SourceError]]:
    """(row number from 1, article or error) for rows ``start`` to ``stop``."""
    try:
        stream = open_regular(found)
    except SourceError as error:
        yield start + 1, error
        return
    with stream:
        try:
            import pyarrow.parquet as pq

            batches = pq.ParquetFile(stream).iter_batches(batch_size=BATCH_ROWS)
            offset = 0
            for batch in batches:
                if stop is not None and offset >= stop:
                    break
                if offset + batch.num_rows > start:
                    lo, hi = max(start - offset, 0), batch.num_rows if stop is None else min(stop - offset, batch.num_rows)
                    for i, row in enumerate(batch.slice(lo, hi - lo).to_pylist(), offset + lo + 1):
                        yield i, _row_article(found.shown, row, i, options)
                offset += batch.num_rows
        except Exception as error:  # pyarrow: not Parquet, a cut file, an unreadable column
            yield start + 1, SourceError(found.shown, f"not a readable Parquet file ({type(error).__name__}: {error})")


def count_rows(found: Found) -> int:
    """The file's number of rows, from its footer (nothing else is read)."""
    import pyarrow.parquet as pq

    with open_regular(found) as stream:
        return pq.ParquetFile(stream).metadata.num_rows


def _row_article(shown: str, row: dict, number: int, options: Options) -> Article | SourceError:
    record = {name: _plain(value) for name, value in row.items()}
    return object_article(record, Where(shown, label=f"row {number}"), options, f"{shown}:{number}", PARQUET_DATE_HINT)


def _plain(value):
    """A date or timestamp as its ISO text (the date readers' input); other values as they are."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value
