"""The speakers evaluation: GGT's reader, its matching rule, speaker accuracy, B-cubed, the floors."""
from __future__ import annotations

import json

import pytest

from tests import gold_data

from sayso.evaluate.ggt import GoldQuote, read_ggt
from sayso.evaluate.speakers import (Predicted, Tally, b_cubed, coverage, identity_key, last_name, match,
                                     speaker_right)


def gold(start, end, reference="Mara Olsen"):
    return GoldQuote(start, end, "x" * (end - start), "", reference, "said")


@pytest.mark.parametrize("g, p, rule, found", [
    ((0, 100), (0, 31), "source", True),      # 31 % of the gold quote, all of the prediction inside it
    ((0, 100), (0, 29), "source", False),     # under 30 % of the gold quote
    ((0, 100), (70, 400), "source", False),   # 30 % of gold but only 9 % of the prediction inside it
    ((0, 100), (70, 400), "ggt_code", False),  # GGT's scorer wants more than 30 %: exactly 30 % is no match
    ((0, 100), (60, 400), "ggt_code", True),  # GGT's scorer looks at the gold side only
    ((0, 100), (60, 400), "source", False),
])
def test_the_matching_rule(g, p, rule, found):
    assert bool(match([gold(*g)], [Predicted(*p, speaker=None)], rule)) == found


def test_gold_quotes_take_their_best_remaining_prediction_in_order():
    golds = [gold(0, 100), gold(100, 200)]
    preds = [Predicted(0, 200, None), Predicted(100, 200, None)]
    assert match(golds, preds) == [(0, 0), (1, 1)]
    assert match([gold(0, 100), gold(0, 100)], [Predicted(0, 100, None)]) == [(0, 0)]  # one quote a prediction


def test_an_unplaced_gold_quote_is_missed():
    assert match([GoldQuote(None, None, "lost", "", "A B", "")], [Predicted(0, 10, None)]) == []


@pytest.mark.parametrize("name, last", [
    ("Seamus O'Regan", "oregan"), ("Martin Luther King Jr.", "king"), ("Trudeau's", "trudeau"),
    ("Samsung Electronics Co.", "electronics"), ("Co", "co"),
    ("Володимир Зеленський", "zelenskiy"), (None, None), ("", None),
])
def test_last_name(name, last):
    assert last_name(name) == last


def test_speaker_accuracy_compares_last_names():
    assert speaker_right(gold(0, 5, "Justin Trudeau"), Predicted(0, 5, "Trudeau"))
    assert not speaker_right(gold(0, 5, "Justin Trudeau"), Predicted(0, 5, "Andrew Scheer"))
    assert not speaker_right(gold(0, 5, "Justin Trudeau"), Predicted(0, 5, None))


def test_tally():
    t = Tally()
    t.add([gold(0, 100, "A Olsen"), gold(200, 300)], [Predicted(0, 100, "Olsen"), Predicted(400, 500, "B")], "source")
    r = t.result()
    assert (r["p"], r["r"], r["speaker_accuracy"]) == (0.5, 0.5, 1.0)


def test_b_cubed():
    perfect = b_cubed([("a", 1), ("a", 1), ("b", 2)])
    assert (perfect["p"], perfect["r"]) == (1.0, 1.0)
    merged = b_cubed([("a", 1), ("b", 1)])  # two people in one entity
    assert merged["p"] == 0.5 and merged["r"] == 1.0
    split = b_cubed([("a", 1), ("a", 2)])  # one person in two entities
    assert split["p"] == 1.0 and split["r"] == 0.5
    assert b_cubed([])["f1"] == 0.0


def test_identity_keys():
    assert identity_key("d1", gold(0, 1, "Justin Trudeau")) == identity_key("d2", gold(0, 1, "Justin  Trudeau"))
    assert identity_key("d1", gold(0, 1, "officials")) != identity_key("d2", gold(0, 1, "officials"))


def test_coverage():
    assert coverage((0, 10), (5, 20)) == (0.5, 5 / 15)


def test_reader_checks_offsets(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "a.txt").write_text('He said "we will win" today.', "utf-8")
    row = {"id": "a", "outlet": "X", "quotes": [{"quote": '"we will win"', "start": 8, "speaker": "He",
                                                   "reference": "Mara Olsen", "verb": "said"}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    (article,) = read_ggt(tmp_path)
    assert article.quotes[0].end == 21
    row["quotes"][0]["start"] = 3
    (tmp_path / "gold.jsonl").write_text(json.dumps(row) + "\n", "utf-8")
    with pytest.raises(ValueError, match="gold.jsonl:1: quote at 3 does not match"):
        read_ggt(tmp_path)
    with pytest.raises(ValueError, match="not found"):
        read_ggt(tmp_path / "missing")


@pytest.mark.slow
def test_ggt_dev_floors(shared_dir, below_floors):
    from sayso.evaluate.speakers import evaluate_speakers

    dev = gold_data(shared_dir / "evaldata" / "ggt-quotes" / "dev")
    result = evaluate_speakers(dev)
    assert result["docs"] == 50
    assert not below_floors("speakers", result), "below the pinned floors (value, floor)"
    assert result["system"]["quote_like"]["f1"] > result["baseline"]["textacy"]["f1"]
    assert result["system"]["all"]["speaker_accuracy"] > result["baseline"]["textacy"]["speaker_accuracy"]
    assert result["identity"]["given_name_conflicts"] == []  # no two given names in one person entity
