"""``sayso load OUTPUT --db LEDGER``: a ``sayso spark`` output into a ledger, idempotently.

Each article's records are rebuilt as the Extraction the executor made (:func:`sayso.scale.tables.extraction`)
and stored through the ledger's public API in the order ``sayso ingest`` would have read them (so
entities link the same way), one transaction per article, with ingest's rules:

- an article the ledger holds under the same extractor strings is unchanged (a copy with other
  metadata is recorded as a version; an undated stored article that the copy dates is stored again);
- otherwise it is stored (``new``, or ``updated`` when stored under other strings);
- each failure is recorded once per (path, line, reason).

So loading twice gives the same ledger, and an interrupted load run again finishes the job. Memory
is one unit (a Spark task's share of the input) at a time.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from sayso.errors import SourceError
from sayso.ledger import Ledger
from sayso.summary import IngestSummary
from sayso.records import Extraction
from sayso.scale import tables
from sayso.scale.spark import read_manifest

Progress = Callable[[str], None]


def load(output: str | Path, ledger: Ledger, progress: Progress | None = None) -> IngestSummary:
    """Store every article and failure of a ``sayso spark`` output in ``ledger``."""
    manifest = read_manifest(output)
    report = progress or (lambda outcome: None)
    summary = IngestSummary()
    datasets = _datasets(Path(output))
    for unit in range(manifest["units"]):
        for item in _unit_items(datasets, unit):
            if isinstance(item, SourceError):
                ledger.record_failure(item.path, item.reason, item.line)
                summary.errors.append(item)
                summary.count("failed")
                report("failed")
            else:
                report(_store(ledger, item, summary))
    return summary


def count(output: str | Path) -> int:
    """Articles and failures in an output (a progress bar's total)."""
    counts = read_manifest(output)["counts"]
    return counts.get("articles", 0) + counts.get("failures", 0)


def _store(ledger: Ledger, ex: Extraction, summary: IngestSummary) -> str:
    summary.warnings.extend(ex.article.warnings)
    if ledger.stored_extractors(ex.article.id) == ex.extractors:
        outcome = ledger.record_metadata(ex.article)
        summary.metadata += outcome != "same"
        if outcome != "dated":
            summary.count("unchanged")
            return "unchanged"
    outcome = ledger.store(ex)
    summary.count(outcome, len(ex.claims))
    return outcome


def _datasets(out: Path) -> dict:
    """Each table's pyarrow dataset (partitioned by unit), None for a table with no rows."""
    import pyarrow.dataset as ds

    found = {}
    for table in tables.TABLES:
        folder = out / table
        dataset = ds.dataset(str(folder), format="parquet", partitioning="hive") if folder.is_dir() else None
        found[table] = dataset if dataset is not None and dataset.files else None
    return found


def _unit_items(datasets: dict, unit: int) -> list[Extraction | SourceError]:
    """The unit's articles (rebuilt) and failures, in input order."""
    import pyarrow.dataset as ds

    def rows(table: str) -> list[dict]:
        dataset = datasets[table]
        return [] if dataset is None else dataset.to_table(filter=ds.field("chunk") == unit).to_pylist()

    records: dict[tuple, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for table in tables.RECORD_TYPES:
        for row in rows(table):
            records[(row["source_seq"], row["record_seq"])][table].append(row)
    items: list[tuple[tuple, Extraction | SourceError]] = []
    for row in rows("articles"):
        key = (row["source_seq"], row["record_seq"])
        items.append((key, tables.extraction(row, records.get(key, {}))))
    for row in rows("failures"):
        items.append(((row["source_seq"], row["record_seq"]), SourceError(row["path"], row["reason"], row["line"])))
    items.sort(key=lambda item: item[0])
    return [item for _, item in items]
