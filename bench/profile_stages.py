"""Where the time goes after the parse: milliseconds per story of every extraction stage.

    python bench/profile_stages.py [--stories 1000] [--cprofile figures] [--top 25]

Parses the stories once (timed: the parse's own cost per story, the baseline every stage is
compared with), then runs each stage of :func:`sayso.pipeline.extract` over the parsed Docs and
times it separately, and the ledger write of the finished extractions. ``--cprofile STAGE``
profiles that stage (``all`` for the whole extraction) and prints its most expensive functions
by cumulative time. Times are CPU time of this process (``time.process_time``), which other
processes on a shared machine disturb less than wall time. No timing is asserted.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_reuters import DEFAULT_CORPUS, WARM_UP, read_stories  # noqa: E402


def stage_calls(models):
    """(name, function(doc, article, done) -> result) for every stage, in pipeline order."""
    from sayso.extract.claims import extract_claims
    from sayso.extract.events import extract_events
    from sayso.extract.figures import extract_figures
    from sayso.extract.places import extract_places
    from sayso.extract.forecasts import extract_forecasts
    from sayso.extract.speakers import resolve_speakers
    from sayso.extract.times import extract_times

    return [
        ("claims", lambda doc, a, d: list(extract_claims(doc, a, models))),
        ("speakers", lambda doc, a, d: resolve_speakers(doc, a, d["claims"])),
        ("times", lambda doc, a, d: list(extract_times(doc, a))),
        ("figures", lambda doc, a, d: list(extract_figures(doc, a, d["speakers"][0]))),
        ("forecasts", lambda doc, a, d: list(extract_forecasts(doc, a, d["speakers"][0], d["speakers"][1],
                                                               d["times"]))),
        ("places", lambda doc, a, d: list(extract_places(doc, a))),
        ("events", lambda doc, a, d: list(extract_events(doc, a, d["times"], d["figures"], d["places"],
                                                         model=models.event_typer or False,
                                                         extractor=models.extractor("events")))),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--cprofile", default=None, help="a stage name, or 'all'")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()

    from sayso import nlp
    from sayso.extract.models import Models
    from sayso.ledger import Ledger
    from sayso.pipeline import extract
    from sayso.records import Article

    stories = read_stories(args.corpus, args.stories)
    articles = [Article(text=s["text"], title=s["title"], published=s["date"], date_precision="day",
                        source=s["source"]) for s in stories]
    models = Models.default()
    warm = Article(text=WARM_UP, published="2024-01-02")
    extract(nlp.load()(warm.text), warm, models)
    start = time.process_time()
    docs = list(nlp.load().pipe((a.text for a in articles), batch_size=nlp.BATCH_SIZE))
    parse_s = time.process_time() - start
    n = len(docs)
    print(f"{n} stories; parse {1000 * parse_s / n:.1f} ms/story")

    calls = stage_calls(models)
    profiler = cProfile.Profile() if args.cprofile else None
    spent = {name: 0.0 for name, _ in calls}
    for doc, article in zip(docs, articles):
        done: dict = {}
        for name, call in calls:
            on = profiler is not None and args.cprofile in (name, "all")
            start = time.process_time()
            if on:
                profiler.enable()
            done[name] = call(doc, article, done)
            if on:
                profiler.disable()
            spent[name] += time.process_time() - start
    for name, seconds in spent.items():
        print(f"  {name:10s} {1000 * seconds / n:6.2f} ms/story  ({100 * seconds / parse_s:5.1f}% of the parse)")
    total = sum(spent.values())
    print(f"  {'all':10s} {1000 * total / n:6.2f} ms/story  ({100 * total / parse_s:5.1f}% of the parse)")

    extractions = [extract(doc, a, models) for doc, a in zip(docs, articles)]
    with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "p.db") as ledger:
        start = time.process_time()
        for ex in extractions:
            ledger.store(ex)
        store_s = time.process_time() - start
    print(f"  {'ledger':10s} {1000 * store_s / n:6.2f} ms/story  ({100 * store_s / parse_s:5.1f}% of the parse)")
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
