"""Figure evaluation: gold offsets, scope rules, re3d reading, scoring; floors on the shared data (slow)."""
from __future__ import annotations


import pytest

from tests import gold_data

from sayso.evaluate.figures import (
    Scorer, _sentence, format_report, gold_items, is_money, out_of_scope, system_unit,
)



def test_gold_items_find_each_surface_in_order():
    case = {"req": "I have seen 45 and 45 cases.", "res": [{"value": 45, "unit": "dimensionless", "surface": "45"},
                                                           {"value": 45, "unit": "dimensionless", "surface": "45"}]}
    assert [(g["start"], g["end"]) for g in gold_items(case)] == [(12, 14), (19, 21)]


@pytest.mark.parametrize("req,res,out", [
    ("It increased by 35% by the end of the 1960s", [("1960", "dimensionless")], True),
    ("The battery failed after three days", [("three days", "day")], True),
    ("I bought a dozen eggs", [("a dozen", "dozen")], True),
    ("The class is English 101.", [("101", "dimensionless")], True),
    ("In this pit, 50 cars are stored", [("50", "dimensionless")], False),
    ("42 is the answer", [("42", "dimensionless")], False),
    ("The wall is 5 metre high", [("5 metre", "metre")], False),
])
def test_out_of_scope_rules(req, res, out):
    case = {"req": req, "res": [{"value": 1, "unit": u, "surface": s} for s, u in res]}
    assert (out_of_scope(case) is not None) is out


@pytest.mark.parametrize("unit,name", [(None, "dimensionless"), ("people", "dimensionless"),
                                       ("percent", "percentage"), ("USD", "dollar"), ("GBP", "pound sterling"),
                                       ("kilometre", "kilometre")])
def test_system_units_map_to_quantulum_names(unit, name):
    assert system_unit(unit) == name


def test_scorer_value_unit_and_span():
    text = "Give 5 metres and 3 kg"
    gold = [{"start": 5, "end": 13, "value": 5.0, "unit": "metre"}, {"start": 18, "end": 22, "value": 3.0, "unit": "kilogram"}]
    pred = [{"start": 5, "end": 13, "value": 5.0, "unit": "metre"}, {"start": 18, "end": 19, "value": 4.0, "unit": "x"}]
    scorer = Scorer()
    scorer.add(text, gold, pred)
    result = scorer.result()
    assert result["value_accuracy"] == 0.5 and result["unit_accuracy"] == 0.5
    assert result["span"] == {"p": 0.5, "r": 0.5, "f1": 0.5}


def test_re3d_sentence_glues_split_numbers():
    rows = [("About", "O"), ("8", "B-Quantity"), (",", "I-Quantity"), ("000", "I-Quantity"), ("fled", "O"),
            ("2", "B-Quantity"), (".", "I-Quantity"), ("5", "I-Quantity"), ("km", "I-Quantity")]
    text, spans = _sentence(rows)
    assert text == "About 8,000 fled 2.5 km"
    assert [text[a:b] for a, b in spans] == ["8,000", "2.5 km"]


def test_re3d_money_label_is_read_apart():
    rows = [("gave", "O"), ("$", "B-Money"), ("5", "I-Money"), ("million", "I-Money"), ("to", "O"),
            ("30", "B-Quantity"), ("towns", "O")]
    assert _sentence(rows, "Money")[1] == [(5, 16)]
    assert _sentence(rows)[1] == [(20, 22)]


@pytest.mark.parametrize("unit,money", [("USD", True), ("UAH", True), ("cent", True), ("people", False),
                                        (None, False), ("percent", False), ("tonne", False)])
def test_money_units_go_to_re3d_money(unit, money):
    assert is_money(unit) is money






@pytest.mark.slow
def test_figures_floors(shared_dir, below_floors):
    from sayso.evaluate.figures import evaluate_figures

    cases = gold_data(shared_dir / "evaldata" / "quantulum3-tests" / "quantities.json")
    gold_data(shared_dir / "evaldata" / "conflibert-cameo" / "re3d")
    result = evaluate_figures(cases)
    assert "re3d" in result  # found beside the quantulum3 tests
    print(format_report(result))
    assert not below_floors("figures", result), "below the pinned floors (value, floor)"
