"""CSV and TSV: one article per row, columns named by a header row, mapped like JSONL fields.

The dialect is sniffed from the first 8 KB (delimiter and quote character; quotes inside a quoted
field are always doubled, as RFC 4180 and every spreadsheet write them: the sniffer's guess of that
is wrong on the bundled speech files). Header names are matched case-insensitively. Rows are
streamed, so a file of any size is read in bounded memory (each field at most MAX_DOCUMENT_BYTES).
"""
from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from typing import Any

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, Where
from sayso.sources.fields import DEFAULT_FIELDS, MISSING, candidates, record_article
from sayso.sources import files
from sayso.sources.files import BINARY_SNIFF_BYTES, BOM, Found, bom_encoding, open_regular

SNIFF_CHARS = 8192  # the sniffer is quadratic on some inputs: 8 KB costs at most ~0.3 s
DELIMITERS = {"csv": ",;\t|", "tsv": "\t"}
CSV_DATE_HINT = "add a 'date' column"


def read_delimited_file(found: Found, options: Options) -> Iterator[Article | SourceError]:
    """One article (or a ``SourceError`` with the row's first line number) per data row."""
    try:
        stream = open_regular(found)
    except SourceError as error:
        yield error
        return
    with stream:
        head = stream.peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES]
        encoding = bom_encoding(head) or "utf-8"
        if encoding == "utf-8" and b"\x00" in head:
            yield SourceError(found.shown, "binary file, not text")
            return
        text = io.TextIOWrapper(stream, encoding=encoding, newline="")
        try:
            yield from _rows(found, text, options)
        except UnicodeDecodeError as error:
            yield SourceError(found.shown, f"not {encoding.upper()} text ({error.reason}); stopped reading")
        finally:
            text.detach()


def _rows(found: Found, text: io.TextIOWrapper, options: Options) -> Iterator[Article | SourceError]:
    shown = found.shown
    sample = text.read(SNIFF_CHARS) + text.readline(files.MAX_DOCUMENT_BYTES)
    sample = sample.removeprefix(BOM)
    if not sample.strip():
        yield SourceError(shown, "empty file")
        return
    reader = csv.reader(itertools.chain(io.StringIO(sample, newline=""), text), dialect=_dialect(sample, found.kind))
    default_limit = csv.field_size_limit(files.MAX_DOCUMENT_BYTES)  # process-wide: restored below
    try:
        try:
            header = next(reader)
        except csv.Error as error:
            yield SourceError(shown, f"not valid {found.kind.upper()} ({error})", 1)
            return
        columns = _columns(header, options)
        if isinstance(columns, str):
            yield SourceError(shown, columns, 1)
            return
        yield from _data_rows(shown, reader, header, columns, options)
    finally:
        csv.field_size_limit(default_limit)


def _data_rows(shown: str, reader: Any, header: list[str], columns: dict[str, tuple[str, int]],
               options: Options) -> Iterator[Article | SourceError]:
    line = reader.line_num + 1
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield SourceError(shown, f"not valid CSV ({error}); stopped reading", line)
            return
        if any(cell.strip() for cell in row):
            rows += 1
            yield _row_article(shown, line, row, header, columns, options)
        line = reader.line_num + 1
    if rows == 0:
        yield SourceError(shown, "no data rows after the header", 1)


def _row_article(shown: str, line: int, row: list[str], header: list[str],
                 columns: dict[str, tuple[str, int]], options: Options) -> Article | SourceError:
    where = Where(shown, line)
    if len(row) != len(header):
        return where.error(f"expected {len(header)} fields as in the header, got {len(row)} (a stray quote or delimiter?)")

    def lookup(role: str) -> tuple[str, Any]:
        name, index = columns.get(role, (candidates(role, options)[0], -1))
        value = row[index] if index >= 0 else ""
        return name, value if value.strip() else MISSING

    return record_article(lookup, where, options, CSV_DATE_HINT, f"{shown}:{line}")


def _columns(header: list[str], options: Options) -> dict[str, tuple[str, int]] | str:
    """Each role's (column name, index) from the header, or the reason the header will not do."""
    index = {}
    for position, name in enumerate(header):
        index.setdefault(name.strip().lower(), position)
    columns = {}
    for role in DEFAULT_FIELDS:
        names = candidates(role, options)
        found = next((name for name in names if name.strip().lower() in index), None)
        if found is not None:
            columns[role] = (header[index[found.strip().lower()]], index[found.strip().lower()])
        elif role in options.fields:
            return f"no column {names[0]!r} for --field {role} (columns: {_listed(header)})"
    if "text" not in columns:
        tried = " or ".join(repr(n) for n in candidates("text", options))
        return f"no article text column (no {tried}; name another with --field text=NAME; columns: {_listed(header)})"
    return columns


def _listed(header: list[str], most: int = 12) -> str:
    names = ", ".join(repr(name) for name in header[:most])
    return names + (", …" if len(header) > most else "")


def _dialect(sample: str, kind: str) -> type[csv.Dialect] | csv.Dialect:
    fallback = csv.excel_tab if kind == "tsv" else csv.excel
    try:
        sniffed = csv.Sniffer().sniff(sample[:SNIFF_CHARS], delimiters=DELIMITERS.get(kind, ","))
    except csv.Error:
        return fallback

    class Sniffed(csv.excel):
        delimiter = sniffed.delimiter
        quotechar = sniffed.quotechar or '"'

    return Sniffed
