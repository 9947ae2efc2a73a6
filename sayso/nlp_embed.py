"""The model's token embeddings, memoised: the same vectors, about a third of each tok2vec cheaper.

Each of ``en_core_web_sm``'s two token-to-vector networks (the shared ``tok2vec`` and the one
inside ``ner``) starts with an embedding step that reads a token alone: its features (NORM,
PREFIX, SUFFIX, SHAPE, and for the shared one SPACY and IS_SPACE) are hashed into four tables,
concatenated and mixed by a maxout layer with layer normalisation. Only the window encoder after
it reads a token's neighbours. The embedding step's answer is therefore a function of the
token's feature row, and news repeats its words: on 1,000 Reuters stories only 32% (shared) and
28% (ner) of the rows in a batch of 32 stories are distinct, and fewer across batches. The step
cost 2.2 and 1.4 ms a story (of a 26 ms parse); remembered, it costs a dictionary look-up a row.

The remembered vectors are the network's own (computed by its own layers for the rows not seen
yet) and every row is computed independently of the others, so the vectors are bit for bit the
same: ``tests/test_nlp_embed.py`` compares the two networks' outputs and the final annotations
with the model's own.
"""
from __future__ import annotations

from functools import partial

import numpy as np
from spacy.language import Language
from thinc.api import Model

EMBED_LAYERS = ("extract_features", "list2ragged", "with_array", "with_array", "ragged2list")
"""The layer names, in order, of the embedding step this module memoises (spaCy's ``MultiHashEmbed``)."""
MAX_REMEMBERED = 200_000
"""Feature rows remembered per network before the memory is emptied (96 float32 each: 77 MB)."""
MEMO_NAME = "sayso_memo_embed"


class _Memory:
    """Feature rows (as bytes) -> row numbers of a growing float32 matrix of their vectors."""

    def __init__(self) -> None:
        self.rows: dict[bytes, int] = {}
        self.vectors: np.ndarray | None = None

    def lookup(self, features: np.ndarray, compute) -> np.ndarray:
        """The vectors of ``features`` (one uint64 row per token); ``compute(rows)`` gives unseen ones."""
        keys = np.ascontiguousarray(features).view(np.dtype((np.void, features.shape[1] * 8))).ravel().tolist()
        known = self.rows
        if len(known) + len(keys) > MAX_REMEMBERED:
            known.clear()
        unseen: dict[bytes, int] = {}
        for i, key in enumerate(keys):
            if key not in known and key not in unseen:
                unseen[key] = i
        if unseen:
            fresh = compute(features[list(unseen.values())])
            self._add(list(unseen), fresh)
        index = np.fromiter((known[k] for k in keys), dtype=np.int64, count=len(keys))
        return self.vectors[index]

    def _add(self, keys: list[bytes], fresh: np.ndarray) -> None:
        start = len(self.rows)
        if self.vectors is None or self.vectors.shape[1] != fresh.shape[1]:
            self.vectors = np.empty((0, fresh.shape[1]), dtype=fresh.dtype)
        if start + len(keys) > len(self.vectors):
            grown = np.empty((max(2 * len(self.vectors), start + len(keys), 1024), fresh.shape[1]), fresh.dtype)
            grown[:start] = self.vectors[:start]
            self.vectors = grown
        self.vectors[start:start + len(keys)] = fresh
        self.rows.update(zip(keys, range(start, start + len(keys))))


def _forward(memory: _Memory, model: Model, docs, is_train: bool):
    """Inference from memory; training (never done by sayso) runs the network's own layers."""
    original = model.layers[0]
    if is_train:
        return original(docs, is_train)
    extract, _, embed, mix, _ = original.layers
    features = extract.predict(docs)
    lengths = [len(f) for f in features]
    if not sum(lengths):
        return original(docs, is_train)
    rows = memory.lookup(
        model.ops.xp.concatenate(features), lambda unseen: mix.layers[0].predict(embed.layers[0].predict(unseen)))
    vectors = list(model.ops.unflatten(rows, lengths))
    return vectors, _no_backprop


def _no_backprop(d_vectors):
    raise NotImplementedError("the memoised embedding is for inference only")


def _is_embedding(model: Model) -> bool:
    return tuple(layer.name.split("(")[0] for layer in model.layers) == EMBED_LAYERS


def memoise_embeddings(nlp: Language) -> Language:
    """Wrap every embedding step in ``nlp``'s networks in a memoising layer (see the module's text).
    A network built otherwise (no such step, another layout) is left as it is."""
    for _, component in nlp.pipeline:
        network = getattr(component, "model", None)
        if isinstance(network, Model):
            _wrap_within(network)
    return nlp


def _wrap_within(network: Model) -> None:
    for parent in list(network.walk()):
        for i, layer in enumerate(parent.layers):
            if _is_embedding(layer) and parent.name != MEMO_NAME:
                parent.layers[i] = Model(MEMO_NAME, partial(_forward, _Memory()), layers=[layer])
