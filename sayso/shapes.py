"""The one dict shape of each record type, for every output (JSON, CSV, Parquet, tables, ``show``, the web).

A record is the same dict wherever it comes from: the ledger (its read functions fill the
ledger's context: ids, article, names) or a fresh extraction (``sayso extract --json``:
article-local keys and indexes instead of ids). The same thing has the same column name in
every record type and format: ``id``, ``article_id``, ``claim_id``, ``start``/``end`` (offsets
into the article text; ``speaker_start``, ``cue_start``, ``content_start``, ``condition_start``
for a record's other spans), ``text``, ``extractor``. Each shape lists its keys first, in the
order of its ``*_FIELDS`` tuple; keys a query adds (context) follow.

A claim's ``parts`` lists the content's ``[start, end]`` pieces (a quote split by its cue has two).
"""
from __future__ import annotations

from dataclasses import asdict

from .records import Claim, Entity, Event, Extraction, Place

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


ARTICLE_FIELDS = ("id", "title", "published", "date_precision", "url", "source", "author", "speaker",
                  "ingested_at", "claims", "extractors", "text")
TIME_FIELDS = ("id", "article_id", "claim_id", "start", "end", "text", "type", "value", "earliest", "latest",
               "mod", "anchored", "extractor")
FIGURE_FIELDS = ("id", "article_id", "claim_id", "start", "end", "text", "value", "low", "high", "unit", "counted",
                 "qualifier", "subject", "event", "owner", "speaker", "extractor")
FORECAST_FIELDS = ("id", "article_id", "claim_id", "start", "end", "text", "cue", "cue_start", "cue_end", "hedging",
                   "polarity", "event", "earliest", "latest", "condition", "condition_start", "condition_end",
                   "predictor", "predictor_id", "status", "horizon", "stale", "outcome", "correct", "evidence",
                   "extractor")
RESOLUTION_FIELDS = ("id", "forecast_id", "forecast_key", "outcome", "evidence", "note", "resolved_by", "resolved_at")
ENTITY_FIELDS = ("id", "name", "kind", "roles", "aliases", "claims", "articles")
PLACE_FIELDS = ("id", "place_key", "geonameid", "name", "feature", "country_code", "admin1", "latitude", "longitude",
                "population", "mentions", "articles", "events")
"""A place entity (one gazetteer entry) with its counts; ``id`` is its entity id."""
PLACE_MENTION_FIELDS = ("id", "article_id", "place_id", "start", "end", "text", "kind", "place_key", "geonameid",
                        "name", "feature", "country_code", "admin1", "latitude", "longitude", "population", "score",
                        "extractor")
"""A place mention with the gazetteer entry it resolves to (``place_id``: the place entity)."""
EVENT_FIELDS = ("id", "article_id", "claim_id", "start", "end", "text", "trigger", "trigger_start", "trigger_end",
                "kind", "plover", "acled_type", "acled_subtype", "actor", "actor_start", "actor_end", "actor_key",
                "target", "target_start", "target_end", "place", "place_start", "place_end", "place_id", "place_key",
                "place_name", "place_feature", "geonameid", "country_code", "admin1", "latitude", "longitude",
                "earliest", "latest", "date_source", "killed", "injured", "civilian", "same_as", "extractor")
"""An event: its spans (trigger, actor, target, place), kinds, the place's gazetteer entry, window, toll;
``same_as``: the ids of reports of the same event in other articles."""
RECORD_FIELDS = {"articles": ARTICLE_FIELDS, "entities": ENTITY_FIELDS, "claims": CLAIM_FIELDS,
                 "figures": FIGURE_FIELDS, "times": TIME_FIELDS, "forecasts": FORECAST_FIELDS,
                 "resolutions": RESOLUTION_FIELDS, "places": PLACE_FIELDS, "events": EVENT_FIELDS}
"""Record type -> the keys every dict of that type starts with (exports keep exactly these, in this order)."""
_RENAMED = {"span_start": "start", "span_end": "end", "cue_text": "cue", "condition_text": "condition",
            "predictor_entity_id": "predictor_id"}
"""Ledger column names -> the shape's (``end`` is reserved in SQL, hence ``span_end`` there)."""


def shaped(fields: tuple[str, ...], values: dict) -> dict:
    """``values`` in the shape ``fields``: those keys first (None when missing), ledger column
    names renamed (:data:`_RENAMED`), then the other keys as given."""
    values = {_RENAMED.get(k, k): v for k, v in values.items()}
    return {**{f: values.get(f) for f in fields}, **{k: v for k, v in values.items() if k not in fields}}


def article(**values) -> dict:
    return shaped(ARTICLE_FIELDS, values)


def time(**values) -> dict:
    return shaped(TIME_FIELDS, values)


def figure(**values) -> dict:
    return shaped(FIGURE_FIELDS, values)


def forecast(**values) -> dict:
    return shaped(FORECAST_FIELDS, values)


def resolution(**values) -> dict:
    return shaped(RESOLUTION_FIELDS, values)


def entity(**values) -> dict:
    return shaped(ENTITY_FIELDS, values)


def place(**values) -> dict:
    return shaped(PLACE_FIELDS, values)


def place_mention(**values) -> dict:
    return shaped(PLACE_MENTION_FIELDS, values)


def event(**values) -> dict:
    return shaped(EVENT_FIELDS, values)


def place_mention_of(record: Place) -> dict:
    """The place mention dict of a fresh Place record (its gazetteer ``key`` as ``place_key``)."""
    values = asdict(record)
    values["place_key"] = values.pop("key")
    return place_mention(**values)


def event_of(record: Event) -> dict:
    """The event dict of a fresh Event record: spans flattened, its place's gazetteer entry inlined."""
    values = _span_fields(record)
    ref = values.pop("place_ref", None)
    if ref is not None:
        values.update(place_key=ref["key"], place_name=ref["name"], place_feature=ref["feature"],
                      geonameid=ref["geonameid"], country_code=ref["country_code"], admin1=ref["admin1"],
                      latitude=ref["latitude"], longitude=ref["longitude"])
    for role in ("trigger", "actor", "target", "place"):
        values.setdefault(f"{role}_start", None)
        values.setdefault(f"{role}_end", None)
    return event(**values)


def _span_fields(record) -> dict:
    """A fresh record as a dict, its Span fields (cue, condition) flattened to name, name_start, name_end."""
    out = {}
    for key, value in asdict(record).items():
        if isinstance(value, dict) and set(value) == {"start", "end", "text"}:
            out.update({key: value["text"], f"{key}_start": value["start"], f"{key}_end": value["end"]})
        elif value is None and key in ("cue", "condition", "actor", "target", "place"):
            out.update({key: None, f"{key}_start": None, f"{key}_end": None})
        else:
            out[key] = value
    return out


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
        "times": [_span_fields(t) for t in ex.times],
        "figures": [_span_fields(f) for f in ex.figures],
        "forecasts": [_span_fields(f) for f in ex.forecasts],
        "places": [place_mention_of(p) for p in ex.places],
        "events": [event_of(e) for e in ex.events],
        "extractors": ex.extractors,
    }
