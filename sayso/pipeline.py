"""The orchestrator: files -> articles -> spaCy Docs -> records -> ledger.

This is the one place that shows the pipeline's stages in order; every stage is a
plain function in its own sub-package of :mod:`sayso.extract`, named and versioned in
:mod:`sayso.stages`. Each stage returns new records and never changes an earlier one's.
"""
from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import nlp, parts
from .errors import SourceError
from .extract.claims import extract_claims
from .extract.events import extract_events
from .extract.figures import extract_figures
from .extract.forecasts import extract_forecasts
from .extract.models import Models
from .extract.places import extract_places
from .extract.speakers import resolve_speakers
from .extract.times import extract_times
from .ledger import Ledger
from .records import Article, Extraction
from .summary import IngestSummary
from .sources import read_articles

log = logging.getLogger(__name__)
Progress = Callable[[str], None]  # called once per article or failure with its outcome


def extractor_versions(models: Models | None = None) -> dict[str, str]:
    """The extractor string of every stage (:mod:`sayso.stages`) and the spaCy model, stored with
    each article's records: an article stored under other strings is stale."""
    models = models or Models.default()
    return {**models.versions, "model": nlp.model_name()}


def extract(doc, article: Article, models: Models | None = None) -> Extraction:
    """The extraction stages for one parsed article, in order (each reads the ones before)."""
    models = models or Models.default()
    claims = list(extract_claims(doc, article, models))  # a. who said what
    claims, entities, mentions = resolve_speakers(doc, article, claims)  # b. who they are
    times = list(extract_times(doc, article))  # c. when, against the article's date
    figures = list(extract_figures(doc, article, claims))  # d. which numbers, whose
    forecasts = list(extract_forecasts(doc, article, claims, entities, times))  # e. what will be
    places = list(extract_places(doc, article))  # f. where, resolved offline to the gazetteer
    events = list(extract_events(doc, article, times, figures, places,  # g. what happened
                                 model=models.event_typer or False, extractor=models.extractor("events")))
    versions = extractor_versions(models)
    return Extraction(article, claims, entities, mentions, versions, times, figures, forecasts, places, events)


def extract_articles(articles: Iterable[Article], n_process: int = 1,
                     models: Models | None = None) -> Iterator[Extraction | SourceError]:
    """Parse and extract many articles (no database), in input order.

    Each article is parsed and extracted inside its own error boundary: a parser or extractor
    that fails on one article makes that article a SourceError (the traceback goes to the debug
    log) and the others go on. A long article is parsed and extracted in parts
    (:mod:`sayso.parts`), so its time and memory grow linearly with its length.
    """
    done: list[tuple[int, Extraction]] = []
    broken: int | None = None  # the number of the article whose part failed
    for n, article, (start, end), last, doc in _parsed_parts(articles, n_process):
        if broken == n:
            continue
        try:
            if isinstance(doc, Exception):
                raise _ParseError(doc)
            done.append((start, extract(doc, parts.part_article(article, start, end), models)))
            if last:
                yield parts.merge(article, done)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
            broken = n
            yield _failure(article, exc)
        if last or broken == n:
            done = []


class _ParseError(Exception):
    """The parser failed on a part of the article (the cause is attached)."""


def _failure(article: Article, exc: Exception) -> SourceError:
    step, cause = ("parsing", exc.args[0]) if isinstance(exc, _ParseError) else ("extraction", exc)
    log.debug("%s failed on %s", step, article.url or article.id, exc_info=cause)
    return SourceError(article.url or article.id, f"{step} failed ({type(cause).__name__}: {cause})")


