"""The Event record (defined in :mod:`sayso.records` with every other record) and its flat dict."""
from __future__ import annotations

from dataclasses import asdict

from ...records import Event
from ...stages import BY_NAME

EXTRACTOR = BY_NAME["events"].version
DateSource = str  # "text": a time expression of the event's sentence; "article": the article's date


def event_dict(event: Event) -> dict:
    """An event as a flat JSON-ready dict (spans as {start, end, text}; the place as its GeoNames id)."""
    row = asdict(event)
    ref = event.place_ref
    row["place_ref"] = getattr(ref, "geonameid", None) if ref is not None else None
    return row


__all__ = ["EXTRACTOR", "DateSource", "Event", "event_dict"]
