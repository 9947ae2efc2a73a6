"""Every core: worker processes parse and extract, the calling process stores in input order.

>>> for item in extract_parallel(articles, 2, extract_batch, warm_up):   # doctest: +SKIP
...     ledger.store(item)                               # in the order the articles came

The calling process loads the spaCy model, the trained models and the stages' tables once
(``warm_up``), then forks the workers (they share those pages and start at once); each worker runs
``work`` (:func:`sayso.pipeline.extract_batch`: :func:`sayso.pipeline.extract_articles`) on one
batch of articles at a time: the parse, the stages, a long article in parts, an article that fails becoming its
:class:`~sayso.errors.SourceError`. The caller reads its inputs lazily and keeps only
:data:`AHEAD` batches per worker in flight, so memory does not grow with the corpus; results come
back in input order, so the one writer stores every article in its own transaction exactly as a
one-process run would (entities are linked across articles in the writer, in that order).

A killed run loses nothing stored: a worker only extracts, and the writer commits article by
article. Workers end with the calling process (on Linux they are asked to, even after a kill -9).
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .errors import SaysoError, SourceError
from .records import Article, Extraction

log = logging.getLogger(__name__)

BATCH_ARTICLES = 32
"""Articles a worker extracts per task: the parser batches this many (fewer made it 12% slower)."""
BATCH_CHARS = 200_000
"""A task closes earlier once its articles hold this many characters (long speeches)."""
AHEAD = 2
"""Tasks in flight per worker: one being worked on, one waiting (bounded memory, no idle worker)."""
START_METHOD = "fork"
"""Workers are forks of the caller: they start in a fraction of a second with the model the caller
already loaded (shared pages), and a caller's script needs no ``if __name__ == "__main__"`` guard
(spawn and forkserver run the main script again in each worker). A worker touches nothing of the
caller's but its own batch: not the ledger connection, not the progress bar."""


class WorkerError(SaysoError):
    """A worker process died (killed, out of memory): the run stops, what is stored stays."""


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def extract_parallel(articles: Iterable[Article], jobs: int, work: Callable[[list[Article]], list],
                     warm_up: Callable[[], None] | None = None) -> Iterator[Extraction | SourceError]:
    """Run ``work`` (a module-level function: one batch of articles -> their extractions or failures)
    over ``articles`` in ``jobs`` worker processes; yield the results in input order."""
    if warm_up is not None:
        warm_up()  # before the fork: every worker starts with the model and the tables loaded, pages shared
    context = multiprocessing.get_context(START_METHOD)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker)
    window: deque = deque()
    try:
        for batch in batches(articles):
            window.append(pool.submit(work, batch))
            while len(window) >= jobs * AHEAD:
                yield from _results(window.popleft())
        while window:
            yield from _results(window.popleft())
    finally:
        for future in window:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    """Consecutive batches of at most :data:`BATCH_ARTICLES` articles and about :data:`BATCH_CHARS`."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        batch.append(article)
        chars += len(article.text)
        if len(batch) >= BATCH_ARTICLES or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _results(future) -> list[Extraction | SourceError]:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise WorkerError("a worker process died (killed, or out of memory); every article stored so far "
                          "is complete: run again to continue") from exc


def _start_worker() -> None:
    """Once per worker: end with the parent, leave Ctrl-C to it; the rest came with the fork."""
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and shuts the pool down


def _die_with_parent() -> None:
    """Ask Linux to end this process when its parent ends (also after kill -9 of the parent)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)
    except (OSError, AttributeError):  # pragma: no cover - not Linux: the pool's own shutdown only
        pass
