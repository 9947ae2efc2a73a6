"""`sayso eval forecasts DIR --format meantime`: the MEANTIME reader, the scores, the baseline, the floors."""
from __future__ import annotations

import pytest

from tests import gold_data

from sayso.evaluate.forecasts_meantime import (
    MeantimeTally, Predicted, baseline_predictions, corpora_of, evaluate_meantime, format_meantime, inside,
)
from sayso.evaluate.meantime import TUNING_CORPORA, GoldEvent, read_document, read_meantime

# A hand-made MEANTIME document: title, dateline, two sentences; "cut" FUTURE/PROBABLE, "hire" FUTURE/NEG,
# "said" NON_FUTURE; sentence 3 holds no annotation, so it is out of scope.
DOC = """<?xml version="1.0" ?><Document doc_id="1" doc_name="t" lang="en">
{tokens}
<Markables>
<EVENT_MENTION m_id="1" time="FUTURE" certainty="PROBABLE" polarity="POS" pred="cut"><token_anchor t_id="14"/></EVENT_MENTION>
<EVENT_MENTION m_id="2" time="NON_FUTURE" certainty="CERTAIN" polarity="POS" pred="say"><token_anchor t_id="10"/></EVENT_MENTION>
<EVENT_MENTION m_id="3" time="FUTURE" certainty="CERTAIN" polarity="NEG" pred="hire"><token_anchor t_id="20"/></EVENT_MENTION>
<TIMEX3 m_id="9" functionInDocument="CREATION_TIME" type="DATE" value="2008-03-01"><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/></TIMEX3>
</Markables>
<Relations></Relations>
</Document>"""
SENTENCES = [
    ["Airbus", "to", "cut", "jobs"],
    ["March", "01", ",", "2008"],
    ["Airbus", "said", "it", "expects", "to", "cut", "jobs", "."],
    ["It", "will", "not", "hire", "``", "new", "staff", "''", "."],
    ["Shares", "rose", "."],
]


def write_doc(folder, name="t.xml"):
    tokens, n = [], 0
    for s, words in enumerate(SENTENCES):
        for w in words:
            n += 1
            tokens.append(f'<token number="{n - 1}" sentence="{s}" t_id="{n}">{w}</token>')
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(DOC.format(tokens="\n".join(tokens)), encoding="utf-8")
    return path


def test_reader_rebuilds_readable_text_with_offsets(tmp_path):
    doc = read_document(write_doc(tmp_path / "corpus_x"), "corpus_x")
    assert doc.text.split("\n") == ["Airbus to cut jobs", "March 01, 2008", "Airbus said it expects to cut jobs.",
                                    "It will not hire “new staff”.", "Shares rose."]
    assert doc.dct == "2008-03-01" and doc.text[slice(*doc.dateline)] == "March 01, 2008"
    cut, said, hire = doc.events
    assert [doc.text[s:e] for s, e in cut.spans] == ["cut"] and cut.start > doc.text.index("expects")
    assert (hire.time, hire.certainty, hire.polarity, doc.text[hire.start:hire.end]) == ("FUTURE", "CERTAIN", "NEG", "hire")
    assert doc.annotated_end == doc.text.index("Shares") - 1  # the last annotated sentence ends here
    assert [e.pred for e in doc.future] == ["cut", "hire"]


def test_tally_counts_found_events_precision_hedging_and_polarity(tmp_path):
    doc = read_document(write_doc(tmp_path / "corpus_x"))
    at = doc.text.index
    preds = [
        Predicted(at("to cut jobs."), at("jobs."), "likely", "positive"),  # holds "cut": PROBABLE, POS
        Predicted(at("It will"), at("hire") + 4, "certain", "negative"),  # holds "hire": CERTAIN, NEG
        Predicted(at("Airbus said"), at("Airbus said") + 6, "certain", "positive"),  # holds no future event
        Predicted(at("Shares"), at("rose"), "certain", "positive"),  # after the annotated part: not scored
    ]
    tally = MeantimeTally()
    tally.add(doc, preds)
    r = tally.result()
    assert (r["future_events"], r["found"], r["forecasts"], r["correct_forecasts"]) == (2, 2, 3, 2)
    assert (r["recall"], r["precision"], r["hedging_accuracy"], r["polarity_accuracy"]) == (1.0, 0.6667, 1.0, 1.0)


def test_an_event_is_found_only_inside_one_span():
    event = GoldEvent([(10, 14), (20, 24)], "FUTURE", "CERTAIN", "POS")
    assert inside(event, Predicted(5, 30, "certain", "positive"))
    assert not inside(event, Predicted(12, 30, "certain", "positive"))


def test_baseline_takes_sentences_with_cue_words(tmp_path, nlp):
    doc = read_document(write_doc(tmp_path / "corpus_x"))
    found = baseline_predictions(nlp(doc.text), doc)
    assert [(doc.text[p.start:p.end], p.hedging, p.polarity) for p in found] == [
        ("Airbus said it expects to cut jobs.", "likely", "positive"),
        ("It will not hire “new staff”.", "certain", "negative")]


@pytest.mark.parametrize("name,expected", [
    (None, TUNING_CORPORA), ("tuning", TUNING_CORPORA), ("held-out", ("corpus_gm", "corpus_stock")),
    ("gm,stock", ("corpus_gm", "corpus_stock")), ("corpus_apple", ("corpus_apple",)),
])
def test_corpora(name, expected):
    assert corpora_of(name) == expected


def test_read_meantime_chooses_corpora_and_reports_bad_input(tmp_path):
    write_doc(tmp_path / "corpus_airbus")
    write_doc(tmp_path / "corpus_apple")
    write_doc(tmp_path / "corpus_gm")
    assert [d.corpus for d in read_meantime(tmp_path)] == ["corpus_airbus", "corpus_apple"]
    assert [d.corpus for d in read_meantime(tmp_path, ("corpus_gm",))] == ["corpus_gm"]
    assert len(read_meantime(tmp_path / "corpus_gm")) == 1  # a corpus folder itself
    with pytest.raises(ValueError, match="no MEANTIME corpus folder corpus_stock"):
        read_meantime(tmp_path, ("corpus_stock",))
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "x.xml").write_text("<Document", encoding="utf-8")
    with pytest.raises(ValueError, match="not a MEANTIME document"):
        read_meantime(tmp_path / "bad")


def test_evaluate_tiny_corpus(tmp_path, nlp):
    write_doc(tmp_path / "corpus_airbus")
    write_doc(tmp_path / "corpus_apple")
    result = evaluate_meantime(tmp_path)
    assert (result["docs"], result["future_events"], result["format"]) == (2, 4, "meantime")
    assert result["recall"] == result["baseline"]["recall"] == 1.0
    assert result["other_events"] == 0 and result["baseline"]["other_events"] == 2  # "said", in each document
    assert "baseline" in format_meantime(result)


@pytest.mark.slow
def test_meantime_tuning_floors_and_baseline(shared_dir, below_floors):
    path = gold_data(shared_dir / "evaldata" / "meantime-en" / "intra-doc_annotation")
    result = evaluate_meantime(path)
    assert result["corpora"] == list(TUNING_CORPORA)
    assert not below_floors("forecasts_meantime", result), "below the pinned floors (value, floor)"
    for key in ("recall", "precision", "f1", "hedging_accuracy", "polarity_accuracy"):
        assert result[key] > result["baseline"][key], f"{key}: no better than the cue-word baseline"
