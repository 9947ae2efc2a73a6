"""Evidence for a forecast: which events and claims of later articles bear on it, and which way.

    >>> ranked = rank_evidence(forecast, candidates, places)   # doctest: +SKIP
    >>> ranked[0]["stance"], ranked[0]["score"], ranked[0]["reasons"]   # doctest: +SKIP
    ('contradicting', 0.9, ['kind: capture (the forecast: capture)', 'negated: "failed to capture"', ...])

Pure: ``forecast`` is a forecast dict (the ledger's: ``text``, ``earliest``, ``latest``,
``published``, ``article_id``, optional ``polarity``), ``candidates`` are event dicts
(``record: "event"``, the ledger's event fields) and claim dicts (``record: "claim"``, with the
places their content names under ``places``), ``places`` are the places the forecast names. The
SQL that fetches candidates is :mod:`sayso.ledger.evidence`. Nothing here resolves a forecast:
a person reads the ranked list and confirms with ``sayso resolve``.

What the forecast expects (:func:`expectation`): the kinds of event its words name
(:data:`KIND_PATTERNS`: "offensive" -> offensive, "seizure" -> capture, "mobilisation" ->
mobilisation), the actor named first (the doer precedes the deed: "Russian forces will seize ..."),
its places and window. Each candidate scores four parts, 0..1 (``None``: cannot tell, scored
``UNKNOWN``), weighted by :data:`WEIGHTS`:

- **kind**: the same kind 1.0, one family (:data:`FAMILIES`: an offensive shows as battles,
  shelling and captures) ``RELATED``, a kind that answers it (:data:`ANSWERS`: a retaking by the
  other side answers a capture) 1.0 with the report's sign turned; other kinds are no evidence;
- **place**: the same gazetteer entry 1.0, inside the forecast's place (a town of the named region)
  ``INSIDE``, of the named country only ``IN_COUNTRY`` (a country says little of where), within
  ``NEAR_KM`` ``NEAR``, containing it ``CONTAINS``, same country ``SAME_COUNTRY``, elsewhere 0; the
  actor's own country is no place ("Russia's President ordered ..." says who, not where);
- **actor**: the forecast's actor among the candidate's 1.0, another 0;
- **time**: an event inside the forecast's window 1.0, before it (but after the forecast was made)
  ``EARLY``, after it ``LATE``; a claim made once the window closed (it looks back) 1.0, inside it
  ``INTERIM``; no window: 1.0.

A claim that is itself a prediction (``will``, ``may``, ``plans to``) is no evidence. A claim's
report is negative when a negation governs its kind word ("has not launched", "no offensive",
"failed to seize"); an event is a positive report (the events stage keeps only what happened). The
stance is *supporting* when the report's sign agrees with the forecast's polarity (issue 11:
``polarity`` "negative" for "Russia will not attack"; positive when absent), else *contradicting*.
Claims weigh ``CLAIM_WEIGHT`` of an event (someone's word, where an event is the article's report).
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .events import DEMONYMS, actor_key

WEIGHTS = {"kind": 0.35, "place": 0.35, "actor": 0.15, "time": 0.15}
UNKNOWN = 0.5
RELATED = 0.6
INSIDE, IN_COUNTRY, CONTAINS, NEAR, SAME_COUNTRY = 0.9, 0.5, 0.6, 0.6, 0.3
NEAR_KM = 150.0
EARLY, LATE, INTERIM = 0.6, 0.5, 0.8
CLAIM_WEIGHT = 0.9
MIN_SCORE = 0.5
"""Candidates scoring less are not listed."""
EARTH_RADIUS_KM = 6371.0

KIND_PATTERNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # (kind, words that name it in a forecast or a claim, words the full-text index finds them by)
    ("offensive", r"offensives?|counter-?offensives?|invasions?|invad(?:e|es|ing)|assaults?",
     ("offensive", "counteroffensive", "invasion", "invade", "assault")),
    ("attack", r"attack(?:s|ing)?", ("attack",)),
    ("shelling", r"shell(?:s|ing|ed)|missiles?|rockets?|artillery", ("shelling", "missile", "rocket", "artillery")),
    ("air_strike", r"air ?strikes?|drone strikes?|bomb(?:s|ing|ed)", ("airstrike", "strike", "bombing")),
    ("capture", r"seiz(?:e|es|ed|ing|ure)|captur(?:e|es|ed|ing)|occup(?:y|ies|ied|ying|ation)|take control|took control",
     ("seize", "seizure", "capture", "occupy", "occupation", "control")),
    ("withdrawal", r"withdr(?:aw|aws|ew|awn|awal)|retreat(?:s|ed)?", ("withdraw", "withdrew", "withdrawal", "retreat")),
    ("mobilisation", r"mobili[sz](?:e|es|ing|ation)|conscription|call-up",
     ("mobilise", "mobilisation", "mobilize", "mobilization", "mobilised", "mobilized", "conscription", "call")),
    ("deployment", r"(?:re)?deploy(?:s|ing|ment)?", ("deploy", "redeploy", "deployment")),
    ("ceasefire", r"ceasefires?|cease-fires?|truces?|armistice", ("ceasefire", "truce", "armistice")),
    ("agreement", r"agreements?|peace deal|treat(?:y|ies)|accords?", ("agreement", "deal", "treaty", "accord")),
    ("sanction", r"sanctions?", ("sanction",)),
    ("protest", r"protests?|demonstrations?|rall(?:y|ies)", ("protest", "demonstration", "rally")),
    ("election", r"elections?|referend(?:um|a)", ("election", "referendum")),
    ("arrest", r"arrest(?:s|ed)?|detain(?:s|ed)?", ("arrest", "detain")),
)
"""The kinds of event a forecast's (or a claim's) words name. Participles before a noun are
descriptions, not predictions ("train mobilised soldiers"), so only nouns and non-past verb forms
of "mobilise" name one in a forecast (a claim's "mobilised" is found by the index words and read
by the pattern of its noun or verb)."""
_KIND_RE = [(kind, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for kind, words, _ in KIND_PATTERNS]
FTS_WORDS = {kind: words for kind, _, words in KIND_PATTERNS}

FAMILIES = (
    frozenset({"offensive", "attack", "armed_clash", "shelling", "air_strike", "bombing", "capture"}),
    frozenset({"capture", "retake", "territory_transfer"}),
    frozenset({"mobilisation", "deployment"}),
    frozenset({"agreement", "ceasefire", "release"}),
    frozenset({"protest", "protest_intervention", "riot"}),
)
"""Kinds that bear out one another: an offensive is reported as battles, shelling and captures."""
ANSWERS = {
    "capture": {"retake": False, "withdrawal": True, "territory_transfer": False},
    "offensive": {"ceasefire": None, "withdrawal": True},
    "attack": {"ceasefire": None},
    "withdrawal": {"offensive": True, "capture": True},
    "ceasefire": {"offensive": None, "attack": None, "shelling": None, "air_strike": None, "armed_clash": None},
}
"""Forecast kind -> candidate kinds that tell against it: ``True`` when done by the forecast's own
actor (Russia withdrawing answers "Russia will seize"), ``False`` when done by another (Ukraine
retaking answers it; Russia "retaking" is a capture), ``None`` whoever does it (a ceasefire)."""

NEGATION = re.compile(r"\b(?:no|not|never|neither|nor|without|failed|fail|fails|yet to|n't|none|halted|stalled)\b|n't\b",
                      re.IGNORECASE)
NEGATION_WINDOW = 6
"""A negation counts when it is among the words just before the kind word (its clause)."""
PREDICTION = re.compile(r"\b(?:will|would|shall|may|might|could|plans? to|planning to|is preparing|are preparing|"
                        r"expects?|expected to|going to|is likely|threaten(?:s|ed)? to)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w'’]+")


@dataclass(frozen=True)
class Expectation:
    """What a forecast says will (or, negative, will not) happen."""

    kinds: frozenset[str]
    actors: frozenset[str]
    places: tuple[dict, ...]
    earliest: str | None
    latest: str | None
    published: str | None
    polarity: str

    @property
    def answering(self) -> frozenset[str]:
        """Kinds of event that tell against it (:data:`ANSWERS`)."""
        return frozenset(k for kind in self.kinds for k in ANSWERS.get(kind, {}))

    @property
    def evidence_kinds(self) -> frozenset[str]:
        """Every event kind that may bear on it (its kinds, their families, the answering kinds)."""
        related = {k for fam in FAMILIES if fam & self.kinds for k in fam}
        return frozenset(self.kinds | related | self.answering)

    @property
    def fts_words(self) -> tuple[str, ...]:
        """Words (stemmed by the index, matched as prefixes) that find claims about its kinds."""
        return tuple(dict.fromkeys(w for kind in sorted(self.kinds) for w in FTS_WORDS.get(kind, ())))


def kinds_named(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of every event word in ``text``, in text order."""
    found = [(kind, m.start(), m.end()) for kind, rx in _KIND_RE for m in rx.finditer(text or "")]
    return sorted(found, key=lambda x: x[1])


