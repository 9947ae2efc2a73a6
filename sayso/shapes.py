"""The one dict shape of a claim, for every output (JSON, CSV, tables, exports, ``show``, the web).

A claim is the same dict wherever it comes from: the ledger (:mod:`sayso.ledger.queries`
fills the ledger's context: ids, article, role) or a fresh extraction (``sayso extract
--json``: the article-local ``speaker_key``). Offsets index the article text; ``parts``
lists the content's ``[start, end]`` pieces (a quote split by its cue has two).
"""
from __future__ import annotations

from dataclasses import asdict

from .records import Claim, Entity, Event, Extraction

CLAIM_FIELDS = ("speaker", "speaker_text", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end",
                "content", "content_start", "content_end", "parts", "kind", "channel", "extractor")
"""The keys every claim dict has."""


def claim(*, speaker: str | None, speaker_text: str | None, speaker_start: int | None, speaker_end: int | None,
          cue: str | None, cue_start: int | None, cue_end: int | None, content: str, parts: list[list[int]],
          kind: str, channel: str | None, extractor: str, **context) -> dict:
    """The claim dict: :data:`CLAIM_FIELDS` (``speaker`` is the resolved name, else the words), then
    ``context`` (where the claim is kept: ledger ids and article fields, or the local key)."""
    return {
        "speaker": speaker, "speaker_text": speaker_text, "speaker_start": speaker_start,
        "speaker_end": speaker_end, "cue": cue, "cue_start": cue_start, "cue_end": cue_end,
        "content": content, "content_start": min((p[0] for p in parts), default=None),
        "content_end": max((p[1] for p in parts), default=None), "parts": parts, "kind": kind,
        "channel": channel, "extractor": extractor, **context,
    }


def claim_of(record: Claim, entities: dict[str, Entity] | None = None) -> dict:
    """The claim dict of a freshly extracted claim (``speaker_key``: its article-local entity)."""
    entity = (entities or {}).get(record.speaker_key or "")
    speaker, cue = record.speaker, record.cue
    return claim(
        speaker=entity.name if entity else (speaker.text if speaker else None),
        speaker_text=speaker.text if speaker else None,
        speaker_start=speaker.start if speaker else None, speaker_end=speaker.end if speaker else None,
        cue=cue.text if cue else None, cue_start=cue.start if cue else None, cue_end=cue.end if cue else None,
        content=record.content_text, parts=[[s.start, s.end] for s in record.content], kind=record.kind,
        channel=record.channel, extractor=record.extractor, speaker_key=record.speaker_key,
    )


def extraction(ex: Extraction) -> dict:
    """One article's text and every record with offsets, for ``sayso extract --json``."""
    entities = {e.key: e for e in ex.entities}
    return {
        "article": asdict(ex.article),
        "claims": [claim_of(c, entities) for c in ex.claims],
        "entities": [asdict(e) for e in ex.entities],
        "mentions": [asdict(m) for m in ex.mentions],
        "times": [asdict(t) for t in ex.times],
        "figures": [asdict(f) for f in ex.figures],
        "forecasts": [asdict(f) for f in ex.forecasts],
        "places": [asdict(p) for p in ex.places],
        "events": [event_of(e) for e in ex.events],
        "extractors": ex.extractors,
    }


def _span(span) -> dict | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def event_of(record: Event, **context) -> dict:
    """The event dict of a freshly extracted event: spans as {start, end, text}, the place it
    resolved to by gazetteer key, name and point (None when the place stage found none)."""
    ref = record.place_ref
    return {
        "start": record.start, "end": record.end, "text": record.text, "trigger": _span(record.trigger),
        "kind": record.kind, "plover": record.plover, "acled_type": record.acled_type,
        "acled_subtype": record.acled_subtype, "actor": _span(record.actor), "target": _span(record.target),
        "place": _span(record.place), "place_key": ref.key if ref else None,
        "place_name": ref.name if ref else None, "geonameid": ref.geonameid if ref else None,
        "latitude": ref.latitude if ref else None, "longitude": ref.longitude if ref else None,
        "earliest": record.earliest, "latest": record.latest, "date_source": record.date_source,
        "killed": record.killed, "injured": record.injured, "civilian": record.civilian,
        "extractor": record.extractor, **context,
    }
