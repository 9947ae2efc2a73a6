"""Events: reported attacks, strikes, battles, captures, protests, arrests, agreements, sanctions, ...

``extract_events(doc, article, times=(), figures=(), places=())`` yields one :class:`Event` per
reported happening: its trigger span, kind, PLOVER category, ACLED event type and sub-event type,
actor, target, place, date window and toll. See docs/events.md.
"""
from __future__ import annotations

from .extract import extract_events, is_material
from .record import EXTRACTOR, Event, event_dict

__all__ = ["EXTRACTOR", "Event", "event_dict", "extract_events", "is_material"]
