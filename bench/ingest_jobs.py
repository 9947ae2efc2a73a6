"""All cores: ``sayso ingest --jobs 2`` against ``--jobs 1`` on the same stories, and peak memory per process.

    python bench/ingest_jobs.py [--stories 5000] [--jobs 1 2] [--input speeches.csv ...]

Each run is the command line as a user runs it (a fresh process: model loading and the workers'
start included), into a fresh ledger, on the same input: by default the first ``--stories``
Reuters-21578 stories as one JSONL file, or the files given with ``--input`` (the Zelenskyy
speeches CSV is read directly). While a run goes, the peak resident memory (``VmHWM``) of the
command's process (the reader and writer) and of each worker is read from /proc. Prints the wall
time of each run, the speed-up of every run over the first, and the largest peak per role.
The CPU time of each run (the command and its workers) is printed too: "cores busy" near the
number of jobs means the run had the cores to itself; well below it, other work on the machine
took them and the speed-up says little. Timing is asserted nowhere (run twice).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_reuters import DEFAULT_CORPUS, read_stories  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SAYSO = [sys.executable, "-m", "sayso.views.cli"]


def children(pid: int) -> list[int]:
    """Direct children of ``pid`` (Linux /proc)."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                found += [int(p) for p in fh.read().split()]
    except OSError:
        pass
    return found


def peak_mb(pid: int) -> float | None:
    """The process's peak resident memory so far (VmHWM), in MB."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Watch(threading.Thread):
    """Reads the peak memory of a command and of its worker processes every ``every`` seconds."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.writer = 0.0
        self.workers: dict[int, float] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.writer = max(self.writer, peak_mb(self.pid) or 0.0)
            for child in children(self.pid):
                self.workers[child] = max(self.workers.get(child, 0.0), peak_mb(child) or 0.0)
            time.sleep(self.every)


def run(inputs: list[str], jobs: int, db: Path, extra: list[str]) -> dict:
    command = [*SAYSO, "ingest", *inputs, "--db", str(db), "--jobs", str(jobs), "--quiet", "--json", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    watch = Watch(process.pid)
    watch.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    watch.done.set()
    watch.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"sayso ingest --jobs {jobs} failed ({process.returncode}): {stderr[-2000:]}")
    summary = json.loads(stdout.strip().splitlines()[-1])
    return {"jobs": jobs, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "new": summary["new"], "failed": summary["failed"],
            "claims": summary["claims"], "peak_mb_writer": round(watch.writer),
            "peak_mb_worker": round(max(watch.workers.values(), default=0.0)), "workers_seen": len(watch.workers)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=5000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--input", nargs="*", default=None, help="ingest these files instead of Reuters stories")
    parser.add_argument("--undated", action="store_true", help="pass --undated to sayso ingest")
    args = parser.parse_args()
    extra = ["--undated"] if args.undated else []
    with tempfile.TemporaryDirectory() as tmp:
        if args.input:
            inputs, label = [str(Path(p).resolve()) for p in args.input], " ".join(args.input)
        else:
            stories = read_stories(args.corpus, args.stories)
            corpus = Path(tmp) / "reuters.jsonl"
            corpus.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
            inputs, label = [str(corpus)], f"{len(stories)} Reuters-21578 stories"
        results = [run(inputs, jobs, Path(tmp) / f"jobs{jobs}.db", extra) for jobs in args.jobs]
    print(f"sayso ingest on {label} (cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f})")
    base = results[0]["seconds"]
    for r in results:
        print(f"--jobs {r['jobs']}: {r['seconds']:7.1f} s  speed-up {base / r['seconds']:.2f}x  "
              f"(CPU {r['cpu_seconds']} s, {r['cpu_seconds'] / r['seconds']:.2f} cores busy)  "
              f"new {r['new']}, failed {r['failed']}, claims {r['claims']}; peak RSS MB: writer "
              f"{r['peak_mb_writer']}, largest worker {r['peak_mb_worker']} ({r['workers_seen']} workers)")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