def actors_named(text: str) -> list[str]:
    """Country actor keys ("russia", "ukraine") in order of first mention: names, demonyms, plurals."""
    out: list[str] = []
    countries = set(DEMONYMS.values())
    for word in _WORD.findall((text or "").lower().replace("’", "'")):
        word = word.removesuffix("'s")
        key = DEMONYMS.get(word) or DEMONYMS.get(word.rstrip("s")) or (word if word in countries else None)
        if key and key not in out:
            out.append(key)
    return out


def expectation(forecast: dict, places: Iterable[dict] = ()) -> Expectation:
    """The kinds, doer, places and window a forecast expects (see the module docstring)."""
    text = forecast.get("text") or ""
    actors = frozenset(actors_named(text)[:1])
    return Expectation(
        kinds=frozenset(k for k, _, _ in kinds_named(text)), actors=actors, places=not_actor(places, actors),
        earliest=forecast.get("earliest"), latest=forecast.get("latest"),
        published=_day(forecast.get("published")), polarity=forecast.get("polarity") or "positive")


def not_actor(places: Iterable[dict], actors: frozenset[str]) -> tuple[dict, ...]:
    """Places without the actor's own country: "Russia's President Putin has ordered ..." names
    who acts, not where (the forecast's and the candidate's places are read so)."""
    return tuple(p for p in places if not (p.get("feature") == "country" and actors_named(p.get("name") or "")
                                         and set(actors_named(p.get("name") or "")) <= actors))


