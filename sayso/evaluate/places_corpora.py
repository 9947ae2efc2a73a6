"""Read the geoparsing corpora of Gritta et al. (GeoWebNews, TR-News, GeoVirus, LGL).

What counts as a toponym differs per corpus, and each reader keeps what its
annotation guideline calls one:

- GeoWebNews (GWN.xml): the Pragmatic Taxonomy's toponym types, literal and
  associative: Literal, Mixed, Coercion, Literal_Modifier, Embedded_Literal,
  Metonymic, Non_Literal_Modifier, Embedded_Non_Lit. Not toponyms there:
  Demonym ("Russians"), Language, Homonym (a person named after a place),
  Non_Toponym and the Literal/Non_Lit_Expression heads ("residents"). Adjectival
  modifiers ("Turkish troops") and places inside names ("Washington Post") are
  toponyms, so the system's ``adjective`` and ``embedded`` places are scored.
- TR-News and LGL (gaztag format): every annotated toponym; adjectives such
  as "Turkish" are annotated, places inside organisation names are not, so
  ``name`` and ``adjective`` places are scored. 117 TR-News offsets are a few
  characters off the text; each is moved to the nearest occurrence of its
  phrase within ``ALIGN_WINDOW`` characters (none is lost).
- GeoVirus: Wikinews locations, proper names only (no adjectives); its offsets
  count from 1 and are shifted. Only ``name`` places are scored.

Coordinates are the gold's; GeoNames ids where the corpus has them.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ALIGN_WINDOW = 25
GWN_TOPONYM_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Literal_Modifier", "Embedded_Literal",
                               "Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"})
CORPUS_FILES = {"GWN": "GWN.xml", "TR-News": "TR-News.xml", "GeoVirus": "GeoVirus.xml", "LGL": "lgl.xml"}
# Which kinds of system places each corpus annotates (see the module docstring).
SCORED_KINDS = {"GWN": frozenset({"name", "adjective", "embedded"}),
                "TR-News": frozenset({"name", "adjective"}),
                "LGL": frozenset({"name", "adjective"}),
                "GeoVirus": frozenset({"name"})}


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    geonameid: int | None
    latitude: float | None
    longitude: float | None


@dataclass
class GeoDoc:
    corpus: str
    index: int
    text: str
    title: str = ""
    toponyms: list[GoldToponym] = field(default_factory=list)


class CorpusError(ValueError):
    """A corpus file that cannot be read (the message names file and reason)."""


def read_corpus(path: Path) -> list[GeoDoc]:
    """Documents of one corpus file, recognised by its name (GWN.xml, TR-News.xml, ...)."""
    path = Path(path)
    name = next((k for k, v in CORPUS_FILES.items() if v.lower() == path.name.lower()), None)
    if name is None:
        raise CorpusError(f"{path}: not a known geoparsing corpus (expected one of {', '.join(CORPUS_FILES.values())})")
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise CorpusError(f"{path}: {exc}") from None
    reader = {"GWN": _gwn, "GeoVirus": _geovirus}.get(name, _gaztag)
    return [reader(name, i, art) for i, art in enumerate(root.iter("article"))]


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


def _gwn(corpus: str, i: int, art) -> GeoDoc:
    doc = GeoDoc(corpus, i, art.findtext("text") or "", art.findtext("title") or "")
    for t in art.iter("toponym"):
        if t.findtext("type") not in GWN_TOPONYM_TYPES:
            continue
        start, end = int(t.findtext("start")), int(t.findtext("end"))
        doc.toponyms.append(GoldToponym(start, end, doc.text[start:end], _int(t.findtext("geonamesID")),
                                        _float(t.findtext("latitude")), _float(t.findtext("longitude"))))
    return doc


def align(text: str, phrase: str, start: int, window: int = ALIGN_WINDOW) -> int | None:
    """``start`` if the phrase is there, else its nearest occurrence within ``window``."""
    if text[start:start + len(phrase)] == phrase:
        return start
    best, j = None, text.find(phrase, max(0, start - window))
    while j != -1 and j <= start + window:
        if best is None or abs(j - start) < abs(best - start):
            best = j
        j = text.find(phrase, j + 1)
    return best


def _gaztag(corpus: str, i: int, art) -> GeoDoc:
    doc = GeoDoc(corpus, i, art.findtext("text") or "", (art.findtext("title") or "").strip())
    for t in art.iter("toponym"):
        phrase = t.findtext("phrase") or ""
        start = align(doc.text, phrase, int(t.findtext("start")))
        if not phrase or start is None:
            continue
        tag = t.find("gaztag")
        gid = _int(tag.get("geonameid")) if tag is not None else None
        lat = _float(tag.findtext("lat")) if tag is not None else None
        lon = _float(tag.findtext("lon")) if tag is not None else None
        doc.toponyms.append(GoldToponym(start, start + len(phrase), phrase, gid, lat, lon))
    return doc


def _geovirus(corpus: str, i: int, art) -> GeoDoc:
    doc = GeoDoc(corpus, i, art.findtext("text") or "")
    for loc in art.iter("location"):
        name = loc.findtext("name") or ""
        start = align(doc.text, name, int(loc.findtext("start")) - 1)
        if not name or start is None:
            continue
        doc.toponyms.append(GoldToponym(start, start + len(name), name, None,
                                        _float(loc.findtext("lat")), _float(loc.findtext("lon"))))
    return doc
