"""The Place record: one place mention resolved to a gazetteer entry."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FeatureType = Literal["country", "admin1", "admin2", "city", "continent", "region", "area", "water", "river"]
MentionKind = Literal["name", "adjective", "embedded"]


@dataclass(frozen=True)
class Place:
    """A place mention in ``Article.text`` (``start``/``end``) and where it is.

    ``kind`` says how the text names the place: ``name`` ("Kramatorsk"),
    ``adjective`` ("Ukrainian troops" -> Ukraine) or ``embedded`` (a place
    inside an organisation's name, "Kyiv Independent"). Only ``name`` places
    are place mentions in the ledger's sense; the other kinds exist because
    some gold corpora count them as toponyms.

    ``geonameid`` is GeoNames' id where the shipped gazetteer has one;
    first-order regions outside the US and the hand-kept named areas have
    none, and ``key`` ("gn:704508", "adm1:UA.05", "area:donbas") identifies
    every entry either way.
    """

    start: int
    end: int
    text: str
    key: str
    geonameid: int | None
    name: str
    feature: FeatureType
    country_code: str
    admin1: str  # the admin-1 region's English name ("Donetsk"), "" when unknown or a country
    latitude: float
    longitude: float
    population: int
    score: float
    kind: MentionKind = "name"
    extractor: str = "places.v1"
