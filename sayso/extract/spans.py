"""Helpers every extraction stage shares: spaCy tokens -> ``Span`` records of ``Article.text``,
sentence numbers, and the dependency labels several stages read."""
from __future__ import annotations

from typing import Iterable

from ..records import Span

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
"""A verb's subject, active or passive (stages add their own: a clausal subject, an expletive)."""

EDGE_PUNCT = frozenset(" \t\n,;:.—–-\"'“”‘’()[]")
OPENING_EDGE = frozenset("([")


def runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted token indices -> (first, last) runs of consecutive indices."""
    out: list[tuple[int, int]] = []
    for i in sorted(set(indices)):
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def char_range(doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces and edge punctuation (quote marks, commas, dashes) from both ends."""
    while start < end and text[start] in EDGE_PUNCT and text[start] not in OPENING_EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT and text[end - 1] not in "])":
        end -= 1
    return start, end


def span(text: str, start: int, end: int, trimmed: bool = True) -> Span | None:
    if trimmed:
        start, end = trim(text, start, end)
    return Span.of(text, start, end) if end > start else None


def token_spans(doc, text: str, indices: Iterable[int]) -> list[Span]:
    """Token indices -> one trimmed Span per run of consecutive tokens."""
    spans = (span(text, *char_range(doc, a, b)) for a, b in runs(indices))
    return [s for s in spans if s]


def tokens_span(doc, text: str, tokens) -> Span | None:
    """The trimmed Span from the first to the last of ``tokens``."""
    idx = [t.i for t in tokens]
    if not idx:
        return None
    return span(text, *char_range(doc, min(idx), max(idx)))


def sentence_index(doc) -> list[int]:
    """Per token of ``doc``: the number of its sentence (0, 1, ...)."""
    out = [0] * len(doc)
    for k, sent in enumerate(doc.sents):
        out[sent.start:sent.end] = [k] * (sent.end - sent.start)
    return out
