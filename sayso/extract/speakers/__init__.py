"""Speakers: every claim's speaker phrase -> one person or organisation of the article.

:func:`resolve_speakers` first builds the article's entities from the text (names with
the title phrase around them, organisations: :mod:`.entities`), then resolves each
claim's ``speaker`` span (:mod:`.resolve`): a name joins its entity, a role or
description the person holding a matching role, a pronoun the nearest preceding
compatible speaker. See docs/speakers.md; the vocabularies are in :mod:`.lexicon`.
"""
from __future__ import annotations

from dataclasses import replace

from ...records import Article, Claim, Entity, Mention
from ... import stages
from .book import Book
from ..datelines import dateline_spans
from ..spans import doc_text
from .entities import add_orgs, add_people, add_surname_mentions, link_affiliations
from .names import find_people, parse_title
from .orgs import org_spans
from .resolve import resolve_claims

__all__ = ["resolve_speakers", "parse_title"]


def resolve_speakers(doc, article: Article, claims: list[Claim]) -> tuple[list[Claim], list[Entity], list[Mention]]:
    """Build the article's entities and resolve every claim's speaker to one of them.

    Returns new claims (each a copy of one of ``claims`` with ``speaker_key`` set; None for
    a pronoun with no antecedent), the entities and their mentions; all offsets index
    ``article.text``. ``claims`` themselves are left as they are.
    """
    if doc_text(doc) != article.text:
        raise ValueError("resolve_speakers needs the Doc of exactly article.text")
    book = Book(doc, stages.extractor("speakers"))
    book.blocked = dateline_spans(article.text)
    people, others = find_people(doc, book.blocked)
    placed = add_people(book, people)
    add_surname_mentions(book, others)
    add_orgs(book, org_spans(book))
    link_affiliations(book, placed)
    return _finish(book, claims, resolve_claims(book, claims, article.speaker))


def _finish(book: Book, claims: list[Claim], keys: dict[int, str]) -> tuple[list[Claim], list[Entity], list[Mention]]:
    """Number entities e1, e2 … by first mention; key claims and mentions by them; drop duplicates."""
    infos = sorted(book.infos.values(), key=lambda i: min(i.positions, default=10**12))
    renumbered = {i.entity.key: f"e{n}" for n, i in enumerate(infos, 1)}
    for info in infos:
        info.entity.key = renumbered[info.entity.key]
    keyed = [replace(c, speaker_key=renumbered.get(keys.get(i), keys.get(i))) for i, c in enumerate(claims)]
    seen, mentions = set(), []
    for m in sorted(book.mentions, key=lambda m: (m.start, m.end)):
        m = replace(m, entity_key=renumbered[m.entity_key])
        if (m.start, m.end, m.entity_key) not in seen:
            seen.add((m.start, m.end, m.entity_key))
            mentions.append(m)
    return keyed, [i.entity for i in infos], mentions