# -- the parts ---------------------------------------------------------------------------------

def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _km(a: dict, b: dict) -> float | None:
    if None in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _inside(inner: dict, outer: dict) -> bool:
    """``inner`` lies in ``outer``: a place of its country, or of its admin-1 region."""
    if not inner.get("country_code") or inner.get("country_code") != outer.get("country_code"):
        return False
    if outer.get("feature") == "country":
        return inner.get("feature") != "country"
    return outer.get("feature") == "admin1" and inner.get("feature") not in ("country", "admin1") \
        and inner.get("admin1") == outer.get("admin1")


def place_score(expected: tuple[dict, ...], found: list[dict]) -> tuple[float | None, str]:
    """How well the candidate's places fit the forecast's (best pair), with the reason."""
    if not expected or not found:
        return None, ""
    best, why = 0.0, f"elsewhere ({found[0].get('name')})"
    for f in found:
        for e in expected:
            km = _km(e, f)
            if f.get("place_key") == e.get("place_key"):
                score, reason = 1.0, f"place: {f.get('name')}"
            elif _inside(f, e):
                score = IN_COUNTRY if e.get("feature") == "country" else INSIDE
                reason = f"place: {f.get('name')}, in {e.get('name')}"
            elif km is not None and km <= NEAR_KM and e.get("feature") != "country":
                score, reason = NEAR, f"place: {f.get('name')}, {km:.0f} km from {e.get('name')}"
            elif _inside(e, f):
                score, reason = CONTAINS, f"place: {f.get('name')}, which holds {e.get('name')}"
            elif f.get("country_code") and f.get("country_code") == e.get("country_code"):
                score, reason = SAME_COUNTRY, f"place: {f.get('name')}, same country as {e.get('name')}"
            else:
                continue
            if score > best:
                best, why = score, reason
    return best, why


