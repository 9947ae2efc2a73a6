"""Cutting the input into units of work (one Spark task each) and reading one unit.

The driver plans (:func:`plan`): it walks the paths as ``sayso ingest`` does (same files, same
order), and cuts a JSON Lines file into ranges of lines and a Parquet file into ranges of rows,
:data:`CHUNK` records each; every other file (a WARC archive, a folder of .txt, a feed) is one
unit. An executor reads its unit (:func:`read_unit`) with the readers of :mod:`sayso.sources`,
so every record is read, and every bad record reported, exactly as ``sayso ingest`` would.

Each item read carries its file's number (``source_seq``) and its number in the file
(``record_seq``: the line of a JSONL file, the row of a Parquet file, the item's place in any
other file): the order ``sayso ingest`` would store them in, which ``sayso load`` keeps.

Input paths must be readable by every executor (a local path in local mode; a shared
filesystem on a cluster): the readers open files, not Spark data sources.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sayso.errors import SourceError
from sayso.records import Article
from sayso.sources import parse_date, check_fields, read_articles
from sayso.sources.common import Options
from sayso.sources.files import BINARY_SNIFF_BYTES, Found, bom_encoding, iter_lines, open_regular, walk
from sayso.sources.jsonl import line_article
from sayso.sources.parquet import count_rows, numbered_rows
from sayso.sources.web import is_url

CHUNK = 200
"""Records (JSONL lines, Parquet rows) per unit: about 10 s of extraction on one core for news
stories, so two cores stay busy to the end and a failed task repeats little."""


@dataclass(frozen=True)
class Unit:
    """One unit of work: a whole file, a range of a file's lines or rows, or an input that failed."""

    seq: int
    source_seq: int
    path: str
    shown: str
    kind: str  # a sources kind ("jsonl", "warc" ...), "error" for a path that cannot be read
    start: int = 0  # jsonl: first line (from 1) and its byte offset; parquet: first row (from 0)
    stop: int | None = None  # the line or row after the range; None: to the end of the file
    offset: int = 0  # jsonl: the byte offset of line ``start``
    reason: str = ""  # kind "error": why


def plan(paths: Iterable[str], chunk: int = CHUNK) -> list[Unit]:
    """The units of ``paths`` in read order (raises ValueError for a URL or standard input)."""
    units: list[Unit] = []
    check_inputs(paths)
    for source_seq, found in enumerate(walk(list(paths))):
        if isinstance(found, SourceError):
            units.append(Unit(len(units), source_seq, found.path, found.path, "error", start=found.line or 0,
                              reason=found.reason))
            continue
        ranges = _ranges(found, chunk)
        for start, stop, offset in ranges:
            units.append(Unit(len(units), source_seq, found.path, found.shown, found.kind, start, stop, offset))
    return units


def check_inputs(paths: Iterable[str]) -> None:
    """ValueError for a URL or standard input (Spark tasks read files)."""
    for given in paths:
        if given == "-" or is_url(given):
            raise ValueError(f"{given}: sayso spark reads files and folders only (ingest URLs and '-' with sayso ingest)")


def _ranges(found: Found, chunk: int) -> list[tuple[int, int | None, int]]:
    """(start, stop, byte offset) of each range of a file; one whole-file range when it cannot be cut."""
    whole = [(0, None, 0)]
    try:
        if found.kind == "parquet":
            rows = count_rows(found)
            return [(lo, min(lo + chunk, rows), 0) for lo in range(0, rows, chunk)] or whole
        if found.kind == "jsonl":
            return _line_ranges(found, chunk) or whole
    except (OSError, SourceError, Exception):  # noqa: BLE001 - unreadable: the reader reports it
        return whole
    return whole


def _line_ranges(found: Found, chunk: int) -> list[tuple[int, int | None, int]]:
    """Ranges of ``chunk`` lines with the byte offset of each first line; none (read whole) for a
    UTF-16/32 file, a file with no text line, or a range whose first bytes hold a NUL (the reader's
    "binary file" test looks at a stream's first bytes: it must see the same ones)."""
    ranges = []
    offset = 0
    texts = 0
    with open_regular(found) as stream:
        head = stream.read(BINARY_SNIFF_BYTES)
        if bom_encoding(head) not in (None, "utf-8"):
            return []
        stream.seek(0)
        for number, line in enumerate(stream, 1):
            if (number - 1) % chunk == 0:
                ranges.append([number, None, offset])
            texts += bool(line.strip())
            offset += len(line)
    if texts == 0:
        return []
    for here, after in zip(ranges, ranges[1:]):
        here[1] = after[0]
    ranges[-1][1] = number + 1
    with open_regular(found) as stream:
        for _, _, at in ranges[1:]:
            stream.seek(at)
            if b"\x00" in stream.read(BINARY_SNIFF_BYTES):
                return []
    return [tuple(r) for r in ranges]  # type: ignore[misc]


def options(date: str | None = None, fields: dict[str, str] | None = None, allow_undated: bool = False,
            speaker: str | None = None) -> Options:
    """The readers' options, checked as :func:`sayso.sources.read_articles` checks them (ValueError)."""
    if speaker is not None and not (isinstance(speaker, str) and speaker.strip()):
        raise ValueError(f"speaker must be a non-empty name, got {speaker!r}")
    return Options(date=parse_date(date) if date is not None else None, fields=check_fields(fields),
                   allow_undated=allow_undated, speaker=speaker.strip() if speaker else None)


def read_unit(unit: Unit, reading: dict) -> Iterator[tuple[int, Article | SourceError]]:
    """(record_seq, article or error) for every item of one unit, in order; ``reading``: the
    arguments of :func:`sayso.sources.read_articles` (date, fields, allow_undated, speaker)."""
    if unit.kind == "error":
        yield unit.start, SourceError(unit.shown, unit.reason, unit.start or None)
    elif unit.kind == "jsonl" and (unit.start or unit.stop is not None):
        yield from _jsonl_range(unit, options(**reading))
    elif unit.kind == "parquet" and unit.stop is not None:
        yield from numbered_rows(Found(unit.path, unit.shown, unit.kind), options(**reading), unit.start, unit.stop)
    else:
        yield from enumerate(read_articles([unit.path], **reading), 1)


def _jsonl_range(unit: Unit, opts: Options) -> Iterator[tuple[int, Article | SourceError]]:
    """Lines ``start`` to ``stop`` of a JSONL file, read from the byte offset of ``start``."""
    try:
        stream = open_regular(Found(unit.path, unit.shown, unit.kind))
    except SourceError as error:
        yield unit.start, error
        return
    with stream:
        stream.seek(unit.offset)
        for number, line in iter_lines(stream, unit.shown):
            number += unit.start - 1
            if unit.stop is not None and number >= unit.stop:
                return
            if isinstance(line, SourceError):
                if line.line is not None:
                    line.line = number
                yield number, line
            elif line.strip():
                yield number, line_article(unit.shown, line, number, opts)

