"""What the claims rules look at for one article: the parse, the text, its quotations, the cue model.

A :class:`Context` is the rules' per-article scratch space: the rules read it, and the verb
rule notes there the cue model's probability of each verb it accepts (``cue_probs``, by token
index: the filter reads it for any claim whose cue covers such a verb, the tagger's included).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...records import Claim
from ..spans import token_table
from .learned.cue_model import CueModel
from .quotes import Quote

TAGGER = "tagger"  # the origin of the CRF tagger's claims


@dataclass(frozen=True)
class Candidate:
    """A claim on its way through the stage and the component that made it.

    ``origin`` is the rule ("verb", "according", "colon", "noun", "adj", "quote") or
    :data:`TAGGER`; the trained filter reads it as a feature. Revising a candidate makes a new
    one (``dataclasses.replace``); the origin goes with it.
    """

    claim: Claim
    origin: str


@dataclass
class Context:
    """Everything the rules look at for one article."""

    doc: object
    text: str
    quotes: list[Quote]
    model: CueModel
    extractor: str  # the claims stage's version (``sayso.stages``), stamped on every claim
    quote_of_char: dict[int, Quote] = field(default_factory=dict)
    cue_probs: dict[int, float] = field(default_factory=dict)  # cue verb token -> cue-model probability

    def __post_init__(self) -> None:
        for q in self.quotes:
            for i in range(q.outer_start, q.outer_end):
                self.quote_of_char[i] = q

    def quote_at(self, token) -> Quote | None:
        return self.quote_of_char.get(token.idx)


def cue_words(ctx: Context, pos: str, lemmas: frozenset[str]):
    """The tokens of part of speech ``pos`` whose lemma is one of ``lemmas``, outside quotations."""
    table = token_table(ctx.doc)
    return (ctx.doc[i] for i, (p, lemma, at) in enumerate(zip(table.pos, table.lemma, table.idx))
            if p == pos and lemma in lemmas and at not in ctx.quote_of_char)


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the paragraph (line) holding ``pos``."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, len(text) if hi < 0 else hi
