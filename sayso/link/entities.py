"""Cross-article entity linking: plain functions over names, no database access.

An :class:`~sayso.records.Entity` is local to one article. :func:`link_entity` decides
which canonical entity (if any) it is, from the candidates the ledger fetched by the keys
:func:`lookup_keys` names; the ledger only stores the :class:`Link` it gets back.
Matching is deliberately conservative: two different people who share a surname never
merge, and a bare surname only merges when exactly one candidate has it.

Name keys
---------
:func:`name_key` folds a name to a comparison key in fixed steps:

1. Transliterate to ASCII with anyascii (accents dropped, Cyrillic and other scripts romanised); lowercase.
2. Organisations/places: ``"X's Y"`` becomes ``"Y of X"``; a leading
   ``"the"`` is dropped; runs of single letters join (``"U.S."`` -> ``us``).
3. Persons: leading titles/honorifics (:data:`HONORIFICS`) and trailing
   suffixes (:data:`NAME_SUFFIXES`) are dropped.
4. Every word goes through :data:`TRANSLITERATION_RULES` in order.
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache
from dataclasses import dataclass
from typing import Iterable, Mapping, NamedTuple, Sequence, TypeVar

from anyascii import anyascii

PERSON = "person"
OTHER = "other"

HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady madam madame monsieur herr
    president vice prime minister premier chancellor secretary general gen lt col colonel
    maj major capt captain adm admiral sgt sergeant commander chief deputy foreign defence
    defense interior finance senator sen rep representative congressman congresswoman
    governor gov mayor ambassador spokesman spokeswoman spokesperson judge justice
    king queen prince princess emperor pope rev reverend father sheikh former acting""".split()
)
"""Words dropped from the start of a person's name ("President Volodymyr Zelenskyy")."""

NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md"})
"""Words dropped from the end of a person's name ("Martin Luther King Jr.")."""

SURNAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "das",
     "la", "le", "bin", "ibn", "al", "el", "ten", "ter"}
)
"""Particles that belong to a surname ("Ursula von der Leyen" has first name Ursula)."""

ORG_LEADING_WORDS = frozenset({"the"})
"""Words dropped from the start of an organisation or place name."""

TRANSLITERATION_RULES: tuple[tuple[str, str, str], ...] = (
    # (pattern, replacement, variants it merges) -- applied to each word, in order
    (r"x", "ks", "Olexandr / Oleksandr, Alexei / Aleksei"),
    (r"(?:yy|iy|ij|ii|yi|y)$", "i", "Zelenskyy / Zelensky / Zelenskiy, Oleksii / Oleksiy / Oleksij, Andriy / Andrii"),
    (r"(?<=[a-z])y", "i", "Volodymyr / Volodimir, Chernyak / Cherniak, Mykhaylo / Mykhailo"),
    (r"([a-z])\1+", r"\1", "Hillary / Hilary, Mohammed / Mohamed"),
)
"""Word-level rewrites that merge common transliteration variants (documented table)."""

SURNAME_SIMILARITY = 0.85
"""difflib ratio above which two surnames count as spelling variants (first names must agree)."""

FUZZY_MIN_LENGTH = 5
"""Surnames shorter than this must match exactly."""

BLOCK_PREFIX_LENGTH = 3
"""Surname letters a person's candidates must share (after normalisation) to be compared at all."""

_COMPILED_RULES = tuple((re.compile(p), r) for p, r, _ in TRANSLITERATION_RULES)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_POSSESSIVE = re.compile(r"^(.+?)'s\s+(.+)$")
_NON_WORD = re.compile(r"[^a-z0-9]+")

C = TypeVar("C", bound=Sequence)


class PersonName(NamedTuple):
    """A person's name split into keyed parts (``first`` is None for a bare surname)."""

    first: str | None
    surname: str


