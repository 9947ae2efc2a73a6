"""The TempEval-3 style time scorer on hand-made TimeML / MEANTIME files, and the TBAQ floors."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests import gold_data

from sayso.evaluate.time import TimeScorer, evaluate_time, format_report, match, read_docs
from sayso.records import TimeExpr

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" functionInDocument="CREATION_TIME">19980227</TIMEX3></DCT>
<TEXT>
Shares <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-27">Friday</TIMEX3> after a rally that lasted <TIMEX3 tid="t2" type="DURATION" value="P2W">the past two weeks</TIMEX3>. Profit fell in <TIMEX3 tid="t3" type="DATE" value="1997">last year</TIMEX3>'s period.
</TEXT>
</TimeML>
"""

NAF = """<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Title</token>
<token number="1" sentence="1" t_id="2">May</token>
<token number="2" sentence="1" t_id="3">14</token>
<token number="3" sentence="1" t_id="4">,</token>
<token number="4" sentence="1" t_id="5">2009</token>
<token number="5" sentence="2" t_id="6">Sales</token>
<token number="6" sentence="2" t_id="7">fell</token>
<token number="7" sentence="2" t_id="8">last</token>
<token number="8" sentence="2" t_id="9">year</token>
<token number="9" sentence="3" t_id="10">Unannotated</token>
<token number="10" sentence="3" t_id="11">yesterday</token>
<Markables>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2008"><token_anchor t_id="8"/><token_anchor t_id="9"/></TIMEX3>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2009-05-14"><token_anchor t_id="2"/><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/></TIMEX3>
</Markables>
</Document>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_read_tml_offsets_and_dct(tmp_path):
    write(tmp_path, "a.tml", TML)
    [doc] = read_docs(tmp_path)
    assert doc.dct == "1998-02-27"
    assert [doc.text[g.start:g.end] for g in doc.timexes] == ["Friday", "the past two weeks", "last year"]
    assert [g.value for g in doc.timexes] == ["1998-02-27", "P2W", "1997"]


def test_read_meantime_tokens_dct_and_unannotated_tail(tmp_path):
    write(tmp_path, "b.xml", NAF)
    [doc] = read_docs(tmp_path)
    assert doc.dct == "2009-05-14"
    assert [doc.text[g.start:g.end] for g in doc.timexes] == ["last year"]  # the DCT is not gold
    dct_line, tail = doc.ignore
    assert doc.text[dct_line[0]:dct_line[1]] == "May 14 , 2009"
    assert doc.text[tail[0]:tail[1]] == "Unannotated yesterday"


def tx(text: str, sub: str, type_: str, value: str | None) -> TimeExpr:
    start = text.index(sub)
    return TimeExpr(start, start + len(sub), sub, type_, value)


def test_scorer_strict_relaxed_type_value(tmp_path):
    write(tmp_path, "a.tml", TML)
    [doc] = read_docs(tmp_path)
    pred = [
        tx(doc.text, "Friday", "DATE", "1998-02-27"),  # exact, right value
        tx(doc.text, "past two weeks", "DURATION", "P1W"),  # overlap only, wrong value
        tx(doc.text, "rally", "DATE", None),  # false positive
    ]
    scorer = TimeScorer()
    scorer.add_doc(doc, pred)
    r = scorer.result()
    assert r["strict"] == {"p": round(1 / 3, 4), "r": round(1 / 3, 4), "f1": round(1 / 3, 4)}
    assert r["relaxed"]["p"] == round(2 / 3, 4) and r["relaxed"]["r"] == round(2 / 3, 4)
    assert r["type_accuracy"] == 1.0 and r["value_accuracy"] == 0.5
    assert r["value_f1"] == round(r["relaxed"]["f1"] * 0.5, 4)
    assert r["docs"] == 1
    assert "value F1" in format_report(r)


def test_scorer_empty_prediction_scores_zero(tmp_path):
    write(tmp_path, "a.tml", TML)
    [doc] = read_docs(tmp_path)
    scorer = TimeScorer()
    scorer.add_doc(doc, [])
    r = scorer.result()
    assert r["strict"]["f1"] == 0.0 and r["relaxed"]["r"] == 0.0


# (gold spans, predicted spans, one-to-one pairs)
MATCHES = [
    ([(0, 5)], [(0, 5)], [(0, 0)]),
    ([(0, 5)], [(3, 8)], [(0, 0)]),
    ([(0, 5)], [(5, 8)], []),
    ([(0, 10)], [(0, 4), (0, 10)], [(0, 1)]),  # exact beats a partial overlap
    ([(0, 4), (5, 9)], [(0, 9)], [(0, 0)]),  # one prediction matches one gold only
]


@pytest.mark.parametrize("gold, pred, pairs", MATCHES)
def test_match_one_to_one(gold, pred, pairs):
    assert sorted(match(gold, pred)) == pairs


def test_evaluate_time_end_to_end(tmp_path):
    write(tmp_path, "a.tml", TML)
    write(tmp_path, "b.xml", NAF)
    write(tmp_path, "notes.xml", "<notes>not a corpus file</notes>")
    r = evaluate_time(tmp_path)
    assert r["docs"] == 2 and r["gold"] == 4
    assert r["strict"]["f1"] > 0.5
    assert set(r) >= {"strict", "relaxed", "type_accuracy", "value_accuracy", "value_f1", "docs"}


# Floors: measured TBAQ scores minus about 0.01, under the "time" key of .ci/floors.json.


@pytest.mark.slow
def test_tbaq_floors(shared_dir, below_floors):
    tbaq = gold_data(shared_dir / "evaldata" / "tempeval3" / "Training" / "TBAQ-cleaned")
    result = evaluate_time(tbaq)
    assert result["docs"] >= 256
    assert not below_floors("time", result), "below the pinned floors (value, floor)"