def _parsed_parts(articles: Iterable[Article], n_process: int = 1):
    """(article number, article, (start, end), is last part, Doc or exception) for every part of
    every article, in order; parsed in batches (of at most ``nlp.BATCH_SIZE`` parts and about
    ``parts.BATCH_CHARS`` characters: the parser's memory grows with the characters of a batch), a batch that fails parsed again one part at a time."""
    def each_part():
        for n, article in enumerate(articles):
            spans = parts.split_text(article.text)
            for number, span in enumerate(spans):
                yield n, article, span, number == len(spans) - 1

    batch: list = []
    chars = 0
    for item in each_part():
        batch.append(item)
        chars += item[2][1] - item[2][0]
        if len(batch) == nlp.BATCH_SIZE or chars >= parts.BATCH_CHARS:
            yield from _parse_batch(batch, n_process)
            batch, chars = [], 0
    yield from _parse_batch(batch, n_process)


def _parse_batch(batch: list, n_process: int):
    model = nlp.load()
    texts = [article.text[start:end] for _, article, (start, end), _ in batch]
    try:
        docs = list(model.pipe(texts, batch_size=nlp.BATCH_SIZE, n_process=n_process)) if texts else []
    except Exception:  # noqa: BLE001 - find the part that failed: parse each alone
        docs = [_parse_one(model, text) for text in texts]
    for item, doc in zip(batch, docs):
        yield (*item, doc)


def _parse_one(model, text: str):
    try:
        return model(text)
    except Exception as exc:  # noqa: BLE001 - returned, reported as the article's failure
        return exc


def ingest(
    paths: Iterable[str | Path],
    ledger: Ledger,
    *,
    date: str | None = None,
    fields: dict[str, str] | None = None,
    allow_undated: bool = False,
    speaker: str | None = None,
    stdin=None,
    progress: Progress | None = None,
    n_process: int = 1,
    models: Models | None = None,
    jobs: int = 1,
) -> IngestSummary:
    """Read, extract and store every article under ``paths``; bad inputs are counted, not fatal.

    ``jobs`` > 1 parses and extracts in that many worker processes (:mod:`sayso.parallel`, the
    shipped models only); this process reads, stores and links, in input order either way.

    ``speaker`` names whose first-person words the documents are (a speech, a statement): their
    "I" and "we" outside quotations resolve to that person (a document's own speaker field wins).

    Stages:
      1. sources: files -> Article records (or SourceError, recorded and reported);
      2. skip articles the ledger already holds with the same extractor strings (the stale
         ones, stored under other strings, go on and are replaced); a copy with other metadata
         (title, date, URL, source, author) is recorded as a version of the article;
      3. parse the rest with spaCy (``nlp.pipe``, batched);
      4. extract (see :func:`extract`): claims, speakers, time expressions, figures, forecasts,
         places, events;
      5. store each article in its own transaction (a kill never half-writes one).
    """
    summary = IngestSummary()
    report = progress or (lambda outcome: None)
    versions = extractor_versions(models)
    in_flight: dict[str, int] = {}  # ids read and not yet stored (parsed in a batch, or in a worker)
    again: deque[bool] = deque()  # per article sent on, in order: decide step 2 again when it is stored

    def unchanged(item: Article) -> bool:
        return ledger.stored_extractors(item.id) == versions and not _new_metadata(ledger, item, summary)

    def fresh_articles() -> Iterator[Article]:
        for item in read_articles(paths, date=date, fields=fields, allow_undated=allow_undated,  # 1
                                  speaker=speaker, stdin=stdin):
            if isinstance(item, SourceError):
                _failed(ledger, item, summary, report)
                continue
            summary.warnings.extend(item.warnings)
            if unchanged(item):  # 2
                summary.count("unchanged")
                report("unchanged")
            else:
                again.append(item.id in in_flight)  # a copy of it is on its way: known only once stored
                in_flight[item.id] = in_flight.get(item.id, 0) + 1
                yield item

    def store(extraction) -> str | None:
        """Step 2 for an article whose copy was on its way when it was read, then step 5."""
        checked = again.popleft()
        article = extraction.article
        left = in_flight.pop(article.id) - 1
        if left:
            in_flight[article.id] = left
        if checked and unchanged(article):
            return "unchanged"
        return ledger.store(extraction)

    _store_each(ledger, _extractions(fresh_articles(), jobs, n_process, models), summary, report,  # 3, 4
                store, lambda error: again.popleft())  # 5
    return summary


