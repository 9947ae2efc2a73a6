"""Organisations for speaker resolution: canonical keys, ORG spans, org entities.

An org phrase is normalised ("Ukraine's X" -> "X of Ukraine", British spelling)
and looked up in ``ORG_ALIASES``; a description ("the union", "the ministry")
resolves to the one organisation the article names with the same head noun.
See docs/speakers.md.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import lexicon as R
from ..spans import doc_ents
from .words import WORD_RE, country_of, norm, strip_det

if TYPE_CHECKING:
    from .book import Book

def _org_words(text: str) -> list[str]:
    """Normalised words of an org phrase, possessive and demonym rewritten to "X of C"."""
    words = [norm(w) for w in WORD_RE.findall(text)]
    while words and words[0] in R.DETERMINERS:
        words.pop(0)
    if "'s" in words:
        k = words.index("'s")
        owner = country_of(" ".join(words[:k]))
        words = words[k + 1:] + ["of", (owner or " ".join(words[:k])).lower()]
    elif len(words) > 1 and (R.DEMONYMS.get(words[0]) or R.COUNTRIES.get(words[0])):
        words = words[1:] + ["of", (R.DEMONYMS.get(words[0]) or R.COUNTRIES[words[0]]).lower()]
    return [w for w in words if w not in R.DETERMINERS]


def _alias_index() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised alias -> canonical name, acronym -> canonical name)."""
    phrases, acronyms = {}, {}
    for canonical, aliases in R.ORG_ALIASES.items():
        for alias in (canonical, *aliases):
            phrases[" ".join(_org_words(alias))] = canonical
            if alias.replace(".", "").isupper():
                acronyms[alias.replace(".", "")] = canonical
    return phrases, acronyms


ALIAS_PHRASES, ALIAS_ACRONYMS = _alias_index()


def org_key(text: str) -> tuple[str, str]:
    """(key, display name) of an organisation phrase; well-known aliases share one key."""
    words = WORD_RE.findall(text)
    acronyms = [w.replace(".", "") for w in words if w.replace(".", "").isupper() and len(w) > 1]
    if acronyms and acronyms[-1] in ALIAS_ACRONYMS and words[-1].replace(".", "") == acronyms[-1]:
        canonical = ALIAS_ACRONYMS[acronyms[-1]]
        return " ".join(_org_words(canonical)), canonical
    key = " ".join(_org_words(text))
    canonical = ALIAS_PHRASES.get(key)
    if canonical:
        return " ".join(_org_words(canonical)), canonical
    display = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    return key, display


def org_spans(book: Book) -> list:
    """ORG entities, joined across "of" and cut before any person name inside them."""
    doc = book.doc
    people = [doc.char_span(s, e) for s, e, k in book.names if book.infos[k].entity.kind == "person"]
    starts = {p.start for p in people}
    spans = []
    for ent in doc_ents(doc):
        if ent.label_ != "ORG" or any(s <= ent.start_char < e for s, e in book.blocked):
            continue
        if spans and spans[-1].end + 1 == ent.start and doc[spans[-1].end].lower_ == "of":
            spans[-1] = doc[spans[-1].start:ent.end]
        else:
            spans.append(ent)
    return [s for s in (_cut(s, starts, people) for s in spans) if s is not None and not _is_place(s)]


def _is_place(span) -> bool:
    """An ORG span that is a place's name ("the Donbass", "Kramatorsk"): places never speak."""
    from ..places import is_place_name

    return is_place_name(" ".join(t.text for t in strip_det(list(span))))


def _cut(span, starts: set[int], people: list):
    """An org span without the person name (and its rank) inside it, or None."""
    for i in range(span.start, span.end):
        if i in starts:
            span = span.doc[span.start:i]
            break
    toks = strip_det([t for t in span if norm(t.text) not in R.RANKS])
    if not toks or any(p.start <= toks[0].i < p.end for p in people):
        return None
    return span.doc[toks[0].i:toks[-1].i + 1]



def org_entity(book: Book, text: str) -> str:
    """The org entity for a phrase: same key, else the one named org a description fits, else new."""
    okey, name = org_key(text)
    found = next((i.entity.key for i in book.infos.values() if i.entity.kind == "org" and i.org == okey), None)
    if found:
        book.alias(found, clean(text))
        return found
    described = described_org(book, text)
    if described:  # no alias: "the union" must not link other articles' unions to this one
        return described
    same = None if is_description(text) else same_named_org(book, name)
    if same:
        _keep_longer_name(book, same, name)
        book.alias(same, clean(text))
        return same
    key = book.new(name, "org")
    info = book.infos[key]
    info.org, info.country = okey, country_of(name)
    info.named = name in R.ORG_ALIASES or not is_description(text)
    info.entity.described = not info.named
    info.entity.affiliation = info.country if info.country != name else None
    book.alias(key, clean(text))
    return key


