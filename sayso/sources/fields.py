"""Records with named fields (a JSON object, a CSV row) -> articles: one field mapping for both."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources.common import Options, Where, make_article, own_date, resolve_date
from sayso.sources.dates import UNDATED, ParsedDate

# sayso's name -> the record fields tried in order when the caller maps nothing.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "speech"),
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "pubDate", "timestamp"),
    "url": ("url", "link"),
    "source": ("source", "publisher"),
    "author": ("author", "byline"),
    "speaker": ("speaker",),
}
MISSING = object()
JSON_TYPE_NAMES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}

# lookup(role) -> (field name, value); value is MISSING when the record has none of the candidates.
Lookup = Callable[[str], tuple[str, Any]]


def check_fields(fields: Mapping[str, str] | None) -> dict[str, str]:
    """Validate a ``fields`` mapping (sayso name -> record field, dotted paths allowed); raise ``ValueError``."""
    checked = dict(fields or {})
    for name, target in checked.items():
        if name not in DEFAULT_FIELDS:
            raise ValueError(f"unknown field {name!r} (expected one of {', '.join(DEFAULT_FIELDS)})")
        if not isinstance(target, str) or not target.strip():
            raise ValueError(f"field {name!r} must map to a non-empty field name, got {target!r}")
    return checked


def candidates(role: str, options: Options) -> tuple[str, ...]:
    """The field names tried for ``role``: the caller's mapping, else the defaults."""
    mapped = options.fields.get(role)
    return (mapped,) if mapped else DEFAULT_FIELDS[role]


def record_article(lookup: Lookup, where: Where, options: Options, date_hint: str, url: str) -> Article | SourceError:
    """The article a record describes, or the reason it describes none.

    ``url`` is used when the record has no url field (``path:line``). A missing or bad text is
    an error; an unreadable date is a warning and an undated article (see ``common.own_date``).
    """
    try:
        name, body = _required_text(lookup, options)
        found = {role: _optional(lookup, role)[1] for role in ("title", "url", "source", "author", "speaker")}
    except ValueError as error:
        return where.error(str(error))
    own, warnings = _record_date(lookup, where)
    return make_article(
        where, body, resolve_date(own, options, where, date_hint), options,
        title=found["title"], url=found["url"] or url, source=found["source"],
        author=found["author"], speaker=found["speaker"], warnings=warnings,
    )


def _record_date(lookup: Lookup, where: Where) -> tuple[ParsedDate | None, tuple[str, ...]]:
    """The record's own date; unreadable (a bad string, a number, an object) is a warning, not an error."""
    name, value = lookup("date")
    if value is MISSING:
        return None, ()
    if not isinstance(value, str):
        return UNDATED, (where.note(f"field {name!r} is not a date string (got {type_name(value)}); stored undated"),)
    return own_date(value, where, f"field {name!r}")


def _required_text(lookup: Lookup, options: Options) -> tuple[str, str]:
    name, value = lookup("text")
    if value is MISSING:
        tried = " or ".join(repr(n) for n in candidates("text", options))
        hint = "" if "text" in options.fields else "; name another with --field text=NAME"
        raise ValueError(f"no article text (no field {tried}{hint})")
    if not isinstance(value, str):
        raise ValueError(f"field {name!r} is not a string (got {type_name(value)})")
    if not value.strip():
        raise ValueError(f"empty article text in field {name!r}")
    return name, value


def _optional(lookup: Lookup, role: str) -> tuple[str, str | None]:
    name, value = lookup(role)
    if value is MISSING:
        return name, None
    if not isinstance(value, str):
        raise ValueError(f"field {name!r} is not a string (got {type_name(value)})")
    return name, value.strip() or None


def type_name(value: Any) -> str:
    return JSON_TYPE_NAMES.get(type(value), "null" if value is None else type(value).__name__)
