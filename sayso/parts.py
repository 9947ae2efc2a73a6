"""Long documents in parts: cut a text into parts the model accepts, and merge the parts' records.

spaCy parses a text in one piece (``nlp.max_length`` refuses longer ones, error E088) and needs
about 1 GB of working memory per 100,000 characters; several extraction rules compare every
claim or mention of a document with every other. So a document longer than
:data:`PART_CHARS` is cut into parts, each parsed and extracted alone, and the parts' records
are merged with offsets into the whole text. Work per part is bounded, so time and memory grow
linearly with the document (``bench/long_article.py`` measures it).

>>> [(s, e) for s, e in split_text("One.\\n\\nTwo.\\n\\nThree.", limit=8)]
[(0, 6), (6, 12), (12, 18)]

Where a document is cut, in order of preference (each part at most ``limit`` characters, the
parts together exactly the text):

1. between paragraphs (after a blank line, else after a line break);
2. between sentences (after ``.``, ``!``, ``?`` or ``…``, closing quotes and brackets included);
3. a "sentence" still longer than the limit (no punctuation) is cut after the last whitespace
   before the limit, else (no whitespace at all) at the limit itself.

Across a cut, a pronoun cannot reach a name in an earlier part, and a quote continuing the
previous speaker starts afresh: records at a cut may differ from a whole parse. Entities of
the same kind and name in several parts become one entity of the article.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from .records import Article, Entity, Extraction, Span

PART_CHARS = 25_000
"""Longest part parsed and extracted in one piece (about 4,000 words). Of the bundled collections'
2,553 documents, 24 are longer (21 Kremlin transcripts, 2 speeches, 1 press release). Within a
part some rules still compare claims or mentions pairwise; at this size that is a few percent of
the part's time, so a document's time stays proportional to its length (at 50,000 characters the
stage ratios per doubling reached 2.37)."""

BATCH_CHARS = 50_000
"""Characters parsed in one batch (32 short articles, or two parts of a long one): the parser's
working memory grows with a batch's characters, 32 parts of 50,000 at once took over 2 GB. At
100,000 the largest ``--jobs 2`` worker on the Zelenskyy speeches peaked at 1,013 MB, at 50,000
at 845 MB, with the same parse time (19.5 s against 19.6 s of CPU for 160 speeches)."""

_PARAGRAPH_END = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_END = re.compile(r"\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")


def split_text(text: str, limit: int = PART_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each part: consecutive, covering ``text`` exactly, each at most ``limit``."""
    if len(text) <= limit:
        return [(0, len(text))]
    parts: list[tuple[int, int]] = []
    start = end = 0
    for piece_end in _pieces(text, 0, len(text), limit, (_PARAGRAPH_END, _LINE_END, _SENTENCE_END, _SPACE)):
        if piece_end - start > limit:  # the current part is full: close it before this piece
            parts.append((start, end))
            start = end
        end = piece_end
    parts.append((start, end))
    return parts


def _pieces(text: str, start: int, end: int, limit: int, seps: tuple[re.Pattern, ...]) -> Iterator[int]:
    """The ends of pieces of text[start:end], each at most ``limit``: cut after each match of the
    first separator; a piece still too long is cut by the next separator, finally at the limit."""
    if end - start <= limit:
        yield end
        return
    if not seps:
        yield from range(start + limit, end, limit)
        yield end
        return
    sep, rest = seps[0], seps[1:]
    piece_start = start
    for match in sep.finditer(text, start, end):
        cut = match.end()
        if cut >= end:
            break
        yield from _pieces(text, piece_start, cut, limit, rest) if cut - piece_start > limit else (cut,)
        piece_start = cut
    yield from _pieces(text, piece_start, end, limit, rest)


def part_article(article: Article, start: int, end: int) -> Article:
    """The article as its part ``text[start:end]``: the same metadata, id and speaker."""
    return dataclasses.replace(article, text=article.text[start:end], id=article.id, warnings=())


# -- merging the parts' records ----------------------------------------------------------------

_INDEXES = {"claim_index": "claims", "time_index": "times"}
"""Fields that index another list of the extraction, and that list."""


def merge(article: Article, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction of ``article`` from its parts' extractions, each with its start offset.

    Offsets move by the part's start; indexes into claims and times move by the records of the
    parts before; article-local entity keys are renamed per part, and entities of the same kind
    and name are one.
    """
    if len(parts) == 1 and parts[0][0] == 0:
        return dataclasses.replace(parts[0][1], article=article)
    merged = Extraction(article, extractors=parts[0][1].extractors if parts else {})
    names: dict[tuple[str, str], Entity] = {}
    for number, (offset, part) in enumerate(parts):
        keys = _merge_entities(merged, names, part.entities, number)
        counts = {field: len(getattr(merged, field)) for field in _INDEXES.values()}
        for field in _record_fields():
            items = getattr(part, field)
            getattr(merged, field).extend(_moved(item, offset, counts, keys) for item in items)
    return merged


def _record_fields() -> list[str]:
    """The Extraction fields that are lists of records (every one but entities, merged by name)."""
    return [f.name for f in dataclasses.fields(Extraction)
            if f.name not in ("article", "entities", "extractors")]


def _merge_entities(merged: Extraction, names: dict, entities: list[Entity], number: int) -> dict[str, str]:
    """Add one part's entities (renamed ``p<N>.<key>``, or folded into one of the same kind and
    name); return the part's key -> merged key."""
    keys = {}
    for entity in entities:
        same = names.get((entity.kind, entity.name.lower()))
        if same is None:
            same = dataclasses.replace(entity, key=f"p{number}.{entity.key}", aliases=list(entity.aliases))
            names[(entity.kind, entity.name.lower())] = same
            merged.entities.append(same)
        else:
            same.role = same.role or entity.role
            same.affiliation = same.affiliation or entity.affiliation
            same.aliases.extend(a for a in entity.aliases if a not in same.aliases and a != same.name)
        keys[entity.key] = same.key
    return keys


def _moved(value, offset: int, counts: dict[str, int], keys: dict[str, str]):
    """A record (or a value inside one) with offsets shifted, indexes moved and entity keys renamed."""
    if isinstance(value, Span):
        return Span(value.start + offset, value.end + offset, value.text)
    if isinstance(value, list):
        return [_moved(v, offset, counts, keys) for v in value]
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes = {}
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        if current is None:
            continue
        if f.name in ("start", "end") or f.name.endswith(("_start", "_end")):
            changes[f.name] = current + offset
        elif f.name in _INDEXES:
            changes[f.name] = current + counts[_INDEXES[f.name]]
        elif f.name.endswith("_key") and isinstance(current, str):
            changes[f.name] = keys.get(current, current)
        elif f.name.endswith("_keys") and isinstance(current, (list, tuple)):
            changes[f.name] = type(current)(keys.get(k, k) for k in current)
        elif isinstance(current, (Span, list)) or dataclasses.is_dataclass(current):
            changes[f.name] = _moved(current, offset, counts, keys)
    return dataclasses.replace(value, **changes)
