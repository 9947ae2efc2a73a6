"""quantulum3's fast paths (sayso/extract/figures/quantulum.py) give exactly quantulum3's own results."""
from __future__ import annotations

import pytest

from sayso.extract.figures import quantulum

SENTENCES = [
    "The company said it would cut 1,200 jobs, about 5 pct of its workforce, by 1988.",
    "Exports rose to 3.5 billion dlrs in the first half from 2.9 billion a year earlier.",
    "He ran 26.2 miles in 3 hours and 5 minutes, averaging about 8.4 miles an hour.",
    "Between 20 and 30 people were hurt, one hundred and five were evacuated.",
    "A dozen trucks carried twelve tonnes of flour and half a million litres of water.",
    "The 155,221 bags were shipped at 5.81 at the same port; prices were 2.55   2.40.",
    "It costs $20/h or 15 EUR per day, she said, and 27.5 Mb/s is enough.",
    "Nothing here has a number at all.",
    "Temperatures of -5°C and 30 km/h winds; 2½ cups; 10^6 cells; 9\" of snow.",
    "Seven-hundred-and-fifty soldiers and 3 US Navy ships, an F-16 and two An-26 planes.",
]


@pytest.fixture(scope="module")
def patterns():
    return quantulum.original_patterns()


def _found(pattern, text):
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_number_word_pattern_finds_what_quantulum3s_does(patterns, text):
    from quantulum3 import regex as reg

    quantulum.quantulum_parser()
    assert [m.span() for m in reg.text_pattern_reg().finditer(text)] == \
        [m.span() for m in patterns[0].finditer(text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_the_quantity_pattern_finds_what_quantulum3s_does(patterns, text):
    from quantulum3 import regex as reg

    quantulum.quantulum_parser()
    assert _found(reg.units_regex(), text) == _found(patterns[1], text)


def test_every_unit_surface_and_prefix_is_read_as_quantulum3_reads_it(patterns):
    """Each of quantulum3's ~1,900 unit surfaces and currency prefixes, after and before a number,
    in upper and lower case: the trie pattern gives quantulum3's match, groups included."""
    from quantulum3 import load
    from quantulum3 import regex as reg

    quantulum.quantulum_parser()
    units = load.units("en_US")
    surfaces = sorted({*units.surfaces, *units.symbols})
    texts = [f"about 5 {s} and 7{s}; {s.upper()} 3" for s in surfaces]
    texts += [f"{p}12.5 and {p.lower()} 4 m" for p in sorted(units.prefix_symbols)]
    fast = reg.units_regex()
    differing = [t for t in texts if _found(fast, t) != _found(patterns[1], t)]
    assert differing == []


@pytest.mark.parametrize("text", SENTENCES + ["a pound of flour weighs a lb", "the bar was 5 bar", ""])
def test_disambiguation_chooses_what_quantulum3_chooses(text):
    from quantulum3 import load

    quantulum.quantulum_parser()
    counts = quantulum.TrainingCounts.build()
    original = quantulum.ORIGINAL_DISAMBIGUATE[0]
    ambiguous = [group for group in load.units("en_US").symbols.values() if len(group) > 1][:40]
    assert ambiguous
    for group in ambiguous:
        ordered = sorted(group, key=lambda e: e.name)
        assert counts.best(ordered, text) is original(ordered, text)


def test_trie_tries_longer_continuations_first():
    import re

    pattern = re.compile(quantulum.trie_pattern(["km", "k", "kg", "kmh"]))
    assert pattern.match("kmh").group() == "kmh"
    assert pattern.match("kms").group() == "km"
    assert pattern.match("kx").group() == "k"
    assert pattern.match("x") is None
