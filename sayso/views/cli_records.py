"""The listing commands: claims, speakers, articles, figures, forecasts, track-record, places, events,
evidence.

Each calls one ledger read; every one takes ``--limit``, ``--offset`` and ``--format``.
"""
from __future__ import annotations

from typing import Optional

import typer

from . import tables
from .app import command
from .common import check_date, DB_OPTION, FORMAT_OPTION, LIMIT_OPTION, OFFSET_OPTION, USAGE, Format, fail, page, text_option
from .output import emit, open_ledger

SPEAKER_OPTION = typer.Option(None, "--speaker", help="Only this speaker or predictor (name or alias).")
AS_OF_OPTION = typer.Option(None, "--as-of", help="The day statuses are computed for (default: today).")
STALE_AFTER_OPTION = typer.Option(None, "--stale-after", metavar="DAYS",
                                  help="The horizon: a deadline passed longer ago is overdue, a forecast without "
                                       "deadline made longer ago is stale (default 365).")


def _dates(*pairs) -> None:
    for value, name in pairs:
        check_date(value, name)


@command()
def claims(
    db: str = DB_OPTION,
    speaker: Optional[str] = SPEAKER_OPTION,
    search: Optional[str] = typer.Option(None, "--search", help="Full-text search in the claim content (every word required)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only articles published on or after this date."),
    until: Optional[str] = typer.Option(None, "--until", help="Only articles published on or before this date."),
    article: Optional[str] = typer.Option(None, "--article", help="Only this article (id or id prefix)."),
    limit: Optional[int] = LIMIT_OPTION,
    offset: int = OFFSET_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List claims: who said what, when.

    Example: sayso claims --speaker Reznikov --since 2023-01-01 --format json
    """
    _dates((since, "--since"), (until, "--until"))
    speaker, search, article = (text_option(v, n) for v, n in ((speaker, "--speaker"), (search, "--search"),
                                                               (article, "--article")))
    if search is not None and not any(ch.isalnum() for ch in search):
        fail(f"--search {search!r} has no word to search for", USAGE)
    with open_ledger(db) as ledger:
        rows = ledger.claims(speaker=speaker, search=search, since=since, until=until, article=article,
                             limit=limit, offset=offset)
    emit(rows, fmt, tables.CLAIM_COLUMNS, f"{len(rows)} claims")


@command()
def speakers(
    name: Optional[str] = typer.Argument(None, help="One speaker (id, name or alias): aliases, roles with dates, articles."),
    db: str = DB_OPTION,
    limit: Optional[int] = LIMIT_OPTION,
    offset: int = OFFSET_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List the people and organisations quoted in the ledger, with their roles; or one of them.

    Example: sayso speakers --format csv; sayso speakers Zelenskyy
    """
    if name:
        from .cli_entities import show_speaker

        return show_speaker(db, name, getattr(fmt, "value", fmt) == "json")
    with open_ledger(db) as ledger:
        rows = page(ledger.speakers(), limit, offset)
    emit(rows, fmt, tables.SPEAKER_COLUMNS, f"{len(rows)} speakers")


@command()
def articles(
    db: str = DB_OPTION,
    limit: Optional[int] = LIMIT_OPTION,
    offset: int = OFFSET_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List the articles in the ledger (id, date, title, source, claims), by date; text in json/jsonl/csv.

    Example: sayso articles --limit 20
    """
    with open_ledger(db) as ledger:
        rows = list(ledger.articles(with_text=fmt != Format.table, limit=limit, offset=offset))
    emit(rows, fmt, tables.ARTICLE_COLUMNS, f"{len(rows)} articles")


@command()
def figures(
    db: str = DB_OPTION,
    search: Optional[str] = typer.Option(None, "--search", help="Only figures whose counted thing, subject or text contains this."),
    disputed: bool = typer.Option(False, "--disputed", help="Only groups whose values disagree beyond the tolerance."),
    limit: Optional[int] = LIMIT_OPTION,
    offset: int = OFFSET_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List figures grouped by what they measure, with each source; disputed groups first.

    Example: sayso figures --disputed --search soldiers
    """
    search = text_option(search, "--search")
    with open_ledger(db) as ledger:
        rows = page(ledger.figures(search=search, disputed=disputed), limit, offset)
    groups = len({r["group"] for r in rows})
    emit(rows, fmt, tables.FIGURE_GROUP_COLUMNS, f"{len(rows)} figures in {groups} groups")


@command()
def forecasts(
    db: str = DB_OPTION,
    speaker: Optional[str] = SPEAKER_OPTION,
    due_before: Optional[str] = typer.Option(None, "--due-before", help="Only forecasts whose deadline is before this date."),
    status: Optional[str] = typer.Option(None, "--status", help="open, due, overdue, no-deadline or resolved "
                                                                "(on the --as-of date)."),
    as_of: Optional[str] = AS_OF_OPTION,
    stale_after: Optional[int] = STALE_AFTER_OPTION,
    stale: bool = typer.Option(False, "--stale", help="Only stale forecasts: overdue, or without deadline past the horizon."),
    counts: bool = typer.Option(False, "--counts", help="Only how many have each status (and how many are stale)."),
    limit: Optional[int] = LIMIT_OPTION,
    offset: int = OFFSET_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List forecasts: who predicted what would (or would not) happen, by when, how surely, and its status.

    Example: sayso forecasts --speaker Reznikov --status due --as-of 2023-04-01; sayso forecasts --counts
    """
    from ..ledger.forecasts import status_counts

    _dates((due_before, "--due-before"), (as_of, "--as-of"))
    speaker = text_option(speaker, "--speaker")
    with open_ledger(db) as ledger:
        found = ledger.forecasts(speaker=speaker, due_before=due_before, status=status, as_of=as_of,
                                 stale_after=stale_after, stale=True if stale else None)
    tally = status_counts(found)
    if counts:
        emit([tally], fmt, tuple(tally), f"{len(found)} forecasts")
        return
    rows = page(found, limit, offset)
    summary = ", ".join(f"{n} {name}" for name, n in tally.items())
    emit(rows, fmt, tables.FORECAST_COLUMNS, f"{len(rows)} of {len(found)} forecasts: {summary}")


@command("track-record")
def track_record(
    db: str = DB_OPTION,
    speaker: Optional[str] = SPEAKER_OPTION,
    as_of: Optional[str] = AS_OF_OPTION,
    stale_after: Optional[int] = STALE_AFTER_OPTION,
    limit: Optional[int] = LIMIT_OPTION,
    offset: int = OFFSET_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Per predictor: forecasts by status, hit rate and Brier score (hedging as probability; a negative
    forecast is right when the event did not happen).

    Example: sayso track-record --speaker Reznikov
    """
    _dates((as_of, "--as-of"))
    speaker = text_option(speaker, "--speaker")
    with open_ledger(db) as ledger:
        rows = page(ledger.track_record(speaker=speaker, as_of=as_of, stale_after=stale_after), limit, offset)
    emit(rows, fmt, tables.TRACK_RECORD_COLUMNS, f"{len(rows)} predictors")


@command()
def places(
    db: str = DB_OPTION,
    search: Optional[str] = typer.Option(None, "--search", help="Only places whose name (or a mention) contains this."),
    country: Optional[str] = typer.Option(None, "--country", help="Only places of this country (ISO code: UA)."),
    limit: Optional[int] = LIMIT_OPTION,
    offset: int = OFFSET_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List the places the ledger's articles name, resolved offline to GeoNames: most mentioned first.

    Example: sayso places --country UA --limit 20
    """
    search, country = text_option(search, "--search"), text_option(country, "--country")
    with open_ledger(db) as ledger:
        rows = ledger.places(search=search, country=country, limit=limit, offset=offset)
    emit(rows, fmt, tables.PLACE_COLUMNS, f"{len(rows)} places")


@command()
def events(
    db: str = DB_OPTION,
    kind: Optional[str] = typer.Option(None, "--kind", help="A kind (shelling), PLOVER category (FIGHT) or ACLED type (Battles)."),
    place: Optional[str] = typer.Option(None, "--place", help="Only events at a place of this name (or in this region)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events on or after this date."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events on or before this date."),
    article: Optional[str] = typer.Option(None, "--article", help="Only this article (id or id prefix)."),
    limit: Optional[int] = LIMIT_OPTION,
    offset: int = OFFSET_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """List reported events (attacks, battles, captures, protests, mobilisations, ...) by date, with
    actor, place, window, toll and the reports of the same event in other articles.

    Example: sayso events --place Kramatorsk --since 2023-02-01
    """
    _dates((since, "--since"), (until, "--until"))
    kind, place, article = (text_option(v, n) for v, n in ((kind, "--kind"), (place, "--place"), (article, "--article")))
    with open_ledger(db) as ledger:
        rows = ledger.events(kind=kind, place=place, since=since, until=until, article=article,
                             limit=limit, offset=offset)
    emit(rows, fmt, tables.EVENT_COLUMNS, f"{len(rows)} events")


@command()
def evidence(
    forecast_id: int = typer.Argument(..., help="The forecast's id (see `sayso forecasts`)."),
    db: str = DB_OPTION,
    limit: Optional[int] = typer.Option(10, "--limit", min=0, help="At most this many items (default 10)."),
    offset: int = OFFSET_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """Rank the events and claims of later articles that bear on a forecast, each supporting or
    contradicting it, with a score and the reasons; settle it yourself with `sayso resolve`.

    Example: sayso evidence 7 --limit 5
    """
    with open_ledger(db) as ledger:
        rows = page(ledger.evidence(forecast_id), limit, offset)
    emit(rows, fmt, tables.EVIDENCE_COLUMNS, f"{len(rows)} items of evidence for forecast {forecast_id}")
