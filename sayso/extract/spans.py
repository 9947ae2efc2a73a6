"""Helpers every extraction stage shares: spaCy tokens -> ``Span`` records of ``Article.text``,
sentence numbers, and the dependency labels several stages read."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS, SHAPE, SPACY, TAG
from spacy.tokens import Span as DocSpan

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


# -- token attributes as plain lists --------------------------------------------------------

_COLUMN_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, SHAPE, HEAD, IDX, IS_SPACE, IS_PUNCT]
_TABLE_KEY = "sayso_token_table"
MAX_STRINGS = 1_000_000
"""Strings remembered by hash before the table is emptied (bounded memory on any corpus)."""
_STRINGS: dict[int, str] = {}


@dataclass(frozen=True)
class TokenTable:
    """A doc's token attributes as plain lists, index = token index. Making a spaCy Token costs
    about half a microsecond and the stages visited every token of every doc several times over;
    a stage that needs few tokens finds them here and makes only those (measured on 1,000 Reuters
    stories: 1.2 million Token objects a story collection less)."""

    text: list[str]
    lower: list[str]
    lemma: list[str]  # lower-cased, as the rules compare it
    pos: list[str]
    tag: list[str]
    dep: list[str]
    ent_type: list[str]
    shape: list[str]
    head: list[int]  # absolute index of the head
    idx: list[int]
    is_space: list[bool]
    is_punct: list[bool]

    def where(self, column: str, values) -> list[int]:
        """Indices of the tokens whose ``column`` is one of ``values``."""
        data = getattr(self, column)
        return [i for i, value in enumerate(data) if value in values]


def token_table(doc) -> TokenTable:
    """The :class:`TokenTable` of ``doc``, built once and kept with the doc."""
    table = doc.user_data.get(_TABLE_KEY)
    if table is not None and len(table.text) == len(doc):
        return table
    table = _build_table(doc)
    doc.user_data[_TABLE_KEY] = table
    return table


_TEXT_KEY, _ENTS_KEY = "sayso_text", "sayso_ents"


def doc_text(doc) -> str:
    """``doc.text``, built once and kept with the doc: spaCy joins every token's text on each access
    (the speakers and places stages read it up to four times), making every token to do so; here it
    is joined from the token table's words and one array of their trailing spaces (0.5 against
    1.4 ms a Reuters story under the profiler)."""
    return _kept(doc, _TEXT_KEY, lambda: _joined(doc))


def _joined(doc) -> str:
    if len(doc) == 0:
        return ""
    spaces = doc.to_array(SPACY).tolist()
    return "".join([word + " " if space else word for word, space in zip(token_table(doc).text, spaces)])


def doc_ents(doc) -> tuple:
    """``doc.ents``, found once per doc: spaCy visits every token and makes every entity's Span again
    on each access (three stages read them). What is kept with the doc is (start, end, label)
    numbers, never Spans: a Span points back at its doc, and that doc -> Span -> doc cycle is freed
    only by a full collection, which a process holding the model (millions of long-lived objects)
    runs none of in thousands of articles. Every parsed doc stayed: 100 KB a Reuters story, one
    process at 1,009 MB after 5,000 stories (``bench/ingest_jobs.py --stories 5000``), 771 MB now."""
    return tuple(DocSpan(doc, start, end, label=label) for start, end, label in _ent_bounds(doc))


def _ent_bounds(doc) -> tuple[tuple[int, int, int], ...]:
    return _kept(doc, _ENTS_KEY, lambda: tuple((e.start, e.end, e.label) for e in doc.ents))


def entity_at(doc, i: int, starting: bool = False):
    """The entity Span holding token ``i`` (with ``starting``: starting at it), or None; made alone
    from :func:`doc_ents`'s numbers (the figures stage asked for all of them, as Spans, per token)."""
    for start, end, label in _ent_bounds(doc):
        if start == i if starting else start <= i < end:
            return DocSpan(doc, start, end, label=label)
    return None


def _kept(doc, key: str, make):
    kept = doc.user_data.get(key)
    if kept is not None and kept[0] == len(doc):
        return kept[1]
    value = make()
    doc.user_data[key] = (len(doc), value)
    return value


def _build_table(doc) -> TokenTable:
    if len(doc) == 0:
        return TokenTable(*([[] for _ in range(12)]))
    rows = doc.to_array(_COLUMN_ATTRS)
    strings = [_strings(doc.vocab, rows[:, k].tolist()) for k in range(8)]
    heads = (rows[:, 8].astype(numpy.int64) + numpy.arange(len(doc))).tolist()
    lemma = [value.lower() for value in strings[2]]
    return TokenTable(strings[0], strings[1], lemma, *strings[3:8], heads, rows[:, 9].tolist(),
                      [bool(v) for v in rows[:, 10].tolist()], [bool(v) for v in rows[:, 11].tolist()])


def _strings(vocab, hashes: list[int]) -> list[str]:
    known = _STRINGS
    out = []
    for value in hashes:
        text = known.get(value)
        if text is None:
            if len(known) >= MAX_STRINGS:
                known.clear()
            text = known[value] = vocab.strings[value]
        out.append(text)
    return out
