"""The one dict shape of each record, for every output (JSON, CSV, tables, exports, the web).

Records are typed dataclasses (:mod:`sayso.records`); this module is the one place that
turns them into JSON-ready dicts.
"""
from __future__ import annotations

from dataclasses import asdict

from .records import Claim, Entity, Extraction


def claim_dict(claim: Claim, entities: dict[str, Entity] | None = None) -> dict:
    """A claim as a flat JSON-ready dict (offsets index the article text)."""
    entity = (entities or {}).get(claim.speaker_key or "")
    row = {
        "speaker": entity.name if entity else (claim.speaker.text if claim.speaker else None),
        "speaker_key": claim.speaker_key,
        "content": claim.content_text,
        "parts": [[s.start, s.end] for s in claim.content],
        "kind": claim.kind,
        "channel": claim.channel,
        "extractor": claim.extractor,
    }
    for role in ("speaker", "cue"):
        span = getattr(claim, role)
        row[f"{role}_text" if role == "speaker" else role] = span.text if span else None
        row[f"{role}_start"], row[f"{role}_end"] = (span.start, span.end) if span else (None, None)
    return row


def extraction(ex: Extraction) -> dict:
    """One article's text and every record with offsets, for ``sayso extract --json``."""
    entities = {e.key: e for e in ex.entities}
    return {
        "article": asdict(ex.article),
        "claims": [claim_dict(c, entities) for c in ex.claims],
        "entities": [asdict(e) for e in ex.entities],
        "mentions": [asdict(m) for m in ex.mentions],
        "times": [asdict(t) for t in ex.times],
        "figures": [asdict(f) for f in ex.figures],
        "forecasts": [asdict(f) for f in ex.forecasts],
        "extractors": ex.extractors,
    }
