"""Are two reported events the same event? A pure score over two :class:`Event` records.

Two reports (usually from two articles) describe one event when nothing rules it out and enough
agrees. Each part scores 0..1; ``None`` means "cannot tell" and scores ``UNKNOWN``:

- **type**: the same ACLED sub-event type 1.0; the same ACLED event type, or kinds of one family
  (shelling / air strike / IED are all remote violence; a capture and a government's retaking are the
  same change of hands) ``RELATED_TYPE``; the same PLOVER category only ``PLOVER_ONLY``; else 0 —
  and a battle is never a protest (0 rules the pair out);
- **date**: the two windows overlap once each is widened by ``DATE_SLACK_DAYS`` (reports a day apart
  describe one strike) 1.0; apart, 0 and ruled out; a missing window ``UNKNOWN``;
- **place**: the same places-stage record (GeoNames id) or coordinates within ``SAME_PLACE_KM`` 1.0,
  within ``NEAR_PLACE_KM`` ``NEAR``, farther 0 and ruled out; without coordinates the same name
  (case, "the", "city of" ignored; one contained in the other) 1.0, different names ``OTHER_NAME``
  (a town and its region may both be right);
- **actor**: the same actor once demonyms and force words are normalised ("Russian forces",
  "Russia's army", "Russia" -> russia) 1.0; different ``OTHER_NAME``; missing ``UNKNOWN``.

``event_similarity`` is the weighted mean (``WEIGHTS``); ``same_event`` is True when no part rules the
pair out and the similarity is at least ``SAME_EVENT_MIN``.
"""
from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import lru_cache

WEIGHTS = {"type": 0.35, "date": 0.25, "place": 0.25, "actor": 0.15}
SAME_EVENT_MIN = 0.7
UNKNOWN = 0.5
RELATED_TYPE = 0.7
PLOVER_ONLY = 0.4
OTHER_NAME = 0.2
NEAR = 0.6
DATE_SLACK_DAYS = 1
SAME_PLACE_KM = 25.0
NEAR_PLACE_KM = 100.0
EARTH_RADIUS_KM = 6371.0
MEMO_SIZE = 65_536
"""Dates, place names and actor keys remembered (every pair of events scored reads both events' again)."""

FAMILIES = (
    frozenset({"shelling", "air_strike", "bombing", "suicide_bombing", "grenade", "chemical_attack", "attack",
               "interception"}),
    frozenset({"armed_clash", "offensive", "attack"}),
    frozenset({"capture", "retake", "territory_transfer", "withdrawal"}),
    frozenset({"protest", "protest_intervention", "force_against_protest", "riot", "mob_violence"}),
    frozenset({"agreement", "ceasefire", "release"}),
    frozenset({"deployment", "mobilisation", "group_change", "base_established"}),
    frozenset({"sanction", "expulsion"}),
)
"""Kinds two reports of one event may be typed as (one says 'shelling', the other 'missile strike')."""
ACLED_INCOMPATIBLE = frozenset({frozenset({"Battles", "Protests"}), frozenset({"Battles", "Riots"}),
                                frozenset({"Explosions/Remote violence", "Protests"}),
                                frozenset({"Strategic developments", "Protests"})})
DEMONYMS = {"russian": "russia", "ukrainian": "ukraine", "belarusian": "belarus", "american": "united states",
            "us": "united states", "u.s.": "united states", "israeli": "israel", "syrian": "syria",
            "iraqi": "iraq", "iranian": "iran", "turkish": "turkey", "british": "united kingdom",
            "uk": "united kingdom", "french": "france", "german": "germany", "chinese": "china",
            "kremlin": "russia", "moscow": "russia", "kyiv": "ukraine", "kiev": "ukraine", "afghan": "afghanistan",
            "pakistani": "pakistan", "indian": "india", "nigerian": "nigeria", "somali": "somalia",
            "yemeni": "yemen", "saudi": "saudi arabia", "libyan": "libya", "egyptian": "egypt"}
FORCE_WORDS = frozenset({"forces", "force", "troops", "troop", "army", "military", "soldiers", "soldier", "the",
                         "armed", "units", "unit", "'s", "s", "federation", "of", "government", "regime"})
PLACE_WORDS = re.compile(r"\b(?:the|city|town|village|region|oblast|province|district|of)\b")


def related_kinds(kind: str) -> frozenset[str]:
    """The kinds a report of the same event may carry besides its own (its families'): with another
    kind, and no ACLED type, sub-type or PLOVER category in common, the type part is 0 and the pair is
    ruled out, so the ledger compares an event only with those (it compared every event of the days)."""
    return frozenset({kind}).union(*(fam for fam in FAMILIES if kind in fam))


