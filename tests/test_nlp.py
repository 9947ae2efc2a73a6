"""The spaCy pipeline loader."""
from __future__ import annotations

import pytest

from sayso import nlp as sayso_nlp
from sayso.errors import ModelNotFound


def test_one_pipeline_per_process(nlp):
    assert sayso_nlp.load() is nlp
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names


def test_model_name_names_package_and_version(nlp):
    assert sayso_nlp.model_name().startswith("en_core_web_sm")
    assert sayso_nlp.model_name().endswith("3.8.0")


@pytest.mark.parametrize("text, sentences", [
    ("Strike spreads, union warns\nDockworkers walked out on Monday.", 2),
    ("He said it. She agreed.", 2),
    ("One line only", 1),
])
def test_a_line_break_ends_a_sentence(nlp, text, sentences):
    assert len(list(nlp(text).sents)) == sentences


@pytest.mark.parametrize("text, starts", [
    ("Title\nBody text here.", ["Body"]),
    ("Title\n\n\nBody", ["Body"]),  # several breaks in one space token: one start after it
    ("a \n b \n", ["b"]),  # a break in the last token marks nothing after it
    ("\nLead", ["Lead"]),
    ("No break at all, just words.", []),
    ("\n", []),
    ("", []),
])
def test_a_line_break_starts_the_next_token(nlp, text, starts):
    doc = nlp.make_doc(text)
    marked = [t.text for t in sayso_nlp.newline_sentences(doc) if t.i > 0 and t.is_sent_start]
    assert marked == starts


def test_the_shipped_model_has_its_own_components_and_none_of_sayso():
    shipped = sayso_nlp.load_shipped()
    assert {"attribute_ruler", "lemmatizer", "ner"} <= set(shipped.pipe_names)
    assert not any(name.startswith("sayso") for name in shipped.pipe_names)
    assert shipped is not sayso_nlp.load()


def test_no_model_is_a_clear_error():
    with pytest.raises(ModelNotFound, match="No English spaCy pipeline found"):
        sayso_nlp.load_pipeline(("sayso_no_such_model",))
    with pytest.raises(ModelNotFound, match="No English spaCy pipeline found"):
        sayso_nlp.load_shipped(("sayso_no_such_model",))
