"""Disambiguation: pick one gazetteer entry per mention from the article's context.

Every candidate starts from its size (log10 population) plus a bonus for its
feature type (a country or region of a name outranks a town of the same name).
Then, in two passes:

1. local cues: a head noun ("Donetsk region" -> admin-1, "city of Donetsk" ->
   city) and a container written next to it ("Austin, Texas", "Kramatorsk,
   Ukraine") decide first;
2. article focus: the countries and admin-1 regions of the first pass's choices
   (and of adjectives such as "Ukrainian") raise candidates that lie in them, in
   proportion to how much of the article is about them.

The measured reason for each weight is in docs/places.md.
"""
from __future__ import annotations

import math
from collections import Counter

from . import lexicon as L
from .candidates import Mention
from .gazetteer import Entry, Gazetteer, norm

Candidate = tuple[Entry, bool]  # (entry, the mention spells its main name)


def candidates(gaz: Gazetteer, m: Mention) -> list[Candidate]:
    """Gazetteer entries a mention may denote ("Donetsk" -> region, two cities)."""
    if m.kind == "adjective":
        entry = gaz.demonym(m.text)
        return [(entry, True)] if entry else []
    found = gaz.lookup(m.lookup)
    if m.head == "county":  # "Suffolk and Nassau counties": Nassau County too
        known = {e.key for e, _ in found}
        found += [(e, main) for noun in COUNTY_NAMES for e, main in gaz.lookup(f"{m.lookup} {noun}")
                  if e.key not in known]
    return found


COUNTY_NAMES = ("County", "Parish")


def prior(entry: Entry, main: bool, m: Mention, namesake_city: bool, capital: bool = False) -> float:
    """Score before context: size, feature type, head noun, main name or alternate."""
    score = math.log10(entry.population + 10) + L.FEATURE_BONUS.get(entry.feature, 0.0)
    if capital:
        score += L.CAPITAL_BONUS
    if not main:
        score -= L.ALTERNATE_NAME_PENALTY
    if entry.feature == "admin1" and namesake_city and m.head != "region":
        # "Moscow", "Donetsk": a region named after its capital means the city unless
        # the text says "region"; the region's summed population must not outvote it.
        score -= L.NAMESAKE_REGION_PENALTY
    if entry.feature == "admin2" and namesake_city and m.head != "county":
        score -= L.NAMESAKE_REGION_PENALTY  # "Reading" is the town, "Reading borough" the authority
    if m.head == "region" and entry.feature in ("admin1", "area", "region"):
        score += L.HEAD_NOUN_BONUS
    elif m.head == "county" and entry.feature == "admin2":
        score += L.HEAD_NOUN_BONUS
    elif m.head == "city" and entry.feature == "city":
        score += L.HEAD_NOUN_BONUS
    return score


def contains(outer: Entry, inner: Entry) -> bool:
    """True when ``outer`` (country / admin-1) contains ``inner``."""
    if outer.key == inner.key or not outer.country_code or outer.country_code != inner.country_code:
        return False
    if outer.feature == "country":
        return inner.feature != "country"
    if outer.feature == "admin1":
        return inner.feature in ("city", "admin2") and inner.admin1_code == outer.admin1_code
    return False


def resolve(mentions: list[Mention], gaz: Gazetteer, text: str) -> list[tuple[Mention, Entry, float]]:
    """The best entry of each mention that has one, with its score."""
    cands = [candidates(gaz, m) for m in mentions]
    priors = [_priors(m, cs, gaz.capitals) for m, cs in zip(mentions, cands)]
    _container_bonus(mentions, cands, priors, text)
    first = [_best(cs, ps) for cs, ps in zip(cands, priors)]
    countries, regions = _focus(first)
    out = []
    for m, cs, ps in zip(mentions, cands, priors):
        keep = [k for k, (e, _) in enumerate(cs) if not _compass_elsewhere(e, countries)]
        cs, ps = [cs[k] for k in keep], [ps[k] for k in keep]
        if not cs:
            continue
        scored = [p + _context(e, countries, regions) for (e, _), p in zip(cs, ps)]
        i = max(range(len(cs)), key=lambda k: scored[k])
        out.append((m, cs[i][0], round(scored[i], 3)))
    return out


