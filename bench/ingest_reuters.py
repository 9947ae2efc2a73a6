"""Throughput benchmark: sayso ingest vs plain ``nlp.pipe`` on Reuters-21578.

Both runs use the same texts, the same model and the same batch size, in the
same process, so their ratio is meaningful on any machine. The baseline is the model as
shipped (``en_core_web_sm.load()``, its default components) running ``nlp.pipe``; sayso's
ingest parses with its own set-up of that model (sayso/nlp.py) and does everything else:

    python bench/ingest_reuters.py [--stories 1000] [--rounds 6] [--corpus ../shared/evaldata/reuters21578]

The stories are dealt into ``--rounds`` chunks (story k to chunk k mod rounds) and the two sides
run on each chunk in turn, the order alternating (pipe first, then ingest first), so that this
machine's speed drifting during the run (up to 15% from one minute to the next, measured) falls on
both sides alike; with one round each side runs once over all stories, as before. Ingest goes into
one ledger across the rounds.

Prints both throughputs (stories/s, words/s), the ratio sayso/pipe overall and per round, and the
process's peak memory (max RSS). No timing is asserted.
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
ROUNDS = 6
"""Alternating rounds: enough that drift cancels, each still about 170 stories (5 batches)."""
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
    from sayso import nlp
    from sayso.errors import ModelNotFound

    try:
        return nlp.load_shipped()
    except ModelNotFound as error:
        raise SystemExit(str(error)) from None


def peak_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="alternating rounds (1: each side once)")
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
    words = sum(len(s["text"].split()) for s in stories)
    nlp.load()  # model load is excluded from both timings
    mem_loaded = peak_mb()
    warm = Article(text=WARM_UP, published="2024-01-02")
    start = time.perf_counter()
    extract(nlp.load()(warm.text), warm)  # loads every stage's lexicons and models (quantulum3, CRF)
    warm_s = time.perf_counter() - start
    plain = plain_model()
    for _ in plain.pipe([WARM_UP]):
        pass

    chunks = [stories[k::args.rounds] for k in range(args.rounds)]
    rounds, claims, new, failed = [], 0, 0, 0
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "bench.db") as ledger:
        for k, chunk in enumerate(chunks):
            corpus_file = Path(tmp) / f"reuters-{k}.jsonl"
            corpus_file.write_text("".join(json.dumps(s) + "\n" for s in chunk), encoding="utf-8")
            sides = {"pipe": lambda: _drain(plain.pipe([s["text"] for s in chunk], batch_size=nlp.BATCH_SIZE)),
                     "ingest": lambda: ingest([corpus_file], ledger)}
            spent, outcome = {}, {}
            for side in (("pipe", "ingest") if k % 2 == 0 else ("ingest", "pipe")):  # order alternates
                wall, cpu = time.perf_counter(), time.process_time()
                outcome[side] = sides[side]()
                spent[side] = (time.perf_counter() - wall, time.process_time() - cpu)
            summary = outcome["ingest"]
            claims, new, failed = claims + summary.claims, new + summary.new, failed + summary.failed
            rounds.append({"stories": len(chunk), **{f"{side}_{kind}": round(v[j], 3) for side, v in spent.items()
                                                     for j, kind in enumerate(("s", "cpu_s"))}})
    mem_end = peak_mb()
    result = report(stories, words, rounds, claims, new, failed, warm_s, mem_loaded, mem_end)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_report(result)
    return 0


def _drain(docs) -> None:
    for _ in docs:
        pass


def report(stories, words, rounds, claims, new, failed, warm_s, mem_loaded, mem_end) -> dict:
    n = len(stories)
    total = {key: sum(r[key] for r in rounds) for key in ("pipe_s", "ingest_s", "pipe_cpu_s", "ingest_cpu_s")}
    per_round = [round(r["pipe_s"] / r["ingest_s"], 3) for r in rounds]
    return {
        "stories": n, "words": words, "rounds": len(rounds),
        "pipe": {"seconds": round(total["pipe_s"], 2), "stories_per_s": round(n / total["pipe_s"], 1),
                 "words_per_s": round(words / total["pipe_s"])},
        "sayso_ingest": {"seconds": round(total["ingest_s"], 2), "stories_per_s": round(n / total["ingest_s"], 1),
                         "words_per_s": round(words / total["ingest_s"]), "claims": claims, "new": new,
                         "failed": failed},
        "ratio_ingest_over_pipe_throughput": round(total["pipe_s"] / total["ingest_s"], 3),
        "ratio_per_round": per_round,
        "cpu_seconds": {"pipe": round(total["pipe_cpu_s"], 2), "sayso_ingest": round(total["ingest_cpu_s"], 2)},
        "ratio_by_cpu_time": round(total["pipe_cpu_s"] / total["ingest_cpu_s"], 3),
        "stage_warm_up_seconds": round(warm_s, 2),
        "peak_rss_mb": {"model_loaded": round(mem_loaded), "end": round(mem_end)},
    }


def print_report(r: dict) -> None:
    print(f"{r['stories']} Reuters-21578 stories, {r['words']} words, {r['rounds']} alternating rounds")
    print(f"plain nlp.pipe: {r['pipe']['seconds']:8.2f} s  {r['pipe']['stories_per_s']:7.1f} stories/s")
    s = r["sayso_ingest"]
    print(f"sayso ingest  : {s['seconds']:8.2f} s  {s['stories_per_s']:7.1f} stories/s  ({s['claims']} claims)")
    print(f"ratio (ingest throughput / pipe throughput): {r['ratio_ingest_over_pipe_throughput']:.3f}"
          f"  (per round: {', '.join(f'{x:.3f}' for x in r['ratio_per_round'])})")
    c = r["cpu_seconds"]
    print(f"by CPU time of this process (steadier on a shared machine): pipe {c['pipe']} s, ingest "
          f"{c['sayso_ingest']} s, ratio {r['ratio_by_cpu_time']:.3f}")
    print(f"one-off stage warm-up (lexicons, quantulum3, CRF; excluded): {r['stage_warm_up_seconds']:.2f} s")
    m = r["peak_rss_mb"]
    print(f"peak RSS MB: model loaded {m['model_loaded']}, at the end {m['end']} (both pipelines loaded)")


if __name__ == "__main__":
    sys.exit(main())