def ascii_fold(text: str) -> str:
    """Lowercase ASCII form of ``text``: accents dropped, other scripts transliterated (anyascii:
    "Зеленський" -> "zelenskyi", "Ζωή" -> "zoi"), so no name folds to an empty key."""
    return anyascii(unicodedata.normalize("NFC", text.translate(_APOSTROPHES))).translate(_APOSTROPHES).lower()


def transliterate(word: str) -> str:
    """Apply :data:`TRANSLITERATION_RULES` to one lowercase ASCII word."""
    for pattern, replacement in _COMPILED_RULES:
        word = pattern.sub(replacement, word)
    return word


def _words(folded: str) -> list[str]:
    """Split folded text into words; apostrophes vanish (O'Brien -> obrien)."""
    return _NON_WORD.sub(" ", folded.replace("'", "")).split()


def _person_words(folded: str) -> list[str]:
    words = _words(folded)
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    while len(words) > 2 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words


def _org_words(folded: str) -> list[str]:
    match = _POSSESSIVE.match(folded.strip())
    if match:
        folded = f"{match.group(2)} of {match.group(1)}"
    words = _join_acronyms(_words(folded))
    while len(words) > 1 and words[0] in ORG_LEADING_WORDS:
        words.pop(0)
    return words


def _join_acronyms(words: list[str]) -> list[str]:
    """Join runs of single letters: ["u", "s", "army"] -> ["us", "army"]."""
    out: list[str] = []
    run = False
    for word in words:
        if len(word) == 1 and run:
            out[-1] += word
        else:
            out.append(word)
        run = len(word) == 1
    return out


NAME_KEY_CACHE_SIZE = 65_536
"""Distinct (name, kind) keys remembered; the ledger re-keys candidate names often."""


@lru_cache(maxsize=NAME_KEY_CACHE_SIZE)
def name_key(name: str, kind: str = PERSON) -> str:
    """Comparison key for a name: ASCII-folded, lowercase, titles dropped, transliteration-normalised.

    >>> name_key("President Volodymyr Zelenskyy") == name_key("Volodimir Zelensky")
    True
    """
    folded = ascii_fold(name)
    words = _person_words(folded) if kind == PERSON else _org_words(folded)
    return " ".join(transliterate(w) for w in words)


@lru_cache(maxsize=NAME_KEY_CACHE_SIZE)
def person_name(name: str) -> PersonName:
    """Split a person's name into keyed first name (or None) and surname."""
    words = name_key(name).split()
    if not words:
        return PersonName(None, "")
    surname = words.pop()
    while words and words[-1] in SURNAME_PARTICLES:
        words.pop()
    while words and words[0] in SURNAME_PARTICLES:
        words.pop(0)
    return PersonName(words[0] if words else None, surname)


def block_key(name: str, kind: str) -> str:
    """Coarse key the ledger uses to fetch candidates: a surname's first letters, else the whole key.

    Changing this rule needs a migration that recomputes ``entities.block_key``.
    """
    if kind == PERSON:
        return person_name(name).surname[:BLOCK_PREFIX_LENGTH]
    return name_key(name, kind)


def _kinds_compatible(a: str, b: str) -> bool:
    return a == b or OTHER in (a, b)


def _first_names_compatible(a: str, b: str) -> bool:
    """Equal keys, or one is an initial of the other."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) == 1 and long_.startswith(short)


def _surnames_close(a: str, b: str) -> bool:
    if min(len(a), len(b)) < FUZZY_MIN_LENGTH:
        return False
    return SequenceMatcher(None, a, b).ratio() >= SURNAME_SIMILARITY


def _full_match(a: PersonName, b: PersonName) -> bool:
    """Both have first names: compatible first names and the same (or a variant) surname."""
    if a.first is None or b.first is None or not a.surname:
        return False
    if a.surname == b.surname:
        return _first_names_compatible(a.first, b.first)
    return a.first == b.first and _surnames_close(a.surname, b.surname)


def _bare_match(a: PersonName, b: PersonName) -> bool:
    """One side is a bare surname and the surnames are equal."""
    return (a.first is None or b.first is None) and bool(a.surname) and a.surname == b.surname


def _is_person(a: str, b: str) -> bool:
    return PERSON in (a, b)


def same_entity(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two ``(name, kind)`` pairs name the same entity, seen on their own.

    A bare surname matches a full name with that surname here; use
    :func:`best_match` to take other candidates (ambiguity) into account.
    """
    if not _kinds_compatible(a[1], b[1]):
        return False
    if _is_person(a[1], b[1]):
        pa, pb = person_name(a[0]), person_name(b[0])
        return _full_match(pa, pb) or _bare_match(pa, pb)
    key = name_key(a[0], a[1])
    return bool(key) and key == name_key(b[0], b[1])


