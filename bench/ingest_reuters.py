"""Throughput benchmark: sayso ingest vs plain ``nlp.pipe`` on Reuters-21578.

Both runs use the same texts, the same model and the same batch size, in the
same process, so their ratio is meaningful on any machine. The baseline is the model as
shipped (``en_core_web_sm.load()``, its default components) running ``nlp.pipe``; sayso's
ingest parses with its own set-up of that model (sayso/nlp.py) and does everything else:

    python bench/ingest_reuters.py [--stories 1000] [--corpus ../shared/evaldata/reuters21578]

Prints both throughputs (stories/s, words/s), the ratio sayso/pipe, and the
process's peak memory (max RSS) after each phase. No timing is asserted.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "evaldata" / "reuters21578"
STORY = re.compile(r"<REUTERS.*?</REUTERS>", re.S)
FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "BODY")}
REUTERS_DATE = "%d-%b-%Y"
WARM_UP = 'The minister said 3,000 people "will leave by March", officials expect.'


def read_stories(corpus: Path, limit: int) -> list[dict]:
    """The first ``limit`` stories that have a body, as JSONL-ready dicts."""
    stories = []
    for sgm in sorted(corpus.glob("reut2-*.sgm")):
        for raw in STORY.findall(sgm.read_bytes().decode("latin-1")):
            story = parse_story(raw)
            if story:
                stories.append(story)
            if len(stories) == limit:
                return stories
    return stories


def parse_story(raw: str) -> dict | None:
    found = {k: (m.group(1) if (m := rx.search(raw)) else "") for k, rx in FIELD.items()}
    body = html.unescape(found["BODY"]).replace("\x03", "").strip()
    if not body:
        return None
    day = datetime.strptime(found["DATE"].strip().split()[0], REUTERS_DATE).date().isoformat()
    return {"title": html.unescape(found["TITLE"]).strip(), "text": body, "date": day, "source": "Reuters"}


def plain_model():
    """The English model as shipped: its package's ``load()``, default components, nothing of sayso's."""
    import importlib

    from sayso import nlp

    for name in nlp.MODEL_PACKAGES:
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise SystemExit("no English model installed")


def peak_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2

    from sayso import nlp
    from sayso.ledger import Ledger
    from sayso.pipeline import extract, ingest
    from sayso.records import Article

    stories = read_stories(args.corpus, args.stories)
    texts = [s["text"] for s in stories]
    words = sum(len(t.split()) for t in texts)
    nlp.load()  # model load is excluded from both timings
    mem_loaded = peak_mb()
    warm = Article(text=WARM_UP, published="2024-01-02")
    start = time.perf_counter()
    extract(nlp.load()(warm.text), warm)  # loads every stage's lexicons and models (quantulum3, CRF)
    warm_s = time.perf_counter() - start

    plain = plain_model()
    for _ in plain.pipe([WARM_UP]):
        pass
    start, cpu = time.perf_counter(), time.process_time()
    for _ in plain.pipe(texts, batch_size=nlp.BATCH_SIZE):
        pass
    pipe_s, pipe_cpu = time.perf_counter() - start, time.process_time() - cpu
    mem_pipe = peak_mb()
    del plain

    with tempfile.TemporaryDirectory() as tmp:
        corpus_file = Path(tmp) / "reuters.jsonl"
        corpus_file.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
        with Ledger(Path(tmp) / "bench.db") as ledger:
            start, cpu = time.perf_counter(), time.process_time()
            summary = ingest([corpus_file], ledger)
            ingest_s, ingest_cpu = time.perf_counter() - start, time.process_time() - cpu
    mem_ingest = peak_mb()

    result = {
        "stories": len(stories), "words": words,
        "pipe": {"seconds": round(pipe_s, 2), "stories_per_s": round(len(texts) / pipe_s, 1),
                 "words_per_s": round(words / pipe_s)},
        "sayso_ingest": {"seconds": round(ingest_s, 2), "stories_per_s": round(len(texts) / ingest_s, 1),
                         "words_per_s": round(words / ingest_s), "claims": summary.claims,
                         "new": summary.new, "failed": summary.failed},
        "ratio_ingest_over_pipe_throughput": round(pipe_s / ingest_s, 3),
        "cpu_seconds": {"pipe": round(pipe_cpu, 2), "sayso_ingest": round(ingest_cpu, 2)},
        "ratio_by_cpu_time": round(pipe_cpu / ingest_cpu, 3),
        "stage_warm_up_seconds": round(warm_s, 2),
        "peak_rss_mb": {"model_loaded": round(mem_loaded), "after_pipe": round(mem_pipe),
                        "after_ingest": round(mem_ingest)},
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_report(result)
    return 0


def print_report(r: dict) -> None:
    print(f"{r['stories']} Reuters-21578 stories, {r['words']} words")
    print(f"plain nlp.pipe: {r['pipe']['seconds']:8.2f} s  {r['pipe']['stories_per_s']:7.1f} stories/s")
    s = r["sayso_ingest"]
    print(f"sayso ingest  : {s['seconds']:8.2f} s  {s['stories_per_s']:7.1f} stories/s  ({s['claims']} claims)")
    print(f"ratio (ingest throughput / pipe throughput): {r['ratio_ingest_over_pipe_throughput']:.3f}")
    c = r["cpu_seconds"]
    print(f"by CPU time of this process (steadier on a shared machine): pipe {c['pipe']} s, ingest "
          f"{c['sayso_ingest']} s, ratio {r['ratio_by_cpu_time']:.3f}")
    print(f"one-off stage warm-up (lexicons, quantulum3, CRF; excluded): {r['stage_warm_up_seconds']:.2f} s")
    m = r["peak_rss_mb"]
    print(f"peak RSS MB: model loaded {m['model_loaded']}, after pipe {m['after_pipe']}, after ingest {m['after_ingest']}")


if __name__ == "__main__":
    sys.exit(main())
