"""Output formats: JSON Lines (one record a line, nested), CSV (flat), JSON; and the ledger's exports.

Records: claims (the default), forecasts (with their current outcome), figures, time expressions,
places (with their counts), events (with their place and linked reports).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import TextIO

from ..ledger import Ledger

FORMATS = ("jsonl", "csv")
RECORDS = ("claims", "forecasts", "figures", "times", "places", "events")
# CSV keeps scalar columns only; nested values (parts, roles) are JSON-encoded.
CSV_NESTED = (list, dict)


def export(ledger: Ledger, fmt: str, out: TextIO, records: str = "claims") -> int:
    """Write every record of one kind (``RECORDS``) to ``out`` in ``fmt``; returns the number of rows."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if records not in RECORDS:
        raise ValueError(f"unknown records {records!r} (choose from {', '.join(RECORDS)})")
    rows = {"claims": ledger.export_rows, "forecasts": ledger.forecasts,
            "figures": ledger.figure_rows, "times": ledger.times, "places": ledger.places,
            "events": ledger.events}[records]()
    return write_jsonl(rows, out) if fmt == "jsonl" else write_csv(rows, out)


def write_jsonl(rows: Iterable[dict], out: TextIO) -> int:
    """One JSON object a line, UTF-8 kept as is."""
    n = 0
    for n, row in enumerate(rows, 1):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n


def write_csv(rows: Iterable[dict], out: TextIO) -> int:
    """A header from the first row's keys, then one line a row."""
    writer = None
    n = 0
    for n, row in enumerate(rows, 1):
        flat = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, CSV_NESTED) else v
                for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(flat)
    return n


def as_json(rows: Sequence[dict]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2)


def as_csv(rows: Sequence[dict]) -> str:
    buf = io.StringIO()
    write_csv(rows, buf)
    return buf.getvalue()