def best_match(name: str, kind: str, candidates: Iterable[C]) -> C | None:
    """The candidate that is the same entity as ``(name, kind)``, or None.

    Each candidate is a sequence whose first two items are ``name, kind``
    (e.g. ``(name, kind, entity_id)``); the matching candidate itself is
    returned.  A bare surname (on either side) only matches when no other
    candidate shares that surname.
    """
    pool = [c for c in candidates if _kinds_compatible(kind, c[1])]
    if kind != PERSON:
        return _org_match(name, kind, pool)
    return _person_match(person_name(name), pool)


def _org_match(name: str, kind: str, pool: list[C]) -> C | None:
    key = name_key(name, kind)
    if not key:
        return None
    return next((c for c in pool if name_key(c[0], c[1]) == key), None)


def _person_match(person: PersonName, pool: list[C]) -> C | None:
    parsed = [(c, person_name(c[0])) for c in pool if c[1] in (PERSON, OTHER)]
    full = [(c, p) for c, p in parsed if _full_match(person, p)]
    if full:
        return min(full, key=lambda cp: _distance(person, cp[1]))[0]
    sharers = [(c, p) for c, p in parsed if p.surname == person.surname]
    if len(sharers) == 1 and _bare_match(person, sharers[0][1]):
        return sharers[0][0]
    return None


def _distance(a: PersonName, b: PersonName) -> tuple[int, float]:
    """Sort key among full matches: exact first names first, then surname similarity."""
    first_exact = 0 if a.first == b.first else 1
    return first_exact, -SequenceMatcher(None, a.surname, b.surname).ratio()


# -- the merge decision ------------------------------------------------------------------

@dataclass(frozen=True)
class Canonical:
    """A canonical entity as the ledger holds it, with the (role, affiliation) pairs it is known by."""

    name: str
    kind: str
    id: int
    roles: tuple[tuple[str | None, str | None], ...] = ()


def role_head(role: str | None) -> str | None:
    """The head word of a role, folded ("Defence Minister" -> "minister", "former minister" -> "minister")."""
    words = _words(ascii_fold(role or ""))
    return words[-1] if words else None


def conflicts(role: str | None, affiliation: str | None, canonical: Canonical, bare: bool) -> bool:
    """Evidence that a name and a canonical entity are two people: affiliations both known and
    different ("Foreign Minister (Ukraine)" / "Foreign Minister (Russia)"); for a bare surname also
    role heads both known and different (a TV host King, a congressman King). Missing evidence is
    no conflict."""
    if not canonical.roles:
        return False
    aff = name_key(affiliation, OTHER) if affiliation else None
    known_affs = {name_key(a, OTHER) for _, a in canonical.roles if a}
    if aff and known_affs and aff not in known_affs:
        return True
    head = role_head(role)
    known_heads = {role_head(r) for r, _ in canonical.roles if r} - {None}
    return bare and bool(head) and bool(known_heads) and head not in known_heads


@dataclass(frozen=True)
class Link:
    """What the ledger does with one article-local entity."""

    id: int | None  # the canonical entity it is; None: a new one
    rename: str | None = None  # a canonical bare surname takes this full name ("Zelensky" -> "Volodymyr Zelensky")


