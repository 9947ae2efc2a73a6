"""`sayso eval forecasts`: sentence alignment, one-to-one finding, the scores, and the dev floors."""
from __future__ import annotations

import json

import pytest

from tests import gold_data

from sayso.evaluate.forecasts import (
    PUBLICATION, Gold, Prediction, Tally, _probability, align, content_words, evaluate_forecasts,
    format_report, match, predictor_agrees, read_statements, system_predictions,
)
from sayso.records import Article, Entity, Extraction, Forecast


def gold(words: str, predictor: str = "", probability: float | None = None) -> Gold:
    return Gold({w: 1.0 for w in content_words(words)}, predictor, probability)


@pytest.mark.parametrize("text,expected", [
    ("The storms will hit the coast", {"storm", "hit", "coast"}),
    ("Russia's forces", {"russia", "force"}),
    ("intensification", {"intens"}),
    ("it is the", set()),
])
def test_content_words(text, expected):
    assert content_words(text) == expected


def test_align_picks_the_best_covering_sentence_or_none():
    sentences = [content_words(s) for s in (
        "The hurricane center upgraded the storm.",
        "Projections show the storm could intensify slightly.",
        "Nothing else happened.",
    )]
    golds = [gold("Storm intensity: slight intensification, projections show"), gold("bananas apples")]
    assert align(golds, sentences) == [1, None]


def test_predictor_agreement():
    assert predictor_agrees("Oleksii Reznikov Reznikov", "Reznikov (Defence Minister)")
    assert not predictor_agrees("Oleksii Reznikov", "Andriy Chernyak")
    assert predictor_agrees(PUBLICATION, "The article")
    assert predictor_agrees(PUBLICATION, "")
    assert not predictor_agrees(PUBLICATION, "Police")
    assert predictor_agrees(PUBLICATION, "Article estimate")  # the article, with a qualifier
    assert predictor_agrees(PUBLICATION, "Article's author/implied by the context")
    assert not predictor_agrees(PUBLICATION, "National Hurricane Center")


def test_one_prediction_finds_at_most_one_statement():
    golds = [gold("storm", "NHC"), gold("storm again", "NHC")]
    spans = [(0, 50), (51, 100)]
    one = [Prediction(10, 20, "NHC")]
    assert len(match(golds, [0, 0], spans, one)) == 1
    two = [Prediction(10, 20, "NHC"), Prediction(30, 40, "NHC")]
    assert len(match(golds, [0, 0], spans, two)) == 2
    elsewhere = [Prediction(60, 70, "NHC")]
    assert match(golds, [0, 0], spans, elsewhere) == {}
    assert match(golds, [None, None], spans, one) == {}


def test_matching_prefers_the_agreeing_predictor():
    golds = [gold("storm", "Chernyak")]
    preds = [Prediction(0, 10, "Reznikov"), Prediction(5, 15, "Andriy Chernyak")]
    assert match(golds, [0], [(0, 20)], preds) == {0: 1}


def test_tally_scores():
    tally = Tally()
    golds = [gold("a b", "Police", 0.7), gold("c d", "Army")]
    preds = [Prediction(0, 5, "police", "likely"), Prediction(6, 9, "navy", "certain"), Prediction(10, 12, "x")]
    tally.add(golds, preds, {0: 0, 1: 1})
    result = tally.result()
    assert (result["recall"], result["precision"], result["predictor_accuracy"]) == (1.0, 0.6667, 0.5)
    assert result["hedging"]["likely"] == {"n": 1, "mean_gold_probability": 0.7}
    empty = Tally().result()
    assert (empty["recall"], empty["precision"], empty["predictor_accuracy"]) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("value,expected", [
    ("70%", 0.7),
    ("1%", 0.01),  # a % sign always means hundredths, even below 2
    ("0.5%", 0.005),
    ("100%", 1.0),
    (" 85 % ", 0.85),
    (70, 0.7),
    (0.7, 0.7),
    ("1", 1.0),  # a bare 1 is already a probability
    ("likely", None),
    ("", None),
    (None, None),
])
def test_probability(value, expected):
    assert _probability(value) == (None if expected is None else pytest.approx(expected))


