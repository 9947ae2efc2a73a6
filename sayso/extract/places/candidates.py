"""Recognition: which spans of a parsed article name places.

spaCy's GPE and LOC entities are the core (measured precision 0.86 on
GeoWebNews). Around them the gazetteer adds what en_core_web_sm misses or
mislabels, each step measured in docs/places.md:

- FAC entities the gazetteer knows (airports, regions spaCy calls facilities);
- ORG / PERSON entities that are a known place in a locative context
  ("in Dewsbury") or in a dateline ("TORONTO (AP) -");
- adjectives of places (NORP "Ukrainian" as a modifier, not "Ukrainians" the
  people nor "in Ukrainian" the language), as kind ``adjective``;
- places inside organisation names ("Kyiv Independent"), as kind ``embedded``.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..spans import doc_ents, token_table
from . import lexicon as L
from .gazetteer import Gazetteer

TRIM_START = frozenset({"the", "The", "THE"})
POSSESSIVE = ("'s", "’s", "'", "’")


@dataclass
class Mention:
    """A span that names a place, before resolution."""

    start: int
    end: int
    text: str
    kind: str = "name"
    head: str | None = None  # "region" / "city" when a head noun says so
    lookup: str = ""  # the text looked up in the gazetteer (head noun removed)

    def __post_init__(self) -> None:
        self.lookup = self.lookup or self.text


def find_mentions(doc, gaz: Gazetteer) -> list[Mention]:
    """Every place mention of ``doc`` in text order, without overlaps."""
    found: list[Mention] = []
    for ent in doc_ents(doc):
        found.extend(_from_entity(ent, gaz))
    found.extend(_datelines(doc, gaz, found))
    found.extend(_spotted(doc, gaz, found))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    set_heads(doc, out, gaz)
    return out


def set_heads(doc, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Read the head noun of each mention (``mentions`` in text order)."""
    for m in mentions:
        _set_head(doc, m, mentions, gaz)


def _from_entity(ent, gaz: Gazetteer) -> list[Mention]:
    label = ent.label_
    if label in L.PLACE_LABELS or label == L.FAC_LABEL:
        span = _trim(ent)
        if span is None:
            return []
        if gaz.demonym(span.text) and not gaz.lookup(span.text):  # "Ukrainian" (troops) as GPE
            return _adjective(ent, gaz)
        m = _mention(span, "name")
        if label == L.FAC_LABEL and not _known(gaz, m):
            return []
        return [m]
    if label == L.ADJECTIVE_LABEL:
        return _adjective(ent, gaz)
    if label in L.RECHECK_LABELS:
        span = _trim(ent)
        if span is not None and _recheck(span, gaz, label):
            return [_mention(span, "name")]
        if label == "ORG":
            return list(_embedded(ent, gaz))
    return []


def _trim(span):
    """Drop a leading "the" and a trailing possessive: "the Netherlands'" -> "Netherlands"."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].text in TRIM_START or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _mention(span, kind: str) -> Mention:
    return Mention(span.start_char, span.end_char, span.text, kind)


def _known(gaz: Gazetteer, m: Mention) -> bool:
    """A FAC span the gazetteer knows by an entry's main name (not a translated alternate)."""
    return any(main for _, main in gaz.lookup(_strip_head(m.text, gaz)[0]))


def _adjective(ent, gaz: Gazetteer) -> list[Mention]:
    """NORP used as a modifier ("Ukrainian troops") -> an adjective mention of its place."""
    span = _trim(ent)
    if span is None or gaz.demonym(span.text) is None:
        return []
    last = span[-1]
    if last.tag_ in ("NNS", "NNPS") or last.dep_ in ("nsubj", "dobj", "pobj", "conj", "appos"):
        return []  # "Ukrainians", "the Russians said": the people, not the place
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in L.LANGUAGE_CUES and last.head.i == last.i:
        return []
    if last.i + 1 < len(span.doc) and span.doc[last.i + 1].lower_ in L.LANGUAGE_CUES:
        return []
    return [_mention(span, "adjective")]