# --------------------------------------------------------------------------- descriptions


def org_head(words: list[str]) -> str | None:
    """The head noun of normalised org words: the last word before the first "of"/"for"."""
    cut = next((i for i, w in enumerate(words) if w in ("of", "for") and i), len(words))
    return words[cut - 1] if cut else None


def is_description(text: str) -> bool:
    """True for an org phrase that describes rather than names: "the union", "Central bank"."""
    words = [w for w in WORD_RE.findall(text) if norm(w) not in R.DETERMINERS and w[0] not in "'’"]
    if not words or any(w[:1].isupper() for w in words[1:]):
        return False
    return words[0].islower() or norm(words[-1]) in R.ORG_WORDS


def _fits(words: list[str], head: str, org: str) -> bool:
    """True when a description (words, head) fits an org key: same head, its other words in the name."""
    name = org.split()
    content = {x for w in words for x in w.split()} - {head, "of", "for", "and"} - R.DETERMINERS
    return org_head(name) == head and content - R.ORG_DESCRIPTION_FILLER <= set(name)


def described_org(book: Book, text: str) -> str | None:
    """The one organisation of the article an org description fits (named ones first), else None.

    "the union" -> "Coastal Transport Union"; "farm institute" -> "National Farm Institute";
    None when two named orgs fit ("the ministry" with a health and a finance ministry).
    """
    if not is_description(text):
        return None
    words = _org_words(text)
    head = org_head(words)
    if head not in R.ORG_WORDS:
        return None
    orgs = [i for i in book.infos.values() if i.entity.kind == "org" and i.org]
    for named in (True, False):
        fits = [i.entity.key for i in orgs if i.named == named and _fits(words, head, i.org)]
        if fits:
            return fits[0] if len(fits) == 1 else None
    return None


def clean(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,.\n"), flags=re.I)


def _name_words(name: str) -> list[str]:
    words = [norm(w) for w in WORD_RE.findall(name) if not w.startswith(("'", "’"))]
    while len(words) > 1 and words[-1] in R.ORG_SUFFIXES:
        words.pop()
    return [w for w in words if w not in R.DETERMINERS]


def acronym(name: str) -> str:
    """Initials of a name's capitalised words ("Immigration, Refugees and Citizenship Canada" -> IRCC)."""
    words = [w for w in WORD_RE.findall(name) if w.lower() not in R.ACRONYM_SKIP and w[:1].isupper()]
    return "".join(w[0] for w in words).upper()


def same_org_name(a: str, b: str) -> bool:
    """Two names of one organisation in one article: one is the other's first words ("Suncor" /
    "Suncor Energy Inc."), or the initials of the other ("IRCC" / "Immigration, Refugees and
    Citizenship Canada"). A one-word prefix must be a capitalised name, not a common noun."""
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb or wa == wb:
        return bool(wa) and wa == wb
    short, long_ = sorted((wa, wb), key=len)
    if long_[:len(short)] == short and not (len(short) == 1 and short[0] in R.ORG_WORDS):
        return True
    letters = [n for n in (a, b) if n.replace(".", "").isupper() and len(n.replace(".", "")) >= 2]
    return bool(letters) and any(acronym(n) == letters[0].replace(".", "")
                                 for n in (a, b) if n != letters[0] and len(n.split()) >= 2)


def same_named_org(book: Book, name: str) -> str | None:
    """The one named organisation of the article that ``name`` is another name of, else None."""
    found = [i.entity.key for i in book.infos.values()
             if i.entity.kind == "org" and i.named and same_org_name(i.entity.name, name)]
    return found[0] if len(found) == 1 else None


def _keep_longer_name(book: Book, key: str, name: str) -> None:
    """The entity takes the fuller of its names ("Suncor" -> "Suncor Energy"); the other is an alias."""
    ent = book.infos[key].entity
    if len(_name_words(name)) > len(_name_words(ent.name)) and not name.replace(".", "").isupper():
        book.alias(key, ent.name)
        ent.name = name
