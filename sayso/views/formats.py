"""Output formats (JSON, JSON Lines, CSV, Parquet, schema.org JSON-LD) and the ledger's exports.

Every record type exports with the keys of its shape (:data:`sayso.shapes.RECORD_FIELDS` first,
then the ledger's context: article title, date, URL ...), the same columns in every format. CSV and Parquet hold one value per cell: nested values (a
claim's ``parts``, an article's ``extractors``, a speaker's ``roles``) are JSON text there, and
CSV cells that a spreadsheet would run as formulas are neutralised (:mod:`.safe`).

An export is written to a temporary file beside the output and renamed into place when
complete: a failed export (full disk) leaves the output as it was, and an export never writes
over the ledger or any other SQLite file.
"""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from ..errors import SaysoError
from ..ledger import Ledger
from ..shapes import RECORD_FIELDS
from . import jsonld, safe

FORMATS = ("jsonl", "csv", "parquet", "jsonld")
RECORDS = tuple(RECORD_FIELDS)
JSONLD_RECORDS = ("claims", "forecasts")
SQLITE_MAGIC = b"SQLite format 3\x00"


class ExportError(SaysoError):
    """The export cannot be written where asked (a folder, the ledger, a full disk ...)."""


def export(ledger: Ledger, fmt: str, out: TextIO | str | Path, records: str = "claims") -> int:
    """Write every record of one type to ``out`` (a text stream, or a path written atomically).

    Returns the number of records. ``fmt``: jsonl, csv, parquet (a path only) or jsonld (claims as
    schema.org ``Claim``, resolved forecasts as ``ClaimReview``).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if records not in RECORDS:
        raise ValueError(f"unknown records {records!r} (choose from {', '.join(RECORDS)})")
    if fmt == "jsonld" and records not in JSONLD_RECORDS:
        raise ValueError(f"jsonld exports {' and '.join(JSONLD_RECORDS)}, not {records}")
    rows = ledger.rows(records)
    if isinstance(out, (str, Path)):
        return _to_path(ledger, Path(out), lambda stream: _write(fmt, records, rows, stream), binary=fmt == "parquet")
    if fmt == "parquet":
        raise ValueError("parquet needs an output file (-o FILE)")
    return _write(fmt, records, rows, out)


def _write(fmt: str, records: str, rows: Iterable[dict], out) -> int:
    if fmt == "jsonl":
        return write_jsonl(rows, out)
    if fmt == "csv":
        return write_csv(rows, out, RECORD_FIELDS[records])
    if fmt == "parquet":
        return write_parquet(rows, out, RECORD_FIELDS[records])
    return jsonld.write(records, rows, out)


def check_output(ledger_path: str, path: Path) -> None:
    """ExportError for an output that is a folder, in a missing folder, not a regular file (a
    device, a FIFO), the ledger or an SQLite file."""
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name (-o {path / 'export.jsonl'})")
    if not path.parent.is_dir():
        raise ExportError(f"{path}: the folder {path.parent} does not exist")
    if path.exists() and not path.is_file():  # a device, a FIFO: never replaced by a file
        raise ExportError(f"{path}: is not a regular file; leave out -o to write to standard output")
    ledger = Path(ledger_path)
    for own in (ledger, Path(f"{ledger}-wal"), Path(f"{ledger}-shm"), Path(f"{ledger}-journal")):
        if path.exists() and own.exists() and os.path.samefile(path, own):
            raise ExportError(f"{path}: is the ledger itself; an export never writes over it")
    if path.is_file():
        try:
            with open(path, "rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise ExportError(f"{path}: cannot be read to check it ({exc.strerror})") from None
        if head == SQLITE_MAGIC:
            raise ExportError(f"{path}: is an SQLite database; an export never writes over one")


def _to_path(ledger: Ledger, path: Path, write, binary: bool) -> int:
    """Run ``write(stream)`` into a temporary file beside ``path``, then rename it into place."""
    check_output(ledger.path, path)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as stream:
            n = write(stream)
        os.replace(temp, path)
        return n
    except OSError as exc:
        raise ExportError(f"{path}: could not write the export ({exc.strerror or exc}); nothing was changed") from None
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def _cell(value):
    """One CSV/Parquet value: nested values as JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict, tuple)) else value


def write_jsonl(rows: Iterable[dict], out: TextIO) -> int:
    """One JSON object a line, UTF-8 kept as is."""
    n = 0
    for n, row in enumerate(rows, 1):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n


def write_csv(rows: Iterable[dict], out: TextIO, columns: Sequence[str] | None = None) -> int:
    """A header (the first row's keys; ``columns`` when there is no row), then one line a row;
    cells neutralised."""
    writer = None
    n = 0
    for n, row in enumerate(rows, 1):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: safe.csv_cell(_cell(v)) for k, v in row.items()})
    if writer is None and columns:
        csv.DictWriter(out, fieldnames=list(columns)).writeheader()
    return n


def write_parquet(rows: Iterable[dict], out, columns: Sequence[str]) -> int:
    """A Parquet file with the first row's keys as columns (``columns`` when there is no row;
    pyarrow; nested values as JSON text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    data: dict[str, list] | None = None
    n = 0
    for n, row in enumerate(rows, 1):
        data = data if data is not None else {c: [] for c in row}
        for c in data:
            data[c].append(_cell(row.get(c)))
    data = data if data is not None else {c: [] for c in columns}
    pq.write_table(pa.table({c: _column(pa, values) for c, values in data.items()}), out)
    return n


def _column(pa, values: list):
    """A pyarrow array; a column of mixed types (a number here, text there) is stored as text."""
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else str(v) for v in values], type=pa.string())


def as_json(rows: Sequence[dict]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2)


def as_jsonl(rows: Sequence[dict]) -> str:
    buf = io.StringIO()
    write_jsonl(rows, buf)
    return buf.getvalue()


def as_csv(rows: Sequence[dict]) -> str:
    buf = io.StringIO()
    write_csv(rows, buf)
    return buf.getvalue()
