"""JSON Lines: one article object per line, with configurable field names."""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, make_title, resolve_date
from sayso.sources.dates import ParsedDate, normalise_date

# sayso's name -> the record fields tried in order when the caller maps nothing.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "pubDate"),
    "url": ("url", "link"),
    "source": ("source", "publisher"),
}
JSONL_DATE_HINT = "add a 'date' field"
JSON_TYPE_NAMES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
_MISSING = object()


def check_fields(fields: Mapping[str, str] | None) -> dict[str, str]:
    """Validate a ``fields`` mapping (sayso name -> record field, dotted paths allowed); raise ``ValueError``."""
    checked = dict(fields or {})
    for name, target in checked.items():
        if name not in DEFAULT_FIELDS:
            raise ValueError(f"unknown field {name!r} (expected one of {', '.join(DEFAULT_FIELDS)})")
        if not isinstance(target, str) or not target.strip():
            raise ValueError(f"field {name!r} must map to a non-empty field name, got {target!r}")
    return checked


def read_jsonl_articles(path: str, text: str, options: Options) -> Iterator[Article | SourceError]:
    """One article (or a ``SourceError`` with the line number) per non-blank line of a JSONL file."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _line_article(path, line, number, options)


def _line_article(path: str, line: str, number: int, options: Options) -> Article | SourceError:
    try:
        record = _parse_object(line)
        body = _required_text(record, options)
        own_date = _record_date(record, options)
        title = _optional_str(record, "title", options) or make_title(body)
        url = _optional_str(record, "url", options) or f"{path}:{number}"
        source = _optional_str(record, "source", options)
    except ValueError as error:
        return SourceError(path, str(error), number)
    dated = resolve_date(own_date, options, path, JSONL_DATE_HINT, number)
    if isinstance(dated, SourceError):
        return dated
    return Article(body, title, dated[0], dated[1], url=url, source=source)


def _parse_object(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {_type_name(record)}")
    return record


def _required_text(record: dict[str, Any], options: Options) -> str:
    name, value = _find(record, "text", options)
    if value is _MISSING:
        tried = " or ".join(repr(n) for n in _candidates("text", options))
        hint = "" if "text" in options.fields else "; name another with --field text=NAME"
        raise ValueError(f"no article text (no field {tried}{hint})")
    if not isinstance(value, str):
        raise ValueError(f"field {name!r} is not a string (got {_type_name(value)})")
    if not value.strip():
        raise ValueError(f"empty article text in field {name!r}")
    return value


def _record_date(record: dict[str, Any], options: Options) -> ParsedDate | None:
    name, value = _find(record, "date", options)
    if value is _MISSING or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"field {name!r} is not a date string (got {_type_name(value)})")
    try:
        return normalise_date(value)
    except ValueError as error:
        raise ValueError(f"{error} in field {name!r}") from None


def _optional_str(record: dict[str, Any], role: str, options: Options) -> str | None:
    name, value = _find(record, role, options)
    if value is _MISSING:
        return None
    if not isinstance(value, str):
        raise ValueError(f"field {name!r} is not a string (got {_type_name(value)})")
    return value.strip() or None


def _candidates(role: str, options: Options) -> tuple[str, ...]:
    mapped = options.fields.get(role)
    return (mapped,) if mapped else DEFAULT_FIELDS[role]


def _find(record: dict[str, Any], role: str, options: Options) -> tuple[str, Any]:
    """The first candidate field present in the record, as (name, value); value ``_MISSING`` if none."""
    candidates = _candidates(role, options)
    for name in candidates:
        value = _lookup(record, name)
        if value is not _MISSING and value is not None:  # JSON null counts as absent
            return name, value
    return candidates[0], _MISSING


def _lookup(record: dict[str, Any], name: str) -> Any:
    """``record[name]``, or for a dotted name ("meta.date") the nested value; ``_MISSING`` if absent."""
    if name in record:
        return record[name]
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def _type_name(value: Any) -> str:
    return JSON_TYPE_NAMES.get(type(value), "null" if value is None else type(value).__name__)