def _priors(m: Mention, cs: list[Candidate], capitals: set) -> list[float]:
    city_names = {(e.country_code, e.admin1_code, e.name) for e, _ in cs if e.feature == "city"}
    city_regions = {(e.country_code, e.admin1_code) for e, _ in cs if e.feature == "city"}
    return [prior(e, main, m, _namesake(e, city_names, city_regions), e.key in capitals) for e, main in cs]


def _namesake(e: Entry, city_names: set, city_regions: set) -> bool:
    """A region that shares its name with a town inside it (admin-2: any town of the candidates
    in its admin-1 region, since "City and Borough of Leeds" is also called "Leeds")."""
    if e.feature == "admin2":
        return (e.country_code, e.admin1_code) in city_regions
    return (e.country_code, e.admin1_code, e.name) in city_names


def _compass_elsewhere(e: Entry, countries: Counter) -> bool:
    """"West" as Cameroon's West Region only counts in an article about Cameroon."""
    return e.feature == "admin1" and norm(e.name) in L.COMPASS_NAMES and not countries.get(e.country_code)


def _best(cs: list[Candidate], ps: list[float]) -> Entry | None:
    ok = [k for k, (e, _) in enumerate(cs) if not _compass_elsewhere(e, Counter())]
    if not ok:
        return None
    return cs[max(ok, key=lambda k: ps[k])][0]


def _container_bonus(mentions, cands, priors, text: str) -> None:
    """"Kramatorsk, Ukraine": raise the pair (inner, outer) where outer contains inner."""
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if text[a.end:b.start].strip() != "," or not cands[i + 1]:
            continue
        if not cands[i]:  # "Krasnivka, Kherson": a town the gazetteer lacks, written with its region
            if not (i + 2 < len(mentions) and _list_link(text[b.end:mentions[i + 2].start])):
                for k, (e, _) in enumerate(cands[i + 1]):
                    if e.feature in ("admin1", "admin2", "country"):
                        priors[i + 1][k] += L.CONTAINER_BONUS
            continue
        if i + 2 < len(mentions) and _list_link(text[b.end:mentions[i + 2].start]):
            continue  # "Washington, New York and Boston": a list, not a town and its state
        best = None
        for ia, (ea, _) in enumerate(cands[i]):
            for ib, (eb, _) in enumerate(cands[i + 1]):
                if contains(eb, ea):
                    total = priors[i][ia] + priors[i + 1][ib]
                    if best is None or total > best[0]:
                        best = (total, ia, ib)
        if best is not None:
            priors[i][best[1]] += L.CONTAINER_BONUS
            priors[i + 1][best[2]] += L.CONTAINER_BONUS


def _list_link(between: str) -> bool:
    """The words between two mentions continue a list: ", ", " and ", ", or "."""
    return between.strip(" ,") in ("and", "or") or between.strip() == ","


def _focus(chosen: list[Entry | None]) -> tuple[Counter, set]:
    """Share of the article's places per country, and the admin-1 regions it names."""
    countries = Counter(e.country_code for e in chosen if e is not None and e.country_code)
    total = sum(countries.values())
    shares = Counter({cc: n / total for cc, n in countries.items()}) if total else Counter()
    regions = {(e.country_code, e.admin1_code) for e in chosen if e is not None and e.feature == "admin1"}
    return shares, regions


def _context(e: Entry, countries: Counter, regions: set) -> float:
    bonus = L.CONTEXT_COUNTRY_BONUS * countries.get(e.country_code, 0.0)
    if e.feature in ("city", "admin2") and (e.country_code, e.admin1_code) in regions:
        bonus += L.CONTEXT_ADMIN1_BONUS
    return bonus