def _recheck(span, gaz: Gazetteer, label: str) -> bool:
    """An ORG/PERSON entity that is a known place: in a locative context, a dateline, or
    an ORG that is exactly the name of a country, region or named area ("the Donbass")."""
    text = span.text
    if text.lower() in L.NEVER_PLACES:
        return False
    entries = [e for e, main in gaz.lookup(text) if main]
    if not entries:
        return False
    if label == "ORG" and any(e.feature not in ("city", "admin1", "admin2") for e in entries):
        return True
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    locative = before is not None and before.lower_ in L.LOCATIVE_PREPOSITIONS
    dateline = text.isupper() and (before is None or "\n" in before.text)
    big = any(e.feature != "city" or e.population >= L.SPEAKER_BLOCK_MIN_POPULATION for e in entries)
    return dateline or (locative and big)


def _embedded(ent, gaz: Gazetteer):
    """Countries, regions and large cities named inside an organisation's name.

    Only in names with an organisation word ("Washington Post", "Kyiv City Council"):
    spaCy calls "Paris Hilton" and "Denzel Washington" ORG too.
    """
    if not any(t.lower_ in L.ORG_HEAD_WORDS for t in ent):
        return
    i, end = ent.start, ent.end
    doc = ent.doc
    while i < end:
        for j in range(min(end, i + 4), i, -1):
            text = doc[i:j].text
            if not doc[i].text[:1].isupper():
                break
            hit = gaz.demonym(text) or _big_place(gaz, text)
            if hit is not None:
                yield Mention(doc[i].idx, doc[j - 1].idx + len(doc[j - 1]), text, "embedded")
                i = j - 1
                break
        i += 1


def _big_place(gaz: Gazetteer, text: str):
    for entry, main in gaz.lookup(text):
        if main and (entry.feature != "city" or entry.population >= L.SPEAKER_BLOCK_MIN_POPULATION):
            return entry
    return None


def _datelines(doc, gaz: Gazetteer, found: list[Mention]):
    """"KYIV, Ukraine (Reuters) -": capitals at a line start spaCy did not tag."""
    taken = {(m.start, m.end) for m in found}
    texts = token_table(doc).text
    line_starts = [i for i in range(len(texts)) if i == 0 or "\n" in texts[i - 1]]  # no Token per token
    for sent_start in (doc[i] for i in line_starts):
        j = sent_start.i
        while j < len(doc) and doc[j].text.isupper() and doc[j].is_alpha:
            j += 1
        if j == sent_start.i or j >= len(doc) or doc[j].text not in (",", "(", "—", "-", "–", ":"):
            continue
        span = doc[sent_start.i:j]
        if (span.start_char, span.end_char) in taken:
            continue
        if any(main for _, main in gaz.lookup(span.text)):
            yield _mention(span, "name")


def _focus_countries(gaz: Gazetteer, mentions: list[Mention]) -> set[str]:
    """Countries holding at least ``FOCUS_SHARE`` of the recognised places (largest reading)."""
    votes: dict[str, int] = {}
    for m in mentions:
        entries = [e for e, main in gaz.lookup(m.text) if main] if m.kind != "adjective" else []
        adj = gaz.demonym(m.text) if m.kind == "adjective" else None
        best = adj or max(entries, key=lambda e: e.population, default=None)
        if best is not None and best.country_code:
            votes[best.country_code] = votes.get(best.country_code, 0) + 1
    total = sum(votes.values())
    return {cc for cc, n in votes.items() if total and n / total >= L.FOCUS_SHARE}


