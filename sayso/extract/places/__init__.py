"""Places: every place mention of an article, resolved offline to a gazetteer entry.

    >>> from sayso.extract.places import extract_places
    >>> [p.name for p in extract_places(doc, article)]   # doc = nlp(article.text)
    ['Ukraine', 'Russia', 'Donbas', 'Donetsk', 'Luhansk', 'Belarus', 'Moscow', ...]

Pipeline: ``candidates.find_mentions`` (spaCy entities + gazetteer) ->
``resolve.resolve`` (population, feature type, head nouns, containers, the
article's countries) -> ``Place`` records. See docs/places.md.
"""
from __future__ import annotations

from typing import Iterator

from ..spans import doc_text
from .candidates import Mention, find_mentions, set_heads
from .gazetteer import gazetteer, norm
from . import lexicon as L
from .lexicon import SPEAKER_BLOCK_MIN_POPULATION, VERSION
from .records import Place
from .resolve import resolve

__all__ = ["Place", "extract_places", "resolve_spans", "is_place_name", "VERSION"]


def extract_places(doc, article) -> Iterator[Place]:
    """Yield a ``Place`` for each place mention of ``doc`` (the parse of ``article.text``)."""
    gaz = gazetteer()
    for m, entry, score in resolve(find_mentions(doc, gaz), gaz, doc_text(doc)):
        yield _place(gaz, m, entry, score)


def resolve_spans(doc, spans: list[tuple[int, int]]) -> list[Place | None]:
    """Resolve given spans of ``doc`` (gold toponyms) together; None where the gazetteer has none."""
    gaz = gazetteer()
    mentions = [Mention(s, e, doc.text[s:e], "adjective" if gaz.demonym(doc.text[s:e]) else "name")
                for s, e in spans]
    set_heads(doc, sorted(mentions, key=lambda m: m.start), gaz)
    found = {(m.start, m.end): (m, e, sc) for m, e, sc in resolve(mentions, gaz, doc.text)}
    return [_place(gaz, *found[s]) if s in found else None for s in spans]


def _place(gaz, m, entry, score: float) -> Place:
    return Place(
        start=m.start, end=m.end, text=m.text, key=entry.key, geonameid=entry.geonameid,
        name=entry.name, feature=entry.feature, country_code=entry.country_code,
        admin1=gaz.admin1_name(entry), latitude=entry.latitude, longitude=entry.longitude,
        population=entry.population, score=score, kind=m.kind, extractor=VERSION,
    )


def is_place_name(text: str) -> bool:
    """True when ``text`` is the main name of a country, region, area or large city.

    For the speakers stage: "Ukraine said" has no speaker. Small towns do not
    count ("Austin Reed" is a person; Austin, Texas is a large city, so the bare
    "Austin" is refused, which is the safe side: a wrong speaker is worse).

    >>> is_place_name("Ukraine"), is_place_name("Kramatorsk"), is_place_name("Oleksii Reznikov")
    (True, True, False)
    """
    gaz = gazetteer()
    if not text or not text.strip() or gaz.demonym(text.strip()):
        return False
    return any(main and _blocks_speaker(e) for e, main in gaz.lookup(text.strip()))


def _blocks_speaker(e) -> bool:
    """Countries, regions, areas, large cities; a county only by a name of two words or more
    ("Orange County"): "Devon" and "Lincoln" are names too; never a body that speaks (the EU)."""
    if e.key in L.SPEAKING_BODIES:
        return False
    if e.feature == "city":
        return e.population >= SPEAKER_BLOCK_MIN_POPULATION
    if e.feature == "admin2":
        return " " in e.name
    return True


__all__ += ["norm"]
