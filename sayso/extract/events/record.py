"""The Event record (kept in this package until sayso/records.py takes it over)."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from ...records import Span

EXTRACTOR = "events.v1"
DateSource = str  # "text": a time expression of the event's sentence; "article": the article's date


@dataclass(frozen=True)
class Event:
    """One reported event: what happened (kind, PLOVER, ACLED), who to whom, where, when, the toll.

    ``start``/``end``/``text`` cover the trigger and its actor, target and place; ``trigger`` is the
    word(s) that report it ("shelled", "air strike"). ``earliest``/``latest`` are ISO dates (inclusive);
    ``date_source`` says where they come from. ``place_ref`` is the places-stage record the place span
    matched, when a places list was passed in. ``killed``/``injured`` are None when not reported.
    """

    start: int
    end: int
    text: str
    trigger: Span
    kind: str
    plover: str | None
    acled_type: str | None
    acled_subtype: str | None
    actor: Span | None = None
    target: Span | None = None
    place: Span | None = None
    place_ref: object | None = None
    earliest: str | None = None
    latest: str | None = None
    date_source: DateSource | None = None
    time_index: int | None = None
    killed: int | None = None
    injured: int | None = None
    civilian: bool = False
    extractor: str = EXTRACTOR


def event_dict(event: Event) -> dict:
    """An event as a flat JSON-ready dict (spans as {start, end, text})."""
    row = asdict(event)
    ref = event.place_ref
    row["place_ref"] = getattr(ref, "geonameid", None) if ref is not None else None
    return row