def _extractions(articles: Iterable[Article], jobs: int, n_process: int, models: Models | None):
    """Parse and extract here (one job), or in ``jobs`` worker processes; in input order."""
    if jobs <= 1:
        return extract_articles(articles, n_process=n_process, models=models)
    if models is not None and models is not Models.default():
        raise ValueError("jobs > 1 runs the shipped models (workers load their own); pass models with jobs=1")
    from .parallel import extract_parallel

    return extract_parallel(articles, jobs, extract_batch, warm_up)


WARM_UP = 'The minister said 3,000 people "will leave Kyiv by March", officials expect.'


def warm_up() -> None:
    """Load the model and every stage's tables and models in this process (once; 5-8 s)."""
    warm = Article(text=WARM_UP, published="2024-01-02")
    extract(nlp.load()(warm.text), warm)  # the stages' lexicons, quantulum3, the CRF, the gazetteer


def extract_batch(batch: list[Article]) -> list[Extraction | SourceError]:
    """In a worker (:mod:`sayso.parallel`): every article of the batch extracted, or why it failed."""
    return list(extract_articles(batch))


def _new_metadata(ledger: Ledger, article: Article, summary: IngestSummary) -> bool:
    """Record the metadata of an unchanged article's copy; True when the article must be extracted
    again (it was undated and the copy has a date: time expressions are read against it)."""
    outcome = ledger.record_metadata(article)
    summary.metadata += outcome != "same"
    return outcome == "dated"


def reextract(
    ledger: Ledger, *, progress: Progress | None = None, n_process: int = 1, models: Models | None = None,
    jobs: int = 1,
) -> IngestSummary:
    """Extract again, from the text the ledger keeps, exactly the stored articles that are stale (a
    stage's version or a model file changed: :mod:`sayso.stages`); resolutions are kept. The stale
    articles are read one at a time (memory does not grow with their number)."""
    summary = IngestSummary()
    stale = ledger.stale_articles(extractor_versions(models))
    _store_each(ledger, _extractions(stale, jobs, n_process, models), summary,
                progress or (lambda outcome: None))
    return summary


def _store_each(ledger: Ledger, extractions: Iterable[Extraction | SourceError], summary: IngestSummary,
                report: Progress, store=None, on_failure=None) -> None:
    """Store each extraction in its own transaction (``store``: the function that does, default
    ``ledger.store``); a failed one is recorded and counted."""
    store = store or ledger.store
    for extraction in extractions:
        if isinstance(extraction, SourceError):
            if on_failure is not None:
                on_failure(extraction)
            _failed(ledger, extraction, summary, report)
            continue
        outcome = store(extraction)
        summary.count(outcome, len(extraction.claims) if outcome in ("new", "updated") else 0)
        report(outcome)


def _failed(ledger: Ledger, error: SourceError, summary: IngestSummary, report: Progress) -> None:
    ledger.record_failure(error.path, error.reason, error.line)
    summary.errors.append(error)
    summary.count("failed")
    report("failed")


def extract_files(
    paths: Iterable[str | Path], *, date: str | None = None, allow_undated: bool = True,
    fields: dict[str, str] | None = None, speaker: str | None = None, stdin=None,
) -> Iterator[Extraction | SourceError]:
    """Extraction without a ledger (``sayso extract``): records or the reason an input failed,
    in input order, one article at a time (a reader's warnings ride on ``extraction.article``)."""
    errors: list[SourceError] = []

    def articles() -> Iterator[Article]:
        for item in read_articles(paths, date=date, allow_undated=allow_undated, fields=fields,
                                  speaker=speaker, stdin=stdin):
            if isinstance(item, SourceError):
                errors.append(item)
            else:
                yield item

    for extraction in extract_articles(articles()):
        yield from errors
        errors.clear()
        yield extraction
    yield from errors
