"""Token features for the claims tagger (:mod:`.tagger`), one list of strings per token.

Each sentence is one sequence. A token's features: its word, lemma, POS, tag,
dependency, shape and entity type; its head; whether it sits inside a quotation;
whether it is cue-like (curated lexicon of :mod:`..lexicon` or the mined lexicon stored
with the cue model); which argument of the nearest cue-like ancestor it belongs
to ("nsubj of say", "ccomp of say"); where it lies relative to the nearest
cue-like token of its sentence; and the words / tags of its neighbours.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...spans import token_table
from .. import lexicon as cues

NEIGHBOUR_WINDOW = 2              # words of the tokens up to this far away
MAX_ANCESTOR_DEPTH = 6            # how far up the tree to look for a cue-like ancestor
LEXICON_BUCKETS = ((0.8, "hi"), (0.5, "mid"), (0.3, "lo"))
DISTANCE_BUCKETS = ((1, "1"), (2, "2"), (5, "3-5"), (10, "6-10"))
FAR = ">10"
SHAPE_MAX = 4
OPENING_MARKS = frozenset(cues.DOUBLE_OPEN)
CLOSING_MARKS = frozenset(cues.DOUBLE_CLOSE)
STRAIGHT_MARK = cues.STRAIGHT_DOUBLE
NEIGHBOUR_OFFSETS = tuple(o for o in range(-NEIGHBOUR_WINDOW, NEIGHBOUR_WINDOW + 1) if o)
CUE_POS = frozenset({"VERB", "NOUN"})  # parts of speech that can be cue-like


def lexicon_level(lemma: str, lexicon: dict[str, float]) -> str | None:
    """Bucket of how often PolNeAR train annotates ``lemma`` as a cue (None: not a cue word)."""
    share = lexicon.get(lemma, 0.0)
    for floor, name in LEXICON_BUCKETS:
        if share >= floor:
            return name
    if lemma in cues.REPORTING_VERBS or lemma in cues.STANCE_VERBS:
        return "curated"
    if lemma in cues.CUE_NOUNS:
        return "noun"
    return None


def _bucket(distance: int) -> str:
    for limit, name in DISTANCE_BUCKETS:
        if distance <= limit:
            return name
    return FAR


@lru_cache(maxsize=4096)  # a few hundred shapes in news; one call per token
def _short_shape(shape: str) -> str:
    out: list[str] = []
    for ch in shape:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)[:SHAPE_MAX]


def in_quote_flags(texts: list[str]) -> list[bool]:
    """Per token (its text): inside double quotation marks (curly marks open / close, a straight one
    toggles; a line break closes everything). The marks themselves are outside."""
    flags, inside = [False] * len(texts), False
    for k, text in enumerate(texts):
        if "\n" in text:
            inside = False
        elif text in OPENING_MARKS:
            inside = True
        elif text in CLOSING_MARKS:
            inside = False
        elif text == STRAIGHT_MARK:
            inside = not inside
        else:
            flags[k] = inside
    return flags


@dataclass
class Columns:
    """Token attributes of one doc as plain lists (spaCy Token objects are slow to make)."""

    lower: list[str]
    lemma: list[str]
    pos: list[str]
    tag: list[str]
    dep: list[str]
    shape: list[str]
    ent: list[str]
    head: list[int]
    quoted: list[bool]
    level: list[str | None]  # lexicon level; None: not cue-like


def doc_columns(doc, lexicon: dict[str, float]) -> Columns:
    t = token_table(doc)
    lemma, pos, lower = t.lemma, t.pos, t.lower
    level = [lexicon_level(lem, lexicon) if p in CUE_POS or w == cues.ACCORDING_WORD else None
             for lem, p, w in zip(lemma, pos, lower)]
    return Columns(lower, lemma, pos, t.tag, t.dep, [_short_shape(s) for s in t.shape],
                   [e or "O" for e in t.ent_type], t.head, in_quote_flags(t.text), level)


def cue_ancestor(i: int, c: Columns) -> tuple[str, str, int] | None:
    """(dependency of the branch, cue lemma, depth) of the nearest cue-like ancestor of token i."""
    child, node = i, c.head[i]
    for depth in range(1, MAX_ANCESTOR_DEPTH + 1):
        if node == child:
            return None
        if c.level[node] is not None:
            return c.dep[child], c.lemma[node], depth
        child, node = node, c.head[node]
    return None


def _token_base(i: int, c: Columns) -> list[str]:
    h, level, dep, head_pos = c.head[i], str(c.level[i]), c.dep[i], c.pos[c.head[i]]
    return [
        "w=" + c.lower[i], "l=" + c.lemma[i], "p=" + c.pos[i], "t=" + c.tag[i],
        "d=" + dep, "sh=" + c.shape[i], "e=" + c.ent[i],
        "hl=" + c.lemma[h], "hp=" + head_pos, "d|hp=" + dep + "|" + head_pos,
        "hd=" + c.dep[h], _QUOTED[c.quoted[i]], "cue=" + level, "cue|p=" + level + "|" + c.pos[i],
    ]


def _ancestor_feats(i: int, c: Columns) -> list[str]:
    found = cue_ancestor(i, c)
    if found is None:
        return ["anc=none"]
    dep, lemma, depth = found
    return ["anc=" + dep, "anc|l=" + dep + "|" + lemma, "anc|depth=" + dep + "|" + _bucket(depth)]


def _relative_feats(i: int, nearest: int | None) -> list[str]:
    if nearest is None:
        return ["rel=nocue"]
    if nearest == i:
        return ["rel=self"]
    side = "before" if i < nearest else "after"
    return ["rel=" + side, "rel|dist=" + side + "|" + _bucket(abs(nearest - i))]


def nearest_cues(lo: int, hi: int, level: list[str | None]) -> list[int | None]:
    """Per token of the sentence [lo, hi): the nearest cue-like token (the earlier of two as near),
    None without one. One pass each way (a search per token was a tenth of the features' cost)."""
    before: list[int | None] = []
    last = None
    for i in range(lo, hi):
        if level[i] is not None:
            last = i
        before.append(last)
    out: list[int | None] = [None] * (hi - lo)
    after = None
    for i in range(hi - 1, lo - 1, -1):
        if level[i] is not None:
            after = i
        prev = before[i - lo]
        out[i - lo] = prev if after is None or (prev is not None and i - prev <= after - i) else after
    return out


_WORD = {off: f"{off}:w=" for off in NEIGHBOUR_OFFSETS}
_POS = {off: f"{off}:p=" for off in NEIGHBOUR_OFFSETS}
_DEP = {off: f"{off}:d=" for off in NEIGHBOUR_OFFSETS}
_NEAR_QUOTED = {(off, flag): f"{off}:q={flag}" for off in NEIGHBOUR_OFFSETS for flag in (True, False)}
_EDGE = {off: f"{off}:edge" for off in NEIGHBOUR_OFFSETS}
_QUOTED = {flag: f"q={flag}" for flag in (True, False)}
"""The fixed parts of the feature strings, made once (formatting them per token was a sixth of the
features' cost)."""


def _neighbour_feats(i: int, lo: int, hi: int, c: Columns) -> list[str]:
    """Words of the tokens within ``NEIGHBOUR_WINDOW`` in [lo, hi); POS, dependency, in-quote
    of the adjacent ones."""
    feats = []
    for off in NEIGHBOUR_OFFSETS:
        j = i + off
        if lo <= j < hi:
            if off == 1 or off == -1:
                feats += (_WORD[off] + c.lower[j], _POS[off] + c.pos[j], _DEP[off] + c.dep[j],
                          _NEAR_QUOTED[off, c.quoted[j]])
            else:
                feats.append(_WORD[off] + c.lower[j])
        else:
            feats.append(_EDGE[off])
    return feats


def sentence_features(lo: int, hi: int, c: Columns) -> list[list[str]]:
    """Feature strings of every token of the sentence [lo, hi)."""
    nearest = nearest_cues(lo, hi, c.level)
    out = []
    for i in range(lo, hi):
        feats = ["bias", *_token_base(i, c), *_ancestor_feats(i, c), *_relative_feats(i, nearest[i - lo]),
                 *_neighbour_feats(i, lo, hi, c)]
        if i == lo:
            feats.append("BOS")
        if i == hi - 1:
            feats.append("EOS")
        out.append(feats)
    return out


def doc_features(doc, lexicon: dict[str, float]) -> list[tuple[object, list[list[str]]]]:
    """(sentence, token features) for every sentence of ``doc``."""
    c = doc_columns(doc, lexicon)
    return [(sent, sentence_features(sent.start, sent.end, c)) for sent in doc.sents]
