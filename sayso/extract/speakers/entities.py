"""Building the article's entities from its text: people (names with their titles), organisations,
and the affiliations that tie them. See docs/speakers.md, section 1."""
from __future__ import annotations

from functools import lru_cache

from ..spans import SUBJECT_DEPS, token_table
from . import lexicon as R
from .book import Book
from .book import Title
from .names import Found
from .orgs import described_org, is_description, org_entity
from .words import capitalised, norm, text_of


def split_name(words) -> tuple[list[str], list[str]]:
    """(given names, surname words) of a person's name: the surname is the last word with the
    particles before it ("Ursula von der Leyen" -> ["ursula"], ["von", "der", "leyen"])."""
    given, surname = _split_name(tuple(words))
    return list(given), list(surname)


@lru_cache(maxsize=4096)
def _split_name(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Remembered: linking a name compares it with every person of the article, so each known name
    was split again for every new one (12,000 splits for 400 Reuters stories)."""
    parts = tuple(part for w in words for part in _unhyphen_particle(norm(w)))
    k = len(parts) - 1
    while k > 0 and parts[k - 1] in R.SURNAME_PARTICLES:
        k -= 1
    return parts[:k], parts[k:]


def person_key(book: Book, found: Found) -> str | None:
    """The existing person a name belongs to: same full name, or the surname of one (particles
    included: "de Blasio" is Bill de Blasio's surname, "Thomas-Greenfield" Linda Thomas-Greenfield's)."""
    exact = book.by_name.get(("person", " ".join(found.words).lower()))
    if exact:
        return exact
    given, surname = split_name(found.words)
    if not given:
        first = given_name_holder(book, surname)
        if first:  # "Michael says" after "her husband Michael Greenspan"
            return first
    matches = []
    for info in book.people():
        known_given, known_surname = split_name(info.entity.name.split())
        if known_surname != surname and known_surname[-1:] != surname[-1:]:
            continue
        if not given or (known_given and known_given[0] == given[0]):
            matches.append(info.entity.key)
    if not given and len(matches) > 1:  # a surname two people share: the one it already named
        named = [k for k in matches if " ".join(found.words) in book.infos[k].entity.aliases]
        matches = named or matches
    return book.nearest(matches, found.span.start_char) if matches else None


def given_name_holder(book: Book, words: list[str]) -> str | None:
    """The one named person (of two or more words) whose given name is this single word, when it is
    nobody's surname ("Michael" in a story about Dorie and Michael Greenspan; "Kim" after "Kim
    Jong-un"); None otherwise."""
    if len(words) != 1:
        return None
    people = [i for i in book.people() if i.named_person and len(i.entity.name.split()) > 1]
    if any(split_name(i.entity.name.split())[1][-1:] == words for i in people):
        return None
    found = {i.entity.key for i in people if norm(i.entity.name.split()[0]) == words[0]}
    return found.pop() if len(found) == 1 else None


def add_people(book: Book, people: list[Found]) -> list[tuple[str, Found]]:
    """Cluster person names into entities: full names first, then bare surnames."""
    placed = []
    for found in sorted(people, key=lambda f: (-len(f.span), f.span.start)):
        key = person_key(book, found) or book.new(" ".join(found.words), "person")
        book.add_title(key, found.title, found.rank)
        info = book.infos[key]
        info.gender = info.gender or given_name_gender(found.words) or relation_gender(found.span)
        book.alias(key, " ".join(found.words))
        if found.rank:
            book.alias(key, text_of(found.rank + list(found.span)))
        book.name_mention(found.span, key)
        placed.append((key, found))
    return placed


def add_surname_mentions(book: Book, others: list) -> None:
    """Name-like runs the NER missed or mislabelled ("Chernyak" as ORG) that match a person, and
    capitalised words the tagger read as common nouns that are a named person's surname ("Reyes,
    who has worked there …" with "Reyes" a NOUN at the start of a sentence)."""
    for run in others:
        found = Found(run, Title())
        key = person_key(book, found) if len(run) <= 3 else None
        if key:
            book.alias(key, run.text)
            book.name_mention(run, key)
    surnames = {split_name(i.entity.name.split())[1][-1]: i.entity.key for i in book.people()
                if len(i.entity.name.split()) > 1}
    if not surnames:
        return
    taken = {i for s, e, _ in book.names for i in range(s, e)}
    table = token_table(book.doc)
    for tok in (book.doc[i] for i, pos in enumerate(table.pos) if pos == "NOUN"):  # read as a common noun
        key = surnames.get(norm(tok.text))
        if key and tok.pos_ == "NOUN" and capitalised(tok) and tok.idx not in taken \
                and not any(s <= tok.idx < e for s, e in book.blocked):
            book.name_mention(book.doc[tok.i:tok.i + 1], key)


def add_orgs(book: Book, spans: list) -> None:
    """Organisation entities from ORG spans (well-known aliases share one entity)."""
    for span in sorted(spans, key=lambda s: is_description(s.text)):  # names first
        book.name_mention(span, org_entity(book, span.text))


def set_org(book: Book, key: str, org: str) -> None:
    """Make an organisation entity the affiliation of a person."""
    info, org_info = book.infos[key], book.infos[org]
    info.org, info.entity.affiliation = org_info.org, org_info.entity.name
    info.country = info.country or org_info.country


def link_affiliations(book: Book, placed: list[tuple[str, Found]]) -> None:
    """Affiliations that describe an org ("the union's general secretary") -> the org named in the
    article; "Its governor, X" -> the organisation last the subject before "its"."""
    for key, found in placed:
        info = book.infos[key]
        if found.owner is not None and not info.entity.affiliation:
            org = _org_subject(book, found.owner)
            if org:
                set_org(book, key, org)
        elif info.org and not any(i.named and i.org == info.org for i in book.infos.values()):
            org = described_org(book, info.entity.affiliation)
            if org:
                set_org(book, key, org)


def _org_subject(book: Book, i: int) -> str | None:
    """The org entity of the last org subject before token i (its sentence or the one before)."""
    doc = book.doc
    start = book.sent_start[i]
    first = book.sent_start[start - 1] if start else 0
    for j in range(i - 1, first - 1, -1):
        tok = doc[j]
        if tok.dep_ in SUBJECT_DEPS and (norm(tok.text) in R.ORG_WORDS or tok.ent_type_ == "ORG"):
            end = j + 1
            while end < len(doc) and tok.ent_type_ == "ORG" and doc[end].ent_iob_ == "I":
                end += 1
            span = doc[tok.left_edge.i:end]
            key = org_entity(book, span.text)
            if not any(s <= span.start_char < e for s, e, _ in book.names):
                book.mention(span.start_char, span.end_char, key, "description", True)
            return key
    return None


def relation_gender(span) -> str | None:
    """"f" / "m" from a kinship word naming the person: right before the name ("her son Kody
    Cook") or as the head of its apposition ("his wife, Ana Lopez")."""
    doc = span.doc
    words = [doc[span.start - 1]] if span.start > 0 else []
    if span.root.dep_ == "appos":
        words.append(span.root.head)
    return next((R.RELATION_GENDER[norm(t.text)] for t in words if norm(t.text) in R.RELATION_GENDER), None)


def given_name_gender(words) -> str | None:
    """"f" / "m" from a full name's first word when it is a common given name of one gender."""
    if len(words) < 2:
        return None
    first = norm(words[0])
    return "f" if first in R.FEMALE_NAMES else "m" if first in R.MALE_NAMES else None


def _unhyphen_particle(word: str) -> list[str]:
    """"al-assad" -> ["al", "assad"] (a particle joined by a hyphen); other words as they are."""
    head, sep, rest = word.partition("-")
    return [head, rest] if sep and rest and head in R.SURNAME_PARTICLES else [word]
