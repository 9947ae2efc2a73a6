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


@pytest.mark.parametrize("text", SENTENCES + ["the the the thethe", "", "ſtop KM Kelvin", "x" * 40])
def test_training_words_found_by_the_trie_are_the_texts_substrings_among_them(text):
    counts = quantulum.TrainingCounts.build()
    vocabulary = {w for short in counts.short.values() for w in short}
    substrings = {text[i:j] for i in range(len(text) + 1) for j in range(i, len(text) + 1)}
    assert counts.words_in(text) == (substrings & vocabulary) | {""}


VALUE_TEXTS = ["5 km", "1,200 people", "3.5 pct", "2½ cups", "10^6 cells", "20-30 km", "30-20 km",
               "5 ± 0.2 m", "1/2 mile", "3 1/2 miles", "2.5e3 t", "1/0 of them", "($99.99)", "-4 C"]


def _values_or_error(get_values, match):
    try:
        return get_values(match)
    except ValueError as err:
        return ("ValueError", repr(err.args))


@pytest.mark.parametrize("text", VALUE_TEXTS)
def test_values_remembered_per_number_are_quantulum3s_own(text):
    from quantulum3 import parser
    from quantulum3 import regex as reg

    quantulum.quantulum_parser()
    original = quantulum.ORIGINAL_GET_VALUES[0]
    matches = list(reg.units_regex().finditer(text))
    assert matches
    for match in matches:
        expected = _values_or_error(original, match)
        assert _values_or_error(parser.get_values, match) == expected
        assert _values_or_error(parser.get_values, match) == expected  # the remembered answer


def test_remembered_values_are_a_new_list_each_time():
    from quantulum3 import parser
    from quantulum3 import regex as reg

    quantulum.quantulum_parser()
    match = next(reg.units_regex().finditer("a loss of 99.99 dlrs"))
    first = parser.get_values(match)[1]
    first[0] = -first[0]  # quantulum3 does this to "($99.99)"
    assert parser.get_values(match)[1] == [99.99]



_UNITS_READ = """
import json, sys
if sys.argv[1] == "sayso":
    from sayso.extract.figures import quantulum
    quantulum.quantulum_parser()
import inflect
from quantulum3 import load
units = load.units("en_US")
json.dump({"checked": "typeguard" in inflect.engine.plural.__code__.co_names,
           "surfaces": sorted(units.surfaces_all), "symbols": sorted(units.symbols_all),
           "plurals": [inflect.engine().plural(w) for w in sys.argv[2:]]}, sys.stdout)
"""


@pytest.mark.slow
def test_quantulum3_reads_the_same_units_with_inflect_unchecked():
    """quantulum3 pluralises every unit name through inflect when it loads: the surfaces it matches
    after sayso's set-up (inflect imported unchecked: :func:`quantulum.import_inflect_unchecked`) are
    those it matches with inflect as typeguard instruments it (each in a fresh interpreter), and so
    are a sample of plurals."""
    import json
    import subprocess
    import sys

    words = ["metre", "foot", "inch", "hundred", "million", "person", "crisis", "analysis", "child", "mouse"]

    def read(mode: str) -> dict:
        done = subprocess.run([sys.executable, "-c", _UNITS_READ, mode, *words], capture_output=True, text=True,
                              check=True)
        return json.loads(done.stdout)

    fast, checked = read("sayso"), read("plain")
    assert (fast.pop("checked"), checked.pop("checked")) == (False, True)
    assert fast == checked
    assert len(checked["surfaces"]) > 1000  # quantulum3's unit table, not an empty one
