"""The orchestrator: files -> articles -> spaCy Docs -> records -> ledger.

This is the one place that shows the pipeline's stages in order; every stage is a
plain function in its own sub-package of :mod:`sayso.extract`, named and versioned in
:mod:`sayso.stages`. Each stage returns new records and never changes an earlier one's.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import nlp
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
from .sources import read_articles

log = logging.getLogger(__name__)
Progress = Callable[[str], None]  # called once per article or failure with its outcome


@dataclass
class IngestSummary:
    """What one ingest run did."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0
    errors: list[SourceError] = field(default_factory=list)

    @property
    def ingested(self) -> int:
        return self.new + self.updated + self.unchanged

    def count(self, outcome: str, n_claims: int = 0) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)
        if outcome in ("new", "updated"):
            self.claims += n_claims


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

    An extractor that fails on one article makes that article a SourceError
    (the traceback goes to the debug log); the others go on.
    """
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.load().pipe(pairs, as_tuples=True, batch_size=nlp.BATCH_SIZE,
                                        n_process=n_process):
        try:
            yield extract(doc, article, models)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
            log.debug("extraction failed on %s", article.url or article.id, exc_info=True)
            yield SourceError(article.url or article.id, f"extraction failed ({type(exc).__name__}: {exc})")


def ingest(
    paths: Iterable[str | Path],
    ledger: Ledger,
    *,
    date: str | None = None,
    fields: dict[str, str] | None = None,
    allow_undated: bool = False,
    progress: Progress | None = None,
    n_process: int = 1,
    models: Models | None = None,
) -> IngestSummary:
    """Read, extract and store every article under ``paths``; bad inputs are counted, not fatal.

    Stages:
      1. sources: files -> Article records (or SourceError, recorded and reported);
      2. skip articles the ledger already holds with the same extractor strings (the stale
         ones, stored under other strings, go on and are replaced);
      3. parse the rest with spaCy (``nlp.pipe``, batched);
      4. extract (see :func:`extract`): claims, speakers, time expressions, figures, forecasts,
         places, events;
      5. store each article in its own transaction (a kill never half-writes one).
    """
    summary = IngestSummary()
    report = progress or (lambda outcome: None)
    versions = extractor_versions(models)

    def fresh_articles() -> Iterator[Article]:
        for item in read_articles(paths, date=date, fields=fields, allow_undated=allow_undated):  # 1
            if isinstance(item, SourceError):
                _failed(ledger, item, summary, report)
            elif ledger.stored_extractors(item.id) == versions:  # 2
                summary.count("unchanged")
                report("unchanged")
            else:
                yield item

    _store_each(ledger, extract_articles(fresh_articles(), n_process=n_process, models=models),  # 3, 4
                summary, report)  # 5
    return summary


def reextract(
    ledger: Ledger, *, progress: Progress | None = None, n_process: int = 1, models: Models | None = None,
) -> IngestSummary:
    """Extract again, from the text the ledger keeps, exactly the stored articles that are stale (a
    stage's version or a model file changed: :mod:`sayso.stages`); resolutions are kept."""
    summary = IngestSummary()
    stale = list(ledger.stale_articles(extractor_versions(models)))
    _store_each(ledger, extract_articles(stale, n_process=n_process, models=models), summary,
                progress or (lambda outcome: None))
    return summary


def _store_each(ledger: Ledger, extractions: Iterable[Extraction | SourceError], summary: IngestSummary,
                report: Progress) -> None:
    """Store each extraction in its own transaction; a failed one is recorded and counted."""
    for extraction in extractions:
        if isinstance(extraction, SourceError):
            _failed(ledger, extraction, summary, report)
            continue
        outcome = ledger.store(extraction)
        summary.count(outcome, len(extraction.claims))
        report(outcome)


def _failed(ledger: Ledger, error: SourceError, summary: IngestSummary, report: Progress) -> None:
    ledger.record_failure(error.path, error.reason, error.line)
    summary.errors.append(error)
    summary.count("failed")
    report("failed")


def extract_files(
    paths: Iterable[str | Path], *, date: str | None = None, allow_undated: bool = True
) -> Iterator[Extraction | SourceError]:
    """Extraction without a ledger (``sayso extract``): records or the reason a file failed."""
    articles: list[Article] = []
    for item in read_articles(paths, date=date, allow_undated=allow_undated):
        if isinstance(item, SourceError):
            yield item
        else:
            articles.append(item)
    yield from extract_articles(articles)
