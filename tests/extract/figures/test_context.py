"""The context of a figure (sayso/extract/figures/context.py): the qualifier lookup by words and
"according to X" read only in sentences that hold "according"."""
from __future__ import annotations

import pytest

from sayso.extract.figures import context as ctx
from sayso.extract.figures import extract_figures
from sayso.records import Article


def _endswith_loop(before: str) -> str | None:
    """The qualifier as sayso first looked it up: every phrase, longest first, with ``endswith``."""
    for phrase, _ in ctx.qualifiers_before():
        if before == phrase or before.endswith(" " + phrase):
            return phrase
    return None


def _befores():
    phrases = [p for p, _ in ctx.qualifiers_before()]
    made = [f"{start}{p}" for p in phrases for start in ("", "they said ", "x", "the ")]
    return made + ["", "moreover", "hover", "turnover", "no more", "as many", "much more than than", "said over "]


@pytest.mark.parametrize("before", _befores())
def test_the_qualifier_found_by_words_is_the_longest_phrase_ending_the_text(before):
    before = " ".join(before.split())
    assert ctx._qualifier_ending(before) == _endswith_loop(before)


# (text, figure, owner)
ACCORDING = [
    ("According to Ukraine, 5,000 troops were sent.", "5,000", "Ukraine"),
    ("The army sent 5,000 troops, according to NATO.", "5,000", "NATO"),
    ("ACCORDING TO Kyiv, 300 tanks were lost.", "300", "Ukraine"),
    ("Russia sent 5,000 troops, the minister said.", "5,000", None),
    ("According to him, 40 people died.", "40", None),
    ("Accordingly, 12 ships left.", "12", None),
]


@pytest.mark.parametrize("text,surface,owner", ACCORDING)
def test_according_to_names_the_owner(nlp, text, surface, owner):
    [fig] = extract_figures(nlp(text), Article(text=text))
    assert (fig.text, fig.owner) == (surface, owner)


@pytest.mark.parametrize("text", [t for t, _, _ in ACCORDING])
def test_the_owner_is_the_same_with_or_without_the_text(nlp, text):
    doc = nlp(text)
    for tok in doc:
        assert ctx.owner_of(tok, None, text) == ctx.owner_of(tok, None)
