"""``sayso spark INPUT... OUTPUT``: extraction on Apache Spark, every record type written as Parquet.

    sayso spark news.jsonl archive/ out/           # local mode, all cores
    spark-submit --master local[2] sayso/scale/submit.py news.jsonl out/   # the same, under spark-submit

Stages (the extraction itself is :func:`sayso.pipeline.extract_articles`, unchanged):

1. plan (driver): the inputs cut into units (:mod:`sayso.scale.units`): ranges of JSONL lines or
   Parquet rows, whole WARC and other files;
2. extract (executors, ``mapPartitions``): each unit read with the :mod:`sayso.sources` readers and
   extracted; the spaCy pipeline and the models are loaded once per executor Python process (the
   process-wide ``nlp.load()`` and ``Models.default()``; Spark reuses its Python workers);
3. write (executors): each task writes its unit's rows of every table as one Parquet file,
   ``OUTPUT/<table>/chunk=<unit>/part-0.parquet`` (:mod:`sayso.scale.tables`; renamed into place
   when complete, so a task run again replaces it whole); the folders are Hive partitions that
   Spark, pyarrow, DuckDB and pandas read as one table each;
4. the driver writes ``_sayso.json`` last (units, row counts, extractor strings, failures, each
   task's time). An output without it is incomplete and ``sayso load`` refuses it.

Why the executors write the files rather than Spark's DataFrame writer: one table per record type
from one pass over the articles would need the extracted rows cached and scanned ten times (one
write per table); on 60 stories that took 48 s more than the extraction. Output paths must be
on a filesystem every executor and the driver see (local in local mode; NFS or the like on a cluster).

A bad record (unreadable line, article the parser fails on) is a row of the ``failures`` table and
a line of the report, never the end of the job. Nothing is downloaded: PySpark ships its jars.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sayso.errors import SaysoError, SourceError
from sayso.scale import tables
from sayso.scale.units import CHUNK, Unit, check_inputs, options, plan, read_unit

MANIFEST = "_sayso.json"
"""The file ``sayso spark`` writes last; its presence marks a complete output."""
FORMAT = 1
"""The output layout's version (``tables`` columns; bump when they change incompatibly)."""
LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
"""The driver JVM's options in local mode, where it only schedules tasks and passes small results:
the quick JIT and one GC thread. Measured: a session that runs one small job took 5.2 s of JVM CPU
instead of 8.8 s (wall 10.7 s instead of 18.3 s on the shared machine)."""
TASKS_PER_CORE = 4
"""At least this many units per core when the input allows (the last tasks finish close together)."""
SHOWN_FAILURES = 1000
"""Failures listed in the manifest (all are in the failures table)."""


class SparkJobError(SaysoError):
    """The job cannot run as asked (output exists, no inputs, PySpark missing)."""


@dataclass
class SparkSummary:
    """What one Spark job wrote."""

    output: str
    units: int
    counts: dict[str, int]
    extractors: dict[str, str] = field(default_factory=dict)
    failures: list[SourceError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)  # per unit: executor process id, wall and CPU seconds

    @property
    def articles(self) -> int:
        return self.counts.get("articles", 0)


def run(paths: Iterable[str], output: str | Path, *, date: str | None = None, fields: dict[str, str] | None = None,
        allow_undated: bool = False, speaker: str | None = None, chunk: int = CHUNK, overwrite: bool = False,
        master: str | None = None, spark=None) -> SparkSummary:
    """Extract every article under ``paths`` on Spark and write the tables under ``output``.

    ``spark``: a SparkSession to use (else one is made: ``master``, default ``local[*]``, or what
    spark-submit set). Raises ValueError for bad options, SparkJobError when the output exists.
    """
    paths = [os.fspath(p) for p in paths]
    reading = {"date": date, "fields": fields or {}, "allow_undated": allow_undated, "speaker": speaker}
    options(**reading)  # the caller's mistakes are found here, not on the executors
    if not paths:
        raise ValueError("give files or folders to read")
    check_inputs(paths)
    out = Path(output)
    _prepare(out, overwrite)
    session, made = (spark, False) if spark is not None else session_for(master)
    try:
        units = balanced_plan(paths, chunk, session.sparkContext.defaultParallelism)
        return _run(session, units, reading, out)
    finally:
        if made:
            session.stop()


