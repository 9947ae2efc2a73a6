"""JSON Lines: one article object per line, with configurable field names (see fields.py)."""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, Where
from sayso.sources.fields import MISSING, candidates, record_article, type_name
from sayso.sources.files import Found, iter_lines, open_regular

JSONL_DATE_HINT = "add a 'date' field"


def read_jsonl_file(found: Found, options: Options) -> Iterator[Article | SourceError]:
    """One article (or a ``SourceError`` with the line number) per non-blank line of a JSONL file."""
    try:
        stream = open_regular(found)
    except SourceError as error:
        yield error
        return
    with stream:
        yield from read_jsonl_stream(stream, found.shown, options)


def read_jsonl_stream(stream: BinaryIO, shown: str, options: Options) -> Iterator[Article | SourceError]:
    """Read JSONL from a binary stream line by line (memory bounded per line); also used for stdin."""
    blank = True
    for number, line in iter_lines(stream, shown):
        if isinstance(line, SourceError):
            blank = False
            yield line
        elif line.strip():
            blank = False
            yield line_article(shown, line, number, options)
    if blank:
        yield SourceError(shown, "empty file")


def line_article(shown: str, line: str, number: int, options: Options) -> Article | SourceError:
    where = Where(shown, number)
    try:
        record = _parse_object(line)
    except ValueError as error:
        return where.error(str(error))
    return object_article(record, where, options, f"{shown}:{number}")


def object_article(record: dict[str, Any], where: Where, options: Options, url: str,
                   hint: str = JSONL_DATE_HINT) -> Article | SourceError:
    """The article a record with named fields describes (a JSON object, a Parquet row), or the reason
    it describes none; ``url`` when it has no url field."""
    return record_article(_lookup_in(record, options), where, options, hint, url)


def _parse_object(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply to read") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type_name(record)}")
    return record


def _lookup_in(record: dict[str, Any], options: Options):
    def lookup(role: str) -> tuple[str, Any]:
        """The first candidate field present in the record, as (name, value); JSON null counts as absent."""
        names = candidates(role, options)
        for name in names:
            value = _get(record, name)
            if value is not MISSING and value is not None:
                return name, value
        return names[0], MISSING

    return lookup


def _get(record: dict[str, Any], name: str) -> Any:
    """``record[name]``, or for a dotted name ("meta.date") the nested value; ``MISSING`` if absent."""
    if name in record:
        return record[name]
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return MISSING
        value = value[part]
    return value