def forecast(start: int, end: int, key: str | None) -> Forecast:
    return Forecast(start=start, end=end, text="x", cue=None, hedging="certain", predictor_key=key)


@pytest.mark.parametrize("forecasts,expected", [
    ([forecast(0, 5, "e1")], [(0, 5, "Oleksii Reznikov Reznikov")]),
    ([forecast(0, 5, None), forecast(6, 9, "unknown")], [(0, 5, PUBLICATION), (6, 9, PUBLICATION)]),
    ([], []),  # the pipeline found nothing: no predictions
])
def test_system_predictions_read_the_pipelines_extraction(monkeypatch, forecasts, expected):
    article = Article(text="Alpha beta.", published=None)
    entities = [Entity("e1", "Oleksii Reznikov", aliases=["Reznikov"])]
    seen = []

    def fake_extract(doc, art):
        seen.append((doc, art))
        return Extraction(art, entities=entities, forecasts=forecasts)

    monkeypatch.setattr("sayso.pipeline.extract", fake_extract)
    preds = system_predictions("DOC", article)
    assert seen == [("DOC", article)]
    assert [(p.start, p.end, p.predictor) for p in preds] == expected


def test_read_statements_skips_bad_items(tmp_path):
    path = tmp_path / "dev.json"
    path.write_text(json.dumps([
        {"original_text": "A.", "extracted": [{"Predictor": "X", "Modality": "70%"}, "junk"]},
        {"original_text": None, "extracted": None},
    ]))
    items = read_statements(tmp_path)
    assert [len(golds) for _, golds in items] == [1, 0]
    assert items[0][1][0].probability == 0.7


def test_evaluate_tiny_file(tmp_path, nlp):
    text = ("The storm hit the island on Monday. Forecasters said the storm will weaken over cold water. "
            "Officials closed the schools.")
    statements = [
        {"Event Variable": "Storm strength", "Predicted Attribute": "weakening over cold water",
         "Predictor": "Forecasters", "Modality": "80%", "Modality Evidence": "Forecasters said it will weaken."},
        {"Event Variable": "School closures", "Predicted Attribute": "schools closed by officials",
         "Predictor": "Officials", "Modality": "100%", "Modality Evidence": "Officials closed the schools."},
    ]
    path = tmp_path / "dev.json"
    path.write_text(json.dumps([{"original_text": text, "extracted": statements}]))
    result = evaluate_forecasts(path)
    assert set(result) >= {"recall", "precision", "predictor_accuracy", "docs", "baseline"}
    assert (result["docs"], result["statements"], result["aligned"]) == (1, 2, 2)
    assert (result["recall"], result["precision"], result["predictor_accuracy"]) == (0.5, 1.0, 1.0)
    assert result["baseline"]["recall"] == 0.5
    assert "baseline" in format_report(result)


@pytest.mark.parametrize("half,texts", [
    (None, ["Prices will rise.", "Wages fell.", "Rents will fall."]),
    ("even", ["Prices will rise.", "Rents will fall."]),
    ("odd", ["Wages fell."]),
])
def test_evaluate_one_half(tmp_path, nlp, half, texts):
    items = [{"original_text": t, "extracted": []} for t in ("Prices will rise.", "Wages fell.", "Rents will fall.")]
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(items))
    result = evaluate_forecasts(path, half=half)
    assert result["docs"] == len(texts)
    assert result["predictions"] == sum("will" in t for t in texts)


def test_alignment_tie_goes_to_the_first_sentence():
    sentences = [content_words(s) for s in ("alpha beta gamma delta", "gamma delta alpha beta")]
    assert align([gold("alpha beta gamma delta")], sentences) == [0]


@pytest.mark.slow
def test_future_statements_dev_floors(shared_dir, below_floors):
    path = gold_data(shared_dir / "evaldata" / "future-statements" / "dev.json")
    result = evaluate_forecasts(path)
    assert not below_floors("forecasts", result), "below the pinned floors (value, floor)"
    for key in ("recall", "precision", "predictor_accuracy"):
        assert result[key] > result["baseline"][key], f"{key}: no better than the cue-word baseline"