def balanced_plan(paths: list[str], chunk: int, parallelism: int) -> list[Unit]:
    """The units of ``paths`` (:func:`sayso.scale.units.plan`), cut smaller when there are fewer than
    :data:`TASKS_PER_CORE` per core: 5 units on 2 cores leave one core idle a fifth of the time."""
    units = plan(paths, chunk)
    wanted = TASKS_PER_CORE * max(1, parallelism)
    records = sum(u.stop - u.start for u in units if u.stop is not None)
    if len(units) < wanted and records:
        smaller = max(1, -(-records // wanted))
        if smaller < chunk:
            units = plan(paths, smaller)
    return units


def _prepare(out: Path, overwrite: bool) -> None:
    if out.exists() and not out.is_dir():
        raise SparkJobError(f"{out}: is a file; OUTPUT is a folder")
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise SparkJobError(f"{out}: exists and is not empty (give another OUTPUT, or --overwrite)")
        if not (out / MANIFEST).is_file() and not all(p.name in tables.TABLES for p in out.iterdir()):
            raise SparkJobError(f"{out}: is not a sayso spark output; not overwritten")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def session_for(master: str | None = None):
    """(session, made here): the active SparkSession, else a new one for sayso: quiet, no web UI,
    the executors' Python this one (local mode)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkJobError("PySpark is not installed: pip install 'sayso[spark]' (or -r requirements-spark.txt)") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active, False
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("sayso").config("spark.ui.enabled", "false") \
        .config("spark.ui.showConsoleProgress", "false")
    if not master and "SPARK_HOME" not in os.environ and "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = "local[*]"  # not under spark-submit
    if master:
        builder = builder.master(master)
    if master and master.startswith("local") and "JAVA_TOOL_OPTIONS" not in os.environ:
        builder = builder.config("spark.driver.extraJavaOptions", LOCAL_JVM_OPTIONS)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session, True


def _run(session, units: list[Unit], reading: dict, out: Path) -> SparkSummary:
    sc = session.sparkContext
    where = str(out.resolve())
    try:
        done = sc.parallelize(units, max(1, len(units))) \
            .mapPartitions(lambda part: extract_partition(part, reading, where)).collect()
    except Exception as exc:  # py4j's error: a lost executor, a worker killed for memory
        first = next((line for line in str(exc).splitlines() if line.strip()), type(exc).__name__)
        raise SparkJobError(f"the Spark job failed ({first[:300]}); {out} is incomplete (no {MANIFEST})") from exc
    counts = {t: sum(d["counts"].get(t, 0) for d in done) for t in tables.TABLES}
    versions = {json.dumps(v, sort_keys=True) for d in done for v in d["extractors"]}
    failures = [SourceError(*f) for d in done for f in d["failures"]]
    summary = SparkSummary(str(out), len(units), counts, json.loads(versions.pop()) if len(versions) == 1 else {},
                           failures, [w for d in done for w in d["warnings"]],
                           [{k: d[k] for k in ("pid", "seconds", "cpu_seconds")} for d in done])
    _write_manifest(out, summary)
    return summary


def arrow_schema(table: str):
    """The Parquet schema of one table's files (:func:`sayso.scale.tables.column_names` with their
    types; ``chunk`` is the folder's name, ``chunk=N``, as Spark and pyarrow read partitions)."""
    import pyarrow as pa

    kinds = {"string": pa.string(), "long": pa.int64(), "double": pa.float64(), "boolean": pa.bool_()}
    lead = {"source_seq": "long", "record_seq": "long", "article_id": "string", "index": "long",
            "path": "string", "line": "long", "reason": "string"}
    typed = {**lead, **{c.name: c.type for c in tables.columns(table)}}
    return pa.schema([(name, kinds[typed[name]]) for name in tables.column_names(table)[1:]])


def extract_partition(units: Iterable[Unit], reading: dict, out: str) -> Iterator[dict]:
    """Extract each unit and write its rows of every table under ``out``; yield what was written.

    Runs on an executor. A unit's files are written under a temporary name and renamed into place,
    so a task run again (a lost executor) replaces them whole."""
    for unit in units:
        began, cpu = time.perf_counter(), time.process_time()
        by_table: dict[str, list[tuple]] = {t: [] for t in tables.TABLES}
        for table, row in unit_rows(unit, reading):
            by_table[table].append(row)
        for table, rows in by_table.items():
            if rows:
                _write_table(Path(out) / table / f"chunk={unit.seq}", table, rows)
        articles = by_table["articles"]
        names = tables.column_names("articles")
        yield {"counts": {t: len(r) for t, r in by_table.items()},
               "extractors": [json.loads(v) for v in {row[-1] for row in articles}],
               "warnings": [w for row in articles for w in json.loads(row[names.index("warnings")] or "[]")],
               "failures": [(r[3], r[5], r[4]) for r in by_table["failures"][:SHOWN_FAILURES]],
               "seconds": time.perf_counter() - began, "cpu_seconds": time.process_time() - cpu, "pid": os.getpid()}


def _write_table(folder: Path, table: str, rows: list[tuple]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    data = pa.Table.from_pylist([dict(zip(schema.names, row[1:])) for row in rows], schema=schema)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".part-{os.getpid()}.parquet.tmp"
    pq.write_table(data, tmp)
    os.replace(tmp, folder / "part-0.parquet")


def unit_rows(unit: Unit, reading: dict) -> Iterator[tuple[str, tuple]]:
    """(table, row) for every record of one unit: its articles extracted, its bad records as failures."""
    from sayso.pipeline import extract_articles

    pending: deque[int] = deque()  # record_seq of each article handed to extraction, in order
    failed: list[tuple] = []

    def articles() -> Iterator:
        for record_seq, item in read_unit(unit, reading):
            if isinstance(item, SourceError):
                failed.append(tables.failure_row(item, unit.seq, unit.source_seq, record_seq))
            else:
                pending.append(record_seq)
                yield item

    for extracted in extract_articles(articles()):
        yield from (("failures", row) for row in failed)
        failed.clear()
        record_seq = pending.popleft()
        if isinstance(extracted, SourceError):
            yield "failures", tables.failure_row(extracted, unit.seq, unit.source_seq, record_seq)
        else:
            yield from tables.rows(extracted, unit.seq, unit.source_seq, record_seq)
    yield from (("failures", row) for row in failed)


def _write_manifest(out: Path, summary: SparkSummary) -> None:
    manifest = {"format": FORMAT, "units": summary.units, "counts": summary.counts, "extractors": summary.extractors, "tasks": summary.tasks,
                "failures": [{"path": e.path, "line": e.line, "reason": e.reason} for e in summary.failures[:SHOWN_FAILURES]]}
    tmp = out / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(out / MANIFEST)


def read_manifest(out: str | Path) -> dict:
    """The manifest of a complete output; SparkJobError for a missing or incomplete one."""
    path = Path(out) / MANIFEST
    if not Path(out).is_dir():
        raise SparkJobError(f"{out}: no such folder (the OUTPUT of sayso spark)")
    if not path.is_file():
        raise SparkJobError(f"{out}: not a complete sayso spark output (no {MANIFEST}; run sayso spark again)")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise SparkJobError(f"{out}: written by another version of sayso spark (format {manifest.get('format')}, "
                            f"this sayso reads {FORMAT})")
    return manifest