def _time_score(exp: Expectation, start: str | None, end: str | None, claim: bool) -> tuple[float | None, str]:
    if not start:
        return None, ""
    end = end or start
    if not exp.latest:
        return 1.0, f"after the forecast ({start})"
    low = exp.earliest or exp.published or exp.latest
    window = f"{low}..{exp.latest}"
    if claim:
        return (1.0, f"said after the window {window} closed") if start > exp.latest else \
            (INTERIM, f"said during the window {window}")
    if start <= exp.latest and end >= low:
        return 1.0, f"inside the window {window}"
    if end < low:
        return EARLY, f"before the window {window}"
    return LATE, f"after the window {window}"


def _negated(text: str, start: int) -> str | None:
    """The negation just before a kind word (within its clause), or None."""
    before = re.split(r"[.;:!?]|\bbut\b", text[:start])[-1]
    words = _WORD.findall(before)[-NEGATION_WINDOW:]
    tail = " ".join(words)
    match = None
    for match in NEGATION.finditer(tail):
        pass
    return match.group(0) if match else None


def _kind_part(exp: Expectation, kind: str, same_actor: bool | None) -> tuple[float, int, str]:
    """(kind score, sign: +1 bears it out / -1 tells against it, reason) of one candidate kind."""
    wanted = ", ".join(sorted(exp.kinds))
    for expected in sorted(exp.kinds):
        answer = ANSWERS.get(expected, {})
        if kind in answer and kind != expected:
            by_own = answer[kind]
            if by_own is None or same_actor is None or by_own == same_actor:
                return 1.0, -1, f"kind: {kind} answers the forecast's {expected}"
            if kind in ("retake",) and same_actor:
                return 1.0, 1, f"kind: {kind} by the forecast's actor (a capture)"
    if kind in exp.kinds:
        return 1.0, 1, f"kind: {kind} (the forecast: {wanted})"
    if any(kind in fam and fam & exp.kinds for fam in FAMILIES):
        return RELATED, 1, f"kind: {kind}, related to the forecast's {wanted}"
    return 0.0, 1, ""


def _combine(parts: dict[str, float | None]) -> float:
    return sum(WEIGHTS[k] * (UNKNOWN if v is None else v) for k, v in parts.items())


# -- candidates --------------------------------------------------------------------------------

def _event_item(exp: Expectation, ev: dict) -> dict | None:
    actor = ev.get("actor_key") or (actor_key(ev["actor"]) if ev.get("actor") else None)
    cand_actors = actors_named(ev.get("actor") or "") if ev.get("actor") else []
    same_actor = None if not exp.actors or not actor else bool(exp.actors & set(cand_actors or [actor]))
    kind, sign, kind_why = _kind_part(exp, ev["kind"], same_actor)
    if kind == 0.0:
        return None
    start = ev.get("earliest") or _day(ev.get("published"))
    if exp.published and (ev.get("latest") or start or "9999") < exp.published:
        return None  # it happened before the forecast was made
    place = [{"place_key": ev["place_key"], "name": ev.get("place_name"), "feature": ev.get("place_feature"),
              "country_code": ev.get("country_code"), "admin1": ev.get("admin1"), "latitude": ev.get("latitude"),
              "longitude": ev.get("longitude")}] if ev.get("place_key") else []
    where, where_why = place_score(exp.places, place)
    when, when_why = _time_score(exp, start, ev.get("latest"), claim=False)
    parts = {"kind": kind, "place": where, "actor": None if same_actor is None else float(same_actor), "time": when}
    reasons = [kind_why, where_why, f"actor: {ev.get('actor')}" if same_actor else "", when_why]
    return _item("event", ev, sign, parts, reasons, 1.0, ev.get("text"))


