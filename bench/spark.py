"""Spark ``local[2]`` against one ``sayso ingest`` process (one job) on Reuters-21578 stories.

    python bench/spark.py [--stories 5000] [--master local[2]] [--corpus ../shared/evaldata/reuters21578]

The same JSONL file of stories (as bench/ingest_reuters.py reads them) goes through, each as its
own command in a fresh process, so start-up and model loading count on both sides:

- end to end: ``sayso ingest FILE --db A`` (``--jobs 1`` where the option exists) against
  ``sayso spark FILE OUT --master local[2]`` then ``sayso load OUT --db B``;
- extraction only: one process reading and extracting the file (``extract_articles``, no ledger)
  against ``sayso spark`` alone.

Prints each time, both ratios (one-job time / Spark time: above 1 means Spark is faster) and the
two ledgers' counts, which must be equal. Timings are wall-clock on whatever else the machine is
doing: run it twice on a shared machine. No timing is asserted.

On a machine shared with other sessions, Linux's autogroup scheduler gives each session one share
of the CPUs however many processes it runs, so no multi-process run can beat one process there.
The CPU seconds of every process (from /proc) are printed too, with an estimate for an idle
machine: one-job CPU time over Spark's critical path (driver + JVM + the busiest worker, the
serial part counted as never overlapping). The measured wall ratio is the figure; the estimate
says what the CPUs did.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from ingest_reuters import DEFAULT_CORPUS, read_stories  # noqa: E402

EXTRACT_ONLY = """
import sys
from sayso.pipeline import extract_articles
from sayso.sources import read_articles
from sayso.errors import SourceError
done = sum(1 for x in extract_articles(a for a in read_articles([sys.argv[1]]) if not isinstance(a, SourceError)))
print(done)
"""


TICKS = os.sysconf("SC_CLK_TCK")
POLL_S = 0.5


def tree_cpu(root: int, seen: dict[int, float]) -> None:
    """Record the CPU seconds (user + system) of ``root`` and every process under it in ``seen``."""
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry)] = int(fields[1])
            cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / TICKS
    inside = {root}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in inside and pid not in inside:
                inside.add(pid)
                changed = True
    for pid in inside:
        if pid in cpu:
            seen[pid] = max(seen.get(pid, 0.0), cpu[pid])


def timed(args: list[str], env: dict) -> tuple[float, dict[int, float]]:
    """Wall seconds of one command, and the CPU seconds of each process it ran (polled from /proc:
    the JVM and Spark's Python workers included; a process living under 0.5 s may be missed)."""
    seen: dict[int, float] = {}
    start = time.perf_counter()
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL)
    while process.poll() is None:
        tree_cpu(process.pid, seen)
        time.sleep(POLL_S)
    return time.perf_counter() - start, seen


def has_jobs_option(python: str) -> bool:
    help_text = subprocess.run([python, "-m", "sayso.views.cli", "ingest", "--help"], capture_output=True, text=True).stdout
    return "--jobs" in help_text


def counts(python: str, db: Path) -> dict:
    code = f"from sayso.ledger import Ledger\nwith Ledger({str(db)!r}) as l: print(__import__('json').dumps(l.counts()))"
    return json.loads(subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=5000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    python = sys.executable
    env = {**os.environ, "SPARK_LOCAL_IP": os.environ.get("SPARK_LOCAL_IP", "127.0.0.1"), "PYSPARK_PYTHON": python}
    cli = [python, "-m", "sayso.views.cli"]
    stories = read_stories(args.corpus, args.stories)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "reuters.jsonl"
        corpus.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
        jobs = ["--jobs", "1"] if has_jobs_option(python) else []
        ingest_s, ingest_cpu = timed([*cli, "ingest", str(corpus), "--db", str(tmp / "ingest.db"), "--quiet", *jobs], env)
        extract_s, extract_cpu = timed([python, "-c", EXTRACT_ONLY, str(corpus)], env)
        spark_s, spark_cpu = timed([*cli, "spark", str(corpus), str(tmp / "out"), "--master", args.master], env)
        tasks = json.loads((tmp / "out" / "_sayso.json").read_text())["tasks"]
        load_s, load_cpu = timed([*cli, "load", str(tmp / "out"), "--db", str(tmp / "load.db"), "--quiet"], env)
        ingested, loaded = counts(python, tmp / "ingest.db"), counts(python, tmp / "load.db")
    workers = {pid: spark_cpu.get(pid, 0.0) for pid in {t["pid"] for t in tasks}}
    serial = sum(spark_cpu.values()) - sum(workers.values())  # driver, JVM, daemon: counted as if never parallel
    spark_path = serial + max(workers.values())  # the busiest worker: the job's CPU critical path
    cpu = {"ingest": sum(ingest_cpu.values()), "extract": sum(extract_cpu.values()), "spark": sum(spark_cpu.values()),
           "spark_workers": sorted(round(v, 1) for v in workers.values()), "spark_serial": serial,
           "spark_critical_path": spark_path, "load": sum(load_cpu.values())}
    result = {
        "stories": len(stories), "master": args.master, "ingest_jobs_1_s": round(ingest_s, 1),
        "extract_one_process_s": round(extract_s, 1), "spark_s": round(spark_s, 1), "load_s": round(load_s, 1),
        "ratio_end_to_end": round(ingest_s / (spark_s + load_s), 3),
        "ratio_extraction_only": round(extract_s / spark_s, 3),
        "cpu_seconds": {k: (round(v, 1) if isinstance(v, float) else v) for k, v in cpu.items()},
        "idle_estimate_end_to_end": round(cpu["ingest"] / (spark_path + cpu["load"]), 3),
        "idle_estimate_extraction_only": round(cpu["extract"] / spark_path, 3),
        "same_counts": ingested == loaded, "ingest_counts": ingested, "load_counts": loaded,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['stories']} Reuters-21578 stories; Spark {args.master} against one process (jobs 1)")
        print(f"end to end : ingest {ingest_s:8.1f} s   spark {spark_s:8.1f} s + load {load_s:6.1f} s   "
              f"ratio {result['ratio_end_to_end']:.3f}")
        print(f"extraction : one process {extract_s:8.1f} s   spark {spark_s:8.1f} s   "
              f"ratio {result['ratio_extraction_only']:.3f}")
        c = result["cpu_seconds"]
        print(f"CPU seconds: ingest {c['ingest']}, one-process extraction {c['extract']}, spark {c['spark']} "
              f"(workers {c['spark_workers']}, driver + JVM {c['spark_serial']}), load {c['load']}")
        print(f"estimate on an idle machine (CPU critical path: driver + JVM + busiest worker): "
              f"end to end {result['idle_estimate_end_to_end']:.3f}, extraction {result['idle_estimate_extraction_only']:.3f}")
        print(f"same ledger counts: {result['same_counts']} {ingested}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
