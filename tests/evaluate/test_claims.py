"""Scoring (exact / overlap, trimming, one-to-one), the brat reader, and the PolNeAR dev floors."""
from __future__ import annotations


import pytest

from tests import gold_data

from sayso.evaluate.polnear import parse_ann, parse_fragments, read_split
from sayso.evaluate.scoring import RoleScorer, count_matches, is_match, trimmed_chars

TEXT = 'Smith said: "The plan is dead." Jones agreed.'


def chars(start, end):
    return trimmed_chars(TEXT, [(start, end)])


def test_trimming_ignores_quotes_space_and_punctuation():
    assert chars(12, 31) == chars(13, 29)  # '"The plan is dead."' vs 'The plan is dead'
    assert chars(11, 32) == chars(13, 29)


@pytest.mark.parametrize("gold,pred,exact,overlap", [
    ((13, 29), (13, 29), True, True),
    ((13, 29), (17, 29), False, True),   # 12 of 16 gold chars shared
    ((13, 16), (13, 29), False, False),  # prediction five times too long
    ((13, 29), (32, 37), False, False),
])
def test_exact_vs_overlap(gold, pred, exact, overlap):
    g, p = chars(*gold), chars(*pred)
    assert is_match(g, p, "exact") is exact
    assert is_match(g, p, "overlap") is overlap


def test_one_to_one_matching():
    gold = [chars(13, 29)]
    pred = [chars(13, 29), chars(13, 29)]
    assert count_matches(gold, pred, "exact") == 1
    assert count_matches(gold * 2, pred, "exact") == 2


def test_multi_fragment_spans_compare_as_union():
    gold = trimmed_chars(TEXT, [(13, 21), (21, 29)])
    assert is_match(gold, chars(13, 29), "exact")


def test_role_scorer_prf():
    scorer = RoleScorer(("source",))
    scorer.add_doc(TEXT, {"source": [[(0, 5)], [(32, 37)]]}, {"source": [[(0, 5)], [(6, 10)]]})
    result = scorer.result()["source"]["exact"]
    assert result == {"p": 0.5, "r": 0.5, "f1": 0.5}


ANN = (
    "T1\tSource 0 5\tSmith\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 13 21;22 29\tThe plan dead\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 38 44\tagreed\n"
    "T6\tAttribution 38 44\tagreed\n"
    "T7\tDiscard 0 3\tSmi\n"
    "E2\tAttribution:T6 Cue:T5\n"
)


def test_parse_fragments():
    assert parse_fragments("13 21;22 29") == ((13, 21), (22, 29))


def test_parse_ann():
    first, second = parse_ann(ANN)
    assert first.source == ((0, 5),)
    assert first.content == ((13, 21), (22, 29))
    assert second.source == () and second.cue == ((38, 44),)


def test_read_split_uses_first_annotator(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc_b2.ann").write_text("", encoding="utf-8")
    (tmp_path / "attributions" / "doc_a1.ann").write_text(ANN, encoding="utf-8")
    [doc] = read_split(tmp_path)
    assert doc.ann_path.name == "doc_a1.ann"
    assert len(doc.attributions) == 2


# Floors: measured PolNeAR dev scores minus a small margin (see docs/claims.md and .ci/floors.json).


@pytest.mark.slow
def test_polnear_dev_floors(shared_dir, below_floors):
    from sayso.evaluate.claims import evaluate_claims

    dev = gold_data(shared_dir / "evaldata" / "polnear" / "dev")
    result = evaluate_claims(dev)
    system, baseline = result["system"], result["baseline"]
    assert result["docs"] == 84
    assert not below_floors("claims", result), "below the pinned floors (value, floor)"
    for role in ("source", "cue", "content"):
        assert system[role]["overlap"]["f1"] > baseline[role]["overlap"]["f1"]


def test_matched_pairs_are_one_to_one_largest_first():
    from sayso.evaluate.scoring import matched_pairs

    gold = [frozenset(range(0, 10)), frozenset(range(20, 30))]
    pred = [frozenset(range(0, 9)), frozenset(range(0, 10)), frozenset(range(40, 50))]
    assert matched_pairs(gold, pred, "overlap") == [(0, 1)]
    assert matched_pairs(gold, pred, "exact") == [(0, 1)]
    assert matched_pairs([], pred, "overlap") == []