def _claim_item(exp: Expectation, claim: dict) -> dict | None:
    content = claim.get("content") or ""
    if PREDICTION.search(content):
        return None  # a prediction is no evidence of what happened
    named = [(k, s, e) for k, s, e in kinds_named(content)]
    best = None
    for kind, start, _ in named:
        score, sign, why = _kind_part(exp, kind, None)
        if score > 0 and (best is None or score > best[0]):
            best = (score, sign, why, start)
    if best is None:
        return None
    score, sign, kind_why, start = best
    negation = _negated(content, start)
    if negation:
        sign = -sign
    actors = set(actors_named(content))
    same_actor = None if not exp.actors or not actors else bool(exp.actors & actors)
    where, where_why = place_score(exp.places, list(not_actor(claim.get("places") or [], exp.actors)))
    when, when_why = _time_score(exp, _day(claim.get("published")), None, claim=True)
    parts = {"kind": score, "place": where, "actor": None if same_actor is None else float(same_actor), "time": when}
    reasons = [kind_why, f'negated: "{negation}"' if negation else "", where_why,
               f"actor: {', '.join(sorted(exp.actors))}" if same_actor else "", when_why,
               f"said by {claim.get('speaker')}" if claim.get("speaker") else ""]
    return _item("claim", claim, sign, parts, reasons, CLAIM_WEIGHT, content)


def _item(record: str, row: dict, sign: int, parts: dict, reasons: list[str], weight: float, text) -> dict:
    return {"record": record, "id": row.get("id"), "article_id": row.get("article_id"),
            "published": row.get("published"), "title": row.get("title"), "text": text, "sign": sign,
            "score": round(weight * _combine(parts), 3), "parts": parts, "reasons": [r for r in reasons if r]}


def _one_per_report(ranked: list[dict]) -> list[dict]:
    """The best item of each article and stance; the others of that article are listed under ``also``
    (a headline and its first sentence report one offensive)."""
    kept: dict[tuple, dict] = {}
    for item in ranked:
        key = (item["article_id"], item["stance"])
        if key in kept:
            kept[key]["also"].append({"record": item["record"], "id": item["id"]})
        else:
            kept[key] = {**item, "also": []}
    return list(kept.values())


def rank_evidence(forecast: dict, candidates: Iterable[dict], places: Iterable[dict] = ()) -> list[dict]:
    """The candidates that bear on ``forecast``, best first: each with ``stance`` (supporting or
    contradicting), ``score`` (0..1), ``reasons`` and the parts' scores. Never resolves anything."""
    exp = expectation(forecast, places)
    if not exp.kinds:
        return []
    ranked = []
    for cand in candidates:
        if cand.get("article_id") == forecast.get("article_id"):
            continue
        if exp.published and _day(cand.get("published")) and _day(cand.get("published")) < exp.published:
            continue  # only later articles
        item = _event_item(exp, cand) if cand.get("record") == "event" else _claim_item(exp, cand)
        if item is None or item["score"] < MIN_SCORE:
            continue
        positive = item.pop("sign") > 0
        item["stance"] = "supporting" if positive == (exp.polarity != "negative") else "contradicting"
        ranked.append(item)
    ranked.sort(key=lambda i: (-i["score"], i["published"] or "", i["record"], i["id"] or 0))
    ranked = _one_per_report(ranked)
    for n, item in enumerate(ranked, 1):
        item["rank"] = n
    return ranked