def _kind_score(a, b) -> float:
    if a.acled_subtype and a.acled_subtype == b.acled_subtype or a.kind == b.kind:
        return 1.0
    if a.acled_type and b.acled_type and frozenset({a.acled_type, b.acled_type}) in ACLED_INCOMPATIBLE:
        return 0.0
    if any(a.kind in fam and b.kind in fam for fam in FAMILIES):
        return RELATED_TYPE
    if a.acled_type and a.acled_type == b.acled_type:
        return RELATED_TYPE
    if a.plover and a.plover == b.plover:
        return PLOVER_ONLY
    return 0.0


@lru_cache(maxsize=MEMO_SIZE)
def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _date_score(a, b) -> float | None:
    a0, a1 = _day(a.earliest), _day(a.latest or a.earliest)
    b0, b1 = _day(b.earliest), _day(b.latest or b.earliest)
    if None in (a0, a1, b0, b1):
        return None
    return 1.0 if a0 - _SLACK <= b1 and b0 - _SLACK <= a1 else 0.0


_SLACK = timedelta(days=DATE_SLACK_DAYS)


def km(p: tuple[float, float], q: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*p, *q))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _coords(ref) -> tuple[float, float] | None:
    """The point of a place record (a places-stage ``Place``: latitude / longitude; lat / lon too)."""
    lat = getattr(ref, "latitude", getattr(ref, "lat", None))
    lon = getattr(ref, "longitude", getattr(ref, "lon", None))
    return (float(lat), float(lon)) if lat is not None and lon is not None else None


def _place_name(span) -> str:
    return _place_key(span.text) if span is not None else ""


@lru_cache(maxsize=MEMO_SIZE)
def _place_key(text: str) -> str:
    return " ".join(PLACE_WORDS.sub(" ", text.lower()).split())


def _place_score(a, b) -> float | None:
    ra, rb = a.place_ref, b.place_ref
    if ra is not None and rb is not None:
        ida, idb = getattr(ra, "geonameid", None), getattr(rb, "geonameid", None)
        if ida is not None and ida == idb:
            return 1.0
        ca, cb = _coords(ra), _coords(rb)
        if ca and cb:
            dist = km(ca, cb)
            return 1.0 if dist <= SAME_PLACE_KM else NEAR if dist <= NEAR_PLACE_KM else 0.0
    na, nb = _place_name(a.place), _place_name(b.place)
    if not na or not nb:
        return None
    return 1.0 if na == nb or na in nb or nb in na else OTHER_NAME


@lru_cache(maxsize=MEMO_SIZE)
def actor_key(text: str) -> str:
    """'Russian forces' / "Russia's army" / 'the Kremlin' -> 'russia'."""
    words = re.findall(r"[\w.]+|'s", text.lower())
    words = [DEMONYMS.get(w, w) for w in words if w not in FORCE_WORDS]
    return " ".join(words)


def _actor_score(a, b) -> float | None:
    if a.actor is None or b.actor is None:
        return None
    ka, kb = actor_key(a.actor.text), actor_key(b.actor.text)
    if not ka or not kb:
        return None
    return 1.0 if ka == kb or ka in kb or kb in ka else OTHER_NAME


def parts(a, b) -> dict[str, float | None]:
    """Each part's score (None: cannot tell) for two events."""
    return {"type": _kind_score(a, b), "date": _date_score(a, b), "place": _place_score(a, b),
            "actor": _actor_score(a, b)}


def event_similarity(a, b) -> float:
    """Weighted mean of the parts (see the module docstring), 0..1."""
    return _mean(*parts(a, b).values())


def _mean(kind: float, day: float | None, place: float | None, actor: float | None) -> float:
    """The weighted mean of the four parts, summed in ``WEIGHTS``' order (an unknown part weighs
    ``UNKNOWN``)."""
    return (0 + _W_TYPE * kind + _W_DATE * (UNKNOWN if day is None else day)
            + _W_PLACE * (UNKNOWN if place is None else place) + _W_ACTOR * (UNKNOWN if actor is None else actor))


_W_TYPE, _W_DATE, _W_PLACE, _W_ACTOR = (WEIGHTS[k] for k in ("type", "date", "place", "actor"))


def same_event(a, b) -> bool:
    """True when ``a`` and ``b`` read as two reports of one event."""
    return same_event_similarity(a, b) is not None


def same_event_similarity(a, b) -> float | None:
    """``event_similarity(a, b)`` when ``a`` and ``b`` read as two reports of one event, else None
    (the parts scored once: the ledger scored them three times for every pair it linked). A part
    that rules the pair out ends the test, and the mean is summed without a dict (:func:`_mean`, as
    :func:`event_similarity` does): the ledger scores every event of the days against
    a new article's, 33,412 pairs for 400 Reuters stories stored after 1,200, and this was 40% of it."""
    kind = _kind_score(a, b)
    if kind == 0.0:
        return None
    day = _date_score(a, b)
    if day == 0.0:
        return None
    place = _place_score(a, b)
    if place == 0.0:
        return None
    similarity = _mean(kind, day, place, _actor_score(a, b))
    return similarity if similarity >= SAME_EVENT_MIN else None
