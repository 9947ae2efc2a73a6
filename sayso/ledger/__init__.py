"""The ledger: a SQLite file (or a PostgreSQL database) of articles, canonical entities, mentions and claims.

>>> with Ledger("sayso.db") as ledger:          # doctest: +SKIP
...     ledger.store(extraction)                 # 'new' | 'unchanged' | 'updated'
...     ledger.claims(speaker="zelensky", search="counteroffensive", since="2023-02")

Schema and migrations: :mod:`sayso.ledger.schema`; writes: :mod:`sayso.ledger.store`;
reads: :mod:`sayso.ledger.queries`; documentation: ``docs/ledger.md``.
"""
from __future__ import annotations

import getpass
from pathlib import Path
from typing import Iterator

from sayso import shapes
from sayso.ledger import browse as web_reads, figures as figure_book, forecasts as forecast_book, identity, listing, queries, schema, store as writes
from sayso.ledger import evidence as evidence_book, events as event_book, places as place_book
from sayso.ledger.schema import LedgerError
from sayso.records import Article, Extraction

DEFAULT_PATH = "sayso.db"


def _user() -> str:
    """Who is resolving: the login name, else "unknown"."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "unknown"

__all__ = ["DEFAULT_PATH", "Ledger", "LedgerError"]


class Ledger:
    """One open ledger file; migrations run on open. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_PATH, *, create: bool = True) -> None:
        """Open ``path`` and bring its schema up to date (``":memory:"`` works too).

        ``create=False`` (every read command) refuses a file that does not exist instead of
        creating an empty ledger: a mistyped ``--db`` is an error, not a new file. A URL
        (``postgresql://…``) opens a PostgreSQL ledger (docs/postgresql.md); ``create=False`` then
        refuses a database without a sayso schema.
        """
        self.path = str(path)
        self._conn = None
        schema.check_path(self.path, create)
        self._conn = schema.connect(path)
        try:
            if not create and self.dialect == "postgresql" and schema.schema_version(self._conn) == 0:
                from sayso.ledger.postgres import redacted

                raise LedgerError(f"{redacted(self.path)}: no sayso ledger in this database (`sayso ingest` creates one)")
            self.schema_version = schema.migrate(self._conn)
        except BaseException:
            self._conn.close()
            raise

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return getattr(self._conn, "dialect", "sqlite")

    def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # -- writes ----------------------------------------------------------------------------

    def stored_extractors(self, article_id: str) -> dict[str, str] | None:
        """Extractor versions stored with ``article_id``, or None when the article is absent."""
        return writes.stored_extractors(self._conn, article_id)

    def stale_articles(self, versions: dict[str, str]) -> Iterator[Article]:
        """Stored articles whose extractor strings differ from ``versions`` (to extract again)."""
        return queries.stale_articles(self._conn, versions)

    def store(self, ex: Extraction) -> str:
        """Store one article's extraction in one transaction: 'new', 'unchanged' or 'updated'."""
        return writes.store_extraction(self._conn, ex)

    def record_metadata(self, article: Article) -> str:
        """A copy of a stored text with other metadata: 'same', 'recorded' or 'dated' (see
        :func:`sayso.ledger.store.record_metadata`)."""
        return writes.record_metadata(self._conn, article)

    def record_failure(self, path: str, reason: str, line: int | None = None) -> None:
        """Record an input that could not be read (kept once per path, line and reason)."""
        writes.record_failure(self._conn, str(path), reason, line)

    # -- reads -----------------------------------------------------------------------------

    def claims(self, speaker=None, search=None, since=None, until=None, article=None, limit=None,
               offset=0) -> list[dict]:
        """Claims matching every given filter (see :func:`sayso.ledger.queries.claims`)."""
        return queries.claims(self._conn, speaker, search, since, until, article, limit, offset)

    def speakers(self, min_claims: int = 1) -> list[dict]:
        """Canonical entities with at least ``min_claims`` claims, most claims first."""
        return [shapes.entity(**row) for row in queries.speakers(self._conn, min_claims)]

    def articles(self, with_text: bool = True, limit: int | None = None, offset: int = 0) -> Iterator[dict]:
        """Every article (:data:`sayso.shapes.ARTICLE_FIELDS`), by date."""
        return listing.articles(self._conn, with_text, limit, offset)

    def resolutions(self, limit: int | None = None, offset: int = 0) -> Iterator[dict]:
        """Every resolution, the history included, oldest first."""
        return listing.resolutions(self._conn, limit, offset)

    def speaker(self, ref: str) -> dict:
        """One entity (id, name or alias): aliases, roles with dates, articles, identity decisions."""
        return identity.speaker(self._conn, ref)

    def merge_entities(self, keep: str, other: str, note: str | None = None, who: str | None = None) -> dict:
        """Merge entity ``other`` into ``keep``; the decision survives re-ingest and re-extraction."""
        return identity.merge(self._conn, keep, other, who or _user(), note)

    def split_entity(self, entity: str, alias: str, note: str | None = None, who: str | None = None) -> dict:
        """Split the name ``alias`` off ``entity`` into an entity of its own; the decision is kept."""
        return identity.split(self._conn, entity, alias, who or _user(), note)

    def article(self, ref: str) -> dict | None:
        """One article with its claims, mentions, time expressions, figures and forecasts.

        ``ref`` is an id, a unique id prefix, a url or a path.
        """
        found = queries.article(self._conn, ref)
        if found is not None:
            found["forecasts"] = [shapes.forecast(**r) for r in forecast_book.forecasts(self._conn, article=found["id"])]
            found["versions"] = listing.versions(self._conn, found["id"])
            found["places"] = place_book.article_places(self._conn, found["id"])
            found["events"] = event_book.events(self._conn, article=found["id"])
        return found

    def times(self, article: str | None = None) -> list[dict]:
        """Time expressions (of one article id, or all), in text order."""
        return queries.time_exprs(self._conn, article)

    def figure_rows(self, search: str | None = None) -> list[dict]:
        """Every figure (``search`` matches the counted thing, subject or text), by date."""
        return queries.figures(self._conn, search=search)

    def figures(self, search: str | None = None, disputed: bool = False) -> list[dict]:
        """Figures grouped by what they measure, one dict per figure with its group; disputed first."""
        return figure_book.figure_groups(self._conn, search, disputed)

    def forecasts(self, speaker=None, due_before=None, status=None, as_of=None, stale_after=None,
                  stale=None) -> list[dict]:
        """Forecasts with their status on ``as_of`` and the horizon ``stale_after`` days (see
        :mod:`sayso.ledger.forecasts`); ``stale=True`` keeps only the stale ones."""
        return [shapes.forecast(**r) for r in forecast_book.forecasts(
            self._conn, speaker, due_before, status, as_of, stale_after=stale_after, stale=stale)]

    def resolve(self, forecast_id: int, outcome: str, evidence: str, note: str | None = None,
                who: str | None = None) -> dict:
        """Record an outcome with evidence (a URL or an article id) for one forecast; history is kept."""
        return forecast_book.resolve(self._conn, forecast_id, outcome, evidence, note, who or _user())

    def track_record(self, speaker: str | None = None, as_of: str | None = None,
                     stale_after: int | None = None) -> list[dict]:
        """Per predictor: forecasts by status, hit rate and Brier score (a negative forecast is right
        when the event did not happen)."""
        return forecast_book.track_record(self._conn, speaker, as_of, stale_after)

    @property
    def browse(self) -> web_reads.Browse:
        """The paginated reads of the web pages (:mod:`sayso.ledger.browse`)."""
        return web_reads.Browse(self._conn)

    def places(self, search: str | None = None, country: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[dict]:
        """Place entities with their gazetteer fields and mention / article / event counts."""
        return place_book.places(self._conn, search, country, limit, offset)

    def events(self, kind=None, place=None, since=None, until=None, article=None, limit=None,
               offset: int = 0) -> list[dict]:
        """Events matching every filter, by date (see :func:`sayso.ledger.events.events`)."""
        return event_book.events(self._conn, kind, place, since, until, article, limit, offset)

    def evidence(self, forecast_id: int, limit: int | None = None) -> list[dict]:
        """Events and claims of later articles that bear on a forecast, best first, each marked
        supporting or contradicting with a score and reasons (:func:`sayso.link.evidence.rank_evidence`).
        Nothing is resolved: a person confirms with :meth:`resolve`."""
        return evidence_book.evidence(self._conn, forecast_id, limit)

    def export_rows(self) -> Iterator[dict]:
        """One claim dict per claim, in claim order (for exports)."""
        return queries.export_rows(self._conn)

    def rows(self, records: str) -> Iterator[dict]:
        """Every record of one type (:data:`sayso.shapes.RECORD_FIELDS`), in the shape of that type."""
        readers = {"articles": self.articles, "entities": lambda: self.speakers(min_claims=0),
                   "claims": self.export_rows, "figures": self.figure_rows, "times": self.times,
                   "forecasts": self.forecasts, "resolutions": self.resolutions, "places": self.places,
                   "events": self.events}
        return iter(readers[records]())

    def counts(self) -> dict:
        """Row counts: articles, claims, entities, mentions, failures."""
        return queries.counts(self._conn)

    def failures(self) -> list[dict]:
        """Recorded input failures, newest first."""
        return queries.failures(self._conn)
