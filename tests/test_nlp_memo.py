"""The memoised attribute ruler and lemmatizer (sayso/nlp_memo.py) annotate exactly as the model does."""
from __future__ import annotations

import pytest

from sayso import nlp as sayso_nlp
from sayso.errors import ModelNotFound
from sayso.nlp_memo import NAME

SENTENCES = [
    "There is no plan, and there were never any talks, the minister said.",
    "We're gonna win and y'all know it; ain't nothin' gonna stop us. Let's go, c'mon.",
    "I told you it would rain. You saw it; it saw you. But he did. Do they? They did not.",
    "Headline without a stop\n\nThe  union   said on Monday that 40,000 workers would strike.",
    "He has had enough, she had said, and the company that they own does what it wants.",
    "Which ones? Those were the days. All of them left; both stayed.",
    "  \n  ",
    "",
]
ATTRS = ("tag_", "pos_", "morph", "lemma_", "dep_", "head", "ent_iob_", "ent_type_", "is_sent_start")


@pytest.fixture(scope="module")
def plain():
    """The model as shipped, with sayso's line-break rule (the only other component sayso adds)."""
    try:
        model = sayso_nlp.load_shipped()
    except ModelNotFound:
        pytest.skip("no English model installed")
    model.add_pipe(sayso_nlp.NEWLINE_SENTS, before="parser")
    return model


def annotations(doc):
    return [tuple(str(getattr(t, a).i if a == "head" else getattr(t, a)) for a in ATTRS) for t in doc]


def test_the_pipeline_runs_one_memoised_component_for_both(nlp):
    assert NAME in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_the_model(nlp, plain, text):
    assert annotations(nlp(text)) == annotations(plain(text))


def test_same_annotations_when_remembered(nlp, plain):
    """Second time round every answer comes from memory; still the same."""
    for _ in range(2):
        for doc, expected in zip(nlp.pipe(SENTENCES), plain.pipe(SENTENCES)):
            assert annotations(doc) == annotations(expected)


@pytest.mark.slow
def test_same_annotations_on_news(nlp, plain, shared_dir):
    """200 Reuters-21578 stories (the benchmark's corpus), token by token."""
    import sys

    from tests.conftest import REPO

    corpus = shared_dir / "evaldata" / "reuters21578"
    if not corpus.is_dir():
        pytest.skip(f"needs {corpus}")
    sys.path.insert(0, str(REPO / "bench"))
    from ingest_reuters import read_stories

    texts = [story["text"] for story in read_stories(corpus, 200)]
    for doc, expected in zip(nlp.pipe(texts), plain.pipe(texts)):
        assert annotations(doc) == annotations(expected)
