"""The memoised token embeddings (sayso/nlp_embed.py) give the networks' own vectors, bit for bit."""
from __future__ import annotations

import numpy as np
import pytest
from thinc.api import Model, Relu, chain, fix_random_seed

from sayso import nlp as sayso_nlp
from sayso import nlp_embed
from sayso.errors import ModelNotFound
from sayso.nlp_embed import MEMO_NAME, memoise_embeddings

SENTENCES = [
    "The minister said 500,000 soldiers were mobilised; the official figure is 300,000.",
    "The minister said the minister said the minister said it again.",
    "Headline without a stop\n\nThe  union   said on Monday that 40,000 workers would strike.",
    "Ünïcödé wörds, emoji 🙂 and CAPITALS: NATO's U.S.-led plan, e-mail @someone #tag.",
    "  \n  ",
    "",
]


def shipped_model():
    """The English model as shipped (its networks read raw docs, so nothing else of sayso's matters)."""
    try:
        return sayso_nlp.load_shipped()
    except ModelNotFound:
        pytest.skip("no English model installed")


@pytest.fixture(scope="module")
def pipelines():
    """The model as shipped, and sayso's pipeline with its memoised embeddings (a fresh memory)."""
    return shipped_model(), sayso_nlp.load_pipeline()


def network_outputs(nlp, texts):
    """What both token-to-vector networks give for ``texts`` (the ner one with its linear layer)."""
    docs = [nlp.make_doc(t) for t in texts]
    shared = nlp.get_pipe("tok2vec").model.predict(docs)
    ner = nlp.get_pipe("ner").model.layers[0].predict(docs)
    return shared, [ner]


def memo_nodes(nlp):
    return [node for _, pipe in nlp.pipeline if isinstance(getattr(pipe, "model", None), Model)
            for node in pipe.model.walk() if node.name == MEMO_NAME]


def test_both_networks_are_memoised_once(pipelines):
    plain, memo = pipelines
    assert memo_nodes(plain) == []
    assert len(memo_nodes(memo)) == 2
    memoise_embeddings(memo)  # a second call wraps nothing twice
    assert len(memo_nodes(memo)) == 2


@pytest.mark.parametrize("text", SENTENCES)
def test_same_vectors_as_the_network(pipelines, text):
    plain, memo = pipelines
    for expected, got in zip(network_outputs(plain, [text]), network_outputs(memo, [text])):
        assert len(expected) == len(got)
        for a, b in zip(expected, got):
            assert np.array_equal(a, b)


def test_same_vectors_from_memory_and_in_a_mixed_batch(pipelines):
    """Second time round every row comes from memory; a batch mixes seen and unseen rows."""
    plain, memo = pipelines
    texts = SENTENCES + ["A new sentence about 7 unseen wordforms: quokkas, zeugmas, xylophonists."]
    for _ in range(2):
        for expected, got in zip(network_outputs(plain, texts), network_outputs(memo, texts)):
            assert all(np.array_equal(a, b) for a, b in zip(expected, got))


def test_memory_is_bounded_and_still_exact(pipelines, monkeypatch):
    plain, _ = pipelines
    monkeypatch.setattr(nlp_embed, "MAX_REMEMBERED", 40)
    memo = memoise_embeddings(shipped_model())
    for text in SENTENCES[:3] * 2:
        for expected, got in zip(network_outputs(plain, [text]), network_outputs(memo, [text])):
            assert all(np.array_equal(a, b) for a, b in zip(expected, got))
    for node in memo_nodes(memo):
        assert len(node._func.args[0].rows) <= 40


def test_training_runs_the_networks_own_layers(pipelines):
    """Training (dropout on) goes through the network's own layers: the same random masks give the
    same vectors, and a real backprop comes back."""
    results = []
    for nlp in pipelines:
        fix_random_seed(7)
        vectors, backprop = nlp.get_pipe("tok2vec").model.begin_update([nlp.make_doc(SENTENCES[0])])
        results.append(vectors[0])
        backprop([np.zeros_like(vectors[0])])
    assert np.array_equal(*results)


def test_a_network_of_another_layout_is_left_alone():
    class Component:
        model = chain(Relu(4, 3), Relu(2, 4))

    class FakeNlp:
        pipeline = [("other", Component())]

    before = [node.name for node in Component.model.walk()]
    memoise_embeddings(FakeNlp())
    assert [node.name for node in Component.model.walk()] == before
