"""Long articles: each stage's time as the article doubles, and one 2M-character article ingested.

    python bench/long_article.py                      # doubling 50k -> 400k, then 2M characters
    python bench/long_article.py --sizes 50000,100000 --big 0
    python bench/long_article.py --unpunctuated 1000000   # one 1 MB "sentence" with no punctuation

The article is Reuters-21578 stories (normal news prose), one paragraph each, joined until the
first size is reached; each next size is that article written out twice as often (so only the
length changes, not the kind of text). For each size the article goes through the pipeline exactly as ``ingest``
runs it (cut into parts by :mod:`sayso.parts`, parsed, each stage, merged, stored in a fresh
ledger), each stage timed on its own; printed: seconds per stage and the ratio to the previous
size (a linear stage gives 2.0 per doubling; the target is at most 2.3), the least of
``--repeat`` runs. The 2M-character
article (and ``--unpunctuated``) is ingested in a child process: wall time and its peak
resident memory. No time is asserted (the machine may be shared): ratios measured in one run.
"""
from __future__ import annotations

import argparse
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from ingest_reuters import DEFAULT_CORPUS, read_stories  # noqa: E402

clock_now = time.process_time
"""Stage times are CPU seconds of this process: on a shared machine other processes' load barely moves them."""
STAGES = ("extract_claims", "resolve_speakers", "extract_times", "extract_figures", "extract_forecasts")
TARGET_RATIO = 2.3


def article_text(stories: list[dict], chars: int) -> str:
    """Stories joined by blank lines, cut to ``chars`` characters (repeated if the corpus runs out)."""
    parts, total, i = [], 0, 0
    while total < chars:
        text = stories[i % len(stories)]["text"]
        parts.append(text)
        total += len(text) + 2
        i += 1
    return "\n\n".join(parts)[:chars].rstrip() + "\n"


def timed_run(text: str) -> dict[str, float]:
    """Seconds per stage for one article through the pipeline (parts, parse, stages, merge, store)."""
    from sayso import pipeline
    from sayso.ledger import Ledger
    from sayso.records import Article

    clock: dict[str, float] = defaultdict(float)
    originals = {name: getattr(pipeline, name) for name in STAGES}

    def timed(name, fn):
        def run(*args, **kwargs):
            start = clock_now()
            try:
                result = fn(*args, **kwargs)
                return result if isinstance(result, (tuple, list)) else list(result)  # generators run here
            finally:
                clock[name] += clock_now() - start
        return run

    model = pipeline.nlp.load()
    real_pipe = model.pipe

    def timed_pipe(texts, **kwargs):
        start = clock_now()
        docs = list(real_pipe(texts, **kwargs))
        clock["parse"] += clock_now() - start
        return docs

    for name, fn in originals.items():
        setattr(pipeline, name, timed(name, fn))
    model.pipe = timed_pipe
    try:
        article = Article(text=text, title="bench", published="1987-03-02")
        start = clock_now()
        extraction = next(iter(pipeline.extract_articles([article])))
        total = clock_now() - start
        with tempfile.TemporaryDirectory() as folder, Ledger(Path(folder) / "bench.db") as ledger:
            start = clock_now()
            ledger.store(extraction)
            clock["store"] = clock_now() - start
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)
        model.pipe = real_pipe
    clock["merge and rest"] = total - sum(v for k, v in clock.items() if k != "store")
    return {k.replace("extract_", "").replace("resolve_", ""): v for k, v in clock.items()}


def doubled(base: str, size: int) -> str:
    """The article ``base`` written out again and again (a blank line between) to ``size`` characters:
    the content stays the same as the length doubles, so the ratios measure length alone."""
    copies = -(-size // len(base))
    return "\n\n".join([base.rstrip()] * copies)[:size].rstrip() + "\n"


def best_of(text: str, repeat: int) -> dict[str, float]:
    """Each stage's least CPU time over ``repeat`` runs (the usual guard against a busy machine)."""
    runs = []
    for _ in range(repeat):
        gc.collect()
        runs.append(timed_run(text))
    return {k: min(run[k] for run in runs) for k in runs[0]}


def doubling(stories: list[dict], sizes: list[int], repeat: int = 3) -> list[dict]:
    rows, previous = [], None
    if not sizes:
        return rows
    timed_run(article_text(stories, 5_000))  # warm-up: model, lexicons, quantulum3
    base = article_text(stories, sizes[0])
    for size in sizes:
        seconds = best_of(doubled(base, size), repeat)
        ratios = {k: round(v / previous[k], 2) for k, v in seconds.items() if previous and previous.get(k)}
        rows.append({"chars": size, "seconds": {k: round(v, 2) for k, v in seconds.items()}, "ratio": ratios})
        previous = seconds
        print(f"{size:>9,} chars  " + "  ".join(f"{k} {v:.2f}s" + (f" (x{ratios[k]})" if k in ratios else "")
                                                for k, v in seconds.items()), flush=True)
    return rows


def ingest_child(path: str) -> None:
    """In a child process: ingest one file into a fresh ledger; print seconds and peak RSS (MB)."""
    from sayso import nlp
    from sayso.ledger import Ledger
    from sayso.pipeline import ingest

    nlp.load()
    with tempfile.TemporaryDirectory() as folder, Ledger(Path(folder) / "big.db") as ledger:
        start = time.perf_counter()
        summary = ingest([path], ledger, date="1987-03-02")
        seconds = time.perf_counter() - start
        counts = ledger.counts()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": round(seconds, 1), "peak_mb": round(peak), "new": summary.new,
                      "failed": summary.failed, "claims": counts["claims"], "figures": counts["figures"]}))


def big_article(text: str, label: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
        return {"label": label, "error": done.returncode}
    result = {"label": label, "chars": len(text), **json.loads(done.stdout.strip().splitlines()[-1])}
    print(f"{label}: {len(text):,} chars ingested in {result['seconds']} s, peak RSS {result['peak_mb']} MB, "
          f"{result['new']} new, {result['failed']} failed, {result['claims']} claims, {result['figures']} figures")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50000,100000,200000,400000")
    parser.add_argument("--big", type=int, default=2_000_000, help="characters of the big article (0: skip)")
    parser.add_argument("--unpunctuated", type=int, default=0, help="characters of one unpunctuated sentence")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the least CPU time is kept")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        ingest_child(args.child)
        return 0
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    stories = read_stories(args.corpus, 3000)
    out = {"doubling": doubling(stories, [int(s) for s in args.sizes.split(",") if s], args.repeat)}
    worst = max((v for row in out["doubling"] for v in row["ratio"].values()), default=None)
    if worst is not None:
        print(f"largest ratio per doubling: {worst} (target <= {TARGET_RATIO})")
    if args.big:
        out["big"] = big_article(article_text(stories, args.big), "big article")
    if args.unpunctuated:
        words = " ".join(s["text"] for s in stories).replace(".", " ").replace(",", " ").split()
        text = (" ".join(w for w in words if w.isalpha()) * 3)[: args.unpunctuated] + "\n"
        out["unpunctuated"] = big_article(text, "unpunctuated sentence")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
