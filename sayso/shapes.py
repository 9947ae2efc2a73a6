"""The one dict shape of a claim, for every output (JSON, CSV, tables, exports, ``show``, the web).

A claim is the same dict wherever it comes from: the ledger (:mod:`sayso.ledger.queries`
fills the ledger's context: ids, article, role) or a fresh extraction (``sayso extract
--json``: the article-local ``speaker_key``). Offsets index the article text; ``parts``
lists the content's ``[start, end]`` pieces (a quote split by its cue has two).
"""
from __future__ import annotations

from dataclasses import asdict

from .records import Claim, Entity, Extraction

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
        "extractors": ex.extractors,
    }