def _spotted(doc, gaz: Gazetteer, found: list[Mention]):
    """Proper nouns spaCy left untagged (or called PERSON / PRODUCT) that name a place.

    Kept only with evidence: a head noun ("the city of Kramatorsk", "the Donetsk and
    Luhansk regions"), a locative preposition before a large place, or a town of a
    country the article is about.
    """
    taken = set()
    for m in found:
        taken.update(range(m.start, m.end))
    focus = _focus_countries(gaz, found)
    table = token_table(doc)
    maybe = [tag in _SPOT_TAGS and x[:1].isupper() and e in L.SPOT_ENT_TYPES
             for tag, x, e in zip(table.tag, table.text, table.ent_type)]  # what _spot_token needs, from the table
    i, n = 0, len(doc)
    while i < n:
        if not maybe[i]:
            i += 1
            continue
        tok = doc[i]
        if not _spot_token(tok) or tok.idx in taken:
            i += 1
            continue
        for j in range(min(n, i + L.SPOT_MAX_TOKENS), i, -1):
            span = doc[i:j]
            if not all(_spot_token(t) and t.idx not in taken for t in span):
                continue
            if span.text.lower() in L.NEVER_PLACES or gaz.demonym(span.text):
                continue
            entries = [e for e, main in gaz.lookup(span.text) if main]
            if entries and _spot_evidence(doc, span, entries, focus):
                yield _mention(span, "name")
                i = j - 1
                break
        i += 1


_SPOT_TAGS = ("NNP", "NNPS")


def _spot_token(tok) -> bool:
    return (tok.tag_ in _SPOT_TAGS and tok.text[:1].isupper() and tok.is_alpha
            and tok.ent_type_ in L.SPOT_ENT_TYPES)


def _spot_evidence(doc, span, entries, focus: set[str]) -> bool:
    person = span[0].ent_type_ == "PERSON"
    if person and len(span) > 1:
        return False  # a full personal name
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    after2 = doc[span.end + 1].text if span.end + 1 < len(doc) else ""
    if after in L.REGION_NOUNS or after in L.CITY_NOUNS:
        return True
    if after in ("and", "or") and after2[:1].isupper() and any(
            doc[k].lower_ in L.REGION_NOUNS for k in range(span.end + 2, min(len(doc), span.end + 5))):
        return True
    if before == "of" and span.start >= 2 and doc[span.start - 2].lower_ in (L.CITY_NOUNS | L.REGION_NOUNS):
        return True
    if before in L.LOCATIVE_PREPOSITIONS and any(
            e.feature != "city" or e.population >= L.SPEAKER_BLOCK_MIN_POPULATION for e in entries):
        return True
    return not person and any(
        e.country_code in focus and (e.feature != "city" or e.population >= L.SPOT_FOCUS_MIN_POPULATION)
        for e in entries)


def _strip_head(text: str, gaz: Gazetteer) -> tuple[str, str | None]:
    """"Donetsk Oblast" -> ("Donetsk", "region"); "United States" stays whole (a known name)."""
    words = text.rsplit(" ", 1)
    if len(words) == 2 and not gaz.lookup(text):
        if words[1].lower() in L.REGION_NOUNS:
            return words[0], "region"
        if words[1].lower() in L.COUNTY_NOUNS:
            return words[0], "county"
    return text, None


def _set_head(doc, m: Mention, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Read "Donetsk Oblast", "the Donetsk and Luhansk regions", "the city of Kramatorsk"."""
    stripped, head = _strip_head(m.text, gaz)
    if head:
        m.lookup, m.head = stripped, head
        return
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return
    k = span.end
    starts = {mm.start: mm for mm in mentions}
    while k < len(doc) and (doc[k].lower_ in ("and", "or", ",") or doc[k].idx in starts):
        nxt = starts.get(doc[k].idx)
        k = doc.char_span(nxt.start, nxt.end, alignment_mode="expand").end if nxt else k + 1
    word = doc[k].lower_ if k < len(doc) else ""
    if k > span.end and not word.endswith("s"):
        word = ""  # "Kramatorsk, Donetsk region": a singular head noun belongs to the last name only
    if word in L.REGION_NOUNS:
        m.head = "region"
    elif word in L.COUNTY_NOUNS:
        m.head = "county"
    elif word in L.CITY_NOUNS:
        m.head = "city"
    elif span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in L.CITY_NOUNS:
        m.head = "city"
    elif span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in L.REGION_NOUNS:
        m.head = "region"
