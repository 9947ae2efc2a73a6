"""Cost of the events stage against the spaCy parse it runs on, and how it grows with text length.

    python bench/events.py [--stories 300] [--corpus ../shared/evaldata/reuters21578]

1. Per article: the same Reuters-21578 stories are parsed once (``nlp.pipe``, timed), then the
   events stage (``extract_events`` with the times and figures it reads, timed alone; times and
   figures are computed beforehand and not counted) runs on every parsed story. Prints ms per article
   for both and the ratio events / parse.
2. Growth: one long text made of 1, 2, 4 and 8 copies of the stories' text (capped per copy) is
   parsed once per size; the events stage's time per 1,000 characters should stay flat (linear cost).

Both measures are ratios or per-unit figures in one process, so they compare across machines.
No timing is asserted anywhere.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from ingest_reuters import DEFAULT_CORPUS, read_stories  # noqa: E402

GROWTH_FACTORS = (1, 2, 4, 8)
GROWTH_BASE_CHARS = 20_000
REPEATS = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()

    from sayso import nlp
    from sayso.extract.events import extract_events
    from sayso.extract.events.typer import load_typer
    from sayso.extract.figures import extract_figures
    from sayso.extract.times import extract_times
    from sayso.records import Article

    stories = read_stories(args.corpus, args.stories)
    articles = [Article(s["text"], s["title"], s["date"], "day") for s in stories]
    pipeline = nlp.load()
    load_typer()
    list(extract_events(pipeline("Rebels shelled the town."), Article("Rebels shelled the town.")))  # warm up

    t0 = time.perf_counter()
    docs = list(pipeline.pipe([a.text for a in articles], batch_size=nlp.BATCH_SIZE))
    parse_s = time.perf_counter() - t0
    inputs = [(d, a, list(extract_times(d, a)), list(extract_figures(d, a, []))) for d, a in zip(docs, articles)]
    best = float("inf")
    n_events = 0
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        n_events = sum(len(list(extract_events(d, a, t, f))) for d, a, t, f in inputs)
        best = min(best, time.perf_counter() - t0)
    n = len(articles)
    chars = sum(len(a.text) for a in articles)
    print(f"{n} stories, {chars:,} chars, {n_events} events")
    print(f"parse  {1000 * parse_s / n:7.2f} ms/article")
    print(f"events {1000 * best / n:7.2f} ms/article   ratio events/parse = {best / parse_s:.3f}")

    text = "\n\n".join(a.text for a in articles)
    print("growth (events stage, one text of k copies):")
    for k in GROWTH_FACTORS:
        big = "\n\n".join([text[:GROWTH_BASE_CHARS]] * k)
        article = Article(big, published="1987-03-01", date_precision="day")
        doc = pipeline(big)
        times, figures = list(extract_times(doc, article)), list(extract_figures(doc, article, []))
        t0 = time.perf_counter()
        list(extract_events(doc, article, times, figures))
        spent = time.perf_counter() - t0
        print(f"  {len(big):>8,} chars  {1000 * spent / (len(big) / 1000):6.3f} ms per 1,000 chars")
    return 0


if __name__ == "__main__":
    sys.exit(main())
