"""The shared token table (sayso/extract/spans.py): the same values as spaCy's Token attributes."""
from __future__ import annotations

import pytest

from sayso.extract.spans import doc_ents, doc_text, token_table


@pytest.mark.parametrize("text", [
    "Ukraine's army said on Monday: \"We will hold.\"\n\nOfficials  disagreed.",
    "",
    "   ",
    "Mr. Smith, 45, told Reuters that 3.5 pct was likely.",
])
def test_token_table_matches_token_attributes(nlp, text):
    doc = nlp(text)
    table = token_table(doc)
    assert table.text == [t.text for t in doc]
    assert table.lower == [t.lower_ for t in doc]
    assert table.lemma == [t.lemma_.lower() for t in doc]
    assert table.pos == [t.pos_ for t in doc]
    assert table.tag == [t.tag_ for t in doc]
    assert table.dep == [t.dep_ for t in doc]
    assert table.ent_type == [t.ent_type_ for t in doc]
    assert table.shape == [t.shape_ for t in doc]
    assert table.head == [t.head.i for t in doc]
    assert table.idx == [t.idx for t in doc]
    assert table.is_space == [t.is_space for t in doc]
    assert table.is_punct == [t.is_punct for t in doc]


def test_token_table_is_built_once_per_doc(nlp):
    doc = nlp("One short sentence.")
    assert token_table(doc) is token_table(doc)
    assert token_table(nlp("Another one.")) is not token_table(doc)


def test_where_finds_indices(nlp):
    doc = nlp("He said it, and she said no.")
    assert token_table(doc).where("lemma", {"say"}) == [t.i for t in doc if t.lemma_ == "say"]


@pytest.mark.parametrize("text", ["", "  \n", "Kyiv, Ukraine (Reuters) - Oleksii Reznikov met NATO officials.\n\nThey agreed."])
def test_doc_text_and_ents_are_spacys_kept_once(nlp, text):
    doc = nlp(text)
    assert doc_text(doc) == doc.text == text
    assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
    found = [(e.start, e.end, e.label_) for e in doc.ents]
    doc.ents = []  # read once: what was found stays kept
    assert doc_text(doc) is doc_text(doc) and [(e.start, e.end, e.label_) for e in doc_ents(doc)] == found
    assert all(e.doc is doc for e in doc_ents(doc))
    assert doc_text(nlp("Other words.")) == "Other words."


def test_kept_entities_leave_no_cycle_through_the_doc(nlp):
    """What is kept with the doc holds no Span (a Span points back at the doc: a cycle)."""
    import gc
    import weakref

    gc.collect()
    gc.disable()
    try:
        doc = nlp("Oleksii Reznikov met NATO officials in Kyiv.")
        assert doc_ents(doc)
        alive = weakref.ref(doc)
        del doc
        assert alive() is None
    finally:
        gc.enable()