@dataclass(frozen=True)
class LookupKey:
    """The keys the ledger fetches candidates by, for one of an entity's names."""

    name: str
    alias_key: str  # candidates with an alias of this key
    block_key: str  # candidates with this block key


def lookup_keys(name: str, aliases: Sequence[str], kind: str) -> list[LookupKey]:
    """The keys of each name an entity goes by (its name first, then its aliases), names that
    fold to nothing left out. A person known by a full name is never looked up by a bare-surname
    alias: "Rod Peters" (alias "Peters") must not attach to a "Bill Peters" through "Peters"."""
    full = kind == PERSON and person_name(name).first is not None
    names = [n for n in (name, *aliases) if not (full and person_name(n).first is None)]
    return [LookupKey(n, name_key(n, kind), block_key(n, kind)) for n in names if name_key(n, kind)]


def link_entity(name: str, kind: str, keys: list[LookupKey], by_alias: Mapping[str, Sequence[Canonical]],
                by_block: Mapping[str, Sequence[Canonical]], role: str | None = None,
                affiliation: str | None = None) -> Link:
    """Which canonical entity an article's entity (``name``, ``kind``, its :func:`lookup_keys`) is.

    ``by_alias`` and ``by_block`` hold the canonical entities the ledger found for each key.
    The first of its names that matches decides: an exact alias key (never for a bare surname,
    and only when one entity has it), else :func:`best_match` among the block's candidates.
    No match: a new entity. A match whose canonical name is a bare surname takes this full name.
    A candidate with conflicting evidence (:func:`conflicts`: the entity's ``role`` and
    ``affiliation`` against the ones the ledger knows) is never chosen: a new entity is safer.
    """
    for key in keys:
        block = {c.id: c for c in by_block.get(key.block_key, ())}
        found = _alias_match(key, kind, by_alias.get(key.alias_key, ())) or best_match(
            key.name, kind, [(c.name, c.kind, c.id) for c in block.values()])
        if found is None:
            continue
        chosen = block.get(found[2]) or next(c for c in by_alias.get(key.alias_key, ()) if c.id == found[2])
        bare = kind == PERSON and (person_name(key.name).first is None or person_name(chosen.name).first is None)
        if conflicts(role, affiliation, chosen, bare):
            return Link(None)
        return Link(found[2], _rename(found[0], found[1], name, kind))
    return Link(None)


def _alias_match(key: LookupKey, kind: str, candidates: Sequence[Canonical]) -> tuple[str, str, int] | None:
    """The one entity of this kind with an alias of the same key; never for a bare surname (ambiguous)."""
    if kind == PERSON and person_name(key.name).first is None:
        return None
    found = list(dict.fromkeys((c.name, c.kind, c.id) for c in candidates if c.kind == kind))
    return found[0] if len(found) == 1 else None


def _rename(found_name: str, found_kind: str, name: str, kind: str) -> str | None:
    """A canonical bare surname ("Zelensky") takes the first full name seen ("Volodymyr Zelensky")."""
    if kind != PERSON or found_kind != PERSON:
        return None
    if person_name(found_name).first is None and person_name(name).first is not None:
        return name
    return None


def holder_at(rows: Sequence[tuple[int, str | None]], published: str | None) -> int | None:
    """The one entity that held a role on ``published``: of ``rows`` ((entity id, published date) of
    every ledger row with that role and affiliation, dated on or before the article), the entity
    seen with it last, when no other entity was seen with it since that entity first was (two
    holders in the same period: ambiguous, None). "the US president" in a 2022 article links to the
    president the ledger knows for 2022, never to one of 2016 once a successor appeared."""
    dated = [(eid, day) for eid, day in rows if day and published and day <= published]
    if not dated:
        return None
    spans: dict[int, list[str]] = {}
    for eid, day in dated:
        spans.setdefault(eid, []).append(day)
    latest = max(spans, key=lambda e: max(spans[e]))
    first = min(spans[latest])
    others = [e for e in spans if e != latest and max(spans[e]) >= first]
    return None if others else latest
