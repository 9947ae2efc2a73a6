"""Extractions as flat table rows and back: the layout of ``sayso spark``'s Parquet output.

One table per record type (:data:`TABLES`), one row per record. Every row starts with the
:data:`KEY` columns: ``chunk`` (the number of the unit of input one Spark task read,
:mod:`sayso.scale.units`; the output is partitioned by it), ``source_seq`` and ``record_seq`` (the input file's number and the record's number in
it: line, row or item; together they give the order ``sayso ingest`` reads the input in),
``article_id`` and ``index`` (the record's position in its article's list: a figure's
``claim_index`` points at a claim's ``index``). Then the record's own fields, named as in
:mod:`sayso.records`; a span field ``cue`` becomes ``cue_start``, ``cue_end`` and ``cue`` (its
text), as in :mod:`sayso.shapes`; the main span is ``start``/``end``/``text``. Values that are
not one number or string (a claim's content spans, an entity's aliases, an article's extractor
strings, an event's place) are JSON text, as in ``sayso export``.

The columns are derived from the record dataclasses, so a field added to a record is carried
without an edit here, and :func:`extraction` rebuilds exactly the Extraction that
:func:`rows` was given (``tests/scale/test_tables.py`` checks the round trip on real articles).
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterable, Iterator
from functools import cache

from sayso.errors import SourceError
from sayso.records import Article, Claim, Entity, Event, Extraction, Figure, Forecast, Mention, Place, Span, TimeExpr

KEY = ("chunk", "source_seq", "record_seq", "article_id", "index")
"""The columns every record row starts with."""
RECORD_TYPES: dict[str, type] = {
    "claims": Claim, "entities": Entity, "mentions": Mention, "times": TimeExpr, "figures": Figure,
    "forecasts": Forecast, "places": Place, "events": Event,
}
"""Table name -> the record type of its rows (the attribute of :class:`Extraction` of the same name)."""
TABLES = ("articles", *RECORD_TYPES, "failures")
"""Every table of the output: articles (text, metadata, extractor strings), the records, failures."""
FAILURE_COLUMNS = ("chunk", "source_seq", "record_seq", "path", "line", "reason")
"""An input that could not be read or extracted (the same path, line and reason ``sayso ingest`` records)."""
Row = tuple


@dataclasses.dataclass(frozen=True)
class Column:
    """One column: its name, its type ("string", "long", "double", "boolean") and how it is made."""

    name: str
    type: str
    field: str  # the record's field
    part: str = "value"  # "value", "json", or a span's "start" / "end" / "text"


_SCALARS = {str: "string", int: "long", float: "double", bool: "boolean"}


def _kind(hint) -> str:
    """"span", "json", or a scalar column type, for one field's type hint."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1:
        hint = args[0]
    if hint is Span:
        return "span"
    if typing.get_origin(hint) is typing.Literal:
        return "string"
    return _SCALARS.get(hint, "json")


@cache
def columns(table: str) -> tuple[Column, ...]:
    """The columns of ``table`` after :data:`KEY` (for ``failures``: all of them)."""
    if table == "failures":
        types_ = {"path": "string", "line": "long", "reason": "string"}
        return tuple(Column(name, types_[name], name) for name in FAILURE_COLUMNS[3:])
    record = Article if table == "articles" else RECORD_TYPES[table]
    hints = typing.get_type_hints(record)
    out: list[Column] = []
    for f in dataclasses.fields(record):
        if table == "articles" and f.name == "id":
            continue  # the key's article_id
        kind = _kind(hints[f.name])
        if kind == "span":
            out += [Column(f"{f.name}_start", "long", f.name, "start"), Column(f"{f.name}_end", "long", f.name, "end"),
                    Column(f.name, "string", f.name, "text")]
        else:
            out.append(Column(f.name, "string" if kind == "json" else kind, f.name, "json" if kind == "json" else "value"))
    if table == "articles":
        out.append(Column("extractors", "string", "extractors", "json"))
    return tuple(out)


def column_names(table: str) -> tuple[str, ...]:
    """Every column of ``table``, in order."""
    lead = FAILURE_COLUMNS[:3] if table == "failures" else KEY
    return (*lead, *(c.name for c in columns(table)))


def rows(ex: Extraction, chunk: int, source_seq: int, record_seq: int) -> Iterator[tuple[str, Row]]:
    """(table, row) for the article and every record of one extraction."""
    key = (chunk, source_seq, record_seq, ex.article.id)
    yield "articles", (*key, 0, *_values(columns("articles"), ex.article, ex.extractors))
    for table in RECORD_TYPES:
        for index, record in enumerate(getattr(ex, table)):
            yield table, (*key, index, *_values(columns(table), record))


def failure_row(error: SourceError, chunk: int, source_seq: int, record_seq: int) -> Row:
    return (chunk, source_seq, record_seq, error.path, error.line, error.reason)


def _values(cols: Iterable[Column], record, extractors: dict | None = None) -> list:
    values = []
    for col in cols:
        value = extractors if col.field == "extractors" else getattr(record, col.field)
        if col.part == "json":
            value = _to_json(value)
        elif col.part != "value":
            value = None if value is None else getattr(value, col.part)
        elif value is not None and col.type == "double":
            value = float(value)
        values.append(value)
    return values


def _to_json(value) -> str | None:
    if value is None:
        return None
    if dataclasses.is_dataclass(value):
        value = dataclasses.asdict(value)
    elif isinstance(value, (list, tuple)):
        value = [dataclasses.asdict(v) if dataclasses.is_dataclass(v) else v for v in value]
    return json.dumps(value, ensure_ascii=False, allow_nan=True)


# -- back to records ---------------------------------------------------------------------------

def extraction(article: dict, records: dict[str, list[dict]]) -> Extraction:
    """The Extraction of one article row and its records' rows (each list in ``index`` order)."""
    values = _fields(columns("articles"), article)
    extractors = values.pop("extractors")
    values["warnings"] = tuple(values["warnings"] or ())
    built = {table: [_record(table, row) for row in sorted(records.get(table, ()), key=lambda r: r["index"])]
             for table in RECORD_TYPES}
    return Extraction(Article(id=article["article_id"], **values), extractors=extractors, **built)


def _record(table: str, row: dict):
    values = _fields(columns(table), row)
    if table == "claims":
        values["content"] = [Span(**s) for s in values["content"]]
    if table == "entities":
        values["aliases"] = list(values["aliases"] or ())
    if table == "events" and values["place_ref"] is not None:
        values["place_ref"] = Place(**values["place_ref"])
    return RECORD_TYPES[table](**values)


def _fields(cols: Iterable[Column], row: dict) -> dict:
    values: dict = {}
    spans: dict[str, dict] = {}
    for col in cols:
        value = row[col.name]
        if col.part == "json":
            values[col.field] = None if value is None else json.loads(value)
        elif col.part == "value":
            values[col.field] = value
        else:
            spans.setdefault(col.field, {})[col.part] = value
    for name, parts in spans.items():
        values[name] = None if parts["start"] is None else Span(parts["start"], parts["end"], parts["text"])
    return values

