"""Token features for the claims tagger (``claims_tagger``), one list of strings per token.

Each sentence is one sequence. A token's features: its word, lemma, POS, tag,
dependency, shape and entity type; its head; whether it sits inside a quotation;
whether it is cue-like (curated lexicon of ``cues`` or the mined lexicon stored
with the cue model); which argument of the nearest cue-like ancestor it belongs
to ("nsubj of say", "ccomp of say"); where it lies relative to the nearest
cue-like token of its sentence; and the words / tags of its neighbours.
"""
from __future__ import annotations

from . import cues
from .claims_quotes import find_quotes

NEIGHBOUR_WINDOW = 2              # words of the tokens up to this far away
MAX_ANCESTOR_DEPTH = 6            # how far up the tree to look for a cue-like ancestor
LEXICON_BUCKETS = ((0.8, "hi"), (0.5, "mid"), (0.3, "lo"))
DISTANCE_BUCKETS = ((1, "1"), (2, "2"), (5, "3-5"), (10, "6-10"))
FAR = ">10"
SHAPE_MAX = 4


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


def _short_shape(tok) -> str:
    shape, out = tok.shape_, []
    for ch in shape:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)[:SHAPE_MAX]


def quoted_chars(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation's inner text."""
    return [(q.start, q.end) for q in find_quotes(text)]


def in_quote_flags(doc, quotes: list[tuple[int, int]]) -> list[bool]:
    flags = [False] * len(doc)
    for start, end in quotes:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                flags[i] = True
    return flags


def cue_ancestor(tok, cue_like: list[bool]) -> tuple[str, str, int] | None:
    """(dependency of the branch, cue lemma, depth) of the nearest cue-like ancestor."""
    child, node = tok, tok.head
    for depth in range(1, MAX_ANCESTOR_DEPTH + 1):
        if node.i == child.i:
            return None
        if cue_like[node.i]:
            return child.dep_, node.lemma_.lower(), depth
        child, node = node, node.head
    return None


def _token_base(tok, level: str | None, quoted: bool) -> list[str]:
    head = tok.head
    return [
        "w=" + tok.lower_, "l=" + tok.lemma_.lower(), "p=" + tok.pos_, "t=" + tok.tag_,
        "d=" + tok.dep_, "sh=" + _short_shape(tok), "e=" + (tok.ent_type_ or "O"),
        "hl=" + head.lemma_.lower(), "hp=" + head.pos_, "d|hp=" + tok.dep_ + "|" + head.pos_,
        "hd=" + head.dep_, "q=" + str(quoted), "cue=" + str(level),
        "cue|p=" + str(level) + "|" + tok.pos_,
    ]


def _ancestor_feats(tok, cue_like: list[bool]) -> list[str]:
    found = cue_ancestor(tok, cue_like)
    if found is None:
        return ["anc=none"]
    dep, lemma, depth = found
    return ["anc=" + dep, "anc|l=" + dep + "|" + lemma, "anc|depth=" + dep + "|" + _bucket(depth)]


def _relative_feats(i: int, sent_cues: list[int]) -> list[str]:
    if not sent_cues:
        return ["rel=nocue"]
    nearest = min(sent_cues, key=lambda c: abs(c - i))
    if nearest == i:
        return ["rel=self"]
    side = "before" if i < nearest else "after"
    return ["rel=" + side, "rel|dist=" + side + "|" + _bucket(abs(nearest - i))]


def _neighbour_feats(sent, k: int, quoted: list[bool]) -> list[str]:
    feats = []
    for off in range(-NEIGHBOUR_WINDOW, NEIGHBOUR_WINDOW + 1):
        if off == 0:
            continue
        j = k + off
        if 0 <= j < len(sent):
            tok = sent[j]
            feats.append(f"{off}:w={tok.lower_}")
            if abs(off) == 1:
                feats += [f"{off}:p={tok.pos_}", f"{off}:d={tok.dep_}", f"{off}:q={quoted[tok.i]}"]
        else:
            feats.append(f"{off}:edge")
    return feats


def doc_context(doc, text: str, lexicon: dict[str, float]) -> tuple[list[str | None], list[bool]]:
    """Per token: lexicon level (None if not cue-like) and in-quote flag."""
    levels = [lexicon_level(t.lemma_.lower(), lexicon) if t.pos_ in ("VERB", "NOUN") or
              t.lower_ == cues.ACCORDING_WORD else None for t in doc]
    return levels, in_quote_flags(doc, quoted_chars(text))


def sentence_features(sent, levels: list[str | None], quoted: list[bool]) -> list[list[str]]:
    """Feature strings of every token of one sentence."""
    cue_like = [lvl is not None for lvl in levels]
    sent_cues = [t.i for t in sent if cue_like[t.i]]
    out = []
    for k, tok in enumerate(sent):
        feats = ["bias", *_token_base(tok, levels[tok.i], quoted[tok.i])]
        feats += _ancestor_feats(tok, cue_like)
        feats += _relative_feats(tok.i, sent_cues)
        feats += _neighbour_feats(sent, k, quoted)
        if k == 0:
            feats.append("BOS")
        if k == len(sent) - 1:
            feats.append("EOS")
        out.append(feats)
    return out


def doc_features(doc, text: str, lexicon: dict[str, float]) -> list[tuple[object, list[list[str]]]]:
    """(sentence, token features) for every sentence of ``doc``."""
    levels, quoted = doc_context(doc, text, lexicon)
    return [(sent, sentence_features(sent, levels, quoted)) for sent in doc.sents]
